"""People in English news: a capitalised name with a title, an appositive or a speech verb beside it.

"Nvidia chief executive Jensen Huang", "Jensen Huang, the chief executive,",
"President Lee Jae-myung", "said Jensen Huang", "Huang told reporters". A run
of capitalised words is a person only with such evidence beside it, or when
its surname is used alone with an honorific or a speech verb elsewhere (so
"South Korea" and "Samsung Electronics said" are not people).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator
from itertools import accumulate

from .lexicon import (
    CUE_VERBS_EN,
    HONORIFICS_EN,
    NAME_WORD_EN,
    SENTENCE_OPENERS_EN,
    TITLES_EN,
    alternation,
)

__all__ = ["bare_name", "english_people", "english_surnames"]

_CAP = NAME_WORD_EN
_CAP_HEAD = "(?:[A-Z]['’])?[A-Z][a-z]+"
assert _CAP.startswith(_CAP_HEAD)
# The first word opens with its capital, then asks that no letter stands before it: the \b before a capital, after
# it, so that the regex engine skips to the capitals instead of trying every position ("O'Neil" still tried with
# its apostrophe first).
_FIRST_CAP = rf"[A-Z](?<!\w[A-Z])(?:['’][A-Z])?[a-z]+{_CAP[len(_CAP_HEAD):]}"
# up to six words: a role may come first ("Japanese Defense Minister Gen Nakatani")
_NAME_RE = re.compile(rf"{_FIRST_CAP}(?:\s+(?:[A-Z]\.\s+)?{_CAP}){{1,5}}\b")
_STOP_FIRST = frozenset(
    "The A An In On At For But And If When While This That These Those It Its As After Before During With From By Our "
    "South North East West New Korea Korean United Asia Asian Pacific European Chinese Japanese American Seoul "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December According".split()
)
_ORG_WORDS = frozenset(
    "Electronics Group Inc Corp Co Ltd Motor Motors Bank Ministry Office House Department Agency Association Council "
    "Committee University Institute Party Times News Reuters Press Securities Capital Partners Holdings Technologies "
    "Systems Cloud Korea Forum Summit Street Journal Post Herald Daily Company Corporation Foundation Centre Center "
    "Fund Exchange Commission Authority Government Administration Assembly Court Police Service Airlines Energy "
    "Chemical Steel Hynix Semiconductor Nvidia Samsung Hyundai Naver Apple Google Microsoft OpenAI".split()
)
_ROLE_BASE = (
    r"chief executive|executive|chief|ceo|CEO|president|minister|spokes\w+|analyst|economist|director|chair\w*|"
    r"founder|co-founder|professor|secretary|governor|senator|official|head|leader|manager|researcher|adviser|"
    r"advisor|lawmaker|mayor|ambassador|strategist|partner|investor|scientist|engineer|officer|council\w*|speaker|"
    r"democrat|republican|candidate|nominee|hopeful|rival|former"
)
_ROLE_WORDS = _ROLE_BASE + "|" + "|".join(re.escape(t) for t in TITLES_EN)
# The same role words as one trie (the three patterns among them beside it), so that the regex engine tries only
# the words that start with the letter at hand. Which of them matches does not change a match of the text before
# a name: it ends where the spaces at the end begin.
_ROLE_TRIE = "|".join((alternation([*(w for w in _ROLE_BASE.split("|") if "\\" not in w), *TITLES_EN]),
                       *(w for w in _ROLE_BASE.split("|") if "\\" in w)))
_ROLE_BEFORE_RE = re.compile(rf"((?:[A-Z][\w&.-]*(?:'s)?\s+){{0,3}}(?:{_ROLE_TRIE})(?:\s+(?:{_ROLE_TRIE}))?)\s+$")
_APPOSITIVE_RE = re.compile(
    rf",\s+(?:(?P<who>who\b[^,.;\"“”\n]{{1,80}})"
    rf"|(?P<role>(?:the|a|an|[A-Z][\w&.-]*'s|(?:[a-z-]+\s+)?(?:{_ROLE_WORDS}))\b[^,.;\"“”\n]{{0,80}}))[,.]"
)
_CUES = "|".join(CUE_VERBS_EN)
# "Huang said", "Rahul Mehta of Brightline Capital said", "Miller, a retired worker, said"
_CUE_AFTER_RE = re.compile(rf"(?:\s+(?:of|at|from)\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){{0,3}}|,[^,.;\"“”\n]{{1,80}},)?"
                           rf"\s+(?:{_CUES})\b")
_ROLE_WORD_RE = re.compile(rf"(?i:{_ROLE_WORDS}|analyst|economist|secretary|chair|chairman|chairwoman|minister)")
# "said Jensen Huang", "said Republican political consultant Chris Russell"
_CUE_BEFORE_RE = re.compile(rf"\b(?:{_CUES}|[Aa]ccording to)\s+(?:[\w.'&-]+\s+){{0,4}}$")
_TAIL_WORDS = 8
"""Words (runs of non-space) at the end of a text that a match of ``_ROLE_BEFORE_RE`` (three capitalised words and
two role words of up to two words each) or of ``_CUE_BEFORE_RE`` (a cue of up to two words, four more) can
reach, with one to spare."""


def _surname(words: list[str]) -> str:
    # Korean names in English put the family name first: Lee Jae-myung, Chey Tae-won.
    if len(words) >= 2 and "-" in words[-1] and words[-1][0].isupper() and words[-1].split("-")[1][:1].islower():
        return words[0]
    return words[-1]


def _after_honorific(text: str, at: int) -> bool:
    """Whether an honorific and then whitespace stand right before ``at`` (Mr. Huang). It is read from the
    whitespace back: once per mention of a surname, a search from the start of the article made a long English
    article cost cubic time (over four minutes for 100 KB)."""
    return _with_honorific(text, at, 0) < at


def english_people(text: str) -> list[tuple[str, str, int, int, str]]:
    """``(name, role, start, end, surname)`` for every introduction of a person in English text."""
    if not re.search(r"[A-Z][a-z]+\s+[A-Z][a-z]", text):
        return []
    out = []
    candidates = []
    ordinary = _OrdinaryWords(text)
    for m in _NAME_RE.finditer(text):
        words = m[0].split()
        start = m.start()
        role = ""
        # Titles and role words before the name are its role: "President Lee Jae-myung",
        # "Treasury Secretary Daniel Okafor", "Analyst Rahul Mehta".
        last_role = max((i for i, w in enumerate(words[:-1]) if _ROLE_WORD_RE.fullmatch(w)), default=-1)
        if last_role >= 0:
            role = " ".join(words[: last_role + 1])
        skip = last_role + 1
        while skip < len(words) and (words[skip] in HONORIFICS_EN or words[skip] in _STOP_FIRST
                                     or words[skip] in SENTENCE_OPENERS_EN):
            skip += 1
        # "Word Response To Trump" (a headline): a name holds no such word, so it is the words after it
        skip = max([skip, *(k + 1 for k in range(skip, len(words)) if words[k] in SENTENCE_OPENERS_EN)])
        if skip == 0 and _opens_sentence(text, m.start()) and (words[0].endswith("ing") or words[0] in ordinary):
            skip = 1  # "Reportedly Brazile": a word the article writes in lower case, opening the sentence
        pos = m.start()
        for w in words[:skip]:
            pos = text.index(w, pos) + len(w)
        start = text.index(words[skip], pos) if skip < len(words) else m.end()
        words = words[skip:]
        if len(words) < 2 or any(w in _ORG_WORDS for w in words) or words[-1] in _TITLE_ABBREVIATIONS:
            continue  # (a name does not end with a title's abbreviation: "Pennsylvania Gov. Ed Rendell")
        candidates.append((words, start, m.end(), role))
    surnames_used: set[str] = set()
    for surname in dict.fromkeys(_surname(words) for words, _, _, _ in candidates):  # each surname once
        escaped = re.escape(surname)  # (a name starts and ends with a letter: the look-behind is the \b before it)
        for m in re.finditer(rf"{escaped}(?<!\w{escaped})\b", text):
            if _after_honorific(text, m.start()) or _CUE_AFTER_RE.match(text, m.end()):
                surnames_used.add(surname)
                break
    for words, start, end, role in candidates:
        surname = _surname(words)
        # The evidence, in the order it gives the role; each looked for only while none before it was found.
        if not role:
            before = text[max(0, start - 80) : start]
            before = before[_sentence_start(before):]  # the same sentence only
            # Both patterns end the text before the name, within its last _TAIL_WORDS words: they are tried
            # from there on, not at every letter of it.
            cut = before.rsplit(None, _TAIL_WORDS)
            at = len(cut[0]) if len(cut) > _TAIL_WORDS else 0
            if rb := _ROLE_BEFORE_RE.search(before, at):
                role = rb[1]
            elif ap := _APPOSITIVE_RE.match(text, end):
                role = ap["role"] or ""
            elif not (surname in surnames_used or _CUE_AFTER_RE.match(text, end)
                      or _CUE_BEFORE_RE.search(before, at)):
                continue
        out.append((" ".join(words), role, start, end, surname))
    return out


def bare_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the name in the run of capitalised words ``text[start:end]``, without the role, honorific or
    sentence-opening word before it ("Japanese Defense Minister Nakatani", "Now Brazile"); ``None`` if none is left
    or the words name an organisation or a place."""
    words = list(re.finditer(r"\S+", text[start:end]))
    k = 0
    while k < len(words) and (_ROLE_WORD_RE.fullmatch(words[k][0]) or words[k][0] in HONORIFICS_EN
                              or words[k][0] in _STOP_FIRST or words[k][0] in SENTENCE_OPENERS_EN
                              or words[k][0] in _PRONOUNS_AND_ORGS or words[k][0][0].islower()):
        k += 1
    rest = [w[0] for w in words[k:]]
    bad = [j for j, w in enumerate(rest) if w in _ORG_WORDS or w in _STOP_FIRST or w in SENTENCE_OPENERS_EN]
    if bad:
        # "Party Chairman Jaime Harrison" (of "said South Carolina Democratic Party Chairman Jaime Harrison"): the
        # organisation's words end a role, and a full name after the rest of it is the person's
        k += bad[-1] + 1
        while k < len(words) and (_ROLE_WORD_RE.fullmatch(words[k][0]) or words[k][0] in HONORIFICS_EN):
            k += 1
        if len(words) - k < 2:
            return None
    if not rest:
        return None
    return start + words[k].start(), start + words[-1].end()


