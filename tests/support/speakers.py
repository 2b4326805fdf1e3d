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
