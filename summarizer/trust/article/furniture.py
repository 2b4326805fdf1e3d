"""Page furniture: the parts of a scraped page that are not the article.

Scraped news pages carry, around and inside the article, things that are not
its text: the reporter's byline and e-mail, photo captions and credits, lists
of other headlines, market tickers, share buttons, comment boxes, the site's
own navigation. A figure or quotation there is not the article's
("1424.4원" in a list of latest headlines is another story's exchange rate).

``furniture(src)`` finds them with line-shape rules (what the line is made
of, where it sits), never by dropping whole regions blindly: every rule is
tested both ways on the bundled articles (it finds the furniture, and it
leaves every article paragraph alone).

Kinds: ``byline``, ``caption``, ``related``, ``ticker``, ``share``,
``comments``, ``nav``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .source import Source

__all__ = ["KINDS", "furniture", "in_one_piece", "is_furniture", "reaches"]

KINDS = ("byline", "caption", "related", "ticker", "share", "comments", "nav")

_REPORTER = r"[가-힣]{1,4}(?:\s[가-힣]{1,3})?\s?(?:기자|특파원|객원기자|인턴기자)"
_EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
# Whole lines.
_BYLINE_LINE_RE = re.compile(
    rf"\s*(?:(?:{_REPORTER})(?:\s+{_EMAIL})?(?:\s+\d{{4}}[-.]\d{{2}}[-.]\d{{2}}(?:\s+[\d:]+)?)?"
    rf"|{_EMAIL}|(?:[•·]\s*)?reporterImage|(?:입력|수정|승인|등록|업데이트)\s*:?\s*\d{{4}}[-.]\d{{2}}[-.]\d{{2}}.*"
    rf"|By\s+[A-Z][\w.'-]+(?:\s+(?:[A-Z][\w.'-]+|and))*(?:,\s*[A-Z][\w ]+)?"
    rf"|안녕하세요\.?.*기자입니다\..*)\s*",
)
_SHARE_WORDS = re.compile(
    r"공유하기|공유|페이스북|트위터|카카오톡|카카오스토리|네이버|밴드|텔레그램|유튜브|url|URL|링크\s?복사|복사|인쇄하기|인쇄|"
    r"스크랩|북마크|확대|축소|글자\s?크기(?:\s?설정)?|닫기|이메일|메일|X|Share|share|Tweet|Facebook|Twitter|"
    r"LinkedIn|WhatsApp|Email|Print|Copy link|Save|this (?:article|story|page)|•|·|\||/|-"
)  # (every alternative starts with a literal character, so the regex engine skips to the places one starts)
_COMMENTS_HEAD_RE = re.compile(
    r"\s*(?:댓글\s*(?:\(?\d+\)?|목록|쓰기|작성)?|등록된 댓글이 없습니다\.?|(?:\d+\s+)?Comments?(?:\s*\(\d+\))?"
    r"|Leave a (?:comment|reply)|Join the conversation)\s*"
)
_COMMENT_RULE_RE = re.compile(r"^\s*[•·\-*]+.*(?:댓글|자까지|byte|삭제|권리|법률|욕설|비방)|^\s*(?:닫기|등록|더보기)\s*$")
_RELATED_HEAD_RE = re.compile(
    r"\s*(?:최신\s?기사|관련\s?기사|관련\s?뉴스|많이\s?본\s?(?:기사|뉴스)|인기\s?기사|주요\s?뉴스|추천\s?기사|이\s?시각\s?(?:주요\s?)?뉴스|"
    r"함께\s?(?:본|읽은)\s?기사|오늘의\s?(?:주요\s?)?뉴스|실시간\s?(?:인기\s?)?뉴스|Related(?:\s+(?:articles|stories|news))?"
    r"|Most (?:read|popular)|More (?:from|stories|on this)|Read more|Recommended|Trending)\s*:?\s*"
)
_TICKER_RE = re.compile(r"(?:코스피|코스닥|KOSPI|KOSDAQ|나스닥|다우|S&P|환율|원/달러|Nasdaq|Dow|FTSE|Nikkei).*[\d.,]+.*[▲▼△▽↑↓+\-]")
_CAPTION_TAIL_RE = re.compile(
    r"(?:\((?:사진|그래픽|자료|영상|출처)\s?=[^)]*\)|<[^<>\n]{2,20}>|사진기자단|[가-힣]{2,4}\s[가-힣A-Za-z]{2,10}\s기자)"
    rf"(?:\s*\d{{4}}\.\d{{1,2}}\.\d{{1,2}}\.?)?(?:\s*{_EMAIL})?(?:\s*\*?재판매 및 DB 금지)?"
)
_CAPTION_SENTENCE_RE = re.compile(r"있다\.|있다\s*\)|\((?:사진|그래픽)\s?=")
_BYLINE_PREFIX_RE = re.compile(
    rf"\[[^\[\]\n]{{1,30}}\]\s*(?:{_REPORTER}\s*=\s*)?|\([^()\n=]{{1,15}}=[^()\n]{{1,15}}\)\s*{_REPORTER}\s*=\s*"
    rf"|{_REPORTER}\s*=\s*|\s*date\s+\d{{4}}-\d{{2}}-\d{{2}}\s*"
)
_SIGNATURE_RE = re.compile(rf"(?<=[.!?\"”])\s+{_REPORTER}\s*$")
_HTML_TAG_RE = re.compile(r"</?[a-zA-Z][^<>\n]*>")
_NOTICE_RE = re.compile(
    r"\s*[*※ⓒ©].*(?:구독|검색|팔로|제보|무단|재배포|저작권|Copyright|copyright|다운로드).*|\s*(?:Copyright|ⓒ|©).*|\W*"
)
_SENTENCE_END_RE = re.compile(r"(?:다|요|죠|까|함|음|임)\.?\s*$|[.!?]['\"’”]?\s*$")
_QUOTE_CHARS = "\"“”「」『』"
LONG = 80
"""A line this long, with a sentence in it, is article body (or a caption, which says so)."""


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line and not line.isspace():
            out.append((pos, end))
        pos = end + 1
    return out


def _is_share(line: str) -> bool:
    # The cheap tests first: most lines are too long or have no share word, and need no substitution.
    return (len(line.strip()) <= 120 and _SHARE_WORDS.search(line) is not None
            and not _SHARE_WORDS.sub("", line).strip())


def _is_headline_like(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= 110 and not _SENTENCE_END_RE.search(s) or s.endswith("..")


def _is_short_chrome(line: str) -> bool:
    """A short label with no sentence or quotation: a masthead, a section name, an issue number."""
    s = line.strip()
    return len(s) <= 20 and not any(c in s for c in _QUOTE_CHARS) and not _SENTENCE_END_RE.search(s)


_SENTENCE_RE = re.compile(r"[.다](?:\s|$)")


def _is_body(line: str) -> bool:
    return len(line) >= LONG and len(line.strip()) >= LONG and _SENTENCE_RE.search(line) is not None


def furniture(src: Source) -> list[tuple[int, int, str]]:
    """The page furniture in ``src``: ``(start, end, kind)``, sorted and not overlapping (worked out once an
    article)."""
    return src.cached(_furniture)


def _furniture(src: Source) -> list[tuple[int, int, str]]:
    text = src.text
    lines = _lines(text)
    found: list[tuple[int, int, str]] = []
    texts = [text[s:e] for s, e in lines]
    is_body = [_is_body(line) for line in texts]
    body = [i for i, b in enumerate(is_body) if b]
    first_body = body[0] if body else len(lines)
    last_body = body[-1] if body else -1
    tail_from = len(lines)  # after the last body paragraph, headline-like lines are other stories
    state = None
    for i, (s, e) in enumerate(lines):
        line = texts[i]
        if is_body[i]:  # article prose: only what sits inside it (a caption, a byline, a tag)
            state = None
            found.extend(_inside(line, s))
            continue
        if _COMMENTS_HEAD_RE.fullmatch(line):
            found.append((s, e, "comments"))
            state = "comments"
            continue
        if _RELATED_HEAD_RE.fullmatch(line):
            found.append((s, e, "related"))
            state = "related"
            continue
        if state == "comments":
            if _COMMENT_RULE_RE.search(line) or len(line.strip()) <= 40:
                found.append((s, e, "comments"))
                continue
            state = None
        if state == "related":
            if _is_headline_like(line):
                kind = "ticker" if len(line) < 40 and _TICKER_RE.search(line) else "related"
                found.append((s, e, kind))
                continue
            state = None
        if _BYLINE_LINE_RE.fullmatch(line):
            found.append((s, e, "byline"))
            if i > last_body:
                tail_from = min(tail_from, i)
        elif _is_share(line):
            found.append((s, e, "share"))
        elif len(line.strip()) <= 60 and _TICKER_RE.search(line):
            found.append((s, e, "ticker"))
        elif line.lstrip().startswith("<a ") or line.lstrip().startswith("<a\t"):
            found.append((s, e, "related"))
        elif _NOTICE_RE.fullmatch(line):
            found.append((s, e, "nav"))
        elif (i < first_body or i > last_body) and _is_short_chrome(line):
            found.append((s, e, "nav"))
        elif i > tail_from and _is_headline_like(line):
            found.append((s, e, "related"))
        else:
            found.extend(_inside(line, s))
    return _merge(found)


def _inside(line: str, s: int) -> list[tuple[int, int, str]]:
    """Furniture inside an article line (``line``, which starts at ``s``): a caption, a byline prefix, a
    signature, an HTML tag."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    reporter = "기자" in line
    # A photo caption runs from the start of the line to its credit ("(사진=...)", "<연합뉴스>", "...기자").
    if reporter or "=" in line or "<" in line:
        for m in _CAPTION_TAIL_RE.finditer(line):
            if _CAPTION_SENTENCE_RE.search(line, 0, m.end()) and (
                    m.end() == len(line.rstrip()) or "=" in m[0] or "DB 금지" in m[0] or "@" in m[0]):
                out.append((s, s + m.end(), "caption"))
                pos = m.end()
                break
    first = line[pos : pos + 1]
    if first in ("", "[", "(", "d") or first.isspace() or (reporter and line.find("기자", pos, pos + 30) >= 0):
        m = _BYLINE_PREFIX_RE.match(line, pos)
        if m is not None and m.end() > m.start():
            out.append((s + m.start(), s + m.end(), "byline"))
    if (reporter or "특파원" in line) and line.rstrip().endswith(("기자", "특파원")):
        m = _SIGNATURE_RE.search(line)
        if m is not None:
            out.append((s + m.start(), s + m.end(), "byline"))
    if "<" in line:
        for m in _HTML_TAG_RE.finditer(line):
            out.append((s + m.start(), s + m.end(), "nav"))
    return out


