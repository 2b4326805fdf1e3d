"""The article's sentences as candidates: spans of the article, page furniture cut off, titles and repeats left
out, long sentences also offered clause by clause, each with its figures, names and rank."""

import pytest

from summarizer.trust.article.furniture import is_furniture
from summarizer.trust.article.source import Source
from summarizer.trust.grounded.candidates import find_candidates
from summarizer.trust.grounded.passages import is_complete
from summarizer.trust.grounded.ranking import ranked
from support.corpus import corpus

ARTICLES = ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("n", ARTICLES)
def test_every_sentence_is_its_span_of_the_article_outside_page_furniture_and_offered_once(n):
    text = corpus(n)
    src = Source.of(text)
    c = find_candidates(text)
    assert c.sentences
    for s in c.sentences:
        assert text[s.start:s.end] == s.text and s.text == s.text.strip()
        assert not is_furniture(src, s.start, s.end) and is_complete(s.text)
        assert "\n" not in s.text  # a sentence never runs across a line
        assert all(c.number(f).start >= s.start and c.number(f).end <= s.end for f in s.figures)
    whole = [s.text for s in c.sentences if s.parent is None]
    assert len(whole) == len(set(whole))
    assert [s.position for s in c.sentences if s.parent is None] == list(range(len(whole)))


def test_a_byline_before_the_lead_is_cut_off_and_a_caption_run_into_a_paragraph_too():
    c000 = find_candidates(corpus("000"))
    assert c000.sentences[0].text == "한국이 인공지능(AI) 인프라 구축에서 핵심인 그래픽처리장치(GPU) 대량 확보에 성공했다."
    c004 = find_candidates(corpus("004"))
    assert c004.sentences[0].text == ("아시아태평양경제협력체(APEC) 정상회의에서 이재명 대통령이 경북 경주에서 각국 정상과 글로벌 기업인들을 잇달아 "
                                      "만나며 외교 성과를 거두자 인공지능(AI) 업계가 주목하고 있다.")


def test_titles_subheads_and_a_body_printed_twice_are_not_offered():
    text = corpus("004")
    c = find_candidates(text)
    texts = [s.text for s in c.sentences]
    assert not [t for t in texts if t.startswith("엔비디아 최신 GPU 26만장 확보") or t.startswith("조준희 \"정부와")]
    # the page prints its body twice: every sentence is offered at its first place
    assert all(text.index(s.text) == s.start for s in c.sentences)
    c000 = find_candidates(corpus("000"))
    assert not [s for s in c000.sentences if s.text.startswith("李대통령")]  # a subhead


def test_a_long_sentence_is_also_offered_clause_by_clause_outside_its_quotations():
    text = ("정부는 올해 안에 인공지능 반도체 연구소를 세우고 관련 인재 양성 사업을 전국으로 넓히기로 하며, "
            "내년부터는 민간 기업과 함께 새로운 대형 데이터센터 건설에 본격적으로 나서 지역 산업과 일자리를 함께 키우기로 했다.\n"
            "김 장관은 \"연구소를 세우고, 인재를 키우겠다\"고 말했다.\n")
    c = find_candidates(text)
    s1 = c.sentence("s1")
    assert s1.clauses == ("s1a", "s1b")
    assert [(p.text, p.parent) for p in map(c.sentence, s1.clauses)] == [
        ("정부는 올해 안에 인공지능 반도체 연구소를 세우고 관련 인재 양성 사업을 전국으로 넓히기로 하며", "s1"),
        ("내년부터는 민간 기업과 함께 새로운 대형 데이터센터 건설에 본격적으로 나서 지역 산업과 일자리를 함께 키우기로 했다.", "s1")]
    assert c.sentence("s2").clauses == ()  # short, and its comma is inside a quotation


def test_english_sentences_keep_abbreviations_and_are_cut_into_clauses():
    text = ("Nvidia will supply 260,000 chips to South Korea, the U.S. company said on Friday, and the government "
            "will take 50,000 of them for its own data centres over the next two years.\nMr. Huang met President "
            "Lee in Gyeongju. The deal is the largest of its kind.\n")
    c = find_candidates(text)
    assert [(s.id, s.text) for s in c.sentences if s.parent is None] == [
        ("s1", text.splitlines()[0]),
        ("s2", "Mr. Huang met President Lee in Gyeongju."),
        ("s3", "The deal is the largest of its kind.")]
    assert [p.text for p in map(c.sentence, c.sentence("s1").clauses)] == [
        "Nvidia will supply 260,000 chips to South Korea, the U.S. company said on Friday",
        "and the government will take 50,000 of them for its own data centres over the next two years."]


def test_sentences_are_ranked_by_position_centrality_figures_and_names():
    c = find_candidates(corpus("002"))
    best = [s.id for s in ranked(c.sentences)[:3]]
    assert best == ["s1", "s2", "s6"]
    s = c.sentence("s5")  # the sentence with the article's figure, 26만장 이상
    assert s.figures == ("f5",) and 0 < s.centrality <= 1 and s.score > c.sentence("s7").score
    assert max(x.centrality for x in c.sentences) == 1.0


def test_the_title_line_is_not_offered_as_a_sentence_even_where_it_reads_as_one():
    # a JSONL record's title put at the head of its text (trust.article.titles.with_title), written as a
    # sentence: the headline says it, and a summary that picked it would say it twice
    text = ("지카바이러스, 남성 생식능력도 저하시킨다\n\n"
            "소두증을 유발한다고 알려진 지카바이러스가 남성의 생식능력도 저하시킬 수 있다는 동물 실험 결과가 나왔다\n"
            "미 워싱턴대 의대 연구진은 수컷 쥐가 지카바이러스에 감염되면 고환 크기가 작아진다는 연구 결과를 발표했다\n")
    c = find_candidates(text)
    assert c.title == "지카바이러스, 남성 생식능력도 저하시킨다"
    assert [s.start for s in c.sentences if s.parent is None] == [text.index("소두증"), text.index("미 워싱턴대")]
