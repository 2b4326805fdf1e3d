"""The clients made for an endpoint bound each response: a deadline for all of it, and a cap on its bytes once
inflated. Against a loopback server that drips its headers or its body, or sends a gzip bomb, through the
sync and the async path."""

import asyncio
import gzip
import json

import pytest

from summarizer import Settings, Summarizer
from support.completions import tool_answer
from support.corpus import corpus, fixture_summary
from support.endpoint import Raw, drip, gzip_bomb, http_response, slow_first

A001 = corpus("001")
ANSWER = json.dumps(tool_answer(fixture_summary("001").model_dump_json())).encode()
KEY = "sk-test-0123456789abcdefXYZ"


def _summarize(url: str, is_async: bool, **settings):
    """The article summarized through a client made from the settings, as ``summarize`` makes it; backoff waits
    are recorded, not slept."""
    summarizer = Summarizer(Settings(base_url=url, api_key=KEY, model="fixture", max_reasks=0, **settings),
                            sleep=lambda s: None, async_sleep=lambda s: asyncio.sleep(0))
    if is_async:
        async def go():
            try:
                return await summarizer.asummarize(A001)
            finally:
                await summarizer.aclose()
        return asyncio.run(go())
    try:
        return summarizer.summarize(A001)
    finally:
        summarizer.close()


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("part", ["headers", "body"])
def test_a_response_dripped_past_the_deadline_is_cut_off_and_asked_again(part, is_async):
    with Raw(slow_first(lambda request: http_response(ANSWER), part)) as server:
        result = _summarize(server.url, is_async, timeout=0.5)
    assert result.status == "verified"
    # The first answer's first 60 bytes come a byte every 0.1 s: without a deadline it would have been read
    # to its end, after 6 s, in one request.
    assert [(a.outcome, a.requests) for a in result.attempts] == [("verified", 2)]
    assert len(server.requests) == 2


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_a_response_that_never_ends_in_time_fails_the_article_saying_which_setting(is_async):
    reply = lambda n, request: drip(http_response(ANSWER), 0.1, count=60)  # noqa: E731
    with Raw(reply) as server:
        result = _summarize(server.url, is_async, timeout=0.3, retry_attempts=2)
    assert (result.status, result.failure_kind) == ("failed", "unavailable")
    assert "did not answer in time; raise SUMMARIZER_TIMEOUT" in result.failure
    assert [(a.outcome, a.requests) for a in result.attempts] == [("failed", 2)]


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_a_gzip_bomb_is_cut_off_at_the_limit_and_not_asked_again(is_async):
    bomb = gzip_bomb(4_000_000)  # 4 MB of zeros, 4 kB on the wire
    reply = lambda n, request: [http_response(bomb, {"content-encoding": "gzip"})]  # noqa: E731
    with Raw(reply) as server:
        result = _summarize(server.url, is_async, max_response_bytes=64_000)
    assert (result.status, result.failure_kind) == ("failed", "invalid_response")
    assert result.failure == ("the endpoint's response is over 64,000 bytes (SUMMARIZER_MAX_RESPONSE_BYTES); no "
                              "answer needs that much: check the endpoint, or raise the limit")
    assert len(server.requests) == 1


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_a_compressed_answer_within_the_limit_is_read_as_sent(is_async):
    body = gzip.compress(ANSWER)
    reply = lambda n, request: [http_response(body, {"content-encoding": "gzip"})]  # noqa: E731
    with Raw(reply) as server:
        result = _summarize(server.url, is_async, max_response_bytes=len(ANSWER))
    assert result.status == "verified"
    assert result.usage.total_tokens == 1400
