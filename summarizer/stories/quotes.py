"""The same quotation in several outlets: corroborated, or given to different speakers.

Outlets quote one statement in slightly different words (아시아태평양 / 아태, a
particle dropped, one a shortened form of the other). Two located quotes of
different articles are the same quotation when their normalised texts (quote
marks, spacing and Unicode forms folded, as the quote check does) are mostly
the same, or when the shorter one is almost wholly inside the longer. They are
merged strongest first, one report per article.

The quotation is *corroborated* when every outlet gives it to the same person
(이재명 대통령, 이재명 and 이 대통령 are one), and a *conflict* when the same
words are given to different people.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import combinations

from ..trust.article.textkey import key_of
from .evidence import QuoteEvidence

__all__ = ["QuoteGroup", "align_quotes", "quote_similarity", "same_person"]

_TITLES = frozenset(
    "대통령 전 前 CEO 최고경영자 회장 부회장 의장 장관 차관 의원 대표 사장 부사장 국장 협회장 위원장 대변인 기자 교수 총리 "
    "시장 지사 청장 원장 실장 본부장 센터장 이사 상무 전무 박사 변호사 씨 Mr. Mrs. Ms. Dr. Mr Mrs Ms Dr President "
    "Minister Senator Governor Chancellor Chief Executive".split()
)


def _person(speaker: str, role: str | None) -> str:
    role_words = set((role or "").replace("(", " ").replace(")", " ").split())
    words = [w for w in speaker.replace("(", " ").replace(")", " ").split() if w not in _TITLES and w not in role_words]
    return "".join(words or speaker.split()).lower()


def same_person(a: QuoteEvidence, b: QuoteEvidence) -> bool:
    """Whether two speakers name one person: 이재명 대통령 and 이재명; 젠슨 황 and 황 CEO; 이 대통령 and 이재명."""
    x, y = _person(a.speaker, a.speaker_role), _person(b.speaker, b.speaker_role)
    if x == y:
        return True
    short, long = sorted((x, y), key=len)
    if len(short) >= 2 and short in long:
        return True
    return len(short) == 1 and "가" <= short <= "힣" and len(long) >= 2 and (long[0] == short or long[-1] == short)


@lru_cache(maxsize=65536)
def quote_similarity(a: str, b: str) -> float:
    """0 when two quotations are different ones; else how alike they are (up to 1)."""
    ka, kb = key_of(a), key_of(b)
    if not ka or not kb:
        return 0.0
    matcher = SequenceMatcher(None, ka, kb, autojunk=False)
    if matcher.real_quick_ratio() < 0.5 or matcher.quick_ratio() < 0.5:
        return 0.0  # both ways of being one quotation need a ratio of 0.5 or more
    ratio = matcher.ratio()
    shorter = min(len(ka), len(kb))
    inside = sum(block.size for block in matcher.get_matching_blocks()) / shorter
    if ratio >= 0.75 or (inside >= 0.9 and shorter >= 10 and ratio >= 0.5):
        return (ratio + inside) / 2
    return 0.0


@dataclass
class QuoteGroup:
    reports: list[QuoteEvidence]

    @property
    def articles(self) -> set[str]:
        return {r.article for r in self.reports}

    def speakers(self) -> list[list[QuoteEvidence]]:
        """The reports grouped by the person they give the words to."""
        people: list[list[QuoteEvidence]] = []
        for r in self.reports:
            for same in people:
                if same_person(same[0], r):
                    same.append(r)
                    break
            else:
                people.append([r])
        return people

    def agreement(self) -> tuple[str, str]:
        people = self.speakers()
        if len(self.articles) < 2:
            r = self.reports[0]
            return "single_source", f"Only {r.article} quotes it, from {r.speaker}."
        if len(people) == 1:
            outlets = [r.article for r in self.reports]
            who = " and ".join(outlets) if len(outlets) == 2 else ", ".join(outlets[:-1]) + f" and {outlets[-1]}"
            both = "both" if len(outlets) == 2 else "all"
            return "agreed", f"{who} {both} give these words to {people[0][0].speaker}."
        given = "; ".join(f"{', '.join(r.article for r in same)} to {same[0].speaker}" for same in people)
        return "conflict", f"The same words are given to different people: {given}."


def align_quotes(quotes: Sequence[QuoteEvidence]) -> list[QuoteGroup]:
    """Group a story's located quotes into quotations (a group of one is quoted by one outlet)."""
    key = {id(q): i for i, q in enumerate(quotes)}
    pairs = []
    for a, b in combinations(quotes, 2):
        if a.article != b.article and (s := quote_similarity(a.text, b.text)) > 0:
            pairs.append((s, a, b))
    groups = {id(q): QuoteGroup([q]) for q in quotes}
    for _, a, b in sorted(pairs, key=lambda p: (-p[0], key[id(p[1])], key[id(p[2])])):
        ga, gb = groups[id(a)], groups[id(b)]
        if ga is gb or ga.articles & gb.articles:
            continue
        cross = [(x, y) for x in ga.reports for y in gb.reports]
        if not all(quote_similarity(x.text, y.text) > 0 for x, y in cross):
            continue
        merged = QuoteGroup(sorted(ga.reports + gb.reports, key=lambda q: key[id(q)]))
        for q in merged.reports:
            groups[id(q)] = merged
    unique = {id(g): g for g in groups.values()}
    return sorted(unique.values(), key=lambda g: key[id(g.reports[0])])
