"""The same article and settings give the same summary, whatever else runs in the batch and in whatever order.

The offline default (code picks everything) is checked over the bundled corpus and the unrelated articles, in
two orders and two batch sizes, against each article summarized alone. The embedded model, when it is asked
to pick, is checked the same way on short articles: greedy, a fixed seed, and every prompt read whole (no
cached prefix of another article's request), so its picks for an article do not depend on what ran before.
"""

import asyncio

from summarizer import Article, Settings, Summarizer, summarize_batch
from support.corpus import SHORT, TESTS, corpus

UNRELATED = sorted((TESTS / "data" / "unrelated").glob("*.txt"))
ARTICLES = [Article(f"c{n}", corpus(n), n) for n in ("000", "001", "002", "003", "004")]
ARTICLES += [Article(p.stem, p.read_text(encoding="utf-8"), p.name) for p in UNRELATED]


def _batch(articles: list[Article], settings: Settings, concurrency: int) -> dict[str, str]:
    async def go():
        summarizer = Summarizer(settings)
        try:
            return {a.id: r.summary.model_dump_json() async for a, r in
                    summarize_batch(articles, concurrency=concurrency, summarizer=summarizer)}
        finally:
            await summarizer.aclose()

    return asyncio.run(go())


def test_the_offline_summaries_do_not_depend_on_the_batch_or_its_order():
    settings = Settings()  # the embedded model's settings: code picks everything, no model is loaded
    results = {a.id: Summarizer(settings).summarize(a.text, a.title) for a in ARTICLES}
    assert all(r.attempts == [] and r.usage.total_tokens == 0 for r in results.values())  # nothing asked of a model
    alone = {k: r.summary.model_dump_json() for k, r in results.items()}
    forward = _batch(ARTICLES, settings, concurrency=1)
    backward = _batch(ARTICLES[::-1], settings, concurrency=4)
    assert forward == backward == alone
    assert len(set(alone.values())) == len(ARTICLES)  # and each article has a summary of its own


OTHER = "[테스트일보] 새빛군은 10일 공공도서관 3곳을 새로 연다고 밝혔다.\n이수진 군수는 \"누구나 책을 읽게 하겠다\"고 말했다.\n"


def test_the_embedded_models_picks_do_not_depend_on_what_ran_before():
    settings = Settings(grounded_picks=("summary", "events", "figures", "labels", "quotes"), max_reasks=0)
    a, b = Article("a", SHORT, "a"), Article("b", OTHER, "b")
    alone = _batch([a], settings, concurrency=1)
    after = _batch([b, a], settings, concurrency=2)
    assert after["a"] == alone["a"]
