"""summarize() replayed from recordings of a real model server.

The cassettes were recorded from the embedded Gemma 3 270M: in-process, and
over loopback HTTP with a fake key, as any OpenAI-compatible server is
reached. One cassette per test, named after it; to re-record one, delete it
and run this file with SUMMARIZER_RECORD=1. Replays need no model and no network.
"""

import asyncio
import json
import re

import pytest

from summarizer import Settings, Summarizer
from summarizer.embedded import EMBEDDED_MODEL
from summarizer.trust.grounded.candidates import find_candidates
from support.corpus import SHORT, corpus
from support.vcr import CASSETTES, SECRET_HEADERS, cassette_path, make_vcr, model_server, recording

FAKE_KEY = "sk-test-DO-NOT-LEAK-4f9a8b7c6d5e4f3a2b1c"
VCR = make_vcr()


@pytest.fixture
def cassette(request):
    """The cassette named after the running test, in the folder of its area (cassettes/pipeline/)."""
    with VCR.use_cassette(cassette_path(request)) as c:
        yield c


def _body(message) -> dict:
    return json.loads(message.body if hasattr(message, "body") else message["body"]["string"])


def _check_replayed(result, cassette):
    if not recording():
        assert cassette.all_played, "a recorded interaction was not used"
    assert len(cassette.requests) == len(result.attempts) == sum(a.requests for a in result.attempts)
    assert result.usage.total_tokens == sum(_body(r)["usage"]["total_tokens"] for r in cassette.responses)
    first = _body(cassette.requests[0])["messages"]
    for attempt, request in zip(result.attempts, cassette.requests, strict=True):
        messages = _body(request)["messages"]
        if attempt.kind == "reask":  # the answer before it and its findings, and nothing more
            assert "found these problems" in messages[-1]["content"]
            assert messages[:-2] == first and len(messages) == len(first) + 2
        else:
            assert messages == first


def test_embedded_model_run_replays_with_its_re_asks(cassette):
    result = Summarizer(Settings(answer="free-text")).summarize(SHORT)
    _check_replayed(result, cassette)
    assert result.model == EMBEDDED_MODEL and result.base_url is None
    # the tiny model does not get this right, and the checks say so
    assert result.status == "rejected"
    assert result.report.errors
    # the first answer ran out of room and was asked again with twice as much; then two re-asks
    assert [(a.kind, a.outcome) for a in result.attempts] == [
        ("ask", "truncated"), ("more_room", "rejected"), ("reask", "rejected"), ("reask", "rejected")]


def test_async_embedded_model_run_replays(cassette):
    async def go():
        summarizer = Summarizer(Settings(answer="free-text", max_reasks=0))
        try:
            return await summarizer.asummarize(SHORT)
        finally:
            await summarizer.aclose()

    result = asyncio.run(go())
    _check_replayed(result, cassette)
    assert [(a.kind, a.outcome) for a in result.attempts] == [("ask", "truncated"), ("more_room", "rejected")]
    assert result.status == "rejected"


MODEL_PICKS = ("summary", "events", "figures", "labels", "quotes")
"""What the embedded model picks when asked to (by default it is asked for nothing, and code picks it all)."""


def _check_grounded(result, cassette, text):
    """What grounding guarantees, whatever the model picked: every word of the summary is the article's, only
    ids the request offered, and no more than 3,000 tokens for the article."""
    _check_replayed(result, cassette)
    assert result.prompt_version == "grounded/v2" and result.summary is not None
    assert all(q.match == "exact" for q in result.report.quotes)
    assert all(f.match == "exact" for f in result.report.figures)
    assert not {f.code for f in result.report.findings} & {"text.number_not_in_source", "quote.speaker_not_found",
                                                            "event.date_invalid"}
    candidates = find_candidates(text)
    assert {q.text for q in result.summary.quotes} <= {q.text for q in candidates.quotes}
    sentences = {s.text for s in candidates.sentences}
    assert all(e.description in sentences for e in result.summary.events)
    assert all(f.label in {x.text for x in candidates.labels_of(f.id)} for f in result.summary.figures)
    for request in cassette.requests:
        body = _body(request)
        assert body["grammar"].startswith("%llguidance")
        assert len(body["messages"][-1]["content"]) < len(text)  # candidates and the opening, not the article
    assert result.usage.total_tokens <= 3000


