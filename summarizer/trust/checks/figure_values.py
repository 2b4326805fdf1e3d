"""A figure's number against the article's numbers: what its text says (one number, or a
range), where the article writes it as that number (not inside a longer one: "3.2%" in
"-3.2%", "2조" in "2조3000억", "5" in "5~6만"), and whether its value is what the text says.

A figure holds one value. A figure whose text is a range (5~6만 명) holds one end of it,
and its qualifier says which: the low end with ``at_least``, the high end with
``at_most``. The same holds for a figure that copies one end of a range in the article
("6만 명" out of "5~6만 명" is ``at_most``). Nothing here takes an end silently.
"""

from __future__ import annotations

from bisect import bisect_left
from decimal import Decimal
from functools import lru_cache

from ...contract.report import FigureLocation, Finding
from ...contract.summary import Figure, Qualifier
from ..article.source import Source
from ..numbers.quantities import Quantity, find_quantities, parse_quantity_or_range
from ..numbers.values import plain
from .findings import finding, show, span

__all__ = ["Parsed", "check_range_figure", "end_qualifier", "occurrences", "overlapping", "parse_figure_text",
           "same_value", "suggest"]

Parsed = Quantity | tuple[Quantity, Quantity]
"""What a figure's text says: one quantity, or the low and high end of a range."""


_SHORT = 200
"""Figure texts up to this length are parsed once and remembered (see ``parse_figure_text``)."""


def parse_figure_text(text: str) -> Parsed | None:
    """The quantity a figure's text states (also when it carries a noun: 260,000 GPUs), or its range."""
    return _parse_short(text) if len(text) <= _SHORT else _parse(text)


# A figure's text is a few words ("26만 장", "$14bn") that recur across summaries of the same story and
# across a summary's repairs; its reading depends on that text alone, and a Quantity is immutable.
# Bounded in entries and, through _SHORT, in the size of each.
@lru_cache(maxsize=4096)
def _parse_short(text: str) -> Parsed | None:
    return _parse(text)


def _parse(text: str) -> Parsed | None:
    whole = parse_quantity_or_range(text)
    if whole is not None:
        return whole
    found = find_quantities(text)
    if len(found) == 1:
        return found[0]
    if len(found) == 2 and found[0].range is not None and found[0].range == found[1].range:
        return found[0], found[1]
    return None


def overlapping(src: Source, starts: list[int], s: int, e: int) -> list[Quantity]:
    """The article's quantities that overlap ``[s, e)``; ``starts`` are their start offsets.

    Quantities come in text order and do not overlap one another (a range's two ends share
    one span), so those overlapping a span sit together just before the first that starts
    after it.
    """
    quantities = src.quantities
    j = bisect_left(starts, e) - 1
    out = []
    while j >= 0 and quantities[j].end > s:
        out.append(quantities[j])
        j -= 1
    out.reverse()
    return out


def _values(parsed: Parsed) -> tuple[Decimal, ...]:
    return (parsed[0].value, parsed[1].value) if isinstance(parsed, tuple) else (parsed.value,)


def _agrees(q: Quantity, values: tuple[Decimal, ...]) -> bool:
    if q.range is not None:
        return all(v in q.range for v in values)
    return values == (q.value,)


def occurrences(src: Source, spans: list[tuple[int, int]], parsed: Parsed | None,
                starts: list[int]) -> tuple[list[tuple[int, int]], Quantity | None]:
    """The spans where the article writes the figure's number as that number, and, if some were
    dropped, the article's longer number that one of them was part of ("-3.2%" for "3.2%")."""
    if parsed is None:
        return spans, None
    values = _values(parsed)
    kept: list[tuple[int, int]] = []
    swallowed = None
    for s, e in spans:
        owner = next((q for q in overlapping(src, starts, s, e)
                      if (q.start < s or q.end > e) and not _agrees(q, values)), None)
        if owner is None:
            kept.append((s, e))
        elif swallowed is None:
            swallowed = owner
    return kept, swallowed


def end_qualifier(value: Decimal, ends: tuple[Decimal, Decimal]) -> Qualifier | None:
    """The qualifier that says which end of a range ``value`` is: at_least for the low, at_most for the high."""
    return "at_least" if value == ends[0] else "at_most" if value == ends[1] else None


def same_value(stated: Decimal, parsed: Decimal) -> bool:
    """Whether a figure's value is its text's: equal, or, for a fraction that does not end (1/3),
    that fraction rounded to the two or more significant digits the value gives (0.33, 0.3333)."""
    if stated == parsed:
        return True
    if len(parsed.as_tuple().digits) < 28 or len(stated.normalize().as_tuple().digits) < 2:
        return False
    exponent = stated.as_tuple().exponent
    return isinstance(exponent, int) and abs(stated - parsed) <= Decimal(5).scaleb(exponent - 1)


def suggest(value: Decimal) -> str:
    """A value to write, as a model should write it: 260000, 0.333333 for 1/3."""
    if len(value.as_tuple().digits) >= 28:
        value = round(value, 6).normalize()
    return show(value).replace(",", "")


def check_range_figure(i: int, fig: Figure, value: Decimal, ends: tuple[Quantity, Quantity],
                       spans: list[tuple[int, int]], out: list[Finding], grounded: set[str],
                       kind: str) -> FigureLocation:
    """A figure whose text is a range: its value must be one end, its qualifier say which."""
    path = f"figures[{i}]"
    low, high = ends[0].value, ends[1].value
    choice = (f'set value to {suggest(low)} with qualifier "at_least" (the low end), or to {suggest(high)} '
              'with "at_most" (the high end)')
    expected = end_qualifier(value, (low, high))
    if expected is None:
        out.append(finding("figure.value_mismatch", "error", f"{path}.value",
                           f'value is {show(value)}, but "{fig.text}" is a range, {show(low)} to {show(high)}, '
                           f"and a figure holds one end of it: {choice}."))
    elif fig.qualifier != expected:
        which = "low" if expected == "at_least" else "high"
        out.append(finding("figure.qualifier_mismatch", "error", f"{path}.qualifier",
                           f'qualifier is "{fig.qualifier}", but {show(value)} is the {which} end of the range '
                           f'"{fig.text}" ({show(low)} to {show(high)}): {choice}.',
                           spans[0] if spans else None))
    elif spans:
        grounded.add(fig.id)
    return FigureLocation(index=i, id=fig.id, match=kind, span=span(spans[0]) if spans else None,
                          parsed_value=plain(value if expected else low), source_qualifier=expected)
