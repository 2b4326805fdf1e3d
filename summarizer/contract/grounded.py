"""Grounded mode's types: the candidates code finds in an article, and the answer a model gives by picking them.

Candidates are what code finds for a model to pick from: the article's
sentences (ranked), quotations, numbers with the words each may be labelled
by, and names (``trust.grounded.candidates.find_candidates`` fills them in).
Every offset indexes the whole article, also when it is read in windows; ids
are unique in the article.

A grounded answer is what a model gives when it picks from them, by id only:
the sentences of the summary and of the events, the figures and a label for
each, the quotations. It writes no word of its own. Code then builds the
``ArticleSummary`` (``trust.grounded.build.build_summary``): every sentence,
label and quotation is copied from the article, a figure's value, unit and
qualifier come from the number parser, the headline is the article's title
(or its lead), and what a field's picks leave empty code chooses by its own
ranking (``trust.grounded.choose``). Every check then runs on that summary as
on any other. Requests constrain the ids further, per article: they become
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

__all__ = ["PICKS", "Candidates", "GroundedAnswer", "LabelCandidate", "NameCandidate", "NameKind", "NumberCandidate",
           "PickedFigure", "PickedQuote", "QuoteCandidate", "SentenceCandidate"]

NameKind = Literal["person", "organisation", "place"]

PICKS = ("summary", "events", "figures", "labels", "quotes", "part_of", "speakers")
"""What a model may be asked to pick: sentences for the summary and for the events, figures, a label for
each figure, quotations, which figure each figure is a part of, who said each quotation. Code picks what a
model is not asked for (``trust.grounded.choose``)."""


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
class SentenceCandidate:
    """A sentence of the article (page furniture cut off), or one clause of a long one, with what ranks it."""

    id: str
    """ "s4"; a clause of a longer sentence adds a letter: "s4a", "s4b"."""
    text: str
    """``article[start:end]``."""
    start: int
    end: int
    position: int
    """Its place among the article's sentences: 0 is the lead."""
    figures: tuple[str, ...] = ()
    """The ids of the number candidates it holds (dates and durations left out)."""
    names: tuple[str, ...] = ()
    """The people, organisations and places it names, as the names candidates write them."""
    centrality: float = 0.0
    """How much of the rest of the article it says: the share of its content words (weighted, 0 to 1) that
    the other sentences use too."""
    score: float = 0.0
    """Its rank (``trust.grounded.ranking``): position, centrality, figures and names together; higher first."""
    parent: str | None = None
    """For a clause: the id of its sentence."""
    clauses: tuple[str, ...] = ()
    """For a long sentence: the ids of its clauses, in order."""


@dataclass(frozen=True)
class LabelCandidate:
    """Words of the article that say what one number counts: a span near it ("GPU" in "GPU 26만장")."""

    id: str
    """The number's id and a letter, best first: "f3a", "f3b"."""
    figure: str
    """The id of the number it labels."""
    text: str
    """``article[start:end]``."""
    start: int
    end: int
    how: str
    """Where it stands: "before" (GPU 26만장), "list" (a list's head: GPU 1만장, 2028년 5만장), "to" (공공
    부문에 약 5만장), "as" (목표로 했던 5만장), "of" (26만장의 GPU), "for" (1000억원을 들여 슈퍼컴퓨터를),
    "after" (260,000 chips), "subject" (the clause's subject, where the number is what it says of it)."""


@dataclass(frozen=True)
class Candidates:
    """Everything a grounded answer may pick from in one article."""

    quotes: tuple[QuoteCandidate, ...] = ()
    numbers: tuple[NumberCandidate, ...] = ()
    names: tuple[NameCandidate, ...] = ()
    furniture: tuple[tuple[int, int, str], ...] = field(default=())
    """Page furniture (bylines, captions, other stories' headlines...), left out of the candidates:
    ``(start, end, kind)``."""
    sentences: tuple[SentenceCandidate, ...] = ()
    """The article's sentences in its order, each long one followed by its clauses."""
    labels: tuple[LabelCandidate, ...] = ()
    """For each number, the words that may label it, best first."""
    title: str | None = None
    """The article's own title line, when its text opens with one (``article[start:end]`` of ``title_span``)."""
    title_span: tuple[int, int] | None = None

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

    @cached_property
    def _sentences_by_id(self) -> dict[str, SentenceCandidate]:
        return {s.id: s for s in self.sentences}

    @cached_property
    def _labels_by_figure(self) -> dict[str, tuple[LabelCandidate, ...]]:
        out: dict[str, list[LabelCandidate]] = {}
        for label in self.labels:
            out.setdefault(label.figure, []).append(label)
        return {k: tuple(v) for k, v in out.items()}

    def name(self, name: str) -> NameCandidate | None:
        return self._names_by_name.get(name)

    def sentence(self, id: str) -> SentenceCandidate | None:
        return self._sentences_by_id.get(id)

    def labels_of(self, figure: str) -> tuple[LabelCandidate, ...]:
        """The words that may label number ``figure``, best first."""
        return self._labels_by_figure.get(figure, ())

    @property
    def figures(self) -> tuple[NumberCandidate, ...]:
        """The numbers a summary may carry as figures: every one but dates and durations."""
        return tuple(n for n in self.numbers if not n.is_time)

class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PickedFigure(_Model):
    id: str = Field(description='The id of one of the article\'s numbers, e.g. "f3".')
    label: str | None = Field(None, description='The id of one of its labels, e.g. "f3a"; null: the first.')
    part_of: str | None = Field(None, description="The id of the figure this one is a part of, or null.")


class PickedQuote(_Model):
    id: str = Field(description='The id of one of the article\'s quotations, e.g. "q2" (or one sentence: "q2a").')
    speaker: str | None = Field(None, description="Who said it, one of the article's names; null: the one the "
                                                   "article gives it to.")


class GroundedAnswer(_Model):
    """A summary by picks, by id only. A list left empty is chosen by code (``trust.grounded.choose``). Field
    order is the order a model writes them in."""

    summary: list[str] = Field(default_factory=list, description="Ids of the sentences that summarize the article.")
    events: list[str] = Field(default_factory=list, description="Ids of the sentences that tell what happened.")
    figures: list[PickedFigure] = Field(default_factory=list)
    quotes: list[PickedQuote] = Field(default_factory=list)
