"""OpenAI's Files and Batches APIs: upload a batch file, create its batch, poll it, download what it gave, find a
run's batches by their metadata, cancel them.

Through the openai SDK's public API (``files.create``, ``files.with_streaming_response.content``,
``batches.create/retrieve/list/cancel``), each call under our one retry policy (``call.retry_policy``). A fault
that outlasts it is a ``BatchApiError`` with one line a person can act on; an endpoint with no Batch API (a
404, as vLLM's server and most local servers give) says what to do instead.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openai
from tenacity import Retrying

from ...contract.errors import SummarizerError
from ..call import retry_policy
from ..client import base_url_of, make_client
from ..failures import classify, root
from ..settings import Settings
from .lines import ENDPOINT

__all__ = ["TERMINAL", "BatchApiError", "BatchInfo", "BatchService"]

TERMINAL = frozenset({"completed", "failed", "expired", "cancelled"})
"""The statuses a batch does not leave: it has given all it will."""
WINDOW = "24h"
"""The completion window: the only one OpenAI offers."""


class BatchApiError(SummarizerError):
    """The Batch API could not be used (the key refused, no Batch API there, faults that outlasted the retries)."""


@dataclass(frozen=True)
class BatchInfo:
    """What a batch is doing, as the Batches API says."""

    id: str
    status: str
    input_file_id: str
    created_at: int
    total: int = 0
    completed: int = 0
    failed: int = 0
    output_file_id: str | None = None
    error_file_id: str | None = None
    metadata: tuple[tuple[str, str], ...] = ()
    errors: tuple[str, ...] = ()
    """Why the batch failed, when it did (``errors.data``: line and message)."""

    @classmethod
    def of(cls, batch: Any) -> BatchInfo:
        counts = batch.request_counts
        errors = tuple(f"line {e.line}: {e.message}" if e.line is not None else str(e.message or e.code)
                       for e in ((batch.errors.data or []) if batch.errors else []))
        return cls(batch.id, batch.status, batch.input_file_id, batch.created_at,
                   counts.total if counts else 0, counts.completed if counts else 0, counts.failed if counts else 0,
                   batch.output_file_id, batch.error_file_id, tuple(sorted((batch.metadata or {}).items())), errors)

    @property
    def terminal(self) -> bool:
        return self.status in TERMINAL

    def tag(self, key: str) -> str | None:
        return dict(self.metadata).get(key)


class BatchService:
    """The Files and Batches APIs of one endpoint (OpenAI's unless ``settings.base_url`` says another)."""

    def __init__(self, settings: Settings, client: openai.OpenAI | None = None, *,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        self.where = base_url_of(settings, client)
        self._client = make_client(settings, is_async=False, client=client)
        self._own = client is None
        self._secrets = (settings.api_key, getattr(client, "api_key", None))
        self._sleep = sleep

    def close(self) -> None:
        if self._own:
            self._client.close()

    def _call(self, doing: str, route: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        retrying = Retrying(sleep=self._sleep, **retry_policy(self.settings, []))
        try:
            return retrying(fn, *args, **kwargs)
        except Exception as e:  # noqa: BLE001 - every fault is said in one line below
            raise self._error(doing, route, e) from None

    def _error(self, doing: str, route: str, exc: BaseException) -> BatchApiError:
        if isinstance(root(exc), openai.NotFoundError) and route in ("POST /files", "GET /batches"):
            return BatchApiError(
                f"{self.where} has no Batch API ({route} answered 404). vLLM's server and most local servers have "
                "none: write the requests with `summarizer batch export`, run them with `vllm run-batch`, and read "
                "the answers with `summarizer batch import`; or run without --batch-api")
        failure = classify(exc, self.settings.model_name, self._secrets)
        if failure.kind == "model_not_found":  # a 404 here is a batch or file that is gone, not a model
            return BatchApiError(f"{doing}: {self.where} has no such object ({route} answered 404)")
        return BatchApiError(f"{doing}: {failure.message}")

    # --- files ----------------------------------------------------------------

    def upload(self, path: Path, name: str) -> str:
        """Upload a batch input file (purpose ``batch``) as ``name``; its file id."""
        def send() -> Any:
            with open(path, "rb") as f:
                return self._client.files.create(file=(name, f), purpose="batch")

        return self._call("uploading the batch file", "POST /files", send).id

    def download(self, file_id: str, target: Path) -> None:
        """A file's content, written to ``target`` (whole, or not at all: a retry starts it again)."""
        def fetch() -> None:
            with self._client.files.with_streaming_response.content(file_id) as response, open(target, "wb") as f:
                for chunk in response.iter_bytes():
                    f.write(chunk)

        self._call(f"downloading file {file_id}", "GET /files/{id}/content", fetch)

    def custom_ids(self, file_id: str, scratch: Path) -> list[str]:
        """The custom_ids of a batch input file (for a batch found by its metadata but missing from the state)."""
        self.download(file_id, scratch)
        try:
            with open(scratch, "rb") as f:
                return [json.loads(line)["custom_id"] for line in f if line.strip()]
        finally:
            scratch.unlink(missing_ok=True)

    # --- batches --------------------------------------------------------------

    def create(self, file_id: str, metadata: dict[str, str]) -> BatchInfo:
        batch = self._call("creating the batch", "POST /batches", self._client.batches.create,
                           input_file_id=file_id, endpoint=ENDPOINT, completion_window=WINDOW, metadata=metadata)
        return BatchInfo.of(batch)

    def retrieve(self, batch_id: str) -> BatchInfo:
        return BatchInfo.of(self._call(f"polling batch {batch_id}", "GET /batches/{id}",
                                       self._client.batches.retrieve, batch_id))

    def cancel(self, batch_id: str) -> BatchInfo:
        return BatchInfo.of(self._call(f"cancelling batch {batch_id}", "POST /batches/{id}/cancel",
                                       self._client.batches.cancel, batch_id))

    def find(self, key: str, value: str, since: float) -> list[BatchInfo]:
        """The batches whose metadata has ``key``: ``value``, among those created at ``since`` (a Unix time) or
        later; newest first, as the list comes."""
        found: list[BatchInfo] = []
        after: dict[str, str] = {}
        while True:
            page = self._call("listing batches", "GET /batches", self._client.batches.list, limit=100, **after)
            for batch in page.data:
                if batch.created_at < since:
                    return found
                if (batch.metadata or {}).get(key) == value:
                    found.append(BatchInfo.of(batch))
            if not page.data or page.has_more is False:
                return found
            after = {"after": page.data[-1].id}
