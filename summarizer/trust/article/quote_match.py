"""Find a quotation in an article, and say how it matched.

``locate_quote`` tries, in order:

- ``exact``: the quote is a substring of the article;
- ``normalized``: it is a substring once both are reduced to their key
  (Unicode NFC/NFKC, quote-mark and ellipsis variants, whitespace and
  zero-width characters; see ``textkey``);
- ``elided``: the quote marks omissions (``...``, ``…``, ``[...]``, ``(…)``),
  carries a bracketed editorial insertion the article lacks (``[the
  president]``), or leaves out one the article has (``AI (발전에) 필요한``
  quoted as ``AI 필요한``); its pieces are found in order, each gap at most
  ``MAX_GAP`` key characters. An insertion may be dropped or marked as omitted,
  never changed: ``'풀 스택'(가 단계 공정)`` where the article has ``(전 단계
  공정)`` is not found;
- otherwise ``not_found``, with the closest passage and how close it is.

The search stays linear in the article's length, whatever the quote's: exact,
key and elided matches are ``str.find`` (the pieces found one after another,
each in a window after the last); the closest passage is voted for by a few
short anchors of the quote and only then compared with ``difflib``, on a window
the size of the quote when it is short, or on ``_SAMPLES`` slices of it when it
is long (longer than ``MAX_COMPARE`` key characters), so that no comparison
ever costs more than ``MAX_COMPARE`` squared. No fuzzy search over the whole
article.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from .source import Source
from .textkey import key_of

__all__ = ["MAX_COMPARE", "MAX_GAP", "QuoteMatch", "locate_quote"]

MatchKind = Literal["exact", "normalized", "elided", "not_found"]

MAX_GAP = 300
"""Largest gap, in key characters, between two pieces of an elided quote."""

MAX_COMPARE = 1000
"""The longest stretch, in key characters, that difflib compares at once."""

_ENCLOSING = "\"'“”‘’「」『』«»"
# Ellipses and bracketed insertions inside a quote's key ('…' is already '...', spaces are gone).
# (An insertion is bracketed as the article's are, see ``source.BareKey``, so that both sides split alike.)
_ELISION_RE = re.compile(r"\.{2,}|\([^()]{0,40}\)|\[[^\[\]]{0,40}\]")
_OMISSION_RE = re.compile(r"\.{2,}|[\[(](?:\.{2,}|중략|생략|하략|)[\])]")
_MAX_PIECES = 256
_MAX_STARTS = 4096
_ANCHORS = 24
_MAX_HITS_PER_ANCHOR = 64
_NEARLY = 0.999
"""The highest similarity a quote that is not found reports."""
_SAMPLES = 16
_SAMPLE = 120


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


def _locate_elided(src: Source, qkey: str) -> QuoteMatch | None:
    """The quote's pieces (between omission marks) in order in the article, its insertions kept or dropped.

    Both sides are compared without their bracketed insertions (``src.bare_key``); then every insertion the
    quote keeps must be the article's own at that place, or stand where the article has none.
    """
    pieces: list[tuple[str, list[tuple[int, str]]]] = []  # (bare text, [(offset in it, insertion)])
    text, inserts, pos = "", [], 0
    for m in _ELISION_RE.finditer(qkey):
        text += qkey[pos : m.start()]
        pos = m.end()
        if _OMISSION_RE.fullmatch(m[0]):
            pieces.append((text, inserts))
            text, inserts = "", []
        elif inserts and inserts[-1][0] == len(text):  # [1495][BP포럼]: side by side, compared as one
            inserts[-1] = (len(text), inserts[-1][1] + m[0])
        else:
            inserts.append((len(text), m[0]))
    text += qkey[pos:]
    pieces.append((text, inserts))
    pieces = [(t.strip('"'), ins) if t.startswith('"') and not ins else (t, ins) for t, ins in pieces]
    pieces = [(t, ins) for t, ins in pieces if len(t) >= 2]
    if not pieces or len(pieces) > _MAX_PIECES:
        return None
    # Insertions kept as the article writes them, even cut through ("(가기 … 들도"): the pieces as they are.
    literal = [p for p in (p.strip('"') for p in _OMISSION_RE.split(qkey)) if len(p) >= 2]
    if literal and len(literal) <= _MAX_PIECES and (len(literal) > 1 or literal[0] != qkey):
        found = _first_chain(_Plain(src.key.key), [(p, []) for p in literal])
        if found is not None:
            spans = tuple(src.key.span(s, e) for s, e in found)
            return QuoteMatch("elided", spans[0][0], spans[-1][1], spans)
    bare = src.bare_key
    spans = _first_chain(bare, pieces)
    if spans is None:
        return None
    keys = [list(bare.to_key(s, e)) for s, e in spans]
    # an insertion the quote opens or closes with, and the article has there, belongs to the passage
    if pieces[0][1] and pieces[0][1][0][0] == 0:
        keys[0][0] -= len(bare.removed_at(spans[0][0]) or "")
    last, inserts = pieces[-1]
    if inserts and inserts[-1][0] == len(last):
        keys[-1][1] += len(bare.removed_at(spans[-1][1]) or "")
    found = tuple(src.key.span(ks, ke) for ks, ke in keys)
    return QuoteMatch("elided", found[0][0], found[-1][1], found)


class _Plain:
    """A key searched as it is: no insertions removed."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.find = text.find

    def removed_at(self, pos: int) -> None:
        return None


