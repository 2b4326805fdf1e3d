"""The Lark grammar (llguidance) the embedded model decodes a grounded answer under.

It produces exactly the JSON of ``grounded.response_model(offer)``, compact and
in field order, with two things a JSON schema cannot say:

- every id and name is one of the offer's (as in the schema);
- a number in free text (headline, labels, summary, event descriptions) is
  one of the article's own number forms (``trust.grounded.candidates.number_forms``,
  read by ``find_quantities``, the parser the checks use). Digits appear only
  inside those forms; the text around them cannot extend one into another
  number (26만 then 5천, 1 then ,000, 5 then bn, 3 then .5), and may not
  spell one in words (다섯 배, twenty, one and a half, a third of) that the parser
  would read.

For an article written mostly in another script (Korean), free text may use
only the Latin words the article uses (AI, GPU, APEC), each whole: left free,
the small model copied its English instructions into the headline, the labels
and the summary. A figure may only be a part of a figure offered before it
(the offer lists counted amounts first, in the article's order, so a total
usually comes before its parts): never of itself, and never in a cycle, which
the small model wrote often.

So what the grammar lets the model write, ``text.number_not_in_source`` accepts
(a test decodes at random under it and runs the check). Dates are ISO dates in
the article's years, months and days (each as the article writes one:
2025년, 10월, 31일), so a date may combine them but invents none of its parts.

Every answer has a headline and a summary that start with words, at least one
event, and at least one figure and one quotation when the offer has any: left
free, the small model leaves them empty. A label says what a number counts
and holds no number itself (left free, it wrote "1", "2", "3"). The endpoint
schema is looser (empty lists allowed); the grammar's answers all fit it.

Lengths are bounded in tokens, per stretch of text between two numbers, and in
numbers per field (a small model can run on and on). llguidance ends a stretch
that reaches its bound wherever it is, and that is the one gap: a stretch cut
right after a word-initial 천/백/십, then followed by a number, reads as a
larger number (천 4백만). The check still runs on every answer and reports it.
"""

from __future__ import annotations

import json

from ...trust.numbers.words import (
    EN_FRACTIONS,
    EN_ONES,
    EN_SCALE,
    EN_TENS,
    NATIVE_COUNTERS,
    NATIVE_ONES,
    NATIVE_PAIRS,
    NATIVE_TENS,
)
from .schema import Offer

__all__ = ["lark_grammar"]

_CH = r'[^0-9"\\\x00-\x1F\x7F]'
"""A character free text may hold: no digit (numbers come whole, from the article), nothing JSON must escape."""
_JOINS = "만억조경천백십"
"""Characters that, right after a number, would make it a different number (26만 → 26만억)."""
_HEADS = "천백십"
"""Characters that, right before a number, may make it a different one (천 4백만)."""
_WORDS_EN = sorted({*EN_ONES, *EN_TENS, *EN_SCALE, "hundred"} - {"one", "zero"}, key=lambda w: (-len(w), w))
_KO_NATIVE = {*NATIVE_ONES, *NATIVE_TENS, *NATIVE_PAIRS}
_NATIVE = sorted(_KO_NATIVE, key=lambda w: (-len(w), w))
_COUNTERS = sorted(NATIVE_COUNTERS, key=lambda w: (-len(w), w))
_FRACTIONS_EN = "|".join(sorted(EN_FRACTIONS, key=lambda w: (-len(w), w)))
# Numbers spelled in words that the parser reads: 다섯 배, 두 달, twenty, million; and the fractions it reads in
# running text whose words are not forbidden above: one-third, one and a half, a quarter of (see numbers).
_SPELLED = (
    rf"(.*[^가-힣])?({'|'.join(_NATIVE)})\s?({'|'.join(_COUNTERS)}).*"
    rf"|(.*[^A-Za-z])?(?i:{'|'.join(_WORDS_EN)})([^A-Za-z].*)?"
    rf"|(.*[^A-Za-z])?(?i:(?:an?|one)-(?:{_FRACTIONS_EN})|(?:an?|one)\s+(?:{_FRACTIONS_EN})\s+of"
    rf"|one[\s-]+and[\s-]+(?:an?|one)[\s-]+(?:{_FRACTIONS_EN}))([^A-Za-z].*)?"
)
_ENDS = rf"[^0-9\"\\\x00-\x1F\x7F\s{_HEADS}] ?"
"""How text ends (the last character before a number, or the string's end): not with 천/백/십, which may
make the number after it another one (천 4백만), and with at most one space after it."""
_INITIALS = "".join(sorted({w[0] for w in _KO_NATIVE}))
_AFTER_DIGIT = rf'[^0-9"\\\x00-\x1F\x7F\s.,{_JOINS}A-Za-z{_INITIALS}]'
"""The character right after a number that ends in a digit, when it is not a space: not . or , (3 then .5),
a scale (26 then 만), a letter (14 then bn) or the start of a number word (3 then 두 배). (A number ending in a
Hangul counter or unit, 26만장, ends there: the text after it may start as it likes.)"""


