"""Hand-written model answers (fixtures, not recordings), in the wire format a real endpoint sends.

Every one is built by ``summarizer.embedded.wire.chat_completion``, the builder
the embedded server answers with, so a fixture cannot drift from that shape.
"""

from __future__ import annotations

import json
from typing import Any

import httpx2

from summarizer.embedded.wire import chat_completion, error_body

FIXTURE_MODEL = "fixture"
"""The model name hand-written answers carry: never the name of a real model."""


def tool_answer(arguments: str, *, finish: str = "stop", prompt: int = 1000, answer: int = 400,
                model: str = FIXTURE_MODEL, tool: str = "ArticleSummary") -> dict[str, Any]:
    """A completion whose answer is a call of the ``tool`` (ArticleSummary unless said) with ``arguments``
    (instructor's TOOLS mode)."""
    return chat_completion(model=model, content=arguments, tool=tool, finish_reason=finish,
                           prompt_tokens=prompt, completion_tokens=answer, id="chatcmpl-fixture")


def completion(arguments: str, finish: str = "stop", prompt: int = 1000, answer: int = 400) -> httpx2.Response:
    """``tool_answer`` as an HTTP 200 response, for an ``httpx2.MockTransport`` handler."""
    return httpx2.Response(200, json=tool_answer(arguments, finish=finish, prompt=prompt, answer=answer))


def error(status: int, message: str = "boom", code: str | None = None, headers: dict[str, str] | None = None):
    """An error response in OpenAI's shape."""
    return httpx2.Response(status, headers=headers or {}, json=error_body(message, "error", code))


class Script:
    """An ``httpx2.MockTransport`` handler that plays responses (or raises exceptions) in order,
    recording each request's JSON body. ``key`` is the API key every request must carry."""

    def __init__(self, *steps: httpx2.Response | Exception, key: str | None = None) -> None:
        self.steps = list(steps)
        self.requests: list[dict[str, Any]] = []
        self.key = key

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        self.requests.append(json.loads(request.content))
        if self.key is not None:
            assert request.headers["authorization"] == f"Bearer {self.key}"
        step = self.steps.pop(0)
        if isinstance(step, Exception):
            raise step
        return step


def sync_client(handler: Any, base_url: str = "http://endpoint.test/v1", key: str = "sk-test", **kw: Any):
    """An ``openai.OpenAI`` whose requests go to ``handler`` (no network)."""
    import openai

    return openai.OpenAI(base_url=base_url, api_key=key,
                         http_client=httpx2.Client(transport=httpx2.MockTransport(handler)), **kw)


def async_client(handler: Any, base_url: str = "http://endpoint.test/v1", key: str = "sk-test", **kw: Any):
    """An ``openai.AsyncOpenAI`` whose requests go to ``handler`` (no network)."""
    import openai

    return openai.AsyncOpenAI(base_url=base_url, api_key=key,
                              http_client=httpx2.AsyncClient(transport=httpx2.MockTransport(handler)), **kw)
