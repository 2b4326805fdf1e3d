"""The article's sentences as candidates: page furniture cut off, each with what it carries.

``find_sentences(src, numbers, names)`` cuts the article into sentences with the splitter the word checks
use (``trust.words.sentences``: Korean by kiwipiepy, English by end marks, never across a line), then:

- cuts page furniture out of them (a byline before the lead, a caption run into a paragraph) and keeps
  the longest piece that is left;
- keeps only what reads as a sentence: it ends as a sentence ends (다, 요, 까, or an end mark before any
  closing quote mark), so a title, a subhead or a list of headlines is not offered;
- offers a sentence the article repeats (a scraped page that holds its body twice) once;
- gives each one the number candidates (``figures``) and the names it holds, and its ``centrality``:
  how close its content words are to those of the rest of the article (tf-idf over the sentences, cosine,
  scaled so the most central sentence has 1);
- cuts a long sentence (over ``CLAUSE_FROM`` characters) into clauses at a connective ending followed by
  a comma (하며, 했고, 했지만; ", and", ", but", "; " in English), outside quotations: ``s4a``, ``s4b``.

Every candidate is a span of the article: ``text[start:end]``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from ...contract.grounded import NameCandidate, NumberCandidate, SentenceCandidate
from ..article.furniture import furniture
from ..article.source import Source
from ..article.textkey import key_of
from ..words import content_words, language_of, sentences
from ..words.korean import kiwi

__all__ = ["CLAUSE_FROM", "clause_spans", "find_sentences", "is_complete"]

CLAUSE_FROM = 110
"""A sentence longer than this (characters) is also offered clause by clause."""
_MIN_CHARS = 12
_MIN_CLAUSE = 24
_CLOSERS = "\"'”’」』)]»›"
_COMPLETE_RE = re.compile(rf"(?:[다요까죠][.!?]?|[.!?]|…)[{re.escape(_CLOSERS)}]*$")
_EN_CLAUSE_RE = re.compile(r",\s+(?:and|but|while|whereas|although|though)\s+|;\s+")
_KO_CONNECTIVES = frozenset({"며", "으며", "고", "면서", "으면서", "지만", "는데", "은데", "으나", "나", "어", "아", "여",
                             "었고", "았고", "했고", "하며"})


def is_complete(text: str) -> bool:
    """Whether ``text`` ends as a sentence ends: 다, 요, 까 (Korean, with or without a period) or an end
    mark, before any closing quote marks or brackets. A title or a subhead does not."""
    return bool(_COMPLETE_RE.search(text.rstrip()))


def _pieces(start: int, end: int, cuts: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """``[start, end)`` with the furniture spans cut out."""
    out, at = [], start
    for s, e, _ in cuts:
        if e <= at or s >= end:
            continue
        if s > at:
            out.append((at, s))
        at = max(at, e)
    if at < end:
        out.append((at, end))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in "=-–—·•*|:,;"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _spans(src: Source, language: str | None, title: tuple[int, int] | None) -> list[tuple[int, int]]:
    text = src.text
    cuts = furniture(src)
    out: list[tuple[int, int]] = []
    seen: set[str] = set()
    for s in sentences(text, language):
        pieces = [_trim(text, a, b) for a, b in _pieces(s.start, s.end, cuts)]
        pieces = [(a, b) for a, b in pieces if b - a >= _MIN_CHARS and is_complete(text[a:b])
                  and not (title and title[0] <= a and b <= title[1])]
        if not pieces:
            continue
        a, b = max(pieces, key=lambda p: p[1] - p[0])
        key = key_of(text[a:b])
        if key in seen:
            continue
        seen.add(key)
        out.append((a, b))
    return out


def _quoted(src: Source, at: int) -> bool:
    return any(s <= at < e for s, e in src.quoted_passages)


def clause_spans(src: Source, start: int, end: int, language: str | None) -> list[tuple[int, int]]:
    """The clauses of the sentence ``text[start:end]``, each at least ``_MIN_CLAUSE`` characters; one span
    (the sentence) when it has no clause boundary outside its quotations."""
    text = src.text
    cuts: list[int] = []
    if language == "ko":
        for t in kiwi().tokenize(text[start:end]):
            at = start + t.start + t.len
            if t.tag == "EC" and t.form in _KO_CONNECTIVES and text[at:at + 1] == "," and not _quoted(src, at):
                cuts.append(at)
    else:
        cuts = [start + m.start() for m in _EN_CLAUSE_RE.finditer(text[start:end])
                if not _quoted(src, start + m.start())]
    out: list[tuple[int, int]] = []
    at = start
    for cut in [*cuts, end]:
        a, b = _trim(text, at, cut)
        if b - a < _MIN_CLAUSE and cut != end:
            continue  # too short to stand alone: it stays with the next
        if b - a < _MIN_CLAUSE and out:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
        at = cut + 1  # after the comma (or semicolon) that ends a clause
    return out if len(out) > 1 else [(start, end)]


def _vectors(text: str, spans: list[tuple[int, int]], language: str | None) -> list[Counter[str]]:
    words = content_words(text, language)
    vectors: list[Counter[str]] = [Counter() for _ in spans]
    i = 0
    for w in words:
        while i < len(spans) and spans[i][1] <= w.start:
            i += 1
        if i == len(spans):
            break
        if spans[i][0] <= w.start and w.kind != "number":
            vectors[i][w.key] += 1
    return vectors


def _centrality(vectors: list[Counter[str]]) -> list[float]:
    """Cosine between each sentence's tf-idf vector and that of the rest of the article, scaled to a maximum
    of 1."""
    n = len(vectors)
    df = Counter(k for v in vectors for k in v)
    idf = {k: math.log((1 + n) / (1 + d)) + 1 for k, d in df.items()}
    total: Counter[str] = Counter()
    for v in vectors:
        total.update(v)
    raw = []
    for v in vectors:
        rest = {k: (total[k] - v.get(k, 0)) * idf[k] for k in total}
        mine = {k: c * idf[k] for k, c in v.items()}
        dot = sum(x * rest.get(k, 0.0) for k, x in mine.items())
        norm = math.sqrt(sum(x * x for x in mine.values())) * math.sqrt(sum(x * x for x in rest.values()))
        raw.append(dot / norm if norm else 0.0)
    top = max(raw, default=0.0)
    return [round(r / top, 4) if top else 0.0 for r in raw]


def find_sentences(src: Source, numbers: Sequence[NumberCandidate], names: Sequence[NameCandidate],
                   title: tuple[int, int] | None = None) -> tuple[SentenceCandidate, ...]:
    """The article's sentences in order, each long one followed by its clauses (no score yet: ``ranking``);
    not the text's title line ``title`` (``headline.title_line``), even where it reads as a sentence (a JSONL
    record's title put at the head of its text, 지카바이러스, 남성 생식능력도 저하시킨다): the headline says it."""
    text = src.text
    language = language_of(text)
    spans = _spans(src, language, title)
    central = _centrality(_vectors(text, spans, language))
    out: list[SentenceCandidate] = []
    for i, ((a, b), c) in enumerate(zip(spans, central, strict=True)):
        sid = f"s{i + 1}"
        parts = clause_spans(src, a, b, language) if b - a > CLAUSE_FROM else [(a, b)]
        clause_ids = tuple(f"{sid}{chr(97 + j)}" for j in range(len(parts))) if len(parts) > 1 else ()
        out.append(SentenceCandidate(sid, text[a:b], a, b, i, _figures(numbers, a, b), _names(names, a, b),
                                     centrality=c, clauses=clause_ids))
        for cid, (ca, cb) in zip(clause_ids, parts, strict=False):
            out.append(SentenceCandidate(cid, text[ca:cb], ca, cb, i, _figures(numbers, ca, cb),
                                         _names(names, ca, cb), centrality=c, parent=sid))
    return tuple(out)


def _figures(numbers: Sequence[NumberCandidate], start: int, end: int) -> tuple[str, ...]:
    return tuple(n.id for n in numbers if not n.is_time and start <= n.start and n.end <= end)


def _names(names: Sequence[NameCandidate], start: int, end: int) -> tuple[str, ...]:
    """The names mentioned in ``[start, end)``, in the order of their first mention there."""
    first = {n.name: min((s for s, e in n.mentions if start <= s and e <= end), default=None) for n in names}
    return tuple(sorted((k for k, v in first.items() if v is not None), key=lambda k: first[k]))