def _text(latin: tuple[str, ...] | None) -> str:
    """A stretch of free text; with ``latin``, its only Latin words are those, each whole."""
    if latin is None:
        return f"{_CH}*{_ENDS}"
    other = r'[^0-9A-Za-z"\\\x00-\x1F\x7F'
    char, end = f"{other}]", rf"{other}\s{_HEADS}]"
    if not latin:
        return f"{char}*{end} ?"
    words = "|".join(latin)
    return f"(?:{char}|(?:{words}){char})*(?:(?:{words})|{end}) ?"


def _lit(s: str) -> str:
    """A Lark string literal for exactly ``s``."""
    return json.dumps(s, ensure_ascii=False)


def _json_lit(s: str) -> str:
    """A Lark literal for ``s`` as it appears inside a JSON string."""
    return _lit(json.dumps(s, ensure_ascii=False)[1:-1])


def _alternatives(values: tuple[str, ...] | list[str]) -> str:
    return " | ".join(_json_lit(v) for v in values)


def _dates(years: tuple[int, ...], months: tuple[int, ...], days: tuple[int, ...]) -> str:
    """A year of the article's; with a month of the article's; with a day of the article's that the month has."""
    def alt(values) -> str:
        return "|".join(f"{v:02d}" for v in values)

    ys = "|".join(str(y) for y in years)
    if not months:
        return f"/(?:{ys})/"
    long = [d for d in days if d <= 31]
    ok = {m: [d for d in long if d <= (29 if m == 2 else 30 if m in (4, 6, 9, 11) else 31)] for m in months}
    by_month = "|".join(f"{m:02d}" + (f"(?:-(?:{alt(ok[m])}))?" if ok[m] else "") for m in months)
    return f"/(?:{ys})(?:-(?:{by_month}))?/"


def _free(name: str, tokens: int, numbers: int, kinds: tuple[str, ...]) -> list[str]:
    """Free text, never empty: stretches of text (each at most ``tokens`` tokens) and at most ``numbers`` of the
    article's numbers, taking turns; what may follow a number depends on how it ends."""
    text = f"{name}_text"
    rules = [f"{text}[max_tokens={tokens}]: TEXT"]
    if not kinds or numbers < 1:
        return [f"{name}: {text}", *rules]
    after = {"NUM_W": f"NUM_W {text}", "NUM_D": f"NUM_D (AFTER_D {text}? | SPACE {text})"}
    step = f"({' | '.join(after[k] for k in kinds)})"
    last = f"({' | '.join(kinds)})"

    def steps(most: int) -> str:
        return f" {step}{{0,{most}}}" if most > 0 else ""

    # Words first, or a number first (then words, or nothing more).
    return [f"{name}: {text}{steps(numbers - 1)} {last}? | {step}{steps(numbers - 2)} {last}? | {last}", *rules]


