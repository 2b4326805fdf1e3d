"""The word-support checks' codes (trust/checks/support.py, labels.py, events.py), for the tests of the other
checks: a test of a figure's sign against a one-line article writes a placeholder headline ("제목") that the
article does not back, and what it asserts is the number check's verdict, not the words'."""

from __future__ import annotations

from summarizer.contract.report import Report, status_of

WORD_CODES = frozenset({
    "text.unsupported", "text.name_not_in_source", "text.other_language", "text.cut_off",
    "figure.label_unsupported", "event.actor_not_found", "event.location_not_found", "event.location_is_person",
    "event.location_not_a_place", "event.date_not_in_source", "event.repeated",
})


def without_words(report: Report) -> Report:
    """``report`` without the word checks' findings, its status worked out from the rest."""
    rest = [f for f in report.findings if f.code not in WORD_CODES]
    return report.model_copy(update={"findings": rest, "status": status_of(rest)})
