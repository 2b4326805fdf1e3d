"""Request lines answered now, online (``summarizer run --batch-api --reask-online``).

Each line's body is POSTed to the endpoint as it is, and what came back is written as the output line a batch
would have given (``lines.output_line``): it is then read, kept and resumed exactly as a batch's answers are. A
fault is an output line too, so a transient one goes out again with the next requests, as a batch's failed
line does, and a lasting one is the answer the online path would have made of it. (The key is taken out of
every line where it is kept: ``lines.scrub``.)
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import openai

from ..client import make_client
from ..settings import Settings
from .lines import output_line

__all__ = ["send_now"]


def send_now(settings: Settings, requests: Sequence[tuple[str, dict[str, Any]]], *, concurrency: int,
             client: openai.OpenAI | None = None) -> list[bytes]:
    """An output line for each (custom_id, body) of ``requests``, ``concurrency`` of them in flight at once."""
    http = make_client(settings, is_async=False, client=client)

    def one(request: tuple[str, dict[str, Any]]) -> bytes:
        custom_id, body = request
        try:
            data = http.post("/chat/completions", body=body, cast_to=bytes)
        except openai.APIStatusError as e:
            try:
                answer = e.response.json()
            except ValueError:
                answer = None
            return output_line(custom_id, e.status_code, answer, {"code": None, "message": str(e)})
        except openai.APIError as e:  # no answer at all: a timeout, a dropped connection
            return output_line(custom_id, None, None, {"code": type(e).__name__, "message": str(e)})
        try:
            return output_line(custom_id, 200, json.loads(data))
        except ValueError:
            return output_line(custom_id, 200, None, {"code": "not_json", "message": "the answer was not JSON"})

    try:
        with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
            return list(pool.map(one, requests))
    finally:
        if client is None:
            http.close()
