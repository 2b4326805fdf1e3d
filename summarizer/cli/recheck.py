"""``summarizer recheck RESULTS.jsonl --out NEW.jsonl``

Run this version's checks again on the summaries a results file holds, without asking any model: each
record keeps its summary, attempts and usage, and gets a new report and status. Old runs can be judged by new
checks (a run from before the word checks, for one, whose ``verified`` meant less). What a grounded answer's
build reported (``grounded.*``) is kept, since it is about the answer, not the checks; a record with no
summary (a failed article) is copied as it is.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

__all__ = ["add_recheck_command"]


def add_recheck_command(sub: argparse._SubParsersAction) -> None:  # argparse's documented add_subparsers() result
    r = sub.add_parser("recheck", help="run this version's checks again on a results file's summaries (no model)")
    r.add_argument("results", metavar="RESULTS.jsonl", help="a results file that summarizer run wrote")
    r.add_argument("--out", required=True, help="where to write the rechecked results (JSONL, a new file)")
    r.set_defaults(func=_recheck)


def _recheck(args: argparse.Namespace) -> int:
    from ..contract.report import status_of
    from ..io.paths import check_paths
    from ..stories import read_results
    from ..trust.checks import validate

    out = Path(args.out)
    check_paths([args.results], [("--out", out)])
    notes: list[str] = []
    before: Counter[str] = Counter()
    after: Counter[str] = Counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        for record in read_results(args.results, notes):
            before[record.status] += 1
            if record.summary is not None and record.status != "failed":
                record = _rechecked(record, validate, status_of)
            after[record.status] += 1
            f.write(record.model_dump_json() + "\n")
    tmp.replace(out)
    for note in notes:
        print(f"summarizer: {note}", file=sys.stderr)
    order = ("verified", "flagged", "rejected", "failed")
    print("summarizer: rechecked " + ", ".join(f"{k}={before[k]}→{after[k]}" for k in order) + f"; in {out}",
          file=sys.stderr)
    return 0


def _rechecked(record, validate, status_of):
    report = validate(record.text, record.summary)
    built = [f for f in (record.report.findings if record.report else []) if f.code.startswith("grounded.")]
    findings = built + list(report.findings)
    report = report.model_copy(update={"findings": findings, "status": status_of(findings)})
    return type(record).model_validate({**record.model_dump(), "report": report.model_dump(), "status": report.status})
