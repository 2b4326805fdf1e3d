"""Memory and time to read a big JSONL dump. Run: python -m benchmarks.input_memory [--mb 392]

Writes a JSONL dump of about ``--mb`` megabytes (copies of a bundled article,
each with its own id), then reads every record through the input reader in a
fresh process and prints the records read, the process's peak resident memory
(``ru_maxrss``) and the time. The aim: memory that does not grow with the
dump (the reader streams it a line at a time).

To compare with another checkout, run it from there with the same interpreter
(``cd OTHER && PYTHONPATH=OTHER python -m benchmarks.input_memory``): the
reader is imported by its 0.1 path, ``summarizer.inputs``, which every
version still answers to.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = next((ROOT / "tests" / "data" / "corpus").glob("001_*.txt")).read_text(encoding="utf-8")

_READ = """
import resource, sys, time, warnings
warnings.simplefilter("ignore")
from summarizer.inputs import read_inputs
t0 = time.perf_counter()
n = sum(1 for _ in read_inputs([sys.argv[1]]))
seconds = time.perf_counter() - t0
print(n, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, seconds)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=392.0, help="size of the dump to write, in MB")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "dump.jsonl"
        written = 0
        with open(dump, "w", encoding="utf-8") as f:
            i = 0
            while written < args.mb * 1_000_000:
                line = json.dumps({"id": f"a{i}", "text": f"{ARTICLE}\n(기사 번호 {i})"}, ensure_ascii=False) + "\n"
                f.write(line)
                written += len(line.encode("utf-8"))
                i += 1
        # From a neutral folder, so that PYTHONPATH (or the install) decides which summarizer is measured.
        run = subprocess.run([sys.executable, "-c", _READ, str(dump)], capture_output=True, text=True, check=True,
                             cwd=tmp)
        n, peak_mb, seconds = run.stdout.split()
        print(f"read {n} records from a {written / 1e6:.0f} MB JSONL dump in {float(seconds):.1f} s; "
              f"peak memory {float(peak_mb):.0f} MB", flush=True)


if __name__ == "__main__":
    main()
