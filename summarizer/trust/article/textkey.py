"""A normalised search key for a text, with a map back to the original offsets.

Quotes and names are compared on a *key* of the text, not the text itself:

- Unicode NFKC per character, with decomposed Hangul (ᄒ+ᅡ+ᆫ) and base letters
  with combining marks composed first;
- every quote mark (“ ” „ ‘ ’ " ' 「 」 『 』 « » ...) folded to one ``"``;
- ``…`` and ``⋯`` spelled ``...``; dash and middle-dot variants folded;
- whitespace and zero-width characters dropped entirely, so that collapsed,
  doubled or missing spaces (AI수도 / AI 수도) do not matter.

``TextKey`` keeps, for every place where the key departs from the text, the
offsets on both sides, so that a match in the key maps back to the exact span
of the original string: ``text[start:end]`` is always the passage.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["TextKey", "clip", "key_of", "key_offsets"]

_QUOTE_MARKS = "\"'`´“”„‟‘’‚‛«»‹›「」『』〝〞〟″′＂＇"
_FOLD = {ord(c): '"' for c in _QUOTE_MARKS}
_FOLD.update({ord(c): "-" for c in "‐‑‒–—―−"})
_FOLD.update({ord(c): "·" for c in "‧・･∙⋅"})
_FOLD.update({ord("…"): "...", ord("⋯"): "...", ord("‥"): ".."})

# Characters that the key drops: whitespace and zero-width marks.
_DROPPED = r"\s\u200b-\u200d\u2060\ufeff\u00ad"
_MARKS = r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3099\u309a]"
# Runs that must be normalised together: decomposed Hangul syllables, a Hangul
# syllable followed by a trailing jamo, and a base character with combining marks.
_CLUSTER = (
    r"[\u1100-\u1112][\u1161-\u1175][\u11a8-\u11c2]?"
    r"|[\uac00-\ud7a3][\u11a8-\u11c2]"
    rf"|[^{_DROPPED}]{_MARKS}+"  # (a mark after a space stands alone: the space is dropped, as the table does)
)
_DROP = rf"[{_DROPPED}]+"
# Anything else that may change: ASCII quote marks and non-ASCII characters
# outside the precomposed Hangul block (which NFKC leaves alone).
_OTHER = r"[\"'`]|[^\x00-\x7f\uac00-\ud7a3]"
_SPECIAL_RE = re.compile(rf"(?P<cluster>{_CLUSTER})|(?P<drop>{_DROP})|(?P<other>{_OTHER})", re.DOTALL)


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    return unicodedata.normalize("NFKC", c.translate(_FOLD)).translate(_FOLD)


def _fold_cluster(s: str) -> str:
    return unicodedata.normalize("NFKC", s).translate(_FOLD)


_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH_TABLE = dict.fromkeys(map(ord, _ZERO_WIDTH))
_ZERO_WIDTH_RE = re.compile(f"[{_ZERO_WIDTH}]")
# The characters the fold changes (the straight double quote, which folds to itself, is left out: every
# article has dozens, and each match costs a Python call).
_FOLD_RE = re.compile("[" + "".join(re.escape(chr(c)) for c, to in _FOLD.items() if to != chr(c)) + "]")


CHUNK = 1024
"""Characters per chunk of a long text; offsets are mapped back one chunk at a time."""


@dataclass(frozen=True, slots=True)
class _Departures:
    """Where ``key`` departs from ``text``: ``key[kstart[i]:kend[i]]`` came from
    ``text[tstart[i]:tend[i]]``; between departures they agree character for character."""

    key: str
    kstart: list[int]
    kend: list[int]
    tstart: list[int]
    tend: list[int]

    @classmethod
    def build(cls, text: str) -> _Departures:
        parts: list[str] = []
        kstart: list[int] = []
        kend: list[int] = []
        tstart: list[int] = []
        tend: list[int] = []
        klen = 0
        last = 0
        for m in _SPECIAL_RE.finditer(text):
            s, e = m.span()
            if s > last:
                parts.append(text[last:s])
                klen += s - last
            kind = m.lastgroup
            folded = "" if kind == "drop" else _fold_cluster(m[0]) if kind == "cluster" else _fold_char(m[0])
            last = e
            parts.append(folded)
            if folded != m[0]:
                kstart.append(klen)
                kend.append(klen + len(folded))
                tstart.append(s)
                tend.append(e)
            klen += len(folded)
        parts.append(text[last:])
        return cls("".join(parts), kstart, kend, tstart, tend)

    def start_of(self, k: int) -> int:
        # The last departure starting at or before k: either k lies inside its
        # output, or k lies in the stretch after it where key and text agree.
        i = bisect_right(self.kstart, k) - 1
        if i < 0:
            return k
        if k < self.kend[i]:
            return self.tstart[i]
        return self.tend[i] + (k - self.kend[i])

    def end_of(self, k: int) -> int:
        if k <= 0:
            return 0
        last = k - 1
        i = bisect_right(self.kstart, last) - 1
        if i < 0:
            return k
        if last < self.kend[i]:
            return self.tend[i]
        return self.tend[i] + (last - self.kend[i]) + 1


def _table_key(chunk: str) -> str | None:
    # When the table's output (spaces dropped, quote marks and ellipses folded)
    # is already NFKC, per-character NFKC changes nothing: the table, which
    # runs in C, gives the key. Otherwise (None) it must be built character by character.
    # Prose's whitespace is spaces and newlines; every other whitespace or zero-width character
    # is unprintable (Cc, Cf, Zs, Zl or Zp), so a printable rest has none left. Two to three
    # times as fast as "".join(chunk.split()), which makes a string of every word.
    key = chunk.replace(" ", "").replace("\n", "")
    if not key.isprintable():
        key = "".join(key.split())  # drops every character str.isspace() knows
        if _ZERO_WIDTH_RE.search(key) is not None:
            key = key.translate(_ZERO_WIDTH_TABLE)
    if _FOLD_RE.search(key) is not None:
        for mark in set(_FOLD_RE.findall(key)):
            key = key.replace(mark, _FOLD[ord(mark)])
    return key if unicodedata.is_normalized("NFKC", key) else None


def _chunk_key(chunk: str) -> str:
    key = _table_key(chunk)
    if key is not None:
        return key
    # Some character needs NFKC (⑤, ㎞, ㈜, full-width forms) or a cluster does. Only the lines that need it take
    # the character-by-character path: a line break is dropped from the key and no cluster spans one, so the key
    # of the whole is that of its lines.
    if "\n" in chunk:
        return "".join(map(_chunk_key, chunk.split("\n")))
    return _Departures.build(chunk).key


def _is_boundary(text: str, pos: int) -> bool:
    """Whether a chunk may start at ``pos`` without splitting a cluster."""
    c = text[pos]
    return not unicodedata.combining(c) and not ("\u1161" <= c <= "\u11c2")


class TextKey:
    """The key of ``text``, and the way back from key positions to text offsets.

    The key is built a chunk at a time (in C for text that is already NFKC);
    the character-level map of a chunk is built only when a match in it has
    to be mapped back, so a long article costs little until it is searched.
    """

    __slots__ = ("text", "key", "_chunk_t", "_chunk_k", "_maps")

    def __init__(self, text: str, key: str, chunk_t: list[int], chunk_k: list[int]) -> None:
        self.text = text
        self.key = key
        self._chunk_t = chunk_t
        self._chunk_k = chunk_k
        self._maps: dict[int, tuple[list[int], list[int], list[_Departures | None]]] = {}

    @classmethod
    def build(cls, text: str, chunk: int = CHUNK) -> TextKey:
        chunk_t: list[int] = []
        chunk_k: list[int] = []
        keys: list[str] = []
        klen = 0
        start = 0
        n = len(text)
        while start < n:
            end = min(n, start + chunk)
            while end < n and not _is_boundary(text, end):
                end += 1
            key = _chunk_key(text[start:end])
            chunk_t.append(start)
            chunk_k.append(klen)
            keys.append(key)
            klen += len(key)
            start = end
        return cls(text, "".join(keys), chunk_t, chunk_k)

    def _chunk(self, k: int) -> tuple[int, int, _Departures]:
        """The line of a chunk that holds key position ``k``: where it starts in the text and in the key, and its
        map. A match is mapped back with the map of its line alone (a few hundred characters), not of its whole
        chunk; a chunk whose lines' keys do not make its key (no known case) is mapped whole."""
        i = max(0, bisect_right(self._chunk_k, k) - 1)
        lines = self._maps.get(i)
        if lines is None:
            lines = self._maps[i] = self._lines(i)
        t_starts, k_starts, maps = lines
        j = max(0, bisect_right(k_starts, k - self._chunk_k[i]) - 1)
        dep = maps[j]
        if dep is None:
            t0 = self._chunk_t[i] + t_starts[j]
            t1 = self._chunk_t[i] + t_starts[j + 1] - 1 if j + 1 < len(t_starts) else self._chunk_end(i)
            dep = maps[j] = _Departures.build(self.text[t0:t1])
            k0 = self._chunk_k[i] + k_starts[j]
            k1 = self._chunk_k[i] + k_starts[j + 1] if j + 1 < len(k_starts) else self._chunk_key_end(i)
            assert dep.key == self.key[k0:k1], "key and offset map disagree"
        return self._chunk_t[i] + t_starts[j], self._chunk_k[i] + k_starts[j], dep

    def _chunk_end(self, i: int) -> int:
        return self._chunk_t[i + 1] if i + 1 < len(self._chunk_t) else len(self.text)

    def _chunk_key_end(self, i: int) -> int:
        return self._chunk_k[i + 1] if i + 1 < len(self._chunk_k) else len(self.key)

    def _lines(self, i: int) -> tuple[list[int], list[int], list[_Departures | None]]:
        """Where each line of chunk ``i`` starts, in the text and in the key (offsets into the chunk's)."""
        chunk = self.text[self._chunk_t[i] : self._chunk_end(i)]
        lines = chunk.split("\n")
        t_starts, t = [], 0
        for line in lines:
            t_starts.append(t)
            t += len(line) + 1
        # Counted without a key of every line where nothing is joined (there the lines' keys make the chunk's)
        k_starts = key_offsets(chunk, t_starts)
        if k_starts is None:
            keys = [_chunk_key(line) for line in lines]
            if "".join(keys) != self.key[self._chunk_k[i] : self._chunk_key_end(i)]:
                return [0], [0], [None]
            k_starts, k = [], 0
            for key in keys:
                k_starts.append(k)
                k += len(key)
        return t_starts, k_starts, [None] * len(lines)

    def start_of(self, k: int) -> int:
        """Offset in the text where the character at key position ``k`` begins."""
        if not self._chunk_t:
            return 0
        t0, k0, dep = self._chunk(k)
        return t0 + dep.start_of(k - k0)

    def end_of(self, k: int) -> int:
        """Offset in the text just after the character at key position ``k - 1``."""
        if k <= 0 or not self._chunk_t:
            return 0
        t0, k0, dep = self._chunk(k - 1)
        return t0 + dep.end_of(k - k0)

    def span(self, kstart: int, kend: int) -> tuple[int, int]:
        """The span of the text that produced ``key[kstart:kend]``."""
        return self.start_of(kstart), self.end_of(kend)


