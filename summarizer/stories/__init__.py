"""Stories: many outlets' checked results about one event, reconciled figure by figure and quote by quote.

``reconcile()`` (``api``; ``summarizer.reconcile``) is the entry: results in, a ``Reconciliation`` out. ``core`` runs the steps:

    evidence   what the checks passed: grounded figures, located quotes, named people
    grouping   which articles report the same event (words, figures, names, dates)
    figures    which figures measure the same thing, and whether their values agree
    parts      one outlet's part against another's sum of parts
    quotes     the same quotation: corroborated, or given to different speakers
    proposals  the optional model step (``advice``, prompts/reconcile/), verified by code
    build      the output contract (contract.story)

With no model it is deterministic: the same results give the same story.json.
The page a person reads is ``views.story_page``.
"""

from .api import gather, read_results, reconcile
from .core import describe, reconcile_records

__all__ = ["describe", "gather", "read_results", "reconcile", "reconcile_records"]
