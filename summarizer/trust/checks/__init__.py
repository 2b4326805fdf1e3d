"""The deterministic checks of a summary against its article.

Each check is a function of the article (``Source``), the summary and, where
it needs one, another check's result, and returns its findings:

    check_figure_refs(summary)                       ids, part_of, figure_ids resolve
    check_figures(src, summary)    -> FigureChecks   located, valued, qualified; which are grounded
    check_totals(summary, figures)                   parts add up (grounded parts: the article's doing)
    check_quotes(src, summary)     -> QuoteChecks    located verbatim; given to the speaker the article names
    check_free_text(src, summary, figures.grounded)  no invented numbers in the prose
    read_summary(summary, language)  -> Written      every field's words, read once (written.py)
    check_wording(src, written)                      headline, summary, events: the article's words and names,
                                                     its language, not cut mid-word (support.py)
    check_labels(src, summary, written, figures)     a figure's label is what the article says around it
    check_events(src, summary, written)              actors, places, dates the article gives; no event twice
    check_coverage(src, summary, quotes.locations) -> Coverage   what the summary left out (beside the status)

To add a check: write a function of that shape in a module here, return
``finding(...)``s with a new stable code, and call it from ``validate``.
Pure code: nothing here imports a model client (import-linter holds that).
"""

from __future__ import annotations

from ...contract.report import Report, status_of
from ...contract.summary import ArticleSummary
from ..article.source import Source
from ..article.vocabulary import article_language, vocabulary
from .coverage import check_coverage
from .figures import check_figure_refs, check_figures
from .quotes import check_quotes
from .events import check_events
from .labels import check_labels
from .support import check_wording
from .text import check_free_text
from .totals import check_totals
from .written import read_summary

__all__ = ["validate"]


def validate(source: str, summary: ArticleSummary) -> Report:
    """Check ``summary`` against the article text ``source``.

    Every finding has a stable code, a severity, a path into the summary and a
    message a model can act on; every quote and figure is located in
    ``source``, and every word the summary writes is looked up in it. The status is ``verified`` (every
    field checked and right, words included),
    ``flagged`` (warnings only) or ``rejected`` (any error). What the summary
    left out is ``report.coverage``, measured beside the status.
    """
    src = Source.of(source)
    figures = check_figures(src, summary)
    quotes = check_quotes(src, summary)
    language = article_language(src)
    written = read_summary(summary, language, vocabulary(src) if language in ("ko", "en") else None)
    findings = [
        *check_figure_refs(summary),
        *figures.findings,
        *check_totals(summary, figures),
        *quotes.findings,
        *check_free_text(src, summary, figures.grounded),
        *check_wording(src, written),
        *check_labels(src, summary, written, figures),
        *check_events(src, summary, written),
    ]
    return Report(status=status_of(findings), findings=findings, quotes=quotes.locations, figures=figures.locations,
                  coverage=check_coverage(src, summary, quotes.locations))
