"""Many articles, a bounded number in flight, results as they finish.

``summarize_batch`` is the Python API; ``summarizer run`` (``run``) streams
files through it into a results file.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterable, AsyncIterator, Iterable
from typing import Any

from ..contract.article import Article
from ..contract.errors import UsageError
from ..contract.result import Result
from ..model.client import require_kind
from ..model.redact import redact
from ..model.settings import Settings
from ..trust.article.textkey import clip
from .summarize import Summarizer

__all__ = ["MIN_ARTICLE_CHARS", "summarize_article", "summarize_batch"]

MIN_ARTICLE_CHARS = 20
"""Characters (spaces aside) below which an input is no article to summarize, but a failed ``input`` (a dead
letter in a run): a 2-byte file ("hi") came back verified with three events a model made up. A one-sentence
news brief has more (정부가 내년부터 시내버스 기본요금을 1700원으로 올린다: 28; The city will raise bus fares to
$2 next year: 33); a headline alone may have fewer."""


async def summarize_article(worker: Summarizer, article: Article) -> Result:
    """One article's result, never an exception: an empty or too short text is a failed ``input``, any exception while
    summarizing or checking it a failed ``internal_error`` (the key redacted from its reason)."""
    if not article.text.strip():
        return worker.failed("input", "the article text is empty")
    letters = sum(1 for c in article.text if not c.isspace())
    if letters < MIN_ARTICLE_CHARS:
        return worker.failed("input", f"the article is too short to summarize: {letters} characters that are not "
                                      f"spaces, and at least {MIN_ARTICLE_CHARS} are needed")
    started = time.perf_counter()
    try:
        return await worker.asummarize(article.text, article.title)
    except Exception as e:  # noqa: BLE001 - one article's bug is that article's failure
        reason = redact(f"summarizing failed ({type(e).__name__}: {clip(str(e), 200)}); this is a bug in "
                        "summarizer: please report it with the article", [worker.settings.api_key])
        return worker.failed("internal_error", reason, round(time.perf_counter() - started, 3))


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

    Nothing one article does stops the others: an empty article, or any
    exception while summarizing or checking it, comes back as that article's
    ``failed`` result (``input``, ``internal_error``).
    """
    if concurrency < 1:
        raise UsageError("concurrency must be 1 or more")
    if client is not None:
        require_kind(client, is_async=True)
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
            await done.put((article, await summarize_article(worker, article)))
        await done.put(None)

    async def guard(coro) -> None:
        try:
            await coro
        except asyncio.CancelledError:
            raise  # we are being shut down: nobody is reading ``done`` any more, so never wait on it
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
