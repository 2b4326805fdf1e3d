"""How far the article backs a piece of a summary's wording: which of its terms the article writes, and
whether they stand together in the article, in a passage of a sentence or two, or only scattered.

A sentence is backed by the article's sentences that hold the most of its terms (picked greedily, at most
``PASSAGE`` of them); a term the article writes only elsewhere is *apart*, one it never writes is *missing*.
A negation (not, 않, 못, 없) counts as a term that the passage must hold in the sentence that writes the word it
bears on ("does not provide": a sentence with a negation and "provide"; the passage's first sentence when the
article does not write that word): "the article does not say not" there.
Numbers are left to the number check (``text.py``).

A term the article does not write as such is still backed by what only spells it otherwise: a country by its
adjective or short form (Chinese, China; U.K., Britain: ``lexicon.aliases``), and an English word by a
derivation of it that shares its first ``STEM`` letters and 60 % of the shorter word (expansion, expand;
financially, financial), which the article's index matches only against the longer word.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain
from os.path import commonprefix

from ..article.vocabulary import STEM, Vocabulary
from ..words import Term, Word, english
from .lexicon import aliases

__all__ = ["APART", "PASSAGE", "REACH", "SCOPE", "WEIGHTS", "Backing", "backing", "listed", "places_of", "word_term"]

PASSAGE = 2
"""Article sentences that may back one sentence of a summary together (tuned on benchmarks/data/consistency
tune.jsonl: see docs/checks.md)."""

APART = 0.5
"""What a term the article writes only elsewhere counts for in a share: half a backed one (it may be a fact
the summary joins from two places; it may be a name swapped for another the article has)."""

SCOPE = 2
"""Words next to a negation that it may bear on (tuned on benchmarks/data/consistency/tune.jsonl)."""

REACH = 3
"""English: content words after an article's negation that it bears on, when a summary's negation is looked for
there (tuned on benchmarks/data/consistency/tune.jsonl)."""

WEIGHTS = {"name": 2.0, "number": 0.0}
"""What a term counts for in a sentence's share (1 when not listed): a name twice, a number not at all (the
number check has it)."""


@dataclass(frozen=True)
class Backing:
    """What the article backs of one piece of wording."""

    terms: tuple[Term, ...]
    missing: tuple[Term, ...]
    """Terms the article never writes."""
    apart: tuple[Term, ...]
    """Terms the article writes, but not in the passage that backs the rest."""
    passage: tuple[int, int] | None
    """The article's span from the first to the last sentence of the passage that backs the most."""
    sentences: tuple[int, ...]
    """The article's sentences (``Vocabulary.sentences`` indices) of that passage, the one that backs most first."""
    share: float
    """The weighted share of the terms that the passage backs (a term apart counts ``APART``): 1.0 when all
    are, or there are none."""
    places: tuple[frozenset[int], ...] = ()
    """The article's sentences that write each term, in the order of ``terms``."""

    @property
    def names_missing(self) -> tuple[Term, ...]:
        return tuple(t for t in self.missing if t.kind == "name")

    @property
    def negations_unbacked(self) -> tuple[Term, ...]:
        """A negation the passage's first sentence does not hold: the article does not say "not" there."""
        return tuple(t for t in (*self.missing, *self.apart) if t.kind == "negation")


def backing(vocab: Vocabulary, terms: Iterable[Term], written: str = "", near: frozenset[int] | None = None,
            passage: int = PASSAGE, apart_weight: float = APART) -> Backing:
    """How the article backs ``terms`` (of the text ``written``, whose offsets they carry). ``near``: only
    these article sentences may back them (the words around a figure); the rest of the article makes a term
    apart, not missing. ``apart_weight``: what a term apart counts for in the share."""
    counted, weights = [], []
    for t in terms:
        w = WEIGHTS.get(t.kind, 1.0)
        if w > 0:
            counted.append(t)
            weights.append(w)
    known = vocab.src.cached(_places)
    places = []
    for t in counted:
        as_written = written[t.start:t.end] if written else None
        memo = (t.text, t.key, t.kind, as_written) if len(t.parts) == 1 else \
            (t.text, t.key, t.kind, as_written, tuple((p.text, p.key, p.kind) for p in t.parts))
        found = known.get(memo)
        if found is None:
            found = known[memo] = places_of(vocab, t, as_written)
        places.append(found)
    usable = places if near is None else [p & near for p in places]
    chosen: list[int] = []
    left = [p for p in usable if p]
    for _ in range(passage):
        votes = Counter(chain.from_iterable(left))
        if not votes:
            break
        most = max(votes.values())  # the sentence that holds the most terms, the first of them on a tie
        best = min(s for s, v in votes.items() if v == most)
        chosen.append(best)
        left = [p for p in left if best not in p]
    picked = set(chosen)
    backed = {i for i, p in enumerate(usable) if not picked.isdisjoint(p)
              and (counted[i].kind != "negation" or _negation_backed(i, counted, usable, chosen, vocab))}
    missing = tuple(t for t, p in zip(counted, places, strict=True) if not p)
    apart = tuple(t for i, (t, p) in enumerate(zip(counted, places, strict=True)) if p and i not in backed)
    total = sum(weights)
    if total == 0:
        share = 1.0
    else:
        share = (sum(weights[i] for i in backed) + apart_weight * sum(
            w for i, (w, p) in enumerate(zip(weights, places, strict=True)) if p and i not in backed)) / total
    span = None
    if chosen:
        span = (vocab.sentences[min(chosen)][0], vocab.sentences[max(chosen)][1])
    return Backing(tuple(counted), missing, apart, span, tuple(chosen), share, tuple(places))


