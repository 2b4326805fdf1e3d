"""Line up the figures of a story's outlets that measure the same thing, and say whether they agree.

Two grounded figures of different articles are the same measure when

- their units count the same kind of thing (장 and 개 both count GPUs; 원 is not 달러),
- the articles give them the same time (2030년까지 and 2030년 are 2030; none and none), and
- their labels share a word that the articles contain; agreeing values need one such word,
  differing values need more (the same stated time and a word in both sentences, or most of
  the words of both sentences): a conflict is claimed on stronger evidence than an agreement;
- or, when their labels share no word (a label may name who, 정부, where another names what,
  GPU), their time: both articles state the same time for it (2030년까지, 2030년), each gives
  only that one value for that time and unit class, and their sentences share at least
  ``FRAME_WORDS`` words (정부, 확보). The group's note says so.

Figures are merged greedily, strongest link first, into groups that hold at most one
report per article and in which every pair is compatible; a group joins another
only if their reports are, on average, linked. Then ``agreement`` says whether one
value satisfies every report, reading each qualifier (26만 and 26만 이상 agree).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations

from ..trust.numbers.agreement import Range, common, sum_ranges
from ..trust.numbers.values import show
from .evidence import FigureEvidence, same_term

__all__ = ["FRAME_WORDS", "Group", "SumOfParts", "agreement", "align", "by_time", "compatible", "link"]

_MERGE_MIN = 0.5
"""The average link a group must have with another to join it."""

FRAME_WORDS = 2
"""The words two figures' sentences must share to be lined up by their time when their labels share none."""


@dataclass(frozen=True)
class SumOfParts:
    """Figures of one article that together make one report: 5만 + 5만 + 5만 + 6만."""

    parts: tuple[FigureEvidence, ...]
    arithmetic: str

    @property
    def article(self) -> str:
        return self.parts[0].article

    @property
    def id(self) -> str:
        return "+".join(p.id for p in self.parts)

    @property
    def ref(self) -> str:
        return f"{self.article}:{self.id}"

    @property
    def text(self) -> str:
        return " + ".join(p.text for p in self.parts)

    @property
    def value(self) -> Decimal:
        return sum((p.value for p in self.parts), Decimal(0))

    @property
    def range(self) -> Range:
        return sum_ranges(p.range for p in self.parts)

    @property
    def span(self) -> tuple[int, int]:
        return min(p.span[0] for p in self.parts), max(p.span[1] for p in self.parts)

    @property
    def unit(self) -> str | None:
        return self.parts[0].unit

    @property
    def unit_class(self) -> str | None:
        return self.parts[0].unit_class

    @property
    def time(self) -> str | None:
        return self.parts[0].time

    @property
    def label(self) -> str:
        return " + ".join(p.label for p in self.parts)

    @property
    def qualifier(self) -> str:
        """What the sum's range amounts to: exact, at_least (a part is open above), at_most, or approx."""
        r = self.range
        if r.low == r.high:
            return "exact"
        if r.high is None:
            return "at_least"
        return "at_most" if r.low is None or r.low == 0 else "approx"


Report = FigureEvidence | SumOfParts


@dataclass
class Group:
    """Reports of one measure, at most one per article."""

    reports: list[Report]
    found_by: str = "words"
    notes: list[str] = field(default_factory=list)

    @property
    def articles(self) -> set[str]:
        return {r.article for r in self.reports}


def _units_match(a: str | None, b: str | None) -> bool:
    return a == b or {a, b} == {None, "count"}


def compatible(a: Report, b: Report) -> bool:
    """Whether two reports could measure the same thing: comparable units and the same time."""
    return _units_match(a.unit_class, b.unit_class) and a.time == b.time


def _shared(a: Sequence[str], b: Sequence[str]) -> int:
    return sum(1 for t in a if any(same_term(t, u) for u in b))


def link(a: FigureEvidence, b: FigureEvidence) -> float:
    """How strongly two figures of different articles look like one measure (0: not at all)."""
    if a.article == b.article or not compatible(a, b):
        return 0.0
    shared = _shared(a.terms, b.terms)
    if not shared:
        return 0.0
    dice = 2 * shared / (len(a.terms) + len(b.terms))
    if a.range.meets(b.range):
        return 1.0 + dice
    near = _shared(a.near, b.near)
    near_dice = 2 * near / ((len(a.near) + len(b.near)) or 1)
    if near and a.time is not None:
        return 0.5 + near_dice
    if near >= 2 and near_dice >= 0.75:
        return 0.5 + near_dice
    return 0.0


