"""The Files and Batches APIs through the openai SDK, against a loopback server in OpenAI's documented shapes."""

import json

import pytest

from summarizer import Settings
from summarizer.model.batches import BatchApiError, BatchInfo, BatchService, request_line
from support.batch_server import BatchServer
from support.completions import FIXTURE_MODEL
from support.endpoint import ENDPOINT_KEY as KEY
from support.endpoint import Misbehaving


@pytest.fixture
def server():
    with BatchServer() as s:
        yield s


def _service(url: str, key: str = KEY) -> BatchService:
    return BatchService(Settings(base_url=url, api_key=key, model=FIXTURE_MODEL, retry_attempts=2),
                        sleep=lambda s: None)


def _file(tmp_path, ids=("a-0", "b-0")):
    path = tmp_path / "in.jsonl"
    body = {"model": FIXTURE_MODEL, "messages": [{"role": "user", "content": "Article: 주간동아"}]}
    path.write_bytes(b"".join(request_line(i, body) for i in ids))
    return path


def test_a_batch_is_uploaded_created_polled_to_its_end_and_its_output_downloaded(server, tmp_path):
    service = _service(server.url)
    file_id = service.upload(_file(tmp_path), "part.jsonl")
    assert server.files[file_id]["purpose"] == "batch" and server.files[file_id]["filename"] == "part.jsonl"
    created = service.create(file_id, {"summarizer_run": "r1"})
    assert (created.status, created.input_file_id, created.metadata) == ("validating", file_id,
                                                                         (("summarizer_run", "r1"),))
    assert server.batches[created.id]["endpoint"] == "/v1/chat/completions"
    assert server.batches[created.id]["completion_window"] == "24h"
    seen = [service.retrieve(created.id) for _ in range(3)]
    assert [(b.status, b.total, b.completed, b.failed, b.terminal) for b in seen] == [
        ("in_progress", 2, 0, 0, False), ("finalizing", 2, 2, 0, False), ("completed", 2, 2, 0, True)]
    service.download(seen[-1].output_file_id, tmp_path / "out.jsonl")
    lines = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(x["custom_id"], x["response"]["status_code"], x["error"]) for x in lines] == [("a-0", 200, None),
                                                                                          ("b-0", 200, None)]
    assert seen[-1].error_file_id is None


def test_a_runs_batches_are_found_by_their_metadata_across_pages(server, tmp_path):
    service = _service(server.url)
    file_id = service.upload(_file(tmp_path), "part.jsonl")
    ours = [service.create(file_id, {"summarizer_run": "r1", "summarizer_part": f"r1-{n}"}).id for n in range(3)]
    for _ in range(150):  # other batches of the organisation, newer: more than one page of 100
        service.create(file_id, {"summarizer_run": "someone-else"})
    found = service.find("summarizer_run", "r1", since=0)
    assert [b.id for b in found] == ours[::-1]  # newest first
    assert [b.tag("summarizer_part") for b in found] == ["r1-2", "r1-1", "r1-0"]
    assert service.find("summarizer_run", "r1", since=server.batches[ours[-1]]["created_at"] + 1) == []
    assert service.custom_ids(found[0].input_file_id, tmp_path / "scratch") == ["a-0", "b-0"]


def test_a_cancelled_batch_ends_with_its_unrun_requests_in_the_error_file(server, tmp_path):
    service = _service(server.url)
    batch = service.create(service.upload(_file(tmp_path), "p.jsonl"), {})
    assert service.cancel(batch.id).status == "cancelling"
    ended = service.retrieve(batch.id)
    assert (ended.status, ended.output_file_id) == ("cancelled", None)
    service.download(ended.error_file_id, tmp_path / "err.jsonl")
    lines = [json.loads(x) for x in (tmp_path / "err.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(x["custom_id"], x["response"], x["error"]["code"]) for x in lines] == [
        ("a-0", None, "batch_cancelled"), ("b-0", None, "batch_cancelled")]


def test_a_batch_file_the_provider_refuses_fails_the_batch_with_the_reasons(server, tmp_path):
    service = _service(server.url)
    batch = service.create(service.upload(_file(tmp_path, ids=("a-0", "a-0")), "p.jsonl"), {})
    failed = service.retrieve(batch.id)
    assert (failed.status, failed.errors) == ("failed", (
        "line 2: The custom_id for this request is a duplicate of another request.",))


def test_a_refused_key_is_one_line_without_the_key(server, tmp_path):
    with pytest.raises(BatchApiError) as e:
        _service(server.url, key="sk-wrong-0123456789abcdef").upload(_file(tmp_path), "p.jsonl")
    assert str(e.value) == "uploading the batch file: the endpoint refused the API key (401); check OPENAI_API_KEY"


def test_an_endpoint_with_no_batch_api_says_what_to_do_instead(tmp_path):
    with Misbehaving(lambda headers, body: (404, {"error": {"message": "Not Found"}})) as server:
        with pytest.raises(BatchApiError) as e:
            _service(server.url).find("summarizer_run", "r1", since=0)
    assert str(e.value).startswith(f"{server.url} has no Batch API (GET /batches answered 404). vLLM's server")
    assert "summarizer batch export" in str(e.value) and "without --batch-api" in str(e.value)


def test_faults_that_outlast_the_retries_are_one_line():
    calls = []

    def respond(headers, body):
        calls.append(1)
        return 503, {"error": {"message": "overloaded", "type": "server_error"}}

    with Misbehaving(respond) as server:
        with pytest.raises(BatchApiError, match=r"^polling batch batch_1: the endpoint kept failing"):
            _service(server.url).retrieve("batch_1")
    assert len(calls) == 2  # retry_attempts


def test_batch_info_reads_openais_batch_object():
    from openai.types import Batch

    batch = Batch.model_validate({
        "id": "batch_1", "object": "batch", "endpoint": "/v1/chat/completions", "input_file_id": "file-1",
        "completion_window": "24h", "status": "failed", "created_at": 1, "metadata": {"k": "v"},
        "errors": {"object": "list", "data": [{"code": "x", "message": "bad line", "line": 3},
                                              {"code": "token_limit_exceeded", "message": "Enqueued token limit "
                                               "reached", "line": None}]}})
    assert BatchInfo.of(batch) == BatchInfo("batch_1", "failed", "file-1", 1, metadata=(("k", "v"),), errors=(
        "line 3: bad line", "Enqueued token limit reached"))
