"""The people an article names: their fullest name, their role, and every mention.

Korean news introduces a person once in full, name then role (조준희
한국인공지능·소프트웨어산업협회장, 젠슨 황 엔비디아 최고경영자(CEO)), and then
writes a surname with a title (조 회장, 황 CEO, 이 대통령, 李대통령). English
news writes a name with a title or an appositive (Nvidia chief executive Jensen
Huang; Jensen Huang, the chief executive,) and then a surname (Huang, Mr. Huang).

``people(src)`` reads those patterns, without a model and in time linear in
the article: it finds every title word, looks a few words back for a name, and
then gathers each person's mentions. Page furniture (bylines, captions) is not
the article, so nobody is introduced or mentioned from there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from ..article.furniture import in_one_piece
from .english import english_people, english_surnames
from .lexicon import (
    COMPOUND_TITLES_RE,
    HANJA_SURNAMES,
    HONORIFICS_EN,
    NOT_IN_GIVEN_NAMES_KO,
    NOT_NAMES_KO,
    PARTICLE_RE,
    SURNAMES_KO,
    TITLES_KO,
    alternation,
    title_re,
)
from .mention_spans import MentionSpans

if TYPE_CHECKING:
    from ..article.source import Source

__all__ = ["Person", "people", "name_tokens"]


@dataclass(frozen=True)
class Person:
    """Someone the article names."""

    name: str
    """The fullest form the article writes: "조준희", "젠슨 황", "Jensen Huang"."""
    role: str | None
    """The title or role the article gives, as written: "한국인공지능·소프트웨어산업협회장"."""
    mentions: tuple[tuple[int, int], ...]
    """Every span where the article names this person, short forms included ("이 대통령", "황 CEO", "Mr. Huang")."""


_COMPOUND_SURNAMES = frozenset(s for s in SURNAMES_KO if len(s) == 2)
_PARTICLE = PARTICLE_RE.pattern
# Where a role word ends: a title, then perhaps "(CEO)", then perhaps a particle, then the end of the word.
# The titles are one trie-shaped alternation, so that the regex engine skips every position whose character
# starts no title; what may follow is checked only where one matched.
_TITLE_RE = re.compile(alternation(TITLES_KO))
_AFTER_TITLE_RE = re.compile(rf"(?P<paren>\([^()\n]{{1,30}}\))?(?:{_PARTICLE})?(?:[^가-힣A-Za-z0-9]|$)")
_COMPOUND = re.compile(COMPOUND_TITLES_RE)
_WORD_CHARS = re.compile(r"[가-힣A-Za-z0-9·&\-]")
_TRAILING_PAREN = re.compile(r"\([^()]*\)$")
_ENDS_LIKE_CLAUSE = re.compile(r"(?:에서|에게|으로|통해|위해|대해|[은는을를과와도로의에서고며한던된인할린이가해])$")
_HANGUL = re.compile(r"[가-힣]+")


class _Title(NamedTuple):
    # A named tuple, not a frozen dataclass: _titles makes one for every title word of every article, and a
    # frozen dataclass's __init__ costs a call to object.__setattr__ per field.
    start: int          # where the role word starts (its organisation prefix included, 협회장 in ...산업협회장)
    end: int            # after the title and any "(CEO)"
    word: str           # the role word as written, with its parenthesis
    before: tuple[tuple[str, int], ...]  # up to five words before it, nearest first: (word, start)


_OPENING = "\"“‘'「『("
_STOPS_RE = re.compile("[\"“”‘’'「」『』,;:…!?]|\\.$")
_GLUED_RE = re.compile(r"(?:@\S*|\.[a-z]{2,})([가-힣]+)$")


def _words_before(text: str, at: int, limit: int = 5) -> tuple[tuple[str, int], ...]:
    """Up to ``limit`` words before ``at`` on its line, nearest first, stopping at punctuation or a quote."""
    line_start = text.rfind("\n", 0, at) + 1
    lo = max(at - 80, line_start)
    words = text[lo:at].rsplit(None, limit)  # the last ``limit`` words, and what is before them in one piece
    if len(words) > limit:
        del words[0]
    elif words and lo > line_start and not text[lo - 1].isspace():
        del words[0]  # the first may be cut
    out = []
    end = at
    for word in reversed(words):
        end = text.rfind(word, lo, end)  # the word's own start: only spaces follow it up to the previous one
        cut, word, last = _shape(word)
        if word is None:
            break
        out.append((word, end + cut))
        if last:
            break
    return tuple(out)


@lru_cache(maxsize=8192)
def _shape(word: str) -> tuple[int, str | None, bool]:
    """What ``_words_before`` takes of a word: how many leading characters it drops, the word it keeps (``None``:
    stop before it) and whether to stop after it. It depends on the word alone, so it is worked out once."""
    cut = 0
    if "@" in word or "." in word:
        glued = _GLUED_RE.search(word)
        if glued:  # "hokma@newsis.com조 협회장": the Hangul after a run-on e-mail
            cut, word = len(word) - len(glued[1]), glued[1]
    opened = False
    if word[0] in _OPENING:  # the first word after an opening mark: take it, go no further
        rest = word.lstrip(_OPENING)
        cut, word, opened = cut + len(word) - len(rest), rest, True
        if not word:
            return cut, None, True
    if _STOPS_RE.search(word):
        return cut, None, True
    # "정동영(더불어민주당)·최형두(국민의힘)": the last of a list joined by middle dots
    if "·" in word and "(" in word:
        dot = word.rfind("·") + 1
        return cut + dot, word[dot:], False
    return cut, word, opened


_WORD_START_RE = re.compile(r"[가-힣A-Za-z0-9·&\-]*$")


def _is_word_char(c: str) -> bool:
    """``_WORD_CHARS`` for one character, without a regex call."""
    return "가" <= c <= "힣" or (c.isascii() and (c.isalnum() or c in "&-")) or c == "·"


def _titles(text: str) -> list[_Title]:
    out = []
    after_title, compound = _AFTER_TITLE_RE.match, _COMPOUND.fullmatch
    for m in _TITLE_RE.finditer(text):
        m_start, m_end = m.span()
        after = after_title(text, m_end)
        if after is None:
            continue  # 대표적인, 이사회: a title's letters inside another word
        s = m_start
        if s > 0 and _is_word_char(text[s - 1]):  # the role word starts with its word (...산업협회장)
            s = _WORD_START_RE.search(text, max(0, s - 40), s).start()
        elif compound(text, s, m_end):
            continue  # 반도체 시장 is a market: 시장 is a title only inside a word (서울시장)
        paren_end = after.end("paren")
        end = paren_end if paren_end >= 0 else m_end
        out.append(_Title(s, end, text[s:end], _words_before(text, s)))
    return out


def _bare(word: str) -> str:
    return _TRAILING_PAREN.sub("", word) if word.endswith(")") else word


@lru_cache(maxsize=4096)
def _korean_name(word: str) -> bool:
    if not 2 <= len(word) <= 4 or not _HANGUL.fullmatch(word) or word in NOT_NAMES_KO:
        return False
    if any(c in NOT_IN_GIVEN_NAMES_KO for c in word[1:]):
        return False
    if word[:2] in _COMPOUND_SURNAMES and len(word) >= 3:
        return True
    return word[0] in SURNAMES_KO and len(word) <= 3


def _foreign_part(word: str) -> bool:
    return bool(_HANGUL.fullmatch(word)) and 1 <= len(word) <= 6 and word not in NOT_NAMES_KO


class _Intro:
    __slots__ = ("name", "role", "start", "end", "surname")

    def __init__(self, name: str, role: str, start: int, end: int, surname: str) -> None:
        self.name, self.role, self.start, self.end, self.surname = name, role, start, end, surname


_ACRONYM_RE = re.compile(r"\([A-Z]")
_BODY_ENDINGS = ("시", "도", "군", "구", "청", "부", "처", "원", "국", "실", "공사", "공단", "위원회", "협회")
"""How a city, a province or a public body ends (서울시, 경기도, 국토부, 법원): such a word right after a name,
before a title, is where that person works, however much it looks like a name itself (서울시)."""


def _korean_intros(text: str, titles: list[_Title]) -> list[_Intro]:
    # Evidence for foreign names: which words stand right before a title, and after what.
    titled: dict[str, set[str]] = {}
    for t in titles:
        before = t.before
        if before:
            titled.setdefault(_bare(before[0][0]), set()).add(before[1][0] if len(before) > 1 else "")
    units: dict[str, bool] = {}
    out = []
    for t in titles:
        before = t.before
        for k in range(len(before)):
            word, start = before[k]
            acronym, word, name, foreign, clause_end, wordlike = _title_word_facts(word)
            if acronym:
                break  # 차량(ADV): an acronym in brackets names a thing, not a person
            if name and k + 1 < len(before) and word.endswith(_BODY_ENDINGS) \
                    and _word_facts(_bare(before[k + 1][0]))[0]:
                continue  # 김민수 서울시 도시교통실장: 서울시 is where the person works, 김민수 the person
            if name:
                surname = word[:2] if word[:2] in _COMPOUND_SURNAMES and len(word) >= 3 else word[0]
                out.append(_Intro(word, _role(before, k, t), start, start + len(word), surname))
                break
            if foreign and k + 1 < len(before):
                first, first_at = before[k + 1]
                first_name, first_foreign, first_clause_end, _ = _word_facts(first)
                if first_foreign and not first_clause_end:
                    full = f"{first} {word}"
                    # "트럼프 대통령" elsewhere: the family name takes a title on its own
                    alone = bool(titled.get(word, set()) - {first})  # (word is no Korean name: see above)
                    if not alone and not first_name and full not in units:
                        units[full] = _used_as_a_unit(text, full, len(word) == 1)
                    if alone or units.get(full):
                        out.append(_Intro(full, _role(before, k, t), first_at, start + len(word), word))
                        break
            if k == 0 and len(word) == 1:
                break  # a short form (황 CEO), not an introduction
            if clause_end or not wordlike:
                break
    return out


@lru_cache(maxsize=8192)
def _word_facts(word: str) -> tuple[bool, bool, bool, bool]:
    """What ``_korean_intros`` asks of a word, computed once per distinct word: whether it is a Korean name,
    can be part of a foreign name, ends like a clause (조사, 어미), and starts like a word."""
    return (_korean_name(word), _foreign_part(word), _ENDS_LIKE_CLAUSE.search(word) is not None,
            _WORD_CHARS.match(word[:1] or " ") is not None)


@lru_cache(maxsize=8192)
def _title_word_facts(word: str) -> tuple[bool, str, bool, bool, bool, bool]:
    """A word before a title, as ``_korean_intros`` reads it: whether it is an acronym in brackets (차량(ADV)),
    the word without its bracket, and that word's ``_word_facts``."""
    if "(" in word and _ACRONYM_RE.search(word):
        return True, word, False, False, False, False
    bare = _bare(word)
    return (False, bare, *_word_facts(bare))


