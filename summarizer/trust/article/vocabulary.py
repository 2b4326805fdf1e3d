"""Where the article writes a word: the index the support checks look a summary's words up in.

A summary's terms (``words.terms``: content words, Korean compounds, names of several words) are looked up
in the article, and each lookup gives the article's sentences that hold the term, so that a check can ask
both "is it in the article?" and "is it in the passage that says the rest?".

The article is not run through kiwipiepy: that costs about 20 ms for a 3 KB article, ten times what all the
other checks cost together. Korean needs no analysis on this side, since a Korean noun or stem stands in the
article's text followed by its particles and endings; a term is looked for in the article's search key
(``textkey``: normalised, spaces dropped, so 인공지능 matches 인공 지능 too). A verb stem is found as written
(만나), as the summary conjugated it, or contracted with its ending (만났, 밝혔: the stem's last syllable with
the same initial consonant). Latin words in Korean text, and English articles, are read word by word with
their lemmas (simplemma), once an article. An English word not found is matched by a shared stem of at least
``STEM`` letters (injured, injury), the derivations a lemma list does not join.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from os.path import commonprefix

from ..words import Term, korean, language_of
from ..words import english as english_words
from ..words.english import sentence_spans
from .source import Source
from .textkey import key_of, key_offsets

__all__ = ["STEM", "Vocabulary", "article_language", "vocabulary"]

STEM = 5
"""Letters an English word and the article's must share at the start to be taken as one word (derivations);
the shared part must also be at least 60 % of the longer word."""

_MAX_PLACES = 64
"""Occurrences of one term kept: enough to find the passage that supports a sentence."""

_KO_END_RE = re.compile(r"""[.!?。]+["'”’)\]]*(?=[^\S\n])""")
"""A Korean sentence's end: marks followed by a space in the same line (a line's last mark ends no sentence of
its own: the line does)."""
_LINE_RE = re.compile(r"[^\n]*\S[^\n]*")
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
"""The letters and digits a Latin word of the lower-cased key is made of (a set test, not a regex call)."""
_LATIN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
_KO_NEGATION_RE = re.compile(r"않|못|없|아니|안(?<![가-힣]안)(?=\s)")
"""(안 not inside a word: the assertion follows the syllable, so that every branch opens with a letter and the
regex engine scans for those five.)"""
_HANGUL_BASE, _PER_INITIAL = 0xAC00, 588
_PLAIN_RE = re.compile(r"[가-힣A-Za-z0-9]*")
_SYLLABLE_RE = re.compile("[\uac00-\ud7a3]")


def _key(form: str) -> str:
    """The search key of a term, lower-cased: the term itself when it is plain Hangul, Latin letters and digits
    (nothing for the key to fold), else ``key_of``'s."""
    return form.lower() if _PLAIN_RE.fullmatch(form) else key_of(form).lower()


def sentence_spans_of(text: str, language: str | None) -> list[tuple[int, int]]:
    """The sentences of ``text`` by their end marks, a line at most (no analyser: this runs on every article)."""
    if language == "ko":
        return _korean_spans(text)
    out = []
    for line in _LINE_RE.finditer(text):
        spans = sentence_spans(line[0])
        out += [(line.start() + s, line.start() + e) for s, e in spans if line[0][s:e].strip()]
    return out


def _korean_spans(text: str) -> list[tuple[int, int]]:
    """Korean: one scan of the whole text for end marks (one followed by a space within its line), then the
    pieces of each non-blank line between them."""
    ends = [m.end() for m in _KO_END_RE.finditer(text)]
    out, j, n = [], 0, len(ends)
    for line in _LINE_RE.finditer(text):
        at, line_end = line.span()
        while j < n and ends[j] < line_end:  # an end mark stands in a non-blank line, before its end
            if text[at : ends[j]].strip():
                out.append((at, ends[j]))
            at = ends[j]
            j += 1
        if text[at:line_end].strip():
            out.append((at, line_end))
    return out


