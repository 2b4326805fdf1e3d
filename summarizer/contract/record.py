"""The lines of the files ``summarizer run`` writes.

- ``ResultRecord``: one line of the results file: the ``Result`` of one
  article, with the article's id, origin, text (every span indexes it),
  content hash and the fingerprint of the settings that made it.
- ``RecordKey``: the part of a result line that resume reads.
- ``DeadLetter``: one line of the dead-letter file: an article that could not
  be summarized (or read), and why.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .article import Article
from .result import FailureKind, Result

__all__ = ["DeadLetter", "RecordKey", "ResultRecord"]


class RecordKey(BaseModel):
    """What makes a result line "already done": the same article, text and settings."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str
    hash: str = Field(description="content_hash of the article's text.")
    settings: str = Field(description="Settings.fingerprint() of the run that wrote it.")

    def key(self) -> tuple[str, str, str]:
        return self.id, self.hash, self.settings


class ResultRecord(Result):
    """One line of the results file."""

    id: str
    origin: str = Field(description="Where the article came from: a path, or path:line.")
    hash: str = Field(description="content_hash of the article's text.")
    settings: str = Field(description="Settings.fingerprint() of the run that wrote it.")
    title: str | None = None
    url: str | None = None
    published: str | None = None
    flags: list[str] = Field(default_factory=list, description="Problems met reading it, e.g. invalid_utf8.")
    text: str = Field(description="The article's exact text; every span indexes it.")

    @classmethod
    def of(cls, article: Article, result: Result, fingerprint: str) -> ResultRecord:
        return cls.model_construct(
            **dict(result), id=article.id, origin=article.origin, hash=article.hash, settings=fingerprint,
            title=article.title, url=article.url, published=article.published, flags=list(article.flags),
            text=article.text,
        )


class DeadLetter(BaseModel):
    """One line of the dead-letter file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    origin: str
    reason: str = Field(description="Why, in one line a person can act on.")
    failure_kind: FailureKind = Field(
        description='Why there is no result: "input" (the input could not be read), "internal_error" (summarizer '
                    "failed on it: a bug), or why the model gave no usable answer.")
    settings: str
    hash: str | None = Field(None, description="content_hash of the text, when it could be read.")

    def key(self) -> tuple[str, str, str, str]:
        """The same failure of the same article with the same settings: a rerun does not record it again."""
        return self.id, self.hash or self.origin, self.settings, self.failure_kind
