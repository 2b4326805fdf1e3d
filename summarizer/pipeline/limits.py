"""What one answer may hold, and what a re-ask carries back.

A model's answer is checked before it is trusted, and the checks cost time
and memory with what it holds: a headline of 1.4 million numbers took 7 GB and
74 s, and wrote a 487 MB results line. An answer over a limit here fails its
article (``invalid_response``) with the limit named, and is never re-asked:
a re-ask would carry it back. A re-ask lists at most ``REASK_FINDINGS``
findings, each cut to ``REASK_LINE`` characters.

Every limit is far above what a summary of a news article holds (the bundled
summaries: 60-character headlines, 600-character summaries, 9 figures, 6
quotes); docs/batch-runs.md states them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..contract.summary import ArticleSummary
from ..trust.numbers.quantities import find_quantities

__all__ = ["ANSWER_CHARS", "FIELD_CHARS", "HEADLINE_CHARS", "ITEMS", "NUMBERS", "REASK_FINDINGS", "REASK_LINE",
           "answer_over_limit", "reask_findings", "summary_over_limit"]

ANSWER_CHARS = 100_000
"""Characters of one answer as the model sent it (the JSON)."""
HEADLINE_CHARS = 1_000
FIELD_CHARS = 10_000
"""Characters of any other text in an answer: the summary, an event, a quote, a label, a name."""
ITEMS = 200
"""Events, figures or quotes in one answer (each), and actors in one event."""
NUMBERS = 500
"""Numbers written in the headline, the summary and the event descriptions, together."""
REASK_FINDINGS = 30
"""Findings a re-ask lists (errors first, as the checks give them)."""
REASK_LINE = 400
"""Characters of one finding in a re-ask."""


def _texts(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, f"{path}[{i}]")


def answer_over_limit(raw: str | None) -> str | None:
    """Why an answer as the model sent it is over a limit, or None."""
    if raw is not None and len(raw) > ANSWER_CHARS:
        return _over(f"the answer is {len(raw):,} characters", ANSWER_CHARS)
    return None


def summary_over_limit(summary: ArticleSummary) -> str | None:
    """Why a summary (what the checks would read) is over a limit, or None."""
    lists = {"events": summary.events, "figures": summary.figures, "quotes": summary.quotes}
    lists |= {f"events[{i}].actors": e.actors for i, e in enumerate(summary.events)}
    for path, items in lists.items():
        if len(items) > ITEMS:
            return _over(f"the answer's {path} holds {len(items):,} items", ITEMS)
    for path, text in _texts(summary.model_dump(), ""):
        limit = HEADLINE_CHARS if path == "headline" else FIELD_CHARS
        if len(text) > limit:
            return _over(f"the answer's {path} is {len(text):,} characters", limit)
    prose = [summary.headline, summary.summary, *(e.description for e in summary.events)]
    numbers = sum(len(find_quantities(text)) for text in prose)
    if numbers > NUMBERS:
        return _over(f"the answer's headline, summary and events write {numbers:,} numbers", NUMBERS)
    return None


def _over(what: str, limit: int) -> str:
    return f"{what}, over the limit of {limit:,}; no summary of an article needs that much, so it was not checked"


def reask_findings(lines: list[str]) -> str:
    """The findings a re-ask carries, one a line: at most ``REASK_FINDINGS`` of ``lines``, each cut to
    ``REASK_LINE`` characters, then how many more there were."""
    shown = [line if len(line) <= REASK_LINE else line[:REASK_LINE - 1] + "…" for line in lines[:REASK_FINDINGS]]
    if len(lines) > REASK_FINDINGS:
        shown.append(f"- ... and {len(lines) - REASK_FINDINGS:,} more findings like these; fix the ones above "
                     "and check the rest of the answer the same way.")
    return "\n".join(shown)
