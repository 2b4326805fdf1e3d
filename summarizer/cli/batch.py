"""Batch mode: ``summarizer run --batch-api`` (its flags), and ``summarizer batch export|import|cancel``.

    summarizer batch export ARTICLE... --out requests.jsonl --model M
    summarizer batch import RESPONSES.jsonl... --articles ARTICLE... --out results.jsonl --model M
    summarizer batch cancel results.jsonl

export writes the first ask of every article as a request line, for ``vllm run-batch`` or any tool that speaks
OpenAI's batch format; import reads that tool's output lines and writes the checked results, and the asks still
unanswered as a further requests file; cancel stops the batches a ``--batch-api`` run has running.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..contract.errors import UsageError
from ..model.batches import OFFLINE_BASE_URL, parse_price
from ..model.settings import Settings
from ..run import BatchCounts, BatchOptions
from .exit_codes import EXIT_FAILED, EXIT_OK, EXIT_STOPPED

__all__ = ["add_batch_api_flags", "add_batch_command", "batch_options", "say_batch_run"]


def _seconds(raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{raw!r} is not a number of seconds") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, not {raw}")
    return value


def add_batch_api_flags(r: argparse.ArgumentParser) -> None:
    """``summarizer run``'s flags for the Batch API."""
    g = r.add_argument_group("the provider's Batch API (half the price; answers within 24 hours)")
    g.add_argument("--batch-api", action="store_true",
                   help="send the asks through the endpoint's Batch API (OpenAI's) and wait for them, checking and "
                        "re-asking as online; a rerun resumes (state in OUT.batches.json)")
    g.add_argument("--batch-size", type=int, default=50_000, metavar="N",
                   help="requests in one batch at most, 1 to 50,000 (and 200 MB a file; default 50,000)")
    g.add_argument("--batch-poll", type=_seconds, default=60.0, metavar="SECONDS",
                   help="the longest wait between two polls of the batches (default 60; polls start at 5)")
    g.add_argument("--reask-online", action="store_true",
                   help="send every ask after an article's first online, at once, not in a further batch")
    g.add_argument("--price", metavar="IN,OUT",
                   help="US dollars a million prompt and completion tokens, to say the cost at (default: the "
                        "model's known batch price, if any)")


def batch_options(args: argparse.Namespace) -> BatchOptions | None:
    """The --batch-api options given, or None for an online run (a batch flag without --batch-api is refused)."""
    if not args.batch_api:
        given = [flag for flag, value, default in (("--batch-size", args.batch_size, 50_000),
                                                   ("--batch-poll", args.batch_poll, 60.0),
                                                   ("--reask-online", args.reask_online, False),
                                                   ("--price", args.price, None)) if value != default]
        if given:
            raise UsageError(f"{given[0]} is for --batch-api; add --batch-api, or leave {given[0]} out")
        return None
    return BatchOptions(size=args.batch_size, poll=args.batch_poll, reask_online=args.reask_online,
                        price=parse_price(args.price) if args.price else None)


def say_batch_run(counts: Any) -> None:
    """After a --batch-api run: the tokens and, where the price is known or given, what they cost; on stderr."""
    if not isinstance(counts, BatchCounts):
        return  # an online run
    batches = len(counts.batches)
    tokens = (f"summarizer: {counts.prompt_tokens:,} prompt and {counts.completion_tokens:,} completion tokens for "
              f"the articles written; {counts.requests:,} requests sent, {batches} new batch{'es' * (batches != 1)}")
    if counts.price is None:
        print(f"{tokens}; no batch price is known for this model: give --price IN,OUT to see the cost",
              file=sys.stderr)
    else:
        print(f"{tokens}; at {counts.price.describe()}: ${counts.cost:,.4f}", file=sys.stderr)


# --- summarizer batch export | import | cancel ------------------------------------------------------------

_DESCRIPTION = """Batch files, for vllm run-batch or any tool that speaks OpenAI's batch format:

  export  the first ask of every article, as request lines (the requests the online path would send)
  import  the tool's output lines, joined on custom_id and checked as online; results written, and the asks
          still unanswered (re-asks, failed requests) as a further requests file: run it, import again
  cancel  the batches a `summarizer run --batch-api` run has running at the provider

See also `summarizer run --batch-api`: OpenAI's Batch API, submitted, waited for and resumed for you."""


def _settings_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", required=True,
                   help="the model that answers the requests (the name vllm run-batch serves it under)")
    p.add_argument("--base-url", help=f"where the answers come from, as the results record it (default "
                                      f"{OFFLINE_BASE_URL}); export and import must be given the same")
    p.add_argument("--answer", choices=("grounded", "free-text"), help="as for run (default free-text)")
    p.add_argument("--max-reasks", type=int, help="re-asks when the checks find errors (default 2)")


