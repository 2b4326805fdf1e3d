"""The repair loop and the retry layer, against scripted endpoints.

Every test puts a real openai client on an httpx2.MockTransport that plays a
script of responses (handwritten fixtures, not recordings), and asserts what
a user would see: the attempts made, the waits requested, the final status.
"""

import asyncio
import json

import httpx2
import openai
import pytest

from conftest import corpus, fixture_summary
from summarizer.config import Settings
from summarizer.extract import Summarizer

A001 = corpus("001")
GOOD = fixture_summary("001").model_dump_json()
KEY = "sk-test-0123456789abcdefXYZ"
SETTINGS = Settings(base_url="http://endpoint.test/v1", api_key=KEY, model="test-model")


def completion(arguments: str, finish: str = "tool_calls", prompt: int = 1000, answer: int = 400) -> httpx2.Response:
    return httpx2.Response(200, json={
        "id": "chatcmpl-fixture", "object": "chat.completion", "created": 0, "model": "test-model",
        "choices": [{"index": 0, "finish_reason": finish, "message": {
            "role": "assistant", "content": None,
            "tool_calls": [{"id": "call_1", "type": "function",
                            "function": {"name": "ArticleSummary", "arguments": arguments}}]}}],
        "usage": {"prompt_tokens": prompt, "completion_tokens": answer, "total_tokens": prompt + answer},
    })


def error(status: int, message: str = "boom", code: str | None = None, headers=None) -> httpx2.Response:
    return httpx2.Response(status, headers=headers or {},
                           json={"error": {"message": message, "type": "error", "code": code, "param": None}})


class Script:
    """Answers requests from a list of responses (or exceptions to raise), recording each request."""

    def __init__(self, *steps):
        self.steps = list(steps)
        self.requests: list[dict] = []

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        self.requests.append(json.loads(request.content))
        assert request.headers["authorization"] == f"Bearer {KEY}"
        step = self.steps.pop(0)
        if isinstance(step, Exception):
            raise step
        return step


def run(script: Script, settings: Settings = SETTINGS, text: str = A001):
    sleeps: list[float] = []
    client = openai.OpenAI(base_url=settings.base_url, api_key=KEY,
                           http_client=httpx2.Client(transport=httpx2.MockTransport(script)))
    result = Summarizer(settings, client=client, sleep=sleeps.append).summarize(text)
    assert not script.steps, "the script was not played to its end"
    return result, sleeps


def test_first_answer_verified():
    result, sleeps = run(Script(completion(GOOD)))
    assert result.status == "verified"
    assert [(a.kind, a.outcome, a.requests) for a in result.attempts] == [("ask", "verified", 1)]
    assert result.usage.total_tokens == 1400
    assert (result.model, result.base_url, result.prompt_version) == ("test-model", "http://endpoint.test/v1/",
                                                                       "summarize/v1")
    assert sleeps == []


def test_429_then_200_honours_retry_after():
    result, sleeps = run(Script(error(429, "slow down", headers={"retry-after": "2"}), completion(GOOD)))
    assert result.status == "verified"
    assert result.attempts[0].requests == 2
    assert result.attempts[0].waits == [2.0] == sleeps


def test_500_500_200_backs_off_with_jitter():
    result, sleeps = run(Script(error(500), error(502), completion(GOOD)))
    assert result.status == "verified"
    assert result.attempts[0].requests == 3
    assert len(sleeps) == 2 and all(0 <= s <= 30 for s in sleeps)
    assert result.attempts[0].waits == sleeps


def test_a_timeout_is_retried():
    result, sleeps = run(Script(httpx2.ReadTimeout("read timed out"), completion(GOOD)))
    assert result.status == "verified"
    assert result.attempts[0].requests == 2 and len(sleeps) == 1


def test_transient_faults_outlasting_the_retries_fail_with_the_reason():
    settings = SETTINGS.with_(retry_attempts=3)
    result, sleeps = run(Script(error(503), error(503), error(503)), settings)
    assert result.status == "failed" and result.failure_kind == "unavailable"
    assert result.attempts[0].requests == 3 and len(sleeps) == 2
    assert "try again later" in result.failure


def test_401_fails_fast_with_a_clear_message():
    result, sleeps = run(Script(error(401, "Incorrect API key provided")))
    assert result.status == "failed" and result.failure_kind == "auth"
    assert result.attempts[0].requests == 1 and sleeps == []
    assert "check OPENAI_API_KEY" in result.failure
    assert KEY not in result.model_dump_json()


def test_404_unknown_model_fails_fast():
    result, _ = run(Script(error(404, "The model `test-model` does not exist", "model_not_found")))
    assert result.failure_kind == "model_not_found" and "'test-model'" in result.failure


def test_context_length_exceeded_says_by_how_much():
    message = ("This model's maximum context length is 8192 tokens. However, your messages resulted in "
               "9500 tokens. Please reduce the length of the messages.")
    result, _ = run(Script(error(400, message, "context_length_exceeded")))
    assert result.failure_kind == "context_length"
    assert "too long for the model by 1,308 tokens (limit 8,192)" in result.failure


def test_malformed_json_is_re_asked_by_instructor_once():
    script = Script(completion('{"headline": "x", "summary": '), completion(GOOD))
    result, _ = run(script)
    assert result.status == "verified"
    assert len(script.requests) == 2


def test_malformed_json_twice_fails_with_the_raw_answer():
    result, _ = run(Script(completion('{"headline": '), completion("not json at all")))
    assert result.status == "failed" and result.failure_kind == "invalid_response"
    assert result.last_answer == "not json at all"


