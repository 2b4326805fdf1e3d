"""OpenAI's Files and Batches APIs on loopback, in their documented shapes, answering with the fixture engine.

``BatchServer`` serves ``POST /v1/files`` (multipart, ``purpose=batch``), ``GET /v1/files/{id}/content``,
``POST /v1/batches``, ``GET /v1/batches/{id}``, ``POST /v1/batches/{id}/cancel`` and ``GET /v1/batches`` (newest
first, ``limit``/``after``/``has_more``), and ``POST /v1/chat/completions`` itself (``online`` keeps those
bodies), with OpenAI's batch object (status, ``request_counts``, ``output_file_id``, ``error_file_id``,
``errors``, metadata and timestamps) and output lines
(``{id, custom_id, response: {status_code, request_id, body}, error}``). It validates an input file as OpenAI
does (JSON lines, ``custom_id`` unique, ``method`` POST, ``url`` the batch's endpoint, one model, the limits) and
fails the batch with ``errors`` when it is not.

Each poll of a batch moves it one status on: ``validating`` → ``in_progress`` → ``finalizing`` → ``completed``.
Its lines run (through our OpenAI-compatible app over a ``FixtureEngine``, as the ``Endpoint`` answers) when it
leaves ``in_progress``; ``hold`` keeps every batch ``in_progress`` until cleared. A test can make a line answer
otherwise (``fail``: custom_id -> (status, body) or None), make batches expire after running some lines
(``expire_after``), and read what the server ran (``ran``: every custom_id a line was run for, in order;
``answered``: those answered 200).
"""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from wsgiref.simple_server import make_server

from summarizer.embedded import LocalServer
from summarizer.embedded.wire import error_body

from .completions import FIXTURE_MODEL
from .endpoint import ENDPOINT_KEY, FixtureEngine, _Quiet, _Threading

_STEPS = ("validating", "in_progress", "finalizing", "completed")
_ENDPOINTS = ("/v1/chat/completions", "/v1/responses", "/v1/embeddings", "/v1/completions")


