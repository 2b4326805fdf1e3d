import unicodedata

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from summarizer import ArticleSummary, locate_quote, validate
from summarizer.trust.article.textkey import TextKey, _is_boundary, key_of
from support.corpus import corpus

ARTICLE = corpus("000")
QUOTE = "대한민국은 AI 시대를 가장 먼저 열어가는 테스트베드(시험대)"


def test_exact_quote_gives_its_span():
    m = locate_quote(ARTICLE, QUOTE)
    assert m.kind == "exact"
    assert ARTICLE[m.start : m.end] == QUOTE


def test_quote_with_its_enclosing_marks_still_exact():
    m = locate_quote(ARTICLE, f"“{QUOTE}”")
    assert m.kind == "exact"
    assert ARTICLE[m.start : m.end] == QUOTE


@pytest.mark.parametrize(
    "variant",
    [
        "대한민국은  AI 시대를\n가장 먼저 열어가는 테스트베드(시험대)",  # whitespace runs
        "대한민국은 AI 시대를 가장 먼저 열어가는 테스트베드（시험대）",  # full-width brackets (NFKC)
        unicodedata.normalize("NFD", QUOTE),  # decomposed Hangul
        "대한민국은 AI 시대를 가장\u200b 먼저 열어가는 테스트베드(시험대)",  # zero-width space
        "대한민국은AI시대를 가장먼저 열어가는 테스트베드(시험대)",  # spaces left out
    ],
)
def test_normalized_variants_find_the_original_passage(variant):
    m = locate_quote(ARTICLE, variant)
    assert m.kind == "normalized"
    assert ARTICLE[m.start : m.end] == QUOTE


def test_straight_marks_inside_a_quote_match_curly_ones():
    text = "그는 “대한민국의 목표는 ‘AI 수도’로 거듭나는 것”이라고 말했다."
    m = locate_quote(text, "대한민국의 목표는 'AI 수도'로 거듭나는 것")
    assert m.kind == "normalized"
    assert text[m.start : m.end] == "대한민국의 목표는 ‘AI 수도’로 거듭나는 것"


def test_ellipsis_forms_are_interchangeable():
    text = "He said: “We will win… eventually.”"
    m = locate_quote(text, "We will win... eventually.")
    assert m.kind == "normalized"
    assert text[m.start : m.end] == "We will win… eventually."


def test_elided_quote_finds_its_pieces_in_order():
    quote = "이제 저희는 AI라는 새로운 산업혁명의 시작에 서 있다. … 모든 사람들, 모든 사회, 모든 산업은 AI를 사용하게 될 것이다."
    m = locate_quote(ARTICLE, quote)
    assert m.kind == "elided"
    assert len(m.pieces) == 2
    # the period before the ellipsis reads as part of it, so the first piece ends at 있다
    assert ARTICLE[m.pieces[0][0] : m.pieces[0][1]] == "이제 저희는 AI라는 새로운 산업혁명의 시작에 서 있다"
    assert ARTICLE[m.pieces[1][0] : m.pieces[1][1]] == "모든 사람들, 모든 사회, 모든 산업은 AI를 사용하게 될 것이다."
    assert (m.start, m.end) == (m.pieces[0][0], m.pieces[1][1])


def test_quote_that_drops_the_articles_bracketed_insertion_is_elided():
    m = locate_quote(ARTICLE, "AI 필요한 것은 깊은 기술 전문성과 혁신성")
    assert m.kind == "elided"
    assert ARTICLE[m.start : m.end] == "AI (발전에) 필요한 것은 깊은 기술 전문성과 혁신성"


def test_quote_with_an_editorial_insertion_is_elided():
    text = "“We will never give up,” she said."
    m = locate_quote(text, "We [the party] will never give up")
    assert m.kind == "elided"
    assert text[m.start : m.end] == "We will never give up"


def test_a_changed_insertion_is_not_found():
    # the article has '풀 스택'(전 단계 공정): an insertion may be dropped or marked as omitted, never changed
    changed = locate_quote(ARTICLE, "한국은 AI와 관련해 '풀 스택'(가 단계 공정) 경쟁력을 갖추고 있다")
    assert (changed.kind, changed.start) == ("not_found", None)
    assert ARTICLE[changed.closest[0] : changed.closest[1]] == "한국은 AI와 관련해 '풀 스택'(전 단계 공정) 경쟁력을 갖추고 있다"
    kept = "한국은 AI와 관련해 '풀 스택'(전 단계 공정) 경쟁력을 갖추고 있다"
    for allowed in ["한국은 AI와 관련해 '풀 스택' 경쟁력을 갖추고 있다", "한국은 AI와 관련해 '풀 스택'(…) 경쟁력을 갖추고 있다",
                    "한국은 AI와 관련해 '풀 스택'[...] 경쟁력을 갖추고 있다"]:
        m = locate_quote(ARTICLE, allowed)
        assert (m.kind, ARTICLE[m.start : m.end]) == ("elided", kept), allowed