@dataclass(frozen=True)
class Vocabulary:
    """The article's sentences, and where its words stand in them."""

    src: Source
    language: str | None
    sentences: list[tuple[int, int]]
    starts: list[int]
    lowered_key: str
    key_starts: list[int]
    """Where each sentence starts in the key, so that a match in the key finds its sentence at once."""
    latin: dict[str, set[int]]
    """Latin words (English articles, and Latin terms in Korean ones): lemma or lower-cased form -> sentences."""
    stems: dict[str, list[str]]
    negations: frozenset[int]
    """The sentences that hold a negation (not, never, no; 않, 못, 없, 아니)."""
    _found: dict[tuple[str, bool], frozenset[int]] = field(default_factory=dict, init=False, repr=False,
                                                           compare=False)
    """``_in_key``'s answers: a summary writes the same words in its headline, summary, events and labels."""
    _written: dict[str, bool] = field(default_factory=dict, init=False, repr=False, compare=False)
    """``written``'s answers, by form."""
    _where: dict[tuple[str, str, str, str | None], frozenset[int]] = field(default_factory=dict, init=False,
                                                                         repr=False, compare=False)
    """``where``'s answers for a one-word term, by what they depend on (not by its place in the summary)."""

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def where(self, term: Term, written: str | None = None) -> frozenset[int]:
        """The sentences that hold ``term`` (``written``: how the summary wrote it, for a conjugated stem); empty
        when the article does not write it."""
        if term.kind == "negation":
            return self.negations
        if len(term.parts) > 1:  # (its parts are looked up one by one, and kept)
            return self._korean(term, written) if _SYLLABLE_RE.search(term.text) else self._latin(term)
        memo = (term.text, term.key, term.kind, written)
        found = self._where.get(memo)  # (not a KeyError caught: most lookups of an article are its first)
        if found is None:
            found = self._where[memo] = (self._korean(term, written) if _SYLLABLE_RE.search(term.text)
                                         else self._latin(term))
        return found

    def written(self, form: str) -> bool:
        """Whether the article writes ``form`` (a Korean stem; Latin letters as a whole word)."""
        found = self._written.get(form)
        if found is not None:
            return found
        key = _key(form)
        if key[-1:] in _LATIN or key[:1] in _LATIN:
            found = bool(self._in_key(key, latin=True))
        else:
            found = key in self.lowered_key
        self._written[form] = found
        return found

    def _korean(self, term: Term, written: str | None) -> frozenset[int]:
        if term.kind in ("verb", "adjective"):
            stem = term.key[:-1] if term.key.endswith("다") else term.key
            for form in dict.fromkeys((stem, _key(written or ""))):
                if form and (found := self._in_key(form)):
                    return found
            return self._contracted(stem)
        key = _key(term.text)
        found = self._in_key(key)
        if not found:  # a particle the analyser left on a name it does not know: 부산시가
            bare = next((key[: -len(p)] for p in korean.PARTICLES if key.endswith(p) and len(key) - len(p) >= 2), None)
            found = self._in_key(bare) if bare else found
        if found or len(term.parts) == 1:
            return found
        # a compound the article writes apart (정부 목표 for 정부목표): every part, in one sentence or another
        places = [self.where(_single(p)) for p in term.parts]
        return frozenset().union(*places) if all(places) else frozenset()

    def _in_key(self, form: str, latin: bool = False) -> frozenset[int]:
        found = self._found.get((form, latin))
        if found is not None:
            return found
        key, out, k = self.lowered_key, set(), self.lowered_key.find(form)
        starts, size, n = self.key_starts, len(form), len(self.key_starts)
        while k >= 0 and len(out) < _MAX_PLACES:
            end = k + size
            if not latin or not (k > 0 and key[k - 1] in _LATIN or end < len(key) and key[end] in _LATIN):
                i = bisect_right(starts, k) - 1
                out.add(max(0, i))
                # the rest of this sentence adds it again: look on from the next one
                k = key.find(form, starts[i + 1]) if 0 <= i < n - 1 and starts[i + 1] > k else \
                    -1 if i == n - 1 else key.find(form, k + 1)
                continue
            k = key.find(form, k + 1)
        found = self._found[form, latin] = frozenset(out)
        return found

    def _contracted(self, stem: str) -> frozenset[int]:
        """A stem contracted with its ending: 밝히 in 밝혔다, 만나 in 만났다, 늘어나 in 늘어났다."""
        last = ord(stem[-1]) - _HANGUL_BASE
        if len(stem) < 2 or not 0 <= last < 11172:
            return frozenset()
        first = _HANGUL_BASE + last // _PER_INITIAL * _PER_INITIAL
        pattern = re.compile(re.escape(stem[:-1]) + f"[{chr(first)}-{chr(first + _PER_INITIAL - 1)}]")
        out = set()
        for m in pattern.finditer(self.lowered_key):
            out.add(max(0, bisect_right(self.key_starts, m.start()) - 1))
            if len(out) >= _MAX_PLACES:
                break
        return frozenset(out)

    def _latin(self, term: Term) -> frozenset[int]:
        if len(term.parts) > 1:  # a name of several words: all of them, one sentence or another
            places = [self._latin(_single(p)) for p in term.parts]
            return frozenset().union(*places) if all(places) else frozenset()
        key = term.key
        for k in dict.fromkeys((key, english_words.lemma(term.text), term.text.lower())):
            if k in self.latin:
                return frozenset(self.latin[k])
        if "-" in key:  # hitch-hikes: every part
            places = [self.latin.get(english_words.lemma(p), set()) for p in key.split("-") if p]
            if places and all(places):
                return frozenset().union(*places)
        if len(key) >= STEM:
            out: set[int] = set()
            for other in self.stems.get(key[:STEM], ()):
                if len(commonprefix((key, other))) >= 0.6 * max(len(key), len(other)):
                    out |= self.latin[other]
            return frozenset(out)
        return frozenset()


