"""Totals: the parts (``part_of``) add up to their total, within what their qualifiers allow.

Takes the figure check's result as an input: a mismatch among figures that
are all grounded (verbatim in the article) is the article's own doing, and
only a warning.
"""

from __future__ import annotations

from decimal import Decimal

from ...contract.report import Finding
from ...contract.summary import ArticleSummary, Figure
from ..numbers.agreement import APPROX_TOLERANCE
from .figures import FigureChecks
from .findings import as_decimal, finding, show

__all__ = ["APPROX_TOLERANCE", "check_totals"]


def _interval(fig: Figure) -> tuple[Decimal, Decimal | None]:
    v = as_decimal(fig.value)
    if fig.qualifier == "approx":
        return v * (1 - APPROX_TOLERANCE), v * (1 + APPROX_TOLERANCE)
    if fig.qualifier in ("at_least", "more_than"):
        return v, None
    if fig.qualifier in ("at_most", "less_than"):
        return min(Decimal(0), v), v
    return v, v


def _range(lo: Decimal, hi: Decimal | None) -> str:
    if hi is None:
        return f"at least {show(lo)}"
    return show(lo) if lo == hi else f"{show(lo)} to {show(hi)}"


def check_totals(summary: ArticleSummary, figures: FigureChecks) -> list[Finding]:
    out: list[Finding] = []
    by_id = {f.id: (i, f) for i, f in reversed(list(enumerate(summary.figures)))}
    parts: dict[str, list[Figure]] = {}
    for f in summary.figures:
        if f.part_of is not None and f.part_of in by_id and f.part_of != f.id:
            parts.setdefault(f.part_of, []).append(f)
    for total_id, members in parts.items():
        i, total = by_id[total_id]
        bounds = [_interval(p) for p in members]
        lo = sum((b[0] for b in bounds), Decimal(0))
        hi = None if any(b[1] is None for b in bounds) else sum((b[1] for b in bounds), Decimal(0))
        t_lo, t_hi = _interval(total)
        if (hi is None or hi >= t_lo) and (t_hi is None or lo <= t_hi):
            continue
        stated = sum((as_decimal(p.value) for p in members), Decimal(0))
        names = ", ".join(p.id for p in members)
        message = (f"The parts of {total_id} ({names}) add up to {show(stated)} ({_range(lo, hi)} allowing for "
                   f"their qualifiers), but {total_id} is {show(as_decimal(total.value))} ({_range(t_lo, t_hi)}).")
        if all(x in figures.grounded for x in [total_id] + [p.id for p in members]):
            out.append(finding("totals.mismatch", "warning", f"figures[{i}]", message +
                               " Every one of these figures is as the article states it: the article itself does "
                               "not add up. Keep the figures as written.", figures.span_of(i)))
        else:
            out.append(finding("totals.mismatch", "error", f"figures[{i}]", message +
                               " Fix the values, or the part_of links: only figures that together make up the "
                               "total belong to it.", figures.span_of(i)))
    return out
