"""Group the articles of a dump into stories: the reports of one event.

With no model, from what two articles share:

- words: the cosine of their texts' tf-idf vectors (Hangul character bigrams,
  English words), the idf taken over the dump with a prior of ten unrelated
  documents, so that a dump of one story does not make its own words look common;
- figures: grounded figures with the same value, unit class and time
  (26만 GPUs in both), left out when too common to tell (years, small counts);
- names: speakers and event actors the checks found in both articles;
- dates: an event on the same day.

Figures, names and dates raise the words' score (by up to 100, 10 and 5 %)
but never make a link alone: two articles that share only a name, a place or
a number are not one story. A shared figure weighs most: the same president
on the same day at another event is the commonest near miss. Publication dates a week or more apart halve it.
Articles are merged by average linkage: a group joins another when the mean
score over all their pairs reaches ``STORY_MIN``, so one strong pair cannot
chain unrelated articles together.

Articles with the same text are scored once. In a dump of up to ``_EXACT_UP_TO`` distinct texts,
every pair that shares a word is scored, through an inverted index of the words. A bigger dump is
blocked first, so that the work grows with the dump and the size of its stories, not with the square
of the dump: a pair is scored, in full as before, only when it shares two of its texts' blocks (each
text's ``_BLOCKING`` heaviest words of those another text has: the rarest it repeats most) or a
figure. Unrelated articles share common words, and a rare one by chance, and are not compared; the
articles of one story share their rare words.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from itertools import combinations

from .evidence import ArticleEvidence
from .quotes import quote_similarity
from .words import Vector, features, vector

__all__ = ["STORY_MIN", "Borderline", "group_stories", "shared_evidence"]

STORY_MIN = 0.22
"""The mean score two groups of articles need to be one story. On the test articles every pair of
one story scores 0.29 or more, and no unrelated pair more than 0.18, in any dump of them."""
BORDERLINE = 0.12
"""Groups scoring between this and STORY_MIN are asked about in the model step, if there is one."""
_EXACT_UP_TO = 200
"""Distinct texts up to which every pair that shares a word is scored."""
_BLOCKING = 20
"""Beyond ``_EXACT_UP_TO`` texts, the words of each text that make its blocks: its heaviest (tf-idf) of those
that another text has. Two texts are compared when they share ``_SHARED`` of them: every pair of a story of 50
outlets among 5,000 unrelated results shares four or more, and 1 pair in 300 of those results two
(benchmarks/reconcile_scale.py)."""
_SHARED = 2
_BLOCK_MAX = 1_000
"""A block (a word, a figure) shared by more texts than this is too common to tell stories apart."""
_MONEY = frozenset({"원", "$", "€", "£", "¥", "엔", "위안", "유로", "파운드", "%"})


def _figure_keys(a: ArticleEvidence) -> set[tuple[Decimal, str | None, str | None]]:
    return {(f.value, f.unit_class, f.time) for f in a.figures
            if f.value >= 1000 or (f.unit_class in _MONEY and f.value >= 10)}


def _shared_names(a: ArticleEvidence, b: ArticleEvidence) -> int:
    return sum(1 for x in a.names if any(x == y or (min(len(x), len(y)) >= 2 and (x in y or y in x))
                                          for y in b.names))


def _published(a: ArticleEvidence) -> date | None:
    return _day(a.record.published)


@lru_cache(maxsize=4096)
def _day(raw: str | None) -> date | None:
    try:
        return date.fromisoformat(raw[:10]) if raw else None
    except ValueError:
        return None


def shared_evidence(a: Sequence[ArticleEvidence], b: Sequence[ArticleEvidence]) -> dict[str, list[str]]:
    """What two groups of articles share that the checks passed: figures, quotations, names."""
    out: dict[str, list[str]] = {"figures": [], "quotes": [], "names": []}
    for x in a:
        for y in b:
            out["figures"] += [f"{x.id} and {y.id} both give {v:,} ({u or 'no unit'})"
                               for v, u, _ in sorted(_figure_keys(x) & _figure_keys(y), key=str)]
            out["quotes"] += [f"{x.id} and {y.id} both quote “{q.text[:40]}”" for q in x.quotes
                              if any(quote_similarity(q.text, r.text) > 0 for r in y.quotes)]
            if _shared_names(x, y):
                out["names"].append(f"{x.id} and {y.id} both name the same people")
    return out


def _score(a: ArticleEvidence, b: ArticleEvidence, figures: int, cosine: float) -> float:
    boost = 1 + 0.5 * min(figures, 2) + 0.05 * min(_shared_names(a, b), 2) + 0.05 * bool(a.dates & b.dates)
    pa, pb = _published(a), _published(b)
    if pa and pb and abs((pa - pb).days) >= 7:
        boost *= 0.5
    return cosine * boost


@dataclass(frozen=True)
class Borderline:
    """Two groups that came close to being one story."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float


def _all_cosines(vectors: list[Vector]) -> dict[tuple[int, int], float]:
    """The cosine of every pair of vectors that share a feature, by walking each feature's postings."""
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, v in enumerate(vectors):
        for k, w in v.weights.items():
            postings[k].append((i, w))
    dots: dict[tuple[int, int], float] = defaultdict(float)
    for entries in postings.values():
        for (i, wi), (j, wj) in combinations(entries, 2):
            dots[i, j] += wi * wj
    return dots


