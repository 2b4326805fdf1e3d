"""Word lists for reading people and speech out of Korean and English news.

Pure data, kept apart from the code that uses it (``people``, ``attribution``,
``furniture``) so that a missing title or cue verb is a one-line change.
"""

from __future__ import annotations

import re

__all__ = [
    "CONTINUATIONS_EN", "NAME_WORD_EN", "SENTENCE_OPENERS_EN", "NOT_IN_GIVEN_NAMES_KO", "CONTINUATIONS_KO", "CUE_VERBS_EN", "CUE_VERB_KO_RE", "HANJA_SURNAMES", "HONORIFICS_EN",
    "NOT_NAMES_KO", "PARTICLE_RE", "PRONOUNS_EN", "QUOTATIVE_KO_RE", "SUBJECT_PARTICLES", "SURNAMES_KO",
    "TITLES_EN", "TITLES_KO", "TITLE_WORDS_RE", "COMPOUND_TITLES_RE", "alternation", "title_re",
]

# Titles and roles that follow a Korean name (이재명 대통령, 조준희 ...협회장, 황 CEO).
# A role word may end with one of them (한국인공지능·소프트웨어산업협회장, AI플랫폼혁신국장).
TITLES_KO = tuple(sorted(set((
    "대통령 총리 국무총리 장관 차관 의원 국회의원 대표 대표이사 회장 부회장 명예회장 의장 부의장 사장 부사장 "
    "최고경영자 최고기술책임자 최고재무책임자 CEO CFO CTO COO 창업자 공동창업자 창업주 협회장 국장 실장 처장 청장 "
    "원장 위원장 부위원장 센터장 본부장 단장 소장 팀장 부장 차장 과장 교수 연구원 연구위원 박사 변호사 대변인 "
    "기자 특파원 총재 부총재 총장 지사 도지사 시장 군수 구청장 대사 감독 선수 상무 전무 이사 이사장 수석 비서관 "
    "비서실장 분과장 앵커 여사 씨 애널리스트 이코노미스트 의원장 주석 국무장관 재무장관 상원의원 하원의원 "
    "행장 은행장 부행장 고문 전문위원 책임연구원 선임연구원 회장단 후보 당선인 당선자 대표님 사무총장 "
    "대사관 부대변인 정책실장 안보실장 경제수석 사무처장 학장 사무국장 지부장 검사 판사 총괄 사령관"
).split()), key=len, reverse=True))

# Titles that are also everyday nouns only as separate words (반도체 시장 is a market, 서울시장 a mayor).
_COMPOUND_ONLY = frozenset({"시장", "대사관", "회장단", "후보", "고문", "총괄", "검사"})


def alternation(words) -> str:
    """A regular expression matching any of ``words``, longest first, built as a trie so that the regex
    engine tries only the branches that start with the character at hand (a flat alternation of a hundred
    words is tried word by word at every position)."""
    trie: dict = {}
    for w in words:
        node = trie
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return "(?:" + emit(trie) + ")"


def title_re(extra: tuple[str, ...] = ()) -> str:
    """A pattern for one role word: optional leading letters, then a title at its end."""
    free = [t for t in TITLES_KO if t not in _COMPOUND_ONLY] + list(extra)
    return rf"(?:[가-힣A-Za-z0-9·]*{alternation(free)}|[가-힣A-Za-z0-9·]+{alternation(_COMPOUND_ONLY)})"


TITLE_WORDS_RE = alternation([t for t in TITLES_KO if t not in _COMPOUND_ONLY])
"""Just the titles (no leading letters), for finding where role words end."""
COMPOUND_TITLES_RE = alternation(_COMPOUND_ONLY)


