from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from summarizer import find_quantities, parse_number, parse_quantity, parse_range
from summarizer.trust.numbers.quantities import is_vague_amount, parse_quantity_or_range


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


@pytest.mark.parametrize("text", ["수십만", "수백만 명", "수천억 원", "수만 달러", "몇 명", "십수 명", "여러 차례", "수차례",
                                  "dozens", "hundreds of thousands", "tens of thousands", "several", "several thousand",
                                  "a few", "a few hundred"])
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
     ("100 percent", "%"), ("5천 달러", "$"), ("3개월", "개월"), ("2개국", "개국"), ("1.2 billion", None),
     ("twenty-six thousand", None)],
)
def test_counter_or_currency_comes_back_separately(text, unit):
    q = parse_quantity(text)
    assert q is not None and q.unit == unit


SPELLINGS = {
    "$": ["$1,200", "US$1,200", "USD 1,200", "1,200 USD", "1,200 dollars", "1,200 US dollars", "1,200달러", "1,200불"],
    "€": ["€1,200", "1,200€", "EUR 1,200", "1,200 EUR", "1,200 euros", "1,200 Euros", "1,200유로"],
    "£": ["£1,200", "GBP 1,200", "1,200 pounds sterling", "1,200파운드"],
    "¥": ["¥1,200", "JPY 1,200", "1,200 yen", "1,200엔"],
    "원": ["₩1,200", "KRW 1,200", "1,200 won", "1,200원"],
    "위안": ["CNY 1,200", "RMB 1,200", "1,200 yuan", "1,200 RMB", "1,200위안"],
    "A$": ["A$1,200", "1,200 Australian dollars"],
}


def test_every_spelling_of_a_currency_gives_its_one_unit_name():
    got = {name: {t: (q.value, q.unit) for t in texts if (q := parse_quantity(t)) is not None}
           for name, texts in SPELLINGS.items()}
    assert got == {name: dict.fromkeys(texts, (Decimal(1200), name)) for name, texts in SPELLINGS.items()}


def test_pounds_are_money_after_a_scale_and_a_weight_without_one():
    found = find_quantities("Customs seized 250 kilograms (550 pounds) of cocaine; the fine was 1.5 million pounds.")
    assert [(q.text, q.unit) for q in found] == [
        ("250 kilograms", "kilograms"), ("550 pounds", "lb"), ("1.5 million pounds", "£")]


def test_running_text_gives_the_same_names():
    found = find_quantities("They paid 1,200 euros, 28 euros and 1,200 dollars (₩1.6m) for 12,000 homes.")
    assert [(q.text, q.unit) for q in found] == [
        ("1,200 euros", "€"), ("28 euros", "€"), ("1,200 dollars", "$"), ("₩1.6m", "원"), ("12,000", None)]


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


# --- signs -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("-3.2%", "-3.2", "%"), ("−2", "-2", None), ("마이너스 3", "-3", None), ("마이너스 0.5%", "-0.5", "%"),
     ("플러스 5", "5", None), ("+5%", "5", "%"), ("영하 5도", "-5", "도"), ("minus 3", "-3", None),
     ("-$5bn", "-5000000000", "$"), ("minus five", "-5", None)],
)
def test_a_sign_belongs_to_its_number(text, value, unit):
    q = parse_quantity(text)
    assert (q.value, q.unit, q.text) == (Decimal(value), unit, text)


def test_a_sign_is_read_in_running_text_and_a_dash_between_numbers_is_not_one():
    text = "성장률은 -3.2%, 물가는 −0.5%, 기온은 영하 5도였다. 3-2로 이겼고 COVID-19 이후 A-3 구역이다."
    assert [(q.value, q.text) for q in find_quantities(text)] == [
        (Decimal("-3.2"), "-3.2%"), (Decimal("-0.5"), "−0.5%"), (Decimal(-5), "영하 5도"),
        (Decimal(3), "3"), (Decimal(2), "2")]


# --- precision -------------------------------------------------------------


