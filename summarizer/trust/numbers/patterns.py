"""The patterns of numbers as news writes them, built once from ``words``.

``QUANTITY_RE`` reads one number (a sign, a currency, the number in any of its
notations, 여, the counter or unit) at a place ``START_RE`` found; ``numbers``
joins two of them into a range where a range connector sits between them.
``HANGUL_RE`` reads the all-Hangul forms (삼십오만, 영점오, 사분의 삼, 스물다섯)
that running text skips and a figure's text may use.

Running text is read conservatively: a word that is only sometimes a number
(이천 the city, 이만 the word, 세대, 한국, "one of the") is left alone.
"""

from __future__ import annotations

import re

from .words import (
    CURRENCY_CODES,
    EN_DURATIONS,
    EN_FRACTIONS,
    EN_FRACTIONS_PLURAL,
    EN_HALVES,
    EN_ONES,
    EN_SCALE,
    EN_SHORT_SCALE,
    EN_TENS,
    EN_UNITS,
    GLUED_CASED,
    GLUED_UNITS,
    GLUED_WORDS,
    KO_BIG,
    KO_BIG_PROSE,
    KO_DIGIT,
    KO_SMALL,
    KO_UNITS,
    NATIVE_COUNTERS,
    NATIVE_ONES,
    NATIVE_PAIRS,
    NATIVE_TENS,
    ONE_NOUNS,
    PREFIX_QUALIFIERS,
    RATE_UNITS,
    SIGN_WORDS,
    SINO_PAIRS,
    SPACED_SHORT_SCALE,
    STONE,
    SUFFIX_QUALIFIERS,
    TONNE,
    VULGAR_FRACTIONS,
    alternation,
)

__all__ = ["ALONE_RE", "DIGITS_RE", "GROUP_SPACES", "HANGUL_RE", "HEADS", "LEAD_RE", "NOUN_RE", "OF_A_RE", "PREFIX_RE",
           "QUANTITY_RE", "QUANTITY_SIMPLE_RE", "RANGE_JOIN_RE", "RATE_RE", "SPACED_THOUSANDS_RE", "START_RE",
           "SUFFIX_RE", "SUPERSCRIPT", "TAIL_RE", "VAGUE_BEFORE_RE", "VAGUE_RE", "head_start", "weak_fraction"]

_I = re.IGNORECASE
_JUST = r"(?:\s+(?:just|only))?"
"""Words that may sit between a qualifier and its number: starts at just $499, up to only 20."""
PREFIX_RE = re.compile(rf"(?:^|(?<=[\s(\[‘“'\"]))({alternation(dict(PREFIX_QUALIFIERS))}){_JUST}\s*$", _I)
# A particle may sit between the counter and 넘는 (다섯 배가 넘는).
SUFFIX_RE = re.compile(rf"\s?(?:[이가을를]\s?)?({alternation(dict(SUFFIX_QUALIFIERS))})", _I)
LEAD_RE = re.compile(
    rf"(?:(?:{alternation(dict(PREFIX_QUALIFIERS))}){_JUST}\s*|between\s|(?:the|an?)(?:\s+[A-Za-z]+)?\s+|top\s+)", _I)
"""The words a figure's text may have before its number: a qualifier, "between", "the", "a" or "an" and a word
that is no qualifier (the top 20 percent, the other 10 aircraft, a whopping 40, a three on the scale), or "top"
(top five)."""
TAIL_RE = re.compile(rf"\s*(?:[이가을를]\s?)?(?:{alternation(dict(SUFFIX_QUALIFIERS))})|\.", _I)
NOUN_RE = re.compile(r"(?:\s+|-)([A-Za-z][A-Za-z-]*)(?:['’]s?)?")
"""An English noun after the number (5,000 people, two-year, six weeks'): the unit of a figure's text."""
OF_A_RE = re.compile(r"\s+of\s+an?\s+([A-Za-z]+)", _I)
"""What a fraction is of, in a figure's text: three-quarters of a pint."""
RATE_RE = re.compile(r"(?:(?:\s+|-)(?:per|a|an|each)[\s-]+[A-Za-z]+|\s?/\s?[A-Za-z]+)+", _I)
"""A rate after an amount in a figure's text ($2 per day, £225-a-head, $800/month, $30/user per month): the
amount is the figure."""
SPACED_THOUSANDS_RE = re.compile(r"(?<![\d,.])\d{1,3}(?: \d{3})+(?![\d,]|\.\d)")
"""Thousands grouped by plain spaces (10 000): read so only in a text that is one number."""