def _blocked_cosines(vectors: list[Vector], df: Counter[str],
                     figures: Iterable[Iterable[int]]) -> dict[tuple[int, int], float]:
    """The cosine of the pairs of vectors that share ``_SHARED`` of their ``_BLOCKING`` heaviest features (of
    those in another vector too), or one of ``figures`` (the texts that give each figure)."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for u, v in enumerate(vectors):
        for _, k in heapq.nlargest(_BLOCKING, ((w, k) for k, w in v.weights.items() if df[k] > 1)):
            blocks[k].append(u)
    shared: Counter[tuple[int, int]] = Counter()
    for members in blocks.values():
        if len(members) <= _BLOCK_MAX:
            shared.update(combinations(members, 2))
    pairs = {pair for pair, n in shared.items() if n >= _SHARED}
    for members in figures:
        group = sorted(set(members))
        if len(group) <= _BLOCK_MAX:
            pairs.update(combinations(group, 2))
    return {(u, v): _dot(vectors[u], vectors[v]) for u, v in pairs}


def _dot(a: Vector, b: Vector) -> float:
    x, y = a.weights, b.weights
    return math.fsum(x[k] * y[k] for k in x.keys() & y.keys())  # exact: the same whatever order a set gives


def _figure_blocks(keys: list[set], text_of: list[int]) -> list[list[int]]:
    """The texts that give each figure (grounded, and not too common to tell)."""
    blocks: dict[object, list[int]] = defaultdict(list)
    for i, figures in enumerate(keys):
        for key in figures:
            blocks[key].append(text_of[i])
    return list(blocks.values())


def _pair_scores(articles: Sequence[ArticleEvidence]) -> dict[tuple[int, int], float]:
    """Scores of the pairs of articles that share a word (in a big dump: a block). Articles with the same
    text (a wire story run by several outlets, one page scraped twice) are compared once, as one text."""
    texts: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(articles):
        texts[a.record.hash or a.text].append(i)
    copies = list(texts.values())
    counts = [features(articles[same[0]].text) for same in copies]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    vectors = [vector(c, df, len(counts)) for c in counts]
    keys = [_figure_keys(a) for a in articles]
    if len(vectors) <= _EXACT_UP_TO:
        cosines = dict(_all_cosines(vectors))
    else:
        text_of = [0] * len(articles)
        for u, same in enumerate(copies):
            for i in same:
                text_of[i] = u
        cosines = _blocked_cosines(vectors, df, _figure_blocks(keys, text_of))
    cosines.update({(u, u): 1.0 for u, same in enumerate(copies) if len(same) > 1})
    scores = {}
    for (u, v), cosine in cosines.items():
        if cosine <= 0:
            continue
        for i in copies[u]:
            for j in copies[v]:
                if i != j:
                    a, b = (i, j) if i < j else (j, i)
                    scores[a, b] = _score(articles[a], articles[b], len(keys[a] & keys[b]), cosine)
    return scores


def group_stories(articles: Sequence[ArticleEvidence]) -> tuple[list[list[int]], list[Borderline]]:
    """The stories (lists of indexes into ``articles``, in input order) and the near misses."""
    scores = _pair_scores(articles)
    members: dict[int, list[int]] = {i: [i] for i in range(len(articles))}
    sums: dict[tuple[int, int], float] = {}
    neighbours: dict[int, set[int]] = defaultdict(set)
    for (i, j), s in scores.items():
        sums[i, j] = sums[j, i] = s
        neighbours[i].add(j)
        neighbours[j].add(i)

    def mean(x: int, y: int) -> float:
        return sums.get((x, y), 0.0) / (len(members[x]) * len(members[y]))

    heap = [(-mean(i, j), i, j) for (i, j) in scores]
    heapq.heapify(heap)
    next_id = len(articles)
    while heap:
        negative, x, y = heapq.heappop(heap)
        if x not in members or y not in members or -negative != mean(x, y):
            continue
        if -negative < STORY_MIN:
            break
        new = next_id
        next_id += 1
        members[new] = sorted(members.pop(x) + members.pop(y))
        for k in (neighbours.pop(x) | neighbours.pop(y)) - {x, y}:
            total = sums.pop((x, k), 0.0) + sums.pop((y, k), 0.0)
            sums.pop((k, x), None), sums.pop((k, y), None)
            neighbours[k] -= {x, y}
            sums[new, k] = sums[k, new] = total
            neighbours[new].add(k)
            neighbours[k].add(new)
            heapq.heappush(heap, (-mean(new, k), min(new, k), max(new, k)))
    near = sorted({(min(x, y), max(x, y)) for x in members for y in neighbours.get(x, ()) if y in members},
                  key=lambda p: (min(members[p[0]]), min(members[p[1]])))
    borderline = [Borderline(tuple(members[x]), tuple(members[y]), round(mean(x, y), 4)) for x, y in near
                  if BORDERLINE <= mean(x, y) < STORY_MIN]
    stories = sorted(members.values(), key=lambda m: (-len(m), m[0]))
    return stories, borderline
