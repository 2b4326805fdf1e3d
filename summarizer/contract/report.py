"""What the checks found: findings, located spans and a verdict.

Offsets are ``[start, end)`` into the exact article string that was checked.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .summary import FiniteNumber, Qualifier

__all__ = ["Coverage", "Finding", "FigureLocation", "QuoteLocation", "Report", "Severity", "Span", "Status", "Tally",
           "status_of"]

Severity = Literal["error", "warning"]
Status = Literal["verified", "flagged", "rejected"]
"""What a checked summary is: ``verified`` when every claim was checked and is
right, ``flagged`` when there are warnings only, ``rejected`` on any error.
What the summary left out (``Report.coverage``) is measured beside the status
and never changes it."""
QuoteMatchKind = Literal["exact", "normalized", "elided", "not_found"]
SpeakerMatchKind = Literal["attributed", "misattributed", "near", "far", "named", "not_found"]
SpeakerHow = Literal["cue", "carried", "preceding"]
FigureMatchKind = Literal["exact", "normalized", "not_found"]


def status_of(findings: Iterable[Finding]) -> Status:
    """The status that these findings (the checks of what the summary claims) give a summary.

    Coverage findings are not among them: they live in ``Report.coverage``.
    """
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
        description="attributed: the article gives the quote to this speaker; misattributed: to someone else; "
        "near/far (when the article gives the quote to no one we can tell): the speaker is named in the quote's "
        "paragraph, the one before or the one after / only elsewhere; named: in the article, but the quote was not "
        "found; not_found: nowhere."
    )
    speaker_how: SpeakerHow | None = Field(
        default=None, description="How the article ties its speaker to the quote: a cue verb (말했다, said), carried "
        "on (그는, 이어, he), or the nearest preceding named speaker. Null when it gives the quote to no one."
    )
    speaker_span: Span | None = Field(
        default=None, description="attributed/misattributed: the mention of the speaker the article gives the quote "
        "to; otherwise the mention of the summary's speaker nearest the quote."
    )


class FigureLocation(_Model):
    index: int
    id: str
    match: FigureMatchKind
    span: Span | None = None
    parsed_value: FiniteNumber | None = Field(default=None, description="The value the figure's text parses to.")
    source_qualifier: Qualifier | None = Field(default=None, description="The qualifier the article gives it there.")


class Tally(_Model):
    carried: int = Field(description="How many of them the summary carries.")
    total: int = Field(description="How many the article has.")


class Coverage(_Model):
    """What the article has and the summary left out: measured beside the status, never changing it."""

    quotes: Tally = Field(description="The article's quotations (outside page furniture, at least 20 characters, "
                          "repeats counted once) that the summary quotes.")
    figures: Tally = Field(description="The counted amounts the article states (outside page furniture; with a "
                           "counter, 10,000 or more, money or a share), by value, that a figure carries.")
    findings: list[Finding] = Field(default_factory=list, description="What was left out "
                                    "(coverage.quotes_missing, coverage.figure_missing).")


class Report(_Model):
    """The verdict on one summary against its article."""

    status: Status
    findings: list[Finding] = Field(default_factory=list, description="The checks of what the summary claims.")
    quotes: list[QuoteLocation] = Field(default_factory=list)
    figures: list[FigureLocation] = Field(default_factory=list)
    coverage: Coverage | None = Field(default=None, description="What the summary left out; null when not measured.")

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]
