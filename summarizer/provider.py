"""The edge that talks to a model: client, one structured call, retries, and
what each failure means.

Only this module (and ``extract``) imports ``openai``, ``instructor`` and
``tenacity``. There is one retry layer, ours: the openai client's own retries
are turned off, and instructor re-asks only when an answer does not fit the
schema.
"""

from __future__ import annotations

import email.utils
import logging
import re
import time
from dataclasses import dataclass, field
from typing import Any

import instructor
import openai
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from instructor.v2.core.function_calls import response_schema
from instructor.v2.validation import async_validators
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_after_delay,
    wait_random_exponential,
)

from .config import Settings
from .result import FailureKind, Usage
from .schema import ArticleSummary

__all__ = ["Answer", "Failure", "Provider"]

# instructor logs every failed call at ERROR; with no handler configured, Python
# would print those to stderr. Our results carry the reason instead.
logging.getLogger("instructor").addHandler(logging.NullHandler())

# instructor wraps a plain response model in a new class on every call, which
# defeats its own schema cache (about 15 ms of CPU a call, measured with
# benchmarks/batch_throughput.py); handing it the wrapped class once avoids that.
_RESPONSE_MODEL = response_schema(ArticleSummary)

# instructor also walks the response model's whole type graph, looking for
# async validators, several times a call (about 5 ms of CPU). Ours has none:
# check it once here, and skip the walk for it (other models are still walked).
_reject_async_validators = async_validators.reject_async_validators
_reject_async_validators(_RESPONSE_MODEL)


def _reject_async_validators_once(model: Any) -> None:
    if model is not _RESPONSE_MODEL and model is not ArticleSummary:
        _reject_async_validators(model)


async_validators.reject_async_validators = _reject_async_validators_once

_MODES = {"tools": instructor.Mode.TOOLS, "json_schema": instructor.Mode.JSON_SCHEMA, "json": instructor.Mode.JSON}
_CONTEXT_RE = re.compile(r"maximum context length is (\d+) tokens.*?(?:requested|resulted in) (\d+) tokens", re.S)


@dataclass
class Answer:
    """A structured answer, or the reason there is none."""

    summary: ArticleSummary | None
    raw: str | None
    finish_reason: str | None
    usage: Usage
    requests: int
    waits: list[float]
    truncated: bool = False
    invalid: str | None = None


@dataclass
class Failure:
    """A fault that more tries will not heal (or that outlasted them)."""

    kind: FailureKind
    message: str
    requests: int = 1
    waits: list[float] = field(default_factory=list)

    def __str__(self) -> str:
        return self.message


def _root(exc: BaseException | None) -> BaseException | None:
    """The endpoint's own error under instructor's wrapper, if there is one."""
    while isinstance(exc, InstructorRetryException) and exc.__cause__ is not None:
        exc = exc.__cause__
    return exc


def _structured(client: Any, mode: Any, is_async: bool) -> Any:
    """instructor over ``client``, sending each request as built.

    This is what ``instructor.from_openai`` does, with one change: the SDK's
    ``chat.completions.create`` re-walks every request body against its typed
    parameters (the whole JSON schema of the tools included), about 3 ms of CPU
    a call; ``client.post`` sends the same body through the same client (auth,
    timeouts, error types) without that walk. Measured with
    benchmarks/batch_throughput.py.
    """
    from instructor.v2.core.client import AsyncInstructor, Instructor
    from instructor.v2.core.patch import patch_v2
    from instructor.v2.core.providers import Provider as Vendor
    from instructor.v2.core.registry import normalize_mode
    from openai.types.chat import ChatCompletion

    mode = normalize_mode(Vendor.OPENAI, mode)

    def body(kwargs: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in kwargs.items() if v is not None}

    if is_async:
        async def create(**kwargs: Any) -> Any:
            return await client.post("/chat/completions", body=body(kwargs), cast_to=ChatCompletion)

        return AsyncInstructor(client=client, create=patch_v2(func=create, provider=Vendor.OPENAI, mode=mode),
                               provider=Vendor.OPENAI, mode=mode)

    def create_sync(**kwargs: Any) -> Any:
        return client.post("/chat/completions", body=body(kwargs), cast_to=ChatCompletion)

    return Instructor(client=client, create=patch_v2(func=create_sync, provider=Vendor.OPENAI, mode=mode),
                      provider=Vendor.OPENAI, mode=mode)


