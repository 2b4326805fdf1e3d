"""Speakers: English news-style passages written for the attribution tests (fixtures, not real articles),
and every quotation of the bundled articles and those passages with its true speaker, hand-checked."""

from __future__ import annotations

import json

from .corpus import FIXTURES, corpus

SPEAKERS = FIXTURES / "speakers"


def english(name: str) -> str:
    """An English news-style passage written for these tests (tests/fixtures/speakers/NAME.fixture.txt)."""
    with open(SPEAKERS / f"{name}.fixture.txt", encoding="utf-8", newline="") as f:
        return f.read()


def article(name: str) -> str:
    """A bundled article ("000") or an English fixture passage ("en-chips")."""
    return english(name) if name.startswith("en-") else corpus(name)


def truth() -> dict:
    """{article: {"people": [...], "quotes": [[quotation, true speaker], ...]}}, hand-checked."""
    return json.loads((SPEAKERS / "speakers.fixture.json").read_text(encoding="utf-8"))


SPEAKER_CODES = frozenset({"quote.misattributed", "quote.speaker_far", "quote.speaker_not_found"})


def evaluate(validate, language: str) -> dict[str, int]:
    """The misattribution evaluation: every quotation with its true speaker (kept if no speaker finding), and
    with each other person its article names (caught if there is one). ``validate`` is summarizer's own, or an
    older one's, so that both can be measured on the same cases."""
    from summarizer import ArticleSummary

    counts = {"true": 0, "kept": 0, "swapped": 0, "caught": 0}
    for name, entry in truth().items():
        if name.startswith("_") or name.startswith("en-") != (language == "en"):
            continue
        text = article(name)
        for quote, speaker in dict(entry["quotes"]).items():  # a passage the page repeats counts once
            for who in [speaker, *(p for p in entry["people"] if p != speaker)]:
                summary = ArticleSummary(headline="", summary="", quotes=[{"text": quote, "speaker": who}])
                flagged = any(f.code in SPEAKER_CODES for f in validate(text, summary).findings)
                if who == speaker:
                    counts["true"] += 1
                    counts["kept"] += not flagged
                else:
                    counts["swapped"] += 1
                    counts["caught"] += flagged
    return counts
