"""The scanner: every number in a text, read with ``patterns`` and ``values`` into a ``Quantity``.

``find_quantities`` (running text) and the readers of a text that is one number (``quantities``) both scan
with ``scan``; running text is read conservatively (``prose``): a spaced fraction that is often a word, "one"
alone and a vague scale (several thousand) are left out there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ...contract.summary import Qualifier
from .context import join_range, may_join, qualify
from .patterns import (
    DIGITS_RE,
    HEADS,
    QUANTITY_RE,
    QUANTITY_SIMPLE_RE,
    START_RE,
    VAGUE_BEFORE_RE,
    head_start,
    weak_fraction,
)
from .values import (
    EXACT,
    Atom,
    eval_fraction,
    eval_korean,
    eval_native,
    eval_scaled,
    eval_sci,
    eval_words,
    safely,
    tidy,
)
from .words import (
    CURRENCY,
    CURRENCY_PREFIX,
    EN_SCALE,
    KO_BIG,
    ONE_NOUNS,
    POUNDS_WEIGHT,
    SIGN_WORDS,
    TIME_UNITS,
    alternation,
)

__all__ = ["MINUS", "Quantity", "ends", "make", "scan"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in a text.

    ``value`` is exact, ``unit`` the counter or unit as written (개, 장, %,
    km), a currency by its one name ($ for 달러, dollars and USD; € for euros), ``qualifier`` what the surrounding words say about it, and
    ``start``/``end`` index the text that was scanned (the number with its
    sign, currency and unit, without the qualifier words).

    ``range`` is set when the number is one end of a range the text states:
    (50000, 60000) for both ends of 5~6만, whose ``text`` and span are the
    whole range's.
    """

    value: Decimal
    unit: str | None
    qualifier: Qualifier
    text: str
    start: int
    end: int
    range: tuple[Decimal, Decimal] | None = None

    @property
    def is_time(self) -> bool:
        """True for dates and durations (2025년, 31일, 3개월)."""
        return self.unit in TIME_UNITS


# Quantities are made without the frozen dataclass's generated __init__, which costs three times
# as much (an object.__setattr__ call per field): find_quantities makes one for every number of
# every article. The slots' own setters do the same work directly.
_VALUE, _UNIT, _QUALIFIER, _TEXT, _START, _END, _RANGE = (
    getattr(Quantity, f).__set__ for f in ("value", "unit", "qualifier", "text", "start", "end", "range"))


def make(value: Decimal, unit: str | None, qualifier: Qualifier, text: str, start: int, end: int,
              ends: tuple[Decimal, Decimal] | None = None) -> Quantity:
    q = object.__new__(Quantity)
    _VALUE(q, value)
    _UNIT(q, unit)
    _QUALIFIER(q, qualifier)
    _TEXT(q, text)
    _START(q, start)
    _END(q, end)
    _RANGE(q, ends)
    return q


_PERCENT = frozenset({"percent", "per cent", "퍼센트"})
_AS_READ = {"C": "°C", "F": "°F"}
"""Units glued to digits that stand for another spelling: 200C is 200°C."""
_SIMPLE_KO_RE = re.compile(r"(\d+(?:\.\d+)?)([만억조경해])")
MINUS = frozenset({"-", "−"} | {w for w, sign in SIGN_WORDS.items() if sign < 0})
Value = Decimal | tuple[Decimal, Decimal]

# A number written in plain digits is read through a small cache: a Decimal is immutable, so the same digits
# share one (a Decimal is 104 bytes, most of what a Quantity costs). An article of 500,000 short numbers
# ("1 7 3 ...") kept half a million copies of ten values (benchmarks/validate_memory.py).
_plain_digits = lru_cache(maxsize=4096)(Decimal)


