"""Grounded mode in the ask/check/re-ask loop, against scripted endpoints (handwritten answers, fixtures).

What a user sees: the model picks by id, the summary carries the article's own
words and numbers, a finding is asked again as what was picked, the embedded
model (only it) is sent the grammar, and what a model is not asked to pick
code picks.
"""

import json

import httpx2
import pytest

from summarizer import Settings, Summarizer
from summarizer.contract.errors import UsageError
from summarizer.model.grounded.schema import Limits, Offer, enum_size, fits_endpoint
from summarizer.pipeline.grounded.kind import ENDPOINT_BUDGET, Grounded
from summarizer.pipeline.grounded.offers import make_offer
from summarizer.trust.grounded.candidates import find_candidates
from support.completions import Script, sync_client, tool_answer
from support.corpus import corpus

A004 = corpus("004")
ENDPOINT_SETTINGS = Settings(base_url="http://endpoint.test/v1", api_key="sk-test", model="test-model",
                             answer="grounded")


def picks(**changes) -> str:
    answer = {
        "summary": ["s2", "s4", "s5"],
        "events": ["s2"],
        "figures": [{"id": "f3", "label": "f3a", "part_of": None}, {"id": "f9", "label": "f9a", "part_of": None}],
        "quotes": [{"id": "q3", "speaker": "조준희"}],
    }
    return json.dumps({**answer, **changes}, ensure_ascii=False)


def reply(arguments: str) -> httpx2.Response:
    return httpx2.Response(200, json=tool_answer(arguments, tool="GroundedAnswer", prompt=900, answer=120))


def run(script: Script, settings: Settings = ENDPOINT_SETTINGS, text: str = A004):
    result = Summarizer(settings, client=sync_client(script), sleep=lambda s: None).summarize(text)
    assert not script.steps, "the script was not played to its end"
    return result


def test_picks_become_a_summary_of_the_articles_own_words_and_numbers():
    script = Script(reply(picks()))
    result = run(script)
    assert result.prompt_version == "grounded/v2"
    assert result.status in ("verified", "flagged") and not result.report.errors
    s = result.summary
    assert s.headline == "엔비디아 최신 GPU 26만장 확보…'AI 3대 강국' 도약 발판 마련"  # the article's title line
    c = find_candidates(A004)
    assert s.summary == " ".join(c.sentence(i).text for i in ("s2", "s4", "s5"))  # the picks, copied
    assert [e.description for e in s.events] == [
        "특히 APEC 정상회의 기간 정부는 엔비디아 및 국내 주요 기업과 협력을 공식화하며 최신 GPU(그래픽처리장치) 26만장 이상을 확보했다."]
    (quote,) = s.quotes
    assert A004.count(quote.text) >= 1 and quote.text.startswith("정상회의 기간에 정부와 삼성")
    assert (quote.speaker, quote.speaker_role) == ("조준희", "한국인공지능·소프트웨어산업협회장")
    assert [(f.id, f.label, f.text, f.value, f.qualifier, f.part_of) for f in s.figures] == [
        ("f3", "최신 GPU(그래픽처리장치)", "26만장", 260000, "at_least", None),
        ("f9", "공공 부문", "5만장", 50000, "approx", None)]
    assert [(q.match, q.speaker_match) for q in result.report.quotes] == [("exact", "attributed")]
    # the request: ids and names as enums; an endpoint sees the whole article and no grammar
    (request,) = script.requests
    schema = request["tools"][0]["function"]["parameters"]
    enums = {name: d["enum"] for name, d in schema["$defs"].items() if "enum" in d}
    assert {"q3", "q5"} <= set(enums["QuoteId"]) and "f3" in enums["FigureId"] and "조준희" in enums["Name"]
    assert {"s2", "s4", "s5"} <= set(enums["SentenceId"]) and {"f3a", "f9a"} <= set(enums["LabelId"])
    assert "grammar" not in request
    assert "헌신적인 노력과 국가적인 성취에 산업을 대표해 머리숙여 감사드린다" in request["messages"][-1]["content"]


def test_a_finding_is_asked_again_as_what_was_picked():
    wrong = picks(figures=[{"id": "f3", "label": "f3a", "part_of": "f9"},
                           {"id": "f9", "label": "f9a", "part_of": "f3"}])  # each a part of the other
    script = Script(reply(wrong), reply(picks()))
    result = run(script)
    assert [(a.kind, a.outcome) for a in result.attempts] == [("ask", "rejected"), ("reask", "verified")]
    ask, reask = script.requests
    assert reask["messages"][:-2] == ask["messages"]  # the same request, the last answer, its findings
    assert json.loads(reask["messages"][-2]["content"]) == json.loads(wrong)
    findings = reask["messages"][-1]["content"]
    assert "- figure f3 part_of: part_of links form a cycle (f3 -> f9 -> f3)." in findings


def test_an_id_that_was_not_offered_does_not_fit_and_is_asked_again():
    script = Script(reply(picks(quotes=[{"id": "q999", "speaker": "조준희"}])), reply(picks()))
    result = run(script)
    assert [(a.kind, a.outcome) for a in result.attempts] == [("ask", "invalid"), ("reask", "verified")]
    assert "does not fit the JSON asked for" in script.requests[1]["messages"][-1]["content"]


