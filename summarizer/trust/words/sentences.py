"""A text cut into sentences, as spans of it: Korean news (다. 했다. 것. quotations inside sentences,
ellipses, bylines on their own line) and English.

A line is a paragraph here, as everywhere in the trust layer, and no sentence runs across a line break.
Korean lines are cut by kiwipiepy's sentence splitter, which knows that “…”라고 말했다 is one sentence;
English lines by their end marks, keeping common abbreviations (Mr., U.S., Jan.) and decimals whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .english import sentence_spans
from .korean import kiwi
from .language import language_of

__all__ = ["Sentence", "sentences"]

_LINE_RE = re.compile(r"[^\n]*\S[^\n]*")
@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: ``text[start:end]``, without the whitespace around it."""

    text: str
    start: int
    end: int


def _trimmed(text: str, start: int, end: int) -> Sentence | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(text[start:end], start, end) if end > start else None


def sentences(text: str, language: str | None = None) -> list[Sentence]:
    """The sentences of ``text``, in order; offsets index ``text``."""
    lang = language or language_of(text)
    out: list[Sentence] = []
    for line in _LINE_RE.finditer(text):
        if lang == "ko":
            spans = [(s.start, s.end) for s in kiwi().split_into_sents(line[0])]
        else:
            spans = sentence_spans(line[0])
        for s, e in spans:
            sentence = _trimmed(text, line.start() + s, line.start() + e)
            if sentence is not None:
                out.append(sentence)
    return out
