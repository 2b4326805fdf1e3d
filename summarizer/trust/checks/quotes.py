"""Quotes: verbatim in the article, and given to the speaker the article gives them to.

``check_quotes`` returns each quote's location (the coverage check takes them
as an input) and the findings. The speaker is checked against
``attribution.speaker_of``: the name a cue verb ties to the quote, or the
speaker carried on to it (그는, 이어, he), or the nearest preceding named
speaker. A quote given to someone else the article names is
``quote.misattributed``. Only when the article gives the quote to no one we can
tell (a quotation standing alone as a heading) does the older test of distance
apply (``quote.speaker_far``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ...contract.report import Finding, QuoteLocation
from ...contract.summary import ArticleSummary
from ..article.quote_match import locate_quote
from ..article.source import Source
from ..article.textkey import key_of
from ..people.attribution import Attribution, sentence_of, speaker_of
from ..people.persons import Person, name_tokens, people
from .findings import excerpt, finding, span

__all__ = ["QuoteChecks", "check_quotes"]

# Titles that follow a Korean surname in a short form (이 대통령, 황 CEO, 조 회장).
_TITLES = (
    "대통령 최고경영자 CEO CFO CTO COO 대표 회장 부회장 의장 장관 차관 의원 국장 협회장 기자 총리 "
    "위원장 사장 부사장 교수 원장 청장 대변인 실장 센터장 본부장 이사 변호사 박사 씨 부장 팀장 처장 "
    "지사 시장 대사 총장 감독 위원 상무 전무 창업자 단장 소장 관계자 수석 비서관 총재"
).split()
_HONORIFICS = ["Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "President", "Prime Minister",
               "Minister", "Senator", "Governor", "Chancellor", "CEO", "Chief Executive"]
_HANGUL_NAME_RE = re.compile(r"[가-힣]{2,4}")


@dataclass(frozen=True)
class _SpeakerForms:
    """The ways an article may name a speaker: whole names, and a surname with a title."""

    names: tuple[str, ...]
    surname: str | None
    surname_re: re.Pattern[str] | None
    """Where the surname stands, not inside a word, with the title after it if any (``title``)."""
    bare_surname: bool

    def mentions(self, text: str) -> list[tuple[int, int]]:
        """Every span of ``text`` that names the speaker in one of these forms, in order."""
        found: set[tuple[int, int]] = set()
        for name in self.names:
            at = text.find(name)
            while at >= 0:
                found.add((at, at + len(name)))
                at = text.find(name, at + 1)
        found.update(self._short_forms(text))
        return sorted(found)

    def named_in(self, text: str) -> bool:
        """Whether ``mentions(text)`` would find any: it stops at the first."""
        return any(name in text for name in self.names) or next(self._short_forms(text), None) is not None

    def _short_forms(self, text: str) -> Iterator[tuple[int, int]]:
        if self.surname_re is None:
            return
        n = len(self.surname or "")
        for m in self.surname_re.finditer(text):
            at = m.start()
            if m["title"] is not None:
                yield at, m.end("title")
            elif self.bare_surname and not text[at + n : at + n + 1].isalnum():
                yield at, at + n


@lru_cache(maxsize=1024)
def _speaker_forms(speaker: str, role: str | None) -> _SpeakerForms | None:
    tokens = speaker.replace("(", " ").replace(")", " ").split()
    if not tokens:
        return None
    role_tokens = (role or "").replace("(", " ").replace(")", " ").split()
    titles = set(_TITLES) | set(role_tokens) | {t for t in tokens if t in _TITLES}
    name = [t for t in tokens if t not in titles and t not in _HONORIFICS]
    names = {" ".join(tokens), "".join(tokens)}
    if name:
        names |= {" ".join(name), "".join(name)}
    surname = None
    if len(name) == 1 and _HANGUL_NAME_RE.fullmatch(name[0]) and len(name[0]) >= 3:
        surname = name[0][0]  # 이재명 -> 이 대통령
    elif len(name) >= 2:
        surname = name[-1]  # 젠슨 황 -> 황 CEO, Jensen Huang -> Huang
    bare_surname = bool(surname and surname.isascii() and surname.isalpha() and len(surname) >= 3)
    surname_re = None
    if surname:
        # Model output goes into this pattern: the surname and every title are escaped. The regex engine,
        # not a loop over every 이 of the article, skips the surname's letters inside words: after Hangul,
        # or after any letter or digit for a bare surname ("Huang"). The pattern starts with the surname, so
        # the engine jumps from one to the next; one whose end can start it again (이이) is matched by a
        # lookahead instead, so that overlapping ones count too.
        alternation = "|".join(map(re.escape, sorted(titles, key=len, reverse=True)))
        name = re.escape(surname)
        inside_word = rf"(?<![^\W_]{name})" if bare_surname else rf"(?<![가-힣]{name})"
        title = rf"(?=(?P<title>\s?(?:{alternation}))|)"
        if any(surname[:k] == surname[-k:] for k in range(1, len(surname))):
            surname_re = re.compile(rf"(?={name}{inside_word}){title.replace('(?=', f'(?={name}', 1)}")
        else:
            surname_re = re.compile(rf"{name}{inside_word}{title}")
    return _SpeakerForms(
        names=tuple(sorted(names, key=len, reverse=True)),
        surname=surname,
        surname_re=surname_re,
        bare_surname=bare_surname,
    )


@dataclass(frozen=True)
class QuoteChecks:
    """What the quote check found: a location per quote, and the findings."""

    locations: list[QuoteLocation]
    findings: list[Finding]


def check_quotes(src: Source, summary: ArticleSummary) -> QuoteChecks:
    text = src.text
    out: list[Finding] = []
    locations: list[QuoteLocation] = []
    for i, quote in enumerate(summary.quotes):
        path = f"quotes[{i}]"
        if not quote.text.strip():
            out.append(finding("quote.empty", "error", f"{path}.text",
                               "The quote is empty. Give the quoted words or drop the quote."))
            locations.append(QuoteLocation(index=i, match="not_found", similarity=0.0, speaker_match="not_found"))
            continue
        m = locate_quote(text, quote.text)
        if not m.found:
            if m.closest is not None:
                closest = around_difference(text[m.closest[0]:m.closest[1]], quote.text)
                detail = f' The closest passage ({min(m.similarity, 0.99):.0%} similar) is "{closest}".'
            else:
                detail = " Nothing in the article resembles it."
            out.append(finding("quote.not_found", "error", f"{path}.text",
                               "This quote is not in the article word for word." + detail +
                               " Quote the article's exact words, mark any omission with …, or drop the quote.",
                               m.closest))
        speaker_match, speaker_at, how = _check_speaker(src, summary, i, m.start, m.end, out)
        locations.append(QuoteLocation(
            index=i, match=m.kind, span=span((m.start, m.end)) if m.found else None,
            pieces=[span(p) for p in m.pieces] if m.kind == "elided" else [],
            similarity=m.similarity, closest=span(m.closest), speaker_match=speaker_match,
            speaker_how=how, speaker_span=span(speaker_at),
        ))
    return QuoteChecks(locations, out)


def _check_speaker(src: Source, summary: ArticleSummary, i: int, start: int | None, end: int | None,
                   out: list[Finding]):
    quote = summary.quotes[i]
    path = f"quotes[{i}].speaker"
    forms = _speaker_forms(quote.speaker.strip(), quote.speaker_role)
    # Whether the article names the speaker at all; where it does, only the paths below that report a mention
    # of theirs list every one (the search for a surname with a title runs over the whole article).
    if forms is None or not forms.named_in(src.text):
        out.append(finding("quote.speaker_not_found", "error", path,
                           f'The speaker "{quote.speaker}" is not named in the article. '
                           "Name the speaker as the article does, or drop the quote."))
        return "not_found", None, None
    if start is None or end is None:
        return "named", forms.mentions(src.text)[0], None
    said = speaker_of(src, start, end)
    if said is not None:
        if denotes(src, quote.speaker, quote.speaker_role, said.person):
            return "attributed", said.mention, said.how
        here = None if said.tied else (_named_in_sentence(src, forms, start, end)
                                       or _named_in_sentence(src, forms, *said.mention))
        if here is None and _surname_only(src, quote.speaker, said):
            # "Clinton said", and the article names Hillary and Bill Clinton: which one, it does not say
            here = said.mention
        if here is not None:
            # No cue verb ties the quote to anyone: the article is unclear, and a speaker named in its sentence
            # ("Jacobs called Merkel “…”") or in the sentence of the name it went to ("…," Trump told Fox News host
            # Sean Hannity. “…”) may be the one who says it. Not accused.
            return "near", here, None
        out.append(finding("quote.misattributed", "warning", path, _misattributed(src, quote.speaker, said),
                           said.mention))
        return "misattributed", said.mention, said.how
    # The article gives the quote to no one we can tell (a heading): is the speaker named around it?
    mentions = forms.mentions(src.text)
    first, last = _after_unnamed(src, src.paragraph_of(start)), src.paragraph_of(max(start, end - 1))
    near = [s for s in mentions if first - 1 <= src.paragraph_of(s[0]) <= last + 1]
    if near:
        return "near", min(near, key=lambda s: abs(s[0] - start)), None
    nearest = min(mentions, key=lambda s: abs(s[0] - start))
    out.append(finding("quote.speaker_far", "warning", path,
                       f'"{quote.speaker}" is named in the article, but not in the paragraph of this quote or the '
                       "ones beside it. Check who said it: give the speaker the article names next to the quote.",
                       nearest))
    return "far", nearest, None


def _after_unnamed(src: Source, paragraph: int) -> int:
    """The first of the paragraphs, up to three, that stand right before ``paragraph`` and name no one, else
    ``paragraph``: a run of quotations, each a paragraph, or "She pauses." between two goes on from the paragraph
    that names its speaker."""
    named = src.cached(_named_paragraphs)
    k = paragraph
    while k > 0 and paragraph - k < 3 and k - 1 not in named:
        k -= 1
    return k


def _named_paragraphs(src: Source) -> frozenset[int]:
    return frozenset(src.paragraph_of(s) for person in people(src) for s, _ in person.mentions)


def _surname_only(src: Source, speaker: str, said: Attribution) -> bool:
    """Whether the article names ``said.person`` there by a surname alone (with any title), and the summary's
    ``speaker`` is someone else of that surname, named in full."""
    words = [w for w in name_tokens(speaker) if w not in _NOT_NAME]
    written = [w for w in name_tokens(src.text[said.mention[0]:said.mention[1]]) if w not in _NOT_NAME]
    return len(words) >= 2 and len(written) == 1 and words[-1] == written[0] == name_tokens(said.person.name)[-1]


def _named_in_sentence(src: Source, forms: _SpeakerForms, start: int, end: int) -> tuple[int, int] | None:
    """The first mention of the speaker in the sentence of the quotation ``start:end``, outside quotations;
    ``None`` if none."""
    lo, hi = sentence_of(src, start, end)
    quoted = src.quoted_passages
    for s, e in forms.mentions(src.text):
        if lo <= s < hi:
            i = bisect_right(quoted, (s, len(src.text))) - 1
            if i < 0 or quoted[i][1] <= s:
                return s, e
    return None


def _misattributed(src: Source, speaker: str, said: Attribution) -> str:
    text = src.text
    named = excerpt(text, *said.mention, 40)
    tie = {"cue": f' ("{excerpt(text, *said.cue, 20)}")' if said.cue else "",
           "carried": " (carried on from an earlier sentence)", "preceding": ""}[said.how]
    return (f'The article gives this quote to {said.person.name}, named as "{named}"{tie}, not to "{speaker}". '
            f'Set the speaker to "{said.person.name}"' + (f' and speaker_role to "{said.person.role}"'
                                                          if said.person.role else "") + ".")


_NOT_NAME = frozenset(_TITLES) | frozenset(_HONORIFICS)


def around_difference(passage: str, quote: str, limit: int = 100) -> str:
    """``passage`` for a message, on one line: whole when short, else the stretch of whole words around where it
    first departs from ``quote``, so that the reader sees the word that differs ("…older and they burst…")."""
    a, b = " ".join(passage.split()), " ".join(quote.split())
    if len(a) <= limit:
        return a
    at = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    lo = max(0, min(at - limit // 2, len(a) - limit))
    hi = min(len(a), lo + limit)
    while lo > 0 and a[lo - 1] != " ":
        lo -= 1
    while hi < len(a) and a[hi] != " ":
        hi += 1
    return ("…" if lo > 0 else "") + a[lo:hi] + ("…" if hi < len(a) else "")


def denotes(src: Source, speaker: str, role: str | None, person: Person) -> bool:
    """Whether the summary's ``speaker`` (and ``role``) names ``person``: their full name is in it, or it is
    written as the article writes them somewhere (이 대통령, 황 CEO, Huang)."""
    return denoted(src, speaker, role, (person,)) is not None


def denoted(src: Source, speaker: str, role: str | None, persons: Iterable[Person]) -> Person | None:
    """The first of ``persons`` that the summary's ``speaker`` (and ``role``) names (``denotes``), or ``None``:
    the speaker is read once for them all."""
    words = [w for w in name_tokens(speaker.replace("(", " ").replace(")", " ")) if w not in _NOT_NAME]
    if role:
        words = [w for w in words if w not in name_tokens(role)]
    mine = tuple(words)
    key = None
    keys = src.cached(_mention_keys)
    text = src.text
    for person in persons:
        full = name_tokens(person.name)
        if words and all(w in words for w in full):
            return person
        if len(words) >= 2 and full[-len(words):] == mine:
            return person  # the name without the role the article writes before it: Matthew Boyle, of "Editor Matthew Boyle"
        if key is None:
            key = key_of(speaker)
        for s, e in person.mentions:
            written = keys.get((s, e))
            if written is None:
                written = keys[s, e] = key_of(text[s:e])
            if written == key:
                return person
        # the family name alone, as English and foreign names are shortened: "Huang", "황"
        if len(full) >= 2 and words == [full[-1] if not full[0].isascii() or "-" not in full[-1] else full[0]]:
            return person
    return None


def _mention_keys(_src: object) -> dict[tuple[int, int], str]:
    """The keys of the article's mentions of its people, by span, filled as ``denoted`` reads them: each actor and
    speaker of a summary is compared with every person."""
    return {}
