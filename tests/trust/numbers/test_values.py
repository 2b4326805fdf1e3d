"""Tonnes as Korean news writes them (20만t), and English fractions in words (three-quarters, one and a half)."""

from decimal import Decimal

import pytest

from summarizer import ArticleSummary, find_quantities, parse_number, parse_quantity
from summarizer import validate as validate_all
from summarizer.trust.numbers.words import unit_key
from support.findings import without_words


def validate(article, summary):
    """validate(), without the word checks: these tests read the numbers' findings, under placeholder words."""
    return without_words(validate_all(article, summary))


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


# --- English fractions in words ------------------------------------------------

THIRD, TWO_THIRDS = Decimal(1) / Decimal(3), Decimal(2) / Decimal(3)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("three-quarters", "0.75", None), ("a quarter", "0.25", None),
     ("one-quarter", "0.25", None), ("a half", "0.5", None), ("one half", "0.5", None), ("a third", THIRD, None),
     ("one-third", THIRD, None), ("two-thirds", TWO_THIRDS, None), ("two thirds", TWO_THIRDS, None),
     ("an eighth", "0.125", None), ("three-fifths", "0.6", None), ("three fourths", "0.75", None),
     ("one and a half", "1.5", None), ("one-and-a-half", "1.5", None), ("two and a half", "2.5", None),
     ("one and one half", "1.5", None), ("three and a quarter", "3.25", None), ("one and a third", parse_number("1 1/3"), None),
     ("two and three-quarters", "2.75", None), ("one and three quarters", "1.75", None),
     ("one and a half million", 1_500_000, None), ("a million and a half", 1_500_000, None),
     ("a dozen and a half", 18, None), ("three and a half thousand", 3500, None),
     ("two and a half billion", 2_500_000_000, None), ("half a million", 500_000, None),
     ("a half million", 500_000, None), ("a quarter of a million", 250_000, None),
     ("three-quarters of a million", 750_000, None), ("a half dozen", 6, None), ("half a dozen", 6, None),
     ("two and a half years", "2.5", "years"), ("one and a half per cent", "1.5", "%"),
     ("a quarter percentage point", "0.25", "percentage point")],
)
def test_a_fraction_in_words_reads_as_its_value(text, value, unit):
    q = parse_quantity(text)
    assert q is not None, text
    assert (q.value, q.unit) == (Decimal(str(value)) if not isinstance(value, Decimal) else value, unit)


def test_qualifier_words_around_a_fraction_in_words():
    assert [(q.value, q.qualifier) for q in map(parse_quantity, ["about three-quarters", "more than one and a half"])] \
        == [(Decimal("0.75"), "approx"), (Decimal("1.5"), "more_than")]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    # With a numeral and a space, quarters are counted (fiscal quarters), as before; halves are not a fraction.
    [("three quarters", 3, "quarters"), ("one quarter", 1, "quarter"), ("four quarters", 4, "quarters")],
)
def test_quarters_after_a_numeral_and_a_space_are_still_counted(text, value, unit):
    q = parse_quantity(text)
    assert (q.value, q.unit) == (Decimal(value), unit)


@pytest.mark.parametrize("text", ["half", "quarter", "third", "halves", "five quarters of",
                                  "the third quarter", "a few quarters", "dozens"])
def test_a_lone_fraction_word_or_an_improper_one_is_not_a_number(text):
    assert parse_quantity(text) is None


def test_fractions_in_words_in_running_text():
    text = ("Nearly three-quarters of the 1,200 workers, a quarter of a million in all, voted; one and a half "
            "years later two-thirds had left and a third of them had retired.")
    found = find_quantities(text)
    assert [(q.value, q.text, q.qualifier) for q in found] == [
        (Decimal("0.75"), "three-quarters", "approx"), (Decimal(1200), "1,200", "exact"),
        (Decimal(250_000), "a quarter of a million", "exact"), (Decimal("1.5"), "one and a half years", "exact"),
        (TWO_THIRDS, "two-thirds", "exact"), (THIRD, "a third", "exact")]
    assert all(text[q.start : q.end] == q.text for q in found)


@pytest.mark.parametrize(
    ("text", "values"),
    # Spaced fractions that are often no fraction are read in running text only before "of"; a numeral and
    # quarters stay a count; half alone and ordinals are words.
    [("Sales fell in the third quarter and in a quarter of the stores.", [Decimal("0.25")]),
     ("Growth slowed for three quarters in a row.", [Decimal(3)]),
     ("She won a third term and a half-hour debate in one quarter.", []),
     ("Half of them left; half the time he works abroad.", []),
     ("They hired one third-party firm, a third of the budget.", [THIRD]),
     ("The plan won a two-thirds majority.", [TWO_THIRDS])],
)
def test_running_text_reads_spaced_fractions_conservatively(text, values):
    assert [q.value for q in find_quantities(text)] == values


def test_a_range_between_fractions_in_words():
    assert [(q.value, q.range) for q in find_quantities("between one and a half and two million")] == [
        (Decimal("1.5"), (Decimal("1.5"), Decimal(2_000_000))), (Decimal(2_000_000), (Decimal("1.5"), Decimal(2_000_000)))]


VOTE = "Three-quarters of the 1,200 workers voted for the strike, the union said."


def test_a_summary_that_words_the_articles_fraction_passes_and_one_that_changes_it_is_told():
    def codes(text: str) -> list[str]:
        s = ArticleSummary(headline="Strike vote", summary=text, figures=[])
        return [f.code for f in validate(VOTE, s).findings if f.code.startswith(("text.", "figure."))]

    assert codes("Three-quarters of 1,200 workers backed the strike.") == []
    assert codes("Two-thirds of 1,200 workers backed the strike.") == ["text.number_not_in_source"]


POLL = "A quarter of the 1,200 respondents backed the plan, 33% opposed it and 9.5% had no view. 응답자의 4분의 1이 찬성했다."


@pytest.mark.parametrize(
    ("summary", "told"),
    [
        # a share worded the other way is the article's: a quarter is its 25%, 33% its "a third"
        ("25% of respondents backed the plan.", []),
        ("A third of respondents opposed it.", []),
        ("The plan had the backing of 25 percent.", []),
        ("응답자의 25%가 찬성했다.", []),
        ("About a tenth of them had no view.", []),  # about: 10% against 9.5%, within the approximate tolerance
        # a share the article does not give, in either notation
        ("30% of respondents backed the plan.", ["text.number_not_in_source"]),
        ("Two-thirds of respondents opposed it.", ["text.number_not_in_source"]),
        ("A tenth of them had no view.", ["text.number_not_in_source"]),  # 10% is not 9.5% said exactly
        ("36% opposed it.", ["text.number_not_in_source"]),
    ],
)
def test_a_share_worded_as_a_percentage_or_a_fraction_is_the_same_number(summary, told):
    s = ArticleSummary(headline="Poll", summary=summary, figures=[])
    assert [f.code for f in validate(POLL, s).findings if f.code.startswith("text.")] == told
