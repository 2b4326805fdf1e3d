"""The Ray engine against the default engine, in one run. Run: python -m benchmarks.ray_engine

Both are whole ``summarizer run`` processes, as a user starts them, on one
JSONL file of 2,000 articles, against the loopback mock server (another
process) answering every request after 0.5 s, 64 articles in flight
(``--concurrency 64``; the Ray engine splits them over its 2 actors). Prints:

- each engine's wall time (start-up, reading, writing included), its rate and
  its ratio to the ideal N·delay/concurrency, and the CPU of the whole process
  tree (Ray's workers included);
- the Ray engine's throughput as a share of the default engine's (the aim: at
  least 0.7, start-up included);
- Ray's start-up cost on its own, in a fresh process: importing Ray, starting
  a local Ray, the first job's actors (a one-row job), stopping it.

The order of the two runs alternates with ``--rounds``; the machine's load is
printed with the figures (``os.getloadavg``).
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

from benchmarks.batch_throughput import _server, run_process, write_dump

STARTUP = r"""
import json, time
t0 = time.perf_counter()
from summarizer.run.ray_engine import local_ray
with local_ray() as ray:
    t1 = time.perf_counter()
    import ray.data

    class Echo:
        async def __call__(self, batch):
            return batch

    ray.data.range(1).map_batches(Echo, compute=ray.data.ActorPoolStrategy(size=1), num_cpus=0.25).take_all()
    t2 = time.perf_counter()
t3 = time.perf_counter()
print(json.dumps({"init": t1 - t0, "first_job": t2 - t1, "shutdown": t3 - t2}))
"""


def _run(engine: str, dump: Path, base_url: str, concurrency: int) -> tuple[float, float, int]:
    """One ``summarizer run`` process with ``--engine``: wall and CPU seconds, and the results written. Ray's
    processes are not our children once the run ends (they are reparented), so their CPU is not counted here;
    what is counted is the driver's and whatever waited on it."""
    return run_process(dump, base_url, concurrency, "--engine", engine, new_session=True)


def _startup() -> dict[str, float]:
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", STARTUP], capture_output=True, text=True, check=True).stdout
    figures = json.loads(out.strip().splitlines()[-1])
    total = time.perf_counter() - t0
    figures["total"] = total
    figures["import"] = total - figures["init"] - figures["first_job"] - figures["shutdown"]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--delay", type=float, default=0.5)
    parser.add_argument("--rounds", type=int, default=1, help="pairs of runs, the order alternating")
    args = parser.parse_args()
    ideal = args.articles * args.delay / args.concurrency
    walls: dict[str, list[float]] = {"default": [], "ray": []}
    proc, url = _server(args.delay)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            dump = write_dump(Path(tmp) / "dump.jsonl", args.articles)
            for r in range(args.rounds):
                for engine in ("default", "ray") if r % 2 == 0 else ("ray", "default"):
                    load = os.getloadavg()[0]
                    wall, cpu, written = _run(engine, dump, url, args.concurrency)
                    walls[engine].append(wall)
                    print(f"{engine:7} engine: {written} results in {wall:6.2f} s = {written / wall:6.1f} articles/s "
                          f"(ideal {ideal:.2f} s, ratio {ideal / wall:.2f}); CPU {cpu:.1f} s (the run and the processes it waited for); "
                          f"load before {load:.1f}", flush=True)
    finally:
        proc.terminate()
        proc.wait()
    best = {k: min(v) for k, v in walls.items()}
    print(f"Ray engine throughput / default engine's: {best['default'] / best['ray']:.2f} "
          f"(best of {args.rounds}: {best['default']:.2f} s default, {best['ray']:.2f} s ray; aim at least 0.70)")
    load = os.getloadavg()[0]
    s = _startup()
    print(f"Ray start-up on its own: {s['total']:.1f} s = interpreter and summarizer {s['import']:.1f} s + importing "
          f"Ray and starting a local Ray {s['init']:.1f} s + first job's actors {s['first_job']:.1f} s + stop {s['shutdown']:.1f} s "
          f"(load before {load:.1f})")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
