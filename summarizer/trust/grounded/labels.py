"""What each number counts, in the article's own words: label candidates, as spans of the article.

``find_labels(src, numbers)`` proposes, for every number that is not a date, a duration, an ordinal or a rank,
the noun phrases near it that may say what it counts, best first:

Korean (kiwipiepy's parts of speech, the shared analyser of ``trust.words``):

- ``before``: the noun phrase right before it ("GPU 26만장" -> GPU; "GPU를 26만장 이상" -> GPU;
  "‘블랙웰’ 26만 개" -> 블랙웰), over 약, 총, 모두 and the like;
- ``list``: a list's head, for its later items ("GPU 1만장, 2028년 5만장" -> GPU for both);
- ``to``: the place it goes to, before or after it ("공공 부문에 약 5만장" and "약 5만장을 공공 부문에" ->
  공공 부문), or after its topic ("약 800대는 시내버스, 400대는 마을버스에 배치된다" -> 시내버스, 마을버스);
- ``as``: what a clause before it makes it ("확보를 목표로 했던 5만장", "목표로 삼은 20만장" -> 목표);
- ``of``: what it is a number of ("26만장의 GPU" -> GPU);
- ``for``: what an amount is spent on ("1000억원을 들여 슈퍼컴퓨터를" -> 슈퍼컴퓨터);
- ``after``: the noun phrase right after it ("40개 요소로" -> 요소), and after a word that makes an amount the
  worth of what follows ("14조 원 규모 최첨단 GPU" -> 최첨단 GPU); not when a noun before it says what a
  count counts ("GPU 26만개 공급": 공급 is what is done with them);
- ``subject``: the subject or topic of its clause, only where the number is what the clause says of it
  ("무게는 25mg 미만으로", "환자는 65만명에 달한다"), not where the subject is who gives, gets or does
  something to the number ("정부는 5만장을", "주요 기업이 GPU를 26만 장 확보했고"), nor a name of a person,
  an organisation or a place.

An ordinal or a rank ("두 번째", "4차 산업혁명", "21세기", "1위", "제1 저자", and "AI 3대 강국", whose 대 the
analyser reads as a noun where the counter of "1200대" is a bound noun) gets no label: it is not a count, so it
is neither picked nor offered as a figure.

English: ``english_labels`` (the words after it, and the head before "of").

Every label is at most three words, holds no digit and more than one letter, starts where a word of the
article starts and ends where it ends or where only particles and endings follow it (공공 부문에 -> 공공 부문;
never 인 of 7인, 공급키 of 공급키로, 째 of 두 번째), holds no bracket whose partner is outside it, does not
touch page furniture (a masthead, a byline: ``trust.article.furniture``), has no word that says when or on
what condition at its edge, and is not only a person's name ("이재명" says nothing of what 26만 장 counts).
The id is the number's and a letter, best first: f3a, f3b.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ...contract.grounded import LabelCandidate, NumberCandidate
from ..article.furniture import furniture
from ..article.source import Source
from ..people.names import named_things
from ..people.persons import people
from ..words import language_of
from ..words.korean import kiwi
from .english_labels import english_labels
from .ranking import MONEY_OR_SHARE

__all__ = ["find_labels"]

_NOUN_TAGS = frozenset({"NNG", "NNP", "SL", "SH", "XPN", "XSN", "XR"})
_SKIP_BEFORE = frozenset({"약", "총", "모두", "최대", "최소", "최고", "무려", "대략", "각각", "연간", "누적", "이상", "가량"})
_SKIP_AFTER = _SKIP_BEFORE | {"이하", "미만", "초과", "정도", "수준", "여", "가까이"}
_TO_FORMS = frozenset({"에", "에게", "으로", "로"})
_JOINERS = frozenset({"·", "등", "및"})
_STOP = frozenset({"가운데", "중", "이번", "당시", "올해", "지난해", "내년", "전날", "이날", "최근", "현재", "각각", "모두",
                   "이상", "이하", "미만", "초과", "정도", "수준", "여", "경우", "결과", "때"})
"""Nouns that say where, when or on what condition in the sentence, not what a number counts."""
_WORTH = frozenset({"규모", "상당", "어치"})
"""Nouns after an amount that say it is the worth of what follows (14조 원 규모 GPU -> GPU)."""
_RANKS = frozenset({"째", "차", "세기", "세대", "학년", "위", "등", "호"})
"""What makes a number an ordinal or a rank, written right after it (두 번째, 4차 산업혁명, 21세기, 1위), not a
count: such a number is given no label, so it is neither picked nor offered as a figure."""
_FUNCTIONAL = ("J", "E", "VCP", "VCN", "SF", "SP", "SS", "SE", "SO", "SW")
"""Parts of speech that may follow a label inside its word (particles, endings, the copula, punctuation): a
label ends there, not mid-word."""
_MAX_WORDS = 3
_JOINED_RE = re.compile(r"[가-힣]{2,}(?:와|과|의|에)$")
_MAX_CHARS = 40
_LETTERS = "abcdefgh"


def _line(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def _tag(t) -> str:
    return t.tag.split("-")[0]


_QUOTES = frozenset("‘’“”'\"「」『』")


def _match(tokens: list, j: int, step: int) -> int | None:
    """The index of the bracket matching ``tokens[j]`` (an opener when ``step`` is 1, a closer when -1) within
    eight tokens; None when there is none."""
    want = "SSC" if step == 1 else "SSO"
    for k in range(j + step, j + step * 9, step):
        if not 0 <= k < len(tokens):
            return None
        if _tag(tokens[k]) == want:
            return k
    return None


def _run(tokens: list, j: int, step: int) -> tuple[int, int] | None:
    """The tokens ``(first, last)`` of the noun phrase that ends at token ``j`` (step -1) or starts there
    (step 1): nouns, nouns joined by ·, bracketed groups (GPU(그래픽처리장치), ‘블랙웰’). A phrase that is only a
    quoted group is its inside. None when there is no noun."""
    inner = "SSC" if step == -1 else "SSO"
    k, ends, nouns = j, [], 0
    while 0 <= k < len(tokens):
        tag = _tag(tokens[k])
        if tag in _NOUN_TAGS:
            ends.append(k)
            nouns += 1
            k += step
        elif tag == inner:
            m = _match(tokens, k, step)
            if m is None:
                break
            ends.append(m)
            nouns += any(_tag(tokens[x]) in _NOUN_TAGS for x in range(min(k, m), max(k, m) + 1))
            k = m + step
        elif tokens[k].form in _JOINERS and ends and 0 <= k + step < len(tokens) \
                and _tag(tokens[k + step]) in _NOUN_TAGS:
            k += step
        else:
            break
    if not ends or not nouns:
        return None
    first, last = (ends[-1], j) if step == -1 else (j, ends[-1])
    if all(tokens[x].form in _STOP or _tag(tokens[x]) not in _NOUN_TAGS for x in range(first, last + 1)):
        return None
    if first + 1 < last and tokens[first].form in _QUOTES and tokens[last].form in _QUOTES:
        first, last = first + 1, last - 1
    return first, last


def _unbalanced(word: str) -> int:
    """Closing brackets in ``word`` without their opening one (positive), or opening ones left open
    (negative)."""
    return sum(word.count(c) for c in ")]}」』") - sum(word.count(c) for c in "([{「『")


def _made(tokens: list, j: int) -> tuple[int, int] | None:
    """The noun phrase a clause ending at token ``j`` (an adnominal ending) makes the number: 목표로 했던 5만장,
    목표로 삼은 20만장 -> 목표; None for another clause."""
    k = j - 1
    while k >= 0 and _tag(tokens[k]) == "EP":
        k -= 1
    if k < 1 or _tag(tokens[k]) != "VV" or _tag(tokens[k - 1]) != "JKB" or tokens[k - 1].form not in ("로", "으로"):
        return None
    return _run(tokens, k - 2, -1)


def _clipped(text: str, start: int, end: int, keep_end: bool) -> tuple[int, int]:
    """At most ``_MAX_WORDS`` words of ``text[start:end]``: the last ones (``keep_end``) or the first."""
    words = [w for w in re.finditer(r"\S+", text[start:end])]
    if len(words) > _MAX_WORDS:
        words = words[-_MAX_WORDS:] if keep_end else words[:_MAX_WORDS]
    while len(words) > 1 and words[0][0] in _JOINERS:
        words = words[1:]
    # no bracket whose partner is outside the label (a byline's "기자]"), no word at its edge that says when
    closed = [i for i in range(len(words) - 1) if _unbalanced(" ".join(w[0] for w in words[:i + 1])) > 0]
    words = words[closed[-1] + 1:] if closed else words
    opened = [i for i in range(1, len(words)) if _unbalanced(" ".join(w[0] for w in words[i:])) < 0]
    words = words[:opened[0]] if opened else words
    while len(words) > 1 and words[0][0] in _STOP:
        words = words[1:]
    while len(words) > 1 and words[-1][0] in _STOP:
        words = words[:-1]
    if keep_end:  # the phrase after a word that says when or on what condition (분석 결과 남성 -> 남성)
        cut = [i for i in range(len(words) - 1) if words[i][0] in _STOP]
        words = words[cut[-1] + 1:] if cut else words
    if keep_end:  # a word the analyser read with its particle (엔비디아와 GPU): the phrase starts after it
        while len(words) > 1 and _JOINED_RE.search(words[0][0]):
            words = words[1:]
    return start + words[0].start(), start + words[-1].end()


def _korean(text: str, line: tuple[int, int], numbers: Sequence[NumberCandidate],
            others: Sequence[NumberCandidate]) -> Iterator[tuple[str, int, int, str]]:
    """``(figure id, start, end, how)`` for the numbers of one Korean line."""
    base = line[0]
    tokens = kiwi().tokenize(text[line[0]:line[1]])
    starts = [base + t.start for t in tokens]
    ends = [base + t.start + t.len for t in tokens]
    first_label: dict[int, tuple[int, int]] = {}
    """For a number ending at a token: the span of its first label (a list's later items take it: GPU 1만장,
    2028년 5만장 -> GPU)."""
    times = [(t.start, t.end) for t in others if t.is_time and line[0] <= t.start < line[1]]
    for n in numbers:
        inside = [k for k in range(len(tokens)) if starts[k] < n.end and n.start < ends[k]]
        if not inside or _rank(tokens, starts, ends, inside[0], inside[-1]):
            continue
        i0, i1 = inside[0], inside[-1]
        found = [x for x in _around(tokens, starts, ends, text, n, i0, i1, times, first_label)
                 if _whole_words(tokens, starts, text, x[1], x[2], line)]
        if found:
            first_label[i1] = found[0][1:3]
        yield from found


def _rank(tokens: list, starts: list[int], ends: list[int], i0: int, i1: int) -> bool:
    """Whether the number of tokens ``i0`` to ``i1`` is an ordinal or a rank, not a count: 두 번째, 4차, 21세기,
    1위, 제1 저자, and 3대 강국 (the analyser reads the rank's 대 as a noun, the counter of 1200대 as a bound
    noun)."""
    last = tokens[i1]
    if last.form == "대" and _tag(last) == "NNG" or last.form in _RANKS and _tag(last) not in ("SN", "NR"):
        return True
    glued_after = i1 + 1 < len(tokens) and starts[i1 + 1] == ends[i1] and tokens[i1 + 1].form in _RANKS
    glued_before = i0 >= 1 and ends[i0 - 1] == starts[i0] and tokens[i0 - 1].form == "제"
    return glued_after or glued_before


def _whole_words(tokens: list, starts: list[int], text: str, start: int, end: int, line: tuple[int, int]) -> bool:
    """Whether ``text[start:end]`` starts where a word starts and ends where a word ends or where only its
    particles and endings follow (공공 부문에 -> 공공 부문; not 인 of 7인, nor 째 of 두 번째)."""
    if start > line[0] and text[start - 1].isalnum():
        return False
    if end >= line[1] or not text[end].isalnum():
        return True
    word_end = next((m.start() for m in re.finditer(r"\s", text[end:line[1]])), line[1] - end) + end
    rest = [k for k in range(len(tokens)) if end <= starts[k] < word_end]
    return bool(rest) and starts[rest[0]] == end and all(_tag(tokens[k]).startswith(_FUNCTIONAL) for k in rest)


def _after(tokens: list, i1: int) -> int:
    """The first token after the number ending at token ``i1``, over 이상, 가량, 미만 and the like."""
    k = i1 + 1
    while k < len(tokens) and tokens[k].form in _SKIP_AFTER:
        k += 1
    return k


def _spent_on(tokens: list, k: int) -> tuple[int, int] | None:
    """What an amount is spent on: 1000억원을 들여 슈퍼컴퓨터를 (``k`` is the token after the amount's 을) ->
    슈퍼컴퓨터; None when no verb of spending follows."""
    if k < len(tokens) and tokens[k].form in ("들이", "쓰") and _tag(tokens[k]) == "VV":
        k += 1
    elif k + 1 < len(tokens) and tokens[k].form in ("투입", "투자") and _tag(tokens[k + 1]) == "XSV":
        k += 2
    else:
        return None
    while k < len(tokens) and _tag(tokens[k]) in ("EP", "EC"):
        k += 1
    run = _run(tokens, k, 1) if k < len(tokens) else None
    return run if run is not None and run[1] + 1 < len(tokens) and _tag(tokens[run[1] + 1]) == "JKO" else None


def _around(tokens: list, starts: list[int], ends: list[int], text: str, n: NumberCandidate, i0: int, i1: int,
            times: list[tuple[int, int]], first_label: dict[int, tuple[int, int]]):
    """The labels of the number ``n`` (tokens ``i0`` to ``i1`` of its line), best first."""
    def span(run: tuple[int, int] | None, how: str, fid: str = n.id) -> Iterator[tuple[str, int, int, str]]:
        if run is not None:
            a, b = _clipped(text, starts[run[0]], ends[run[1]], keep_end=how in ("before", "to", "as", "subject"))
            yield fid, a, b, how

    def followed_by(run: tuple[int, int] | None, forms: frozenset[str] | tuple[str, ...]) -> bool:
        return run is not None and run[1] + 1 < len(tokens) and tokens[run[1] + 1].form in forms

    before = False
    j = i0 - 1
    while j >= 0 and (tokens[j].form in _SKIP_BEFORE or any(a <= starts[j] < b for a, b in times)):
        j -= 1
    listed = j - 1 if j >= 1 and tokens[j].form == "," else None
    if listed is not None and listed in first_label:
        a, b = first_label[listed]
        yield n.id, a, b, "list"
    if j >= 0 and _tag(tokens[j]) == "JKO":
        run = _run(tokens, j - 1, -1)
        before = run is not None
        yield from span(run, "before")
    elif j >= 0 and _tag(tokens[j]) == "JKB" and tokens[j].form in _TO_FORMS:
        yield from span(_run(tokens, j - 1, -1), "to")
    elif j >= 0 and _tag(tokens[j]) == "ETM":
        yield from span(_made(tokens, j), "as")
    elif j >= 0:
        run = _run(tokens, j, -1)
        before = run is not None
        yield from span(run, "before")
    k = _after(tokens, i1)
    after = None
    if k < len(tokens) and _tag(tokens[k]) == "JKG":
        yield from span(_run(tokens, k + 1, 1), "of")
    elif k < len(tokens) and _tag(tokens[k]) == "JKO":
        run = _run(tokens, k + 1, 1)
        if followed_by(run, ("에", "에게")):  # 약 5만장을 공공 부문에 (not 26만 장을 공급키로)
            yield from span(run, "to")
        yield from span(_spent_on(tokens, k + 1), "for")
    elif k < len(tokens) and _tag(tokens[k]) in ("JX", "JKS") and tokens[k].form in ("은", "는", "이", "가"):
        run = _run(tokens, k + 1, 1)  # 약 800대는 시내버스, 400대는 마을버스에 배치된다
        if run is not None and _placed(tokens, run[1] + 1):
            yield from span(run, "to")
    elif k < len(tokens):
        if tokens[k].form in _WORTH and k + 1 < len(tokens) and _tag(tokens[k + 1]) in _NOUN_TAGS:
            k += 1  # 14조 원 규모 최첨단 GPU: the amount is what the GPUs are worth
        after = _run(tokens, k, 1)
        if before and n.unit not in (None, *MONEY_OR_SHARE):
            pass  # GPU 26만개 공급: a noun and its count, then what is done with them
        elif after is not None and not (after[1] + 1 < len(tokens) and _tag(tokens[after[1] + 1]) in ("XSV", "XSA")):
            yield from span(after, "after")  # not a verb's noun (26만장 확보했다)
        else:
            after = None
    if _measures_subject(tokens, k, after) and not before:
        for s in range(i0 - 1, 0, -1):
            if _tag(tokens[s]) in ("JX", "JKS") and tokens[s].form in ("은", "는", "이", "가"):
                yield from span(_run(tokens, s - 1, -1), "subject")
                break
            if _tag(tokens[s]) in ("EF", "SF", "EC", "ETM"):
                break


def _placed(tokens: list, k: int) -> bool:
    """Whether token ``k``, after a noun phrase that follows a number's topic (약 800대는 시내버스), says the
    number goes there: 에 or 로 and a verb (마을버스에 배치된다; not 1명은 심장에 무리가), or a comma and the
    next number of a list (시내버스, 400대는)."""
    if k + 1 >= len(tokens):
        return False
    if tokens[k].form == ",":
        return _tag(tokens[k + 1]) in ("SN", "MM")
    verb = _tag(tokens[k + 1]) in ("VV", "VA") or k + 2 < len(tokens) and _tag(tokens[k + 1]) == "NNG" \
        and _tag(tokens[k + 2]) in ("XSV", "XSA")
    return _tag(tokens[k]) == "JKB" and tokens[k].form in _TO_FORMS and verb


def _measures_subject(tokens: list, k: int, after: tuple[int, int] | None) -> bool:
    """Whether the clause's subject may be what the number measures (무게는 25mg 미만으로, 환자는 65만명에
    달한다), ``k`` being the token after the number: not when the number is an object (정부는 5만장을), a
    possessor (5만장의 다섯 배), an item of a list, of a noun after it (4만여 개 유전자를) or of a verb (26만 장
    확보했다): then the subject is who does it. (Nor when a noun right before the number says what it counts,
    기본요금을 150원 올린다: the caller's.)"""
    if after is not None:
        return False
    if k >= len(tokens):
        return True
    if _tag(tokens[k]) in ("JKO", "JKG") or tokens[k].form == ",":
        return False
    return not (_tag(tokens[k]) == "NNG" and k + 1 < len(tokens) and _tag(tokens[k + 1]) in ("XSV", "XSA"))


def _good(text: str, start: int, end: int, persons: frozenset[str]) -> bool:
    words = text[start:end].split()
    label = text[start:end]
    return (0 < len(words) <= _MAX_WORDS and len(label) <= _MAX_CHARS and not any(c.isdigit() for c in label)
            and label not in persons and "\n" not in label and sum(c.isalnum() for c in label) > 1)


def _in_furniture(spans: Sequence[tuple[int, int, str]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e, _ in spans)


def find_labels(src: Source, numbers: Sequence[NumberCandidate]) -> tuple[LabelCandidate, ...]:
    """Label candidates for every number that is not a date, a duration or an ordinal, each number's best
    first."""
    text = src.text
    figures = [n for n in numbers if not n.is_time]
    persons = frozenset(w for p in people(src) for w in (p.name, *p.name.split()))
    actors = frozenset(name for name, _, _ in named_things(src)) | persons
    page = furniture(src)
    if language_of(text) == "ko":
        found: list[tuple[str, int, int, str]] = []
        by_line: dict[tuple[int, int], list[NumberCandidate]] = {}
        for n in figures:
            by_line.setdefault(_line(text, n.start), []).append(n)
        for line, group in by_line.items():
            found += _korean(text, line, group, numbers)
    else:
        found = list(english_labels(text, figures))
    out: list[LabelCandidate] = []
    seen: dict[str, set[str]] = {}
    for fid, start, end, how in found:
        taken = seen.setdefault(fid, set())
        label = text[start:end]
        if label in taken or not _good(text, start, end, persons) or len(taken) >= len(_LETTERS) \
                or _in_furniture(page, start, end) or how == "subject" and label in actors:
            continue
        out.append(LabelCandidate(f"{fid}{_LETTERS[len(taken)]}", fid, label, start, end, how))
        taken.add(label)
    order = {n.id: i for i, n in enumerate(figures)}
    return tuple(sorted(out, key=lambda c: (order[c.figure], c.id)))