def _role(before, k: int, t: _Title) -> str:
    if k == 0:
        return t.word
    return " ".join([*(w for w, _ in reversed(before[:k])), t.word])


def _used_as_a_unit(text: str, full: str, strict: bool) -> bool:
    """Whether ``full`` ("젠슨 황") is followed by a particle, or by different words in different places."""
    following = set()
    at = text.find(full)
    while at >= 0:
        m = _FOLLOWING_RE.match(text, at + len(full))
        if at == 0 or not "가" <= text[at - 1] <= "힣":
            if m["p"] and not strict:
                return True
            if m["w"]:
                following.add(PARTICLE_RE.sub("", m["w"], count=1) if len(m["w"]) > 2 else m["w"])
        at = text.find(full, at + 1)
    return len(following) >= 2


_FOLLOWING_RE = re.compile(rf"(?P<p>{_PARTICLE})?(?:\s+(?P<w>[가-힣A-Za-z]+))?")


@lru_cache(maxsize=256)
def name_tokens(name: str) -> tuple[str, ...]:
    """The words of a name, for comparing a speaker with a person."""
    return tuple(w for w in re.split(r"[\s·]+", name) if w)


def people(src: Source) -> list[Person]:
    """The people ``src`` names, in the order the article first introduces them (worked out once an article)."""
    return src.cached(_people)


