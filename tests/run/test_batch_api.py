"""`summarizer run --batch-api` against a loopback server in OpenAI's Files and Batches API shapes.

The server (support.batch_server) runs each batch's lines through the same fixture engine the online endpoint
answers with, so the same answers come back either way: the statuses, findings and attempts must be the online
path's. Covered: the whole flow, a failed line, an expired batch, a failed batch, a run split over batches,
online re-asks, kill -9 while waiting and a lost state file (both resumed without paying twice), and the
one-line refusals."""

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from summarizer import Article, Settings, UsageError
from summarizer.io.inputs import read_article
from summarizer.pipeline.deferred import Deferred
from summarizer.run import BatchOptions, RunOptions, run
from summarizer.run import batch_api
from support.batch_server import BatchServer
from support.completions import FIXTURE_MODEL
from support.corpus import corpus_path, numbered_dump
from support.endpoint import ENDPOINT_KEY as KEY
from support.endpoint import Endpoint, FixtureEngine

ARTICLES = (corpus_path("001"), corpus_path("004"))  # 001 verified at once; 004 flagged, its totals asked again


@pytest.fixture
def server():
    with BatchServer() as s:
        yield s


def _settings(server, **changes) -> Settings:
    return Settings(base_url=server.url, api_key=KEY, model=FIXTURE_MODEL, **changes)


def _run(server, tmp_path, inputs=ARTICLES, settings=None, out="r.jsonl", **batch):
    out = tmp_path / out
    options = RunOptions(inputs=tuple(map(str, inputs)), out=out, dead_letter=out.with_suffix(".failed.jsonl"),
                         batch=BatchOptions(poll=0.01, **batch))
    err = io.StringIO()
    counts = run(options, settings or _settings(server), stderr=err, progress=False)
    return counts, [line.removeprefix("summarizer: ") for line in err.getvalue().splitlines()]


def _records(path: Path) -> dict[str, dict]:
    """The results by id, without their timings (which differ between any two runs)."""
    records = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        record.pop("seconds")
        for attempt in record["attempts"]:
            attempt.pop("seconds")
        records[record["id"]] = record
    return records


def _names(server) -> list[tuple[str, list[str]]]:
    return [(b["metadata"]["summarizer_part"], [r["custom_id"] for r in b["requests"]]) for b in server.created()]


def test_the_whole_flow_checks_every_answer_as_online_and_writes_the_same_records(server, tmp_path):
    counts, said = _run(server, tmp_path)
    assert (counts.read, counts.verified, counts.flagged, counts.failed, counts.requests) == (2, 1, 1, 0, 3)
    (first, asks), (second, reasks) = _names(server)
    assert (first, second, len(asks), len(reasks)) == ("r1-1", "r2-1", 2, 1)
    assert reasks[0].rpartition("-")[::2] == (asks[1].rpartition("-")[0], "1")  # 004's second ask
    one, two = (b["id"] for b in server.created())
    assert said == [f"submitted batch {one} (r1-1): 2 requests", "batches: 1 in_progress; 0 of 2 requests done",
                    "batches: 1 finalizing; 2 of 2 requests done", f"submitted batch {two} (r2-1): 1 request",
                    "batches: 1 in_progress; 0 of 1 requests done", "batches: 1 finalizing; 1 of 1 requests done"]
    for batch in server.created():
        assert (batch["endpoint"], batch["completion_window"]) == ("/v1/chat/completions", "24h")
        assert batch["metadata"]["summarizer_results"] == "r.jsonl"
        assert all((r["method"], r["url"]) == ("POST", "/v1/chat/completions") for r in batch["requests"])

    # The same articles online, against the same server: the same requests, the same records.
    online = run(RunOptions(inputs=tuple(map(str, ARTICLES)), out=tmp_path / "online.jsonl",
                            dead_letter=tmp_path / "online.failed.jsonl"), _settings(server), stderr=io.StringIO(),
                 progress=False)
    assert (online.verified, online.flagged) == (1, 1)
    sent = sorted(json.dumps(r["body"], sort_keys=True) for b in server.created() for r in b["requests"])
    assert sent == sorted(json.dumps(body, sort_keys=True) for body in server.online)
    assert _records(tmp_path / "r.jsonl") == _records(tmp_path / "online.jsonl")

    # The key is nowhere the run wrote; a rerun asks for nothing.
    for path in tmp_path.iterdir():
        assert KEY not in path.read_text(encoding="utf-8"), path.name
    ran = list(server.ran)
    counts, said = _run(server, tmp_path)
    assert (counts.read, counts.skipped, counts.requests, said, server.ran) == (2, 2, 0, [], ran)


