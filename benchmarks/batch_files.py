"""The CPU the batch paths spend per article, beside the online path's. Run: python -m benchmarks.batch_files

On a JSONL dump of N articles (the bundled 001 and 004 by turns, each marked so it is its own article), with
hand-written answers (the fixture summaries; ``max_reasks=0``, so every first answer is final):

- export: CPU per request line (the body captured from the online path's own request), and the bytes of a
  line, so how many fit in one 200 MB batch file;
- import: CPU per article for joining, replaying and checking its answer, and writing its result;
- online: CPU per article for the same answer through ``Summarizer.summarize`` over an in-process transport (the
  same checks; no network), the baseline import is compared with;
- a pass that finds every ask in flight (what a resumed ``--batch-api`` run does while it waits): CPU per article.

Aim: import within 1.5x the online path's CPU (the replay is the only extra work), and export at most a few
milliseconds a line (50,000 articles in minutes, not hours).
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

import httpx2
import openai

from summarizer import Settings, Summarizer
from summarizer.embedded.wire import chat_completion
from summarizer.io.inputs import read_inputs
from summarizer.model.batches import MAX_BYTES, OFFLINE_BASE_URL, output_line
from summarizer.pipeline.deferred import Deferred
from summarizer.run.batch_files import Ledger, export_batch_requests, import_batch_responses, pass_over

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"
FIXTURES = ROOT / "tests" / "fixtures"
SETTINGS = Settings(base_url=OFFLINE_BASE_URL, model="bench", max_reasks=0)


def _text(n: str) -> str:
    return next(CORPUS.glob(f"{n}_*.txt")).read_text(encoding="utf-8")


def _answer(text: str) -> dict:
    n = "001" if "주간동아" in text else "004"
    summary = (FIXTURES / f"{n}.summary.fixture.json").read_text(encoding="utf-8")
    return chat_completion(model="bench", content=json.dumps(json.loads(summary), ensure_ascii=False),
                           tool="ArticleSummary", prompt_tokens=1000, completion_tokens=400, id="chatcmpl-bench")


def _dump(path: Path, n: int) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            text = (_text("001") if i % 2 else _text("004")) + f"\n(기사 번호 {i})"
            f.write(json.dumps({"id": f"art-{i}", "text": text}, ensure_ascii=False) + "\n")
    return path


def _cpu(fn) -> tuple[float, object]:
    start = time.process_time()
    value = fn()
    return time.process_time() - start, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=400, help="articles (default 400)")
    n = parser.parse_args().n
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        dump = _dump(d / "dump.jsonl", n)
        texts = {a.id: a.text for a in read_inputs([str(dump)])}
        Deferred(SETTINGS).close()  # imports and the prompt files loaded before anything is timed

        export_cpu, _ = _cpu(lambda: export_batch_requests([str(dump)], d / "requests.jsonl", SETTINGS))
        requests = [json.loads(x) for x in (d / "requests.jsonl").read_text(encoding="utf-8").splitlines()]
        line_bytes = os.path.getsize(d / "requests.jsonl") / n

        by_text = {}
        deferred = Deferred(SETTINGS)
        for article in read_inputs([str(dump)]):
            by_text[f"{deferred.key(article)}-0"] = article.text
        with open(d / "responses.jsonl", "wb") as f:
            for r in requests:
                f.write(output_line(r["custom_id"], 200, _answer(by_text[r["custom_id"]])))
        import_cpu, counts = _cpu(lambda: import_batch_responses([d / "responses.jsonl"], [str(dump)],
                                                                 d / "results.jsonl", SETTINGS))
        assert counts.verified + counts.flagged + counts.rejected == n, counts

        answers = {f"art-{i}": _answer(texts[f"art-{i}"]) for i in range(n)}
        current: list[dict] = []
        client = openai.OpenAI(base_url="http://bench.test/v1", api_key="bench", max_retries=0,
                               http_client=httpx2.Client(transport=httpx2.MockTransport(
                                   lambda request: httpx2.Response(200, json=current[0]))))
        summarizer = Summarizer(SETTINGS, client=client)

        def online() -> None:
            for article_id, text in texts.items():
                current[:] = [answers[article_id]]
                summarizer.summarize(text)

        online_cpu, _ = _cpu(online)

        waiting = {r["custom_id"] for r in requests}
        ledger = Ledger(d / "again.jsonl", d / "again.failed.jsonl", SETTINGS.fingerprint())
        pass_cpu, left = _cpu(lambda: list(pass_over(read_inputs([str(dump)]), ledger, deferred, lambda c: None,
                                                     waiting=waiting, first=True)))
        assert left == []
    rows = [("export: a request line", export_cpu), ("import: an answer checked and written", import_cpu),
            ("online: the same answer checked (baseline)", online_cpu),
            ("a pass with every ask in flight", pass_cpu)]
    print(f"{n} articles; a request line is {line_bytes / 1024:.1f} KiB on average, so "
          f"{int(MAX_BYTES // line_bytes):,} fit in one 200 MB batch file")
    for what, cpu in rows:
        print(f"{what:45} {cpu / n * 1000:7.2f} ms CPU per article")
    print(f"import / online: {import_cpu / online_cpu:.2f}x")


if __name__ == "__main__":
    main()
