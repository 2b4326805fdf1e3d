"""What the checks found: findings, located spans and a verdict.

Offsets are ``[start, end)`` into the exact article string that was checked.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .summary import FiniteNumber, Qualifier

__all__ = ["Finding", "FigureLocation", "QuoteLocation", "Report", "Severity", "Span", "Status", "status_of"]

Severity = Literal["error", "warning"]
Status = Literal["verified", "flagged", "rejected"]
"""What a checked summary is: ``verified`` when every claim was checked and is
right, ``flagged`` when there are warnings only, ``rejected`` on any error."""
QuoteMatchKind = Literal["exact", "normalized", "elided", "not_found"]
SpeakerMatchKind = Literal["near", "far", "named", "not_found"]
FigureMatchKind = Literal["exact", "normalized", "not_found"]


def status_of(findings: Iterable[Finding]) -> Status:
    """The status that these findings give a summary."""
    severities = {f.severity for f in findings}
    return "rejected" if "error" in severities else "flagged" if severities else "verified"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Span(_Model):
    start: int
    end: int


class Finding(_Model):
    """One problem, located in the summary (``path``) and, where it applies, the article (``span``)."""

    code: str = Field(description="Stable identifier, e.g. quote.not_found.")
    severity: Severity
    path: str = Field(description="Where in the summary, e.g. quotes[2].text.")
    message: str = Field(description="What is wrong and what to do, written for a model to act on.")
    span: Span | None = None


class QuoteLocation(_Model):
    index: int
    match: QuoteMatchKind
    span: Span | None = Field(default=None, description="The passage, when found.")
    pieces: list[Span] = Field(default_factory=list, description="Its parts, when elided.")
    similarity: float = Field(description="1.0 when found; else how close the closest passage is.")
    closest: Span | None = None
    speaker_match: SpeakerMatchKind = Field(
        description="near: named in the quote's paragraph or the one before; far: only elsewhere; "
        "named: in the article, but the quote was not found to measure from; not_found: nowhere."
    )
    speaker_span: Span | None = Field(default=None, description="The mention of the speaker nearest the quote.")


class FigureLocation(_Model):
    index: int
    id: str
    match: FigureMatchKind
    span: Span | None = None
    parsed_value: FiniteNumber | None = Field(default=None, description="The value the figure's text parses to.")
    source_qualifier: Qualifier | None = Field(default=None, description="The qualifier the article gives it there.")


class Report(_Model):
    """The verdict on one summary against its article."""

    status: Status
    findings: list[Finding] = Field(default_factory=list)
    quotes: list[QuoteLocation] = Field(default_factory=list)
    figures: list[FigureLocation] = Field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]
