"""Free text and events: no invented numbers, named actors and places, ISO dates."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

from ..numbers import find_quantities
from .context import Context, as_decimal, show
from .figures import APPROX_TOLERANCE

_ISO_PARTIAL_RE = re.compile(r"\d{4}(?:-(0[1-9]|1[0-2]))?")


def _derived(ctx: Context) -> set[Decimal]:
    """Numbers the summary may state without the article writing them: sums of grounded parts."""
    values: set[Decimal] = set()
    groups: dict[str, list[Decimal]] = {}
    for f in ctx.summary.figures:
        if f.id in ctx.grounded:
            values.add(as_decimal(f.value))
            if f.part_of is not None:
                groups.setdefault(f.part_of, []).append(as_decimal(f.value))
    values.update(sum(v, Decimal(0)) for v in groups.values() if len(v) > 1)
    return values


def check_free_text(ctx: Context) -> None:
    fields = [("headline", ctx.summary.headline), ("summary", ctx.summary.summary)]
    fields += [(f"events[{i}].description", e.description) for i, e in enumerate(ctx.summary.events)]
    known = ctx.src.values
    derived: set[Decimal] | None = None
    for path, text in fields:
        for q in find_quantities(text):
            if q.value in known:
                continue
            if derived is None:
                derived = _derived(ctx)
            if q.value in derived:
                continue
            if q.qualifier == "approx" and any(abs(v - q.value) <= APPROX_TOLERANCE * abs(v) for v in known):
                continue
            examples = ", ".join(dict.fromkeys(x.text for x in ctx.src.quantities if not x.is_time))
            ctx.add("text.number_not_in_source", "error", path,
                    f'"{q.text}" ({show(q.value)}) is not a number the article gives, in any notation. '
                    "Use only the article's numbers"
                    + (f" (it gives {_clip(examples)})." if examples else ".") +
                    " Remove or correct this one.")


def _clip(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_events(ctx: Context) -> None:
    for i, event in enumerate(ctx.summary.events):
        for j, actor in enumerate(event.actors):
            if not ctx.src.names(actor):
                ctx.add("event.actor_not_found", "warning", f"events[{i}].actors[{j}]",
                        f'"{actor}" is not named in the article. Name the actor as the article does.')
        if event.location is not None and not ctx.src.names(event.location):
            ctx.add("event.location_not_found", "warning", f"events[{i}].location",
                    f'"{event.location}" is not named in the article. Name the place as the article does, or null.')
        if event.date is not None and not _is_iso(event.date):
            ctx.add("event.date_invalid", "error", f"events[{i}].date",
                    f'"{event.date}" is not an ISO 8601 date. Write it as YYYY-MM-DD (or YYYY-MM, YYYY), or null.')


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