class BatchServer:
    def __init__(self, engine: FixtureEngine | None = None, *, key: str = ENDPOINT_KEY,
                 max_requests: int = 50_000, max_bytes: int = 200_000_000) -> None:
        self.engine = engine or FixtureEngine()
        self.app = LocalServer(lambda: self.engine, model=FIXTURE_MODEL)
        self.key = key
        self.max_requests, self.max_bytes = max_requests, max_bytes
        self.files: dict[str, dict[str, Any]] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.lines: dict[str, list[dict[str, Any]]] = {}
        self.ran: list[str] = []
        self.answered: list[str] = []
        self.online: list[dict[str, Any]] = []
        self.hold = threading.Event()
        self.fail: Callable[[str], tuple[int, dict[str, Any]] | None] = lambda custom_id: None
        self.expire_after: int | None = None
        self.headers: list[dict[str, str]] = []
        self._ids = itertools.count(1)
        self._last = 0
        self._lock = threading.RLock()
        self.server = make_server("127.0.0.1", 0, self._wsgi, server_class=_Threading, handler_class=_Quiet)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/v1"

    def __enter__(self) -> BatchServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    # --- HTTP ---------------------------------------------------------------------

    def _wsgi(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        size = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(size) if size else b""
        headers = {k[5:].replace("_", "-").lower(): v for k, v in environ.items() if k.startswith("HTTP_")}
        with self._lock:
            self.headers.append(headers)
            if headers.get("authorization") != f"Bearer {self.key}":
                status, payload = 401, error_body("Incorrect API key provided", "invalid_request_error",
                                                  "invalid_api_key")
            else:
                status, payload = self._route(environ["REQUEST_METHOD"], environ.get("PATH_INFO", ""),
                                              environ.get("QUERY_STRING", ""), environ.get("CONTENT_TYPE", ""), body)
        data = payload if isinstance(payload, bytes) else json.dumps(payload, ensure_ascii=False).encode()
        kind = "application/octet-stream" if isinstance(payload, bytes) else "application/json"
        start_response(f"{status} X", [("content-type", kind), ("content-length", str(len(data)))])
        return [data]

    def _route(self, method: str, path: str, query: str, content_type: str, body: bytes) -> tuple[int, Any]:
        if method == "POST" and path == "/v1/chat/completions":  # online, as OpenAI's API answers it too
            self.online.append(json.loads(body))
            status, raw = self.app.handle(method, path, body)
            return status, json.loads(raw)
        if method == "POST" and path == "/v1/files":
            return self._upload(content_type, body)
        if method == "GET" and (m := re.fullmatch(r"/v1/files/([\w-]+)/content", path)):
            f = self.files.get(m[1])
            return (200, f["data"]) if f else (404, error_body(f"No such File object: {m[1]}"))
        if method == "POST" and path == "/v1/batches":
            return self._create(json.loads(body))
        if method == "GET" and path == "/v1/batches":
            return 200, self._list(dict(p.split("=", 1) for p in query.split("&") if "=" in p))
        if m := re.fullmatch(r"/v1/batches/([\w-]+)(/cancel)?", path):
            batch = self.batches.get(m[1])
            if batch is None:
                return 404, error_body(f"No batch found with id '{m[1]}'.")
            if method == "POST" and m[2]:
                return 200, self._cancel(batch)
            if method == "GET" and not m[2]:
                return 200, self._advance(batch)
        return 404, error_body(f"Invalid URL ({method} {path})")

    def _upload(self, content_type: str, body: bytes) -> tuple[int, Any]:
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
        fields = {part.get_param("name", header="content-disposition"): part for part in message.iter_parts()}
        purpose = fields["purpose"].get_content().strip() if "purpose" in fields else None
        if "file" not in fields or purpose != "batch":
            return 400, error_body("a batch input file needs file and purpose=batch")
        data = fields["file"].get_payload(decode=True)
        return 200, self._file(data, fields["file"].get_filename() or "upload.jsonl", "batch")

    def _now(self) -> int:
        """Unix seconds, strictly increasing from one event to the next (as a list sorted by it needs)."""
        self._last = max(int(time.time()), self._last + 1)
        return self._last

    def _file(self, data: bytes, name: str, purpose: str) -> dict[str, Any]:
        file_id = f"file-{next(self._ids)}"
        obj = {"id": file_id, "object": "file", "bytes": len(data), "created_at": self._now(),
               "filename": name, "purpose": purpose, "status": "processed"}
        self.files[file_id] = {**obj, "data": data}
        return obj

    # --- batches ------------------------------------------------------------------

    def _create(self, req: dict[str, Any]) -> tuple[int, Any]:
        if req.get("completion_window") != "24h" or req.get("endpoint") not in _ENDPOINTS:
            return 400, error_body("completion_window must be 24h and endpoint a supported one")
        if req.get("input_file_id") not in self.files:
            return 400, error_body(f"No such File object: {req.get('input_file_id')}")
        metadata = req.get("metadata") or {}
        if len(metadata) > 16 or any(len(k) > 64 or len(str(v)) > 512 for k, v in metadata.items()):
            return 400, error_body("metadata: at most 16 pairs, keys up to 64 and values up to 512 characters")
        batch_id = f"batch_{next(self._ids)}"
        self.batches[batch_id] = {
            "id": batch_id, "object": "batch", "endpoint": req["endpoint"], "errors": None,
            "input_file_id": req["input_file_id"], "completion_window": "24h", "status": "validating",
            "output_file_id": None, "error_file_id": None, "created_at": self._now(), "in_progress_at": None,
            "expires_at": None, "finalizing_at": None, "completed_at": None, "failed_at": None, "expired_at": None,
            "cancelling_at": None, "cancelled_at": None, "request_counts": {"total": 0, "completed": 0, "failed": 0},
            "metadata": metadata, "model": None,
        }
        return 200, dict(self.batches[batch_id])

    def _list(self, query: dict[str, str]) -> dict[str, Any]:
        newest = sorted(self.batches.values(), key=lambda b: b["created_at"], reverse=True)
        if "after" in query:
            ids = [b["id"] for b in newest]
            newest = newest[ids.index(query["after"]) + 1:]
        limit = int(query.get("limit", 20))
        page = [dict(b) for b in newest[:limit]]
        return {"object": "list", "data": page, "first_id": page[0]["id"] if page else None,
                "last_id": page[-1]["id"] if page else None, "has_more": len(newest) > limit}

    def _advance(self, batch: dict[str, Any]) -> dict[str, Any]:
        status = batch["status"]
        if status == "validating":
            errors = self._validate(batch)
            if errors:
                batch.update(status="failed", failed_at=self._now(), errors={"object": "list", "data": errors})
            else:
                batch.update(status="in_progress", in_progress_at=self._now())
                batch["request_counts"]["total"] = len(self.lines[batch["id"]])
        elif status == "in_progress" and not self.hold.is_set():
            self._run(batch)
        elif status == "finalizing":
            batch.update(status="completed", completed_at=self._now())
        elif status == "cancelling":
            self._finish(batch, [], "cancelled", "batch_cancelled")
        return dict(batch)

    def _validate(self, batch: dict[str, Any]) -> list[dict[str, Any]]:
        data = self.files[batch["input_file_id"]]["data"]
        lines, errors, seen, models = [], [], set(), set()
        if len(data) > self.max_bytes:
            return [{"code": "too_large", "message": f"The input file is larger than {self.max_bytes} bytes.",
                     "param": None, "line": None}]
        for n, raw in enumerate(data.splitlines(), 1):
            try:
                line = json.loads(raw)
            except ValueError:
                errors.append({"code": "invalid_json_line", "message": "This line is not parseable as valid JSON.",
                               "param": None, "line": n})
                continue
            if line.get("custom_id") in seen:
                errors.append({"code": "duplicate_custom_id", "message": "The custom_id for this request is a "
                               "duplicate of another request.", "param": "custom_id", "line": n})
            if line.get("method") != "POST" or line.get("url") != batch["endpoint"]:
                errors.append({"code": "invalid_url", "message": "The URL provided for this request does not match "
                               "the batch endpoint.", "param": "url", "line": n})
            seen.add(line.get("custom_id"))
            models.add((line.get("body") or {}).get("model"))
            lines.append(line)
        if len(models) > 1:
            errors.append({"code": "mismatched_model", "message": "The requests in a batch file must all use one "
                           "model.", "param": "body.model", "line": None})
        if len(lines) > self.max_requests:
            errors.append({"code": "too_many_requests", "message": f"The batch input file holds more than "
                           f"{self.max_requests} requests.", "param": None, "line": None})
        self.lines[batch["id"]] = lines
        return errors

    def _run(self, batch: dict[str, Any]) -> None:
        lines = self.lines[batch["id"]]
        limit = len(lines) if self.expire_after is None else self.expire_after
        output = [self._answer(line) for line in lines[:limit]]
        if limit < len(lines):
            self._finish(batch, output, "expired", "batch_expired", lines[limit:])
            return
        self._write(batch, output)
        batch.update(status="finalizing", finalizing_at=self._now())

    def _answer(self, line: dict[str, Any]) -> dict[str, Any]:
        custom_id = line["custom_id"]
        self.ran.append(custom_id)
        given = self.fail(custom_id)
        if given is None:
            status, raw = self.app.handle("POST", "/v1/chat/completions", json.dumps(line["body"]).encode())
            given = (status, json.loads(raw))
        if given[0] == 200:
            self.answered.append(custom_id)
        return {"id": f"batch_req_{next(self._ids)}", "custom_id": custom_id,
                "response": {"status_code": given[0], "request_id": f"req_{next(self._ids)}", "body": given[1]},
                "error": None}

    def _write(self, batch: dict[str, Any], output: list[dict[str, Any]]) -> None:
        ok = [o for o in output if o["response"] and o["response"]["status_code"] == 200]
        bad = [o for o in output if o not in ok]
        for key, rows in (("output_file_id", ok), ("error_file_id", bad)):
            if rows:
                data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()
                batch[key] = self._file(data, f"{batch['id']}_{key}.jsonl", "batch_output")["id"]
        batch["request_counts"].update(completed=len(ok), failed=len(bad))

    def _finish(self, batch: dict[str, Any], output: list[dict[str, Any]], status: str, code: str,
                unrun: list[dict[str, Any]] | None = None) -> None:
        """End a batch before all its lines ran: those that did not get an error line with ``code``."""
        done = {o["custom_id"] for o in output}
        unrun = unrun if unrun is not None else [x for x in self.lines[batch["id"]] if x["custom_id"] not in done]
        words = {"batch_expired": "This request could not be executed before the completion window expired.",
                 "batch_cancelled": "This request was cancelled before it was executed."}[code]
        output = output + [{"id": f"batch_req_{next(self._ids)}", "custom_id": x["custom_id"], "response": None,
                            "error": {"code": code, "message": words}} for x in unrun]
        self._write(batch, output)
        batch.update(status=status, **{f"{status}_at": self._now()})

    def _cancel(self, batch: dict[str, Any]) -> dict[str, Any]:
        if batch["status"] in ("validating", "in_progress"):
            if batch["id"] not in self.lines:
                self._validate(batch)
            batch.update(status="cancelling", cancelling_at=self._now())
        return dict(batch)

    # --- for the tests ------------------------------------------------------------

    def created(self) -> list[dict[str, Any]]:
        """Every batch created, oldest first, with the request lines of its input file."""
        out = []
        for batch in sorted(self.batches.values(), key=lambda b: b["created_at"]):
            data = self.files[batch["input_file_id"]]["data"]
            out.append({**batch, "requests": [json.loads(x) for x in data.splitlines()]})
        return out


def run_batch_file(requests: Any, responses: Any, engine: FixtureEngine | None = None, *,
                   fail: Callable[[str], tuple[int, str] | None] = lambda custom_id: None) -> list[str]:
    """A stand-in for ``vllm run-batch -i REQUESTS -o RESPONSES``: each request line answered by our
    OpenAI-compatible app over ``engine``, written in vLLM's output shape, in reverse order (answers are joined on
    custom_id, never on order). ``fail`` makes a line an error as vLLM writes one (a status, a body of null, the
    error a string). Returns the custom_ids answered."""
    app = LocalServer(lambda: engine or FixtureEngine(), model=FIXTURE_MODEL)
    out, ids = [], []
    for n, raw in enumerate(Path(requests).read_bytes().splitlines()):
        line = json.loads(raw)
        ids.append(line["custom_id"])
        given = fail(line["custom_id"])
        if given is not None:
            response, error = {"status_code": given[0], "request_id": f"vllm-batch-{n}", "body": None}, given[1]
        else:
            status, body = app.handle("POST", line["url"], json.dumps(line["body"]).encode())
            response, error = {"status_code": status, "request_id": f"vllm-batch-{n}", "body": json.loads(body)}, None
        out.append({"id": f"vllm-{n}", "custom_id": line["custom_id"], "response": response, "error": error})
    with open(responses, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(o, ensure_ascii=False) + "\n" for o in reversed(out))
    return ids
