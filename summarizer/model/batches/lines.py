"""The batch file format: request lines out, output lines in (OpenAI's Batch API, vLLM's ``run-batch``).

A request line is ``{"custom_id", "method": "POST", "url": "/v1/chat/completions", "body"}``, the body being
the request the online path would send. An output line is
``{"id", "custom_id", "response": {"status_code", "request_id", "body"} | null, "error": ... | null}``:
OpenAI writes the 200s to a batch's output file and the rest to its error file (a request a batch never ran:
``response`` null, ``error.code`` ``batch_expired`` or ``batch_cancelled``); vLLM writes both to one file, an
error's ``body`` null and its ``error`` a string or an error object. Answers are joined on ``custom_id``, never
on line order.

OpenAI takes at most 50,000 requests and 200 MB a file (``run.batch_api`` keeps to both); vLLM reads any size.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ...embedded.wire import error_body
from ..redact import REDACTED, redact

__all__ = ["ENDPOINT", "MAX_BYTES", "MAX_REQUESTS", "OFFLINE_BASE_URL", "Output", "output_line", "request_line",
           "scrub"]

ENDPOINT = "/v1/chat/completions"
OFFLINE_BASE_URL = "offline://run-batch"
"""The ``base_url`` results record when the answers came from a batch file run elsewhere (vllm run-batch), and no
endpoint was named."""
MAX_REQUESTS = 50_000
"""Requests one batch file may hold (OpenAI's documented limit)."""
MAX_BYTES = 200_000_000
"""Bytes one batch file may hold: OpenAI's documented 200 MB, read as decimal megabytes (the smaller reading)."""

_TRANSIENT = frozenset({408, 409, 429})


def request_line(custom_id: str, body: dict[str, Any]) -> bytes:
    """One line of a batch input file, newline included."""
    line = {"custom_id": custom_id, "method": "POST", "url": ENDPOINT, "body": body}
    return json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def output_line(custom_id: str, status: int | None, body: Any, error: Any = None) -> bytes:
    """One line of a batch output file in OpenAI's shape (what ``Output.parse`` reads back)."""
    response = None if status is None else {"status_code": status, "request_id": None, "body": body}
    line = {"id": None, "custom_id": custom_id, "response": response, "error": error}
    return json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def scrub(line: bytes, secrets: Iterable[str | None], *, answer: bool) -> bytes:
    """An output line with the key taken out, before it is kept: an error body can echo the request's headers.
    An ``answer`` (a 200) loses only the key itself, never words of the model's; an error's line anything that
    looks like a credential too (``redact``)."""
    text = line.decode("utf-8")
    if answer:
        cleaned = text
        for secret in secrets:
            if secret and len(secret) >= 4:
                cleaned = cleaned.replace(secret, REDACTED)
    else:
        cleaned = redact(text, secrets)
    return line if cleaned == text else cleaned.encode("utf-8")


def _message(error: Any) -> str | None:
    """The words of an output line's ``error``: OpenAI's ``{code, message}``, vLLM's string or error response."""
    if error is None or isinstance(error, str):
        return error
    if isinstance(error, dict):
        inner = error.get("error") if isinstance(error.get("error"), dict) else error
        return str(inner.get("message") or inner.get("code") or json.dumps(error, ensure_ascii=False))
    return str(error)


@dataclass(frozen=True)
class Output:
    """One output line, read: the HTTP status and body the request got, or the error that kept it from running."""

    custom_id: str
    status: int | None
    """``response.status_code``; None when the request never ran (an expired or cancelled batch)."""
    body: Any
    code: str | None = None
    """``error.code`` (``batch_expired``, ``batch_cancelled``...)."""
    message: str | None = None

    @classmethod
    def parse(cls, raw: bytes | str) -> Output:
        """An output line read; a ValueError that says what is wrong with one that is not."""
        try:
            data = json.loads(raw)
        except ValueError as e:
            raise ValueError(f"not JSON ({e.msg})") from None
        if not isinstance(data, dict) or not isinstance(data.get("custom_id"), str):
            raise ValueError('no "custom_id" string: not an output line of a batch')
        response, error = data.get("response"), data.get("error")
        if response is not None and not (isinstance(response, dict) and isinstance(response.get("status_code"), int)):
            raise ValueError('its "response" has no "status_code"')
        code = error.get("code") if isinstance(error, dict) and isinstance(error.get("code"), str) else None
        if response is None:
            return cls(data["custom_id"], None, None, code, _message(error))
        return cls(data["custom_id"], response["status_code"], response.get("body"), code, _message(error))

    @property
    def final(self) -> bool:
        """Whether this is the request's answer: a 200 with a body, or an error that sending again will not heal.
        A 408, 409, 429 or 5xx, or a request that never ran, is not: it goes out again."""
        if self.status is None:
            return False
        if self.status == 200:
            return isinstance(self.body, dict)
        return self.status not in _TRANSIENT and self.status < 500

    def http(self) -> tuple[int, Any]:
        """The HTTP status and JSON body to replay (an error's body made from its message when the line has none,
        as vLLM's have)."""
        assert self.status is not None
        body = self.body
        if self.status != 200 and not isinstance(body, dict):
            body = error_body(self.message or f"the batch answered {self.status}", "batch_error", self.code)
        return self.status, body

    def reason(self) -> str:
        """Why this line is no answer, in words."""
        if self.status is None:
            return f"{self.code or 'error'}: {self.message or 'the request did not run'}"
        return f"{self.status}: {self.message or 'no answer'}"
