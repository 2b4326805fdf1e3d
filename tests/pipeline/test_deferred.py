"""Articles whose answers come later: custom_ids, the loop driven by answers joined on them, checked as online."""

import json

from summarizer import Article, Settings, Summarizer
from summarizer.model.batches import Output
from summarizer.model.failures import Failure
from summarizer.pipeline.deferred import Deferred, Request
from support.completions import Script, completion, sync_client, tool_answer
from support.corpus import corpus, fixture_summary

SETTINGS = Settings(base_url="http://endpoint.test/v1", api_key="sk-test", model="test-model")
A004 = Article("a4", corpus("004"), "004.txt")
ANSWER = fixture_summary("004").model_dump_json()


def _line(custom_id, body, status=200):
    return Output.parse(json.dumps({"custom_id": custom_id, "error": None,
                                    "response": {"status_code": status, "request_id": "r", "body": body}}))


def _without_timings(result) -> dict:
    data = result.model_dump(exclude={"seconds", "base_url"})
    for attempt in data["attempts"]:
        attempt.pop("seconds")
    return data


def test_each_ask_waits_for_the_answer_to_its_own_custom_id_and_the_result_is_the_online_one():
    deferred = Deferred(SETTINGS)
    stem = deferred.key(A004)
    answers: dict[str, Output] = {}
    requests = []
    while isinstance(outcome := deferred.advance(A004, answers.get), Request):
        requests.append(outcome)
        answers[outcome.custom_id] = _line(outcome.custom_id, tool_answer(ANSWER))
    assert [(r.custom_id, r.asked) for r in requests] == [(f"{stem}-0", 0), (f"{stem}-1", 1)]
    script = Script(completion(ANSWER), completion(ANSWER))
    online = Summarizer(SETTINGS, client=sync_client(script), sleep=lambda s: None).summarize(A004.text)
    assert [r.body for r in requests] == script.requests  # the requests the online path sent
    assert _without_timings(outcome) == _without_timings(online)
    assert outcome.status == "flagged" and [a.kind for a in outcome.attempts] == ["ask", "reask"]
    assert outcome.base_url == "http://endpoint.test/v1"  # the endpoint, as online: not where the lines were read


def test_the_key_changes_with_the_text_and_the_settings_and_never_joins_another_articles_answer():
    deferred = Deferred(SETTINGS)
    keys = {deferred.key(A004), deferred.key(Article("a4", corpus("004") + " ", "004.txt")),
            deferred.key(Article("a5", corpus("004"), "004.txt")),
            Deferred(SETTINGS.with_(max_reasks=0)).key(A004)}
    assert len(keys) == 4 and all(len(k) == 24 for k in keys)
    assert deferred.key(A004) == Deferred(SETTINGS).key(A004)  # stable across runs


def test_an_ask_already_sent_is_waited_for_and_a_failure_given_instead_of_an_answer_is_the_loops():
    deferred = Deferred(SETTINGS)
    first = f"{deferred.key(A004)}-0"
    assert deferred.advance(A004, lambda custom_id: None, waiting={first}) is None
    failed = deferred.advance(A004, lambda custom_id: Failure("unavailable", "no answer after 5 tries"))
    assert (failed.status, failed.failure_kind, failed.failure) == ("failed", "unavailable", "no answer after 5 tries")


def test_an_empty_article_and_a_bug_in_the_checks_fail_that_article_only():
    deferred = Deferred(SETTINGS)
    empty = deferred.advance(Article("e", " \n", "e.txt"), lambda c: None)
    assert (empty.status, empty.failure_kind) == ("failed", "input")

    def broken(text, summary):
        raise RuntimeError("boom")

    buggy = Deferred(SETTINGS, check=broken)
    result = buggy.advance(A004, lambda c: _line(c, tool_answer(ANSWER)))
    assert (result.status, result.failure_kind) == ("failed", "internal_error")
    assert "RuntimeError: boom" in result.failure
