"""Small word lists the word checks need beside the article's own words: opposites, so that a summary that
writes "decreased" where the article says "increased" is told it contradicts the article, not only that it
used a word of its own; and the other names of a country (China for Chinese, UK for U.K.), so that a summary
that names the country by its adjective is not told it invented a name.

The lists are curated by hand, and short: common antonym pairs of news and business prose (increase and
decrease, win and lose, guilty and innocent; 증가 and 감소, 흑자 and 적자), and the countries the English press
names most. A paraphrase uses a synonym, which no list here holds; an edit that swaps a word for its opposite is
what SummEdits calls an antonym swap.
"""

from __future__ import annotations

from functools import lru_cache

from ..words import english

__all__ = ["ALIASES", "FORMS", "KINDS", "KIND_FORMS", "NEGATING_PREFIXES", "OPPOSITES", "aliases", "kind_of", "opposites"]

_PAIRS = """
increase decrease|increase reduce|increase decline|increase drop|rise fall|rise drop|rise decline|raise lower
raise cut|grow shrink|growth decline|gain loss|gain lose|profit loss|win lose|win loss|victory defeat|winner loser
higher lower|high low|strong weak|strengthen weaken|large small|big small|long short|early late|first last
open close|start end|begin end|buy sell|hire fire|include exclude|success failure|succeed fail|accept reject
approve reject|allow ban|allow forbid|agree disagree|support oppose|positive negative|best worst|maximum minimum
old new|old young|male female|man woman|husband wife|son daughter|boy girl|brother sister|father mother
guilty innocent|convict acquit|arrive depart|enter exit|import export|north south|east west|top bottom
inside outside|private public|legal illegal|true false|alive dead|live die|remember forget|add remove
hot cold|rich poor|cheap expensive|easy difficult|easy hard|happy sad|safe dangerous|love hate|send receive
lend borrow|fast slow|heavy light|full empty|improve worsen|accelerate decelerate|upgrade downgrade
confirm deny|admit deny|domestic foreign|majority minority|optimistic pessimistic|ahead behind|internal external
temporary permanent|partial full|partial complete|rural urban|simple complex|common rare|major minor
senior junior|previous next|prior current|past future|morning evening|night day|summer winter|buyer seller
employer employee|discount surcharge|software hardware|extensive limited|comprehensive partial|save waste
substantial minimal|significant minimal|significant negligible|expand contract|expand shrink|expand reduce
surplus deficit|asset liability|attack defend|ally enemy|peace war|input output|offline online|manual automatic
surge plunge|surge slump|surge drop|surge fall|soar plunge|soar plummet|soar fall|climb fall|climb drop
climb decline|jump drop|jump fall|gain fall|gain drop|gain decline|increase fall|increase cut
rise plunge|rise slump|rise tumble|rise sink|boost hinder|boost hurt|boost reduce|help hinder|help hurt
enhance diminish|enhance reduce|encourage discourage|permit prohibit|allow prevent|allow prohibit|lift impose
continue stop|continue halt|continue end|create destroy|give take|hide reveal|join leave|lead follow|keep lose
maximize minimize|overestimate underestimate|overvalue undervalue|pass fail|praise criticize|praise condemn
present absent|protect endanger|punish reward|release arrest|release detain|release capture|relax tighten
tighten loosen|tighten ease|upside downside|wide narrow|broad narrow|survive die|strengthen undermine
uphold overturn|friend enemy|friend foe|ally rival|legalize ban|open shut|boom bust|bullish bearish
diverse uniform|diverse homogeneous|success flop|accurate inaccurate|before after|ascend descend
증가 감소|상승 하락|확대 축소|흑자 적자|찬성 반대|승리 패배|수출 수입|개선 악화|최대 최소|최고 최저|인상 인하
포함 제외|합법 불법|유죄 무죄|호재 악재|급증 급감|강세 약세|호황 불황|성공 실패|상향 하향|매수 매도|입국 출국
"""
OPPOSITES: dict[str, frozenset[str]] = {}
"""A word's lemma (an English lemma, a Korean noun) -> its opposites."""
for _pair in _PAIRS.replace("\n", "|").split("|"):
    if _pair.strip():
        _a, _b = _pair.split()
        OPPOSITES[_a] = OPPOSITES.get(_a, frozenset()) | {_b}
        OPPOSITES[_b] = OPPOSITES.get(_b, frozenset()) | {_a}

