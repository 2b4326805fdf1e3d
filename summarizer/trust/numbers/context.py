"""What the words around a number say: its qualifier (약, 이상, about, over), and whether it
is the low end of a range (5~6만, 5-6 million, between 3 and 5, 3 to 5 percent).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ...contract.summary import Qualifier
from .patterns import PREFIX_RE, RANGE_JOIN_RE, SUFFIX_RE
from .values import EXACT, Atom, tidy
from .words import BOUNDS, PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS, unit_key

__all__ = ["JOIN_FIRST", "join_range", "may_join", "qualify"]

_PREFIX_Q = dict(PREFIX_QUALIFIERS)
_SUFFIX_Q = dict(SUFFIX_QUALIFIERS)
# Korean bound words attach to the noun (26만장 이상, 5배가 넘는) but the
# approximate ones (가량, 정도) may only follow the number directly.
_BOUND_SUFFIX_WORDS = frozenset(w for w, q in SUFFIX_QUALIFIERS if q in BOUNDS)
_BETWEEN_RE = re.compile(r"between\s+(?:[$€£¥₩]|US\$)?$", re.IGNORECASE)
_FROM_RE = re.compile(r"(?:from|에서)\s+(?:[$€£¥₩]|US\$)?$", re.IGNORECASE)
_RANGING_RE = re.compile(r"(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying))\s+from\s+(?:[$€£¥₩]|US\$)?$", re.IGNORECASE)
"""A "from" that opens a range, not a change: ranging from 10 to 30 years, prices vary from $5 to $9."""
_PHONE_RE = re.compile(r"[-–]\d")
_PHONE_BEFORE_RE = re.compile(r"\d[-–]\d|(?<!\d)0\d")
"""A dash after another dash-joined number (02-123-4567), or a leading zero: a phone number or code."""
JOIN_FIRST = frozenset("~∼〜～-– ")
"""The characters a range connector starts with."""
_AFTER_SPACE = frozenset("~∼〜～-–tT내aAoO")
"""The characters a connector that starts with a space goes on with (5 ~ 6, 5 - 6, 5 to 6, 3 and 5, 3 or 4):
``RANGE_JOIN_RE`` is case-blind, and no other character folds to t or a."""


def may_join(text: str, end: int) -> bool:
    """Whether a range connector may start at ``end``. Most numbers are followed by a space and a
    word: this tells them so without building the low end or running ``RANGE_JOIN_RE``."""
    c = text[end : end + 1]
    return c in JOIN_FIRST and (c != " " or text[end + 1 : end + 2] in _AFTER_SPACE)


# The characters a qualifier word can end (before the number) or start (after it, maybe after a
# particle): most numbers have none of them around, and are told so without a regex.
_PREFIX_LAST = frozenset(c for w in [*dict(PREFIX_QUALIFIERS), "just", "only"] for c in (w[-1], w[-1].upper()))
_SUFFIX_FIRST = frozenset(c for w, _ in SUFFIX_QUALIFIERS for c in (w[0], w[0].upper())) | set("이가을를")


def qualify(text: str, start: int, end: int, yeo: bool) -> Qualifier:
    """The qualifier the words around ``text[start:end]`` give the number."""
    suffix = prefix = None
    ahead = text[end : end + 2].lstrip()[:1]
    after = SUFFIX_RE.match(text, end) if ahead and ahead in _SUFFIX_FIRST else None
    if after is not None:
        word = after[1].lower()
        # A particle before the word is only allowed for bounds (5배가 넘는).
        if word in _BOUND_SUFFIX_WORDS or after.start(1) == end or text[end : after.start(1)].isspace():
            suffix = _SUFFIX_Q[word]
    behind = text[max(0, start - 4) : start].rstrip()[-1:]
    if behind and behind in _PREFIX_LAST:
        before = PREFIX_RE.search(text, max(0, start - 24), start)
        prefix = _PREFIX_Q[before[1].lower()] if before is not None else None
    if suffix is None and prefix is None:  # most numbers
        return "approx" if yeo else "exact"
    for q in (suffix, prefix):
        if q in BOUNDS:
            return q
    if suffix == "approx" or prefix == "approx" or yeo:
        return "approx"
    return "exact"


Reader = Callable[[int], "Atom | None"]


def join_range(text: str, low: Atom, read: Reader) -> tuple[Atom, Atom, int] | None:
    """The range that ``low`` starts, if a range connector and a higher number follow it.

    Returns the low end (with the scale it shares with the high end: the 5 of
    5~6만 is 5만), the high end, and where the range ends. ``read(at)`` reads the
    number at ``at`` (``None`` for none, or a date). Not a range: a descending pair (a 3-2 score), a change
    (from 3 to 5; "ranging from 3 to 5" is a range), a phone number (02-123-4567), two different units. "3 or 4"
    is a range, as a reader takes "three or four" to be.
    """
    if low.end >= len(text) or text[low.end] not in JOIN_FIRST or isinstance(low.value, tuple):
        return None
    join = RANGE_JOIN_RE.match(text, low.end)
    if join is None:
        return None
    kind = join.lastgroup
    before = text[max(0, low.start - 12) : low.start]
    if kind == "and" and not _BETWEEN_RE.search(before):
        return None
    if kind == "to" and _FROM_RE.search(before) and not _RANGING_RE.search(text, max(0, low.start - 24), low.start):
        return None
    if kind == "dash" and (not low.digits or _PHONE_BEFORE_RE.search(text, max(0, low.start - 2), low.start + 2)):
        return None
    high = read(join.end())
    if high is None or isinstance(high.value, tuple):
        return None
    if kind == "dash" and (not high.digits or _PHONE_RE.match(text, high.end)):
        return None
    if low.unit and high.unit and unit_key(low.unit) != unit_key(high.unit):
        return None
    value = low.value
    if low.bare and high.scale:
        shared = tidy(EXACT.multiply(value, high.scale))
        if shared < high.value:
            value = shared
    if not value < high.value:
        return None
    return replace(low, value=value, unit=low.unit or high.unit), high, high.end
