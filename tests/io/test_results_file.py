"""The results file: append-only JSON Lines that resume reads and a kill cannot corrupt."""

from summarizer.io.results import ResultsFile


def test_results_file_cuts_a_partial_last_line(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text('{"id": "a", "hash": "h", "settings": "s"}\n{"id": "b", "ha', encoding="utf-8")
    assert ResultsFile(path).recover() == {("a", "h", "s")}
    assert path.read_text(encoding="utf-8") == '{"id": "a", "hash": "h", "settings": "s"}\n'
