"""``summarizer run INPUT... --out results.jsonl``: summarize a dump, resumably, and say how it went."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..model.settings import Settings
from ..run import ENGINES, Counts, RunOptions, default_dead_letter
from ..views.terminal import say
from .batch import add_batch_api_flags, batch_options, say_batch_run
from .exit_codes import EXIT_FAILED, EXIT_OK, EXIT_REJECTED, EXIT_STOPPED
from .run_lines import closing, notice

__all__ = ["add_run_command", "exit_status"]


def _at_least(low: int):
    def parse(raw: str) -> int:
        try:
            value = int(raw)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{raw!r} is not a whole number") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"must be {low} or more, not {value}")
        return value

    parse.__name__ = "number"
    return parse


def add_run_command(sub: Any, epilog: str) -> None:
    r = sub.add_parser("run", help="summarize articles and check every summary; resumable", epilog=epilog,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    r.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="files (.txt .md .html .jsonl), folders of them, or - for standard input")
    r.add_argument("--out", required=True, help="JSON Lines results file; a rerun skips what it already holds")
    r.add_argument("--report", help="also write this self-contained HTML report (results and failures)")
    r.add_argument("--dead-letter", help="where failures go, with the reason (default: OUT.failed.jsonl)")
    r.add_argument("--concurrency", type=_at_least(1),
                   help="articles in flight at once, 1 or more (default 4 for an endpoint; 1 for the embedded "
                        "model, which generates one answer at a time)")
    r.add_argument("--model", help="model name at the endpoint (default: the embedded model)")
    r.add_argument("--base-url", help="an OpenAI-compatible endpoint, e.g. http://localhost:11434/v1")
    r.add_argument("--max-reasks", type=_at_least(0), help="re-asks when the checks find errors (default 2)")
    r.add_argument("--answer", choices=("grounded", "free-text"),
                   help="grounded: the model picks the article's quotations, numbers and names, found by code, and "
                        "code builds the summary; free-text: the model writes it all (default: grounded for the "
                        "embedded model, free-text for an endpoint; or SUMMARIZER_ANSWER)")
    r.add_argument("--engine", choices=ENGINES, default="default",
                   help="default: asyncio in this process; ray: Ray Data (pip install 'summarizer[ray]'), on a local "
                        "Ray started for the run, or on the cluster at --ray-address")
    r.add_argument("--ray-address", metavar="ADDR",
                   help="with --engine ray: a running Ray cluster (host:6379 from `ray start --head`, or a KubeRay "
                        "head's address); default: start a local Ray and stop it at the end")
    r.add_argument("--ray-actors", type=_at_least(1), default=2,
                   help="with --engine ray: actors (one model client each) sharing --concurrency (default 2)")
    r.add_argument("--fail-on-rejected", action="store_true",
                   help="exit 1 when any summary is rejected (by default a rejected summary is a result, not "
                        "a failure of the run)")
    add_batch_api_flags(r)
    r.set_defaults(func=_run)


def exit_status(counts: Counts, *, fail_on_rejected: bool = False) -> int:
    """Stopped (4) over failed (3) over rejected with --fail-on-rejected (1) over success (0)."""
    if counts.stopped:
        return EXIT_STOPPED
    if counts.failed:
        return EXIT_FAILED
    if fail_on_rejected and counts.rejected:
        return EXIT_REJECTED
    return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    from ..run import run

    settings = Settings.from_env(model=args.model, base_url=args.base_url, max_reasks=args.max_reasks,
                                 answer=args.answer)
    out = Path(args.out)
    options = RunOptions(
        inputs=tuple(args.inputs), out=out,
        dead_letter=Path(args.dead_letter) if args.dead_letter else default_dead_letter(out),
        report=Path(args.report) if args.report else None,
        concurrency=args.concurrency if args.concurrency is not None else (1 if settings.embedded else 4),
        engine=args.engine, ray_address=args.ray_address, ray_actors=args.ray_actors, batch=batch_options(args),
    )
    if settings.embedded:
        from ..embedded import default_threads, ensure_installed

        if settings.asks_model:  # code alone (the offline default) needs no model installed
            ensure_installed()  # a missing package or a bad SUMMARIZER_THREADS: one line now, not a failed article each
        else:
            default_threads()  # a setting that is wrong is said so, even where this run would not use it
    counts = run(options, settings, notice=notice(settings))
    say(counts.line())
    say_batch_run(counts)
    for line in closing(options, counts):
        say(line)
    return exit_status(counts, fail_on_rejected=args.fail_on_rejected)
