"""schemas/ holds the JSON Schemas of the output contract, generated from the models and kept in step."""

import json

import pytest

from summarizer import ArticleSummary, Result, ResultRecord
from summarizer.contract.json_schema import SCHEMAS, render
from summarizer.contract.record import RecordKey
from support.corpus import ROOT, corpus


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_files_match_the_models(name):
    on_disk = (ROOT / "schemas" / name).read_text(encoding="utf-8")
    assert on_disk == render(SCHEMAS[name]), (
        f"schemas/{name} is out of date: run `python -m summarizer.contract.json_schema` and commit the result"
    )


def test_summary_schema_is_the_output_contract():
    schema = json.loads((ROOT / "schemas" / "article_summary.schema.json").read_text(encoding="utf-8"))
    assert set(schema["properties"]) == {"headline", "summary", "events", "figures", "quotes"}
    figure = schema["$defs"]["Figure"]["properties"]
    assert set(figure) == {"id", "label", "value", "unit", "text", "qualifier", "part_of"}
    assert figure["qualifier"]["enum"] == ["exact", "approx", "at_least", "more_than", "at_most", "less_than"]


def test_a_result_record_is_a_result_with_its_article():
    record_fields = set(ResultRecord.model_fields)
    assert set(Result.model_fields) < record_fields
    assert record_fields - set(Result.model_fields) == {
        "id", "origin", "hash", "settings", "title", "url", "published", "flags", "text"}
    assert set(RecordKey.model_fields) <= record_fields  # resume reads a part of the same record


def test_a_result_record_round_trips_through_its_json_line():
    from summarizer import Article, Report

    article = Article("a1", corpus("001"), "dump.jsonl:1", title="t", flags=("invalid_utf8",))
    result = Result(status="verified", summary=ArticleSummary(headline="h", summary="s"),
                    report=Report(status="verified"), model="m", prompt_version="summarize/v1")
    line = ResultRecord.of(article, result, "fp").model_dump_json()
    back = ResultRecord.model_validate_json(line)
    assert (back.id, back.origin, back.hash, back.settings, back.flags, back.text) == (
        "a1", "dump.jsonl:1", article.hash, "fp", ["invalid_utf8"], article.text)
    assert Result.model_validate(back.model_dump(include=set(Result.model_fields))) == result
    assert RecordKey.model_validate_json(line).key() == ("a1", article.hash, "fp")
