"""The structured summary on the HTML report's card for one article: the
headline and summary, a table of figures, the events and the quotes, each
linking to its place in the article's text; and the coverage notes, apart
from the findings (coverage is measured beside the status, never changing it).

A link points at an anchor that ``anchored`` puts into the escaped article
text at the item's first character: ``#a{n}-at{start}``. Figures and quotes
have spans in the report; an event has none, so its description is looked
for in the article (grounded events are its sentences) and linked when found.
"""

from __future__ import annotations

import html
import re
from typing import Any

from ..contract.record import ResultRecord
from ..contract.report import Finding

__all__ = ["anchored", "coverage_html", "coverage_starts", "link_targets", "summary_html"]


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def _event_start(text: str, description: str) -> int | None:
    """Where the description is in the article, as written or with its spaces and line breaks differing."""
    words = description.split()
    if not words:
        return None
    found = text.find(description.strip())
    if found >= 0:
        return found
    match = re.search(r"\s+".join(map(re.escape, words)), text)
    return None if match is None else match.start()


def link_targets(r: ResultRecord) -> tuple[dict[int, int], dict[int, int], dict[int, int]]:
    """Where each figure, quote and event starts in the article, by index, where it is known."""
    figures: dict[int, int] = {}
    quotes: dict[int, int] = {}
    events: dict[int, int] = {}
    if r.report is not None:
        for fig in r.report.figures:
            if fig.span is not None:
                figures.setdefault(fig.index, fig.span.start)
        for loc in r.report.quotes:
            span = loc.span or (loc.pieces[0] if loc.pieces else None)
            if span is not None:
                quotes.setdefault(loc.index, span.start)
    if r.summary is not None:
        for i, event in enumerate(r.summary.events):
            start = _event_start(r.text, event.description)
            if start is not None:
                events[i] = start
    return figures, quotes, events


def anchored(text: str, start: int, end: int, anchors: list[int], n: int) -> str:
    """``text[start:end]`` escaped, with an anchor before each offset of ``anchors`` inside it."""
    parts, pos = [], start
    for at in anchors:
        if start <= at < end:
            parts.append(_e(text[pos:at]))
            parts.append(f'<span class="at" id="a{n}-at{at}"></span>')
            pos = at
    parts.append(_e(text[pos:end]))
    return "".join(parts)


def _link(n: int, start: int | None, label: str) -> str:
    if start is None:
        return f'<span class="nolink" title="not found in the article">{label}</span>'
    return f'<a href="#a{n}-at{start}">{label}</a>'


def summary_html(n: int, r: ResultRecord) -> str:
    """The headline, summary, figures table, events and quotes of one record."""
    s = r.summary
    if s is None:
        return ""
    figures, quotes, events = link_targets(r)
    out = [f'<p class="headline">{_e(s.headline)}</p><p class="summary">{_e(s.summary)}</p>']
    if s.figures:
        rows = "".join(
            f"<tr><td>{_link(n, figures.get(i), _e(f.label))}</td><td>{_e(_number(f.value))}</td>"
            f"<td>{_e(f.unit)}</td><td>{_e(f.qualifier)}</td><td>{_e(f.part_of)}</td>"
            f"<td>{_e(f.text)}</td></tr>"
            for i, f in enumerate(s.figures)
        )
        out.append('<h3>Figures</h3><table class="figures"><thead><tr><th>label</th><th>value</th><th>unit</th>'
                   f"<th>qualifier</th><th>part of</th><th>as written</th></tr></thead><tbody>{rows}</tbody></table>")
    if s.events:
        items = "".join(
            f"<li>{_link(n, events.get(i), _e(ev.description))}"
            f'<br><small>{_e(", ".join(ev.actors) or "no actors")} · {_e(ev.location or "no place")} · '
            f'{_e(ev.date or "no date")}</small></li>'
            for i, ev in enumerate(s.events)
        )
        out.append(f'<h3>Events</h3><ol class="events">{items}</ol>')
    if s.quotes:
        items = "".join(
            f"<li>{_link(n, quotes.get(i), '“' + _e(q.text) + '”')} <span class=\"speaker\">— {_e(q.speaker)}"
            f"{', ' + _e(q.speaker_role) if q.speaker_role and q.speaker_role not in q.speaker else ''}</span></li>"
            for i, q in enumerate(s.quotes)
        )
        out.append(f'<h3>Quotes</h3><ul class="quotes">{items}</ul>')
    return '<section class="structured">' + "".join(out) + "</section>"


def _note(n: int, f: Finding) -> str:
    where = f' <a href="#a{n}-at{f.span.start}">in the article</a>' if f.span else ""
    return (f'<div class="note"><span class="code">{_e(f.code)}</span> <span>{_e(f.path)}</span>{where}'
            f"<br>{_e(f.message)}</div>")


def coverage_starts(r: ResultRecord) -> list[int]:
    """Where the coverage notes point in the article."""
    c = r.report.coverage if r.report else None
    return [f.span.start for f in c.findings if f.span] if c else []


def coverage_html(n: int, r: ResultRecord) -> str:
    """What the summary left out, in a box of its own: it does not change the status."""
    c = r.report.coverage if r.report else None
    if c is None:
        return ""
    notes = "".join(_note(n, f) for f in c.findings)
    return (f'<section class="coverage"><h3>Coverage</h3><p><small>Measured beside the status, not part of it: '
            f"{c.quotes.carried} of {c.quotes.total} quotations, {c.figures.carried} of {c.figures.total} "
            f"figures carried.</small></p>{notes}</section>")
