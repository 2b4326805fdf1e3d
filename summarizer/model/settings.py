"""Settings: one frozen object, read from the environment in one place.

With no endpoint configured, summarizer uses the embedded model. Setting
``OPENAI_BASE_URL`` (or ``--base-url``) and/or ``OPENAI_API_KEY`` switches to
that OpenAI-compatible endpoint: OpenAI itself, Ollama, vLLM, llama.cpp's
server...
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Literal

from ..contract.errors import UsageError
from ..contract.grounded import PICKS
from ..embedded import EMBEDDED_MODEL
from .grounded.schema import Asks
from .prompts import DEFAULT_PROMPT, ENDPOINT_PROMPT
from .redact import safe_url

__all__ = ["EMBEDDED_PICKS", "AnswerKind", "Mode", "Settings"]

Mode = Literal["tools", "json_schema", "json"]
_MODES = ("tools", "json_schema", "json")
AnswerKind = Literal["grounded", "free-text"]
_ANSWERS = ("grounded", "free-text")
_CONTEXTS = ("opening", "article")
EMBEDDED_PICKS: tuple[str, ...] = ()
"""What the embedded model is asked to pick by default: nothing. Measured against code's own picks
(``python -m benchmarks.content``), the 270M model made the summary worse and took code's first label and
the top of code's lists for the rest, so code picks everything and the model is not loaded; see
docs/embedded-model.md."""


def _picks(raw: str) -> tuple[str, ...]:
    """``SUMMARIZER_GROUNDED_PICKS``: picks separated by commas, or ``none``."""
    words = tuple(w.strip() for w in raw.split(",") if w.strip())
    return () if words == ("none",) else words


@dataclass(frozen=True)
class Settings:
    """How to reach the model and how hard to try.

    ``api_key`` is never printed: it is left out of ``repr``, ``describe()``
    and ``fingerprint()``.
    """

    model: str | None = None
    """The model name; None means the embedded model (or, with a key, a required choice)."""
    base_url: str | None = None
    """An OpenAI-compatible endpoint; None with no api_key means the embedded model."""
    api_key: str | None = field(default=None, repr=False)
    temperature: float = 0.0
    max_reasks: int = 2
    """Re-asks after the first answer when the checks find errors the model can fix."""
    timeout: float = 120.0
    """Seconds one request may take, a deadline for the whole response: connecting, the headers and the last byte
    of the body (the embedded model is given at least 600)."""
    max_response_bytes: int = 4 * 1024 * 1024
    """The most bytes read from one response of an endpoint, counted after decompression."""
    retry_attempts: int = 5
    """Tries of one request through transient faults (429, 5xx, timeouts, resets)."""
    retry_seconds: float = 120.0
    """The longest time spent retrying one request."""
    mode: Mode = "tools"
    """How instructor asks for structured output: tools, json_schema or json."""
    prompt: str | None = None
    """The free-text prompt (prompts/NAME/VERSION); None: ``summarize/v2`` for an endpoint (the article's
    candidate sentences and labels offered beside it), ``summarize/v1`` for the embedded model."""
    answer: AnswerKind | None = None
    """``grounded``: the model picks the article's quotations, numbers and names, found by code, and code builds
    the summary; ``free-text``: the model writes the whole summary. None: grounded for the embedded model,
    free-text for an endpoint (docs/grounded.md)."""
    grounded_prompt: str = "grounded/v2"
    grounded_picks: tuple[str, ...] | None = None
    """What a grounded answer asks the model to pick (of ``contract.grounded.PICKS``); code picks the rest. None:
    what the embedded model was measured to add (``EMBEDDED_PICKS``), everything for an endpoint."""
    grounded_context: Literal["opening", "article"] | None = None
    """What a grounded request shows of the article beside its candidates: its opening lines, or all of it.
    None: the opening for the embedded model (every token costs time on a CPU), the article for an endpoint."""
    max_tokens: int | None = None
    """Room for the answer; None derives it from the article's length."""
    context_tokens: int | None = None
    """The model's context window; None means 8,192 for the embedded model and 128,000 otherwise."""

    def __post_init__(self) -> None:
        if self.mode not in _MODES:
            raise UsageError(f"unknown mode {self.mode!r}; use one of {', '.join(_MODES)}")
        if self.answer is not None and self.answer not in _ANSWERS:
            raise UsageError(f"unknown answer {self.answer!r}; use one of {', '.join(_ANSWERS)}")
        if self.grounded_context is not None and self.grounded_context not in _CONTEXTS:
            raise UsageError(f"unknown grounded context {self.grounded_context!r}; use one of {', '.join(_CONTEXTS)}")
        if self.grounded_picks is not None and (wrong := [p for p in self.grounded_picks if p not in PICKS]):
            raise UsageError(f"unknown grounded pick {wrong[0]!r}; use some of {', '.join(PICKS)}, or none")
        if self.max_reasks < 0:
            raise UsageError("max_reasks must be 0 or more")
        if self.retry_attempts < 1:
            raise UsageError("retry_attempts must be 1 or more")
        if not 0 < self.timeout < math.inf:
            raise UsageError("timeout must be a number of seconds above 0")
        if self.max_response_bytes < 1:
            raise UsageError("max_response_bytes must be 1 or more")
        if self.base_url is not None and safe_url(self.base_url) != self.base_url:
            raise UsageError(
                f"the endpoint URL {safe_url(self.base_url)} carries credentials, which cannot be sent beside the "
                "API key; remove them from the URL and set OPENAI_API_KEY"
            )
        if self.base_url is None and self.api_key is None and self.model is not None:
            raise UsageError(
                f"--model {self.model} needs an endpoint: set OPENAI_BASE_URL (or --base-url) or OPENAI_API_KEY"
            )
        if self.base_url is None and self.api_key is not None and self.model is None:
            raise UsageError("with OPENAI_API_KEY set, choose a model: --model or SUMMARIZER_MODEL")

    @property
    def embedded(self) -> bool:
        return self.base_url is None and self.api_key is None

    @property
    def grounded(self) -> bool:
        """Whether answers are grounded (the setting, or its default for this model)."""
        return (self.answer or ("grounded" if self.embedded else "free-text")) == "grounded"

    @property
    def shows_article(self) -> bool:
        """Whether a grounded request shows the whole article (else its opening lines)."""
        return (self.grounded_context or ("opening" if self.embedded else "article")) == "article"

    @property
    def picks(self) -> tuple[str, ...]:
        """What a grounded answer asks the model to pick (the setting, or its default for this model)."""
        if self.grounded_picks is not None:
            return self.grounded_picks
        return EMBEDDED_PICKS if self.embedded else PICKS

    def free_text_prompt(self, endpoint: bool | None = None) -> str:
        """The free-text prompt: the setting, or its default for an endpoint (``endpoint``; None: whether these
        settings name one) or for the embedded model."""
        endpoint = not self.embedded if endpoint is None else endpoint
        return self.prompt or (ENDPOINT_PROMPT if endpoint else DEFAULT_PROMPT)

    @property
    def asks_model(self) -> bool:
        """Whether an article's summary asks the model anything: not when it is grounded and code makes every
        pick (the embedded model's default), when no request is sent and no model is loaded."""
        return not self.grounded or Asks.only(self.picks).anything

    @property
    def model_name(self) -> str:
        """The model asked for; the embedded model's name when none is set."""
        return self.model or EMBEDDED_MODEL

    @property
    def window_tokens(self) -> int:
        return self.context_tokens or (8192 if self.embedded else 128_000)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Settings from ``OPENAI_*`` and ``SUMMARIZER_*`` variables; ``overrides`` win when not None."""
        env = os.environ if env is None else env
        values: dict[str, object] = {
            "api_key": env.get("OPENAI_API_KEY") or None,
            "base_url": env.get("OPENAI_BASE_URL") or None,
            "model": env.get("SUMMARIZER_MODEL") or None,
        }
        for name, var, kind in (("max_reasks", "SUMMARIZER_MAX_REASKS", int), ("timeout", "SUMMARIZER_TIMEOUT", float),
                                ("max_response_bytes", "SUMMARIZER_MAX_RESPONSE_BYTES", int),
                                ("mode", "SUMMARIZER_MODE", str), ("prompt", "SUMMARIZER_PROMPT", str),
                                ("temperature", "SUMMARIZER_TEMPERATURE", float), ("answer", "SUMMARIZER_ANSWER", str),
                                ("grounded_prompt", "SUMMARIZER_GROUNDED_PROMPT", str),
                                ("grounded_context", "SUMMARIZER_GROUNDED_CONTEXT", str),
                                ("grounded_picks", "SUMMARIZER_GROUNDED_PICKS", _picks)):
            raw = env.get(var)
            if raw:
                try:
                    values[name] = kind(raw)
                except ValueError:
                    raise UsageError(f"{var}={raw!r} is not a valid {kind.__name__}") from None
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]

    def describe(self) -> str:
        """One line for a person: which model, where. Never the key."""
        if self.embedded:
            return f"the embedded model {EMBEDDED_MODEL}"
        return f"{self.model or 'the default model'} at {safe_url(self.base_url) or 'https://api.openai.com/v1'}"

    def fingerprint(self) -> str:
        """A short hash of everything that shapes an answer (the key and any password in the URL excluded)."""
        data = {k: v for k, v in asdict(self).items() if k not in ("api_key", "timeout", "retry_attempts",
                                                                      "retry_seconds", "answer", "grounded_prompt",
                                                                      "grounded_context", "grounded_picks",
                                                                      "max_response_bytes")}
        data["base_url"] = safe_url(self.base_url)
        # The free-text prompt an answer was asked with (a grounded one's is not used: the old default stays).
        data["prompt"] = (self.prompt or DEFAULT_PROMPT) if self.grounded else self.free_text_prompt()
        if self.grounded:  # what a grounded answer depends on; a free-text one's stays as it was
            data.update(answer="grounded", grounded_prompt=self.grounded_prompt, shows_article=self.shows_article,
                        picks=list(self.picks))
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]
