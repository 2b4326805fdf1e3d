"""What the embedded model's repetition guards do to its answers.

Run: python -m benchmarks.runaway_guards [--articles 000,001] [--guards none,dry,repeat]

For each guard, every bundled article is summarized once (no re-asks) through
the whole pipeline (the real prompt, instructor's TOOLS mode, the server's
bounded grammar, the checks), and the answers are compared: whether they
parse, how many ran into max_tokens, tokens written, the checks' errors,
invented numbers, quotes and figures found in the article, and how repetitive
the free text is (the share of repeated word 3-grams in headline, summary and
event descriptions: a model caught in a loop scores high).

Guards: none; dry (llama.cpp's DRY sampler: penalises extending a sequence seen
before; quotes, colons and newlines break sequences, so JSON syntax is not
penalised); repeat (repeat_penalty 1.15 over the last 64 tokens, every token,
JSON punctuation included: the nearest to the old engine's letter-and-digit
penalty that llama.cpp offers).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections import Counter
from pathlib import Path

import openai

from summarizer import Settings, Summarizer
from summarizer.embedded import EMBEDDED_BASE_URL, LocalServer, local_http_client
from summarizer.embedded.engine import LocalEngine, Sampling

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "corpus"
GUARDS = {
    "none": Sampling(dry_multiplier=0.0, repeat_penalty=1.0),
    "dry": Sampling(dry_multiplier=0.8, repeat_penalty=1.0),
    "repeat": Sampling(dry_multiplier=0.0, repeat_penalty=1.15, repeat_last_n=64),
}


def repeated_share(texts: list[str]) -> float:
    """Share of word 3-grams that occur more than once across ``texts``."""
    grams = Counter()
    for text in texts:
        words = text.split()
        grams.update(tuple(words[i:i + 3]) for i in range(len(words) - 2))
    total = sum(grams.values())
    return sum(c for c in grams.values() if c > 1) / total if total else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default="000,001,002,003,004")
    parser.add_argument("--guards", default=",".join(GUARDS))
    args = parser.parse_args()
    texts = {n: next(CORPUS.glob(f"{n}_*.txt")).read_text(encoding="utf-8") for n in args.articles.split(",")}
    engine = LocalEngine()
    rows: dict[str, list[dict]] = {}
    try:
        # One engine, one guard after another per article, so background load hits them alike.
        for n, text in texts.items():
            for guard in args.guards.split(","):
                server = LocalServer(lambda: engine)
                engine.sampling = GUARDS[guard]
                client = openai.OpenAI(base_url=EMBEDDED_BASE_URL, api_key="embedded", max_retries=0, timeout=1800,
                                       http_client=local_http_client(server, timeout=1800))
                t0 = time.perf_counter()
                result = Summarizer(Settings(max_reasks=0), client=client).summarize(text)
                rows.setdefault(guard, []).append(row := describe(result, time.perf_counter() - t0))
                print(f"{n} {guard:7s} " + "  ".join(f"{k}={v}" for k, v in row.items())
                      + f"  load {os.getloadavg()[0]:.1f}", flush=True)
    finally:
        engine.close()
    print("\nguard    parsed  truncated  tokens(median)  errors  invented numbers  quotes found  figures found  "
          "repeated 3-grams  seconds(median)")
    for guard, rs in rows.items():
        print(f"{guard:8s} {sum(r['parsed'] for r in rs)}/{len(rs)}     {sum(r['truncated'] for r in rs)}          "
              f"{statistics.median(r['tokens'] for r in rs):6.0f}          {sum(r['errors'] for r in rs):3d}     "
              f"{sum(r['invented'] for r in rs):3d}               {sum(r['quotes_found'] for r in rs)}/"
              f"{sum(r['quotes'] for r in rs)}           {sum(r['figures_found'] for r in rs)}/"
              f"{sum(r['figures'] for r in rs)}          {statistics.mean(r['repeated'] for r in rs):.2f}"
              f"              {statistics.median(r['seconds'] for r in rs):.0f}")


def describe(result, seconds: float) -> dict:
    summary, report = result.summary, result.report
    free = [summary.headline, summary.summary, *(e.description for e in summary.events)] if summary else []
    findings = report.findings if report else []
    return {
        "status": result.status,
        "parsed": summary is not None,
        "truncated": sum(a.outcome == "truncated" for a in result.attempts),
        "tokens": result.usage.completion_tokens,
        "errors": len(report.errors) if report else 0,
        "invented": sum(f.code == "text.number_not_in_source" for f in findings),
        "quotes": len(report.quotes) if report else 0,
        "quotes_found": sum(q.span is not None for q in report.quotes) if report else 0,
        "figures": len(report.figures) if report else 0,
        "figures_found": sum(f.span is not None for f in report.figures) if report else 0,
        "repeated": round(repeated_share(free), 2),
        "seconds": round(seconds, 1),
    }


if __name__ == "__main__":
    main()
