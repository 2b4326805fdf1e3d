"""What each grounded request offers: the article's candidates, cut to what one request can hold.

A long article is read in windows (``windows.split_windows``, as free text
is); each window offers the candidates that stand in it, with the ids and
offsets of the whole article. Within a window, an offer holds what fits:

- a prompt budget (tokens, estimated), which for the embedded model is small:
  every prompt token costs time on a CPU. Quotations the article gives to a
  named speaker with a cue verb come first, then other quotations, the
  speakers taking turns; counted
  amounts (26만 개, 14조 원, 12%) before other numbers; a number the article
  writes the same way twice is offered once; people before organisations
  and places. Lists are offered in that order, best first, not in the
  article's: the small model mostly picks from the top of a list;
- OpenAI's structured-output limits on enums (``model.grounded.schema.fits_endpoint``):
  when a window's candidates do not fit, sentences of long quotations are
  dropped first (fewer, longer candidates), then the window's candidates are
  cut as for the budget.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...contract.grounded import Candidates, NameCandidate, NumberCandidate, QuoteCandidate
from ...model.grounded.prompt import QUOTE_CHARS, SENTENCE_CHARS
from ...model.grounded.schema import Limits, Offer, fits_endpoint
from ...trust.grounded.candidates import latin_words, number_forms, opening_text
from ..windows import estimate_tokens

__all__ = ["Budget", "make_offer"]

_MONEY_OR_SHARE = frozenset({"원", "달러", "엔", "위안", "유로", "$", "€", "£", "¥", "₩", "%", "%p"})
_LINE_OVERHEAD = 4
"""Tokens a listed candidate costs beyond its text (its id, its speaker's name, punctuation)."""


@dataclass(frozen=True)
class Budget:
    """How much one grounded request may show."""

    tokens: int
    """For the candidate lists, estimated."""
    opening_chars: int | None
    """How much of the window's opening to show; None: the whole window."""
    quotes: int = 10
    figures: int = 12
    names: int = 24


def _quote_rank(q: QuoteCandidate) -> tuple[int, int]:
    return (0 if q.speaker and q.how == "cue" else 1 if q.speaker else 2), q.start


def _figure_rank(n: NumberCandidate) -> tuple[int, int]:
    counted = n.unit is not None and (n.value >= 10_000 or n.unit in _MONEY_OR_SHARE)
    return (0 if counted else 1 if n.unit else 2), n.start


def _by_turns(quotes: list[QuoteCandidate]) -> list[QuoteCandidate]:
    """``quotes`` with their speakers taking turns (each speaker's in order): a budget of a few quotations then
    holds each speaker's first, not five of the first speaker's."""
    turns: dict[str | None, list[QuoteCandidate]] = {}
    for q in quotes:
        turns.setdefault(q.speaker, []).append(q)
    out: list[QuoteCandidate] = []
    for i in range(max((len(v) for v in turns.values()), default=0)):
        out += [v[i] for v in turns.values() if i < len(v)]
    return out


def _within(spans: tuple[int, int], start: int, end: int) -> bool:
    return start <= spans[0] and spans[1] <= end


def _quote_cost(q: QuoteCandidate, parts: list[QuoteCandidate]) -> int:
    shown = sum(min(len(p.text), SENTENCE_CHARS) for p in parts) if parts else min(len(q.text), QUOTE_CHARS)
    return estimate_tokens("가" * shown) + _LINE_OVERHEAD


def _pick(candidates: Candidates, start: int, end: int, budget: Budget, sentences: bool):
    whole = [q for q in candidates.quotes if q.parent is None and _within((q.start, q.end), start, end)]
    parts = {q.id: [p for p in candidates.quotes if p.parent == q.id] if sentences else [] for q in whole}
    seen: set[tuple[str, str]] = set()
    figures = []
    for n in sorted(candidates.figures, key=_figure_rank):
        if _within((n.start, n.end), start, end) and (n.text, n.qualifier) not in seen:
            seen.add((n.text, n.qualifier))
            figures.append(n)
    spent, quotes, chosen_figures = 0, [], []
    for q in _by_turns(sorted(whole, key=_quote_rank))[: budget.quotes]:
        cost = _quote_cost(q, parts[q.id])
        if spent + cost > budget.tokens * 2 // 3 and quotes:
            break
        spent += cost
        quotes.append(q)
    for n in figures[: budget.figures]:
        cost = estimate_tokens(n.text) + 12 + _LINE_OVERHEAD  # the number and the words around it
        if spent + cost > budget.tokens:
            break
        spent += cost
        chosen_figures.append(n)
    # Best first: the small model picks from the top of a list. (A quotation's sentences follow it.)
    return [x for q in quotes for x in (q, *parts[q.id])], chosen_figures


def _names(candidates: Candidates, start: int, end: int, quotes: list[QuoteCandidate], most: int):
    speakers = {q.speaker for q in quotes if q.speaker}
    named = [n for n in candidates.names if n.name in speakers or any(_within(m, start, end) for m in n.mentions)]
    people = [n for n in named if n.kind == "person"]
    others = [n for n in named if n.kind != "person"]
    return tuple((people + others)[:most])


def _years(numbers: tuple[NumberCandidate, ...]) -> tuple[int, ...]:
    return tuple(sorted({int(n.value) for n in numbers if 1900 <= n.value <= 2100 and n.value == int(n.value)
                         and n.unit in (None, "년")}))


def _counted(numbers: tuple[NumberCandidate, ...], unit: str, most: int) -> tuple[int, ...]:
    """The months (월) or days (일) the article names."""
    return tuple(sorted({int(n.value) for n in numbers if n.unit == unit and n.value == int(n.value)
                         and 1 <= n.value <= most}))


def make_offer(text: str, candidates: Candidates, start: int, end: int, budget: Budget,
               limits: Limits | None = None, *, endpoint_limits: bool = False) -> Offer:
    """The offer of the window ``text[start:end]``."""
    limits = limits or Limits()
    context = text[start:end] if budget.opening_chars is None else opening_text(text, budget.opening_chars, start,
                                                                                 end)
    numbers = tuple(n for n in candidates.numbers if _within((n.start, n.end), start, end))
    offer = None
    for sentences, scale in ((True, 1.0), (False, 1.0), (False, 0.5), (False, 0.25), (False, 0.0)):
        cut = Budget(int(budget.tokens * scale), budget.opening_chars, int(budget.quotes * scale) or 1,
                     int(budget.figures * scale) or 1, budget.names)
        quotes, figures = _pick(candidates, start, end, cut, sentences)
        names: tuple[NameCandidate, ...] = _names(candidates, start, end, quotes, budget.names)
        offer = Offer(quotes=tuple(quotes), figures=tuple(figures), names=names, number_forms=number_forms(numbers),
                      years=_years(candidates.numbers), months=_counted(candidates.numbers, "월", 12),
                      days=_counted(candidates.numbers, "일", 31), latin_words=latin_words(text), context=context,
                      limits=limits)
        if not endpoint_limits or fits_endpoint(offer):
            return offer
    assert offer is not None
    return offer
