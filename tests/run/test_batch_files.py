"""`summarizer batch export` and `import`: request lines out, output lines in (vLLM's shape), checked as online.

The output files here come from a stand-in for `vllm run-batch` (support.batch_server.run_batch_file): each
request line answered by our OpenAI-compatible app over the fixture engine, written in vLLM's output shape, in
reverse order. A recording from a real model server is in test_batch_files_recorded.py."""

import io
import json

import pytest

from summarizer import Settings, UsageError
from summarizer.model.batches import OFFLINE_BASE_URL
from summarizer.run import RunOptions, run
from summarizer.run.batch_files import export_batch_requests, import_batch_responses
from support.batch_server import run_batch_file
from support.completions import FIXTURE_MODEL
from support.corpus import corpus_path
from support.endpoint import ENDPOINT_KEY as KEY
from support.endpoint import Endpoint, FixtureEngine

ARTICLES = [str(corpus_path("001")), str(corpus_path("004"))]
SETTINGS = Settings(base_url=OFFLINE_BASE_URL, model=FIXTURE_MODEL)


def _records(path) -> dict[str, dict]:
    """Results by id, without timings, and without where they came from (the endpoint, or offline)."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for key in ("seconds", "base_url", "settings"):
            record.pop(key)
        for attempt in record["attempts"]:
            attempt.pop("seconds")
        out[record["id"]] = record
    return out


def _lines(path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def test_export_then_import_round_trip_gives_the_online_results(tmp_path):
    requests, results = tmp_path / "requests.jsonl", tmp_path / "results.jsonl"
    counts = export_batch_requests(ARTICLES, requests, SETTINGS)
    assert (counts.read, counts.requests, counts.waiting) == (2, 2, 2)
    first = _lines(requests)
    assert [(x["method"], x["url"], x["body"]["model"]) for x in first] == [("POST", "/v1/chat/completions",
                                                                              FIXTURE_MODEL)] * 2
    run_batch_file(requests, tmp_path / "responses-1.jsonl")

    counts = import_batch_responses([tmp_path / "responses-1.jsonl"], ARTICLES, results, SETTINGS, requests=requests)
    assert (counts.read, counts.verified, counts.flagged, counts.waiting) == (2, 1, 0, 1)
    (again,) = _lines(requests)  # 004's re-ask, the further requests file written over the first
    assert again["custom_id"] == first[1]["custom_id"][:-1] + "1"
    run_batch_file(requests, tmp_path / "responses-2.jsonl")

    counts = import_batch_responses([tmp_path / "responses-2.jsonl", tmp_path / "responses-1.jsonl"], ARTICLES, results,
                              SETTINGS, requests=requests)
    assert (counts.read, counts.skipped, counts.flagged, counts.waiting) == (2, 1, 1, 0)
    assert not requests.exists()  # nothing more to ask: no stale file to run again
    assert {r["base_url"] for r in _lines(results)} == {OFFLINE_BASE_URL}

    # The same articles online: the same requests went out, and the same results came back.
    with Endpoint(FixtureEngine()) as endpoint:
        online = Settings(base_url=endpoint.url, api_key=KEY, model=FIXTURE_MODEL)
        run(RunOptions(inputs=tuple(ARTICLES), out=tmp_path / "online.jsonl", dead_letter=tmp_path / "o.failed.jsonl"),
            online, stderr=io.StringIO(), progress=False)
    assert _records(results) == _records(tmp_path / "online.jsonl")

    # Imported again with the same files: nothing new, nothing written twice.
    counts = import_batch_responses([tmp_path / "responses-1.jsonl", tmp_path / "responses-2.jsonl"], ARTICLES, results,
                              SETTINGS, requests=requests)
    assert (counts.skipped, len(_lines(results)), requests.exists()) == (2, 2, False)


def test_an_error_line_as_vllm_writes_it_fails_its_article_with_the_reason(tmp_path):
    requests = tmp_path / "requests.jsonl"
    export_batch_requests(ARTICLES[:1], requests, SETTINGS)
    run_batch_file(requests, tmp_path / "out.jsonl", fail=lambda c: (400, "The model `x` does not exist."))
    counts = import_batch_responses([tmp_path / "out.jsonl"], ARTICLES[:1], tmp_path / "r.jsonl", SETTINGS)
    assert (counts.failed, counts.waiting) == (1, 0)
    (letter,) = _lines(tmp_path / "r.failed.jsonl")
    assert letter["failure_kind"] == "bad_request" and "The model `x` does not exist." in letter["reason"]


def test_a_transient_error_line_is_asked_again_in_the_further_requests(tmp_path):
    requests = tmp_path / "requests.jsonl"
    export_batch_requests(ARTICLES[:1], requests, SETTINGS)
    (asked,) = run_batch_file(requests, tmp_path / "out.jsonl", fail=lambda c: (503, "overloaded"))
    counts = import_batch_responses([tmp_path / "out.jsonl"], ARTICLES[:1], tmp_path / "r.jsonl", SETTINGS,
                              requests=requests)
    assert (counts.failed, counts.waiting, [x["custom_id"] for x in _lines(requests)]) == (0, 1, [asked])


def test_responses_without_the_first_file_are_refused_before_asking_again_what_was_answered(tmp_path):
    requests = tmp_path / "requests.jsonl"
    export_batch_requests(ARTICLES, requests, SETTINGS)
    run_batch_file(requests, tmp_path / "responses-1.jsonl")
    import_batch_responses([tmp_path / "responses-1.jsonl"], ARTICLES, tmp_path / "r.jsonl", SETTINGS,
                           requests=requests)
    run_batch_file(requests, tmp_path / "responses-2.jsonl")
    (tmp_path / "r.jsonl").unlink()
    with pytest.raises(UsageError, match=r"^2 articles have answers to later asks|^1 articles have answers"):
        import_batch_responses([tmp_path / "responses-2.jsonl"], ARTICLES, tmp_path / "r.jsonl", SETTINGS,
                         requests=requests)
    assert [x["custom_id"][-2:] for x in _lines(requests)] == ["-1"]  # the requests file is left as it was


def test_responses_to_other_settings_are_refused(tmp_path):
    requests = tmp_path / "requests.jsonl"
    export_batch_requests(ARTICLES, requests, SETTINGS)
    run_batch_file(requests, tmp_path / "out.jsonl")
    with pytest.raises(UsageError, match="none of the 2 answers in .* give import the --model, --base-url and "):
        import_batch_responses([tmp_path / "out.jsonl"], ARTICLES, tmp_path / "r.jsonl", SETTINGS.with_(max_reasks=0),
                         requests=tmp_path / "next.jsonl")
    assert not (tmp_path / "next.jsonl").exists()


def test_a_line_that_is_not_an_output_line_is_named(tmp_path):
    bad = tmp_path / "out.jsonl"
    bad.write_text('{"custom_id": "a-0", "response": null, "error": null}\n{"oops": 1}\n', encoding="utf-8")
    with pytest.raises(UsageError, match=r"out.jsonl: line 2 is not an output line of a batch \(no \"custom_id\""):
        import_batch_responses([bad], ARTICLES, tmp_path / "r.jsonl", SETTINGS)
    assert not (tmp_path / "r.jsonl").exists()


def test_export_needs_a_model_and_leaves_out_what_cannot_be_read(tmp_path):
    with pytest.raises(UsageError, match="give --model"):
        export_batch_requests(ARTICLES, tmp_path / "q.jsonl", Settings())
    (tmp_path / "empty.txt").write_text(" \n", encoding="utf-8")
    notes = []
    counts = export_batch_requests([*ARTICLES, ARTICLES[0], str(tmp_path / "empty.txt")], tmp_path / "q.jsonl",
                                   SETTINGS, note=notes.append)
    assert (counts.read, counts.requests, counts.skipped, counts.failed) == (4, 2, 1, 1)
    assert notes == [f"summarizer: {tmp_path / 'empty.txt'}: the file is empty; give a file with the article's text; "
                     "left out"]
