"""What summarizing one article gives back."""

from __future__ import annotations

from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .report import Report, Status
from .summary import ArticleSummary

__all__ = ["STATUSES", "Attempt", "FailureKind", "Result", "ResultStatus", "Usage"]

ResultStatus = Literal[Status, Literal["failed"]]
"""A checked summary's status, or ``failed`` when no usable answer came back."""
STATUSES: tuple[ResultStatus, ...] = get_args(ResultStatus)
FailureKind = Literal[
    "auth",  # 401/403: the key was refused
    "model_not_found",  # 404
    "context_length",  # the article does not fit the model
    "refusal",  # the model declined
    "truncated",  # the answer was cut off even with more room
    "invalid_response",  # the answer never fit the schema
    "unavailable",  # transient faults outlasted the retries
    "bad_request",  # any other 4xx
    "input",  # the article could not be read, or is empty
    "internal_error",  # summarizer itself failed on this article (a bug: the reason says what to report)
]


_UNKNOWN = "Null when the endpoint sent a count that is not one (1.5, -3, 1e30): unknown, not zero."


def _plus(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a + b


class Usage(BaseModel):
    """Tokens, as the endpoint counted them. A count it got wrong is unknown (null), and a sum with an unknown
    count is unknown too: the answer stands either way."""

    model_config = ConfigDict(frozen=True)

    prompt_tokens: int | None = Field(0, description=_UNKNOWN)
    completion_tokens: int | None = Field(0, description=_UNKNOWN)
    total_tokens: int | None = Field(0, description=_UNKNOWN)

    def __add__(self, other: Usage) -> Usage:
        return Usage(prompt_tokens=_plus(self.prompt_tokens, other.prompt_tokens),
                     completion_tokens=_plus(self.completion_tokens, other.completion_tokens),
                     total_tokens=_plus(self.total_tokens, other.total_tokens))

    @property
    def counted(self) -> int:
        """The total, 0 when it is unknown: for a running count of what is known."""
        return self.total_tokens or 0


class Attempt(BaseModel):
    """One answer asked of the model (its transient retries included)."""

    kind: Literal["ask", "reask", "more_room"]
    window: int = 0
    outcome: Literal[Status, Literal["truncated", "invalid", "failed"]]
    requests: int = Field(1, description="HTTP requests made, retries of transient faults included.")
    waits: list[float] = Field(default_factory=list, description="Seconds waited before each retry.")
    finish_reason: str | None = None
    errors: int = 0
    warnings: int = 0
    usage: Usage = Field(default_factory=Usage)
    seconds: float = 0.0
    note: str | None = None


class Result(BaseModel):
    """One article's outcome: the summary, its checks, and what it took."""

    status: ResultStatus
    failure: str | None = Field(None, description="Why it failed, in one line, when status is failed.")
    failure_kind: FailureKind | None = None
    summary: ArticleSummary | None = None
    report: Report | None = None
    attempts: list[Attempt] = Field(default_factory=list)
    usage: Usage = Field(default_factory=Usage, description="Summed over all attempts.")
    made_by: Literal["model", "code"] = Field(
        "model",
        description='"model": a request went to the model named in model; "code": none was sent (a grounded summary '
                    "whose every pick code made, the embedded model's default, or an article that failed before any "
                    "request), and code alone made the result. Left out (a line written before it was), it follows "
                    "model.")
    model: str | None = Field(None, description="The model the requests went to; null when none was sent (made_by "
                                                "is code).")
    base_url: str | None = Field(None, description="Where the requests went; null for the embedded model, and "
                                                   "when none was sent.")
    prompt_version: str
    windows: int = Field(1, description="How many overlapping windows the article was read in.")
    seconds: float = 0.0
    last_answer: str | None = Field(None, description="The last raw answer, when it could not be used.")

    @model_validator(mode="before")
    @classmethod
    def _maker(cls, data: Any) -> Any:
        """``made_by`` follows ``model`` when left out (a line written before it was recorded named a model); a
        result made by code names no model."""
        if isinstance(data, dict):
            if data.get("made_by") is None:
                data = {**data, "made_by": "model" if data.get("model") else "code"}
            if data["made_by"] == "code" and data.get("model"):
                raise ValueError("a result made by code alone names no model")
        return data
