"""The main job on the five bundled articles, grounded and free-text side by side.

Run: python -m benchmarks.grounded_main_job [--modes grounded,free-text] [--out DIR]

Runs the README's command (``summarizer run tests/data/corpus --out ... --report
...``) once per answer mode, one after the other, on the embedded model by
default (or whatever OPENAI_BASE_URL and friends say), and prints for each
article:

- the status, the seconds it took and its tokens (prompt + answer, re-asks included);
- quotes and figures in the summary, and how many of them the checks found in
  the article (verbatim, or the figure's number as written);
- how many quotes name the speaker the article gives them, against the
  hand-checked speakers in tests/fixtures/speakers/speakers.fixture.json;

then the totals, the machine's load before and after, and the wall time of each run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"
TRUTH = ROOT / "tests" / "fixtures" / "speakers" / "speakers.fixture.json"


def _key(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def _true_speaker(quote: str, truth: list[list[str]]) -> str | None:
    """Who the article gives ``quote`` to: the hand-checked quotation that holds it (or one sentence of it)."""
    k = _key(quote)
    for passage, speaker in truth:
        if k and k in _key(passage):
            return speaker
    return None


def _row(record: dict, truth: dict) -> dict:
    name = Path(record.get("origin") or record["id"]).name[:3]
    summary = record.get("summary") or {}
    report = record.get("report") or {}
    quotes = summary.get("quotes") or []
    entries = truth.get(name, {}).get("quotes", [])
    right = sum(1 for q in quotes if (s := _true_speaker(q["text"], entries)) and s in q["speaker"])
    usage = record.get("usage") or {}
    return {
        "article": name, "status": record["status"], "seconds": record.get("seconds") or 0.0,
        "tokens": usage.get("total_tokens", 0), "requests": len(record.get("attempts") or []),
        "quotes": len(quotes), "quotes_verbatim": sum(1 for q in report.get("quotes", []) if q["match"] != "not_found"),
        "figures": len(summary.get("figures") or []),
        "figures_found": sum(1 for f in report.get("figures", []) if f["match"] != "not_found"),
        "speakers_right": right,
        "headline": summary.get("headline", ""),
    }


def run_mode(mode: str, out: Path) -> tuple[float, list[dict]]:
    out.mkdir(parents=True, exist_ok=True)
    results = out / "results.jsonl"
    for stale in (results, out / "report.html", out / "results.failed.jsonl"):
        stale.unlink(missing_ok=True)
    env = {**os.environ, "SUMMARIZER_ANSWER": mode}
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "summarizer.cli", "run", str(CORPUS), "--out", str(results),
                    "--report", str(out / "report.html")], env=env, check=False, cwd=out)
    wall = time.perf_counter() - t0
    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    records = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines() if line.strip()]
    return wall, sorted((_row(r, truth) for r in records), key=lambda r: r["article"])


def _print(mode: str, wall: float, rows: list[dict]) -> None:
    print(f"\n== {mode}: {len(rows)} articles in {wall:.0f} s wall ==")
    print("article status    s/article tokens req quotes(verbatim) figures(in article) speaker-right headline")
    for r in rows:
        print(f"{r['article']:7} {r['status']:9} {r['seconds']:9.1f} {r['tokens']:6} {r['requests']:3} "
              f"{r['quotes']:3} ({r['quotes_verbatim']:2})      {r['figures']:3} ({r['figures_found']:2})          "
              f"{r['speakers_right']:2}/{r['quotes']:<2}       {r['headline'][:40]}")
    n = max(len(rows), 1)
    statuses = {s: sum(r["status"] == s for r in rows) for s in ("verified", "flagged", "rejected", "failed")}
    print("totals: " + ", ".join(f"{k} {v}" for k, v in statuses.items())
          + f"; quotes {sum(r['quotes_verbatim'] for r in rows)}/{sum(r['quotes'] for r in rows)} verbatim"
          + f"; figures {sum(r['figures_found'] for r in rows)}/{sum(r['figures'] for r in rows)} in the article"
          + f"; speakers right {sum(r['speakers_right'] for r in rows)}/{sum(r['quotes'] for r in rows)}"
          + f"; {sum(r['tokens'] for r in rows) / n:.0f} tokens and {sum(r['seconds'] for r in rows) / n:.0f} s "
            "per article")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modes", default="grounded,free-text", help="answer modes, in the order to run them")
    parser.add_argument("--out", help="folder for each mode's results.jsonl and report.html (default: a temp dir)")
    args = parser.parse_args()
    base = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="grounded-main-job-"))
    for mode in args.modes.split(","):
        print(f"load before {mode}: {os.getloadavg()[0]:.1f} (1 min), {os.cpu_count()} cores", flush=True)
        wall, rows = run_mode(mode, base / mode)
        _print(mode, wall, rows)
        print(f"load after {mode}: {os.getloadavg()[0]:.1f}; results in {base / mode}", flush=True)


if __name__ == "__main__":
    main()
