"""`summarizer run`: inputs in, results out, resumable, counted.

Streams the inputs through ``summarize_batch``, skips what an earlier run
already did with the same settings, appends one ``ResultRecord`` line per
article to the results file and one ``DeadLetter`` per failure, and checks
that the counts add up.
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
from ..contract.result import ResultStatus
from ..model.settings import Settings
from ..pipeline.batch import summarize_batch
from ..pipeline.summarize import Summarizer
from .inputs import JSONL_SUFFIXES, SUFFIXES, Unreadable, read_inputs
from .progress import Progress
from .results import ResultsFile

__all__ = ["Counts", "RunOptions", "run"]


@dataclass(frozen=True)
class RunOptions:
    inputs: tuple[str, ...]
    out: Path
    dead_letter: Path
    report: Path | None = None
    concurrency: int = 4


@dataclass
class Counts:
    read: int = 0
    skipped: int = 0
    verified: int = 0
    flagged: int = 0
    rejected: int = 0
    failed: int = 0
    tokens: int = 0

    def add(self, status: ResultStatus | str) -> None:
        setattr(self, status, getattr(self, status) + 1)

    def adds_up(self) -> bool:
        return self.read == self.skipped + self.verified + self.flagged + self.rejected + self.failed

    def line(self) -> str:
        return (f"read={self.read} skipped={self.skipped} verified={self.verified} flagged={self.flagged} "
                f"rejected={self.rejected} failed={self.failed}")


class CountsDoNotAddUp(SummarizerError):
    pass


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


def run(options: RunOptions, settings: Settings, *, stdin=None, stderr: IO[str] | None = None,
        progress: bool | None = None) -> Counts:
    if options.concurrency < 1:
        raise UsageError("--concurrency must be 1 or more")
    missing = [p for p in options.inputs if p != "-" and not Path(p).exists()]
    if missing:
        raise UsageError(f"{missing[0]}: no such file or folder; give article files or folders of them")
    if options.out.resolve() == options.dead_letter.resolve():
        raise UsageError("--out and --dead-letter must be different files")
    out, dead = ResultsFile(options.out), ResultsFile(options.dead_letter)
    done = out.recover()
    dead.recover_tail()
    fingerprint = settings.fingerprint()
    counts = Counts()
    bar = Progress(estimate_total(options.inputs), stderr, enabled=progress)

    def todo() -> Iterator[Article]:
        for item in read_inputs(options.inputs, stdin):
            counts.read += 1
            if isinstance(item, Unreadable):
                counts.add("failed")
                dead.append(DeadLetter(id=item.id, origin=item.origin, reason=item.reason, failure_kind="input",
                                       settings=fingerprint))
            elif (item.id, item.hash, fingerprint) in done:
                counts.add("skipped")
            else:
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
        async for article, result in summarize_batch(todo(), concurrency=options.concurrency,
                                                     summarizer=summarizer):
            counts.tokens += result.usage.total_tokens
            counts.add(result.status)
            if result.status == "failed":
                dead.append(DeadLetter(id=article.id, origin=article.origin, reason=result.failure or "failed",
                                       failure_kind=result.failure_kind or "invalid_response",
                                       settings=fingerprint, hash=article.hash))
            else:
                out.append(ResultRecord.of(article, result, fingerprint))
            bar.update(counts)

    try:
        asyncio.run(go())
    finally:
        bar.close()
        out.close()
        dead.close()
    if not counts.adds_up():
        raise CountsDoNotAddUp(f"the counts do not add up ({counts.line()}); this is a bug, please report it")
    if options.report is not None:
        from .html_report import write_report

        write_report(options.out, options.report)
    return counts
