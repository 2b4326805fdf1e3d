"""A reconciled story as the output contract writes it (``contract.story``)."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

from ..contract.story import (
    AlignedFigure,
    AlignedQuote,
    FigurePart,
    FigureReport,
    OpenQuestion,
    QuoteReport,
    Story,
)
from ..trust.numbers.values import plain
from .evidence import ArticleEvidence, FigureEvidence, same_term
from .figures import Group, SumOfParts, agreement
from .parts import PartQuestion
from .quotes import QuoteGroup

__all__ = ["story_id", "to_story"]

_ORDER = {"conflict": 0, "agreed": 1, "single_source": 2}


def story_id(articles: Sequence[str]) -> str:
    """Stable for the same set of articles, whatever their order."""
    return "story-" + hashlib.sha256("\n".join(sorted(articles)).encode("utf-8")).hexdigest()[:10]


def _part(f: FigureEvidence) -> FigurePart:
    return FigurePart(figure=f.id, label=f.label, text=f.text, value=plain(f.value), qualifier=f.qualifier,
                      span=f.span)


def _report(r: FigureEvidence | SumOfParts) -> FigureReport:
    if isinstance(r, SumOfParts):
        return FigureReport(article=r.article, figure=r.id, label=r.label, text=r.text, value=plain(r.value),
                            qualifier=r.qualifier, unit=r.unit, span=r.span, parts=[_part(p) for p in r.parts])
    return FigureReport(article=r.article, figure=r.id, label=r.label, text=r.text, value=plain(r.value),
                        qualifier=r.qualifier, unit=r.unit, span=r.span)


def _label(group: Group) -> str:
    """The label whose words the other reports share most (the first, on a tie)."""
    singles = [r for r in group.reports if isinstance(r, FigureEvidence)] or group.reports
    if len(singles) == 1 or not all(isinstance(r, FigureEvidence) for r in singles):
        return singles[0].label

    def shared(r: FigureEvidence) -> int:
        return sum(1 for o in singles if o is not r for t in r.terms if any(same_term(t, u) for u in o.terms))

    return max(singles, key=lambda r: (shared(r), -singles.index(r))).label


def _figure(group: Group) -> AlignedFigure:
    kind, note = agreement(group)
    units = Counter(r.unit for r in group.reports if r.unit)
    return AlignedFigure(label=_label(group), unit=units.most_common(1)[0][0] if units else None,
                         time=group.reports[0].time, agreement=kind, reports=[_report(r) for r in group.reports],
                         note=" ".join([note, *group.notes]), found_by=group.found_by)  # type: ignore[arg-type]


def _quote(group: QuoteGroup) -> AlignedQuote:
    kind, note = group.agreement()
    reports = [QuoteReport(article=q.article, quote=q.index, text=q.text, speaker=q.speaker,
                           speaker_match=q.speaker_match, span=q.span) for q in group.reports]  # type: ignore[arg-type]
    return AlignedQuote(text=group.reports[0].text, agreement=kind, speakers=[p[0].speaker for p in group.speakers()],
                        reports=reports, note=note)  # type: ignore[arg-type]


def _question(q: PartQuestion) -> OpenQuestion:
    return OpenQuestion(kind=q.kind, figure=_report(q.figure), candidates=[_part(p) for p in q.candidates],
                        candidates_article=q.candidates[0].article, note=q.note)  # type: ignore[arg-type]


def to_story(articles: Sequence[ArticleEvidence], groups: Sequence[Group], quotes: Sequence[QuoteGroup],
             questions: Sequence[PartQuestion]) -> Story:
    """The story, conflicts first, then agreements, then what one outlet alone reports."""
    figures = [_figure(g) for g in groups]
    figures.sort(key=lambda f: (_ORDER[f.agreement], -len(f.reports)))
    aligned_quotes = [_quote(g) for g in quotes]
    aligned_quotes.sort(key=lambda q: (_ORDER[q.agreement], -len(q.reports)))
    ids = [a.id for a in articles]
    return Story(id=story_id(ids), articles=ids, headline=articles[0].headline, figures=figures,
                 quotes=aligned_quotes, open_questions=[_question(q) for q in questions])
