"""OpenAI-compatible servers on loopback: one that answers with hand-checked fixtures, one that misbehaves.

``Endpoint`` is our own app (summarizer.embedded.LocalServer) over a scripted
engine, so the HTTP path is real while the answers are fixtures, not a
model's: it calls its model "fixture", never the embedded model's name.
``Misbehaving`` answers every request as a test's function says (401s, 404s,
error bodies that echo the request's headers, headers such as Retry-After...),
and keeps what it was sent. ``Raw`` writes its answers byte by byte as a test
says: headers or a body dripped slowly, a gzip body that inflates far past
what it sent.
"""

from __future__ import annotations

import gzip
import json
import re
import socketserver
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server
from socketserver import ThreadingMixIn

from summarizer.embedded import LocalServer
from summarizer.embedded.engine import Generation

from .completions import FIXTURE_MODEL
from .corpus import fixture_summary

ENDPOINT_KEY = "sk-test-never-written-0123456789"
"""The key the loopback endpoint is called with; a test checks it is never written."""

_MARK = re.compile(r"기사 번호 (\d+)")


class FixtureEngine:
    """Answers the 001 fixture for 주간동아 articles and the 004 one otherwise, after ``delay`` seconds;
    or, given ``answers``, the JSON text it returns for the article."""

    def __init__(self, delay: float = 0.0, answers: Callable[[str], str] | None = None) -> None:
        self.delay = delay
        self.answers = answers
        self.seen: list[str] = []
        self._lock = threading.Lock()

    def generate(self, prompt, *, max_tokens, grammar=None, cancel=None):
        article = prompt.rsplit("Article:", 1)[-1]
        mark = _MARK.search(article)
        with self._lock:
            self.seen.append(mark[1] if mark else "?")
        time.sleep(self.delay)
        if self.answers is not None:
            return Generation(self.answers(article), "stop", 100, 50)
        n = "001" if "주간동아" in article else "004"
        return Generation(fixture_summary(n).model_dump_json(), "stop", 100, 50)


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class _Threading(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _Loopback:
    """A server on 127.0.0.1 (``self.server``), served by a daemon thread while in a ``with``."""

    server: Any
    thread: threading.Thread

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


class Endpoint(_Loopback):
    def __init__(self, engine: FixtureEngine) -> None:
        self.engine = engine
        app = LocalServer(lambda: engine, model=FIXTURE_MODEL)
        # A threading server takes several requests at once, as a real one does.
        self.server = make_server("127.0.0.1", 0, app.wsgi, server_class=_Threading, handler_class=_Quiet)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)


Respond = Callable[[dict[str, str], dict[str, Any]],
                   tuple[int, dict[str, Any]] | tuple[int, dict[str, Any], dict[str, str]]]
"""(request headers, request JSON body) -> (HTTP status, response JSON body[, response headers])."""


class Misbehaving(_Loopback):
    """A loopback server that answers each request as ``respond`` says, keeping every request's headers."""

    def __init__(self, respond: Respond) -> None:
        self.respond = respond
        self.requests: list[dict[str, str]] = []
        self._lock = threading.Lock()
        self.server = make_server("127.0.0.1", 0, self._app, server_class=_Threading, handler_class=_Quiet)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def _app(self, environ, start_response):
        size = int(environ.get("CONTENT_LENGTH") or 0)
        body = json.loads(environ["wsgi.input"].read(size) or b"{}")
        headers = {k[5:].replace("_", "-").lower(): v for k, v in environ.items() if k.startswith("HTTP_")}
        with self._lock:
            self.requests.append(headers)
        status, answer, *more = self.respond(headers, body)
        data = json.dumps(answer, ensure_ascii=False).encode()
        extra = list(more[0].items()) if more else []
        start_response(f"{status} X",
                       [("content-type", "application/json"), ("content-length", str(len(data))), *extra])
        return [data]


Reply = Callable[[int, dict[str, Any]], Iterable["bytes | float"]]
"""(the request's number, from 1; its JSON body) -> what to do: bytes to send, or seconds to wait."""


def http_response(body: bytes, headers: dict[str, str] | None = None, status: str = "200 OK") -> bytes:
    """An HTTP/1.1 response, whole: the status line, ``headers`` (a content type and length unless given), body."""
    head = {"content-type": "application/json", "content-length": str(len(body)), "connection": "close",
            **(headers or {})}
    return f"HTTP/1.1 {status}\r\n".encode() + "".join(f"{k}: {v}\r\n" for k, v in head.items()).encode() \
        + b"\r\n" + body


def drip(data: bytes, every: float, count: int | None = None) -> Iterator[bytes | float]:
    """``data`` a byte at a time with ``every`` seconds between bytes (only its first ``count`` bytes; the rest
    at once)."""
    slow = data if count is None else data[:count]
    for i in range(len(slow)):
        yield slow[i:i + 1]
        yield every
    if count is not None:
        yield data[count:]


def answer_bytes(request: dict[str, Any], arguments: str) -> bytes:
    """A whole HTTP response answering ``request`` with a call of the tool it forces (its response model), with
    ``arguments``."""
    from .completions import tool_answer

    tool = request.get("tool_choice", {}).get("function", {}).get("name", "ArticleSummary")
    return http_response(json.dumps(tool_answer(arguments, tool=tool)).encode())


def slow_first(answer: Callable[[dict[str, Any]], bytes], part: str, every: float = 0.1, count: int = 60) -> Reply:
    """A ``Raw`` reply: the first request's ``answer`` with its ``part`` ("headers" or "body") dripped a byte
    every ``every`` seconds for its first ``count`` bytes (6 s in all by default); later answers at once."""
    def reply(n: int, request: dict[str, Any]) -> Iterator[bytes | float]:
        whole = answer(request)
        split = whole.index(b"\r\n\r\n") + 4
        if n > 1:
            yield whole
        elif part == "headers":
            yield from drip(whole[:split], every, count)
            yield whole[split:]
        else:
            yield whole[:split]
            yield from drip(whole[split:], every, count)
    return reply


def gzip_bomb(inflated: int) -> bytes:
    """A gzip body of zeros that inflates to ``inflated`` bytes (about a thousandth of that on the wire)."""
    return gzip.compress(b"\0" * inflated, compresslevel=9)


class Raw(_Loopback):
    """A loopback HTTP/1.1 server that answers each request as ``reply`` says, piece by piece, one connection a
    request. It keeps every request's JSON body."""

    def __init__(self, reply: Reply) -> None:
        self.reply = reply
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        raw = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                raw._serve(self.request)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            block_on_close = False
            allow_reuse_address = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def _serve(self, conn) -> None:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return
            data += chunk
        head, body = data.split(b"\r\n\r\n", 1)
        length = int(re.search(rb"(?im)^content-length:\s*(\d+)", head)[1])
        while len(body) < length:
            body += conn.recv(65536)
        with self._lock:
            self.requests.append(json.loads(body))
            n = len(self.requests)
        try:
            for step in self.reply(n, self.requests[-1]):
                if isinstance(step, bytes):
                    conn.sendall(step)
                else:
                    time.sleep(step)
        except OSError:
            pass  # the client hung up: what a deadline does