def test_grounded_embedded_run_replays(cassette):
    text = corpus("004")
    result = Summarizer(Settings(grounded_picks=MODEL_PICKS)).summarize(text)
    _check_grounded(result, cassette, text)
    assert result.status in ("verified", "flagged")
    assert result.summary.quotes and result.summary.figures and result.summary.events
    # the model wrote ids only: a few tokens
    assert result.usage.completion_tokens <= 150


def test_async_grounded_run_replays(cassette):
    text = corpus("002")

    async def go():
        summarizer = Summarizer(Settings(grounded_picks=MODEL_PICKS, max_reasks=0))
        try:
            return await summarizer.asummarize(text)
        finally:
            await summarizer.aclose()

    result = asyncio.run(go())
    _check_grounded(result, cassette, text)
    assert [a.kind for a in result.attempts] == ["ask"]


@pytest.fixture
def endpoint():
    """Loopback OpenAI-compatible server over the embedded model, started only to record."""
    with model_server() as url:
        yield url


def test_any_openai_compatible_endpoint_replays_and_the_key_is_not_recorded(endpoint, cassette, request):
    settings = Settings(base_url=endpoint, api_key=FAKE_KEY, model=EMBEDDED_MODEL, max_reasks=0, max_tokens=1024)
    result = Summarizer(settings).summarize(SHORT)
    _check_replayed(result, cassette)
    assert result.prompt_version == "summarize/v2"
    # offered the article's candidates before it: its sentences best first, its numbers with their labels
    ask = _body(cassette.requests[0])["messages"][-1]["content"]
    assert ask.index("best first:\ns") < ask.index("12대 = 12 대, exact: 전기버스") < ask.index("Article:\n[테스트일보]")
    assert result.base_url.startswith("http://127.0.0.1")
    assert [(a.kind, a.requests) for a in result.attempts] == [("ask", 1)]
    assert result.model == EMBEDDED_MODEL and result.summary is not None
    if not recording():  # a cassette being recorded is written when the test ends
        text = (CASSETTES / cassette_path(request)).read_text(encoding="utf-8")
        assert FAKE_KEY not in text


def test_grounded_answers_over_an_openai_compatible_endpoint_replay(endpoint, cassette, request):
    """Grounded mode over an endpoint: the ids (sentences, figures, labels, quotations) and names are the schema's
    enums (no grammar field, which only the embedded model gets), an endpoint is asked for every pick, and what
    grounding guarantees holds whatever the model picked. Recorded from the 270M model served on a loopback
    port."""
    text = corpus("004")
    settings = Settings(base_url=endpoint, api_key=FAKE_KEY, model=EMBEDDED_MODEL, answer="grounded", max_reasks=1,
                        max_tokens=1024)
    result = Summarizer(settings).summarize(text)
    _check_replayed(result, cassette)
    assert result.prompt_version == "grounded/v2" and result.summary is not None
    candidates = find_candidates(text)
    offered_figures = {n.id for n in candidates.numbers}
    for req in cassette.requests:
        body = _body(req)
        assert "grammar" not in body
        (tool,) = body["tools"]
        params = tool["function"]["parameters"]
        assert set(params["properties"]) == {"summary", "events", "figures", "quotes"}
        enums = {name: d["enum"] for name, d in params["$defs"].items() if "enum" in d}
        assert {"SentenceId", "FigureId", "LabelId", "QuoteId", "Name"} <= set(enums)
        assert "국가적인 성취에 산업을 대표해 머리숙여 감사드린다" in body["messages"][-1]["content"]  # shown the article
    # by construction: the article's own sentences, quotations and numbers, and only ids the request offered
    assert all(q.match == "exact" for q in result.report.quotes)
    assert all(f.match == "exact" for f in result.report.figures)
    assert {f.id for f in result.summary.figures} <= offered_figures
    assert all(e.description in {s.text for s in candidates.sentences} for e in result.summary.events)
    # a link the schema could not forbid (a figure a part of itself, or of one not picked) is dropped, said so
    assert "figure.part_of_cycle" not in {f.code for f in result.report.findings}
    assert all(f.part_of != f.id for f in result.summary.figures)
    if not recording():
        assert FAKE_KEY not in (CASSETTES / cassette_path(request)).read_text(encoding="utf-8")


def test_no_cassette_holds_an_api_key():
    files = sorted(CASSETTES.rglob("*.yaml"))
    assert len(files) >= 3
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"sk-[A-Za-z0-9_-]{16,}", text), path.name
        assert not re.search(r"(?i)bearer\s+\S", text), path.name
        for header in SECRET_HEADERS:
            assert f"{header}:" not in text.lower(), (path.name, header)
