"""Benchmark of the number scanner. Run: python -m benchmarks.number_scan

``find_quantities`` runs on every article (the source index, coverage) and on
every summary's free text, so it must stay fast as notations are added. Prints:
- its CPU time per article on the bundled articles (the best of several runs);
- its CPU time per character on long runs of number-like text (digits and
  commas, scales, ranges, words that fail to make one number) at two lengths:
  the figure must not grow with the length, or one odd article stalls a batch.

It uses only the public API, so an older checkout can be measured with the same
file: ``cd OLD && PYTHONPATH=OLD python /path/to/benchmarks/number_scan.py``.
"""

from __future__ import annotations

import time
from pathlib import Path

from summarizer import find_quantities

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "corpus"
RUNS = {
    "digits and commas": "1,", "digits and dots": "1.", "tildes": "1~", "dashes": "1-", "slashes": "1/",
    "repeated scales": "1만 ", "glued scales": "1만2천", "number words": "one two three ", "between": "between 1 and ",
}


def best_cpu(work, repeat: int = 7) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def bench_articles() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    rounds = 20

    def work() -> None:
        for _ in range(rounds):
            for text in texts:
                find_quantities(text)

    per_article = best_cpu(work) / (rounds * len(texts))
    found = sum(len(find_quantities(t)) for t in texts) / len(texts)
    print(f"find_quantities: {1e6 * per_article:,.0f} µs CPU per article ({len(texts)} articles, "
          f"{sum(map(len, texts)) // len(texts):,} chars and {found:.0f} numbers on average)")


def bench_runs() -> None:
    for name, unit in RUNS.items():
        times = []
        for n in (500, 5000):
            text = "가 " + unit * n
            times.append(1e6 * best_cpu(lambda t=text: find_quantities(t), repeat=3) / len(text))
        print(f"  {name:18} {times[0]:6.2f} µs/char at {500 * len(unit):,} chars, {times[1]:6.2f} at "
              f"{5000 * len(unit):,} (ratio {times[1] / times[0]:.1f}; 1.0 is linear)")


def main() -> None:
    bench_articles()
    print("find_quantities on long runs of number-like text:")
    bench_runs()


if __name__ == "__main__":
    main()