# --- numerals --------------------------------------------------------------

_DEC = r"(?:\.\d+(?!\d|\.\d))"
GROUP_SPACES = "\u2009\u202f\u00a0"
"""The spaces that group thousands (10 000): thin and no-break ones. A plain space does only in a text that is one
number (``quantities``): in running text "in 2015 300 people" is two numbers."""
# A dotted date (2025.10.31) is three numbers, not the decimal 2025.1; .5 is a half.
_NUM = rf"(?>\d{{1,3}}(?:(?:,\d{{3}})+|(?:[{GROUP_SPACES}]\d{{3}})+(?!\d)){_DEC}?|\d+{_DEC}?|(?<![\w.,]){_DEC})"
# A section below 만: 5천4백, 3백, 1,234 (the number is read once, then its small scales).
_SEC = rf"{_NUM}(?:[천백십](?:\s?{_NUM}[천백십])*(?:\s?{_NUM})?)?"
# A Hangul thousands/hundreds head, as in 천 4백만, only at a word start.
_HEAD = r"(?:(?<![가-힣])[일이삼사오육칠팔구]?[천백십]\s?(?=\d))?"
# 자 and 양 count as scales only before a smaller section (1자 2000해): 3자 회담 is a meeting.
_BIG = rf"(?:[{KO_BIG_PROSE}]|[자양](?=\s?\d))"
_KRUN = (
    rf"{_HEAD}{_SEC}"
    rf"(?:{_BIG}(?:\s?{_SEC}{_BIG})*(?:\s?{_SEC}(?![\d.,])(?!\s?[년월일]))?)?"
)


def _eng_scale(currency: bool) -> str:
    """An English scale after digits: 1.2 billion, 14bn. A bare t before Korean words (5000t급, 1t 트럭) is
    tonnes, unless a currency came before it (``currency``: the pattern has the groups pre and code)."""
    short = alternation([w for w in EN_SHORT_SCALE if w != "t"])
    korean = r"(?!\s?[가-힣])"
    t_guard = rf"(?(pre)|(?(code)|{korean}))" if currency else korean
    return rf"\s?(?:{alternation(EN_SCALE)})\b|(?:{short})\b|\s(?:{alternation(SPACED_SHORT_SCALE)})\b|t\b{t_guard}"


_SUPERS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT = str.maketrans(_SUPERS + "⁻⁺", "0123456789-+")
_SCI = (
    rf"(?:{_NUM})(?:e[+-]?\d{{1,3}}(?![\w.])"
    rf"|\s?[×x·]\s?10(?:\^\(?[-−+]?\d{{1,3}}\)?|[⁻⁺]?[{_SUPERS}]{{1,3}})"
    rf"|×10[-−]\d{{1,3}}(?!\d))"
)
_VULGAR = "".join(VULGAR_FRACTIONS)
# What must follow the digits for a fraction, scientific notation or an English scale to be worth
# trying (3/4, 2 1/2, 2½, 3분의 1, 4e14, 2.48×10⁻⁵, 1.2 billion): most numbers are none of these.
# Bounded, so that a long run of digits and commas is not read to its end at every number in it.
_SPECIAL_AHEAD = rf"(?>[\d.,]{{0,40}})(?:\s?[a-zA-Z×·/분]|\s\d{{1,4}}/|[{_VULGAR}])"
_FRAC = (
    rf"(?:(?P<fw>\d{{1,2}})\s)?(?P<fn>\d{{1,4}})/(?P<fd>\d{{1,4}})(?![\d/.]|\s?분기)"
    rf"|(?P<vw>\d{{1,3}})?(?P<vf>[{_VULGAR}])"
    rf"|(?P<kd>{_NUM})\s?분의\s?(?P<kn>{_NUM})"
)
_EN_DIGIT_WORDS = alternation([w for w, v in EN_ONES.items() if v < 10])
_EN_WORDS = alternation(list(EN_ONES) + list(EN_TENS) + list(EN_SCALE) + ["hundred", "dozen"])
_AND = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion)|(?<=trillion))\s+and\s+"
_EN_SCALES = r"(?:hundred|thousand|million|billion|trillion|dozen)\b"
_WORDNUM_INT = (
    rf"(?:(?:an?|half\s+an?)\s+(?={_EN_SCALES}))?"
    rf"(?:{_EN_WORDS})(?:(?:[\s-]+|{_AND})(?:{_EN_WORDS}))*"
)
_POINT = rf"\s+point(?:\s+(?:{_EN_DIGIT_WORDS}))+"
_ONE_NOUN = rf"(?:{alternation(ONE_NOUNS)})"
ALONE_RE = re.compile(
    rf"(?:{alternation(dict(PREFIX_QUALIFIERS))}\s+)?"
    rf"(?:(?P<one>(?:an?|one)\s+(?P<noun>{_ONE_NOUN})(?P<half>\s+and\s+a\s+half)?)"
    rf"|(?P<half_of>(?P<noun2>{_ONE_NOUN})\s+and\s+a\s+half)"
    rf"|(?P<point>point(?:\s+(?:{_EN_DIGIT_WORDS}))+))",
    _I,
)
"""English forms that only a text that is one number is read in: a gallon (1), an hour and a half (1.5),
point one (0.1). In running text "a week after" and "at one point" are no figures."""
# A fraction in words: a or one and a denominator (a quarter, one-third), or two to nine and a plural one
# (three-quarters, two thirds). A numeral and quarters with a space between count fiscal quarters (one
# quarter, three quarters in a row) unless "of" follows (three quarters of voters); after "and" (one and
# three quarters) they are a fraction. ``numbers`` reads the other spaced forms that are often no fraction
# (a third term, a half) in running text only before "of" (``weak_fraction``).
_NUMERATORS = alternation([w for w, v in EN_ONES.items() if 1 < v < 10])


