"""Tonnes as Korean news writes them (20만t), and English fractions in words (three-quarters, one and a half)."""

from decimal import Decimal

import pytest

from summarizer import ArticleSummary, find_quantities, parse_quantity, validate
from summarizer.trust.number_words import unit_key

# --- tonnes ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("20만t", 200_000), ("3만t", 30_000), ("150만t", 1_500_000), ("1.5만t", 15_000), ("3만 t", 30_000),
     ("5천t", 5000), ("1만5000t", 15_000), ("1만 5000t", 15_000), ("2조t", 2 * 10**12), ("약 20만t", 200_000),
     ("5만여t", 50_000), ("20만t 이상", 200_000)],
)
def test_a_t_after_a_korean_scale_is_tonnes(text, value):
    q = parse_quantity(text)
    assert q is not None, text
    assert (q.value, q.unit) == (Decimal(value), "t")


def test_tonnes_written_as_t_and_as_ton_are_the_same_unit():
    assert unit_key(parse_quantity("20만t").unit) == unit_key(parse_quantity("20만 톤").unit) == unit_key("톤")
    assert unit_key("tonnes") == unit_key("t") != unit_key("kg")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("$5t", 5 * 10**12, "$"), ("€3t", 3 * 10**12, "€"), ("5t", 5 * 10**12, None), ("1.2t", 1_200_000_000_000, None),
     ("$5tn", 5 * 10**12, "$"), ("5 t", 5, "t")],
)
def test_a_t_after_plain_digits_keeps_its_english_meaning(text, value, unit):
    # English finance shorthand: $5t is five trillion dollars. "5 t" was and stays 5 with the noun t.
    q = parse_quantity(text)
    assert (q.value, q.unit) == (Decimal(value), unit)


def test_tonnes_in_korean_running_text():
    text = "포스코는 연간 20만t을 생산하고, 1만5000t급 선박 두 척과 1t 트럭으로 3만 t 이상을 옮긴다. 예산은 $5t 규모다."
    assert [(q.value, q.unit, q.text, q.qualifier) for q in find_quantities(text)] == [
        (Decimal(200_000), "t", "20만t", "exact"), (Decimal(15_000), "t", "1만5000t", "exact"),
        (Decimal(2), "척", "두 척", "exact"), (Decimal(1), "t", "1t", "exact"),
        (Decimal(30_000), "t", "3만 t", "at_least"), (Decimal(5 * 10**12), "$", "$5t", "exact")]
    q = find_quantities(text)[0]
    assert text[q.start : q.end] == "20만t"


def test_a_range_of_tonnes_shares_its_unit():
    assert [(q.value, q.unit, q.text) for q in find_quantities("수입량은 20만~30만t이다")] == [
        (Decimal(200_000), "t", "20만~30만t"), (Decimal(300_000), "t", "20만~30만t")]


STEEL = "포스코는 광양에 새 공장을 지어 연간 20만t의 철강을 더 생산한다고 밝혔다."


def _summary(text: str, *figures: dict) -> ArticleSummary:
    return ArticleSummary(headline="포스코 증산", summary=text,
                          figures=[{"id": f"f{i}", "label": "철강", **f} for i, f in enumerate(figures, 1)])


def test_a_figure_in_tonnes_is_found_valued_and_counted_in_tonnes():
    report = validate(STEEL, _summary("포스코가 철강을 연간 20만 톤 더 생산한다.",
                                      {"value": 200_000, "text": "20만t", "unit": "톤"}))
    assert [f for f in report.findings if f.code.startswith(("figure.", "text."))] == []
    loc = report.figures[0]
    assert (loc.match, loc.parsed_value, STEEL[loc.span.start : loc.span.end]) == ("exact", 200_000, "20만t")


def test_a_figure_in_tonnes_with_another_unit_or_value_is_told():
    report = validate(STEEL, _summary("포스코가 철강을 더 생산한다.", {"value": 200_000, "text": "20만t", "unit": "kg"}))
    assert [(f.code, f.path) for f in report.findings if f.code.startswith("figure.")] == [
        ("figure.unit_mismatch", "figures[0].unit")]
    report = validate(STEEL, _summary("포스코가 철강을 연간 2만 톤 더 생산한다.",
                                      {"value": 200_000 * 10**12, "text": "20만t", "unit": "t"}))
    assert [(f.code, f.path) for f in report.findings if f.code.startswith(("figure.", "text."))] == [
        ("figure.value_mismatch", "figures[0].value"), ("text.number_not_in_source", "summary")]
