"""The figure and free-text checks on signs, ranges, precision and fractions."""

import json
from decimal import Decimal

import pytest
from pydantic import ValidationError

from summarizer import ArticleSummary, Figure, validate
from support.findings import without_words


def summary(*figures: dict, text: str = "요약.") -> ArticleSummary:
    return ArticleSummary(headline="제목", summary=text,
                          figures=[{"id": f"f{i}", "label": "x", **f} for i, f in enumerate(figures, 1)])


def checked(article: str, s: ArticleSummary):
    """The report, and its findings on figures and free text (coverage, which says what the summary
    left out, is another check's business, and so are the words of the placeholder headline and labels)."""
    report = without_words(validate(article, s))
    return report, [f for f in report.findings if not f.code.startswith("coverage.")]


def findings(article: str, s: ArticleSummary) -> list[tuple[str, str, str]]:
    return [(f.code, f.severity, f.path) for f in checked(article, s)[1]]


# --- signs -----------------------------------------------------------------

GROWTH = "올해 성장률은 -3.2%로 떨어졌다."


def test_a_negative_figure_as_the_article_writes_it_is_verified():
    report, found = checked(GROWTH, summary({"value": -3.2, "text": "-3.2%", "unit": "%"}))
    assert (report.status, found) == ("verified", [])
    assert GROWTH[report.figures[0].span.start : report.figures[0].span.end] == "-3.2%"


def test_a_figure_that_drops_the_sign_is_not_in_the_article():
    report, (f,) = checked(GROWTH, summary({"value": 3.2, "text": "3.2%", "unit": "%"}))
    assert (f.code, f.severity, f.path) == ("figure.text_not_found", "error", "figures[0].text")
    assert 'only inside "-3.2%", which is -3.2' in f.message
    assert report.figures[0].match == "not_found"


def test_a_figure_whose_value_drops_the_sign_of_its_text_is_a_value_mismatch():
    assert findings(GROWTH, summary({"value": 3.2, "text": "-3.2%"})) == [
        ("figure.value_mismatch", "error", "figures[0].value")]


def test_free_text_may_word_the_sign_instead_of_writing_it():
    assert findings(GROWTH, summary(text="성장률이 3.2% 감소했다.")) == []
    assert findings(GROWTH, summary(text="성장률이 4.2% 감소했다.")) == [
        ("text.number_not_in_source", "error", "summary")]


def test_a_number_inside_a_longer_one_is_not_found():
    article = "예산은 2조3000억 원이다."
    _, (f,) = checked(article, summary({"value": 2 * 10**12, "text": "2조"}))
    assert f.code == "figure.text_not_found" and 'only inside "2조3000억 원"' in f.message


# --- ranges ----------------------------------------------------------------

CROWD = "주최 측은 참가자가 5~6만 명이라고 밝혔다."


@pytest.mark.parametrize(
    ("value", "qualifier"), [(50_000, "at_least"), (60_000, "at_most")],
)
def test_a_range_figure_holds_one_end_and_says_which(value, qualifier):
    report, found = checked(CROWD, summary({"value": value, "text": "5~6만 명", "qualifier": qualifier, "unit": "명"}))
    assert found == []
    assert report.figures[0].source_qualifier == qualifier


def test_a_range_figure_that_takes_an_end_silently_is_told_which_qualifier():
    _, (f,) = checked(CROWD, summary({"value": 50_000, "text": "5~6만 명"}))
    assert (f.code, f.severity) == ("figure.qualifier_mismatch", "error")
    assert "50,000 is the low end of the range" in f.message and '"at_least"' in f.message


def test_a_range_figure_whose_value_is_neither_end_is_told_both():
    _, (f,) = checked(CROWD, summary({"value": 55_000, "text": "5~6만 명", "qualifier": "approx"}))
    assert (f.code, f.path) == ("figure.value_mismatch", "figures[0].value")
    assert 'is a range, 50,000 to 60,000' in f.message
    assert 'set value to 50000 with qualifier "at_least" (the low end), or to 60000 with "at_most"' in f.message


def test_one_end_copied_out_of_a_range_is_that_end():
    assert findings(CROWD, summary({"value": 60_000, "text": "6만 명", "qualifier": "at_most"})) == []
    _, (f,) = checked(CROWD, summary({"value": 60_000, "text": "6만 명"}))
    assert (f.code, f.severity) == ("figure.qualifier_mismatch", "error")
    assert '"6만 명" is one end of the range "5~6만 명" in the article, which is "at_most"' in f.message


def test_the_bare_low_end_of_a_range_is_not_its_own_number():
    _, (f,) = checked(CROWD, summary({"value": 5, "text": "5"}))
    assert f.code == "figure.text_not_found" and "the range 50,000 to 60,000" in f.message


def test_both_ends_of_a_range_in_the_article_back_free_text():
    assert findings(CROWD, summary(text="참가자는 5만~6만 명, 많게는 6만 명이다.")) == []
    assert findings(CROWD, summary(text="참가자는 7만 명이다.")) == [("text.number_not_in_source", "error", "summary")]


# --- precision and fractions -------------------------------------------------

DEBT = "국가 부채는 12345678901234567890123원에 이른다."


def test_an_integer_beyond_float_precision_is_checked_to_the_last_digit():
    data = {"headline": "부채", "summary": "부채.", "figures": [
        {"id": "f1", "label": "부채", "value": 12345678901234567890123, "text": "12345678901234567890123원"}]}
    exact = ArticleSummary.model_validate_json(json.dumps(data))
    assert exact.figures[0].value == 12345678901234567890123
    report, found = checked(DEBT, exact)
    assert (found, report.figures[0].parsed_value) == ([], 12345678901234567890123)
    data["figures"][0]["value"] = 12345678901234567890124
    _, (f,) = checked(DEBT, ArticleSummary.model_validate_json(json.dumps(data)))
    assert f.code == "figure.value_mismatch" and "Set value to 12345678901234567890123." in f.message
    assert json.loads(exact.model_dump_json())["figures"][0]["value"] == 12345678901234567890123


@pytest.mark.parametrize(("value", "ok"), [(0.333, True), (0.33, True), (0.3333333333333333, True), (0.3, False),
                                           (0.34, False)])
def test_a_fraction_that_does_not_end_may_be_given_rounded(value, ok):
    codes = [c for c, _, _ in findings("유권자의 3분의 1이 투표했다.", summary({"value": value, "text": "3분의 1"}))]
    assert codes == ([] if ok else ["figure.value_mismatch"])


# --- non-finite values are refused at the schema ------------------------------


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_a_non_finite_value_is_refused_by_the_schema(literal):
    text = '{"headline": "h", "summary": "s", "figures": [{"id": "f1", "label": "x", "value": %s, "text": "1"}]}'
    with pytest.raises(ValidationError, match="finite number"):
        ArticleSummary.model_validate_json(text % literal)


def test_a_non_finite_value_is_refused_from_python_too():
    with pytest.raises(ValidationError, match="finite number"):
        Figure(id="f1", label="x", value=float("nan"), text="1")
    assert Figure(id="f1", label="x", value=Decimal("2.5"), text="2.5").value == 2.5


def test_the_schema_still_says_number_to_a_model():
    schema = ArticleSummary.model_json_schema()["$defs"]["Figure"]["properties"]["value"]
    assert schema["type"] == "number" and "anyOf" not in schema
