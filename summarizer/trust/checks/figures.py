"""Figures: written as in the article, valued as written, qualified as there,
and linked only to figures that exist.

``check_figures`` returns the figures' locations and which of them are
*grounded* (their text is in the article and their value is its parse): the
totals and free-text checks take that set as an input.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...contract.report import FigureLocation, Finding
from ...contract.summary import ArticleSummary, Figure
from ..article.source import Source
from ..numbers.quantities import Quantity, is_vague_amount
from ..numbers.values import plain
from ..numbers.words import unit_key
from .figure_values import (
    check_range_figure,
    end_qualifier,
    occurrences,
    overlapping,
    parse_figure_text,
    same_value,
    suggest,
)
from .findings import as_decimal, finding, show, span

__all__ = ["FigureChecks", "check_figure_refs", "check_figures", "part_of_cycles"]


@dataclass(frozen=True)
class FigureChecks:
    """What the figure check found: a location per figure, the grounded ids, and the findings."""

    locations: list[FigureLocation]
    grounded: frozenset[str]
    findings: list[Finding]

    def span_of(self, index: int) -> tuple[int, int] | None:
        """Where figures[index] sits in the article, if it was found."""
        loc = self.locations[index] if index < len(self.locations) else None
        return None if loc is None or loc.span is None else (loc.span.start, loc.span.end)


def _bounded(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a whole number, not part of a longer one (5만 in 25만, 5 in 1.5).

    A number the article reads differently around it (3.2% in -3.2%, 2조 in 2조3000억)
    is caught by ``occurrences``, which compares values.
    """
    before = text[start - 1] if start > 0 else ""
    if before.isdigit() or (before in ".," and start > 1 and text[start - 2].isdigit()):
        return False
    after = text[end] if end < len(text) else ""
    return not ((after.isdigit() or (after in ".," and text[end + 1 : end + 2].isdigit())) and text[end - 1].isdigit())


def _ids(ids, limit: int = 20) -> str:
    shown = sorted(ids)
    return str(shown[:limit])[:-1] + f", ... ({len(shown)} in all)]" if len(shown) > limit else str(shown)


def part_of_cycles(parent: dict[str, str | None]) -> list[tuple[str, list[str]]]:
    """Every cycle of ``part_of`` links, once, as (the id whose walk found it, the ids around it).

    Each id is walked at most once (an id already walked is never walked again), so a chain of thousands of
    figures costs as much as it is long.
    """
    done: set[str] = set()
    cycles = []
    for start in parent:
        if start in done:
            continue
        path: list[str] = []
        on_path: dict[str, int] = {}
        node: str | None = start
        while node is not None and node in parent and node not in done and node not in on_path:
            on_path[node] = len(path)
            path.append(node)
            node = parent[node]
        if node is not None and node in on_path:
            cycles.append((start, path[on_path[node] :]))
        done.update(path)
    return cycles


def check_figure_refs(summary: ArticleSummary) -> list[Finding]:
    """Ids unique, ``part_of`` and ``figure_ids`` naming existing figures, no ``part_of`` cycles."""
    out: list[Finding] = []
    figures = summary.figures
    seen: dict[str, int] = {}
    for i, fig in enumerate(figures):
        if fig.id in seen:
            out.append(finding("figure.duplicate_id", "error", f"figures[{i}].id",
                               f'The id "{fig.id}" is already used by figures[{seen[fig.id]}]. '
                               "Give every figure its own id."))
        else:
            seen[fig.id] = i
    for i, fig in enumerate(figures):
        if fig.part_of is not None and fig.part_of not in seen:
            out.append(finding("figure.unknown_part_of", "error", f"figures[{i}].part_of",
                               f'part_of names "{fig.part_of}", which is not the id of any figure. '
                               f"Use one of {_ids(seen)} or null."))
    parent = {f.id: f.part_of for f in figures}
    for start, cycle in part_of_cycles(parent):
        i = seen[start]
        out.append(finding("figure.part_of_cycle", "error", f"figures[{i}].part_of",
                           f"part_of links form a cycle ({' -> '.join(cycle + [cycle[0]])}). "
                           "A total cannot be part of its own parts."))
    for i, event in enumerate(summary.events):
        for j, fid in enumerate(event.figure_ids):
            if fid not in seen:
                out.append(finding("event.unknown_figure", "error", f"events[{i}].figure_ids[{j}]",
                                   f'"{fid}" is not the id of any figure. Use one of {_ids(seen)}.'))
    return out


def check_figures(src: Source, summary: ArticleSummary) -> FigureChecks:
    """Locate every figure in the article and check its value, unit and qualifier there."""
    out: list[Finding] = []
    grounded: set[str] = set()
    starts = [q.start for q in src.quantities]
    locations = [_check_figure(src, i, fig, out, grounded, starts) for i, fig in enumerate(summary.figures)]
    return FigureChecks(locations, frozenset(grounded), out)


