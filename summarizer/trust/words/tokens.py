"""Content words, in one shape for Korean and English: what a support check compares between a summary and
its article.

A ``Word`` keeps its place in the text (offsets into the string given) and a ``key``: the form compared,
with particles, endings and inflections already off (Korean morphemes by kiwipiepy, English lemmas by
simplemma), lower-cased. Hangul runs inside an English text, and Latin words inside a Korean one, are each
read by their own language's rules.

``terms`` joins the words written as one: a Korean compound noun (기획재정부, which kiwipiepy reads as
기획+재정부) and an English name of several words (Susan Monica), so that a check compares the whole and names
it whole in a finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from . import english, korean
from .language import language_of

__all__ = ["Kind", "Term", "Word", "content_words", "terms"]

Kind = Literal["noun", "name", "verb", "adjective", "number", "foreign", "negation", "word"]

_HANGUL_RUN_RE = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f][^A-Za-z\n]*")


@dataclass(frozen=True, slots=True, init=False)
class Word:
    """One content word of a text."""

    text: str
    """As written: ``text[start:end]``."""
    key: str
    """What is compared: the lemma or stem, lower-cased (밝히다, plead, ministry)."""
    kind: Kind
    start: int
    end: int

    def __init__(self, text: str, key: str, kind: Kind, start: int, end: int) -> None:
        # a frozen dataclass's own __init__ calls object.__setattr__ by name for each field; a summary makes
        # hundreds of words, so each field is set through its slot directly (the same frozen object)
        _set_word_text(self, text)
        _set_word_key(self, key)
        _set_word_kind(self, kind)
        _set_word_start(self, start)
        _set_word_end(self, end)


_set_word_text, _set_word_key, _set_word_kind, _set_word_start, _set_word_end = (
    getattr(Word, f).__set__ for f in ("text", "key", "kind", "start", "end"))


def content_words(text: str, language: str | None = None) -> list[Word]:
    """The content words of ``text``, in order. ``language`` (``"ko"``, ``"en"``) is found from the text when
    not given; a Korean text is read by kiwipiepy whole (its Latin terms included), any other text by the
    English rules, with its Hangul runs, if any, read by kiwipiepy."""
    lang = language or language_of(text)
    if lang == "ko":
        return [Word(f, k.lower(), kind, s, e) for f, k, kind, s, e in korean.morphemes(text)]  # type: ignore[arg-type]
    out = [Word(f, k, kind, s, e) for f, k, kind, s, e in english.words(text)]  # type: ignore[arg-type]
    for m in _HANGUL_RUN_RE.finditer(text):
        out += [Word(f, k.lower(), kind, m.start() + s, m.start() + e)  # type: ignore[arg-type]
                for f, k, kind, s, e in korean.morphemes(m[0])]
    out.sort(key=lambda w: w.start)
    return out


@dataclass(frozen=True, slots=True, init=False)
class Term:
    """Words written as one: a compound, a name of several words, or one word alone (``parts`` of one)."""

    text: str
    """As written: ``text[start:end]`` of the text the words came from."""
    key: str
    """The compound's key: its text without spaces, lower-cased (기획재정부, susan monica); a lone word's key."""
    kind: Kind
    """``name`` if any part is a name, else the kind of its parts (``noun`` for a Korean compound)."""
    start: int
    end: int
    parts: tuple[Word, ...]

    def __init__(self, text: str, key: str, kind: Kind, start: int, end: int, parts: tuple[Word, ...]) -> None:
        _set_term_text(self, text)  # as Word's
        _set_term_key(self, key)
        _set_term_kind(self, kind)
        _set_term_start(self, start)
        _set_term_end(self, end)
        _set_term_parts(self, parts)


_set_term_text, _set_term_key, _set_term_kind, _set_term_start, _set_term_end, _set_term_parts = (
    getattr(Term, f).__set__ for f in ("text", "key", "kind", "start", "end", "parts"))


_JOINABLE_KO = frozenset({"noun", "name", "foreign"})


def terms(text: str, words: list[Word]) -> list[Term]:
    """``words`` (content words of ``text``, in order) with the ones written as one joined into a ``Term``: Korean
    nouns, names and Latin words with nothing between them (인공+지능, 기획+재정부, AI+수도), and English names
    with one space between them (Susan Monica; a capitalised word opening a sentence, when a name follows it)."""
    out: list[Term] = []
    group: list[Word] = []

    def close() -> None:
        if not group:
            return
        if len(group) == 1:
            w = group[0]
            out.append(Term(w.text, w.key, w.kind, w.start, w.end, (w,)))
        else:
            start, end = group[0].start, group[-1].end
            english = not any(_is_hangul(w.text) for w in group)
            key = (" ".join(w.key if w.kind == "name" else w.text.lower() for w in group) if english
                   else text[start:end].replace(" ", "").lower())
            kinds = {w.kind for w in group}
            kind: Kind = "name" if "name" in kinds else "noun" if "noun" in kinds else group[0].kind
            out.append(Term(text[start:end], key, kind, start, end, tuple(group)))
        group.clear()

    for w in words:
        if group and _joins(text, group[-1], w):
            group.append(w)
            continue
        close()
        group.append(w)
    close()
    return out


def _is_hangul(s: str) -> bool:
    return bool(_HANGUL_RUN_RE.match(s))


def _joins(text: str, a: Word, b: Word) -> bool:
    if _is_hangul(a.text) or _is_hangul(b.text):
        return a.end == b.start and a.kind in _JOINABLE_KO and b.kind in _JOINABLE_KO
    # a capitalised word opening a sentence is a name when a name follows it (Susan Monica was...)
    first = a.kind == "name" or (a.kind == "word" and a.text[:1].isupper())
    return first and b.kind == "name" and text[a.end:b.start] == " "
