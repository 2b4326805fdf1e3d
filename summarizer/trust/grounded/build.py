"""Build the summary from a grounded answer, and say what the checks found in terms of its picks.

``build_summary(candidates, answer)`` is pure code: a picked quotation's text
is copied from the article (``article[start:end]``), a picked number's value,
unit and qualifier come from the number parser, and the speaker's role from
the article's names. What the model wrote (labels, ``part_of``, speakers,
actors, places, headline, summary, events) is kept as written, for the checks
to judge: ``validate`` then runs on the summary exactly as on any other.

A pick that names no candidate cannot be built; it is left out, and said so
(``grounded.unknown_pick``, a warning). A quotation or number picked twice
(or a quotation and one of its sentences) is kept once. A ``part_of`` or an
event's figure id that names a figure the answer did not pick is left out,
and said so (``grounded.unpicked_figure``, a warning): a small model does
this often, and a re-ask costs it more than the link is worth. So is a
figure said to be a part of itself (``grounded.self_part``): the embedded
model's grammar rules that out, an endpoint's JSON Schema cannot, and the
270M model served as an endpoint linked every figure it picked to itself.

``reask_lines(built, report)`` turns findings on the summary back into what the
model picked ("quote q3: ... the article gives it to 조준희"), for a re-ask.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...contract.grounded import Candidates, GroundedAnswer
from ...contract.report import Finding, Report
from ...contract.summary import ArticleSummary, Event, Figure, Quote
from ..article.textkey import clip
from ..checks.findings import finding
from ..numbers.values import plain

__all__ = ["Built", "build_summary", "reask_lines"]

_PATH_RE = re.compile(r"^(quotes|figures)\[(\d+)\](.*)$")
_PICKABLE = ("quote.speaker_far", "quote.misattributed", "totals.mismatch")


@dataclass(frozen=True)
class Built:
    """A summary built from a grounded answer, and which candidate each quote and figure came from."""

    summary: ArticleSummary
    quote_ids: tuple[str, ...]
    """``summary.quotes[i]`` is the quotation candidate ``quote_ids[i]``."""
    figure_ids: tuple[str, ...]
    """``summary.figures[i]`` is the number candidate ``figure_ids[i]`` (also its id in the summary)."""
    findings: tuple[Finding, ...] = ()
    """Picks that could not be built (warnings)."""
    candidates: Candidates | None = None


def build_summary(candidates: Candidates, answer: GroundedAnswer) -> Built:
    """The ``ArticleSummary`` that ``answer``'s picks make of the article's ``candidates``."""
    notes: list[Finding] = []
    figures: list[Figure] = []
    for i, pick in enumerate(answer.figures):
        n = candidates.number(pick.id)
        if n is None:
            notes.append(finding("grounded.unknown_pick", "warning", "figures",
                                 f'figures[{i}] picked "{pick.id}", which is none of the article\'s numbers; '
                                 "it was left out."))
            continue
        if any(f.id == n.id for f in figures):
            continue
        figures.append(Figure(id=n.id, label=pick.label, value=plain(n.value), unit=n.unit, text=n.text,
                              qualifier=n.qualifier, part_of=pick.part_of))
    quotes: list[Quote] = []
    quote_ids: list[str] = []
    taken: list[tuple[int, int]] = []
    for i, pick in enumerate(answer.quotes):
        q = candidates.quote(pick.id)
        if q is None:
            notes.append(finding("grounded.unknown_pick", "warning", "quotes",
                                 f'quotes[{i}] picked "{pick.id}", which is none of the article\'s quotations; '
                                 "it was left out."))
            continue
        if any(s < q.end and q.start < e for s, e in taken):
            continue  # the same words picked again, whole or as one of its sentences
        taken.append((q.start, q.end))
        name = candidates.name(pick.speaker)
        quotes.append(Quote(text=q.text, speaker=pick.speaker, speaker_role=name.role if name else None))
        quote_ids.append(q.id)
    picked = {f.id for f in figures}
    for i, f in enumerate(figures):
        if f.part_of is None:
            continue
        if f.part_of == f.id:
            notes.append(finding("grounded.self_part", "warning", f"figures[{i}].part_of",
                                 f"{f.id} was said to be a part of itself; part_of was left out."))
        elif f.part_of not in picked:
            notes.append(finding("grounded.unpicked_figure", "warning", f"figures[{i}].part_of",
                                 f'{f.id} was said to be a part of "{f.part_of}", a figure not picked; part_of was '
                                 "left out."))
        else:
            continue
        figures[i] = f.model_copy(update={"part_of": None})
    events = []
    for i, e in enumerate(answer.events):
        ids = list(dict.fromkeys(e.figure_ids))
        if unpicked := [x for x in ids if x not in picked]:
            notes.append(finding("grounded.unpicked_figure", "warning", f"events[{i}].figure_ids",
                                 f"events[{i}] named {', '.join(unpicked)}, not among the picked figures; "
                                 "they were left out of it."))
        events.append(Event(description=e.description, actors=list(dict.fromkeys(e.actors)), date=e.date,
                            location=e.location, figure_ids=[x for x in ids if x in picked]))
    summary = ArticleSummary(headline=answer.headline, summary=answer.summary, events=events, figures=figures,
                             quotes=quotes)
    return Built(summary, tuple(quote_ids), tuple(f.id for f in figures), tuple(notes), candidates)


def reask_lines(built: Built, report: Report, *, warnings: bool = True) -> list[str]:
    """The report's errors (and, with ``warnings``, the warnings a different pick can fix), as lines about the
    picks: "quote q3 (…): …", "figure f2: …"."""
    lines = []
    for f in report.findings:
        if f.severity == "warning" and not (warnings and f.code in _PICKABLE):
            continue
        lines.append(f"- {_where(built, f.path)}: {f.message}{_hint(built, f)}")
    return lines


def _where(built: Built, path: str) -> str:
    m = _PATH_RE.match(path)
    if m is None:
        return path
    kind, i, rest = m[1], int(m[2]), m[3].lstrip(".")
    ids = built.quote_ids if kind == "quotes" else built.figure_ids
    if i >= len(ids):
        return path
    if kind == "quotes":
        q = built.candidates.quote(ids[i]) if built.candidates else None
        where = f"quote {ids[i]}" + (f" ({clip(q.text, 24)})" if q else "")
    else:
        where = f"figure {ids[i]}"
    return f"{where} {rest}".rstrip()


def _hint(built: Built, f: Finding) -> str:
    """What the article says where a pick can fix a finding."""
    m = _PATH_RE.match(f.path)
    if m is None or built.candidates is None:
        return ""
    i = int(m[2])
    if m[1] == "quotes" and m[3] == ".speaker" and i < len(built.quote_ids):
        q = built.candidates.quote(built.quote_ids[i])
        if q is not None and q.speaker and q.speaker != built.summary.quotes[i].speaker and q.speaker not in f.message:
            return f" The article gives {q.id} to {q.speaker}."
    return ""
