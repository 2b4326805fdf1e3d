"""Find a quotation in an article, and say how it matched.

``locate_quote`` tries, in order:

- ``exact``: the quote is a substring of the article;
- ``normalized``: it is a substring once both are reduced to their key
  (Unicode NFC/NFKC, quote-mark and ellipsis variants, whitespace and
  zero-width characters; see ``textkey``);
- ``elided``: the quote marks omissions (``...``, ``…``, ``[...]``) or carries
  a bracketed editorial insertion (``[the president]``), or leaves out one
  the article has (``AI (발전에) 필요한`` quoted as ``AI 필요한``); its pieces are
  found in order, each gap at most ``MAX_GAP`` key characters;
- otherwise ``not_found``, with the closest passage and how close it is.

The search stays linear in the article's length: exact and key matches are
``str.find``; the closest passage is voted for by a few short anchors of the
quote and only then compared with ``difflib`` on a window the size of the
quote. No fuzzy search over the whole article.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from .source import Source
from .textkey import key_of

__all__ = ["MAX_GAP", "QuoteMatch", "locate_quote"]

MatchKind = Literal["exact", "normalized", "elided", "not_found"]

MAX_GAP = 300
"""Largest gap, in key characters, between two pieces of an elided quote."""

_ENCLOSING = "\"'“”‘’「」『』«»"
# Ellipses and bracketed insertions inside a quote's key ('…' is already '...').
_ELISION_RE = re.compile(r"\.{2,}|\[[^\]]*\]|\([^)]*\)")
# A bracketed insertion in the article that the quote may leave out.
_SOURCE_INSERTION = r"(?:\([^)]{0,40}\)|\[[^\]]{0,40}\])?"
_MAX_PIECES = 8
_ANCHORS = 24
_MAX_HITS_PER_ANCHOR = 64


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """Where a quote sits in the article.

    For a found quote, ``source[start:end]`` is the passage and ``pieces`` the
    spans of its parts (one part unless elided). For a missing one, ``start``
    and ``end`` are ``None`` and ``closest`` is the most similar passage, with
    ``similarity`` in [0, 1] (a difflib ratio on the keys).
    """

    kind: MatchKind
    start: int | None
    end: int | None
    pieces: tuple[tuple[int, int], ...] = ()
    similarity: float = 1.0
    closest: tuple[int, int] | None = None

    @property
    def found(self) -> bool:
        return self.kind != "not_found"


def locate_quote(source: str, quote: str) -> QuoteMatch:
    """Find ``quote`` in ``source``; offsets index ``source`` as given."""
    if not quote or not quote.strip():
        raise ValueError("the quote is empty: give the quoted words")
    at = source.find(quote)
    if at >= 0:
        return QuoteMatch("exact", at, at + len(quote), ((at, at + len(quote)),))
    inner = quote.strip().strip(_ENCLOSING).strip()
    if inner and inner != quote:
        at = source.find(inner)
        if at >= 0:
            return QuoteMatch("exact", at, at + len(inner), ((at, at + len(inner)),))
    return _locate_in(Source.of(source), inner or quote)


def _locate_in(src: Source, quote: str) -> QuoteMatch:
    index = src.key
    qkey = key_of(quote).strip('"')
    if not qkey:
        return QuoteMatch("not_found", None, None, similarity=0.0)
    k = index.key.find(qkey)
    if k >= 0:
        start, end = index.span(k, k + len(qkey))
        return QuoteMatch("normalized", start, end, ((start, end),))
    elided = _locate_elided(src, qkey)
    if elided is not None:
        return elided
    return _closest(src, qkey)


def _piece_pattern(piece: str) -> str:
    # Between any two characters the article may hold a short bracketed insertion.
    return _SOURCE_INSERTION.join(re.escape(c) for c in piece)


def _locate_elided(src: Source, qkey: str) -> QuoteMatch | None:
    pieces = [p.strip('"') for p in _ELISION_RE.split(qkey)]
    pieces = [p for p in pieces if len(p) >= 2]
    if not pieces or len(pieces) > _MAX_PIECES:
        return None
    key = src.key.key
    # Cheap rejection: the first characters of every piece must be in the article.
    if any(p[:2] not in key for p in pieces):
        return None
    gap = rf".{{0,{MAX_GAP}}}?"
    pattern = gap.join(f"({_piece_pattern(p)})" for p in pieces)
    m = re.search(pattern, key, re.DOTALL)
    if m is None:
        return None
    spans = tuple(src.key.span(*m.span(i)) for i in range(1, len(pieces) + 1))
    return QuoteMatch("elided", spans[0][0], spans[-1][1], spans)


def _closest(src: Source, qkey: str) -> QuoteMatch:
    """The passage most like the quote, found by anchor voting then difflib."""
    key = src.key.key
    n = len(qkey)
    best: tuple[float, int, int] | None = None
    for width in (8, 3):
        if n < width:
            continue
        votes = _vote(key, qkey, width)
        for start, _count in votes.most_common(3):
            lo = max(0, start - n // 2)
            window = key[lo : start + n + n // 2]
            blocks = [b for b in SequenceMatcher(None, qkey, window, autojunk=False).get_matching_blocks() if b.size]
            if not blocks:
                continue
            a, b = lo + blocks[0].b, lo + blocks[-1].b + blocks[-1].size
            ratio = SequenceMatcher(None, qkey, key[a:b], autojunk=False).ratio()
            if best is None or ratio > best[0]:
                best = (ratio, a, b)
        if best is not None:
            break
    if best is None:
        return QuoteMatch("not_found", None, None, similarity=0.0)
    ratio, a, b = best
    return QuoteMatch("not_found", None, None, similarity=round(ratio, 3), closest=src.key.span(a, b))


def _vote(key: str, qkey: str, width: int) -> Counter[int]:
    """Votes for where the quote would start, from occurrences of its anchors.

    An anchor found more than ``_MAX_HITS_PER_ANCHOR`` times (boilerplate, a
    repeated phrase) says little and would cost much: its votes are used only
    when no rarer anchor found anything.
    """
    n = len(qkey)
    step = max(width, (n - width) // _ANCHORS)
    bucket = max(8, n // 4)
    votes: Counter[int] = Counter()
    common: list[tuple[int, int]] = []
    for offset in range(0, n - width + 1, step):
        anchor = qkey[offset : offset + width]
        hits = []
        at = key.find(anchor)
        while at >= 0 and len(hits) <= _MAX_HITS_PER_ANCHOR:
            hits.append(at)
            at = key.find(anchor, at + 1)
        if len(hits) > _MAX_HITS_PER_ANCHOR:
            common.extend((h, offset) for h in hits[:_MAX_HITS_PER_ANCHOR])
            continue
        for h in hits:
            votes[max(0, h - offset) // bucket * bucket] += 1
    if not votes:
        for h, offset in common:
            votes[max(0, h - offset) // bucket * bucket] += 1
    return votes
