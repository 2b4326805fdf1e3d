"""What every engine of ``summarizer run`` shares: the options, the counts, the breaker, the checks before
anything is written, and the end of a run (the counts add up; the report is written).

A failure that every article would meet (a refused key, an unknown model)
stops a run at once, and so do ``max(3, concurrency)`` articles in a row that
could not reach the endpoint (or that failed inside summarizer): that is the
``Breaker``. What is done is kept, and ``Counts.stopped`` says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..contract.errors import SummarizerError, UsageError
from ..contract.result import Result, ResultStatus
from ..io.html_text import html_seconds
from ..io.inputs import JSONL_SUFFIXES, SUFFIXES
from ..io.paths import check_paths
from ..model.batches import MAX_REQUESTS, Price
from ..views.report_html import write_report

__all__ = ["ENGINES", "BatchOptions", "Breaker", "Counts", "CountsDoNotAddUp", "RunOptions", "check_options",
           "default_dead_letter", "estimate_total", "finish"]

ENGINES = ("default", "ray")


@dataclass(frozen=True)
class RunOptions:
    inputs: tuple[str, ...]
    out: Path
    dead_letter: Path
    report: Path | None = None
    concurrency: int = 4
    engine: str = "default"
    """``default`` (asyncio, in this process) or ``ray`` (Ray Data: ``ray_engine``)."""
    ray_address: str | None = None
    """The Ray cluster to run on; None starts a local Ray for the run and stops it after."""
    ray_actors: int = 2
    """Actors (each one client) that share ``concurrency`` between them, on the Ray engine."""
    batch: BatchOptions | None = None
    """``--batch-api``: the asks go to the provider's Batch API (``batch_api``); None: online."""


@dataclass(frozen=True)
class BatchOptions:
    """How a ``--batch-api`` run submits and waits."""

    size: int = MAX_REQUESTS
    """Requests in one batch at most (a batch file is split further to stay under 200 MB)."""
    poll: float = 60.0
    """The longest wait between two polls, in seconds; polls start at 5 s (or this, if less) and back off."""
    reask_online: bool = False
    """Every ask after an article's first goes online, at once, instead of in a further batch."""
    price: Price | None = None
    """The price to say the cost at; None: the known batch price of the model, if any."""


@dataclass
class Counts:
    read: int = 0
    skipped: int = 0
    verified: int = 0
    flagged: int = 0
    rejected: int = 0
    failed: int = 0
    unfinished: int = 0
    """Read, but left undone because the run stopped."""
    tokens: int = 0
    stopped: str | None = None
    """Why the run stopped before its end (a refused key, an unknown model, an endpoint gone), if it did."""

    def add(self, status: ResultStatus | str) -> None:
        setattr(self, status, getattr(self, status) + 1)

    @property
    def finished(self) -> int:
        return self.skipped + self.verified + self.flagged + self.rejected + self.failed

    def adds_up(self) -> bool:
        return self.read == self.finished + self.unfinished

    def line(self) -> str:
        unfinished = f" unfinished={self.unfinished}" if self.stopped else ""
        return (f"read={self.read} skipped={self.skipped} verified={self.verified} flagged={self.flagged} "
                f"rejected={self.rejected} failed={self.failed}{unfinished}")


class CountsDoNotAddUp(SummarizerError):
    pass


def default_dead_letter(out: Path) -> Path:
    """Where failures go when no --dead-letter is given: beside the results, ``NAME.failed.jsonl``."""
    return out.with_name(out.stem + ".failed.jsonl")


def estimate_total(inputs: tuple[str, ...]) -> int | None:
    """How many records the inputs hold, by a cheap pass (lines of JSONL, files), or None for stdin."""
    total = 0
    for raw in inputs:
        if raw == "-":
            return None
        path = Path(raw)
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES) \
            if path.is_dir() else [path]
        for f in files:
            if f.suffix.lower() in JSONL_SUFFIXES and f.exists():
                with open(f, "rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            else:
                total += 1
    return total


class Breaker:
    """Counts articles in a row that failed the same way for every article (the endpoint unreachable, or a
    bug of ours); trips at ``limit``."""

    SAYS = {"unavailable": "could not reach the endpoint", "internal_error": "failed inside summarizer"}

    def __init__(self, limit: int) -> None:
        self.limit, self.kind, self.in_a_row = limit, None, 0

    def tripped(self, result: Result) -> bool:
        kind = result.failure_kind if result.failure_kind in self.SAYS else None
        self.in_a_row = self.in_a_row + 1 if kind is not None and kind == self.kind else int(kind is not None)
        self.kind = kind
        return self.in_a_row >= self.limit

    def reason(self, result: Result) -> str:
        return f"the last {self.limit} articles {self.SAYS[result.failure_kind or '']} ({result.failure})"


def check_options(options: RunOptions) -> None:
    """A ``UsageError`` for options that cannot work, before anything is written."""
    if options.concurrency < 1:
        raise UsageError("--concurrency must be 1 or more")
    html_seconds()  # a bad SUMMARIZER_HTML_SECONDS is said now, not at the first big page
    if options.engine not in ENGINES:
        raise UsageError(f"unknown engine {options.engine!r}; use one of {', '.join(ENGINES)}")
    if options.engine != "ray" and options.ray_address is not None:
        raise UsageError("--ray-address is for --engine ray; add --engine ray, or leave the address out")
    uri = options.engine == "ray"  # object-store paths go straight through to Ray
    missing = [p for p in options.inputs if p != "-" and not (uri and "://" in p) and not Path(p).exists()]
    if missing:
        raise UsageError(f"{missing[0]}: no such file or folder; give article files or folders of them")
    outputs = [("--out", options.out), ("--dead-letter", options.dead_letter)]
    if options.report is not None:
        outputs.append(("--report", options.report))
    check_paths([p for p in options.inputs if "://" not in p], outputs, written_whole=("--report",))


def finish(options: RunOptions, counts: Counts) -> Counts:
    """Check that the counts add up, and write the report."""
    counts.unfinished = counts.read - counts.finished if counts.stopped else 0
    if not counts.adds_up():
        raise CountsDoNotAddUp(f"the counts do not add up ({counts.line()}); this is a bug, please report it")
    if options.report is not None:
        write_report(options.out, options.report, dead_letters=options.dead_letter)
    return counts


