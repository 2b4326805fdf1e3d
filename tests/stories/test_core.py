"""Reconcile with no model: the five bundled outlets, a few unrelated articles, and what counts as evidence.

The results are built from the hand-checked fixtures (tests/support/stories.py):
what `summarizer run` writes when the model answers with them.
"""

import pytest

from summarizer import ArticleSummary
from summarizer.stories.core import reconcile_records
from support.corpus import corpus, fixture_summary
from support.stories import BUNDLED, OTHERS, bundled_record, record, unrelated_record

RECORDS = [bundled_record(n) for n in BUNDLED] + [unrelated_record(n) for n in OTHERS]
TEXTS = {r.id: r.text for r in RECORDS}


@pytest.fixture(scope="module")
def result():
    return reconcile_records(RECORDS)


@pytest.fixture(scope="module")
def gpu(result):
    return result.stories[0]


def rows(figure):
    return [(r.article, r.figure, r.text, r.qualifier) for r in figure.reports]


def test_the_five_outlets_are_one_story_and_the_unrelated_articles_stay_out(result):
    # apec-dinner: the same president, city and day; foldable: 삼성전자 and 약 5만 대; busfare-a: a 2030
    # target of 5만 (chargers). None joins the GPU story, and the two bus-fare outlets make their own.
    assert [s.articles for s in result.stories] == [
        ["000", "001", "002", "003", "004"], ["busfare-a", "busfare-b"], ["apec-dinner"], ["foldable"]]
    assert result.excluded == [] and result.model_step is None


def test_26만_is_agreed_across_all_five_with_and_without_이상(gpu):
    (figure,) = [f for f in gpu.figures if f.reports[0].value == 260000]
    assert (figure.agreement, figure.time, figure.found_by) == ("agreed", None, "words")
    assert rows(figure) == [("000", "f1", "26만장", "exact"), ("001", "f1", "26만 개", "exact"),
                            ("002", "f1", "26만장", "at_least"), ("003", "f1", "26만 장", "exact"),
                            ("004", "f1", "26만장", "at_least")]
    assert figure.note.startswith("One value satisfies every report (exactly 260,000)")


def test_the_2030_target_is_a_conflict_000_against_004_and_comes_first(gpu):
    first = gpu.figures[0]
    assert [(f.time, rows(f)) for f in gpu.figures if f.agreement == "conflict"] == [
        ("2030", [("000", "f2", "5만장", "exact"), ("004", "f6", "20만장", "at_least")])]
    assert first.agreement == "conflict"
    assert first.note == ("No value satisfies every report: 000 5만장 (exactly 50,000); 004 20만장 (at least "
                          "200,000). At odds: 000 and 004.")
    assert TEXTS["004"][first.reports[1].span[1]:][:3] == " 이상"  # the qualifier is the article's


def test_targets_for_other_years_and_the_deal_s_own_shares_are_not_mixed_up(gpu):
    # 5만 appears as 000's 2030 target, 004's 2028 target, 001's government share and 004's public share:
    # only the figures for the same time and the same thing are lined up, so these stay apart.
    single = {(f.reports[0].article, f.reports[0].figure): f.time
              for f in gpu.figures if f.agreement == "single_source"}
    assert single == {("001", "f2"): None, ("001", "f3"): None, ("001", "f4"): None, ("001", "f5"): None,
                      ("001", "f6"): None, ("001", "f7"): None, ("003", "f2"): None, ("003", "f3"): None,
                      ("004", "f2"): None, ("004", "f3"): None, ("004", "f4"): "올해 말", ("004", "f5"): "2028"}


def test_the_corporate_20만_against_001_s_parts_is_explained_as_an_open_question(gpu):
    questions = {(q.figure.article, q.figure.figure): q for q in gpu.open_questions}
    assert set(questions) == {("004", "f2"), ("004", "f3")}
    corporate = questions["004", "f3"]
    assert corporate.kind == "part_sum" and corporate.candidates_article == "001"
    assert [(c.figure, c.text) for c in corporate.candidates] == [
        ("f2", "5만 개"), ("f3", "5만개"), ("f4", "5만개"), ("f5", "5만개"), ("f6", "6만 개")]
    note = corporate.note
    assert "삼성전자 몫 5만개 (f3), 현대차 몫 5만개 (f5), 네이버 몫 6만 개 (f6)" in note  # named in 004's clause
    assert "together 160,000, and says 등 (and others)" in note
    assert "SK그룹 몫 5만개 (f4)" in note and "160,000 to 260,000" in note
    assert "words alone cannot tell" in note and "--base-url/--model" in note
    public = questions["004", "f2"]
    assert (public.kind, [c.figure for c in public.candidates]) == ("same_figure", ["f2"])


def test_every_span_indexes_its_article_s_text_in_the_results(result):
    spans = 0
    for story in result.stories:
        for f in story.figures:
            for r in f.reports:
                assert TEXTS[r.article][r.span[0]:r.span[1]] == r.text
                spans += 1
        for q in story.quotes:
            for r in q.reports:
                assert TEXTS[r.article][r.span[0]:r.span[1]] == r.text
                spans += 1
    # every figure and quote of the fixtures is checked, and each is reported exactly once
    assert spans == sum(len(r.summary.figures) + len(r.summary.quotes) for r in RECORDS)


