"""English label candidates: the words of the article that say what a number counts, without a tagger.

``english_labels(text, numbers)`` gives, for each number, ``after`` (260,000 chips, 3,000 jobs: whole words,
each one space after the last, to the first plural noun, with no word that says when at the end) and ``of``
(a rise of 12%, a budget of $5bn -> rise, budget). A word before a number is not offered: it is a verb or an
adverb ("lost $5 billion", "at least £10million") or a name the number is part of ("Furious 7"). An ordinal
(15th, the 90th minute) gets none, and a word joined to the number (two-year, 16-year-old, 3pm) is not one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ...contract.grounded import NumberCandidate
from ..words.english import FUNCTION_WORDS

__all__ = ["english_labels"]

_MAX_WORDS = 3
_EN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_EN_TIME = frozenset("last next this past coming year years month months week weeks day days ago earlier later "
                     "today yesterday tomorrow".split())
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve twenty hundred thousand "
                          "million billion trillion dozen dozens".split())


def _line(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def english_labels(text: str, numbers: Sequence[NumberCandidate]) -> Iterator[tuple[str, int, int, str]]:
    """``(figure id, start, end, how)`` for each of ``numbers``, best first."""
    for n in numbers:
        line = _line(text, n.start)
        if re.match(r"(?:st|nd|rd|th)\b", text[n.end:line[1]], re.IGNORECASE):
            continue  # an ordinal (15th birthday, the 90th minute), not a count
        after = list(_EN_WORD_RE.finditer(text, n.end, line[1]))
        words = []
        for m in after[:_MAX_WORDS]:  # each one space after the last: not "-year diet" of "two-year diet"
            if m.start() != (words[-1].end() if words else n.end) + 1 or text[m.start() - 1] != " " \
                    or m[0].lower() in FUNCTION_WORDS or m[0].lower() in _NUMBER_WORDS:
                break
            words.append(m)
        while words and words[-1][0].lower() in _EN_TIME:
            words.pop()  # two cane corsos last July -> cane corsos
        plural = next((i for i, m in enumerate(words) if _plural(m[0])), None)
        words = words[:plural + 1] if plural is not None else words  # documents identified four -> documents
        if words:
            yield n.id, words[0].start(), words[-1].end(), "after"
        before = list(_EN_WORD_RE.finditer(text, max(line[0], n.start - 60), n.start))
        if len(before) >= 2 and before[-1][0].lower() == "of" and before[-1].end() + 1 >= n.start - 1:
            head = [m for m in before[-3:-1] if m[0].lower() not in FUNCTION_WORDS | _NUMBER_WORDS]
            if head and head[-1] is before[-2]:
                yield n.id, head[0].start(), head[-1].end(), "of"


def _plural(word: str) -> bool:
    """A lower-case word that reads as a plural noun (chips, documents; not class, status)."""
    return word.islower() and len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
