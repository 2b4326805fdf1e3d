"""An article as read from a dump: its id, its exact text and where it came from; or why it could not be read."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

__all__ = ["Article", "Unreadable", "content_hash"]


def content_hash(text: str) -> str:
    """A short, stable hash of an article's text (resume compares it)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    """One article. Every offset reported later indexes ``text`` as it is here."""

    id: str
    text: str
    origin: str
    """Where it came from: a path, or path:line for a JSONL record."""
    title: str | None = None
    url: str | None = None
    published: str | None = None
    flags: tuple[str, ...] = field(default=())
    """Problems that did not stop the read, e.g. invalid UTF-8 replaced."""

    @property
    def hash(self) -> str:
        return content_hash(self.text)


@dataclass(frozen=True)
class Unreadable:
    """An input that could not be read as an article, and why."""

    id: str
    origin: str
    reason: str
