"""The checked evidence of one result: its grounded figures and located quotes, described for comparison.

Only what the checks passed is taken. A figure is *grounded* when the checks
located its text in the article and its value is the parse of that text (no
error on it); a quote counts when the checks located it and found its speaker
named in the article. Rejected results give no evidence at all.

Each grounded figure is described from the article, not from what the model
wrote: the value, the qualifier the article's words give it, the unit class,
the time the passage gives it (2030년까지 -> 2030), those words of its
label that the passage itself contains, the words of its sentence, and
whether it is the only value the article gives for its time and unit class
(000's 5만장 is the only count it gives for 2030; busfare-a gives two, 2500대
and 5만기).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, lru_cache

from ..contract.record import ResultRecord
from ..contract.summary import Qualifier
from ..trust.article.source import Source
from ..trust.numbers.agreement import Range, value_range
from ..trust.numbers.quantities import parse_quantity
from ..trust.numbers.values import as_decimal
from ..trust.numbers.words import unit_key
from .words import sentence_at, stems, times_in

__all__ = ["ArticleEvidence", "FigureEvidence", "QuoteEvidence", "evidence_of", "same_term", "unit_class", "usable"]

_COUNTERS = frozenset({"개", "장", "대", "매", "기", "척", "채", "units", "unit", "pieces", "piece"})
_NOT_COUNTS = frozenset({"%", "%p", "포인트", "배", "명", "곳", "건", "원", "$", "€", "£", "¥", "엔", "위안", "유로",
                         "파운드", "bp", "bps", "pp", "percentage points", "km", "kg", "톤", "GB", "TB", "MW", "GW",
                         "nm", "나노", "평", "층", "살", "점", "위", "회", "번", "차례", "가구", "마리", "권", "편", "표",
                         "종", "개국", "개사", "개월", "년", "월", "일", "시", "분", "초", "주", "시간", "분기", "주년", "달"})


def unit_class(unit: str | None) -> str | None:
    """What a unit counts, for telling whether two figures are comparable.

    Counters of things (개, 장, 대; an English noun: 260,000 GPUs) are one class,
    ``count``; currencies and other units are their own (달러 and $ are one).
    """
    if unit is None:
        return None
    key = unit_key(unit)
    if key in _COUNTERS or (key not in _NOT_COUNTS and key.isascii() and key.isalpha() and len(key) > 2):
        return "count"
    return key


@lru_cache(maxsize=65536)
def same_term(a: str, b: str) -> bool:
    """Whether two stemmed words name the same thing: equal, one inside the other, or (현대차, 현대자동차)
    the same first two syllables."""
    if a == b:
        return True
    if min(len(a), len(b)) >= 2 and (a in b or b in a):
        return True
    return len(a) >= 3 and len(b) >= 3 and a[:2] == b[:2] and a[0] >= "가" and b[0] >= "가"


@dataclass(frozen=True)
class FigureEvidence:
    """A grounded figure of one article's summary, described from its passage."""

    article: str
    index: int
    id: str
    label: str
    text: str
    value: Decimal
    qualifier: Qualifier
    unit: str | None
    unit_class: str | None
    span: tuple[int, int]
    segment: tuple[int, int]
    """The part of its sentence between the numbers before and after it."""
    time: str | None
    terms: tuple[str, ...]
    """The label's words (stemmed) that the article contains: what is counted, in the article's words."""
    near: tuple[str, ...]
    """Those of them in the figure's own sentence."""
    part_of: str | None
    """The id of the grounded figure it is a part of, in the same summary."""
    sentence: tuple[int, int] = (0, 0)
    """The span of its sentence."""
    source: str = field(default="", repr=False, compare=False)
    """The article's text, for what is read from it only when a comparison needs it (``context``, ``sole``)."""

    @cached_property
    def context(self) -> tuple[str, ...]:
        """The words (stemmed) of its sentence, times left out: what the article says around it."""
        return tuple(dict.fromkeys(t for t in stems(self.source[self.sentence[0]:self.sentence[1]])
                                   if not times_in(t)))

    @cached_property
    def sole(self) -> bool:
        """Whether its value is the only one the article gives for its time and unit class (False with no
        time)."""
        if self.time is None:
            return False
        values = Source.of(self.source).cached(_timed_values).get((self.unit_class, self.time), frozenset())
        return values <= {self.value}

    @property
    def ref(self) -> str:
        return f"{self.article}:{self.id}"

    @property
    def range(self) -> Range:
        return value_range(self.value, self.qualifier)


@dataclass(frozen=True)
class QuoteEvidence:
    """A located quote of one article's summary."""

    article: str
    index: int
    text: str
    speaker: str
    speaker_role: str | None
    speaker_match: str
    span: tuple[int, int]


@dataclass(frozen=True)
class ArticleEvidence:
    id: str
    record: ResultRecord
    figures: tuple[FigureEvidence, ...]
    quotes: tuple[QuoteEvidence, ...]
    names: frozenset[str]
    """Who the checked summary names: located quotes' speakers and event actors found in the article."""
    dates: frozenset[str]

    @property
    def text(self) -> str:
        return self.record.text

    @property
    def headline(self) -> str:
        return self.record.summary.headline if self.record.summary and self.record.summary.headline else self.id


def usable(record: ResultRecord) -> bool:
    """Whether a result's evidence counts: verified or flagged, with its summary and report."""
    return record.status in ("verified", "flagged") and record.summary is not None and record.report is not None


def _error_paths(record: ResultRecord) -> set[str]:
    assert record.report is not None
    return {f.path for f in record.report.errors}