def _people(src: Source) -> list[Person]:
    text = src.text

    def outside(a: int, b: int) -> bool:
        return not in_one_piece(src, a, b)

    titles = _titles(text)
    intros = [x for x in _korean_intros(text, titles) if outside(x.start, x.end)]
    intros += [x for x in english_people(text) if outside(x[2], x[3]) for x in [_Intro(*x)]]
    by_name: dict[str, _Intro] = {}
    roles: dict[str, str] = {}
    for x in sorted(intros, key=lambda x: x.start):
        if x.name not in by_name:
            by_name[x.name] = x
        if x.role and len(x.role) > len(roles.get(x.name, "")):
            roles[x.name] = x.role
    found: dict[str, set[tuple[int, int]]] = {name: set() for name in by_name}
    for name in by_name:
        at = text.find(name)
        while at >= 0:
            before = text[at - 1] if at else " "
            if not ("가" <= before <= "힣" or before.isalnum()) and outside(at, at + len(name)):
                found[name].add((at, at + len(name)))
            at = text.find(name, at + 1)
    _short_forms(text, titles, by_name, roles, found, outside)
    for name, x in by_name.items():
        if not x.surname.isascii() and len(x.surname) >= 2 and " " in name:
            _bare_surname(text, name, x.surname, found, outside)  # 트럼프 for 도널드 트럼프
    english_surnames(text, by_name, found, outside)
    return [Person(name, roles.get(name) or None, tuple(sorted(found[name])))
            for name in by_name if found[name]]