def test_the_embedded_model_is_sent_the_grammar_and_only_the_opening():
    settings = Settings(answer="grounded", grounded_picks=("summary", "events", "figures", "labels", "quotes"))
    answer = picks(figures=[{"id": "f3", "label": "f3a"}], quotes=[{"id": "q2"}])
    script = Script(reply(answer))
    # the embedded model's settings, its client replaced by the script: a client is an endpoint, which gets free
    # text unless grounded answers are asked for
    result = run(script, settings)
    assert result.status == "verified"
    (request,) = script.requests
    assert request["grammar"].startswith("%llguidance")
    assert 'QID: ("\\"q2\\"")' in request["grammar"]
    user = request["messages"][-1]["content"]
    assert user.startswith("The article (its opening lines):\n엔비디아 최신 GPU 26만장 확보")
    assert "머리숙여 감사드린다" not in user  # not the whole article: its sentences and quotations are listed instead
    assert "\ns2 특히 APEC 정상회의 기간 정부는" in user and "\nf9 5만장: f9a 공공 부문" in user
    assert "q2 조준희: 정부와 주요 대기업 경영인들이" in user and "Names:" not in user


def test_free_text_stays_the_default_for_an_endpoint_and_grounded_for_the_embedded_model():
    assert (Settings().grounded, Settings(base_url="http://x/v1").grounded) == (True, False)
    assert Settings(base_url="http://x/v1", answer="grounded").grounded
    assert not Settings(answer="free-text").grounded
    # a client handed in is an endpoint too (summarize(text, client=openai.OpenAI(...))): free text by default
    client = sync_client(Script())
    assert type(Summarizer(Settings(), client=client).kind).__name__ == "FreeText"
    assert type(Summarizer(Settings(answer="grounded"), client=client).kind) is Grounded
    with pytest.raises(UsageError, match="unknown answer 'picks'; use one of grounded, free-text"):
        Settings(answer="picks")
    assert Settings.from_env({"SUMMARIZER_ANSWER": "free-text"}).answer == "free-text"
    # a grounded answer and a free-text one are not the same result: a rerun does not mistake one for the other
    assert Settings(answer="grounded").fingerprint() != Settings(answer="free-text").fingerprint()


def test_a_long_article_is_offered_in_windows_with_the_ids_and_offsets_of_the_whole():
    text = "\n".join(corpus(n) for n in ("000", "001", "002", "003", "004"))
    picks = ("summary", "events", "figures", "labels", "quotes")
    rounds = Grounded(Settings(answer="grounded", context_tokens=3072, grounded_picks=picks)).rounds(text)
    assert len(rounds) > 1
    seen: set[str] = set()
    for r in rounds:
        ids = {*r.offer.quote_ids, *r.offer.figure_ids, *r.offer.sentence_ids}
        assert not ids & seen  # every id is offered once, in the window it stands in
        seen |= ids
        for q in r.offer.quotes:
            assert text[q.start:q.end] == q.text
        for n in [*r.offer.figures, *r.offer.sentences, *r.offer.labels]:
            assert text[n.start:n.end] == n.text
    everything = find_candidates(text)
    assert {q.id for q in everything.quotes} >= {i for i in seen if i.startswith("q")}


def test_an_endpoint_offer_stays_within_openais_enum_limits():
    # 1,200 short quotations and numbers: more than one schema may hold
    text = "\n".join(f'김{i % 7}씨는 "{i}번째 발언이다"라고 말했다. 사과 {i + 1}만개가 팔렸다.' for i in range(600))
    candidates = find_candidates(text)
    assert enum_size(Offer(quotes=candidates.quotes, figures=candidates.figures, names=candidates.names))[0] > 1000
    offer = make_offer(text, candidates, 0, len(text), ENDPOINT_BUDGET, Limits(), endpoint_limits=True)
    assert fits_endpoint(offer) and offer.quotes and offer.figures


def test_with_nothing_to_ask_a_long_article_is_one_round_and_no_request():
    text = "\n".join(corpus(n) for n in ("000", "001", "002", "003", "004"))
    # the embedded model's default: code picks everything (a client handed in is an endpoint unless grounded is asked)
    settings = Settings(context_tokens=3072, answer="grounded")
    (round_,) = Grounded(settings).rounds(text)
    script = Script()
    result = run(script, settings, text)
    assert (result.attempts, result.usage.total_tokens, script.requests) == ([], 0, [])
    assert result.status == "verified" and result.windows == 1
    # no request went to a model: the result names none, and says code alone made it
    assert (result.made_by, result.model, result.base_url) == ("code", None, None)


def test_offline_a_title_the_text_writes_is_the_headline_and_one_it_does_not_write_is_not_taken():
    text = ("The city council approved a plan on Monday to replace the old Elm Street crossing. The project will "
            "cost $45 million and take four years, officials said.")
    summarizer = Summarizer(Settings())  # offline: code alone
    taken = summarizer.summarize("Council backs Elm Street crossing\n\n" + text, "Council backs Elm Street crossing")
    assert taken.summary.headline == "Council backs Elm Street crossing" and taken.status == "verified"
    # a headline the checks could not back would turn code's own summary down: the lead stands instead
    lacking = summarizer.summarize(text, "Mayor pledges new bridge by 2028")
    assert lacking.summary.headline.startswith("The city council approved") and lacking.status == "verified"
