"""The deterministic checks of a summary against its article.

Pure code: nothing here imports a model client (an import-linter contract in
pyproject.toml holds that).
"""

from __future__ import annotations

from ..report import Report
from ..schema import ArticleSummary
from ..source import Source
from .context import Context
from .coverage import check_coverage
from .figures import check_figure_refs, check_figures, check_totals
from .quotes import check_quotes
from .text import check_events, check_free_text

__all__ = ["validate"]


def validate(source: str, summary: ArticleSummary) -> Report:
    """Check ``summary`` against the article text ``source``.

    Every finding has a stable code, a severity, a path into the summary and a
    message a model can act on; every quote and figure is located in
    ``source``. The status is ``verified`` (no findings), ``flagged``
    (warnings only) or ``rejected`` (any error).
    """
    ctx = Context(Source.of(source), summary)
    check_figure_refs(ctx)
    check_figures(ctx)
    check_totals(ctx)
    check_quotes(ctx)
    check_free_text(ctx)
    check_events(ctx)
    check_coverage(ctx)
    errors = any(f.severity == "error" for f in ctx.findings)
    status = "rejected" if errors else "flagged" if ctx.findings else "verified"
    return Report(status=status, findings=ctx.findings, quotes=ctx.quotes, figures=ctx.figures)
