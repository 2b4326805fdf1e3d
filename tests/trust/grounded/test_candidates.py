"""Candidates on the bundled articles: quotations with their spans, cues and speakers, numbers, names,
and nothing taken from page furniture."""

from decimal import Decimal

import pytest

from summarizer.contract.grounded import NumberCandidate, QuoteCandidate
from summarizer.trust.article.furniture import furniture, is_furniture
from summarizer.trust.article.source import Source
from summarizer.trust.grounded.candidates import find_candidates
from support.corpus import corpus
from support.speakers import article, truth

ARTICLES = ["000", "001", "002", "003", "004"]
PASSAGES = ["000", "001", "002", "003", "004", "en-chips", "en-bridge"]


@pytest.mark.parametrize("name", PASSAGES)
def test_whole_quotations_are_every_quotation_of_the_hand_checked_list_with_its_speaker(name):
    candidates = find_candidates(article(name))
    whole = [(q.text, q.speaker) for q in candidates.quotes if q.parent is None]
    expected = [(text, speaker) for text, speaker in truth()[name]["quotes"]]
    # 001 opens a section with a quotation that names no one: the article gives it to nobody.
    if name == "001":
        expected = [(t, None if t == "대한민국, AI 수도로 거듭날 것" else s) for t, s in expected]
    assert whole == list(dict.fromkeys(expected))  # 004 prints its text twice: one candidate each


@pytest.mark.parametrize("name", PASSAGES)
def test_every_quotation_is_its_span_of_the_article_and_its_sentences_lie_inside_it(name):
    text = article(name)
    candidates = find_candidates(text)
    ids = [q.id for q in candidates.quotes]
    assert len(ids) == len(set(ids))
    for q in candidates.quotes:
        assert text[q.start:q.end] == q.text
        if q.cue is not None:
            assert text[q.cue_span[0]:q.cue_span[1]] == q.cue
        if q.parent is not None:
            parent = candidates.quote(q.parent)
            assert parent.start <= q.start < q.end <= parent.end and q.id in parent.sentences
            assert (q.speaker, q.cue) == (parent.speaker, parent.cue)


def test_a_long_quotation_is_also_offered_sentence_by_sentence_with_its_cue():
    candidates = find_candidates(corpus("000"))
    q = candidates.quote("q27")
    assert (q.text, q.speaker, q.speaker_role, q.how, q.cue, q.sentences) == (
        "한국은 이미 굉장히 깊은 기술 역량을 보유하고 있고 성공한 기업가들도 있다. 이렇게 훌륭한 산업 역량을 지닌 나라는 한국 말고 어디에도 없다",
        "젠슨 황", "엔비디아 최고경영자(CEO)", "cue", "강조했다", ("q27a", "q27b"))
    assert [(p.id, p.text) for p in map(candidates.quote, q.sentences)] == [
        ("q27a", "한국은 이미 굉장히 깊은 기술 역량을 보유하고 있고 성공한 기업가들도 있다."),
        ("q27b", "이렇게 훌륭한 산업 역량을 지닌 나라는 한국 말고 어디에도 없다"),
    ]


def test_numbers_are_every_quantity_the_parser_finds_outside_furniture():
    text = corpus("002")
    candidates = find_candidates(text)
    assert candidates.numbers == (
        NumberCandidate("f1", "26만장", text.index("26만장"), text.index("26만장") + 4, Decimal(260000), "장", "exact",
                        False),
        NumberCandidate("f2", "31일", text.index("31일"), text.index("31일") + 3, Decimal(31), "일", "exact", True),
        NumberCandidate("f3", "8월", text.index("8월"), text.index("8월") + 2, Decimal(8), "월", "exact", True),
        NumberCandidate("f4", "두 달여", text.index("두 달여"), text.index("두 달여") + 4, Decimal(2), "달", "approx", True),
        NumberCandidate("f5", "26만장", text.index("26만장 이상"), text.index("26만장 이상") + 4, Decimal(260000), "장",
                        "at_least", False),
    )
    assert [n.id for n in candidates.figures] == ["f1", "f5"]  # dates and durations are not figures
    # the exchange rate in the list of other stories' headlines, and the byline's date, are not the article's
    assert "1424.4원" in text and not any(n.text.startswith("1424") for n in candidates.numbers)


