"""The two kinds of answer the loop asks for: a free-text summary, or a grounded one built from picks.

The loop (``summarize``) is written once. What differs lives here, behind one
small interface: an answer ``Kind`` cuts an article into ``Round``s (one per
window), and says how to merge their best answers; a ``Round`` says what to
ask, what summary an answer makes, what that summary's report gains beyond
the checks (what could not be built from the picks), and how to ask again.
The checks themselves are the loop's (``Summarizer.check``), the same for
both.

- ``FreeText``: the model writes the ``ArticleSummary``; windows of text; the
  prompt in ``prompts/summarize/``.
- ``Grounded``: the model picks from the article's candidates
  (``trust.candidates``), and code builds the summary (``trust.grounded``);
  candidates per window, ids and offsets of the whole article; the prompt in
  ``prompts/grounded/``; for the embedded model, the grammar that keeps the
  ids, names and free-text numbers the article's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from ..contract.grounded import GroundedAnswer, GroundedEvent, PickedFigure, PickedQuote
from ..contract.report import Finding, Report, status_of
from ..contract.summary import ArticleSummary
from ..model.call import FREE_TEXT, Shape, grounded_shape
from ..model.grammar import lark_grammar
from ..model.grounded import Offer
from ..model.grounded_prompt import GroundedPrompts, load_grounded_prompts
from ..model.prompts import PromptSet, load_prompts
from ..model.settings import Settings
from ..trust.candidates import find_candidates
from ..trust.grounded import Built, build_summary, reask_lines
from ..trust.textkey import key_of
from .offers import Budget, make_offer
from .windows import estimate_tokens, merge_summaries, split_windows

__all__ = ["FreeText", "Grounded", "Kind", "Merged", "Round", "kind_for"]

PROMPT_OVERHEAD = 1200
"""Tokens the free-text instructions, the schema and the worked example take, estimated."""
GROUNDED_OVERHEAD = 500
"""Tokens the grounded instructions and the schema (or grammar) take, estimated."""
EMBEDDED_BUDGET = Budget(tokens=520, opening_chars=220, quotes=8, figures=10, names=16)
"""What a grounded request to the embedded model shows: every prompt token costs time on 2 CPU cores,
and a whole article, asked and answered, should take no more than 3,000 tokens."""
ENDPOINT_BUDGET = Budget(tokens=24_000, opening_chars=None, quotes=60, figures=120, names=80)


class Round(Protocol):
    """One window of one article: what to ask, and how to judge and re-ask."""

    text: str
    """What the summary is checked against: the window (free text) or the whole article (grounded)."""
    shape: Shape

    def first(self) -> list[dict[str, Any]]: ...

    def summary_of(self, parsed: Any) -> ArticleSummary: ...

    def with_findings(self, report: Report) -> Report: ...

    def again(self, previous: str, report: Report, recheck: bool) -> list[dict[str, Any]]: ...

    def again_invalid(self, raw: str, reason: str) -> list[dict[str, Any]]: ...


@dataclass(frozen=True)
class Merged:
    """The summary of a whole article from its windows' answers, and findings the checks add to."""

    summary: ArticleSummary
    findings: tuple[Finding, ...] = ()

    def with_findings(self, report: Report) -> Report:
        return _with(report, self.findings)


class Kind(Protocol):
    version: str
    recheck_totals: bool
    """Whether a totals mismatch the article itself causes is asked about once more."""

    def rounds(self, text: str) -> list[Round]: ...

    def max_tokens(self, text: str) -> int: ...

    def room_limit(self, text: str) -> int: ...

    def merge(self, text: str, parsed: list[Any], summaries: list[ArticleSummary]) -> Merged: ...


def _with(report: Report, findings: tuple[Finding, ...] | list[Finding]) -> Report:
    """``report`` with ``findings`` (what could not be built from the picks) before its own."""
    if not findings:
        return report
    every = [*findings, *report.findings]
    return report.model_copy(update={"findings": every, "status": status_of(every)})


def _totals_lines(report: Report) -> list[str]:
    return [f"- {f.path}: {f.message} Check that part_of links only parts of that total."
            for f in report.warnings if f.code == "totals.mismatch"]


# --- free text -----------------------------------------------------------


@dataclass
class _FreeRound:
    prompts: PromptSet
    text: str
    shape: Shape = FREE_TEXT

    def first(self) -> list[dict[str, Any]]:
        return self.prompts.messages(self.text)

    def summary_of(self, parsed: ArticleSummary) -> ArticleSummary:
        return parsed

    def with_findings(self, report: Report) -> Report:
        return report

    def again(self, previous: str, report: Report, recheck: bool) -> list[dict[str, Any]]:
        lines = [f"- {f.path}: {f.message}" for f in report.errors] + (_totals_lines(report) if recheck else [])
        return self.prompts.reask_messages(self.text, previous, "\n".join(lines))

    def again_invalid(self, raw: str, reason: str) -> list[dict[str, Any]]:
        return self.prompts.reask_messages(self.text, raw, f"- The answer is not a valid summary in the schema: {reason}")


