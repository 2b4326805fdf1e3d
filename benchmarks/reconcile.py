"""Benchmark of reconcile (no model). Run: python -m benchmarks.reconcile

Builds results-file records from the bundled articles and the unrelated test
articles with their hand-checked summaries, copied N times under new ids, and
prints how long reconcile_records takes, with what it found. Two kinds of
copies: the same text (as when many outlets run one wire story; compared once),
and distinct texts (each copy gets a line of its own at the end, so every
text is compared with every other). Building the records (validate) is
outside the timing.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from summarizer import Article, ArticleSummary, Result, ResultRecord, validate
from summarizer.stories.core import describe, reconcile_records

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"


def _sources() -> list[tuple[str, str, ArticleSummary]]:
    out = []
    for n in ("000", "001", "002", "003", "004"):
        (article,) = (TESTS / "data" / "corpus").glob(f"{n}_*.txt")
        fixture = TESTS / "fixtures" / f"{n}.summary.fixture.json"
        out.append((n, article.read_text(encoding="utf-8"), ArticleSummary.model_validate_json(fixture.read_text())))
    for fixture in sorted((TESTS / "fixtures" / "unrelated").glob("*.summary.fixture.json")):
        name = fixture.name.split(".")[0]
        text = (TESTS / "data" / "unrelated" / f"{name}.txt").read_text(encoding="utf-8")
        out.append((name, text, ArticleSummary.model_validate_json(fixture.read_text(encoding="utf-8"))))
    return out


def records(copies: int, distinct: bool) -> list[ResultRecord]:
    out = []
    for name, text, summary in _sources():
        for i in range(copies):
            copy = f"{text}\n(사본 {name}-{i})" if distinct else text
            report = validate(copy, summary)
            result = Result(status=report.status, summary=summary, report=report, model="fixture",
                            prompt_version="summarize/v1")
            out.append(ResultRecord.of(Article(f"{name}#{i}", copy, name), result, "bench"))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 10, 20])
    args = parser.parse_args(argv)
    for distinct in (False, True):
        for copies in args.copies:
            items = records(copies, distinct)
            started = time.process_time()
            result = reconcile_records(items)
            seconds = time.process_time() - started
            kind = "distinct texts" if distinct else "same texts"
            print(f"reconcile: {len(items):,} results ({kind}) in {seconds:.2f} s CPU "
                  f"({seconds / len(items) * 1000:.1f} ms a result): {describe(result)}")


if __name__ == "__main__":
    main()
