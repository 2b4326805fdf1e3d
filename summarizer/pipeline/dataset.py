"""Summarize a Ray Dataset of articles: ``summarize_dataset(ds, settings=...)``.

For people who already hold a ``ray.data.Dataset``, and for ``summarizer run
--engine ray`` (``run.ray_engine``). One stage, ``map_batches`` over an actor pool:

- each actor holds one ``Summarizer`` (one client, made on the actor's own
  event loop at its first batch) and summarizes the rows of its batches
  concurrently, at most ``per_actor`` in flight;
- the checks run in the same stage: the Summarizer checks every answer;
- no row ever raises. What cannot be read, or fails, comes back as a row with
  status "failed" and a ``DeadLetter`` record: an exception in a UDF fails the
  whole Ray job (ray-project/ray#52449), one bad row must not;
- a row whose (id, hash, settings) is in ``done`` comes back "skipped", unasked.

Each output row carries the finished JSON line (``record``), so a results file
written from it is the default engine's, byte for byte.

Ray is imported only when ``summarize_dataset`` is called: ``import summarizer``
and the default engine never load it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Collection, Mapping
from typing import Any

from ..contract.article import Article, Unreadable, content_hash
from ..contract.errors import UsageError
from ..contract.record import DeadLetter, ResultRecord
from ..model.redact import redact
from ..model.settings import Settings
from ..trust.article.textkey import clip
from ..trust.article.titles import with_title
from .batch import summarize_article
from .summarize import Summarizer

__all__ = ["OUTPUT_COLUMNS", "read_row", "require_ray", "summarize_dataset"]

OUTPUT_COLUMNS = ("id", "status", "failure_kind", "tokens", "record")
"""The columns of ``summarize_dataset``'s rows."""

RowReader = Callable[[Mapping[str, Any]], "Article | Unreadable"]


def require_ray() -> Any:
    """``ray.data``, or a ``UsageError`` that says how to install it."""
    try:
        import ray.data
    except ImportError:
        raise UsageError("the Ray engine needs Ray Data, which is not installed; "
                         "install it with: pip install 'summarizer[ray]'") from None
    return ray.data


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def read_row(row: Mapping[str, Any], origin_column: str = "origin") -> Article | Unreadable:
    """An article from a dataset row, by the rules of a JSONL record: ``text`` (a non-empty string), and optionally
    ``id`` (else ``sha-`` and the text's hash), ``title``, ``url``, ``published``, ``flags``, and where it came
    from (``origin_column``). A row with an ``unreadable`` reason (the Ray engine's readers set it) is passed on."""
    origin = _text(row.get(origin_column)) or "<dataset>"
    if row.get("unreadable") is not None:
        return Unreadable(str(row.get("id")), origin, str(row["unreadable"]))
    text = row.get("text")
    if not isinstance(text, str):
        rid = _text(row.get("id")) or "row"
        return Unreadable(rid, origin, 'the row has no "text" string; each row needs "text" (and optionally "id", '
                                       '"title", "url", "published")')
    rid = _text(row.get("id")) or f"sha-{content_hash(text)}"
    if not text.strip():
        return Unreadable(rid, origin, "the article text is empty")
    title = _text(row.get("title"))
    return Article(rid, with_title(text, title), origin, title=title, url=_text(row.get("url")),
                   published=_text(row.get("published")), flags=tuple(row.get("flags") or ()))


