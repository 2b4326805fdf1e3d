"""``summarizer reconcile RESULTS.jsonl... --out story.json [--report story.html] [--model M] [--base-url U]``

Group the results of ``summarizer run`` into stories and line up their figures
and quotations across outlets. With no model it is deterministic; with
``--model`` or ``--base-url`` a model proposes better groupings and figure
alignments, and code verifies each proposal before it counts.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..contract.errors import UsageError
from ..views.terminal import say
from .exit_codes import RECONCILE_EPILOG

__all__ = ["add_reconcile"]


def add_reconcile(sub: argparse._SubParsersAction) -> None:  # argparse's documented add_subparsers() result
    r = sub.add_parser("reconcile", help="line up the figures and quotes of articles about the same event",
                       epilog=RECONCILE_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    r.add_argument("results", nargs="+", metavar="RESULTS.jsonl", help="results files that summarizer run wrote")
    r.add_argument("--out", required=True, help="where to write the stories (JSON)")
    r.add_argument("--report", help="also write this self-contained HTML page")
    r.add_argument("--model", help="ask this model for better groupings and alignments (verified by code)")
    r.add_argument("--base-url", help="the OpenAI-compatible endpoint of that model")
    r.set_defaults(func=_reconcile)


def _reconcile(args: argparse.Namespace) -> int:
    from ..io.paths import check_paths
    from ..io.results import write_atomically
    from ..model.settings import Settings
    from ..contract.record import ResultRecord
    from ..stories.api import gather, reconcile, with_replaced
    from ..stories.core import describe
    from ..views.story_page import write_story_page

    out = Path(args.out)
    outputs = [("--out", out)] + ([("--report", Path(args.report))] if args.report else [])
    check_paths(args.results, outputs, written_whole=("--out", "--report"))
    notes: list[str] = []
    replaced: list[ResultRecord] = []
    records = {r.id: r for r in gather(args.results, notes, replaced)}
    for note in notes:
        say(f"summarizer: {note}")
    if not records:
        raise UsageError("the results files hold no results; run summarizer run --out RESULTS.jsonl first")
    settings = None
    if args.model or args.base_url:
        settings = Settings.from_env(model=args.model, base_url=args.base_url)
        say(f"summarizer: asking {settings.describe()} for proposals; code verifies each")
    result = with_replaced(reconcile(list(records.values()), settings=settings), replaced)
    write_atomically(out, result.model_dump_json(indent=2) + "\n")
    if args.report:
        write_story_page(result, records, Path(args.report))
    step = result.model_step
    if step is not None:
        accepted = sum(p.accepted for p in step.proposals)
        say(f"summarizer: the model proposed {len(step.proposals)}, code accepted {accepted}"
            + (f"; the model step failed ({step.failure}), the rest is code's alone" if step.failure else ""))
    if not result.stories and result.excluded:
        say(f"summarizer: none of the {len(result.excluded)} results passed the checks, so there is no evidence "
            "to line up; they are listed under excluded")
    say(describe(result))
    say(f"summarizer: stories in {out}" + (f", page in {args.report}" if args.report else ""))
    return 0
