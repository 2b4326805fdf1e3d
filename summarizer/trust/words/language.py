"""Which language a text is written in, by its letters: Korean (Hangul), English (Latin), or another.

News in this tool is Korean or English. A text is Korean when Hangul makes up a fair share of its letters
(Korean news writes names and terms in Latin letters too: GPU, AI, SK하이닉스), English when Latin letters
do and no Hangul to speak of, and ``"other"`` when most letters are of another script (CJK ideographs
alone, Cyrillic, Arabic...), or ``None`` when it has too few letters to tell.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

__all__ = ["Language", "language_of"]

Language = Literal["ko", "en", "other"]

_MIN_LETTERS = 4
_KOREAN_SHARE = 0.2
"""Hangul's share of the letters above which a text is Korean: a Korean sentence with a few English terms."""


def _script(ch: str) -> str | None:
    o = ord(ch)
    if 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
        return "hangul"
    if ch.isascii():
        return "latin" if ch.isalpha() else None
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    return "latin" if name.startswith("LATIN") else "other"


def language_of(text: str) -> Language | None:
    """``"ko"``, ``"en"`` or ``"other"`` by the letters of ``text``; None when it has fewer than four letters."""
    counts = {"hangul": 0, "latin": 0, "other": 0}
    for ch in text:
        s = _script(ch)
        if s is not None:
            counts[s] += 1
    letters = sum(counts.values())
    if letters < _MIN_LETTERS:
        return None
    if counts["hangul"] >= _KOREAN_SHARE * letters:
        return "ko"
    if counts["latin"] > counts["other"]:
        return "en"
    return "other"
