"""Where a JSON text goes wrong, said where a reader looks for it.

``json`` reports a text that ends early (a missing ``}`` or ``]``) at the
place it stopped: after the last newline, "line 2 column 1", or in one line
of a JSONL file, at "column 1" of nothing. Said here: at the last character
there is, with what is still open.
"""

from __future__ import annotations

import json
from typing import NamedTuple

__all__ = ["JsonError", "json_error"]

_CLOSERS = {"{": "}", "[": "]"}
_KINDS = {"{": "an object", "[": "a list", '"': "a string"}


class JsonError(NamedTuple):
    line: int
    """From 1."""
    column: int
    """From 1."""
    offset: int
    """Of the character in the text (from 0)."""
    message: str
    """What is wrong there, in lower case: "expecting ',' delimiter", "it ends with an object still open..."."""


def json_error(text: str, e: json.JSONDecodeError) -> JsonError:
    """Where the error ``e`` is in ``text``, and what is wrong there."""
    what = e.msg.removesuffix(" at")  # "Unterminated string starting at", "Invalid control character at"
    message = what[:1].lower() + what[1:]
    if text[e.pos:].strip():
        return JsonError(e.lineno, e.colno, e.pos, message)
    end = len(text.rstrip())
    if end == 0:
        return JsonError(1, 1, 0, "there is nothing in it")
    line = text.count("\n", 0, end - 1) + 1
    column = end - 1 - text.rfind("\n", 0, end - 1)
    opened = _still_open(text[:end])
    if opened is None:
        return JsonError(line, column, end - 1, f"it ends too early ({message})")
    closer = _CLOSERS.get(opened, opened)
    return JsonError(line, column, end - 1, f"it ends with {_KINDS[opened]} still open (a missing '{closer}'?)")


def _still_open(text: str) -> str | None:
    """What is not closed by the end of ``text``: a string (``"``), else the innermost ``{`` or ``[``, if any."""
    stack: list[str] = []
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in _CLOSERS:
            stack.append(ch)
        elif ch in "}]" and stack:
            stack.pop()
    if in_string:
        return '"'
    return stack[-1] if stack else None