def test_integers_far_beyond_a_float_keep_every_digit():
    assert parse_number("123,456,789,012,345,678,901") == Decimal("123456789012345678901")
    assert parse_number("9007199254740993") == Decimal(2**53 + 1)  # a float would say ...992
    assert parse_number("1양 2자 3해 4경 5조") == Decimal("10002000300040005000000000000")
    (q,) = find_quantities("국가 부채는 12345678901234567890123원이다")
    assert q.value == Decimal("12345678901234567890123")


@given(st.integers(min_value=0, max_value=10**31))
def test_any_integer_written_the_korean_way_or_with_commas_reads_back_exactly(n):
    assert parse_number(f"{n:,}") == n
    assert parse_number(korean(n)) == n


def korean(n: int) -> str:
    """n as Korean news writes it: 21억 4748만 3648."""
    if n == 0:
        return "0"
    groups, unit = [], 0
    while n:
        n, group = divmod(n, 10_000)
        if group:
            groups.append(f"{group}{['', '만', '억', '조', '경', '해', '자', '양'][unit]}")
        unit += 1
    return " ".join(reversed(groups))


# --- ranges ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [("5~6만", 50_000, 60_000, None), ("5~6만 명", 50_000, 60_000, "명"), ("26만~27만 장", 260_000, 270_000, "장"),
     ("5-6만", 50_000, 60_000, None), ("between 3 and 5", 3, 5, None), ("3 to 5 percent", 3, 5, "%"),
     ("5-6 million", 5_000_000, 6_000_000, None), ("$3-5bn", 3_000_000_000, 5_000_000_000, "$"),
     ("1.5~2조 원", 1_500_000_000_000, 2_000_000_000_000, "원"), ("5천~6천만 원", 50_000_000, 60_000_000, "원"),
     ("9000~1만", 9000, 10_000, None), ("10∼20%", 10, 20, "%"), ("5만 내지 6만", 50_000, 60_000, None),
     ("두세 명", 2, 3, "명"), ("오륙십 명", 50, 60, "명"), ("-3~-1%", -3, -1, "%")],
)
def test_a_range_gives_both_ends_and_never_one_number(text, low, high, unit):
    ends = parse_range(text)
    assert ends is not None, text
    both = (Decimal(low), Decimal(high))
    span = text.removeprefix("between ")  # a range's text is its numbers, as a qualifier word stays outside
    assert [(q.value, q.unit, q.range, q.text) for q in ends] == [
        (Decimal(low), unit, both, span), (Decimal(high), unit, both, span)]
    assert parse_quantity(text) is None and parse_number(text) is None


def test_find_quantities_gives_both_ends_of_a_range_with_its_span():
    text = "참가자는 약 5~6만 명으로, 작년 26만~27만 장보다 적다."
    found = find_quantities(text)
    assert [(q.value, q.range, q.qualifier, q.text) for q in found] == [
        (Decimal(50_000), (Decimal(50_000), Decimal(60_000)), "approx", "5~6만 명"),
        (Decimal(60_000), (Decimal(50_000), Decimal(60_000)), "approx", "5~6만 명"),
        (Decimal(260_000), (Decimal(260_000), Decimal(270_000)), "exact", "26만~27만 장"),
        (Decimal(270_000), (Decimal(260_000), Decimal(270_000)), "exact", "26만~27만 장"),
    ]
    assert all(text[q.start : q.end] == q.text for q in found)


@pytest.mark.parametrize(
    ("text", "values"),
    [("3-2로 이겼다", [3, 2]),  # a score: the second is not above the first
     ("from 3% to 5%", [3, 5]),  # a change, not a range
     ("문의 02-123-4567", [2, 123, 4567]),  # a phone number
     ("2025-10-31", [2025, 10, 31]),  # a date
     ("3%~5명", [3, 5])],  # two different units
)
def test_what_is_not_a_range_stays_separate_numbers(text, values):
    found = find_quantities(text)
    assert [(q.value, q.range) for q in found] == [(Decimal(v), None) for v in values]


