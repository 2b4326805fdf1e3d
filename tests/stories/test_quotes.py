"""Quotations across outlets: the same words corroborated, or given to different speakers.

The rail-fare articles below were written for these tests: three outlets on one
announcement, one of which gives the minister's words to a committee chair.
"""

from summarizer import ArticleSummary
from summarizer.stories.core import reconcile_records
from support.corpus import corpus, fixture_summary
from support.stories import BUNDLED, bundled_record, record

RAIL_A = """철도 요금 올해 동결…"서민 부담 덜겠다"
[테스트일보] 정부가 올해 철도 요금을 동결한다. 김지훈 국토교통부 장관은 2일 정부서울청사에서 "철도 요금은 올해 동결한다"고 말했다.
김 장관은 "서민의 교통비 부담을 덜겠다"고 덧붙였다. 코레일의 적자는 지난해 4000억원에 이르렀다."""
RAIL_B = """올해 철도 요금 동결 발표
[테스트뉴스] 국토교통부가 2일 올해 철도 요금을 동결하기로 했다고 밝혔다. 코레일의 지난해 적자는 4000억원이다.
박서연 국회 국토교통위원장은 "철도 요금은 올해 동결한다"고 말했다."""
RAIL_C = """철도 요금 동결
[테스트방송] 국토교통부가 2일 철도 요금 동결을 발표했다. 코레일 적자는 지난해 4000억원으로 불어났다.
김 장관은 "서민의 교통비 부담을 덜겠다"고 말했다."""
DEFICIT = {"id": "f1", "label": "코레일의 지난해 적자", "value": 400000000000, "unit": "원", "text": "4000억원"}
FREEZE, BURDEN = "철도 요금은 올해 동결한다", "서민의 교통비 부담을 덜겠다"


def summary(quotes):
    return ArticleSummary(headline="철도 요금 동결", summary="철도 요금을 동결한다.", figures=[DEFICIT], quotes=quotes)


def quotes_of(story):
    return [(q.agreement, q.speakers, [(r.article, r.quote, r.speaker) for r in q.reports]) for q in story.quotes]


def test_the_same_words_given_to_different_people_are_a_conflict_and_name_forms_are_one_person():
    records = [
        record("rail-a", RAIL_A, summary([{"text": FREEZE, "speaker": "김지훈", "speaker_role": "국토교통부 장관"},
                                          {"text": BURDEN, "speaker": "김지훈", "speaker_role": "국토교통부 장관"}])),
        record("rail-b", RAIL_B, summary([{"text": FREEZE, "speaker": "박서연", "speaker_role": "국회 국토교통위원장"}])),
        record("rail-c", RAIL_C, summary([{"text": BURDEN, "speaker": "김 장관"}])),
    ]
    assert [r.status for r in records] == ["verified"] * 3  # each outlet's own attribution checks out
    (story,) = reconcile_records(records).stories
    assert quotes_of(story) == [
        ("conflict", ["김지훈", "박서연"], [("rail-a", 0, "김지훈"), ("rail-b", 0, "박서연")]),
        ("agreed", ["김지훈"], [("rail-a", 1, "김지훈"), ("rail-c", 0, "김 장관")]),  # 김 장관 is 김지훈
    ]
    assert story.quotes[0].note == "The same words are given to different people: rail-a to 김지훈; rail-b to 박서연."
    assert [(f.agreement, f.label) for f in story.figures] == [("agreed", "코레일의 지난해 적자")]


def test_the_bundled_outlets_corroborate_three_quotations_in_their_own_words():
    story = reconcile_records([bundled_record(n) for n in BUNDLED]).stories[0]
    corroborated = [(q.speakers, [(r.article, r.quote, r.text) for r in q.reports])
                    for q in story.quotes if q.agreement == "agreed"]
    assert corroborated == [
        (["젠슨 황"], [("000", 1, "한국은 이미 굉장히 깊은 기술 역량을 보유하고 있고 성공한 기업가들도 있다"),
                     ("003", 2, "한국은 이미 굉장히 깊은 기술 역량을 보유하고 있고 성공한 기업가들도 있다")]),
        # 001 writes 아시아태평양 and ‘AI 수도’, 002 아태 and AI 수도: one quotation
        (["이재명 대통령"], [("001", 1, "대한민국의 목표는 아시아태평양 지역의 ‘AI 수도’로 거듭나는 것"),
                         ("002", 0, "대한민국의 목표는 아태 지역의 AI 수도로 거듭나는 것")]),
        (["이재명 대통령"], [("001", 2, "엔비디아도 동참해 인프라·기술·투자가 선순환하는 AI 생태계를 함께 만들어가길 기대한다"),
                         ("002", 1, "엔비디아와 인프라·기술·투자가 선순환하는 AI 생태계를 함께 만들어가기를 기대한다")]),
    ]
    assert not [q for q in story.quotes if q.agreement == "conflict"]
    # 001's headline form of the same call (“...함께 만들자”) is not merged in twice: one report per outlet
    assert sum(1 for q in story.quotes for r in q.reports if r.article == "001") == 4


def test_a_misattribution_the_checks_found_does_not_make_a_conflict_across_outlets():
    # 003's summary gives 젠슨 황's words to 이재명 대통령, who is named in the paragraph before the quote; the
    # checks find that the article gives them to 젠슨 황 (quote.misattributed, a warning), so the quotation is
    # reconciled under the speaker the article gives, and 000 agrees. (It was reconciled under the summary's
    # speaker, a false conflict.)
    s = fixture_summary("003").model_dump()
    s["quotes"][2] |= {"speaker": "이재명 대통령", "speaker_role": "대통령"}
    wrong = record("003", corpus("003"), ArticleSummary.model_validate(s))
    assert (wrong.status, wrong.report.quotes[2].speaker_match) == ("flagged", "misattributed")
    story = reconcile_records([bundled_record("000"), wrong]).stories[0]
    assert not [q for q in story.quotes if q.agreement == "conflict"]
    (agreed,) = [q for q in story.quotes if q.agreement == "agreed"]
    assert (agreed.speakers, [(r.article, r.speaker) for r in agreed.reports]) == (
        ["젠슨 황"], [("000", "젠슨 황"), ("003", "젠슨 황")])


RAIL_D = """철도 요금 동결 환영
[테스트경제] 김지훈 국토교통부 장관은 2일 "철도 요금은 올해 동결한다"고 말했다. 코레일의 적자는 지난해 4000억원이었다.
박서연 국회 국토교통위원장은 "동결을 환영한다"고 말했다."""


def test_a_quote_the_checks_found_misattributed_is_reconciled_under_the_speaker_the_article_gives():
    records = [
        record("rail-a", RAIL_A, summary([{"text": FREEZE, "speaker": "김지훈", "speaker_role": "국토교통부 장관"}])),
        # this outlet's summary gives the minister's words to the committee chair; its article does not
        record("rail-d", RAIL_D, summary([{"text": FREEZE, "speaker": "박서연", "speaker_role": "국회 국토교통위원장"}])),
    ]
    assert [r.report.quotes[0].speaker_match for r in records] == ["attributed", "misattributed"]
    (story,) = reconcile_records(records).stories
    assert quotes_of(story) == [("agreed", ["김지훈"], [("rail-a", 0, "김지훈"), ("rail-d", 0, "김지훈")])]
