"""Reports of a number compared with their qualifiers: what each allows, and whether one value satisfies all."""

from decimal import Decimal

import pytest

from summarizer import parse_quantity
from summarizer.trust.numbers.agreement import Range, common, sum_ranges, value_range


def allowed(text: str) -> Range:
    """The values a number as written in an article allows (its qualifier read from its words)."""
    q = parse_quantity(text)
    assert q is not None, text
    return value_range(q.value, q.qualifier)


@pytest.mark.parametrize(("text", "low", "high", "said"), [
    ("26만장", 260000, 260000, "exactly 260,000"),
    ("26만장 이상", 260000, None, "at least 260,000"),
    ("약 5만장", 45000, 55000, "45,000 to 55,000"),
    ("40여 분", 36, 44, "36 to 44"),
    ("10분 이내", 0, 10, "at most 10"),
    ("5배가 넘는", 5, None, "at least 5"),
    ("more than 1,000 people", 1000, None, "at least 1,000"),
])
def test_each_qualifier_allows_a_range(text, low, high, said):
    r = allowed(text)
    assert (r.low, r.high) == (None if low is None else Decimal(low), None if high is None else Decimal(high))
    assert r.describe() == said


@pytest.mark.parametrize(("a", "b", "agree"), [
    ("26만장", "26만장 이상", True),       # 26만 satisfies "at least 26만"
    ("26만 개", "26만장", True),
    ("5만장", "20만장 이상", False),       # the 2030 target: 000 against 004
    ("26만장 이상", "30만 장", True),
    ("26만장 이상", "25만 장", False),
    ("약 5만장", "5만 개", True),
    ("약 5만장", "5만4000장", True),       # approx widens the tolerance (10 %)...
    ("5만장", "5만4000장", False),         # ...exact does not
    ("약 5만장", "5만6000장", False),
    ("약 5만장", "약 5만8000장", True),     # two approximate reports meet in the middle
    ("10만 명 미만", "12만 명", False),
    ("10만 명 미만", "약 10만 명", True),
])
def test_two_reports_agree_when_one_value_satisfies_both(a, b, agree):
    assert allowed(a).meets(allowed(b)) is agree
    assert allowed(b).meets(allowed(a)) is agree


def test_all_reports_must_meet_in_one_value():
    # every pair of 26만 exact / 26만 이상 / 약 27만 meets, and so do all three together, at 260,000
    assert common([allowed("26만장"), allowed("26만장 이상"), allowed("약 27만 장")]) == Range(Decimal(260000),
                                                                                            Decimal(260000))
    # 25만 이상 and 약 25만 meet; add 30만 and only the "at least" report allows it: no common value
    assert common([allowed("25만 장 이상"), allowed("약 25만 장"), allowed("30만 장")]) is None


def test_a_sum_of_parts_allows_the_sum_of_their_ranges():
    parts = [allowed(t) for t in ("5만개", "5만개", "5만개", "6만 개")]
    assert sum_ranges(parts) == Range(Decimal(210000), Decimal(210000))
    assert not sum_ranges(parts).meets(allowed("20만장"))  # 001's 21만 against 004's 20만
    # 004's own split: 약 5만 + 20만 allows 245,000 to 255,000, which misses its "26만장 이상"
    own = sum_ranges([allowed("약 5만장"), allowed("20만장")])
    assert own.describe() == "245,000 to 255,000"
    assert not own.meets(allowed("26만장 이상"))
    assert sum_ranges([allowed("5만 장 이상"), allowed("1만 장")]).describe() == "at least 60,000"
