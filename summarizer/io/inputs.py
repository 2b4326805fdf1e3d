"""Articles from dumps: files, folders, JSON Lines, standard input.

Each article comes out as an ``Article`` with a stable id (the record's own
``id``, else the file name and a content hash) and its exact text: every
offset reported later indexes that text. HTML is reduced to its article text
by trafilatura. What cannot be read becomes an ``Unreadable`` that names the
place (file, line) and the reason, and the run goes on; ``read_article``
(one file, for ``summarizer validate``) raises it as an ``InputError``.

Reading is lazy: a dump of any size streams through one record at a time.

To add an input format: give its suffixes a reader here that yields
``Article``s (or ``Unreadable``s), and add them to ``SUFFIXES``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..contract.article import Article, content_hash
from ..contract.errors import InputError

__all__ = ["SUFFIXES", "Unreadable", "read_article", "read_inputs"]

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES


@dataclass(frozen=True)
class Unreadable:
    """An input that could not be read as an article, and why."""

    id: str
    origin: str
    reason: str


def decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    try:
        text, flags = data.decode("utf-8"), ()
    except UnicodeDecodeError:
        text, flags = data.decode("utf-8", errors="replace"), ("invalid_utf8",)
    return text.removeprefix("\ufeff"), flags


def looks_binary(data: bytes) -> bool:
    return b"\x00" in data[:8192]


def _html_text(html: str) -> str | None:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=True)


def _file(path: Path) -> Iterator[Article | Unreadable]:
    origin = str(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        yield Unreadable(path.stem, origin, f"cannot be read ({e.strerror}); check the path and its permissions")
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _jsonl(data.splitlines(keepends=True), origin)
        return
    if looks_binary(data):
        yield Unreadable(path.stem, origin, "a binary file, not an article; give text, Markdown, HTML or JSONL")
        return
    text, flags = decode(data)
    if path.suffix.lower() in HTML_SUFFIXES:
        extracted = _html_text(text)
        if not extracted or not extracted.strip():
            yield Unreadable(path.stem, origin, "no article text found in this HTML page")
            return
        text = extracted
    if not text.strip():
        yield Unreadable(path.stem, origin, "the file is empty; give a file with the article's text")
        return
    yield Article(f"{path.stem}-{content_hash(text)[:8]}", text, origin, flags=flags)


def _jsonl(lines: Iterable[bytes], origin: str) -> Iterator[Article | Unreadable]:
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        where = f"{origin}:{n}"
        text_line, flags = decode(raw)
        try:
            record = json.loads(text_line)
        except ValueError as e:
            yield Unreadable(f"line-{n}", where, f"line {n} is not valid JSON ({e.msg}); fix or remove that line")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield Unreadable(str(record.get("id", f"line-{n}")) if isinstance(record, dict) else f"line-{n}", where,
                             f'line {n} has no "text" string; each record needs "text" (and optionally '
                             '"id", "title", "url", "published")')
            continue
        text = record["text"]
        rid = str(record["id"]) if record.get("id") is not None else f"sha-{content_hash(text)}"
        if not text.strip():
            yield Unreadable(rid, where, f"line {n}: the article text is empty")
            continue
        yield Article(rid, text, where, title=_opt(record, "title"), url=_opt(record, "url"),
                      published=_opt(record, "published"), flags=flags)


def _opt(record: dict, key: str) -> str | None:
    value = record.get(key)
    return None if value is None else str(value)


def _stdin(stream: IO[bytes]) -> Iterator[Article | Unreadable]:
    data = stream.read()
    if data.lstrip()[:1] == b"{":
        yield from _jsonl(data.splitlines(keepends=True), "<stdin>")
        return
    text, flags = decode(data)
    if not text.strip():
        yield Unreadable("stdin", "<stdin>", "standard input was empty; pipe in an article or JSONL records")
        return
    yield Article(f"stdin-{content_hash(text)[:8]}", text, "<stdin>", flags=flags)


def read_inputs(inputs: Iterable[str], stdin: IO[bytes] | None = None) -> Iterator[Article | Unreadable]:
    """Every article in the named files and folders (folders walked in sorted order)."""
    for raw in inputs:
        if raw == "-":
            yield from _stdin(stdin or sys.stdin.buffer)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
                yield from _file(child)
        elif path.exists():
            yield from _file(path)
        else:
            yield Unreadable(path.stem, raw, "no such file or folder")


def read_article(path: str | Path) -> Article:
    """One article file (.txt, .md or .html), read as ``summarizer run`` reads it; an ``InputError`` if it can't be."""
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{p}: is a directory; give the path of one article file")
    if not p.exists():
        raise InputError(f"{p}: no such file; give the path of an article text file")
    if p.suffix.lower() in JSONL_SUFFIXES:
        raise InputError(f"{p}: a JSONL dump holds many articles; give one article file (.txt, .md or .html)")
    item = next(_file(p))
    if isinstance(item, Unreadable):
        raise InputError(f"{p}: {item.reason}")
    return item