_PRONOUNS_AND_ORGS = frozenset("He She They It We I You His Her Their Its Our".split())


_ABBREVIATED = re.compile(r"(?:\b(?:Gov|Sen|Rep|Dr|Mr|Mrs|Ms|Gen|Lt|Col|Sgt|Capt|St|Jr|Sr|Prof|Rev|Gens?|Adm|Cmdr|Maj)|\b[A-Z])$")


_TITLE_ABBREVIATIONS = frozenset("Gov Sen Rep Gen Lt Col Sgt Capt Prof Rev Adm Cmdr Maj Dr Mr Mrs Ms St".split())
_STOP_RE = re.compile(r"[.!?]\s")


def _sentence_start(before: str) -> int:
    """Where the last sentence of ``before`` starts: after its last line break or full stop, one that does not
    end an abbreviation ("Gov. Jerry Brown", "Jacob J. Lew")."""
    at = before.rfind("\n") + 1
    for m in _STOP_RE.finditer(before, at):
        if not _ABBREVIATED.search(before, 0, m.start()):
            at = m.end()
    return at


def _opens_sentence(text: str, at: int) -> bool:
    """Whether ``at`` starts a sentence: only spaces and opening marks stand between it and the text's start, a
    line break or a full stop."""
    k = at
    while k > 0 and (text[k - 1].isspace() or text[k - 1] in "\"“‘'(["):
        k -= 1
    return k == 0 or text[k - 1] in ".!?\n:"


