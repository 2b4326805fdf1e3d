"""What the held-out tables of English quantities share: a row's range, and whether the scanner finds a row's
quantity in its sentence and the parser reads it from the figure's own text, as a careful reader would."""

from __future__ import annotations

from decimal import Decimal

from summarizer import find_quantities
from summarizer.trust.numbers import parse_quantity_or_range
from summarizer.trust.numbers.words import unit_key

E = "exact"


class R(tuple):
    """A range: what a reader takes "between $6.25 and $6.35", "10 to 30 years" or "three or four" to mean."""

    def __new__(cls, low, high):
        return super().__new__(cls, (Decimal(str(low)), Decimal(str(high))))


ANY = object()
"""A unit not checked: the thing a count counts."""


def _money(value, unit):
    """Cents as hundredths of a dollar: "2 cents" and "$0.02" are one amount."""
    if unit is not None and unit_key(unit) in ("cents", "cent", "¢"):
        return value / 100, "$"
    return value, unit


def _same(value, unit, qualifier, want, want_unit, want_qualifier) -> bool:
    value, unit = _money(value, unit)
    want = want if isinstance(want, R) else Decimal(str(want))
    if value != want or (want_qualifier != qualifier and not isinstance(want, R)):
        return False
    return want_unit is ANY or unit_key(unit or "") == unit_key(want_unit or "")


def scanned(sentence: str, figure: str, want, unit, qualifier) -> bool:
    """Does ``find_quantities`` find the reader's quantity where ``sentence`` writes ``figure``?"""
    start = sentence.index(figure)
    end = start + len(figure)
    there = [q for q in find_quantities(sentence) if q.start < end and start < q.end]
    if want is None:
        return not there
    return any(_same(R(*q.range) if isinstance(want, R) and q.range else q.value, q.unit, q.qualifier,
                     want, unit, qualifier) for q in there)


def parsed(figure: str, want, unit, qualifier) -> bool:
    """Does the figure's own text parse to the reader's quantity?"""
    got = parse_quantity_or_range(figure)
    if want is None or got is None:
        return want is None and got is None
    if isinstance(got, tuple):
        return isinstance(want, R) and _same(R(got[0].value, got[1].value), got[0].unit, E, want, unit, qualifier)
    return _same(got.value, got.unit, got.qualifier, want, unit, qualifier)


def key(sid: str, figure: str) -> str:
    """A row's name: its sentence's id and the figure as the sentence writes it."""
    return f"{sid}: {figure}"


def report(rows: list[tuple], sentences: dict[str, str]) -> None:
    """Print a table's score, the scanner's and the parser's apart and both together, and what each wrong row
    gave (run a table's file as a script to see it)."""
    scan_wrong = [row for row in rows if not scanned(sentences[row[0]], *row[1:])]
    parse_wrong = [row for row in rows if not parsed(*row[1:])]
    both = {key(*r[:2]) for r in scan_wrong} | {key(*r[:2]) for r in parse_wrong}
    n = len(rows)
    for name, wrong in (("find_quantities in the sentence", scan_wrong), ("parse of the figure's text", parse_wrong)):
        print(f"{name}: {n - len(wrong)}/{n} = {100 * (n - len(wrong)) / n:.1f}%")
    print(f"both right: {n - len(both)}/{n} = {100 * (n - len(both)) / n:.1f}%")
    for sid, figure, want, unit, qualifier in rows:
        if key(sid, figure) in both:
            sentence = sentences[sid]
            start = sentence.index(figure)
            found = [(str(q.value), q.unit, q.qualifier, q.range and tuple(map(str, q.range)))
                     for q in find_quantities(sentence) if q.start < start + len(figure) and start < q.end]
            got = parse_quantity_or_range(figure)
            got = (None if got is None else [(str(q.value), q.unit, q.qualifier) for q in got]
                   if isinstance(got, tuple) else (str(got.value), got.unit, got.qualifier))
            print(f"    {key(sid, figure)!r}: want {want!r} {'(any unit)' if unit is ANY else unit!r} {qualifier};"
                  f" scan {found}; parse {got}")
