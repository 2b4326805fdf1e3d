"""The free-text answer kind: the model writes the ``ArticleSummary``; the checks judge every word of it.

An article is read in windows of text (``windows``), each its own round, and
the windows' summaries are merged. The prompt is ``prompts/summarize/``.

An endpoint's prompt (``summarize/v2``) offers the model, before the article,
what grounded mode offers a model to pick from, found by the same code once
for the whole article (``trust.grounded.candidates``) and cut per window by
``pipeline.grounded.offers``: the window's best-ranked sentences and its
numbers, each with its value, unit, qualifier and label candidates, and the
input's title where it has one. The model still writes freely; offered the
article's own words, it can use them, and the checks judge whatever it writes.
``WRITING_BUDGET`` bounds what one request offers. The embedded model's
prompt (``summarize/v1``) offers nothing: every prompt token costs time on a CPU.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..contract.report import Report
from ..contract.summary import ArticleSummary
from ..model.call import FREE_TEXT, Shape
from ..model.grounded.prompt import render_offer
from ..model.grounded.schema import Asks
from ..model.prompts import PromptSet, load_prompts
from ..model.settings import Settings
from ..trust.grounded.candidates import find_candidates
from .grounded.offers import Budget, make_offer
from .kinds import Merged, Round, totals_lines
from .limits import reask_findings
from .windows import estimate_tokens, merge_summaries, split_windows

__all__ = ["PROMPT_OVERHEAD", "WRITING_ASKS", "WRITING_BUDGET", "FreeText"]

PROMPT_OVERHEAD = 1200
"""Tokens the free-text instructions, the schema and the worked example take, estimated."""
WRITING_ASKS = Asks.only(("summary", "events", "figures", "labels"))
"""What a free-text request offers: sentences, and numbers with their labels (no quotations, no names)."""
WRITING_BUDGET = Budget(tokens=800, opening_chars=0, sentences=10, quotes=0, figures=10, names=0)
"""The most one free-text request offers beside the article: 10 sentences (each shown up to 64 characters)
and 10 numbers with their labels, within about 800 tokens (estimated; the sentences about 3/5 of them)."""


@lru_cache(maxsize=4)
def _offered_example(name: str) -> str:
    """What the worked example of the prompt ``name`` is offered of its article, rendered as an article's is."""
    prompts = load_prompts(name)
    return _offered(prompts, prompts.example_article, 0, len(prompts.example_article), None)


def _offered(prompts: PromptSet, text: str, start: int, end: int, title: str | None,
             candidates: Any = None) -> str:
    candidates = candidates if candidates is not None else find_candidates(text)
    offer = make_offer(text, candidates, start, end, WRITING_BUDGET, asks=WRITING_ASKS)
    return prompts.offered(render_offer(offer, text, writing=True), title)


@dataclass
class _FreeRound:
    prompts: PromptSet
    text: str
    shape: Shape = FREE_TEXT
    offered: str = ""
    """What the request offers before the window's text (``summarize/v2``); empty when nothing is."""
    example: str = ""
    """The same of the worked example."""

    def first(self) -> list[dict[str, Any]]:
        return self.prompts.messages(self.text, self.offered, self.example)

    def without_model(self) -> None:
        return None

    def summary_of(self, parsed: ArticleSummary) -> ArticleSummary:
        return parsed

    def with_findings(self, report: Report) -> Report:
        return report

    def again(self, previous: str, report: Report, recheck: bool) -> list[dict[str, Any]]:
        lines = [f"- {f.path}: {f.message}" for f in report.errors] + (totals_lines(report) if recheck else [])
        return self.prompts.reask_messages(self.text, previous, reask_findings(lines), self.offered, self.example)

    def again_invalid(self, raw: str, reason: str) -> list[dict[str, Any]]:
        return self.prompts.reask_messages(self.text, raw, f"- The answer is not a valid summary in the schema: {reason}",
                                           self.offered, self.example)


@dataclass
class FreeText:
    settings: Settings
    endpoint: bool | None = None
    """Whether the answers come from an endpoint (an endpoint's prompt is the default); None: whether the
    settings name one."""
    prompts: PromptSet = field(init=False)

    def __post_init__(self) -> None:
        self.prompts = load_prompts(self.settings.free_text_prompt(self.endpoint))
        self.version = self.prompts.version
        self.recheck_totals = True
        self.asks_model = True
        self._overhead = PROMPT_OVERHEAD + (2 * WRITING_BUDGET.tokens if self.prompts.offers else 0)

    def max_tokens(self, text: str) -> int:
        if self.settings.max_tokens:
            return self.settings.max_tokens
        return max(512, min(2048, 300 + estimate_tokens(text) // 2))

    def room_limit(self, text: str) -> int:
        return max(512, self.settings.window_tokens - estimate_tokens(text) - self._overhead)

    def rounds(self, text: str, title: str | None = None) -> list[Round]:
        budget = self.settings.window_tokens - self.max_tokens(text) - self._overhead
        windows = split_windows(text, max(budget, 256))
        if not self.prompts.offers:
            return [_FreeRound(self.prompts, w) for w in windows]
        candidates = find_candidates(text)  # once, with the ids and offsets of the whole article
        example = _offered_example(self.prompts.version)
        rounds: list[Round] = []
        at = 0
        for window in windows:
            start = text.index(window, at)
            at = start + 1
            offered = _offered(self.prompts, text, start, start + len(window), title, candidates)
            rounds.append(_FreeRound(self.prompts, window, offered=offered, example=example))
        return rounds

    def merge(self, text: str, parsed: list[Any], summaries: list[ArticleSummary],
              title: str | None = None) -> Merged:
        return Merged(merge_summaries(summaries))
