"""Bytes to text: UTF-8 first, then what the bytes say they are, then what they look like.

Korean dumps often come in CP949 (EUC-KR), and some tools write UTF-16 with a
byte-order mark. ``decode`` reads:

1. a byte-order mark (UTF-8, UTF-16, UTF-32): that encoding;
2. no mark, but NUL bytes between the characters, and the first 8 KiB read
   cleanly as UTF-32 or UTF-16 (little- or big-endian) with no control
   character but whitespace: that encoding (``wide_encoding``);
3. valid UTF-8: UTF-8;
4. otherwise what charset-normalizer detects (CP949 for EUC-KR too, since
   it is the superset), flagged ``encoding:NAME``;
5. otherwise UTF-8 with the undecodable bytes replaced by U+FFFD, flagged
   ``invalid_utf8`` (a mostly UTF-8 file with a few broken bytes lands here:
   charset-normalizer finds no encoding that reads it cleanly).

The flags go into the result record, so a reader knows how the text was read.
"""

from __future__ import annotations

import codecs
import os
import re

__all__ = ["INVALID_UTF8", "LineDecoder", "bom_encoding", "decode", "encoding_flag", "escaped", "lone_surrogate",
           "path_text", "text_encoding", "wide_encoding"]

INVALID_UTF8 = "invalid_utf8"

# UTF-32's marks first: UTF-32-LE's begins with UTF-16-LE's.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate(text: str) -> str | None:
    """The first lone surrogate in ``text`` (a JSON escape such as ``\\ud800`` makes one), if any: no UTF-8
    file can hold it."""
    m = _SURROGATE.search(text)
    return None if m is None else m[0]


def escaped(text: str) -> str:
    """``text`` with each lone surrogate written as its escape (``\\ud800``), so that UTF-8 can hold it."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def path_text(path: str | os.PathLike[str]) -> str:
    """A path as text that UTF-8 can hold: the bytes of a name that is not UTF-8 written as escapes (``\\xff``)."""
    try:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that no file system decoding made
        return escaped(os.fspath(path))


def encoding_flag(name: str) -> str:
    """The record flag for text read in encoding ``name``: ``encoding:cp949``, ``encoding:utf-16``."""
    return "encoding:" + name.lower().replace("_", "-")


def bom_encoding(data: bytes) -> str | None:
    """The encoding a UTF-16 or UTF-32 byte-order mark at the start of ``data`` names, if any."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return name
    return None


_WIDE = ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be")  # UTF-32 first: its NULs read as UTF-16 NULs
_SAMPLE = 8192
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
"""Control characters that no text holds (whitespace, \\t \\n \\f \\r, is text)."""


def wide_encoding(data: bytes) -> str | None:
    """UTF-32 or UTF-16 with no byte-order mark, if ``data`` is that: NUL bytes in its first 8 KiB (which
    UTF-8 text has none of), and those bytes read cleanly in it, with no control character but whitespace."""
    head = data[:_SAMPLE]
    if b"\x00" not in head:
        return None
    for name in _WIDE:
        try:
            text = codecs.getincrementaldecoder(name)().decode(head, final=False)  # a character cut at 8 KiB waits
        except UnicodeDecodeError:
            continue
        if text and not _NOT_TEXT.search(text):
            return name
    return None


def text_encoding(data: bytes) -> str | None:
    """The encoding ``data`` says (a UTF-16 or UTF-32 mark) or shows (``wide_encoding``) it is in, if either."""
    return bom_encoding(data) or wide_encoding(data)


def decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    """``data`` as text, and the flags that say how it was read (none for clean UTF-8)."""
    name = text_encoding(data)
    if name is not None:
        try:
            return data.decode(name).removeprefix("\ufeff"), (encoding_flag(name),)
        except UnicodeDecodeError:
            pass  # a mark followed by something else: read on as if there were none
    return LineDecoder()(data)


class LineDecoder:
    """Decodes the lines of one file, as ``decode`` does, remembering the encoding detected.

    A short line says little about its encoding; once a longer one has shown
    the file to be CP949, say, the lines that are not UTF-8 are tried in CP949
    first.
    """

    def __init__(self) -> None:
        self.encoding: str | None = None

    def __call__(self, data: bytes) -> tuple[str, tuple[str, ...]]:
        try:
            return data.decode("utf-8").removeprefix("\ufeff"), ()
        except UnicodeDecodeError:
            pass
        if self.encoding is not None:
            try:
                return data.decode(self.encoding), (encoding_flag(self.encoding),)
            except UnicodeDecodeError:
                pass
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None and best.encoding not in ("utf_8", "ascii"):
            self.encoding = best.encoding
            return str(best).removeprefix("\ufeff"), (encoding_flag(best.encoding),)
        return data.decode("utf-8", errors="replace").removeprefix("\ufeff"), (INVALID_UTF8,)