@dataclass
class FreeText:
    settings: Settings
    prompts: PromptSet = field(init=False)

    def __post_init__(self) -> None:
        self.prompts = load_prompts(self.settings.prompt)
        self.version = self.prompts.version
        self.recheck_totals = True

    def max_tokens(self, text: str) -> int:
        if self.settings.max_tokens:
            return self.settings.max_tokens
        return max(512, min(2048, 300 + estimate_tokens(text) // 2))

    def room_limit(self, text: str) -> int:
        return max(512, self.settings.window_tokens - estimate_tokens(text) - PROMPT_OVERHEAD)

    def rounds(self, text: str) -> list[Round]:
        budget = self.settings.window_tokens - self.max_tokens(text) - PROMPT_OVERHEAD
        return [_FreeRound(self.prompts, w) for w in split_windows(text, max(budget, 256))]

    def merge(self, text: str, parsed: list[Any], summaries: list[ArticleSummary]) -> Merged:
        return Merged(merge_summaries(summaries))


# --- grounded ------------------------------------------------------------


@dataclass
class _GroundedRound:
    prompts: GroundedPrompts
    text: str
    offer: Offer
    whole_article: bool
    shape: Shape
    built: Built | None = None

    def first(self) -> list[dict[str, Any]]:
        return self.prompts.messages(self.offer, self.text, whole_article=self.whole_article)

    def summary_of(self, parsed: GroundedAnswer) -> ArticleSummary:
        self.built = build_summary(find_candidates(self.text), parsed)
        return self.built.summary

    def with_findings(self, report: Report) -> Report:
        assert self.built is not None
        return _with(report, self.built.findings)

    def again(self, previous: str, report: Report, recheck: bool) -> list[dict[str, Any]]:
        assert self.built is not None
        lines = reask_lines(self.built, report) + (_totals_lines(report) if recheck else [])
        return self.prompts.reask_messages(self.offer, self.text, previous, "\n".join(dict.fromkeys(lines)),
                                           whole_article=self.whole_article)

    def again_invalid(self, raw: str, reason: str) -> list[dict[str, Any]]:
        return self.prompts.reask_messages(self.offer, self.text, raw,
                                           f"- The answer does not fit the JSON asked for: {reason}",
                                           whole_article=self.whole_article)


def merge_answers(answers: list[GroundedAnswer]) -> GroundedAnswer:
    """One grounded answer from the windows' answers: picks merged by id (ids are the article's)."""
    figures: dict[str, PickedFigure] = {}
    quotes: dict[str, PickedQuote] = {}
    events: dict[str, GroundedEvent] = {}
    for a in answers:
        for f in a.figures:
            figures.setdefault(f.id, f)
        for q in a.quotes:
            quotes.setdefault(q.id, q)
        for e in a.events:
            events.setdefault(key_of(e.description), e)
    return GroundedAnswer(headline=answers[0].headline,
                          summary=" ".join(dict.fromkeys(a.summary for a in answers if a.summary)),
                          figures=list(figures.values()), quotes=list(quotes.values()), events=list(events.values()))


@dataclass
class Grounded:
    settings: Settings
    prompts: GroundedPrompts = field(init=False)

    def __post_init__(self) -> None:
        self.prompts = load_grounded_prompts(self.settings.grounded_prompt)
        self.version = self.prompts.version
        # The embedded model's re-ask about part_of links would double an article's tokens (over 3,000) for
        # links it got wrong in every case seen; the mismatch stays a warning in the report.
        self.recheck_totals = not self.settings.embedded

    def max_tokens(self, text: str) -> int:
        return self.settings.max_tokens or (640 if self.settings.embedded else 1024)

    def room_limit(self, text: str) -> int:
        return 2 * self.max_tokens(text)

    def rounds(self, text: str) -> list[Round]:
        s = self.settings
        whole = s.shows_article
        budget = ENDPOINT_BUDGET if whole else EMBEDDED_BUDGET
        room = s.window_tokens - self.max_tokens(text) - GROUNDED_OVERHEAD - (0 if whole else budget.tokens)
        # Shown whole, a window is the article text beside its candidates: about twice its size.
        windows = split_windows(text, max(room // 2 if whole else room * 4, 256))
        candidates = find_candidates(text)
        rounds: list[Round] = []
        at = 0
        for window in windows:
            start = text.index(window, at)
            at = start + 1
            offer = make_offer(text, candidates, start, start + len(window), budget,
                               endpoint_limits=not s.embedded)
            shape = grounded_shape(offer, lark_grammar(offer) if s.embedded else None)
            rounds.append(_GroundedRound(self.prompts, text, offer, whole, shape))
        return rounds

    def merge(self, text: str, parsed: list[Any], summaries: list[ArticleSummary]) -> Merged:
        built = build_summary(find_candidates(text), merge_answers(parsed))
        return Merged(built.summary, tuple(built.findings))


def kind_for(settings: Settings) -> Kind:
    return Grounded(settings) if settings.grounded else FreeText(settings)
