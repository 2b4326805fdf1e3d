"""What ``summarizer reconcile`` writes (story.json), and what its optional model step may propose.

Several outlets' reports of one event make a *story*. Within it, the figures
that measure the same thing are lined up across outlets, and so are the
quotations; each says whether the outlets agree. Every report points at its
passage: ``span`` is ``[start, end)`` into that article's ``text`` in the
results file. Only checked evidence is used: grounded figures and located
quotes of verified or flagged results.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .result import ResultStatus
from .summary import FiniteNumber, Qualifier

__all__ = [
    "Agreement", "AlignedFigure", "AlignedQuote", "Excluded", "FigurePart", "FigureRef", "FigureReport",
    "ModelStep", "OpenQuestion", "PartSumProposal", "Proposal", "Proposals", "QuoteReport", "Reconciliation",
    "SameEventProposal", "SameFigureProposal", "Story",
]

Agreement = Literal["agreed", "conflict", "single_source"]
"""agreed: two or more outlets, and one value satisfies every report (26만 and 26만 이상); conflict:
no value does (5만 and 20만 이상), or the same words are given to different speakers; single_source:
one outlet only."""
FoundBy = Literal["words", "model"]

_SPAN = "[start, end) into the article's text in the results file."


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FigurePart(_Model):
    """One part of a sum of parts, as its outlet reports it."""

    figure: str = Field(description="The figure's id in that article's summary.")
    label: str
    text: str = Field(description="The number as written in the article.")
    value: FiniteNumber
    qualifier: Qualifier
    span: tuple[int, int] = Field(description=_SPAN)


class FigureReport(_Model):
    """One outlet's report of an aligned figure: a grounded figure of its summary, or a sum of its parts."""

    article: str
    figure: str = Field(description='The figure\'s id in that article\'s summary; "f3+f4" for a sum of parts.')
    label: str = Field(description="What the outlet's summary says is counted.")
    text: str = Field(description="The number as written in the article (the parts joined by + for a sum).")
    value: FiniteNumber
    qualifier: Qualifier = Field(description="What the article's words around it say: 26만장 이상 is at_least.")
    unit: str | None = None
    span: tuple[int, int] = Field(description=_SPAN + " For a sum, the passage holding its parts.")
    parts: list[FigurePart] = Field(default_factory=list, description="For a sum of parts: each part.")


class AlignedFigure(_Model):
    """One thing measured, as each outlet reports it."""

    label: str
    unit: str | None = None
    time: str | None = Field(default=None, description="The time the figure is for, as the articles say: 2030, 올해 말.")
    agreement: Agreement
    reports: list[FigureReport]
    note: str = Field(description="Why: the values and their qualifiers, and what (if anything) satisfies them all.")
    found_by: FoundBy = Field(default="words", description="words: aligned by code alone; model: proposed by the "
                              "model step and verified by code.")


class QuoteReport(_Model):
    """One outlet's report of a quotation: a located quote of its summary."""

    article: str
    quote: int = Field(description="Index of the quote in that article's summary.")
    text: str = Field(description="The quoted words as the article writes them.")
    speaker: str = Field(description="Who the summary says said it.")
    speaker_match: Literal["attributed", "misattributed", "near", "far", "named"] = Field(
        description="How the checks found the speaker (QuoteLocation.speaker_match): the one the article gives the "
        "quote to (attributed), someone else (misattributed), or, where the article gives it to no one, named next "
        "to the quote (near) or only elsewhere (far).")
    span: tuple[int, int] = Field(description=_SPAN)


class AlignedQuote(_Model):
    """The same words in one or more outlets."""

    text: str
    agreement: Agreement = Field(description="agreed: corroborated by two or more outlets with the same speaker; "
                                 "conflict: the same words given to different speakers.")
    speakers: list[str]
    reports: list[QuoteReport]
    note: str


class OpenQuestion(_Model):
    """Something code could not decide from the words, and why."""

    kind: Literal["part_sum", "same_figure"] = Field(
        description="part_sum: which of another outlet's parts together make this figure; same_figure: whether "
        "it is the same as one figure of another outlet.")
    figure: FigureReport = Field(description="The figure the question is about.")
    candidates: list[FigurePart] = Field(description="The other outlet's figures it may be, or be made of.")
    candidates_article: str
    note: str


class Story(_Model):
    id: str = Field(description="Stable for the same set of articles.")
    articles: list[str]
    headline: str
    figures: list[AlignedFigure] = Field(default_factory=list, description="Conflicts first.")
    quotes: list[AlignedQuote] = Field(default_factory=list, description="Conflicts first.")
    open_questions: list[OpenQuestion] = Field(default_factory=list)


class Excluded(_Model):
    """A result whose evidence is not used: it was rejected by the checks."""

    article: str
    origin: str
    status: ResultStatus
    reason: str


class Proposal(_Model):
    """One proposal of the model step, and what code made of it."""

    kind: Literal["same_figure", "part_sum", "same_event"]
    story: str | None = None
    about: list[str] = Field(description="The figures (article:figure) or articles it is about.")
    accepted: bool
    reason: str = Field(description="The model's reason, then why code accepted or refused it.")


class ModelStep(_Model):
    model: str
    base_url: str | None = None
    status: Literal["used", "failed"]
    failure: str | None = None
    proposals: list[Proposal] = Field(default_factory=list)


class Reconciliation(_Model):
    """story.json: the stories, what was left out and why, and what the model step proposed."""

    stories: list[Story]
    excluded: list[Excluded] = Field(default_factory=list)
    model_step: ModelStep | None = None


# --- what the model step may answer (its response model) ---------------------


class FigureRef(_Model):
    article: str = Field(description="The article id.")
    figure: str = Field(description="The figure id in that article.")
    text: str = Field(description="The figure's text, exactly as listed.")
    value: FiniteNumber = Field(description="The figure's value, exactly as listed.")


class SameFigureProposal(_Model):
    reports: list[FigureRef] = Field(description="Figures of different articles that measure the same thing.")
    reason: str


class PartSumProposal(_Model):
    total: FigureRef = Field(description="A figure of one article that covers a group.")
    parts: list[FigureRef] = Field(description="Figures of another article that together cover the same group.")
    sum: FiniteNumber = Field(description="The sum of the parts' values.")
    arithmetic: str = Field(description='The sum written out, e.g. "50000 + 60000 = 110000".')
    reason: str


class SameEventProposal(_Model):
    articles: list[str] = Field(description="Two article ids.")
    same_event: bool
    reason: str


class Proposals(_Model):
    """The model step's answer: proposals that code verifies before any counts."""

    same_figures: list[SameFigureProposal] = Field(default_factory=list)
    part_sums: list[PartSumProposal] = Field(default_factory=list)
    same_events: list[SameEventProposal] = Field(default_factory=list)
