"""The ``summarizer`` command.

    summarizer validate ARTICLE SUMMARY.json [--json]
    summarizer run INPUT... --out results.jsonl [--report report.html] [--concurrency N]
                   [--model M] [--base-url U] [--fail-on-rejected]
    summarizer reconcile RESULTS.jsonl... --out story.json [--report story.html] [--model M] [--base-url U]
    summarizer schema [summary|result|report|story]
    summarizer recheck RESULTS.jsonl --out NEW.jsonl
    summarizer --version

Each command is a module here (``validate``, ``run``, ``reconcile``, ``batch``, ``schema``, ``recheck``) that adds its
parser and does its work; ``parser`` names an unknown flag in its command's usage. Errors of ours become one
line on stderr; the exit statuses are in ``exit_codes`` (and docs/exit-codes.md, and each ``--help``).
"""

from __future__ import annotations

import argparse
import os
import traceback

from .. import __version__
from ..contract.errors import SummarizerError
from ..model.redact import redact
from ..views.terminal import say
from .batch import add_batch_command
from .exit_codes import EPILOG, EXIT_BUG, EXIT_ERROR, EXIT_INTERRUPTED
from .parser import CommandParser
from .recheck import add_recheck_command
from .reconcile import add_reconcile
from .run import add_run_command
from .schema import add_schema_command
from .summary_file import load_summary
from .validate import add_validate_command

__all__ = ["load_summary", "main"]


def _parser() -> argparse.ArgumentParser:
    parser = CommandParser(prog="summarizer", description="Checked summaries of news articles.",
                           epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"summarizer {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_validate_command(sub)
    add_run_command(sub, EPILOG)
    add_reconcile(sub)
    add_batch_command(sub)
    add_schema_command(sub)
    add_recheck_command(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.func(args)
    except SummarizerError as e:
        say(f"summarizer: {redact(str(e), [os.environ.get('OPENAI_API_KEY')])}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        say("summarizer: interrupted; what is done is kept: run again to go on")
        return EXIT_INTERRUPTED
    except Exception as e:  # noqa: BLE001 - a bug of ours: one line, and the traceback on request
        if os.environ.get("SUMMARIZER_DEBUG"):
            traceback.print_exc()
        message = redact(f"{type(e).__name__}: {e}", [os.environ.get("OPENAI_API_KEY")])
        say(f"summarizer: internal error ({message}); this is a bug in summarizer: please report it "
            "(SUMMARIZER_DEBUG=1 shows the traceback)")
        return EXIT_BUG
