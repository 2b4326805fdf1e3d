"""Page furniture: found on every bundled article, and no article paragraph swallowed (both ways)."""

import pytest

from summarizer.trust.article.furniture import KINDS, furniture, is_furniture
from summarizer.trust.article.source import Source
from support.corpus import corpus
from support.speakers import article, english, truth

REPORTER_BIO = "안녕하세요. 주간동아 김우정 기자입니다. 정치, 산업, 부동산 등 여러분이 궁금한 모든 이슈를 취재합니다."
CAPTION_001A = ("이재명 대통령(오른쪽)과 젠슨 황 엔비디아 최고경영자(CEO)가 10월 31일 아시아태평양경제협력체(APEC) 정상회의가 열리는 "
                "경북 경주 화백컨벤션센터에서 만나 악수하고 있다. 대통령실통신사진기자단")
CAPTION_001B = ("이재명 대통령이 10월 31일 젠슨 황 엔비디아 CEO와의 접견에 앞서 참석자들과 기념촬영을 하고 있다. 왼쪽부터 이해진 네이버 "
                "의장, 최태원 SK그룹 회장, 젠슨 황 CEO, 이 대통령, 이재용 삼성전자 회장, 정의선 현대차그룹 회장. 송은석 동아일보 기자")
PROMO_001 = ("*유튜브와 포털에서 각각 ‘매거진동아’와 ‘투벤저스’를 검색해 팔로잉하시면 기사 외에도 동영상 등 다채로운 투자 정보를 "
             "만나보실 수 있습니다.")

# Every piece of furniture in the five bundled articles, as (kind, text): anything else is the article.
EXPECTED = {
    "000": [("byline", "[메가시티뉴스 정 원 기자] ")],
    "001": [
        ("nav", "주간동아 1512"), ("nav", ".."), ("byline", "  • reporterImage"), ("byline", "    김우정 기자"),
        ("byline", "    friend@donga.com"), ("byline", "    입력2025-10-31 17:10:25"), ("share", "  • 글자크기 설정 닫기"),
        ("caption", "    " + CAPTION_001A), ("caption", "    " + CAPTION_001A), ("caption", "    " + CAPTION_001B),
        ("caption", "    " + CAPTION_001B), ("nav", "    " + PROMO_001), ("byline", "    김우정 기자"),
        ("byline", "    김우정 기자"), ("byline", "    " + REPORTER_BIO),
        ("related", "    삼성전자, 두 번 접는 갤럭시Z 트라이폴드 공개"),
        ("related", "    [오늘의 급등주] 에임드바이오, 코스닥 상장 첫날 ‘따따블’ 기록"),
        ("comments", "    댓글 0"), ("comments", "    닫기"),
    ],
    "002": [
        ("nav", "Cjournal"), ("nav", "2025금융포럼"), ("nav", "정치·사회\xa0 정치"),
        ("byline", "조성근 기자\xa0josg@businesspost.co.kr 2025-10-31\xa015:44:33"), ("share", "확대 축소"),
        ("share", "공유하기"),
        ("share", "페이스북 공유하기 X 공유하기 네이버 공유하기 카카오톡 공유하기 유튜브 공유하기 url 공유하기 인쇄하기"),
        ("byline", "[비즈니스포스트] "),
        ("related", "<a href='https://www.businesspost.co.kr/BP?command=article_view&num=397772' class='human_link' "
                    "style='text-decoration:underline' target='_blank'>이재명</a> 젠슨 황 만나 엔비디아 GPU 26만장 확보, "
                    "\"아태 AI 수도로 거듭날 것\""),
        ("caption", "이재명\xa0대통령과 젠슨 황 엔비디아 최고경영자가 31일 APEC 정상회의장인 경북 경주화백컨벤션센터에서 면담 전 "
                    "악수하고 있다. <연합뉴스>"),
        ("byline", " 조성근 기자"),
        ("related", "최신기사"),
        ("related", "이재명 APEC 만찬 건배사, \"목소리 어우러져 만파식적 선율로 거듭날 것\""),
        ("related", "시진핑 다카이치 중일 정상회담 마무리, '전략적 호혜관계' 원칙 확인에 그쳐"),
        ("related", "[현장] 엔비디아 젠슨 황 간담회, \"삼성전자 SK하이닉스와 HBM97까지 협력 확신\""),
        ("related", "'대장동 비리' 김만배 유동규 기소 4년 만에 1심 선고, 징역 8년 및 법정구속"),
        ("related", "이마트24 적자 속 가맹점 부담 끌어안다, 최진일 저수익 점포까지 정률제 카드 꺼내"),
        ("related", "[BP금융포럼 in 하노이 프롤로그⑤] 베트남시장의 명과 암 \"금융의 동남아 전초기지,.."),
        ("related", "신한투자 \"골프존 해외부문 성장 지속, 국내는 기초 체력 확인\""),
        ("related", "[현장] 엔비디아 젠슨 황 'AI 파트너'로 한국 점찍어, 삼성 SK 현대차 네이버와 .."),
        ("related", "코스피 기관 매수세에 4100선 상승 마감, 원/달러 환율 1424.4원 마감"),  # the ticker, in the list
        ("related", "테슬라 중국에서 '로보택시' 전용 차량 선보인다, 아시아태평양 지역 최초"),
        ("related", "Cjournal"),
        ("comments", "댓글 (0)"),
        ("comments", "  • - 200자까지 쓰실 수 있습니다. (현재 0 byte / 최대 400byte)"),
        ("comments", "  • - 저작권 등 다른 사람의 권리를 침해하거나 명예를 훼손하는 댓글은 관련 법률에 의해 제재를 받을 수 있습니다."),
        ("comments", "  • - 타인에게 불쾌감을 주는 욕설 등 비하하는 단어가 내용에 포함되거나 인신공격성 글은 관리자의 판단에 의해 삭제 "
                     "합니다."),
    ],
    "003": [("byline", " date 2025-11-01 ")],
    "004": [
        ("caption", "[경주=뉴시스] 최동준 기자 = 이재명 대통령이 31일 APEC 정상회의 장소인 경북 경주화백컨벤션센터에서 젠슨 황 "
                    "엔비디아 최고경영자와 악수하고 있다. (사진=대통령실 제공) 2025.10.31. photo@newsis.com *재판매 및 DB 금지"),
        ("byline", "[서울=뉴시스]윤현성 기자 = "),
        ("caption", "[서울=뉴시스] 젠슨 황 엔비디아 CEO는 '블랙웰' 등 자사의 차세대 GPU 26만 장을 한국 정부 및 기업들에 우선 "
                    "공급한다고 31일 밝혔다. 당초 정부는 AI(인공지능) 컴퓨팅 강화를 위해 올해 말까지 GPU 1만 장, 2028년 5만 장, "
                    "2030년 20만 장 이상 확보를 목표로 삼았다. 이 목표를 10만장 이상 웃돌게 됐다. (그래픽=안지혜 기자)  "
                    "hokma@newsis.com"),
        ("comments", "댓글목록"), ("comments", "등록된 댓글이 없습니다."),
    ],
}


