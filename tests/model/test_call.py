"""One structured call: our retry layer and what each failure means, against scripted endpoints.

Every test puts a real openai client on an httpx2.MockTransport that plays a
script of responses (handwritten fixtures, not recordings), and asserts what
a user would see: the requests made, the waits requested, the final status.
"""

import asyncio

import httpx2
import pytest

from summarizer import Settings, Summarizer
from support.completions import Script, async_client, completion, error, sync_client
from support.corpus import corpus, fixture_summary

A001 = corpus("001")
GOOD = fixture_summary("001").model_dump_json()
KEY = "sk-test-0123456789abcdefXYZ"
SETTINGS = Settings(base_url="http://endpoint.test/v1", api_key=KEY, model="test-model")


def run(script: Script, settings: Settings = SETTINGS, text: str = A001):
    sleeps: list[float] = []
    client = sync_client(script, settings.base_url, KEY)
    result = Summarizer(settings, client=client, sleep=sleeps.append).summarize(text)
    assert not script.steps, "the script was not played to its end"
    return result, sleeps


def test_first_answer_verified():
    result, sleeps = run(Script(completion(GOOD), key=KEY))
    assert result.status == "verified"
    assert [(a.kind, a.outcome, a.requests) for a in result.attempts] == [("ask", "verified", 1)]
    assert result.usage.total_tokens == 1400
    assert (result.model, result.base_url, result.prompt_version) == ("test-model", "http://endpoint.test/v1/",
                                                                       "summarize/v2")
    assert sleeps == []


def test_429_then_200_honours_retry_after():
    result, sleeps = run(Script(error(429, "slow down", headers={"retry-after": "2"}), completion(GOOD), key=KEY))
    assert result.status == "verified"
    assert result.attempts[0].requests == 2
    assert result.attempts[0].waits == [2.0] == sleeps


def test_500_500_200_backs_off_with_jitter():
    result, sleeps = run(Script(error(500), error(502), completion(GOOD), key=KEY))
    assert result.status == "verified"
    assert result.attempts[0].requests == 3
    assert len(sleeps) == 2 and all(0 <= s <= 30 for s in sleeps)
    assert result.attempts[0].waits == sleeps


def test_a_timeout_is_retried():
    result, sleeps = run(Script(httpx2.ReadTimeout("read timed out"), completion(GOOD), key=KEY))
    assert result.status == "verified"
    assert result.attempts[0].requests == 2 and len(sleeps) == 1


def test_transient_faults_outlasting_the_retries_fail_with_the_reason():
    settings = SETTINGS.with_(retry_attempts=3)
    result, sleeps = run(Script(error(503), error(503), error(503), key=KEY), settings)
    assert result.status == "failed" and result.failure_kind == "unavailable"
    assert result.attempts[0].requests == 3 and len(sleeps) == 2
    assert result.attempts[0].waits == sleeps  # the waits taken, not one more worked out after the last try
    assert "try again later" in result.failure


def test_401_fails_fast_with_a_clear_message():
    result, sleeps = run(Script(error(401, "Incorrect API key provided"), key=KEY))
    assert result.status == "failed" and result.failure_kind == "auth"
    assert result.attempts[0].requests == 1 and sleeps == []
    assert "check OPENAI_API_KEY" in result.failure
    assert KEY not in result.model_dump_json()


def test_404_unknown_model_fails_fast():
    result, _ = run(Script(error(404, "The model `test-model` does not exist", "model_not_found"), key=KEY))
    assert result.failure_kind == "model_not_found" and "'test-model'" in result.failure


def test_context_length_exceeded_says_by_how_much():
    message = ("This model's maximum context length is 8192 tokens. However, your messages resulted in "
               "9500 tokens. Please reduce the length of the messages.")
    result, _ = run(Script(error(400, message, "context_length_exceeded"), key=KEY))
    assert result.failure_kind == "context_length"
    assert "too long for the model by 1,308 tokens (limit 8,192)" in result.failure


def test_every_request_is_one_attempt_instructor_does_not_retry_inside_ours():
    # A schema failure is answered by one request, reported as its own attempt.
    script = Script(completion('{"headline": "x", "summary": '), completion(GOOD), key=KEY)
    result, _ = run(script)
    assert [(a.kind, a.outcome, a.requests) for a in result.attempts] == [("ask", "invalid", 1),
                                                                          ("reask", "verified", 1)]
    assert len(script.requests) == sum(a.requests for a in result.attempts) == 2


def test_an_injected_clients_own_retries_are_turned_off():
    script = Script(error(500), completion(GOOD), key=KEY)
    client = sync_client(script, SETTINGS.base_url, KEY, max_retries=5)
    sleeps: list[float] = []
    result = Summarizer(SETTINGS, client=client, sleep=sleeps.append).summarize(A001)
    assert result.attempts[0].requests == 2 and len(sleeps) == 1  # our layer retried, the SDK did not


def test_async_twin_retries_and_verifies():
    script = Script(error(429, headers={"retry-after-ms": "1500"}), completion(GOOD), key=KEY)
    sleeps: list[float] = []

    async def fake_sleep(seconds):
        sleeps.append(seconds)

    async def go():
        client = async_client(script, SETTINGS.base_url, KEY)
        return await Summarizer(SETTINGS, client=client, async_sleep=fake_sleep).asummarize(A001)

    result = asyncio.run(go())
    assert result.status == "verified"
    assert result.attempts[0].waits == [1.5] == sleeps


def test_a_client_of_the_wrong_kind_is_refused():
    client = sync_client(Script(), SETTINGS.base_url, KEY)
    with pytest.raises(TypeError, match="AsyncOpenAI"):
        asyncio.run(Summarizer(SETTINGS, client=client).asummarize(A001))
