"""A progress bar on a terminal; silence in a pipe and in CI."""

from __future__ import annotations

import os
import sys
import time
from typing import IO, Any

from ..views.terminal import printable

__all__ = ["Progress"]


class Progress:
    """Counts, rate, ETA and tokens, drawn by rich only when stderr is a terminal."""

    def __init__(self, total: int | None, stream: IO[str] | None = None, *, enabled: bool | None = None) -> None:
        stream = stream or sys.stderr
        self.stream = stream
        if enabled is None:
            enabled = stream.isatty() and not os.environ.get("CI")
        self._bar: Any = None
        self._task: Any = None
        self.started = time.perf_counter()
        if enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
            from rich.progress import Progress as Bar

            self._bar = Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TimeRemainingColumn(),
                            TextColumn("{task.fields[status]}"), console=Console(file=stream), transient=False)
            self._bar.start()
            self._task = self._bar.add_task("summarizing", total=total, rate="", status="")

    def update(self, counts: Any) -> None:
        if self._bar is None:
            return
        done = counts.skipped + counts.verified + counts.flagged + counts.rejected + counts.failed
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        status = (f"✓{counts.verified} ~{counts.flagged} ✗{counts.rejected} !{counts.failed} "
                  f"skip {counts.skipped} · {counts.tokens:,} tokens")
        self._bar.update(self._task, completed=done, rate=f"{done / elapsed:.2f}/s", status=status)

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
