"""The words of numbers: numerals, scales, counters, currencies and qualifier words.

Korean and English, as news writes them. ``patterns`` builds its
patterns from these tables and ``values`` reads the matches with them;
the checks use ``UNIT_ALIASES``/``unit_key`` and ``BOUNDS`` so that a unit or a
bound means the same thing everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable

from retrie.trie import Trie

from ...contract.summary import Qualifier

__all__ = [
    "BOUNDS", "CENT_UNITS", "CURRENCIES", "CURRENCY", "CURRENCY_CODES", "CURRENCY_PREFIX", "EN_DURATIONS",
    "EN_FRACTIONS", "EN_FRACTIONS_PLURAL", "EN_HALVES", "EN_ONES", "EN_SCALE", "EN_SHORT_SCALE", "EN_TENS",
    "EN_UNITS", "GLUED_CASED", "GLUED_UNITS", "GLUED_WORDS", "KO_BIG", "KO_BIG_PROSE", "KO_DIGIT", "KO_SMALL",
    "KO_UNITS", "NATIVE_COUNTERS", "NATIVE_ONES", "NATIVE_PAIRS", "NATIVE_TENS", "ONE_NOUNS", "POUNDS_WEIGHT",
    "PREFIX_QUALIFIERS", "RATE_UNITS", "SIGN_WORDS", "SINO_PAIRS", "SPACED_SHORT_SCALE", "STONE", "SUFFIX_QUALIFIERS", "TIME_UNITS",
    "TONNE", "UNIT_ALIASES", "VULGAR_FRACTIONS", "alternation", "currency", "unit_key",
]

# --- Sino-Korean -----------------------------------------------------------

KO_BIG = {"만": 10**4, "억": 10**8, "조": 10**12, "경": 10**16, "해": 10**20, "자": 10**24, "양": 10**28}
"""The myriad scales. 자 (秭) and 양 (穰) follow 해 (垓); each is 10,000 times the one before."""
KO_BIG_PROSE = "만억조경해"
"""The scales read after a digit in running text: 3자 회담 (three-party talks) and 2양 are words."""
KO_SMALL = {"십": 10, "백": 100, "천": 1000}
KO_DIGIT = {"영": 0, "공": 0, "령": 0, "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5,
            "육": 6, "륙": 6, "칠": 7, "팔": 8, "구": 9}
"""Sino-Korean digits, with the old spellings 령 and 륙 (as in 십륙, 일천구백륙십)."""

# --- native Korean ---------------------------------------------------------

NATIVE_ONES = {"하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "석": 3, "넷": 4, "네": 4, "넉": 4,
               "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9}
"""Native ones, in their full (하나, 둘) and counter (한, 두; 석 달, 넉 달) forms."""
NATIVE_TENS = {"열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60,
               "일흔": 70, "여든": 80, "아흔": 90}
"""Native tens; 스무 is the counter form of 스물 and takes no ones after it."""
NATIVE_PAIRS = {"한두": (1, 2), "두세": (2, 3), "두서너": (2, 4), "서너": (3, 4), "서넛": (3, 4), "세네": (3, 4),
                "너덧": (4, 5), "네댓": (4, 5), "네다섯": (4, 5), "대여섯": (5, 6), "예닐곱": (6, 7),
                "일여덟": (7, 8), "엳아홉": (8, 9)}
"""Two neighbouring numerals run together: 두세 명 is two or three people, a range."""
SINO_PAIRS = {"일이": (1, 2), "이삼": (2, 3), "삼사": (3, 4), "사오": (4, 5), "오륙": (5, 6), "오육": (5, 6),
              "육칠": (6, 7), "륙칠": (6, 7), "칠팔": (7, 8), "팔구": (8, 9)}
"""The same in Sino-Korean, before a scale or a counter: 오륙십 명 (50 to 60), 이삼 일 (2 to 3 days)."""
SIGN_WORDS = {"마이너스": -1, "영하": -1, "minus": -1, "플러스": 1}
"""Words that sign the number after them: 마이너스 3, 영하 5도 (below zero), 플러스 5."""
NATIVE_COUNTERS = ["배", "명", "개", "곳", "번", "차례", "달", "가지", "사람", "마리", "권", "시간", "살",
                   "대", "장", "척", "채", "그루", "벌", "켤레", "병", "잔", "통", "군데", "건", "팀", "골",
                   "점", "주", "해", "개월", "세대"]
"""Counters a native numeral takes. In running text a one-syllable numeral (한, 세, 네, 열) needs a
space before its counter, and the counter must end the word (세대 is a generation, 한국 a country)."""

# --- English ---------------------------------------------------------------

EN_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
           "seventy": 70, "eighty": 80, "ninety": 90}
EN_SCALE = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
EN_SHORT_SCALE = {"k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "bn": 10**9, "bln": 10**9,
                  "b": 10**9, "tn": 10**12, "t": 10**12}
"""Scales glued to digits ($14bn, 1.5m). A bare t is a trillion only in English text: after a Korean scale
(20만t) or before Korean words (5000t급, 1t 트럭) it is ``TONNE``."""
SPACED_SHORT_SCALE = ["mln", "bln", "mn", "bn"]
"""The short scales news also writes after a space (5 mln dlrs, 1.2 bn); a spaced m or b is no scale."""
EN_FRACTIONS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                "eighth": 8, "ninth": 9, "tenth": 10}
"""Denominators in words, after a, an or one: a quarter, one-third, an eighth; one and a half."""
EN_FRACTIONS_PLURAL = {f"{w}s": d for w, d in EN_FRACTIONS.items() if w != "half"}
"""The same after two to nine: three-quarters, two-thirds (two halves is one, not a fraction)."""
EN_HALVES = {"three": 3, "five": 5, "seven": 7, "nine": 9}
"""The numerators that make halves a fraction: three halves is 1.5, but two halves (of a match) are a count."""
TONNE = "t"
"""Korean news writes tonnes as a glued t (20만t, 3만t급): the unit as written, the same as 톤 (``unit_key``)."""

# --- counters, units and currencies ----------------------------------------

# Korean counters and currencies, longest first so that 개월 wins over 개.
KO_UNITS = sorted(
    ["달러", "유로", "엔", "위안", "파운드", "원", "불", "센트", "펜스", "루블", "루피", "페소", "프랑",
     "개국", "개월", "개사", "개", "장", "대", "명", "건", "곳", "배", "척", "채", "마리", "톤", "가구",
     "년", "월", "일", "시간", "시", "분기", "분", "초", "주년", "주", "회", "차례", "번", "살",
     "위", "층", "평", "점", "포인트", "퍼센트포인트", "%포인트", "퍼센트", "프로", "%p", "%", "달", "기", "종",
     "편", "권", "표", "나노", "도", "㎞", "㎏", "㎡", "℃"],
    key=len, reverse=True,
)
GLUED_UNITS = sorted(
    ["km", "kg", "mg", "cm", "mm", "ml", "nm", "GB", "TB", "MB", "Gbps", "GHz", "MHz", "kW", "MW", "GW",
     "kWh", "MWh", "GWh", "TWh", "bp", "bps", "pp", "°C", "°F", "m²", "km²", "km2", "km^2", "m2", "m^2", "ha", "mph",
     "kph", "km/h", "ft", "lb", "lbs", "oz", "kcal", "%", "€"],
    key=len, reverse=True,
)
"""Units written against the number (25mg, 4km, 9,500ft, 20€). m and g are left out here: 1.5m is a million,
and 5G a network (``GLUED_CASED`` reads 46.5g)."""
GLUED_CASED = {"g": "g", "C": "°C", "F": "°F"}
"""Units written against the number that count only in this case, and the unit each gives: 46.5g (5G is a
network), 200C and 98F (5c is five cents)."""
STONE = "st"
"""Stone, written against the number (4st, 11st): not after a 1 that ends an ordinal (1st, 21st)."""
EN_UNITS = ["percentage points", "percentage point", "basis points", "per cent", "percent", "dollars", "dollar",
            "euros", "euro", "US dollars", "Australian dollars", "Australian dollar", "Canadian dollars",
            "Canadian dollar", "Hong Kong dollars", "Singapore dollars", "cents", "pence", "pounds", "won", "yen",
            "yuan", "pounds sterling", "bucks", "dlrs", "pp", "bps", "km", "kg", "mg", "miles", "kilometres", "kilometers", "metres", "meters", "tonnes",
            "tons", "hectares", "acres", "feet", "ft", "inches", "yards", "lb", "lbs", "oz", "litres", "liters",
            "gallons", "grams", "kilograms", "degrees Celsius", "degrees Fahrenheit", "degrees C", "degrees F",
            "kilometres per hour", "kilometers per hour", "miles per hour", "km/h", "kph", "mph",
            "sq mi", "sq km", "sq ft", "sq m", "square miles", "square kilometres", "square kilometers",
            "square metres", "square meters", "square feet", "km2", "km²", "m²",
            "GB", "TB", "MW", "GW", "GWh", "TWh", "kWh", "kcal", "USD", "EUR", "GBP", "JPY", "CNY", "KRW", "RMB"]
"""Units written after a space (5 percent, 25 mg, 20 EUR, 32 degrees Celsius)."""
EN_DURATIONS = ["centuries", "century", "decades", "decade", "years", "year", "months", "month", "weeks", "week",
                "days", "day", "hours", "hour", "minutes", "minute", "seconds"]
"""Spans of time written after a space (two years, 6 months, nine weeks): units, and time (``TIME_UNITS``). The
singular "second" is left out: "the 2 second-placed"."""
GLUED_WORDS = [u for u in EN_UNITS + EN_DURATIONS if u.isalpha() and u.islower() and len(u) >= 4]
"""English unit words that news also writes against the digits (100miles, 10percent, 24hours). Shorter ones
(won, yen) are left out: 3won is rarer than a typing slip."""
ONE_NOUNS = ["gallon", "litre", "liter", "pint", "barrel", "mile", "kilometre", "kilometer", "metre", "meter", "foot",
             "inch", "yard", "ounce", "ton", "tonne", "kilo", "kilogram", "gram", "acre", "hectare", "second", "minute",
             "hour", "day", "week", "fortnight", "month", "year", "decade", "century", "dollar", "euro", "cent", "penny"]
"""Units that "a" or "an" counts once in a text that is one number: a gallon, an hour and a half. (A pound is
money or weight; a quarter, a third are fractions.)"""
RATE_UNITS = ["s-1", "s⁻¹"]
"""Units after a space that end in a sign or a superscript, where a word boundary cannot end them (4e14 s-1)."""
CURRENCY_CODES = ["USD", "EUR", "GBP", "JPY", "CNY", "KRW", "RMB"]
"""ISO codes written before the amount (EUR 20), upper case only."""
CENT_UNITS = {"달러": "센트", "유로": "센트", "dollars": "cents", "euros": "cents"}
"""Currencies whose amounts may go on in cents: 2달러 23센트 is 2.23 dollars."""
VULGAR_FRACTIONS = {"½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5),
                    "⅖": (2, 5), "⅗": (3, 5), "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅛": (1, 8),
                    "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8)}
TIME_UNITS = frozenset({"년", "월", "일", "시", "분", "초", "주", "시간", "개월",
                        "분기", "주년", "달", "해", "살", *EN_DURATIONS})

# --- qualifiers ------------------------------------------------------------

BOUNDS: tuple[Qualifier, ...] = ("at_least", "more_than", "at_most", "less_than")
"""The qualifiers that bound a value on one side (이상, over, up to, 미만)."""
PREFIX_QUALIFIERS: list[tuple[str, Qualifier]] = [
    ("at least", "at_least"), ("no fewer than", "at_least"), ("최소", "at_least"),
    ("more than", "more_than"), ("over", "more_than"), ("above", "more_than"),
    ("upwards of", "more_than"), ("later than", "more_than"),
    ("starting at", "at_least"), ("starting from", "at_least"), ("starts at", "at_least"),
    ("start at", "at_least"),
    ("a minimum of", "at_least"), ("not less than", "at_least"),
    ("up to", "at_most"), ("at most", "at_most"), ("no more than", "at_most"), ("no later than", "at_most"),
    ("not more than", "at_most"), ("a maximum of", "at_most"), ("within", "at_most"),
    ("최대", "at_most"),
    ("less than", "less_than"), ("fewer than", "less_than"), ("under", "less_than"),
    ("below", "less_than"), ("earlier than", "less_than"),
    ("약", "approx"), ("대략", "approx"), ("about", "approx"), ("around", "approx"),
    ("approximately", "approx"), ("roughly", "approx"), ("nearly", "approx"),
    ("almost", "approx"), ("some", "approx"), ("an estimated", "approx"), ("like", "approx"),
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


def alternation(words: Iterable[str]) -> str:
    """A regex that matches any of ``words``, the longest first, as a trie: 개(?:국|월)? rather than
    개국|개월|개, so that the regex engine tests each character once instead of once per word."""
    trie = Trie()
    trie.add(*words)
    return trie.pattern()


CURRENCIES = {
    "$": ["$", "US$", "USD", "달러", "불", "dollars", "dollar", "US dollars", "bucks", "dlrs"],
    "€": ["€", "EUR", "유로", "euros", "euro"],
    "£": ["£", "GBP", "파운드", "pounds sterling", "pounds"],
    "¥": ["¥", "JPY", "엔", "yen"],
    "원": ["원", "₩", "KRW", "won"],
    "위안": ["위안", "CNY", "RMB", "yuan"],
    "C$": ["C$", "Canadian dollars", "Canadian dollar"],
    "A$": ["A$", "Australian dollars", "Australian dollar"],
    "HK$": ["HK$", "Hong Kong dollars"],
    "S$": ["S$", "Singapore dollars"],
    "cents": ["cents", "센트"],
}
"""Every currency's one unit name, and the ways news writes it: a sign, an ISO code, a Korean or an English
word. ``find_quantities`` and ``parse_quantity`` give the name (1,200 euros, €1,200 and EUR 1,200 are all €),
so that a check, a ranking or reconcile that asks whether a number is money asks once. English "pounds" is money
only after a scale (5 million pounds); 550 pounds of cocaine and a baby of 9 pounds weigh (``POUNDS_WEIGHT``)."""
POUNDS_WEIGHT = "lb"
"""The unit of "pounds" after a number with no scale: a weight."""
CURRENCY = {spelling.lower(): name for name, spellings in CURRENCIES.items() for spelling in spellings}
"""A currency's spelling, lower case, and its one unit name."""
CURRENCY_PREFIX = {p: CURRENCY[p.lower()] for p in ("US$", "$", "€", "£", "¥", "₩", "C$", "A$", "HK$", "S$",
                                                    *CURRENCY_CODES)}
