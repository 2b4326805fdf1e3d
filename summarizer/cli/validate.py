"""``summarizer validate ARTICLE SUMMARY.json``: check one summary against its article."""

from __future__ import annotations

import argparse
from typing import Any

from ..io.inputs import read_article, reading_note
from ..model.failures import Failure
from ..pipeline.checking import run_check
from ..trust.checks import validate
from ..views.report_text import render_report
from ..views.terminal import say
from .exit_codes import EXIT_BUG, EXIT_OK, EXIT_REJECTED, VALIDATE_EPILOG
from .summary_file import load_summary

__all__ = ["add_validate_command"]


def add_validate_command(sub: Any) -> None:
    v = sub.add_parser("validate", help="check a summary (JSON) against its article", epilog=VALIDATE_EPILOG,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    v.add_argument("article", help="the article: a text, Markdown or HTML file")
    v.add_argument("summary", help="the summary, a JSON file in the ArticleSummary schema (summarizer schema "
                                   "prints it)")
    v.add_argument("--json", action="store_true", help="print the report as JSON instead of text")
    v.set_defaults(func=_validate)


def _validate(args: argparse.Namespace) -> int:
    article = read_article(args.article)
    summary = load_summary(args.summary)
    if (note := reading_note(article)) is not None:
        say(note)
    report = run_check(validate, article.text, summary)
    if isinstance(report, Failure):
        say(f"summarizer: {args.summary}: {report.message}")
        return EXIT_BUG
    if args.json:
        print(report.model_dump_json(indent=2))
    else:
        print(render_report(report, article.text, article.origin))
    return EXIT_REJECTED if report.status == "rejected" else EXIT_OK
