"""Sentences as spans of the text, Korean news and English."""

from summarizer.trust.words import sentences
from support.corpus import corpus


def _texts(text):
    found = sentences(text)
    assert all(text[s.start:s.end] == s.text for s in found)
    return [s.text for s in found]


def test_korean_news_sentences_keep_their_quotations_and_break_at_lines():
    text = ('[메가시티뉴스 정 원 기자] 한국이 GPU 대량 확보에 성공했다. 이는 5만장의 다섯 배가 넘는 규모다.\n'
            '이 대통령은 "AI 3대 강국과 AI 기본사회를 바탕으로 기여할 것"이라고 밝혔다. 이어 "함께 만들어 가길 기대한다"고 말했다.')
    assert _texts(text) == [
        "[메가시티뉴스 정 원 기자] 한국이 GPU 대량 확보에 성공했다.",
        "이는 5만장의 다섯 배가 넘는 규모다.",
        '이 대통령은 "AI 3대 강국과 AI 기본사회를 바탕으로 기여할 것"이라고 밝혔다.',
        '이어 "함께 만들어 가길 기대한다"고 말했다.',
    ]


def test_english_sentences_keep_abbreviations_initials_and_decimals_whole():
    text = ('Mr. Smith, the U.S. envoy, pled guilty on Jan. 5. He said 3.5 million people were not affected.\n'
            '"We will appeal," J. R. Jones said. Was it fair? Nobody knows!')
    assert _texts(text) == [
        "Mr. Smith, the U.S. envoy, pled guilty on Jan. 5.",
        "He said 3.5 million people were not affected.",
        '"We will appeal," J. R. Jones said.',
        "Was it fair?",
        "Nobody knows!",
    ]


def test_a_bundled_article_is_cut_into_sentences_that_cover_its_lines():
    text = corpus("004")
    found = sentences(text)
    assert len(found) > 10
    covered = sum(s.end - s.start for s in found)
    assert covered >= 0.95 * len("".join(text.split("\n")).strip())
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
