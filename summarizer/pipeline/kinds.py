"""The two kinds of answer the loop asks for: a free-text summary, or a grounded one built from picks.

The loop (``summarize``) is written once. What differs lives here, behind one
small interface: an answer ``Kind`` cuts an article into ``Round``s (one per
window), and says how to merge their best answers; a ``Round`` says what to
ask, what summary an answer makes, what that summary's report gains beyond
the checks (what could not be built from the picks), and how to ask again.
The checks themselves are the loop's (``Summarizer.check``), the same for
both.

- ``FreeText`` (in ``pipeline.free_text``): the model writes the
  ``ArticleSummary``; windows of text; the prompt in ``prompts/summarize/``,
  an endpoint's with the article's candidates offered beside it.
- ``Grounded`` (in ``pipeline.grounded.kind``): the model picks from the
  article's candidates, and code builds the summary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from ..contract.report import Finding, Report, status_of
from ..contract.summary import ArticleSummary
from ..model.call import Shape

__all__ = ["Kind", "Merged", "Round", "totals_lines", "with_findings"]


class Round(Protocol):
    """One window of one article: what to ask, and how to judge and re-ask."""

    text: str
    """What the summary is checked against: the window (free text) or the whole article (grounded)."""
    shape: Shape

    def first(self) -> list[dict[str, Any]]: ...

    def without_model(self) -> Any | None:
        """The answer to use with no request, when there is nothing to ask the model (else None)."""
        ...

    def summary_of(self, parsed: Any) -> ArticleSummary: ...

    def with_findings(self, report: Report) -> Report: ...

    def again(self, previous: str, report: Report, recheck: bool) -> list[dict[str, Any]]: ...

    def again_invalid(self, raw: str, reason: str) -> list[dict[str, Any]]: ...


@dataclass(frozen=True)
class Merged:
    """The summary of a whole article from its windows' answers, and findings the checks add to."""

    summary: ArticleSummary
    findings: tuple[Finding, ...] = ()

    def with_findings(self, report: Report) -> Report:
        return with_findings(report, self.findings)


class Kind(Protocol):
    version: str
    recheck_totals: bool
    """Whether a totals mismatch the article itself causes is asked about once more."""
    asks_model: bool
    """Whether its rounds send the model a request (a grounded answer whose every pick code makes sends none)."""

    def rounds(self, text: str, title: str | None = None) -> list[Round]:
        """The article's rounds; ``title`` is the input's title for it, if any (a grounded headline is the title)."""
        ...

    def max_tokens(self, text: str) -> int: ...

    def room_limit(self, text: str) -> int: ...

    def merge(self, text: str, parsed: list[Any], summaries: list[ArticleSummary],
              title: str | None = None) -> Merged: ...


def with_findings(report: Report, findings: tuple[Finding, ...] | list[Finding]) -> Report:
    """``report`` with ``findings`` (what could not be built from the picks) before its own."""
    if not findings:
        return report
    every = [*findings, *report.findings]
    return report.model_copy(update={"findings": every, "status": status_of(every)})


def totals_lines(report: Report) -> list[str]:
    return [f"- {f.path}: {f.message} Check that part_of links only parts of that total."
            for f in report.warnings if f.code == "totals.mismatch"]
