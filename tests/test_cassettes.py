"""summarize() replayed from recordings of a real model server.

The cassettes were recorded from the embedded Gemma 3 270M (run with
SUMMARIZER_RECORD=1 and the cassette deleted to re-record): in-process, and
over loopback HTTP with a fake key as any OpenAI-compatible server would be
reached. Replays need no model and no network.
"""

import asyncio
import re
import threading
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest

from conftest import HERE
from summarizer.config import Settings
from summarizer.extract import Summarizer
from summarizer.local import LOCAL_MODEL
from summarizer.local.server import shared_server
from vcr_support import CASSETTES, SECRET_HEADERS, make_vcr, recording

SHORT = (HERE / "data" / "short" / "buses.txt").read_text(encoding="utf-8")
FAKE_KEY = "sk-test-DO-NOT-LEAK-4f9a8b7c6d5e4f3a2b1c"
VCR = make_vcr()


def _check_replayed(result, cassette):
    assert cassette.all_played, "a recorded interaction was not used"
    assert len(cassette.requests) == len(result.attempts) == sum(a.requests for a in result.attempts)
    recorded = [resp_json(x)["usage"]["total_tokens"] for x in cassette.responses]
    assert result.usage.total_tokens == sum(recorded)
    first = request_json(cassette.requests[0])["messages"]
    for attempt, request in zip(result.attempts, cassette.requests):
        messages = request_json(request)["messages"]
        if attempt.kind == "reask":  # the findings of the answer before it, and nothing more
            assert "found these problems" in messages[-1]["content"]
            assert len(messages) == len(first) + 2
        else:
            assert messages == first


def request_json(request):
    import json

    return json.loads(request.body)


def resp_json(response):
    import json

    body = response["body"]["string"]
    return json.loads(body)


def test_embedded_model_run_replays_with_its_re_asks():
    with VCR.use_cassette("summarize_short_embedded.yaml") as cassette:
        result = Summarizer(Settings()).summarize(SHORT)
    _check_replayed(result, cassette)
    assert result.model == LOCAL_MODEL and result.base_url is None
    # the tiny model does not get this right, and the checks say so
    assert result.status == "rejected"
    assert result.report.errors
    assert "reask" in [a.kind for a in result.attempts]


def test_async_embedded_model_run_replays():
    async def go():
        return await Summarizer(Settings()).asummarize(SHORT)

    with VCR.use_cassette("asummarize_short_embedded.yaml") as cassette:
        result = asyncio.run(go())
    _check_replayed(result, cassette)
    assert result.status in ("rejected", "flagged", "verified")


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def endpoint():
    """Loopback OpenAI-compatible server over the embedded model, started only to record."""
    if not recording():
        yield "http://127.0.0.1:8765/v1"
        return
    server = make_server("127.0.0.1", 0, shared_server().wsgi, handler_class=_Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/v1"
    finally:
        server.shutdown()
        server.server_close()


def test_any_openai_compatible_endpoint_replays_and_the_key_is_not_recorded(endpoint):
    settings = Settings(base_url=endpoint, api_key=FAKE_KEY, model=LOCAL_MODEL, max_reasks=1)
    with VCR.use_cassette("summarize_short_http.yaml") as cassette:
        result = Summarizer(settings).summarize(SHORT)
    _check_replayed(result, cassette)
    assert result.base_url.startswith("http://127.0.0.1")
    text = (CASSETTES / "summarize_short_http.yaml").read_text(encoding="utf-8")
    assert FAKE_KEY not in text


def test_no_cassette_holds_an_api_key():
    files = sorted(CASSETTES.glob("*.yaml"))
    assert len(files) >= 3
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"sk-[A-Za-z0-9_-]{16,}", text), path.name
        assert not re.search(r"(?i)bearer\s+\S", text), path.name
        for header in SECRET_HEADERS:
            assert f"{header}:" not in text.lower(), (path.name, header)