_IRREGULAR = """rise rose risen|fall fell fallen|win won|lose lost|buy bought|sell sold|begin began begun|grow grew grown
shrink shrank shrunk|send sent|lend lent|forget forgot forgotten|hold held|leave left"""
FORMS: dict[str, tuple[str, ...]] = {}
"""A verb's lemma -> the irregular forms simplemma leaves as they are (rose is a flower to it), and back."""
for _row in _IRREGULAR.replace("\n", "|").split("|"):
    _lemma, *_forms = _row.split()
    FORMS[_lemma] = tuple(_forms)
    for _f in _forms:
        FORMS.setdefault(_f, (_lemma,))

_NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non")
"""English prefixes that turn a word into its opposite (complete, incomplete; efficient, inefficient)."""

NEGATING_PREFIXES = frozenset({"non", "un", "anti", "semi"})
"""Prefixes written with a hyphen that change what a word says (non-negative, semi-pro): the word without
them is another fact."""

_KINDS = """
time: second minute hour day week month year decade century
ordinal: first second third fourth fifth sixth seventh eighth ninth tenth 1st 2nd 3rd 4th 5th 6th 7th 8th 9th 10th
weekday: monday tuesday wednesday thursday friday saturday sunday
month: january february april june july august september october november december
"""
KINDS: dict[str, frozenset[str]] = {}
"""Closed kinds of words none of which is a synonym of another: one of them where the passage writes another
is a swap, not a paraphrase ("months" for "days", "Tuesday" for "Monday"). May and March are left out (a
verb each)."""
for _row in _KINDS.strip().splitlines():
    _kind, _, _members = _row.partition(":")
    KINDS[_kind] = frozenset(_members.split())
KIND_FORMS = frozenset({f for m in KINDS.values() for w in m for f in (w, w + "s")} | {"centuries"})
"""The words of ``KINDS`` as a text writes them (days, months), looked at before any lemma is."""

_COUNTRIES = """
china chinese|japan japanese|korea korean|russia russian|ukraine ukrainian|france french|germany german
spain spanish|italy italian|portugal portuguese|britain british uk u.k. united_kingdom|england english
scotland scottish|wales welsh|ireland irish|america american us u.s. usa united_states|canada canadian
mexico mexican|brazil brazilian|argentina argentine argentinian|australia australian|india indian
pakistan pakistani|iran iranian|iraq iraqi|israel israeli|syria syrian|turkey turkish|egypt egyptian
greece greek|netherlands dutch|sweden swedish|norway norwegian|poland polish|switzerland swiss
europe european|asia asian|africa african|vietnam vietnamese|thailand thai|philippines filipino
yoy year-over-year year_on_year|qoq quarter-over-quarter quarter_on_quarter
"""
ALIASES: dict[str, tuple[str, ...]] = {}
"""A country or its adjective (lower-cased) -> the other ways of writing it; and two abbreviations of business
prose that read as names (YoY, QoQ)."""
for _row in _COUNTRIES.replace("\n", "|").split("|"):
    _names = [n.replace("_", " ") for n in _row.split()]
    for _n in _names:
        ALIASES[_n] = tuple(m for m in _names if m != _n)


@lru_cache(maxsize=4096)
def opposites(key: str) -> frozenset[str]:
    """The opposites of a word by its key (lemma, lower-cased): the listed ones, and for an English word the
    word with a negating prefix taken off or put on (incomplete, complete)."""
    out = set(OPPOSITES.get(key, ()))
    for lemma in FORMS.get(key, ()):  # rose: rise's opposites
        out |= OPPOSITES.get(lemma, frozenset())
    out |= {f for o in tuple(out) for f in FORMS.get(o, ()) if o in OPPOSITES}  # fall: rose and risen too
    if key.isascii() and key.isalpha() and len(key) >= 5:
        for p in _NEGATING_PREFIXES:
            if key.startswith(p):
                if len(key) - len(p) >= 5:
                    out.add(english.lemma(key[len(p):]))
            else:
                out.add(p + key)
    out.discard(key)
    return frozenset(out)


def aliases(name: str) -> tuple[str, ...]:
    """The other ways to write a country or its adjective (``Chinese``: china; ``U.K.``: uk, britain, ...)."""
    return ALIASES.get(name.lower().replace("’s", "").removesuffix("'s"), ())


def kind_of(word: str) -> str | None:
    """The closed kind (``KINDS``) of a lower-cased English word, by its lemma; ``second`` is an ordinal or a
    unit of time, whichever the passage writes."""
    lemma = english.lemma(word)
    return next((k for k, members in KINDS.items() if lemma in members), None)
