"""validate() on the real articles, with hand-checked summaries (fixtures)."""

import pytest

from summarizer import ArticleSummary, Coverage, Tally, validate
from support.corpus import corpus, fixture_summary

A001 = corpus("001")
A004 = corpus("004")


def edit(base: ArticleSummary, /, **changes) -> ArticleSummary:
    """A copy of ``base`` with fields replaced, validated like a model answer."""
    return ArticleSummary.model_validate({**base.model_dump(), **changes})


def edit_item(summary: ArticleSummary, field: str, index: int, **changes) -> ArticleSummary:
    items = [x.model_dump() for x in getattr(summary, field)]
    items[index] = {**items[index], **changes}
    return edit(summary, **{field: items})


def codes(report, severity=None):
    return [f.code for f in report.findings if severity is None or f.severity == severity]


def test_001_parts_add_up_and_the_summary_is_verified():
    report = validate(A001, fixture_summary("001"))
    assert report.findings == []
    assert report.status == "verified"
    assert [(q.match, q.speaker_match, q.speaker_how) for q in report.quotes] == [
        ("exact", "attributed", "preceding"),  # the sub-headline: 이재명 대통령 “...”
        ("exact", "attributed", "cue"), ("exact", "attributed", "cue"), ("exact", "attributed", "cue")]
    figures = fixture_summary("001").figures
    assert [(loc.match, A001[loc.span.start : loc.span.end]) for loc in report.figures] == [
        ("exact", f.text) for f in figures]


def test_004_articles_own_totals_mismatch_is_flagged_with_both_sums():
    report = validate(A004, fixture_summary("004"))
    assert report.status == "flagged"
    (mismatch,) = [f for f in report.findings if f.code == "totals.mismatch"]
    assert mismatch.severity == "warning"
    assert mismatch.path == "figures[0]"
    assert "250,000" in mismatch.message and "260,000" in mismatch.message
    assert "article itself does not add up" in mismatch.message
    assert A004[mismatch.span.start : mismatch.span.end] == "26만장"


def test_totals_mismatch_with_a_figure_the_article_does_not_back_is_an_error():
    summary = edit_item(fixture_summary("001"), "figures", 5, value=50000)  # "6만 개" with a value of 5만
    report = validate(A001, summary)
    mismatch = [f for f in report.findings if f.code == "totals.mismatch"]
    assert [f.severity for f in mismatch] == ["error"]
    assert "250,000" in mismatch[0].message and "260,000" in mismatch[0].message


def test_approx_widens_the_tolerance_and_exact_does_not():
    base = fixture_summary("004")
    # 약 5만 + 20만 = 245,000..255,000 covers an approximate total of 25만
    approx_total = edit_item(base, "figures", 0, value=250000, text="25만", qualifier="approx")
    assert "totals.mismatch" not in codes(validate(A004, approx_total))
    exact_parts = edit_item(edit_item(base, "figures", 1, qualifier="exact"), "figures", 0,
                            value=255000, qualifier="exact")
    assert "totals.mismatch" in codes(validate(A004, exact_parts))


def test_quotes_with_straight_marks_and_collapsed_whitespace_still_verify():
    summary = fixture_summary("001")
    restyled = edit_item(summary, "quotes", 1, text="대한민국의 목표는  아시아태평양 지역의\n'AI 수도'로 거듭나는 것")
    report = validate(A001, restyled)
    assert report.status == "verified"
    loc = report.quotes[1]
    assert loc.match == "normalized"
    assert A001[loc.span.start : loc.span.end] == "대한민국의 목표는 아시아태평양 지역의 ‘AI 수도’로 거듭나는 것"


def test_a_quote_with_one_changed_character_is_caught():
    summary = edit_item(fixture_summary("001"), "quotes", 2,
                        text="엔비디아도 동참해 인프라·기술·투자가 선순환하는 AI 생태계를 함께 만들어가길 바란다")
    report = validate(A001, summary)
    assert report.status == "rejected"
    (f,) = [f for f in report.findings if f.code == "quote.not_found"]
    assert f.path == "quotes[2].text"
    assert "기대한다" in A001[f.span.start : f.span.end]  # points at the real passage
    assert report.quotes[2].match == "not_found"


