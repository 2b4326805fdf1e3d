"""story.html: one self-contained page of a reconciliation.

For each story with two or more outlets: a table of its figures across the
outlets (conflicts first), then its quotations, then every reported passage in
context; every value in the tables links to its passage. Stories of one
article, the results that were not used, and the model step's proposals
follow. Every piece of article and model text is escaped, and a
Content-Security-Policy lets only the page's own small script run.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..contract.record import ResultRecord
from ..contract.story import AlignedFigure, AlignedQuote, FigurePart, FigureReport, Reconciliation, Story
from ..io.results import write_atomically
from ..trust.numbers.values import show

__all__ = ["render_story_page", "write_story_page"]

_STYLE = """
body{font:15px/1.55 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{padding:16px 24px;background:#20242c;color:#fff}header h1{margin:0;font-size:20px}header p{margin:4px 0 0}
main{padding:8px 24px 24px}section.story{background:#fff;border:1px solid #e5e5e5;border-radius:8px;margin:16px 0;
padding:12px 16px}h2{font-size:18px;margin:4px 0}h3{font-size:15px;margin:16px 0 6px}
table{border-collapse:collapse;width:100%}th,td{padding:6px 8px;border-bottom:1px solid #e5e5e5;text-align:left;
vertical-align:top;font-size:14px}th{background:#f3f4f6}.badge{display:inline-block;padding:1px 8px;
border-radius:10px;font-size:12px;font-weight:600;color:#fff;white-space:nowrap}.conflict{background:#cf222e}
.agreed{background:#1a7f37}.single_source{background:#6e7781}.model{background:#8250df}.refused{background:#bf8700}
.note{font-size:12px;color:#57606a;margin-top:2px}.q{font-size:12px;color:#57606a}.v{white-space:nowrap}.v a{font-weight:600}
.outlets{font-size:13px;color:#57606a}.passages{display:grid;grid-template-columns:1fr 1fr;gap:8px}
.passage{border:1px solid #eee;border-radius:6px;padding:6px 8px;font-size:13px;background:#fcfcfc}
.passage:target{outline:3px solid #0969da;background:#eef6ff}.passage .who{font-size:12px;color:#57606a}
mark{background:#cfe4ff;border-radius:3px;padding:0 1px}.open{border-left:3px solid #bf8700;background:#fffbea;
padding:6px 8px;font-size:13px;margin:6px 0}.filters{margin:12px 0;display:flex;gap:16px}
"""

_SCRIPT = """
const only=document.getElementById('only-conflicts'),single=document.getElementById('show-single');
function apply(){for(const row of document.querySelectorAll('tr[data-agreement]')){const a=row.dataset.agreement;
row.style.display=(only.checked&&a!=='conflict')||(!single.checked&&a==='single_source')?'none':'';}}
only.addEventListener('change',apply);single.addEventListener('change',apply);apply();
document.body.dataset.ready='1';
"""

# Only this page's own script may run, even if something slipped past escaping.
_SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(_SCRIPT.encode()).digest()).decode()
_CONTEXT = 160
"""Characters of the article shown on each side of a passage."""
_SPACES_RE = re.compile(r"\s+")


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


class _Passages:
    """Anchors for the passages of one story, one per (article, span)."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.items: dict[tuple[str, tuple[int, int]], tuple[str, str]] = {}

    def anchor(self, article: str, span: tuple[int, int], caption: str) -> str:
        key = (article, span)
        if key not in self.items:
            self.items[key] = (f"{self.prefix}-{len(self.items) + 1}", caption)
        return self.items[key][0]


def _in_context(text: str, span: tuple[int, int]) -> str:
    start, end = span
    left = max(0, start - _CONTEXT)
    right = min(len(text), end + _CONTEXT)
    before = ("…" if left else "") + _SPACES_RE.sub(" ", text[left:start]).lstrip()
    after = _SPACES_RE.sub(" ", text[end:right]).rstrip() + ("…" if right < len(text) else "")
    return f"{_e(before)}<mark>{_e(text[start:end])}</mark>{_e(after)}"


def _value_link(passages: _Passages, article: str, part: FigurePart | FigureReport) -> str:
    anchor = passages.anchor(article, part.span, f"{article} · {part.figure} · {part.label}")
    qualifier = "" if part.qualifier == "exact" else f' <span class="q">{_e(part.qualifier)}</span>'
    return f'<a href="#{anchor}">{_e(part.text)}</a>{qualifier}'


def _cell(passages: _Passages, report: FigureReport | None) -> str:
    if report is None:
        return "<td></td>"
    if report.parts:
        links = " + ".join(_value_link(passages, report.article, p) for p in report.parts)
        return f'<td class="v">{links} = {_e(show(report.value))}<div class="note">sum of parts</div></td>'
    return f'<td class="v">{_value_link(passages, report.article, report)}</td>'


def _figure_row(passages: _Passages, f: AlignedFigure, articles: list[str]) -> str:
    by_article = {r.article: r for r in f.reports}
    badge = f'<span class="badge {_e(f.agreement)}">{_e(f.agreement.replace("_", " "))}</span>'
    if f.found_by == "model":
        badge += ' <span class="badge model" title="proposed by the model step, verified by code">model</span>'
    about = " · ".join(x for x in (f.time, f.unit) if x)
    cells = "".join(_cell(passages, by_article.get(a)) for a in articles)
    return (f'<tr data-agreement="{_e(f.agreement)}"><td>{_e(f.label)}<div class="note">{_e(about)}</div>'
            f'<div class="note">{_e(f.note)}</div></td><td>{badge}</td>{cells}</tr>')


def _quote_row(passages: _Passages, q: AlignedQuote, articles: list[str]) -> str:
    by_article = {r.article: r for r in q.reports}
    cells = []
    for a in articles:
        r = by_article.get(a)
        if r is None:
            cells.append("<td></td>")
            continue
        anchor = passages.anchor(a, r.span, f"{a} · quotes[{r.quote}] · {r.speaker}")
        cells.append(f'<td><a href="#{anchor}">{_e(r.speaker)}</a><div class="note">speaker '
                     f"{_e(r.speaker_match)}</div></td>")
    return (f'<tr data-agreement="{_e(q.agreement)}"><td>“{_e(q.text)}”<div class="note">{_e(q.note)}</div></td>'
            f'<td><span class="badge {_e(q.agreement)}">{_e(q.agreement.replace("_", " "))}</span></td>'
            f'{"".join(cells)}</tr>')


def _story(n: int, story: Story, records: Mapping[str, ResultRecord]) -> str:
    passages = _Passages(f"s{n}")
    head = "".join(f"<th>{_e(a)}</th>" for a in story.articles)
    figures = "".join(_figure_row(passages, f, story.articles) for f in story.figures)
    quotes = "".join(_quote_row(passages, q, story.articles) for q in story.quotes)
    questions = "".join(
        f'<div class="open"><b>Open question</b> ({_e(q.kind.replace("_", " "))}): {_e(q.note)} Candidates: '
        + ", ".join(_value_link(passages, q.candidates_article, c) for c in q.candidates) + "</div>"
        for q in story.open_questions)
    outlets = " · ".join(
        f"<b>{_e(a)}</b> {_e(records[a].summary.headline if records[a].summary else '')} "
        f"<small>({_e(records[a].origin)})</small>" for a in story.articles)
    shown = "".join(
        f'<div class="passage" id="{anchor}"><div class="who">{_e(caption)}</div>'
        f"{_in_context(records[article].text, span)}</div>"
        for (article, span), (anchor, caption) in passages.items.items())
    conflicts = sum(1 for x in [*story.figures, *story.quotes] if x.agreement == "conflict")
    return (f'<section class="story" id="{_e(story.id)}"><h2>{_e(story.headline)}</h2>'
            f'<p class="outlets">{len(story.articles)} outlets, {conflicts} conflicts · {outlets}</p>'
            f"<h3>Figures</h3><table><thead><tr><th>what is measured</th><th>agreement</th>{head}</tr></thead>"
            f"<tbody>{figures}</tbody></table>{questions}"
            f"<h3>Quotations</h3><table><thead><tr><th>quotation</th><th>agreement</th>{head}</tr></thead>"
            f"<tbody>{quotes}</tbody></table>"
            f'<h3>Passages</h3><div class="passages">{shown}</div></section>')


def _rest(result: Reconciliation, records: Mapping[str, ResultRecord]) -> str:
    alone = [s for s in result.stories if len(s.articles) < 2]
    out = []
    if alone:
        items = "".join(f"<li><b>{_e(s.articles[0])}</b> {_e(s.headline)} <small>({len(s.figures)} figures, "
                        f"{len(s.quotes)} quotations; {_e(records[s.articles[0]].origin)})</small></li>" for s in alone)
        out.append(f"<h2>Articles no other outlet reports</h2><ul>{items}</ul>")
    if result.excluded:
        items = "".join(f"<li><b>{_e(x.article)}</b> {_e(x.reason)} <small>({_e(x.origin)})</small></li>"
                        for x in result.excluded)
        out.append(f"<h2>Results not used</h2><ul>{items}</ul>")
    step = result.model_step
    if step is not None:
        rows = "".join(
            f'<tr><td>{_e(p.kind)}</td><td>{_e(", ".join(p.about))}</td><td><span class="badge '
            f'{"agreed" if p.accepted else "refused"}">{"accepted" if p.accepted else "refused"}</span></td>'
            f"<td>{_e(p.reason)}</td></tr>" for p in step.proposals)
        failed = f"<p>It failed: {_e(step.failure)}</p>" if step.failure else ""
        out.append(f"<h2>Model step</h2><p>{_e(step.model)} at {_e(step.base_url)}</p>{failed}"
                   f"<table><thead><tr><th>proposal</th><th>about</th><th>verdict</th><th>reason</th></tr></thead>"
                   f"<tbody>{rows}</tbody></table>")
    return "".join(out)


def render_story_page(result: Reconciliation, records: Mapping[str, ResultRecord],
                      title: str = "summarizer reconcile") -> str:
    """The page for ``result``; ``records`` are the results it was made from, by article id."""
    multi = [s for s in result.stories if len(s.articles) > 1]
    body = "".join(_story(n, s, records) for n, s in enumerate(multi, 1))
    summary = (f"{len(multi)} stories told by two or more outlets, {len(result.stories) - len(multi)} articles alone, "
               f"{len(result.excluded)} results not used")
    return (
        '<!doctype html><html><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src '{_SCRIPT_HASH}'\">"
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body>"
        f"<header><h1>{_e(title)}</h1><p>{_e(summary)}</p></header><main>"
        '<div class="filters"><label><input type="checkbox" id="only-conflicts"> conflicts only</label>'
        '<label><input type="checkbox" id="show-single" checked> figures one outlet reports</label></div>'
        f"{body}{_rest(result, records)}</main><script>{_SCRIPT}</script></body></html>"
    )


def write_story_page(result: Reconciliation, records: Mapping[str, ResultRecord], target: Path) -> None:
    write_atomically(target, render_story_page(result, records))
