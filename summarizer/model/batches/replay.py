"""Requests built, and answers read, exactly as the online path builds and reads them.

The online path is ``call.Provider``: instructor renders the request (the tool or schema, the mode's fields), the
openai SDK sends it, and the answer is parsed, cut off, refused or invalid, or an error classified. ``Replay``
runs that same code over an ``httpx2.MockTransport``: to build a request line it captures the body the SDK
sends; to read an output line it answers with the status and body the batch gave. Nothing is re-implemented, so
a batch line cannot drift from an online request, nor a batch answer's reading from an online one's.
"""

from __future__ import annotations

import json
from typing import Any

import httpx2
import openai

from ...embedded.wire import error_body
from ..call import Answer, Provider, Shape
from ..failures import Failure
from ..settings import Settings
from .lines import ENDPOINT, Output

__all__ = ["REPLAY_URL", "Replay"]

REPLAY_URL = "http://replay.invalid/v1"
"""Where the replaying client "sends" its requests: nowhere (``.invalid`` is never a host); the transport is ours."""

_CAPTURED = 499
"""The status a captured request is answered with: a client error, so that the Provider neither retries nor
parses it (and, like every status it could be mistaken for, one no endpoint answers here)."""


class Replay:
    """The online path's request building and answer reading, for one model's settings; one thread at a time."""

    def __init__(self, settings: Settings) -> None:
        # One try: a batch line that failed transiently is sent again in the next batch, not retried here.
        self._respond: Any = None
        self._captured: dict[str, Any] | None = None
        self._client = openai.OpenAI(base_url=REPLAY_URL, api_key="replay", max_retries=0,
                                     http_client=httpx2.Client(transport=httpx2.MockTransport(self._handle)))
        self._provider = Provider(settings.with_(retry_attempts=1), self._client, sleep=lambda _: None)

    def _handle(self, request: httpx2.Request) -> httpx2.Response:
        if request.method != "POST" or not request.url.path.endswith(ENDPOINT.removeprefix("/v1")):
            raise AssertionError(f"the online path sent {request.method} {request.url.path}, not a chat completion")
        if self._respond is None:
            self._captured = json.loads(request.content)
            return httpx2.Response(_CAPTURED, json=error_body("captured for a batch file"))
        status, body = self._respond
        return httpx2.Response(status, json=body)

    def body(self, messages: list[dict[str, Any]], max_tokens: int, shape: Shape) -> dict[str, Any]:
        """The JSON body the online path would POST to /v1/chat/completions for this ask."""
        self._respond, self._captured = None, None
        self._provider.ask(messages, max_tokens, shape)
        assert self._captured is not None, "the online path sent no request"
        return self._captured

    def answer(self, messages: list[dict[str, Any]], max_tokens: int, shape: Shape, line: Output
               ) -> Answer | Failure:
        """What the online path makes of ``line``'s response to this ask: an answer (usable, cut off, invalid),
        or the failure its error amounts to."""
        self._respond = line.http()
        try:
            return self._provider.ask(messages, max_tokens, shape)
        finally:
            self._respond = None

    def close(self) -> None:
        self._client.close()
