"""summarizer: structured summaries of news articles, checked against the article.

This module is the public API: every name in ``__all__``. The layers behind
it (``contract``, ``trust``, ``embedded``, ``model``, ``pipeline``, ``io``,
``cli``; see ARCHITECTURE.md) are internal and may move between releases.

The trust layer (``validate``, ``locate_quote``, ``parse_number``, the types)
imports no model client. The model-facing names (``summarize``, ``Settings``,
``summarize_batch``, ``reconcile``...) load ``openai`` and ``instructor``, so
they are imported on first use; ``summarize_dataset`` needs Ray Data (the
``ray`` extra), imported only when it is called. ``summarize_with_batch_api``,
``export_batch_requests`` and ``import_batch_responses`` are the batch mode
(a provider's Batch API; batch files for vLLM's ``run-batch``).
"""

from __future__ import annotations

import importlib
from typing import Any

from . import _compat
from .contract import (
    Article,
    ArticleSummary,
    Attempt,
    Coverage,
    DeadLetter,
    Event,
    Figure,
    FigureLocation,
    Finding,
    InputError,
    Quote,
    QuoteLocation,
    Reconciliation,
    Report,
    Result,
    ResultRecord,
    Span,
    SummarizerError,
    Tally,
    Usage,
    UsageError,
)
from .trust import (
    Quantity,
    QuoteMatch,
    find_quantities,
    locate_quote,
    parse_number,
    parse_quantity,
    parse_range,
    validate,
)

__version__ = "0.2.0"

__all__ = [
    "Article",
    "ArticleSummary",
    "Attempt",
    "BatchCounts",
    "BatchOptions",
    "Coverage",
    "DeadLetter",
    "Event",
    "Figure",
    "FigureLocation",
    "Finding",
    "InputError",
    "Quantity",
    "Quote",
    "QuoteLocation",
    "QuoteMatch",
    "Reconciliation",
    "Report",
    "Result",
    "ResultRecord",
    "Settings",
    "Span",
    "Summarizer",
    "SummarizerError",
    "Tally",
    "Usage",
    "UsageError",
    "asummarize",
    "export_batch_requests",
    "find_quantities",
    "import_batch_responses",
    "locate_quote",
    "parse_number",
    "parse_quantity",
    "parse_range",
    "reconcile",
    "summarize",
    "summarize_batch",
    "summarize_dataset",
    "summarize_with_batch_api",
    "validate",
]

_LAZY = {
    "Settings": "summarizer.model.settings",
    "Summarizer": "summarizer.pipeline.summarize",
    "summarize": "summarizer.pipeline.summarize",
    "asummarize": "summarizer.pipeline.summarize",
    "summarize_batch": "summarizer.pipeline.batch",
    "summarize_dataset": "summarizer.pipeline.dataset",
    "reconcile": "summarizer.stories.api",
    "summarize_with_batch_api": "summarizer.run.batch_api",
    "export_batch_requests": "summarizer.run.batch_files",
    "import_batch_responses": "summarizer.run.batch_files",
    "BatchOptions": "summarizer.run.job",
    "BatchCounts": "summarizer.run.batch_files",
}


def _public(value: Any) -> Any:
    """Show a public name as ``summarizer.X``, wherever it is defined (as httpx does)."""
    try:
        value.__module__ = __name__
    except (AttributeError, TypeError):
        pass
    return value


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = globals()[name] = _public(getattr(importlib.import_module(_LAZY[name]), name))
        return value
    raise AttributeError(f"module 'summarizer' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public names and ``__version__`` only: not the helpers of this module, nor its layers."""
    return sorted([*__all__, "__version__"])


for _name in __all__:
    if _name not in _LAZY:
        _public(globals()[_name])
del _name
_compat.install()
