"""An OpenAI-compatible chat-completions endpoint over the embedded model.

It is served in-process: ``local_http_client()`` returns an ``httpx2.Client``
whose transport is this app (WSGI; ASGI for the async client). The openai
SDK, instructor, retries, timeouts and vcrpy all see ordinary HTTP requests
and responses, so the embedded model takes exactly the code path a real
endpoint takes, and cassettes can be recorded from it. There is no port to
find, no process to start, wait for or clean up after a Ctrl-C.

Supported: ``POST /v1/chat/completions`` with ``messages``, ``max_tokens`` or
``max_completion_tokens``, and structured output through either ``tools``
with a forced ``tool_choice`` (instructor's TOOLS mode) or ``response_format``
``json_schema`` / ``json_object``; ``GET /v1/models``. Decoding is greedy, so
``temperature`` is accepted and ignored. Errors come back in OpenAI's shape
(404 for an unknown model, 400 ``context_length_exceeded``).
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable
from typing import Any, Literal

from .engine import ContextOverflow, LocalEngine
from .wire import chat_completion, error_body

__all__ = ["EMBEDDED_BASE_URL", "EMBEDDED_MODEL", "LocalServer", "local_async_http_client", "local_http_client"]

EMBEDDED_MODEL = "gemma-3-270m-q4_k_m"
EMBEDDED_BASE_URL = "http://embedded.local/v1"
DEFAULT_MAX_TOKENS = 1024

Template = Literal["completion", "chat"]


class HTTPError(Exception):
    def __init__(self, status: int, message: str, type_: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.type, self.code = status, message, type_, code


MAX_STRING = 300
"""Longest string the grammar lets the embedded model write."""
MAX_ITEMS = 10
"""Most items the grammar lets it put in one list."""


def for_grammar(schema: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``schema`` fit for constrained decoding with a small model.

    Every object property becomes required, so the model writes every field
    (an empty list or a null where it has nothing) instead of closing early;
    strings and lists get an upper bound, so a model caught in a loop (it was
    seen counting "1", "2", "3"... for hundreds of tokens) finishes the JSON
    instead of running to max_tokens. Numbers are bounded by the grammar itself.
    """

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(v) for v in node]
        if not isinstance(node, dict):
            return node
        node = {k: walk(v) for k, v in node.items()}
        kind = node.get("type")
        if kind == "object" and "properties" in node:
            node["required"] = list(node["properties"])
        elif kind == "string":
            node.setdefault("maxLength", MAX_STRING)
        elif kind == "array":
            node.setdefault("maxItems", MAX_ITEMS)
        return node

    return walk(schema)


def render_prompt(messages: list[dict[str, Any]], template: Template) -> str:
    """Messages as a prompt for the model.

    ``chat`` uses Gemma's turn markers; ``completion`` lays the conversation
    out as a document with headed sections, which a base model (trained to
    continue documents, not to chat) follows more readily.
    """
    parts: list[str] = []
    if template == "chat":
        system = "\n\n".join(_text(m) for m in messages if m.get("role") in ("system", "developer"))
        first = True
        for m in messages:
            role = m.get("role")
            if role in ("system", "developer"):
                continue
            text = _text(m)
            if role == "user":
                if first and system:
                    text = f"{system}\n\n{text}"
                parts.append(f"<start_of_turn>user\n{text}<end_of_turn>\n")
            else:
                parts.append(f"<start_of_turn>model\n{text}<end_of_turn>\n")
            first = False
        parts.append("<start_of_turn>model\n")
        return "".join(parts)
    for m in messages:
        role = m.get("role")
        text = _text(m)
        if role in ("system", "developer"):
            parts.append(f"{text}\n\n")
        elif role == "user":
            parts.append(f"### Input\n{text}\n\n")
        else:
            parts.append(f"### Output\n{text}\n\n")
    parts.append("### Output\n")
    return "".join(parts)


def _text(message: dict[str, Any]) -> str:
    content = message.get("content")
    if isinstance(content, list):
        content = "".join(p.get("text", "") for p in content if isinstance(p, dict))
    if not content and message.get("tool_calls"):
        content = "".join(c["function"]["arguments"] for c in message["tool_calls"])
    return str(content or "")


