"""Numbers as news writes them: parse one, or find every one in a text.

Pure code: no network, no model. Korean (26만, 2조3000억, 21억 4748만 3648,
1해, 삼십오만, 천 4백만, 영점오, 사분의 삼, 3분의 1, 다섯 배, 스물한 살, 두세 명,
마이너스 3, 2달러 23센트, 20만t) and English (260,000, -3.2%, .5, 1.2 billion,
$14bn, EUR 20, 4e14, 2.48×10⁻⁵, 3/4, 2 1/2, twenty-six thousand, a hundred and
two, two point three, 25mg, three-quarters, one and a half) notations are read
into exact ``Decimal`` values, with
the counter or currency that follows and the qualifier around them
(약/가량/about: approx, 이상/at least: at_least, ...). A currency has one unit
name however it is written (1,200 euros, EUR 1,200, 1,200유로 and €1,200 are all
€; ``words.CURRENCIES``). A sign belongs to its number: -3.2% is -3.2, $-99.99
is -99.99, and "3.2%" is not a number that text states.

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
``parse_quantity`` reads those forms when it is handed them, and a few that
only a text that is one number takes: a gallon (1), point one (0.1), 10 000
with plain spaces, an amount of money in brackets, ($99.99), as owed (-99.99),
and a rate after an amount ($2 per day, £225-a-head, $800/month: 2, 225 and 800), after "the" and a word
(the top 20 percent).

English spans of time (two years, 6 months, a one-hour call) carry their unit and are time (``is_time``);
"one" is read in running text before a unit or joined to one (one minute, one-hour) but not in "one of" or
"one day"; "zero" unless a hyphen makes it a word (zero-sum); multiples (threefold, 3-fold) count in fold.
"starting at", "starts at" and "start at" give a lower bound, "earlier than" an upper one, with "just" or
"only" allowed before the number (starts at just $499).

As people talk: "3 or 4" and "three or four" are ranges, and "ranging from 10 to 30 years" is one where "from 10 to
30" alone is a change; a low end in words below ten shares the high end's scale (three to four hundred: 300 to
400); "within", "a maximum of" and "not more than" bound a number from above, "a minimum of" and "not less than"
from below, and "like" before it is a hedge (approx); "5 mln" and "1.2 bn" carry their scale after a space, and
bucks and dlrs are dollars; 24/7 is no number. A figure's text may start with "a" or "an" and a word, or "top"
(a three, top five).
"""


from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from .context import qualify
from .patterns import (
    ALONE_RE,
    HANGUL_RE,
    LEAD_RE,
    NOUN_RE,
    OF_A_RE,
    RATE_RE,
    SPACED_THOUSANDS_RE,
    TAIL_RE,
    VAGUE_RE,
)
from .scan import MINUS, Quantity, ends, make, scan
from .values import (
    EXACT,
    eval_hangul_decimal,
    eval_korean,
    eval_native,
    ratio,
    safely,
    tidy,
)
from .words import CURRENCIES, EN_ONES, SINO_PAIRS, currency

__all__ = [
    "Quantity",
    "find_quantities",
    "is_vague_amount",
    "parse_number",
    "parse_quantity",
    "parse_quantity_or_range",
    "parse_range",
]


def _with_noun(s: str, q: Quantity) -> Quantity:
    """English counts by noun: 5,000 people, 260,000 GPUs, a two-year deal, three-quarters of a pint."""
    if q.unit is not None:
        return q
    noun = OF_A_RE.match(s, q.end) if 0 < q.value < 1 else None
    noun = noun or NOUN_RE.match(s, q.end)
    if noun is None:
        return q
    return replace(q, unit=noun[1], text=s[q.start : noun.end()], end=noun.end())


def _whole(text: str) -> list[Quantity] | None:
    """The quantity (or the two ends of the range) that make up all of ``text``, qualifier words aside."""
    if not text or not text.strip() or is_vague_amount(text):
        return None
    s = text.strip()
    if s[0] == "(" and s[-1] == ")":
        return _owed(s)
    # 10 000: thousands grouped by plain spaces, read as by thin ones (the same length, so spans hold).
    read = SPACED_THOUSANDS_RE.sub(lambda m: m[0].replace(" ", "\u202f"), s) if " " in s else s
    found = scan(read, prose=False)
    if found and len({(q.start, q.end) for q in found}) == 1:
        found = [_with_noun(read, q) for q in found]
        q = found[0]
        lead, tail = s[: q.start], s[q.end :]
        if (not lead or LEAD_RE.fullmatch(lead)) and (not tail or TAIL_RE.fullmatch(tail)
                                                      or (q.unit is not None and RATE_RE.fullmatch(tail))):
            return found if read is s else [replace(x, text=s[x.start : x.end]) for x in found]
    return _alone(s) or _hangul(s)


_MONEY = frozenset(CURRENCIES)


def _owed(s: str) -> list[Quantity] | None:
    """An amount of money in brackets, the accountant's minus: ($99.99) is -99.99 dollars."""
    inner = _whole(s[1:-1])
    if inner is None or len(inner) != 1 or inner[0].unit not in _MONEY or inner[0].value <= 0:
        return None
    q = inner[0]
    return [replace(q, value=EXACT.minus(q.value), text=s, start=0, end=len(s))]


def _alone(s: str) -> list[Quantity] | None:
    """English forms read only in a text that is one number: a gallon, an hour and a half, point one."""
    m = ALONE_RE.fullmatch(s)
    if m is None:
        return None
    if m["point"] is not None:
        digits = "".join(str(EN_ONES[w]) for w in m["point"].lower().split()[1:])
        value, unit, start = Decimal(f"0.{digits}"), None, m.start("point")
    elif m["one"] is not None:
        value, unit, start = Decimal("1.5" if m["half"] else 1), m["noun"], m.start("one")
    else:
        value, unit, start = Decimal("1.5"), m["noun2"], m.start("half_of")
    return [make(value, unit, qualify(s, start, len(s), False), s[start:], start, len(s))]


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
    if (m["sign"] or "").strip() in MINUS:
        value = (EXACT.minus(value[1]), EXACT.minus(value[0])) if isinstance(value, tuple) else EXACT.minus(value)
    start = min(m.start(g) for g in ("sign", "hd", "hint", "point", "spair", "native", "num") if m[g] is not None)
    end = m.end("unit") if m["unit"] else m.start("tail") if m["tail"] else len(s)
    unit = currency(m["unit"]) if m["unit"] else None
    if isinstance(value, tuple):
        return ends(s, value, unit, start, end, False)
    value = tidy(value)
    return [make(value, unit, qualify(s, start, end, m["yeo"] is not None), s[start:end], start, end)]


# --- public API ------------------------------------------------------------


def is_vague_amount(text: str) -> bool:
    """True when ``text`` names an amount without a number: 수십만, 몇 명, dozens, several thousand."""
    return VAGUE_RE.search(text) is not None


def find_quantities(text: str) -> list[Quantity]:
    """Every number in running text, in order, with spans into ``text``; both ends of every range."""
    return scan(text, prose=True)


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

