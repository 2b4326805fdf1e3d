"""The steps of a reconciliation, in order (see the package's docstring); ``reconcile_records`` runs them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..contract.record import ResultRecord
from ..contract.story import Excluded, ModelStep, Proposal, Proposals, Reconciliation, Story
from ..trust.numbers.values import plain
from .build import story_id, to_story
from .evidence import ArticleEvidence, evidence_of, usable
from .figures import align
from .grouping import Borderline, group_stories
from .parts import compare_parts
from .proposals import StoryState, apply_event_proposals, apply_figure_proposals
from .quotes import align_quotes
from .words import sentence_at

__all__ = ["describe", "reconcile_records"]


def _excluded(r: ResultRecord) -> Excluded:
    errors = len(r.report.errors) if r.report else 0
    reason = (f"rejected by the checks ({errors} errors): its figures and quotes are not used" if r.status == "rejected"
              else f"{r.status}: no checked summary to use")
    return Excluded(article=r.id, origin=r.origin, status=r.status, reason=reason)


class _Step:
    """The model step's state: the advisor, what it proposed, and whether it failed."""

    def __init__(self, advisor: Any) -> None:
        self.advisor = advisor
        self.log: list[Proposal] = []
        self.failure: str | None = None

    def ask(self, messages: list[dict[str, Any]]) -> Proposals | None:
        if self.failure is not None:
            return None
        answer = self.advisor.propose(messages)
        if not isinstance(answer, Proposals):
            self.failure = f"{answer.kind}: {answer}"
            return None
        return answer

    def result(self) -> ModelStep:
        return ModelStep(model=self.advisor.model, base_url=self.advisor.base_url,
                         status="failed" if self.failure else "used", failure=self.failure, proposals=self.log)


def _summary_of(a: ArticleEvidence) -> str:
    s = a.record.summary
    return json.dumps({"article": a.id, "headline": s.headline if s else "", "summary": s.summary if s else ""},
                      ensure_ascii=False)


def _merge_stories(step: _Step, evidence: list[ArticleEvidence], stories: list[list[int]],
                   borderline: list[Borderline]) -> list[list[int]]:
    """Ask about the near misses; merge the pairs the model calls one event and the evidence backs."""
    pairs = "\n\n".join(
        f"Pair {n}:\n" + "\n".join(_summary_of(evidence[i]) for i in (b.a[0], b.b[0]))
        for n, b in enumerate(borderline, 1))
    proposals = step.ask(step.advisor.prompts.event_messages(pairs=pairs))
    if proposals is None:
        return stories
    stories, log = apply_event_proposals(stories, borderline, evidence, proposals)
    step.log += log
    return stories


def _listing(state: StoryState) -> dict[str, str]:
    lines = []
    for a in state.articles:
        for f in a.figures:
            start, end = sentence_at(a.text, *f.span)
            lines.append(json.dumps({"article": a.id, "figure": f.id, "label": f.label, "text": f.text,
                                     "value": plain(f.value), "qualifier": f.qualifier, "unit": f.unit,
                                     "time": f.time, "part_of": f.part_of, "sentence": a.text[start:end].strip()},
                                    ensure_ascii=False))
    aligned = [" = ".join(f"{r.ref} ({r.text})" for r in g.reports) for g in state.groups if len(g.articles) > 1]
    questions = [f"- {q.note}" for q in state.questions]
    return {"figures": "\n".join(lines), "aligned": "\n".join(aligned) or "(none)",
            "questions": "\n".join(questions) or "(none)"}


def _story(step: _Step | None, articles: list[ArticleEvidence]) -> Story:
    groups = align([f for a in articles for f in a.figures])
    questions = compare_parts(groups, {a.id: a for a in articles})
    state = StoryState(list(articles), groups, questions)
    if step is not None and len(articles) > 1:
        proposals = step.ask(step.advisor.prompts.figure_messages(**_listing(state)))
        if proposals is not None:
            step.log += apply_figure_proposals(state, proposals, story_id([a.id for a in articles]))
    quotes = align_quotes([q for a in articles for q in a.quotes])
    return to_story(articles, state.groups, quotes, state.questions)


def reconcile_records(records: Iterable[ResultRecord], advisor: Any = None) -> Reconciliation:
    """Group the results into stories and reconcile each; ask ``advisor`` (an ``advice.Advisor``) if given.

    A later record of the same article id replaces an earlier one (a rerun's result).
    """
    latest: dict[str, ResultRecord] = {}
    for r in records:
        latest.pop(r.id, None)
        latest[r.id] = r
    kept = [r for r in latest.values() if usable(r)]
    excluded = [_excluded(r) for r in latest.values() if not usable(r)]
    evidence = [evidence_of(r) for r in kept]
    groups, borderline = group_stories(evidence)
    step = _Step(advisor) if advisor is not None else None
    if step is not None and borderline:
        groups = _merge_stories(step, evidence, groups, borderline)
    stories = [_story(step, [evidence[i] for i in members]) for members in groups]
    return Reconciliation(stories=stories, excluded=excluded, model_step=step.result() if step else None)


def describe(result: Reconciliation) -> str:
    """One line for a person: how many stories, figures, conflicts."""
    multi = [s for s in result.stories if len(s.articles) > 1]
    conflicts = sum(1 for s in result.stories for f in [*s.figures, *s.quotes] if f.agreement == "conflict")
    agreed = sum(1 for s in result.stories for f in [*s.figures, *s.quotes] if f.agreement == "agreed")
    return (f"stories={len(result.stories)} (with two or more articles: {len(multi)}) agreed={agreed} "
            f"conflicts={conflicts} open_questions={sum(len(s.open_questions) for s in result.stories)} "
            f"excluded={len(result.excluded)}")

