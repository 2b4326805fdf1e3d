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
    stems: dict[str, str | None] = {}  # a summary writes its words again in its headline, events and labels
    for n, (_, text) in enumerate(texts):
        for m in _KO_WORD_RE.finditer(text):
            if m.start() > 0 and text[m.start() - 1].isdigit():
                continue  # a number's unit or scale (26만장): the number check's
            word = m[0]
            if korean.NEGATION_RE.search(word):
                unsettled.append((n, m.start(), word))
                continue
            # one syllable stands in any article: the analyser says what it is (가 a prefix, 힉 a noun)
            if word in stems:
                stem = stems[word]
            else:
                stem = stems[word] = next((s for s in korean.stems(word) if len(s) > 1 and vocab.written(s)), None)
            if stem is not None:
                settled[n].append(Word(stem, _bare(stem), "noun", m.start(), m.start() + len(stem)))
            elif not _is_tail(word):
                unsettled.append((n, m.start(), word))
        for m in _OTHER_RE.finditer(text):
            if vocab.written(m[0]):  # GPU, AI, CEO: the article writes the word
                settled[n].append(Word(m[0], english.lemma(m[0]), "foreign", m.start(), m.end()))
            else:
                unsettled.append((n, m.start(), m[0]))
    if unsettled:
        joined, at = [], 0
        starts = []
        for _, _, word in unsettled:
            starts.append(at)
            joined.append(word)
            at += len(word) + 1
        words = content_words("\n".join(joined), "ko")
        i = 0
        for (n, offset, word), start in zip(unsettled, starts, strict=True):
            while i < len(words) and words[i].start < start + len(word):
                w = words[i]
                if w.start >= start:
                    settled[n].append(Word(w.text, w.key, w.kind, offset + w.start - start, offset + w.end - start))
                i += 1
    fields = {}
    for (path, text), words_of in zip(texts, settled, strict=True):
        words_of.sort(key=lambda w: w.start)
        fields[path] = Field(path, text, language_of(text), tuple(terms(text, words_of)))
    return Written("ko", fields)


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