def _en_fraction(quarters: bool) -> str:
    """A fraction in words; without ``quarters``, "one quarter" and "three quarters" need "of" after them."""
    singular = [w for w in EN_FRACTIONS if quarters or w != "quarter"]
    plural = [w for w in EN_FRACTIONS_PLURAL if quarters or w != "quarters"]
    counted = "" if quarters else r"|an?[\s-]+quarter|one(?:-quarter|\s+quarter(?=\s+of\b))"
    counted += "" if quarters else rf"|(?:{_NUMERATORS})(?:-quarters|\s+quarters(?=\s+of\b))"
    return (rf"(?:(?:an?|one)[\s-]+(?:{alternation(singular)})|(?:{_NUMERATORS})[\s-]+(?:{alternation(plural)})"
            rf"|(?:{alternation(EN_HALVES)})[\s-]+halves{counted})(?![A-Za-z])")


_WORDNUM = (
    rf"(?<![A-Za-z'’-])(?:"
    rf"an?\s+(?:half|quarter)[\s-]+{_EN_SCALES}"  # a half million, a quarter-billion
    rf"|{_en_fraction(quarters=False)}(?:\s+of\s+an?\s+{_EN_SCALES})?"  # three-quarters, a quarter of a million
    rf"|{_WORDNUM_INT}(?:[\s-]+and[\s-]+{_en_fraction(quarters=True)}(?:[\s-]+{_EN_SCALES})?"  # one and a half
    rf"|{_POINT})?"
    r")(?:\b|(?=fold\b))"  # threefold
)
# Native numerals before a counter. One-syllable ones (한, 세, 네, 열) start common words (한국,
# 세대, 네이버, 열차), so they need a space before the counter, and the counter must end the word.
_N_ONES = alternation([w for w in NATIVE_ONES if w not in ("하나", "둘", "셋", "넷", "석", "넉")])
_N_TENS = alternation([w for w in NATIVE_TENS if w != "스무"])
_N_MULTI = alternation(
    [w for w in list(NATIVE_ONES) + list(NATIVE_TENS) if len(w) > 1 and w not in ("하나",)] + list(NATIVE_PAIRS)
)
_PARTICLES = "을를이가은는의에도만과와로으씩째부까당나뿐다여께간보처"
_COUNTER_END = rf"(?:(?![가-힣])|(?=[{_PARTICLES}]))"
_COUNTERS = alternation(NATIVE_COUNTERS)
_NATIVE = (
    rf"(?<![가-힣])(?:(?:(?:{_N_TENS})\s?(?:{_N_ONES})|{_N_MULTI}|두)(?=\s?(?:{_COUNTERS}){_COUNTER_END})"
    rf"|(?:[한세네열쉰석넉]|두)(?=\s(?:{_COUNTERS}){_COUNTER_END}))"
)
"""A native numeral, where a counter follows it; the counter is ``ncount`` in the patterns below."""

# --- units -----------------------------------------------------------------