# --- notations -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("하나", 1, None), ("아흔아홉", 99, None), ("열한 명", 11, "명"), ("스무 명", 20, "명"), ("두 배", 2, "배"),
     ("세 곳", 3, "곳"), ("석 달", 3, "달"), (".5", "0.5", None), ("1.", 1, None), ("영점오", "0.5", None),
     ("삼점사", "3.4", None), ("일쩜이삼", "1.23", None), ("1경", 10**16, None), ("1해", 10**20, None),
     ("1자", 10**24, None), ("1양", 10**28, None), ("륙십", 60, None), ("3/4", "0.75", None),
     ("사분의 삼", "0.75", None), ("2 1/2", "2.5", None), ("2½", "2.5", None), ("100불", 100, "$"),
     ("50센트", 50, "cents"), ("EUR 20", 20, "€"), ("2달러 23센트", "2.23", "$"),
     ("2 dollars and 23 cents", "2.23", "$"), ("two point three", "2.3", None),
     ("a hundred and two", 102, None), ("2.48×10⁻⁵", "0.0000248", None), ("4e14", 4 * 10**14, None),
     ("two-year", 2, "year"), ("25mg", 25, "mg"), ("4km", 4, "km"), ("30프로", 30, "프로")],
)
def test_notations_of_every_family(text, value, unit):
    q = parse_quantity(text)
    assert q is not None, text
    assert (q.value, q.unit) == (Decimal(str(value)), unit)


def test_yeo_after_a_hangul_number_makes_it_approximate_and_a_point_unit_is_percentage_points():
    found = [parse_quantity(t) for t in ("십여 명", "백여 개", "1.2%포인트")]
    assert [(q.value, q.unit, q.qualifier, q.text) for q in found] == [
        (Decimal(10), "명", "approx", "십여 명"), (Decimal(100), "개", "approx", "백여 개"),
        (Decimal("1.2"), "%포인트", "exact", "1.2%포인트")]
    assert [(q.value, q.text) for q in find_quantities("금리는 1.2%포인트 올랐고 기온은 minus five degrees")] == [
        (Decimal("1.2"), "1.2%포인트"), (Decimal(-5), "minus five")]


def test_a_fraction_that_does_not_end_keeps_28_significant_digits():
    assert parse_number("3분의 1") == Decimal(1) / Decimal(3)
    assert parse_number("2/3") == Decimal(2) / Decimal(3)


@pytest.mark.parametrize(
    "text",
    ["이천에서 만났다", "이만 줄이겠습니다", "젊은 세대들이 한국과 세계를", "한편 하나은행은 두산과 네이버의 열차를",
     "일본 일부 일정이 오늘 구조 조사로", "삼성 백화점 천안점은 만약 그만큼", "경제 해외 자동차 양국 양자 회담",
     "one of the most", "a few people often tone", "두개골 골절", "세배를 했다", "이재명 대통령", "이번 달과 다음 달",
     "대한민국 아시아 서울 서초구", "수십만 명이 모였다", "several thousand people", "a few hundred dollars",
     "tens of thousands", "오륙십 명", "영점오 퍼센트"],
)
def test_common_words_in_running_text_are_not_numbers(text):
    # The last two are numbers, but Hangul-only Sino-Korean is left to parse_quantity: in running
    # text 이천, 이만, 이점 are words far more often than numbers.
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [("북한 핵 문제를 다룬 6자회담", [6]),  # 6자 is six parties, not 6×10²⁴
     ("한 번도, 두 번째, 세 곳에서, 다섯 배가, 스무 명이, 열한 명의, 네 개의", [1, 2, 3, 5, 20, 11, 4]),
     ("한두 가지가 아니다", [1, 2]), ("두 달여 만에", [2]), ("1/4분기 실적과 10/31 발표", [1, 4, 10, 31]),
     ("3분의 1과 3/4", [Decimal(1) / 3, Decimal("0.75")]), ("25mg 복용, 4km 구간, EUR 20 each", [25, 4, 20]),
     ("2달러 23센트와 100불", [Decimal("2.23"), 100]), ("1경 2000조 원", [12 * 10**15])],
)
def test_running_text_reads_what_is_plainly_a_number(text, values):
    assert [q.value for q in find_quantities(text)] == [Decimal(v) for v in values]


