"""The grounded prompt: the article's candidates, listed for a model to pick from.

Prompts are files (``prompts/grounded/VERSION/``): ``system.txt`` (the
instructions), ``user.txt`` (the candidates), ``opening.txt`` or
``article.txt`` (what the request shows of the article), ``reask.txt``; and,
optionally, ``example_user.txt`` with ``example_answer.json`` (a worked example
about no real subject). Rendering is strict, as for the free-text prompt.

Each candidate is listed in a line or so: a quotation by its id and speaker
with its words (a long one clipped, its sentences marked with their ids), a
number by its id with the words around it in the article, the names as the
article writes them. The model needs no more to pick; code copies the words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ...contract.errors import UsageError
from ...contract.grounded import NumberCandidate, QuoteCandidate
from ...trust.article.textkey import clip
from ..prompts import prompts_dir, render_template
from .schema import Offer

__all__ = ["GroundedPrompts", "load_grounded_prompts", "render_offer"]

QUOTE_CHARS = 70
"""How much of a quotation the list shows (the words are copied from the article, not from here)."""
SENTENCE_CHARS = 36
CONTEXT_CHARS = 18
"""How many characters of the article the list shows on each side of a number."""


def _quote_line(q: QuoteCandidate, offer: Offer) -> str:
    who = f"{q.speaker}: " if q.speaker else "(no speaker named): "
    parts = [p for p in offer.quotes if p.parent == q.id]
    if not parts:
        return f"{q.id} {who}{clip(q.text, QUOTE_CHARS)}"
    return f"{q.id} {who}" + " ".join(f"[{p.id}] {clip(p.text, SENTENCE_CHARS)}" for p in parts)


def _figure_line(n: NumberCandidate, article: str) -> str:
    line_start = article.rfind("\n", 0, n.start) + 1
    line_end = article.find("\n", n.end)
    line_end = len(article) if line_end < 0 else line_end
    before = article[max(line_start, n.start - CONTEXT_CHARS):n.start]
    after = article[n.end:min(line_end, n.end + CONTEXT_CHARS)]
    return f"{n.id} {n.text}: …{' '.join((before + n.text + after).split())}…"


def render_offer(offer: Offer, article: str) -> dict[str, str]:
    """The candidate lists of ``offer`` (``quotes``, ``figures``, ``names``) as prompt text."""
    whole = [q for q in offer.quotes if q.parent is None]
    shown = {q.id for q in whole}
    loose = [q for q in offer.quotes if q.parent is not None and q.parent not in shown]
    people = [f"{n.name} ({n.role})" if n.role else n.name for n in offer.names]
    return {
        "quotes": "\n".join([*(_quote_line(q, offer) for q in whole), *(_quote_line(q, offer) for q in loose)])
                  or "(none)",
        "figures": "\n".join(_figure_line(n, article) for n in offer.figures) or "(none)",
        "names": ", ".join(people) or "(none)",
    }


@dataclass(frozen=True)
class GroundedPrompts:
    version: str
    system: str
    user: str
    reask: str
    opening: str
    article: str
    example_user: str | None = None
    example_answer: str | None = None

    def messages(self, offer: Offer, article: str, *, whole_article: bool) -> list[dict[str, Any]]:
        """Instructions, the worked example if there is one, then the offer: static text first."""
        frame = self.article if whole_article else self.opening
        context = render_template(frame, f"{self.version}/{'article' if whole_article else 'opening'}.txt",
                          text=offer.context)
        user = render_template(self.user, f"{self.version}/user.txt", context=context, **render_offer(offer, article))
        example = [] if self.example_user is None else [
            {"role": "user", "content": self.example_user}, {"role": "assistant", "content": self.example_answer}]
        return [{"role": "system", "content": self.system}, *example, {"role": "user", "content": user}]

    def reask_messages(self, offer: Offer, article: str, previous: str, findings: str, *,
                       whole_article: bool) -> list[dict[str, Any]]:
        """A re-ask: the same request, the last answer, and only its findings (never a growing conversation)."""
        return [*self.messages(offer, article, whole_article=whole_article),
                {"role": "assistant", "content": previous},
                {"role": "user", "content": render_template(self.reask, f"{self.version}/reask.txt", findings=findings)}]


@lru_cache(maxsize=8)
def load_grounded_prompts(name: str = "grounded/v1") -> GroundedPrompts:
    folder = prompts_dir() / name
    if not folder.is_dir():
        raise UsageError(f"no grounded prompt {name!r} in {prompts_dir()}")

    def read(file: str, *, optional: bool = False) -> str | None:
        path = folder / file
        if optional and not path.exists():
            return None
        try:
            return path.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            raise UsageError(f"prompt {name} is missing {file}; reinstall summarizer") from None

    example_user, example_answer = read("example_user.txt", optional=True), read("example_answer.json", optional=True)
    if (example_user is None) != (example_answer is None):
        raise UsageError(f"prompt {name} has half a worked example; give example_user.txt and example_answer.json")
    if example_answer is not None:
        json.loads(example_answer)  # a broken example would teach the model broken JSON
    return GroundedPrompts(name, read("system.txt"), read("user.txt"), read("reask.txt"), read("opening.txt"),
                           read("article.txt"), example_user, example_answer)
