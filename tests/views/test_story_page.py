"""story.html: every value links to its passage in context, conflicts first, all text escaped, only its script runs."""

import re

import httpx2
import pytest

from summarizer import ArticleSummary, Settings, reconcile
from summarizer.stories.core import reconcile_records
from summarizer.views.story_page import render_story_page, write_story_page
from support.completions import FIXTURE_MODEL, Script, sync_client, tool_answer
from support.browser import dump_dom, needs_chromium
from support.corpus import FIXTURES
from support.stories import BUNDLED, OTHERS, bundled_record, record, unrelated_record

RECORDS = {r.id: r for r in [bundled_record(n) for n in BUNDLED] + [unrelated_record(n) for n in OTHERS]}
GOOD = (FIXTURES / "reconcile" / "gpu.proposals.fixture.json").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def page():
    script = Script(httpx2.Response(200, json=tool_answer(GOOD, tool="Proposals")),
                    httpx2.Response(200, json=tool_answer('{"same_figures": []}', tool="Proposals")))
    result = reconcile(list(RECORDS.values()), settings=Settings(base_url="http://endpoint.test/v1",
                                                                 model=FIXTURE_MODEL), client=sync_client(script))
    return result, render_story_page(result, RECORDS)


def test_every_value_links_to_its_passage_shown_in_context(page):
    result, html = page
    links = re.findall(r'<a href="#([^"]+)">([^<]*)</a>', html)
    passages = dict(re.findall(r'<div class="passage" id="([^"]+)"><div class="who">[^<]*</div>(.*?)</div>', html))
    assert links and {anchor for anchor, _ in links} == set(passages)
    for anchor, shown in links:  # a figure's value, or a quote's speaker: its passage marks the place
        assert "<mark>" in passages[anchor]
    gpu = result.stories[0]
    for figure in gpu.figures:
        for report in figure.reports:
            for part in report.parts or [report]:
                assert any(shown == part.text for _, shown in links), part.text
    # the passage shows the article around the value: 004's 2030 target with its year and its 이상
    (anchor,) = [a for a, shown in links if shown == "20만장" and "2030" in passages[a]]
    assert "2028년 5만장, 2030년 <mark>20만장</mark> 이상을 확보해" in passages[anchor]


def test_each_story_is_a_table_across_outlets_conflicts_first(page):
    result, html = page
    first_story = html.split('<section class="story"')[1]
    figures_table = first_story.split("<h3>Quotations</h3>")[0]
    assert "".join(f"<th>{a}</th>" for a in BUNDLED) in figures_table
    agreements = re.findall(r'<tr data-agreement="([a-z_]+)">', figures_table)
    assert agreements == sorted(agreements, key=["conflict", "agreed", "single_source"].index)
    assert agreements[:2] == ["conflict", "conflict"]  # the 2030 target, and 20만 against 21만 (model step)
    assert "5만개</a> + " in figures_table and "= 210,000" in figures_table
    assert 'class="badge model"' in figures_table
    assert "<h2>Model step</h2>" in html and html.count('class="badge agreed">accepted') == 2
    assert "<h2>Articles no other outlet reports</h2>" in html


HOSTILE = '<img src=x onerror="alert(1)">'


def hostile_records():
    text = ("부산 시내버스 요금 1700원으로 <b>인상</b> <script>alert(1)</script>\n"
            '부산시는 시내버스 기본요금을 1700원으로 올린다. 김민수 국장은 "요금은 <i>올해</i> 오른다"고 말했다.')
    summary = ArticleSummary.model_validate({
        "headline": f"부산 시내버스 요금 인상 {HOSTILE}", "summary": "부산시가 요금을 올린다.",
        "figures": [{"id": "f1", "label": f"부산 시내버스 기본요금 {HOSTILE}", "value": 1700, "unit": "원", "text": "1700원"}],
        "quotes": [{"text": "요금은 <i>올해</i> 오른다", "speaker": "김민수", "speaker_role": "국장"}]})
    return [record("a<b>", text, summary), record("b&c", text.replace("<b>인상</b>", "인상"), summary)]


def test_article_and_model_text_is_escaped_and_only_the_page_s_script_is_allowed(tmp_path):
    records = hostile_records()
    # flagged: the markup in the headline and the label is not the article's words (text.unsupported)
    assert [r.status for r in records] == ["flagged", "flagged"]
    result = reconcile_records(records)
    assert result.stories[0].articles == ["a<b>", "b&c"]
    target = tmp_path / "story.html"
    write_story_page(result, {r.id: r for r in records}, target)
    html = target.read_text(encoding="utf-8")
    assert "<img" not in html and "<i>" not in html and "<script>alert" not in html and "<b>인상" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<th>a&lt;b&gt;</th>" in html
    assert html.count("<script>") == 1 and "http-equiv=\"Content-Security-Policy\"" in html
    assert "src=" not in html.replace("script-src", "").replace("img src=x", "")  # loads nothing


@needs_chromium
def test_the_page_runs_its_own_script_and_nothing_else_in_a_real_browser(tmp_path):
    records = {r.id: r for r in hostile_records()} | RECORDS
    target = tmp_path / "story.html"
    write_story_page(reconcile_records(list(records.values())), records, target)
    run = dump_dom(target, tmp_path / "profile")
    assert 'data-ready="1"' in run.stdout  # the page's script ran under its Content-Security-Policy
    assert "Content Security Policy" not in run.stderr
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in run.stdout and "<img" not in run.stdout
