"""One structured call to the model: the request, its transient retries, and what came back.

There is one retry layer, ours: tenacity retries transient faults (429 with
its Retry-After, 5xx, timeouts, dropped connections) with jittered backoff
and a bounded total time. The openai client's retries are off, and so are
instructor's (``max_retries=0``): an answer that does not fit the schema
comes back as an invalid ``Answer``, and the pipeline re-asks with the reason.

instructor is used through its public API (``patch``, ``Instructor``,
``response_schema``). Requests go out through ``client.post``, the SDK's
documented way to send a request body as built: its ``chat.completions.create``
re-walks every body against its typed parameters (the whole JSON schema of the
tool included) first, which costs CPU on every call.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import instructor
import openai
from openai.types.chat import ChatCompletion
from pydantic import BaseModel
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_after_delay,
    wait_random_exponential,
)

from ..contract.result import Usage
from ..contract.summary import ArticleSummary
from ..trust.article.textkey import clip
from .bounded import too_large
from .client import base_url_of, make_client
from .failures import Failure, classify, is_transient, retry_after, root
from .grounded.schema import Offer, response_model, to_answer
from .redact import redact
from .settings import Settings

__all__ = ["FREE_TEXT", "Answer", "Failure", "Provider", "Shape", "grounded_shape", "retry_policy"]

# instructor logs every failed call at ERROR; with no handler configured, Python
# would print those to stderr. Our results carry the reason instead.
logging.getLogger("instructor").addHandler(logging.NullHandler())

# instructor wraps a plain response model in a new class on every call, which
# defeats its own schema cache; handed the wrapped class (its public
# response_schema), it uses it as it is. One wrapped class per response model.
@lru_cache(maxsize=32)
def _response_schema(model: type[BaseModel]) -> Any:
    return instructor.response_schema(model)


_response_schema(ArticleSummary)
_MODES = {"tools": instructor.Mode.TOOLS, "json_schema": instructor.Mode.JSON_SCHEMA, "json": instructor.Mode.JSON}


@dataclass(frozen=True)
class Shape:
    """What an answer must be: the model instructor asks for and validates, how it becomes ours, and any
    further request fields (the embedded model's ``grammar``)."""

    model: type[BaseModel]
    """The response model (``_response_schema`` wraps it for instructor)."""
    plain: Callable[[BaseModel], BaseModel]
    """Our answer from instructor's instance of the wrapped model."""
    extra: Mapping[str, Any] = field(default_factory=dict)
    """Further request fields (instructor sends them on in the request body as they are)."""

    @classmethod
    def of(cls, shape: Shape | type[BaseModel]) -> Shape:
        """``shape`` itself, or a plain answer in the response model ``shape``."""
        if isinstance(shape, Shape):
            return shape
        return cls(shape, lambda parsed: shape.model_validate(parsed.model_dump()))


FREE_TEXT = Shape.of(ArticleSummary)
"""A free-text summary: the ``ArticleSummary`` schema."""


def grounded_shape(offer: Offer, grammar: str | None = None) -> Shape:
    """A grounded answer to ``offer``: its ids and names as enums; with ``grammar`` (a ``%llguidance`` Lark
    grammar) sent as the request's ``grammar`` field, for a server that decodes under it (the embedded model's)."""
    return Shape(response_model(offer), to_answer, {"grammar": grammar} if grammar else {})


@dataclass
class Answer:
    """A structured answer, or the reason there is none (cut off, or not fitting the schema)."""

    summary: Any
    """The answer in its shape's plain model (an ``ArticleSummary``, a ``GroundedAnswer``, or the response
    model asked for); None if unusable."""
    raw: str | None
    finish_reason: str | None
    usage: Usage
    requests: int
    waits: list[float]
    truncated: bool = False
    invalid: str | None = None


def _body(kwargs: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in kwargs.items() if v is not None}


def _structured(client: Any, mode: instructor.Mode) -> Any:
    """instructor over ``client``, sending each request body as built."""
    if isinstance(client, openai.AsyncOpenAI):
        async def acreate(**kwargs: Any) -> Any:
            return await client.post("/chat/completions", body=_body(kwargs), cast_to=ChatCompletion)

        return instructor.AsyncInstructor(client=client, create=instructor.patch(create=acreate, mode=mode), mode=mode)

    def create(**kwargs: Any) -> Any:
        return client.post("/chat/completions", body=_body(kwargs), cast_to=ChatCompletion)

    return instructor.Instructor(client=client, create=instructor.patch(create=create, mode=mode), mode=mode)


_MOST_TOKENS = 2**53
"""A token count this large or larger is no count (JSON numbers past it are not exact anyway)."""


def _count(value: Any) -> int | None:
    """A token count as the endpoint sent it: absent is 0; anything but a whole number from 0 up to
    ``_MOST_TOKENS`` is unknown (None), and the answer stands."""
    if value is None:
        return 0
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value if type(value) is int and 0 <= value < _MOST_TOKENS else None


def _usage(completion: Any) -> Usage:
    u = getattr(completion, "usage", None)
    if u is None:
        return Usage()
    if not isinstance(u, openai.BaseModel):  # a usage block that is not one ("lots", a list): all unknown
        return Usage(prompt_tokens=None, completion_tokens=None, total_tokens=None)
    return Usage(prompt_tokens=_count(getattr(u, "prompt_tokens", None)),
                 completion_tokens=_count(getattr(u, "completion_tokens", None)),
                 total_tokens=_count(getattr(u, "total_tokens", None)))


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


def retry_policy(s: Settings, waits: list[float]) -> dict[str, Any]:
    """Our one retry policy, as tenacity ``Retrying`` keywords: transient faults retried with jittered backoff (or
    the server's Retry-After), bounded by ``retry_attempts`` and ``retry_seconds``; each wait taken is added to
    ``waits`` (tenacity works out a wait before it checks whether to stop: only one slept counts)."""
    backoff = wait_random_exponential(multiplier=0.5, max=30)

    def wait(state: RetryCallState) -> float:
        asked = retry_after(state.outcome.exception() if state.outcome else None)
        return round(min(asked, s.retry_seconds) if asked is not None else backoff(state), 3)

    def before_sleep(state: RetryCallState) -> None:
        waits.append(state.upcoming_sleep)

    def transient(exc: BaseException) -> bool:
        return is_transient(exc) and too_large(exc) is None  # the same endpoint would send as much again

    return {"stop": stop_after_attempt(s.retry_attempts) | stop_after_delay(s.retry_seconds),
            "wait": wait, "before_sleep": before_sleep, "retry": retry_if_exception(transient), "reraise": True}


class Provider:
    """Structured calls to one OpenAI-compatible endpoint (or the embedded model), sync or async."""

    def __init__(self, settings: Settings, client: Any = None, *, sleep: Any = None, async_sleep: Any = None) -> None:
        self.settings = settings
        self.model = settings.model_name
        self.base_url = base_url_of(settings, client)
        self._client = client
        # Kept out of every message: an endpoint's error body can echo the request, key included.
        self._secrets = (settings.api_key, getattr(client, "api_key", None))
        self._sleep = sleep or time.sleep
        self._async_sleep = async_sleep
        self._sync: Any = None
        self._async: Any = None

    def _instructor(self, is_async: bool) -> Any:
        attr = "_async" if is_async else "_sync"
        if getattr(self, attr) is None:
            client = make_client(self.settings, is_async=is_async, client=self._client)
            setattr(self, attr, _structured(client, _MODES[self.settings.mode]))
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

    def _kwargs(self, messages: list[dict[str, Any]], max_tokens: int, shape: Shape) -> dict[str, Any]:
        return {"model": self.model, "messages": messages, "response_model": _response_schema(shape.model),
                "max_tokens": max_tokens, "temperature": self.settings.temperature, "max_retries": 0, **shape.extra}

    def _retry_policy(self, waits: list[float]) -> dict[str, Any]:
        return retry_policy(self.settings, waits)

    def ask(self, messages: list[dict[str, Any]], max_tokens: int,
            shape: Shape | type[BaseModel] = ArticleSummary) -> Answer | Failure:
        """One structured answer in ``shape`` (an ArticleSummary unless another model or shape is asked for)."""
        shape = Shape.of(shape)
        waits: list[float] = []
        client = self._instructor(False)
        retrying = Retrying(sleep=self._sleep, **self._retry_policy(waits))
        try:
            parsed, completion = retrying(client.create_with_completion, **self._kwargs(messages, max_tokens, shape))
        except Exception as exc:  # noqa: BLE001 - every fault is classified below
            return self._settle(exc, retrying, waits)
        return self._answer(shape, parsed, completion, retrying, waits)

    async def aask(self, messages: list[dict[str, Any]], max_tokens: int,
                   shape: Shape | type[BaseModel] = ArticleSummary) -> Answer | Failure:
        shape = Shape.of(shape)
        waits: list[float] = []
        client = self._instructor(True)
        extra = {"sleep": self._async_sleep} if self._async_sleep else {}
        retrying = AsyncRetrying(**extra, **self._retry_policy(waits))
        try:
            parsed, completion = await retrying(client.create_with_completion,
                                                **self._kwargs(messages, max_tokens, shape))
        except Exception as exc:  # noqa: BLE001
            return self._settle(exc, retrying, waits)
        return self._answer(shape, parsed, completion, retrying, waits)

    @staticmethod
    def _requests(retrying: Any) -> int:
        return int(retrying.statistics.get("attempt_number", 1))

    def _answer(self, shape: Shape, parsed: BaseModel, completion: Any, retrying: Any, waits: list[float]) -> Answer:
        raw, finish, _ = _raw(completion)
        plain = shape.plain(parsed)  # our class, not instructor's wrapper
        return Answer(plain, raw, finish, _usage(completion), self._requests(retrying), waits)

    def _settle(self, exc: BaseException, retrying: Any, waits: list[float]) -> Answer | Failure:
        """An answer that could not be used, or the Failure the fault amounts to."""
        requests = self._requests(retrying)
        completion = getattr(exc, "last_completion", None)  # instructor's errors carry the answer
        raw, finish, refusal = _raw(completion)
        if refusal or finish == "content_filter":
            return Failure("refusal", redact(f"the model declined: {clip(refusal or 'content filter', 200)}",
                                             self._secrets), requests, waits)
        if finish == "length":
            return Answer(None, raw, "length", _usage(completion), requests, waits, truncated=True)
        api = root(exc)
        if (over := too_large(exc)) is not None:
            failure = Failure("invalid_response", str(over))
        elif isinstance(api, openai.APIError) and not isinstance(api, openai.APIResponseValidationError):
            failure = classify(api, self.model, self._secrets)
        elif completion is not None:
            reason = redact(clip(str(exc.__cause__ or exc), 300), self._secrets)
            return Answer(None, raw, finish, _usage(completion), requests, waits, invalid=reason)
        else:
            failure = classify(exc, self.model, self._secrets)
        failure.requests, failure.waits = requests, waits
        return failure
