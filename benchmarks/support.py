"""The word-support checks against labelled summaries, before and after. Run: python -m benchmarks.support

For each set, how many inconsistent summaries validate() catches (any finding: not verified) and how many
consistent ones it keeps verified, by edit type, with balanced accuracy; and the CPU per article of
validate() on the bundled articles with their fixtures (article cold, as benchmarks.trust_layer measures it)
and on the sets. Both sides run in one invocation, in child processes that alternate (before, after, before,
after), so that the machine's speed moves both alike:

- before: the package as it is at ``--before`` (a git ref, main by default), exported with ``git archive``;
- after: this checkout.

The sets:
- benchmarks/data/consistency (English), each source of each split apart: ``en-tune-bump`` and
  ``en-tune-summedits`` (SummEdits' prose domains) to tune on; ``en-heldout-bump`` and ``en-heldout-news``
  (SummEdits' news domain, which the issue keeps apart to judge the result) held out. Each summary is checked
  as an ArticleSummary's ``summary`` with an empty headline; ``unedited_summary`` is never passed. A SummEdits
  summary with several edits counts in the row of each.
- ``ko-tune``, ``ko-heldout``: the synthetic Korean set (benchmarks/korean_edits.py): the bundled articles,
  their fixtures' sentences and some of their own, each with one deterministic edit.

The thresholds (trust/checks/support.py, labels.py) were tuned on the two tune sets only.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data" / "consistency"


def _records() -> dict[str, list[dict]]:
    sys.path.insert(0, str(ROOT))
    from benchmarks.korean_edits import build

    sets = {}
    for split, name in (("tune", "tune"), ("heldout", "heldout"), ("heldout-news", "heldout")):
        with open(DATA / f"{split}.jsonl", encoding="utf-8") as f:
            for r in map(json.loads, f):
                source = "bump" if r["source"] == "bump" else "news" if r["source"] == "summedits-news" else "summedits"
                sets.setdefault(f"en-{name}-{source}", []).append(
                    {k: r[k] for k in ("id", "article", "summary", "label", "edit_type")})
    for split, rows in build().items():
        sets[f"ko-{split}"] = [{k: r[k] for k in ("id", "article", "summary", "label", "edit_type")} for r in rows]
    return sets


def _measure(data_path: str, seconds: float) -> dict:
    """In the child: the verdicts on every set, and CPU per article."""
    from summarizer import ArticleSummary, validate

    try:
        from summarizer.trust.article.source import Source
    except ImportError:  # an older checkout (63f82a7: the trust layer was flat)
        from summarizer.trust.source import Source  # type: ignore[no-redef]

    with open(data_path, encoding="utf-8") as f:
        data = json.load(f)
    out: dict = {"sets": {}, "cpu": {}}
    for t, s in data["fixtures"]:
        validate(t, ArticleSummary.model_validate_json(s))  # warm: the analysers load once a process
    for name, rows in data["sets"].items():
        verdicts = {}
        cpu0 = time.process_time()
        for r in rows:
            Source.of.cache_clear()
            report = validate(r["article"], ArticleSummary(headline="", summary=r["summary"]))
            verdicts[r["id"]] = [report.status, sorted({f.code for f in report.findings})]
        out["cpu"][name] = 1000 * (time.process_time() - cpu0) / len(rows)
        out["sets"][name] = verdicts
    pairs = [(t, ArticleSummary.model_validate_json(s)) for t, s in data["fixtures"]]
    calls, cpu0, wall0 = 0, time.process_time(), time.perf_counter()
    while time.perf_counter() - wall0 < seconds:
        for t, s in pairs:
            Source.of.cache_clear()
            validate(t, s)
            calls += 1
    out["cpu"]["fixtures"] = 1000 * (time.process_time() - cpu0) / calls
    return out


def _fixtures() -> list[tuple[str, str]]:
    pairs = []
    for fixture in sorted((ROOT / "tests" / "fixtures").glob("*.summary.fixture.json")):
        (article,) = (ROOT / "tests" / "data" / "corpus").glob(f"{fixture.name[:3]}_*.txt")
        pairs.append((article.read_text(encoding="utf-8"), fixture.read_text(encoding="utf-8")))
    return pairs


def _child(tree: Path, data_path: Path, seconds: float) -> dict:
    env = dict(os.environ, PYTHONPATH=str(tree))
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--measure", str(data_path),
                           "--seconds", str(seconds)], env=env, cwd=tempfile.gettempdir(),
                          capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"the {tree} side failed:\n{done.stderr}")
    return json.loads(done.stdout)


def _table(name: str, rows: list[dict], before: dict, after: dict) -> list[str]:
    lines = [f"### {name}", "", "| edit type | records | before: caught / kept | after: caught / kept |",
             "|---|---:|---:|---:|"]
    groups: dict[str, list[dict]] = {}
    for r in rows:
        for kind in (r["edit_type"] or "(consistent)").split("+"):
            groups.setdefault(kind, []).append(r)

    def count(side: dict, group: list[dict]) -> int:
        good = 0
        for r in group:
            verified = side[r["id"]][0] == "verified"
            good += verified if r["label"] == "consistent" else not verified
        return good

    for key in sorted(groups, key=lambda k: (k != "(consistent)", k)):
        g = groups[key]
        lines.append(f"| {key} | {len(g)} | {count(before, g)} | {count(after, g)} |")
    summary = []
    for side in (before, after):
        cons = [r for r in rows if r["label"] == "consistent"]
        inc = [r for r in rows if r["label"] == "inconsistent"]
        kept, caught = count(side, cons), count(side, inc)
        summary.append((caught, len(inc), kept, len(cons), (caught / len(inc) + kept / len(cons)) / 2))
    lines.append("")
    for label, (caught, n_inc, kept, n_cons, bacc) in zip(("before", "after"), summary, strict=True):
        precision = caught / max(1, caught + n_cons - kept)
        lines.append(f"- {label}: inconsistent caught {caught}/{n_inc} ({caught / n_inc:.0%}, precision "
                     f"{precision:.0%}), consistent verified {kept}/{n_cons} ({kept / n_cons:.0%}), balanced "
                     f"accuracy {bacc:.3f}")
    return lines + [""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="main", help="the git ref to compare with (default: main)")
    parser.add_argument("--seconds", type=float, default=3.0, help="seconds of validate() on the fixtures a run")
    parser.add_argument("--rounds", type=int, default=2, help="alternating runs of each side (default 2)")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--show", help="print the findings of these set names' records (comma-separated)")
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(_measure(args.measure, args.seconds)))
        return
    sets = _records()
    with tempfile.TemporaryDirectory() as tmp:
        old = Path(tmp) / "before"
        old.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.before, "summarizer", "prompts",
                                  "schemas"], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
        data_path = Path(tmp) / "data.json"
        data_path.write_text(json.dumps({"sets": sets, "fixtures": _fixtures()}), encoding="utf-8")
        runs: dict[str, list[dict]] = {"before": [], "after": []}
        for _ in range(args.rounds):
            runs["before"].append(_child(old, data_path, args.seconds))
            runs["after"].append(_child(ROOT, data_path, args.seconds))
    print(f"# benchmarks.support: before = {args.before}, after = this checkout; load average "
          f"{os.getloadavg()[0]:.2f}\n")
    for name, rows in sets.items():
        print("\n".join(_table(name, rows, runs["before"][0]["sets"][name], runs["after"][0]["sets"][name])))
    print("### CPU per article of validate() (ms; each run, before | after)\n")
    print("| articles | before | after | after / before |\n|---|---|---|---:|")
    for name in ["fixtures", *sets]:
        b = [r["cpu"][name] for r in runs["before"]]
        a = [r["cpu"][name] for r in runs["after"]]
        ratio = sum(a) / sum(b)
        print(f"| {name} | {', '.join(f'{x:.2f}' for x in b)} | {', '.join(f'{x:.2f}' for x in a)} | {ratio:.2f}× |")
    if args.show:
        for name in args.show.split(","):
            after = runs["after"][0]["sets"][name]
            print(f"\n### findings, {name}")
            for r in sets[name]:
                status, codes = after[r["id"]]
                print(f"{r['label'][:5]} {str(r['edit_type'])[:28]:28} {status:9} {codes} {r['summary'][:90]}")
    codes = Counter(c for r in runs["after"][0]["sets"].values() for _, cs in r.values() for c in cs)
    print("\nfinding codes, after (records):", dict(codes.most_common()))


if __name__ == "__main__":
    main()
