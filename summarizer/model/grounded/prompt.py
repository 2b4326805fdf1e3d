"""The grounded prompt: the article's candidates, listed for a model to pick from by id.

Prompts are files (``prompts/grounded/VERSION/``): ``system.txt`` (the instructions, with the lines of
``picks.txt`` for the picks a request asks for), ``user.txt``, one file per list (``sentences.txt``,
``figures.txt``, ``quotes.txt``, ``names.txt``: a heading and its ``${items}``), ``opening.txt`` or
``article.txt`` (what the request shows of the article), ``reask.txt``. Rendering is strict, as for the
free-text prompt.

Each candidate is listed in a line: a sentence by its id with its words (a long one clipped), a number by
its id with its labels (each by its id) or, when no label is asked, the words around it, a quotation by
its id and speaker with its words, the names as the article writes them. A list the request does not ask
from is not shown. The model needs no more to pick; code copies the words.

A model that writes the summary itself is offered the same sentences and numbers (``writing=True``, for the
``summarize/v2`` prompt): a number then with its value, unit and qualifier as the parser reads them, and its
labels' words without ids, which a written answer has no use for.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ...contract.errors import UsageError
from ...contract.grounded import NumberCandidate, QuoteCandidate
from ...trust.article.textkey import clip
from ..prompts import prompts_dir, read_prompt, render_template
from .schema import PICKS, Offer

__all__ = ["GroundedPrompts", "load_grounded_prompts", "render_offer"]

SENTENCE_CHARS = 64
"""How much of a sentence the list shows (the words are copied from the article, not from here)."""
QUOTE_CHARS = 70
QUOTE_SENTENCE_CHARS = 36
CONTEXT_CHARS = 18
"""How many characters of the article the list shows on each side of a number when no label is asked."""
_LISTS = ("sentences", "figures", "quotes", "names")


def _quote_line(q: QuoteCandidate, offer: Offer) -> str:
    who = f"{q.speaker}: " if q.speaker else "(no speaker named): "
    parts = [p for p in offer.quotes if p.parent == q.id]
    if not parts:
        return f"{q.id} {who}{clip(q.text, QUOTE_CHARS)}"
    return f"{q.id} {who}" + " ".join(f"[{p.id}] {clip(p.text, QUOTE_SENTENCE_CHARS)}" for p in parts)


def _plain(n: NumberCandidate) -> str:
    """The number's value as a JSON figure writes it (2.6E+5 as 260000), its unit and its qualifier."""
    value = format(n.value.normalize(), "f")
    return f"{value} {n.unit}, {n.qualifier}" if n.unit else f"{value}, {n.qualifier}"


def _figure_line(n: NumberCandidate, offer: Offer, article: str, writing: bool = False) -> str:
    if writing:
        return f"{n.id} {n.text} = {_plain(n)}: " + " | ".join(x.text for x in offer.labels if x.figure == n.id)
    if offer.asks.labels:
        return f"{n.id} {n.text}: " + " | ".join(f"{x.id} {x.text}" for x in offer.labels if x.figure == n.id)
    line_start = article.rfind("\n", 0, n.start) + 1
    line_end = article.find("\n", n.end)
    line_end = len(article) if line_end < 0 else line_end
    before = article[max(line_start, n.start - CONTEXT_CHARS):n.start]
    after = article[n.end:min(line_end, n.end + CONTEXT_CHARS)]
    return f"{n.id} {n.text}: …{' '.join((before + n.text + after).split())}…"


def render_offer(offer: Offer, article: str, *, writing: bool = False) -> dict[str, str]:
    """The candidate lists the offer asks from (``sentences``, ``figures``, ``quotes``, ``names``) as lines;
    a list it does not ask from is empty. ``writing``: for a model that writes the summary, each number with
    its value, unit and qualifier, and its labels' words without their ids."""
    a = offer.asks
    whole = [q for q in offer.quotes if q.parent is None]
    shown = {q.id for q in whole}
    loose = [q for q in offer.quotes if q.parent is not None and q.parent not in shown]
    people = [f"{n.name} ({n.role})" if n.role else n.name for n in offer.names]
    return {
        "sentences": "\n".join(f"{s.id} {clip(' '.join(s.text.split()), SENTENCE_CHARS)}" for s in offer.sentences)
                     if a.summary or a.events else "",
        "figures": "\n".join(_figure_line(n, offer, article, writing) for n in offer.figures) if a.figures else "",
        "quotes": "\n".join(_quote_line(q, offer) for q in [*whole, *loose]) if a.quotes else "",
        "names": ", ".join(people) if a.quotes and a.speakers else "",
    }


@dataclass(frozen=True)
class GroundedPrompts:
    version: str
    system: str
    picks: dict[str, str]
    user: str
    lists: dict[str, str]
    reask: str
    opening: str
    article: str

    def _render(self, template: str, file: str, **values: str) -> str:
        return render_template(template, f"{self.version}/{file}", **values)

    def messages(self, offer: Offer, article: str, *, whole_article: bool) -> list[dict[str, Any]]:
        """Instructions, then the offer: static text first, the article's own last."""
        picks = "\n".join(f"- {p}: {self.picks[p]}" for p in offer.asks.picks)
        frame = self.article if whole_article else self.opening
        context = self._render(frame, "article.txt" if whole_article else "opening.txt", text=offer.context)
        rendered = render_offer(offer, article)
        lists = "\n\n".join(self._render(self.lists[k], f"{k}.txt", items=rendered[k]) for k in _LISTS if rendered[k])
        user = self._render(self.user, "user.txt", context=context if offer.context else "", lists=lists).strip()
        return [{"role": "system", "content": self._render(self.system, "system.txt", picks=picks)},
                {"role": "user", "content": user}]

    def reask_messages(self, offer: Offer, article: str, previous: str, findings: str, *,
                       whole_article: bool) -> list[dict[str, Any]]:
        """A re-ask: the same request, the last answer, and only its findings (never a growing conversation)."""
        return [*self.messages(offer, article, whole_article=whole_article),
                {"role": "assistant", "content": previous},
                {"role": "user", "content": self._render(self.reask, "reask.txt", findings=findings)}]


@lru_cache(maxsize=8)
def load_grounded_prompts(name: str = "grounded/v2") -> GroundedPrompts:
    folder = prompts_dir() / name
    if not folder.is_dir():
        raise UsageError(f"no grounded prompt {name!r} in {prompts_dir()}")

    def read(file: str) -> str:
        return read_prompt(name, file)

    picks = dict(line.split(": ", 1) for line in read("picks.txt").splitlines() if line.strip())
    if missing := [p for p in PICKS if p not in picks]:
        raise UsageError(f"prompt {name}'s picks.txt says nothing of {', '.join(missing)}; reinstall summarizer")
    return GroundedPrompts(name, read("system.txt"), picks, read("user.txt"), {k: read(f"{k}.txt") for k in _LISTS},
                           read("reask.txt"), read("opening.txt"), read("article.txt"))
