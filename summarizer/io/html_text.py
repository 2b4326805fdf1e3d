"""HTML pages reduced to their article text by trafilatura, with a time limit.

lxml's HTML parser checks each attribute of a tag against all the ones before it, and trafilatura's cleaning
walks them again: the time grows with the square of the attributes on one tag, and a page of 2.2 MB with
200,000 of them took 114 s. A parse cannot be interrupted from Python, so a page of more than
``IN_PROCESS_CHARS`` is reduced in a child process (one, started at the first such page and kept), which is
killed when a page takes longer than ``SUMMARIZER_HTML_SECONDS`` (20 s unless set); that page becomes
unreadable with the reason, and the next page gets a fresh child. A smaller page cannot take long (at most
about 0.3 s, however its tags are made) and is reduced here.

The child runs ``_serve``: it reads pages from its standard input and writes their text to its standard
output, each as a length and UTF-8 bytes.
"""

from __future__ import annotations

import atexit
import os
import queue
import struct
import subprocess
import sys
import threading
import time
from typing import IO

from ..contract.errors import UsageError

__all__ = ["IN_PROCESS_CHARS", "HtmlUnreadable", "html_seconds", "html_text"]

IN_PROCESS_CHARS = 64 * 1024
"""Pages up to this many characters are reduced in this process: 6,500 attributes on one tag at most, 0.3 s."""
_SECONDS = 20.0
_STARTUP = 120.0
"""Seconds the child may take to start (importing trafilatura), apart from any page's limit."""
_LENGTH = struct.Struct(">Q")
_NONE = 2**64 - 1
"""The length that says "no article text in this page"."""


class HtmlUnreadable(Exception):
    """A page that could not be reduced to its text: it took longer than the limit, or the child stopped."""


def html_seconds() -> float:
    """The time limit for one page: ``SUMMARIZER_HTML_SECONDS``, or 20."""
    raw = os.environ.get("SUMMARIZER_HTML_SECONDS")
    if not raw:
        return _SECONDS
    try:
        seconds = float(raw)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < float("inf"):
        raise UsageError(f"SUMMARIZER_HTML_SECONDS={raw!r} is not a number of seconds above 0")
    return seconds


def _extract(html: str) -> tuple[str | None, str | None]:
    """The page's article text and its title (og:title, else <title> or the first heading)."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True)
    meta = trafilatura.extract_metadata(html) if text else None
    title = " ".join(meta.title.split()) if meta is not None and meta.title else None
    return text, title or None


def _write(stream: IO[bytes], text: str | None) -> None:
    data = b"" if text is None else text.encode("utf-8", "surrogatepass")
    stream.write(_LENGTH.pack(_NONE if text is None else len(data)) + data)
    stream.flush()


def _read(stream: IO[bytes]) -> str | None:
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        raise EOFError
    (n,) = _LENGTH.unpack(head)
    return None if n == _NONE else stream.read(n).decode("utf-8", "surrogatepass")


class _Child:
    """The child process, and a thread that reads its answers into a queue (a pipe read has no timeout)."""

    def __init__(self) -> None:
        # -c, not -m: this module is imported with the package, and runpy warns about running it again.
        self.proc = subprocess.Popen([sys.executable, "-c", f"from {__name__} import _serve; _serve()"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.answers: queue.Queue[tuple[bool, str | None]] = queue.Queue()
        threading.Thread(target=self._listen, daemon=True).start()

    def _listen(self) -> None:
        stdout = self.proc.stdout
        assert stdout is not None
        try:
            while True:
                self.answers.put((True, _read(stdout)))
        except (EOFError, OSError, ValueError):
            self.answers.put((False, None))

    def answer(self, seconds: float) -> str | None:
        try:
            ok, text = self.answers.get(timeout=seconds)
        except queue.Empty:
            raise TimeoutError from None
        if not ok:
            raise EOFError("the HTML child process stopped")
        return text

    def ask(self, html: str, seconds: float) -> tuple[str | None, str | None]:
        assert self.proc.stdin is not None
        _write(self.proc.stdin, html)
        started = time.monotonic()
        text = self.answer(seconds)
        return text, self.answer(max(0.001, seconds - (time.monotonic() - started)))

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                stream.close()


_child: _Child | None = None
_lock = threading.Lock()


def _started() -> _Child:
    global _child
    if _child is None:
        _child = _Child()
        try:
            _child.answer(_STARTUP)  # the child says it is ready, trafilatura imported
        except (TimeoutError, EOFError):
            _stop()
            raise
    return _child


def _stop() -> None:
    global _child
    if _child is not None:
        _child.kill()
        _child = None


atexit.register(_stop)


def html_text(html: str) -> tuple[str | None, str | None]:
    """The article text of an HTML page (None if it has none) and its title (None if it has none);
    ``HtmlUnreadable`` past the time limit."""
    if len(html) <= IN_PROCESS_CHARS:
        return _extract(html)
    seconds = html_seconds()
    with _lock:
        try:
            return _started().ask(html, seconds)
        except TimeoutError:
            _stop()
            raise HtmlUnreadable(f"reducing this HTML page to its text took longer than {seconds:g} s "
                                 "(SUMMARIZER_HTML_SECONDS); a page made to be slow to parse, such as one with many "
                                 "thousands of attributes on a tag, is left out") from None
        except (EOFError, OSError) as e:
            _stop()  # it died (out of memory?): the next page gets a fresh one
            raise HtmlUnreadable(f"the process reducing HTML pages to their text stopped on this page ({e}); "
                                 "check that the page opens in a browser") from None


def _serve() -> None:
    """The child: pages in, their text out, until its standard input ends."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    import trafilatura  # noqa: F401 - before saying it is ready, so that no page's time is spent importing

    _write(stdout, "")
    while True:
        try:
            html = _read(stdin)
        except EOFError:
            return
        text, title = _extract(html or "")
        _write(stdout, text)
        _write(stdout, title)