@pytest.mark.parametrize("n", sorted(EXPECTED))
def test_furniture_of_every_bundled_article_and_nothing_else(n):
    text = corpus(n)
    found = furniture(Source(text))
    assert [(kind, text[s:e]) for s, e, kind in found] == EXPECTED[n]
    assert all(kind in KINDS for _, _, kind in found)
    assert found == sorted(found) and all(a[1] <= b[0] for a, b in zip(found, found[1:]))


@pytest.mark.parametrize("n", sorted(EXPECTED))
def test_no_quotation_or_article_paragraph_is_taken_for_furniture(n):
    text = corpus(n)
    src = Source(text)
    quotes = truth()[n]["quotes"]
    assert quotes
    for quote, _speaker in quotes:
        at = text.index(quote)
        assert not is_furniture(src, at, at + len(quote)), quote
    # every line that reads as article prose (a sentence ending in 다.) keeps its sentences
    for line in text.splitlines():
        if line.rstrip().endswith("다.") and len(line) > 80 and "기자입니다" not in line and "있습니다" not in line:
            start = text.index(line)
            assert not is_furniture(src, start + len(line) - 40, start + len(line)), line


def test_a_figure_in_a_list_of_other_headlines_is_furniture():
    text = corpus("002")
    at = text.index("1424.4원")
    src = Source(text)
    assert is_furniture(src, at, at + len("1424.4원"))
    assert furniture(src) is furniture(src)  # worked out once an article
    at = text.index("26만장 이상")
    assert not is_furniture(src, at, at + 6)


def test_english_page_furniture():
    text = english("en-bridge")
    assert [(k, text[s:e]) for s, e, k in furniture(Source(text))] == [
        ("byline", "By Sam Reed"), ("share", "Share this article"), ("related", "Related stories"),
        ("related", "Council approves new bus lanes on Fifth Avenue"),
        ("related", "Riverside bridge repairs to cost $4m, report says"), ("comments", "Comments (3)"),
    ]


def test_words_that_furniture_uses_do_not_make_article_lines_furniture():
    text = ("댓글 조작 의혹을 받는 김모 씨는 31일 기자회견을 열고 \"사실이 아니다\"라고 주장했다. 관련 기사가 이어졌다.\n"
            "공유 경제 기업들은 인쇄 비용을 줄이려고 종이 영수증을 없앴다고 밝혔다. 업계는 반겼다.\n"
            "Share prices fell 3% on Friday after the company said it would cut 1,200 jobs in Europe.\n")
    assert furniture(Source(text)) == []


def test_is_furniture_over_adjacent_pieces():
    src = Source(article("004"))
    caption, byline = furniture(src)[0], furniture(src)[1]
    assert caption[1] == byline[0]
    assert is_furniture(src, caption[0], byline[1])
    assert not is_furniture(src, caption[0], byline[1] + 5)