# Common Korean surnames (one syllable), and the two-syllable ones.
SURNAMES_KO = frozenset(
    "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 남 심 노 하 곽 성 차 주 우 "
    "구 민 진 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 길 연 위 표 명 기 반 라 왕 금 옥 육 인 맹 제 "
    "모 탁 국 어 은 편 용 예 경 봉 사 부 가 복 태 목 형 피 두 감 음 빈 동 온 호 범 좌 팽 승 간 상 갈 견 당 화 창 "
    "남궁 황보 제갈 선우 독고 사공 서문 동방".split()
)
# Syllables that Korean given names do not use (they spell loanwords: 트럼프, 도널드, 설루션).
NOT_IN_GIVEN_NAMES_KO = frozenset("트 프 스 크 즈 르 브 드 그 츠 쓰 뜨 쁘 션 숀 셔 쳐 줘 뤄 쥬 츄 퓨 뷰 슈 튜 플 클 블 글 틱 픽 텍 벡".split())
# Hanja surnames as headlines write them (李대통령 is 이 대통령).
HANJA_SURNAMES = {"李": "이", "金": "김", "朴": "박", "崔": "최", "鄭": "정", "姜": "강", "趙": "조", "尹": "윤",
                  "張": "장", "林": "임", "韓": "한", "吳": "오", "徐": "서", "申": "신", "權": "권", "黃": "황",
                  "安": "안", "宋": "송", "柳": "류", "洪": "홍", "文": "문", "梁": "양", "孫": "손", "裵": "배",
                  "白": "백", "許": "허", "劉": "유", "全": "전", "高": "고", "盧": "노", "沈": "심", "河": "하",
                  "郭": "곽", "成": "성", "車": "차", "朱": "주", "禹": "우", "具": "구", "閔": "민", "秋": "추"}

# Words shaped like a name (a surname syllable and one or two more) that are everyday nouns.
NOT_NAMES_KO = frozenset((
    "정부 한국 미국 중국 일본 이번 이날 이어 이후 이미 이에 이와 이를 이는 이제 지난 전날 전국 전체 전년 최근 최대 "
    "최고 최초 최종 주요 국내 국회 국가 공공 공식 현지 현재 현장 대한 한편 우리 당초 당시 오늘 오는 양측 양국 각국 "
    "신임 전임 현직 전직 초대 방한 임시 명예 수석 차기 장기 단독 공동 부산 서울 경주 경북 경기 전남 전북 충남 충북 "
    "강원 제주 인천 대구 광주 대전 울산 세종 업계 기업 정상 정치 경제 사회 문화 고위 관계 관련 한국인 외국 해외 "
    "금융 증권 은행 여당 야당 정당 국민 시민 도민 구민 주민 대표 회장 사장 의장 장관 기자 국장 원장 부장 차장 "
    "과장 교수 박사 총리 지사 시장 감독 선수 상무 전무 이사 위원 소장 단장 실장 처장 청장 팀장 센터장 본부장 "
    "전문 연구 조사 조직 주최 주관 방문 만남 회담 회동 면담 접견 발표 발언 설명 강조 평가 반도체 인공지능 "
    "삼성 현대 엔비디아 네이버 카카오 하이닉스 두산 한화 효성 신세계 롯데 포스코 기아 동아 조선 중앙 한겨레 "
    "연합 뉴시스 모두 모든 일부 일각 양자 이같이 이같은 그는 그녀 그러면서 또한 아울러 특히 더욱 다만 반면 "
    "우선 당국 부처 정책 고용 노동 교육 보건 복지 외교 국방 통일 법무 행정 안전 산업 통상 자원 환경 "
    "국토 교통 해양 수산 중소 벤처 기획 재정 과학 기술 정보 통신 방송 여성 가족 문화체육 체육 관광 농림 축산"
).split())

# Particles after a noun: subject/topic ones make the noun the one who speaks.
SUBJECT_PARTICLES = ("께서는", "께서", "은", "는", "이", "가", "도")
PARTICLE_RE = re.compile(alternation(
    "께서는 께서 에게서 에게는 에게 에서는 에서 으로서 으로 로서 로 와는 과는 와 과 은 는 이 가 을 를 의 도 만 께 에 "
    "이라며 라며 이라고 라고 이자 이며 이고 처럼 보다 부터 까지 마저 조차 이나 나".split()
))