def _check_figure(src: Source, i: int, fig: Figure, out: list[Finding], grounded: set[str],
                  starts: list[int]) -> FigureLocation:
    path = f"figures[{i}]"
    text = src.text
    needle = fig.text.strip()
    kind, spans = src.find_all(needle) if needle else ("not_found", [])
    parsed = parse_figure_text(needle) if needle else None
    spans, swallowed = occurrences(src, [s for s in spans if _bounded(text, *s)], parsed, starts)
    if not spans:
        kind = "not_found"
    value = as_decimal(fig.value)

    if not spans:
        values = {value, *(q.value for q in (parsed if isinstance(parsed, tuple) else [parsed] if parsed else []))}
        same = [q for q in src.quantities if q.value in values]
        hint = f' The article writes this value as "{same[0].text}".' if same else ""
        if swallowed is not None:
            hint = (f' It is there only inside "{swallowed.text}", which is '
                    f"{_described(swallowed)}.{hint} A sign, a scale or a range belongs to its number.")
        out.append(finding("figure.text_not_found", "error", f"{path}.text",
                           f'"{fig.text}" is not in the article.{hint} Copy the number exactly as the article '
                           "writes it, or drop the figure.", (same[0].start, same[0].end) if same else None))

    if parsed is None:
        if needle and is_vague_amount(needle):
            out.append(finding("figure.vague", "error", f"{path}.text",
                               f'"{fig.text}" is a vague amount, not a number. Drop the figure, or use a number '
                               "the article states."))
        else:
            out.append(finding("figure.text_unparseable", "error", f"{path}.text",
                               f'"{fig.text}" does not read as one number. Give the number as written, '
                               'e.g. "26만 개" or "$14bn".'))
        return FigureLocation(index=i, id=fig.id, match=kind, span=span(spans[0]) if spans else None)

    if isinstance(parsed, tuple):
        return check_range_figure(i, fig, value, parsed, spans, out, grounded, kind)

    if not same_value(value, parsed.value):
        out.append(finding("figure.value_mismatch", "error", f"{path}.value",
                           f'value is {show(value)}, but "{fig.text}" says {show(parsed.value)}. '
                           f"Set value to {suggest(parsed.value)}."))
    elif spans:
        grounded.add(fig.id)

    if parsed.unit and fig.unit and unit_key(parsed.unit) != unit_key(fig.unit):
        out.append(finding("figure.unit_mismatch", "warning", f"{path}.unit",
                           f'unit is "{fig.unit}", but "{fig.text}" counts in "{parsed.unit}". '
                           f'Set unit to "{parsed.unit}".'))

    at, source_q = _qualifier_in_source(src, spans, parsed, fig, starts)
    if at is not None and source_q != fig.qualifier:
        soft = source_q == "exact" and fig.qualifier == "approx"
        ranged = next((x for x in overlapping(src, starts, *at) if x.range is not None), None)
        given = (f'"{fig.text}" is one end of the range "{ranged.text}" in the article' if ranged else
                 f'the article gives "{_around(text, at)}"')
        out.append(finding("figure.qualifier_mismatch", "warning" if soft else "error", f"{path}.qualifier",
                           f'qualifier is "{fig.qualifier}", but {given}, which is "{source_q}". '
                           f'Set qualifier to "{source_q}".', at))
    return FigureLocation(index=i, id=fig.id, match=kind, span=span(at or (spans[0] if spans else None)),
                          parsed_value=plain(parsed.value), source_qualifier=source_q if at else None)


def _qualifier_in_source(src: Source, spans, parsed: Quantity, fig: Figure, starts: list[int]):
    """The occurrence to report and the qualifier the article gives the figure there.

    Prefers an occurrence whose qualifier agrees with the figure's, so that
    26만장 in a headline and 26만장 이상 in the body both back their claims.
    One end of a range in the article is at_least (the low end) or at_most.
    """
    if not spans:
        return None, None
    choices = []
    for s, e in spans:
        around = overlapping(src, starts, s, e)
        if around and around[0].range is not None:
            q = end_qualifier(parsed.value, around[0].range) or around[0].qualifier
        elif parsed.qualifier != "exact":
            q = parsed.qualifier  # the figure's own text says it: "26만장 이상"
        else:
            q = around[0].qualifier if around else "exact"
        choices.append(((s, e), q))
    for at, q in choices:
        if q == fig.qualifier:
            return at, q
    return choices[0]


def _around(text: str, at: tuple[int, int]) -> str:
    start, end = at
    return " ".join(text[max(0, start - 6) : end + 6].split())


def _described(q: Quantity) -> str:
    """How the article's number reads, for a message: -3.2, or the range 50,000 to 60,000."""
    return f"the range {show(q.range[0])} to {show(q.range[1])}" if q.range else show(q.value)
