"""A grounded answer: what a model writes when it picks from the article's candidates.

The model picks quotations and numbers by candidate id, and speakers, actors
and places from the candidates' names; it writes only the labels, ``part_of``,
the headline, the summary and the events. Code then builds the
``ArticleSummary`` (``trust.grounded.build_summary``): quotation text is
copied from the article, and a figure's value, unit and qualifier come from
the number parser. Every check then runs on that summary as on any other.

Requests constrain these fields further, per article: ids and names become
enumerations of that article's candidates (``model.grounded``).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["GroundedAnswer", "GroundedEvent", "PickedFigure", "PickedQuote"]


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
