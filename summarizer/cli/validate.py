"""``summarizer validate ARTICLE SUMMARY.json``: check one summary against its article."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..contract.errors import InputError
from ..contract.summary import ArticleSummary
from ..io.encoding import decode
from ..io.inputs import read_article, reading_note
from ..model.failures import Failure
from ..pipeline.checking import run_check
from ..trust.checks import validate
from ..views.report_text import render_report
from ..views.terminal import say
from .exit_codes import EXIT_BUG, EXIT_OK, EXIT_REJECTED

__all__ = ["add_validate_command", "load_summary"]


def add_validate_command(sub: Any) -> None:
    v = sub.add_parser("validate", help="check a summary (JSON) against its article")
    v.add_argument("article", help="the article: a text, Markdown or HTML file")
    v.add_argument("summary", help="the summary, a JSON file in the ArticleSummary schema")
    v.add_argument("--json", action="store_true", help="print the report as JSON instead of text")
    v.set_defaults(func=_validate)


def load_summary(path: str) -> ArticleSummary:
    """A summary JSON file (UTF-8, with or without a byte-order mark, or UTF-16), or an InputError saying why not."""
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{p}: is a folder; give the path of a summary JSON file")
    try:
        data, _ = decode(p.read_bytes())
    except FileNotFoundError:
        raise InputError(f"{p}: no such file; give the path of a summary JSON file") from None
    except OSError as e:
        raise InputError(f"{p}: cannot be read ({e.strerror}); give a summary JSON file") from None
    try:
        return ArticleSummary.model_validate_json(data)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(x) for x in first["loc"]) or "the top level"
        more = f" (and {e.error_count() - 1} more)" if e.error_count() > 1 else ""
        raise InputError(
            f"{p}: not a valid summary: {where}: {first['msg']}{more}; see schemas/article_summary.schema.json"
        ) from None


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