def test_names_are_people_with_roles_then_organisations_then_places():
    candidates = find_candidates(corpus("002"))
    assert [(n.name, n.kind, n.role) for n in candidates.names] == [
        ("이재명", "person", "대통령"), ("젠슨 황", "person", "엔비디아 CEO(최고경영자)"),
        ("이재용", "person", "삼성전자 회장"), ("최태원", "person", "SK그룹 회장"),
        ("정의선", "person", "현대자동차그룹 회장"), ("이해진", "person", "네이버 의장"),
        ("엔비디아", "organisation", None), ("네이버", "organisation", None), ("현대차", "organisation", None),
        ("삼성전자", "organisation", None), ("SK그룹", "organisation", None), ("현대자동차그룹", "organisation", None),
        ("대통령실", "organisation", None), ("삼성", "organisation", None), ("과학기술정보통신부", "organisation", None),
        ("한국", "place", None), ("경북", "place", None), ("경주", "place", None), ("화백컨벤션센터", "place", None),
        ("대한민국", "place", None), ("워싱턴", "place", None),
    ]


@pytest.mark.parametrize("name", ARTICLES)
def test_nothing_is_taken_from_page_furniture(name):
    text = corpus(name)
    src = Source.of(text)
    candidates = find_candidates(text)
    assert candidates.furniture == tuple(furniture(src))
    spans = [(q.start, q.end) for q in candidates.quotes] + [(n.start, n.end) for n in candidates.numbers]
    spans += [m for n in candidates.names for m in n.mentions]
    assert spans and not [text[s:e] for s, e in spans if is_furniture(src, s, e)]
    for n in candidates.names:
        assert all(text[s:e] == n.name or n.kind == "person" for s, e in n.mentions)


def test_furniture_quotes_numbers_and_names_are_left_out():
    c002 = find_candidates(corpus("002"))
    assert "목소리 어우러져 만파식적 선율로 거듭날 것" in corpus("002")  # another story's headline
    assert not [q for q in c002.quotes if "만파식적" in q.text or "HBM97" in q.text]
    c001 = find_candidates(corpus("001"))
    assert "김우정" in corpus("001") and c001.name("김우정") is None  # the reporter, in the byline
    assert not [n for n in c001.numbers if n.text.startswith("1512")]  # the magazine's issue number


def test_a_passage_printed_twice_is_one_candidate_at_its_first_place():
    text = corpus("004")
    candidates = find_candidates(text)
    whole = [q.text for q in candidates.quotes if q.parent is None]
    assert len(whole) == len(set(whole)) == 11
    first = candidates.quote("q2")
    assert first.start == text.index(first.text)


def test_single_marks_are_quotations_only_when_they_are_speech():
    korean = "김민수 대표는 이날 '내년에는 반드시 흑자를 내겠다'고 말했다. 회사는 '피지컬 AI' 사업을 키운다.\n"
    english = "Analysts called it 'a turning point'. 'We will build it here,' one of them said.\n"
    assert [(q.text, q.speaker, q.cue) for q in find_candidates(korean).quotes] == [
        ("내년에는 반드시 흑자를 내겠다", "김민수", "말했다")]
    assert [(q.text, q.speaker, q.cue) for q in find_candidates(english).quotes] == [
        ("We will build it here,", None, "said")]


def test_candidates_are_computed_once_per_article():
    text = corpus("003")
    assert find_candidates(text) is find_candidates(text)
    assert all(isinstance(q, QuoteCandidate) for q in find_candidates(text).quotes)


def test_reading_times_dates_and_scores_are_not_offered_as_figures():
    text = ("Council backs housing plan\n4 min read\n"
            "On Oct 3 the council voted 9-2 to spend $14m on 2,000 new homes, part of its 2025 budget.\n")
    c = find_candidates(text)
    assert [(n.text, n.is_time) for n in c.numbers] == [("3", True), ("$14m", False), ("2,000", False),
                                                          ("2025", True)]
    assert [n.text for n in c.figures] == ["$14m", "2,000"]
    korean = "2025 아시아태평양경제협력체(APEC) CEO 서밋에서 GPU 26만장 공급이 발표됐다.\n"
    assert [(n.text, n.is_time) for n in find_candidates(korean).numbers] == [("2025", True), ("26만장", False)]
