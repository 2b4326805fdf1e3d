"""What a failed request means: retry it, or give up with a reason a person can act on.

Errors are read through the openai SDK's public exception types. instructor
wraps an endpoint's error in its own (with the original as ``__cause__``), so
``root`` walks down to it.
"""

from __future__ import annotations

import email.utils
import math
import re
import socket
import ssl
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import openai

from ..contract.result import FailureKind
from ..trust.article.textkey import clip
from .redact import redact, safe_url

__all__ = ["STOPS_THE_RUN", "Failure", "classify", "is_transient", "retry_after", "root"]

STOPS_THE_RUN: frozenset[FailureKind] = frozenset({"auth", "model_not_found"})
"""Failures that every other article would meet too: a batch run stops at the first."""

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
    """Seconds the server asked us to wait (retry-after-ms, else Retry-After), if it said so in a way we can read;
    None otherwise, and the caller backs off as usual. A number must be finite and not negative; Retry-After may
    also be an HTTP date ("soon-ish", "nan", "-5" and "inf" are not read)."""
    response = getattr(root(exc), "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    if (ms := _seconds(headers.get("retry-after-ms"))) is not None:
        return ms / 1000
    value = headers.get("retry-after")
    if value is None:
        return None
    if (seconds := _seconds(value)) is not None:
        return seconds
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _seconds(value: str | None) -> float | None:
    """A header's number of seconds (or milliseconds), if it is one: finite and not negative."""
    try:
        number = float(value) if value is not None else math.nan
    except ValueError:
        return None
    return number if math.isfinite(number) and number >= 0 else None


def _chain(exc: BaseException | None) -> Iterator[BaseException]:
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def _where(exc: BaseException) -> str:
    for e in _chain(exc):
        if isinstance(e, openai.APIError) and (url := getattr(e.request, "url", None)) is not None:
            return safe_url(str(url)) or "the endpoint"
    return "the endpoint"


def _connection(exc: BaseException) -> str | None:
    """What went wrong reaching the endpoint, said plainly, when the chain tells."""
    where = _where(exc)
    for e in _chain(exc):
        if isinstance(e, ConnectionRefusedError):
            return f"nothing is listening at {where} (connection refused); start the server or check --base-url"
        if isinstance(e, socket.gaierror):
            return f"the host of {where} cannot be found ({e.strerror}); check --base-url"
        if isinstance(e, ssl.SSLError):
            return f"a TLS error talking to {where} ({e.reason or e}); check --base-url (http or https?)"
    if isinstance(exc, openai.APITimeoutError):
        return f"{where} did not answer in time; raise SUMMARIZER_TIMEOUT or check the server"
    if isinstance(exc, openai.APIConnectionError):
        causes = [f"{type(e).__name__}: {e}" for e in _chain(exc) if e is not exc and str(e)]
        return f"could not reach {where} ({causes[-1] if causes else 'connection error'})"
    return None


def classify(exc: BaseException, model: str, secrets: Iterable[str | None] = ()) -> Failure:
    """The Failure an endpoint's error amounts to; ``secrets`` (the key) never appear in its message."""
    failure = _classify(exc, model)
    failure.message = redact(failure.message, secrets)
    return failure


def _classify(exc: BaseException, model: str) -> Failure:
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
        plain = _connection(exc)
        if plain is not None:
            return Failure("unavailable", f"the endpoint kept failing: {plain}")
        return Failure("unavailable", f"the endpoint kept failing ({name}: {clip(str(exc), 200)}); try again later")
    if isinstance(exc, openai.APIStatusError):
        return Failure("bad_request", f"the endpoint answered {exc.status_code}: {clip(str(exc), 200)}")
    return Failure("invalid_response", f"{name}: {clip(str(exc), 200)}")
