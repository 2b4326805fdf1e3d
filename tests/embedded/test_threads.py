"""How many threads the embedded model uses, and a bad setting caught before any work."""

import pytest

from summarizer.contract.errors import UsageError
from summarizer.embedded import ensure_installed
from summarizer.embedded.engine import default_threads


@pytest.mark.parametrize(("value", "threads"), [(None, 1), ("", 1), ("2", 2), (" 3 ", 3)])
def test_one_thread_unless_summarizer_threads_says_otherwise(monkeypatch, value, threads):
    if value is None:
        monkeypatch.delenv("SUMMARIZER_THREADS", raising=False)
    else:
        monkeypatch.setenv("SUMMARIZER_THREADS", value)
    assert default_threads() == threads


@pytest.mark.parametrize("value", ["abc", "0", "-1", "1.5"])
def test_a_bad_thread_count_is_a_usage_error_before_the_model_is_used(monkeypatch, value):
    monkeypatch.setenv("SUMMARIZER_THREADS", value)
    with pytest.raises(UsageError) as e:
        ensure_installed()
    assert str(e.value) == f"SUMMARIZER_THREADS={value!r} must be a whole number of threads, 1 or more"


def test_summarizer_run_refuses_a_bad_thread_count_in_one_line_and_writes_nothing(monkeypatch, tmp_path, capsys):
    from summarizer.cli import main
    from support.corpus import corpus_path

    for var in ("OPENAI_BASE_URL", "OPENAI_API_KEY", "SUMMARIZER_MODEL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("SUMMARIZER_THREADS", "two")
    out = tmp_path / "out" / "results.jsonl"
    assert main(["run", str(corpus_path("002")), "--out", str(out)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "summarizer: SUMMARIZER_THREADS='two' must be a whole number of threads, 1 or more"]
    assert not (tmp_path / "out").exists()
