"""Secrets out of everything written or printed, and endpoint faults said plainly (against real loopback sockets)."""

import socket

import pytest

from summarizer import Settings, Summarizer, UsageError
from summarizer.model.redact import redact, safe_url
from support.completions import Script, error, sync_client
from support.corpus import corpus

KEY = "sk-proj-Zx81kLmN0pQrStUvWx"


def test_redact_takes_out_the_key_and_anything_that_looks_like_a_credential():
    text = (f'400: {{"headers": {{"authorization": "Bearer {KEY}", "x-api-key": "{KEY}"}}, '
            '"url": "http://bob:hunter2@proxy.test/v1", "note": "api_key=abc123 token: t0k3n"}')
    assert redact(text, [KEY]) == (
        '400: {"headers": {"authorization": "Bearer [redacted]", "x-api-key": "[redacted]"}, '
        '"url": "http://[redacted]@proxy.test/v1", "note": "api_key=[redacted] token: [redacted]"}')
    assert redact("a custom key my-own-secret-1 echoed", ["my-own-secret-1"]) == "a custom key [redacted] echoed"
    assert redact("max_tokens: 512, total tokens = 9", [None, ""]) == "max_tokens: 512, total tokens = 9"


@pytest.mark.parametrize(("url", "safe"), [
    ("http://bob:hunter2@127.0.0.1:8080/v1", "http://[redacted]@127.0.0.1:8080/v1"),
    ("https://api.test/v1?api-key=abc&deployment=x", "https://api.test/v1?api-key=[redacted]&deployment=x"),
    ("http://localhost:11434/v1", "http://localhost:11434/v1"),
    (None, None),
])
def test_safe_url(url, safe):
    assert safe_url(url) == safe


def test_settings_with_credentials_in_the_url_are_refused_without_showing_them():
    with pytest.raises(UsageError) as refused:
        Settings(base_url="http://bob:hunter2@h.test/v1", api_key=KEY, model="m")
    assert "hunter2" not in str(refused.value) and "http://[redacted]@h.test/v1" in str(refused.value)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_refused_connection_is_said_so_with_where_not_as_a_timeout():
    port = _closed_port()
    settings = Settings(base_url=f"http://127.0.0.1:{port}/v1", api_key=KEY, model="m", retry_attempts=2)
    result = Summarizer(settings, sleep=lambda s: None).summarize(corpus("001"))
    assert (result.status, result.failure_kind) == ("failed", "unavailable")
    assert result.failure == (f"the endpoint kept failing: nothing is listening at http://127.0.0.1:{port}/v1/chat/"
                              "completions (connection refused); start the server or check --base-url")
    assert result.attempts[0].requests == 2


def test_an_error_body_echoing_the_key_is_redacted_in_the_result():
    script = Script(error(400, f"invalid request; headers were Authorization: Bearer {KEY}"), key=KEY)
    settings = Settings(base_url="http://endpoint.test/v1", api_key=KEY, model="m")
    result = Summarizer(settings, client=sync_client(script, settings.base_url, KEY)).summarize(corpus("001"))
    assert result.failure_kind == "bad_request" and "Bearer [redacted]" in result.failure
    assert KEY not in result.model_dump_json()
