"""One article, analysed once: its key, its numbers, its paragraphs, its quotations.

Everything here indexes the exact source string that was read; nothing is
stripped or re-encoded. ``Source.of(text)`` memoises the analysis, so the
checks, ``locate_quote`` and a re-ask validating the same article again share
one copy.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import TypeVar

from ..numbers.quantities import Quantity, find_quantities
from .textkey import TextKey, key_of

__all__ = ["BareKey", "Source"]

_T = TypeVar("_T")

# Paired quotation marks inside one paragraph. Straight double quotes pair in
# order; curly and corner marks pair with their closing twin.
_QUOTED_RE = re.compile(r'“([^“”\n]+)”|"([^"\n]+)"|「([^「」\n]+)」|『([^『』\n]+)』')
_LINE_RE = re.compile(r"[^\n]*\S[^\n]*")
# A short bracketed insertion in a key (spaces are already gone): (전단계공정), [the president].
_INSERTION_RE = re.compile(r"\([^()]{0,40}\)|\[[^\[\]]{0,40}\]")


class BareKey:
    """A key without its short bracketed insertions, with the way back to the key and what was removed where."""

    __slots__ = ("text", "_at", "_shift", "_removed")

    def __init__(self, key: str) -> None:
        parts: list[str] = []
        self._at: list[int] = []       # where, in the bare text, each insertion was (before bare[at])
        self._shift: list[int] = []    # key characters removed up to and including that one
        self._removed: list[str] = []
        pos = bare_len = removed = 0
        for m in _INSERTION_RE.finditer(key):
            parts.append(key[pos : m.start()])
            bare_len += m.start() - pos
            removed += m.end() - m.start()
            self._at.append(bare_len)
            self._shift.append(removed)
            self._removed.append(m[0])
            pos = m.end()
        parts.append(key[pos:])
        self.text = "".join(parts)

    def find(self, sub: str, start: int = 0, end: int | None = None) -> int:
        return self.text.find(sub, start, len(self.text) if end is None else end)

    def removed_at(self, pos: int) -> str | None:
        """The insertions the key had just before ``text[pos]`` (run together), if any."""
        i, j = bisect_left(self._at, pos), bisect_right(self._at, pos)
        return "".join(self._removed[i:j]) if j > i else None

    def _removed_upto(self, pos: int) -> int:
        i = bisect_right(self._at, pos) - 1
        return self._shift[i] if i >= 0 else 0

    def to_key(self, start: int, end: int) -> tuple[int, int]:
        """The key span of ``text[start:end]`` (insertions inside it included)."""
        return start + self._removed_upto(start), end + self._removed_upto(end - 1)


class Source:
    """The article text with lazily built indexes."""

    __slots__ = ("text", "_analyses", "__dict__")

    def __init__(self, text: str) -> None:
        self.text = text
        self._analyses: dict[Callable[[Source], object], object] = {}

    @staticmethod
    @lru_cache(maxsize=64)
    def of(text: str) -> Source:
        return Source(text)

    @cached_property
    def key(self) -> TextKey:
        return TextKey.build(self.text)

    @cached_property
    def bare_key(self) -> BareKey:
        """The key without its short bracketed insertions, for quotes that drop or keep them."""
        return BareKey(self.key.key)

    @cached_property
    def quantities(self) -> list[Quantity]:
        return find_quantities(self.text)

    def cached(self, analysis: Callable[[Source], _T]) -> _T:
        """``analysis(self)``, worked out once for this article.

        The analyses that read a Source (its page furniture, its people, who says what) keep their results
        here, so that the Source holds them without importing them: they import the Source, not the other
        way round.
        """
        try:  # (asked about 200 times an article: a slot, not a dict made and dropped by setdefault each time)
            return self._analyses[analysis]  # type: ignore[return-value]
        except KeyError:
            value = self._analyses[analysis] = analysis(self)
            return value

    @cached_property
    def values(self) -> frozenset[Decimal]:
        return frozenset(q.value for q in self.quantities)

    @cached_property
    def paragraph_starts(self) -> list[int]:
        """Start offsets of the non-blank lines: a paragraph is a line here."""
        return [m.start() for m in _LINE_RE.finditer(self.text)]

    def paragraph_of(self, offset: int) -> int:
        """Index of the paragraph holding ``offset`` (0 before the first one)."""
        return max(0, bisect_right(self.paragraph_starts, offset) - 1)

    @cached_property
    def quoted_passages(self) -> list[tuple[int, int]]:
        """Spans of the text inside paired quotation marks, marks excluded."""
        # one group of the four takes part in a match: the last (and only) one is the passage
        return [m.span(m.lastindex) for m in _QUOTED_RE.finditer(self.text)]

    def find_all(self, needle: str) -> tuple[str, list[tuple[int, int]]]:
        """Every occurrence of ``needle`` and how it matched.

        Verbatim occurrences (``"exact"``) if there are any, else those of its
        key (``"normalized"``), else ``("not_found", [])``.
        """
        spans = []
        start = self.text.find(needle)
        while start >= 0:
            spans.append((start, start + len(needle)))
            start = self.text.find(needle, start + 1)
        if spans:
            return "exact", spans
        key = key_of(needle)
        k = self.key.key.find(key) if key else -1
        while k >= 0:
            spans.append(self.key.span(k, k + len(key)))
            k = self.key.key.find(key, k + 1)
        return ("normalized", spans) if spans else ("not_found", [])

    def names(self, name: str) -> bool:
        """Whether the article names ``name``: verbatim, in its key, or word by word."""
        if not name.strip():
            return False
        if self.find_all(name)[1]:
            return True
        words = [w for w in name.split() if len(w) >= 2]
        return bool(words) and all(key_of(w) in self.key.key for w in words)
