"""The HTML report: self-contained, every article and model text escaped, only its own script runs."""

import html
import json
import re

import pytest

from summarizer.cli import main
from summarizer.contract.result import STATUSES
from summarizer.views.report_html import write_report
from support.browser import dump_dom, needs_chromium
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


@needs_chromium
def test_report_runs_its_own_script_and_nothing_else_in_a_real_browser(endpoint, tmp_path):
    out, report = tmp_path / "r.jsonl", tmp_path / "report.html"
    assert main(["run", str(corpus_path("002")), "--out", str(out), "--report", str(report)]) == 0
    run = dump_dom(report, tmp_path / "profile")
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


def _one_record(tmp_path, number):
    """A run of one bundled article; its result line as a dict, to be changed and written back."""
    out = tmp_path / "r.jsonl"
    assert main(["run", str(corpus_path(number)), "--out", str(out)]) == 0
    return out, json.loads(out.read_text(encoding="utf-8"))


def _report_of(out, record, tmp_path):
    out.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    report = tmp_path / "report.html"
    write_report(out, report)
    return report.read_text(encoding="utf-8")


def test_report_shows_the_structured_summary_each_item_linking_to_its_place(endpoint, tmp_path):
    out, record = _one_record(tmp_path, "001")
    text, summary, checks = record["text"], record["summary"], record["report"]
    sentence = "엔비디아가 한국 정부와 기업에 최신 GPU ‘블랙웰’ 26만 개를 공급하기로 했다."
    grounded = "젠슨 황 엔비디아 최고경영자(CEO)가 방한 전 예고했던 “한국을 기쁘게 할 발표”의 실체가 드러났다."
    sentence_at = text.index(grounded)
    summary["events"][0]["description"] = grounded.replace("CEO)가 ", "CEO)가\n")  # spaces may differ
    summary["events"][1]["description"] = sentence + " (not the article's words)"
    page = _report_of(out, record, tmp_path)

    assert f'<p class="headline">{html.escape(summary["headline"])}</p>' in page
    assert f'<p class="summary">{html.escape(summary["summary"])}</p>' in page
    # the figures table: label (linking to the number in the article), value, unit, qualifier, part_of, as written
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>",
                      page)
    assert len(rows) == len(summary["figures"]) == 7
    first = checks["figures"][0]["span"]["start"]
    assert rows[0] == (f'<a href="#a0-at{first}">한국에 공급되는 블랙웰 GPU</a>', "260,000", "개", "exact", "", "26만 개")
    assert rows[1][1:5] == ("50,000", "개", "exact", "f1")
    assert rows[6][1:3] == ("14,000,000,000,000", "원")
    # every link lands on an anchor in the article's text, at the item's first character
    targets = re.findall(r'href="#(a0-at\d+)"', page)
    assert targets and all(page.count(f'id="{t}"') == 1 for t in targets)
    for fig in checks["figures"]:
        start = fig["span"]["start"]
        assert f'<span class="at" id="a0-at{start}"></span>{html.escape(text[start])}' in page
    quote_at = checks["quotes"][0]["span"]["start"]
    assert f'<a href="#a0-at{quote_at}">“{html.escape(summary["quotes"][0]["text"])}”</a>' in page
    assert "— 이재명 대통령</span>" in page  # a role the speaker's name already holds is not repeated
    # an event links where its description is the article's sentence, and says so where it is not
    assert f'<li><a href="#a0-at{sentence_at}">' in page
    assert '<span class="nolink" title="not found in the article">' + sentence + " (not" in page
    assert "엔비디아 · no place · 2025-10-31" in page


def test_report_lists_titles_and_shows_coverage_apart_from_findings(endpoint, tmp_path):
    out, record = _one_record(tmp_path, "002")
    record["title"] = "A <title> of its own"
    coverage = record["report"]["coverage"]
    assert record["status"] == "rejected" and coverage["findings"], "002 has findings and coverage notes"
    page = _report_of(out, record, tmp_path)
    assert '<td><a href="#a0">A &lt;title&gt; of its own</a></td>' in page  # the title, not the id, in the table
    assert '<span class="badge rejected">rejected</span> A &lt;title&gt; of its own</h2>' in page
    findings, _, rest = page.partition('<section class="coverage">')
    assert rest, "coverage has a box of its own"
    assert "coverage.quotes_missing" not in findings and "coverage.quotes_missing" in rest
    assert '<div class="note">' in rest and '<div class="finding' not in rest.split("</section>")[0]
    assert f"{coverage['quotes']['carried']} of {coverage['quotes']['total']} quotations" in rest
    start = coverage["findings"][0]["span"]["start"]  # a note with a place links there
    assert f'<a href="#a0-at{start}">in the article</a>' in rest and page.count(f'id="a0-at{start}"') == 1

    record["title"] = None  # no title: the id
    page = _report_of(out, record, tmp_path)
    assert f'<td><a href="#a0">{record["id"]}</a></td>' in page


def test_a_verified_card_has_no_amber_coverage_box(endpoint, tmp_path):
    out, record = _one_record(tmp_path, "001")
    assert record["status"] == "verified"
    record["report"]["coverage"]["findings"] = [{
        "code": "coverage.figure_missing", "severity": "warning", "path": "figures",
        "message": "The article's 14조 원 is not carried.", "span": None}]
    page = _report_of(out, record, tmp_path)
    card = page.split('<article id="a0"')[1]
    assert '<div class="finding' not in card  # no amber finding on a verified card
    assert "No findings." in card and '<div class="note"><span class="code">coverage.figure_missing' in card


def test_an_article_changed_and_run_again_shows_its_newest_result_and_the_older_one_as_replaced(endpoint, tmp_path):
    folder, out, report = tmp_path / "in", tmp_path / "r.jsonl", tmp_path / "r.html"
    folder.mkdir()
    article = folder / "004.txt"
    article.write_text(corpus("004"), encoding="utf-8")
    assert main(["run", str(folder), "--out", str(out)]) == 0
    article.write_text(corpus("004").replace("약 5만장을 공공", "약 6만장을 공공", 1), encoding="utf-8")  # edited
    assert main(["run", str(folder), "--out", str(out), "--report", str(report)]) in (0, 1)
    older, newer = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    assert older["origin"] == newer["origin"] and older["hash"] != newer["hash"]
    page = report.read_text(encoding="utf-8")
    statuses = re.findall(r'<article id="a(\d)" data-status="([a-z]+)"', page)
    assert statuses == [("0", "replaced"), ("1", newer["status"])]
    assert "Replaced: a newer result of" in page and '<input type="checkbox" value="replaced">' in page
    counted = ", ".join(f"{int(s == newer['status'])} {s}" for s in STATUSES)  # the newer result alone
    assert f"<small>1 articles: {counted}." in page
    assert "1 older results, of articles that were changed and run again, are replaced" in page