# Tonnes as Korean news writes them: a t after a number with a Korean scale, glued or after a space (20만t,
# 3만 t, 5천t, 1만5000t, 1만 5,000t, 5만여t), or a t after digits that Korean words follow (5000t급, 1t 트럭);
# elsewhere 5t is $5t's trillion (``_eng_scale``). The scale is looked for just behind: a section after it has
# at most four digits. (Named groups in the number's pattern would do the same, slower for every number.)
_AFTER_SCALE = "|".join(
    rf"(?<=[{KO_BIG_PROSE}{''.join(KO_SMALL)}]{section})"
    for section in ("", "여", *(rf"{space}\d{{{n}}}" for space in ("", r"\s") for n in (1, 2, 3, 4)), r"\d,\d{3}",
                    r"\s\d,\d{3}")
)
_TONNE = rf"(?=\s?{TONNE})(?:(?:{_AFTER_SCALE})\s?|(?=t\s?[가-힣]))(?-i:{TONNE})(?![A-Za-z])"
_KO_WORD_UNITS = ["프로", "불"]  # glued, but only at a word's end: 5프로젝트, 3불 정책
_UNIT = (
    rf"(?:(?P<cunit>달러|유로|\s(?:dollars|euros))(?:\s?(?:and\s)?(?P<cents>\d{{1,2}})\s?(?:센트|cents)(?![A-Za-z]))"
    rf"|(?:{alternation([u for u in KO_UNITS if u not in _KO_WORD_UNITS])})"
    rf"|(?:{alternation(_KO_WORD_UNITS)}){_COUNTER_END}"
    rf"|(?:{alternation(GLUED_UNITS)})(?![A-Za-z])"
    rf"|(?:{alternation(GLUED_WORDS)})\b"
    rf"|(?-i:{alternation(GLUED_CASED)})(?![A-Za-z])"
    rf"|(?<!(?<!1)1)(?-i:{STONE})(?![A-Za-z])"  # 4st, 11st; 1st and 21st are ordinals
    rf"|\s(?:{alternation(KO_UNITS)})(?![가-힣](?<![{_PARTICLES}]))"
    rf"|\s(?:{alternation(EN_UNITS + EN_DURATIONS)})\b(?:['’](?![A-Za-z]))?"  # six weeks' notice
    r"|-?fold\b"
    rf"|-(?:{alternation([u for u in EN_DURATIONS if not u.endswith('s')])})(?![\w-])"  # a one-hour call
    rf"|\s(?:{alternation(RATE_UNITS)})(?![\w⁻¹²³])"
    rf"|{_TONNE})"
)
_CODES = alternation(CURRENCY_CODES)
_SIGN_WORDS = alternation(SIGN_WORDS)

# Two spellings below are for speed, on every number of every article. The regex engine runs an
# optional group ``(?P<g>...)?`` as a repeat, which costs more than a branch with an empty second
# alternative ``(?:(?P<g>...)|)``; that branch is the same greedy choice, tried in the same order.
# And the groups a pattern lacks are set up in a last alternative that fails at once and is reached
# only where nothing else matched, rather than as optional groups tried at every number.


def _optional(pattern: str) -> str:
    """``pattern`` or nothing: ``(?:pattern)?``, spelled as a branch."""
    return f"(?:{pattern}|)"


def _unset(*groups: str) -> str:
    """An alternative that never matches, holding groups the readers look at and this pattern lacks."""
    return "(?!)" + "".join(f"(?P<{g}>)" for g in groups)


