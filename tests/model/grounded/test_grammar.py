"""The embedded model's grammar: whatever a decoder writes under it is an answer of the offer's ids only, each
figure labelled by one of its own labels, and the summary built from it is the article's words."""

import json
import os
import random
import subprocess
import sys

import pytest

from summarizer import validate
from summarizer.model.grounded.grammar import lark_grammar
from summarizer.model.grounded.schema import Asks, Offer, response_model, to_answer
from summarizer.pipeline.grounded.kind import EMBEDDED_BUDGET
from summarizer.pipeline.grounded.offers import make_offer
from summarizer.trust.grounded.build import build_summary
from summarizer.trust.grounded.candidates import find_candidates
from support.corpus import ROOT, TESTS, corpus
from support.grammar import Decoder

ARTICLES = ["000", "001", "002", "003", "004"]
EVERYTHING = Asks()


def _offer(text: str, asks: Asks = EVERYTHING) -> Offer:
    return make_offer(text, find_candidates(text), 0, len(text), EMBEDDED_BUDGET, asks=asks)


def _decoder(offer: Offer) -> Decoder:
    ids = [*offer.sentence_ids, *offer.quote_ids, *offer.figure_ids, *offer.label_ids, *offer.name_values]
    pieces = ids + [f'"{x}"' for x in ids] + ['{"', '":"', '","', '"},{"', '":null', '{"id":', '],"']
    return Decoder(lark_grammar(offer), pieces)


@pytest.mark.parametrize("n", ARTICLES)
def test_a_random_decode_is_an_answer_of_the_offers_ids_and_builds_a_summary_of_the_articles_words(n):
    text = corpus(n)
    offer = _offer(text)
    decoder = _decoder(offer)
    rng = random.Random(int(n) + 9)
    for _ in range(4):
        raw = decoder.walk(rng)
        answer = to_answer(response_model(offer).model_validate_json(raw))  # the schema holds: ids and names
        assert answer.summary and answer.events and answer.figures and (answer.quotes or not offer.quotes)
        assert set(answer.summary) | set(answer.events) <= set(offer.sentence_ids)
        assert {q.id for q in answer.quotes} <= set(offer.quote_ids)
        assert {q.speaker for q in answer.quotes} - {None} <= set(offer.name_values)
        for f in answer.figures:
            assert f.label in offer.labels_of(f.id)  # one of its own labels, never another figure's
            assert f.part_of is None or offer.figure_ids.index(f.part_of) < offer.figure_ids.index(f.id)
        built = build_summary(find_candidates(text), answer)
        s = built.summary
        for sid in built.sentence_ids:
            assert find_candidates(text).sentence(sid).text in s.summary
        assert all(e.description in text for e in s.events) and all(f.label in text for f in s.figures)
        # a part of a figure offered but not picked is the one pick the grammar cannot rule out
        assert {f.code for f in built.findings} <= {"grounded.unpicked_figure"}
        codes = {f.code for f in validate(text, s).findings}
        assert not codes & {"text.number_not_in_source", "event.date_invalid", "quote.not_found",
                            "figure.text_not_found", "figure.value_mismatch", "quote.speaker_not_found",
                            "figure.part_of_cycle"}, raw


ANSWER = '{"summary":["s2","s4"],"events":["s6"],"figures":[FIG],"quotes":[{"id":"q2","speaker":null}]}'


