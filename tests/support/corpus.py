"""The bundled articles (five real Korean news pages, tests/data/corpus) and their hand-checked summaries."""

from __future__ import annotations

import json
from pathlib import Path

from summarizer import ArticleSummary

TESTS = Path(__file__).resolve().parent.parent
ROOT = TESTS.parent
CORPUS = TESTS / "data" / "corpus"
FIXTURES = TESTS / "fixtures"
SHORT = (TESTS / "data" / "short" / "buses.txt").read_text(encoding="utf-8")
"""A two-line article about no real subject, for the runs of the real embedded model."""


def corpus_path(n: str) -> Path:
    (path,) = CORPUS.glob(f"{n}_*.txt")
    return path


def corpus(n: str) -> str:
    """A bundled article's exact text (newlines kept as they are on disk)."""
    with open(corpus_path(n), encoding="utf-8", newline="") as f:
        return f.read()


def fixture_path(n: str) -> Path:
    return FIXTURES / f"{n}.summary.fixture.json"


def fixture_summary(n: str) -> ArticleSummary:
    """A hand-checked summary of article ``n``: a fixture, not a model's answer."""
    return ArticleSummary.model_validate_json(fixture_path(n).read_text(encoding="utf-8"))


def numbered_dump(path: Path, n: int) -> Path:
    """A JSONL dump of ``n`` articles, 004 and 001 by turns, each marked "(기사 번호 i)" so that the fixture
    endpoint can tell them apart (support.endpoint)."""
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            base = corpus("001") if i % 2 else corpus("004")
            f.write(json.dumps({"id": f"art-{i}", "text": base + f"\n(기사 번호 {i})"}, ensure_ascii=False) + "\n")
    return path