def _value_of(m: re.Match[str], prose: bool) -> Value | None:
    kor = m["kor"]
    if kor is not None:
        if kor.isdigit():  # the common cases first: 2025, 26만
            return _plain_digits(kor)
        simple = _SIMPLE_KO_RE.fullmatch(kor)
        if simple is not None:
            value = EXACT.multiply(Decimal(simple[1]), KO_BIG[simple[2]])
            return value if "." not in kor else tidy(value)
        value = safely(eval_korean, kor)
    elif m["eng"] is not None:
        value = safely(eval_scaled, m["eng"])
    elif m["words"] is not None:
        value = eval_words(m["words"])
        if prose and value is not None and value < 1 and weak_fraction(m):
            return None  # "a third term", "one half": left out, like "one" alone
    elif m["native"] is not None:
        return eval_native(m["native"])
    elif m["sci"] is not None:
        value = safely(eval_sci, m["sci"])
    else:
        value = safely(eval_fraction, m, prose=prose)
    return None if value is None else tidy(value)


def _scaled(m: re.Match[str]) -> bool:
    """Whether the number carries an English scale: 5 million, 1.5m, half a billion."""
    words = m["words"] if m.re is not DIGITS_RE else None
    return m["eng"] is not None or (words is not None and any(w in words.lower() for w in EN_SCALE))


def _reading(m: re.Match[str], prose: bool) -> tuple[Value, str | None] | None:
    """The value of a match, signed, and its unit: the currency before it or the counter after it."""
    value = _value_of(m, prose)
    if value is None:
        return None
    if m.re is DIGITS_RE:  # most numbers: no sign, currency or native counter in its pattern
        unit = None
        unit_text = m["unit"]
    else:
        sign = m["sign"] or m["sign2"]
        if sign is not None and sign.strip().lower() in MINUS:
            value = (EXACT.minus(value[1]), EXACT.minus(value[0])) if isinstance(value, tuple) else EXACT.minus(value)
        pre = m["pre"] or m["code"]
        unit = CURRENCY_PREFIX[pre] if pre else None
        unit_text = m["unit"] or m["ncount"]
    if unit_text:
        if m["cents"] is not None and not isinstance(value, tuple):
            value = tidy(EXACT.add(value, EXACT.divide(Decimal(m["cents"]), 100)))
            unit_text = m["cunit"]
        unit_text = unit_text.strip().lstrip("-").rstrip("'’")  # 3-fold, a one-hour call, six weeks' notice
        lower = unit_text.lower()
        if lower in _PERCENT:
            unit_text = "%"
        elif lower == "pounds" and not _scaled(m):
            unit_text = POUNDS_WEIGHT  # 550 pounds of cocaine; 5 million pounds is money
        elif lower in CURRENCY:
            unit_text = CURRENCY[lower]  # 1,200 euros is €1,200
        unit = unit or _AS_READ.get(unit_text, unit_text)  # $5 dollars: the sign wins
    return value, unit


def _match(text: str, start: int, prose: bool) -> tuple[re.Match[str], tuple[Value, str | None] | None] | None:
    """The number at ``start``: its match and its reading, or ``None`` where nothing matches.

    The reading is ``None`` for a date, and for a match that is not one number (5만 20000,
    three two): the scan goes on after it, so that a long run of such text costs linear time.
    """
    if start >= len(text):
        return None
    m = (DIGITS_RE if "0" <= text[start] <= "9" else QUANTITY_RE).match(text, start)
    if m is None or m.end() == start:
        return None
    if m["date"] is not None:
        return m, None
    reading = _reading(m, prose)
    if reading is None and (m["frac"] is not None or m["sci"] is not None):
        # 10/31 is not a fraction: read 10 on its own.
        simple = QUANTITY_SIMPLE_RE.match(text, start)
        if simple is not None and simple.end() > start:
            m, reading = simple, _reading(simple, prose)
    return m, reading


def _atom_at(text: str, at: int, prose: bool) -> Atom | None:
    """The number at ``at`` as an ``Atom``, the high end of a range (``None`` for a date)."""
    got = _match(text, at, prose)
    if got is None or got[1] is None:
        return None
    m, (value, unit) = got
    return Atom(value, unit, m.start(), m.end(), m)


