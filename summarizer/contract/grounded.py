"""Grounded mode's types: the candidates code finds in an article, and the answer a model gives by picking them.

Candidates are what code finds for a model to pick from: quotations, numbers
and names (``trust.grounded.candidates.find_candidates`` fills them in). Every
offset indexes the whole article, also when it is read in windows; ids are
unique in the article.

A grounded answer is what a model writes when it picks from them: quotations
and numbers by candidate id, speakers, actors and places from the
candidates' names; it writes only the labels, ``part_of``, the headline, the
summary and the events. Code then builds the ``ArticleSummary``
(``trust.grounded.build.build_summary``): quotation text is copied from the
article, and a figure's value, unit and qualifier come from the number
parser. Every check then runs on that summary as on any other. Requests
constrain these fields further, per article: ids and names become
enumerations of that article's candidates (``model.grounded.schema``).

Pure data: nothing here imports anything else of summarizer's but the
contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .summary import Qualifier

__all__ = ["Candidates", "GroundedAnswer", "GroundedEvent", "NameCandidate", "NameKind", "NumberCandidate",
           "PickedFigure", "PickedQuote", "QuoteCandidate"]

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

class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PickedFigure(_Model):
    id: str = Field(description='The id of one of the article\'s numbers, e.g. "f3".')
    label: str = Field(description="What it counts or measures, in the article's language.")
    part_of: str | None = Field(None, description="The id of the figure this one is a part of, or null.")


class PickedQuote(_Model):
    id: str = Field(description='The id of one of the article\'s quotations, e.g. "q2" (or one sentence: "q2a").')
    speaker: str = Field(description="Who said it: one of the article's names.")


class GroundedEvent(_Model):
    description: str = Field(description="One sentence, in the article's language.")
    actors: list[str] = Field(default_factory=list, description="Who acted: the article's names.")
    date: str | None = Field(None, description="ISO 8601 (2025-10-31, 2025-10 or 2025), or null.")
    location: str | None = Field(None, description="Where: one of the article's names, or null.")
    figure_ids: list[str] = Field(default_factory=list, description="Ids of the picked figures it involves.")


class GroundedAnswer(_Model):
    """A summary by picks. Field order is the order a model writes them in."""

    headline: str = Field(description="A short headline in the article's language.")
    figures: list[PickedFigure] = Field(default_factory=list)
    quotes: list[PickedQuote] = Field(default_factory=list)
    summary: str = Field(description="Two or three sentences in the article's language, with only its numbers.")
    events: list[GroundedEvent] = Field(default_factory=list)
