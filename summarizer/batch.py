"""Batch runs: many articles, a bounded number in flight, results as they finish.

``summarize_batch`` is the Python API; ``run`` is what ``summarizer run`` does
with it: stream the inputs, skip what an earlier run already did with the same
settings, append one JSON line per article, send failures to a dead-letter
file, and count.

The output survives ``kill -9`` at any moment: each line is one ``write`` to
a file opened for appending, and a rerun first cuts off a partial last line
(the one a kill can leave), so it never breaks the file or the rerun.
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import AsyncIterable, AsyncIterator, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import Settings
from .errors import UsageError
from .extract import Summarizer
from .inputs import Article, Unreadable
from .result import Result

__all__ = ["Counts", "ResultsFile", "summarize_batch"]


async def _aiter(items: Iterable[Any] | AsyncIterable[Any]) -> AsyncIterator[Any]:
    if hasattr(items, "__aiter__"):
        async for item in items:  # type: ignore[union-attr]
            yield item
    else:
        for item in items:  # type: ignore[union-attr]
            yield item
            await asyncio.sleep(0)


async def summarize_batch(
    articles: Iterable[Article | str] | AsyncIterable[Article | str],
    *,
    settings: Settings | None = None,
    concurrency: int = 4,
    client: Any = None,
    summarizer: Summarizer | None = None,
) -> AsyncIterator[tuple[Article, Result]]:
    """Summarize ``articles`` with at most ``concurrency`` in flight, yielding
    ``(article, result)`` pairs as they finish (not in input order).

    Input is pulled only as workers free up, so memory stays flat however
    long the iterable is. Plain strings are taken as article texts.
    """
    if concurrency < 1:
        raise UsageError("concurrency must be 1 or more")
    worker = summarizer or Summarizer(settings, client=client)
    pending: asyncio.Queue[Article | None] = asyncio.Queue(maxsize=concurrency)
    done: asyncio.Queue[tuple[Article, Result] | BaseException | None] = asyncio.Queue(maxsize=concurrency)

    async def feed() -> None:
        n = 0
        async for item in _aiter(articles):
            n += 1
            article = item if isinstance(item, Article) else Article(f"item-{n}", str(item), f"<item {n}>")
            await pending.put(article)
        for _ in range(concurrency):
            await pending.put(None)

    async def work() -> None:
        while (article := await pending.get()) is not None:
            await done.put((article, await worker.asummarize(article.text)))
        await done.put(None)

    async def guard(coro) -> None:
        try:
            await coro
        except BaseException as e:  # noqa: BLE001 - handed to the consumer below
            await done.put(e)
            raise

    tasks = [asyncio.create_task(guard(feed()))] + [asyncio.create_task(guard(work())) for _ in range(concurrency)]
    finished = 0
    try:
        while finished < concurrency:
            item = await done.get()
            if item is None:
                finished += 1
            elif isinstance(item, BaseException):
                raise item
            else:
                yield item
    finally:
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if summarizer is None:
            await worker.aclose()


@dataclass
class Counts:
    read: int = 0
    skipped: int = 0
    verified: int = 0
    flagged: int = 0
    rejected: int = 0
    failed: int = 0
    tokens: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)

    def add(self, status: str) -> None:
        setattr(self, status, getattr(self, status) + 1)

    def adds_up(self) -> bool:
        return self.read == self.skipped + self.verified + self.flagged + self.rejected + self.failed

    def line(self) -> str:
        return (f"read={self.read} skipped={self.skipped} verified={self.verified} flagged={self.flagged} "
                f"rejected={self.rejected} failed={self.failed}")


class ResultsFile:
    """An append-only JSON Lines file that a kill cannot corrupt."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None

    def recover_tail(self) -> None:
        """Cut off a partial last line, the one a kill can leave."""
        if not self.path.exists():
            return
        with open(self.path, "rb") as f:
            data = f.read()
        end = data.rfind(b"\n") + 1
        if end < len(data):
            os.truncate(self.path, end)

    def recover(self) -> set[tuple[str, str, str]]:
        """Cut off a partial last line; return the (id, hash, settings) keys already done."""
        keys: set[tuple[str, str, str]] = set()
        if not self.path.exists():
            return keys
        good = 0
        with open(self.path, "rb") as f:
            for n, raw in enumerate(f, 1):
                if not raw.endswith(b"\n"):
                    break  # a line a kill cut short
                try:
                    record = json.loads(raw)
                    keys.add((record["id"], record["hash"], record["settings"]))
                except (ValueError, KeyError, TypeError):
                    raise UsageError(f"{self.path}: line {n} is not a result of summarizer run; "
                                     "give --out a results file of ours, or a new file") from None
                good += len(raw)
        if good < self.path.stat().st_size:
            os.truncate(self.path, good)
        return keys

    def append(self, record: dict[str, Any]) -> None:
        if self._fd is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        written = os.write(self._fd, data)
        while written < len(data):  # a short write: finish the line before anything else
            written += os.write(self._fd, data[written:])

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def result_record(article: Article, result: Result, fingerprint: str) -> dict[str, Any]:
    return {"id": article.id, "origin": article.origin, "hash": article.hash, "settings": fingerprint,
            "title": article.title, "url": article.url, "published": article.published,
            "flags": list(article.flags), "text": article.text, **result.model_dump(mode="json")}


def dead_record(item: Article | Unreadable, reason: str, kind: str, fingerprint: str) -> dict[str, Any]:
    record = {"id": item.id, "origin": item.origin, "reason": reason, "failure_kind": kind,
              "settings": fingerprint}
    if isinstance(item, Article):
        record["hash"] = item.hash
    return record
