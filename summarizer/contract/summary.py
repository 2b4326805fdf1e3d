"""The output contract: what a summary of one article is.

These models are the response model sent to the chat model and the shape of
every result we write. ``schemas/article_summary.schema.json`` is generated
from them (``python -m summarizer.contract.json_schema``) and a test keeps the
two in step.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

__all__ = ["ArticleSummary", "Event", "FiniteNumber", "Figure", "Qualifier", "Quote"]

Qualifier = Literal["exact", "approx", "at_least", "more_than", "at_most", "less_than"]
"""What the words around a number say about it: 약 26만 is approx, 26만 이상 at_least."""


def _json_number(value: Any) -> Any:
    """Refuse what pydantic would otherwise read as a number: true (as 1), and strings ("260_000", " 260000 ",
    "2.6e5")."""
    if isinstance(value, (bool, str)):
        raise PydanticCustomError("number_type", "must be a JSON number, not {value}",
                                  {"value": json.dumps(value, ensure_ascii=False)})
    return value


FiniteNumber = Annotated[int | float, BeforeValidator(_json_number), Field(allow_inf_nan=False),
                         WithJsonSchema({"type": "number"})]
"""A JSON number (not true, not a string that reads as one) that is finite (NaN and ±Infinity are refused)
and, when it is an integer, exact: 260000000000000000000001 keeps every digit, where a float would keep 17.
The schema says "number"."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Figure(_Model):
    """A number the article states, pinned to how the article writes it."""

    id: str = Field(description='Unique within the summary, e.g. "f1".')
    label: str = Field(description="What is counted or measured.")
    value: FiniteNumber = Field(description='The normalised value: "26만 개" gives 260000.')
    unit: str | None = Field(
        default=None, description="Counter as written (개, 장, %), or the currency in any spelling: $, 달러 and USD are one "
        "currency, and code writes its sign ($, €, 원). Null if none."
    )
    text: str = Field(description='The number exactly as written in the article, e.g. "26만 개".')
    qualifier: Qualifier = Field(
        default="exact",
        description="approx for 약/가량/about, at_least for 이상/at least, more_than for 넘는/over, "
        "at_most for 이하/up to, less_than for 미만/under; exact otherwise.",
    )
    part_of: str | None = Field(
        default=None, description="The id of the total this figure is a part of, or null."
    )


class Event(_Model):
    """Something that happened, as the article reports it."""

    description: str = Field(description="One sentence, in the article's language.")
    actors: list[str] = Field(default_factory=list, description="Who acted, named as in the article.")
    date: str | None = Field(
        default=None, description="ISO 8601 (2025-10-31, or 2025-10) where the article lets you resolve it."
    )
    location: str | None = Field(default=None, description="Where, named as in the article.")
    figure_ids: list[str] = Field(default_factory=list, description="Ids of the figures this event involves.")


class Quote(_Model):
    """A quotation, verbatim."""

    text: str = Field(description="The quoted words exactly as in the article, without the enclosing quote marks.")
    speaker: str = Field(description="Who said it, named as in the article.")
    speaker_role: str | None = Field(default=None, description="The speaker's title or role, if the article gives one.")


class ArticleSummary(_Model):
    """A structured summary of one news article."""

    headline: str = Field(description="A short headline in the article's language.")
    summary: str = Field(description="A few sentences in the article's language. Every number must be in the article.")
    events: list[Event] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
