"""The output contract: the types that go in and come out.

``summary`` (what the model writes), ``report`` (what the checks found),
``result`` (one article's outcome), ``record`` (the lines of the files
``summarizer run`` writes), ``article`` (an article as read), ``story``
(what ``summarizer reconcile`` writes, and what its model step may propose),
``errors``.
Pure data: this layer imports nothing else of summarizer's.
"""

from .article import Article, content_hash
from .errors import InputError, SummarizerError, UsageError
from .record import DeadLetter, RecordKey, ResultRecord
from .report import Coverage, FigureLocation, Finding, QuoteLocation, Report, Severity, Span, Status, Tally, status_of
from .result import STATUSES, Attempt, FailureKind, Result, ResultStatus, Usage
from .story import Proposals, Reconciliation, Story
from .summary import ArticleSummary, Event, Figure, Qualifier, Quote

__all__ = [
    "STATUSES", "Article", "ArticleSummary", "Attempt", "Coverage", "DeadLetter", "Event", "FailureKind", "Figure",
    "FigureLocation", "Finding", "InputError", "Proposals", "Qualifier", "Quote", "QuoteLocation", "Reconciliation",
    "RecordKey", "Report", "Result", "ResultRecord", "ResultStatus", "Severity", "Span", "Status", "Story",
    "SummarizerError", "Tally", "UsageError",
    "content_hash", "status_of",
]
