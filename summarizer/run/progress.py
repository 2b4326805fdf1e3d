"""What a run says while it goes: a progress bar on a terminal, a plain line every so often elsewhere.

On a terminal (and not in CI) rich draws a bar with the counts by name, the
rate, the time left and the tokens used. In a pipe, a log file or CI, a plain
line says the same every ``EVERY_ARTICLES`` articles summarized or every
``EVERY_SECONDS`` seconds, whichever comes first (articles skipped as already
done do not count towards the articles, so a rerun over a large results file
does not flood the log). The notice of which model is used is said once, when
the first article goes to the model: never before a usage error, nor on a
rerun that has nothing left to do.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import IO, Any

from ..views.terminal import printable

__all__ = ["EVERY_ARTICLES", "EVERY_SECONDS", "Progress", "describe_counts"]

EVERY_ARTICLES = 100
"""Off a terminal: a progress line after this many articles summarized (or failed) since the last line..."""
EVERY_SECONDS = 30.0
"""...or after this many seconds, whichever comes first."""


def describe_counts(counts: Any) -> str:
    """The counts by name, for a newcomer: "3 verified, 2 flagged, 0 rejected, 0 failed, 1 skipped"."""
    return (f"{counts.verified} verified, {counts.flagged} flagged, {counts.rejected} rejected, "
            f"{counts.failed} failed, {counts.skipped} skipped")


class Progress:
    """Counts, rate, ETA and tokens: drawn by rich on a terminal, a plain line every so often elsewhere.

    ``enabled``: True draws the bar, False says nothing but notes, None (the default) draws the bar when
    ``stream`` is a terminal and ``CI`` is not set, and prints plain lines otherwise."""

    def __init__(self, total: int | None, stream: IO[str] | None = None, *, enabled: bool | None = None,
                 notice: str | None = None, every_articles: int | None = None, every_seconds: float | None = None,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        stream = stream or sys.stderr
        self.stream = stream
        self.total = total
        self._notice = notice
        self._clock = clock
        self._every = (every_articles or EVERY_ARTICLES, every_seconds or EVERY_SECONDS)
        self._plain = enabled is None and not (stream.isatty() and not os.environ.get("CI"))
        self._last_line = (0, clock())
        self._bar: Any = None
        self._task: Any = None
        self.started = clock()
        if enabled or (enabled is None and not self._plain):
            self._bar = _bar(stream)
            self._bar.start()
            self._task = self._bar.add_task("summarizing", total=total, rate="", status="")

    def calling(self) -> None:
        """An article is about to go to the model: the notice of which model, said once (if there is one)."""
        if self._notice is not None:
            self.note(self._notice)
            self._notice = None

    def update(self, counts: Any) -> None:
        done = counts.finished
        now = self._clock()
        if self._bar is not None:
            self._bar.update(self._task, completed=done, rate=f"{done / max(now - self.started, 1e-9):.2f}/s",
                             status=f"{describe_counts(counts)} · {counts.tokens:,} tokens")
        elif self._plain:
            worked = done - counts.skipped
            since, at = self._last_line
            if worked - since >= self._every[0] or (worked > since and now - at >= self._every[1]):
                self._last_line = (worked, now)
                self.note(self._line(counts, now))

    def _line(self, counts: Any, now: float) -> str:
        done = counts.finished
        of = f"/{self.total}" if self.total else ""
        worked = done - counts.skipped
        pace = worked / max(now - self.started, 1e-9)
        left = ""
        if self.total and pace > 0 and self.total > done:
            left = f", about {_duration((self.total - done) / pace)} left"
        return (f"summarizer: {done}{of} articles done ({describe_counts(counts)}), {pace:.2f} articles/s, "
                f"{counts.tokens:,} tokens{left}")

    def note(self, line: str) -> None:
        """One line for the person watching, above the bar when there is one (``printable``: a file name's
        control characters are shown, not obeyed)."""
        line = printable(line)
        if self._bar is not None:
            self._bar.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            print(line, file=self.stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


def _bar(stream: IO[str]) -> Any:
    """rich's bar (count, rate, time taken and left) with the counts by name on a line of their own below it."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
    from rich.progress import Progress as Bar
    from rich.text import Text

    class TwoLines(Bar):
        def get_renderables(self):  # rich's documented way to lay out a progress display
            yield self.make_tasks_table(self.tasks)
            for task in self.tasks:
                yield Text(task.fields["status"], no_wrap=True, overflow="ellipsis")

    return TwoLines(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TimeRemainingColumn(),
                    console=Console(file=stream), transient=False)


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