def _list(item: str, most: int, least: int = 0) -> str:
    """``least`` to ``most`` items, comma-separated (``least`` is 0 or 1)."""
    if most < 1:
        return ""
    items = f'{item} ("," {item}){{0,{most - 1}}}'
    return items if least else f"({items})?"


def lark_grammar(offer: Offer) -> str:
    """The ``%llguidance`` Lark grammar of a grounded answer to ``offer``."""
    lim = offer.limits
    figs, quotes, names, nums = offer.figure_ids, offer.quote_ids, offer.name_values, offer.number_forms
    word_end = [n for n in nums if "가" <= n[-1] <= "힣"]  # 26만, 26만장, 2030년: a Hangul syllable ends a number
    digit_end = [n for n in nums if n not in word_end]  # 2030, 1.5, $14bn, 12%: what follows could extend them
    kinds = tuple(k for k, forms in (("NUM_W", word_end), ("NUM_D", digit_end)) if forms)
    q = '"\\""'
    null = '"null"'
    rules = [
        "%llguidance {}",
        "start: " + " ".join([
            _lit('{"headline":"'), "headline", _lit('","figures":['), "figures" if figs else "",
            _lit('],"quotes":['), "quotes" if quotes and names else "", _lit('],"summary":"'), "summary",
            _lit('","events":['), "events", _lit("]}"),
        ]),
        "events: " + _list("event", lim.events, least=1),
        "event: " + " ".join([
            _lit('{"description":"'), "description", _lit('","actors":['),
            _list(f"{q} NAME {q}", lim.actors) if names else "", _lit('],"date":'),
            f"({null} | {q} DATE {q})" if offer.years else null, _lit(',"location":'),
            f"({null} | {q} NAME {q})" if names else null, _lit(',"figure_ids":['),
            _list(f"{q} FIG {q}", lim.event_figures) if figs else "", _lit("]}"),
        ]),
        *_free("headline", lim.headline_tokens, 2, kinds),
        *_free("summary", lim.summary_tokens, 4, kinds),
        *_free("label", lim.label_tokens, 0, kinds),  # a label says what a number counts, not the number
        *_free("description", lim.description_tokens, 2, kinds),
        f"TEXT: /{_text(offer.latin_words)}/ & ~/{_SPELLED}/",
    ]
    if figs:
        rules += [
            "figures: " + _list("figure", lim.figures, least=1),
            "figure: " + " | ".join(f"figure_{i}" for i in range(len(figs))),
            f"FIG: {_alternatives(figs)}",
        ]
        for i, fig in enumerate(figs):
            # part_of only names a figure offered before this one: never itself, never a cycle
            totals = figs[:i]
            part_of = f"({null} | {q} ({_alternatives(totals)}) {q})" if totals else null
            rules.append(f"figure_{i}: " + " ".join([_lit('{"id":"'), _json_lit(fig), _lit('","label":"'), "label",
                                                     _lit('","part_of":'), part_of, _lit("}")]))
    if quotes and names:
        rules += [
            "quotes: " + _list("quote", lim.quotes, least=1),
            "quote: " + " ".join([_lit('{"id":"'), "QID", _lit('","speaker":"'), "NAME", _lit('"}')]),
            f"QID: {_alternatives(quotes)}",
        ]
    if names:
        rules.append(f"NAME: {_alternatives(names)}")
    if offer.years:
        rules.append(f"DATE: {_dates(offer.years, offer.months, offer.days)}")
    if word_end:
        rules.append(f"NUM_W: {_alternatives(word_end)}")
    if digit_end:
        rules += [f"NUM_D: {_alternatives(digit_end)}", f"AFTER_D: /{_AFTER_DIGIT}/", 'SPACE: " "']
    return "\n".join(rules) + "\n"
