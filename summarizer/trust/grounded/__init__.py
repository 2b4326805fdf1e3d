"""Grounded mode's deterministic half: ``candidates`` finds what a model may pick from (``quotations``,
numbers, ``names``; page furniture left out), and ``build`` makes the summary from the picks, copying every
quotation and number from the article."""

from .build import Built, build_summary, reask_lines
from .candidates import find_candidates

__all__ = ["Built", "build_summary", "find_candidates", "reask_lines"]
