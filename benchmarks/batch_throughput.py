"""Batch throughput against a loopback mock server. Run: python -m benchmarks.batch_throughput

The mock server (another process, so its CPU is not counted) answers every
request after a fixed delay with a valid summary of the article. The client
runs summarize_batch() with validation and the results-file write included.
Prints, for each async transport of the openai SDK:
- at a 0.5 s delay, 2,000 articles, concurrency 64: the achieved rate as a
  ratio to the ideal N·delay/concurrency (aim: at least 0.9);
- at a 20 ms delay: the client's CPU time per article, and the rate one core
  could sustain (aim: at most 3 ms per article).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openai

from summarizer.batch import ResultsFile, result_record, summarize_batch
from summarizer.config import Settings
from summarizer.extract import Summarizer
from summarizer.inputs import Article

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
            out.append(result_record(article, result, fingerprint))
        wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
        out.close()
    await client.close()
    return wall, cpu, statuses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--transports", default="httpx2,aiohttp")
    args = parser.parse_args()
    for kind in args.transports.split(","):
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


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
