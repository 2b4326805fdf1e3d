"""The pipeline: ask the model, check the answer, re-ask with the findings, keep the best.

``summarize`` (the loop, sync and async, for one article), ``windows``
(articles longer than the context), ``batch`` (many articles, a bounded
number in flight).
"""

from .batch import summarize_batch
from .summarize import Summarizer, asummarize, summarize

__all__ = ["Summarizer", "asummarize", "summarize", "summarize_batch"]
