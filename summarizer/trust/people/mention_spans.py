"""One person's mentions, sorted, for the questions people() asks once per title or match.

Which mention starts last before a position, and whether one holds a position
or a span: scanning every mention each time made a long article's cost grow
with the square of its mentions (168 KB of 조 회장 and 조 의원 took 2 s).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable

__all__ = ["MentionSpans"]


class MentionSpans:
    """A person's mentions so far, ``(start, end)``, sorted; more may be added."""

    __slots__ = ("spans", "longest")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.longest = max((e - s for s, e in self.spans), default=0)

    def add(self, span: tuple[int, int]) -> None:
        insort(self.spans, span)
        self.longest = max(self.longest, span[1] - span[0])

    def last_start_before(self, at: int) -> int:
        """The start of the last mention that starts before ``at``, or -1."""
        i = bisect_left(self.spans, (at,))
        return self.spans[i - 1][0] if i else -1

    def holds(self, at: int, end: int | None = None) -> bool:
        """Whether a mention holds position ``at`` (or, given ``end``, the whole span ``at:end``). Only mentions
        that start at most ``longest`` before it can."""
        spans = self.spans
        i = bisect_right(spans, (at, math.inf))
        while i > 0 and spans[i - 1][0] >= at - self.longest:
            i -= 1
            if (at < spans[i][1]) if end is None else (end <= spans[i][1]):
                return True
        return False
