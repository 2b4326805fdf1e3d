"""The words of numbers: numerals, scales, counters, currencies and qualifier words.

Korean and English, as news writes them. ``numbers`` builds its patterns from
these tables; the checks use ``UNIT_ALIASES``/``unit_key`` and ``BOUNDS`` so
that a unit or a bound means the same thing everywhere.
"""

from __future__ import annotations

import re

from ..contract.summary import Qualifier

__all__ = [
    "BOUNDS", "CURRENCY_PREFIX", "EN_ONES", "EN_SCALE", "EN_SHORT_SCALE", "EN_TENS", "EN_UNITS", "KO_BIG",
    "KO_DIGIT", "KO_NATIVE", "KO_SMALL", "KO_UNITS", "NATIVE_COUNTERS", "NATIVE_SPACED", "PREFIX_QUALIFIERS",
    "SUFFIX_QUALIFIERS", "TIME_UNITS", "UNIT_ALIASES", "alternation", "unit_key",
]

KO_BIG = {"만": 10**4, "억": 10**8, "조": 10**12, "경": 10**16}
KO_SMALL = {"십": 10, "백": 100, "천": 1000}
KO_DIGIT = {"영": 0, "공": 0, "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5,
            "육": 6, "칠": 7, "팔": 8, "구": 9}
KO_NATIVE = {"한": 1, "하나": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "네": 4,
             "넷": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9,
             "열": 10, "스무": 20, "스물": 20}
EN_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
           "seventy": 70, "eighty": 80, "ninety": 90}
EN_SCALE = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
EN_SHORT_SCALE = {"k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "bn": 10**9,
                  "b": 10**9, "tn": 10**12, "t": 10**12}

# Counters and currencies, longest first so that 개월 wins over 개.
KO_UNITS = sorted(
    ["달러", "유로", "엔", "위안", "파운드", "원", "개국", "개월", "개사", "개", "장",
     "대", "명", "건", "곳", "배", "척", "채", "마리", "톤", "가구", "년", "월",
     "일", "시간", "시", "분기", "분", "초", "주년", "주", "회", "차례", "번", "살",
     "위", "층", "평", "점", "포인트", "퍼센트", "%p", "%", "달", "기", "종",
     "편", "권", "표", "km", "kg", "GB", "TB", "MW", "GW", "나노", "nm", "bp"],
    key=len, reverse=True,
)
EN_UNITS = ["percentage points", "per cent", "percent", "dollars", "euros",
            "pounds", "won", "yen", "yuan", "pp", "bps"]
# Counters that follow a native numeral. 대, 장 and 해 are left out: 세대
# (generation), 한해 and 열대 are words, not counts.
NATIVE_COUNTERS = ["배", "명", "개", "곳", "번", "차례", "달", "가지", "사람",
                   "마리", "권", "시간", "살"]
# One-syllable numerals that start common words (한국, 세배, 네이버, 열차) count
# only when a space separates them from the counter.
NATIVE_SPACED = ["한", "세", "네", "열"]
TIME_UNITS = frozenset({"년", "월", "일", "시", "분", "초", "주", "시간", "개월",
                        "분기", "주년", "달", "해", "살"})
CURRENCY_PREFIX = {"US$": "$", "$": "$", "€": "€", "£": "£", "¥": "¥", "₩": "₩"}

# --- qualifiers ------------------------------------------------------------

BOUNDS: tuple[Qualifier, ...] = ("at_least", "more_than", "at_most", "less_than")
"""The qualifiers that bound a value on one side (이상, over, up to, 미만)."""
PREFIX_QUALIFIERS: list[tuple[str, Qualifier]] = [
    ("at least", "at_least"), ("no fewer than", "at_least"), ("최소", "at_least"),
    ("more than", "more_than"), ("over", "more_than"), ("above", "more_than"),
    ("upwards of", "more_than"),
    ("up to", "at_most"), ("at most", "at_most"), ("no more than", "at_most"),
    ("최대", "at_most"),
    ("less than", "less_than"), ("fewer than", "less_than"), ("under", "less_than"),
    ("below", "less_than"),
    ("약", "approx"), ("대략", "approx"), ("about", "approx"), ("around", "approx"),
    ("approximately", "approx"), ("roughly", "approx"), ("nearly", "approx"),
    ("almost", "approx"), ("some", "approx"), ("an estimated", "approx"),
]
SUFFIX_QUALIFIERS: list[tuple[str, Qualifier]] = [
    ("이상", "at_least"), ("or more", "at_least"),
    ("넘는", "more_than"), ("넘게", "more_than"), ("넘어", "more_than"),
    ("넘은", "more_than"), ("넘", "more_than"), ("초과", "more_than"),
    ("남짓", "more_than"), ("plus", "more_than"),
    ("이하", "at_most"), ("이내", "at_most"), ("or less", "at_most"),
    ("미만", "less_than"),
    ("가량", "approx"), ("안팎", "approx"), ("내외", "approx"), ("정도", "approx"),
    ("쯤", "approx"), ("or so", "approx"),
]


def alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# The same unit, spelled differently (% and 퍼센트, $ and 달러).
UNIT_ALIASES = {"퍼센트": "%", "percent": "%", "per cent": "%", "달러": "$", "dollars": "$", "us$": "$",
                "won": "원", "₩": "원"}


def unit_key(unit: str) -> str:
    """One spelling for a unit, so that "달러" and "$" compare equal."""
    u = unit.strip().lower()
    return UNIT_ALIASES.get(u, u)