def test_a_failed_line_goes_out_again_and_a_lasting_error_fails_its_article_only(server, tmp_path):
    failures = {"001": [(500, {"error": {"message": "overloaded", "type": "server_error"}})],
                "bad": [(400, {"error": {"message": "Invalid 'max_tokens'", "type": "invalid_request_error"}})]}
    keys = {}

    def fail(custom_id):
        for name, queue in failures.items():
            if custom_id.startswith(keys.get(name, "?")) and queue:
                return queue.pop(0)
        return None

    server.fail = fail
    bad = tmp_path / "bad.jsonl"
    text = corpus_path("001").read_text(encoding="utf-8") + "\n(bad)"
    bad.write_text(json.dumps({"id": "bad", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    deferred = Deferred(_settings(server))
    keys["001"] = deferred.key(read_article(corpus_path("001")))
    keys["bad"] = deferred.key(Article("bad", text, ""))
    counts, said = _run(server, tmp_path, inputs=(*ARTICLES, bad))
    assert (counts.verified, counts.flagged, counts.failed) == (1, 1, 1)
    (r1, first), (r2, second) = _names(server)
    assert f"{keys['001']}-0" in first and f"{keys['001']}-0" in second  # the 500 went out again
    assert f"{keys['bad']}-0" in first and f"{keys['bad']}-0" not in second  # the 400 did not
    assert len(server.answered) == len(set(server.answered))  # nothing answered twice
    (letter,) = [json.loads(x) for x in (tmp_path / "r.failed.jsonl").read_text(encoding="utf-8").splitlines()]
    assert (letter["id"], letter["failure_kind"]) == ("bad", "bad_request")
    assert "Invalid 'max_tokens'" in letter["reason"]


def test_an_expired_batch_sends_only_what_it_did_not_answer_again(server, tmp_path):
    server.expire_after = 1
    counts, said = _run(server, tmp_path, settings=_settings(server, max_reasks=0))
    server.expire_after = None
    assert (counts.verified, counts.flagged) == (1, 1)
    (_, first), (_, second) = _names(server)
    assert second == first[1:]  # the request the expired batch never ran, and only it
    assert f"batch {server.created()[0]['id']} expired; its unanswered requests go out again" in said
    assert server.answered == first


def test_a_batch_the_provider_keeps_failing_fails_its_articles_with_the_reason_and_a_rerun_tries_again(server,
                                                                                                     tmp_path):
    server.max_requests = 1  # the server takes one request a file; the run sends two
    counts, said = _run(server, tmp_path, settings=_settings(server, retry_attempts=2), size=2)
    assert (counts.failed, counts.verified, len(server.created()), server.ran) == (2, 0, 2, [])
    letters = [json.loads(x) for x in (tmp_path / "r.failed.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {x["failure_kind"] for x in letters} == {"unavailable"}
    assert "no answer after 2 tries (batch " in letters[0]["reason"]
    assert "failed: The batch input file holds more than 1 requests.)" in letters[0]["reason"]
    server.max_requests = 50_000
    counts, _ = _run(server, tmp_path)  # failures are retried by the next run
    assert (counts.verified, counts.flagged, counts.failed) == (1, 1, 0)


def test_a_run_larger_than_a_batch_is_split_by_requests_and_by_bytes(server, tmp_path, monkeypatch):
    dump = numbered_dump(tmp_path / "dump.jsonl", 5)
    counts, _ = _run(server, tmp_path, inputs=(dump,), settings=_settings(server, max_reasks=0), size=2)
    assert [(name, len(ids)) for name, ids in _names(server)] == [("r1-1", 2), ("r1-2", 2), ("r1-3", 1)]
    assert counts.verified + counts.flagged == 5
    one = max(len(json.dumps(r, ensure_ascii=False).encode()) for b in server.created() for r in b["requests"])
    monkeypatch.setattr(batch_api, "MAX_BYTES", 2 * one + 2)  # two requests a file, by size
    counts, _ = _run(server, tmp_path, inputs=(dump,), settings=_settings(server, max_reasks=0), out="r2.jsonl")
    assert [len(ids) for name, ids in _names(server)[3:]] == [2, 2, 1]


def test_re_asks_go_online_with_reask_online(server, tmp_path):
    counts, said = _run(server, tmp_path, reask_online=True)
    assert (counts.verified, counts.flagged, counts.requests) == (1, 1, 3)
    assert [name for name, _ in _names(server)] == ["r1-1"]  # the first asks only
    assert len(server.online) == 1 and server.online[0]["messages"][-1]["content"]  # 004's re-ask, sent at once
    lines = (tmp_path / "r.jsonl.answers.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3  # two from the batch, one online: kept alike for a resume


def test_a_lost_state_file_is_rebuilt_from_the_batches_metadata_and_nothing_is_paid_twice(server, tmp_path):
    server.hold.set()

    def interrupt(seconds):
        raise KeyboardInterrupt  # a kill while it waits

    settings = _settings(server)
    options = RunOptions(inputs=tuple(map(str, ARTICLES)), out=tmp_path / "r.jsonl",
                         dead_letter=tmp_path / "r.failed.jsonl", batch=BatchOptions(poll=0.01))
    with pytest.raises(KeyboardInterrupt):
        batch_api.run_batch_api(options, settings, stderr=io.StringIO(), progress=False, sleep=interrupt)
    (tmp_path / "r.jsonl.batches.json").unlink()  # as if killed before the state was written
    server.hold.clear()
    counts, said = _run(server, tmp_path)
    first = server.created()[0]["id"]
    assert said[0] == f"found batch {first} (r1-1, in_progress) of this run at the provider"
    assert (counts.verified, counts.flagged) == (1, 1)
    assert [name for name, _ in _names(server)] == ["r1-1", "r2-1"]  # the first batch was not created again
    assert len(server.answered) == len(set(server.answered)) == 3


def test_kill_9_while_waiting_then_rerun_resumes_and_asks_nothing_twice(tmp_path):
    dump = numbered_dump(tmp_path / "dump.jsonl", 6)  # 004 and 001 by turns; the three 004s are asked again
    out = tmp_path / "r.jsonl"
    state = tmp_path / "r.jsonl.batches.json"
    with BatchServer() as server:
        server.hold.set()
        env = {**os.environ, "OPENAI_BASE_URL": server.url, "OPENAI_API_KEY": KEY, "SUMMARIZER_MODEL": FIXTURE_MODEL}
        cmd = [sys.executable, "-m", "summarizer.cli", "run", str(dump), "--out", str(out), "--batch-api",
               "--batch-poll", "0.05"]
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while time.time() < deadline and not (state.exists() and '"in_progress"' in state.read_text(encoding="utf-8")
                                              and len(server.headers) > 8):
            time.sleep(0.05)
        assert proc.poll() is None, "the run ended before the kill"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert not out.exists() or out.read_text(encoding="utf-8") == ""
        server.hold.clear()
        subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        names = _names(server)
    assert [(name, len(ids)) for name, ids in names] == [("r1-1", 6), ("r2-1", 3)]
    assert len(server.answered) == len(set(server.answered)) == 9  # each ask answered once
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["id"] for r in records) == [f"art-{i}" for i in range(6)]  # each article written once
    assert [r["status"] for r in sorted(records, key=lambda r: r["id"])] == ["flagged", "verified"] * 3


def test_what_cannot_work_is_refused_before_anything_is_written(server, tmp_path):
    inputs = tuple(map(str, ARTICLES))
    cases = [
        (RunOptions(inputs=inputs, out=tmp_path / "r.jsonl", dead_letter=tmp_path / "f.jsonl", engine="ray",
                    batch=BatchOptions()), _settings(server), "--batch-api runs on the default engine"),
        (RunOptions(inputs=("-",), out=tmp_path / "r.jsonl", dead_letter=tmp_path / "f.jsonl",
                    batch=BatchOptions()), _settings(server), "write standard input to a file"),
        (RunOptions(inputs=inputs, out=tmp_path / "r.jsonl", dead_letter=tmp_path / "f.jsonl",
                    batch=BatchOptions()), Settings(), "--batch-api needs an endpoint with a Batch API"),
        (RunOptions(inputs=inputs, out=tmp_path / "r.jsonl", dead_letter=tmp_path / "f.jsonl",
                    batch=BatchOptions(size=50_001)), _settings(server), "--batch-size must be 1 to 50,000"),
    ]
    for options, settings, says in cases:
        with pytest.raises(UsageError, match=says):
            run(options, settings, stderr=io.StringIO(), progress=False)
    assert list(tmp_path.iterdir()) == [] and server.created() == []


def test_an_endpoint_with_no_batch_api_stops_the_run_with_what_to_do(tmp_path):
    with Endpoint(FixtureEngine()) as endpoint:
        settings = Settings(base_url=endpoint.url, api_key=KEY, model=FIXTURE_MODEL, retry_attempts=1)
        counts, _ = _run(None, tmp_path, settings=settings)
    assert counts.stopped.startswith(f"{endpoint.url} has no Batch API (GET /batches answered 404)")
    assert (counts.read, counts.unfinished) == (2, 2)


def test_batches_of_other_settings_still_running_are_not_left_behind(server, tmp_path):
    server.hold.set()
    options = RunOptions(inputs=tuple(map(str, ARTICLES)), out=tmp_path / "r.jsonl",
                         dead_letter=tmp_path / "r.failed.jsonl", batch=BatchOptions(poll=0.01))

    def interrupt(seconds):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        batch_api.run_batch_api(options, _settings(server), stderr=io.StringIO(), progress=False, sleep=interrupt)
    with pytest.raises(UsageError, match=r"batches of a run with other settings \(model fixture\) are still running"
                                         r" at the provider \(batch_\d+\); .* summarizer batch cancel "):
        _run(server, tmp_path, settings=_settings(server, max_reasks=0))


def test_the_python_api_runs_the_same_batch_mode(server, tmp_path):
    import summarizer

    counts = summarizer.summarize_with_batch_api(ARTICLES, tmp_path / "r.jsonl", settings=_settings(server),
                                                 options=summarizer.BatchOptions(poll=0.01))
    assert isinstance(counts, summarizer.BatchCounts)
    assert (counts.verified, counts.flagged, counts.requests, len(counts.batches)) == (1, 1, 3, 2)
    assert [r["status"] for r in map(json.loads, (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines())] \
        == ["verified", "flagged"]


def test_an_unknown_model_in_the_answers_stops_the_run_and_sends_nothing_more(server, tmp_path):
    server.fail = lambda custom_id: (404, {"error": {"message": "The model `fixture` does not exist",
                                                     "type": "invalid_request_error", "code": "model_not_found"}})
    counts, said = _run(server, tmp_path)
    assert counts.stopped == ("the endpoint does not know the model 'fixture' (404); check --model against the "
                              "endpoint's model list")
    assert (counts.read, counts.failed, counts.unfinished, len(server.created())) == (2, 1, 1, 1)
