"""The embedded model's grammar: whatever a decoder writes under it is a grounded answer whose ids, names and
numbers are all the article's, and whose free-text numbers the checks accept."""

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer import validate
from summarizer.model.grounded.grammar import lark_grammar
from summarizer.model.grounded.schema import Offer, response_model, to_answer
from summarizer.trust.article.source import Source
from summarizer.trust.grounded.build import build_summary
from summarizer.trust.grounded.candidates import find_candidates, latin_words, number_forms
from summarizer.trust.numbers.quantities import find_quantities
from support.corpus import ROOT, TESTS, corpus
from support.grammar import Decoder

ARTICLES = ["000", "001", "002", "003", "004"]


def _offer(text: str) -> Offer:
    c = find_candidates(text)
    return Offer(quotes=c.quotes[:12], figures=c.figures[:10], names=c.names,
                 number_forms=number_forms(c.numbers), years=(2025, 2030), months=(10,), days=(31,),
                 latin_words=latin_words(text))


def _decoder(offer: Offer) -> Decoder:
    pieces = [*offer.number_forms, *offer.name_values, *offer.quote_ids, *offer.figure_ids]
    pieces += [f'"{x}"' for x in (*offer.name_values, *offer.figure_ids)] + ['{"', '":"', '","', '"},{"', '":null']
    return Decoder(lark_grammar(offer), pieces)


@pytest.mark.parametrize("n", ARTICLES)
def test_a_random_decode_picks_only_the_articles_ids_names_and_numbers(n):
    text = corpus(n)
    offer = _offer(text)
    decoder = _decoder(offer)
    rng = random.Random(int(n) + 9)
    known = Source.of(text).values
    for _ in range(4):
        raw = decoder.walk(rng)
        answer = to_answer(response_model(offer).model_validate_json(raw))  # the schema holds: ids, names, dates
        assert {f.id for f in answer.figures} <= set(offer.figure_ids)
        assert {q.id for q in answer.quotes} <= set(offer.quote_ids)
        names = {q.speaker for q in answer.quotes} | {a for e in answer.events for a in e.actors}
        names |= {e.location for e in answer.events if e.location}
        assert names <= set(offer.name_values)
        free = [answer.headline, answer.summary, *(f.label for f in answer.figures),
                *(e.description for e in answer.events)]
        assert {q.value for t in free for q in find_quantities(t)} <= known
        report = validate(text, build_summary(find_candidates(text), answer).summary)
        codes = {f.code for f in report.findings}
        assert not codes & {"text.number_not_in_source", "event.date_invalid", "quote.not_found",
                            "figure.text_not_found", "figure.value_mismatch", "quote.speaker_not_found"}, raw


EVENT = '{"description":"접견","actors":["이재명"],"date":null,"location":null,"figure_ids":[]}'
ANSWER = ('{"headline":"HEAD","figures":[{"id":"f5","label":"도입 GPU","part_of":null}],'
          '"quotes":[{"id":"q2","speaker":"이재명"}],"summary":"SUMMARY","events":[EVENT]}').replace("EVENT", EVENT)


@pytest.mark.parametrize(("summary", "allowed"), [
    ("엔비디아가 GPU 26만장 이상을 공급한다.", True),
    ("GPU 26만 장을 31일 들여온다.", True),
    ("두 달여 만의 만남이다.", True),  # the article's own words
    ("GPU 27만장을 공급한다.", False),  # a number the article does not give
    ("GPU 26만 5천장을 공급한다.", False),  # two of its numbers run together into another
    ("GPU 266만장", False),
    ("GPU 31만 장", False),  # 31 is the article's, 31만 is not
    ("31.8일", False),
    ("세 곳에 공급한다.", False),  # a number in words the parser reads
    ("twenty GPUs", False),
    ("31bn", False),
    ("GPU 천 26만장", False),  # 천 right before a number makes it another
])
def test_free_text_may_use_the_articles_numbers_and_no_other(summary, allowed):
    offer = _offer(corpus("002"))
    decoder = _decoder(offer)
    assert decoder.accepts(ANSWER.replace("HEAD", "이 대통령, 젠슨 황 접견").replace("SUMMARY", summary)) is allowed


CHIPS = (TESTS / "fixtures" / "speakers" / "en-chips.fixture.txt").read_text(
    encoding="utf-8")
EN_EVENT = '{"description":"Talks","actors":["Jensen Huang"],"date":null,"location":null,"figure_ids":[]}'
EN_ANSWER = ('{"headline":"Nvidia chips for Korea","figures":[{"id":"f1","label":"chips","part_of":null}],'
             '"quotes":[{"id":"q1","speaker":"Jensen Huang"}],"summary":"SUMMARY","events":[EVENT]}'
             ).replace("EVENT", EN_EVENT)


