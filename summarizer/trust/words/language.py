"""Which language a text is written in, by its letters: Korean (Hangul), English (Latin), or another.

News in this tool is Korean or English. A text is Korean when Hangul makes up a fair share of its letters
(Korean news writes names and terms in Latin letters too: GPU, AI, SK하이닉스), English when Latin letters
do and no Hangul to speak of, and ``"other"`` when most letters are of another script (CJK ideographs
alone, Cyrillic, Arabic...), or ``None`` when it has too few letters to tell.
"""

from __future__ import annotations

import re
from typing import Literal

__all__ = ["Language", "language_of"]

Language = Literal["ko", "en", "other"]

_MIN_LETTERS = 4
_KOREAN_SHARE = 0.2
"""Hangul's share of the letters above which a text is Korean: a Korean sentence with a few English terms."""


_HANGUL = "\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f"
_LATIN_RE = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_LETTER_RE = re.compile(r"[^\W\d_]")
_NEITHER_RE = re.compile(f"[^\x00-\x7f{_HANGUL}]")
"""A character that is neither ASCII nor Hangul: few in Korean text, so that Hangul is counted as what is left."""
_NON_ASCII_RE = re.compile("[^\x00-\x7f]+")
_ASCII_NON_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())
_SAMPLE = 3_000
"""Characters read of a long text (an article): its language shows long before that."""
_HEAD = 1_000


def language_of(text: str) -> Language | None:
    """``"ko"``, ``"en"`` or ``"other"`` by the letters of ``text``; None when it has fewer than four letters."""
    sample = text[:_SAMPLE]
    if sample.isascii():  # no Hangul; its letters are Latin: [A-Za-z] is [^\W\d_] in ASCII
        latin = len(sample.encode("ascii").translate(None, _ASCII_NON_LETTERS))
        return None if latin < _MIN_LETTERS else "en"
    plain = sample.encode("ascii", "ignore")
    ascii_letters = len(plain.translate(None, _ASCII_NON_LETTERS))
    # every letter is one of the characters that are not ASCII non-letters: when Hangul is a fair share of
    # those, it is of the letters too, and the other scripts need not be counted (a Korean text, at once:
    # the Hangul of its first thousand characters is usually enough to tell)
    bound = len(sample) - len(plain) + ascii_letters
    for head in (_HEAD, _SAMPLE):
        part = sample[:head]
        # the Hangul letters: what is neither ASCII nor another character, each counted in C
        hangul = len(part) - len(part.encode("ascii", "ignore")) - len(_NEITHER_RE.findall(part))
        if hangul >= _MIN_LETTERS and hangul >= _KOREAN_SHARE * bound:
            return "ko"
        if head >= len(sample):
            break
    # Latin letters and letters: the ASCII ones counted in C, the rest (few in English text) by their patterns
    rest = "".join(_NON_ASCII_RE.findall(sample))
    latin = ascii_letters + len(_LATIN_RE.findall(rest))
    letters = max(ascii_letters + len(_LETTER_RE.findall(rest)), hangul + latin)
    if letters < _MIN_LETTERS:
        return None
    if hangul >= _KOREAN_SHARE * letters:
        return "ko"
    if latin > letters - hangul - latin:
        return "en"
    return "other"
