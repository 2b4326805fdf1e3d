"""summarize_batch: a bounded number in flight, results as they finish, input pulled lazily."""

import asyncio
import json

import httpx2

from summarizer import Article, Settings, summarize_batch
from support.completions import async_client, tool_answer
from support.corpus import corpus, fixture_summary

GOOD = fixture_summary("001").model_dump_json()


def test_summarize_batch_bounds_concurrency_and_yields_as_results_finish():
    in_flight, peak, order = 0, 0, []

    async def handler(request):
        nonlocal in_flight, peak
        body = json.loads(request.content)
        tag = body["messages"][-1]["content"].rsplit("#", 1)[-1].strip()
        in_flight += 1
        peak = max(peak, in_flight)
        await asyncio.sleep(0.3 if tag == "0" else 0.02)
        in_flight -= 1
        order.append(tag)
        return httpx2.Response(200, json=tool_answer(GOOD, prompt=1, answer=1))

    async def articles():  # an async iterable, consumed lazily
        for i in range(12):
            yield Article(f"a{i}", corpus("001") + f"\n#{i}", f"<{i}>")

    async def go():
        client = async_client(handler, "http://t.test/v1")
        settings = Settings(base_url="http://t.test/v1", api_key="sk-test", model="m")
        return [(a.id, r.status) async for a, r in summarize_batch(articles(), settings=settings, concurrency=3,
                                                                      client=client)]

    results = asyncio.run(go())
    assert sorted(i for i, _ in results) == sorted(f"a{i}" for i in range(12))
    assert all(s == "verified" for _, s in results)
    assert peak == 3
    assert results[0][0] != "a0"  # the slow first article finished later than others