@given(st.text(alphabet=st.sampled_from(list("0123456789,.-~/%만억조경해천백십일이삼두세한열 aoneten달러원명")), max_size=40))
def test_any_text_scans_without_error_and_every_span_indexes_it(text):
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
        assert q.range is None or q.value in q.range


@given(st.text(alphabet=st.sampled_from(list("0123456789,.-~%만천두세약이상 aboutbetwenad달러원명")), max_size=20))
@example("약 26만 명")
@example("5~6만 명")
@example("between 3 and 5")
@example("두세 명")
@example("5만 20000")
def test_parse_quantity_or_range_is_what_parse_quantity_or_parse_range_gives(text):
    expected = parse_quantity(text) or parse_range(text)
    assert parse_quantity_or_range(text) == expected


def test_english_spans_of_time_multiples_glued_words_and_lower_bounds_in_running_text():
    text = ("It took two years and 6 months' work, a one-hour call and a one-time fee; a threefold rise, then 3-fold, "
            "and zero left. One day, one of them played a zero-sum game for 100miles, starting at just $499.")
    assert [(q.value, q.unit, q.qualifier, q.text, q.is_time) for q in find_quantities(text)] == [
        (2, "years", "exact", "two years", True), (6, "months", "exact", "6 months'", True),
        (1, "hour", "exact", "one-hour", True), (3, "fold", "exact", "threefold", False),
        (3, "fold", "exact", "3-fold", False), (0, None, "exact", "zero", False),
        (100, "miles", "exact", "100miles", False), (499, "$", "at_least", "$499", False)]


@pytest.mark.parametrize(("text", "value", "unit", "qualifier"), [
    ("$800/month", 800, "$", "exact"), ("$30/user per month", 30, "$", "exact"),
    ("starts at just $499 per month", 499, "$", "at_least"), ("the top 20 percent", 20, "%", "exact"),
    ("116kcal", 116, "kcal", "exact"), ("earlier than one minute", 1, "minute", "less_than"),
])
def test_a_figure_may_be_a_rate_with_a_slash_start_at_a_bound_or_follow_the_and_a_word(text, value, unit, qualifier):
    q = parse_quantity(text)
    assert (q.value, q.unit, q.qualifier) == (Decimal(value), unit, qualifier)


def test_talk_ranges_bounds_hedges_and_spaced_scales_in_running_text():
    text = ("Grab three or four, 10 or 11 more, three to four hundred pigeons, terms ranging from 10 to 30 years "
            "(rates rose from 10 to 30), within 24 hours, a maximum of 5 pounds, not more than 12 euros, like six, "
            "5 mln dlrs, 5 or more, one to four hundred, 24/7 support, 24/70.")
    assert [(q.value, q.unit, q.qualifier, q.range) for q in find_quantities(text)] == [
        (3, None, "exact", (3, 4)), (4, None, "exact", (3, 4)), (10, None, "exact", (10, 11)),
        (11, None, "exact", (10, 11)), (300, None, "exact", (300, 400)), (400, None, "exact", (300, 400)),
        (10, "years", "exact", (10, 30)), (30, "years", "exact", (10, 30)),
        (10, None, "exact", None), (30, None, "exact", None),  # a change, not a range
        (24, "hours", "at_most", None), (5, "lb", "at_most", None), (12, "€", "at_most", None),
        (6, None, "approx", None), (5_000_000, "$", "exact", None), (5, None, "at_least", None),
        (400, None, "exact", None),  # "one" alone is no figure, and 1 to 400 may be meant
        (24, None, "exact", None), (70, None, "exact", None)]


@pytest.mark.parametrize(("text", "value"), [("top five", 5), ("a three", 3), ("a whopping 40", 40)])
def test_a_figure_may_follow_top_or_an_article_and_a_word(text, value):
    assert parse_quantity(text).value == value
