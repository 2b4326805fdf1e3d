"""The headline, the summary and each event's description, sentence by sentence: their words must be the
article's (``text.unsupported``), their names the article's names (``text.name_not_in_source``), their
language the article's (``text.other_language``), and a headline or summary must not stop in the middle of a
word (``text.cut_off``).

A sentence is backed when the passage of the article that holds most of its terms (a sentence or two) holds
at least ``THRESHOLD`` of them, by weight (``wording.WEIGHTS``), every negation it writes stands in that
passage's first sentence too, and no word of its own is the opposite of a word of that passage
(``lexicon.opposites``: "decreased" where the passage says "increased"). A paraphrase with words of its own
stays backed ("pled guilty" is "pleaded guilty" by lemma anyway; "surged" for "increased" is a word of its own,
not an opposite), a new fact, a "not" or an opposite does not.
"""

from __future__ import annotations

import re
from collections import Counter

from ...contract.report import Finding
from ..article.source import Source
from ..article.textkey import key_of
from ..article.vocabulary import Vocabulary, sentence_spans_of, vocabulary
from ..words import Term, korean
from .findings import excerpt, finding
from .lexicon import opposites
from .swaps import swaps
from .wording import Backing, backing, listed, word_term
from .written import Field, Written

__all__ = ["LANGUAGES", "OPPOSITE_NEAR", "THRESHOLD", "check_wording", "other_language"]

THRESHOLD = {"ko": 0.8, "en": 0.4}
"""The share of a sentence's terms (by weight) that one passage of the article must back, by the article's
language. Tuned on benchmarks/data/consistency/tune.jsonl (English: BUMP's tune half and SummEdits' prose
domains) and the Korean synthetic tune set (docs/checks.md gives the figures). English is lower: its
consistent summaries (CNN/DM highlights, LLM paraphrases) write many words of their own, and what tells an
edit from them is an opposite, a negation or a name, not the share."""

OPPOSITE_NEAR = 3
"""An opposite counts outside the passage too, in a sentence of the article that writes at least this many of
the summary sentence's other terms: the passage that holds the most of them is not always the one the edit
contradicts ("worsens the quality", where another sentence says "improves the quality"). Tuned on
benchmarks/data/consistency/tune.jsonl."""

LANGUAGES = {"ko": "Korean", "en": "English", "other": "another script"}
_NOUNS = frozenset({"noun", "name", "foreign"})
_TAIL = 24
"""Characters of a headline's end looked for in the article, to see whether the article goes on in that word."""


def _prose(written: Written) -> list[Field]:
    return [f for p, f in written.fields.items() if p in ("headline", "summary") or p.endswith(".description")]


def other_language(field: Field, article_language: str | None) -> Finding | None:
    """``text.other_language`` when ``field`` is written in another language than the article: its words can't
    be checked one by one, so it is never verified."""
    if article_language not in ("ko", "en") or field.language is None or field.language == article_language:
        return None
    return finding("text.other_language", "error", field.path,
                   f"This is written in {LANGUAGES[field.language]}, the article in {LANGUAGES[article_language]}: "
                   "its words can't be checked against the article. Write it in the article's language, in the "
                   "article's words.")


def check_wording(src: Source, written: Written) -> list[Finding]:
    """Findings for the headline, the summary and the event descriptions."""
    language = written.article_language
    prose = [f for f in _prose(written) if f.text.strip()]
    if language not in ("ko", "en"):
        if not prose:
            return []
        return [finding("text.other_language", "warning", "summary",
                        "The article is written in neither Korean nor English, so the summary's words can't be "
                        "checked against it; only its quotes and numbers were.")]
    vocab = vocabulary(src)
    out: list[Finding] = []
    for field in prose:
        wrong = other_language(field, language)
        if wrong is not None:
            out.append(wrong)
            continue
        for start, end in sentence_spans_of(field.text, language):
            terms = [t for t in field.terms if start <= t.start < end]
            out += sentence_findings(vocab, field.path, field.text[start:end], backing(vocab, terms, field.text),
                                     THRESHOLD[language])
        cut = _cut_at(src, vocab, field.text)
        if cut is not None:
            out.append(finding("text.cut_off", "warning", field.path,
                               f'This stops in the middle of a word ("…{field.text.rstrip()[-12:]}"; the article '
                               f'goes on: "…{excerpt(src.text, max(0, cut[1] - 12), cut[1] + 8, 40)}…"). End it '
                               "on a whole word, with a whole sentence.", cut))
    return out


