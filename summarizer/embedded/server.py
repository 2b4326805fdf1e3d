"""An OpenAI-compatible chat-completions endpoint over the embedded model.

It is served in-process: ``local_http_client()`` returns an ``httpx2.Client``
whose transport is this app (WSGI; ASGI for the async client). The openai
SDK, instructor, retries, timeouts and vcrpy all see ordinary HTTP requests
and responses, so the embedded model takes exactly the code path a real
endpoint takes, and cassettes can be recorded from it. There is no port to
find, no process to start, wait for or clean up after a Ctrl-C.

``POST /v1/chat/completions`` takes ``messages``, ``max_tokens`` or
``max_completion_tokens``, and a constraint on the answer:

- ``tools`` with a forced ``tool_choice`` (instructor's TOOLS mode): the
  answer is the tool's arguments, decoded under its parameters' schema and
  returned as ``tool_calls``;
- ``response_format`` ``json_schema`` (decoded under the schema) or
  ``json_object`` (any JSON object);
- ``grammar`` (an extension, as llama.cpp's own server has; the openai SDK
  sends it with ``extra_body``): an llguidance grammar (``%llguidance``
  header, Lark syntax, ``%json`` for embedded JSON Schemas) or GBNF. It is
  checked before use (a 400 says what is wrong) and takes precedence over a
  schema; a forced tool's answer is still returned as ``tool_calls``.

Schemas are bounded first (``grammar.for_grammar``) and decoded as compact
JSON. Decoding is greedy: ``temperature`` and ``top_p`` are accepted and
ignored. ``GET /v1/models`` lists the model. Errors come back in OpenAI's
shape: 404 for an unknown model or route, 400 for a bad request, a bad
grammar or ``context_length_exceeded``, 503 while the model shuts down.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from .engine import Cancelled, ContextOverflow, EngineError, Generation, LocalEngine
from .grammar import JSON_OBJECT_GRAMMAR, MAX_ITEMS, MAX_STRING, GrammarError, checked, for_grammar, json_grammar
from .prompt import Template, render_prompt
from .wire import chat_completion, error_body

__all__ = ["EMBEDDED_BASE_URL", "EMBEDDED_MODEL", "MAX_ITEMS", "MAX_STRING", "Engine", "LocalServer", "for_grammar",
           "local_async_http_client", "local_http_client", "render_prompt", "shared_server"]

EMBEDDED_MODEL = "gemma-3-270m-q4_k_m"
EMBEDDED_BASE_URL = "http://embedded.local/v1"
DEFAULT_MAX_TOKENS = 1024


class Engine(Protocol):
    """What the server needs of a model (``LocalEngine``; a script in tests)."""

    def generate(self, prompt: str, *, max_tokens: int, grammar: str | None = None,
                 cancel: threading.Event | None = None) -> Generation: ...


class HTTPError(Exception):
    def __init__(self, status: int, message: str, type_: str = "invalid_request_error", code: str | None = None,
                 param: str | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.type, self.code, self.param = status, message, type_, code, param


@dataclass(frozen=True, slots=True)
class _Ask:
    """One chat request, read and checked: what to generate and how to answer."""

    prompt: str
    max_tokens: int
    grammar: str | None
    tool: str | None


class LocalServer:
    """The OpenAI-compatible app. The model loads on the first request."""

    def __init__(
        self,
        engine_factory: Callable[[], Engine] = LocalEngine,
        *,
        model: str = EMBEDDED_MODEL,
        template: Template = "chat",
    ) -> None:
        self._factory = engine_factory
        self._engine: Engine | None = None
        self._load = threading.Lock()
        self._count = threading.Lock()
        self.model = model
        self.template = template
        self._served = 0

    @property
    def engine(self) -> Engine:
        with self._load:
            if self._engine is None:
                self._engine = self._factory()
            return self._engine

    # --- the app -----------------------------------------------------------

    def handle(self, method: str, path: str, body: bytes, cancel: threading.Event | None = None) -> tuple[int, bytes]:
        """One HTTP request: its status and JSON body. ``cancel`` stops a generation early."""
        try:
            route = path.rstrip("/")
            if method == "GET" and route.endswith("/models"):
                return 200, _json({"object": "list", "data": [{"id": self.model, "object": "model", "owned_by": "local"}]})
            if method == "POST" and route.endswith("/chat/completions"):
                return 200, _json(self._chat(_parse(body), cancel))
            raise HTTPError(404, f"no route for {method} {path}", code="not_found")
        except HTTPError as e:
            return e.status, _json(_error(e))

    def _chat(self, req: dict[str, Any], cancel: threading.Event | None) -> dict[str, Any]:
        ask = self._read(req)
        try:
            gen = self.engine.generate(ask.prompt, max_tokens=ask.max_tokens, grammar=ask.grammar, cancel=cancel)
        except ContextOverflow as e:
            raise HTTPError(
                400,
                f"This model's maximum context length is {e.limit} tokens. However, you requested {e.needed} tokens "
                f"({e.needed - ask.max_tokens} in the messages, {ask.max_tokens} in the completion). "
                "Please reduce the length of the messages or completion.",
                code="context_length_exceeded", param="messages",
            ) from None
        except EngineError as e:
            raise HTTPError(e.status, e.message, "invalid_request_error" if e.status < 500 else "server_error") from None
        except Cancelled as e:
            raise HTTPError(503, f"{e}; send the request again", "server_error", "cancelled") from None
        with self._count:
            self._served += 1
            served = self._served
        return chat_completion(model=self.model, content=gen.text, tool=ask.tool, finish_reason=gen.finish_reason,
                               prompt_tokens=gen.prompt_tokens, completion_tokens=gen.completion_tokens,
                               id=f"chatcmpl-local-{served}")

    def _read(self, req: dict[str, Any]) -> _Ask:
        model = req.get("model") or self.model
        if model != self.model:
            raise HTTPError(404, f"The model `{model}` does not exist; the embedded model is `{self.model}`.",
                            code="model_not_found", param="model")
        messages = req.get("messages")
        if not isinstance(messages, list) or not messages or not all(isinstance(m, dict) for m in messages):
            raise HTTPError(400, "`messages` must be a non-empty list of messages", code="invalid_value",
                            param="messages")
        if req.get("stream"):
            raise HTTPError(400, "the embedded model does not stream; send the request without `stream`",
                            code="unsupported_value", param="stream")
        if req.get("n", 1) != 1:
            raise HTTPError(400, "the embedded model gives one answer per request; leave `n` at 1",
                            code="unsupported_value", param="n")
        max_tokens = next((req[k] for k in ("max_completion_tokens", "max_tokens") if req.get(k) is not None),
                          DEFAULT_MAX_TOKENS)
        if not isinstance(max_tokens, int) or isinstance(max_tokens, bool) or max_tokens < 1:
            raise HTTPError(400, f"`max_tokens` must be a whole number of tokens, 1 or more (got {max_tokens!r})",
                            code="invalid_value", param="max_tokens")
        grammar, tool = _constraint(req)
        return _Ask(render_prompt(messages, self.template), max_tokens, grammar, tool)

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
        # llama.cpp blocks: run it off the event loop, and stop it if this task is cancelled.
        cancel = threading.Event()
        try:
            status, payload = await asyncio.to_thread(self.handle, scope["method"], scope["path"], body, cancel)
        except BaseException:
            cancel.set()
            raise
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]})
        await send({"type": "http.response.body", "body": payload})


def _constraint(req: dict[str, Any]) -> tuple[str | None, str | None]:
    """The grammar the answer must follow (None: free text), and the tool it is for, if any."""
    grammar: str | None = None
    tool = _forced_tool(req)
    if tool is not None:
        name, parameters = tool
        grammar = _schema_grammar(parameters, "tools")
    else:
        fmt = req.get("response_format") or {"type": "text"}
        kind = fmt.get("type") if isinstance(fmt, dict) else None
        if kind == "json_schema":
            schema = (fmt.get("json_schema") or {}).get("schema")
            if not isinstance(schema, dict):
                raise HTTPError(400, "`response_format.json_schema.schema` must be a JSON Schema object",
                                param="response_format")
            grammar = _schema_grammar(schema, "response_format")
        elif kind == "json_object":
            grammar = JSON_OBJECT_GRAMMAR
        elif kind != "text":
            raise HTTPError(400, f"unknown response_format type {kind!r}; use text, json_object or json_schema",
                            param="response_format")
    extra = req.get("grammar")
    if extra is not None:
        if not isinstance(extra, str) or not extra.strip():
            raise HTTPError(400, "`grammar` must be a non-empty grammar text (%llguidance Lark, or GBNF)",
                            param="grammar")
        grammar = _checked(extra, "grammar")
    return grammar, (tool[0] if tool else None)


def _forced_tool(req: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """The tool a request makes the model call, with its parameters' schema."""
    tools = [t.get("function") or {} for t in req.get("tools") or [] if isinstance(t, dict)]
    choice = req.get("tool_choice")
    if not tools or choice in (None, "none", "auto"):
        return None  # the model answers in text (it may always choose not to call a tool)
    if choice == "required":
        if len(tools) != 1:
            raise HTTPError(400, "with several tools, name the one to call in `tool_choice`", param="tool_choice")
        name = tools[0].get("name")
    elif isinstance(choice, dict):
        name = (choice.get("function") or {}).get("name")
    else:
        raise HTTPError(400, f"unknown tool_choice {choice!r}", param="tool_choice")
    for fn in tools:
        if fn.get("name") == name:
            return name, fn.get("parameters") or {"type": "object", "properties": {}}
    raise HTTPError(400, f"tool_choice names `{name}`, which is not among the tools", param="tool_choice")


def _schema_grammar(schema: dict[str, Any], param: str) -> str:
    return _checked(json_grammar(for_grammar(schema)), param)


def _checked(grammar: str, param: str) -> str:
    try:
        return checked(grammar)
    except GrammarError as e:
        what = "grammar" if param == "grammar" else "schema"
        raise HTTPError(400, f"the {what} cannot be used for constrained decoding: {e}", code="invalid_grammar",
                        param=param) from None


def _parse(body: bytes) -> dict[str, Any]:
    try:
        data = json.loads(body or b"null")
    except ValueError:
        raise HTTPError(400, "the request body is not valid JSON") from None
    if not isinstance(data, dict):
        raise HTTPError(400, "the request body must be a JSON object")
    return data


def _error(e: HTTPError) -> dict[str, Any]:
    body = error_body(e.message, e.type, e.code)
    body["error"]["param"] = e.param
    return body


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
