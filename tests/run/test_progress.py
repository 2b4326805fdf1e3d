"""What a run says while it goes: a bar on a terminal, a plain line every so often in a pipe, a log or CI, the
counts by name, and the notice of the model only when an article goes to it."""

import io

from summarizer.run.job import Counts
from summarizer.run.progress import EVERY_ARTICLES, EVERY_SECONDS, Progress


class Terminal(io.StringIO):
    def isatty(self):
        return True


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_the_bar_is_drawn_on_a_terminal_with_the_counts_by_name(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    tty = Terminal()
    shown = Progress(3, tty)
    shown.update(Counts(read=2, verified=1, rejected=1, tokens=1200))
    shown.close()
    drawn = tty.getvalue()
    assert "2/3" in drawn and "1,200 tokens" in drawn
    assert "1 verified, 0 flagged, 1 rejected, 0 failed, 0 skipped" in drawn
    assert "✓" not in drawn


def test_off_a_terminal_a_plain_line_every_n_articles(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    pipe, clock = io.StringIO(), Clock()
    progress = Progress(5, pipe, every_articles=2, every_seconds=3600, clock=clock)
    counts = Counts()
    for n, status in enumerate(["verified", "flagged", "failed", "verified", "rejected"], 1):
        counts.read += 1
        counts.add(status)
        clock.now = 10.0 * n
        progress.update(counts)
    progress.close()
    assert pipe.getvalue().splitlines() == [
        ("summarizer: 2/5 articles done (1 verified, 1 flagged, 0 rejected, 0 failed, 0 skipped), 0.10 articles/s, "
         "0 tokens, about 30s left"),
        ("summarizer: 4/5 articles done (2 verified, 1 flagged, 0 rejected, 1 failed, 0 skipped), 0.10 articles/s, "
         "0 tokens, about 10s left"),
    ]


def test_off_a_terminal_a_plain_line_every_t_seconds_and_skips_do_not_count(monkeypatch):
    monkeypatch.setenv("CI", "true")  # in CI, even on a terminal: lines for the log, not a bar
    tty, clock = Terminal(), Clock()
    progress = Progress(None, tty, every_articles=100, every_seconds=30, clock=clock)
    counts = Counts(read=1000, skipped=1000)
    progress.update(counts)  # a rerun passing over what is done says nothing...
    clock.now = 31.0
    progress.update(counts)  # ...even after a while: nothing was summarized
    counts.read += 1
    counts.add("verified")
    clock.now = 40.0
    progress.update(counts)
    counts.read += 1
    counts.add("verified")
    clock.now = 50.0
    progress.update(counts)  # 10 s after the last line: not yet
    assert tty.getvalue().splitlines() == [
        ("summarizer: 1001 articles done (1 verified, 0 flagged, 0 rejected, 0 failed, 1000 skipped), "
         "0.03 articles/s, 0 tokens")]


def test_the_defaults_are_the_documented_ones():
    assert (EVERY_ARTICLES, EVERY_SECONDS) == (100, 30.0)


def test_disabled_it_says_only_notes():
    pipe = io.StringIO()
    progress = Progress(3, pipe, enabled=False, every_articles=1)
    progress.update(Counts(read=1, verified=1))
    progress.note("summarizer: a note")
    assert pipe.getvalue() == "summarizer: a note\n"


def test_the_notice_is_said_once_when_the_first_article_goes_to_the_model():
    pipe = io.StringIO()
    progress = Progress(3, pipe, enabled=False, notice="summarizer: using m")
    progress.update(Counts(read=1, skipped=1))
    assert pipe.getvalue() == ""
    progress.calling()
    progress.calling()
    assert pipe.getvalue() == "summarizer: using m\n"
