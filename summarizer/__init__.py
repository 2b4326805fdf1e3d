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
    "Span",
    "SummarizerError",
    "UsageError",
    "find_quantities",
    "locate_quote",
    "parse_number",
    "parse_quantity",
    "validate",
]
