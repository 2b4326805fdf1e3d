"""Batch runs: concurrency, streaming, resume after kill -9, bad input, counts."""

import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx2
import openai
import pytest

from conftest import ENDPOINT_KEY as KEY
from conftest import corpus, corpus_path, fixture_summary
from fake_endpoint import Endpoint, FixtureEngine
from summarizer import summarize_batch
from summarizer.batch import ResultsFile
from summarizer.cli import main
from summarizer.config import Settings
from summarizer.inputs import Article
from summarizer.local import LOCAL_MODEL

GOOD = fixture_summary("001").model_dump_json()


def _answer():
    return {"id": "x", "object": "chat.completion", "created": 0, "model": "m",
            "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant", "tool_calls": [
                {"id": "c", "type": "function", "function": {"name": "ArticleSummary", "arguments": GOOD}}]}}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}


def test_summarize_batch_bounds_concurrency_and_yields_as_results_finish():
    in_flight, peak, order = 0, 0, []

    async def handler(request):
        nonlocal in_flight, peak
        body = json.loads(request.content)
        tag = body["messages"][-1]["content"].rsplit("#", 1)[-1].strip()
        in_flight += 1
        peak = max(peak, in_flight)
        await asyncio.sleep(0.3 if tag == "0" else 0.02)
        in_flight -= 1
        order.append(tag)
        return httpx2.Response(200, json=_answer())

    async def articles():  # an async iterable, consumed lazily
        for i in range(12):
            yield Article(f"a{i}", corpus("001") + f"\n#{i}", f"<{i}>")

    async def go():
        client = openai.AsyncOpenAI(base_url="http://t.test/v1", api_key=KEY,
                                    http_client=httpx2.AsyncClient(transport=httpx2.MockTransport(handler)))
        settings = Settings(base_url="http://t.test/v1", api_key=KEY, model="m")
        return [(a.id, r.status) async for a, r in summarize_batch(articles(), settings=settings, concurrency=3,
                                                                      client=client)]

    results = asyncio.run(go())
    assert sorted(i for i, _ in results) == sorted(f"a{i}" for i in range(12))
    assert all(s == "verified" for _, s in results)
    assert peak == 3
    assert results[0][0] != "a0"  # the slow first article finished later than others


