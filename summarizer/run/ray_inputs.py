"""The inputs of ``summarizer run --engine ray``, as one Ray Dataset of article rows.

- Files (.jsonl, .txt, .md, .html) are read by ``ArticleFiles``, a Ray file
  datasource that runs the default engine's own reader (``inputs.read_file``)
  in Ray's read tasks: the same ids, origins ("path:line"), encodings, flags
  and reasons. It never raises on a bad line or file: those become rows with
  an ``unreadable`` reason (a failed read task would fail the whole job, and
  Ray's own ``read_json`` fails on one malformed line or on a field that
  changes type between lines).
- Parquet files (``.parquet``) are read by ``ray.data.read_parquet``; each row
  is mapped to the same shape, its origin the file's path (Parquet has no
  line numbers).
- Local folders are walked here as the default engine walks them; object-store
  paths (``s3://``, ``gs://``, ``abfs://``...) go straight through to Ray,
  by suffix, and one with none is read as a folder of both.

Every row: id, origin, text, title, url, published, flags, unreadable (see
``pipeline.dataset.read_row``).
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..contract.article import Article, Unreadable
from ..contract.errors import UsageError
from ..io.inputs import JSONL_SUFFIXES, SUFFIXES, read_file

__all__ = ["ROWS_PER_BLOCK", "article_dataset", "count_local"]

ROWS_PER_BLOCK = 64
"""Rows in one block a read task hands on. A block is the unit of work Ray passes downstream and returns, so this
sets how soon the first results arrive and how much finished work a kill can throw away (measured: one-row blocks
made a run about twice as slow)."""

PARQUET_SUFFIXES = (".parquet",)
_COLUMNS = ("id", "origin", "text", "title", "url", "published", "flags", "unreadable")


def _schema() -> Any:
    import pyarrow as pa

    s = pa.string()
    return pa.schema([("id", s), ("origin", s), ("text", s), ("title", s), ("url", s), ("published", s),
                      ("flags", pa.list_(s)), ("unreadable", s)])


def _row(item: Article | Unreadable) -> dict[str, Any]:
    if isinstance(item, Unreadable):
        return {"id": item.id, "origin": item.origin, "text": None, "title": None, "url": None, "published": None,
                "flags": [], "unreadable": item.reason}
    return {"id": item.id, "origin": item.origin, "text": item.text, "title": item.title, "url": item.url,
            "published": item.published, "flags": list(item.flags), "unreadable": None}


def _table(rows: list[dict[str, Any]]) -> Any:
    import pyarrow as pa

    return pa.Table.from_pylist(rows, schema=_schema())


def _is_uri(raw: str) -> bool:
    return "://" in raw


def _given(path: str, origins: Mapping[str, str]) -> str:
    """The path as the user gave it, for the path Ray opened (``origins``: {path Ray opens: path given})."""
    if path in origins:
        return origins[path]
    for opened, given in origins.items():  # a file inside a folder given as a URI
        if path.startswith(opened.rstrip("/") + "/"):
            return given.rstrip("/") + path[len(opened.rstrip("/")):]
    return path


def _file_datasource() -> type:
    from ray.data.datasource import FileBasedDatasource

    class ArticleFiles(FileBasedDatasource):
        """Each article of each file, read by ``inputs.read_file``; ``origins`` maps the path Ray opens to the path
        the user gave (Ray makes local paths absolute and drops a URI's scheme)."""

        def __init__(self, paths: list[str], origins: Mapping[str, str], **kwargs: Any) -> None:
            super().__init__(paths, **kwargs)
            self.origins = dict(origins)

        def _read_stream(self, f: Any, path: str) -> Iterator[Any]:
            rows: list[dict[str, Any]] = []
            for item in read_file(_given(path, self.origins), io.BufferedReader(f)):
                rows.append(_row(item))
                if len(rows) >= ROWS_PER_BLOCK:
                    yield _table(rows)
                    rows = []
            if rows:
                yield _table(rows)

    return ArticleFiles


def _parquet_rows(batch: Any, origins: Mapping[str, str]) -> Any:
    """Parquet rows in the article-row shape: the JSONL record's fields, the file's path as given as the origin."""
    rows = []
    for record in batch.to_pylist():
        origin = _given(str(record.get("path")), origins)
        text = record.get("text")
        rid = record.get("id")
        if not isinstance(text, str):
            reason = ('the row has no "text" string; each row needs "text" (and optionally "id", "title", "url", '
                      '"published")')
            rows.append(_row(Unreadable("row" if rid is None else str(rid), origin, reason)))
            continue
        rows.append({"id": None if rid is None else str(rid), "origin": origin, "text": text,
                     **{k: None if record.get(k) is None else str(record[k]) for k in ("title", "url", "published")},
                     "flags": [], "unreadable": None})
    return _table(rows)


def _split(inputs: Sequence[str]) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """(files for ArticleFiles and Parquet files, each as {path Ray opens: path given}; folders given as URIs)."""
    files: dict[str, str] = {}
    parquet: dict[str, str] = {}
    uri_folders: list[str] = []
    for raw in inputs:
        if raw == "-":
            raise UsageError("the Ray engine reads files, not standard input; write the input to a file, or run "
                             "without --engine ray")
        suffix = Path(raw.split("?", 1)[0]).suffix.lower()
        if _is_uri(raw):
            if suffix in PARQUET_SUFFIXES:
                parquet[raw.split("://", 1)[1]] = raw
            elif suffix in SUFFIXES:
                files[raw.split("://", 1)[1]] = raw
            else:
                uri_folders.append(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in PARQUET_SUFFIXES:
                    parquet[os.path.abspath(child)] = str(child)
                elif child.suffix.lower() in SUFFIXES:
                    files[os.path.abspath(child)] = str(child)
        elif suffix in PARQUET_SUFFIXES:
            parquet[os.path.abspath(path)] = raw
        else:
            files[os.path.abspath(path)] = raw
    return files, parquet, uri_folders


def _parquet(ds: Any, origins: Mapping[str, str]) -> Any:
    return ds.map_batches(_parquet_rows, fn_kwargs={"origins": dict(origins)}, batch_format="pyarrow",
                          batch_size=ROWS_PER_BLOCK)


def article_dataset(inputs: Sequence[str]) -> Any:
    """One lazy Ray Dataset of article rows from ``inputs`` (files, folders, object-store paths)."""
    import ray.data

    files, parquet, uri_folders = _split(inputs)
    ArticleFiles = _file_datasource()
    parts = []
    extensions = [s.lstrip(".") for s in SUFFIXES]
    if files:
        parts.append(ray.data.read_datasource(ArticleFiles(list(files.values()), files)))
    for folder in uri_folders:
        origins = {folder.split("://", 1)[1]: folder}
        for make in (lambda: ray.data.read_datasource(ArticleFiles([folder], origins, file_extensions=extensions)),
                     lambda: _parquet(ray.data.read_parquet(folder, include_paths=True, file_extensions=["parquet"]),
                                      origins)):
            try:
                parts.append(make())
            except ValueError as e:  # Ray found no file of that kind there
                if "No input files found" not in str(e) and "no files" not in str(e).lower():
                    raise
    if parquet:
        parts.append(_parquet(ray.data.read_parquet(list(parquet.values()), include_paths=True), parquet))
    if not parts:
        raise UsageError(f"no articles to read in {', '.join(inputs)}; give {', '.join(SUFFIXES)} or .parquet "
                         "files, or folders of them")
    return parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]


def count_local(inputs: Sequence[str]) -> int | None:
    """How many articles the inputs hold (lines of JSONL, rows of Parquet, other files), or None for object-store
    paths, which would have to be listed first."""
    if any(_is_uri(raw) for raw in inputs):
        return None
    files, parquet, _ = _split(inputs)
    total = 0
    for path in files.values():
        if Path(path).suffix.lower() in JSONL_SUFFIXES:
            with open(path, "rb") as handle:
                total += sum(1 for line in handle if line.strip())
        else:
            total += 1
    if parquet:
        import pyarrow.parquet as pq

        total += sum(pq.ParquetFile(p).metadata.num_rows for p in parquet.values())
    return total
