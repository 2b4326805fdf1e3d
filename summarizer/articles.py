"""Reading an article from disk, keeping its exact text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .inputs import decode, looks_binary

__all__ = ["ArticleFile", "read_article"]


@dataclass(frozen=True, slots=True)
class ArticleFile:
    """An article's exact text. ``decode_errors`` says whether bytes that
    were not UTF-8 were replaced with U+FFFD."""

    path: str
    text: str
    decode_errors: bool = False


def read_article(path: str | Path) -> ArticleFile:
    """Read a UTF-8 text article as it is: newlines and all, so offsets hold."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file; give the path of an article text file") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a directory; give the path of one article text file") from None
    except OSError as e:
        raise InputError(f"{p}: cannot be read ({e.strerror}); check its permissions") from None
    if looks_binary(data):
        raise InputError(f"{p}: looks like a binary file, not an article; give a UTF-8 text file")
    text, flags = decode(data)
    bad = "invalid_utf8" in flags
    if not text.strip():
        raise InputError(f"{p}: the article is empty; give a file with the article's text")
    return ArticleFile(str(p), text, bad)