def sentence_findings(vocab: Vocabulary, path: str, sentence: str, b: Backing, threshold: float) -> list[Finding]:
    """Findings for one ``sentence`` of a field. A backed sentence has none; else which names the article never writes (an error), and which words it does not back where it says
    the rest, or swaps for another of the passage's (a warning)."""
    out = []
    names = b.names_missing
    if names:
        out.append(finding("text.name_not_in_source", "error", path,
                           f"{listed(names)} {_is(names)} not in the article. Name only who and what the article "
                           "names, as it writes them, or leave the name out."))
    negations = b.negations_unbacked
    missing = tuple(t for t in b.missing if t.kind not in ("name", "negation"))
    apart = tuple(t for t in b.apart if t.kind != "negation")
    contrary = _contrary(vocab, b)
    swapped = [] if contrary else swaps(vocab, sentence, b)
    if (b.share < threshold and (missing or apart)) or negations or contrary or swapped:
        said = []
        if swapped:
            said.append("; ".join(f"'{s.word}' stands where the passage says '{s.replaced}'" for s in swapped))
        if contrary:
            said.append("; ".join(f"'{t.text}' is the opposite of what it says there ('{o}')" for t, o in contrary))
        if missing:
            said.append(f"{listed(missing)} {_is(missing)} not in the article")
        if apart:
            said.append(f"{listed(apart)} {_is(apart)} in it, but not in the passage that says the rest")
        if negations:
            said.append(f"the article does not say {listed(negations)} (a negation) there")
        where = f' (the passage: "{excerpt(vocab.src.text, *b.passage, 100)}")' if b.passage else ""
        out.append(finding("text.unsupported", "warning", path,
                           f'"{excerpt(sentence, 0, len(sentence), 80)}": ' + "; ".join(said) + where +
                           ". Write only what the article says, in its words or close to them.", b.passage))
    return out


def _contrary(vocab: Vocabulary, b: Backing) -> list[tuple[Term, str]]:
    """Words of the sentence that the article never writes whose opposite the passage writes: "decreased"
    where it says "increased", "incomplete" where it says "complete"."""
    if not b.sentences:
        return []
    passage = set(b.sentences)
    out = []
    near: Counter[int] | None = None
    for t in b.missing:
        if t.kind in ("name", "negation", "number"):
            continue
        for other in sorted(opposites(t.key)):
            # as written (an English lemma in the article's index): a derivation is no opposite
            written = vocab.latin.get(other, frozenset()) if other.isascii() else vocab.where(word_term(other))
            here = written & passage
            if not here and written:
                if near is None:  # how many of the sentence's terms each article sentence writes
                    near = Counter(i for p in b.places for i in p)
                here = {i for i in written if near[i] >= OPPOSITE_NEAR}
            here = {i for i in here if _standalone(vocab, i, other)}
            if here:
                out.append((t, other))
                break
    return out


def _standalone(vocab: Vocabulary, sentence: int, word: str) -> bool:
    """Whether the article's ``sentence`` writes ``word`` (or an inflection) as a word of its own, not as a part
    of a compound ("drop" in "drop-through" is no drop)."""
    start, end = vocab.sentences[sentence]
    stem = re.escape(word[: max(3, len(word) - 2)])
    return re.search(rf"(?<![\w-]){stem}[\w’']*(?![\w-])", vocab.src.text[start:end], re.IGNORECASE) is not None \
        or not word.isascii()


def _is(terms: tuple) -> str:
    return "is" if len({t.text for t in terms}) == 1 else "are"


def _cut_at(src: Source, vocab: Vocabulary, text: str) -> tuple[int, int] | None:
    """Where in the article a text that stops mid-word would go on: the text's end is found in the article,
    and the article's word runs on past it (inside a morpheme in Korean, a word in English)."""
    body = text.rstrip()
    if not body or not body[-1].isalpha():
        return None
    tail = key_of(body[-_TAIL:]).lower()
    key = vocab.lowered_key
    k = key.find(tail)
    while k >= 0:
        start, end = src.key.span(k, k + len(tail))
        if end < len(src.text) and src.text[end].isalpha() and _inside_a_word(src.text, end):
            return start, end
        k = key.find(tail, k + 1)
    return None


def _inside_a_word(text: str, at: int) -> bool:
    before, after = text[at - 1], text[at]
    if not ("\uac00" <= before <= "\ud7a3" and "\uac00" <= after <= "\ud7a3"):
        return before.isascii() and after.isascii() and before.isalpha() and after.isalpha()
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    offset = at - line_start
    words = list(korean.morphemes(line))
    if any(s < offset < e for _, _, _, s, e in words):
        return True
    # between the parts of a compound noun (인공|지능): a word too
    ends = {e for _, _, kind, _, e in words if kind in _NOUNS}
    return offset in ends and any(s == offset and kind in _NOUNS for _, _, kind, s, _ in words)
