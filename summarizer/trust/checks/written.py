"""What a summary writes in words, read once for all the checks that compare words: each field's text, its
language and its terms (``words.terms``).

Korean costs kiwipiepy about 5 µs a character, more than all the other checks of an article together, so a
Korean word goes to it only when the article does not settle it: a word whose stem the article writes, with
only a particle or an ending after it (정부가, 약속했다, 공급하기로: ``korean.stems``), is backed as it
stands. The rest (a word the article does not write, or writes otherwise: 기획재보건부가, 만났다 for 만나) go
through the analyser in one call, so that a finding can name what is missing and tell a name from a word.
English is read by simplemma, word by word, in one pass over every field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from ...contract.summary import ArticleSummary
from ..article.vocabulary import Vocabulary
from ..words import Term, Word, content_words, english, korean, language_of, terms

__all__ = ["Field", "Written", "read_summary"]


@dataclass(frozen=True)
class Field:
    """One field a model wrote, and its terms (offsets into ``text``)."""

    path: str
    text: str
    language: str | None
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Written:
    """The fields of a summary that say something in words, by path."""

    article_language: str | None
    fields: dict[str, Field]

    def get(self, path: str) -> Field:
        return self.fields[path]


def _texts(summary: ArticleSummary) -> list[tuple[str, str]]:
    out = [("headline", summary.headline), ("summary", summary.summary)]
    for i, e in enumerate(summary.events):
        out.append((f"events[{i}].description", e.description))
        out += [(f"events[{i}].actors[{j}]", a) for j, a in enumerate(e.actors)]
        if e.location is not None:
            out.append((f"events[{i}].location", e.location))
    out += [(f"figures[{i}].label", f.label) for i, f in enumerate(summary.figures)]
    return out


_KO_WORD_RE = re.compile(r"(?<![0-9가-힣])[가-힣]+|(?<=[0-9])[가-힣]+")
_OTHER_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_START = attrgetter("start")


def read_summary(summary: ArticleSummary, article_language: str | None, vocab: Vocabulary | None = None) -> Written:
    """Every field's terms, read by the article's language's rules (Korean words the article settles as they
    stand, the rest by kiwipiepy in one call; English by simplemma)."""
    texts = _texts(summary)
    if article_language == "ko" and vocab is not None:
        return _read_korean(texts, vocab)
    joined, starts, at = [], [], 0
    for _, text in texts:
        flat = text.replace("\n", " ")
        joined.append(flat)
        starts.append(at)
        at += len(flat) + 1
    words = content_words("\n".join(joined), "ko" if article_language == "ko" else "en")
    fields: dict[str, Field] = {}
    w = 0
    for (path, text), start in zip(texts, starts, strict=True):
        end = start + len(text)
        mine = []
        while w < len(words) and words[w].start < end:
            word = words[w]
            if word.start >= start:
                mine.append(type(word)(word.text, word.key, word.kind, word.start - start, word.end - start))
            w += 1
        mine = [w for w in mine if not _period_letter(text, w)]
        fields[path] = Field(path, text, language_of(text), tuple(terms(text, mine)))
    return Written(article_language, fields)


def _period_letter(text: str, word: Word) -> bool:
    """The letter of a period written with its number (Q3, 4Q, H1): not a name, and the number is the number
    check's."""
    if word.kind != "name" or word.end - word.start != 1:
        return False
    return text[word.end : word.end + 1].isdigit() or text[word.start - 1 : word.start].isdigit()


def _read_korean(texts: list[tuple[str, str]], vocab: Vocabulary) -> Written:
    settled: list[list[Word]] = [[] for _ in texts]
    unsettled: list[tuple[int, int, str]] = []  # (field, offset, text) for the analyser
    # what each distinct word is, read once a summary: it writes its words again in its headline, events and labels
    hangul: dict[str, str | bool] = {}
    latin: dict[str, str | None] = {}
    for n, (_, text) in enumerate(texts):
        mine = settled[n]
        for m in _KO_WORD_RE.finditer(text):
            start = m.start()
            if start and text[start - 1].isdigit():
                continue  # a number's unit or scale (26만장): the number check's
            word = m[0]
            how = hangul.get(word)
            if how is None:
                how = hangul[word] = _settle(word, vocab)
            if how is True:
                unsettled.append((n, start, word))
            elif how:  # the stem the article writes
                mine.append(Word(how, _bare(how), "noun", start, start + len(how)))
        for m in _OTHER_RE.finditer(text):
            word = m[0]
            if word in latin:
                lemma = latin[word]
            else:  # GPU, AI, CEO: the article writes the word
                lemma = latin[word] = english.lemma(word) if vocab.written(word) else None
            if lemma is None:
                unsettled.append((n, m.start(), word))
            else:
                mine.append(Word(word, lemma, "foreign", m.start(), m.end()))
    if unsettled:
        joined, at = [], 0
        starts = []
        for _, _, word in unsettled:
            starts.append(at)
            joined.append(word)
            at += len(word) + 1
        words = content_words("\n".join(joined), "ko")
        i, count = 0, len(words)
        for (n, offset, word), start in zip(unsettled, starts, strict=True):
            end, shift, mine = start + len(word), offset - start, settled[n]
            while i < count:
                w = words[i]
                if w.start >= end:
                    break
                if w.start >= start:
                    mine.append(Word(w.text, w.key, w.kind, w.start + shift, w.end + shift))
                i += 1
    fields = {}
    for (path, text), words_of in zip(texts, settled, strict=True):
        words_of.sort(key=_START)
        fields[path] = Field(path, text, language_of(text), tuple(terms(text, words_of)))
    return Written("ko", fields)


def _settle(word: str, vocab: Vocabulary) -> str | bool:
    """What a Hangul word of a summary is: the stem the article writes (the word backed as it stands), ``True``
    for the analyser, ``False`` for a particle or ending standing alone (nothing to look up)."""
    if korean.NEGATION_RE.search(word):
        return True
    # one syllable stands in any article: the analyser says what it is (가 a prefix, 힉 a noun)
    stem = next((s for s in korean.stems(word) if len(s) > 1 and vocab.written(s)), None)
    if stem is not None:
        return stem
    return not _is_tail(word)


@lru_cache(maxsize=4096)
def _bare(stem: str) -> str:
    """The key of a settled word: without a particle the article happened to write after it too (정부와 -> 정부),
    so that two sentences that say the same compare the same."""
    if not stem.endswith(korean.PARTICLES):  # most do not: one test in C before the loop
        return stem
    return next((stem[: -len(p)] for p in korean.PARTICLES if stem.endswith(p) and len(stem) - len(p) >= 2), stem)


@lru_cache(maxsize=4096)
def _is_tail(word: str) -> bool:
    """A particle or ending standing alone (the 로 of 테스트베드(시험대)로)."""
    return korean.stems("가" + word)[-1] == "가" and len(word) <= 3
