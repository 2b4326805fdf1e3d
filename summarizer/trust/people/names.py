"""The organisations and places an article names (who its people are is ``persons``).

Grounded mode offers them as candidates; the support checks take an event's
actors and places from them. They are read without a model, in time linear in
the article, once an article (``src.cached``):

- an organisation is a word a person's role puts before their title
  (엔비디아 in 젠슨 황 엔비디아 최고경영자, 삼성전자 in 이재용 삼성전자 회장), or a
  word ending as organisations do (…전자, …그룹, …위원회, …협회; Samsung
  Electronics), or a government body the article names (정부, 국회,
  과학기술정보통신부...);
- a place is a country, region or city the article names (한국, 경북, 경주,
  Seoul), or a venue (…컨벤션센터, …호텔, …공항).

Names inside page furniture do not count. A name is offered as the article
writes it, particles stripped (삼성전자도 → 삼성전자).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Literal

from ..article.furniture import in_one_piece
from ..article.source import Source
from .lexicon import PARTICLE_RE
from .persons import people as people_of

__all__ = ["NamedThing", "name_kind", "named_things", "place_word"]

NamedThing = tuple[str, Literal["organisation", "place"], tuple[tuple[int, int], ...]]
"""A name as the article writes it, its kind, and where it stands."""

_ORG_SUFFIXES = (
    "전자 그룹 하이닉스 클라우드 자동차 증권 은행 생명 화재 건설 중공업 물산 텔레콤 케미칼 제약 항공 "
    "엔터테인먼트 협회 위원회 재단 공사 공단 연구원 연구소 대학교 얼라이언스 포럼 연합 노조 거래소 당 기구 대통령실"
).split()
_ORG_WORDS = frozenset(
    "정부 국회 대통령실 청와대 법원 검찰 경찰 과학기술정보통신부 과기정통부 과기부 산업통상자원부 산업부 중소벤처기업부 "
    "중기부 기획재정부 기재부 외교부 국방부 통일부 법무부 교육부 행정안전부 행안부 국토교통부 국토부 고용노동부 환경부 "
    "보건복지부 문화체육관광부 문체부 금융위원회 금융위 공정거래위원회 공정위 한국은행 한은 디지털플랫폼정부위원회 "
    "더불어민주당 국민의힘 조국혁신당 개혁신당 진보당 엔비디아 삼성 현대차 네이버 카카오 "
    "Nvidia Samsung Hyundai Naver Kakao Google Apple Microsoft OpenAI Meta Amazon Intel AMD TSMC".split()
)
_PLACES = frozenset(
    "한국 대한민국 남한 북한 미국 중국 일본 대만 홍콩 베트남 인도 인도네시아 태국 싱가포르 필리핀 말레이시아 호주 "
    "영국 프랑스 독일 이탈리아 스페인 러시아 우크라이나 캐나다 멕시코 브라질 유럽 아시아 중동 아프리카 "
    "서울 부산 대구 인천 광주 대전 울산 세종 경기 강원 충북 충남 전북 전남 경북 경남 제주 경기도 강원도 "
    "충청북도 충청남도 전라북도 전라남도 경상북도 경상남도 제주도 경주 포항 수원 성남 용인 고양 창원 전주 청주 천안 "
    "판교 여의도 용산 평택 김해 구미 안동 춘천 원주 강릉 목포 여수 순천 군산 익산 "
    "워싱턴 뉴욕 실리콘밸리 샌프란시스코 로스앤젤레스 베이징 상하이 선전 도쿄 오사카 하노이 호찌민 타이베이 "
    "런던 파리 베를린 브뤼셀 모스크바 "
    "Korea Seoul Busan Gyeongju Incheon Daegu Washington Beijing Shanghai Tokyo Taipei Hanoi London Paris Berlin "
    "China Japan Taiwan Vietnam India Europe Asia America".split()
)
_VENUE_SUFFIXES = ("컨벤션센터", "컨벤션홀", "전시장", "호텔", "공항", "청사", "광장", "회관", "센터")
_TOKEN_RE = re.compile(r"[가-힣A-Za-z0-9&\-]+")
_EN_ORG_RE = re.compile(
    r"\b(?:[A-Z][\w&.-]*\s+){0,3}(?:Electronics|Group|Motor|Motors|Corp\.?|Inc\.?|Co\.|Ltd\.?|Holdings|Bank|"
    r"Ministry of [A-Z][a-z]+(?: [A-Z][a-z]+)*|Association|Council|Committee|University|Institute|Party|Alliance)\b"
)
_PARTICLE_END = re.compile(rf"(?:{PARTICLE_RE.pattern})$")
_MAX_PARTICLES = 2


def _strip(word: str) -> list[tuple[str, int]]:
    """``word`` and its forms without up to two trailing particles, each with its length."""
    forms = [(word, len(word))]
    for _ in range(_MAX_PARTICLES):
        m = _PARTICLE_END.search(forms[-1][0])
        if m is None or m.start() < 2:
            break
        forms.append((forms[-1][0][: m.start()], m.start()))
    return forms


def place_word(word: str) -> bool:
    """Whether ``word`` is a place by itself: a country, region or city we know, or a venue (…컨벤션센터)."""
    return word in _PLACES or (len(word) >= 4 and any(word.endswith(s) and len(word) > len(s) + 1
                                                       for s in _VENUE_SUFFIXES))


def _kind(word: str, orgs_from_roles: set[str]) -> Literal["organisation", "place"] | None:
    if word in _PLACES:
        return "place"
    if word in orgs_from_roles or word in _ORG_WORDS:
        return "organisation"
    if len(word) >= 3 and any(word.endswith(s) and len(word) > len(s) for s in _ORG_SUFFIXES):
        return "organisation"
    if len(word) >= 4 and any(word.endswith(s) and len(word) > len(s) + 1 for s in _VENUE_SUFFIXES):
        return "place"
    return None


def _role_orgs(src: Source) -> set[str]:
    """The words a person's role puts before their title: 엔비디아 in 엔비디아 최고경영자(CEO)."""
    out = set()
    for p in people_of(src):
        words = (p.role or "").split()
        for w in words[:-1]:
            w = re.sub(r"\([^()]*\)$", "", w)
            if len(w) >= 2 and w not in _PLACES:
                out.add(w)
    return out


