"""`summarizer run --engine ray`: every article once, dead letters, Parquet, the default engine's records, resume
after a SIGKILL of the whole process group (a local Ray, against the loopback fixture endpoint)."""

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from summarizer.cli import main
from support.completions import FIXTURE_MODEL
from support.corpus import corpus, corpus_path, numbered_dump
from support.endpoint import ENDPOINT_KEY as KEY
from support.endpoint import Endpoint, FixtureEngine


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _inputs(folder: Path) -> Path:
    """A folder with a JSONL dump (two bad lines), a Parquet file (one row without text) and a text file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir()
    records = [json.dumps({"id": "j1", "text": corpus("001"), "title": "t"}, ensure_ascii=False), "{not json",
               json.dumps({"id": "j2"}), json.dumps({"id": "j3", "text": corpus("004")}, ensure_ascii=False)]
    (folder / "dump.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    pq.write_table(pa.table({"id": ["p1", "p2", "p3"], "text": [corpus("004"), None, corpus("001") + "\n(p3)"],
                             "url": ["https://example.com/p1", None, None]}), folder / "more.parquet")
    (folder / "page.txt").write_text(corpus("004"), encoding="utf-8")
    return folder


def test_each_article_once_and_dead_letters_from_jsonl_parquet_and_text(local_ray, endpoint, tmp_path, capsys):
    folder = _inputs(tmp_path / "in")
    out = tmp_path / "r.jsonl"
    args = ["run", str(folder), "--out", str(out), "--engine", "ray"]
    assert main(args) == 3  # articles failed: never 0
    err = capsys.readouterr().err
    assert "read=8 skipped=0 verified=2 flagged=3 rejected=0 failed=3" in err
    assert err.count("summarizer: using fixture at ") == 1  # said once, when the first article went to the model
    done = _lines(out)
    page_id = next(r["id"] for r in done if r["origin"].endswith("page.txt"))
    assert sorted(r["id"] for r in done) == sorted(["j1", "j3", "p1", "p3", page_id])  # each exactly once
    assert {r["id"]: r["origin"] for r in done} == {
        "j1": f"{folder}/dump.jsonl:1", "j3": f"{folder}/dump.jsonl:4", "p1": f"{folder}/more.parquet",
        "p3": f"{folder}/more.parquet", page_id: f"{folder}/page.txt"}
    assert next(r for r in done if r["id"] == "p1")["url"] == "https://example.com/p1"
    dead = {(r["id"], r["failure_kind"]): r["reason"] for r in _lines(tmp_path / "r.failed.jsonl")}
    assert dead == {
        ("line-2", "input"): "line 2 is not valid JSON: expecting property name enclosed in double quotes at column 2 "
                             "(near '{not json'); fix or remove that line",
        ("j2", "input"): 'line 3 has no "text" string; each record needs "text" (and optionally "id", "title", '
                         '"url", "published")',
        ("p2", "input"): 'the row has no "text" string; each row needs "text" (and optionally "id", "title", "url", '
                         '"published")',
    }

    asked = len(endpoint.engine.seen)
    assert main(args) == 3  # a rerun: nothing asked again, no failure recorded twice, no model named
    err = capsys.readouterr().err
    assert "read=8 skipped=5 verified=0 flagged=0 rejected=0 failed=3" in err and "summarizer: using" not in err
    assert len(endpoint.engine.seen) == asked and len(_lines(tmp_path / "r.failed.jsonl")) == 3


_SECONDS = re.compile(rb'"seconds":[0-9.e-]+')


def test_the_same_records_as_the_default_engine_byte_for_byte_but_the_timings(local_ray, endpoint, tmp_path):
    dump = tmp_path / "dump.jsonl"
    with open(dump, "w", encoding="utf-8") as f:
        for n in ("000", "001", "002", "003", "004"):
            f.write(json.dumps({"id": n, "text": corpus(n), "url": f"https://example.com/{n}"}, ensure_ascii=False)
                    + "\n")
        f.write("{cut off\n")
    inputs = [str(dump), str(corpus_path("001"))]
    for engine in ("default", "ray"):
        assert main(["run", *inputs, "--out", str(tmp_path / f"{engine}.jsonl"), "--engine", engine]) == 3

    def lines(name: str) -> list[bytes]:
        return sorted(_SECONDS.sub(b'"seconds":_', line) for line in (tmp_path / name).read_bytes().splitlines())

    default, ray = lines("default.jsonl"), lines("ray.jsonl")
    assert len(default) == 6 and b'"seconds":_' in default[0]
    assert ray == default
    assert (tmp_path / "ray.failed.jsonl").read_bytes() == (tmp_path / "default.failed.jsonl").read_bytes()


def _session(sid: int) -> list[str]:
    """The live processes of session ``sid``: the driver and every Ray process it started."""
    ps = subprocess.run(["ps", "-eo", "pid=,sid=,stat=,args="], capture_output=True, text=True).stdout
    return [line for line in ps.splitlines() if line.split()[1] == str(sid) and not line.split()[2].startswith("Z")]


def test_resume_after_sigkill_of_the_whole_process_group(tmp_path):
    n = 320
    dump = numbered_dump(tmp_path / "dump.jsonl", n)
    out = tmp_path / "r.jsonl"
    engine = FixtureEngine(delay=0.2)
    with Endpoint(engine) as e:
        env = {**os.environ, "OPENAI_BASE_URL": e.url, "OPENAI_API_KEY": KEY, "SUMMARIZER_MODEL": FIXTURE_MODEL,
               "SUMMARIZER_MAX_REASKS": "0"}
        cmd = [sys.executable, "-m", "summarizer.cli", "run", str(dump), "--out", str(out), "--engine", "ray",
               "--concurrency", "8"]
        proc = subprocess.Popen(cmd, env=env, start_new_session=True, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        deadline = time.time() + 240
        while time.time() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 64):
            time.sleep(0.2)
        assert proc.poll() is None, "the run ended before the kill; give it more articles"
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.time() + 30
        while (left := _session(proc.pid)) and time.time() < deadline:
            time.sleep(0.5)
        assert left == []  # the local Ray went with the group
        complete = out.read_bytes().split(b"\n")[:-1]
        done_before = {json.loads(line)["id"] for line in complete}
        assert 64 <= len(done_before) < n
        asked_before = len(engine.seen)
        rerun = subprocess.run(cmd, env=env, start_new_session=True, capture_output=True, text=True, timeout=300)
        assert rerun.returncode == 0, rerun.stderr
    assert f"read={n} skipped={len(done_before)} verified=" in rerun.stderr
    ids = [r["id"] for r in _lines(out)]
    assert sorted(ids) == sorted(f"art-{i}" for i in range(n))  # each exactly once
    asked_after = engine.seen[asked_before:]
    assert not {f"art-{i}" for i in map(int, asked_after)} & done_before  # nothing done was asked again


def test_summarizer_and_the_default_engine_never_import_ray():
    code = ("import sys, summarizer; from summarizer.run import run; from summarizer.cli import main; "
            "summarizer.summarize_dataset; print('ray' in sys.modules, 'pyarrow' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
