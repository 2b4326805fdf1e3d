"""Numbers in the free text: none that the article does not give (its words are ``support``'s)."""

from __future__ import annotations

from decimal import Decimal

from ...contract.report import Finding
from ...contract.summary import ArticleSummary
from ..article.source import Source
from ..article.textkey import clip
from ..numbers.agreement import APPROX_TOLERANCE
from ..numbers.quantities import Quantity, find_quantities
from ..numbers.words import unit_key
from .findings import as_decimal, finding, show

__all__ = ["check_free_text", "nearest"]


def _derived(summary: ArticleSummary, grounded: frozenset[str]) -> set[Decimal]:
    """Numbers the summary may state without the article writing them: sums of grounded parts."""
    values: set[Decimal] = set()
    groups: dict[str, list[Decimal]] = {}
    for f in summary.figures:
        if f.id in grounded:
            values.add(as_decimal(f.value))
            if f.part_of is not None:
                groups.setdefault(f.part_of, []).append(as_decimal(f.value))
    values.update(sum(v, Decimal(0)) for v in groups.values() if len(v) > 1)
    return values


def check_free_text(src: Source, summary: ArticleSummary, grounded: frozenset[str]) -> list[Finding]:
    """Every number in the headline, summary and event descriptions is the article's, in any notation
    and up to its sign, or a plain sum of ``grounded`` figures (those the figure check found verbatim
    and rightly valued), or a share the article writes the other way (a quarter for its 25%). Both ends of a
    range must be the article's."""
    out: list[Finding] = []
    fields = [("headline", summary.headline), ("summary", summary.summary)]
    fields += [(f"events[{i}].description", e.description) for i, e in enumerate(summary.events)]
    known = src.values
    units: dict[Decimal, set[str]] | None = None  # the units the article writes each value in, when one is asked
    derived: set[Decimal] | None = None
    for path, text in fields:
        for q in find_quantities(text):
            key = unit_key(q.unit or "")
            # A summary may word a sign instead of writing it: "3.2% 감소" for the article's -3.2%.
            if q.value in known or -q.value in known:
                if key not in KEPT_UNITS:
                    continue
                if units is None:
                    units = {}
                    for x in src.quantities:
                        units.setdefault(abs(x.value), set()).add(unit_key(x.unit or ""))
                if key in units[abs(q.value)]:
                    continue
                out.append(_other_unit(path, q, [x for x in src.quantities if abs(x.value) == abs(q.value)]))
                continue
            if derived is None:
                derived = _derived(summary, grounded)
            if q.value in derived:
                continue
            if q.qualifier == "approx" and any(abs(v - q.value) <= APPROX_TOLERANCE * abs(v) for v in known):
                continue
            if _a_share_of(q, src.quantities):
                continue
            examples = ", ".join(dict.fromkeys(x.text for x in src.quantities if not x.is_time))
            near = nearest(q, src.quantities)
            out.append(finding("text.number_not_in_source", "error", path,
                               f'"{q.text}" ({show(q.value)}) is not a number the article gives, in any notation. '
                               + (f'The nearest it gives is "{near.text}". ' if near is not None else "")
                               + "Use only the article's numbers"
                               + (f" (it gives {clip(examples, 120)})." if examples else ".") +
                               " Remove or correct this one."))
    return out


KEPT_UNITS = frozenset({"$", "원", "€", "£", "¥", "위안", "c$", "a$", "hk$", "s$", "cents", "%", "%p"})
"""Units a number in the text must keep: money and shares. "$12,000" is not the article's "12,000 homes"; a
counter may differ (26만 개 for the article's 26만장)."""


def _other_unit(path: str, q: Quantity, same: list[Quantity]) -> Finding:
    written = ", ".join(dict.fromkeys(x.text for x in same))
    return finding("text.number_not_in_source", "error", path,
                   f'"{q.text}" is not the article\'s number: it gives {show(q.value)} only as {clip(written, 80)}, '
                   f"not in {q.unit}. Keep the article's unit or currency with its number, or remove this one.")


def nearest(q: Quantity, quantities: list[Quantity]) -> Quantity | None:
    """The article's number that ``q`` most likely stands for: one with the same unit if any, then one written
    with the same digits in another order ($95 million for "$59 million"), then the closest in value."""
    pool = [x for x in quantities if not x.is_time and x.value != 0]
    same_unit = [x for x in pool if unit_key(x.unit or "") == unit_key(q.unit or "")]
    pool = same_unit or pool
    if not pool:
        return None
    digits = sorted(str(abs(q.value.normalize())))

    def rank(x: Quantity) -> tuple[bool, Decimal]:
        return sorted(str(abs(x.value.normalize()))) != digits, abs(x.value - q.value) / max(abs(q.value), Decimal(1))

    return min(pool, key=rank)


def _a_share_of(q: Quantity, quantities: list[Quantity]) -> bool:
    """Whether ``q`` is a proportion the article writes in the other notation: a quarter, 3/4 or 4분의 1 for its
    25% or 75%, or 33% for its "a third". A summary may word a share either way; one way is a percentage, the
    other a number between 0 and 1 with no unit."""
    approx = q.qualifier == "approx"
    if q.unit == "%":
        return any(_same_share(q.value, f.value, approx) for f in quantities if _fraction(f))
    if _fraction(q):
        return any(_same_share(p.value, q.value, approx) for p in quantities if p.unit == "%")
    return False


def _fraction(q: Quantity) -> bool:
    return q.unit is None and 0 < q.value < 1


def _same_share(percent: Decimal, fraction: Decimal, approx: bool) -> bool:
    """Whether ``percent`` is ``fraction`` in percent, rounded where the percentage stops (33% or 33.3% for a
    third, 67% for two-thirds, not 66%); within the approximate tolerance when the summary says about."""
    exact = fraction * 100
    step = Decimal(1).scaleb(min(0, percent.as_tuple().exponent))  # 1 for 33, 0.1 for 33.3
    if 2 * abs(exact - percent) <= step:
        return True
    return approx and abs(exact - percent) <= APPROX_TOLERANCE * abs(exact)
