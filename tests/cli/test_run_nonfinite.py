"""`summarizer run` when the model answers a figure value of NaN or Infinity.

The schema refuses it, so the answer is re-asked like any answer that does not
fit, and a run of many articles goes on: nothing crashes, nothing already
written is lost. The answers are fixtures served by the loopback endpoint.
"""

import json
import shutil

import pytest

from summarizer.cli import main
from summarizer.embedded.engine import Generation
from support.completions import FIXTURE_MODEL
from support.corpus import corpus_path, fixture_summary
from support.endpoint import ENDPOINT_KEY, Endpoint, FixtureEngine


def non_finite(literal: str) -> str:
    """The 001 fixture with its first figure's value replaced by a bare ``literal`` (NaN, Infinity)."""
    data = json.loads(fixture_summary("001").model_dump_json())
    data["figures"][0]["value"] = "@"
    return json.dumps(data, ensure_ascii=False).replace('"@"', literal)


class BadFirst(FixtureEngine):
    """Answers ``bad`` (in order) before the fixtures."""

    def __init__(self, *bad: str) -> None:
        super().__init__()
        self.bad = list(bad)

    def generate(self, prompt, *, max_tokens, grammar=None, cancel=None):
        if self.bad:
            super().generate(prompt, max_tokens=max_tokens, grammar=grammar, cancel=cancel)
            return Generation(self.bad.pop(0), "stop", 100, 50)
        return super().generate(prompt, max_tokens=max_tokens, grammar=grammar, cancel=cancel)


def run(monkeypatch, tmp_path, engine):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(corpus_path("001"), folder)
    out = tmp_path / "results.jsonl"
    with Endpoint(engine) as e:
        monkeypatch.setenv("OPENAI_BASE_URL", e.url)
        monkeypatch.setenv("OPENAI_API_KEY", ENDPOINT_KEY)
        monkeypatch.setenv("SUMMARIZER_MODEL", FIXTURE_MODEL)
        code = main(["run", str(folder), "--out", str(out), "--max-reasks", "1"])
    lines = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
    return code, [json.loads(line) for line in lines], out


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_a_non_finite_answer_is_re_asked_and_the_run_goes_on(monkeypatch, tmp_path, capsys, literal):
    code, (record,), _ = run(monkeypatch, tmp_path, BadFirst(non_finite(literal)))
    assert code == 0
    assert record["status"] == "verified"
    assert [(a["kind"], a["outcome"]) for a in record["attempts"]] == [("ask", "invalid"), ("reask", "verified")]
    assert "read=1 skipped=0 verified=1 flagged=0 rejected=0 failed=0" in capsys.readouterr().err


def test_answers_that_stay_non_finite_fail_that_article_only(monkeypatch, tmp_path, capsys):
    code, records, out = run(monkeypatch, tmp_path, BadFirst(non_finite("NaN"), non_finite("Infinity")))
    assert code == 3 and records == []  # the run's one article failed: exit 3, and the run ended cleanly
    (dead,) = [json.loads(line) for line in out.with_name("results.failed.jsonl").read_text("utf-8").splitlines()]
    assert dead["failure_kind"] == "invalid_response" and "finite number" in dead["reason"]
    assert "failed=1" in capsys.readouterr().err
