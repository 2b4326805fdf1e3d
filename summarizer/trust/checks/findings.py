"""What every check uses: how a finding is made, and how values and passages are shown in messages."""

from __future__ import annotations

from decimal import Decimal

from ...contract.report import Finding, Severity, Span
from ..textkey import clip

__all__ = ["as_decimal", "excerpt", "finding", "show", "span"]


def span(pair: tuple[int, int] | None) -> Span | None:
    return None if pair is None else Span(start=pair[0], end=pair[1])


def finding(code: str, severity: Severity, path: str, message: str, at: tuple[int, int] | None = None) -> Finding:
    return Finding(code=code, severity=severity, path=path, message=message, span=span(at))


def as_decimal(value: float) -> Decimal:
    """A model's float as the decimal it was written as (0.1, not 0.1000000000000000055...)."""
    return Decimal(repr(value))


def show(value: Decimal | float) -> str:
    """A number for a message: 260,000 rather than 2.6E+5 or 260000.0."""
    d = value if isinstance(value, Decimal) else Decimal(repr(value))
    d = d.to_integral_value() if d == d.to_integral_value() else d.normalize()
    return f"{d:,f}"


def excerpt(text: str, start: int, end: int, limit: int = 80) -> str:
    """The passage ``text[start:end]`` for a message, on one line and at most ``limit`` characters."""
    return clip(text[start:end], limit)
