"""Who the article gives a quotation to, the way news is written.

Korean news names a speaker once and lets the quotes run on for paragraphs
(그는 …, 이어 …, 또 …, 그러면서 …); English news ties a name to a quote with a
speech verb ("…," Huang said). ``speaker_of(src, start, end)`` reads it so:

1. in the quotation's own sentence, a name that a cue verb ties to it
   (“…,” said Huang; Huang told reporters: “…”; according to Huang), or the
   sentence's named subject (조 회장은 “…”라고 말했다; a name right before the
   quote, as headlines write it: 조준희 “…”): ``how="cue"`` when a speech verb
   (말했다, 밝혔다, 강조했다, said, told...) closes the quote, else ``"preceding"``;
2. otherwise the speaker carried on from before: the nearest preceding named
   speaker (the subject of an earlier sentence, or the speaker of an earlier
   quotation), broken by the next named speaker: ``how="carried"`` when a
   pronoun or continuation word (그는, 이어, 또, 그러면서, he, she, added) says
   so, else ``"preceding"``;
3. nobody (``None``) for a quotation standing alone as a heading with no name
   in it, and where no one is named before it.

Objects do not speak: 이 대통령은 황 CEO를 만나 “…” gives the quote to 이 대통령.
Names inside quotations and in page furniture are not speakers.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..article.furniture import is_furniture
from .cues_en import (
    ACCORDING_RE,
    CUE_EN_RE,
    EN_SUBJECT_RE,
    LATE_CUE_RE,
    LEAD_NAME_CUE_RE,
    LEAD_PRONOUN_RE,
    LEAD_UNKNOWN_RE,
    INTRODUCES_NEXT_RE,
    NAME_CUE_RE,
    NAME_SPEECH_CUE_RE,
    PAST_RE,
    ROLE_THEN_NAME_RE,
    SUBORDINATE_RE,
    TAIL_CUE_NAME_RE,
    TAIL_NAME_CUE_RE,
    TAIL_PRONOUN_RE,
    TAIL_ROLE_RE,
    TAIL_UNKNOWN_RE,
)
from .english import bare_name
from .lexicon import (
    CONTINUATIONS_KO,
    CUE_VERB_KO_RE,
    PARTICLE_RE,
    QUOTATIVE_KO_RE,
    SUBJECT_PARTICLES,
    title_re,
)
from .persons import Person, mention_index, people

if TYPE_CHECKING:
    from ..article.source import Source

__all__ = ["Attribution", "Person", "people", "sentence_of", "speaker_of"]


@dataclass(frozen=True)
class Attribution:
    """Who the article gives a passage to, and what ties them to it."""

    person: Person
    mention: tuple[int, int]
    """The mention that ties them to it."""
    how: str
    """``"cue"``: a cue verb ties the name to the quote (말했다, 밝혔다, said, told, according to...);
    ``"carried"``: carried on through 그는/이어/또/그러면서/he/she/added; ``"preceding"``: the nearest
    preceding named speaker."""
    cue: tuple[int, int] | None
    """The span of the cue verb, if any."""
    tied: bool = True
    """Whether the article ties the quote to them past doubt: a cue verb, a pronoun or continuation word carrying
    the speaker on, the name right before the quote (젠슨 황 “…”; in English only where it opens the sentence) or
    opening its line (a headline's subject), or a
    subject its particle marks (조 회장은 “…”).
    ``False`` for the nearest preceding name alone, or an English name followed by a verb that says nothing of
    speech ("Jacobs called Merkel “…”"): the article is unclear there, and a check should accuse no one by it."""


_MASK = "\x00"
_AFTER_MENTION_RE = re.compile(
    rf"(?:\([^()\n]{{1,30}}\))?(?:\s(?:[^\s\"“”]+\s){{0,3}}?{title_re()}(?:\([^()\n]{{1,30}}\))?)?"
    rf"(?P<p>{PARTICLE_RE.pattern})?(?=[^가-힣A-Za-z0-9]|$)"
)
# [.!?]\s+|\n+, written to start with one character class, which the regex engine skips to directly
_BOUNDARY_RE = re.compile(r"[.!?\n](?:(?<=\n)\n*|\s+)")
_AFTER_CLOSING_RE = re.compile(r"[\"”’]\s+(?=[A-Z\"“])")
_ABBREVIATION_RE = re.compile(
    r"(?<![\w.])(?:Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Adm|Dr|Mr|Mrs|Ms|St|[A-Z])$|(?<![\w.])[A-Z]\.[A-Z]$")
_LATIN_OR_BREAK = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\n")
_OPENING = "\"“「『"
_CLOSE_RE = re.compile(r"[\s,.!?”\"’'\x00]*")
_CONTINUATION_KO_RE = re.compile(rf"(?<![가-힣])(?:{'|'.join(sorted(set(CONTINUATIONS_KO), key=len, reverse=True))})"
                                 r"(?![가-힣])")
_DIRECT_RE = re.compile(r"[\s:,]*$")


class _Analysis:
    """One article, read once for speech: masked quotations, sentences, mentions and their grammar."""

    def __init__(self, src: Source) -> None:
        text = src.text
        self.text = text
        self.persons = people(src)
        self.quotes = [(s, e) for s, e in src.quoted_passages if not is_furniture(src, s, e)]
        self.quote_starts = [s for s, _ in self.quotes]
        parts, pos = [], 0
        for s, e in src.quoted_passages:
            parts += [text[pos:s], _MASK * (e - s)]
            pos = e
        parts.append(text[pos:])
        self.masked = "".join(parts)
        # not after a title's abbreviation or an initial: "said former Gov. Ed Rendell", "Jacob J. Lew said"
        masked = self.masked
        # (an abbreviation ends with a Latin letter: only a full stop after one, or after a line break, which "$"
        # may stand before, needs the pattern)
        self.boundaries = [m.end() for m in _BOUNDARY_RE.finditer(masked) if masked[m.start()] != "."
                           or not (m.start() > 0 and (masked[m.start() - 1] in _LATIN_OR_BREAK)
                                   and _ABBREVIATION_RE.search(masked, max(0, m.start() - 4), m.start()))]
        # a quotation that ends its sentence: “I'm not only no, I'm hell no.” If Hillary Clinton wants...
        # (not “Pat Kennedy is the greatest!!!” McDonough wrote; after a full stop, only a speech verb goes on)
        ends = [m.end() for s, e in src.quoted_passages if 0 < e and text[e - 1] in ".!?"
                for m in [_AFTER_CLOSING_RE.match(text, e)]
                if m and not (NAME_SPEECH_CUE_RE if text[e - 1] == "." else NAME_CUE_RE).match(text, m.end())]
        if ends:
            self.boundaries = sorted({*self.boundaries, *ends})
        mentions = [m for m in mention_index(self.persons) if self.masked[m[0]] != _MASK]
        self.mentions = mentions
        self.mention_starts = [m[0] for m in mentions]
        self.extent: list[int] = []
        self.kind: list[str] = []
        self.untied: set[int] = set()  # English subjects: a name and a verb, not a particle that marks them
        for s, e, _ in mentions:
            m = _AFTER_MENTION_RE.match(text, e)
            particle = m["p"] if m else None
            self.extent.append(m.start("p") if m and particle else m.end() if m else e)
            # (not a name after "the", which qualifies a noun: "under the Scott administration")
            if particle is None and text[s].isascii() and EN_SUBJECT_RE.match(text, e) \
                    and text[max(0, s - 4):s].lower() != "the ":
                self.kind.append("subject")
                self.untied.add(len(self.kind) - 1)
                continue
            self.kind.append("subject" if particle in SUBJECT_PARTICLES else "bare" if particle is None else "other")
        self.subjects = [i for i, k in enumerate(self.kind) if k == "subject"]
        self.subject_starts = [mentions[i][0] for i in self.subjects]
        self._memo: dict[int, Attribution | None] = {}
        self._named: dict[int, int] = {}  # see _named_before
        self._done: dict[int, int] = {}  # see prepare

    def _floor(self, at: int) -> tuple[int | None, int]:
        """The last named subject before ``at`` (its mention index) and where it stands (-1: none)."""
        i = bisect_left(self.subject_starts, at) - 1
        return (self.subjects[i], self.subject_starts[i]) if i >= 0 else (None, -1)

    def prepare(self, at: int) -> None:
        """Attribute, in order, the quotations between the last named subject before ``at`` and ``at``: the
        only ones a quote at ``at`` can be carried on from. Each needs only those before it, already done."""
        _, floor = self._floor(at)
        first = bisect_right(self.quote_starts, floor)
        # Those from ``first`` up to _done[first] are done already: each call does the rest up to ``at``, in order.
        for j in range(self._done.get(first, first), bisect_left(self.quote_starts, at)):
            if j not in self._memo:
                self._memo[j] = self.attribute(*self.quotes[j])
            self._done[first] = j + 1

    def quotation(self, i: int) -> Attribution | None:
        """The attribution of the article's ``i``-th quotation (computed once)."""
        if i not in self._memo:
            s, e = self.quotes[i]
            self.prepare(s)
            self._memo[i] = self.attribute(s, e)
        return self._memo[i]

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        i = bisect_right(self.boundaries, start) - 1
        lo = self.boundaries[i] if i >= 0 else 0
        j = bisect_left(self.boundaries, end)
        hi = self.boundaries[j] if j < len(self.boundaries) else len(self.text)
        return lo, hi

    def _at(self, i: int, how: str, cue: tuple[int, int] | None, tied: bool = True) -> Attribution:
        s, e, p = self.mentions[i]
        return Attribution(self.persons[p], (s, e), how, cue, tied)

    def attribute(self, qs: int, qe: int) -> Attribution | None:
        text, masked = self.text, self.masked
        lo, hi = self.sentence(qs, qe)
        open_at = qs - 1 if qs > 0 and text[qs - 1] in _OPENING else qs
        close_at = qe + 1 if qe < len(text) and text[qe] in "\"”」』" else qe
        lead = masked[lo:open_at]
        a, b = bisect_left(self.mention_starts, lo), bisect_left(self.mention_starts, hi)
        before = [i for i in range(a, b) if self.mentions[i][0] < open_at]
        after = [i for i in range(a, b) if self.mentions[i][0] >= close_at]
        # English: “…,” said Huang / “…,” Huang said / Huang said: “…” / according to Huang
        # the first name after the quote that a cue verb ties to it, past others in its role ("…," Trump
        # spokesperson Ron Lieberman told)
        for i in after:
            gap = masked[close_at : self.mentions[i][0]]
            if SUBORDINATE_RE.search(gap):
                break  # "“…” until Haley said": the name opens a clause of its own
            m = TAIL_CUE_NAME_RE.fullmatch(gap)
            if m is not None:
                return self._role_of(i, after, _cue_span(gap, close_at))
            if not TAIL_ROLE_RE.fullmatch(gap):
                break
            m = TAIL_NAME_CUE_RE.match(masked, self.extent[i])
            if m is None and _CLOSE_RE.fullmatch(gap):
                m = PAST_RE.match(masked, self.extent[i])  # "…," Toomey fumed
            if m is not None and not _introduces_next(masked, gap, m.end("cue")):
                return self._at(i, "cue", m.span("cue"))
        for i in reversed(before):
            between = masked[self.extent[i] : open_at]
            m = LEAD_NAME_CUE_RE.match(between)
            if m is not None and _MASK not in between:
                return self._at(i, "cue", (self.extent[i] + m.start("cue"), self.extent[i] + m.end("cue")))
            if ACCORDING_RE.search(masked, lo, self.mentions[i][0]):
                m = ACCORDING_RE.search(masked, lo, self.mentions[i][0])
                return self._at(i, "cue", m.span())
        if after and ACCORDING_RE.search(masked[close_at : self.mentions[after[0]][0]]):
            at = close_at + ACCORDING_RE.search(masked[close_at : self.mentions[after[0]][0]]).start()
            return self._at(after[0], "cue", (at, at + len("according to")))
        if not TAIL_PRONOUN_RE.match(masked, close_at):
            # "…" would be appropriate, Republican candidate Ben Carson said after the attacks: the sentence's
            # subject and its verb, after the quote
            for i in after:
                m = TAIL_NAME_CUE_RE.match(masked, self.extent[i])
                gap = masked[close_at : self.mentions[i][0]]
                if m is not None and not SUBORDINATE_RE.search(gap) and not _introduces_next(masked, gap, m.end("cue")):
                    return self._at(i, "cue", m.span("cue"))
            # "…," Nakatani said: a name a cue verb ties to the quote, though the article tells no more of them
            unknown = _unknown_speaker(text, masked, lo, open_at, close_at, hi)
            if unknown is not None:
                return unknown
        # Clinton “…” in the 2008 primary, said Ohio State University professor Paul Beck: the clause a cue verb
        # opens at the sentence's end names the speaker, past a name before the quote
        m = LATE_CUE_RE.search(masked, close_at, hi)
        if m is not None and m.start() > close_at:
            for i in after:
                if self.mentions[i][0] <= m.start("n") < self.mentions[i][1]:
                    return self._at(i, "cue", m.span("c"))
            span = bare_name(text, *m.span("n"))
            if span is not None:
                return Attribution(Person(text[span[0]:span[1]], None, (span,)), span, "cue", m.span("c"))
        cue = self._korean_cue(close_at, hi)
        # Korean: the name right before the quote (headlines), the nearest named subject, a bare name opening it.
        direct = [i for i in before if _DIRECT_RE.fullmatch(masked, self.extent[i], open_at)]
        subjects = [i for i in before if self.kind[i] == "subject"]
        # (not a name that only owns the subject: "Clinton's campaign chairman, John Podesta, said")
        opening = [i for i in before[:1] if self.kind[i] == "bare" and not masked[lo : self.mentions[i][0]].strip()
                   and not _POSSESSIVE_RE.match(masked, self.mentions[i][1])]
        for pick in (direct, subjects, opening):
            if pick:
                i = pick[-1]
                # in English, a name right before the quote after other words is as likely its object ("Jacobs
                # called Merkel “…”") as its speaker
                tied = bool(cue) or (pick is opening or not text[self.mentions[i][0]].isascii()
                                     or not masked[lo : self.mentions[i][0]].strip()) if pick is direct \
                    else bool(cue) or pick is not subjects or i not in self.untied
                return self._at(i, "cue" if cue else "preceding", cue, tied)
        tail = masked[close_at:hi]
        m = TAIL_PRONOUN_RE.match(tail)
        carried_cue = (close_at + m.start("a" if m["a"] else "b"), close_at + m.end("a" if m["a"] else "b")) if m \
            else cue
        continuation = bool(m or _CONTINUATION_KO_RE.search(lead) or LEAD_PRONOUN_RE.search(lead))
        line_start = text.rfind("\n", 0, qs) + 1
        line_end = text.find("\n", qe)
        line_end = len(text) if line_end < 0 else line_end
        if not continuation and _blank(masked[line_start:open_at]) and _blank(masked[close_at:line_end]):
            return None  # a quotation standing alone, as a heading: its sentence names no one
        return self._carried(open_at, "carried" if continuation else "preceding", carried_cue)

    def _role_of(self, i: int, after: list[int], cue: tuple[int, int] | None) -> Attribution:
        """The speaker a cue verb names after a quote, where the ``i``-th mention may be a part of their role: "said
        Clinton ally James Carville", "said Judicial Watch President Tom Fitton". The name that ends the words
        after the cue verb is the speaker: a later mention, or a person named there only."""
        m = ROLE_THEN_NAME_RE.match(self.masked, self.mentions[i][1])
        if m is None:
            return self._at(i, "cue", cue)
        for j in after:
            if self.mentions[j][0] == m.start("n"):
                return self._at(j, "cue", cue)
        span = bare_name(self.text, *m.span("n"))
        if span is None or any(s < span[1] and span[0] < e for s, e, _ in self.mentions):
            return self._at(i, "cue", cue)
        return Attribution(Person(self.text[span[0]:span[1]], None, (span,)), span, "cue", cue)

    def _korean_cue(self, close_at: int, hi: int) -> tuple[int, int] | None:
        if not QUOTATIVE_KO_RE.match(self.masked, close_at):
            return None
        m = CUE_VERB_KO_RE.search(self.masked, close_at, hi)
        return m.span() if m else None

    def _carried(self, at: int, how: str, cue: tuple[int, int] | None) -> Attribution | None:
        """The nearest preceding named speaker: the last named subject, or a later quotation's speaker."""
        subject, floor = self._floor(at)
        k = self._named_before(bisect_left(self.quote_starts, at) - 1, floor)
        if k >= 0:
            earlier = self._memo[k]
            return Attribution(earlier.person, earlier.mention, how, cue, how != "preceding")
        return self._at(subject, how, cue, how != "preceding") if subject is not None else None

    def _named_before(self, j: int, floor: int) -> int:
        """The nearest quotation at or before the ``j``-th, after ``floor``, whose speaker is named after ``floor``
        (-1: none). Quotations carried on from one speaker for pages would each walk back over all the others, so
        the answer is kept for every quotation walked over whose attribution is done: ``floor`` is the same for
        all of them (no named subject stands between), and a done attribution never changes."""
        walked = []
        found = -1
        while j >= 0 and self.quote_starts[j] > floor:
            if j in self._named:
                found = self._named[j]
                break
            earlier = self._memo.get(j)
            if earlier is not None and earlier.mention[0] > floor:
                found = j
                break
            walked.append(j)
            j -= 1
        if all(w in self._memo for w in walked):
            for w in walked:
                self._named[w] = found
        return found


def _unknown_speaker(text: str, masked: str, lo: int, open_at: int, close_at: int, hi: int) -> Attribution | None:
    """A speaker whom a cue verb ties to the quote by a capitalised name that is no one the article names otherwise
    ("…," Nakatani said; said Nakatani; Nakatani said: "…"): a person of their own, named there only."""
    m = TAIL_UNKNOWN_RE.match(masked, close_at, hi)
    if m is not None:
        name, cue = ("n1", "c1") if m["n1"] else ("n2", "c2")
    else:
        m = LEAD_UNKNOWN_RE.search(masked, lo, open_at)
        if m is None or _MASK in masked[m.end("c"):open_at]:
            return None
        name, cue = "n", "c"
    span = bare_name(text, *m.span(name))
    if span is None:
        return None
    return Attribution(Person(text[span[0]:span[1]], None, (span,)), span, "cue", m.span(cue))


def _introduces_next(masked: str, gap: str, cue_end: int) -> bool:
    """Whether the cue verb ending at ``cue_end``, after a quotation and the words ``gap``, introduces the next
    quotation instead: after a colon ("“…,” Trump said: “…”"), or in a clause of its own ("“…” and Donald
    Trump says he's “…”"). Not "“…,” Trump said, “…”", one speaker's quote broken by the cue."""
    m = INTRODUCES_NEXT_RE.match(masked, cue_end)
    return m is not None and (m["colon"] is not None or not _CLOSE_RE.fullmatch(gap))


_POSSESSIVE_RE = re.compile(r"['’]s\b")


def _blank(s: str) -> bool:
    """Nothing but spaces, punctuation and masked quotations."""
    return not s.strip(" \t\n\r\u00a0.,!?…”\"’'" + _MASK)


def _cue_span(gap: str, offset: int) -> tuple[int, int] | None:
    m = CUE_EN_RE.search(gap)
    return (offset + m.start(), offset + m.end()) if m else None


def analysis(src: Source) -> _Analysis:
    """The article read for speech (worked out once an article)."""
    return src.cached(_Analysis)


def speaker_of(src: Source, start: int, end: int) -> Attribution | None:
    """Who the article gives the passage ``src.text[start:end]`` (a quotation) to; ``None`` if nobody."""
    if is_furniture(src, start, end):
        return None  # a headline of another story, a caption: nobody in this article says it
    a = analysis(src)
    # A quotation of the article, or a part of one: the whole quotation's attribution.
    i = bisect_right(a.quote_starts, start) - 1
    if i >= 0 and a.quotes[i][0] <= start and end <= a.quotes[i][1] + 1:
        return a.quotation(i)
    a.prepare(start)
    return a.attribute(start, end)


def sentence_of(src: Source, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence that holds the passage ``start:end`` (a quotation), as the attribution reads it."""
    return analysis(src).sentence(start, end)
