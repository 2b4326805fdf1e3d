from decimal import Decimal

import pytest

from summarizer import find_quantities, parse_number, parse_quantity
from summarizer.trust.numbers import is_vague_amount


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Korean, as the issue lists them
        ("26만", 260_000),
        ("26만 개", 260_000),
        ("1만 2000", 12_000),
        ("2조3000억", 2_300_000_000_000),
        ("21억 4748만 3648", 2_147_483_648),
        ("1.5조", 1_500_000_000_000),
        ("67.4조원", 67_400_000_000_000),
        ("5,000만", 50_000_000),
        ("삼십오만", 350_000),
        ("천 4백만", 14_000_000),
        # English
        ("260,000", 260_000),
        ("1.2 billion", 1_200_000_000),
        ("$14bn", 14_000_000_000),
        ("1.5m", 1_500_000),
        ("twenty-six thousand", 26_000),
        ("five", 5),
        ("12.5%", Decimal("12.5")),
        # more of the same families
        ("one hundred and five", 105),
        ("3천만 원", 30_000_000),
        ("1천5백만", 15_000_000),
        ("이천", 2000),
        ("다섯 배", 5),
        ("260,000 GPUs", 260_000),
    ],
)
def test_parse_number_reads_news_notations(text, value):
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text", ["수십만", "수백만 명", "수천억 원", "dozens", "hundreds of thousands", "several", "a few"])
def test_vague_amounts_are_never_numbers(text):
    assert is_vague_amount(text)
    assert parse_number(text) is None
    assert parse_quantity(text) is None


@pytest.mark.parametrize("text", ["", "   ", "GPU", "1 2", "5만 20000", "26만 개 공급", "만만", "1.2.3"])
def test_text_that_is_not_one_number_gives_none(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "unit"),
    [("26만 개", "개"), ("26만장", "장"), ("14조 원", "원"), ("67.4조원", "원"), ("$14bn", "$"), ("12.5%", "%"),
     ("100 percent", "%"), ("5천 달러", "달러"), ("3개월", "개월"), ("2개국", "개국"), ("1.2 billion", None),
     ("twenty-six thousand", None)],
)
def test_counter_or_currency_comes_back_separately(text, unit):
    q = parse_quantity(text)
    assert q is not None and q.unit == unit


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("약 5만장", "approx"), ("5만 장가량", "approx"), ("5만여 명", "approx"), ("40여 분", "approx"),
        ("10% 안팎", "approx"), ("about 5,000", "approx"), ("around $3bn", "approx"), ("nearly 40%", "approx"),
        ("26만장 이상", "at_least"), ("at least 5", "at_least"),
        ("26만 장 넘는", "more_than"), ("5만 개 초과", "more_than"), ("over 5,000 people", "more_than"),
        ("more than 12", "more_than"),
        ("5만 명 이하", "at_most"), ("up to 300", "at_most"),
        ("1만 원 미만", "less_than"), ("under 5%", "less_than"), ("less than two", "less_than"),
        ("26만장", "exact"), ("$14bn", "exact"),
    ],
)
def test_qualifier_words(text, qualifier):
    q = parse_quantity(text)
    assert q is not None, text
    assert q.qualifier == qualifier


def test_find_quantities_spans_index_the_text():
    text = "정부는 약 5만장을 공공 부문에, 20만장을 주요 기업에 공급한다. 총 26만장 이상이다."
    found = find_quantities(text)
    assert [(q.value, q.qualifier) for q in found] == [
        (Decimal(50_000), "approx"), (Decimal(200_000), "exact"), (Decimal(260_000), "at_least")
    ]
    for q in found:
        assert text[q.start : q.end] == q.text


def test_find_quantities_sees_a_particle_between_number_and_bound():
    (q,) = find_quantities("정부 목표의 다섯 배가 넘는 규모다")
    assert (q.value, q.unit, q.qualifier) == (5, "배", "more_than")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("H100과 HBM97, COVID-19", []),  # identifiers, not quantities
        ("젊은 세대들이 한국과 세계를", []),  # 세대, 한국, 세계 are words
        ("CES 2025 기조연설", [2025]),
        ("2025.10.31. photo", [2025, 10, 31]),  # a dotted date, not 2025.1
        ("두 달여 만이다", [2]),
        ("일곱 명과 아홉 번, 스무 곳", [7, 9, 20]),
        ("예산 천 4백만 원과 이천 5백만 원", [14_000_000, 25_000_000]),  # the Hangul head belongs to the number
        ("이천에서 만났다", []),  # 이천 is a city here, not 2000
        ("입력2025-10-31 17:10:25", [2025, 10, 31, 17, 10, 25]),
    ],
)
def test_find_quantities_in_running_text(text, values):
    assert [q.value for q in find_quantities(text)] == [Decimal(v) for v in values]


def test_dates_and_durations_are_marked_as_time():
    found = find_quantities("2030년까지 3개월 동안 26만장")
    assert [q.is_time for q in found] == [True, True, False]
