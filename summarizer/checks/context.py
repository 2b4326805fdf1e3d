"""State shared by the checks of one summary against one article."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..report import FigureLocation, Finding, QuoteLocation, Severity, Span
from ..schema import ArticleSummary
from ..source import Source


def span(pair: tuple[int, int] | None) -> Span | None:
    return None if pair is None else Span(start=pair[0], end=pair[1])


def as_decimal(value: float) -> Decimal:
    """A model's float as the decimal it was written as (0.1, not 0.1000000000000000055...)."""
    return Decimal(repr(value))


def show(value: Decimal | float) -> str:
    """A number for a message: 260,000 rather than 2.6E+5 or 260000.0."""
    d = value if isinstance(value, Decimal) else Decimal(repr(value))
    d = d.to_integral_value() if d == d.to_integral_value() else d.normalize()
    return f"{d:,f}"


def excerpt(text: str, start: int, end: int, limit: int = 80) -> str:
    passage = " ".join(text[start:end].split())
    return passage if len(passage) <= limit else passage[: limit - 1] + "…"


@dataclass
class Context:
    src: Source
    summary: ArticleSummary
    findings: list[Finding] = field(default_factory=list)
    quotes: list[QuoteLocation] = field(default_factory=list)
    figures: list[FigureLocation] = field(default_factory=list)
    # Figures whose text is in the article and whose value is its parse.
    grounded: set[str] = field(default_factory=set)

    def add(self, code: str, severity: Severity, path: str, message: str, at: tuple[int, int] | None = None) -> None:
        self.findings.append(Finding(code=code, severity=severity, path=path, message=message, span=span(at)))
