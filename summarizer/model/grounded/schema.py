"""The grounded request: which candidates one request offers, and the answer's shape for them.

An ``Offer`` is the part of an article's candidates one request puts before
the model, and which picks it asks for (``Asks``): the embedded model is
asked only for what it was measured to add (``pipeline.grounded.kind``), an
endpoint for all of them. ``response_model(offer)`` is the ``GroundedAnswer``
shape with every id (sentences, numbers, labels, quotations) and name an
enumeration of the offer's (JSON Schema ``enum``s, each defined once under
``$defs``), strict enough for OpenAI's structured outputs: every field
required, no other properties, lists bounded. instructor sends it as the tool
(or ``response_format``) schema, and validates the answer against it, so an
id that was not offered comes back as an invalid answer to re-ask, whatever
the endpoint enforces.

OpenAI's structured outputs take at most ``MAX_ENUM_VALUES`` enum values in
one schema, and at most ``MAX_LONG_ENUM_CHARS`` characters for one enum of
more than ``LONG_ENUM`` values; ``enum_size(offer)`` counts them (an enum
used in two places counts twice, in case the provider expands ``$ref``), and
the pipeline offers fewer candidates when they do not fit.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from ...contract.grounded import (
    PICKS,
    GroundedAnswer,
    LabelCandidate,
    NameCandidate,
    NumberCandidate,
    QuoteCandidate,
    SentenceCandidate,
)

__all__ = ["Asks", "LIMITS", "Limits", "MAX_ENUM_VALUES", "MAX_LONG_ENUM_CHARS", "Offer", "PICKS", "enum_size",
           "fits_endpoint", "response_model", "to_answer"]

MAX_ENUM_VALUES = 1000
LONG_ENUM = 250
MAX_LONG_ENUM_CHARS = 15_000


@dataclass(frozen=True)
class Limits:
    """How many picks one grounded answer may hold (the grammar and the schema both bound it)."""

    summary: int = 3
    events: int = 3
    figures: int = 5
    quotes: int = 3


LIMITS = Limits()

@dataclass(frozen=True)
class Asks:
    """Which picks a request asks the model for; code makes the others (``trust.grounded.choose``)."""

    summary: bool = True
    events: bool = True
    figures: bool = True
    labels: bool = True
    quotes: bool = True
    part_of: bool = True
    speakers: bool = True

    @classmethod
    def only(cls, picks: tuple[str, ...] | frozenset[str]) -> Asks:
        return cls(**{p: p in picks for p in PICKS})

    @property
    def picks(self) -> tuple[str, ...]:
        return tuple(p for p in PICKS if getattr(self, p))

    @property
    def anything(self) -> bool:
        return self.summary or self.events or self.figures or self.quotes


@dataclass(frozen=True)
class Offer:
    """The candidates one request offers, what it asks the model to pick, and the article text it shows."""

    sentences: tuple[SentenceCandidate, ...] = ()
    """Best first."""
    quotes: tuple[QuoteCandidate, ...] = ()
    figures: tuple[NumberCandidate, ...] = ()
    labels: tuple[LabelCandidate, ...] = ()
    """The offered figures' labels."""
    names: tuple[NameCandidate, ...] = ()
    context: str = ""
    """The article text shown: its opening lines for the embedded model, the whole article for an endpoint."""
    limits: Limits = field(default_factory=Limits)
    asks: Asks = field(default_factory=Asks)

    @property
    def sentence_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.sentences)

    @property
    def quote_ids(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.quotes)

    @property
    def figure_ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.figures)

    @property
    def label_ids(self) -> tuple[str, ...]:
        return tuple(x.id for x in self.labels)

    @property
    def name_values(self) -> tuple[str, ...]:
        return tuple(n.name for n in self.names)

    def labels_of(self, figure: str) -> tuple[str, ...]:
        return tuple(x.id for x in self.labels if x.figure == figure)


def enum_size(offer: Offer) -> tuple[int, int]:
    """(enum values in the schema, counting every place each enum is used; characters of the longest
    enum of more than ``LONG_ENUM`` values, else 0)."""
    a = offer.asks
    sentences, quotes, figures = offer.sentence_ids, offer.quote_ids, offer.figure_ids
    labels, names = offer.label_ids, offer.name_values
    values = (a.summary + a.events) * len(sentences) + a.quotes * len(quotes)
    values += a.figures * ((1 + a.part_of) * len(figures) + a.labels * len(labels))
    values += a.quotes * a.speakers * len(names)
    long = max((sum(map(len, e)) for e in (sentences, quotes, figures, labels, names) if len(e) > LONG_ENUM),
               default=0)
    return values, long


def fits_endpoint(offer: Offer) -> bool:
    """Whether the offer's schema is within OpenAI's structured-output limits."""
    values, long = enum_size(offer)
    return values <= MAX_ENUM_VALUES and long <= MAX_LONG_ENUM_CHARS


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _choice(name: str, values: tuple[str, ...]) -> Any:
    """A string enum of ``values`` (defined once in the schema), or None when there are none."""
    if not values:
        return None
    return enum.Enum(name, [(f"v{i}", v) for i, v in enumerate(values)], type=str)


def _list(item: Any, most: int) -> Any:
    return Annotated[list[item], Field(max_length=most)]


@lru_cache(maxsize=16)
def _model(sentences: tuple[str, ...], quotes: tuple[str, ...], figures: tuple[str, ...], labels: tuple[str, ...],
           names: tuple[str, ...], limits: Limits, asks: Asks):
    sentence_id, quote_id, figure_id = _choice("SentenceId", sentences), _choice("QuoteId", quotes), \
        _choice("FigureId", figures)
    label_id, name = _choice("LabelId", labels), _choice("Name", names)
    fields: dict[str, Any] = {}
    if asks.summary and sentence_id:
        fields["summary"] = (_list(sentence_id, limits.summary), ...)
    if asks.events and sentence_id:
        fields["events"] = (_list(sentence_id, limits.events), ...)
    if asks.figures and figure_id:
        parts: dict[str, Any] = {"id": (figure_id, ...)}
        if asks.labels and label_id:
            parts["label"] = (label_id | None, ...)
        if asks.part_of:
            parts["part_of"] = (figure_id | None, ...)
        fields["figures"] = (_list(create_model("PickedFigure", __base__=_Strict, **parts), limits.figures), ...)
    if asks.quotes and quote_id:
        parts = {"id": (quote_id, ...)}
        if asks.speakers and name:
            parts["speaker"] = (name | None, ...)
        fields["quotes"] = (_list(create_model("PickedQuote", __base__=_Strict, **parts), limits.quotes), ...)
    return create_model("GroundedAnswer", __base__=_Strict, __doc__=GroundedAnswer.__doc__, **fields)


def response_model(offer: Offer) -> type[BaseModel]:
    """The answer's shape for ``offer``: the ``GroundedAnswer`` fields it asks for, with the offer's ids and
    names as enums."""
    return _model(offer.sentence_ids, offer.quote_ids, offer.figure_ids, offer.label_ids, offer.name_values,
                  offer.limits, offer.asks)


def to_answer(parsed: BaseModel) -> GroundedAnswer:
    """The contract's ``GroundedAnswer`` from an answer in ``response_model``'s shape."""
    return GroundedAnswer.model_validate(parsed.model_dump(mode="json"))