def _identifier_digits(text: str, start: int) -> bool:
    """Digits inside an identifier (H100, HBM97, COVID-19, A4) are not quantities."""
    before = text[start - 1]
    if before == "_" or (before.isascii() and before.isalpha()):
        return True
    if before in "-/" and start > 1:
        b2 = text[start - 2]
        return b2 == "_" or (b2.isascii() and b2.isalpha())
    return False


_ONE_JOINED_RE = re.compile(rf"-(?:{alternation(ONE_NOUNS)})\b", re.IGNORECASE)
"""A unit joined to "one" that makes it a figure: one-year-old, one-hour."""


def _one_counts(m: re.Match[str]) -> bool:
    """Whether "one" or "zero" alone is a figure in prose: zero unless a hyphen makes it a word (zero-sum);
    one before a unit (one minute, one dollar; "one day" is an idiom) or joined to one (one-hour)."""
    if m["words"].lower() == "zero":
        return m.string[m.end() : m.end() + 1] != "-"
    unit = m["unit"]
    if unit is not None:
        return unit.strip().lstrip("-").lower() not in ("day", "fold")
    return _ONE_JOINED_RE.match(m.string, m.end()) is not None


def ends(text: str, ends: tuple[Decimal, Decimal], unit: str | None, start: int, end: int,
          yeo: bool) -> list[Quantity]:
    """Both ends of a range, joined (5~6만) or a native pair (두세 명): two quantities, one span."""
    qualifier = qualify(text, start, end, yeo)
    span = text[start:end]
    return [make(v, unit, qualifier, span, start, end, ends) for v in ends]


def scan(text: str, *, prose: bool) -> list[Quantity]:
    """Every number in ``text``, in order; ``prose`` for running text (a summary, an article)."""
    found: list[Quantity] = []
    pos = 0
    while True:
        candidate = START_RE.search(text, pos)
        if candidate is None:
            return found
        start = candidate.start()
        if start and "0" <= text[start] <= "9":
            before = text[start - 1]
            if before in HEADS or (before == " " and start > 1 and text[start - 2] in HEADS):
                start = head_start(text, start, pos)
        if text.startswith("24/7", start) and not text[start + 4 : start + 5].isdigit():
            pos = start + 4
            continue  # round the clock: no number (``eval_fraction`` reads it as no fraction either)
        got = _match(text, start, prose)
        if got is None:
            pos = candidate.start() + 1
            continue
        m, reading = got
        end = pos = m.end()
        if reading is None and m["date"] is None:
            continue  # not one number: 5만 20000
        if reading is None:  # 2025.10.31 or 2025-10-31: year, month and day
            for group, unit in (("y", "년"), ("mo", "월"), ("d", "일")):
                found.append(make(Decimal(int(m[group])), unit, "exact", m[group], m.start(group), m.end(group)))
            continue
        words = m["words"]
        if words is not None:
            if prose and ((words.lower() in ("one", "zero") and not _one_counts(m))
                          or VAGUE_BEFORE_RE.search(text, max(0, start - 16), start)):
                continue  # "one of the", "zero-sum", "several thousand": not figures in prose
        elif start and m["native"] is None and _identifier_digits(text, start):
            continue
        value, unit = reading
        yeo = m["yeo1"] is not None or m["yeo2"] is not None
        if may_join(text, end):
            joined = join_range(text, Atom(value, unit, start, end, m), lambda at: _atom_at(text, at, prose))
            if joined is not None:
                low, high, pos = joined
                found.extend(ends(text, (low.value, high.value), high.unit or low.unit, start, pos, yeo or high.yeo))
                continue
        if isinstance(value, tuple):
            found.extend(ends(text, value, unit, start, end, yeo))
        else:
            found.append(make(value, unit, qualify(text, start, end, yeo), text[start:end], start, end))
