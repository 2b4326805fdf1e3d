"""The HTML report: self-contained, every article and model text escaped, only its own script runs."""

import shutil
import subprocess

import pytest

from summarizer.cli import main
from support.corpus import corpus, corpus_path


def test_report_is_written_and_escapes_article_html(endpoint, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(corpus("002"), encoding="utf-8")  # holds a raw <a href=...> tag
    out, report = tmp_path / "r.jsonl", tmp_path / "report.html"
    assert main(["run", str(article), str(corpus_path("001")), "--out", str(out), "--report", str(report)]) == 0
    page = report.read_text(encoding="utf-8")
    assert "<a href='https://www.businesspost" not in page
    assert "&lt;a href=&#x27;https://www.businesspost.co.kr" in page
    assert page.count("<script>") == 1 and "http-equiv=\"Content-Security-Policy\"" in page
    assert '<mark class="q-ok"' in page and '<mark class="fig"' in page
    assert "src=" not in page.replace("script-src", "")  # loads nothing


CHROMIUM = shutil.which("chromium")


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
def test_report_runs_its_own_script_and_nothing_else_in_a_real_browser(endpoint, tmp_path):
    out, report = tmp_path / "r.jsonl", tmp_path / "report.html"
    assert main(["run", str(corpus_path("002")), "--out", str(out), "--report", str(report)]) == 0
    run = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=1", "--dump-dom",
         report.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert 'data-ready="1"' in run.stdout  # the page's script ran under its Content-Security-Policy
    assert "Content Security Policy" not in run.stderr
    assert "businesspost.co.kr" in run.stdout and "<a href='https://www.businesspost" not in run.stdout
