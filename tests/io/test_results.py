"""The results file: append-only JSON Lines that resume reads and a kill cannot corrupt."""

import pytest

from summarizer.contract.errors import UsageError
from summarizer.io.results import ResultsFile


def _recovered(path) -> set:
    results = ResultsFile(path)
    try:
        return results.recover()
    finally:
        results.close()


def test_results_file_cuts_a_partial_last_line(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text('{"id": "a", "hash": "h", "settings": "s"}\n{"id": "b", "ha', encoding="utf-8")
    assert _recovered(path) == {("a", "h", "s")}
    assert path.read_text(encoding="utf-8") == '{"id": "a", "hash": "h", "settings": "s"}\n'


def test_a_blank_line_in_the_middle_is_passed_over(tmp_path):
    path = tmp_path / "out.jsonl"
    text = '{"id": "a", "hash": "h", "settings": "s"}\n\n  \n{"id": "b", "hash": "h", "settings": "s"}\n'
    path.write_text(text, encoding="utf-8")
    assert _recovered(path) == {("a", "h", "s"), ("b", "h", "s")}
    assert path.read_text(encoding="utf-8") == text  # nothing cut


def test_the_file_is_held_from_recover_to_close_and_one_made_empty_is_removed(tmp_path):
    path = tmp_path / "new" / "out.jsonl"
    first = ResultsFile(path)
    assert first.recover() == set() and path.exists()  # made, to be held
    with pytest.raises(UsageError, match=r"^another run holds .*out\.jsonl \(--out\); wait for it to end, or give "
                                         r"--out another file$"):
        ResultsFile(path).recover()
    first.close()
    assert not path.exists()  # made, and left empty: as if never made
    second = ResultsFile(path)
    second.recover()  # let go of: the next run takes it
    second.append_json('{"id": "a", "hash": "h", "settings": "s"}')
    second.close()
    assert _recovered(path) == {("a", "h", "s")}


def test_a_file_that_was_there_is_kept_even_when_empty(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_bytes(b"")
    assert _recovered(path) == set() and path.read_bytes() == b""


def test_a_line_that_is_not_ours_is_named_with_what_to_do_and_nothing_is_cut(endpoint, tmp_path, capsys):
    from summarizer.cli import main
    from support.corpus import corpus_path

    out = tmp_path / "out.jsonl"
    text = '{"id": "a", "hash": "h", "settings": "s"}\nsome notes I pasted here\n'
    out.write_text(text, encoding="utf-8")
    assert main(["run", str(corpus_path("001")), "--out", str(out)]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"summarizer: {out}: line 2 is not a result of summarizer run ('some notes I pasted here'); "
        "remove that line, or give --out a new file")
    assert out.read_text(encoding="utf-8") == text
