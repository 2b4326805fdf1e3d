"""What a grounded answer may pick from: the article's sentences, quotations, numbers (with their labels)
and names.

``find_candidates(text)`` reads them with deterministic code, leaving page
furniture out (bylines, captions, other stories' headlines, tickers, share
buttons, comment boxes: ``furniture``):

- sentences (``passages``): the article's sentences, long ones also clause
  by clause, each ranked (``ranking``: position, centrality, the figures and
  names it carries);
- quotations (``quotations``): every passage between quote marks, with
  the speaker the article gives it and the cue verb; longer ones also
  sentence by sentence;
- numbers: every quantity the number parser finds (``numbers.find_quantities``,
  the parser the checks use), with its value, unit and qualifier; a year
  written bare (2025 in "2025 APEC"), a day after a month's name (Oct 3) are
  dates, and a reading time (4 min read) and a score (a 9-2 vote) are not
  offered at all;
- labels (``labels``): for each number, the words of the article that may
  say what it counts;
- names (``names``): people, organisations and places;
- the text's own title line, if it opens with one (``headline``).

Ids are unique in the article (s1, s1a, q1, q1a, f1, f1a...) and every
offset indexes the whole article, so windows of a long article share one set
of candidates.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...contract.grounded import Candidates, NumberCandidate
from ..article.furniture import furniture, is_furniture
from ..article.source import Source
from ..numbers.quantities import Quantity
from .headline import title_line
from .labels import find_labels
from .names import find_names
from .passages import find_sentences
from .quotations import find_quotes
from .ranking import rank

__all__ = ["find_candidates", "opening_text"]

_MONTH_BEFORE_RE = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$")
_READING_TIME_RE = re.compile(r"\s*(?:-\s*)?(?:min(?:ute)?s?\.?\s+read|분\s*(?:읽기|소요))", re.IGNORECASE)
_SCORE_RE = re.compile(r"\d{1,3}\s?[-–]\s?\d{1,3}")


def _kind(text: str, q: Quantity) -> str:
    """"time" for a date the number parser reads as a plain number, "skip" for a number that is not a count of
    the story's (a reading time, a score), else "figure"."""
    if _READING_TIME_RE.match(text, q.end):
        return "skip"
    for m in _SCORE_RE.finditer(text, max(0, q.start - 4), q.end + 4):
        if m.start() <= q.start and q.end <= m.end() and q.unit is None and "," not in m[0]:
            return "skip"
    if q.unit is None and q.value == int(q.value) and 1900 <= q.value <= 2100 and len(q.text) == 4:
        return "time"
    if q.unit is None and _MONTH_BEFORE_RE.search(text, max(0, q.start - 12), q.start):
        return "time"
    return "figure"


@lru_cache(maxsize=32)
def find_candidates(text: str) -> Candidates:
    """The candidates of the article ``text`` (memoised: re-asks and windows share them)."""
    src = Source.of(text)
    numbers = []
    for q in src.quantities:
        kind = _kind(text, q)
        if is_furniture(src, q.start, q.end) or kind == "skip":
            continue
        numbers.append(NumberCandidate(f"f{len(numbers) + 1}", q.text, q.start, q.end, q.value, q.unit, q.qualifier,
                                       q.is_time or kind == "time"))
    names = tuple(find_names(src))
    actors = frozenset(n.name for n in names if n.kind != "place")
    title = title_line(src)
    sentences = rank(find_sentences(src, numbers, names, title), tuple(numbers), actors)
    return Candidates(quotes=tuple(find_quotes(src)), numbers=tuple(numbers), names=names,
                      furniture=tuple(furniture(src)), sentences=sentences, labels=find_labels(src, numbers),
                      title=text[title[0]:title[1]] if title else None, title_span=title)


_SENTENCE_END_RE = re.compile(r"[.!?](?=\s)|다\.")


def opening_text(text: str, chars: int, start: int = 0, end: int | None = None) -> str:
    """The article's opening lines from ``start``, page furniture left out, cut at a sentence end within
    ``chars`` characters (or at ``chars``): what a request shows when it does not show the whole article."""
    src = Source.of(text)
    end = len(text) if end is None else end
    out: list[str] = []
    size = 0
    pos = start
    for s, e, _ in [*furniture(src), (end, end, "")]:
        if e <= pos:
            continue
        for line in text[pos:min(s, end)].splitlines():
            line = " ".join(line.split())
            if not line:
                continue
            if size + len(line) > chars:
                room = line[: chars - size]
                cut = max((m.end() for m in _SENTENCE_END_RE.finditer(room)), default=0)
                if cut or not out:
                    out.append(room[:cut] if cut else room)
                return "\n".join(out)
            out.append(line)
            size += len(line) + 1
        pos = max(pos, e)
        if pos >= end:
            break
    return "\n".join(out)