"""Signs and codes written before the amount, and the unit each gives."""

# The same unit, spelled differently (% and 퍼센트, $ and 달러): the key two units compare by.
UNIT_ALIASES = {
    "퍼센트": "%", "프로": "%", "percent": "%", "per cent": "%",
    "퍼센트포인트": "%p", "%포인트": "%p", "percentage points": "%p", "percentage point": "%p", "pp": "%p",
    **{spelling: name.lower() for spelling, name in CURRENCY.items() if spelling != name.lower()},
    TONNE: "톤", "tonnes": "톤", "tonne": "톤", "㎞": "km", "㎏": "kg", "㎡": "m²", "℃": "°c",
    "basis points": "bp", "bps": "bp",
    "degrees celsius": "°c", "degrees c": "°c", "degrees fahrenheit": "°f", "degrees f": "°f",
    "km2": "km²", "km^2": "km²", "sq km": "km²", "square kilometres": "km²", "square kilometers": "km²",
    "m2": "m²", "m^2": "m²", "sq m": "m²", "square metres": "m²", "square meters": "m²",
    "square miles": "sq mi", "square feet": "sq ft",
    "kilometres per hour": "km/h", "kilometers per hour": "km/h", "kph": "km/h", "miles per hour": "mph",
    "lbs": "lb", "feet": "ft", "foot": "ft", "kilometres": "km", "kilometers": "km", "kilograms": "kg",
    "s⁻¹": "s-1",
}


def unit_key(unit: str) -> str:
    """One spelling for a unit, so that "달러" and "$" compare equal."""
    u = unit.strip().lower()
    return UNIT_ALIASES.get(u, u)


def currency(unit: str) -> str:
    """A unit as ``find_quantities`` gives it: a currency's one name (euros, EUR and 유로 are €), else as written."""
    return CURRENCY.get(unit.lower(), unit)
