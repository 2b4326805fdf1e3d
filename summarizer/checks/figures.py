"""Figures: written as in the article, valued as written, qualified as there,
linked to existing totals, and adding up to them."""

from __future__ import annotations

from decimal import Decimal

from ..numbers import Quantity, find_quantities, is_vague_amount, parse_quantity
from ..report import FigureLocation
from ..schema import Figure
from .context import Context, as_decimal, show, span

APPROX_TOLERANCE = Decimal("0.10")
"""How far an approximate figure (약, about) may be from its stated value."""

_BOUNDED = ("at_least", "more_than", "at_most", "less_than")
_UNIT_ALIASES = {"퍼센트": "%", "percent": "%", "per cent": "%", "달러": "$", "dollars": "$", "us$": "$",
                 "won": "원", "₩": "원"}


def _unit_key(unit: str) -> str:
    u = unit.strip().lower()
    return _UNIT_ALIASES.get(u, u)


def _parse(text: str) -> Quantity | None:
    """The quantity a figure's text states, also when it carries a noun (260,000 GPUs)."""
    q = parse_quantity(text)
    if q is not None:
        return q
    found = find_quantities(text)
    return found[0] if len(found) == 1 else None


def _bounded(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a whole number, not part of a longer one (5만 in 25만)."""
    before = text[start - 1] if start > 0 else ""
    if before.isdigit() or (before in ".," and start > 1 and text[start - 2].isdigit()):
        return False
    after = text[end] if end < len(text) else ""
    return not (after.isdigit() and text[end - 1].isdigit())


def check_figure_refs(ctx: Context) -> None:
    figures = ctx.summary.figures
    seen: dict[str, int] = {}
    for i, fig in enumerate(figures):
        if fig.id in seen:
            ctx.add("figure.duplicate_id", "error", f"figures[{i}].id",
                    f'The id "{fig.id}" is already used by figures[{seen[fig.id]}]. Give every figure its own id.')
        else:
            seen[fig.id] = i
    for i, fig in enumerate(figures):
        if fig.part_of is not None and fig.part_of not in seen:
            ctx.add("figure.unknown_part_of", "error", f"figures[{i}].part_of",
                    f'part_of names "{fig.part_of}", which is not the id of any figure. '
                    f"Use one of {sorted(seen)} or null.")
    parent = {f.id: f.part_of for f in figures}
    reported: set[str] = set()
    for i, fig in enumerate(figures):
        chain, node = [], fig.id
        while node is not None and node in parent and node not in chain:
            chain.append(node)
            node = parent[node]
        if node is not None and node in chain and node not in reported:
            cycle = chain[chain.index(node):]
            reported.update(cycle)
            ctx.add("figure.part_of_cycle", "error", f"figures[{i}].part_of",
                    f"part_of links form a cycle ({' -> '.join(cycle + [node])}). A total cannot be part of its own parts.")
    for i, event in enumerate(ctx.summary.events):
        for j, fid in enumerate(event.figure_ids):
            if fid not in seen:
                ctx.add("event.unknown_figure", "error", f"events[{i}].figure_ids[{j}]",
                        f'"{fid}" is not the id of any figure. Use one of {sorted(seen)}.')


def check_figures(ctx: Context) -> None:
    for i, fig in enumerate(ctx.summary.figures):
        ctx.figures.append(_check_figure(ctx, i, fig))


def _check_figure(ctx: Context, i: int, fig: Figure) -> FigureLocation:
    path = f"figures[{i}]"
    text = ctx.src.text
    needle = fig.text.strip()
    kind, spans = ctx.src.find_all(needle) if needle else ("not_found", [])
    spans = [s for s in spans if _bounded(text, *s)]
    if not spans:
        kind = "not_found"
    parsed = _parse(needle) if needle else None
    value = as_decimal(fig.value)

    if not spans:
        same = [q for q in ctx.src.quantities if q.value == value or (parsed and q.value == parsed.value)]
        hint = f' The article writes this value as "{same[0].text}".' if same else ""
        ctx.add("figure.text_not_found", "error", f"{path}.text",
                f'"{fig.text}" is not in the article.{hint} Copy the number exactly as the article writes it, '
                "or drop the figure.", (same[0].start, same[0].end) if same else None)

    if parsed is None:
        if needle and is_vague_amount(needle):
            ctx.add("figure.vague", "error", f"{path}.text",
                    f'"{fig.text}" is a vague amount, not a number. Drop the figure, or use a number the article states.')
        else:
            ctx.add("figure.text_unparseable", "error", f"{path}.text",
                    f'"{fig.text}" does not read as one number. Give the number as written, e.g. "26만 개" or "$14bn".')
        return FigureLocation(index=i, id=fig.id, match=kind, span=span(spans[0]) if spans else None)

    if parsed.value != value:
        ctx.add("figure.value_mismatch", "error", f"{path}.value",
                f'value is {show(value)}, but "{fig.text}" says {show(parsed.value)}. '
                f"Set value to {show(parsed.value).replace(',', '')}.")
    elif spans:
        ctx.grounded.add(fig.id)

    if parsed.unit and fig.unit and _unit_key(parsed.unit) != _unit_key(fig.unit):
        ctx.add("figure.unit_mismatch", "warning", f"{path}.unit",
                f'unit is "{fig.unit}", but "{fig.text}" counts in "{parsed.unit}". Set unit to "{parsed.unit}".')

    at, source_q = _qualifier_in_source(ctx, spans, parsed, fig)
    if at is not None and source_q != fig.qualifier:
        soft = source_q == "exact" and fig.qualifier == "approx"
        ctx.add("figure.qualifier_mismatch", "warning" if soft else "error", f"{path}.qualifier",
                f'qualifier is "{fig.qualifier}", but the article gives "{excerpt_around(text, at)}", '
                f'which is "{source_q}". Set qualifier to "{source_q}".', at)
    return FigureLocation(index=i, id=fig.id, match=kind, span=span(at or (spans[0] if spans else None)),
                          parsed_value=float(parsed.value), source_qualifier=source_q if at else None)


def _qualifier_in_source(ctx: Context, spans, parsed: Quantity, fig: Figure):
    """The occurrence to report and the qualifier the article gives the figure there.

    Prefers an occurrence whose qualifier agrees with the figure's, so that
    26만장 in a headline and 26만장 이상 in the body both back their claims.
    """
    if not spans:
        return None, None
    choices = []
    for s, e in spans:
        if parsed.qualifier != "exact":
            q = parsed.qualifier  # the figure's own text says it: "26만장 이상"
        else:
            around = [x for x in ctx.src.quantities if x.start < e and s < x.end]
            q = around[0].qualifier if around else "exact"
        choices.append(((s, e), q))
    for at, q in choices:
        if q == fig.qualifier:
            return at, q
    return choices[0]


def excerpt_around(text: str, at: tuple[int, int]) -> str:
    start, end = at
    return " ".join(text[max(0, start - 6) : end + 6].split())


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


def check_totals(ctx: Context) -> None:
    figures = ctx.summary.figures
    by_id = {f.id: (i, f) for i, f in reversed(list(enumerate(figures)))}
    parts: dict[str, list[Figure]] = {}
    for f in figures:
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
        ids = [total_id] + [p.id for p in members]
        if all(x in ctx.grounded for x in ids):
            ctx.add("totals.mismatch", "warning", f"figures[{i}]", message +
                    " Every one of these figures is as the article states it: the article itself does not add up."
                    " Keep the figures as written.", _location(ctx, i))
        else:
            ctx.add("totals.mismatch", "error", f"figures[{i}]", message +
                    " Fix the values, or the part_of links: only figures that together make up the total belong to it.",
                    _location(ctx, i))


def _location(ctx: Context, index: int) -> tuple[int, int] | None:
    for loc in ctx.figures:
        if loc.index == index and loc.span is not None:
            return loc.span.start, loc.span.end
    return None
