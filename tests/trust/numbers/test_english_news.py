"""English quantities as English news writes them, read by ``parse_quantity`` and ``parse_range``.

Two tables, each row a figure's text, the value a careful reader gives it (``R(low, high)`` for a range,
``None`` for text that is not one number) and its unit:

- ``NEWS`` was cut from the English articles of ``benchmarks/data/extractive/heldout.jsonl`` and
  ``benchmarks/data/consistency/heldout.jsonl`` (CNN/DailyMail via BUMP, SummEdits; licenses in those
  folders), five of them ($19.3bn, 1,400 sq ft, 2 1/2 years, 150/102, 24/7) from the ``tune.jsonl`` beside
  them, for notations the held-out articles lack; written and checked by hand before the parser was changed for issue 20, and not used to change
  it. Where a text was cut short (the "from" of "ranges from £136,250 to £224,700"), it is a figure's text
  for that passage; "between $89.99 and $99.99" drops the "(£59)" between. These articles hold no signed negative number and no dimension (3 x 4 m).
- ``ISSUE_20`` is the issue's own list: the notations it names, so written for the change.

A unit of ``ANY`` is not checked (what a count counts is the figure's label: 298 stores); any other unit is
compared with ``unit_key``, so that "per cent" is "%" and "dollars" is "$". A row the parser still gets
wrong is in ``NOT_DONE`` and xfails (strict): a fix must remove it, and a regression fails. Their first run
read 86/103 and 0/14; the issue 20 change was made after it (see benchmarks/RESULTS.md, "Numbers"). Its last
two misses ("the top 20 percent", "100miles") were read after ``test_english_heldout.py``'s first run.

``PYTHONPATH=tests python tests/trust/numbers/test_english_news.py`` prints each table's score.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from summarizer import parse_quantity, parse_range
from summarizer.trust.numbers.words import unit_key


class R(tuple):
    """A range: what a reader takes "between £35 and £200" to mean."""

    def __new__(cls, low, high):
        return super().__new__(cls, (Decimal(str(low)), Decimal(str(high))))


ANY = object()
"""A unit not checked: the thing a count counts."""

NEWS = [
    # money
    ("$1,199", "1199", "$"), ("more than $36 billion", 36_000_000_000, "$"), ("around $1,000", 1000, "$"),
    ("more than £8,000", 8000, "£"), ("£435,000", 435_000, "£"), ("$20million", 20_000_000, "$"),
    ("£225-a-head", 225, "£"), ("£36m", 36_000_000, "£"), ("£35 million", 35_000_000, "£"),
    ("at least $300million", 300_000_000, "$"), ("£8.72m", 8_720_000, "£"), ("$13.2m", 13_200_000, "$"),
    ("£3.44", "3.44", "£"), ("$89.99", "89.99", "$"), ("£19.99", "19.99", "£"), ("$760,869", 760_869, "$"),
    ("£497,796", 497_796, "£"), ("$5.59", "5.59", "$"), ("£26,000-a-year", 26_000, "£"), ("£1.8million", 1_800_000, "£"),
    ("€45million", 45_000_000, "€"), ("£32.8m", 32_800_000, "£"), ("$105 million", 105_000_000, "$"),
    ("£1.80", "1.8", "£"), ("$30,900", 30_900, "$"), ("$41,555", 41_555, "$"), ("$75.98", "75.98", "$"),
    ("$1,836.18", "1836.18", "$"), ("nearly $1.8 billion", 1_800_000_000, "$"), ("$19.3bn", 19_300_000_000, "$"),
    ("$2 per day", 2, "$"), ("£4.99", "4.99", "£"), ("1 million Australian dollar", 1_000_000, "A$"),
    # shares
    ("17 per cent", 17, "%"), ("99.7 per cent", "99.7", "%"), ("About 87 percent", 87, "%"), ("70%", 70, "%"),
    ("68.3 per cent", "68.3", "%"), ("0.505%", "0.505", "%"), ("4.75%", "4.75", "%"), ("0.077%", "0.077", "%"),
    ("nearly 40%", 40, "%"), ("50 basis points", 50, "bp"), ("the top 20 percent", 20, "%"),
    # units of measure
    ("about 5 feet", 5, "feet"), ("about 300 miles", 300, "miles"), ("94 acres", 94, "acres"), ("51kg", 51, "kg"),
    ("3.3ft", "3.3", "ft"), ("200C", 200, "°C"), ("50 kilovolts", 50, "kilovolts"), ("4st", 4, "st"),
    ("175lb", 175, "lb"), ("79kg", 79, "kg"), ("9,500ft", 9500, "ft"), ("70mph", 70, "mph"),
    ("170 litres", 170, "litres"), ("nine miles", 9, "miles"), ("15km", 15, "km"), ("12mm", 12, "mm"),
    ("nearly 250 kilograms", 250, "kilograms"), ("46.5g", "46.5", "g"), ("1,400 sq ft", 1400, "sq ft"),
    ("66-foot", 66, "foot"), ("113 kilometers", 113, "kilometers"), ("more than 2 tons", 2, "tons"),
    ("100miles", 100, "miles"),
    # numbers in words, fractions
    ("two people", 2, ANY), ("half a million", 500_000, ANY), ("about three-quarters of a pint", "0.75", "pint"),
    ("two and a half pints", "2.5", "pints"), ("two dozen people", 24, ANY), ("About one-third", Decimal(1) / 3, None),
    ("two thirds", Decimal(2) / 3, None), ("almost a quarter", "0.25", None), ("Two hundred years", 200, ANY),
    ("a billion times", 1_000_000_000, ANY), ("four-month-old", 4, ANY), ("month and a half", "1.5", "month"),
    ("2 1/2 years", "2.5", ANY), ("three million", 3_000_000, None), ("six-years-old", 6, ANY),
    # counts, ages, scales
    ("298 stores", 298, ANY), ("An estimated 26,000 people", 26_000, ANY), ("27-year-old", 27, ANY),
    ("9,047,000 times", 9_047_000, ANY), ("299million requests", 299_000_000, ANY), ("10.7million", 10_700_000, None),
    ("8.6m requests", 8_600_000, ANY), ("1.7 million", 1_700_000, None), ("726,707 shares", 726_707, ANY),
    # ranges
    ("between $89.99 and $99.99", R("89.99", "99.99"), "$"), ("between £35 and £200", R(35, 200), "£"),
    ("£136,250 to £224,700", R(136_250, 224_700), "£"), ("between three million and 6.5 million", R(3e6, 6.5e6), None),
    ("three to eight years", R(3, 8), ANY),
    # not one number: scores, odds, readings
    ("3-0", None, None), ("6-4", None, None), ("150/102", None, None), ("24/7", None, None),
    ("4-3-1-2", None, None), ("Thousands", None, None), ("hundreds of protesters", None, None),
]

ISSUE_20 = [
    ("32 degrees Celsius", 32, "°C"), ("200 kilometres per hour", 200, "km/h"), ("301,338 km2", 301_338, "km²"),
    ("116,347 sq mi", 116_347, "sq mi"), ("25lbs", 25, "lbs"), ("4km^2", 4, "km²"), ("10 000 dollars", 10_000, "$"),
    ("$-99.99", "-99.99", "$"), ("($99.99)", "-99.99", "$"), ("a gallon", 1, "gallon"), ("point one", "0.1", None),
    ("4e14 s-1", 4 * 10**14, "s-1"), ("six weeks'", 6, "weeks"), ("three halves", "1.5", None),
]

TABLES = {"English news, held out": NEWS, "issue 20's list": ISSUE_20}
NOT_DONE: set[str] = set()


def read(text: str):
    """What the parser takes ``text`` to say: (value or range, unit), or ``None``."""
    ends = parse_range(text)
    if ends is not None:
        return R(ends[0].value, ends[1].value), ends[0].unit
    q = parse_quantity(text)
    return None if q is None else (q.value, q.unit)


def right(text: str, expected, unit) -> bool:
    got = read(text)
    if expected is None:
        return got is None
    if got is None:
        return False
    value, got_unit = got
    want = expected if isinstance(expected, (R, Decimal)) else Decimal(str(expected))
    if value != want:
        return False
    return unit is ANY or unit_key(got_unit or "") == unit_key(unit or "")


ROWS = [(table, text, expected, unit) for table, rows in TABLES.items() for text, expected, unit in rows]


@pytest.mark.parametrize(
    ("table", "text", "expected", "unit"),
    [pytest.param(*row, marks=[pytest.mark.xfail(reason="not done")] if row[1] in NOT_DONE else []) for row in ROWS],
    ids=[row[1] for row in ROWS],
)
def test_each_quantity_reads_as_a_careful_reader_reads_it(table, text, expected, unit):
    assert right(text, expected, unit), f"{table}: {text!r} read as {read(text)!r}, expected {expected!r} {unit!r}"


def test_the_held_out_table_is_large_enough_and_its_rows_are_distinct():
    assert (len(NEWS) >= 80, len({t for t, _, _ in NEWS}) == len(NEWS), NOT_DONE <= {row[1] for row in ROWS}) == (
        True, True, True)


def main() -> None:
    for name, rows in TABLES.items():
        wrong = [(t, e, u, read(t)) for t, e, u in rows if not right(t, e, u)]
        print(f"{name}: {len(rows) - len(wrong)}/{len(rows)} = {100 * (len(rows) - len(wrong)) / len(rows):.0f}%")
        for t, e, u, got in wrong:
            print(f"    {t!r}: expected {e!r} {'(any unit)' if u is ANY else u!r}, got {got!r}")


if __name__ == "__main__":
    main()
