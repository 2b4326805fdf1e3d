"""The model step of ``summarizer reconcile``: ask a chat model for proposals, in the ``Proposals`` schema.

The prompt is in ``prompts/reconcile/v1/`` (instructions first, the story's
evidence last). The call goes through the same ``Provider`` as a summary, so
it has the same retries and failure handling. What comes back is only a
proposal: the pipeline verifies every one before it counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..contract.story import Proposals
from ..model.call import Provider
from ..model.failures import Failure
from ..model.prompts import read_prompt, render_template
from ..model.settings import Settings

__all__ = ["RECONCILE_PROMPT", "Advisor", "ReconcilePrompts", "load_reconcile_prompts"]

RECONCILE_PROMPT = "reconcile/v1"
_MAX_TOKENS = 2048


@dataclass(frozen=True)
class ReconcilePrompts:
    version: str
    system: str
    figures: str
    events: str

    def figure_messages(self, *, figures: str, aligned: str, questions: str) -> list[dict[str, Any]]:
        user = render_template(self.figures, f"{self.version}/figures.txt", figures=figures, aligned=aligned,
                       questions=questions)
        return [{"role": "system", "content": self.system}, {"role": "user", "content": user}]

    def event_messages(self, *, pairs: str) -> list[dict[str, Any]]:
        user = render_template(self.events, f"{self.version}/events.txt", pairs=pairs)
        return [{"role": "system", "content": self.system}, {"role": "user", "content": user}]


@lru_cache(maxsize=4)
def load_reconcile_prompts(name: str = RECONCILE_PROMPT) -> ReconcilePrompts:
    def read(file: str) -> str:
        return read_prompt(name, file)

    return ReconcilePrompts(name, read("system.txt"), read("figures.txt"), read("events.txt"))


class Advisor:
    """Asks one model for proposals; every answer is a ``Proposals`` or the reason there is none."""

    def __init__(self, settings: Settings, client: Any = None) -> None:
        self.settings = settings
        self.prompts = load_reconcile_prompts()
        self.provider = Provider(settings, client)

    @property
    def model(self) -> str:
        return self.provider.model

    @property
    def base_url(self) -> str | None:
        return self.provider.base_url

    def propose(self, messages: list[dict[str, Any]]) -> Proposals | Failure:
        answer = self.provider.ask(messages, self.settings.max_tokens or _MAX_TOKENS, Proposals)
        if isinstance(answer, Failure):
            return answer
        if answer.summary is None:
            why = ("the answer was cut off" if answer.truncated
                   else f"the answer did not fit the schema: {answer.invalid}")
            return Failure("truncated" if answer.truncated else "invalid_response", why, answer.requests, answer.waits)
        return answer.summary

    def close(self) -> None:
        self.provider.close()