def test_truncated_answer_is_asked_again_with_more_room():
    script = Script(completion(GOOD[:200], finish="length"), completion(GOOD))
    result, _ = run(script)
    assert [(a.kind, a.outcome) for a in result.attempts] == [("ask", "truncated"), ("more_room", "verified")]
    first, second = (r["max_tokens"] for r in script.requests)
    assert second == 2 * first
    assert script.requests[0]["messages"] == script.requests[1]["messages"]


def test_truncated_twice_is_reported_as_truncated():
    result, _ = run(Script(completion(GOOD[:100], finish="length"), completion(GOOD[:300], finish="length")))
    assert result.status == "failed" and result.failure_kind == "truncated"
    assert result.last_answer == GOOD[:300]


def _with_quote(text: str) -> str:
    data = json.loads(GOOD)
    data["quotes"][1]["text"] = text
    return json.dumps(data, ensure_ascii=False)


BAD = _with_quote("대한민국의 목표는 아시아태평양 지역의 ‘AI 수도’가 되는 것")


def test_non_verbatim_quote_is_re_asked_with_only_its_findings():
    script = Script(completion(BAD), completion(GOOD))
    result, _ = run(script)
    assert result.status == "verified"
    assert [(a.kind, a.outcome, a.errors) for a in result.attempts] == [("ask", "rejected", 1), ("reask", "verified", 0)]
    ask, reask = script.requests
    assert len(reask["messages"]) == len(ask["messages"]) + 2  # the last answer, then its findings
    assert reask["messages"][: len(ask["messages"])] == ask["messages"]  # same prefix, article last
    findings = reask["messages"][-1]["content"]
    assert "quotes[1].text" in findings and "not in the article word for word" in findings
    assert findings.count("\n- ") == 1  # one finding, one line
    assert result.usage.total_tokens == 2800


def test_re_asks_do_not_grow_the_conversation_and_stop_at_the_limit():
    bad2, bad3 = _with_quote("전혀 다른 말 하나"), _with_quote("전혀 다른 말 둘")
    script = Script(completion(BAD), completion(bad2), completion(bad3))
    result, _ = run(script)
    assert result.status == "rejected"
    assert [a.kind for a in result.attempts] == ["ask", "reask", "reask"]
    assert len(script.requests[1]["messages"]) == len(script.requests[2]["messages"])
    assert script.requests[2]["messages"][-2]["content"] != script.requests[1]["messages"][-2]["content"]


def test_the_same_answer_twice_ends_the_re_asks():
    script = Script(completion(BAD), completion(BAD))
    result, _ = run(script)
    assert [a.kind for a in result.attempts] == ["ask", "reask"]
    assert result.attempts[-1].note == "the same answer as before; not asking again"


def test_a_usable_answer_survives_a_later_failure():
    result, _ = run(Script(completion(BAD), error(401)))
    assert result.status == "rejected"  # the first answer, with its report: not thrown away
    assert result.summary is not None and result.report.errors
    assert [a.outcome for a in result.attempts] == ["rejected", "failed"]


def test_the_best_answer_is_kept_when_re_asking_makes_it_worse():
    worse = json.loads(BAD)
    worse["figures"][0]["value"] = 1
    script = Script(completion(BAD), completion(json.dumps(worse, ensure_ascii=False)),
                    completion(_with_quote("전혀 다른 말")))
    result, _ = run(script)
    assert result.status == "rejected"
    assert len(result.report.errors) == 1


def test_articles_own_totals_mismatch_is_rechecked_once_then_left_as_a_warning():
    answer = fixture_summary("004").model_dump_json()
    script = Script(completion(answer), completion(answer))
    result, _ = run(script, text=corpus("004"))
    assert result.status == "flagged"
    assert [a.kind for a in result.attempts] == ["ask", "reask"]
    assert "Check that part_of links only parts" in script.requests[1]["messages"][-1]["content"]


def test_an_injected_clients_own_retries_are_turned_off():
    script = Script(error(500), completion(GOOD))
    client = openai.OpenAI(base_url=SETTINGS.base_url, api_key=KEY, max_retries=5,
                           http_client=httpx2.Client(transport=httpx2.MockTransport(script)))
    sleeps: list[float] = []
    result = Summarizer(SETTINGS, client=client, sleep=sleeps.append).summarize(A001)
    assert result.attempts[0].requests == 2 and len(sleeps) == 1  # our layer retried, the SDK did not


def test_async_twin_retries_and_verifies():
    script = Script(error(429, headers={"retry-after-ms": "1500"}), completion(GOOD))
    sleeps: list[float] = []

    async def fake_sleep(seconds):
        sleeps.append(seconds)

    async def go():
        client = openai.AsyncOpenAI(base_url=SETTINGS.base_url, api_key=KEY,
                                    http_client=httpx2.AsyncClient(transport=httpx2.MockTransport(script)))
        return await Summarizer(SETTINGS, client=client, async_sleep=fake_sleep).asummarize(A001)

    result = asyncio.run(go())
    assert result.status == "verified"
    assert result.attempts[0].waits == [1.5] == sleeps


def test_a_client_of_the_wrong_kind_is_refused():
    client = openai.OpenAI(base_url=SETTINGS.base_url, api_key=KEY)
    with pytest.raises(TypeError, match="AsyncOpenAI"):
        asyncio.run(Summarizer(SETTINGS, client=client).asummarize(A001))