def name_kind(src: Source, name: str) -> Literal["organisation", "place"] | None:
    """What ``name`` is, by its own words (particles stripped), as this finder would read it in ``src``: an
    organisation, a place, or neither. Whether the article writes it is the caller's to ask."""
    roles = src.cached(_role_orgs)
    kinds = set()
    for m in _TOKEN_RE.finditer(name):
        for form, _ in _strip(m.group().strip("-")):
            kind = _kind(form, roles)
            if kind is not None:
                kinds.add(kind)
                break
    if _EN_ORG_RE.search(name):
        kinds.add("organisation")
    return "organisation" if "organisation" in kinds else "place" if kinds else None


def named_things(src: Source) -> list[NamedThing]:
    """Organisations, then places (by how often the article names them), outside page furniture, leaving out
    the people and their names' words. Worked out once an article."""
    return src.cached(_named_things)


def _named_things(src: Source) -> list[NamedThing]:
    text = src.text

    def outside(a: int, b: int) -> bool:
        return not in_one_piece(src, a, b)

    taken = {w for p in people_of(src) for w in (p.name, *p.name.split())}
    roles = src.cached(_role_orgs)
    found: dict[str, tuple[Literal["organisation", "place"], list[tuple[int, int]]]] = {}
    for m in _TOKEN_RE.finditer(text):
        for form, length in _strip(m.group().strip("-")):
            kind = _kind(form, roles)
            if kind is None or form in taken:
                continue
            at = m.start() + m.group().find(form)
            if outside(at, at + length):
                found.setdefault(form, (kind, []))[1].append((at, at + length))
            break
    for m in _EN_ORG_RE.finditer(text):
        if outside(*m.span()) and m.group() not in taken:
            found.setdefault(m.group(), ("organisation", []))[1].append(m.span())
    counts = Counter({name: len(where) for name, (_, where) in found.items()})
    first = {name: where[0][0] for name, (_, where) in found.items()}
    ordered = sorted(found, key=lambda n: (found[n][0] != "organisation", -counts[n], first[n]))
    return [(n, found[n][0], tuple(found[n][1])) for n in ordered]
