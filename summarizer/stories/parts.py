"""A part in one outlet against a sum of parts in another: 004's 20만 for "주요 기업" against
001's 삼성전자 5만 + SK그룹 5만 + 현대차 5만 + 네이버 6만.

Both outlets split a total that the story has lined up (26만) into parts. When
one outlet's part has no counterpart in the other, the other's unmatched parts
may together be its counterpart. Code looks for the other outlet's parts whose
label words (삼성전자, 네이버) the part's own clause names:

- if the clause names two or more of them and nothing more (no 등, 외, etc.:
  a closed list), the labels show the same group, and the sum is compared;
- otherwise words alone cannot tell which parts the group covers, and this is
  left as an open question, with the candidate parts, the sums they could make,
  and what the clause does and does not name. The model step may settle it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..trust.numbers.values import show
from .evidence import ArticleEvidence, FigureEvidence, same_term
from .figures import Group, compatible, sum_of
from .words import stems

__all__ = ["PartQuestion", "compare_parts"]

# An open list: 삼성전자·현대자동차·네이버 등 (and others), ... 외, such as, including, among others.
_OPEN_RE = re.compile(r"(?<![가-힣])(?:등|외)(?![가-힣])|\b(?:etc|and others|among others|such as|including)\b",
                      re.IGNORECASE)


@dataclass(frozen=True)
class PartQuestion:
    kind: str
    """part_sum: which of another outlet's parts the figure covers; same_figure: whether it is one of them."""
    figure: FigureEvidence
    candidates: tuple[FigureEvidence, ...]
    named: tuple[str, ...]
    note: str


def _describe(parts: Sequence[FigureEvidence]) -> str:
    return ", ".join(f"{p.label} {p.text} ({p.id})" for p in parts)


def compare_parts(groups: list[Group], articles: dict[str, ArticleEvidence]) -> list[PartQuestion]:
    """Add the sums of parts that the words settle to ``groups``; return the questions they do not."""
    questions: list[PartQuestion] = []
    index = {r.ref: g for g in groups for r in g.reports}
    for total_group in [g for g in groups if len(g.articles) > 1]:
        for t_b in [r for r in total_group.reports if isinstance(r, FigureEvidence)]:
            b = articles[t_b.article]
            for part in [f for f in b.figures if f.part_of == t_b.id]:
                for t_a in [r for r in total_group.reports if isinstance(r, FigureEvidence) and r.article != b.id]:
                    question = _compare(index, part, t_a, t_b, articles[t_a.article], b.text)
                    if question is not None:
                        questions.append(question)
    return questions


def _compare(index: dict[str, Group], part: FigureEvidence, t_a: FigureEvidence, t_b: FigureEvidence,
             a: ArticleEvidence, text: str) -> PartQuestion | None:
    home = index[part.ref]
    if a.id in home.articles:
        return None  # already lined up with one of a's figures
    candidates = [p for p in a.figures if p.part_of == t_a.id and compatible(p, part)
                  and part.article not in index[p.ref].articles]
    if len(candidates) < 2:
        return None
    clause = stems(text[part.segment[0]:part.segment[1]])
    named = [p for p in candidates if p.near and any(same_term(t, w) for t in p.near for w in clause)]
    if not named:
        return None
    open_list = _OPEN_RE.search(text, *part.segment) is not None
    if len(named) >= 2 and not open_list:
        home.reports.append(sum_of(named))
        home.notes.append(f"{part.article}'s clause names exactly {_describe(named)} of {a.id}'s parts of "
                          f"{t_a.text}; their sum is compared.")
        return None
    rest = [p for p in candidates if p not in named]
    head = f"{part.article} gives {part.text} for {part.label!r}, a part of its {t_b.text}. "
    if len(named) == 1:
        (only,) = named
        note = (head + f"Its clause also has the words of {a.id}'s {only.label!r} ({only.text}, {only.id}), a part of "
                f"{a.id}'s {t_a.text}; words alone cannot tell whether the two are the same share.")
    else:
        low = sum((p.value for p in named), Decimal(0))
        high = low + sum((p.value for p in rest), Decimal(0))
        why = "says 등 (and others)" if open_list else "is not a closed list"
        note = (head + f"Its clause names {_describe(named)} of {a.id}'s parts of {t_a.text}, together {show(low)}, "
                f"and {why}; {a.id}'s other parts are {_describe(rest) or 'none'}. With some or all of them the group "
                f"would be {show(low)} to {show(high)}: words alone cannot tell which {part.article}'s figure covers.")
    note += " The model step (--base-url/--model) may decide; code checks its answer."
    kind, candidates = ("same_figure", named) if len(named) == 1 else ("part_sum", candidates)
    return PartQuestion(kind, part, tuple(candidates), tuple(p.id for p in named), note)
