"""Events: actors the article's people or organisations, a location a place it names and not a person, a
date it gives or lets a reader work out, and no event told twice."""

from summarizer import ArticleSummary, validate
from support.corpus import corpus

A001, A003 = corpus("001"), corpus("003")
ENGLISH = ("WASHINGTON, Oct. 31, 2025 - Senator Jane Smith met Acme Corp. executives in Gyeongju on Thursday. "
           "Smith said the talks went well.\n")


def event(article: str, **fields) -> list[tuple[str, str, str]]:
    e = {"description": "", "actors": [], "date": None, "location": None, **fields}
    report = validate(article, ArticleSummary(headline="", summary="", events=[e]))
    return [(f.code, f.severity, f.path) for f in report.findings]


def test_actors_are_the_articles_people_and_organisations():
    assert event(A001, actors=["이재명 대통령", "이 대통령", "젠슨 황", "엔비디아", "삼성전자", "정부"]) == []
    assert event(ENGLISH, actors=["Jane Smith", "Smith", "Acme Corp."]) == []


def test_an_actor_the_article_never_names_is_an_error_and_a_description_a_warning():
    assert event(A001, actors=["김철수", "주요 대기업"]) == [
        ("event.actor_not_found", "error", "events[0].actors[0]"),
        ("event.actor_not_found", "warning", "events[0].actors[1]")]
    assert event(ENGLISH, actors=["John Doe"]) == [("event.actor_not_found", "error", "events[0].actors[0]")]


def test_a_location_is_a_place_the_article_names_and_never_one_of_its_people():
    assert event(A003, location="경북 경주") == []
    assert event(ENGLISH, location="Gyeongju") == []
    assert event(A001, location="이재용") == [("event.location_is_person", "error", "events[0].location")]
    assert event(A001, location="부산") == [("event.location_not_found", "error", "events[0].location")]
    assert event(ENGLISH, location="Jane Smith") == [("event.location_is_person", "error", "events[0].location")]


def test_a_date_the_article_gives_or_lets_a_reader_work_out():
    # 003 is dated 2025-11-01 and says 전날 (the day before) and 1일; 001 has 입력2025-10-31 and 31일
    for date in ("2025-10-31", "2025-11-01", "2025-11", "2025"):
        assert event(A003, date=date) == [], date
    assert event(A001, date="2025-10-31") == []
    assert event(ENGLISH, date="2025-10-30") == []  # Thursday, the day before the dateline
    assert event(A003, date="2025-10-15") == [("event.date_not_in_source", "warning", "events[0].date")]
    assert event(ENGLISH, date="2024") == [("event.date_not_in_source", "warning", "events[0].date")]
    assert event(A003, date="10월 31일") == [("event.date_invalid", "error", "events[0].date")]


def test_the_same_event_twice_is_a_finding():
    e = {"description": "엔비디아가 한국 정부와 기업에 GPU 26만 개를 공급하기로 했다.", "actors": ["엔비디아"]}
    again = {**e, "description": "엔비디아는 한국 정부와 기업에 GPU 26만 개를 공급하기로 했다."}
    report = validate(A001, ArticleSummary(headline="", summary="", events=[e, again]))
    assert [(f.code, f.severity, f.path) for f in report.findings] == [("event.repeated", "warning", "events[1]")]
