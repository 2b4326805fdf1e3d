"""The openai clients that reach the model: an endpoint's, or the embedded model's in-process one.

There is one retry layer, ours (``call``): every client made here has the
SDK's own retries turned off, and so has an injected one (through its public
``with_options``).

An endpoint's clients bound each response (``bounded``): a deadline for all of
it (``Settings.timeout``) and a cap on its bytes (``Settings.max_response_bytes``).
A client passed in is the caller's, with the caller's bounds.
"""

from __future__ import annotations

from typing import Any

import openai

from .bounded import BoundedAsyncClient, BoundedClient
from .redact import safe_url
from .settings import Settings

__all__ = ["base_url_of", "make_client", "require_kind"]

_DEFAULT_BASE_URL = "https://api.openai.com/v1"


def make_client(settings: Settings, *, is_async: bool, client: Any = None) -> openai.OpenAI | openai.AsyncOpenAI:
    """An openai client for ``settings``, or ``client`` (the caller's) with its retries off."""
    if client is not None:
        require_kind(client, is_async=is_async)
        return client.with_options(max_retries=0)
    cls = openai.AsyncOpenAI if is_async else openai.OpenAI
    if settings.embedded:
        from ..embedded import EMBEDDED_BASE_URL, ensure_installed, local_async_http_client, local_http_client

        ensure_installed()
        timeout = max(600.0, settings.timeout)
        http = local_async_http_client(timeout=timeout) if is_async else local_http_client(timeout=timeout)
        return cls(base_url=EMBEDDED_BASE_URL, api_key="embedded", http_client=http, max_retries=0, timeout=timeout)
    # For many requests in flight, aiohttp under the SDK costs less CPU per
    # request than its default httpx2 transport (benchmarks/batch_throughput.py).
    bounded = BoundedAsyncClient if is_async else BoundedClient
    http = bounded(deadline=settings.timeout, max_bytes=settings.max_response_bytes)
    return cls(base_url=settings.base_url, api_key=settings.api_key or "unused", max_retries=0,
               timeout=settings.timeout, http_client=http)


def require_kind(client: Any, *, is_async: bool) -> None:
    """A TypeError unless ``client`` is an ``openai.AsyncOpenAI`` (``is_async``) or an ``openai.OpenAI``."""
    if isinstance(client, openai.AsyncOpenAI) != is_async:
        kind = "AsyncOpenAI" if is_async else "OpenAI"
        raise TypeError(f"this call needs an openai.{kind} client")


def base_url_of(settings: Settings, client: Any = None) -> str | None:
    """Where the requests go, for the record (credentials taken out); None for the embedded model."""
    if client is not None:
        return safe_url(str(client.base_url))
    return None if settings.embedded else safe_url(settings.base_url or _DEFAULT_BASE_URL)