class SummarizeRows:
    """The actor: one Summarizer, at most ``per_actor`` articles in flight, one output row per input row."""

    def __init__(self, settings: Settings, per_actor: int, done: Collection[tuple[str, str, str]] = (),
                 reader: RowReader = read_row) -> None:
        self.settings = settings
        self.fingerprint = settings.fingerprint()
        self.per_actor = per_actor
        self.done = frozenset(done)
        self.reader = reader
        self._summarizer: Summarizer | None = None
        self._gate: asyncio.Semaphore | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def _worker(self) -> tuple[Summarizer, asyncio.Semaphore]:
        if self._summarizer is None or self._gate is None:  # on Ray Data's event loop for this actor's UDF
            self._summarizer = Summarizer(self.settings)
            self._gate = asyncio.Semaphore(self.per_actor)
            self._loop = asyncio.get_running_loop()
        return self._summarizer, self._gate

    async def __call__(self, batch: Any) -> Any:
        import pyarrow as pa

        rows = await asyncio.gather(*(self._one(row) for row in batch.to_pylist()))
        columns = list(zip(*rows, strict=True)) if rows else [()] * len(OUTPUT_COLUMNS)
        return pa.table(dict(zip(OUTPUT_COLUMNS, columns, strict=True)), schema=_schema())

    async def _one(self, row: Mapping[str, Any]) -> tuple[str, str, str | None, int, str]:
        item: Article | Unreadable | None = None
        try:
            item = self.reader(row)
            if isinstance(item, Unreadable):
                return self._dead(DeadLetter(id=item.id, origin=item.origin, reason=item.reason, failure_kind="input",
                                             settings=self.fingerprint))
            if (item.id, item.hash, self.fingerprint) in self.done:
                return item.id, "skipped", None, 0, ""
            summarizer, gate = self._worker()
            async with gate:
                result = await summarize_article(summarizer, item)
            if result.status == "failed":
                return self._dead(DeadLetter(id=item.id, origin=item.origin, reason=result.failure or "failed",
                                             failure_kind=result.failure_kind or "invalid_response",
                                             settings=self.fingerprint, hash=item.hash), result.usage.counted)
            record = ResultRecord.of(item, result, self.fingerprint).model_dump_json()
            return item.id, result.status, None, result.usage.counted, record
        except Exception as e:  # noqa: BLE001 - a bug on one row is that row's failure, never the job's
            reason = redact(f"summarizing failed ({type(e).__name__}: {clip(str(e), 200)}); this is a bug in "
                            "summarizer: please report it with the article", [self.settings.api_key])
            rid = item.id if item is not None else _text(row.get("id")) or "row"
            origin = item.origin if item is not None else _text(row.get("origin")) or "<dataset>"
            return self._dead(DeadLetter(id=rid, origin=origin, reason=reason, failure_kind="internal_error",
                                         settings=self.fingerprint, hash=getattr(item, "hash", None)))

    @staticmethod
    def _dead(letter: DeadLetter, tokens: int = 0) -> tuple[str, str, str | None, int, str]:
        return letter.id, "failed", letter.failure_kind, tokens, letter.model_dump_json()

    def __del__(self) -> None:
        """Ray Data drops the actor's UDF when the stage ends (not on a kill): close the client on the loop it was
        made on, which is still running then."""
        loop, summarizer = self._loop, self._summarizer
        if summarizer is not None and loop is not None and loop.is_running():
            try:
                asyncio.run_coroutine_threadsafe(summarizer.aclose(), loop).result(timeout=5)
            except Exception:  # noqa: BLE001, S110 - the actor is going away; a client not closed cleanly is harmless
                pass


def _schema() -> Any:
    import pyarrow as pa

    return pa.schema([("id", pa.string()), ("status", pa.string()), ("failure_kind", pa.string()),
                      ("tokens", pa.int64()), ("record", pa.string())])


def summarize_dataset(ds: Any, settings: Settings | None = None, *, done: Collection[tuple[str, str, str]] = (),
                      actors: int = 2, per_actor: int = 32, batch_size: int = 16, num_cpus: float = 0.25,
                      reader: RowReader = read_row) -> Any:
    """Summarize every row of the Ray Dataset ``ds`` (lazily: the job runs when its result is consumed).

    Rows are articles: ``text``, and optionally ``id``, ``title``, ``url``, ``published``, ``origin`` (see
    ``read_row``). Each comes back as one row of ``OUTPUT_COLUMNS``: ``id``; ``status`` (verified, flagged,
    rejected, failed or skipped); ``failure_kind`` when it failed; ``tokens`` used; and ``record``, the JSON line
    the default engine writes for it (a ``ResultRecord``, a ``DeadLetter`` for a failure, "" when skipped).

    ``settings`` (default: from the environment of this process) travel to the actors, the API key included:
    workers of a cluster do not share this process's environment. ``done`` holds the (id, hash, settings
    fingerprint) keys to skip, as ``ResultsFile.recover`` returns them. ``actors`` actors of ``num_cpus`` each,
    each with at most ``per_actor`` articles in flight, are given batches of ``batch_size`` rows.
    """
    data = require_ray()
    if actors < 1 or per_actor < 1 or batch_size < 1:
        raise UsageError("actors, per_actor and batch_size must each be 1 or more")
    settings = settings or Settings.from_env()
    # An actor runs up to four batches of one call at once (Ray Data's async UDF default) and takes two calls at
    # once: enough batches in flight to keep ``per_actor`` articles busy while the semaphore bounds them.
    batch_size = max(batch_size, -(-per_actor // 8))
    return ds.map_batches(
        SummarizeRows, fn_constructor_kwargs={"settings": settings, "per_actor": per_actor, "done": frozenset(done),
                                              "reader": reader},
        batch_size=batch_size, batch_format="pyarrow", num_cpus=num_cpus,
        compute=data.ActorPoolStrategy(size=actors, max_concurrent_calls_per_actor=2),
        udf_modifying_row_count=False,
    )
