"""The exceptions summarizer raises.

    SummarizerError            the root: catch this to catch ours
    ├── UsageError             a mistake in how the tool was called or set up
    │                          (a bad flag, a missing setting); says how to fix it
    └── InputError             an input that cannot be used (an unreadable file,
                               an empty article, a summary that is not valid JSON)

Every message is one line a person can act on.
"""

from __future__ import annotations

__all__ = ["InputError", "SummarizerError", "UsageError"]


class SummarizerError(Exception):
    """Root of every error summarizer raises on purpose."""


class UsageError(SummarizerError):
    """The tool was called or configured wrongly; the message says how to fix it."""


class InputError(SummarizerError):
    """An input cannot be used; the message names it and says what to do."""
