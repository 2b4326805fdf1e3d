"""people(): who each bundled article names, with roles and every mention (short forms included)."""

import pytest

from summarizer import ArticleSummary, validate
from summarizer.trust.article.source import Source
from summarizer.trust.people.attribution import Person, people
from support.corpus import corpus
from support.speakers import english

EXPECTED = {
    "000": [
        ("젠슨 황", "엔비디아 최고경영자(CEO)", ["젠슨 황", "젠슨 황", "젠슨 황", "젠슨 황", "젠슨 황", "황 CEO", "황 CEO", "젠슨 황", "황 대표"]),
        ("이재명", "대통령", ["이재명", "이재명", "李대통령", "이재명", "이 대통령", "이 대통령", "이 대통령", "이 대통령", "이 대통령",
                          "이 대통령"]),
        ("이재용", "삼성전자 회장", ["이재용", "이재용", "이재용"]),
        ("최태원", "SK그룹 회장", ["최태원"]),
        ("정의선", "현대자동차그룹 회장", ["정의선", "정의선", "정의선"]),
        ("이해진", "네이버 의장", ["이해진"]),
    ],
    "001": [  # the photo captions name them too, but captions are page furniture
        ("젠슨 황", "엔비디아 최고경영자(CEO)", ["젠슨 황"] * 6),
        ("이재명", "대통령", ["이재명", "이재명", "이 대통령", "이 대통령"]),
        ("이재용", "삼성전자 회장", ["이재용"]),
        ("최태원", "SK그룹 회장", ["최태원"]),
        ("정의선", "현대차그룹 회장", ["정의선"]),
        ("이해진", "네이버 의장", ["이해진"]),
    ],
    "002": [  # not the reporter (조성근 기자, a byline) nor the people of other stories' headlines
        ("이재명", "대통령", ["이재명", "이재명", "이 대통령", "이 대통령", "이 대통령"]),
        ("젠슨 황", "엔비디아 CEO(최고경영자)", ["젠슨 황", "젠슨 황", "황 CEO", "황 CEO"]),
        ("이재용", "삼성전자 회장", ["이재용"]),
        ("최태원", "SK그룹 회장", ["최태원"]),
        ("정의선", "현대자동차그룹 회장", ["정의선"]),
        ("이해진", "네이버 의장", ["이해진"]),
    ],
    "003": [
        ("이재명", "대통령", ["이재명", "이 대통령", "이 대통령", "이재명"]),
        ("도널드 트럼프", "미국 대통령", ["도널드 트럼프", "트럼프 대통령"]),
        ("젠슨 황", "엔비디아 최고경영자(CEO)", ["젠슨 황", "젠슨 황", "젠슨 황", "젠슨 황"]),
        ("조준희", "한국인공지능·소프트웨어산업협회장", ["조준희", "조 회장", "조 회장"]),
        ("최형두", "의원", ["최형두"]),
        ("이재용", "삼성전자 회장", ["이재용"]),
        ("정의선", "현대차그룹 회장", ["정의선"]),
        ("이승현", "디지털플랫폼정부위원회 AI플랫폼혁신국장", ["이승현", "이 국장"]),
    ],
    "004": [  # 젠슨 황 is only in the photo and graphic captions here
        ("이재명", "대통령", ["이재명"]),
        ("조준희", "한국인공지능·소프트웨어산업협회장", ["조준희", "조준희", "조 협회장", "조준희", "조준희"]),
    ],
}


@pytest.mark.parametrize("n", sorted(EXPECTED))
def test_the_people_each_bundled_article_names(n):
    text = corpus(n)
    src = Source(text)
    found = people(src)
    assert [(p.name, p.role, [text[s:e] for s, e in p.mentions]) for p in found] == EXPECTED[n]
    assert people(src) is found  # worked out once an article


def test_people_in_english_news():
    text = english("en-chips")
    found = [(p.name, p.role, [text[s:e] for s, e in p.mentions]) for p in people(Source(text))]
    assert found == [
        ("Jensen Huang", "chief executive", ["Jensen Huang", "Huang", "Huang"]),
        ("Lee Jae-myung", "President", ["Lee Jae-myung", "Lee"]),  # "Lee welcomed the pledge": the Lee last named
        ("Lee Jae-yong", "Samsung Electronics chairman", ["Lee Jae-yong"]),
        ("Chey Tae-won", "the chairman of SK Group", ["Chey Tae-won"]),
        ("Park Min-su", "an analyst at Kiwoom Securities", ["Park Min-su"]),
    ]
    text = english("en-bridge")
    assert [(p.name, p.role) for p in people(Source(text))] == [
        ("Helen Ortiz", "Mayor"), ("Tom Alvarez", "councilman"), ("Linda Cho", "Deputy mayor"),
        ("Maria Gomez", None), ("Peter Novak", "a father of two who lives near the bridge"),
    ]  # not Sam Reed: "By Sam Reed" is the byline


def test_words_shaped_like_names_are_not_people():
    text = ("정부 관계자는 \"검토 중\"이라고 말했다. 반도체 시장 전망은 밝다. 차량(ADV) 분과장을 맡은 네이버가 참여했다. "
            "South Korea said it would respond. Samsung Electronics said profits rose.")
    assert people(Source(text)) == []


def test_a_short_form_goes_to_the_person_whose_title_it_is():
    text = ("이재명 대통령과 이승현 국장이 만났다. 이 국장은 \"좋다\"고 말했다. 이 대통령은 \"기쁘다\"고 말했다.")
    found = {p.name: [text[s:e] for s, e in p.mentions] for p in people(Source(text))}
    assert found == {"이재명": ["이재명", "이 대통령"], "이승현": ["이승현", "이 국장"]}


def test_person_is_a_frozen_value():
    p = Person("조준희", None, ((0, 3),))
    with pytest.raises(AttributeError):
        p.name = "x"  # type: ignore[misc]


def test_a_body_between_a_name_and_a_title_is_where_the_person_works_not_the_person():
    # 서울시 looks like a name (서 is a surname), but stands between one and a title: 김민수 is the person
    text = ('서울시가 내년부터 버스 요금을 올린다.\n'
            '김민수 서울시 도시교통실장은 "요금 인상은 불가피하다"며 "시민의 이해를 구한다"고 말했다.\n')
    assert [(p.name, p.role) for p in people(Source(text))] == [("김민수", "서울시 도시교통실장")]
    s = ArticleSummary(headline="", summary="", quotes=[
        {"text": "요금 인상은 불가피하다", "speaker": "김민수", "speaker_role": "서울시 도시교통실장"}])
    assert validate(text, s).findings == []
