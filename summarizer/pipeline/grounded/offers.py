"""What each grounded request offers: the article's candidates, cut to what one request can hold.

A long article is read in windows (``windows.split_windows``, as free text
is); each window offers the candidates that stand in it, with the ids and
offsets of the whole article. Within a window, an offer holds what fits:

- a prompt budget (tokens, estimated), which for the embedded model is small:
  every prompt token costs time on a CPU. Sentences come best first, as code
  ranks them (``trust.grounded.ranking``); counted amounts (26만 개, 14조 원,
  12%) before other numbers, each with its labels, and only numbers that have
  one; a number the article writes the same way twice is offered once;
  quotations the article gives to a named speaker with a cue verb first, the
  speakers taking turns. Lists are offered best first, not in the article's
  order: the small model mostly picks from the top of a list;
- OpenAI's structured-output limits on enums (``model.grounded.schema.fits_endpoint``):
  when a window's candidates do not fit, clauses and the sentences of long
  quotations are dropped first (fewer, longer candidates), then the window's
  candidates are cut as for the budget.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ...contract.grounded import (
    Candidates,
    NumberCandidate,
    QuoteCandidate,
    SentenceCandidate,
)
from ...model.grounded.prompt import QUOTE_CHARS, QUOTE_SENTENCE_CHARS, SENTENCE_CHARS
from ...model.grounded.schema import Asks, Limits, Offer, fits_endpoint
from ...trust.grounded.candidates import opening_text
from ...trust.grounded.choose import figure_order, quote_order
from ...trust.grounded.ranking import ranked
from ..windows import estimate_tokens

__all__ = ["Budget", "make_offer"]

_LINE_OVERHEAD = 4
"""Tokens a listed candidate costs beyond its text (its id, its speaker's name, punctuation)."""


@dataclass(frozen=True)
class Budget:
    """How much one grounded request may show."""

    tokens: int
    """For the candidate lists, estimated."""
    opening_chars: int | None
    """How much of the window's opening to show; None: the whole window."""
    sentences: int = 8
    quotes: int = 10
    figures: int = 12
    names: int = 24
    clauses: bool = False
    """Whether long sentences are offered clause by clause too."""


def _within(spans: tuple[int, int], start: int, end: int) -> bool:
    return start <= spans[0] and spans[1] <= end


def _cost(text: str, chars: int) -> int:
    return estimate_tokens(text[:chars]) + _LINE_OVERHEAD


def _quote_cost(q: QuoteCandidate, parts: list[QuoteCandidate]) -> int:
    if parts:
        return sum(_cost(p.text, QUOTE_SENTENCE_CHARS) for p in parts)
    return _cost(q.text, QUOTE_CHARS)


def _pick(c: Candidates, start: int, end: int, budget: Budget, asks: Asks, parts_too: bool):
    """The window's sentences, figures and quotations that fit the budget, best first."""
    spent = 0
    sentences: list[SentenceCandidate] = []
    if asks.summary or asks.events:
        share = budget.tokens * 3 // 5 if asks.figures or asks.quotes else budget.tokens
        for s in ranked(c.sentences, clauses=budget.clauses and parts_too):
            if not _within((s.start, s.end), start, end) or len(sentences) >= budget.sentences:
                continue
            cost = _cost(s.text, SENTENCE_CHARS)
            if spent + cost > share and sentences:
                break
            spent += cost
            sentences.append(s)
    figures: list[NumberCandidate] = []
    if asks.figures:
        for n in figure_order(c):
            if not _within((n.start, n.end), start, end) or len(figures) >= budget.figures:
                continue
            labels = c.labels_of(n.id) if asks.labels else ()
            cost = estimate_tokens(n.text + " ".join(x.text for x in labels)) + 12 + _LINE_OVERHEAD
            if spent + cost > budget.tokens * 5 // 6 and figures:
                break
            spent += cost
            figures.append(n)
    quotes: list[QuoteCandidate] = []
    if asks.quotes:
        whole = [q for q in quote_order(c.quotes) if _within((q.start, q.end), start, end)]
        for q in whole[: budget.quotes]:
            parts = [p for p in c.quotes if p.parent == q.id] if parts_too else []
            cost = _quote_cost(q, parts)
            if spent + cost > budget.tokens and quotes:
                break
            spent += cost
            quotes += [q, *parts]  # a quotation's sentences follow it
    return sentences, figures, quotes


def _names(c: Candidates, start: int, end: int, quotes: list[QuoteCandidate], most: int):
    speakers = {q.speaker for q in quotes if q.speaker}
    named = [n for n in c.names if n.name in speakers or any(_within(m, start, end) for m in n.mentions)]
    people = [n for n in named if n.kind == "person"]
    others = [n for n in named if n.kind != "person"]
    return tuple((people + others)[:most])


def make_offer(text: str, candidates: Candidates, start: int, end: int, budget: Budget,
               limits: Limits | None = None, *, asks: Asks | None = None, endpoint_limits: bool = False) -> Offer:
    """The offer of the window ``text[start:end]``."""
    limits = limits or Limits()
    asks = asks or Asks()
    context = text[start:end] if budget.opening_chars is None else opening_text(text, budget.opening_chars, start,
                                                                                 end)
    offer = None
    for parts_too, scale in ((True, 1.0), (False, 1.0), (False, 0.5), (False, 0.25), (False, 0.0)):
        cut = replace(budget, tokens=int(budget.tokens * scale), sentences=int(budget.sentences * scale) or 1,
                      quotes=int(budget.quotes * scale) or 1, figures=int(budget.figures * scale) or 1)
        sentences, figures, quotes = _pick(candidates, start, end, cut, asks, parts_too)
        offered = {n.id for n in figures}
        names = _names(candidates, start, end, quotes, budget.names) if asks.quotes and asks.speakers else ()
        offer = Offer(sentences=tuple(sentences), quotes=tuple(quotes), figures=tuple(figures),
                      labels=tuple(x for x in candidates.labels if x.figure in offered) if asks.labels else (),
                      names=names, context=context, limits=limits, asks=asks)
        if not endpoint_limits or fits_endpoint(offer):
            return offer
    assert offer is not None
    return offer
