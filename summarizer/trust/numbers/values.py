"""The values of numbers: a match of ``patterns`` read into an exact ``Decimal``.

Every reader returns ``None`` for a text that is not a well-formed number of
its notation (1 2, 만만, three two), so that the caller reports it instead of
guessing. Arithmetic runs in a wide decimal context (``EXACT``): integers far
beyond a float's 2**53, and beyond 28 digits, keep every digit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Context, Decimal, InvalidOperation

from .patterns import GROUP_SPACES, SUPERSCRIPT
from .words import (
    EN_FRACTIONS,
    EN_FRACTIONS_PLURAL,
    EN_HALVES,
    EN_ONES,
    EN_SCALE,
    EN_SHORT_SCALE,
    EN_TENS,
    KO_BIG,
    KO_DIGIT,
    KO_SMALL,
    NATIVE_ONES,
    NATIVE_PAIRS,
    NATIVE_TENS,
    VULGAR_FRACTIONS,
)

__all__ = ["EXACT", "Atom", "as_decimal", "eval_fraction", "eval_hangul_decimal", "eval_korean", "eval_native",
           "eval_scaled", "eval_sci", "eval_words", "plain", "ratio", "safely", "show", "tidy", "to_decimal"]

EXACT = Context(prec=120)
"""The context every value is computed in: wide enough that no integer a text can hold is rounded."""
_RATIO = Context(prec=28)
"""The context a fraction is divided in: 1/3 is 0.3333333333333333333333333333."""

_NUM = rf"\d{{1,3}}(?:(?:,\d{{3}})+|(?:[{GROUP_SPACES}]\d{{3}})+)(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_TOKEN_RE = re.compile(
    rf"\s*(?:(?P<num>{_NUM})|(?P<big>[{''.join(KO_BIG)}])|(?P<small>[{''.join(KO_SMALL)}])"
    rf"|(?P<digit>[{''.join(KO_DIGIT)}]))"
)
_SCALED_RE = re.compile(rf"({_NUM})\s?([a-z]+)", re.IGNORECASE)
_SCI_RE = re.compile(rf"({_NUM})\s?(?:e|[×x·]\s?10\^?\(?|×10)([-−+⁻⁺]?[\d⁰¹²³⁴⁵⁶⁷⁸⁹]+)\)?", re.IGNORECASE)
_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 100, 1000})
_EN_DIGIT_WORDS = frozenset(w for w, v in EN_ONES.items() if 1 < v < 10)
"""The words a range's low end may be and share the high end's scale in: two to three thousand (one is left out:
"one to four hundred" may be 1 to 400)."""
"""Denominators a slash fraction may have in running text: 10/31 is a date, 1/4분기 a quarter."""


@dataclass(slots=True)
class Atom:
    """One number as matched, before it is joined into a range or made a ``Quantity``."""

    value: Decimal | tuple[Decimal, Decimal]
    unit: str | None
    start: int
    end: int
    match: re.Match[str] | None = None
    """The match of ``QUANTITY_RE`` it was read from; ``None`` for the all-Hangul forms."""

    @property
    def yeo(self) -> bool:
        """Whether 여 follows it (40여 명, 5만여): approximate."""
        return self.match is not None and bool(self.match["yeo1"] or self.match["yeo2"])

    @property
    def scale(self) -> int | None:
        """The scale word it carries (만 for 6만, a million for 6 million): a range's low end may share it."""
        m = self.match
        if m is None:
            return None
        if m["kor"] is not None:
            big = next((c for c in m["kor"] if c in KO_BIG), None)
            return KO_BIG[big] if big else None
        if m["eng"] is not None:
            word = m["eng"].lstrip("0123456789.,").strip().lower()
            return EN_SCALE.get(word) or EN_SHORT_SCALE.get(word)
        if m["words"] is not None:  # four hundred, two million: the high end of "three to four hundred"
            word = m["words"].lower().rsplit(None, 1)[-1].rsplit("-", 1)[-1]
            return EN_SCALE.get(word) or (100 if word == "hundred" else None)
        return None

    @property
    def bare(self) -> bool:
        """Digits, or a one-word number below ten, with no scale or counter of their own (the 5 of 5~6만, the $3
        of $3-5bn, the three of "three to four hundred")."""
        m = self.match
        if m is None or m["unit"]:
            return False
        if m["kor"] is not None:
            return self.scale is None
        return m["words"] is not None and m["words"].lower() in _EN_DIGIT_WORDS

    @property
    def digits(self) -> bool:
        """Written in digits (a dash joins only these into a range: 5-6만, not twenty-five)."""
        return self.match is not None and self.match["words"] is None and self.match["native"] is None


_SEPARATORS = str.maketrans(dict.fromkeys("," + GROUP_SPACES))


def to_decimal(digits: str) -> Decimal:
    """Digits as written, with commas or thin spaces between the thousands (10,000, 10 000)."""
    return Decimal(digits.translate(_SEPARATORS))


