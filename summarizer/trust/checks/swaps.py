"""What an edit changes that a paraphrase does not: one word of the passage put in the place of another of its
kind, or a word's negating prefix put on or taken off.

A paraphrase rewords with synonyms ("surged" for "increased", "challenging" for "difficult"), which no code
without a model can tell from a swapped word (a word of the summary that stands between the passage's
neighbours of another word is as often a synonym as an edit: on the tune set's SummEdits prose, flagging it
caught 10 edits and cost 36 consistent summaries). But some words have no synonym among their kind, so that
one of them where the passage writes another is a contradiction the code can show:

- **a word of a closed kind** (``lexicon.KINDS``: units of time, ordinals, weekdays, months; and a year's
  quarters and halves) that the passage does not write, beside a word that the passage writes beside another
  of the same kind, one the summary does not write: "30 months" where it says "30 days", "Q4" where it says
  "Q3";
- **a negating prefix** put on or taken off a word (non-negative and negative, conditional and
  non-conditional), or a compound's modifier swapped for its opposite (on-policy for off-policy): the summary
  writes one form, the passage only the other;
- **a Korean name put in the place of another**: a word that the analyser reads as a name, between the same
  neighbours (particles off) as another name of a passage sentence that does not write it (네이버 대통령이
  where the passage says 이재명 대통령은). English names are left to the name check: the same rule caught no
  English edit on the tune set.

English is read only where the summary writes a word these apply to; Korean compares the sentence's words
with each passage sentence's, and asks the analyser only about a word that stands in another's place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..article.vocabulary import Vocabulary
from ..words import english, korean
from .lexicon import KIND_FORMS, KINDS, NEGATING_PREFIXES, kind_of, opposites
from .wording import Backing

__all__ = ["Swap", "swaps"]

_PERIOD_RE = re.compile(r"\b(?:Q[1-4]|[1-4]Q|H[12]|[12]H)\b")
_NEGATED_RE = re.compile(rf"\b(?:{'|'.join(sorted(NEGATING_PREFIXES))})-", re.IGNORECASE)
_COMPOUND_RE = re.compile(r"(?<![\w-])([a-z]+)-([a-z]+)(?![\w-])")
_TOKEN_RE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9'’-]*[A-Za-z0-9])?")


@dataclass(frozen=True)
class Swap:
    """What the summary writes (``word``) where the passage writes ``replaced``."""

    word: str
    replaced: str


def swaps(vocab: Vocabulary, sentence: str, b: Backing) -> list[Swap]:
    """The words of ``sentence`` that stand where its passage (``b``) writes another of their kind, or their
    negated form (or the passage the word where they write its negated form); in Korean, a name put in the place
    of another."""
    if not b.sentences:
        return []
    if vocab.language == "ko":
        return _korean_names(vocab, sentence, b)
    kinds = {t.text.lower() for t in b.terms if t.text.lower() in KIND_FORMS}
    if not (kinds or "-" in sentence or _PERIOD_RE.search(sentence)) and not any(
            _NEGATED_RE.search(vocab.src.text, *vocab.sentences[i]) for i in b.sentences):
        return []  # no word of a closed kind, no hyphen, no quarter here; no negated compound in the passage
    read = vocab.src.cached(_read_sentences)
    for i in b.sentences:
        if i not in read:
            start, end = vocab.sentences[i]
            lower = vocab.src.text[start:end].lower()
            read[i] = (lower, _COMPOUND_RE.findall(lower) if "-" in lower else [])
    passage = " ".join(read[i][0] for i in b.sentences)
    said = sentence.lower()
    out = _periods(sentence, passage) if _PERIOD_RE.search(sentence) else []
    theirs = [c for i in b.sentences for c in read[i][1]]
    if "-" in said or any(head in NEGATING_PREFIXES for head, _ in theirs):
        out += _prefixed(said, passage, theirs)
    if any(not _written(word, passage) for word in kinds):  # the passage writes another form, or another word
        mine = [m[0] for m in _TOKEN_RE.finditer(said)]
        words = [m[0] for m in _TOKEN_RE.finditer(passage)]
        lemmas = {english.lemma(w) for w in mine}
        for i, word in enumerate(mine):
            if word in kinds:
                found = _kin(word, kind_of(word) or "", lemmas, words, mine[i - 1] if i else None, mine[i + 1 : i + 2])
                if found is not None:
                    out.append(Swap(sentence[_at(said, word)], found))
    return out


def _read_sentences(_src: object) -> dict[int, tuple[str, list[tuple[str, str]]]]:
    """An English article's sentences, lower-cased, and the compounds of two words each writes (non-GAAP), as
    ``swaps`` reads them, filled as it asks."""
    return {}


def _at(text: str, word: str) -> slice:
    start = text.find(word)
    return slice(start, start + len(word))


def _written(word: str, text: str) -> bool:
    """Whether ``text`` writes ``word`` as a word of its own (not a part of a compound: the year of 108-year)."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def _periods(sentence: str, passage: str) -> list[Swap]:
    """A quarter or half (Q3, 2H) the passage does not write, where it writes another."""
    mine = set(_PERIOD_RE.findall(sentence))
    theirs = {p.upper() for p in _PERIOD_RE.findall(passage.upper())}
    if not mine or not theirs or mine & theirs:
        return []
    return [Swap(min(mine - theirs), min(theirs - mine))]