def _single(word) -> Term:
    return Term(word.text, word.key, word.kind, word.start, word.end, (word,))


def article_language(src: Source) -> str | None:
    """The article's language (``words.language_of``), worked out once an article."""
    return src.cached(_language)


def _language(src: Source) -> str | None:
    return language_of(src.text)


def vocabulary(src: Source) -> Vocabulary:
    """The article's vocabulary, worked out once an article."""
    return src.cached(_build)


def _build(src: Source) -> Vocabulary:
    text = src.text
    language = article_language(src)
    spans = sentence_spans_of(text, language)
    starts = [s for s, _ in spans]
    n = len(starts)
    latin: dict[str, set[int]] = defaultdict(set)
    negations: set[int] = set()
    if language == "ko":
        # (the sentence of each match: the matches come in order, so the starts at or before one only grow)
        after, lemma = 0, english_words.lemma
        for m in _LATIN_WORD_RE.finditer(text):
            start = m.start()
            while after < n and starts[after] <= start:
                after += 1
            latin[lemma(m[0])].add(after - 1 if after else 0)
        after = 0
        for m in _KO_NEGATION_RE.finditer(text):
            start = m.start()
            while after < n and starts[after] <= start:
                after += 1
            negations.add(after - 1 if after else 0)
    else:
        # The sentences of each word as written and its key, first (one pass over the words); then each of those
        # once, under its keys. (An article writes a word many times: its keys are worked out once, in the order
        # the words first come, so the dict's order is the one a word-by-word pass gives.)
        places, negations = english_words.word_places(text, starts)
        for (form, key), found in places.items():
            latin[key] |= found
            lower = form.lower().replace("’", "'")
            if lower.endswith("'s"):
                lower = lower[:-2]
            if lower != key:
                latin[lower] |= found
            if "-" in key:
                for part in key.split("-"):
                    latin[english_words.lemma(part)] |= found
    stems: dict[str, list[str]] = defaultdict(list)
    for k in latin:
        if len(k) >= STEM:
            stems[k[:STEM]].append(k)
    return Vocabulary(src, language, spans, starts, src.key.key.lower(), _key_starts(text, spans), dict(latin),
                      dict(stems), frozenset(negations))


def _key_starts(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Where each sentence starts in the text's key."""
    found = key_offsets(text, [s for s, _ in spans])
    if found is not None:
        return found
    key_starts, k, previous = [], 0, 0
    for start, end in spans:  # the key of the text is the keys of its pieces, cut between sentences
        gap = text[previous:start]
        k += 0 if not gap or gap.isspace() else len(key_of(gap))  # the key drops every space: none of a blank
        key_starts.append(k)
        k += len(key_of(text[start:end]))
        previous = end
    return key_starts