@pytest.mark.parametrize(("change", "allowed"), [
    ({}, True),
    ({'"s2","s4"': '"s2","s4","s5"'}, True),
    ({'"s2","s4"': '"s2","s4","s5","s6"'}, False),  # three summary sentences at most
    ({'"s2","s4"': '"s1"'}, False),  # not offered (a title, not a sentence)
    ({'"s2","s4"': '"s99"'}, False),  # no such sentence
    ({'"s2","s4"': ""}, False),  # none picked
    ({'"q2"': '"q99"'}, False),  # no such quotation
    ({'"speaker":null': '"speaker":"조준희"'}, True),  # one of the names
    ({'"speaker":null': '"speaker":"조준이"'}, False),
    ({'"label":"f12a"': '"label":"f3a"'}, False),  # another figure's label
    ({'"label":"f12a"': '"label":"공공 부문"'}, False),  # words of its own: never
    ({'"id":"f12"': '"id":"f13"', '"f12a"': '"f13a"'}, False),  # a date (2028년), not a figure
    ({'"part_of":null': '"part_of":"f12"'}, False),  # a figure is not a part of itself
    ({'"summary"': '"headline":"접견","summary"'}, False),  # no field but the picks
])
def test_the_grammar_writes_only_the_offers_ids(change, allowed):
    text = corpus("004")
    offer = _offer(text)
    # what the answers below pick is offered: ranked sentences, and figures with their labels (f12, GPU 1만장: GPU;
    # f3a is another figure's label; f13 is 2028년, a date)
    assert {"s2", "s4", "s5", "s6"} <= set(offer.sentence_ids) and {"f3", "f12"} <= set(offer.figure_ids)
    assert {"f12a", "f3a"} <= set(offer.label_ids) and "s1" not in offer.sentence_ids
    figure = '{"id":"f12","label":"f12a","part_of":null}'
    answer = ANSWER.replace("FIG", figure)
    for old, new in change.items():
        answer = answer.replace(old, new)
    assert _decoder(offer).accepts(answer) is allowed
    if allowed:
        response_model(offer).model_validate_json(answer)  # and the endpoint's schema takes it too


def test_a_part_may_name_only_a_figure_offered_before_it():
    offer = _offer(corpus("004"))
    first, second = offer.figure_ids[:2]
    fig = '{"id":"%s","label":"%sa","part_of":%s}'
    answer = '{"summary":["%s"],"events":["%s"],"figures":[FIGS],"quotes":[{"id":"%s","speaker":null}]}' % (
        offer.sentence_ids[0], offer.sentence_ids[0], offer.quote_ids[0])
    decoder = _decoder(offer)
    assert decoder.accepts(answer.replace("FIGS", ",".join([fig % (first, first, "null"),
                                                             fig % (second, second, f'"{first}"')])))
    assert not decoder.accepts(answer.replace("FIGS", ",".join([fig % (first, first, f'"{second}"'),
                                                                 fig % (second, second, "null")])))


def test_what_is_not_asked_is_not_in_the_answer():
    text = corpus("004")
    offer = _offer(text, Asks.only(("summary",)))
    assert lark_grammar(offer).splitlines()[1] == 'start: "{\\"summary\\":[" summary "]" "}"'
    decoder = _decoder(offer)
    assert decoder.accepts('{"summary":["s2"]}')
    assert not decoder.accepts('{"summary":["s2"],"events":["s4"]}')
    assert set(response_model(offer).model_fields) == {"summary"}
    # the quotation, figure and event lists are not shown either
    assert (offer.figures, offer.quotes, offer.labels, offer.names) == ((), (), (), ())


def test_the_grammar_is_the_same_in_every_process():
    # a request's body is matched when a cassette replays, and providers cache prompts by prefix
    code = ("from summarizer.model.grounded.grammar import lark_grammar; "
            "from summarizer.pipeline.grounded.kind import EMBEDDED_BUDGET; "
            "from summarizer.pipeline.grounded.offers import make_offer; "
            "from summarizer.trust.grounded.candidates import find_candidates; "
            "from support.corpus import corpus; t = corpus('002'); "
            "print(lark_grammar(make_offer(t, find_candidates(t), 0, len(t), EMBEDDED_BUDGET)))")
    tests = os.pathsep.join([str(TESTS), str(ROOT)])
    out = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": tests}).stdout
           for seed in ("1", "2")}
    assert len(out) == 1 and json.dumps(list(out))