def _is_transient(exc: BaseException | None) -> bool:
    exc = _root(exc)
    return isinstance(exc, (openai.RateLimitError, openai.InternalServerError, openai.APITimeoutError,
                            openai.APIConnectionError)) or (
        isinstance(exc, openai.APIStatusError) and exc.status_code in (408, 409, 429) or
        isinstance(exc, openai.APIStatusError) and exc.status_code >= 500)


def retry_after(exc: BaseException | None) -> float | None:
    """Seconds the server asked us to wait (Retry-After, retry-after-ms), if it said."""
    response = getattr(_root(exc), "response", None)
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


def _classify(exc: BaseException, settings: Settings) -> Failure:
    name = type(exc).__name__
    if isinstance(exc, (openai.AuthenticationError, openai.PermissionDeniedError)):
        return Failure("auth", f"the endpoint refused the API key ({exc.status_code}); check OPENAI_API_KEY")
    if isinstance(exc, openai.NotFoundError):
        return Failure("model_not_found", f"the endpoint does not know the model {settings.model!r} (404); "
                                          "check --model against the endpoint's model list")
    if isinstance(exc, openai.BadRequestError):
        text = str(exc)
        m = _CONTEXT_RE.search(text)
        if m or "context_length_exceeded" in text or "context length" in text:
            over = f" by {int(m[2]) - int(m[1]):,} tokens (limit {int(m[1]):,})" if m else ""
            return Failure("context_length", f"the article is too long for the model{over}; "
                                             "use a model with a longer context or shorten the article")
        return Failure("bad_request", f"the endpoint rejected the request (400): {_short(text)}")
    if _is_transient(exc):
        return Failure("unavailable", f"the endpoint kept failing ({name}: {_short(str(exc))}); try again later")
    if isinstance(exc, openai.APIStatusError):
        return Failure("bad_request", f"the endpoint answered {exc.status_code}: {_short(str(exc))}")
    return Failure("invalid_response", f"{name}: {_short(str(exc))}")


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _usage(completion: Any) -> Usage:
    u = getattr(completion, "usage", None)
    if u is None:
        return Usage()
    return Usage(prompt_tokens=u.prompt_tokens or 0, completion_tokens=u.completion_tokens or 0,
                 total_tokens=u.total_tokens or 0)


def _raw(completion: Any) -> tuple[str | None, str | None, str | None]:
    """The answer's text, its finish reason and any refusal."""
    try:
        choice = completion.choices[0]
    except (AttributeError, IndexError, TypeError):
        return None, None, None
    message = choice.message
    text = message.content
    if not text and getattr(message, "tool_calls", None):
        text = message.tool_calls[0].function.arguments
    return text, choice.finish_reason, getattr(message, "refusal", None)