# Korean: a quotative ending right after the closing mark (“...”라며, “...”고, “...”이라고).
QUOTATIVE_KO_RE = re.compile(r"(?:이?라고|이?라며|이?라면서|이?라는|이?란|고|며|면서|라|이라|하고|하며)(?=\s|$|[,.])")
# Korean speech verbs that tie a sentence's subject to its quotation.
CUE_VERB_KO_RE = re.compile(
    r"(?:말했|말한|말하|밝혔|밝힌|밝히|강조했|강조한|강조하|덧붙였|덧붙이|설명했|설명한|평가했|평가한|전했|전한|주장했|주장한|"
    r"지적했|지적한|답했|답한|답하|화답했|당부했|소개했|관측했|마무리했|반색했|천명했|천명한|언급했|언급한|물었|촉구했|"
    r"약속했|예고했|예고한|강조하기도|우려했|토로했|호소했|역설했|단언했|확신했|제안했|요청했|반박했|해명했|시사했|"
    r"내다봤|전망했|말문을|운을|부각하기도|부각했|감사를|소감을|했|하자|한다며|했다)"
    r"[가-힣]*"
)
CONTINUATIONS_KO = ("그는", "그녀는", "그는", "이어", "또한", "또", "그러면서도", "그러면서", "아울러", "이와 함께", "덧붙여",
                    "특히", "이에 대해", "그러나", "다만")

CUE_VERBS_EN = ("said", "says", "told", "tells", "added", "adds", "stated", "explained", "noted", "argued", "warned",
                "wrote", "asked", "replied", "insisted", "claimed", "declared", "announced", "remarked", "recalled",
                "continued", "concluded", "stressed", "emphasised", "emphasized", "urged", "admitted", "predicted",
                "tweeted", "tweets", "writes", "responded", "answered", "acknowledged", "conceded", "countered",
                "cautioned", "complained", "joked", "quipped", "observed", "testified", "shouted", "yelled",
                "interjected", "exclaimed", "boasted", "recounted", "mused", "responds", "went on", "goes on")
# Capitalised words that open a sentence and never start a name ("Now Brazile said", "But Huang told"): a run of
# capitalised words after one of them is the name without it.
SENTENCE_OPENERS_EN = frozenset(
    "Now But Then Still Meanwhile Yet So And Or Nor Neither Even Also However Instead Indeed Later Earlier Today "
    "Yesterday Tonight Last Next Since Until Although Though Because Whether Once Here There Where What Why How Who "
    "Does Did Do Had Has Have Is Was Were Are Will Would Could Should Can May Might Must Let See Say Says Said Asked "
    "Told Like Unlike Under Over Without Within Despite Among Across Through Thus Hence Besides Moreover Afterward "
    "Afterwards Finally First Second Third Like Not No Yes Oh Well Sure Dear Thanks Hey Hi Unless Whereas Every Each "
    "Both Either Many Most Some Several Few All Any Only Just Even Ever Never Always Perhaps Maybe Clearly Obviously "
    "Surely Certainly Ultimately Initially Originally Currently Recently Previously Eventually Apparently Regardless "
    "Speaking Asked Describing Calling Noting Saying Adding Responding Referring Pointing Citing Writing Tweeting "
    "Reached Contacted Reacting Meanwhile Notably Importantly Still Similarly Likewise Otherwise Elsewhere "
    "To Of For From By With Into Onto About Against Between Behind Beyond During Toward Towards Upon".split()
)
# One capitalised word of an English name: Huang, McCain, DeSantis, VanderSloot, O’Donnell, Jae-myung; not the
# possessive ("Ryan’s agenda" names Ryan).
NAME_WORD_EN = r"(?:[A-Z]['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'’](?!s\b)[A-Za-z]+)*"
PRONOUNS_EN = ("he", "she", "they", "He", "She", "They")
CONTINUATIONS_EN = ("He", "She", "They", "he", "she", "they", "added", "Added", "also", "Also")
HONORIFICS_EN = ("Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Prof.", "Sir", "Dame")
TITLES_EN = (
    "President", "Prime Minister", "Minister", "Senator", "Governor", "Chancellor", "Secretary", "Mayor", "Chairman",
    "Chairwoman", "Chair", "Chief Executive", "CEO", "Director", "Professor", "General", "Judge", "Ambassador",
    "Spokesman", "Spokeswoman", "Spokesperson", "Representative", "Rep.", "Sen.", "Gov.", "Vice President", "Speaker",
    "Imam", "Rabbi", "Pastor", "Bishop", "Archbishop", "Cardinal", "Sheikh", "Rev.",
)
