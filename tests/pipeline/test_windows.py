"""Articles longer than the context: windows cut on line ends, merged, checked against the whole article."""

import json
from itertools import pairwise

import httpx2
import pytest

from summarizer import ArticleSummary, Settings, Summarizer
from summarizer.pipeline.windows import estimate_tokens, merge_summaries, split_windows
from support.completions import sync_client, tool_answer
from support.corpus import corpus, fixture_summary

A001 = corpus("001")


def test_short_text_is_one_window():
    assert split_windows(A001, 100_000) == [A001]


@pytest.mark.parametrize("budget", [300, 700, 1500])
def test_windows_cover_the_article_on_line_boundaries_with_overlap(budget):
    windows = split_windows(A001, budget)
    assert len(windows) > 1
    for w in windows:
        assert w in A001
        assert estimate_tokens(w) <= budget
    lines = [line for line in A001.splitlines(keepends=True) if line.strip()]
    for line in lines:
        assert any(line in w for w in windows)
    for before, after in pairwise(windows):
        last = before.splitlines(keepends=True)[-1]
        assert after.startswith(last)


def test_a_paragraph_longer_than_the_budget_is_cut():
    text = "가나다라마바사. " * 200
    windows = split_windows(text, 100)
    assert all(estimate_tokens(w) <= 100 for w in windows)
    assert "".join(windows).replace(" ", "") .count("가나다라마바사") >= 200


def test_merge_removes_duplicates_and_renumbers_figures():
    a = fixture_summary("001")
    b = ArticleSummary.model_validate({
        "headline": "x", "summary": "둘째 창.",
        "figures": [{"id": "f1", "label": "네이버 몫", "value": 60000, "unit": "개", "text": "6만 개"},
                    {"id": "f2", "label": "새 수치", "value": 3, "text": "3", "part_of": "f1"}],
        "quotes": [a.quotes[0].model_dump(), {"text": "새 인용", "speaker": "누구"}],
        "events": [{"description": "새 사건", "figure_ids": ["f2"]}],
    })
    merged = merge_summaries([a, b])
    assert merged.headline == a.headline
    assert [f.id for f in merged.figures] == [f"f{i}" for i in range(1, 9)]
    new = merged.figures[-1]
    assert (new.text, new.part_of) == ("3", "f6")  # 6만 개 was a's f6
    assert [q.text for q in merged.quotes][-1] == "새 인용" and len(merged.quotes) == len(a.quotes) + 1
    assert merged.events[-1].figure_ids == ["f8"]


GOOD_ANSWER = tool_answer(fixture_summary("001").model_dump_json(), prompt=10, answer=10)


def _windowed(handler):
    """Summarize 001 with a context small enough to need several windows."""
    settings = Settings(base_url="http://t.test/v1", api_key="k", model="m", context_tokens=3000, max_tokens=512,
                        max_reasks=0)
    return Summarizer(settings, client=sync_client(handler, "http://t.test/v1", "k")).summarize(A001)


def test_long_article_is_read_in_windows_and_offsets_index_the_whole_article():
    seen = []

    def handler(request):
        seen.append(json.loads(request.content)["messages"][-1]["content"])
        return httpx2.Response(200, json=GOOD_ANSWER)

    result = _windowed(handler)
    assert result.windows == len(seen) >= 2
    assert all(a.window == i for i, a in enumerate(result.attempts))
    assert result.status == "verified"
    assert [A001[loc.span.start : loc.span.end] for loc in result.report.quotes] == [
        q.text for q in result.summary.quotes]


def test_a_window_that_fails_leaves_the_others_checked_against_the_whole_article():
    calls = []

    def handler(request):
        calls.append(1)
        if len(calls) > 1:
            return httpx2.Response(400, json={"error": {"message": "bad", "type": "x", "code": None}})
        return httpx2.Response(200, json=GOOD_ANSWER)

    result = _windowed(handler)
    assert result.windows >= 2 and result.status != "failed"
    assert [a.outcome for a in result.attempts][0] != "failed" and result.attempts[-1].outcome == "failed"
    assert result.summary.quotes  # offsets index the whole article:
    assert [A001[loc.span.start : loc.span.end] for loc in result.report.quotes] == [
        q.text for q in result.summary.quotes]
