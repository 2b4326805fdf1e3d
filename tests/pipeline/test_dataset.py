"""summarize_dataset: a Ray Dataset of articles in, one row per article out, on an actor pool (local Ray)."""

import json

import pytest

from summarizer import DeadLetter, ResultRecord, Settings, summarize_dataset
from summarizer.contract.article import content_hash
from support.completions import FIXTURE_MODEL
from support.corpus import corpus, fixture_summary
from support.endpoint import ENDPOINT_KEY, Endpoint, FixtureEngine
from support.rows import read_or_explode


def _answer(article: str) -> str:
    if "BROKEN" in article:
        return "this is not the JSON the schema asks for"
    return fixture_summary("001" if "주간동아" in article else "004").model_dump_json()


@pytest.fixture
def settings():
    with Endpoint(FixtureEngine(answers=_answer)) as e:
        yield Settings(base_url=e.url, api_key=ENDPOINT_KEY, model=FIXTURE_MODEL, max_reasks=0)


def test_every_row_comes_back_once_with_its_record_and_failures_carry_their_reason(local_ray, settings):
    import ray.data

    ds = ray.data.from_items([
        {"id": "done", "text": corpus("001"), "title": None},
        {"id": "a1", "text": corpus("001"), "title": "주간동아"},
        {"id": "a4", "text": corpus("004"), "title": None},
        {"id": "empty", "text": "  \n", "title": None},
        {"id": "no-text", "text": None, "title": None},
        {"id": "broken", "text": corpus("004") + "\nBROKEN", "title": None},
        {"id": "boom", "text": corpus("004"), "title": None},
    ])
    done = {("done", content_hash(corpus("001")), settings.fingerprint())}
    rows = summarize_dataset(ds, settings, done=done, actors=2, per_actor=4, reader=read_or_explode).take_all()

    by_id = {r["id"]: r for r in rows}
    assert len(rows) == len(by_id) == 7
    assert {i: (r["status"], r["failure_kind"]) for i, r in by_id.items()} == {
        "done": ("skipped", None), "a1": ("verified", None), "a4": ("flagged", None),
        "empty": ("failed", "input"), "no-text": ("failed", "input"),
        "broken": ("failed", "invalid_response"), "boom": ("failed", "internal_error"),
    }
    assert by_id["done"]["record"] == ""
    a1 = ResultRecord.model_validate_json(by_id["a1"]["record"])
    assert (a1.id, a1.title, a1.text, a1.settings, a1.summary) == (
        "a1", "주간동아", corpus("001"), settings.fingerprint(), fixture_summary("001"))
    assert by_id["a1"]["tokens"] == a1.usage.total_tokens > 0
    letters = {i: DeadLetter.model_validate_json(by_id[i]["record"]) for i in ("empty", "no-text", "broken", "boom")}
    assert letters["empty"].reason == "the article text is empty"
    assert letters["no-text"].reason.startswith('the row has no "text" string')
    assert "RuntimeError: a bug while reading this row" in letters["boom"].reason
    assert letters["broken"].hash == content_hash(corpus("004") + "\nBROKEN") and letters["broken"].reason
    assert {letter.origin for letter in letters.values()} == {"<dataset>"}
    assert ENDPOINT_KEY not in json.dumps([r["record"] for r in rows])
