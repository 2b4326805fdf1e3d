"""Numbers as news writes them: parse one, or find every one in a text.

Pure code: no network, no model. Korean (26만, 2조3000억, 21억 4748만 3648,
삼십오만, 천 4백만, 다섯 배) and English (260,000, 1.2 billion, $14bn, 1.5m,
twenty-six thousand, 12.5%) notations are read into exact ``Decimal`` values,
with the counter or currency that follows and the qualifier around them
(약/가량/about: approx, 이상/at least: at_least, ...).

Vague amounts (수십만, dozens, hundreds of) are not numbers: they parse to
``None`` and are never turned into one.

In running text (``find_quantities``) only numbers that start with a digit,
plus native Korean numerals directly followed by a counter (다섯 배, 두 달),
are spotted: a Hangul-only Sino-Korean word such as 이천 (a city) or 이만
(a common word) is too often not a number at all. ``parse_number`` reads
those forms when it is handed them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..contract.summary import Qualifier
from .number_words import (
    BOUNDS,
    CURRENCY_PREFIX,
    EN_ONES,
    EN_SCALE,
    EN_SHORT_SCALE,
    EN_TENS,
    EN_UNITS,
    KO_BIG,
    KO_DIGIT,
    KO_NATIVE,
    KO_SMALL,
    KO_UNITS,
    NATIVE_COUNTERS,
    NATIVE_SPACED,
    PREFIX_QUALIFIERS,
    SUFFIX_QUALIFIERS,
    TIME_UNITS,
    alternation,
)

__all__ = [
    "Quantity",
    "find_quantities",
    "is_vague_amount",
    "parse_number",
    "parse_quantity",
]

_PREFIX_Q = dict(PREFIX_QUALIFIERS)
_SUFFIX_Q = dict(SUFFIX_QUALIFIERS)
_PREFIX_RE = re.compile(rf"(?:^|(?<=[\s(\[]))({alternation(list(_PREFIX_Q))})\s*$", re.IGNORECASE)
# A particle may sit between the counter and 넘는 (다섯 배가 넘는).
_SUFFIX_RE = re.compile(rf"\s?(?:[이가을를]\s?)?({alternation(list(_SUFFIX_Q))})", re.IGNORECASE)
# Korean bound words attach to the noun (26만장 이상, 5배가 넘는) but the
# approximate ones (가량, 정도) may only follow the number directly.
_BOUND_SUFFIX_WORDS = frozenset(w for w, q in SUFFIX_QUALIFIERS if q in BOUNDS)

# --- patterns --------------------------------------------------------------

# A dotted date (2025.10.31) is three numbers, not the decimal 2025.1.
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+(?!\d|\.\d))?|\d+(?:\.\d+(?!\d|\.\d))?"
_SEC = rf"(?:(?:{_NUM})[천백십]\s?)*(?:{_NUM})[천백십]?"
# A Hangul thousands/hundreds head, as in 천 4백만, only at a word start.
_HEAD = r"(?:(?<![가-힣])[일이삼사오육칠팔구]?[천백십]\s?(?=\d))?"
_KRUN = (
    rf"{_HEAD}{_SEC}"
    rf"(?:[경조억만](?:\s?{_SEC}[경조억만])*(?:\s?{_SEC}(?![\d.,])(?!\s?[년월일]))?)?"
)
_ENG_SCALE = rf"\s?(?:{alternation(list(EN_SCALE))})\b|(?:{alternation(list(EN_SHORT_SCALE))})\b"
_EN_WORDS = alternation(list(EN_ONES) + list(EN_TENS) + list(EN_SCALE) + ["hundred"])
_WORDNUM = rf"\b(?:{_EN_WORDS})(?:(?:[\s-]+|\s+and\s+)(?:{_EN_WORDS}))*\b"
# Particles that may follow a counter set apart by a space (26만 장을); any other
# syllable makes it a word (CES 2025 기조연설), not a counter.
_PARTICLES = "을를이가은는의에도만과와로으씩째부까당"
_UNIT = (
    rf"(?:(?:{alternation(KO_UNITS)})"
    rf"|\s(?:{alternation(KO_UNITS)})(?![가-힣](?<![{_PARTICLES}]))"
    rf"|\s(?:{alternation(EN_UNITS)})\b)"
)
_NATIVE = (
    rf"(?<![가-힣])(?:(?:{alternation([w for w in KO_NATIVE if w not in NATIVE_SPACED])})\s?"
    rf"|(?:{alternation(NATIVE_SPACED)})\s)"
    rf"(?=(?:{alternation(NATIVE_COUNTERS)}))"
)

_QUANTITY_RE = re.compile(
    rf"""
    (?:
        (?P<date>(?P<y>\d{{4}})[.\-/]\s?(?P<mo>\d{{1,2}})[.\-/]\s?(?P<d>\d{{1,2}})(?!\d))
      | (?P<pre>US\$|[$€£¥₩])?
        (?:
            (?P<eng>(?:{_NUM})(?:{_ENG_SCALE}))
          | (?P<kor>{_KRUN})
          | (?P<words>{_WORDNUM})
          | (?P<native>{_NATIVE})
        )
        (?P<yeo1>여(?![가-힣]{{2}}))?
        (?P<unit>{_UNIT})?
        (?P<yeo2>여(?![가-힣]))?
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)

