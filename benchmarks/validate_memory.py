"""Peak memory of ``summarizer validate`` on an article of short numbers, old code beside new.
Run: python -m benchmarks.validate_memory [--mb 2] [--against main]

Writes an article of ``--mb`` megabytes of single digits between spaces ("3 7 1 ...": a number every two
characters, the most numbers a text can hold) and runs ``summarizer validate`` on it with a bundled summary,
in a fresh process, once with the code of ``--against`` (``git archive``, in a temporary folder) and once with
this checkout's. Prints each one's peak resident memory (``ru_maxrss``), the same for a one-line article (the
interpreter and its imports), the bytes a character of the article cost between the two, the time, and the
ratios new/old.
"""

from __future__ import annotations

import argparse
import random
import tempfile
from pathlib import Path

from .checkouts import ROOT, code_at, commit_of, run_python

SUMMARY = ROOT / "tests" / "fixtures" / "001.summary.fixture.json"

_MEASURE = """
import contextlib, io, resource, sys, time
from summarizer.cli import main
t0 = time.perf_counter()
with contextlib.redirect_stdout(io.StringIO()):
    main(["validate", sys.argv[1], sys.argv[2]])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, time.perf_counter() - t0)
"""


def _measure(code: Path, article: Path) -> tuple[int, float]:
    peak, seconds = run_python(code, _MEASURE, str(article), str(SUMMARY)).split()
    return int(peak), float(seconds)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="size of the article, in MB")
    parser.add_argument("--against", default="main", help="the commit to compare with (default: main)")
    args = parser.parse_args(argv)
    rng = random.Random(23)
    chars = int(args.mb * 1_000_000) // 2
    with tempfile.TemporaryDirectory() as tmp, code_at(args.against) as old:
        article, small = Path(tmp) / "digits.txt", Path(tmp) / "small.txt"
        article.write_text(" ".join(rng.choice("0123456789") for _ in range(chars)), encoding="utf-8")
        small.write_text("3 7 1\n", encoding="utf-8")
        size = article.stat().st_size
        print(f"validate on {size / 1e6:.1f} MB of single digits between spaces ({chars:,} numbers), "
              f"summary {SUMMARY.name}")
        rows = {}
        for name, code in ((f"old ({args.against} {commit_of(args.against)})", old),
                           (f"new (HEAD {commit_of('HEAD')})", ROOT)):
            base, _ = _measure(code, small)
            peak, seconds = _measure(code, article)
            rows[name] = (peak, (peak - base) / size, seconds)
            print(f"  {name}: peak {peak / 1e6:,.0f} MB (one-line article: {base / 1e6:,.0f} MB), "
                  f"{(peak - base) / size:.0f} bytes a character, {seconds:.1f} s")
        (old_peak, old_per, old_s), (new_peak, new_per, new_s) = rows.values()
        print(f"  new/old: peak {new_peak / old_peak:.2f}, bytes a character {new_per / old_per:.2f}, "
              f"time {new_s / old_s:.2f}")


if __name__ == "__main__":
    main()
