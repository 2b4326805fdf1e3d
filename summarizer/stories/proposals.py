"""Verify the model step's proposals: each counts only if code can check it.

- Every figure a proposal names must be a grounded figure of an article in the
  story, named by its id, with its text and value copied exactly.
- Figures lined up as one measure must be comparable (units, time), and the
  merge must not put two figures of one article in one measure.
- A part sum must name two or more parts of one article, all parts of one
  figure there, and a figure of another article; the stated sum must be the sum
  of their values, and the arithmetic written out must use exactly those values
  and that sum. Where both outlets split totals, those totals must already be
  lined up. Whether the values then agree is decided by code, not the model.
- Two groups of articles proposed as one event must be a pair code asked about,
  and share checked evidence beyond a name: a quotation, two figures, or a
  figure and a name (one coincidental number or one famous name is not enough).

Each proposal is logged with the model's reason and code's verdict.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from ..contract.story import FigureRef, PartSumProposal, Proposal, Proposals, SameFigureProposal
from ..trust.numbers.quantities import find_quantities
from ..trust.numbers.values import as_decimal, show
from .evidence import ArticleEvidence, FigureEvidence
from .figures import Group, Report, SumOfParts, compatible, sum_of
from .grouping import Borderline, shared_evidence
from .parts import PartQuestion

__all__ = ["StoryState", "apply_event_proposals", "apply_figure_proposals"]


@dataclass
class StoryState:
    """A story while it is being reconciled: its articles, figure groups and open questions."""

    articles: list[ArticleEvidence]
    groups: list[Group]
    questions: list[PartQuestion] = field(default_factory=list)

    def figure(self, ref: FigureRef) -> FigureEvidence | str:
        """The grounded figure a reference names, or why it names none."""
        article = next((a for a in self.articles if a.id == ref.article), None)
        if article is None:
            return f"{ref.article} is not an article of this story"
        fig = next((f for f in article.figures if f.id == ref.figure), None)
        if fig is None:
            return f"{ref.article}:{ref.figure} is not a checked figure of {ref.article}"
        if ref.text.strip() != fig.text.strip() or as_decimal(ref.value) != fig.value:
            return (f"{fig.ref} is {fig.text!r} = {show(fig.value)}, not {ref.text!r} = {show(as_decimal(ref.value))} "
                    "as the proposal says")
        return fig

    def group_of(self, ref: str) -> Group:
        return next(g for g in self.groups if any(r.ref == ref for r in g.reports))


def _resolve(state: StoryState, refs: Sequence[FigureRef]) -> list[FigureEvidence] | str:
    out = []
    for ref in refs:
        fig = state.figure(ref)
        if isinstance(fig, str):
            return fig
        out.append(fig)
    if len({f.ref for f in out}) < len(out):
        return "it names one figure twice"
    return out


def _incompatible(a: FigureEvidence, b: FigureEvidence) -> str | None:
    if compatible(a, b):
        return None
    if a.time != b.time:
        return f"{a.ref} is for {a.time or 'no stated time'} and {b.ref} for {b.time or 'no stated time'}"
    return f"{a.ref} counts in {a.unit or 'no unit'} and {b.ref} in {b.unit or 'no unit'}"


def _same_figure(state: StoryState, p: SameFigureProposal) -> str | None:
    """None when accepted (and applied); else why not."""
    figs = _resolve(state, p.reports)
    if isinstance(figs, str):
        return figs
    if len({f.article for f in figs}) < 2:
        return "it names figures of one article only"
    for i, a in enumerate(figs):
        for b in figs[i + 1:]:
            if (why := _incompatible(a, b)) is not None:
                return why
    groups = list({id(g): g for g in (state.group_of(f.ref) for f in figs)}.values())
    if len(groups) == 1:
        return "code had already lined these up"
    seen = Counter(r.article for g in groups for r in g.reports)
    if (twice := sorted(a for a, n in seen.items() if n > 1)):
        return f"it would put two figures of {', '.join(twice)} in one measure"
    cross = [(a, b) for g in groups for h in groups if g is not h for a in g.reports for b in h.reports]
    if any(not compatible(a, b) for a, b in cross):
        return "the measures these figures are lined up with are not comparable (unit or time)"
    merged = Group(sorted((r for g in groups for r in g.reports), key=lambda r: _order(state, r)), found_by="model",
                   notes=[n for g in groups for n in g.notes] + [f"Lined up by the model: {p.reason}"])
    state.groups = [g for g in state.groups if all(g is not h for h in groups)] + [merged]
    return None


def _order(state: StoryState, r: Report) -> tuple[int, int]:
    first = r.parts[0] if isinstance(r, SumOfParts) else r
    return [a.id for a in state.articles].index(r.article), first.index


def _arithmetic_values(text: str) -> Counter[Decimal]:
    return Counter(q.value for q in find_quantities(text) if not q.is_time)


def _part_sum(state: StoryState, p: PartSumProposal) -> str | None:
    resolved = _resolve(state, [p.total, *p.parts])
    if isinstance(resolved, str):
        return resolved
    total, parts = resolved[0], resolved[1:]
    if len(parts) < 2:
        return "a part sum needs two or more parts"
    if len({f.article for f in parts}) != 1 or parts[0].article == total.article:
        return "the parts must all come from one article, other than the total's"
    for part in parts:
        if (why := _incompatible(total, part)) is not None:
            return why
    computed = sum((f.value for f in parts), Decimal(0))
    if as_decimal(p.sum) != computed:
        return f"the parts add up to {show(computed)}, not {show(as_decimal(p.sum))}"
    expected = Counter([f.value for f in parts] + [computed])
    if _arithmetic_values(p.arithmetic) != expected:
        return (f"the arithmetic {p.arithmetic!r} does not add exactly the parts' values "
                f"({' + '.join(show(f.value) for f in parts)} = {show(computed)})")
    owners = {f.part_of for f in parts}
    if len(owners) != 1 or None in owners:
        return "the parts are not all parts of one figure of their article"
    (owner,) = owners
    if total.part_of is not None and state.group_of(f"{total.article}:{total.part_of}") is not \
            state.group_of(f"{parts[0].article}:{owner}"):
        return (f"{total.ref} is a part of {total.article}:{total.part_of} and the parts are parts of "
                f"{parts[0].article}:{owner}, and those two are not lined up as one measure")
    home = state.group_of(total.ref)
    if parts[0].article in home.articles:
        return f"{total.ref} is already lined up with a figure of {parts[0].article}"
    if any(total.article in state.group_of(f.ref).articles for f in parts):
        return f"a part is already lined up with a figure of {total.article}"
    home.reports.append(sum_of(parts))
    home.found_by = "model"
    home.notes.append(f"The model proposed this sum of parts ({p.arithmetic}): {p.reason}")
    return None


def apply_figure_proposals(state: StoryState, proposals: Proposals, story: str) -> list[Proposal]:
    """Apply the proposals that check out to ``state``; log every one with its verdict."""
    log = []
    for p in proposals.same_figures:
        why = _same_figure(state, p)
        log.append(Proposal(kind="same_figure", story=story, about=[f"{r.article}:{r.figure}" for r in p.reports],
                            accepted=why is None, reason=_verdict(p.reason, why)))
    for s in proposals.part_sums:
        why = _part_sum(state, s)
        about = [f"{s.total.article}:{s.total.figure}"] + [f"{r.article}:{r.figure}" for r in s.parts]
        log.append(Proposal(kind="part_sum", story=story, about=about, accepted=why is None,
                            reason=_verdict(s.reason, why)))
    # A question is settled once its figure is lined up with a figure of the other outlet.
    state.questions = [q for q in state.questions
                       if q.candidates[0].article not in state.group_of(q.figure.ref).articles]
    return log


def _verdict(reason: str, why: str | None) -> str:
    return f"{reason.strip()} — " + ("accepted: it checks out." if why is None else f"refused: {why}.")


def _backed(shared: dict[str, list[str]]) -> bool:
    return bool(shared["quotes"]) or len(shared["figures"]) >= 2 or bool(shared["figures"] and shared["names"])


def apply_event_proposals(stories: list[list[int]], borderline: Sequence[Borderline],
                          evidence: Sequence[ArticleEvidence], proposals: Proposals
                          ) -> tuple[list[list[int]], list[Proposal]]:
    """Merge the near-miss groups the model calls one event, where the checked evidence backs it."""
    asked = {frozenset((evidence[b.a[0]].id, evidence[b.b[0]].id)): b for b in borderline}
    log = []
    for p in proposals.same_events:
        b = asked.get(frozenset(p.articles))
        if not p.same_event:
            why = "noted: the articles stay apart."
        elif b is None:
            why = "refused: code did not ask about this pair."
        else:
            shared = shared_evidence([evidence[i] for i in b.a], [evidence[i] for i in b.b])
            found = [x for kind in ("quotes", "figures", "names") for x in shared[kind]]
            if not _backed(shared):
                why = ("refused: they share no quotation, no two figures and no figure with a name"
                       + (f" (only: {'; '.join(found)})." if found else "."))
            else:
                merged = sorted({*b.a, *b.b})
                stories = [s for s in stories if not set(s) & set(merged)] + [merged]
                why = f"accepted: {'; '.join(found[:3])}."
        log.append(Proposal(kind="same_event", about=list(p.articles), accepted=why.startswith("accepted"),
                            reason=f"{p.reason.strip()} — {why}"))
    return sorted(stories, key=lambda m: (-len(m), m[0])), log
