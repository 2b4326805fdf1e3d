"""The ``summarizer`` command.

    summarizer validate ARTICLE SUMMARY.json [--json]
    summarizer run INPUT... --out results.jsonl [--report report.html] [--concurrency N]
                   [--model M] [--base-url U]
    summarizer reconcile RESULTS.jsonl... --out story.json [--report story.html] [--model M] [--base-url U]

Errors of ours become one line on stderr and exit status 2; a rejected
summary exits 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pydantic import ValidationError

from ..contract.errors import InputError, SummarizerError
from ..contract.summary import ArticleSummary
from ..io.inputs import read_article
from ..io.text_report import render_report
from ..model.settings import Settings
from ..trust.checks import validate
from .reconcile import add_reconcile

EXIT_REJECTED = 1
EXIT_ERROR = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="summarizer", description="Checked summaries of news articles.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    v = sub.add_parser("validate", help="check a summary (JSON) against its article")
    v.add_argument("article", help="the article: a text, Markdown or HTML file")
    v.add_argument("summary", help="the summary, a JSON file in the ArticleSummary schema")
    v.add_argument("--json", action="store_true", help="print the report as JSON instead of text")
    v.set_defaults(func=_validate)
    r = sub.add_parser("run", help="summarize articles and check every summary; resumable")
    r.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="files (.txt .md .html .jsonl), folders of them, or - for standard input")
    r.add_argument("--out", required=True, help="JSON Lines results file; a rerun skips what it already holds")
    r.add_argument("--report", help="also write this self-contained HTML report")
    r.add_argument("--dead-letter", help="where failures go, with the reason (default: OUT.failed.jsonl)")
    r.add_argument("--concurrency", type=int,
                   help="articles in flight at once (default 4 for an endpoint; 1 for the embedded model, "
                        "which generates one answer at a time)")
    r.add_argument("--model", help="model name at the endpoint (default: the embedded model)")
    r.add_argument("--base-url", help="an OpenAI-compatible endpoint, e.g. http://localhost:11434/v1")
    r.add_argument("--max-reasks", type=int, help="re-asks when the checks find errors (default 2)")
    r.set_defaults(func=_run)
    add_reconcile(sub)
    return parser


def load_summary(path: str) -> ArticleSummary:
    p = Path(path)
    try:
        data = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{p}: no such file; give the path of a summary JSON file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{p}: cannot be read as UTF-8 text ({e}); give a summary JSON file") from None
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
    if "invalid_utf8" in article.flags:
        print(f"{article.origin}: not valid UTF-8; undecodable bytes were replaced with U+FFFD", file=sys.stderr)
    report = validate(article.text, summary)
    if args.json:
        print(report.model_dump_json(indent=2))
    else:
        print(render_report(report, article.text, article.origin))
    return EXIT_REJECTED if report.status == "rejected" else 0


def _run(args: argparse.Namespace) -> int:
    from ..io.run import RunOptions, run

    settings = Settings.from_env(model=args.model, base_url=args.base_url, max_reasks=args.max_reasks)
    out = Path(args.out)
    options = RunOptions(
        inputs=tuple(args.inputs), out=out,
        dead_letter=Path(args.dead_letter) if args.dead_letter else out.with_name(out.stem + ".failed.jsonl"),
        report=Path(args.report) if args.report else None,
        concurrency=args.concurrency or (1 if settings.embedded else 4),
    )
    if settings.embedded:
        print(f"summarizer: using {settings.describe()} (tiny, offline; expect rejected summaries). "
              "For a real model pass --base-url/--model or set OPENAI_BASE_URL/OPENAI_API_KEY.", file=sys.stderr)
    else:
        print(f"summarizer: using {settings.describe()}", file=sys.stderr)
    counts = run(options, settings)
    print(counts.line(), file=sys.stderr)
    if counts.failed:
        print(f"summarizer: {counts.failed} failed; reasons in {options.dead_letter}", file=sys.stderr)
    if options.report:
        print(f"summarizer: report in {options.report}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.func(args)
    except SummarizerError as e:
        print(f"summarizer: {e}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("summarizer: interrupted", file=sys.stderr)
        return 130
