"""Prompts are files in ``prompts/NAME/VERSION/``, loaded into a typed object.

Rendering is strict: a ``${variable}`` the caller does not supply is an error,
never an empty string. Messages put the static parts first (instructions,
the worked example) and the article last, so providers can cache the prefix.

A free-text prompt whose folder holds ``sentences.txt``, ``figures.txt`` and
``title.txt`` (``summarize/v2``, an endpoint's default) offers the model, before
the article, what code found in it: its best sentences and its numbers with
their labels (the grounded candidates, rendered by ``model.grounded.prompt``),
and the input's title; the model still writes the summary, and the checks
judge every word of it. ``summarize/v1`` (the embedded model's) offers none.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from string import Template
from typing import Any

from ..contract.errors import UsageError

__all__ = ["DEFAULT_PROMPT", "ENDPOINT_PROMPT", "PromptSet", "load_prompts", "prompts_dir", "read_prompt",
           "render_template"]

DEFAULT_PROMPT = "summarize/v1"
"""The embedded model's free-text prompt: the article alone (every prompt token costs time on a CPU)."""
ENDPOINT_PROMPT = "summarize/v2"
"""An endpoint's free-text prompt: the article, with its candidate sentences and labels offered beside it."""
_OFFERED = ("sentences", "figures", "title")


def prompts_dir() -> Path:
    """``prompts/`` in a source checkout, or the copy packed into the wheel."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_data" / "prompts", package.parent / "prompts"):
        if candidate.is_dir():
            return candidate
    raise UsageError("the prompts/ folder is missing from this installation; reinstall summarizer")


def read_prompt(name: str, file: str) -> str:
    """The text of ``prompts/NAME/FILE``, stripped; a missing file is a UsageError naming it."""
    try:
        return (prompts_dir() / name / file).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise UsageError(f"prompt {name} is missing {file}; reinstall summarizer") from None


def render_template(template: str, name: str, **values: str) -> str:
    """``template`` with its ``${variables}`` filled in; a missing one is a UsageError naming it."""
    try:
        return Template(template).substitute(values)
    except KeyError as e:
        raise UsageError(f"prompt {name} needs the variable {e.args[0]!r}, which was not given") from None


@dataclass(frozen=True)
class PromptSet:
    """One version of the summarizing prompt."""

    version: str
    system: str
    user: str
    reask: str
    example_article: str
    example_summary: str
    lists: dict[str, str] = field(default_factory=dict)
    """``sentences``, ``figures`` and ``title`` (each a heading and its ``${items}``, the title's ``${title}``)
    where the prompt offers candidates; empty where it offers none."""

    @property
    def offers(self) -> bool:
        """Whether this prompt offers the article's candidates beside it."""
        return bool(self.lists)

    def offered(self, items: dict[str, str], title: str | None = None) -> str:
        """The block before the article: ``title`` (the input's, where it has one), then the lists of ``items``
        (``sentences`` and ``figures``: lines, as ``model.grounded.prompt.render_offer`` writes them); empty
        when nothing is offered."""
        if not self.offers:
            return ""
        parts = [render_template(self.lists["title"], f"{self.version}/title.txt", title=" ".join(title.split()))
                 ] if title and title.strip() else []
        parts += [render_template(self.lists[k], f"{self.version}/{k}.txt", items=items[k])
                  for k in ("sentences", "figures") if items.get(k)]
        return "".join(f"{p}\n\n" for p in parts)

    def _user(self, article: str, offered: str) -> str:
        return render_template(self.user, f"{self.version}/user.txt", article=article, offered=offered)

    def _prefix(self, example_offered: str) -> list[dict[str, Any]]:
        return [
            {"role": "system", "content": self.system},
            {"role": "user", "content": self._user(self.example_article, example_offered)},
            {"role": "assistant", "content": self.example_summary},
        ]

    def messages(self, article: str, offered: str = "", example_offered: str = "") -> list[dict[str, Any]]:
        """The first ask: instructions, the worked example, then the article (after what is ``offered`` of
        it, where the prompt offers candidates; ``example_offered`` is the same of the worked example)."""
        return [*self._prefix(example_offered), {"role": "user", "content": self._user(article, offered)}]

    def reask_messages(self, article: str, previous: str, findings: str, offered: str = "",
                       example_offered: str = "") -> list[dict[str, Any]]:
        """A re-ask: the same prefix and article, the last answer and only its findings."""
        return [*self.messages(article, offered, example_offered),
                {"role": "assistant", "content": previous},
                {"role": "user", "content": render_template(self.reask, f"{self.version}/reask.txt",
                                                    previous=previous, findings=findings)}]


@lru_cache(maxsize=8)
def load_prompts(name: str = DEFAULT_PROMPT) -> PromptSet:
    folder = prompts_dir() / name
    if not folder.is_dir():
        known = sorted(str(p.relative_to(prompts_dir())) for p in prompts_dir().glob("*/*") if p.is_dir())
        raise UsageError(f"no prompt {name!r}; known prompts: {', '.join(known)}")

    def read(file: str) -> str:
        return read_prompt(name, file)

    example = read("example_summary.json")
    json.loads(example)  # a broken example would teach the model broken JSON
    # A prompt offers candidates when its folder has their templates: all of them, or it is broken.
    present = [f for f in _OFFERED if (folder / f"{f}.txt").is_file()]
    lists = {f: read(f"{f}.txt") for f in _OFFERED} if present else {}
    return PromptSet(name, read("system.txt"), read("user.txt"), read("reask.txt"),
                     read("example_article.txt"), example, lists)