# Where a number may start: a digit or currency sign, a Hangul numeral or
# thousands head at a word start (천 4백만, 이천 4백만), a native numeral at a word
# start (다섯 배), or the first letter of an English word. A single character
# set lets the regex engine skip everything else at C speed.
_START_RE = re.compile(
    r"[\d$€£¥₩U천백십일이삼사오육칠팔구아a-zA-Z한하두둘세셋네넷다여열스]"
    r"(?<=[\d$€£¥₩U]|(?<![가-힣])[천백십일이삼사오육칠팔구아한하두둘세셋네넷다여열스]|(?<![a-zA-Z])[a-zA-Z])"
    r"(?:(?<=[\d$€£¥₩U]|[a-zA-Z])"
    r"|(?<=[천백십])\s?\d"
    r"|(?<=[일이삼사오육칠팔구])[천백십]\s?\d"
    rf"|(?<=[일아한하두둘세셋네넷다여열스])(?:섯|곱|덟|홉|물|무|나)?\s?(?:{alternation(NATIVE_COUNTERS)}))"
)

_VAGUE_RE = re.compile(
    r"(?:^|(?<![가-힣]))수\s?[십백천만억조]"
    r"|\b(?:dozens|scores|hundreds|thousands|millions|billions|trillions)\b"
    r"|\b(?:several|a few|a handful of|many)\b",
    re.IGNORECASE,
)