def test_two_quotes_glued_together_are_caught():
    glued = ("대한민국의 목표는 아시아태평양 지역의 ‘AI 수도’로 거듭나는 것 "
             "AI의 다음 개척 분야는 피지컬 AI")
    report = validate(A001, edit_item(fixture_summary("001"), "quotes", 1, text=glued))
    assert "quote.not_found" in codes(report, "error")


def test_a_figure_whose_value_disagrees_with_its_text_is_caught():
    report = validate(A001, edit_item(fixture_summary("001"), "figures", 0, value=26000))
    (f,) = [f for f in report.findings if f.code == "figure.value_mismatch"]
    assert f.severity == "error" and f.path == "figures[0].value"
    assert "260000" in f.message  # tells the model the right value


def test_a_figure_text_not_in_the_article_is_caught():
    report = validate(A001, edit_item(fixture_summary("001"), "figures", 0, text="26만 2천 개", value=262000))
    (f,) = [f for f in report.findings if f.code == "figure.text_not_found"]
    assert f.severity == "error" and f.path == "figures[0].text"


def test_a_figure_in_another_notation_is_pointed_at_the_articles_spelling():
    report = validate(A001, edit_item(fixture_summary("001"), "figures", 0, text="260,000"))
    (f,) = [f for f in report.findings if f.code == "figure.text_not_found"]
    assert "26만" in f.message


def test_a_figure_inside_a_longer_number_is_not_found():
    # "5만" occurs inside "25만" in no article, but "6만" must not match inside "26만"
    report = validate(A001, edit_item(fixture_summary("001"), "figures", 5, text="6만", unit=None))
    assert report.figures[5].match == "exact"
    text = "총 26만 개다."
    s = ArticleSummary(headline="총 26만 개", summary="26만 개.", figures=[
        {"id": "f1", "label": "x", "value": 60000, "text": "6만"}])
    assert "figure.text_not_found" in codes(validate(text, s))


def test_an_unknown_part_of_is_caught():
    report = validate(A001, edit_item(fixture_summary("001"), "figures", 1, part_of="f9"))
    (f,) = [f for f in report.findings if f.code == "figure.unknown_part_of"]
    assert f.severity == "error" and f.path == "figures[1].part_of"


def test_part_of_cycles_and_duplicate_ids_are_caught():
    s = fixture_summary("001")
    report = validate(A001, edit_item(s, "figures", 0, part_of="f2"))
    assert "figure.part_of_cycle" in codes(report, "error")
    report = validate(A001, edit_item(s, "figures", 6, id="f1"))
    assert "figure.duplicate_id" in codes(report, "error")


def test_a_speaker_not_in_the_article_is_caught():
    report = validate(A001, edit_item(fixture_summary("001"), "quotes", 1, speaker="윤석열 전 대통령"))
    (f,) = [f for f in report.findings if f.code == "quote.speaker_not_found"]
    assert f.severity == "error" and f.path == "quotes[1].speaker"


def test_a_quote_given_to_someone_else_in_the_article_is_a_warning():
    # 최태원 is in the article, but the article gives these words to 젠슨 황 (젠슨 황 CEO는 ... “...”라고 천명한)
    report = validate(A001, edit_item(fixture_summary("001"), "quotes", 3, speaker="최태원", speaker_role="SK그룹 회장"))
    (f,) = report.findings
    assert (f.code, f.severity, f.path, A001[f.span.start : f.span.end]) == (
        "quote.misattributed", "warning", "quotes[3].speaker", "젠슨 황")
    assert "gives this quote to 젠슨 황" in f.message and '"천명한"' in f.message
    assert report.status == "flagged"
    assert (report.quotes[3].speaker_match, report.quotes[3].speaker_how) == ("misattributed", "cue")


