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

Only pairs that share a word are scored, through an inverted index of the words; articles
with the same text are scored once.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
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
_MONEY = frozenset({"원", "$", "€", "£", "¥", "엔", "위안", "유로", "파운드", "%"})


def _figure_keys(a: ArticleEvidence) -> set[tuple[Decimal, str | None, str | None]]:
    return {(f.value, f.unit_class, f.time) for f in a.figures
            if f.value >= 1000 or (f.unit_class in _MONEY and f.value >= 10)}


def _shared_names(a: ArticleEvidence, b: ArticleEvidence) -> int:
    return sum(1 for x in a.names if any(x == y or (min(len(x), len(y)) >= 2 and (x in y or y in x))
                                          for y in b.names))


def _published(a: ArticleEvidence) -> date | None:
    raw = a.record.published
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


def _score(a: ArticleEvidence, b: ArticleEvidence, cosine: float) -> float:
    figures = len(_figure_keys(a) & _figure_keys(b))
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


def _cosines(vectors: list[Vector]) -> dict[tuple[int, int], float]:
    """The cosine of every pair of vectors that share a feature, by walking each feature's postings.

    Exact for a dump of up to ``_EXACT_UP_TO`` distinct texts. Beyond that, features in more than
    a quarter of the texts are left out of the sums: they carry little weight, and walking their
    postings would take time quadratic in the dump's size.
    """
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, v in enumerate(vectors):
        for k, w in v.weights.items():
            postings[k].append((i, w))
    cap = max(_EXACT_UP_TO, len(vectors) // 4)
    dots: dict[tuple[int, int], float] = defaultdict(float)
    for entries in postings.values():
        if len(entries) <= cap:
            for (i, wi), (j, wj) in combinations(entries, 2):
                dots[i, j] += wi * wj
    return dots


def _pair_scores(articles: Sequence[ArticleEvidence]) -> dict[tuple[int, int], float]:
    """Scores of the pairs of articles that share a word. Articles with the same text (a wire story
    run by several outlets, one page scraped twice) are compared once, as one text."""
    texts: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(articles):
        texts[a.record.hash or a.text].append(i)
    copies = list(texts.values())
    counts = [features(articles[same[0]].text) for same in copies]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    vectors = [vector(c, df, len(counts)) for c in counts]
    cosines = dict(_cosines(vectors))
    cosines.update({(u, u): 1.0 for u, same in enumerate(copies) if len(same) > 1})
    scores = {}
    for (u, v), cosine in cosines.items():
        if cosine <= 0:
            continue
        for i in copies[u]:
            for j in copies[v]:
                if i < j:
                    scores[i, j] = _score(articles[i], articles[j], cosine)
                elif j < i:
                    scores[j, i] = _score(articles[j], articles[i], cosine)
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