def _first_chain(bare, pieces) -> list[tuple[int, int]] | None:
    first, tries = pieces[0][0], 0
    at = bare.find(first)
    while at >= 0 and tries < _MAX_STARTS:
        tries += 1
        spans = _chain(bare, pieces, at)
        if spans is not None:
            return spans
        at = bare.find(first, at + 1)
    return None


def _chain(bare, pieces, at: int) -> list[tuple[int, int]] | None:
    """The pieces from ``at`` on, each within ``MAX_GAP`` of the one before, insertions agreeing."""
    spans: list[tuple[int, int]] = []
    for n, (piece, inserts) in enumerate(pieces):
        if n == 0:
            found = at
        else:
            lo = spans[-1][1]
            found = bare.find(piece, lo, lo + MAX_GAP + len(piece))
            while found >= 0 and not _insertions_agree(bare, found, inserts):
                found = bare.find(piece, found + 1, lo + MAX_GAP + len(piece))
        if found < 0 or n == 0 and not _insertions_agree(bare, found, inserts):
            return None
        spans.append((found, found + len(piece)))
    return spans


def _insertions_agree(bare, at: int, inserts: list[tuple[int, str]]) -> bool:
    """Whether each of the quote's insertions is the article's own at that place, or the article has none there."""
    for offset, insertion in inserts:
        theirs = bare.removed_at(at + offset)
        if theirs is not None and theirs != insertion:
            return False
    return True


def _closest(src: Source, qkey: str) -> QuoteMatch:
    """The passage most like the quote, found by anchor voting then difflib (on samples when the quote is long)."""
    key = src.key.key
    n = len(qkey)
    best: tuple[float, int, int] | None = None
    for width in (8, 3):
        if n < width:
            continue
        votes, exact = _vote(key, qkey, width)
        for start, _count in votes.most_common(3):
            if n <= MAX_COMPARE:
                found = _compare(key, qkey, start)
            else:  # where, exactly, the most anchors in this bucket say the quote starts
                found = _compare_sampled(key, qkey, Counter(exact[start]).most_common(1)[0][0])
            if found is not None and (best is None or found[0] > best[0]):
                best = found
        if best is not None:
            break
    if best is None:
        return QuoteMatch("not_found", None, None, similarity=0.0)
    ratio, a, b = best
    # A quote that is not there is never 100% similar: rounding (one character changed in 100,000) or samples
    # that all happen to match must not say it is.
    similarity = min(round(ratio, 3), _NEARLY)
    return QuoteMatch("not_found", None, None, similarity=similarity, closest=src.key.span(a, b))


def _compare(key: str, qkey: str, start: int) -> tuple[float, int, int] | None:
    n = len(qkey)
    lo = max(0, start - n // 2)
    window = key[lo : start + n + n // 2]
    blocks = [b for b in SequenceMatcher(None, qkey, window, autojunk=False).get_matching_blocks() if b.size]
    if not blocks:
        return None
    a, b = lo + blocks[0].b, lo + blocks[-1].b + blocks[-1].size
    return SequenceMatcher(None, qkey, key[a:b], autojunk=False).ratio(), a, b


def _compare_sampled(key: str, qkey: str, start: int) -> tuple[float, int, int] | None:
    """A long quote against the passage from ``start``: ``_SAMPLES`` slices, each in a window around its place."""
    n = len(qkey)
    step = max(1, (n - _SAMPLE) // (_SAMPLES - 1))
    total, first, last = 0.0, None, None
    for offset in range(0, n - _SAMPLE + 1, step)[:_SAMPLES]:
        piece = qkey[offset : offset + _SAMPLE]
        lo = max(0, start + offset - _SAMPLE)
        window = key[lo : start + offset + 2 * _SAMPLE]
        matcher = SequenceMatcher(None, piece, window, autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size]
        total += sum(b.size for b in blocks) / len(piece)
        if blocks:
            first = lo + blocks[0].b - blocks[0].a if first is None else first
            last = lo + blocks[-1].b + blocks[-1].size + (len(piece) - blocks[-1].a - blocks[-1].size)
    if first is None or last is None:
        return None
    count = len(range(0, n - _SAMPLE + 1, step)[:_SAMPLES])
    a, b = max(0, first), min(len(key), max(last, first + 1))
    return total / count, a, b


def _vote(key: str, qkey: str, width: int) -> tuple[Counter[int], dict[int, list[int]]]:
    """Votes for where the quote would start, from occurrences of its anchors, in buckets a quarter of the
    quote long; and, per bucket, the exact starts the anchors voted for.

    An anchor found more than ``_MAX_HITS_PER_ANCHOR`` times (boilerplate, a
    repeated phrase) says little and would cost much: its votes are used only
    when no rarer anchor found anything.
    """
    n = len(qkey)
    step = max(width, (n - width) // _ANCHORS)
    bucket = max(8, n // 4)
    votes: Counter[int] = Counter()
    exact: dict[int, list[int]] = {}
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
            start = max(0, h - offset)
            votes[start // bucket * bucket] += 1
            exact.setdefault(start // bucket * bucket, []).append(start)
    if not votes:
        for h, offset in common:
            start = max(0, h - offset)
            votes[start // bucket * bucket] += 1
            exact.setdefault(start // bucket * bucket, []).append(start)
    return votes, exact
