import json

import httpx2
import openai
import pytest

from conftest import corpus, fixture_summary
from summarizer import ArticleSummary, UsageError
from summarizer.config import Settings
from summarizer.extract import Summarizer
from summarizer.windows import estimate_tokens, merge_summaries, split_windows

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
    for before, after in zip(windows, windows[1:]):
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


GOOD_ANSWER = {
    "id": "x", "object": "chat.completion", "created": 0, "model": "m",
    "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant", "tool_calls": [
        {"id": "c", "type": "function",
         "function": {"name": "ArticleSummary", "arguments": fixture_summary("001").model_dump_json()}}]}}],
    "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
}


def _windowed(handler):
    """Summarize 001 with a context small enough to need several windows."""
    settings = Settings(base_url="http://t.test/v1", api_key="k", model="m", context_tokens=3000, max_tokens=512,
                        max_reasks=0)
    client = openai.OpenAI(base_url="http://t.test/v1", api_key="k",
                           http_client=httpx2.Client(transport=httpx2.MockTransport(handler)))
    return Summarizer(settings, client=client).summarize(A001)


def test_long_article_is_read_in_windows_and_offsets_index_the_whole_article():
    seen = []

    def handler(request):
        seen.append(json.loads(request.content)["messages"][-1]["content"])
        return httpx2.Response(200, json=GOOD_ANSWER)

    result = _windowed(handler)
    assert result.windows == len(seen) >= 2
    assert all(a.window == i for i, a in enumerate(result.attempts))
    assert result.status == "verified"
    for loc, quote in zip(result.report.quotes, result.summary.quotes):
        assert A001[loc.span.start : loc.span.end] == quote.text


def test_no_configuration_means_the_embedded_model():
    s = Settings.from_env({})
    assert s.embedded and s.describe() == "the embedded model gemma-3-270m-q4_k_m"


def test_an_endpoint_in_the_environment_switches_to_it():
    s = Settings.from_env({"OPENAI_BASE_URL": "http://localhost:11434/v1", "SUMMARIZER_MODEL": "qwen3"})
    assert not s.embedded
    assert s.describe() == "qwen3 at http://localhost:11434/v1"
    assert Settings.from_env({"OPENAI_BASE_URL": "http://a/v1"}, base_url="http://b/v1").base_url == "http://b/v1"


def test_the_key_never_shows():
    s = Settings.from_env({"OPENAI_API_KEY": "sk-secret-123456789012345", "SUMMARIZER_MODEL": "gpt-x"})
    for text in (repr(s), str(s), s.describe(), s.fingerprint()):
        assert "sk-secret" not in text
    assert s.fingerprint() == s.with_(api_key="other", timeout=5).fingerprint()
    assert s.fingerprint() != s.with_(model="gpt-y").fingerprint()


@pytest.mark.parametrize(("env", "overrides", "message"), [
    ({"OPENAI_API_KEY": "k"}, {}, "choose a model"),
    ({}, {"model": "gpt-x"}, "needs an endpoint"),
    ({"SUMMARIZER_MAX_REASKS": "two"}, {}, "SUMMARIZER_MAX_REASKS='two' is not a valid int"),
    ({"SUMMARIZER_MODE": "xml"}, {}, "unknown mode 'xml'"),
])
def test_bad_settings_say_how_to_fix_them(env, overrides, message):
    with pytest.raises(UsageError, match=message):
        Settings.from_env(env, **overrides)


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
    for loc, quote in zip(result.report.quotes, result.summary.quotes):
        assert A001[loc.span.start : loc.span.end] == quote.text  # offsets index the whole article