class _OrdinaryWords:
    """The words an article writes in lower case ("now", "does") and never capitalised inside a sentence: such a
    word, capitalised at a sentence's start, is the sentence's first word, not a first name. Asked of a few words
    an article (those that open a sentence and a name), each is looked for where it stands, once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.known: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        found = self.known.get(word)
        if found is None:
            found = self.known[word] = word.isalpha() and self._lower(word.lower()) and not self._inside(word)
        return found

    def _lower(self, lower: str) -> bool:
        """Whether the article writes ``lower`` as a word of lower-case letters (one of ``\\b[a-z]+\\b``)."""
        return _LOWER_RE.fullmatch(lower) is not None and next(_standing_alone(self.text, lower), None) is not None

    def _inside(self, word: str) -> bool:
        """Whether the article capitalises ``word`` (one of ``\\b[A-Z][a-z]+\\b``) where it opens no sentence."""
        text = self.text
        return _CAPITALISED_RE.fullmatch(word) is not None and any(
            not _opens_sentence(text, at) for at in _standing_alone(text, word))


def _standing_alone(text: str, word: str) -> Iterator[int]:
    """Where ``text`` writes ``word`` (which starts and ends with a letter) as a whole word: ``\\b`` on both sides,
    found by str.find, not by a pattern compiled for each word."""
    size, at = len(word), text.find(word)
    while at >= 0:
        end = at + size
        if (at == 0 or not _is_word_char(text[at - 1])) and (end == len(text) or not _is_word_char(text[end])):
            yield at
        at = text.find(word, at + 1)


def _is_word_char(c: str) -> bool:
    """What ``\\w`` matches."""
    return c.isalnum() or c == "_"


_LOWER_RE = re.compile("[a-z]+")
_CAPITALISED_RE = re.compile("[A-Z][a-z]+")


def english_surnames(text, by_name, found, outside) -> None:
    """Huang, Mr. Huang, President Lee: given to the person of that surname named most recently before.

    ``by_name``: each person's introduction (with its ``surname``) by name; ``found``: their mentions so far, which
    this adds to; ``outside(start, end)``: whether a span is outside page furniture."""
    by_surname: dict[str, list[str]] = {}
    for name, x in by_name.items():
        if x.surname.isascii():
            by_surname.setdefault(x.surname, []).append(name)
    # Whether a position lies inside a mention found so far: the spans by start, with the furthest end up to each.
    taken = sorted({span for spans in found.values() for span in spans})
    taken_starts = [s for s, _ in taken]
    reach = list(accumulate((e for _, e in taken), max))
    for surname, names in by_surname.items():
        # The surname first (the regex engine skips from one to the next), then any honorific before it; unless
        # the surname is itself an honorific's word (Sir Sir is one mention).
        escaped = re.escape(surname)
        lead = surname not in _HONORIFIC_WORDS
        pattern = (rf"{escaped}(?<!\w{escaped})\b(?![ -][A-Z])" if lead else
                   rf"(?:(?:{'|'.join(re.escape(h) for h in HONORIFICS_EN)})\s+)?\b{escaped}\b(?![ -][A-Z])")
        starts = {n: sorted(s for s, _ in found[n]) for n in names} if len(names) > 1 else {}
        end = 0
        for m in re.finditer(pattern, text):
            span = (_with_honorific(text, m.start(), end) if lead else m.start()), m.end()
            end = span[1]
            i = bisect_right(taken_starts, span[0]) - 1
            if not outside(*span) or (i >= 0 and reach[i] > span[0]):
                continue
            best = names[0] if len(names) == 1 else max(names, key=lambda n: _last_before(starts[n], span[0]))
            found[best].add(span)
            if starts:
                insort(starts[best], span[0])


_HONORIFICS_LONGEST_FIRST = sorted(HONORIFICS_EN, key=len, reverse=True)
_HONORIFIC_WORDS = frozenset(h.rstrip(".") for h in HONORIFICS_EN)


def _with_honorific(text: str, at: int, floor: int) -> int:
    """Where the mention at ``at`` starts: at an honorific and whitespace before it (Mr. Huang), the longest that
    starts at or after ``floor``, or at ``at``."""
    ws = at
    while ws > 0 and text[ws - 1].isspace():
        ws -= 1
    if ws < at:
        for h in _HONORIFICS_LONGEST_FIRST:
            if ws - len(h) >= floor and text.endswith(h, 0, ws):
                return ws - len(h)
    return at


def _last_before(starts: list[int], at: int) -> int:
    """The last of the sorted ``starts`` before ``at``, or -1."""
    i = bisect_left(starts, at)
    return starts[i - 1] if i else -1