class Provider:
    """Structured calls to one OpenAI-compatible endpoint, sync or async."""

    def __init__(self, settings: Settings, client: Any = None, *, sleep: Any = None, async_sleep: Any = None) -> None:
        self.settings = settings
        self.model = settings.model or self._local_model()
        self._client = client
        self._sleep = sleep or time.sleep
        self._async_sleep = async_sleep
        self._sync: Any = None
        self._async: Any = None

    @staticmethod
    def _local_model() -> str:
        from .local import LOCAL_MODEL

        return LOCAL_MODEL

    @property
    def base_url(self) -> str | None:
        if self._client is not None:
            return str(self._client.base_url)
        return None if self.settings.embedded else (self.settings.base_url or "https://api.openai.com/v1")

    # --- clients -----------------------------------------------------------

    def _openai(self, is_async: bool) -> Any:
        s = self.settings
        if self._client is not None:
            if isinstance(self._client, openai.AsyncOpenAI) != is_async:
                kind = "AsyncOpenAI" if is_async else "OpenAI"
                raise TypeError(f"this call needs an openai.{kind} client")
            return self._client.with_options(max_retries=0)
        cls = openai.AsyncOpenAI if is_async else openai.OpenAI
        if s.embedded:
            from .local import LOCAL_BASE_URL, ensure_installed, local_async_http_client, local_http_client

            ensure_installed()
            timeout = max(600.0, s.timeout)
            http = local_async_http_client(timeout=timeout) if is_async else local_http_client(timeout=timeout)
            return cls(base_url=LOCAL_BASE_URL, api_key="embedded", http_client=http, max_retries=0, timeout=timeout)
        # For many requests in flight, aiohttp under the SDK costs less CPU per
        # request than its default httpx2 transport (4.1 against 6.4 ms an
        # article at 64 in flight, benchmarks/batch_throughput.py).
        http = {"http_client": openai.DefaultAioHttpClient(timeout=s.timeout)} if is_async else {}
        return cls(base_url=s.base_url, api_key=s.api_key or "unused", max_retries=0, timeout=s.timeout, **http)

    def _instructor(self, is_async: bool) -> Any:
        attr = "_async" if is_async else "_sync"
        if getattr(self, attr) is None:
            setattr(self, attr, _structured(self._openai(is_async), _MODES[self.settings.mode], is_async))
        return getattr(self, attr)

    async def aclose(self) -> None:
        """Close the async client this provider made (an injected one is the caller's)."""
        if self._async is not None and self._client is None:
            await self._async.client.close()
        self._async = None

    def close(self) -> None:
        if self._sync is not None and self._client is None:
            self._sync.client.close()
        self._sync = None

    # --- one structured call -----------------------------------------------

    def _kwargs(self, messages: list[dict[str, Any]], max_tokens: int) -> dict[str, Any]:
        return {"model": self.model, "messages": messages, "response_model": _RESPONSE_MODEL,
                "max_tokens": max_tokens, "temperature": self.settings.temperature, "max_retries": 1}

    def _retry_policy(self, waits: list[float]) -> dict[str, Any]:
        s = self.settings
        backoff = wait_random_exponential(multiplier=0.5, max=30)

        def wait(state: RetryCallState) -> float:
            asked = retry_after(state.outcome.exception() if state.outcome else None)
            seconds = round(min(asked, s.retry_seconds) if asked is not None else backoff(state), 3)
            waits.append(seconds)
            return seconds

        return {"stop": stop_after_attempt(s.retry_attempts) | stop_after_delay(s.retry_seconds),
                "wait": wait, "retry": retry_if_exception(_is_transient), "reraise": True}

    def ask(self, messages: list[dict[str, Any]], max_tokens: int) -> Answer | Failure:
        waits: list[float] = []
        client = self._instructor(False)
        retrying = Retrying(sleep=self._sleep, **self._retry_policy(waits))
        try:
            summary, completion = retrying(client.chat.completions.create_with_completion,
                                           **self._kwargs(messages, max_tokens))
        except Exception as exc:  # noqa: BLE001 - every fault is classified below
            return self._settle(exc, retrying, waits)
        return self._answer(summary, completion, retrying, waits)

    async def aask(self, messages: list[dict[str, Any]], max_tokens: int) -> Answer | Failure:
        waits: list[float] = []
        client = self._instructor(True)
        extra = {"sleep": self._async_sleep} if self._async_sleep else {}
        retrying = AsyncRetrying(**extra, **self._retry_policy(waits))
        try:
            summary, completion = await retrying(client.chat.completions.create_with_completion,
                                                 **self._kwargs(messages, max_tokens))
        except Exception as exc:  # noqa: BLE001
            return self._settle(exc, retrying, waits)
        return self._answer(summary, completion, retrying, waits)

    @staticmethod
    def _requests(retrying: Any) -> int:
        return int(retrying.statistics.get("attempt_number", 1))

    def _answer(self, summary: ArticleSummary, completion: Any, retrying: Any, waits: list[float]) -> Answer:
        raw, finish, _ = _raw(completion)
        plain = ArticleSummary.model_validate(summary.model_dump())  # our class, not instructor's wrapper
        return Answer(plain, raw, finish, _usage(completion), self._requests(retrying), waits)

    def _settle(self, exc: BaseException, retrying: Any, waits: list[float]) -> Answer | Failure:
        """An answer that could not be used, or the Failure the fault amounts to."""
        requests = self._requests(retrying)
        completion = getattr(exc, "last_completion", None)
        raw, finish, refusal = _raw(completion)
        if refusal or finish == "content_filter":
            return Failure("refusal", f"the model declined: {_short(refusal or 'content filter')}", requests, waits)
        if isinstance(exc, IncompleteOutputException) or finish == "length":
            return Answer(None, raw, "length", _usage(completion), requests, waits, truncated=True)
        root = _root(exc)
        if isinstance(root, openai.APIError) and not isinstance(root, openai.APIResponseValidationError):
            exc = root
        elif isinstance(exc, InstructorRetryException):
            return Answer(None, raw, finish, _usage(completion), requests, waits, invalid=_short(str(root)))
        failure = _classify(exc, self.settings)
        failure.requests, failure.waits = requests, waits
        return failure
