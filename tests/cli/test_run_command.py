"""`summarizer run` end to end against an OpenAI-compatible server on loopback.

The server is our own app over a scripted engine that answers with the
hand-checked fixture summaries (so this exercises the CLI, the HTTP path and
the output file, not a model).
"""

import json
import shutil

from summarizer.cli import main
from support.completions import FIXTURE_MODEL
from support.corpus import corpus_path
from support.endpoint import ENDPOINT_KEY as KEY


def test_run_writes_one_result_per_article(endpoint, tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in ("001", "004"):
        shutil.copy(corpus_path(n), folder)
    out = tmp_path / "results.jsonl"
    assert main(["run", str(folder), "--out", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["status"] for r in records] == ["verified", "flagged"]
    assert all(r["model"] == FIXTURE_MODEL and r["settings"] for r in records)
    assert records[1]["report"]["findings"][0]["code"]
    err = capsys.readouterr().err
    assert "using fixture at http://127.0.0.1" in err
    assert "read=2 skipped=0 verified=1 flagged=1 rejected=0 failed=0" in err
    assert KEY not in out.read_text(encoding="utf-8") and KEY not in err


def test_run_with_a_missing_input_is_one_clear_line(endpoint, tmp_path, capsys):
    assert main(["run", str(tmp_path / "nope"), "--out", str(tmp_path / "r.jsonl")]) == 2
    assert capsys.readouterr().err.strip().endswith("no such file or folder; give article files or folders of them")
