"""What ``summarizer run`` says around a run: which model it uses, and where everything is at the end."""

from __future__ import annotations

from ..model.settings import Settings
from ..run import Counts, RunOptions

__all__ = ["closing", "notice"]


def notice(settings: Settings) -> str:
    """Which model is used, and for the embedded one how to switch: said when the first article goes to it."""
    if not settings.embedded:
        return f"summarizer: using {settings.describe()}"
    if settings.grounded and not settings.picks:
        said = ("summarizer: offline, grounded: code picks the article's own sentences, figures and quotes (the "
                "embedded model added nothing to them, and is not asked).")
    else:
        expect = (f"grounded answers, the article's own words; it picks {', '.join(settings.picks)}"
                  if settings.grounded else "expect rejected summaries")
        said = f"summarizer: using {settings.describe()} (tiny, offline; {expect})."
    return f"{said} For a real model pass --base-url/--model or set OPENAI_BASE_URL/OPENAI_API_KEY."


def closing(options: RunOptions, counts: Counts) -> list[str]:
    """The lines after the counts: why it stopped (if it did), and last, where the results, the failures and
    the report are."""
    lines = []
    if counts.stopped:
        lines.append(f"summarizer: stopped: {counts.stopped}. {counts.unfinished} articles were left undone; what "
                     "is done is kept: fix that and run again to go on")
    where = [f"results in {options.out}"]
    if counts.failed:
        where.append(f"{counts.failed} failed, reasons in {options.dead_letter}")
    if options.report:
        where.append(f"report in {options.report}")
    done = " (every article was already done: nothing new)" if counts.read and counts.read == counts.skipped else ""
    lines.append(f"summarizer: {'; '.join(where)}{done}")
    return lines
