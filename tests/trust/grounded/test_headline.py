"""The headline: the input's title, else the article's own title line, else its lead, never cut mid-word."""

import pytest

from summarizer.trust.grounded.candidates import find_candidates
from summarizer.trust.grounded.headline import HEADLINE_CHARS, headline
from support.corpus import corpus


@pytest.mark.parametrize(("n", "title"), [
    ("000", None),  # opens with its lead, a byline before it
    ("001", "한국-엔비디아 ‘AI 동맹’… GPU 26만개 공급, ‘피지컬 AI’ 전방위 협력"),  # after a masthead and an issue number
    ("002", '이재명 젠슨 황 만나 엔비디아 GPU 26만장 확보, "아태 AI 수도로 거듭날 것"'),  # after a masthead and a section
    ("003", None),
    ("004", "엔비디아 최신 GPU 26만장 확보…'AI 3대 강국' 도약 발판 마련"),
])
def test_the_title_line_of_a_scraped_page_is_found_and_a_page_that_opens_with_its_lead_has_none(n, title):
    c = find_candidates(corpus(n))
    assert c.title == title
    if title is not None:
        assert corpus(n)[c.title_span[0]:c.title_span[1]] == title and headline(c) == title


def test_a_title_the_input_gives_comes_first():
    c = find_candidates(corpus("004"))
    assert headline(c, "엔비디아,\n GPU 26만장  공급") == "엔비디아, GPU 26만장 공급"
    assert headline(c, "  ") == "엔비디아 최신 GPU 26만장 확보…'AI 3대 강국' 도약 발판 마련"


def test_a_markdown_heading_is_the_title_without_its_marks():
    text = "# 엔비디아, 한국에 GPU 26만장 공급\n\n엔비디아가 한국 정부와 기업에 GPU 26만장을 공급한다고 31일 밝혔다.\n"
    assert headline(find_candidates(text)) == "엔비디아, 한국에 GPU 26만장 공급"


def test_with_no_title_the_lead_is_the_headline_cut_only_at_a_clause_or_a_word():
    short = find_candidates(corpus("000"))
    assert headline(short) == "한국이 인공지능(AI) 인프라 구축에서 핵심인 그래픽처리장치(GPU) 대량 확보에 성공했다."
    text = corpus("003")
    long = headline(find_candidates(text))
    assert long == ("'아시아태평양경제협력체(APEC)' 의장국 정상으로 나선 이재명 대통령이 경북 경주에서 각국 리더들과 굵직한 만남을 "
                    "이어가며 좋은 성과를 이뤄내자…")
    assert len(long) <= HEADLINE_CHARS + 1 and text[text.index(long[:-1]) + len(long) - 1] == " "  # a word's end
    clause = ("정부는 올해 안에 인공지능 반도체 연구소를 세우고 관련 인재 양성 사업을 전국으로 넓히기로 하며, "
              "내년부터는 민간 기업과 함께 새로운 대형 데이터센터 건설에 본격적으로 나서 지역 산업과 일자리를 함께 키우기로 했다.\n")
    assert headline(find_candidates(clause)) == "정부는 올해 안에 인공지능 반도체 연구소를 세우고 관련 인재 양성 사업을 전국으로 넓히기로 하며"
