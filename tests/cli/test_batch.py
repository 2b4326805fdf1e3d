"""The batch mode's commands: `summarizer run --batch-api` and its flags, `summarizer batch export|import|cancel`."""

import io
import json

import pytest

from summarizer import Settings
from summarizer.cli import main
from summarizer.run import BatchOptions, RunOptions
from summarizer.run.batch_api import run_batch_api
from support.batch_server import BatchServer, run_batch_file
from support.completions import FIXTURE_MODEL
from support.corpus import corpus_path
from support.endpoint import ENDPOINT_KEY as KEY

ARTICLES = [str(corpus_path("001")), str(corpus_path("004"))]


@pytest.fixture
def server(monkeypatch):
    with BatchServer() as s:
        monkeypatch.setenv("OPENAI_BASE_URL", s.url)
        monkeypatch.setenv("OPENAI_API_KEY", KEY)
        monkeypatch.setenv("SUMMARIZER_MODEL", FIXTURE_MODEL)
        yield s


def test_a_batch_api_run_says_its_tokens_and_what_they_cost(server, tmp_path, capsys):
    out = tmp_path / "r.jsonl"
    args = ["run", *ARTICLES, "--out", str(out), "--batch-api", "--batch-poll", "0.01"]
    assert main([*args, "--price", "0.2,0.8"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[-3:] == [
        "read=2 skipped=0 verified=1 flagged=1 rejected=0 failed=0",
        "summarizer: 300 prompt and 150 completion tokens for the articles written; 3 requests sent, 2 new batches; at "
        "$0.2 and $0.8 a million prompt and completion tokens (as given): $0.0002",
        f"summarizer: results in {out}"]
    out.unlink()
    assert main(args) == 0
    assert capsys.readouterr().err.splitlines()[-2].endswith(
        "no batch price is known for this model: give --price IN,OUT to see the cost")


@pytest.mark.parametrize("flag", [["--batch-size", "5"], ["--reask-online"], ["--price", "1,2"],
                                  ["--batch-poll", "5"]])
def test_a_batch_flag_without_batch_api_is_refused(server, tmp_path, capsys, flag):
    assert main(["run", *ARTICLES, "--out", str(tmp_path / "r.jsonl"), *flag]) == 2
    assert capsys.readouterr().err.strip() == (f"summarizer: {flag[0]} is for --batch-api; add --batch-api, or "
                                               f"leave {flag[0]} out")
    assert server.created() == [] and not list(tmp_path.iterdir())


def test_export_and_import_on_the_command_line(tmp_path, capsys):
    requests, out = tmp_path / "requests.jsonl", tmp_path / "r.jsonl"
    assert main(["batch", "export", *ARTICLES, "--out", str(requests), "--model", FIXTURE_MODEL]) == 0
    assert capsys.readouterr().err.startswith(f"summarizer: 2 requests in {requests} (0 the same article again, 0 "
                                              f"not readable). Run them, e.g. vllm run-batch -i {requests}")
    run_batch_file(requests, tmp_path / "responses.jsonl")
    command = ["batch", "import", str(tmp_path / "responses.jsonl"), "--articles", *ARTICLES, "--out", str(out),
               "--model", FIXTURE_MODEL]
    assert main(command) == 0
    assert capsys.readouterr().err.splitlines() == [
        "read=2 skipped=0 verified=1 flagged=0 rejected=0 failed=0",
        f"summarizer: 1 articles wait for answers; their requests are in {tmp_path / 'r.requests.jsonl'}: run them, "
        "then import again with every responses file of this run"]
    run_batch_file(tmp_path / "r.requests.jsonl", tmp_path / "responses-2.jsonl")
    command.insert(3, str(tmp_path / "responses-2.jsonl"))
    assert main(command) == 0
    assert capsys.readouterr().err.splitlines() == ["read=2 skipped=1 verified=0 flagged=1 rejected=0 failed=0"]
    with pytest.raises(SystemExit) as e:
        main(["batch", "import", str(tmp_path / "responses.jsonl"), "--articles", *ARTICLES, "--out", str(out)])
    assert e.value.code == 2 and "the following arguments are required: --model" in capsys.readouterr().err


def test_cancel_stops_a_runs_batches_and_the_next_run_sends_what_they_did_not_answer(server, tmp_path, capsys):
    server.hold.set()
    out = tmp_path / "r.jsonl"
    options = RunOptions(inputs=tuple(ARTICLES), out=out, dead_letter=tmp_path / "r.failed.jsonl",
                         batch=BatchOptions(poll=0.01))

    def interrupt(seconds):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch_api(options, Settings.from_env(), stderr=io.StringIO(), progress=False, sleep=interrupt)
    (batch,) = server.created()
    assert main(["batch", "cancel", str(out)]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"summarizer: batch {batch['id']} (r1-1): cancelling",
        "summarizer: cancelled 1; what they answered before is kept, and the next run sends the rest again"]
    server.hold.clear()
    assert main(["run", *ARTICLES, "--out", str(out), "--batch-api", "--batch-poll", "0.01"]) == 0
    assert [b["status"] for b in server.created()] == ["cancelled", "completed", "completed"]
    assert server.answered == [r["custom_id"] for b in server.created()[1:] for r in b["requests"]]
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    assert main(["batch", "cancel", str(out)]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == f"summarizer: {out}: no batch of that run is running"


def test_cancel_without_a_batch_run_there_is_one_line(tmp_path, capsys):
    assert main(["batch", "cancel", str(tmp_path / "r.jsonl")]) == 2
    assert capsys.readouterr().err.strip() == (
        f"summarizer: {tmp_path / 'r.jsonl'}: no batch run there (no r.jsonl.batches.json beside it); give the "
        "--out of a summarizer run --batch-api")
