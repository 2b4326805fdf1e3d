"""Many articles, a bounded number in flight, results as they finish.

``summarize_batch`` is the Python API; ``summarizer run`` (``io.run``) streams
files through it into a results file.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterable, AsyncIterator, Iterable
from typing import Any

from ..contract.article import Article
from ..contract.errors import UsageError
from ..contract.result import Result
from ..model.settings import Settings
from .summarize import Summarizer

__all__ = ["summarize_batch"]


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