def _segment(src: Source, span: tuple[int, int], sentence: tuple[int, int]) -> tuple[int, int]:
    counts = [q for q in src.quantities if not q.is_time and sentence[0] <= q.start and q.end <= sentence[1]]
    before = [q.end for q in counts if q.end <= span[0]]
    after = [q.start for q in counts if q.start >= span[1]]
    return (max(before) if before else sentence[0]), (min(after) if after else sentence[1])


def _time(text: str, label: str, sentence: tuple[int, int], segment: tuple[int, int], span: tuple[int, int]):
    """The time the article gives a figure: one its label names and its sentence has, else the nearest
    time between the number before it and the figure, else one right after it in its segment."""
    in_sentence = {t.key for t in times_in(text, *sentence)}
    named = {t.key for t in times_in(label)} & in_sentence
    if len(named) == 1:
        return named.pop()
    before = times_in(text, segment[0], span[0])
    if before:
        return before[-1].key
    after = times_in(text, span[1], segment[1])
    return after[0].key if after else None


def _timed_values(src: Source) -> dict[tuple[str | None, str], frozenset[Decimal]]:
    """The values the article gives for each unit class and time (only numbers on a line that names a time)."""
    text = src.text
    out: dict[tuple[str | None, str], set[Decimal]] = {}
    lines_with_times = {text.rfind("\n", 0, t.start) for t in times_in(text)}
    for q in src.quantities:
        if q.is_time or text.rfind("\n", 0, q.start) not in lines_with_times:
            continue
        span = (q.start, q.end)
        sentence = sentence_at(text, *span)
        time = _time(text, "", sentence, _segment(src, span, sentence), span)
        if time is not None:
            out.setdefault((unit_class(q.unit), time), set()).add(q.value)
    return {k: frozenset(v) for k, v in out.items()}


def _grounded_terms(label: str, words: set[str]) -> tuple[str, ...]:
    out: list[str] = []
    for term in stems(label):
        if term not in out and (term in words or any(same_term(term, w) for w in words)) and not times_in(term):
            out.append(term)
    return tuple(out)


def _figures(record: ResultRecord) -> list[FigureEvidence]:
    assert record.summary is not None and record.report is not None
    src = Source.of(record.text)
    errors = _error_paths(record)
    figures = record.summary.figures
    located = {}
    for loc in record.report.figures:
        if loc.index >= len(figures) or loc.span is None or loc.match == "not_found" or loc.parsed_value is None:
            continue
        fig = figures[loc.index]
        if any(p == f"figures[{loc.index}]" or p.startswith(f"figures[{loc.index}].") for p in errors):
            continue
        value = as_decimal(fig.value)
        if as_decimal(loc.parsed_value) != value:
            continue
        located[fig.id] = (loc, fig, value)
    out = []
    article_words = set(stems(record.text))
    for fid, (loc, fig, value) in located.items():
        span = (loc.span.start, loc.span.end)
        sentence = sentence_at(record.text, *span)
        segment = _segment(src, span, sentence)
        parsed = parse_quantity(fig.text)
        unit = (parsed.unit if parsed is not None else None) or fig.unit
        out.append(FigureEvidence(
            article=record.id, index=loc.index, id=fid, label=fig.label, text=record.text[span[0]:span[1]],
            value=value, qualifier=loc.source_qualifier or fig.qualifier, unit=unit, unit_class=unit_class(unit),
            span=span, segment=segment, time=_time(record.text, fig.label, sentence, segment, span),
            terms=_grounded_terms(fig.label, article_words),
            near=_grounded_terms(fig.label, set(stems(record.text[sentence[0]:sentence[1]]))),
            part_of=fig.part_of if fig.part_of in located and fig.part_of != fid else None,
            sentence=sentence, source=record.text,
        ))
    return sorted(out, key=lambda f: f.index)


def _quotes(record: ResultRecord) -> list[QuoteEvidence]:
    assert record.summary is not None and record.report is not None
    quotes = record.summary.quotes
    errors = _error_paths(record)
    out = []
    for loc in record.report.quotes:
        if loc.index >= len(quotes) or loc.span is None or loc.match == "not_found":
            continue
        if loc.speaker_match == "not_found" or any(p.startswith(f"quotes[{loc.index}]") for p in errors):
            continue
        q = quotes[loc.index]
        speaker, role = q.speaker.strip(), q.speaker_role
        if loc.speaker_match == "misattributed" and loc.speaker_span is not None:
            # the checks found whom the article gives it to: that speaker, as the article names them there
            speaker, role = record.text[loc.speaker_span.start:loc.speaker_span.end].strip(), None
        out.append(QuoteEvidence(record.id, loc.index, record.text[loc.span.start:loc.span.end], speaker,
                                 role, loc.speaker_match, (loc.span.start, loc.span.end)))
    return out


_SPACE_RE = re.compile(r"\s+")


def _names(record: ResultRecord, quotes: list[QuoteEvidence]) -> frozenset[str]:
    assert record.summary is not None and record.report is not None
    missing = {f.path for f in record.report.findings if f.code == "event.actor_not_found"}
    names = {q.speaker for q in quotes}
    for i, event in enumerate(record.summary.events):
        names.update(a for j, a in enumerate(event.actors) if f"events[{i}].actors[{j}]" not in missing)
    return frozenset(n for n in (_SPACE_RE.sub("", x) for x in names) if len(n) >= 2)


def evidence_of(record: ResultRecord) -> ArticleEvidence:
    """The checked evidence of a usable result (see ``usable``)."""
    assert record.summary is not None
    quotes = _quotes(record)
    dates = frozenset(e.date[:10] for e in record.summary.events if e.date and len(e.date) >= 10)
    return ArticleEvidence(record.id, record, tuple(_figures(record)), tuple(quotes), _names(record, quotes), dates)
