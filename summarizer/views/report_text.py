"""A report, written for a person at a terminal: each line ``printable``, so that nothing the summary, the
article or its file name holds is obeyed by the terminal."""

from __future__ import annotations

from collections import Counter

from ..contract.report import Report
from ..trust.article.textkey import clip
from .terminal import printable

__all__ = ["render_report"]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def render_report(report: Report, source: str, name: str = "") -> str:
    lines = [f"{report.status}  {name}  ({_plural(len(report.errors), 'error')}, "
             f"{_plural(len(report.warnings), 'warning')})".replace("    ", "  ")]
    for f in sorted(report.findings, key=lambda f: (f.severity != "error", f.path)):
        lines.append(f"  {f.severity:<8} {f.code:<28} {f.path}")
        lines.append(f"           {f.message}")
        if f.span is not None:
            passage = clip(source[f.span.start : f.span.end], 70)
            lines.append(f"           at {f.span.start}-{f.span.end}: {passage}")
    kinds = Counter(q.match for q in report.quotes)
    lines.append("  quotes:  " + (", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) or "none"))
    located = sum(1 for f in report.figures if f.match != "not_found")
    lines.append(f"  figures: {located} of {len(report.figures)} located in the article")
    if report.coverage is not None:
        c = report.coverage
        lines.append(f"  coverage (does not change the status): quotations {c.quotes.carried} of {c.quotes.total}, "
                     f"figures {c.figures.carried} of {c.figures.total}")
        for f in c.findings:
            lines.append(f"           {f.code}: {f.message}")
    return "\n".join(printable(line) for line in lines)
