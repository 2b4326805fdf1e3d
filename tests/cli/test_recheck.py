"""summarizer recheck: this version's checks on the summaries a results file holds, with no model."""

import json

from summarizer import ArticleSummary
from summarizer.cli import main
from summarizer.contract.report import Report
from support.corpus import corpus, fixture_summary
from support.stories import bundled_record, record, write_results


def test_recheck_judges_an_old_run_by_the_new_checks_and_asks_no_model(tmp_path, capsys):
    # an old run's record: verified under the old checks, with labels the article does not back
    s = fixture_summary("001").model_dump()
    s["figures"][0]["label"] = "friend"
    old = record("old", corpus("001"), ArticleSummary.model_validate(s))
    old = type(old).model_validate({**old.model_dump(), "status": "verified",
                                    "report": {**old.report.model_dump(), "findings": [], "status": "verified"}})
    results = write_results(tmp_path / "results.jsonl", [old, bundled_record("002")])
    out = tmp_path / "new.jsonl"
    assert main(["recheck", str(results), "--out", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["status"]) for r in rows] == [("old", "rejected"), ("002", "verified")]
    assert [(f.code, f.path) for f in Report.model_validate(rows[0]["report"]).findings] == [
        ("text.other_language", "figures[0].label")]
    assert rows[0]["summary"] == json.loads(old.model_dump_json())["summary"]  # the answer is kept as it was
    assert "rechecked verified=2→1, flagged=0→0, rejected=0→1, failed=0→0" in capsys.readouterr().err


def test_recheck_refuses_to_write_over_its_input(tmp_path, capsys):
    results = write_results(tmp_path / "results.jsonl", [bundled_record("002")])
    before = results.read_bytes()
    assert main(["recheck", str(results), "--out", str(results)]) == 2
    assert results.read_bytes() == before
    assert "--out" in capsys.readouterr().err