@pytest.mark.parametrize(("summary", "allowed"), [
    ("Nvidia will supply chips to Korea.", True),
    ("Nvidia will supply 260,000 chips, a third of them this year.", False),  # fractions the parser reads
    ("Nvidia will supply one-third of the chips.", False),
    ("The deal runs one and a half years.", False),
    ("A quarter of the chips go to Samsung.", False),
    ("Huang came for a third time, in the third quarter.", True),  # ordinals and quarters are words
    ("A third-party firm will help, for a half-hour each day.", True),
    ("Half of them go to Samsung.", True),
])
def test_free_text_about_an_english_article_spells_no_fraction_the_parser_reads(summary, allowed):
    offer = _offer(CHIPS)
    assert offer.latin_words is None  # an English article: any Latin words, but no number the article lacks
    assert _decoder(offer).accepts(EN_ANSWER.replace("SUMMARY", summary)) is allowed
    if allowed:
        s = build_summary(find_candidates(CHIPS), to_answer(response_model(offer).model_validate_json(
            EN_ANSWER.replace("SUMMARY", summary)))).summary
        assert "text.number_not_in_source" not in {f.code for f in validate(CHIPS, s).findings}


@pytest.mark.parametrize(("change", "allowed"), [
    ({}, True),
    ({'"id":"q2"': '"id":"q9"'}, False),  # no such quotation
    ({'"speaker":"이재명"': '"speaker":"이재멍"'}, False),  # no such name
    ({'"id":"f5"': '"id":"f2"'}, False),  # a date, not a figure
    ({EVENT: '{"description":"접견","actors":["이재명"],"date":"2025-10-31","location":"경주","figure_ids":["f5"]}'},
     True),
    ({EVENT: '{"description":"접견","actors":[],"date":"2025-02-30","location":null,"figure_ids":[]}'},
     False),  # no such day
    ({EVENT: '{"description":"접견","actors":[],"date":"2019","location":null,"figure_ids":[]}'},
     False),  # not a year of the article's
    ({EVENT: '{"description":"접견","actors":[],"date":"2025-10-30","location":null,"figure_ids":[]}'},
     False),  # not a day the article names
    ({"도입 GPU": "GPU 26만장"}, False),  # a label says what a number counts, not the number
    ({"도입 GPU": "GPU와 AI"}, True),  # Latin words the article uses
    ({"도입 GPU": "The numbers the story is about"}, False),  # the prompt's English, copied
    ({"도입 GPU": "GPUs"}, False),  # only whole words of the article's
    ({'"part_of":null': '"part_of":"f5"'}, False),  # a figure is not a part of itself
    ({'"figures":[{"id":"f5","label":"도입 GPU","part_of":null}]':
      '"figures":[{"id":"f1","label":"GPU","part_of":null},{"id":"f5","label":"도입 GPU","part_of":"f1"}]'},
     True),  # a part of a figure offered before it
    ({'"figures":[{"id":"f5","label":"도입 GPU","part_of":null}]':
      '"figures":[{"id":"f1","label":"GPU","part_of":"f5"},{"id":"f5","label":"도입 GPU","part_of":null}]'},
     False),  # not of one offered after it (no cycle can form)
    ({EVENT: ""}, False),  # no event
    ({'"quotes":[{"id":"q2","speaker":"이재명"}]': '"quotes":[]'}, False),  # quotations offered, none picked
    ({'{"id":"f5","label":"도입 GPU","part_of":null}': ""}, False),  # numbers offered, none picked
    ({'"headline":"접견"': '"headline":""'}, False),  # an empty headline
])
def test_ids_names_and_dates_are_the_articles(change, allowed):
    offer = _offer(corpus("002"))
    answer = ANSWER.replace("HEAD", "접견").replace("SUMMARY", "엔비디아가 GPU를 공급한다.")
    for old, new in change.items():
        answer = answer.replace(old, new)
    assert _decoder(offer).accepts(answer) is allowed
    if allowed:
        assert json.loads(answer)  # and it is JSON in the answer's shape
        response_model(offer).model_validate_json(answer)


def test_an_offer_with_no_quotations_or_numbers_still_has_a_grammar():
    offer = Offer(names=find_candidates(corpus("002")).names[:3])
    decoder = Decoder(lark_grammar(offer), [])
    assert decoder.accepts('{"headline":"접견","figures":[],"quotes":[],"summary":"만났다.","events":[EVENT]}'
                           .replace("EVENT", EVENT))
    assert not decoder.accepts('{"headline":"접견","figures":[],"quotes":[],"summary":"2명이 만났다.","events":[EVENT]}'
                               .replace("EVENT", EVENT))


def test_the_grammar_is_the_same_in_every_process():
    # a request's body is matched when a cassette replays, and providers cache prompts by prefix
    code = ("from summarizer.model.grounded.grammar import lark_grammar; from summarizer.model.grounded import Offer; "
            "from summarizer.trust.grounded.candidates import find_candidates, number_forms; "
            "from support.corpus import corpus; c = find_candidates(corpus('002')); "
            "print(lark_grammar(Offer(names=c.names, number_forms=number_forms(c.numbers), years=(2025,))))")
    tests = os.pathsep.join([str(TESTS), str(ROOT)])
    out = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": tests}).stdout
           for seed in ("1", "2")}
    assert len(out) == 1