def tidy(value: Decimal) -> Decimal:
    """260000 rather than 2.6E+5 or 260000.0; 0.5 rather than 0.50."""
    if value == 0:
        return Decimal(0)
    integral = value.to_integral_value(context=EXACT)
    return Decimal(int(integral)) if value == integral else value.normalize(EXACT)


def eval_korean(text: str) -> Decimal | None:
    """A Sino-Korean number in digits, Hangul or both: 21억 4748만 3648, 삼십오만, 1해 2000경."""
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
            current = to_decimal(m["num"]) if m["num"] is not None else Decimal(KO_DIGIT[m["digit"]])
        elif m["small"] is not None:
            scale = KO_SMALL[m["small"]]
            if last_small is not None and scale >= last_small:
                return None
            section = EXACT.add(section, EXACT.multiply(current if current is not None else 1, scale))
            current, last_small = None, scale
        else:
            scale = KO_BIG[m["big"]]
            if last_big is not None and scale >= last_big:
                return None
            group = EXACT.add(section, current or 0)
            total = EXACT.add(total, EXACT.multiply(group if group else 1, scale))
            section, current, last_small, last_big = Decimal(0), None, None, scale
    if current is not None and last_big is not None and last_small is None and current >= 10**4:
        return None  # 5만 20000 is two numbers, not one
    if last_big is None and last_small is None and current is None:
        return None
    return EXACT.add(EXACT.add(total, section), current or 0)


def eval_hangul_decimal(whole: str | None, digits: str, big: str | None) -> Decimal | None:
    """영점오 (0.5), 삼점사 (3.4), 일쩜이삼 (1.23), 이점오조 (2.5조): the digits after 점 are read one by one."""
    integer = eval_korean(whole) if whole else Decimal(0)
    if integer is None:
        return None
    fraction = "".join(str(KO_DIGIT[c]) for c in digits)
    value = EXACT.add(integer, Decimal(f"0.{fraction}"))
    return EXACT.multiply(value, KO_BIG[big]) if big else value


def eval_words(text: str) -> Decimal | None:
    """English number words: twenty-six thousand, a hundred and two, two point three, half a million;
    fractions: three-quarters, one and a half, a quarter of a million, a million and a half."""
    words = re.split(r"[\s-]+", text.lower().strip())
    # Where patterns puts a denominator: second (a quarter, three-quarters of a million), or last but
    # one or last (one and a half million, one and a half); never first (half a million reads on below).
    n = len(words)
    if n > 1:  # most are one word: ten, twenty
        at = next((i for i in (1, n - 2, n - 1)
                   if i and (words[i] in EN_FRACTIONS or words[i] in EN_FRACTIONS_PLURAL or words[i] == "halves")), None)
        if at is not None:
            return _eval_fraction_words(words, at)
    decimals = ""
    if "point" in words:
        at = words.index("point")
        tail = words[at + 1 :]
        if not tail or any(EN_ONES.get(w, 10) >= 10 for w in tail):
            return None
        decimals = "".join(str(EN_ONES[w]) for w in tail)
        words = words[:at]
    total = Decimal(0)
    current = Decimal(0)
    seen = False
    half = False
    previous = ""
    for word in words:
        if word == "and":
            previous = word
            continue
        if word in ("a", "an"):
            current, seen = Decimal(1), True
        elif word == "half":
            half = True
        elif word in EN_ONES or word in EN_TENS:
            n = EN_ONES.get(word, EN_TENS.get(word))
            if previous in EN_ONES or (previous in EN_TENS and word in EN_TENS) or (previous in EN_TENS and n >= 10):
                return None  # "three two", "twenty thirty": two numbers
            current += n
        elif word == "hundred":
            current = (current or 1) * 100
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in EN_SCALE:
            total = EXACT.add(total, EXACT.multiply(current or 1, EN_SCALE[word]))
            current = Decimal(0)
        else:
            return None
        seen = True
        previous = word
    if not seen:
        return None
    value = EXACT.add(total, current)
    if decimals:
        value = EXACT.add(value, Decimal(f"0.{decimals}"))
    return value / 2 if half else value


_WORD_SCALES = {**EN_SCALE, "hundred": 100, "dozen": 12}