def test_short_forms_of_a_name_are_the_same_speaker():
    # 000: the paragraph says 황 CEO, the summary says 젠슨 황; 이 대통령 for 이재명 대통령
    text = corpus("000")
    s = ArticleSummary(headline="", summary="", quotes=[
        {"text": "한국은 E-스포츠의 산지", "speaker": "젠슨 황", "speaker_role": "엔비디아 CEO"},
        {"text": "대한민국은 AI 시대를 가장 먼저 열어가는 테스트베드(시험대)", "speaker": "이재명 대통령"},
        {"text": "여러분 들었느냐", "speaker": "황 CEO"},
        {"text": "저도 그 자리에 있었어야 했다", "speaker": "이 대통령"},
    ])
    report = validate(text, s)
    assert report.findings == []
    assert [(q.speaker_match, q.speaker_how) for q in report.quotes] == [
        ("attributed", "carried"), ("attributed", "cue"), ("attributed", "cue"), ("attributed", "carried")]


@pytest.mark.parametrize(("text", "speaker", "named"), [
    # a bare English surname: a word of its own, not the letters of a longer one
    ('"Exports will recover," said Lee.', "Robert Lee", True),
    ('"Exports will recover," said officials in Leesburg and at McLee Corp.', "Robert Lee", False),
    # a Korean surname counts with a title after it, and not after Hangul (것이 대통령...)
    ("이 대통령은 “수출이 회복될 것”이라고 말했다.", "이재명", True),
    ("수출이 대통령 “수출이 회복될 것”이라고 말했다.", "이재명", False),
    # a surname whose end starts it again: each of the overlapping ones is tried (the second, with its title,
    # is the mention)
    ("aaa 회장은 “수출이 회복될 것”이라고 말했다.", "Kim aa", True),
    ("aaa회 “수출이 회복될 것”이라고 말했다.", "Kim aa", False),
])
def test_a_speakers_surname_counts_only_as_a_word_of_its_own(text, speaker, named):
    s = ArticleSummary(headline="h", summary="s", quotes=[{"text": "회복" if "“" in text else "recover",
                                                          "speaker": speaker}])
    (quote,) = validate(text, s).quotes
    assert (quote.speaker_match != "not_found") is named


def test_003_quotes_carried_on_for_paragraphs_keep_their_speakers():
    # 그러면서 "..." two paragraphs after 조 회장, 그러면서도 "..." two after 이 국장: the old distance rule
    # warned about both (quote.speaker_far); the article gives them to 조준희 and 이승현.
    s = fixture_summary("003")
    quotes = [*s.model_dump()["quotes"],
              {"text": "정부의 치열한 노력으로 관세 협정이 성공적으로 타결되고", "speaker": "조준희",
               "speaker_role": "한국인공지능·소프트웨어산업협회장"},
              {"text": "우리가 GPU와 소프트웨어, 시뮬레이터, 모델 학습 전 과정을 엔비디아 생태계에 의존하게 된다면",
               "speaker": "이승현", "speaker_role": "디지털플랫폼정부위원회 AI플랫폼혁신국장"}]
    report = validate(corpus("003"), edit(s, quotes=quotes))
    assert (report.status, report.findings) == ("verified", [])
    assert [(q.speaker_match, q.speaker_how) for q in report.quotes[3:]] == [("attributed", "carried")] * 2
    swapped = validate(corpus("003"), edit_item(edit(s, quotes=quotes), "quotes", 4, speaker="조준희"))
    (f,) = swapped.findings
    assert (f.code, f.path, corpus("003")[f.span.start : f.span.end]) == ("quote.misattributed", "quotes[4].speaker",
                                                                           "이 국장")