class LocalServer:
    """The OpenAI-compatible app. The model loads on the first request."""

    def __init__(
        self,
        engine_factory: Callable[[], LocalEngine] = LocalEngine,
        *,
        model: str = EMBEDDED_MODEL,
        template: Template = "chat",
    ) -> None:
        self._factory = engine_factory
        self._engine: LocalEngine | None = None
        self._load = threading.Lock()
        self.model = model
        self.template = template
        self._served = 0

    @property
    def engine(self) -> LocalEngine:
        with self._load:
            if self._engine is None:
                self._engine = self._factory()
            return self._engine

    # --- the app -----------------------------------------------------------

    def handle(self, method: str, path: str, body: bytes) -> tuple[int, bytes]:
        try:
            if method == "GET" and path.rstrip("/").endswith("/models"):
                return 200, _json({"object": "list", "data": [{"id": self.model, "object": "model", "owned_by": "local"}]})
            if method == "POST" and path.rstrip("/").endswith("/chat/completions"):
                return 200, _json(self._chat(_parse(body)))
            raise HTTPError(404, f"no route for {method} {path}", "invalid_request_error", "not_found")
        except HTTPError as e:
            return e.status, _json(error_body(e.message, e.type, e.code))

    def _chat(self, req: dict[str, Any]) -> dict[str, Any]:
        model = req.get("model") or self.model
        if model != self.model:
            raise HTTPError(404, f"The model `{model}` does not exist; the embedded model is `{self.model}`.",
                            "invalid_request_error", "model_not_found")
        messages = req.get("messages")
        if not isinstance(messages, list) or not messages:
            raise HTTPError(400, "`messages` must be a non-empty list", "invalid_request_error", "invalid_value")
        schema, tool = self._structure(req)
        max_tokens = int(req.get("max_completion_tokens") or req.get("max_tokens") or DEFAULT_MAX_TOKENS)
        prompt = render_prompt(messages, self.template)
        try:
            gen = self.engine.generate(prompt, schema=schema, max_tokens=max_tokens,
                                       json_output=schema is not None or tool is not None or _wants_json(req))
        except ContextOverflow as e:
            raise HTTPError(
                400,
                f"This model's maximum context length is {e.limit} tokens. However, you requested {e.needed} tokens "
                f"({e.needed - max_tokens} in the messages, {max_tokens} in the completion). "
                "Please reduce the length of the messages or completion.",
                "invalid_request_error", "context_length_exceeded",
            ) from None
        self._served += 1
        return chat_completion(model=self.model, content=gen.text, tool=tool, finish_reason=gen.finish_reason,
                               prompt_tokens=gen.prompt_tokens, completion_tokens=gen.completion_tokens,
                               id=f"chatcmpl-local-{self._served}")

    @staticmethod
    def _structure(req: dict[str, Any]) -> tuple[dict[str, Any] | None, str | None]:
        """The JSON schema the answer must follow, and the tool it is for, if any."""
        tools = req.get("tools") or []
        choice = req.get("tool_choice")
        if tools and isinstance(choice, dict):
            name = choice.get("function", {}).get("name")
            for t in tools:
                fn = t.get("function", {})
                if fn.get("name") == name:
                    return for_grammar(fn.get("parameters") or {}), name
            raise HTTPError(400, f"tool_choice names `{name}`, which is not among the tools", "invalid_request_error")
        fmt = req.get("response_format") or {}
        if fmt.get("type") == "json_schema":
            return for_grammar(fmt.get("json_schema", {}).get("schema") or {}), None
        return None, None

    # --- adapters ----------------------------------------------------------

    def wsgi(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        status, payload = self.handle(environ["REQUEST_METHOD"], environ.get("PATH_INFO", ""), body)
        start_response(f"{status} {'OK' if status == 200 else 'Error'}",
                       [("Content-Type", "application/json"), ("Content-Length", str(len(payload)))])
        return [payload]

    async def asgi(self, scope: dict[str, Any], receive: Callable[..., Any], send: Callable[..., Any]) -> None:
        if scope["type"] != "http":
            return
        body = b""
        while True:
            event = await receive()
            body += event.get("body", b"")
            if not event.get("more_body"):
                break
        # llama.cpp blocks: run it off the event loop.
        status, payload = await asyncio.to_thread(self.handle, scope["method"], scope["path"], body)
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]})
        await send({"type": "http.response.body", "body": payload})


def _wants_json(req: dict[str, Any]) -> bool:
    return (req.get("response_format") or {}).get("type") == "json_object"


def _parse(body: bytes) -> dict[str, Any]:
    try:
        data = json.loads(body or b"null")
    except ValueError:
        raise HTTPError(400, "the request body is not valid JSON", "invalid_request_error") from None
    if not isinstance(data, dict):
        raise HTTPError(400, "the request body must be a JSON object", "invalid_request_error")
    return data


def _json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


_SHARED: LocalServer | None = None
_SHARED_LOCK = threading.Lock()


def shared_server() -> LocalServer:
    """One server (and so one loaded model) per process."""
    global _SHARED
    with _SHARED_LOCK:
        if _SHARED is None:
            _SHARED = LocalServer()
        return _SHARED


def local_http_client(server: LocalServer | None = None, *, timeout: float = 600.0):
    import httpx2

    app = server or shared_server()
    return httpx2.Client(transport=httpx2.WSGITransport(app=app.wsgi), base_url=EMBEDDED_BASE_URL, timeout=timeout)


def local_async_http_client(server: LocalServer | None = None, *, timeout: float = 600.0):
    import httpx2

    app = server or shared_server()
    return httpx2.AsyncClient(transport=httpx2.ASGITransport(app=app.asgi), base_url=EMBEDDED_BASE_URL, timeout=timeout)
