"""What `summarizer run` says around a run: which model, only when an article goes to it; at the end, last, where
the results, the failures and the report are; in a pipe, a plain progress line every so often."""

import json
import shutil
from dataclasses import replace

import pytest

from summarizer import Result, ResultRecord, Settings
from summarizer.cli import main
from summarizer.cli.run_lines import notice
from summarizer.io.inputs import read_inputs
from support.corpus import corpus_path, numbered_dump


@pytest.fixture
def embedded(monkeypatch):
    """No endpoint configured: the embedded model."""
    for name in ("OPENAI_BASE_URL", "OPENAI_API_KEY", "SUMMARIZER_MODEL", "SUMMARIZER_ANSWER"):
        monkeypatch.delenv(name, raising=False)
    return Settings.from_env()


def test_the_embedded_notice_says_code_picks_and_how_to_switch(embedded):
    assert notice(embedded) == (
        "summarizer: offline, grounded: code picks the article's own sentences, figures and quotes (the embedded "
        "model added nothing to them, and is not asked). For a real model pass --base-url/--model or set "
        "OPENAI_BASE_URL/OPENAI_API_KEY.")


def test_the_embedded_notice_names_the_model_when_it_is_asked_for_picks(embedded):
    line = notice(replace(embedded, grounded_picks=("summary",)))
    assert line.startswith("summarizer: using the embedded model gemma-3-270m-q4_k_m (tiny, offline; grounded "
                           "answers, the article's own words; it picks summary).")
    assert line.endswith("For a real model pass --base-url/--model or set OPENAI_BASE_URL/OPENAI_API_KEY.")


def test_a_usage_error_with_the_embedded_model_is_one_line(embedded, tmp_path, capsys):
    assert main(["run", str(tmp_path / "nope"), "--out", str(tmp_path / "r.jsonl")]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"summarizer: {tmp_path / 'nope'}: no such file or folder; give article files or folders of them"]


def test_a_rerun_with_every_article_done_says_nothing_of_the_model(embedded, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(corpus_path("001"), folder)
    out = tmp_path / "r.jsonl"
    (article,) = read_inputs([str(folder)])  # done before, with these settings: a record as run writes it
    done = Result(status="verified", model="gemma-3-270m-q4_k_m", prompt_version="grounded/v1")
    out.write_text(ResultRecord.of(article, done, embedded.fingerprint()).model_dump_json() + "\n", encoding="utf-8")
    assert main(["run", str(folder), "--out", str(out)]) == 0
    assert capsys.readouterr().err.splitlines() == [
        "read=1 skipped=1 verified=0 flagged=0 rejected=0 failed=0",
        f"summarizer: results in {out} (every article was already done: nothing new)",
    ]


def test_a_run_says_the_model_once_and_ends_naming_the_results_the_failures_and_the_report(endpoint, tmp_path,
                                                                                            capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(corpus_path("001"), folder)
    (folder / "empty.txt").write_text(" \n", encoding="utf-8")
    out, report = tmp_path / "r.jsonl", tmp_path / "report.html"
    assert main(["run", str(folder), "--out", str(out), "--report", str(report)]) == 3
    err = capsys.readouterr().err.splitlines()
    assert [line for line in err if line.startswith("summarizer: using")] == [f"summarizer: using {notice_of()}"]
    assert err[-2] == "read=2 skipped=0 verified=1 flagged=0 rejected=0 failed=1"
    assert err[-1] == (f"summarizer: results in {out}; 1 failed, reasons in {tmp_path / 'r.failed.jsonl'}; "
                       f"report in {report}")
    assert main(["run", str(folder), "--out", str(out)]) == 3  # the failure is tried again: no report now
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == f"summarizer: results in {out}; 1 failed, reasons in {tmp_path / 'r.failed.jsonl'}"
    assert not any(line.startswith("summarizer: using") for line in err)  # the empty file never reaches the model


def notice_of() -> str:
    return Settings.from_env().describe()


def test_in_a_pipe_a_plain_progress_line_every_so_often(endpoint, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("summarizer.run.progress.EVERY_ARTICLES", 2)
    out = tmp_path / "r.jsonl"
    assert main(["run", str(numbered_dump(tmp_path / "dump.jsonl", 5)), "--out", str(out),
                 "--concurrency", "1"]) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if " articles done " in line]
    assert [line.split(" (")[0] for line in lines] == ["summarizer: 2/5 articles done",
                                                       "summarizer: 4/5 articles done"]
    assert all("verified, " in line and " skipped), " in line and "articles/s" in line for line in lines)
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5
    assert all(json.loads(line)["status"] in ("verified", "flagged") for line in out.read_text("utf-8").splitlines())
