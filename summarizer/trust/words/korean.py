"""Korean morphemes by kiwipiepy: particles (은, 는, 을, 에서...) and endings (했다, 하며, 된...) come off, and
what is left is the content: nouns, names, verb and adjective stems, roots, numbers, foreign words.

Latin words inside Korean text (GPUs, CEO) are lemmatized as English (gpu, ceo). The stems that carry no fact
of their own are left out, as the English function words are: 하다, 되다, 있다, 이다, and the speech verbs
(밝혔다, 말했다, 전했다, 덧붙였다, 강조했다): who said what is the quote check's business, and a summary that
writes 강조했다 for the article's 말했다 says nothing new. 없다 is a negation, like 않다 and 못.

The analyser loads once a process (about a second) and is shared; kiwipiepy's ``Kiwi.tokenize`` is
thread-safe. Tokenizing a 3 KB article takes about 20 ms of CPU.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING


from . import english

if TYPE_CHECKING:
    from kiwipiepy import Kiwi

__all__ = ["CONTENT_TAGS", "NEGATION_RE", "PARTICLES", "kiwi", "morphemes", "stems"]

CONTENT_TAGS = {
    "NNG": "noun", "NNP": "name", "NR": "number", "SN": "number", "XR": "noun", "SL": "foreign", "SH": "foreign",
    "VV": "verb", "VA": "adjective", "VCN": "negation",
}
"""Kiwi's tags (the Sejong tag set) that carry content, and the kind of word each makes. 안/못 (MAG) and
않다/못하다 (VX) are negations too; ``morphemes`` tells them apart from other adverbs and auxiliaries."""

_NEGATING = {("안", "MAG"), ("못", "MAG"), ("않", "VX"), ("못하", "VX"), ("말", "VX"), ("없", "VA")}
_FUNCTION_STEMS = frozenset("하다 되다 있다 이다 밝히다 말하다 전하다 덧붙이다".split())
_SPEECH_NOUNS = frozenset("말 강조 설명 언급 발언 답 화답".split())
"""Nouns that make a speech verb with 하다 (말했다, 강조했다, 화답했다): left out when 하다 follows."""

PARTICLES = ("에서", "으로", "이", "가", "은", "는", "을", "를", "의", "에", "도", "와", "과", "로")
"""Particles that kiwipiepy sometimes leaves on a name it does not know (부산시가 as one proper noun)."""

_PARTICLE = ("께서는|께서|에게서|에게는|에게|에서는|에서|으로서|으로|로서|로|와는|과는|와|과|은|는|이|가|을|를|의|도|만|께|에|"
             "이라며|라며|이라고|라고|이자|이며|이고|처럼|보다|부터|까지|이나|나|마다|뿐|조차|마저")
_TAIL_RE = re.compile(
    rf"(?:들)?(?:(?:{_PARTICLE}){{0,2}}"
    r"|[하했한할함해되됐된될됨돼시셨][가-힣]{0,4}"
    r"|(?:이|였|인|일|임|이었)[가-힣]{0,3}"
    r"|[다고며면서는은을던지기게도어아았었겠려자니][가-힣]{0,2})")
"""What may follow a stem inside one word: particles, or a verb's or the copula's ending (했다, 하기로, 된,
이라며, 였다). Read without the analyser: a word whose stem the article writes, followed by such a tail, needs
no analysis to be backed."""

NEGATION_RE = re.compile(r"않|못|없|아니")

_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _load() -> Kiwi:
    from kiwipiepy import Kiwi

    return Kiwi()


def kiwi() -> Kiwi:
    """The shared analyser, loaded on first use."""
    with _LOCK:  # two threads asking at once load it once
        return _load()


def morphemes(text: str) -> Iterator[tuple[str, str, str, int, int]]:
    """The content morphemes of ``text``: ``(form, lemma, kind, start, end)``, offsets into ``text``.

    ``lemma`` is the dictionary form of a verb or adjective (밝히 -> 밝히다), else the form.
    """
    tokens = kiwi().tokenize(text)
    for i, t in enumerate(tokens):
        tag = t.tag.split("-")[0]  # VV-R, VA-I: regular and irregular conjugations
        if (t.form, tag) in _NEGATING:
            kind: str | None = "negation"
        elif tag == "NNP" and len(t.form) == 1:
            kind = "noun"  # a syllable the analyser does not know (힉) is not a name
        else:
            kind = CONTENT_TAGS.get(tag)
        if kind is None:
            continue
        if tag in ("VV", "VA", "VX", "VCN"):
            lemma = t.lemma
            if lemma in _FUNCTION_STEMS and kind != "negation":
                continue
        elif tag == "SL":
            lemma = english.lemma(t.form)
        else:
            lemma = t.form
        if t.form in _SPEECH_NOUNS and i + 1 < len(tokens) and tokens[i + 1].tag == "XSV" \
                and tokens[i + 1].form == "하":
            continue
        yield t.form, lemma, kind, t.start, t.start + t.len


@lru_cache(maxsize=8192)
def stems(word: str) -> tuple[str, ...]:
    """The stems ``word`` (one Korean word, no spaces) may have, longest first: the word itself, then every
    beginning of it (two syllables or more, or one for a word of two) whose rest is a particle or an ending.
    The article decides which is right: the first it writes. (Kept for the words a batch writes again and
    again: 정부가, 밝혔다.)"""
    out = [word]
    for k in range(len(word) - 1, 0, -1):
        if (k >= 2 or len(word) <= 2) and _TAIL_RE.fullmatch(word, k):
            out.append(word[:k])
    return tuple(out)