def key_of(text: str) -> str:
    """The key of a short text (a quote, a name), without the offset map."""
    return _chunk_key(text)


_JOINED_RE = re.compile(rf"[\u1100-\u11ff]|{_MARKS}")
"""What the key may join with the character before it (a decomposed Hangul syllable, a combining mark)."""
_ONE_FOR_ONE = "\n\x20-\x7e\uac00-\ud7a3·" + "".join(re.escape(chr(c)) for c, to in _FOLD.items() if len(to) == 1)
_OTHER_THAN_ONE_RE = re.compile(f"[^{_ONE_FOR_ONE}]")
"""A character whose key is not one character of its own: printable ASCII, Hangul syllables, the middle dot and
the quote marks, dashes and dots the key folds are (each NFKC as it is, and none joined with another), and the
space and the line break are dropped."""


def key_offsets(text: str, offsets: list[int]) -> list[int] | None:
    """Where each of the increasing ``offsets`` of ``text`` falls in its key: ``len(key_of(text[:o]))``, counted
    without making a key. ``None`` when the text holds something the key joins with what stands before it
    (decomposed Hangul, combining marks); in any other text the key is made character by character, a piece's
    key is as long as its characters' keys put together, and those are counted in C but for the few characters
    whose key is not one character of their own (other spaces, an ellipsis, ⑤, ㈜)."""
    others = [(m.start(), m[0]) for m in _OTHER_THAN_ONE_RE.finditer(text)]  # (what the key joins among them)
    if any(_JOINED_RE.match(c) for _, c in others):
        return None
    odd = [(at, _key_length(c) - 1) for at, c in others]
    out, k, previous, j = [], 0, 0, 0
    for at in offsets:
        k += at - previous - text.count(" ", previous, at) - text.count("\n", previous, at)
        while j < len(odd) and odd[j][0] < at:
            k += odd[j][1]
            j += 1
        out.append(k)
        previous = at
    return out


@lru_cache(maxsize=1024)
def _key_length(c: str) -> int:
    """How long the key of the one character ``c`` is, standing alone."""
    return 0 if c.isspace() or c in _ZERO_WIDTH else len(_fold_char(c))


def clip(text: str, limit: int) -> str:
    """``text`` on one line (whitespace runs collapsed), cut with … past ``limit`` characters."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
