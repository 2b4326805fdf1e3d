"""The headline: the article's title, or its lead, never cut mid-word.

- A title the input gives (a JSONL record's ``title``, an HTML page's og:title or <title>, a Markdown
  ``# heading``) is the headline, its whitespace runs made single spaces.
- Else the text's own title line (``title_line``): among its first lines, before the body starts, the
  first that reads as a title: a line of three words or more that does not end as a sentence ends,
  most of whose words the rest of the article uses. Mastheads, section names and page furniture
  (bylines, captions, share bars) are passed over.
- Else the lead: the first sentence; a long one is cut at its first clause boundary, or at the last
  word boundary within ``HEADLINE_CHARS``, with "…" to say so.
"""

from __future__ import annotations

import re

from ...contract.grounded import Candidates
from ..article.furniture import furniture
from ..article.source import Source
from ..words import content_words, language_of
from .passages import is_complete

__all__ = ["HEADLINE_CHARS", "headline", "title_line"]

HEADLINE_CHARS = 90
_LINES_SEEN = 8
_REST_CHARS = 4000
"""How much of the text after a line is read to see whether the line's words are the article's."""
_LINE_RE = re.compile(r"[^\n]*\S[^\n]*")
_HEADING_RE = re.compile(r"#{1,2}\s+")
_END_MARK_RE = re.compile(r"[.!?。]\s*$")


def _words(text: str, language: str | None) -> set[str]:
    return {w.key for w in content_words(text, language) if w.kind != "number"}


def title_line(src: Source) -> tuple[int, int] | None:
    """``(start, end)`` of the line that is the text's title (a Markdown heading's text without its #), or
    None when the text opens with its body."""
    text = src.text
    language = language_of(text)
    cuts = furniture(src)
    for i, m in enumerate(_LINE_RE.finditer(text)):
        if i >= _LINES_SEEN:
            return None
        start, end = m.start(), m.end()
        while text[start].isspace():
            start += 1
        while text[end - 1].isspace():
            end -= 1
        if h := _HEADING_RE.match(text, start):
            start = h.end()
        line = text[start:end]
        if any(s <= start and end <= e and kind != "nav" for s, e, kind in cuts):
            continue  # a byline, a caption, a share bar... (a short line on its own reads as "nav": it may be the title)
        words = _words(line, language)
        if len(words) < 3:
            continue  # a masthead, a section name, an issue number
        if _END_MARK_RE.search(line) or (is_complete(line) and len(line) > HEADLINE_CHARS):
            return None  # the body has started
        rest = _words(text[end:end + _REST_CHARS], language)
        if len(words & rest) * 2 >= len(words) and end < len(text.rstrip()):
            return start, end
        return None
    return None


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > 0 else limit].rstrip(" ,·") + "…"


def headline(c: Candidates, title: str | None = None) -> str:
    """The headline: ``title``, else the article's title line, else its lead sentence or clause."""
    for given in (title, c.title):
        if given and given.strip():
            return " ".join(given.split())
    lead = next((s for s in c.sentences if s.parent is None), None)
    if lead is None:
        return ""
    if len(lead.text) <= HEADLINE_CHARS:
        return lead.text
    first = c.sentence(lead.clauses[0]) if lead.clauses else None
    if first is not None and len(first.text) <= HEADLINE_CHARS:
        return first.text
    return _clip(lead.text, HEADLINE_CHARS)
