"""Replay: a batch line is the request the online path sends, and its answer is read as the online path reads it.

Each test puts the online path (``Provider.ask`` over a real openai client on a scripted transport) beside
``Replay`` for the same ask, and compares what a user would get: the body sent, the answer or failure made."""

import json

import pytest

from summarizer import Settings
from summarizer.model.batches import Output, Replay
from summarizer.model.call import Provider
from summarizer.pipeline.grounded.kind import Grounded
from summarizer.pipeline.free_text import FreeText
from support.completions import Script, completion, error, sync_client, tool_answer
from support.corpus import corpus, fixture_summary

KEY = "sk-test-0123456789abcdefXYZ"
SETTINGS = Settings(base_url="http://endpoint.test/v1", api_key=KEY, model="test-model", retry_attempts=1)
TEXT = corpus("004")
GOOD = fixture_summary("004").model_dump_json()


def _ask(settings: Settings = SETTINGS):
    kind = Grounded(settings) if settings.grounded else FreeText(settings)
    first = kind.rounds(TEXT)[0]
    return first.first(), kind.max_tokens(TEXT), first.shape


def _online(*responses, settings: Settings = SETTINGS):
    script = Script(*responses)
    answer = Provider(settings, sync_client(script, settings.base_url, KEY), sleep=lambda s: None).ask(*_ask(settings))
    return script.requests, answer


@pytest.mark.parametrize("settings", [SETTINGS, SETTINGS.with_(answer="grounded"), SETTINGS.with_(mode="json_schema")],
                         ids=["free text, tools", "grounded", "json_schema mode"])
def test_the_request_line_body_is_the_body_the_online_path_sends(settings):
    (sent,), _ = _online(completion(GOOD), settings=settings)
    replay = Replay(settings)
    assert replay.body(*_ask(settings)) == sent
    assert sent["model"] == "test-model" and TEXT.splitlines()[3] in sent["messages"][-1]["content"]


def _line(status, body):
    return Output.parse(json.dumps({"id": "batch_req_1", "custom_id": "k-0", "error": None,
                                    "response": {"status_code": status, "request_id": "req_1", "body": body}}))


@pytest.mark.parametrize("status, body", [
    (200, tool_answer(GOOD)),  # a usable answer
    (200, tool_answer(GOOD[:200], finish="length")),  # cut off at max_tokens
    (200, tool_answer('{"headline": 3}')),  # not in the schema
    (200, tool_answer("{}", finish="content_filter")),  # declined
    (400, {"error": {"message": "This model's maximum context length is 8192 tokens. However, you requested 9000 "
                                "tokens", "type": "invalid_request_error", "code": "context_length_exceeded"}}),
    (401, {"error": {"message": f"Incorrect API key provided: {KEY}", "type": "invalid_request_error"}}),
    (404, {"error": {"message": "The model `test-model` does not exist", "type": "invalid_request_error"}}),
], ids=["answer", "cut off", "invalid", "refused", "context", "key refused", "unknown model"])
def test_a_batch_answer_is_read_as_the_online_path_reads_the_same_response(status, body):
    import httpx2

    _, online = _online(httpx2.Response(status, json=body))
    replayed = Replay(SETTINGS).answer(*_ask(), _line(status, body))
    assert replayed == online
    assert KEY not in repr(replayed)


def test_replaying_never_retries_what_a_batch_line_failed_with():
    # A 500 in a batch line goes out again in the next batch; replayed, it is one request, no waits.
    _, online = _online(error(500))
    replayed = Replay(SETTINGS.with_(retry_attempts=5)).answer(*_ask(), _line(500, error(500).json()))
    assert (replayed.kind, replayed.requests, replayed.waits) == ("unavailable", 1, [])
    assert replayed == online
