"""What a failed request means: retry it, or give up with a reason a person can act on.

Errors are read through the openai SDK's public exception types. instructor
wraps an endpoint's error in its own (with the original as ``__cause__``), so
``root`` walks down to it.
"""

from __future__ import annotations

import email.utils
import re
import time
from dataclasses import dataclass, field

import openai

from ..contract.result import FailureKind
from ..trust.textkey import clip

__all__ = ["Failure", "classify", "is_transient", "retry_after", "root"]

_CONTEXT_RE = re.compile(r"maximum context length is (\d+) tokens.*?(?:requested|resulted in) (\d+) tokens", re.S)


@dataclass
class Failure:
    """A fault that more tries will not heal (or that outlasted them)."""

    kind: FailureKind
    message: str
    requests: int = 1
    waits: list[float] = field(default_factory=list)

    def __str__(self) -> str:
        return self.message


def root(exc: BaseException | None) -> BaseException | None:
    """The endpoint's own error under any wrapper (instructor's), if there is one."""
    seen = exc
    while seen is not None:
        if isinstance(seen, openai.APIError):
            return seen
        seen = seen.__cause__
    return exc


def is_transient(exc: BaseException | None) -> bool:
    """Whether trying again may help: 429, 408, 409, 5xx, timeouts, dropped connections."""
    exc = root(exc)
    if isinstance(exc, (openai.RateLimitError, openai.InternalServerError, openai.APITimeoutError,
                        openai.APIConnectionError)):
        return True
    return isinstance(exc, openai.APIStatusError) and (exc.status_code in (408, 409, 429) or exc.status_code >= 500)


def retry_after(exc: BaseException | None) -> float | None:
    """Seconds the server asked us to wait (Retry-After, retry-after-ms), if it said."""
    response = getattr(root(exc), "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    if (ms := headers.get("retry-after-ms")) is not None:
        try:
            return max(0.0, float(ms) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        when = email.utils.parsedate_to_datetime(value) if value else None
        return None if when is None else max(0.0, when.timestamp() - time.time())


def classify(exc: BaseException, model: str) -> Failure:
    """The Failure an endpoint's error amounts to."""
    name = type(exc).__name__
    if isinstance(exc, (openai.AuthenticationError, openai.PermissionDeniedError)):
        return Failure("auth", f"the endpoint refused the API key ({exc.status_code}); check OPENAI_API_KEY")
    if isinstance(exc, openai.NotFoundError):
        return Failure("model_not_found", f"the endpoint does not know the model {model!r} (404); "
                                          "check --model against the endpoint's model list")
    if isinstance(exc, openai.BadRequestError):
        text = str(exc)
        m = _CONTEXT_RE.search(text)
        if m or "context_length_exceeded" in text or "context length" in text:
            over = f" by {int(m[2]) - int(m[1]):,} tokens (limit {int(m[1]):,})" if m else ""
            return Failure("context_length", f"the article is too long for the model{over}; "
                                             "use a model with a longer context or shorten the article")
        return Failure("bad_request", f"the endpoint rejected the request (400): {clip(text, 200)}")
    if is_transient(exc):
        return Failure("unavailable", f"the endpoint kept failing ({name}: {clip(str(exc), 200)}); try again later")
    if isinstance(exc, openai.APIStatusError):
        return Failure("bad_request", f"the endpoint answered {exc.status_code}: {clip(str(exc), 200)}")
    return Failure("invalid_response", f"{name}: {clip(str(exc), 200)}")
