"""summarizer: structured summaries of news articles, checked against the article.

The trust layer (numbers, quotes, checks, schema) is pure code and imports no
model client.
"""

from .checks import validate
from .errors import InputError, SummarizerError, UsageError
from .numbers import Quantity, find_quantities, parse_number, parse_quantity
from .quotes import QuoteMatch, locate_quote
from .report import FigureLocation, Finding, QuoteLocation, Report, Span
from .schema import ArticleSummary, Event, Figure, Quote

# The model-facing API loads openai and instructor: it is imported on first use,
# so that the trust layer (validate, locate_quote, parse_number) stays light.
_LAZY = {
    "Settings": "config", "Result": "result", "Summarizer": "extract", "summarize": "extract",
    "asummarize": "extract", "summarize_batch": "batch",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'summarizer' has no attribute {name!r}")


__all__ = [
    "ArticleSummary",
    "Event",
    "Figure",
    "FigureLocation",
    "Finding",
    "InputError",
    "Quantity",
    "Quote",
    "QuoteLocation",
    "QuoteMatch",
    "Report",
    "Result",
    "Settings",
    "Summarizer",
    "Span",
    "SummarizerError",
    "UsageError",
    "find_quantities",
    "locate_quote",
    "parse_number",
    "parse_quantity",
    "asummarize",
    "summarize",
    "summarize_batch",
    "validate",
]
