"""Prompts are files in ``prompts/NAME/VERSION/``, loaded into a typed object.

Rendering is strict: a ``${variable}`` the caller does not supply is an error,
never an empty string. Messages put the static parts first (instructions,
the worked example) and the article last, so providers can cache the prefix.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from string import Template
from typing import Any

from ..contract.errors import UsageError

__all__ = ["PromptSet", "load_prompts", "prompts_dir", "read_prompt", "render_template"]

DEFAULT_PROMPT = "summarize/v1"


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

    def _prefix(self) -> list[dict[str, Any]]:
        return [
            {"role": "system", "content": self.system},
            {"role": "user", "content": render_template(self.user, f"{self.version}/user.txt", article=self.example_article)},
            {"role": "assistant", "content": self.example_summary},
        ]

    def messages(self, article: str) -> list[dict[str, Any]]:
        """The first ask: instructions, the worked example, then the article."""
        return [*self._prefix(),
                {"role": "user", "content": render_template(self.user, f"{self.version}/user.txt", article=article)}]

    def reask_messages(self, article: str, previous: str, findings: str) -> list[dict[str, Any]]:
        """A re-ask: the same prefix and article, the last answer and only its findings."""
        return [*self.messages(article),
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
    return PromptSet(name, read("system.txt"), read("user.txt"), read("reask.txt"),
                     read("example_article.txt"), example)