_TOKEN_RE = re.compile(
    rf"\s*(?:(?P<num>{_NUM})|(?P<big>[경조억만])|(?P<small>[천백십])|(?P<digit>[영공일이삼사오육칠팔구]))"
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in a text.

    ``value`` is exact, ``unit`` the counter or currency as written (개, 장,
    원, $, %), ``qualifier`` what the surrounding words say about it, and
    ``start``/``end`` index the text that was scanned (the number with its
    currency sign and unit, without the qualifier words).
    """

    value: Decimal
    unit: str | None
    qualifier: Qualifier
    text: str
    start: int
    end: int

    @property
    def is_time(self) -> bool:
        """True for dates and durations (2025년, 31일, 3개월)."""
        return self.unit in TIME_UNITS


# --- evaluation ------------------------------------------------------------


def _tidy(value: Decimal) -> Decimal:
    integral = value.to_integral_value()
    return integral if value == integral else value.normalize()


def _to_decimal(digits: str) -> Decimal:
    return Decimal(digits.replace(",", ""))


def _eval_korean(text: str) -> Decimal | None:
    """Evaluate a Sino-Korean number such as 21억 4748만 3648 or 삼십오만."""
    total = Decimal(0)
    section = Decimal(0)
    current: Decimal | None = None
    last_big = None
    last_small = None
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN_RE.match(text, pos)
        if m is None:
            return None
        pos = m.end()
        if m["num"] is not None or m["digit"] is not None:
            if current is not None:
                return None  # two numbers in a row: "1 2"
            current = _to_decimal(m["num"]) if m["num"] is not None else Decimal(KO_DIGIT[m["digit"]])
        elif m["small"] is not None:
            scale = KO_SMALL[m["small"]]
            if last_small is not None and scale >= last_small:
                return None
            section += (current if current is not None else 1) * scale
            current, last_small = None, scale
        else:
            scale = KO_BIG[m["big"]]
            if last_big is not None and scale >= last_big:
                return None
            group = section + (current or 0)
            total += (group if group else 1) * scale
            section, current, last_small, last_big = Decimal(0), None, None, scale
    if current is not None and last_big is not None and last_small is None and current >= 10**4:
        return None  # 5만 20000 is two numbers, not one
    return total + section + (current or 0)


def _eval_words(text: str) -> Decimal | None:
    """Evaluate English number words: twenty-six thousand, one hundred and five."""
    total = Decimal(0)
    current = Decimal(0)
    seen = False
    for word in re.split(r"[\s-]+", text.lower()):
        if word == "and":
            continue
        if word in EN_ONES:
            current += EN_ONES[word]
        elif word in EN_TENS:
            current += EN_TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in EN_SCALE:
            total += (current or 1) * EN_SCALE[word]
            current = Decimal(0)
        else:
            return None
        seen = True
    return total + current if seen else None


def _eval_english_scaled(text: str) -> Decimal | None:
    m = re.fullmatch(rf"({_NUM})\s?([a-z]+)", text.strip(), re.IGNORECASE)
    if m is None:
        return None
    scale = m[2].lower()
    factor = EN_SCALE.get(scale) or EN_SHORT_SCALE.get(scale)
    return None if factor is None else _to_decimal(m[1]) * factor


_SIMPLE_KO_RE = re.compile(r"(\d+(?:\.\d+)?)([만억조경])")


def _value_of(m: re.Match[str]) -> Decimal | None:
    try:
        if m["eng"] is not None:
            return _eval_english_scaled(m["eng"])
        kor = m["kor"]
        if kor is not None:
            if kor.isdigit():  # the common cases first: 2025, 26만
                return Decimal(kor)
            simple = _SIMPLE_KO_RE.fullmatch(kor)
            if simple is not None:
                return Decimal(simple[1]) * KO_BIG[simple[2]]
            return _eval_korean(kor)
        if m["words"] is not None:
            return _eval_words(m["words"])
        return Decimal(KO_NATIVE[m["native"].strip()])
    except (InvalidOperation, KeyError):
        return None


def _qualify(text: str, start: int, end: int, yeo: bool) -> Qualifier:
    """The qualifier the words around ``text[start:end]`` give the number."""
    suffix = None
    after = _SUFFIX_RE.match(text, end)
    if after is not None:
        word = after[1].lower()
        # A particle before the word is only allowed for bounds (5배가 넘는).
        if word in _BOUND_SUFFIX_WORDS or after.start(1) == end or text[end:after.start(1)].isspace():
            suffix = _SUFFIX_Q[word]
    before = _PREFIX_RE.search(text, max(0, start - 16), start)
    prefix = _PREFIX_Q[before[1].lower()] if before is not None else None
    for q in (suffix, prefix):
        if q in BOUNDS:
            return q
    if suffix == "approx" or prefix == "approx" or yeo:
        return "approx"
    return "exact"


def _quantity(text: str, m: re.Match[str]) -> Quantity | None:
    value = _value_of(m)
    if value is None:
        return None
    unit = m["pre"] and CURRENCY_PREFIX[m["pre"]]
    if m["unit"]:
        unit_text = m["unit"].strip()
        unit = unit_text if not unit else unit  # $5 dollars: the sign wins
        if unit_text.lower() in ("percent", "per cent", "퍼센트"):
            unit = "%"
    start, end = m.start(), m.end()
    qualifier = _qualify(text, start, end, bool(m["yeo1"] or m["yeo2"]))
    return Quantity(_tidy(value), unit or None, qualifier, text[start:end], start, end)


# --- public API ------------------------------------------------------------


def is_vague_amount(text: str) -> bool:
    """True when ``text`` names an amount without a number: 수십만, dozens, several."""
    return _VAGUE_RE.search(text) is not None


def find_quantities(text: str) -> list[Quantity]:
    """Every number in running text, in order, with spans into ``text``."""
    return _scan(text, prose=True)


def _scan(text: str, *, prose: bool) -> list[Quantity]:
    found: list[Quantity] = []
    pos = 0
    while True:
        candidate = _START_RE.search(text, pos)
        if candidate is None:
            return found
        start = candidate.start()
        m = _QUANTITY_RE.match(text, start)
        if m is None or m.end() == start:
            pos = start + 1
            continue
        pos = m.end()
        if m["date"] is not None:  # 2025.10.31 or 2025-10-31: year, month and day
            for group, unit in (("y", "년"), ("mo", "월"), ("d", "일")):
                found.append(Quantity(Decimal(int(m[group])), unit, "exact", m[group], m.start(group), m.end(group)))
            continue
        # Digits inside an identifier (H100, HBM97, COVID-19) are not quantities.
        if start > 0 and (text[start - 1].isalpha() and text[start - 1].isascii() or text[start - 1] in "-_/"):
            if m["native"] is None and m["words"] is None:
                continue
        if prose and m["words"] is not None and m["words"].lower() in ("one", "zero"):
            continue  # "one of the", "zero-sum": almost never a figure in prose
        q = _quantity(text, m)
        if q is not None:
            found.append(q)


_LEAD_RE = re.compile(rf"(?:{alternation(list(_PREFIX_Q))})\s*", re.IGNORECASE)
_TAIL_RE = re.compile(rf"\s*(?:[이가을를]\s?)?(?:{alternation(list(_SUFFIX_Q))})", re.IGNORECASE)
_NOUN_RE = re.compile(r"\s+([A-Za-z][A-Za-z-]*)")
_HANGUL_NUMBER_RE = re.compile(
    rf"(?:(?P<lead>{alternation(list(_PREFIX_Q))})\s*)?"
    rf"(?P<num>[영공일이삼사오육칠팔구십백천만억조경\d.,\s]*[영공일이삼사오육칠팔구십백천만억조경\d])"
    rf"\s*(?P<unit>{alternation(KO_UNITS)})?"
    rf"(?P<tail>\s*(?:{alternation(list(_SUFFIX_Q))}))?",
    re.IGNORECASE,
)


def parse_quantity(text: str) -> Quantity | None:
    """Parse a text that is one quantity: "약 26만 개", "$14bn", "at least 5".

    Returns ``None`` when the text is not exactly one number (with optional
    qualifier words, currency and counter), and for vague amounts (수십만).
    """
    if not text or not text.strip() or is_vague_amount(text):
        return None
    s = text.strip()
    found = _scan(s, prose=False)
    if len(found) == 1:
        q = found[0]
        lead, tail = s[: q.start], s[q.end :]
        noun = _NOUN_RE.match(tail) if q.unit is None else None
        if noun is not None:  # English counts by noun: 5,000 people, 260,000 GPUs
            tail = tail[noun.end() :]
            q = Quantity(q.value, noun[1], q.qualifier, s[q.start : q.end + noun.end()], q.start, q.end + noun.end())
        if (not lead or _LEAD_RE.fullmatch(lead)) and (not tail or _TAIL_RE.fullmatch(tail)):
            return q
    # Sino-Korean numerals in Hangul (삼십오만, 천 4백만), which running text skips.
    m = _HANGUL_NUMBER_RE.fullmatch(s)
    if m is None:
        return None
    try:
        value = _eval_korean(m["num"])
    except InvalidOperation:
        return None
    if value is None:
        return None
    start, end = m.start("num"), m.end("unit") if m["unit"] else m.end("num")
    return Quantity(_tidy(value), m["unit"], _qualify(s, start, end, False), s[start:end], start, end)


def parse_number(text: str) -> Decimal | None:
    """The value of a text that is one number: "26만 개" gives 260000.

    The counter, currency and qualifier words are allowed and ignored; use
    ``parse_quantity`` to get them. Vague amounts give ``None``.
    """
    q = parse_quantity(text)
    return None if q is None else q.value
