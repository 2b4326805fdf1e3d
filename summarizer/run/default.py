"""The default engine of ``summarizer run``: asyncio in this process.

Streams the inputs through ``summarize_batch``, read in a worker thread so
that a slow input holds up no request in flight; skips what an earlier run
already did with the same settings, appends one ``ResultRecord`` line per
article to the results file and one ``DeadLetter`` per failure (once: a rerun
does not record the same failure again), and stops when the ``Breaker`` trips.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import IO

from ..contract.article import Article
from ..contract.record import DeadLetter, ResultRecord
from ..io.inputs import Unreadable, read_inputs, reading_note
from ..io.results import ResultsFile
from ..model.failures import STOPS_THE_RUN
from ..model.settings import Settings
from ..pipeline.batch import summarize_batch
from ..pipeline.summarize import Summarizer
from .job import Breaker, Counts, RunOptions, estimate_total
from .progress import Progress

__all__ = ["run_default"]

_NOTES = 20
"""Lines said about inputs read with replaced bytes or in another encoding, before saying only how many more."""


def run_default(options: RunOptions, settings: Settings, *, stdin=None, stderr: IO[str] | None = None,
                progress: bool | None = None, notice: str | None = None) -> Counts:
    out, dead = ResultsFile(options.out), ResultsFile(options.dead_letter)
    done: set[tuple[str, str, str]] = set()
    recorded: set[tuple[str, ...]] = set()
    fingerprint = settings.fingerprint()
    counts = Counts()
    bar = Progress(estimate_total(options.inputs), stderr, enabled=progress, notice=notice)
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

    async def todo() -> AsyncIterator[Article]:
        items = read_inputs(options.inputs, stdin)
        while (item := await asyncio.to_thread(next, items, None)) is not None:
            counts.read += 1
            if isinstance(item, Unreadable):
                counts.add("failed")
                record(DeadLetter(id=item.id, origin=item.origin, reason=item.reason, failure_kind="input",
                                  settings=fingerprint))
            elif (item.id, item.hash, fingerprint) in done:
                counts.add("skipped")
            else:
                note(item)
                bar.calling()
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
        breaker = Breaker(max(3, options.concurrency))
        batch = summarize_batch(todo(), concurrency=options.concurrency, summarizer=summarizer)
        try:
            async for article, result in batch:
                counts.tokens += result.usage.counted
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
        done.update(out.recover())  # holds --out locked until out.close(): a second run on it is refused
        recorded.update(dead.recover_dead_letters())
        asyncio.run(go())
    finally:
        bar.close()
        out.close()
        dead.close()
    return counts
