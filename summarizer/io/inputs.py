"""Articles from dumps: files, folders, JSON Lines, standard input.

Each article comes out as an ``Article`` with a stable id (the record's own
``id``, else the file name and a content hash) and its exact text: every
offset reported later indexes that text. HTML is reduced to its article text
by trafilatura, within a time limit (``html_text``). What cannot be read
becomes an ``Unreadable`` that names the place (file, line) and the reason,
and the run goes on; ``read_article`` (one file, for ``summarizer validate``)
raises it as an ``InputError``.

Reading is lazy: a JSONL dump of any size streams through one line at a
time, from a file or from standard input. Text is decoded by ``encoding``
(UTF-8, a byte-order mark, or a detected encoding such as CP949), and how it
was read is kept in the article's flags.

An article's ``title`` is the record's ``title`` (JSONL), the page's og:title
or <title> (HTML, by trafilatura's metadata), the first ``# heading``
(Markdown), or the first line of a text file when that line is a title
(``trust.grounded.headline.title_line``: a line of a few words that does not
end as a sentence, before the body starts). A grounded summary's headline is
the title.

To add an input format: give its suffixes a reader here that yields
``Article``s (or ``Unreadable``s), and add them to ``SUFFIXES``.
"""

from __future__ import annotations

import io
import itertools
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import IO

from ..contract.article import Article, Unreadable, content_hash
from ..contract.errors import InputError
from ..trust.article.source import Source
from ..trust.article.titles import with_title
from ..trust.grounded.headline import title_line
from .encoding import (
    INVALID_UTF8,
    LineDecoder,
    bom_encoding,
    decode,
    encoding_flag,
    escaped,
    lone_surrogate,
    path_text,
    text_encoding,
)
from .html_text import HtmlUnreadable, html_text
from .json_errors import json_error

__all__ = ["SUFFIXES", "Unreadable", "read_article", "read_file", "read_inputs", "reading_note"]

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
_FIELDS = ("id", "text", "title", "url", "published")
"""The fields of a JSONL record that an article keeps."""


def looks_binary(data: bytes) -> bool:
    return b"\x00" in data[:8192] and text_encoding(data) is None


def _text_title(text: str) -> str | None:
    """The title line a text (or Markdown) file opens with, if it opens with one."""
    span = title_line(Source.of(text))
    return " ".join(text[span[0]:span[1]].split()) if span else None


def _cannot_read(origin: str, e: OSError) -> Unreadable:
    return Unreadable(PurePosixPath(origin).stem, origin,
                      f"cannot be read ({e.strerror}); check the path and its permissions")


def _file(path: Path) -> Iterator[Article | Unreadable]:
    origin = path_text(path)  # a name that is not UTF-8 is read, and written out escaped
    try:
        handle = open(path, "rb")
    except OSError as e:
        yield _cannot_read(origin, e)
        return
    with handle:
        try:
            yield from read_file(origin, handle)
        except OSError as e:
            yield _cannot_read(origin, e)


def read_file(origin: str, handle: io.BufferedReader) -> Iterator[Article | Unreadable]:
    """The articles of one open file, named ``origin`` (its suffix says how to read it), as ``read_inputs`` reads
    them; for readers that open files themselves (the Ray engine's, on any file system Ray reads)."""
    name = PurePosixPath(origin)
    if name.suffix.lower() in JSONL_SUFFIXES:
        yield from _jsonl_file(handle, origin)
        return
    data = handle.read()
    if looks_binary(data):
        yield Unreadable(name.stem, origin, "a binary file, not an article; give text, Markdown, HTML or JSONL")
        return
    text, flags = decode(data)
    title = None
    if name.suffix.lower() in HTML_SUFFIXES:
        try:
            extracted, title = html_text(text)
        except HtmlUnreadable as e:
            yield Unreadable(name.stem, origin, str(e))
            return
        if not extracted or not extracted.strip():
            yield Unreadable(name.stem, origin, "no article text found in this HTML page")
            return
        text = with_title(extracted, title)
    if not text.strip():
        yield Unreadable(name.stem, origin, "the file is empty; give a file with the article's text")
        return
    yield Article(f"{name.stem}-{content_hash(text)[:8]}", text, origin, title=title or _text_title(text), flags=flags)


def _jsonl_file(handle: io.BufferedReader, origin: str) -> Iterator[Article | Unreadable]:
    """A JSONL file, one line at a time (as text when it is in UTF-16 or UTF-32, marked or not)."""
    name = text_encoding(handle.peek(8192)[:8192])  # peek: a pipe cannot seek back
    if name is None:
        yield from _jsonl(handle, origin)
        return
    text = io.TextIOWrapper(handle, encoding=name, errors="replace")
    try:
        yield from _jsonl(text, origin, name)
    finally:
        text.detach()  # the caller closes the file


