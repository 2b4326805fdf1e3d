"""What code finds in an article for a model to pick from: quotations, numbers and names.

``trust.candidates.find_candidates`` fills these in; a grounded answer
(``contract.grounded``) picks them by id or by name, and code builds the
summary from the picks, so that every quotation and number in it is the
article's own. Every offset indexes the whole article, also when it is read in
windows; ids are unique in the article.

Pure data: nothing here imports anything else of summarizer's but the
contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Literal

from .summary import Qualifier

__all__ = ["Candidates", "NameCandidate", "NameKind", "NumberCandidate", "QuoteCandidate"]

NameKind = Literal["person", "organisation", "place"]


@dataclass(frozen=True)
class QuoteCandidate:
    """A passage the article puts between quote marks ("…", “…”, '…', ‘…’, 「…」, 『…』)."""

    id: str
    """ "q3"; a sentence of a longer quotation adds a letter: "q3a", "q3b"."""
    text: str
    """The passage exactly as written, without its marks: ``article[start:end]``."""
    start: int
    end: int
    speaker: str | None
    """The person the article gives it to (their fullest name), or None when it names no one."""
    speaker_role: str | None
    how: str | None
    """How the speaker is tied to it: "cue" (a speech verb), "carried" (그는, 이어, he...), "preceding"."""
    cue: str | None
    """The cue verb as written (말했다, 밝혔다, said...), if there is one."""
    cue_span: tuple[int, int] | None
    parent: str | None = None
    """For one sentence of a longer quotation: the id of the whole quotation."""
    sentences: tuple[str, ...] = ()
    """For a longer quotation: the ids of its sentences, in order."""


@dataclass(frozen=True)
class NumberCandidate:
    """A quantity the number parser finds in the article (``trust.numbers.find_quantities``)."""

    id: str
    """ "f7"."""
    text: str
    """As written, with its counter or currency: ``article[start:end]`` ("26만장", "$14bn")."""
    start: int
    end: int
    value: Decimal
    unit: str | None
    qualifier: Qualifier
    """What the words around it say: 약 → approx, 이상 → at_least..."""
    is_time: bool
    """A date or a duration (2025년, 31일, 3개월): offered to the free text, not as a figure."""


@dataclass(frozen=True)
class NameCandidate:
    """A person, organisation or place, as the article writes it."""

    name: str
    kind: NameKind
    role: str | None = None
    """A person's title or role, as the article gives it."""
    mentions: tuple[tuple[int, int], ...] = ()
    """Where the article names them (short forms included for people)."""


@dataclass(frozen=True)
class Candidates:
    """Everything a grounded answer may pick from in one article."""

    quotes: tuple[QuoteCandidate, ...] = ()
    numbers: tuple[NumberCandidate, ...] = ()
    names: tuple[NameCandidate, ...] = ()
    furniture: tuple[tuple[int, int, str], ...] = field(default=())
    """Page furniture (bylines, captions, other stories' headlines...), left out of the candidates:
    ``(start, end, kind)``."""

    @cached_property
    def _quotes_by_id(self) -> dict[str, QuoteCandidate]:
        return {q.id: q for q in self.quotes}

    @cached_property
    def _numbers_by_id(self) -> dict[str, NumberCandidate]:
        return {n.id: n for n in self.numbers}

    @cached_property
    def _names_by_name(self) -> dict[str, NameCandidate]:
        return {n.name: n for n in self.names}

    def quote(self, id: str) -> QuoteCandidate | None:
        return self._quotes_by_id.get(id)

    def number(self, id: str) -> NumberCandidate | None:
        return self._numbers_by_id.get(id)

    def name(self, name: str) -> NameCandidate | None:
        return self._names_by_name.get(name)

    @property
    def figures(self) -> tuple[NumberCandidate, ...]:
        """The numbers a summary may carry as figures: every one but dates and durations."""
        return tuple(n for n in self.numbers if not n.is_time)
