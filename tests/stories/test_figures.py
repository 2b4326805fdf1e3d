"""Lining up figures across outlets (stories.figures): by their labels' words, and by their time when the
labels share none.

The articles are short ones written for these tests, in the words of the bundled ones (000, 004).
"""

from summarizer import ArticleSummary
from summarizer.stories.evidence import evidence_of
from summarizer.stories.figures import agreement, align, by_time
from support.stories import record

# 000's wording and 004's, cut to the sentence that gives the 2030 target.
TARGET_A = "[가일보] 정부 GPU 확보 목표 넘었다\n이는 정부가 2030년까지 확보를 목표로 했던 5만장의 다섯 배다.\n"
TARGET_B = "[나일보] GPU 목표 초과\n당초 정부는 2030년 GPU 20만장 이상 확보를 목표로 삼았다.\n"


def summary(*figures):
    return ArticleSummary(headline="목표", summary="목표를 세웠다.", figures=[
        {"id": f"f{i}", "label": label, "value": value, "unit": unit, "text": text.removesuffix(" 이상"),
         "qualifier": "at_least" if text.endswith(" 이상") else "exact"}
        for i, (label, value, unit, text) in enumerate(figures, 1)])


def figures_of(article_id, text, *figures):
    r = record(article_id, text, summary(*figures))
    assert r.status in ("verified", "flagged") and not [f for f in r.report.findings if f.path.startswith("figures")]
    return list(evidence_of(r).figures)


def lines(groups):
    return [(agreement(g)[0], [(r.article, r.text) for r in g.reports]) for g in groups]


def test_a_target_labelled_by_who_and_by_what_is_lined_up_by_its_year_and_is_a_conflict():
    a = figures_of("a", TARGET_A, ("정부", 50000, "장", "5만장"))
    b = figures_of("b", TARGET_B, ("GPU", 200000, "장", "20만장 이상"))
    assert (a[0].time, b[0].time, a[0].sole, b[0].sole) == ("2030", "2030", True, True)
    (group,) = align(a + b)
    assert lines([group]) == [("conflict", [("a", "5만장"), ("b", "20만장")])]
    assert group.notes == [("a and b are lined up by time: their labels share no word, but each is the only count "
                            "its article gives for 2030, and both sentences say 정부, 확보, 목표.")]


def test_the_same_year_and_the_same_value_agree():
    a = figures_of("a", TARGET_A, ("정부", 50000, "장", "5만장"))
    b = figures_of("b", TARGET_B.replace("20만장 이상", "5만장"), ("GPU", 50000, "장", "5만장"))
    assert lines(align(a + b)) == [("agreed", [("a", "5만장"), ("b", "5만장")])]


def test_another_year_another_unit_or_a_sentence_about_something_else_is_not_lined_up():
    a = figures_of("a", TARGET_A, ("정부", 50000, "장", "5만장"))
    other_year = figures_of("b", TARGET_B.replace("2030년", "2028년"), ("GPU", 200000, "장", "20만장 이상"))
    money = figures_of("b", TARGET_B.replace("GPU 20만장", "예산 20조원"), ("예산", 20 * 10**12, "원", "20조원 이상"))
    elsewhere = figures_of("b", "[나일보] 수출\n기업들은 2030년 GPU 20만장 이상을 팔았다.\n",
                           ("GPU", 200000, "장", "20만장 이상"))
    for b in (other_year, money, elsewhere):
        assert by_time(a[0], b[0]) == 0.0
        assert len(align(a + b)) == 2


BUSES_A = ("[가일보] 부산 전기버스\n시는 2030년까지 충전기 5만기를 설치하기로 했다. "
           "2030년까지 전기버스는 2500대로 늘린다.\n")
BUSES_B = "[나일보] 부산 전기버스\n시는 2030년까지 충전기 설치와 함께 전기버스 2500대를 운행하기로 했다.\n"


def test_a_figure_its_article_gives_beside_another_count_for_that_year_is_not_lined_up_by_time():
    # The sentences of 5만기 (chargers) and 2500대 (buses) share 시, 충전기 and 하기로, and both say 2030;
    # but A gives two counts for 2030, so its 5만기 must not be set against B's 2500대.
    chargers = figures_of("a", BUSES_A, ("충전기", 50000, "기", "5만기"))
    buses = figures_of("b", BUSES_B, ("운행", 2500, "대", "2500대"))
    assert (chargers[0].time, buses[0].time, chargers[0].sole, buses[0].sole) == ("2030", "2030", False, True)
    assert by_time(chargers[0], buses[0]) == 0.0
    assert lines(align(chargers + buses)) == [("single_source", [("a", "5만기")]), ("single_source", [("b", "2500대")])]
    # the same sentence in an article that gives only the one count for 2030 would be lined up
    alone = figures_of("a", BUSES_A.split(" 2030년까지 전기버스")[0] + "\n", ("충전기", 50000, "기", "5만기"))
    assert alone[0].sole and by_time(alone[0], buses[0]) > 0


def test_labels_that_share_a_word_line_up_as_before_with_no_note():
    a = figures_of("a", TARGET_A, ("정부", 50000, "장", "5만장"))
    b = figures_of("b", TARGET_B, ("정부", 200000, "장", "20만장 이상"))
    (group,) = align(a + b)
    assert agreement(group)[0] == "conflict" and group.notes == []
