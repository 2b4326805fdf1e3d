"""`summarizer run`: inputs in, results out, resumable, counted.

Streams the inputs through ``summarize_batch``, skips what an earlier run
already did with the same settings, appends one ``ResultRecord`` line per
article to the results file and one ``DeadLetter`` per failure (once: a rerun
does not record the same failure again), and checks that the counts add up.

Nothing is written before the paths are checked (``paths``). A failure that
every article would meet (a refused key, an unknown model) stops the run at
once, and so do ``max(3, concurrency)`` articles in a row that could not reach
the endpoint (or that failed inside summarizer); what is done is kept, and
``Counts.stopped`` says why.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..contract.article import Article
from ..contract.errors import SummarizerError, UsageError
from ..contract.record import DeadLetter, ResultRecord
from ..contract.result import Result, ResultStatus
from ..model.failures import STOPS_THE_RUN
from ..model.settings import Settings
from ..pipeline.batch import summarize_batch
from ..pipeline.summarize import Summarizer
from .inputs import JSONL_SUFFIXES, SUFFIXES, Unreadable, read_inputs, reading_note
from .paths import check_paths
from .progress import Progress
from .results import ResultsFile

__all__ = ["ENGINES", "Counts", "RunOptions", "run"]

_NOTES = 20
"""Lines said about inputs read with replaced bytes or in another encoding, before saying only how many more."""


ENGINES = ("default", "ray")


@dataclass(frozen=True)
class RunOptions:
    inputs: tuple[str, ...]
    out: Path
    dead_letter: Path
    report: Path | None = None
    concurrency: int = 4
    engine: str = "default"
    """``default`` (asyncio, in this process) or ``ray`` (Ray Data: ``ray_run``)."""
    ray_address: str | None = None
    """The Ray cluster to run on; None starts a local Ray for the run and stops it after."""
    ray_actors: int = 2
    """Actors (each one client) that share ``concurrency`` between them, on the Ray engine."""


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


class _Breaker:
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


def run(options: RunOptions, settings: Settings, *, stdin=None, stderr: IO[str] | None = None,
        progress: bool | None = None) -> Counts:
    """Run the batch; the counts say what happened (``stopped`` when it ended early). Raises ``UsageError``
    before writing anything when the options cannot work."""
    check_options(options)
    if options.engine == "ray":
        from .ray_run import run_on_ray

        counts = run_on_ray(options, settings, stderr=stderr, progress=progress)
    else:
        counts = _run_default(options, settings, stdin=stdin, stderr=stderr, progress=progress)
    return finish(options, counts)


def check_options(options: RunOptions) -> None:
    """A ``UsageError`` for options that cannot work, before anything is written."""
    if options.concurrency < 1:
        raise UsageError("--concurrency must be 1 or more")
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
    check_paths([p for p in options.inputs if "://" not in p], outputs)


def finish(options: RunOptions, counts: Counts) -> Counts:
    """Check that the counts add up, and write the report."""
    counts.unfinished = counts.read - counts.finished if counts.stopped else 0
    if not counts.adds_up():
        raise CountsDoNotAddUp(f"the counts do not add up ({counts.line()}); this is a bug, please report it")
    if options.report is not None:
        from .html_report import write_report

        write_report(options.out, options.report, dead_letters=options.dead_letter)
    return counts


def _run_default(options: RunOptions, settings: Settings, *, stdin=None, stderr: IO[str] | None = None,
                 progress: bool | None = None) -> Counts:
    out, dead = ResultsFile(options.out), ResultsFile(options.dead_letter)
    done = out.recover()
    recorded = dead.recover_dead_letters()
    fingerprint = settings.fingerprint()
    counts = Counts()
    bar = Progress(estimate_total(options.inputs), stderr, enabled=progress)
    noted = 0

    def record(letter: DeadLetter) -> None:
        if letter.key() not in recorded:
            recorded.add(letter.key())
            dead.append(letter)

    def note(article: Article) -> None:
        nonlocal noted
        line = reading_note(article)
        if line is not None:
            noted += 1
            if noted <= _NOTES:
                bar.note(line)
            elif noted == _NOTES + 1:
                bar.note("summarizer: more inputs were read with replaced bytes or in another encoding; "
                         "their records carry the flags")

    def todo() -> Iterator[Article]:
        for item in read_inputs(options.inputs, stdin):
            counts.read += 1
            if isinstance(item, Unreadable):
                counts.add("failed")
                record(DeadLetter(id=item.id, origin=item.origin, reason=item.reason, failure_kind="input",
                                  settings=fingerprint))
            elif (item.id, item.hash, fingerprint) in done:
                counts.add("skipped")
            else:
                note(item)
                yield item
                continue
            bar.update(counts)

    async def go() -> None:
        summarizer = Summarizer(settings)
        try:
            await consume(summarizer)
        finally:
            await summarizer.aclose()

    async def consume(summarizer: Summarizer) -> None:
        breaker = _Breaker(max(3, options.concurrency))
        batch = summarize_batch(todo(), concurrency=options.concurrency, summarizer=summarizer)
        try:
            async for article, result in batch:
                counts.tokens += result.usage.total_tokens
                counts.add(result.status)
                if result.status == "failed":
                    record(DeadLetter(id=article.id, origin=article.origin, reason=result.failure or "failed",
                                      failure_kind=result.failure_kind or "invalid_response",
                                      settings=fingerprint, hash=article.hash))
                else:
                    out.append(ResultRecord.of(article, result, fingerprint))
                bar.update(counts)
                if result.failure_kind in STOPS_THE_RUN:
                    counts.stopped = result.failure
                    return
                if breaker.tripped(result):
                    counts.stopped = breaker.reason(result)
                    return
        finally:
            await batch.aclose()  # cancels what is still in flight when the run stops

    try:
        asyncio.run(go())
    finally:
        bar.close()
        out.close()
        dead.close()
    return counts
