"""English words by simplemma: inflections come off (pleaded -> plead, ministries -> ministry, said -> say),
function words are left out, and what is left is the content.

simplemma is a dictionary lookup with no model and no dependencies; a capitalised word that is not the first
of its sentence is taken as part of a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import simplemma

__all__ = ["FUNCTION_WORDS", "NEGATIONS", "lemma", "sentence_spans", "word_places", "words"]

_ACRONYM_PLURAL_RE = re.compile(r"[A-Z]{2,}s")
_WORD_RE = re.compile(r"[A-Za-z\d](?:(?<=[A-Za-z])(?:\.(?:[A-Za-z]\.)+|(?:[A-Za-z'’-]*[A-Za-z])?)|(?<=\d)(?:[\d,.]*\d)?)")
"""Initials (U.S.), a word (with inner apostrophes and hyphens), a number. Written as one class first and the
rest after it, the same matches as the four alternatives it was (initials, word, number, digit), so that the
regex engine skips to the letters and digits instead of trying every position."""
_END_RE = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")
_ABBREVIATION_RE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Inc|Ltd|Co|Corp|vs|No|Jan|Feb|Mar|"
    r"Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])|\b(?:[A-Z]\.){2,})\.$")

NEGATIONS = frozenset({"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "n't",
                       "cannot", "didn't", "doesn't", "don't", "isn't", "wasn't", "weren't", "won't", "wouldn't",
                       "hasn't", "haven't", "hadn't", "can't", "couldn't", "shouldn't", "aren't"})

FUNCTION_WORDS = frozenset("""
a an the this that these those there here it its it's they them their theirs he him his she her hers we us our
ours you your yours i me my mine who whom whose which what when where why how whoever whatever
and or but if then than so as because while although though unless until since whether yet also too either
of in on at by for with from to into onto over under about above below after before between among through
during against within without across along around behind beyond upon off out up down via per amid
be is are was were been being am do does did done doing have has had having will would shall should can could
may might must ought let
all any both each every few many more most much other some such own same only just very even still
not no nor
one's oneself itself himself herself themselves ourselves yourself yourselves myself
said says say told tells tell according
mr mrs ms dr
""".split())
"""Words that carry no fact of their own. Speech verbs (said, told) are here: who said what is the quote
check's business, and a summary that writes "said" for the article's "stated" says nothing new."""


@lru_cache(maxsize=16384)
def lemma(form: str) -> str:
    """The lemma of one English word, lower-cased: pleaded -> plead, GPUs -> gpu (an acronym's plural). Kept by
    form: an article writes its words many times, and a batch its language's common words."""
    if not form:
        return ""
    if _ACRONYM_PLURAL_RE.fullmatch(form):
        return form[:-1].lower()
    if len(form) > 1 and form.isupper():  # an acronym is its own lemma (AI is not "be")
        return form.lower()
    return simplemma.lemmatize(form.lower(), lang="en").lower()


def sentence_spans(line: str) -> list[tuple[int, int]]:
    """Where the sentences of one line of English start and end: at end marks followed by a capital or a digit,
    but not after an abbreviation (Mr., U.S., Jan.) or an initial."""
    spans, at = [], 0
    for m in _END_RE.finditer(line):
        if m[0] == "." and _ABBREVIATION_RE.search(line[max(0, m.start() - 12) : m.end()]):
            continue
        spans.append((at, m.end()))
        at = m.end()
    spans.append((at, len(line)))
    return spans


def words(text: str) -> Iterator[tuple[str, str, str, int, int]]:
    """The content words of ``text``: ``(form, lemma, kind, start, end)``, offsets into ``text``."""
    starts = {0}
    line_start = 0
    for line in text.split("\n"):
        starts.update(line_start + s for s, _ in sentence_spans(line))
        line_start += len(line) + 1
    return _classified(text, _opening(text, starts))


def _classified(text: str, opening: set[int]) -> Iterator[tuple[str, str, str, int, int]]:
    """Each content word of ``text`` as ``words`` gives it, ``opening`` saying where a word opens a sentence: a
    capitalised word inside a sentence is a name, keyed as one."""
    forms: dict[str, tuple[str, str, str] | None] = {}  # what a form is: the shared cache's answer, kept a text
    first = True
    for m in _WORD_RE.finditer(text):
        form = m[0]
        start = m.start()
        if start in opening:
            first = True
        try:
            what = forms[form]
        except KeyError:
            what = forms[form] = _form(form)
        if what is not None:
            kind, key, name_key = what
            if kind != "word":  # a number, a negation
                yield form, key, kind, start, m.end()
            elif name_key and (not first or "." in form):  # a capitalised word inside a sentence: a name
                yield form, name_key, "name", start, m.end()
            else:
                yield form, key, "word", start, m.end()
        first = False


def word_places(text: str, sentence_starts: list[int]) -> tuple[dict[tuple[str, str], set[int]], set[int]]:
    """``words(text)`` by sentence, in one pass (an article's vocabulary reads every word of it): for each content
    word as written and its key, in the order they first come, the sentences that hold it, and the sentences that
    hold a negation. A sentence is its index in ``sentence_starts``: where the sentences of the text's lines start
    (``sentence_spans`` of each line, as offsets into ``text``), sorted; a piece of only whitespace (a line's last,
    or a blank line) may be left out, since no word follows it on its line."""
    places: dict[tuple[str, str], set[int]] = {}
    negations: set[int] = set()
    after, n = 0, len(sentence_starts)  # the starts at or before the word: the words come in order
    for form, key, kind, start, _ in _classified(text, _opening(text, {0, *sentence_starts})):
        while after < n and sentence_starts[after] <= start:
            after += 1
        i = after - 1 if after else 0
        if kind == "negation":
            negations.add(i)
        else:
            try:
                places[form, key].add(i)
            except KeyError:
                places[form, key] = {i}
    return places, negations


def _opening(text: str, starts: set[int]) -> set[int]:
    """Where a word opens a sentence: where only spaces and opening marks stand between a sentence start and it,
    or where it starts the text or a line (one set, asked once a word)."""
    opening = _openings(text, starts)
    opening.update(_line_starts(text))
    return opening


def _line_starts(text: str) -> list[int]:
    """Where each line of ``text`` starts: 0, and after every line break."""
    out, at = [0], text.find("\n")
    while at >= 0:
        out.append(at + 1)
        at = text.find("\n", at + 1)
    return out


@lru_cache(maxsize=16384)
def _form(form: str) -> tuple[str, str, str] | None:
    """``(kind, key, key as a name)`` of a word as written; None for a function word. The key as a name is empty
    when the word is not capitalised (it is a name only inside a sentence, which the caller knows). It depends on
    the form alone, so it is kept by form, as ``lemma`` is: an article writes a form many times, and a batch
    its language's common words."""
    lower = form.lower().replace("’", "'")
    if form[0].isdigit():
        return "number", form.replace(",", ""), ""
    if lower in NEGATIONS or lower.endswith("n't"):
        return "negation", "not", ""
    if lower in FUNCTION_WORDS:
        return None
    name_key = "" if not form[0].isupper() else lemma(form) if _ACRONYM_PLURAL_RE.fullmatch(form) \
        else _possessive_off(lower)
    return "word", lemma(form), name_key


def _possessive_off(lower: str) -> str:
    return lower[:-2] if lower.endswith("'s") else lower


_OPENERS = " \t\"'“‘(["


def _openings(text: str, starts: set[int]) -> set[int]:
    """Where a word may open a sentence: only spaces and opening marks stand between a sentence start and it.
    (Worked out from the starts, once, not by walking back from every word: a word after a run of those marks
    opens a sentence when the run begins at a start, and the run begins where the character before is not one.)"""
    out = set()
    n = len(text)
    for s in starts:
        if s > 0 and text[s - 1] in _OPENERS:
            continue  # the run begins before this start: that place decides
        i = s
        while i < n and text[i] in _OPENERS:
            i += 1
        out.add(i)
    return out