def _eval_fraction_words(words: list[str], at: int) -> Decimal | None:
    """``words`` with a fraction whose denominator is ``words[at]``: [whole and] fraction [[of a] scale].

    After a scale, "and a half" is half of that scale: a million and a half is 1,500,000."""
    numerator, denominator = words[at - 1], words[at]
    if denominator in EN_FRACTIONS:
        n, d = (1 if numerator in ("a", "an", "one") else 0), EN_FRACTIONS[denominator]
    elif denominator == "halves":  # three halves, alone
        return _RATIO.divide(Decimal(EN_HALVES[numerator]), 2) if numerator in EN_HALVES and len(words) == 2 else None
    else:
        n, d = EN_ONES.get(numerator, 0), EN_FRACTIONS_PLURAL[denominator]
    if not 0 < n < d:
        return None  # two halves, five quarters: not a fraction
    value = _RATIO.divide(Decimal(n), Decimal(d))
    head, tail = words[: at - 1], words[at + 1 :]
    of = 1
    if head:  # one and a half, a million and a half
        if len(head) < 2 or head[-1] != "and" or "half" in head:
            return None
        whole = eval_words(" ".join(head[:-1]))
        if whole is None or whole != whole.to_integral_value():
            return None
        of = _WORD_SCALES.get(head[-2], 1)
        value = EXACT.add(whole, EXACT.multiply(value, of))
    if tail[:1] == ["of"] and tail[1:2] in (["a"], ["an"]):
        tail = tail[2:]  # a quarter of a million
    if not tail:
        return value
    scale = _WORD_SCALES.get(tail[0])
    return None if len(tail) > 1 or scale is None or of != 1 else EXACT.multiply(value, scale)


def eval_scaled(text: str) -> Decimal | None:
    """Digits with an English scale: 1.2 billion, $14bn (its digits), 1.5m."""
    m = _SCALED_RE.fullmatch(text.strip())
    if m is None:
        return None
    scale = m[2].lower()
    factor = EN_SCALE.get(scale) or EN_SHORT_SCALE.get(scale)
    return None if factor is None else EXACT.multiply(to_decimal(m[1]), factor)


def eval_sci(text: str) -> Decimal | None:
    """Scientific notation: 4e14, 2.48×10⁻⁵, 3.1 x 10^8."""
    m = _SCI_RE.fullmatch(text.strip())
    if m is None:
        return None
    exponent = int(m[2].translate(SUPERSCRIPT).replace("−", "-"))
    return EXACT.scaleb(to_decimal(m[1]), exponent)


def eval_fraction(m: re.Match[str], *, prose: bool) -> Decimal | None:
    """3/4, 2 1/2, 2½, 3분의 1. A slash fraction is a proper one (3/4, not 24/7), and in running text it must
    look like one (1/3, not 10/31)."""
    if m["vf"] is not None:
        n, d = VULGAR_FRACTIONS[m["vf"]]
        whole = Decimal(m["vw"]) if m["vw"] else Decimal(0)
        return EXACT.add(whole, _RATIO.divide(Decimal(n), Decimal(d)))
    if m["kd"] is not None:
        n, d = to_decimal(m["kn"]), to_decimal(m["kd"])
        return None if d == 0 else _RATIO.divide(n, d)
    n, d = int(m["fn"]), int(m["fd"])
    if d == 0 or n >= d or (prose and d not in _DENOMINATORS):
        return None  # 24/7 and 150/102 (a blood pressure) are no fractions, in a figure's text either
    whole = Decimal(m["fw"]) if m["fw"] else Decimal(0)
    return EXACT.add(whole, _RATIO.divide(Decimal(n), Decimal(d)))


def eval_native(text: str) -> Decimal | tuple[Decimal, Decimal] | None:
    """A native Korean numeral: 다섯, 열한, 스물다섯, 스무; a pair such as 두세 is the range 2 to 3."""
    word = "".join(text.split())
    if word in NATIVE_PAIRS:
        low, high = NATIVE_PAIRS[word]
        return Decimal(low), Decimal(high)
    if word in NATIVE_ONES:
        return Decimal(NATIVE_ONES[word])
    if word in NATIVE_TENS:
        return Decimal(NATIVE_TENS[word])
    for tens in sorted(NATIVE_TENS, key=len, reverse=True):
        if word.startswith(tens) and tens != "스무" and word[len(tens) :] in NATIVE_ONES:
            return Decimal(NATIVE_TENS[tens] + NATIVE_ONES[word[len(tens) :]])
    return None


def safely(read, *args, **kwargs):
    """``read(*args)``, or ``None`` where the digits do not make a decimal."""
    try:
        return read(*args, **kwargs)
    except (InvalidOperation, KeyError, ValueError, ZeroDivisionError):
        return None


def ratio(numerator: Decimal, denominator: Decimal) -> Decimal:
    """numerator / denominator, to 28 significant digits where it does not end."""
    return _RATIO.divide(numerator, denominator)


def as_decimal(value: float) -> Decimal:
    """A model's float as the decimal it was written as (0.1, not 0.1000000000000000055...)."""
    return Decimal(repr(value))


def plain(value: Decimal) -> int | float:
    """A value for the contract (a figure's ``value``, a report's ``parsed_value``): a whole number as an int,
    which keeps every digit (9,007,199,254,740,993 as a float is ...992); a fraction as a float."""
    return int(value) if value == value.to_integral_value() else float(value)


def show(value: Decimal | float) -> str:
    """A number for a message: 260,000 rather than 2.6E+5 or 260000.0."""
    d = value if isinstance(value, Decimal) else Decimal(repr(value))
    d = d.to_integral_value() if d == d.to_integral_value() else d.normalize()
    return f"{d:,f}"
