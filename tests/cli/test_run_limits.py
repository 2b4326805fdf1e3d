"""`summarizer run` against inputs and endpoints that try to exhaust it: every resource is bounded, the article
over a limit fails with a reason that names the limit, and the run goes on.

The limits are set low here through their documented variables, so that each case stays small."""

import io
import json
import sys
import tracemalloc
from pathlib import Path

from summarizer.cli import main
from support.corpus import corpus


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


# --- standard input -------------------------------------------------------


def _peak_reading_stdin(monkeypatch, tmp_path: Path, data: bytes, name: str) -> tuple[int, list[dict]]:
    """The peak of memory allocated while ``summarizer run -`` reads ``data``, and its dead letters."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    out = tmp_path / f"{name}.jsonl"
    tracemalloc.start()
    try:
        assert main(["run", "-", "--out", str(out)]) == 3  # the one record is malformed: an article failed
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak, _lines(tmp_path / f"{name}.failed.jsonl")


def test_blank_lines_before_the_first_record_on_standard_input_are_counted_not_kept(endpoint, tmp_path,
                                                                                    monkeypatch, capsys):
    record = b'{"id": "s1", "text": \n'  # malformed, so that its line number shows and no model is asked
    blank = b" \n" * 500_000  # 1 MB of blank lines; each kept as a line of its own would cost 40 MB
    bare, _ = _peak_reading_stdin(monkeypatch, tmp_path, record, "bare")
    padded, dead = _peak_reading_stdin(monkeypatch, tmp_path, blank + record, "padded")
    assert [d["reason"].split(":")[0] for d in dead] == ["line 500001 is not valid JSON"]
    assert padded - bare < 4 * len(blank)


def test_an_article_on_standard_input_keeps_its_leading_blank_lines(endpoint, tmp_path, monkeypatch, capsys):
    text = "\n \n" + corpus("001")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    out = tmp_path / "r.jsonl"
    assert main(["run", "-", "--out", str(out)]) == 0
    assert [r["text"] for r in _lines(out)] == [text]
