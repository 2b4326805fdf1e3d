"""What a grounded answer may pick from: the article's quotations, numbers and names.

``find_candidates(text)`` reads them with deterministic code, leaving page
furniture out (bylines, captions, other stories' headlines, tickers, share
buttons, comment boxes: ``furniture``):

- quotations (``quotations``): every passage between quote marks, with
  the speaker the article gives it and the cue verb; longer ones also
  sentence by sentence;
- numbers: every quantity the number parser finds (``numbers.find_quantities``,
  the parser the checks use), with its value, unit and qualifier;
- names (``names``): people, organisations and places.

Ids are unique in the article (q1, q1a, f1...) and every offset indexes the
whole article, so windows of a long article share one set of candidates.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...contract.grounded import Candidates, NumberCandidate
from ..article.furniture import furniture, is_furniture
from ..article.source import Source
from ..numbers.quantities import find_quantities
from .names import find_names
from .quotations import find_quotes

__all__ = ["find_candidates", "latin_words", "number_forms", "opening_text"]


@lru_cache(maxsize=32)
def find_candidates(text: str) -> Candidates:
    """The candidates of the article ``text`` (memoised: re-asks and windows share them)."""
    src = Source.of(text)
    numbers = []
    for q in src.quantities:
        if is_furniture(src, q.start, q.end):
            continue
        numbers.append(NumberCandidate(f"f{len(numbers) + 1}", q.text, q.start, q.end, q.value, q.unit, q.qualifier,
                                       q.is_time))
    return Candidates(quotes=tuple(find_quotes(src)), numbers=tuple(numbers), names=tuple(find_names(src)),
                      furniture=tuple(furniture(src)))


def number_forms(numbers: tuple[NumberCandidate, ...] | list[NumberCandidate]) -> tuple[str, ...]:
    """How free text may write these numbers: each as the article writes it (26만장) and without its
    counter (26만), kept only where the number parser the checks use reads that form, alone, as the
    same value. Longest first."""
    forms: set[str] = set()
    for n in numbers:
        core = n.text[: len(n.text) - len(n.unit)].rstrip() if n.unit and n.text.endswith(n.unit) else n.text
        for form in (n.text, core):
            found = find_quantities(form)
            if len(found) == 1 and (found[0].start, found[0].end, found[0].value) == (0, len(form), n.value):
                forms.add(form)
    return tuple(sorted(forms, key=lambda f: (-len(f), f)))


_SENTENCE_END_RE = re.compile(r"[.!?](?=\s)|다\.")


def opening_text(text: str, chars: int, start: int = 0, end: int | None = None) -> str:
    """The article's opening lines from ``start``, page furniture left out, cut at a sentence end within
    ``chars`` characters (or at ``chars``): what a request shows when it does not show the whole article."""
    src = Source.of(text)
    end = len(text) if end is None else end
    out: list[str] = []
    size = 0
    pos = start
    for s, e, _ in [*furniture(src), (end, end, "")]:
        if e <= pos:
            continue
        for line in text[pos:min(s, end)].splitlines():
            line = " ".join(line.split())
            if not line:
                continue
            if size + len(line) > chars:
                room = line[: chars - size]
                cut = max((m.end() for m in _SENTENCE_END_RE.finditer(room)), default=0)
                if cut or not out:
                    out.append(room[:cut] if cut else room)
                return "\n".join(out)
            out.append(line)
            size += len(line) + 1
        pos = max(pos, e)
        if pos >= end:
            break
    return "\n".join(out)


_LATIN_RE = re.compile(r"[A-Za-z]+")
_HANGUL_RE = re.compile(r"[\uac00-\ud7a3]")


def latin_words(text: str) -> tuple[str, ...] | None:
    """The runs of Latin letters an article written mostly in another script uses (AI, GPU, APEC), longest
    first; None for an article mostly in Latin script. Free text about such an article may use these and no
    other Latin words: a small model otherwise copies its English instructions into the summary."""
    latin = sum(len(m) for m in _LATIN_RE.findall(text))
    if latin >= len(_HANGUL_RE.findall(text)):
        return None
    return tuple(sorted(set(_LATIN_RE.findall(text)), key=lambda w: (-len(w), w)))
