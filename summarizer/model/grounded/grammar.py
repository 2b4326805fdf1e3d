"""The Lark grammar (llguidance) the embedded model decodes a grounded answer under.

It produces exactly the JSON of ``grounded.response_model(offer)``, compact and in field order: only ids
(the offer's sentences, numbers, each number's own labels, quotations) and, where the offer asks for them,
names. The model writes no word of its own, so there is no free text to constrain: every word of the
summary is copied from the article by code.

Beyond what a JSON schema says:

- a figure's label is one of *that* figure's labels, not another's;
- a figure may only be a part of a figure offered before it (the offer lists counted amounts first, in the
  article's order, so a total usually comes before its parts): never of itself, and never in a cycle, which
  the small model wrote often;
- every list it is asked for holds at least one pick: left free, the small model leaves them empty.

Repeated picks in a list are allowed by the grammar (it cannot forbid them without listing every order) and
kept once by ``trust.grounded.build``.
"""

from __future__ import annotations

import json

from .schema import Offer, response_model

__all__ = ["lark_grammar"]


def _lit(s: str) -> str:
    """A Lark string literal for exactly ``s``."""
    return json.dumps(s, ensure_ascii=False)


def _json_lit(s: str) -> str:
    """A Lark literal for ``s`` as a JSON string (with its quotes)."""
    return _lit(json.dumps(s, ensure_ascii=False))


def _alternatives(values: tuple[str, ...] | list[str]) -> str:
    return "(" + " | ".join(_json_lit(v) for v in values) + ")"


def _list(item: str, most: int) -> str:
    """One to ``most`` items, comma-separated."""
    return f'{item} ("," {item}){{0,{most - 1}}}' if most > 1 else item


def _figure(offer: Offer, i: int, fid: str) -> str:
    parts = [_lit('{"id":'), _json_lit(fid)]
    if "label" in _fields(offer, "PickedFigure"):
        parts += [_lit(',"label":'), _alternatives(offer.labels_of(fid))]
    if "part_of" in _fields(offer, "PickedFigure"):
        totals = offer.figure_ids[:i]  # only one offered before it: never itself, never a cycle
        parts += [_lit(',"part_of":'), f'("null" | {_alternatives(totals)})' if totals else '"null"']
    return " ".join([*parts, _lit("}")])


def _fields(offer: Offer, model: str) -> tuple[str, ...]:
    """The fields of the answer's ``model`` (the answer, or its PickedFigure or PickedQuote)."""
    answer = response_model(offer)
    if model == "GroundedAnswer":
        return tuple(answer.model_fields)
    field = answer.model_fields["figures" if model == "PickedFigure" else "quotes"]
    item = field.annotation.__args__[0]  # list[Item]
    return tuple(item.model_fields)


def lark_grammar(offer: Offer) -> str:
    """The ``%llguidance`` Lark grammar of a grounded answer to ``offer``."""
    lim = offer.limits
    fields = _fields(offer, "GroundedAnswer")
    rules = ["%llguidance {}"]
    body: list[str] = []
    for name in fields:
        body.append(_lit(("{" if not body else ",") + f'"{name}":['))
        body.append(name)
        body.append(_lit("]"))
        if name in ("summary", "events"):
            rules.append(f"{name}: {_list('SID', getattr(lim, name))}")
        elif name == "figures":
            rules.append(f"figures: {_list('figure', lim.figures)}")
            rules.append("figure: " + " | ".join(f"figure_{i}" for i in range(len(offer.figure_ids))))
            rules += [f"figure_{i}: {_figure(offer, i, fid)}" for i, fid in enumerate(offer.figure_ids)]
        else:
            quote = [_lit('{"id":'), "QID"]
            if "speaker" in _fields(offer, "PickedQuote"):
                quote += [_lit(',"speaker":'), f'("null" | {_alternatives(offer.name_values)})']
            rules.append(f"quotes: {_list('quote', lim.quotes)}")
            rules.append("quote: " + " ".join([*quote, _lit("}")]))
            rules.append(f"QID: {_alternatives(offer.quote_ids)}")
    if "summary" in fields or "events" in fields:
        rules.append(f"SID: {_alternatives(offer.sentence_ids)}")
    rules.insert(1, "start: " + " ".join([*body, _lit("}")]) if body else 'start: "{}"')
    return "\n".join(rules) + "\n"
