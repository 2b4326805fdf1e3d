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
