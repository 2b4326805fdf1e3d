"""The article's quotations, as candidates a model can pick by id.

Every passage between quote marks outside page furniture: double marks
("…", “…”, 「…」, 『…』, as ``Source.quoted_passages`` pairs them) and single
ones ('…', ‘…’). Korean and English news put single marks mostly around terms
and names ('피지컬 AI', ‘블랙웰’), so a single-marked passage is a quotation
only when a speech verb ties a speaker to it ('…'라고 말했다, said) or it
reads as a sentence; one nested inside a double-marked quotation never is.

A quotation of more than one sentence is also offered sentence by sentence
(q3 → q3a, q3b), so a summary may carry one sentence of a long one. Each
candidate carries the speaker the article gives it (``attribution.speaker_of``)
and the cue verb that ties them. A passage the article repeats word for word
(a headline quoting the body, a page that prints its text twice) is one
candidate, at its first place.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from string import ascii_lowercase

from ...contract.grounded import QuoteCandidate
from ..article.furniture import is_furniture
from ..article.source import Source
from ..article.textkey import key_of
from ..people.attribution import speaker_of
from ..people.lexicon import CUE_VERB_KO_RE, CUE_VERBS_EN, QUOTATIVE_KO_RE

__all__ = ["MIN_KEY", "find_quotes"]

MIN_KEY = 4
"""A passage shorter than this (in key characters) is a mark around a word, not a quotation."""
_SINGLE_RE = re.compile(r"(?<![A-Za-z0-9'])'([^'\n]+?)'(?![A-Za-z0-9])|‘([^‘’\n]+)’")
_SENTENCE_LIKE_RE = re.compile(r"(?:다|요|죠|까|니다|[.!?…])[.!?]?\s*$")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])\s+(?=\S)")
_CUE_EN_AFTER_RE = re.compile(rf"[,.]?\s*(?:\w+\s+){{0,3}}?({'|'.join(CUE_VERBS_EN)})\b")
_SENTENCE_STOP_RE = re.compile(r"[.!?]\s|\n")


def _singles(src: Source, doubles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    starts = [s for s, _ in doubles]
    out = []
    for m in _SINGLE_RE.finditer(src.text):
        s, e = m.span(1) if m.group(1) is not None else m.span(2)
        i = bisect_right(starts, s) - 1
        if i >= 0 and doubles[i][0] <= s and e <= doubles[i][1]:
            continue  # '풀 스택' inside a quotation: a term the speaker used
        out.append((s, e))
    return out


def _cue_after(text: str, end: int) -> tuple[int, int] | None:
    """A speech verb that the words right after a closing mark tie to it: '…'라고 말했다, '…,' he said."""
    after = end + 1  # past the closing mark
    stop = _SENTENCE_STOP_RE.search(text, after)
    limit = stop.start() + 1 if stop else len(text)
    if QUOTATIVE_KO_RE.match(text, after):
        m = CUE_VERB_KO_RE.search(text, after, limit)
        return m.span() if m else None
    if not (text[end - 1 : end] in ",.!?" or text[after : after + 1] == ","):
        return None  # English puts the comma of '…,' he said with the quotation
    m = _CUE_EN_AFTER_RE.match(text, after, min(limit, after + 40))
    return m.span(1) if m else None


def _speechlike(src: Source, start: int, end: int) -> bool:
    """Whether a single-marked passage is speech rather than a term."""
    text = src.text[start:end]
    return len(text.split()) >= 3 and bool(_SENTENCE_LIKE_RE.search(text)) or _cue_after(src.text, end) is not None


def _sentences(text: str, start: int) -> list[tuple[int, int]]:
    """The sentences of ``text`` (which sits at ``start``), as spans; one span if it is one sentence."""
    spans = []
    at = 0
    for m in _SENTENCE_END_RE.finditer(text):
        spans.append((at, m.start()))
        at = m.end()
    spans.append((at, len(text.rstrip())))
    spans = [(start + s, start + e) for s, e in spans if len(key_of(text[s:e])) >= MIN_KEY]
    return spans if len(spans) > 1 else []


def find_quotes(src: Source) -> list[QuoteCandidate]:
    """The quotation candidates of ``src``, in the article's order, with ids q1, q2... (and q1a, q1b...)."""
    text = src.text
    doubles = [(s, e) for s, e in src.quoted_passages]
    passages = sorted([(s, e) for s, e in doubles] + [(s, e) for s, e in _singles(src, doubles)
                                                       if _speechlike(src, s, e)])
    out: list[QuoteCandidate] = []
    seen: set[str] = set()
    for s, e in passages:
        passage = text[s:e]
        if len(key_of(passage)) < MIN_KEY or is_furniture(src, s, e) or passage in seen:
            continue
        seen.add(passage)
        qid = f"q{sum(1 for q in out if q.parent is None) + 1}"
        a = speaker_of(src, s, e)
        cue = a.cue if a and a.cue else _cue_after(text, e)
        who = {
            "speaker": a.person.name if a else None, "speaker_role": a.person.role if a else None,
            "how": "cue" if a and cue else a.how if a else None, "cue": text[cue[0]:cue[1]] if cue else None,
            "cue_span": cue,
        }
        parts = _sentences(passage, s)
        ids = tuple(f"{qid}{ascii_lowercase[i]}" for i in range(min(len(parts), len(ascii_lowercase))))
        out.append(QuoteCandidate(qid, passage, s, e, sentences=ids, **who))
        out.extend(QuoteCandidate(pid, text[ps:pe], ps, pe, parent=qid, **who)
                   for pid, (ps, pe) in zip(ids, parts, strict=False))
    return out
