"""Coverage: what the article plainly contains that the summary left out (warnings)."""

from __future__ import annotations

from ...contract.report import Finding, QuoteLocation
from ...contract.summary import ArticleSummary
from ..source import Source
from ..textkey import key_of
from .findings import as_decimal, excerpt, finding, show

__all__ = ["check_coverage"]

_MONEY_OR_SHARE = frozenset({"원", "달러", "엔", "위안", "유로", "파운드", "$", "€", "£", "¥", "₩", "%", "%p"})
MIN_QUOTE_KEY = 20
"""A quoted passage this long (in key characters) is a quotation, not a scare-quoted term."""
WANTED_QUOTES = 3
"""A summary should carry this many of the article's quotations (or all, if fewer)."""


def check_coverage(src: Source, summary: ArticleSummary, quotes: list[QuoteLocation]) -> list[Finding]:
    """What the article plainly contains and the summary left out; ``quotes`` are the located quotes."""
    return _figures(src, summary) + _quotes(src, quotes)


def _figures(src: Source, summary: ArticleSummary) -> list[Finding]:
    """Counted amounts (26만 개, 14조 원, 12%) whose value no figure carries."""
    out: list[Finding] = []
    have = {as_decimal(f.value) for f in summary.figures}
    reported = set()
    for q in src.quantities:
        if q.is_time or q.unit is None or q.value in have or q.value in reported:
            continue
        if q.value < 10_000 and q.unit not in _MONEY_OR_SHARE:
            continue
        reported.add(q.value)
        out.append(finding("coverage.figure_missing", "warning", "figures",
                           f'The article states "{q.text}" ({show(q.value)}) but no figure carries it. '
                           "Add it as a figure if it matters to the story.", (q.start, q.end)))
    return out


def _quotes(src: Source, quotes: list[QuoteLocation]) -> list[Finding]:
    text = src.text
    passages = [(s, e) for s, e in src.quoted_passages if len(key_of(text[s:e])) >= MIN_QUOTE_KEY]
    if not passages:
        return []
    located = [(loc.span.start, loc.span.end) for loc in quotes if loc.span is not None]
    covered = len(located)
    if covered >= min(WANTED_QUOTES, len(passages)):
        return []
    missing = [(s, e) for s, e in passages if not any(a < e and s < b for a, b in located)]
    listed = "; ".join(f'"{excerpt(text, s, e, 60)}"' for s, e in missing[:3])
    return [finding("coverage.quotes_missing", "warning", "quotes",
                    f"The article has {len(passages)} quotations and the summary carries {covered} verbatim. "
                    f"Consider quoting, verbatim: {listed}.", missing[0])]
