"""vcrpy set up the way we want cassettes: readable, key-free, matched on the JSON body.

- Authorization and other credential headers are filtered before anything is written.
- JSON bodies are stored parsed (Korean readable, one field a line) and matched
  parsed, so a re-ask (whose body differs) replays its own answer. Requests are
  matched on method, scheme, host, path, query and body (not the port: a
  loopback server records on whatever port it was given).
- Record mode is "none" unless SUMMARIZER_RECORD=1: a request with no recording
  fails the test instead of reaching a server.
- ``model_server`` serves the embedded model on a loopback port to record from,
  as any OpenAI-compatible server is reached.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, make_server

import vcr
import yaml

CASSETTES = Path(__file__).resolve().parent.parent.parent / "cassettes"
SECRET_HEADERS = ["authorization", "api-key", "x-api-key", "openai-organization", "openai-project", "cookie",
                  "set-cookie"]


def _parsed(body):
    if body is None:
        return None
    if isinstance(body, bytes):
        body = body.decode("utf-8")
    try:
        return json.loads(body)
    except ValueError:
        return body


def json_body(r1, r2) -> None:
    assert _parsed(r1.body) == _parsed(r2.body), "request bodies differ"


class ReadableJson:
    """A vcrpy serializer: YAML with JSON bodies stored as data, not escaped strings."""

    @staticmethod
    def serialize(cassette: dict) -> str:
        out = {"version": cassette.get("version", 1), "interactions": []}
        for item in cassette["interactions"]:
            request = dict(item["request"])
            request["body"] = {"json": _parsed(request.get("body"))} if request.get("body") else None
            response = dict(item["response"])
            body = dict(response.get("body") or {})
            body["string"] = {"json": _parsed(body.get("string"))} if body.get("string") else ""
            response["body"] = body
            out["interactions"].append({"request": request, "response": response})
        return yaml.safe_dump(out, allow_unicode=True, sort_keys=False, width=120)

    @staticmethod
    def deserialize(text: str) -> dict:
        data = yaml.safe_load(text)
        for item in data["interactions"]:
            request = item["request"]
            if isinstance(request.get("body"), dict):
                request["body"] = json.dumps(request["body"]["json"], ensure_ascii=False).encode("utf-8")
            body = item["response"]["body"]
            if isinstance(body.get("string"), dict):
                body["string"] = json.dumps(body["string"]["json"], ensure_ascii=False).encode("utf-8")
        return data


def recording() -> bool:
    return os.environ.get("SUMMARIZER_RECORD") == "1"


def make_vcr() -> vcr.VCR:
    v = vcr.VCR(
        cassette_library_dir=str(CASSETTES),
        record_mode="once" if recording() else "none",
        match_on=["method", "scheme", "host", "path", "query", "json_body"],
        filter_headers=SECRET_HEADERS,
        decode_compressed_response=True,
        serializer="readable_json",
    )
    v.register_serializer("readable_json", ReadableJson)
    v.register_matcher("json_body", json_body)
    return v


def cassette_path(request) -> str:
    """``AREA/TEST.yaml`` under ``CASSETTES``: the test file's folder under tests/ (its area) and the test's name."""
    area = Path(request.path).resolve().parent.relative_to(Path(__file__).resolve().parent.parent)
    return f"{area.as_posix()}/{request.node.name}.yaml"


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def model_server() -> Iterator[str]:
    """The URL of an OpenAI-compatible server on loopback over the embedded model, started only to record; a
    replay gets a fixed one (replays match on host and path, not on the port)."""
    if not recording():
        yield "http://127.0.0.1:8765/v1"
        return
    from summarizer.embedded.server import shared_server

    server = make_server("127.0.0.1", 0, shared_server().wsgi, handler_class=_Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/v1"
    finally:
        server.shutdown()
        server.server_close()
