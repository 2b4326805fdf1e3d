"""The checks in a batch: off the event loop, and nothing they do (raise, crawl, hang) reaches past their article."""

import asyncio
import threading

import httpx2

from summarizer import Article, Settings, Summarizer, summarize_batch, validate
from support.completions import async_client, tool_answer
from support.corpus import corpus, fixture_summary

GOOD = fixture_summary("001").model_dump_json()
SETTINGS = Settings(base_url="http://t.test/v1", api_key="sk-test", model="m", max_reasks=0)


async def _answer(request):
    return httpx2.Response(200, json=tool_answer(GOOD, prompt=1, answer=1))


def _articles(n: int) -> list[Article]:
    return [Article(f"a{i}", corpus("001") + f"\n#{i}", f"<{i}>") for i in range(n)]


def _run(check, n: int = 6, concurrency: int = 3, **kw) -> list[tuple[str, str, str | None, str | None]]:
    async def go():
        summarizer = Summarizer(SETTINGS, client=async_client(_answer, "http://t.test/v1"), check=check, **kw)
        return [(a.id, r.status, r.failure_kind, r.failure)
                async for a, r in summarize_batch(_articles(n), concurrency=concurrency, summarizer=summarizer)]

    return asyncio.run(go())


def test_an_exception_in_the_checks_fails_that_article_only():
    def check(text, summary):
        if text.endswith("#2"):
            raise ArithmeticError("[<class 'decimal.InvalidOperation'>]")
        return validate(text, summary)

    results = sorted(_run(check))
    assert results == [
        ("a0", "verified", None, None), ("a1", "verified", None, None),
        ("a2", "failed", "internal_error", "the checks failed on this answer (ArithmeticError: [<class "
                                           "'decimal.InvalidOperation'>]); this is a bug in summarizer: please "
                                           "report it with the article"),
        ("a3", "verified", None, None), ("a4", "verified", None, None), ("a5", "verified", None, None),
    ]


def test_a_slow_check_does_not_hold_up_the_other_articles():
    release = threading.Event()

    def check(text, summary):
        if text.endswith("#0"):
            release.wait(30)  # CPU-bound in real life; here it blocks until the others are done
        return validate(text, summary)

    finished: list[str] = []

    async def go():
        summarizer = Summarizer(SETTINGS, client=async_client(_answer, "http://t.test/v1"), check=check)
        async for article, result in summarize_batch(_articles(6), concurrency=3, summarizer=summarizer):
            finished.append(article.id)
            if len(finished) == 5:
                release.set()  # had the check run on the event loop, nothing would have finished before a0

    asyncio.run(go())
    assert sorted(finished[:5]) == ["a1", "a2", "a3", "a4", "a5"] and finished[5] == "a0"


def test_a_check_that_never_ends_fails_its_article_after_the_timeout_and_the_batch_ends():
    stuck = threading.Event()

    def check(text, summary):
        if text.endswith("#1"):
            stuck.wait(60)
        return validate(text, summary)

    try:
        results = sorted(_run(check, n=4, check_timeout=0.5))
    finally:
        stuck.set()
    assert [r[:3] for r in results] == [("a0", "verified", None), ("a1", "failed", "internal_error"),
                                        ("a2", "verified", None), ("a3", "verified", None)]
    assert results[1][3].startswith("the checks did not finish in 0.5 s on this answer; this is a bug")


def test_any_exception_while_summarizing_one_article_is_that_articles_failure():
    class Buggy(Summarizer):
        async def asummarize(self, text, title=None):
            if text.endswith("#1"):
                raise KeyError("boom")
            return await super().asummarize(text, title)

    async def go():
        summarizer = Buggy(SETTINGS, client=async_client(_answer, "http://t.test/v1"))
        return sorted([(a.id, r.status, r.failure_kind, r.failure, r.model)
                       async for a, r in summarize_batch(_articles(3) + ["   "], concurrency=2,
                                                         summarizer=summarizer)])

    assert asyncio.run(go()) == [
        ("a0", "verified", None, None, "m"),
        ("a1", "failed", "internal_error", "summarizing failed (KeyError: 'boom'); this is a bug in summarizer: "
                                           "please report it with the article", "m"),
        ("a2", "verified", None, None, "m"),
        ("item-4", "failed", "input", "the article text is empty", None),  # never sent: no model named
    ]


def test_an_input_too_short_to_be_an_article_is_a_failed_input_and_no_model_is_asked():
    asked = []

    async def answer(request):
        asked.append(request)
        return await _answer(request)

    async def go():
        summarizer = Summarizer(SETTINGS, client=async_client(answer, "http://t.test/v1"))
        return [(r.status, r.failure_kind, r.failure)
                async for _, r in summarize_batch(["hi", "정부가 내년부터 시내버스 기본요금을 1700원으로 올린다."],
                                                  concurrency=1, summarizer=summarizer)]

    results = asyncio.run(go())
    assert results[0] == ("failed", "input", "the article is too short to summarize: 2 characters that are not "
                                             "spaces, and at least 20 are needed")
    assert results[1][1] != "input" and len(asked) >= 1  # a one-sentence brief is an article