def test_a_changed_insertion_is_rejected_by_validate():
    from summarizer import ArticleSummary, validate

    s = ArticleSummary(headline="", summary="", quotes=[
        {"text": "한국은 AI와 관련해 '풀 스택'(가 단계 공정) 경쟁력을 갖추고 있다", "speaker": "이재명 대통령"}])
    report = validate(ARTICLE, s)
    assert report.status == "rejected"
    assert [(f.code, f.path) for f in report.findings] == [("quote.not_found", "quotes[0].text")]


def test_elided_pieces_far_apart_are_not_a_quote():
    first = "엔비디아의 첫 번째 비즈니스는 PC 게임, 컴퓨터 그래픽이었다"
    last = "테스트베드(시험대)로 만들어 놓고 크게 성공할 거라고 확신한다"
    m = locate_quote(ARTICLE, f"{first} … {last}")
    assert m.kind == "not_found"


def test_one_changed_character_is_not_found_but_points_at_the_passage():
    m = locate_quote(ARTICLE, QUOTE.replace("테스트베드", "테스트배드"))
    assert m.kind == "not_found"
    assert m.start is None and m.end is None
    assert m.closest is not None
    assert ARTICLE[m.closest[0] : m.closest[1]] == QUOTE
    assert 0.9 < m.similarity < 1


def test_two_quotes_glued_together_are_not_found():
    glued = "저도 그 자리에 있었어야 했다 여러분 들었느냐. 다음엔 대통령이 참석하신다고 한다"
    m = locate_quote(ARTICLE, glued)
    assert m.kind == "not_found"
    assert m.similarity < 0.95


def test_invented_quote_has_a_low_similarity():
    m = locate_quote(ARTICLE, "우리는 화성에 데이터센터를 짓겠다")
    assert m.kind == "not_found"
    assert m.similarity < 0.5


def test_empty_quote_is_refused():
    with pytest.raises(ValueError, match="empty"):
        locate_quote(ARTICLE, "  ")


# --- properties -----------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("가나다라마바사아자차카타파하한국대통령엔비디아") + list("abcXYZ0123456789.,()[]") +
    [" ", "  ", "\n", "\t", "“", "”", "‘", "’", '"', "'", "…", "...", "\u200b", "\u00a0", "ᄒ", "ᅡ", "ᆫ", "e\u0301", "\u0301", "·", "‧", "—", "⑤", "㎞"]
)
texts = st.lists(_ALPHABET, min_size=1, max_size=80).map("".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.data())
def test_any_substring_is_found_exactly_at_its_span(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    if not quote.strip():
        return
    m = locate_quote(text, quote)
    assert m.found
    assert text[m.start : m.end] == quote.strip().strip("\"'“”‘’「」『』«»").strip() or text[m.start : m.end] == quote


def _restyle(s: str) -> str:
    """What a model does to a quote: straight marks, collapsed spaces, NFC."""
    s = s.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'").replace("…", "...")
    return unicodedata.normalize("NFC", " ".join(s.split()))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.data())
