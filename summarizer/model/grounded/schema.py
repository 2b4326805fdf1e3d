"""The grounded request: which candidates one request offers, and the answer's shape for them.

An ``Offer`` is the part of an article's candidates one request puts before
the model. ``response_model(offer)`` is the ``GroundedAnswer`` shape with every
id and name an enumeration of the offer's (JSON Schema ``enum``s, each defined
once under ``$defs``), strict enough for OpenAI's structured outputs: every
field required, no other properties, lists bounded. instructor
sends it as the tool (or ``response_format``) schema, and validates the answer
against it, so an id that was not offered comes back as an invalid answer to
re-ask, whatever the endpoint enforces.

OpenAI's structured outputs take at most ``MAX_ENUM_VALUES`` enum values in
one schema, and at most ``MAX_LONG_ENUM_CHARS`` characters for one enum of
more than ``LONG_ENUM`` values; ``enum_size(offer)`` counts them (an enum
used in three places counts three times, in case the provider expands
``$ref``), and the pipeline offers fewer candidates when they do not fit.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from ...contract.grounded import GroundedAnswer, NameCandidate, NumberCandidate, QuoteCandidate

__all__ = ["ISO_DATE", "LIMITS", "Limits", "MAX_ENUM_VALUES", "MAX_LONG_ENUM_CHARS", "Offer", "enum_size", "fits_endpoint",
           "response_model", "to_answer"]

ISO_DATE = r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$"
"""An ISO 8601 date as the checks accept it: 2025, 2025-10 or 2025-10-31."""
MAX_ENUM_VALUES = 1000
LONG_ENUM = 250
MAX_LONG_ENUM_CHARS = 15_000


@dataclass(frozen=True)
class Limits:
    """How much one grounded answer may hold (the grammar and the schema both bound it)."""

    figures: int = 6
    quotes: int = 4
    events: int = 3
    actors: int = 3
    event_figures: int = 4
    headline_tokens: int = 32
    summary_tokens: int = 80
    label_tokens: int = 16
    description_tokens: int = 48
    """The embedded model's grammar bounds each stretch of free text between two numbers to this many tokens
    (a small model can run on and on); an endpoint's answer is bounded by max_tokens alone."""


LIMITS = Limits()


@dataclass(frozen=True)
class Offer:
    """The candidates one request offers, and the article text it shows beside them."""

    quotes: tuple[QuoteCandidate, ...] = ()
    figures: tuple[NumberCandidate, ...] = ()
    names: tuple[NameCandidate, ...] = ()
    number_forms: tuple[str, ...] = ()
    """How free text may write numbers: the article's own forms (``trust.grounded.candidates.number_forms``)."""
    years: tuple[int, ...] = ()
    """Years a date may name."""
    months: tuple[int, ...] = ()
    days: tuple[int, ...] = ()
    """Months and days a date may name (the article's: 10월, 31일)."""
    latin_words: tuple[str, ...] | None = None
    """For an article mostly in another script: the only Latin words its free text may use
    (``trust.grounded.candidates.latin_words``); None: any."""
    context: str = ""
    """The article text shown: its opening lines for the embedded model, the whole article for an endpoint."""
    limits: Limits = field(default_factory=Limits)

    @property
    def quote_ids(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.quotes)

    @property
    def figure_ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.figures)

    @property
    def name_values(self) -> tuple[str, ...]:
        return tuple(n.name for n in self.names)


def enum_size(offer: Offer) -> tuple[int, int]:
    """(enum values in the schema, counting every place each enum is used; characters of the longest
    enum of more than ``LONG_ENUM`` values, else 0)."""
    quotes, figures, names = offer.quote_ids, offer.figure_ids, offer.name_values
    values = len(quotes) + 3 * len(figures) + 3 * len(names)  # figure: id, part_of, event ids; name: 3 places
    long = max((sum(map(len, e)) for e in (quotes, figures, names) if len(e) > LONG_ENUM), default=0)
    return values, long


def fits_endpoint(offer: Offer) -> bool:
    """Whether the offer's schema is within OpenAI's structured-output limits."""
    values, long = enum_size(offer)
    return values <= MAX_ENUM_VALUES and long <= MAX_LONG_ENUM_CHARS


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _choice(name: str, values: tuple[str, ...]) -> Any:
    """A string enum of ``values`` (defined once in the schema), or a string no list may hold when empty."""
    if not values:
        return None
    return enum.Enum(name, [(f"v{i}", v) for i, v in enumerate(values)], type=str)


def _list(item: Any, most: int) -> Any:
    return Annotated[list[item], Field(max_length=most if item is not None else 0)]


@lru_cache(maxsize=16)
def _model(quotes: tuple[str, ...], figures: tuple[str, ...], names: tuple[str, ...], limits: Limits):
    quote_id, figure_id, name = _choice("QuoteId", quotes), _choice("FigureId", figures), _choice("Name", names)
    picked_figure = create_model("PickedFigure", __base__=_Strict, id=(figure_id or str, ...),
                                 label=(str, ...), part_of=(figure_id | None if figure_id
                                                                                  else None, ...))
    picked_quote = create_model("PickedQuote", __base__=_Strict, id=(quote_id or str, ...),
                                speaker=(name or str, ...))
    event = create_model("GroundedEvent", __base__=_Strict, description=(str, ...),
                         actors=(_list(name, limits.actors), ...),
                         date=(Annotated[str, Field(pattern=ISO_DATE)] | None, ...),
                         location=(name | None if name else None, ...),
                         figure_ids=(_list(figure_id, limits.event_figures), ...))
    return create_model(
        "GroundedAnswer", __base__=_Strict, __doc__=GroundedAnswer.__doc__,
        headline=(str, ...),
        figures=(_list(picked_figure if figure_id else None, limits.figures), ...),
        quotes=(_list(picked_quote if quote_id else None, limits.quotes), ...),
        summary=(str, ...),
        events=(_list(event, limits.events), ...),
    )


def response_model(offer: Offer) -> type[BaseModel]:
    """The answer's shape for ``offer``: ``GroundedAnswer`` with the offer's ids and names as enums."""
    return _model(offer.quote_ids, offer.figure_ids, offer.name_values, offer.limits)


def to_answer(parsed: BaseModel) -> GroundedAnswer:
    """The contract's ``GroundedAnswer`` from an answer in ``response_model``'s shape."""
    return GroundedAnswer.model_validate(parsed.model_dump(mode="json"))
