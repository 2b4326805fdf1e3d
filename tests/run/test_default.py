"""`summarizer run`: resume, bad input, standard input, kill -9, counts (against a loopback fixture endpoint)."""

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from summarizer.cli import main
from support.completions import FIXTURE_MODEL
from support.corpus import corpus, corpus_path, numbered_dump
from support.endpoint import ENDPOINT_KEY as KEY
from support.endpoint import Endpoint, FixtureEngine


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


def test_inputs_are_read_off_the_event_loops_thread(endpoint, tmp_path, monkeypatch, capsys):
    from summarizer.run import default

    on_the_loop: list[bool] = []
    read = default.read_inputs

    def reading(inputs, stdin=None):
        for item in read(inputs, stdin):
            on_the_loop.append(threading.current_thread() is threading.main_thread())  # asyncio.run's thread
            yield item

    monkeypatch.setattr(default, "read_inputs", reading)
    assert main(["run", str(corpus_path("001")), str(corpus_path("004")), "--out", str(tmp_path / "r.jsonl")]) == 0
    assert on_the_loop == [False, False]


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
    assert main(["run", str(d), "--out", str(out)]) == 3  # articles failed: never 0
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


def test_kill_9_midway_then_rerun_gives_each_article_once_and_repeats_no_finished_call(tmp_path):
    n = 16
    dump = numbered_dump(tmp_path / "dump.jsonl", n)
    out = tmp_path / "r.jsonl"
    engine = FixtureEngine(delay=0.25)
    with Endpoint(engine) as e:
        env = {**os.environ, "OPENAI_BASE_URL": e.url, "OPENAI_API_KEY": KEY, "SUMMARIZER_MODEL": FIXTURE_MODEL}
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




def test_the_run_stops_after_as_many_articles_in_a_row_fail_the_same_systemic_way():
    from summarizer.contract.result import Result
    from summarizer.run import Breaker

    def failed(kind):
        return Result(status="failed", failure_kind=kind, failure=f"{kind}!", model="m", prompt_version="p")

    ok = Result(status="verified", model="m", prompt_version="p")
    breaker = Breaker(3)
    seen = [breaker.tripped(r) for r in (failed("unavailable"), failed("unavailable"), ok,  # a success resets it
                                         failed("unavailable"), failed("internal_error"),  # another kind too
                                         failed("internal_error"), failed("truncated"),  # one article's own
                                         failed("internal_error"), failed("internal_error"), failed("internal_error"))]
    assert seen == [False, False, False, False, False, False, False, False, False, True]
    assert breaker.reason(failed("internal_error")) == "the last 3 articles failed inside summarizer (internal_error!)"