def test_restyled_substring_maps_back_to_a_passage_holding_it(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    # a passage does not end inside a character cluster (a decomposed syllable)
    assume(end == len(text) or _is_boundary(text, end))
    assume(_is_boundary(text, start))
    quote = _restyle(text[start:end])
    qkey = key_of(quote).strip('"')
    if not qkey:
        return
    m = locate_quote(text, quote)
    assert m.found, (text, quote)
    passage = text[m.start : m.end]
    assert qkey in key_of(passage)
    assert passage == passage.strip() or m.kind == "exact"


@settings(max_examples=300)
@given(texts, st.sampled_from([1, 3, 7, 1024]))
def test_key_positions_map_back_into_the_text(text, chunk):
    index = TextKey.build(text, chunk=chunk)
    assert index.key == key_of(text)  # chunking never changes the key
    for k in range(len(index.key)):
        s, e = index.span(k, k + 1)
        assert 0 <= s < e <= len(text)
        assert index.key[k] in key_of(text[s:e])
    for k in range(len(index.key) + 1):
        assert index.start_of(k) <= len(text) and index.end_of(k) <= len(text)
        assert key_of(text[index.start_of(0) : index.end_of(k)]).startswith(index.key[:k])


def test_a_mark_after_a_space_keeps_key_and_offsets_in_step():
    # The key drops a space even before a combining mark. Character by character it used to cluster the mark
    # with the space instead (NBSP and U+0301 gave " \u0301"), so mapping a match back failed with "key and
    # offset map disagree".
    text = "Le mot x\u00a0\u0301y est écrit ainsi.\n제목 ⑤"
    index = TextKey.build(text)
    assert index.key == key_of(text)
    for k in range(len(index.key)):
        s, e = index.span(k, k + 1)
        assert index.key[k] in key_of(text[s:e])
    assert locate_quote(text, "mot x\u00a0\u0301y est").kind == "exact"
    m = locate_quote(text, "mot x \u0301y est")
    assert m.kind == "normalized" and text[m.start : m.end] == "mot x\u00a0\u0301y est"


# --- long quotes: the work is bounded -----------------------------------------


def _long_article(size: int) -> str:
    """About ``size`` characters of the bundled articles' paragraphs, each copy numbered and its digits varied."""
    import random

    rng = random.Random(11)
    paragraphs = [p for n in ("000", "001", "002", "003", "004") for p in corpus(n).splitlines() if len(p) > 40]
    out, total, i = [], 0, 0
    while total < size:
        p = f"[{i}] " + "".join(str(rng.randrange(10)) if c.isdigit() else c for c in rng.choice(paragraphs))
        out.append(p)
        total += len(p) + 1
        i += 1
    return "\n".join(out)


@pytest.fixture
def compared(monkeypatch):
    """The lengths of everything locate_quote hands to difflib."""
    from summarizer.trust.article import quote_match

    sizes: list[int] = []

    class Recording(quote_match.SequenceMatcher):
        def __init__(self, isjunk=None, a="", b="", autojunk=True):
            sizes.append(max(len(a), len(b)))
            super().__init__(isjunk, a, b, autojunk)

    monkeypatch.setattr(quote_match, "SequenceMatcher", Recording)
    return sizes


def test_a_long_quote_with_one_changed_character_is_placed_with_bounded_comparisons(compared):
    from summarizer.trust.article.quote_match import MAX_COMPARE

    text = _long_article(400_000)
    start = text.index("\n", 200_000) + 1
    passage = text[start : start + 100_000]
    middle = 50_000
    quote = passage[:middle] + ("가" if passage[middle] != "가" else "나") + passage[middle + 1 :]
    m = locate_quote(text, quote)
    assert m.kind == "not_found"
    a, b = m.closest
    assert abs(a - start) < 200 and abs(b - (start + len(passage))) < 200  # it points at the passage
    assert 0.9 < m.similarity < 1  # not there, so never 100% similar (the samples compared all match)
    assert compared and max(compared) <= 3 * MAX_COMPARE  # never the whole quote against the article


def test_a_near_miss_is_never_reported_as_100_percent_similar():
    text = "가" * 3000
    quote = "가" * 1499 + "나" + "가" * 1500  # one character changed in 3,000: a ratio of 0.9997
    m = locate_quote(text, quote)
    assert m.kind == "not_found" and m.similarity == 0.999
    summary = ArticleSummary(headline="", summary="", quotes=[{"text": quote, "speaker": "x"}])
    (message,) = [f.message for f in validate(text, summary).findings if f.code == "quote.not_found"]
    assert "(99% similar)" in message


def test_a_long_quote_with_an_elision_is_found_piece_by_piece(compared):
    text = _long_article(400_000)
    start = text.index("\n", 200_000) + 1
    passage = text[start : start + 100_000]
    cut = passage.index(" ", 50_000)
    resume = passage.index(" ", cut + 100)
    m = locate_quote(text, passage[:cut] + " … " + passage[resume + 1 :])
    assert m.kind == "elided"
    assert (m.start, m.end) == (start, start + len(passage.rstrip()))
    # the left-out stretch lies between two pieces (the article's own "…" and ".." are pieces' ends too)
    ends = [(a[1], b[0]) for a, b in zip(m.pieces, m.pieces[1:])]
    assert (start + cut, start + resume + 1) in ends
    assert compared == []  # found by search alone, no fuzzy comparison
