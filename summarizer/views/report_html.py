"""One self-contained HTML page for a run: a filterable table (titles, or ids
where an article has none), then each article's structured summary (headline,
summary, figures, events, quotes, each linking to its place in the article:
views.report_summary), the article with its located quotes and figures
highlighted, its findings beside it and its coverage notes apart from them.

Every piece of article and model text is escaped (the bundled articles carry
raw HTML tags): the page runs only its own small script and loads nothing.
It is written while the results file is read, one article at a time.

Failures come from the dead-letter file: each article that has no result
(the same id and text) is shown once, with its kind and reason, in the table
and in a list of its own. A run where nothing succeeded still gets a page.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from pydantic import ValidationError

from ..contract.record import DeadLetter, ResultRecord
from ..contract.result import STATUSES
from ..io.results import written_whole
from .report_summary import anchored, coverage_html, coverage_starts, link_targets, summary_html

__all__ = ["write_report"]

_STYLE = """
body{font:15px/1.55 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{padding:16px 24px;background:#20242c;color:#fff}header h1{margin:0;font-size:20px}
main{padding:16px 24px}table{border-collapse:collapse;width:100%;background:#fff}
th,td{padding:6px 8px;border-bottom:1px solid #e5e5e5;text-align:left;font-size:14px}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;color:#fff}
.verified{background:#1a7f37}.flagged{background:#bf8700}.rejected{background:#cf222e}.failed{background:#6e7781}
.replaced{background:#afb8c1}
.filters{margin:12px 0;display:flex;gap:12px;align-items:center;flex-wrap:wrap}
article{background:#fff;border:1px solid #e5e5e5;border-radius:8px;margin:16px 0;padding:12px 16px}
article h2{font-size:16px;margin:0 0 6px}.cols{display:grid;grid-template-columns:3fr 2fr;gap:16px}
.text{white-space:pre-wrap;font-size:14px;max-height:520px;overflow:auto;border:1px solid #eee;padding:8px}
mark{border-radius:3px;padding:0 1px}mark.q-ok{background:#c9f2d0}mark.q-far{background:#ffe7a3}
mark.fig{background:#cfe4ff}mark.bad{background:#ffd0d0;text-decoration:underline wavy #cf222e}
.finding{font-size:13px;margin:4px 0;padding:4px 6px;border-left:3px solid #bf8700;background:#fffbea}
.finding.error{border-color:#cf222e;background:#fff0f0}.code{font-family:monospace;font-weight:600}
.summary{font-size:14px}.legend mark{margin-right:6px}.headline{font-weight:600;margin:4px 0}
h3{font-size:14px;margin:12px 0 4px}table.figures td,table.figures th{font-size:13px;padding:3px 6px}
ol.events,ul.quotes{margin:0;padding-left:22px;font-size:14px}.speaker{color:#57606a}.nolink{color:#57606a}
.at{scroll-margin-top:40px}.at:target::before{content:"\u25b6";color:#cf222e}
.coverage{margin-top:10px;padding:6px 8px;border:1px solid #d0d7de;border-radius:6px;background:#f6f8fa}
.note{font-size:13px;margin:4px 0;padding:4px 6px;border-left:3px solid #8c959f}
"""

_SCRIPT = """
const boxes=[...document.querySelectorAll('.filters input[type=checkbox]')];
const search=document.getElementById('search');
function apply(){const on=new Set(boxes.filter(b=>b.checked).map(b=>b.value));const q=search.value.toLowerCase();
for(const el of document.querySelectorAll('[data-status]')){const ok=on.has(el.dataset.status)&&
(!q||el.dataset.search.includes(q));el.style.display=ok?'':'none';}}
boxes.forEach(b=>b.addEventListener('change',apply));search.addEventListener('input',apply);apply();
document.body.dataset.ready='1';
"""

# Only this page's own script may run, even if something slipped past escaping.
_SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(_SCRIPT.encode()).digest()).decode()


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _marks(r: ResultRecord) -> list[tuple[int, int, str, str]]:
    """(start, end, css class, title) for every located quote, figure and error span."""
    if r.report is None or r.summary is None:
        return []
    quotes, figures = r.summary.quotes, r.summary.figures
    out = []
    for loc in r.report.quotes:
        spans = loc.pieces or ([loc.span] if loc.span else [])
        near = loc.speaker_match in ("attributed", "near")
        speaker = quotes[loc.index].speaker if loc.index < len(quotes) else ""
        for s in spans:
            out.append((s.start, s.end, "q-ok" if near else "q-far",
                        f"quotes[{loc.index}] {loc.match}, speaker {speaker} ({loc.speaker_match})"))
    for fig in r.report.figures:
        if fig.span:
            label = figures[fig.index].label if fig.index < len(figures) else ""
            out.append((fig.span.start, fig.span.end, "fig", f"{fig.id}: {label} = {fig.parsed_value}"))
    for f in r.report.errors:
        if f.span:
            out.append((f.span.start, f.span.end, "bad", f"{f.code}: {f.message}"))
    return sorted(out, key=lambda m: (m[0], -m[1]))


def _highlighted(text: str, marks: list[tuple[int, int, str, str]], anchors: list[int], n: int) -> str:
    """The escaped text with its marks, and an anchor at each offset the summary links to."""
    parts, pos = [], 0
    for start, end, css, title in marks:
        if start < pos or end > len(text) or start >= end:
            continue  # overlaps an earlier mark: the finding list still shows it
        parts.append(anchored(text, pos, start, anchors, n))
        parts.append(f'<mark class="{css}" title="{_e(title)}">{anchored(text, start, end, anchors, n)}</mark>')
        pos = end
    parts.append(anchored(text, pos, len(text), anchors, n))
    return "".join(parts)


def _search(r: ResultRecord) -> str:
    return _e(f"{r.id} {r.title or ''} {r.summary.headline if r.summary else ''}".lower())


def _article(n: int, r: ResultRecord, replaced: bool = False) -> str:
    findings = r.report.findings if r.report else []
    items = "".join(
        f'<div class="finding {_e(f.severity)}"><span class="code">{_e(f.code)}</span> '
        f"<span>{_e(f.path)}</span><br>{_e(f.message)}</div>" for f in findings
    ) or "<p>No findings.</p>"
    anchors = sorted({*(at for targets in link_targets(r) for at in targets.values()), *coverage_starts(r)})
    shown = "replaced" if replaced else r.status
    note = (f'<p class="finding warning">Replaced: a newer result of {_e(r.origin)} (the article as it reads now) '
            f"stands below; this one ({_e(r.status)}) is of an earlier text.</p>" if replaced else "")
    return (
        f'<article id="a{n}" data-status="{_e(shown)}" data-search="{_search(r)}">'
        f'<h2><span class="badge {_e(shown)}">{_e(shown)}</span> {_e(r.title or r.id)}</h2>{note}'
        f"<p><small>{_e(r.id)} · {_e(r.origin)} · {_e(_maker(r))} · "
        f"{len(r.attempts)} answers · {_tokens(r)} tokens</small></p>{summary_html(n, r)}"
        f'<h3>Article</h3><div class="cols"><div class="text">{_highlighted(r.text, _marks(r), anchors, n)}</div>'
        f"<div><h3>Findings</h3>{items}{coverage_html(n, r)}</div></div></article>"
    )


def _maker(r: ResultRecord) -> str:
    """Who made it: the model a request went to, or code alone when none was sent."""
    return r.model if r.made_by == "model" and r.model else "made by code alone, no model asked"


def _tokens(r: ResultRecord) -> str:
    return "unknown" if r.usage.total_tokens is None else f"{r.usage.total_tokens:,}"


def _row(n: int, r: ResultRecord, replaced: bool = False) -> str:
    errors = len(r.report.errors) if r.report else 0
    warnings = len(r.report.warnings) if r.report else 0
    shown = "replaced" if replaced else r.status
    return (f'<tr data-status="{_e(shown)}" data-search="{_search(r)}">'
            f'<td><a href="#a{n}">{_e(r.title or r.id)}</a></td>'
            f'<td><span class="badge {_e(shown)}">{_e(shown)}</span></td><td>{errors}</td><td>{warnings}</td>'
            f"<td>{len(r.attempts)}</td><td>{_tokens(r)}</td></tr>")


def _failure_row(n: int, d: DeadLetter) -> str:
    return (f'<tr data-status="failed" data-search="{_e(d.id.lower())}"><td><a href="#f{n}">{_e(d.id)}</a></td>'
            f'<td><span class="badge failed">failed</span></td><td colspan="4">{_e(d.failure_kind)}</td></tr>')


def _failure(n: int, d: DeadLetter) -> str:
    return (f'<article id="f{n}" data-status="failed" data-search="{_e(d.id.lower())}">'
            f'<h2><span class="badge failed">failed</span> {_e(d.id)}</h2>'
            f'<p><small>{_e(d.origin)} · {_e(d.failure_kind)}</small></p>'
            f'<div class="finding error">{_e(d.reason)}</div></article>')


def write_report(results: Path, target: Path, title: str = "summarizer report", *,
                 dead_letters: Path | None = None) -> int:
    """Write ``target`` from the results file and the dead-letter file; returns how many articles it shows.

    The results file is read twice (the table, then the articles), one record
    at a time, so a large run does not have to fit in memory. Either file may
    be missing (a run where nothing succeeded, or nothing failed).
    """
    counts: Counter[str] = Counter()
    done: set[tuple[str, str]] = set()
    skipped = [0]
    newest = _newest(results)
    replaced = 0
    with written_whole(target) as out:
        _head(out, title)
        out.write("<table><thead><tr><th>article</th><th>status</th><th>errors</th><th>warnings</th>"
                  "<th>answers</th><th>tokens</th></tr></thead><tbody>")
        for n, r in enumerate(_records(results, skipped)):
            old = newest.get(r.origin, n) != n
            replaced += old
            if not old:
                counts[r.status] += 1
            done.add((r.id, r.hash))
            out.write(_row(n, r, old))
        failures = [d for d in _failures(dead_letters) if (d.id, d.hash) not in done]
        counts["failed"] += len(failures)
        for n, d in enumerate(failures):
            out.write(_failure_row(n, d))
        out.write("</tbody></table>")
        for n, r in enumerate(_records(results, [0])):
            out.write(_article(n, r, newest.get(r.origin, n) != n))
        for n, d in enumerate(failures):
            out.write(_failure(n, d))
        total = sum(counts.values())
        unread = f" {skipped[0]} lines of {_e(results.name)} could not be read." if skipped[0] else ""
        unread += (f" {replaced} older results, of articles that were changed and run again, are replaced by the "
                   "newer one (shown with the replaced filter)." if replaced else "")
        out.write(f"<p><small>{total} articles: " + ", ".join(f"{counts[s]} {s}" for s in STATUSES) +
                  f".{unread}</small></p></main><script>" + _SCRIPT + "</script></body></html>")
    return total


def _head(out: TextIO, title: str) -> None:
    boxes = "".join(f'<label><input type="checkbox" value="{s}" checked> {s}</label>' for s in STATUSES)
    boxes += '<label><input type="checkbox" value="replaced"> replaced</label>'
    out.write(
        '<!doctype html><html><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src '{_SCRIPT_HASH}'\">"
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body>"
        f"<header><h1>{_e(title)}</h1></header><main>"
        f'<div class="filters">{boxes}<input id="search" type="search" placeholder="filter by title, id or headline"></div>'
        '<p class="legend"><mark class="q-ok">quote, speaker as the article gives it</mark>'
        '<mark class="q-far">quote, speaker to check</mark>'
        '<mark class="fig">figure</mark><mark class="bad">error</mark></p>'
    )


def _newest(path: Path) -> dict[str, int]:
    """For each origin, the index of its last readable record: an article changed and run again has a result of
    its new text, which stands; the older one is replaced."""
    return {r.origin: n for n, r in enumerate(_records(path, [0]))}


def _records(path: Path, skipped: list[int]) -> Iterator[ResultRecord]:
    """The records of a results file, passing over (and counting) lines it cannot read."""
    if not path.exists():
        return
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.strip():
                try:
                    yield ResultRecord.model_validate_json(line)
                except ValidationError:
                    skipped[0] += 1


def _failures(path: Path | None) -> list[DeadLetter]:
    """Each article's latest recorded failure, in the order first recorded."""
    latest: dict[tuple[str, str], DeadLetter] = {}
    if path is None or not path.exists():
        return []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.strip():
                try:
                    d = DeadLetter.model_validate_json(line)
                except ValidationError:
                    continue
                latest[(d.id, d.hash or d.origin)] = d
    return list(latest.values())
