"""Articles whose answers come later, from a batch: each ask a request line, each answer joined on its custom_id.

An article's asks are numbered in the order its loop makes them (the first ask, re-asks, more room, the next
window's), and the n-th ask's custom_id is ``KEY-n``: KEY a hash of the article's id, its text and the settings'
fingerprint, so an answer can only ever be joined to the ask it answers. ``Deferred.advance`` drives the loop
(``summarize.Stepper``) from the first ask, handing it each answer already known and checking it exactly as the
online path does; it ends with the article's ``Result``, or with the first ask still unanswered, as a
``Request`` whose body is what the online path would send (``model.batches.Replay``).

Replaying from the first ask each time keeps nothing in memory between rounds and makes a resume no different
from a pass: the checks are deterministic, so the same answers lead to the same next ask.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Container
from dataclasses import dataclass
from typing import Any

from ..contract.article import Article
from ..contract.result import Result
from ..model.batches import Output, Replay
from ..model.failures import Failure
from ..model.redact import redact
from ..model.settings import Settings
from ..trust.article.textkey import clip
from ..trust.checks import validate
from .checking import Check
from .summarize import Summarizer

__all__ = ["Deferred", "Request"]

Lookup = Callable[[str], "Output | Failure | None"]
"""custom_id -> its answer (an output line), a Failure to give the loop instead, or None: not answered yet."""


@dataclass(frozen=True)
class Request:
    """An ask with no answer yet: its custom_id, the body to send, and how many asks of its article came before."""

    custom_id: str
    body: dict[str, Any]
    asked: int


class Deferred:
    """Summaries driven by answers that come later, for one model's settings."""

    def __init__(self, settings: Settings, *, check: Check = validate) -> None:
        self.settings = settings
        self.fingerprint = settings.fingerprint()
        self.summarizer = Summarizer(settings, check=check)  # its own client is never used: answers come in lines
        self.replay = Replay(settings)

    def key(self, article: Article) -> str:
        """The custom_id's stem for ``article`` under these settings (24 hex digits)."""
        seed = "\0".join((article.id, article.hash, self.fingerprint))
        return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:24]

    def advance(self, article: Article, lookup: Lookup, waiting: Container[str] = ()) -> Result | Request | None:
        """The article's result, or its first ask that ``lookup`` has no answer for; None when that ask is
        ``waiting`` (sent, its answer not yet come). Never raises: an empty article is a failed ``input``, an
        exception while checking an answer a failed ``internal_error``."""
        if not article.text.strip():
            return self.summarizer.failed("input", "the article text is empty")
        try:
            return self._advance(article, lookup, waiting)
        except Exception as e:  # noqa: BLE001 - one article's bug is that article's failure
            reason = redact(f"summarizing failed ({type(e).__name__}: {clip(str(e), 200)}); this is a bug in "
                            "summarizer: please report it with the article", [self.settings.api_key])
            return self.summarizer.failed("internal_error", reason)

    def _advance(self, article: Article, lookup: Lookup, waiting: Container[str]) -> Result | Request | None:
        stepper = self.summarizer.stepper(article.text, article.title)
        stem = self.key(article)
        while (ask := stepper.ask) is not None:
            custom_id = f"{stem}-{stepper.asked}"
            if custom_id in waiting:
                return None
            got = lookup(custom_id)
            if got is None:
                return Request(custom_id, self.replay.body(ask.messages, ask.max_tokens, ask.shape), stepper.asked)
            stepper.answer(got if isinstance(got, Failure) else
                           self.replay.answer(ask.messages, ask.max_tokens, ask.shape, got))
        assert stepper.result is not None
        return stepper.result

    def close(self) -> None:
        self.replay.close()
        self.summarizer.close()
