"""Results files built from hand-checked fixtures, for the reconcile tests.

Each record is what ``summarizer run`` writes for an article whose model
answered with the fixture: the fixture checked by ``validate`` against the
article, the article's text kept as it is. The unrelated articles
(``tests/data/unrelated/``) were written for these tests: short news items
on other subjects, some sharing a name, a place, a date or a figure with the
bundled story.
"""

from __future__ import annotations

import random
from pathlib import Path

from summarizer import Article, ArticleSummary, Result, ResultRecord, validate

from .completions import FIXTURE_MODEL
from .corpus import FIXTURES, TESTS, corpus, corpus_path, fixture_summary

UNRELATED = TESTS / "data" / "unrelated"
BUNDLED = ("000", "001", "002", "003", "004")
OTHERS = ("apec-dinner", "busfare-a", "busfare-b", "foldable")
"""apec-dinner: the same president, place and day, another event; foldable: 삼성전자 and 약 5만 대;
busfare-a and -b: two outlets on one other story, with a 2030 target of 5만 (chargers)."""


def unrelated(name: str) -> str:
    return (UNRELATED / f"{name}.txt").read_text(encoding="utf-8")


def record(article_id: str, text: str, summary: ArticleSummary, origin: str = "") -> ResultRecord:
    """The results-file record of ``text`` summarized as ``summary``."""
    report = validate(text, summary)
    result = Result(status=report.status, summary=summary, report=report, model=FIXTURE_MODEL,
                    base_url="http://127.0.0.1/v1", prompt_version="summarize/v1")
    return ResultRecord.of(Article(article_id, text, origin or article_id), result, "fixture")


def bundled_record(n: str) -> ResultRecord:
    """Bundled article ``n`` (000..004) with its hand-checked summary, under the id ``n``."""
    return record(n, corpus(n), fixture_summary(n), str(corpus_path(n).relative_to(TESTS.parent)))


def unrelated_record(name: str) -> ResultRecord:
    """An unrelated article (tests/data/unrelated) with its hand-checked summary (tests/fixtures/unrelated)."""
    fixture = FIXTURES / "unrelated" / f"{name}.summary.fixture.json"
    summary = ArticleSummary.model_validate_json(fixture.read_text(encoding="utf-8"))
    return record(name, unrelated(name), summary, f"tests/data/unrelated/{name}.txt")


def write_results(path: Path, records: list[ResultRecord]) -> Path:
    path.write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")
    return path


class ProposalEngine:
    """A scripted engine for the loopback endpoint (``support.endpoint.Endpoint``): it answers every
    request with ``answer``, a handwritten ``Proposals`` fixture, and keeps the prompts it was sent."""

    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.prompts: list[str] = []

    def generate(self, prompt, *, max_tokens, grammar=None, cancel=None):
        from summarizer.embedded.engine import Generation

        self.prompts.append(prompt)
        return Generation(self.answer, "stop", 100, 50)


_SYLLABLES = "가나다라마바사아자차카타파하고노도로모보소오조초코토포호구누두루무부수우주추쿠투푸후기니디리미비시지치키티피히"
_ENDINGS = ("했다", "밝혔다", "전했다", "설명했다", "예정이다")


def filler_records(n: int) -> list[ResultRecord]:
    """``n`` results of short made-up news items, each on a subject of its own (a made-up name and words, a
    figure), with a summary the checks verify: a dump too big for every pair of it to be compared."""
    rng = random.Random(23)
    words = ["".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 3)))) for _ in range(3_000)]
    out = []
    for i in range(n):
        name = "".join(rng.choice(_SYLLABLES) for _ in range(3))
        count = rng.randrange(1_000, 99_000)
        first = f"{name} 대표는 올해 {count:,}명이 참여했다고 밝혔다."
        rest = [" ".join(rng.choices(words, k=8)) + f"을 {rng.choice(_ENDINGS)}." for _ in range(4)]
        text = "\n".join([first, *rest]) + "\n"
        summary = ArticleSummary.model_validate({
            "headline": f"{name} 대표, 올해 {count:,}명 참여", "summary": first, "events": [], "quotes": [],
            "figures": [{"id": "f1", "label": "참여", "value": count, "unit": "명", "text": f"{count:,}명",
                         "qualifier": "exact"}]})
        out.append(record(f"filler-{i}", text, summary))
    return out