def _short_forms(text, titles, by_name, roles, found, outside) -> None:
    """Surname and title (이 대통령, 황 CEO, 李대통령, Mr. Huang): given to the person it fits best."""
    by_surname: dict[str, list[str]] = {}
    for name, x in by_name.items():
        by_surname.setdefault(x.surname, []).append(name)
    index: dict[str, MentionSpans] = {}
    for t in titles:
        if t.start > 0 and text[t.start - 1] in HANJA_SURNAMES:
            surname, start = HANJA_SURNAMES[text[t.start - 1]], t.start - 1
        elif t.before and t.before[0][1] + len(t.before[0][0]) >= t.start - 1:
            surname, start = _bare(t.before[0][0]), t.before[0][1]
            if surname in by_name:
                continue  # the full name, already found
        else:
            continue
        candidates = by_surname.get(surname)
        if not candidates or not outside(start, t.end):
            continue
        title = _TRAILING_PAREN.sub("", t.word)
        fitting = [n for n in candidates if (roles.get(n) or "").endswith(title)] or candidates
        for n in fitting:
            if n not in index:
                index[n] = MentionSpans(found[n])
        if len(fitting) > 1:  # the one named most recently before this mention
            fitting.sort(key=lambda n: index[n].last_start_before(start), reverse=True)
        if index[fitting[0]].holds(start):
            continue  # "황 CEO" inside "젠슨 황 CEO": the full name already names them here
        found[fitting[0]].add((start, t.start + len(title)))
        index[fitting[0]].add((start, t.start + len(title)))
    for name, x in by_name.items():
        if not x.surname.isascii():
            continue
        for h in HONORIFICS_EN:
            form = f"{h} {x.surname}"
            at = text.find(form)
            while at >= 0:
                if outside(at, at + len(form)):
                    found[name].add((at, at + len(form)))
                at = text.find(form, at + 1)


def _bare_surname(text, name, surname, found, outside) -> None:
    # The surname first, then the look back at what stands before it: the engine skips from one to the next.
    escaped = re.escape(surname)
    pattern = rf"{escaped}(?<![가-힣A-Za-z0-9]{escaped})(?=(?:{_PARTICLE})?(?:[^가-힣A-Za-z0-9]|$))"
    index = MentionSpans(found[name])
    for m in re.finditer(pattern, text):
        span = m.span()
        if outside(*span) and not index.holds(*span):
            found[name].add(span)
            index.add(span)


def mention_index(persons: list[Person]) -> list[tuple[int, int, int]]:
    """Every mention of every person, as ``(start, end, person index)``, sorted, nested ones dropped."""
    # by start, the longest first (then by person, as listed)
    all_mentions = sorted([(s, -e, i) for i, p in enumerate(persons) for s, e in p.mentions])
    out: list[tuple[int, int, int]] = []
    end = -1
    for s, e, i in all_mentions:
        if s < end:
            continue
        end = -e
        out.append((s, end, i))
    return out