def test_results_file_cuts_a_partial_last_line(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text('{"id": "a", "hash": "h", "settings": "s"}\n{"id": "b", "ha', encoding="utf-8")
    assert ResultsFile(path).recover() == {("a", "h", "s")}
    assert path.read_text(encoding="utf-8") == '{"id": "a", "hash": "h", "settings": "s"}\n'


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_rerun_skips_what_is_done_and_redoes_on_new_settings(endpoint, tmp_path, capsys):
    out = tmp_path / "r.jsonl"
    args = ["run", str(corpus_path("001")), str(corpus_path("004")), "--out", str(out)]
    assert main(args) == 0
    asked = len(endpoint.engine.seen)  # 001 once; 004 twice (its totals re-checked once)
    assert asked == 3
    assert main(args) == 0
    assert len(endpoint.engine.seen) == asked  # nothing asked again
    assert "read=2 skipped=2 verified=0 flagged=0 rejected=0 failed=0" in capsys.readouterr().err
    assert main(args + ["--max-reasks", "0"]) == 0  # other settings: a new result each
    assert len(_lines(out)) == 4 and len(endpoint.engine.seen) == asked + 2


def test_bad_inputs_are_reported_and_the_run_goes_on(endpoint, tmp_path, capsys):
    d = tmp_path / "in"
    d.mkdir()
    (d / "empty.txt").write_text("  \n", encoding="utf-8")
    (d / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (d / "latin1.txt").write_bytes(corpus("001").encode("utf-8") + b"\n\xe9t\xe9\n")
    (d / "page.html").write_text(
        "<html><body><nav>menu</nav><article><p>" + corpus("004").replace("\n", "</p><p>") +
        "</p><script>alert(1)</script></article></body></html>", encoding="utf-8")
    records = [json.dumps({"id": "j1", "text": corpus("001"), "title": "t"}, ensure_ascii=False), "{not json",
               json.dumps({"id": "j2"}), json.dumps({"id": "j3", "text": corpus("004")}, ensure_ascii=False)]
    (d / "dump.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    out = tmp_path / "r.jsonl"
    assert main(["run", str(d), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "read=8 skipped=0" in err and "failed=4" in err
    dead = {r["origin"].split("/")[-1]: r["reason"] for r in _lines(tmp_path / "r.failed.jsonl")}
    assert dead["empty.txt"].startswith("the file is empty")
    assert dead["image.txt"].startswith("a binary file")
    assert dead["dump.jsonl:2"].startswith("line 2 is not valid JSON")
    assert dead["dump.jsonl:3"].startswith('line 3 has no "text" string')
    done = {r["id"]: r for r in _lines(out)}
    assert {"j1", "j3"} <= set(done)
    latin = next(r for r in done.values() if r["origin"].endswith("latin1.txt"))
    assert latin["flags"] == ["invalid_utf8"] and "\ufffd" in latin["text"]
    page = next(r for r in done.values() if r["origin"].endswith("page.html"))
    assert "alert(1)" not in page["text"] and "menu" not in page["text"]
    assert page["status"] == "flagged"  # the 004 fixture found in the page's extracted text


def test_standard_input_takes_jsonl(endpoint, tmp_path, monkeypatch, capsys):
    import io

    data = json.dumps({"id": "s1", "text": corpus("001")}, ensure_ascii=False).encode() + b"\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    out = tmp_path / "r.jsonl"
    assert main(["run", "-", "--out", str(out)]) == 0
    assert [r["id"] for r in _lines(out)] == ["s1"]


def test_report_is_written_and_escapes_article_html(endpoint, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(corpus("002"), encoding="utf-8")  # holds a raw <a href=...> tag
    out, report = tmp_path / "r.jsonl", tmp_path / "report.html"
    assert main(["run", str(article), str(corpus_path("001")), "--out", str(out), "--report", str(report)]) == 0
    page = report.read_text(encoding="utf-8")
    assert "<a href='https://www.businesspost" not in page
    assert "&lt;a href=&#x27;https://www.businesspost.co.kr" in page
    assert page.count("<script>") == 1 and "http-equiv=\"Content-Security-Policy\"" in page
    assert '<mark class="q-ok"' in page and '<mark class="fig"' in page
    assert "src=" not in page.replace("script-src", "")  # loads nothing


def test_kill_9_midway_then_rerun_gives_each_article_once_and_repeats_no_finished_call(tmp_path):
    n = 16
    dump = tmp_path / "dump.jsonl"
    with open(dump, "w", encoding="utf-8") as f:
        for i in range(n):
            base = corpus("001") if i % 2 else corpus("004")
            f.write(json.dumps({"id": f"art-{i}", "text": base + f"\n(기사 번호 {i})"}, ensure_ascii=False) + "\n")
    out = tmp_path / "r.jsonl"
    engine = FixtureEngine(delay=0.25)
    with Endpoint(engine) as e:
        env = {**os.environ, "OPENAI_BASE_URL": e.url, "OPENAI_API_KEY": KEY, "SUMMARIZER_MODEL": LOCAL_MODEL}
        cmd = [sys.executable, "-m", "summarizer.cli", "run", str(dump), "--out", str(out), "--concurrency", "2"]
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while time.time() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 5):
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        complete = out.read_bytes().split(b"\n")[:-1]  # a kill may leave a partial line after the last newline
        done_before = {json.loads(line)["id"] for line in complete}
        assert 5 <= len(done_before) < n
        asked_before = len(engine.seen)
        subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ids = [r["id"] for r in _lines(out)]
    assert sorted(ids) == sorted(f"art-{i}" for i in range(n))  # each exactly once
    asked_after = engine.seen[asked_before:]
    assert not {f"art-{i}" for i in map(int, asked_after)} & done_before  # nothing done was asked again


def test_progress_is_drawn_on_a_terminal_only(monkeypatch):
    import io

    from summarizer.batch import Counts
    from summarizer.progress import Progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("CI", raising=False)
    pipe = io.StringIO()
    quiet = Progress(3, pipe)
    quiet.update(Counts(read=1, verified=1, tokens=1200))
    quiet.close()
    assert pipe.getvalue() == ""
    tty = Terminal()
    shown = Progress(3, tty)
    shown.update(Counts(read=2, verified=1, rejected=1, tokens=1200))
    shown.close()
    assert "2/3" in tty.getvalue() and "1,200 tokens" in tty.getvalue()
    monkeypatch.setenv("CI", "true")
    ci = Terminal()
    Progress(3, ci).close()
    assert ci.getvalue() == ""


CHROMIUM = shutil.which("chromium")


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
def test_report_runs_its_own_script_and_nothing_else_in_a_real_browser(endpoint, tmp_path):
    out, report = tmp_path / "r.jsonl", tmp_path / "report.html"
    assert main(["run", str(corpus_path("002")), "--out", str(out), "--report", str(report)]) == 0
    run = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=1", "--dump-dom",
         report.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert 'data-ready="1"' in run.stdout  # the page's script ran under its Content-Security-Policy
    assert "Content Security Policy" not in run.stderr
    assert "businesspost.co.kr" in run.stdout and "<a href='https://www.businesspost" not in run.stdout