def test_a_quote_the_article_gives_to_no_one_falls_back_to_distance():
    # 001's sub-heading “대한민국, AI 수도로 거듭날 것” stands alone; 이재명 is named in the paragraph after it
    s = ArticleSummary(headline="", summary="", quotes=[
        {"text": "대한민국, AI 수도로 거듭날 것", "speaker": "이재명 대통령"},
        {"text": "대한민국, AI 수도로 거듭날 것", "speaker": "김우정"}])  # the reporter, named in the byline
    report = validate(A001, s)
    assert [(q.speaker_match, q.speaker_how) for q in report.quotes] == [("near", None), ("far", None)]
    assert [(f.code, f.path) for f in report.findings] == [("quote.speaker_far", "quotes[1].speaker")]


def test_a_summary_sentence_with_a_number_the_article_lacks_is_caught():
    s = fixture_summary("001")
    report = validate(A001, edit(s, summary=s.summary + " 엔비디아는 30만 개를 추가로 공급할 계획이다."))
    (f,) = [f for f in report.findings if f.code == "text.number_not_in_source"]
    assert f.severity == "error" and f.path == "summary"
    assert "30만" in f.message


def test_numbers_in_free_text_match_by_value_in_any_notation():
    s = fixture_summary("001")
    report = validate(A001, edit(s, headline="한국, 엔비디아 GPU 260,000개 확보…14,000,000,000,000원 규모"))
    assert report.status == "verified", report.findings
    # the same in English is another language than the article's: its words can't be checked
    english = validate(A001, edit(s, headline="Korea gets 260,000 Nvidia GPUs worth 14 trillion won"))
    assert [(f.code, f.severity, f.path) for f in english.findings] == [("text.other_language", "error", "headline")]


def test_a_stated_sum_of_grounded_parts_is_allowed_and_other_sums_are_not():
    s = fixture_summary("004")  # parts 5만 (f2) and 20만 (f3); 25만 is not in the article
    derived = validate(A004, edit(s, summary=s.summary + " 두 몫을 합치면 25만장이다."))
    assert "text.number_not_in_source" not in codes(derived)
    invented = validate(A004, edit(s, summary=s.summary + " 두 몫을 합치면 24만장이다."))
    assert "text.number_not_in_source" in codes(invented)
    # once a part is not backed by the article, its sum is not either
    unbacked = edit_item(s, "figures", 2, value=190000)
    assert "text.number_not_in_source" in codes(validate(A004, edit(unbacked, summary=s.summary + " 합치면 24만장이다.")))


def test_figure_qualifier_must_agree_with_the_article():
    s = fixture_summary("004")
    report = validate(A004, edit_item(s, "figures", 1, qualifier="exact"))  # article: 약 5만장... but 2028년 5만장 is exact
    assert "figure.qualifier_mismatch" not in codes(report)
    report = validate(A004, edit_item(s, "figures", 0, text="26만장 이상", qualifier="exact"))
    (f,) = [f for f in report.findings if f.code == "figure.qualifier_mismatch"]
    assert f.severity == "error" and '"at_least"' in f.message
    text = "정부는 26만장 이상을 확보했다."
    only = ArticleSummary(headline="h", summary="s", figures=[{"id": "f1", "label": "GPU", "value": 260000,
                                                              "unit": "장", "text": "26만장", "qualifier": "exact"}])
    assert "figure.qualifier_mismatch" in codes(validate(text, only), "error")


def test_events_name_actors_places_and_iso_dates():
    s = fixture_summary("001")
    events = [e.model_dump() for e in s.events]
    events[0] |= {"actors": ["이재명 대통령", "팀 쿡"], "location": "서울 강남", "date": "10월 31일"}
    events[1] |= {"figure_ids": ["f1", "f99"]}
    report = validate(A001, edit(s, events=events))
    found = {(f.code, f.severity, f.path) for f in report.findings}
    # names the article never writes: an error, as an invented number is
    assert ("event.actor_not_found", "error", "events[0].actors[1]") in found
    assert ("event.location_not_found", "error", "events[0].location") in found
    assert ("event.date_invalid", "error", "events[0].date") in found
    assert ("event.unknown_figure", "error", "events[1].figure_ids[1]") in found