def _quantity_re(special: bool = True, digits: bool = False) -> re.Pattern[str]:
    """One number: a date, or sign, currency, the number, 여 and the unit. Without ``special``
    there are no fractions and no scientific notation (10/31 read again as 10); with ``digits``
    only what starts with a digit (no sign, currency, words or native numerals), for speed."""
    eng = rf"(?P<eng>(?:{_NUM})(?:{_eng_scale(currency=not digits)}))"
    if special:
        first = rf"(?={_SPECIAL_AHEAD})(?:(?P<sci>{_SCI})|(?P<frac>{_FRAC})|{eng})|"
        unset = []
    else:
        first = rf"(?={_SPECIAL_AHEAD}){eng}|"
        unset = ["sci", "frac", "fw", "fn", "fd", "vw", "vf", "kd", "kn"]
    date = r"(?P<date>(?P<y>\d{4})[.\-/]\s?(?P<mo>\d{1,2})[.\-/]\s?(?P<d>\d{1,2})(?!\d))"
    yeo1 = _optional(r"(?P<yeo1>여(?![가-힣]{2}))")
    yeo2 = _optional(r"(?P<yeo2>여(?![가-힣]))")
    if digits:
        return re.compile(
            rf"""{date}
            | (?:{first} (?P<kor>{_KRUN}))
              {yeo1} {_optional(f"(?P<unit>{_UNIT})")} {yeo2}
            | {_unset(*unset, "sign", "pre", "sign2", "code", "words", "native", "ncount")}""",
            re.VERBOSE | _I,
        )
    sign = _optional(
        r"(?P<sign>(?<![\w.,\-−+/])[-−+](?=[.\d$€£¥₩])"
        rf"|(?<![가-힣A-Za-z])(?:{_SIGN_WORDS})\s?(?=[.\d])"
        rf"|(?<![A-Za-z])minus\s(?=(?:{_EN_WORDS})\b))"
    )
    currency = _optional(
        r"(?P<pre>(?-i:US\$|C\$|A\$|HK\$|S\$)|[$€£¥₩])(?:(?P<sign2>[-−](?=[.\d]))|)"  # $-99.99
        rf"|(?<![A-Za-z])(?P<code>(?-i:{_CODES}))\s?(?=[.\d])"
    )
    return re.compile(
        rf"""
        (?:
            {date}
          | {sign}
            {currency}
            (?:
                {first}
                (?P<kor>{_KRUN})
              | (?P<words>{_WORDNUM})
              | (?P<native>{_NATIVE})(?P<ncount>\s?(?:{_COUNTERS}))
            )
            {yeo1}
            (?(ncount)|{_optional(f"(?P<unit>{_UNIT})")})
            {yeo2}
          {"| " + _unset(*unset) if unset else ""}
        )
        """,
        re.VERBOSE | _I,
    )


QUANTITY_RE = _quantity_re()
QUANTITY_SIMPLE_RE = _quantity_re(special=False)
DIGITS_RE = _quantity_re(digits=True)

# Where a number may start. A single leading character set lets the regex engine skip everything
# else at C speed; the assertions after it check, still in C, that a number really starts at the
# character just read (so that words which merely begin like a numeral, 이번, 한국, "one of", cost
# no Python): the class of that character picks the branch, and a Hangul or Latin letter inside a
# word fails at once. A Hangul head (the 천 of 천 4백만) is found from the digit after it (``head_start``).
# Most characters the set lets through sit inside a word (the 다 of 했다, the A of RAM): the first
# assertion turns those away in one step, before the branches (each of their assertions is a call
# into the regex engine). It rejects nothing the branches would take: a Hangul start must follow a
# non-Hangul character, a Latin one a character that is no letter, ' or -.
_EN_START = _EN_WORDS  # a number in words starts with one of its words
_EN_STARTS = (
    rf"(?i:(?:{_EN_START})(?:\b|(?=fold\b))|an?\s+(?:{alternation(['hundred', 'thousand', 'million', 'billion', 'trillion', 'dozen', *EN_FRACTIONS])})\b"
    rf"|half\s+an?\s+{_EN_SCALES}"
    rf"|minus\s?[.\d]|minus\s(?:{_EN_START})\b)|US\$|C\$|A\$|HK\$|S\$|(?:{_CODES})\s?[.\d]"
)
_KO_STARTS = rf"(?:{_SIGN_WORDS})\s?[.\d]|{_NATIVE.replace('(?<![가-힣])', '')}"
START_RE = re.compile(
    rf"[\d$€£¥₩{_VULGAR}\-−+.마플영한두세네너다여아열스서쉰예석넉대엳일ABCDEFGHJKMNORSTUZabdefhmnostz]"
    r"(?<![가-힣][가-힣]|[A-Za-z'’-][A-Za-z])"
    rf"(?:(?<=[\d$€£¥₩{_VULGAR}])"
    rf"|(?<=[가-힣])(?<![가-힣].)(?<=(?=(?:{_KO_STARTS})).)"
    rf"|(?<=[A-Za-z])(?<![A-Za-z'’-].)(?<=(?=(?:{_EN_STARTS})).)"
    r"|(?<=[-−+.])(?<![\w.,\-−+/].)(?:(?<=[-−+.])\d|(?<=[-−+])[.$€£¥₩]))"
)

# --- ranges ----------------------------------------------------------------

