"""Events: actors are people or organisations the article names, a location is a place it names (not a
person), a date is one it gives or lets a reader resolve, and no event is told twice.

Severity follows one rule with the word checks: a name the article never writes is an error (as an invented
number is), a location that the article names as a person is an error, and anything else that the article
does not back is a warning.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from ...contract.report import Finding
from ...contract.summary import ArticleSummary
from ..article.dates import dates_of
from ..article.source import Source
from ..article.textkey import clip
from ..article.vocabulary import Vocabulary, vocabulary
from ..people.names import name_kind, place_word
from ..people.persons import Person, people
from .findings import excerpt, finding
from .quotes import denoted
from .support import other_language
from .wording import backing, listed
from .written import Field, Written

__all__ = ["REPEAT", "check_events"]

REPEAT = 0.8
"""Two events whose descriptions share at least this share of their terms (Jaccard) tell the same event."""

_ISO_PARTIAL_RE = re.compile(r"\d{4}(?:-(0[1-9]|1[0-2]))?")
_PLACE_AFTER_RE = re.compile(r"(?:에서|에선|에|서)(?![가-힣])")
_PLACE_BEFORE_RE = re.compile(r"\b(?:in|at|near|from|to|outside|inside|across)\s+(?:the\s+)?$", re.IGNORECASE)


def check_events(src: Source, summary: ArticleSummary, written: Written) -> list[Finding]:
    """Every event's actors, location and date, and repeated events."""
    out: list[Finding] = []
    vocab = vocabulary(src) if written.article_language in ("ko", "en") else None
    for i, event in enumerate(summary.events):
        for j in range(len(event.actors)):
            out += _actor(src, vocab, written.get(f"events[{i}].actors[{j}]"))
        if event.location is not None:
            out += _location(src, vocab, written.get(f"events[{i}].location"))
        if event.date is not None:
            out += _date(src, f"events[{i}].date", event.date)
    return out + _repeats(written, len(summary.events))


def _absent(src: Source, vocab: Vocabulary | None, field: Field) -> tuple[str, bool] | None:
    """None when the article writes ``field``'s text; else what to say of it, and whether it holds a name the
    article never writes (an error; anything else is a warning)."""
    text = field.text.strip()
    if text and src.names(text):
        return None
    b = backing(vocab, field.terms, field.text, passage=1) if vocab is not None else None
    # an actor or a place is a name: one that the article writes none of is invented (팀 쿡, read as two words)
    names = () if b is None else b.names_missing or (b.missing if b.terms and b.missing == b.terms else ())
    if names:
        return f"{listed(names)} {'is' if len(names) == 1 else 'are'} not in the article", True
    return f'"{clip(text, 60)}" is not named in the article', False


def _person(src: Source, text: str) -> Person | None:
    return denoted(src, text, None, people(src))


def _actor(src: Source, vocab: Vocabulary | None, field: Field) -> list[Finding]:
    text = field.text.strip()
    if text and (_person(src, text) or name_kind(src, text)):
        return []
    if vocab is not None and (wrong := other_language(field, vocab.language)) is not None:
        return [wrong]
    absent = _absent(src, vocab, field)
    if absent is None:
        if any(t.kind in ("name", "foreign") for t in field.terms):
            return []  # a name the article writes, that the finder does not know (블랙록, the FDA)
        return [finding("event.actor_not_found", "warning", field.path,
                        f'"{clip(text, 60)}" is in the article, but names no person or organisation. Name who acted '
                        "as the article names them, or leave it out.")]
    return _absent_finding("event.actor_not_found", field, absent,
                           "Name the actor as the article does: a person or an organisation it names.")


def _location(src: Source, vocab: Vocabulary | None, field: Field) -> list[Finding]:
    text = field.text.strip()
    if not text:
        return []
    person = _person(src, text)
    if person is not None and not any(place_word(w) for w in text.split()):
        return [finding("event.location_is_person", "error", field.path,
                        f'"{clip(text, 60)}" is a person in the article ({person.name}), not a place. Give the place '
                        "the article names for this event, or null.")]
    if vocab is not None and (wrong := other_language(field, vocab.language)) is not None:
        return [wrong]
    absent = _absent(src, vocab, field)
    if absent is None:
        if name_kind(src, text) == "place" or any(place_word(w) for w in text.split()) \
                or _written_as_a_place(src, text):
            return []
        return [finding("event.location_not_a_place", "warning", field.path,
                        f'"{clip(text, 60)}" is in the article, but not as a place. Give the place the article names '
                        "for this event, or null.")]
    return _absent_finding("event.location_not_found", field, absent, "Name the place as the article does, or null.")


def _absent_finding(code: str, field: Field, absent: tuple[str, bool], advice: str) -> list[Finding]:
    message, invented = absent
    return [finding(code, "error" if invented else "warning", field.path, f"{message}. {advice}")]


def _written_as_a_place(src: Source, text: str) -> bool:
    """Whether the article writes ``text`` as a place somewhere: 경주에서, 경주에; in Gyeongju, at the hall."""
    for s, e in src.find_all(text)[1]:
        if _PLACE_AFTER_RE.match(src.text, e) or _PLACE_BEFORE_RE.search(src.text[max(0, s - 12) : s]):
            return True
    return False


def _date(src: Source, path: str, value: str) -> list[Finding]:
    if not _is_iso(value):
        return [finding("event.date_invalid", "error", path,
                        f'"{value}" is not an ISO 8601 date. Write it as YYYY-MM-DD (or YYYY-MM, YYYY), or null.')]
    given = dates_of(src)
    if given.gives(value):
        return []
    shown = ", ".join(given.shown[:8])
    return [finding("event.date_not_in_source", "warning", path,
                    f'{value.strip()} is not a date the article gives or lets you work out' +
                    (f" (it writes {clip(shown, 100)})" if shown else " (it writes none)") +
                    ". Give the date only as far as the article does (a year, a month), or null.")]


def _is_iso(value: str) -> bool:
    value = value.strip()
    if _ISO_PARTIAL_RE.fullmatch(value):
        return True
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parse(value)
            return True
        except ValueError:
            pass
    return False


def _repeats(written: Written, count: int) -> list[Finding]:
    out = []
    seen: list[tuple[int, frozenset[str]]] = []
    for i in range(count):
        field = written.get(f"events[{i}].description")
        keys = frozenset(t.key for t in field.terms if t.kind != "number") or frozenset({field.text.strip()})
        for j, other in seen:
            if keys and len(keys & other) >= REPEAT * len(keys | other):
                out.append(finding("event.repeated", "warning", f"events[{i}]",
                                   f'This repeats events[{j}] ("{excerpt(written.get(f"events[{j}].description").text, 0, 80, 60)}"). '
                                   "Give each event once, or say what is new in this one."))
                break
        else:
            seen.append((i, keys))
    return out