def test_coverage_reports_left_out_figures_and_quotes_beside_the_status():
    s = fixture_summary("001")
    events = [{**e.model_dump(), "figure_ids": [x for x in e.figure_ids if x != "f7"]} for e in s.events]
    report = validate(A001, edit(s, figures=[f for f in s.figures if f.id != "f7"], quotes=s.quotes[:1], events=events))
    assert (report.status, report.findings) == ("verified", [])  # what it says is right; it says less
    coverage = report.coverage
    # 5만개 (each of three firms) and 6만 개 (네이버) are both the article's numbers since the numbers work
    assert (coverage.quotes, coverage.figures) == (Tally(carried=1, total=3), Tally(carried=3, total=4))
    assert [(f.code, f.severity, A001[f.span.start : f.span.end][:12]) for f in coverage.findings] == [
        ("coverage.figure_missing", "warning", "14조 원"),
        ("coverage.quotes_missing", "warning", "대한민국의 목표는 아시"),
    ]


@pytest.mark.parametrize("n", ["000", "001", "002", "003", "004"])
def test_an_empty_summary_claims_nothing_wrong_and_covers_nothing(n):
    report = validate(corpus(n), ArticleSummary(headline="", summary=""))
    assert (report.status, report.findings) == ("verified", [])
    assert report.coverage.quotes.carried == report.coverage.figures.carried == 0
    assert report.coverage.quotes.total > 0 and report.coverage.figures.total > 0
    assert {f.code for f in report.coverage.findings} == {"coverage.quotes_missing", "coverage.figure_missing"}


def test_every_finding_names_a_path_that_exists():
    s = fixture_summary("001")
    broken = edit_item(edit_item(s, "figures", 0, value=1), "quotes", 0, text="없는 말", speaker="아무개")
    report = validate(A001, broken)
    assert report.status == "rejected"
    data = broken.model_dump()
    for f in report.findings:
        node = data
        for part in f.path.replace("]", "").replace("[", ".").split("."):
            node = node[int(part)] if part.isdigit() else node[part]


# 000 is flagged for its event's date (2025-10-31): the article writes 2025 and 31일, but no month and no date
# of its own, so the month can't be worked out from it (event.date_not_in_source). 004: its own totals.
@pytest.mark.parametrize(("n", "status"), [("000", "flagged"), ("001", "verified"), ("002", "verified"),
                                           ("003", "verified"), ("004", "flagged")])
def test_every_hand_checked_fixture_passes_its_article(n, status):
    text, summary = corpus(n), fixture_summary(n)
    report = validate(text, summary)
    assert report.status == status, report.findings
    assert [text[loc.span.start : loc.span.end] for loc in report.quotes] == [q.text for q in summary.quotes]
    assert [text[loc.span.start : loc.span.end] for loc in report.figures] == [f.text for f in summary.figures]


def test_004_is_flagged_for_its_own_totals_only():
    report = validate(A004, fixture_summary("004"))
    assert [(f.code, f.severity) for f in report.findings] == [("totals.mismatch", "warning")]


def test_page_furniture_is_not_coverage():
    # 002 ends with a list of other headlines ("원/달러 환율 1424.4원"): not the article's figure
    text = corpus("002")
    report = validate(text, fixture_summary("002"))
    assert (report.status, report.findings) == ("verified", [])
    assert report.coverage == Coverage(quotes=Tally(carried=3, total=4), figures=Tally(carried=1, total=1))
    # 004's graphic caption ("이 목표를 10만장 이상 웃돌게 됐다") is not either: a summary that carries no figure
    # misses the four amounts of the article's own text, and the hand-checked one carries all four
    empty = ArticleSummary(headline="", summary="")
    missing = [A004[f.span.start : f.span.end] for f in validate(A004, empty).coverage.findings
               if f.code == "coverage.figure_missing"]
    assert missing == ["26만장", "5만장", "20만장", "1만장"]
    assert validate(A004, fixture_summary("004")).coverage.figures == Tally(carried=4, total=4)