def _frame_words(a: FigureEvidence, b: FigureEvidence) -> list[str]:
    return [t for t in a.context if any(same_term(t, u) for u in b.context)]


def by_time(a: FigureEvidence, b: FigureEvidence) -> float:
    """How strongly two figures of different articles whose labels share no word look like one measure by
    their time alone (0: not at all): the same stated time and unit class, the only value each article
    gives for them, and at least ``FRAME_WORDS`` words in both sentences. Weaker than a label's link."""
    if a.article == b.article or a.time is None or a.unit_class is None or not compatible(a, b):
        return 0.0
    if not (a.sole and b.sole):
        return 0.0
    shared = len(_frame_words(a, b))
    if shared < FRAME_WORDS:
        return 0.0
    return 0.5 + shared / (len(a.context) + len(b.context))


def _time_note(a: FigureEvidence, b: FigureEvidence) -> str:
    words = ", ".join(_frame_words(a, b))
    return (f"{a.article} and {b.article} are lined up by time: their labels share no word, but each is the only "
            f"{a.unit_class} its article gives for {a.time}, and both sentences say {words}.")


def align(figures: Sequence[FigureEvidence]) -> list[Group]:
    """Group a story's grounded figures into measures (a group of one is a single-source figure)."""
    order = {f.ref: i for i, f in enumerate(figures)}
    scores = {}
    timed: dict[tuple[str, str], str] = {}
    for a, b in combinations(figures, 2):
        s = link(a, b)
        if s == 0 and (s := by_time(a, b)) > 0:
            timed[a.ref, b.ref] = timed[b.ref, a.ref] = _time_note(a, b)
        if s > 0:
            scores[a.ref, b.ref] = scores[b.ref, a.ref] = s
    groups = {f.ref: Group([f]) for f in figures}
    for (x, y), _ in sorted(scores.items(), key=lambda kv: (-kv[1], order[kv[0][0]], order[kv[0][1]])):
        gx, gy = groups[x], groups[y]
        if gx is gy or gx.articles & gy.articles:
            continue
        cross = [(a, b) for a in gx.reports for b in gy.reports]
        if not all(compatible(a, b) for a, b in cross):
            continue
        if sum(scores.get((a.ref, b.ref), 0.0) for a, b in cross) / len(cross) < _MERGE_MIN:
            continue
        notes = [timed[a.ref, b.ref] for a, b in cross if (a.ref, b.ref) in timed]
        merged = Group(sorted(gx.reports + gy.reports, key=lambda r: order[r.ref]), notes=gx.notes + gy.notes + notes)
        for r in merged.reports:
            groups[r.ref] = merged
    unique = {id(g): g for g in groups.values()}
    return sorted(unique.values(), key=lambda g: order[g.reports[0].ref])


def _show(r: Report) -> str:
    return f"{r.article} {r.text} ({r.range.describe()})"


def agreement(group: Group) -> tuple[str, str]:
    """"agreed", "conflict" or "single_source", and why, in a sentence a person can check."""
    if len(group.articles) < 2:
        (r,) = group.reports
        return "single_source", f"Only {r.article} reports it: {r.text} ({r.range.describe()})."
    allowed = common(r.range for r in group.reports)
    listed = "; ".join(_show(r) for r in group.reports)
    if allowed is not None:
        return "agreed", f"One value satisfies every report ({allowed.describe()}): {listed}."
    apart = [f"{a.article} and {b.article}" for a, b in combinations(group.reports, 2) if not a.range.meets(b.range)]
    return "conflict", f"No value satisfies every report: {listed}. At odds: {', '.join(apart)}."


def sum_of(parts: Sequence[FigureEvidence]) -> SumOfParts:
    total = sum((p.value for p in parts), Decimal(0))
    return SumOfParts(tuple(parts), " + ".join(show(p.value) for p in parts) + f" = {show(total)}")
