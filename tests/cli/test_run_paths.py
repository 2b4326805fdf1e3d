"""`summarizer run` refuses every path that would destroy an input or an output, before writing anything."""

import json
import os
import shutil
from pathlib import Path

import pytest

from summarizer.cli import main
from support.corpus import corpus_path


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in ("001", "004"):
        shutil.copy(corpus_path(n), folder)
    (folder / "dump.jsonl").write_text(json.dumps({"id": "j", "text": corpus_path("001").read_text("utf-8")},
                                                  ensure_ascii=False) + "\n", encoding="utf-8")
    return folder


def _refused(args: list[str], tmp_path: Path, capsys) -> str:
    before = _tree(tmp_path)
    assert main(["run", *args]) == 2
    assert _tree(tmp_path) == before  # nothing written, nothing changed
    (err,) = capsys.readouterr().err.splitlines()  # one line: no notice of the model that was never asked
    return err


def test_report_and_out_the_same_file(endpoint, inputs, tmp_path, capsys):
    out = tmp_path / "same.jsonl"
    out.write_text("", encoding="utf-8")
    err = _refused([str(inputs), "--out", str(out), "--report", str(out)], tmp_path, capsys)
    assert err == (f"summarizer: --out {out} and --report {out} are the same file; give each output its own path")


def test_a_link_to_the_results_as_the_report(endpoint, inputs, tmp_path, capsys):
    out, link = tmp_path / "r.jsonl", tmp_path / "report.html"
    out.write_text("", encoding="utf-8")
    os.link(out, link)
    err = _refused([str(inputs), "--out", str(out), "--report", str(link)], tmp_path, capsys)
    assert err == f"summarizer: --out {out} and --report {link} are the same file; give each output its own path"


def test_report_naming_an_input(endpoint, inputs, tmp_path, capsys):
    article = inputs / corpus_path("004").name
    err = _refused([str(article), "--out", str(tmp_path / "r.jsonl"), "--report", str(article)], tmp_path, capsys)
    assert err == (f"summarizer: --report {article} is the input {article}; writing it would destroy that input; "
                   "give another path")


def test_out_naming_the_reports_temporary_file(endpoint, inputs, tmp_path, capsys):
    out, report = tmp_path / "X.html.tmp", tmp_path / "X.html"  # the report is written to X.html.tmp first
    err = _refused([str(inputs), "--out", str(out), "--report", str(report)], tmp_path, capsys)
    assert err == (f"summarizer: --out {out} and --report's temporary file {out} are the same file; give each "
                   "output its own path")


def test_dead_letter_naming_an_input(endpoint, inputs, tmp_path, capsys):
    dump = inputs / "dump.jsonl"
    err = _refused([str(dump), "--out", str(tmp_path / "r.jsonl"), "--dead-letter", str(dump)], tmp_path, capsys)
    assert err.startswith(f"summarizer: --dead-letter {dump} is the input {dump}")


def test_out_inside_the_input_folder(endpoint, inputs, tmp_path, capsys):
    out = inputs / "results.jsonl"
    err = _refused([str(inputs), "--out", str(out)], tmp_path, capsys)
    assert err == (f"summarizer: --out {out} is inside the input folder {inputs}, so the next run would read it as "
                   "articles; write it outside that folder")


def test_the_default_dead_letter_inside_the_input_folder(endpoint, inputs, tmp_path, capsys):
    out = inputs / "results.out"  # not read as input; but its dead letters would be
    err = _refused([str(inputs), "--out", str(out)], tmp_path, capsys)
    assert err.startswith(f"summarizer: --dead-letter {inputs / 'results.failed.jsonl'} is inside the input folder")


def test_out_naming_a_folder(endpoint, inputs, tmp_path, capsys):
    err = _refused([str(inputs), "--out", str(tmp_path)], tmp_path, capsys)
    assert err == f"summarizer: --out {tmp_path} is a folder; give a file path, e.g. {tmp_path / 'results.jsonl'}"


def test_outputs_into_folders_that_do_not_exist_yet_are_made(endpoint, inputs, tmp_path, capsys):
    out, report = tmp_path / "new" / "r.jsonl", tmp_path / "other" / "deeper" / "report.html"
    assert main(["run", str(inputs / corpus_path("001").name), "--out", str(out), "--report", str(report)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
    assert "1 articles: 1 verified, 0 flagged, 0 rejected, 0 failed" in report.read_text(encoding="utf-8")


def test_a_rerun_does_not_read_its_own_outputs(endpoint, inputs, tmp_path, capsys):
    out = tmp_path / "r.jsonl"
    args = ["run", str(inputs), "--out", str(out), "--report", str(tmp_path / "report.html")]
    assert main(args) == 0
    assert main(args) == 0
    assert "read=3 skipped=3 verified=0" in capsys.readouterr().err.splitlines()[-2]
