"""Batch throughput against a loopback mock server. Run: python -m benchmarks.batch_throughput

The mock server (another process, so its CPU is not counted) answers every
request after a fixed delay with a valid summary of the article. Prints:

- in-process, for each async transport of the openai SDK (``httpx2``, ``aiohttp``, and ``bounded``: the
  aiohttp client summarizer makes for an endpoint, each response under a deadline and a size): summarize_batch()
  with validation and the results-file write included,
  - at a 0.5 s delay, 2,000 articles, concurrency 64: the achieved rate as a
    ratio to the ideal N·delay/concurrency (aim: at least 0.9);
  - at a 20 ms delay: the client's CPU time per article, and the rate one
    core could sustain (aim: at most 3 ms per article);
- the whole ``summarizer run`` process, as a user starts it, on a JSONL file
  of 2,000 articles at a 0.5 s delay and ``--concurrency 64``: wall time
  (start-up, reading, writing included) as a ratio to the same ideal (aim: at
  least 0.85), and its CPU per article.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openai

from summarizer import Article, ResultRecord, Settings, Summarizer, summarize_batch
from summarizer.io.results import ResultsFile

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = next((ROOT / "tests" / "data" / "corpus").glob("001_*.txt")).read_text(encoding="utf-8")


def _server(delay: float) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "benchmarks.mock_openai_server", "--delay", str(delay)],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT)
    port = proc.stdout.readline().strip()
    return proc, f"http://127.0.0.1:{port}/v1"


def _client(kind: str, base_url: str) -> openai.AsyncOpenAI:
    if kind == "aiohttp":
        http = openai.DefaultAioHttpClient(timeout=600)
    elif kind == "bounded":  # what summarizer makes for an endpoint: aiohttp, each response timed and counted
        from summarizer.model.bounded import BoundedAsyncClient

        http = BoundedAsyncClient(deadline=600, max_bytes=Settings().max_response_bytes)
    else:
        import httpx2

        http = httpx2.AsyncClient(timeout=600, limits=httpx2.Limits(max_connections=256, max_keepalive_connections=256))
    return openai.AsyncOpenAI(base_url=base_url, api_key="bench", http_client=http, max_retries=0)


async def _run(kind: str, base_url: str, n: int, concurrency: int) -> tuple[float, float, dict[str, int]]:
    settings = Settings(base_url=base_url, api_key="bench", model="bench", max_reasks=0)
    client = _client(kind, base_url)
    summarizer = Summarizer(settings, client=client)
    await summarizer.asummarize(ARTICLE)  # warm up: imports and connection set-up are not per article
    articles = (Article(f"a{i}", f"{ARTICLE}\n(기사 번호 {i})", "bench") for i in range(n))
    statuses: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = ResultsFile(Path(tmp) / "out.jsonl")
        fingerprint = settings.fingerprint()
        cpu0, wall0 = time.process_time(), time.perf_counter()
        async for article, result in summarize_batch(articles, concurrency=concurrency, summarizer=summarizer):
            statuses[result.status] = statuses.get(result.status, 0) + 1
            out.append(ResultRecord.of(article, result, fingerprint))
        wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
        out.close()
    await client.close()
    return wall, cpu, statuses


def write_dump(path: Path, n: int) -> Path:
    """A JSONL dump of ``n`` copies of the benchmark article, each numbered (so no two texts are the same)."""
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"a{i}", "text": f"{ARTICLE}\n(기사 번호 {i})"}, ensure_ascii=False) + "\n")
    return path


def run_process(dump: Path, base_url: str, concurrency: int, *options: str,
                new_session: bool = False) -> tuple[float, float, int]:
    """One ``summarizer run`` process on ``dump`` (``options`` added to its command line): wall and CPU seconds
    (its own and its waited-for children's), and the results written."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        env = {**os.environ, "OPENAI_BASE_URL": base_url, "OPENAI_API_KEY": "bench", "SUMMARIZER_MODEL": "bench",
               "SUMMARIZER_MAX_REASKS": "0"}
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "summarizer.cli", "run", str(dump), "--out", str(out),
                        "--concurrency", str(concurrency), *options], env=env, check=True,
                       stderr=subprocess.DEVNULL, start_new_session=new_session)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        written = sum(1 for _ in open(out, encoding="utf-8"))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, written


def _whole_process(base_url: str, n: int, concurrency: int) -> tuple[float, float, int]:
    """``summarizer run`` in its own process: wall and CPU seconds, and the results written."""
    with tempfile.TemporaryDirectory() as tmp:
        return run_process(write_dump(Path(tmp) / "dump.jsonl", n), base_url, concurrency)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--transports", default="httpx2,aiohttp", help="in-process runs; empty for none")
    parser.add_argument("--no-process", action="store_true", help="skip the whole-process run")
    args = parser.parse_args()
    for kind in filter(None, args.transports.split(",")):
        for delay in (0.5, 0.02):
            proc, url = _server(delay)
            try:
                wall, cpu, statuses = asyncio.run(_run(kind, url, args.articles, args.concurrency))
            finally:
                proc.terminate()
                proc.wait()
            ideal = args.articles * delay / args.concurrency
            per = 1000 * cpu / args.articles
            print(f"{kind:8} delay {delay * 1000:.0f} ms: {args.articles} articles in {wall:.2f} s "
                  f"(ideal {ideal:.2f} s, ratio {ideal / wall:.2f}); client CPU {per:.2f} ms/article "
                  f"= {1000 / per:,.0f} articles/s on one core; {statuses}", flush=True)
    if not args.no_process:
        proc, url = _server(0.5)
        try:
            wall, cpu, written = _whole_process(url, args.articles, args.concurrency)
        finally:
            proc.terminate()
            proc.wait()
        ideal = args.articles * 0.5 / args.concurrency
        print(f"summarizer run (whole process) delay 500 ms: {written} results in {wall:.2f} s "
              f"(ideal {ideal:.2f} s, ratio {ideal / wall:.2f}); CPU {1000 * cpu / args.articles:.2f} ms/article "
              "(start-up, reading and writing included)", flush=True)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
