"""Whether reports of a number agree, given the words around them.

A reported value with its qualifier is a range of values it allows:
26만 is exactly 260,000; 26만 이상 is 260,000 or more; 약 5만 is 45,000 to
55,000. Reports *agree* when one value satisfies them all (their ranges meet):
26만 and 26만 이상 agree, 5만 and 20만 이상 do not. A sum of parts allows
the sum of its parts' ranges. The ranges are those of the totals check
(``APPROX_TOLERANCE``; 넘는/over and 미만/under taken as closed bounds), so
that a sum and a comparison across outlets read qualifiers the same way.

Pure code: no model, no network.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ...contract.summary import Qualifier
from .values import show

__all__ = ["APPROX_TOLERANCE", "Range", "common", "sum_ranges", "value_range"]

APPROX_TOLERANCE = Decimal("0.10")
"""How far an approximate value (약, about, 가량) may be from the true one: 10% either way."""


@dataclass(frozen=True)
class Range:
    """The values a report allows: ``low`` to ``high``; ``None`` is unbounded on that side."""

    low: Decimal | None
    high: Decimal | None

    def meets(self, other: Range) -> bool:
        return common([self, other]) is not None

    def describe(self) -> str:
        """For a person: "exactly 50,000", "at least 200,000", "45,000 to 55,000"."""
        if self.low == 0 and self.high is not None and self.high > 0:
            return f"at most {show(self.high)}"
        if self.low is not None and self.high is not None:
            return f"exactly {show(self.low)}" if self.low == self.high else f"{show(self.low)} to {show(self.high)}"
        if self.low is not None:
            return f"at least {show(self.low)}"
        if self.high is not None:
            return f"at most {show(self.high)}"
        return "any value"


def value_range(value: Decimal, qualifier: Qualifier) -> Range:
    """The values that ``value`` with ``qualifier`` allows."""
    if qualifier == "approx":
        spread = abs(value) * APPROX_TOLERANCE
        return Range(value - spread, value + spread)
    if qualifier in ("at_least", "more_than"):
        return Range(value, None)
    if qualifier in ("at_most", "less_than"):
        return Range(min(Decimal(0), value), value)
    return Range(value, value)


def common(ranges: Iterable[Range]) -> Range | None:
    """The values every range allows, or None when no value satisfies them all."""
    items = list(ranges)
    lows = [r.low for r in items if r.low is not None]
    highs = [r.high for r in items if r.high is not None]
    low, high = (max(lows) if lows else None), (min(highs) if highs else None)
    if low is not None and high is not None and low > high:
        return None
    return Range(low, high)


def sum_ranges(ranges: Iterable[Range]) -> Range:
    """What a sum of parts allows: the sum of the lows to the sum of the highs."""
    items = list(ranges)
    lows = [r.low for r in items if r.low is not None]
    highs = [r.high for r in items if r.high is not None]
    low = sum(lows, Decimal(0)) if len(lows) == len(items) else None
    high = sum(highs, Decimal(0)) if len(highs) == len(items) else None
    return Range(low, high)

