"""Text on its way to a terminal, made safe: what an article, a model, a server or a file name wrote is shown,
never obeyed.

A terminal acts on control characters: ESC sequences can set the window's
title, clear the screen, move the cursor or rewrite what is already shown; a
carriage return or a newline can forge a line of ours; bidirectional
overrides reorder what is read. ``printable`` writes each of them as its
escape (``\\x1b``, ``\\n``, ``\\u202e``), and a lone surrogate too (a
terminal's encoding cannot take one). Everything summarizer prints for a
person goes through it: the lines on stderr (``say``), validate's text
report, and the run's notes above its progress bar.
"""

from __future__ import annotations

import re
import sys

__all__ = ["printable", "say"]

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""C0 and C1 controls (newline and tab included: one call is one line), DEL, bidirectional marks, overrides and
isolates, and lone surrogates."""


def printable(text: str) -> str:
    """``text`` with every character a terminal would act on written as its escape."""
    return _UNSAFE.sub(lambda m: ascii(m[0])[1:-1], text)


def say(line: str) -> None:
    """One line on stderr for the person running summarizer, made ``printable``."""
    print(printable(line), file=sys.stderr)
