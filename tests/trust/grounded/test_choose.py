"""What code picks when no model does: the best-ranked sentences, events that name an actor, each figure once,
quotations the article attributes, the speakers taking turns."""

from summarizer.trust.grounded.candidates import find_candidates
from summarizer.trust.grounded.choose import pick_events, pick_figures, pick_quotes, pick_summary
from summarizer.trust.grounded.ranking import ranked
from support.corpus import corpus


def test_the_summary_is_the_three_best_ranked_sentences_in_the_articles_order():
    c = find_candidates(corpus("002"))
    assert pick_summary(c) == ["s1", "s2", "s6"]
    assert {s.id for s in ranked(c.sentences)[:3]} == set(pick_summary(c))


# Written for this test, as CNN/DailyMail pages run a photo caption into the text (s3 restates s2).
RESTATED = ("A dental clinic manager in New York was arrested on Thursday on charges that she posed as a dentist.\n"
            "Valbona Yzeiraj pleaded not guilty to charges of assault and unauthorized practice of dentistry.\n"
            "Valbona Yzeiraj, pictured, pleaded not guilty to charges of assault and unauthorized practice.\n"
            "Authorities said the 45-year-old woman gave injections and performed root canals on patients.\n"
            "She called herself Dr Val and wore a white coat when her boss was out of the office.\n"
            "The clinic in White Plains has since closed, and its owner said he knew nothing of it.\n")


def test_in_english_a_sentence_that_restates_a_better_one_is_passed_over_while_others_are_left():
    c = find_candidates(RESTATED)
    assert [s.id for s in ranked(c.sentences)[:3]] == ["s2", "s3", "s1"]
    assert pick_summary(c) == ["s1", "s2", "s6"]  # s3 repeats s2: the next best instead
    assert "s3" not in pick_events(c, pick_summary(c))
    assert pick_summary(c, most=6) == ["s1", "s2", "s3", "s4", "s5", "s6"]  # with nothing else left, it comes


def test_events_name_an_actor_and_are_not_the_summarys_sentences():
    c = find_candidates(corpus("002"))
    events = pick_events(c, pick_summary(c))
    assert events == ["s3", "s5", "s8"]
    actors = {n.name for n in c.names if n.kind != "place"}
    assert all(actors & set(c.sentence(e).names) for e in events)


def test_each_figure_once_counted_amounts_first_each_with_its_first_label():
    c = find_candidates(corpus("004"))
    picked = pick_figures(c)
    assert [(c.number(f.id).text, c.number(f.id).qualifier, f.label) for f in picked] == [
        ("26만장", "at_least", "f3a"), ("5만장", "approx", "f9a"), ("20만장", "exact", "f10a"), ("1만장", "exact", "f12a"),
        ("5만장", "exact", "f14a"), ("20만장", "at_least", "f16a")]
    # 26만장 is written six times, once as 26만장 이상: one figure; 20만장 for the companies and the 2030 target's
    # 20만장 이상 are two, and so are the public sector's 약 5만장 and the 2028 target's 5만장


def test_a_number_that_counts_nothing_comes_only_when_few_counted_amounts_do():
    c = find_candidates(corpus("000"))
    assert [c.number(f.id).text for f in pick_figures(c)] == ["26만장", "5만장"]  # not 3대 (강국), not 다섯 배


def test_quotations_the_article_attributes_the_speakers_taking_turns():
    c = find_candidates(corpus("000"))
    assert [(q.id, q.speaker) for q in pick_quotes(c)] == [("q3", "이재명"), ("q15", "젠슨 황"), ("q4", "이재명")]
