"""The progress bar: drawn on a terminal, silent in a pipe and in CI."""

import io

from summarizer.run.job import Counts
from summarizer.run.progress import Progress


def test_progress_is_drawn_on_a_terminal_only(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("CI", raising=False)
    pipe = io.StringIO()
    quiet = Progress(3, pipe)
    quiet.update(Counts(read=1, verified=1, tokens=1200))
    quiet.close()
    assert pipe.getvalue() == ""
    tty = Terminal()
    shown = Progress(3, tty)
    shown.update(Counts(read=2, verified=1, rejected=1, tokens=1200))
    shown.close()
    assert "2/3" in tty.getvalue() and "1,200 tokens" in tty.getvalue()
    monkeypatch.setenv("CI", "true")
    ci = Terminal()
    Progress(3, ci).close()
    assert ci.getvalue() == ""