def _merge(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for s, e, kind in sorted(spans):
        if out and s < out[-1][1]:
            if e > out[-1][1]:
                out.append((out[-1][1], e, kind))
            continue
        out.append((s, e, kind))
    return out


def reaches(text: str, spans: list[tuple[int, int, str]]) -> list[int]:
    """For each span, where the run of furniture it starts ends: pieces with only blanks between them are one."""
    out = [0] * len(spans)
    for i in range(len(spans) - 1, -1, -1):
        end = spans[i][1]
        out[i] = out[i + 1] if i + 1 < len(spans) and not text[end : spans[i + 1][0]].strip() else end
    return out


def is_furniture(src: Source, start: int, end: int) -> bool:
    """Whether ``src.text[start:end]`` lies inside page furniture (adjacent pieces of it count as one)."""
    if not furniture(src):
        return False
    starts, reach = src.cached(_index)
    i = bisect_right(starts, start) - 1
    return i >= 0 and end <= reach[i]


def in_one_piece(src: Source, start: int, end: int) -> bool:
    """Whether ``src.text[start:end]`` lies inside one piece of page furniture (pieces are not joined)."""
    spans = furniture(src)
    i = bisect_right(src.cached(_index)[0], start) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def _index(src: Source) -> tuple[list[int], list[int]]:
    """Where each piece of furniture starts, and where the run of furniture it starts ends (``reaches``)."""
    spans = furniture(src)
    return [s for s, _, _ in spans], reaches(src.text, spans)