def _json_error(n: int, line: str, e: json.JSONDecodeError) -> str:
    where = json_error(line, e)
    near = line[max(0, where.offset - 20): where.offset + 20].strip()
    return (f"line {n} is not valid JSON: {where.message} at column {where.column} "
            f"(near {near!r}); fix or remove that line")


def _jsonl(lines: Iterable[bytes | str], origin: str, encoding: str | None = None,
           first: int = 1) -> Iterator[Article | Unreadable]:
    """The records of a JSONL stream: ``lines`` are bytes, or text already read in ``encoding``; ``first`` is
    the number of the first of them (blank lines passed over before it are counted, not kept)."""
    decode_line = LineDecoder()
    text_flags = (encoding_flag(encoding),) if encoding else ()
    for n, raw in enumerate(lines, first):
        if not raw.strip():
            continue
        where = f"{origin}:{n}"
        if isinstance(raw, str):
            text_line, flags = raw.removeprefix("\ufeff"), text_flags
        else:
            text_line, flags = decode_line(raw)
        try:
            record = json.loads(text_line)
        except json.JSONDecodeError as e:
            yield Unreadable(f"line-{n}", where, _json_error(n, text_line, e))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield Unreadable(escaped(str(record.get("id", f"line-{n}"))) if isinstance(record, dict) else f"line-{n}",
                             where, f'line {n} has no "text" string; each record needs "text" (and optionally '
                             '"id", "title", "url", "published")')
            continue
        if (bad := _lone_surrogate(record)) is not None:
            key, char = bad
            yield Unreadable(escaped(str(record.get("id", f"line-{n}"))), where,
                             f'line {n}: "{key}" holds {ascii(char)[1:-1]}, a lone surrogate (half of a UTF-16 pair), '
                             "which is not text; fix that escape in the dump")
            continue
        text = record["text"]
        rid = str(record["id"]) if record.get("id") is not None else f"sha-{content_hash(text)}"
        if not text.strip():
            yield Unreadable(rid, where, f"line {n}: the article text is empty")
            continue
        title = _opt(record, "title")
        yield Article(rid, with_title(text, title), where, title=title, url=_opt(record, "url"),
                      published=_opt(record, "published"), flags=flags)


def _lone_surrogate(record: dict) -> tuple[str, str] | None:
    """The first field of the record that holds a lone surrogate, and that surrogate."""
    for key in _FIELDS:
        value = record.get(key)
        if isinstance(value, str) and (char := lone_surrogate(value)) is not None:
            return key, char
    return None


def _opt(record: dict, key: str) -> str | None:
    value = record.get(key)
    return None if value is None else str(value)


def _stdin(stream: IO[bytes]) -> Iterator[Article | Unreadable]:
    blank = bytearray()  # the blank lines before the first record: one buffer, not a list of lines
    lines = 0
    line = b""
    for line in stream:  # up to the first line with something on it
        if line.strip():
            break
        blank += line
        lines += 1
        line = b""
    first = line.lstrip().removeprefix(b"\xef\xbb\xbf").lstrip()
    if first[:1] == b"{":
        del blank  # JSONL: blank lines are passed over, and only their count is needed for the line numbers
        yield from _jsonl(itertools.chain((line,), stream), "<stdin>", first=lines + 1)  # streamed
        return
    blank += line
    blank += stream.read()
    data = bytes(blank)
    del blank
    text, flags = decode(data)
    if (name := bom_encoding(data)) is not None and text.lstrip()[:1] == "{":  # JSONL in UTF-16/32: read whole
        yield from _jsonl(text.splitlines(keepends=True), "<stdin>", name)
        return
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
            shown = path_text(raw)
            yield Unreadable(PurePosixPath(shown).stem, shown, "no such file or folder")


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


def reading_note(article: Article) -> str | None:
    """One line for stderr when the article's text was not read as clean UTF-8, else None."""
    for flag in article.flags:
        if flag == INVALID_UTF8:
            return (f"summarizer: {article.origin}: not valid UTF-8 in any encoding we could detect; undecodable "
                    f"bytes were replaced with U+FFFD (flagged {INVALID_UTF8})")
        if flag.startswith("encoding:"):
            return f"summarizer: {article.origin}: read as {flag.removeprefix('encoding:').upper()} (flagged {flag})"
    return None