def _kin(word: str, kind: str, mine: set[str], theirs: list[str], before: str | None, after: list[str]) -> str | None:
    """Another word of ``word``'s kind that the passage writes, and the summary does not, beside a word the summary
    writes beside ``word`` ("30 months" where the passage says "30 days"; "the first quarter" where it says "the
    third quarter"), when the passage does not write ``word``."""
    own = english.lemma(word)
    lemmas = [english.lemma(t) for t in theirs]
    if own in lemmas or kind not in KINDS:
        return None
    for j, (t, lemma) in enumerate(zip(theirs, lemmas, strict=True)):
        if lemma in KINDS[kind] and lemma != own and lemma not in mine and (
                (before is not None and j > 0 and theirs[j - 1] == before) or theirs[j + 1 : j + 2] == after != []):
            return t
    return None


def _prefixed(said: str, passage: str, theirs: list[tuple[str, str]]) -> list[Swap]:
    """A word with a negating prefix put on or taken off, or a compound whose modifier is swapped for its
    opposite (on-policy, off-policy): the summary (``said``, lower-cased) writes one form, the passage only the
    other. Where the summary writes both (the non-GAAP and the GAAP figures) nothing is swapped."""
    mine = _COMPOUND_RE.findall(said) if "-" in said else []
    out = []
    for head, rest in mine:
        if (head, rest) in theirs:
            continue
        if head in NEGATING_PREFIXES and _written(rest, passage) and not _written(rest, said):
            out.append(Swap(f"{head}-{rest}", rest))  # non-conditional where the passage says conditional
            continue
        others = opposites(head) | _OPPOSITE_MODIFIERS.get(head, frozenset())
        other = next((f"{h}-{r}" for h, r in theirs if r == rest and h in others and (h, r) not in mine), None)
        if other is not None:
            out.append(Swap(f"{head}-{rest}", other))  # on-policy where the passage says off-policy
    for head, rest in theirs:
        if head in NEGATING_PREFIXES and (head, rest) not in mine and _written(rest, said) \
                and not _written(rest, passage):
            out.append(Swap(rest, f"{head}-{rest}"))  # negative where the passage says non-negative
    return out


_OPPOSITE_MODIFIERS = {"on": frozenset({"off"}), "off": frozenset({"on"}), "pre": frozenset({"post"}),
                       "post": frozenset({"pre"}), "over": frozenset({"under"}), "under": frozenset({"over"})}
"""Modifiers of a compound that are each other's opposite but no words of their own (on-policy, off-policy)."""


_KO_TOKEN_RE = re.compile(r"[^\s,.·\"'“”‘’()\[\]<>]+")


def _korean_names(vocab: Vocabulary, sentence: str, b: Backing) -> list[Swap]:
    """A name of the summary in a word whose neighbours are the passage's neighbours of another name, one the
    summary does not write: 네이버 대통령이 where the passage says 이재명 대통령은 (words compared without their
    particles). A name the same sentence of the passage writes too is no swap (moved within it)."""
    mine = [_stem(m[0]) for m in _KO_TOKEN_RE.finditer(sentence)]
    if len(mine) < 2:
        return []
    own = set(mine)
    words = vocab.src.cached(_sentence_words)
    out: list[Swap] = []
    for s in b.sentences:
        if s not in words:
            start, end = vocab.sentences[s]
            theirs = [_stem(m[0]) for m in _KO_TOKEN_RE.finditer(vocab.src.text[start:end])]
            words[s] = (theirs, frozenset(theirs))
        theirs, there = words[s]
        if own <= there:
            continue  # the sentence's own words: nothing swapped
        inside = [w in there for w in mine]
        last = len(mine) - 1
        for i in [i for i, x in enumerate(inside) if not x]:
            if (i and not inside[i - 1]) or (i < last and not inside[i + 1]):
                continue  # not between two words of the passage sentence: nothing to align
            word = mine[i]
            if any(o.word == word for o in out):
                continue
            other = _aligned(mine, i, theirs, own)
            if other is not None and _is_name(other) and _is_name(word):
                out.append(Swap(word, other))
    return out


def _sentence_words(_src: object) -> dict[int, tuple[list[str], frozenset[str]]]:
    """An article's sentences' words without particles, as ``_korean_names`` reads them, filled as it asks."""
    return {}


@lru_cache(maxsize=8192)
def _stem(word: str) -> str:
    return next((word[: -len(p)] for p in korean.PARTICLES if word.endswith(p) and len(word) - len(p) >= 2), word)


def _aligned(mine: list[str], i: int, theirs: list[str], own: set[str]) -> str | None:
    """The word of ``theirs`` between the same neighbours as ``mine[i]`` (the one after it only, at a sentence's
    start; the one before it only, at its end), when it is another word, one that ``mine`` does not write."""
    word, n, m = mine[i], len(mine), len(theirs)
    for j, u in enumerate(theirs):
        if (i == 0 or (j > 0 and theirs[j - 1] == mine[i - 1])) and (
                i == n - 1 or (j + 1 < m and theirs[j + 1] == mine[i + 1])) \
                and u not in own and u not in word and word not in u:
            return u
    return None


@lru_cache(maxsize=4096)
def _is_name(word: str) -> bool:
    """Whether the analyser reads a name (a proper noun of two syllables or more) in ``word``."""
    return any(kind == "name" for _, _, kind, _, _ in korean.morphemes(word))


