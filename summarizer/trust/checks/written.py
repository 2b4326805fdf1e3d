"""What a summary writes in words, read once for all the checks that compare words: each field's text, its
language and its terms (``words.terms``).

Every field goes through the analyser in one call (kiwipiepy has a cost per call, and a summary has dozens of
short fields): the texts are joined by line breaks, read, and handed back field by field with offsets into
their own text.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...contract.summary import ArticleSummary
from ..words import Term, content_words, language_of, terms

__all__ = ["Field", "Written", "read_summary"]


@dataclass(frozen=True)
class Field:
    """One field a model wrote, and its terms (offsets into ``text``)."""

    path: str
    text: str
    language: str | None
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Written:
    """The fields of a summary that say something in words, by path."""

    article_language: str | None
    fields: dict[str, Field]

    def get(self, path: str) -> Field:
        return self.fields[path]


def _texts(summary: ArticleSummary) -> list[tuple[str, str]]:
    out = [("headline", summary.headline), ("summary", summary.summary)]
    for i, e in enumerate(summary.events):
        out.append((f"events[{i}].description", e.description))
        out += [(f"events[{i}].actors[{j}]", a) for j, a in enumerate(e.actors)]
        if e.location is not None:
            out.append((f"events[{i}].location", e.location))
    out += [(f"figures[{i}].label", f.label) for i, f in enumerate(summary.figures)]
    return out


def read_summary(summary: ArticleSummary, article_language: str | None) -> Written:
    """Every field's terms, read by the article's language's rules (Korean by kiwipiepy, once for all)."""
    texts = _texts(summary)
    joined, starts, at = [], [], 0
    for _, text in texts:
        flat = text.replace("\n", " ")
        joined.append(flat)
        starts.append(at)
        at += len(flat) + 1
    words = content_words("\n".join(joined), "ko" if article_language == "ko" else "en")
    fields: dict[str, Field] = {}
    w = 0
    for (path, text), start in zip(texts, starts, strict=True):
        end = start + len(text)
        mine = []
        while w < len(words) and words[w].start < end:
            word = words[w]
            if word.start >= start:
                mine.append(type(word)(word.text, word.key, word.kind, word.start - start, word.end - start))
            w += 1
        fields[path] = Field(path, text, language_of(text), tuple(terms(text, mine)))
    return Written(article_language, fields)
