"""The grounded answer kind: the model picks from the article's candidates by id, and code builds the summary.

Candidates are found once for the whole article (ids and offsets of the
whole), offered per window (``offers``), asked for with the prompt in
``prompts/grounded/`` and, for the embedded model, under the grammar that
lets it write only the offer's ids. What it is asked to pick is
``Settings.picks``; code picks the rest. Code builds the summary from the
picks, every word copied from the article, the headline from the article's
title (``trust.grounded.build``); the loop's checks then run on it as on any
other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...contract.grounded import GroundedAnswer, PickedFigure, PickedQuote
from ...contract.report import Report
from ...contract.summary import ArticleSummary
from ...model.call import Shape, grounded_shape
from ...model.grounded.grammar import lark_grammar
from ...model.grounded.prompt import GroundedPrompts, load_grounded_prompts
from ...model.grounded.schema import Asks, Offer
from ...model.settings import Settings
from ...trust.grounded.build import Built, build_summary, reask_lines
from ...trust.grounded.candidates import find_candidates
from ..kinds import Merged, Round, totals_lines, with_findings
from ..limits import reask_findings
from ..windows import split_windows
from .offers import Budget, make_offer

__all__ = ["EMBEDDED_BUDGET", "ENDPOINT_BUDGET", "Grounded", "merge_answers"]

GROUNDED_OVERHEAD = 500
"""Tokens the grounded instructions and the schema (or grammar) take, estimated."""
EMBEDDED_BUDGET = Budget(tokens=520, opening_chars=120, sentences=8, quotes=6, figures=8, names=16)
"""What a grounded request to the embedded model shows: every prompt token costs time on 2 CPU cores,
and a whole article, asked and answered, should take no more than 3,000 tokens."""
ENDPOINT_BUDGET = Budget(tokens=24_000, opening_chars=None, sentences=120, quotes=60, figures=120, names=80,
                         clauses=True)

@dataclass
class _GroundedRound:
    prompts: GroundedPrompts
    text: str
    offer: Offer
    whole_article: bool
    shape: Shape
    title: str | None = None
    built: Built | None = None

    def first(self) -> list[dict[str, Any]]:
        return self.prompts.messages(self.offer, self.text, whole_article=self.whole_article)

    def without_model(self) -> GroundedAnswer | None:
        """Nothing picked: code picks it all, when the model is asked for nothing."""
        return None if self.offer.asks.anything else GroundedAnswer()

    def summary_of(self, parsed: GroundedAnswer) -> ArticleSummary:
        self.built = build_summary(find_candidates(self.text), parsed, self.title)
        return self.built.summary

    def with_findings(self, report: Report) -> Report:
        assert self.built is not None
        return with_findings(report, self.built.findings)

    def again(self, previous: str, report: Report, recheck: bool) -> list[dict[str, Any]]:
        assert self.built is not None
        lines = reask_lines(self.built, report) + (totals_lines(report) if recheck else [])
        return self.prompts.reask_messages(self.offer, self.text, previous, reask_findings(list(dict.fromkeys(lines))),
                                           whole_article=self.whole_article)

    def again_invalid(self, raw: str, reason: str) -> list[dict[str, Any]]:
        return self.prompts.reask_messages(self.offer, self.text, raw,
                                           f"- The answer does not fit the JSON asked for: {reason}",
                                           whole_article=self.whole_article)


def merge_answers(answers: list[GroundedAnswer]) -> GroundedAnswer:
    """One grounded answer from the windows' answers: picks merged by id (ids are the article's); the build
    keeps the best-ranked sentences of the summary and the first of the rest."""
    figures: dict[str, PickedFigure] = {}
    quotes: dict[str, PickedQuote] = {}
    for a in answers:
        for f in a.figures:
            figures.setdefault(f.id, f)
        for q in a.quotes:
            quotes.setdefault(q.id, q)
    return GroundedAnswer(summary=list(dict.fromkeys(x for a in answers for x in a.summary)),
                          events=list(dict.fromkeys(x for a in answers for x in a.events)),
                          figures=list(figures.values()), quotes=list(quotes.values()))


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
        self.asks = Asks.only(self.settings.picks)
        self.asks_model = self.asks.anything

    def max_tokens(self, text: str) -> int:
        return self.settings.max_tokens or (256 if self.settings.embedded else 1024)

    def room_limit(self, text: str) -> int:
        return 2 * self.max_tokens(text)

    def rounds(self, text: str, title: str | None = None) -> list[Round]:
        s = self.settings
        whole = s.shows_article
        budget = ENDPOINT_BUDGET if whole else EMBEDDED_BUDGET
        room = s.window_tokens - self.max_tokens(text) - GROUNDED_OVERHEAD - (0 if whole else budget.tokens)
        # Shown whole, a window is the article text beside its candidates: about twice its size. With nothing to
        # ask, there is no window: code picks from the whole article.
        windows = split_windows(text, max(room // 2 if whole else room * 4, 256)) if self.asks.anything else [text]
        candidates = find_candidates(text)
        rounds: list[Round] = []
        at = 0
        for window in windows:
            start = text.index(window, at)
            at = start + 1
            offer = make_offer(text, candidates, start, start + len(window), budget, asks=self.asks,
                               endpoint_limits=not s.embedded)
            shape = grounded_shape(offer, lark_grammar(offer) if s.embedded else None)
            rounds.append(_GroundedRound(self.prompts, text, offer, whole, shape, title))
        return rounds

    def merge(self, text: str, parsed: list[Any], summaries: list[ArticleSummary],
              title: str | None = None) -> Merged:
        built = build_summary(find_candidates(text), merge_answers(parsed), title)
        return Merged(built.summary, tuple(built.findings))