def test_a_rejected_result_is_listed_and_not_used():
    broken = fixture_summary("002").model_dump()
    broken["figures"][0]["value"] = 250000  # "26만장" is not 250,000: figure.value_mismatch
    rejected = record("002", corpus("002"), ArticleSummary.model_validate(broken), "dump/002.txt")
    assert rejected.status == "rejected"
    result = reconcile_records([bundled_record("000"), bundled_record("001"), rejected])
    assert [s.articles for s in result.stories] == [["000", "001"]]
    assert [(x.article, x.origin, x.status) for x in result.excluded] == [("002", "dump/002.txt", "rejected")]
    assert "not used" in result.excluded[0].reason


def test_only_grounded_figures_of_a_flagged_result_count():
    # 004 is flagged (its own parts do not add up to 26만장 이상): a warning, so its evidence counts;
    # a figure whose text the article lacks would make the result rejected, and nothing of it counts.
    flagged = bundled_record("004")
    assert flagged.status == "flagged"
    story = reconcile_records([bundled_record("000"), flagged]).stories[0]
    assert {r.article for f in story.figures for r in f.reports} == {"000", "004"}


def test_a_later_result_for_the_same_article_replaces_the_earlier_one():
    broken = fixture_summary("002").model_dump()
    broken["quotes"][0]["text"] = "없는 말"
    first = record("002", corpus("002"), ArticleSummary.model_validate(broken))
    result = reconcile_records([first, bundled_record("000"), bundled_record("002")])
    assert result.excluded == [] and result.stories[0].articles == ["000", "002"]


def test_the_same_results_in_another_order_give_the_same_stories_and_verdicts(result):
    again = reconcile_records(list(reversed(RECORDS)))

    def verdicts(res):
        return {s.id: sorted((f.agreement, tuple(sorted(f"{r.article}:{r.figure}" for r in f.reports)))
                             for f in s.figures) for s in res.stories}

    assert verdicts(again) == verdicts(result)


def test_no_usable_results_give_no_stories():
    assert reconcile_records([]).stories == []


# Two short articles written for this test: one outlet gives a group's share, the other each member's.
ALLOC_A = ("정부, 엔비디아 GPU 26만 장 배분 확정\n정부는 엔비디아로부터 받는 GPU 26만 장 가운데 20만 장을 "
           "삼성전자·현대자동차·네이버에 배정했다. 나머지 6만 장은 공공 연구기관에 돌아간다.")
ALLOC_B = ("엔비디아 GPU 26만 개 배분\n엔비디아 GPU 26만 개는 삼성전자 5만 개, 현대차 5만 개, 네이버 6만 개, "
           "SK그룹 5만 개, 공공 연구기관 5만 개로 나뉜다.")


def figure(fid, label, value, text, part_of=None):
    return {"id": fid, "label": label, "value": value, "unit": text[-1], "text": text, "part_of": part_of}


def test_a_closed_list_of_names_settles_a_sum_of_parts_on_words_alone():
    a = record("alloc-a", ALLOC_A, ArticleSummary(headline="GPU 배분", summary="GPU 26만 장을 배분했다.", figures=[
        figure("f1", "엔비디아 GPU", 260000, "26만 장"),
        figure("f2", "삼성전자·현대자동차·네이버 몫", 200000, "20만 장", "f1"),
        figure("f3", "공공 연구기관 몫", 60000, "6만 장", "f1")]))
    b = record("alloc-b", ALLOC_B, ArticleSummary(headline="GPU 배분", summary="GPU 26만 개를 나눈다.", figures=[
        figure("f1", "엔비디아 GPU", 260000, "26만 개"),
        figure("f2", "삼성전자 몫", 50000, "5만 개", "f1"), figure("f3", "현대차 몫", 50000, "5만 개", "f1"),
        figure("f4", "네이버 몫", 60000, "6만 개", "f1"), figure("f5", "SK그룹 몫", 50000, "5만 개", "f1"),
        figure("f6", "공공 연구기관 몫", 50000, "5만 개", "f1")]))
    assert (a.status, b.status) == ("verified", "verified")
    (story,) = reconcile_records([a, b]).stories
    assert [(f.agreement, f.found_by, [(r.article, r.figure, r.value) for r in f.reports]) for f in story.figures] == [
        # 20만 for the three companies 004-style, against 001-style 5만 + 5만 + 6만: the clause names exactly
        # 삼성전자, 현대자동차 (현대차) and 네이버, with no 등, so code compares the sum
        ("conflict", "words", [("alloc-a", "f2", 200000.0), ("alloc-b", "f2+f3+f4", 160000.0)]),
        ("conflict", "words", [("alloc-a", "f3", 60000.0), ("alloc-b", "f6", 50000.0)]),  # 공공 연구기관
        ("agreed", "words", [("alloc-a", "f1", 260000.0), ("alloc-b", "f1", 260000.0)]),
        # each company's own share is still reported by one outlet only; SK그룹 is in no group of alloc-a
        ("single_source", "words", [("alloc-b", "f2", 50000.0)]),
        ("single_source", "words", [("alloc-b", "f3", 50000.0)]),
        ("single_source", "words", [("alloc-b", "f4", 60000.0)]),
        ("single_source", "words", [("alloc-b", "f5", 50000.0)]),
    ]
    assert "names exactly 삼성전자 몫 5만 개 (f2), 현대차 몫 5만 개 (f3), 네이버 몫 6만 개 (f4)" in story.figures[0].note
    assert story.open_questions == []
