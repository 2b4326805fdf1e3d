"""Labels: for each number, the article's own words that say what it counts, as spans of the article."""

import pytest

from summarizer.trust.grounded.candidates import find_candidates
from support.corpus import corpus


def _labels(text: str) -> dict[str, list[tuple[str, str]]]:
    c = find_candidates(text)
    return {n.text: [(x.text, x.how) for x in c.labels_of(n.id)] for n in reversed(c.figures)}


@pytest.mark.parametrize(("text", "expected"), [
    # who gives or gets them is the subject, not what they count: 정부 and 엔비디아 are not labels here
    ("정부는 공공 부문에 약 5만장을 공급한다.", {"5만장": [("공공 부문", "to")]}),
    ("정부는 이 가운데 약 5만장을 공공 부문에 공급하기로 했다.", {"5만장": [("공공 부문", "to")]}),
    ("엔비디아는 한국에 GPU 26만장을 공급한다.", {"26만장": [("GPU", "before")]}),
    ("정부가 최신 GPU를 26만장 이상 확보했다.", {"26만장": [("최신 GPU", "before")]}),
    ("젠슨 황이 26만장의 GPU 공급을 약속했다.", {"26만장": [("GPU 공급", "of")]}),
    ("자사의 최신 GPU인 ‘블랙웰’ 26만 개를 공급하기로 했다.", {"26만 개": [("블랙웰", "before")]}),
    # a list takes its head's label: GPU 1만장, 2028년 5만장 (2028년 is a date, not a label)
    ("정부는 올해 말까지 GPU 1만장, 2028년 5만장을 확보한다는 계획을 밝혔다.",
     {"1만장": [("GPU", "before")], "5만장": [("GPU", "list")]}),
    # what a clause before it makes it: 목표로 했던 5만장 is a target (000's 2030 target)
    ("이는 정부가 2030년까지 확보를 목표로 했던 5만장의 다섯 배다.", {"5만장": [("목표", "as")], "다섯 배": []}),
    ("회사가 판매 목표로 내건 300만 대를 넘었다.", {"300만 대": [("판매 목표", "as")]}),
    ("정부는 공급하기로 한 26만장을 나눴다.", {"26만장": []}),  # no noun made of it
    # a byline's bracket is not part of a label; a word that says when is not part of what is counted
    ("[테스트일보 김하늘 기자] 부산시는 내년 1월 1일부터 기본요금을 150원 올린다고 밝혔다.",
     {"150원": [("기본요금", "before")]}),
    ("부산시는 시내버스 요금 내년 1월 1700원으로 올린다.", {"1700원": [("시내버스 요금", "before")]}),
    # the subject is what the number measures when the number is what the clause says of it
    ("국내 치매 환자는 65만명에 달한다.", {"65만명": [("국내 치매 환자", "subject")]}),
    ("쥐의 고환 무게는 25mg 미만으로 줄었다.", {"25mg": [("고환 무게", "subject")]}),
    # where each part goes, after its topic: 800대는 시내버스, 400대는 마을버스에 배치된다
    ("이 가운데 약 800대는 시내버스, 400대는 마을버스에 배치된다.",
     {"800대": [("시내버스", "to")], "400대": [("마을버스", "to")]}),
    ("피격된 사람 250만 명 중 1명은 심장에 무리가 간다.", {"250만 명": [("사람", "before")], "1명": []}),
    # an amount: what it is worth (14조 원 규모 GPU) and what it is spent on (1000억원을 들여 슈퍼컴퓨터를)
    ("14조 원 규모 최첨단 그래픽처리장치(GPU) 공급이 발표됐다.", {"14조 원": [("최첨단 그래픽처리장치(GPU) 공급", "after")]}),
    ("미래부는 10년간 1000억원을 들여 슈퍼컴퓨터를 개발한다.", {"1000억원": [("슈퍼컴퓨터", "for")]}),
])
def test_a_korean_number_is_labelled_by_the_noun_phrase_it_belongs_to(text, expected):
    assert _labels(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # never a piece of a word: 공급키로 (공급하기로) is not where 26만 장 goes, 인 of 7인 is not a label
    ("엔비디아는 5곳에 블랙웰 총 26만 장을 공급키로 했다.", {"5곳": [], "26만 장": [("블랙웰", "before")]}),
    ("협회장 등 7인이 공동의장을 맡고 있다.", {"7": []}),
    ("바이러스에 감염된 쥐의 경우 50mg도 되지 않았다.", {"50mg": []}),
    # an ordinal or a rank is not a count: no label, so it is neither picked nor offered
    ("이재명 정부가 목표로 내건 'AI 3대 강국' 도약을 위한 발판이다.", {"3대": []}),
    ("전기버스 3대를 새로 도입한다.", {"3대": [("전기버스", "before")]}),
    ("지난해에 이어 두 번째로 열린 공모전이다.", {"두 번": []}),
    ("그는 4차 산업혁명 시대를 말했다.", {"4": []}),
    ("그는 논문 제1 저자로 이름을 올렸다.", {"1": []}),
])
def test_a_korean_label_is_whole_words_and_an_ordinal_has_none(text, expected):
    assert _labels(text) == expected


def test_page_furniture_is_never_a_label():
    text = "[예시일보 김하늘 기자] 한빛시는 3일 올해 전기버스 1200대를 새로 도입한다고 밝혔다. 이 가운데 약 800대는 시내버스에 배치된다.\n"
    c = find_candidates(text)
    spans = [(s, e) for s, e, _ in c.furniture]
    assert spans and all(x.end <= s or e <= x.start for x in c.labels for s, e in spans)
    assert [x.text for x in c.labels] == ["전기버스", "시내버스"]


def test_a_persons_name_alone_is_never_a_label():
    text = "이재명 대통령은 이날 젠슨 황 엔비디아 최고경영자를 만났다.\n이재명 26만장 확보라는 말이 돌았다.\n"
    assert all(label != "이재명" for labels in _labels(text).values() for label, _ in labels)


@pytest.mark.parametrize(("text", "expected"), [
    ("Nvidia will supply 260,000 chips to Korea.", {"260,000": [("chips", "after")]}),
    ("Sales saw a rise of 12% last year.", {"12%": [("rise", "of")]}),
    # a verb or an adverb before a number says nothing of what it counts: no "lost", "hit", "least"
    ("The company cut 3,000 jobs and lost $5 billion.", {"$5 billion": [], "3,000": [("jobs", "after")]}),
    ("Chelsea want at least £10million for Cech.", {"£10million": []}),
    # whole words, no ordinal, no time at the end, no verb after a plural noun; a span of time (two-year) is no
    # count to label, as 3개월 is not
    ("He went on an intense two-year diet before his 15th birthday.", {"15": []}),
    ("She was attacked by two cane corsos last July.", {"two": [("cane corsos", "after")]}),
    ("A trawl through 700,000 documents identified four items.", {"700,000": [("documents", "after")], "four": [("items", "after")]}),
    ("He is one of 110 schools in England.", {"110": [("schools", "after")]}),
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
        if c.labels_of(n.id):  # not 3대 of 'AI 3대 강국', a rank
            by_text.setdefault(n.text, c.labels_of(n.id)[0].text)
        else:
            assert n.text == "3대"
    assert "3대" not in by_text
    assert (by_text["26만장"], by_text["5만장"], by_text["20만장"], by_text["1만장"]) == (
        "엔비디아 최신 GPU", "공공 부문", "주요 기업", "GPU")  # 26만장 first in the title line
