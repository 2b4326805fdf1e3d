"""Figure labels: what a figure counts must be what the article says around that number.

The label of 5만장 in "공공 부문에 약 5만장" is about 공공 부문; "friend" is not. A label's terms are looked up
in the sentence that holds the figure (each place the article writes it); a label is backed when those
sentences hold at least ``LABEL_THRESHOLD`` of its terms by weight (a term only the rest of the article
writes counts for nothing: "가장 큰 인공지능 인프라" is no label of 1만장 because the article writes those
words elsewhere). Terms the article
writes only elsewhere are named as such; names the article never writes are an error, as in the prose.
"""

from __future__ import annotations

from ...contract.report import Finding
from ...contract.summary import ArticleSummary
from ..article.source import Source
from ..article.vocabulary import Vocabulary, vocabulary
from .figures import FigureChecks
from .findings import excerpt, finding
from .support import other_language
from .wording import backing, listed
from .written import Written

__all__ = ["AROUND", "LABEL_THRESHOLD", "check_labels"]

LABEL_THRESHOLD = 0.5
"""The share of a label's terms (by weight) that the words around its figure must hold (tuned on the Korean
synthetic tune set: docs/checks.md)."""

AROUND = 0
"""Sentences on either side of the figure's own that count as the words around it: none (a sentence or a
heading line); a term the rest of the article writes counts for nothing here."""


def check_labels(src: Source, summary: ArticleSummary, written: Written, figures: FigureChecks) -> list[Finding]:
    """``figure.label_unsupported`` for a label that the words around its figure do not back."""
    if written.article_language not in ("ko", "en"):
        return []
    vocab = vocabulary(src)
    out: list[Finding] = []
    for i, figure in enumerate(summary.figures):
        field = written.get(f"figures[{i}].label")
        wrong = other_language(field, vocab.language)
        if wrong is not None:
            out.append(wrong)
            continue
        spans = list(src.find_all(figure.text)[1]) if figure.text.strip() else []
        located = figures.span_of(i)
        if located is not None:
            spans.append(located)
        near = frozenset(s + d for a, _ in spans for s in (vocab.sentence_of(a),)
                         for d in range(-AROUND, AROUND + 1)) if spans else None
        b = backing(vocab, field.terms, field.text, near=near, passage=2 * AROUND + 1, apart_weight=0.0)
        if b.names_missing:
            out.append(finding("text.name_not_in_source", "error", field.path,
                               f"{listed(b.names_missing)} {'is' if len(b.names_missing) == 1 else 'are'} not in the "
                               "article. Label the figure with what the article says it counts."))
        if not field.text.strip() or (b.share < LABEL_THRESHOLD and (b.missing or b.apart)):
            around = excerpt(src.text, *_around(vocab, spans[0]), 120) if spans else None
            out.append(finding(
                "figure.label_unsupported", "warning", field.path,
                f'"{field.text.strip()}" is not what the article says {figure.text} counts'
                + (f': around it, it says "{around}"' if around else "")
                + ". Label the figure with the words the article uses for it.",
                spans[0] if spans else None))
    return out


def _around(vocab: Vocabulary, span: tuple[int, int]) -> tuple[int, int]:
    i = vocab.sentence_of(span[0])
    return vocab.sentences[i]
