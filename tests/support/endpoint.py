"""OpenAI-compatible servers on loopback: one that answers with hand-checked fixtures, one that misbehaves.

``Endpoint`` is our own app (summarizer.embedded.LocalServer) over a scripted
engine, so the HTTP path is real while the answers are fixtures, not a
model's: it calls its model "fixture", never the embedded model's name.
``Misbehaving`` answers every request as a test's function says (401s, 404s,
error bodies that echo the request's headers, headers such as Retry-After...),
and keeps what it was sent.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
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


class Endpoint:
    def __init__(self, engine: FixtureEngine) -> None:
        self.engine = engine
        app = LocalServer(lambda: engine, model=FIXTURE_MODEL)
        # A threading server takes several requests at once, as a real one does.
        self.server = make_server("127.0.0.1", 0, app.wsgi, server_class=_Threading, handler_class=_Quiet)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/v1"

    def __enter__(self) -> Endpoint:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


Respond = Callable[[dict[str, str], dict[str, Any]],
                   tuple[int, dict[str, Any]] | tuple[int, dict[str, Any], dict[str, str]]]
"""(request headers, request JSON body) -> (HTTP status, response JSON body[, response headers])."""


class Misbehaving:
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

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/v1"

    def __enter__(self) -> Misbehaving:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
