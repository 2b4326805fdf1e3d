"""Numbers as news writes them: parse one, or find every one in a text.

Pure code: no network, no model. Korean (26만, 2조3000억, 21억 4748만 3648,
1해, 삼십오만, 천 4백만, 영점오, 사분의 삼, 3분의 1, 다섯 배, 스물한 살, 두세 명,
마이너스 3, 2달러 23센트, 20만t) and English (260,000, -3.2%, .5, 1.2 billion,
$14bn, EUR 20, 4e14, 2.48×10⁻⁵, 3/4, 2 1/2, twenty-six thousand, a hundred and
two, two point three, 25mg, three-quarters, one and a half) notations are read
into exact ``Decimal`` values, with
the counter or currency that follows and the qualifier around them
(약/가량/about: approx, 이상/at least: at_least, ...). A sign belongs to its
number: -3.2% is -3.2, and "3.2%" is not a number that text states.

A range (5~6만, 26만~27만, 5-6만, between 3 and 5, 두세 명) is two numbers, never
one: ``find_quantities`` gives both ends, each a ``Quantity`` whose ``range``
holds both, with the range's span; ``parse_range`` reads a text that is one
range, and ``parse_quantity``/``parse_number`` return ``None`` for it.

Vague amounts (수십만, 몇 명, dozens, several thousand) are not numbers: they
parse to ``None`` and are never turned into one.

In running text (``find_quantities``) only numbers that start with a digit,
sign or currency, English number words, and native Korean numerals followed by
a counter (다섯 배, 두 달, 스무 명) are spotted: a Hangul-only Sino-Korean word
such as 이천 (a city) or 이만 (a common word) is too often not a number at all.
A spaced fraction that is often a word (a third term, one half) is read there
only before "of" (a third of voters); "three quarters" counts quarters.
``parse_quantity`` reads those forms when it is handed them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from ...contract.summary import Qualifier
from .context import join_range, may_join, qualify
from .patterns import (
    DIGITS_RE,
    HANGUL_RE,
    HEADS,
    LEAD_RE,
    NOUN_RE,
    QUANTITY_RE,
    QUANTITY_SIMPLE_RE,
    START_RE,
    TAIL_RE,
    VAGUE_BEFORE_RE,
    VAGUE_RE,
    head_start,
    weak_fraction,
)
from .values import (
    EXACT,
    Atom,
    eval_fraction,
    eval_hangul_decimal,
    eval_korean,
    eval_native,
    eval_scaled,
    eval_sci,
    eval_words,
    ratio,
    safely,
    tidy,
)
from .words import CURRENCY_PREFIX, KO_BIG, SIGN_WORDS, SINO_PAIRS, TIME_UNITS

__all__ = [
    "Quantity",
    "find_quantities",
    "is_vague_amount",
    "parse_number",
    "parse_quantity",
    "parse_quantity_or_range",
    "parse_range",
]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in a text.

    ``value`` is exact, ``unit`` the counter or currency as written (개, 장,
    원, $, %), ``qualifier`` what the surrounding words say about it, and
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


def _quantity(value: Decimal, unit: str | None, qualifier: Qualifier, text: str, start: int, end: int,
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
_SIMPLE_KO_RE = re.compile(r"(\d+(?:\.\d+)?)([만억조경해])")
_MINUS = frozenset({"-", "−"} | {w for w, sign in SIGN_WORDS.items() if sign < 0})
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


def _reading(m: re.Match[str], prose: bool) -> tuple[Value, str | None] | None:
    """The value of a match, signed, and its unit: the currency before it or the counter after it."""
    value = _value_of(m, prose)
    if value is None:
        return None
    if m.re is DIGITS_RE:  # most numbers: no sign, currency or native counter in its pattern
        unit = None
        unit_text = m["unit"]
    else:
        sign = m["sign"]
        if sign is not None and sign.strip().lower() in _MINUS:
            value = (EXACT.minus(value[1]), EXACT.minus(value[0])) if isinstance(value, tuple) else EXACT.minus(value)
        pre = m["pre"] or m["code"]
        unit = CURRENCY_PREFIX[pre] if pre else None
        unit_text = m["unit"] or m["ncount"]
    if unit_text:
        if m["cents"] is not None and not isinstance(value, tuple):
            value = tidy(EXACT.add(value, EXACT.divide(Decimal(m["cents"]), 100)))
            unit_text = m["cunit"]
        unit_text = unit_text.strip()
        if unit_text.lower() in _PERCENT:
            unit_text = "%"
        unit = unit or unit_text  # $5 dollars: the sign wins
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


def _ends(text: str, ends: tuple[Decimal, Decimal], unit: str | None, start: int, end: int,
          yeo: bool) -> list[Quantity]:
    """Both ends of a range, joined (5~6만) or a native pair (두세 명): two quantities, one span."""
    qualifier = qualify(text, start, end, yeo)
    span = text[start:end]
    return [_quantity(v, unit, qualifier, span, start, end, ends) for v in ends]


def _scan(text: str, *, prose: bool) -> list[Quantity]:
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
                found.append(_quantity(Decimal(int(m[group])), unit, "exact", m[group], m.start(group), m.end(group)))
            continue
        words = m["words"]
        if words is not None:
            if prose and (words.lower() in ("one", "zero") or VAGUE_BEFORE_RE.search(text, max(0, start - 16), start)):
                continue  # "one of the", "zero-sum", "several thousand": not figures in prose
        elif start and m["native"] is None and _identifier_digits(text, start):
            continue
        value, unit = reading
        yeo = m["yeo1"] is not None or m["yeo2"] is not None
        if may_join(text, end):
            joined = join_range(text, Atom(value, unit, start, end, m), lambda at: _atom_at(text, at, prose))
            if joined is not None:
                low, high, pos = joined
                found.extend(_ends(text, (low.value, high.value), high.unit or low.unit, start, pos, yeo or high.yeo))
                continue
        if isinstance(value, tuple):
            found.extend(_ends(text, value, unit, start, end, yeo))
        else:
            found.append(_quantity(value, unit, qualify(text, start, end, yeo), text[start:end], start, end))


def _with_noun(s: str, q: Quantity) -> Quantity:
    """English counts by noun: 5,000 people, 260,000 GPUs, a two-year deal."""
    noun = NOUN_RE.match(s, q.end) if q.unit is None else None
    if noun is None:
        return q
    return replace(q, unit=noun[1], text=s[q.start : noun.end()], end=noun.end())


def _whole(text: str) -> list[Quantity] | None:
    """The quantity (or the two ends of the range) that make up all of ``text``, qualifier words aside."""
    if not text or not text.strip() or is_vague_amount(text):
        return None
    s = text.strip()
    found = _scan(s, prose=False)
    if found and len({(q.start, q.end) for q in found}) == 1:
        found = [_with_noun(s, q) for q in found]
        q = found[0]
        lead, tail = s[: q.start], s[q.end :]
        if (not lead or LEAD_RE.fullmatch(lead)) and (not tail or TAIL_RE.fullmatch(tail)):
            return found
    return _hangul(s)


def _hangul(s: str) -> list[Quantity] | None:
    """Numbers written in Hangul only (삼십오만, 영점오, 사분의 삼, 스물다섯), which running text skips."""
    m = HANGUL_RE.fullmatch(s)
    if m is None:
        return None
    if m["hd"] is not None:
        d, n = safely(eval_korean, m["hd"]), safely(eval_korean, m["hn"])
        value = None if not d or n is None else ratio(n, d)
    elif m["point"] is not None:
        value = safely(eval_hangul_decimal, m["hint"], m["hfrac"], m["hbig"])
    elif m["native"] is not None:
        value = eval_native(m["native"])
    elif m["spair"] is not None:
        scale = safely(eval_korean, m["sscale"]) if m["sscale"] else Decimal(1)
        low, high = SINO_PAIRS[m["spair"]]
        value = None if scale is None else (EXACT.multiply(scale, low), EXACT.multiply(scale, high))
    else:
        value = safely(eval_korean, m["num"])
    if value is None:
        return None
    if (m["sign"] or "").strip() in _MINUS:
        value = (EXACT.minus(value[1]), EXACT.minus(value[0])) if isinstance(value, tuple) else EXACT.minus(value)
    start = min(m.start(g) for g in ("sign", "hd", "hint", "point", "spair", "native", "num") if m[g] is not None)
    end = m.end("unit") if m["unit"] else m.start("tail") if m["tail"] else len(s)
    unit = m["unit"]
    if isinstance(value, tuple):
        return _ends(s, value, unit, start, end, False)
    value = tidy(value)
    return [_quantity(value, unit, qualify(s, start, end, m["yeo"] is not None), s[start:end], start, end)]


# --- public API ------------------------------------------------------------


def is_vague_amount(text: str) -> bool:
    """True when ``text`` names an amount without a number: 수십만, 몇 명, dozens, several thousand."""
    return VAGUE_RE.search(text) is not None


def find_quantities(text: str) -> list[Quantity]:
    """Every number in running text, in order, with spans into ``text``; both ends of every range."""
    return _scan(text, prose=True)


def parse_quantity(text: str) -> Quantity | None:
    """Parse a text that is one quantity: "약 26만 개", "$14bn", "at least 5", "-3.2%".

    Returns ``None`` when the text is not exactly one number (with optional
    qualifier words, currency and counter): for a range (use ``parse_range``)
    and for vague amounts (수십만).
    """
    found = _whole(text)
    return found[0] if found is not None and len(found) == 1 else None


def parse_quantity_or_range(text: str) -> Quantity | tuple[Quantity, Quantity] | None:
    """What ``parse_quantity`` gives, else what ``parse_range`` gives, reading ``text`` once."""
    found = _whole(text)
    if found is None:
        return None
    return found[0] if len(found) == 1 else (found[0], found[1]) if len(found) == 2 else None


def parse_range(text: str) -> tuple[Quantity, Quantity] | None:
    """Parse a text that is one range: "5~6만 명", "between 3 and 5", "두세 곳": its low and high end."""
    found = _whole(text)
    return (found[0], found[1]) if found is not None and len(found) == 2 else None


def parse_number(text: str) -> Decimal | None:
    """The value of a text that is one number: "26만 개" gives 260000.

    The counter, currency and qualifier words are allowed and ignored; use
    ``parse_quantity`` to get them. Vague amounts and ranges give ``None``.
    """
    q = parse_quantity(text)
    return None if q is None else q.value

