"""``summarizer schema [summary|result|report|story]``: print a JSON Schema of the output contract.

The same text as the files in the repository's ``schemas/``, for a user who
has only the installed package: what ``validate`` expects of a summary file,
what each line of a results file holds.
"""

from __future__ import annotations

import argparse
import sys

from ..contract.json_schema import SCHEMAS, render

__all__ = ["NAMES", "add_schema_command"]

NAMES = {
    "summary": "article_summary.schema.json",
    "result": "result_record.schema.json",
    "report": "report.schema.json",
    "story": "story.schema.json",
}
"""What each name prints: the summary ``validate`` reads, a line of ``run``'s results file, the checks' report,
``reconcile``'s stories."""


def add_schema_command(sub: argparse._SubParsersAction) -> None:  # argparse's documented add_subparsers() result
    s = sub.add_parser("schema", help="print the JSON Schema of a summary (what validate reads) or of a result")
    s.add_argument("name", nargs="?", choices=tuple(NAMES), default="summary",
                   help="summary: a summary file, as validate reads it (the default); result: one line of a "
                        "results file; report: the checks' report; story: what reconcile writes")
    s.set_defaults(func=_schema)


def _schema(args: argparse.Namespace) -> int:
    sys.stdout.write(render(SCHEMAS[NAMES[args.name]]))
    return 0
