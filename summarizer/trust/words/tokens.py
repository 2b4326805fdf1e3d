"""Content words, in one shape for Korean and English: what a support check compares between a summary and
its article.

A ``Word`` keeps its place in the text (offsets into the string given) and a ``key``: the form compared,
with particles, endings and inflections already off (Korean morphemes by kiwipiepy, English lemmas by
simplemma), lower-cased. Hangul runs inside an English text, and Latin words inside a Korean one, are each
read by their own language's rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from . import english, korean
from .language import language_of

__all__ = ["Kind", "Word", "content_words"]

Kind = Literal["noun", "name", "verb", "adjective", "number", "foreign", "negation", "word"]

_HANGUL_RUN_RE = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f][^A-Za-z\n]*")


@dataclass(frozen=True, slots=True)
class Word:
    """One content word of a text."""

    text: str
    """As written: ``text[start:end]``."""
    key: str
    """What is compared: the lemma or stem, lower-cased (밝히다, plead, ministry)."""
    kind: Kind
    start: int
    end: int


def content_words(text: str, language: str | None = None) -> list[Word]:
    """The content words of ``text``, in order. ``language`` (``"ko"``, ``"en"``) is found from the text when
    not given; a Korean text is read by kiwipiepy whole (its Latin terms included), any other text by the
    English rules, with its Hangul runs, if any, read by kiwipiepy."""
    lang = language or language_of(text)
    if lang == "ko":
        return [Word(f, k.lower(), kind, s, e) for f, k, kind, s, e in korean.morphemes(text)]  # type: ignore[arg-type]
    out = [Word(f, k, kind, s, e) for f, k, kind, s, e in english.words(text)]  # type: ignore[arg-type]
    for m in _HANGUL_RUN_RE.finditer(text):
        out += [Word(f, k.lower(), kind, m.start() + s, m.start() + e)  # type: ignore[arg-type]
                for f, k, kind, s, e in korean.morphemes(m[0])]
    out.sort(key=lambda w: w.start)
    return out
