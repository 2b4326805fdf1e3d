"""Words as reconcile compares them: stems, sentences, times, and text vectors.

No morphological analyser: Korean particles and common verb endings are cut
off the end of a word (정부의, 정부가 -> 정부; 확보한, 확보했다 -> 확보), only
while two syllables remain, and English words are lower-cased with a plural
s dropped. That is enough to tell whether a label's words are in a passage.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Time", "Vector", "features", "sentence_at", "stems", "times_in", "vector"]

# A number with what is attached to it (2030년까지, 26만장) is one token, and not a word.
_WORD_RE = re.compile(r"\d[\d,.]*[A-Za-z가-힣%]*|[A-Za-z가-힣][A-Za-z0-9가-힣]*(?:[-'][A-Za-z0-9가-힣]+)*")
# Particles and endings, longest first; cut only while two syllables remain.
_ENDINGS = sorted(
    "으로부터 에서부터 에게서 으로서 으로써 이라는 이라고 하기로 했으며 하겠다 되었다 됐다 했다 한다 했던 하던 하는 하며 "
    "하고 해서 되는 되며 됐던 된다 에서 에게 으로 부터 까지 처럼 보다 라는 라고 에는 에도 과의 와의 이며 이고 이다 "
    "들이 들의 들은 들을 들에 와 과 의 가 이 은 는 을 를 에 로 도 한 할 된 들".split(),
    key=len, reverse=True,
)
_STOP = frozenset(
    "을 를 이 가 은 는 의 에 로 도 와 과 "
    "등 및 약 총 각 각각 그 저 것 수 중 몫 규모 위해 통해 대한 관련 따라 또 또한 이번 이날 당초 가운데 이상 "
    "the a an of to in on at for and or by with from as is are was were be been that this its their".split()
)
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])[\"'”’」』)]*\s+|\n+")

# Years and the times news gives targets in: 2030년(까지), 올해 말, 내년 상반기, by 2030. A year
# that opens a date (내년 1월 1일부터, 2025년 10월 31일) says when, not what period a figure is for.
_DATE_NEXT = r"(?!\s?\d{1,2}\s?월)"
_TIME_RE = re.compile(
    rf"(?P<year>(?:19|20)\d\d)\s?년(?:\s?(?P<ypart>말|초|상반기|하반기))?{_DATE_NEXT}"
    rf"|(?P<rel>올해|내년|지난해|작년|금년|연내)(?:\s?(?P<rpart>말|초|상반기|하반기))?{_DATE_NEXT}"
    r"|(?P<eoy>연말|연초)"
    r"|\b(?:by|in|until|through|before)\s+(?:the\s+end\s+of\s+)?(?P<enyear>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    if word[-1] >= "가":
        for _ in range(2):
            for ending in _ENDINGS:
                if word.endswith(ending) and len(word) - len(ending) >= 2:
                    word = word[: -len(ending)]
                    break
            else:
                break
        return word.lower()
    word = word.lower()
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def stems(text: str) -> list[str]:
    """The content words of ``text``, stemmed, in order (numbers and stop words left out)."""
    out = []
    for m in _WORD_RE.finditer(text):
        word = m.group()
        if word[0].isdigit():
            continue
        stem = _stem(word)
        if stem.lower() not in _STOP:
            out.append(stem)
    return out


def sentence_at(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence holding ``text[start:end]`` (a line, or part of one)."""
    left = 0
    for m in _SENTENCE_END_RE.finditer(text, 0, start):
        left = m.end()
    m = _SENTENCE_END_RE.search(text, end)
    return left, (m.start() if m else len(text))


@dataclass(frozen=True)
class Time:
    """A time expression: its key (2030, 2030 말, 올해 말, 내년) and where it is."""

    key: str
    start: int
    end: int


def _time_key(m: re.Match[str]) -> str:
    if m["year"]:
        return m["year"] + (f" {m['ypart']}" if m["ypart"] else "")
    if m["rel"]:
        rel = {"작년": "지난해", "금년": "올해", "연내": "올해"}.get(m["rel"], m["rel"])
        return rel + (f" {m['rpart']}" if m["rpart"] else "")
    if m["eoy"]:
        return "올해 말" if m["eoy"] == "연말" else "올해 초"
    return m["enyear"]


def times_in(text: str, start: int = 0, end: int | None = None) -> list[Time]:
    """The time expressions in ``text[start:end]``: 2030 for 2030년까지, 올해 말, 2028 for by 2028."""
    return [Time(_time_key(m), m.start(), m.end()) for m in _TIME_RE.finditer(text, start, len(text) if end is None
                                                                            else end)]


# --- text vectors, for telling whether two articles tell one story -------------

_HANGUL_RUN_RE = re.compile(r"[가-힣]{2,}")
_LATIN_RE = re.compile(r"[A-Za-z][A-Za-z0-9]+")


def features(text: str) -> Counter[str]:
    """Hangul character bigrams (robust to particles) and English words."""
    out: Counter[str] = Counter()
    for m in _HANGUL_RUN_RE.finditer(text):
        w = m.group()
        out.update(w[i : i + 2] for i in range(len(w) - 1))
    out.update(_stem(m.group()) for m in _LATIN_RE.finditer(text) if m.group().lower() not in _STOP)
    return out


@dataclass(frozen=True)
class Vector:
    """An article's words, weighted by how rare they are in the dump (tf-idf), unit length."""

    weights: dict[str, float]


_PRIOR_DOCUMENTS = 10
"""Unrelated documents the idf assumes besides the dump, so that in a dump of one story its own
words still count (with no prior, a word in every article of a small dump would weigh nothing)."""


def vector(counts: Counter[str], document_frequency: Counter[str], documents: int) -> Vector:
    """The tf-idf vector of one article's ``features``, given the dump's document frequencies."""
    prior = documents + _PRIOR_DOCUMENTS
    weights = {k: (1 + math.log(n)) * math.log(prior / (document_frequency[k] + 0.5))
               for k, n in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return Vector({k: w / norm for k, w in weights.items()})