def _settings(args: argparse.Namespace) -> Settings:
    if args.max_reasks is not None and args.max_reasks < 0:
        raise UsageError(f"--max-reasks must be 0 or more, not {args.max_reasks}")
    return Settings.from_env(model=args.model, base_url=args.base_url or OFFLINE_BASE_URL,
                             max_reasks=args.max_reasks, answer=args.answer)


def add_batch_command(sub: Any) -> None:
    b = sub.add_parser("batch", help="batch files for vllm run-batch or any tool that speaks OpenAI's batch format",
                       description=_DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = b.add_subparsers(dest="batch_command", required=True, metavar="COMMAND")
    e = commands.add_parser("export", help="write the first ask of every article as a batch request line")
    e.add_argument("inputs", nargs="+", metavar="ARTICLE", help="files (.txt .md .html .jsonl) or folders of them")
    e.add_argument("--out", required=True, help="the requests file to write (JSON Lines)")
    _settings_flags(e)
    e.set_defaults(func=_export)
    i = commands.add_parser("import", help="check the answers of a batch and write the results; further asks "
                                           "go to a further requests file")
    i.add_argument("responses", nargs="+", metavar="RESPONSES.jsonl",
                   help="every output file of this run's batches so far, in any order")
    i.add_argument("--articles", nargs="+", required=True, metavar="ARTICLE", help="the articles export was given")
    i.add_argument("--out", required=True, help="the results file; a rerun skips what it already holds")
    i.add_argument("--dead-letter", help="where failures go (default: OUT.failed.jsonl)")
    i.add_argument("--requests-out", help="where the asks still unanswered go (default: OUT's name with "
                                          ".requests.jsonl)")
    _settings_flags(i)
    i.set_defaults(func=_import)
    c = commands.add_parser("cancel", help="cancel the batches a --batch-api run has running at the provider")
    c.add_argument("results", metavar="RESULTS.jsonl", help="the --out of that run")
    c.add_argument("--base-url", help="the endpoint, if not the one the run used")
    c.set_defaults(func=_cancel)


def _export(args: argparse.Namespace) -> int:
    from ..run.batch_files import export_batch_requests

    out = Path(args.out)
    counts = export_batch_requests(args.inputs, out, _settings(args),
                             note=lambda line: print(line, file=sys.stderr))
    print(f"summarizer: {counts.requests:,} requests in {out} ({counts.skipped} the same article again, "
          f"{counts.failed} not readable). Run them, e.g. vllm run-batch -i {out} -o responses.jsonl --model "
          f"{args.model}; then: summarizer batch import responses.jsonl --articles ... --out results.jsonl",
          file=sys.stderr)
    return EXIT_FAILED if counts.failed else EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from ..run.batch_files import import_batch_responses, requests_path

    out = Path(args.out)
    requests = Path(args.requests_out) if args.requests_out else requests_path(out)
    counts = import_batch_responses([Path(p) for p in args.responses], args.articles, out, _settings(args),
                              dead_letter=Path(args.dead_letter) if args.dead_letter else None, requests=requests)
    print(counts.line(), file=sys.stderr)
    if counts.waiting:
        print(f"summarizer: {counts.waiting} articles wait for answers; their requests are in {requests}: run them, "
              "then import again with every responses file of this run", file=sys.stderr)
    if counts.stopped:
        print(f"summarizer: stopped: {counts.stopped}", file=sys.stderr)
        return EXIT_STOPPED
    return EXIT_FAILED if counts.failed else EXIT_OK


def _cancel(args: argparse.Namespace) -> int:
    from ..model.batches import BatchService
    from ..run.batch_state import BatchState

    out = Path(args.results)
    saved = BatchState.read(out)
    if saved is None:
        raise UsageError(f"{out}: no batch run there (no {out.name}.batches.json beside it); give the --out of a "
                         "summarizer run --batch-api")
    settings = Settings.from_env(model=saved.model, base_url=args.base_url or saved.base_url)
    service = BatchService(settings)
    try:
        live = [p for p in saved.parts if p.live]
        for part in live:
            info = service.cancel(part.batch_id or "")
            print(f"summarizer: batch {info.id} ({part.name}): {info.status}", file=sys.stderr)
    finally:
        service.close()
    if not live:
        print(f"summarizer: {out}: no batch of that run is running", file=sys.stderr)
    else:
        print(f"summarizer: cancelled {len(live)}; what they answered before is kept, and the next run sends the rest "
              "again", file=sys.stderr)
    return EXIT_OK
