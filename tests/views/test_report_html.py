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


def test_report_shows_each_failure_once_and_not_one_that_succeeded_since(endpoint, tmp_path):
    import json

    from summarizer.contract.article import content_hash
    from summarizer.views.report_html import write_report

    out, dead, report = tmp_path / "r.jsonl", tmp_path / "r.failed.jsonl", tmp_path / "report.html"
    assert main(["run", str(corpus_path("001")), "--out", str(out)]) == 0
    done = json.loads(out.read_text(encoding="utf-8"))
    with open(out, "a", encoding="utf-8") as f:
        f.write('{"id": "from an older version", "hash": "x", "settings": "y"}\n')  # not a full record
    letters = [
        {"id": done["id"], "origin": done["origin"], "reason": "the endpoint kept failing", "failure_kind":
         "unavailable", "settings": done["settings"], "hash": done["hash"]},  # succeeded since
        {"id": "gone", "origin": "a.jsonl:7", "reason": "first <b>reason</b>", "failure_kind": "unavailable",
         "settings": "s", "hash": content_hash("x")},
        {"id": "gone", "origin": "a.jsonl:7", "reason": "latest reason", "failure_kind": "auth", "settings": "s",
         "hash": content_hash("x")},
    ]
    dead.write_text("".join(json.dumps(d) + "\n" for d in letters), encoding="utf-8")
    assert write_report(out, report, dead_letters=dead) == 2
    page = report.read_text(encoding="utf-8")
    assert "2 articles: 1 verified, 0 flagged, 0 rejected, 1 failed. 1 lines of r.jsonl could not be read." in page
    assert page.count('<article id="f') == 1 and "latest reason" in page and "first" not in page
    assert '<tr data-status="failed" data-search="gone"><td><a href="#f0">gone</a></td>' in page
