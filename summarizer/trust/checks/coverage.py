"""Coverage: what the article plainly contains that the summary left out.

A separate measure from the checks of what the summary claims: it is reported
beside the status (``Report.coverage``: quotations carried x of y, figures x of
y, and what was left out) and never turns a correct summary into ``flagged``.
Page furniture is not the article: a figure in a list of other headlines
("1424.4원") or a photo caption is not one the summary should carry.
"""

from __future__ import annotations

from decimal import Decimal

from ...contract.report import Coverage, Finding, QuoteLocation, Tally
from ...contract.summary import ArticleSummary
from ..article.furniture import is_furniture
from ..article.source import Source
from ..article.textkey import key_of
from .findings import as_decimal, excerpt, finding, show

__all__ = ["check_coverage"]

_MONEY_OR_SHARE = frozenset({"원", "달러", "엔", "위안", "유로", "파운드", "$", "€", "£", "¥", "₩", "%", "%p"})
MIN_QUOTE_KEY = 20
"""A quoted passage this long (in key characters) is a quotation, not a scare-quoted term."""
WANTED_QUOTES = 3
"""A summary should carry this many of the article's quotations (or all, if fewer)."""


def check_coverage(src: Source, summary: ArticleSummary, quotes: list[QuoteLocation]) -> Coverage:
    """What the article has and the summary carries; ``quotes`` are the located quotes."""
    quote_tally, quote_findings = _quotes(src, quotes)
    figure_tally, figure_findings = _figures(src, summary)
    return Coverage(quotes=quote_tally, figures=figure_tally, findings=figure_findings + quote_findings)


def _figures(src: Source, summary: ArticleSummary) -> tuple[Tally, list[Finding]]:
    """Counted amounts (26만 개, 14조 원, 12%) of the article, and those whose value no figure carries."""
    have = {as_decimal(f.value) for f in summary.figures}
    amounts = src.cached(_amounts)
    out = [finding("coverage.figure_missing", "warning", "figures",
                   f'The article states "{text}" ({show(value)}) but no figure carries it. '
                   "Add it as a figure if it matters to the story.", (s, e))
           for value, (s, e, text) in amounts.items() if value not in have]
    return Tally(carried=len(amounts) - len(out), total=len(amounts)), out


def _amounts(src: Source) -> dict[Decimal, tuple[int, int, str]]:
    """The article's counted amounts, each value once (its first place and text), page furniture left out:
    worked out once an article, as a summary's every answer is measured against them."""
    amounts: dict[Decimal, tuple[int, int, str]] = {}
    for q in src.quantities:
        if q.is_time or q.unit is None or q.value in amounts:
            continue
        if q.value < 10_000 and q.unit not in _MONEY_OR_SHARE:
            continue
        if is_furniture(src, q.start, q.end):
            continue
        amounts[q.value] = (q.start, q.end, q.text)
    return amounts


def _quotations(src: Source) -> dict[str, list[tuple[int, int]]]:
    """The article's quotations by key (a passage repeated on the page counts once), page furniture left out:
    worked out once an article."""
    text = src.text
    distinct: dict[str, list[tuple[int, int]]] = {}
    for s, e in src.quoted_passages:
        if is_furniture(src, s, e):
            continue
        key = key_of(text[s:e])
        if len(key) >= MIN_QUOTE_KEY:
            distinct.setdefault(key, []).append((s, e))
    return distinct


def _quotes(src: Source, quotes: list[QuoteLocation]) -> tuple[Tally, list[Finding]]:
    """The article's quotations (a passage repeated on the page counts once) and how many the summary quotes."""
    text = src.text
    distinct = src.cached(_quotations)
    located = [(loc.span.start, loc.span.end) for loc in quotes if loc.span is not None]
    carried = [any(a < e and s < b for s, e in spans for a, b in located) for spans in distinct.values()]
    tally = Tally(carried=sum(carried), total=len(distinct))
    missing = [spans[0] for spans, done in zip(distinct.values(), carried, strict=True) if not done]
    if not missing or len(located) >= min(WANTED_QUOTES, len(distinct)):
        return tally, []  # nothing left out (one quote may span them all), or quotes enough
    listed = "; ".join(f'"{excerpt(text, s, e, 60)}"' for s, e in missing[:3])
    return tally, [finding("coverage.quotes_missing", "warning", "quotes",
                           f"The article has {len(distinct)} quotations and the summary carries {tally.carried} "
                           f"verbatim. Consider quoting, verbatim: {listed}.", missing[0])]
