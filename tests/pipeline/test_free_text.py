"""Free text over an endpoint: the model writes the summary, and is offered the article's candidates to write with.

The candidates are grounded mode's (one source: ``trust.grounded``, cut by ``pipeline.grounded.offers``),
offered before the article within ``WRITING_BUDGET``; the embedded model's free-text prompt offers none.
"""

import re

from summarizer import Settings, Summarizer
from summarizer.pipeline.free_text import WRITING_BUDGET, FreeText
from summarizer.trust.grounded.candidates import find_candidates
from summarizer.trust.grounded.choose import figure_order
from summarizer.trust.grounded.ranking import ranked
from support.completions import Script, completion, sync_client
from support.corpus import SHORT, corpus, fixture_summary

ENDPOINT = Settings(base_url="http://endpoint.test/v1", api_key="sk-test", model="test-model")
A004 = corpus("004")
TITLE = "엔비디아 최신 GPU 26만장 확보"


def _ask(messages) -> str:
    return messages[-1]["content"]


def test_an_endpoint_is_offered_the_title_best_sentences_and_numbers_with_their_labels_before_the_article():
    (round_,) = FreeText(ENDPOINT).rounds(A004, TITLE)
    ask = _ask(round_.first())
    head, article = ask.split("Article:\n")
    assert article == A004  # the article last, whole
    c = find_candidates(A004)
    sentences = re.findall(r"^(s\d+) ", head, re.MULTILINE)
    numbers = re.findall(r"^(f\d+) ", head, re.MULTILINE)
    # the same candidates grounded mode offers, best first, as many as the budget holds
    assert sentences == [s.id for s in ranked(c.sentences)][:len(sentences)] and 3 <= len(sentences) <= 10
    assert numbers == [n.id for n in figure_order(c)][:len(numbers)] and 3 <= len(numbers) <= 10
    assert head.startswith(f"The article's title: {TITLE}\n\n")
    # a number as written, its value, unit and qualifier as the parser reads them, and its label candidates' words
    f3 = next(n for n in c.numbers if n.id == "f3")
    labels = " | ".join(x.text for x in c.labels_of("f3"))
    assert f"\nf3 26만장 = 260000 장, at_least: {labels}\n" in head and f3.text == "26만장"
    # the worked example is offered its own candidates the same way
    assert "best first:\ns1 " in round_.first()[1]["content"]


def test_what_is_offered_is_bounded_on_a_long_article_and_each_window_offers_its_own():
    text = "\n".join(corpus(n) for n in ("000", "001", "002", "003", "004"))
    rounds = FreeText(ENDPOINT.with_(context_tokens=6000)).rounds(text)
    assert len(rounds) > 1
    offered = []
    c = find_candidates(text)
    for r in rounds:
        head = _ask(r.first()).split("Article:\n")[0]
        ids = re.findall(r"^([sf]\d+) ", head, re.MULTILINE)
        assert sum(i[0] == "s" for i in ids) <= WRITING_BUDGET.sentences
        assert sum(i[0] == "f" for i in ids) <= WRITING_BUDGET.figures
        for i in ids:  # the ids of the whole article, each standing in its window (windows overlap)
            span = next(x for x in (*c.sentences, *c.numbers) if x.id == i)
            assert text[span.start:span.end] in r.text
        offered.append(set(ids))
    assert len(set.union(*offered)) > max(map(len, offered))  # each window its own (a window of furniture: none)


def test_the_embedded_model_is_offered_nothing_and_a_prompt_can_be_chosen():
    (plain,) = FreeText(Settings(answer="free-text")).rounds(SHORT, "제목")
    assert plain.prompts.version == "summarize/v1"
    assert _ask(plain.first()) == f"Article:\n{SHORT}"
    (chosen,) = FreeText(ENDPOINT.with_(prompt="summarize/v1")).rounds(SHORT)
    assert _ask(chosen.first()) == f"Article:\n{SHORT}"


def test_a_reask_offers_the_same_candidates_and_the_words_it_writes_are_checked():
    answer = fixture_summary("004").model_dump_json()
    broken = answer.replace("26만장", "27만장", 1)
    script = Script(completion(broken), completion(answer))
    client = sync_client(script)
    result = Summarizer(ENDPOINT, client=client, sleep=lambda s: None).summarize(A004, TITLE)
    first, again = (r["messages"] for r in script.requests)
    assert again[:len(first)] == first  # the same request, candidates and all, then the answer and its findings
    assert result.prompt_version == "summarize/v2" and result.attempts[0].outcome == "rejected"
    assert (result.made_by, result.model) == ("model", "test-model")


def test_a_client_handed_in_is_an_endpoint_and_is_offered_the_candidates():
    script = Script(completion(fixture_summary("004").model_dump_json()))
    Summarizer(Settings(), client=sync_client(script), sleep=lambda s: None).summarize(A004)
    assert "best first:\ns" in script.requests[0]["messages"][-1]["content"]