def _places(_src: object) -> dict[tuple, frozenset[int]]:
    """``places_of``'s answers for an article, by what they depend on (a term's text, key, kind and parts, and
    how the summary wrote it), not by where the summary writes the term: a summary writes its words again in
    its headline, summary, events and labels, and a word the article does not write is looked for again under
    its aliases and derivations. Filled as ``backing`` asks."""
    return {}


def _negation_backed(i: int, counted: list[Term], usable: list[frozenset[int]], chosen: list[int],
                     vocab: Vocabulary | None = None) -> bool:
    """Whether the passage says the negation ``counted[i]`` where it says what the negation bears on: a sentence
    of the passage holds both a negation and one of the ``SCOPE`` words next to it (after it in English: "does
    not provide"; before it in Korean: 약속하지 않았다). When the article writes none of them, the passage's
    first sentence must hold a negation."""
    step = -1 if any("\uac00" <= c <= "\ud7a3" for c in counted[i].text) else 1
    near: set[int] = set()
    bearers: list[Term] = []
    j, seen = i + step, 0
    while 0 <= j < len(counted) and seen < SCOPE:
        if counted[j].kind != "negation":
            near |= usable[j]
            bearers.append(counted[j])
            seen += 1
        j += step
    if near:
        found = usable[i] & near & set(chosen)
        if found and step == 1 and vocab is not None:  # English: the article's negation before the word too
            return any(_negated_there(vocab, s, bearers) for s in found)
        return bool(found)
    return chosen[0] in usable[i]


def _negated_there(vocab: Vocabulary, sentence: int, bearers: list[Term]) -> bool:
    """Whether the article's ``sentence`` writes a negation with one of ``bearers`` among the ``REACH`` words after
    it (numbers left out): "do not help" backs "does not help", not "does not provide" where the sentence
    provides something else."""
    start, end = vocab.sentences[sentence]
    words = [w for w in english.words(vocab.src.text[start:end]) if w[2] != "number"]
    keys = {t.key for t in bearers}
    stems = {k[:STEM] for k in keys if len(k) >= STEM}
    for k, w in enumerate(words):
        if w[2] == "negation" and any(v[1] in keys or v[1][:STEM] in stems for v in words[k + 1 : k + 1 + REACH]):
            return True
    return False


def places_of(vocab: Vocabulary, term: Term, written: str | None = None) -> frozenset[int]:
    """The article's sentences that write ``term`` (``Vocabulary.where``), or, when none does, that write it
    otherwise: a country's other name, the name in a name-and-word compound (AI-driven: AI), an English word's
    derivation."""
    found = vocab.where(term, written)
    if found or term.kind in ("negation", "number"):
        return found
    if term.kind == "name":
        out: set[int] = set()
        for other in aliases(term.text):
            out |= vocab.where(word_term(other, "name"))
        named = [p for p in term.text.split("-") if p[:1].isupper()]
        if "-" in term.text and len(named) < term.text.count("-") + 1 and named:  # AI-driven: a name and a word
            places = [vocab.where(word_term(p, "name")) for p in named]
            if all(places):
                out |= frozenset().union(*places)
        return frozenset(out)
    key = term.key
    if len(term.parts) == 1 and len(key) >= STEM and key.isascii():
        out = set()
        for other in vocab.stems.get(key[:STEM], ()):
            if len(commonprefix((key, other))) >= 0.6 * min(len(key), len(other)):
                out |= vocab.latin[other]
        return frozenset(out)
    return found


def word_term(text: str, kind: str = "word") -> Term:
    """A term of one word (or of several, split on spaces) that no summary wrote: a word looked up for itself."""
    words, at = [], 0
    for part in text.split(" "):
        words.append(Word(part, part, kind, at, at + len(part)))  # type: ignore[arg-type]
        at += len(part) + 1
    return Term(text, text, kind, 0, len(text), tuple(words))  # type: ignore[arg-type]


def listed(terms: Iterable[Term], limit: int = 6) -> str:
    """Terms for a message: 'a', 'b' and 'c'; what the summary wrote, once each."""
    shown = list(dict.fromkeys(t.text for t in terms))
    more = len(shown) - limit
    shown = [f"'{t}'" for t in shown[:limit]]
    if more > 0:
        return ", ".join(shown) + f" and {more} more"
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
