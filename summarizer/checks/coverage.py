"""Coverage: what the article plainly contains that the summary left out (warnings)."""

from __future__ import annotations

from ..textkey import key_of
from .context import Context, as_decimal, excerpt, show

_MONEY_OR_SHARE = frozenset({"원", "달러", "엔", "위안", "유로", "파운드", "$", "€", "£", "¥", "₩", "%", "%p"})
MIN_QUOTE_KEY = 20
"""A quoted passage this long (in key characters) is a quotation, not a scare-quoted term."""
WANTED_QUOTES = 3
"""A summary should carry this many of the article's quotations (or all, if fewer)."""


def check_coverage(ctx: Context) -> None:
    _figures(ctx)
    _quotes(ctx)


def _figures(ctx: Context) -> None:
    """Counted amounts (26만 개, 14조 원, 12%) whose value no figure carries."""
    have = {as_decimal(f.value) for f in ctx.summary.figures}
    reported = set()
    for q in ctx.src.quantities:
        if q.is_time or q.unit is None or q.value in have or q.value in reported:
            continue
        if q.value < 10_000 and q.unit not in _MONEY_OR_SHARE:
            continue
        reported.add(q.value)
        ctx.add("coverage.figure_missing", "warning", "figures",
                f'The article states "{q.text}" ({show(q.value)}) but no figure carries it. '
                "Add it as a figure if it matters to the story.", (q.start, q.end))


def _quotes(ctx: Context) -> None:
    text = ctx.src.text
    passages = [(s, e) for s, e in ctx.src.quoted_passages if len(key_of(text[s:e])) >= MIN_QUOTE_KEY]
    if not passages:
        return
    located = [(loc.span.start, loc.span.end) for loc in ctx.quotes if loc.span is not None]
    covered = len(located)
    if covered >= min(WANTED_QUOTES, len(passages)):
        return
    missing = [(s, e) for s, e in passages if not any(a < e and s < b for a, b in located)]
    listed = "; ".join(f'"{excerpt(text, s, e, 60)}"' for s, e in missing[:3])
    ctx.add("coverage.quotes_missing", "warning", "quotes",
            f"The article has {len(passages)} quotations and the summary carries {covered} verbatim. "
            f"Consider quoting, verbatim: {listed}.", missing[0])
