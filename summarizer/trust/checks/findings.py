"""What every check uses: how a finding is made, and how values and passages are shown in messages."""

from __future__ import annotations

from ...contract.report import Finding, Severity, Span
from ..article.textkey import clip
from ..numbers.values import as_decimal, show

__all__ = ["as_decimal", "excerpt", "finding", "show", "span"]


def span(pair: tuple[int, int] | None) -> Span | None:
    return None if pair is None else Span(start=pair[0], end=pair[1])


def finding(code: str, severity: Severity, path: str, message: str, at: tuple[int, int] | None = None) -> Finding:
    return Finding(code=code, severity=severity, path=path, message=message, span=span(at))


def excerpt(text: str, start: int, end: int, limit: int = 80) -> str:
    """The passage ``text[start:end]`` for a message, on one line and at most ``limit`` characters."""
    return clip(text[start:end], limit)