RANGE_JOIN_RE = re.compile(
    r"(?P<tilde>\s?[~∼〜～]\s?)|(?P<dash>[-–](?=[\d$€£¥₩.])|\s[-–]\s)|(?P<to>\s(?:to|내지)\s)|(?P<and>\sand\s)"
    r"|(?P<or>\sor\s)",
    _I,
)

# --- vague amounts ---------------------------------------------------------

VAGUE_RE = re.compile(
    r"(?:^|(?<![가-힣]))(?:수|몇|십수|수십|수백|수천)\s?[십백천만억조경]"
    r"|(?:^|(?<![가-힣]))(?:수|몇|십수|여러)\s?(?:명|개|곳|차례|건|배|가지|사람|년|달|개월|주|시간|일|번)(?![가-힣])"
    r"|\b(?:dozens|scores|hundreds|thousands|millions|billions|trillions|tens\s+of)\b"
    r"|\b(?:several|a\s+few|a\s+handful\s+of|many|numerous|countless|a\s+couple\s+of)\b",
    _I,
)
_WEAK_FRACTION_RE = re.compile(rf"(?:an?|one)\s+(?:{alternation(EN_FRACTIONS)})", _I)
_OF_RE = re.compile(r"\s+of\b", _I)


def weak_fraction(m: re.Match[str]) -> bool:
    """Whether the words of ``m`` are a fraction that running text reads only before "of": a third (a third
    term, a third of voters), a quarter (in a quarter), a half, one half."""
    return _WEAK_FRACTION_RE.fullmatch(m["words"]) is not None and _OF_RE.match(m.string, m.end("words")) is None


VAGUE_BEFORE_RE = re.compile(r"(?:several|few|many|couple\s+of|tens\s+of|dozens\s+of)\s+$", _I)
"""Words that make the scale after them vague: several thousand, a few hundred."""

# --- all-Hangul forms, for a figure's text ----------------------------------

_KO_NUM_CHARS = "".join(KO_DIGIT) + "".join(KO_SMALL) + "".join(KO_BIG)
_H_INT = rf"[{_KO_NUM_CHARS}\d,\s]*[{_KO_NUM_CHARS}\d]"
_H_NATIVE = (
    rf"(?:(?:{_N_TENS})\s?(?:{alternation(NATIVE_ONES)})|{alternation(NATIVE_PAIRS)}"
    rf"|{alternation(NATIVE_TENS)}|{alternation(NATIVE_ONES)})"
)
HANGUL_RE = re.compile(
    rf"(?:(?P<lead>{alternation(dict(PREFIX_QUALIFIERS))})\s*)?"
    rf"(?P<sign>(?:{_SIGN_WORDS})\s?)?"
    rf"(?:(?P<hd>{_H_INT})\s?분의\s?(?P<hn>{_H_INT})"
    rf"|(?P<hint>{_H_INT})?(?P<point>[점쩜])(?P<hfrac>[{''.join(KO_DIGIT)}]+)(?P<hbig>[{''.join(KO_BIG)}])?"
    rf"|(?P<spair>{alternation(SINO_PAIRS)})(?P<sscale>[{''.join(KO_SMALL) + ''.join(KO_BIG)}]*)"
    rf"|(?P<native>{_H_NATIVE})(?=\s?(?:{alternation(NATIVE_COUNTERS)})?(?:\s|$|[{_PARTICLES}]))"
    rf"|(?P<num>{_H_INT}))"
    rf"(?P<yeo>(?<![{''.join(KO_DIGIT)}])(?<=[{''.join(KO_SMALL) + ''.join(KO_BIG)}])여)?"
    rf"\s*(?P<unit>{alternation(KO_UNITS + NATIVE_COUNTERS)})?"
    rf"(?P<tail>\s*(?:{alternation(dict(SUFFIX_QUALIFIERS))}))?",
    _I,
)


HEADS = "천백십"
"""The Hangul heads a number in digits may start with (천 4백만, 이천5백): see ``head_start``."""
_HEAD_DIGITS = "일이삼사오육칠팔구"


def head_start(text: str, start: int, floor: int) -> int:
    """Where the number whose first digit is at ``start`` begins: before a Hangul thousands or
    hundreds head at a word start (천 4백만, 이천 5백만), else ``start``; never before ``floor``."""
    at = start - 1
    if at >= floor and text[at] == " ":
        at -= 1
    if at < floor or text[at] not in HEADS:
        return start
    if at > floor and text[at - 1] in _HEAD_DIGITS:
        at -= 1
    return at if at == 0 or not "가" <= text[at - 1] <= "힣" else start
