"""The ask/check/re-ask loop, against scripted endpoints.

Every test plays a script of handwritten answers (fixtures, not recordings)
through a real openai client, and asserts what a user would see: the attempts,
what each re-ask carried, and the result kept.
"""

import asyncio
import json

import pytest

from summarizer import Settings, Summarizer, asummarize, summarize
from support.completions import Script, async_client, completion, error, sync_client
from support.corpus import corpus, fixture_summary

A001 = corpus("001")
GOOD = fixture_summary("001").model_dump_json()
SETTINGS = Settings(base_url="http://endpoint.test/v1", api_key="sk-test", model="test-model")


def run(script: Script, settings: Settings = SETTINGS, text: str = A001):
    result = Summarizer(settings, client=sync_client(script), sleep=lambda s: None).summarize(text)
    assert not script.steps, "the script was not played to its end"
    return result


def test_an_answer_that_does_not_fit_the_schema_is_re_asked_with_the_reason():
    broken = '{"headline": "x", "summary": '
    script = Script(completion(broken), completion(GOOD))
    result = run(script)
    assert result.status == "verified"
    assert [(a.kind, a.outcome) for a in result.attempts] == [("ask", "invalid"), ("reask", "verified")]
    ask, reask = script.requests
    assert reask["messages"][: len(ask["messages"])] == ask["messages"]
    assert reask["messages"][-2]["content"] == broken  # the answer that did not fit, then why
    assert "not a valid summary in the schema" in reask["messages"][-1]["content"]


def test_answers_that_never_fit_the_schema_fail_with_the_last_raw_answer():
    result = run(Script(completion('{"headline": '), completion("not json"), completion("not json at all")))
    assert result.status == "failed" and result.failure_kind == "invalid_response"
    assert [a.outcome for a in result.attempts] == ["invalid"] * 3
    assert result.last_answer == "not json at all"


def test_truncated_answer_is_asked_again_with_more_room():
    script = Script(completion(GOOD[:200], finish="length"), completion(GOOD))
    result = run(script)
    assert [(a.kind, a.outcome) for a in result.attempts] == [("ask", "truncated"), ("more_room", "verified")]
    first, second = (r["max_tokens"] for r in script.requests)
    assert second == 2 * first
    assert script.requests[0]["messages"] == script.requests[1]["messages"]


def test_truncated_twice_is_reported_as_truncated():
    result = run(Script(completion(GOOD[:100], finish="length"), completion(GOOD[:300], finish="length")))
    assert result.status == "failed" and result.failure_kind == "truncated"
    assert result.last_answer == GOOD[:300]


def _with_quote(text: str) -> str:
    data = json.loads(GOOD)
    data["quotes"][1]["text"] = text
    return json.dumps(data, ensure_ascii=False)


BAD = _with_quote("대한민국의 목표는 아시아태평양 지역의 ‘AI 수도’가 되는 것")


def test_non_verbatim_quote_is_re_asked_with_only_its_findings():
    script = Script(completion(BAD), completion(GOOD))
    result = run(script)
    assert result.status == "verified"
    assert [(a.kind, a.outcome, a.errors) for a in result.attempts] == [("ask", "rejected", 1), ("reask", "verified", 0)]
    ask, reask = script.requests
    assert len(reask["messages"]) == len(ask["messages"]) + 2  # the last answer, then its findings
    assert reask["messages"][: len(ask["messages"])] == ask["messages"]  # same prefix, article last
    findings = reask["messages"][-1]["content"]
    assert "quotes[1].text" in findings and "not in the article word for word" in findings
    assert findings.count("\n- ") == 1  # one finding, one line
    assert result.usage.total_tokens == 2800


def test_re_asks_do_not_grow_the_conversation_and_stop_at_the_limit():
    bad2, bad3 = _with_quote("전혀 다른 말 하나"), _with_quote("전혀 다른 말 둘")
    script = Script(completion(BAD), completion(bad2), completion(bad3))
    result = run(script)
    assert result.status == "rejected"
    assert [a.kind for a in result.attempts] == ["ask", "reask", "reask"]
    assert len(script.requests[1]["messages"]) == len(script.requests[2]["messages"])
    assert script.requests[2]["messages"][-2]["content"] != script.requests[1]["messages"][-2]["content"]


def test_the_same_answer_twice_ends_the_re_asks():
    script = Script(completion(BAD), completion(BAD))
    result = run(script)
    assert [a.kind for a in result.attempts] == ["ask", "reask"]
    assert result.attempts[-1].note == "the same answer as before; not asking again"


def test_a_usable_answer_survives_a_later_failure():
    result = run(Script(completion(BAD), error(401)))
    assert result.status == "rejected"  # the first answer, with its report: not thrown away
    assert result.summary is not None and result.report.errors
    assert [a.outcome for a in result.attempts] == ["rejected", "failed"]


def test_the_best_answer_is_kept_when_re_asking_makes_it_worse():
    worse = json.loads(BAD)
    worse["figures"][0]["value"] = 1
    script = Script(completion(BAD), completion(json.dumps(worse, ensure_ascii=False)),
                    completion(_with_quote("전혀 다른 말")))
    result = run(script)
    assert result.status == "rejected"
    assert len(result.report.errors) == 1


def test_articles_own_totals_mismatch_is_rechecked_once_then_left_as_a_warning():
    answer = fixture_summary("004").model_dump_json()
    script = Script(completion(answer), completion(answer))
    result = run(script, text=corpus("004"))
    assert result.status == "flagged"
    assert [a.kind for a in result.attempts] == ["ask", "reask"]
    assert "Check that part_of links only parts" in script.requests[1]["messages"][-1]["content"]


def _without_timings(result) -> dict:
    data = result.model_dump(exclude={"seconds"})
    for attempt in data["attempts"]:
        attempt.pop("seconds")
    return data


def test_a_stepper_given_the_same_answers_ends_where_summarize_does():
    text, answer = corpus("004"), fixture_summary("004").model_dump_json()

    def script() -> Script:  # flagged (its totals asked about again), an answer out of the schema, flagged
        return Script(completion(answer), completion("not json"), completion(answer))

    online_script = script()
    online = run(online_script, text=text)
    summarizer = Summarizer(SETTINGS, client=sync_client(script()), sleep=lambda s: None)
    stepper = summarizer.stepper(text)
    asks = []
    while stepper.ask is not None:
        asks.append(stepper.ask.messages)
        stepper.answer(summarizer.provider.ask(stepper.ask.messages, stepper.ask.max_tokens, stepper.ask.shape))
    assert stepper.asked == len(asks) == len(online.attempts) == 3
    assert asks == [r["messages"] for r in online_script.requests]
    assert _without_timings(stepper.result) == _without_timings(online)


def test_an_empty_article_is_a_failed_input_result_as_in_a_batch_not_an_exception():
    script = Script()  # nothing is asked
    for text in ("", "  \n\t "):
        result = summarize(text, settings=SETTINGS, client=sync_client(script))
        assert (result.status, result.failure_kind, result.failure) == ("failed", "input", "the article text is empty")
        assert result.summary is None and result.attempts == []
        assert (result.made_by, result.model, result.base_url) == ("code", None, None)  # nothing was sent
    result = asyncio.run(asummarize("", settings=SETTINGS, client=async_client(script)))
    assert (result.status, result.failure_kind) == ("failed", "input")
    assert script.requests == []


def test_a_text_that_is_not_a_str_is_a_mistake_in_the_calling_code():
    with pytest.raises(TypeError, match="takes the article's text as a str, not NoneType"):
        Summarizer(SETTINGS, client=sync_client(Script())).summarize(None)
