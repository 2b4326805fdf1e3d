"""HTTP clients for the openai SDK whose responses are bounded: a deadline for the whole response, and a cap
on the bytes read from it.

The timeout httpx2 applies is a timeout per read: a server that drips a byte every 0.2 s never trips it,
and a gzip body of 1 MB inflates to whatever it says. Every request these clients send gets one deadline
(``Settings.timeout``) from the moment it is sent to the last byte of the body, and its body is read as a
stream, inflated, and counted: past ``Settings.max_response_bytes`` reading stops.

Both are subclasses of the SDK's public clients (``openai.DefaultHttpxClient``, ``openai.DefaultAioHttpClient``)
that override httpx2's public ``send``: each response comes back to the SDK whole, as an ``httpx2.Response``
built from the bytes read, so the SDK's own handling is unchanged.

- Async: the request runs under ``asyncio.timeout``, which cancels whatever it waits on (connecting, the
  headers, the body).
- Sync: a blocking read cannot be cancelled, so the socket is shut down at the deadline. httpx2's
  documented ``trace`` extension hands over the connection's network stream as it is opened; the client
  keeps no idle connections, so every request opens the one it uses. Between reads the deadline is checked
  too (for a transport with no socket).

Past the deadline a request fails with ``httpx2.ReadTimeout`` (the SDK's ``APITimeoutError``: a transient
fault, retried within ``retry_attempts`` and ``retry_seconds``); over the size, with ``ResponseTooLarge``,
which is never retried.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx2
import openai

__all__ = ["BoundedAsyncClient", "BoundedClient", "ResponseTooLarge", "too_large"]

_DROPPED = frozenset({"content-encoding", "content-length", "transfer-encoding"})
"""Headers that describe the body as it came over the wire, not the inflated bytes handed on."""


class ResponseTooLarge(Exception):
    """An endpoint's response held more bytes (once inflated) than the limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the endpoint's response is over {limit:,} bytes (SUMMARIZER_MAX_RESPONSE_BYTES); no "
                         "answer needs that much: check the endpoint, or raise the limit")
        self.limit = limit


def too_large(exc: BaseException | None) -> ResponseTooLarge | None:
    """The ``ResponseTooLarge`` under ``exc`` (the SDK and instructor wrap it), if there is one."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, ResponseTooLarge):
            return exc
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return None


def _late(seconds: float, request: httpx2.Request) -> httpx2.ReadTimeout:
    return httpx2.ReadTimeout(f"no whole response within {seconds:g} s (the deadline SUMMARIZER_TIMEOUT sets for "
                              "a response, headers and body together)", request=request)


def _whole(response: httpx2.Response, body: bytes) -> httpx2.Response:
    """``response`` as the SDK would have read it, with ``body`` (inflated) as its content."""
    headers = [(k, v) for k, v in response.headers.multi_items() if k.lower() not in _DROPPED]
    return httpx2.Response(response.status_code, headers=headers, content=body, request=response.request,
                           extensions={k: v for k, v in response.extensions.items() if k != "network_stream"})


class _Body:
    """The bytes of one body, counted as they come."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.chunks: list[bytes] = []
        self.size = 0

    def add(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self.limit:
            raise ResponseTooLarge(self.limit)
        self.chunks.append(chunk)

    def bytes(self) -> bytes:
        return b"".join(self.chunks)


class BoundedAsyncClient(openai.DefaultAioHttpClient):
    """The SDK's aiohttp client, each response read whole within ``deadline`` seconds and ``max_bytes``."""

    def __init__(self, *, deadline: float, max_bytes: int, **kwargs: Any) -> None:
        super().__init__(timeout=deadline, **kwargs)
        self.deadline = deadline
        self.max_bytes = max_bytes

    async def send(self, request: httpx2.Request, *, stream: bool = False, **kwargs: Any) -> httpx2.Response:
        try:
            async with asyncio.timeout(self.deadline):
                response = await super().send(request, stream=True, **kwargs)
                try:
                    body = _Body(self.max_bytes)
                    async for chunk in response.aiter_bytes():
                        body.add(chunk)
                finally:
                    await response.aclose()
        except TimeoutError:
            raise _late(self.deadline, request) from None
        return _whole(response, body.bytes())


class _Watchdog:
    """Shuts down the socket of one request's connection when its deadline passes."""

    _OPENED = ("connection.connect_tcp.complete", "connection.connect_unix_socket.complete",
               "connection.start_tls.complete")

    def __init__(self, seconds: float, traced: Callable[[str, dict[str, Any]], Any] | None) -> None:
        self.deadline = time.monotonic() + seconds
        self.traced = traced
        self.fired = False
        self._socket: socket.socket | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True

    def trace(self, name: str, info: dict[str, Any]) -> None:
        """httpx2's ``trace`` extension: keeps the socket of the stream each step opens (TLS wraps TCP's)."""
        if name in self._OPENED and (stream := info.get("return_value")) is not None:
            with self._lock:
                self._socket = stream.get_extra_info("socket")
        if self.traced is not None:
            self.traced(name, info)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            if self._socket is not None:
                try:  # the socket's own shutdown, also under a TLS socket: its blocked read ends at once
                    socket.socket.shutdown(self._socket, socket.SHUT_RDWR)
                except OSError:
                    pass  # already closed

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            self._fire()

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()


class BoundedClient(openai.DefaultHttpxClient):
    """The SDK's httpx2 client, each response read whole within ``deadline`` seconds and ``max_bytes``; it
    keeps no idle connection, so that the deadline can reach every request's socket."""

    def __init__(self, *, deadline: float, max_bytes: int, **kwargs: Any) -> None:
        super().__init__(timeout=deadline, limits=httpx2.Limits(max_connections=100, max_keepalive_connections=0),
                         **kwargs)
        self.deadline = deadline
        self.max_bytes = max_bytes

    def send(self, request: httpx2.Request, *, stream: bool = False, **kwargs: Any) -> httpx2.Response:
        watchdog = _Watchdog(self.deadline, request.extensions.get("trace"))
        request.extensions["trace"] = watchdog.trace
        with watchdog:
            try:
                response = super().send(request, stream=True, **kwargs)
                try:
                    body = _Body(self.max_bytes)
                    for chunk in response.iter_bytes():
                        body.add(chunk)
                        watchdog.check()
                        if watchdog.fired:
                            raise _late(self.deadline, request)
                finally:
                    response.close()
            except httpx2.TransportError as e:
                if watchdog.fired and not isinstance(e, httpx2.ReadTimeout):
                    raise _late(self.deadline, request) from e
                raise
        return _whole(response, body.bytes())
