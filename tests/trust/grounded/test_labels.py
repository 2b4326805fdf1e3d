"""Labels: for each number, the article's own words that say what it counts, as spans of the article."""

import pytest

from summarizer.trust.grounded.candidates import find_candidates
from support.corpus import corpus


def _labels(text: str) -> dict[str, list[tuple[str, str]]]:
    c = find_candidates(text)
    return {n.text: [(x.text, x.how) for x in c.labels_of(n.id)] for n in reversed(c.figures)}


@pytest.mark.parametrize(("text", "expected"), [
    ("정부는 공공 부문에 약 5만장을 공급한다.", {"5만장": [("공공 부문", "to"), ("정부", "subject")]}),
    ("정부는 이 가운데 약 5만장을 공공 부문에 공급하기로 했다.", {"5만장": [("공공 부문", "to"), ("정부", "subject")]}),
    ("엔비디아는 한국에 GPU 26만장을 공급한다.", {"26만장": [("GPU", "before"), ("엔비디아", "subject")]}),
    ("정부가 최신 GPU를 26만장 이상 확보했다.", {"26만장": [("최신 GPU", "before"), ("정부", "subject")]}),
    ("젠슨 황이 26만장의 GPU 공급을 약속했다.", {"26만장": [("GPU 공급", "of"), ("젠슨 황", "subject")]}),
    ("자사의 최신 GPU인 ‘블랙웰’ 26만 개를 공급하기로 했다.", {"26만 개": [("블랙웰", "before")]}),
    # a list takes its head's label: GPU 1만장, 2028년 5만장 (2028년 is a date, not a label)
    ("정부는 올해 말까지 GPU 1만장, 2028년 5만장을 확보한다는 계획을 밝혔다.",
     {"1만장": [("GPU", "before"), ("정부", "subject")], "5만장": [("GPU", "list"), ("정부", "subject")]}),
    # what a clause before it makes it: 목표로 했던 5만장 is a target (000's 2030 target)
    ("이는 정부가 2030년까지 확보를 목표로 했던 5만장의 다섯 배다.", {"5만장": [("목표", "as"), ("정부", "subject")], "다섯 배": [("정부", "subject")]}),
    ("회사가 판매 목표로 내건 300만 대를 넘었다.", {"300만 대": [("판매 목표", "as"), ("회사", "subject")]}),
    ("정부는 공급하기로 한 26만장을 나눴다.", {"26만장": [("정부", "subject")]}),  # no noun made of it
    # a byline's bracket is not part of the subject; a word that says when is not part of what is counted
    ("[테스트일보 김하늘 기자] 부산시는 내년 1월 1일부터 기본요금을 150원 올린다고 밝혔다.",
     {"150원": [("기본요금", "before"), ("부산시", "subject")]}),
    ("부산시는 시내버스 요금 내년 1월 1700원으로 올린다.", {"1700원": [("시내버스 요금", "before"), ("부산시", "subject")]}),
])
def test_a_korean_number_is_labelled_by_the_noun_phrase_it_belongs_to(text, expected):
    assert _labels(text) == expected


def test_a_persons_name_alone_is_never_a_label():
    text = "이재명 대통령은 이날 젠슨 황 엔비디아 최고경영자를 만났다.\n이재명 26만장 확보라는 말이 돌았다.\n"
    assert all(label != "이재명" for labels in _labels(text).values() for label, _ in labels)


@pytest.mark.parametrize(("text", "expected"), [
    ("Nvidia will supply 260,000 chips to Korea.", {"260,000": [("chips", "after"), ("supply", "before")]}),
    ("Sales saw a rise of 12% last year.", {"12%": [("rise", "of")]}),
    ("The company cut 3,000 jobs and lost $5 billion.",
     {"$5 billion": [("lost", "before")], "3,000": [("jobs", "after"), ("company cut", "before")]}),
])
def test_an_english_number_is_labelled_by_the_words_next_to_it(text, expected):
    assert _labels(text) == expected


@pytest.mark.parametrize("n", ["000", "001", "002", "003", "004"])
def test_every_label_is_a_span_of_the_article_near_its_number_with_no_digit(n):
    text = corpus(n)
    c = find_candidates(text)
    assert c.labels
    for x in c.labels:
        number = c.number(x.figure)
        assert text[x.start:x.end] == x.text and not any(ch.isdigit() for ch in x.text)
        assert x.id.startswith(x.figure) and len(x.text.split()) <= 3
        assert text.rfind("\n", 0, number.start) < x.start and x.end <= max(text.find("\n", number.end), len(text))
    assert [x.text for x in c.labels_of("f3")] == ["최신 GPU(그래픽처리장치)"] if n == "004" else True


def test_the_issues_examples_on_the_bundled_articles():
    c = find_candidates(corpus("004"))
    by_text = {}
    for n in c.figures:
        by_text.setdefault(n.text, c.labels_of(n.id)[0].text)
    assert (by_text["26만장"], by_text["5만장"], by_text["20만장"], by_text["1만장"]) == (
        "엔비디아 최신 GPU", "공공 부문", "주요 기업", "GPU")  # 26만장 first in the title line
