"""An input's title and its text: the title is the article's headline, and the checks read only the text, so a
title the text does not write goes at its head."""

from __future__ import annotations

from .textkey import key_of

__all__ = ["holds_title", "with_title"]


def holds_title(text: str, title: str) -> bool:
    """Whether ``text`` writes ``title`` (up to spacing, case and the forms of quote marks and dashes)."""
    key = key_of(title).casefold()
    return bool(key) and key in key_of(text).casefold()


def with_title(text: str, title: str | None) -> str:
    """``text``, with ``title`` (its whitespace runs made single spaces) as its first line when the text does
    not write it: a page's og:title or <title>, or a record's ``title``, is the article's own headline, and a
    headline taken from it must be checked against words the article holds."""
    if title is None or not title.strip() or holds_title(text, title):
        return text
    return " ".join(title.split()) + "\n\n" + text
