"""Build the summary from a grounded answer, and say what the checks found in terms of its picks.

``build_summary(candidates, answer, title)`` is pure code, and every word of
the summary is the article's:

- the headline is the article's title (``headline``), or its lead;
- the summary is the picked sentences, in the article's order, copied;
- each event is a picked sentence or clause, copied, with the people and
  organisations it names (outside its quotations) as actors, the first
  place it names, the date its own words give (2025년 10월 31일 ->
  2025-10-31) and the picked figures it holds;
- a figure's text, value, unit and qualifier are the number reader's, its
  label the words the pick names (``labels``);
- a quotation's text is ``article[start:end]``, given to the speaker picked
  or, with none, to the one the article gives it to.

What a field's picks leave empty (or short of ``choose.SUMMARY_SENTENCES``
for the summary) code picks by its own ranking (``choose``); a model asked
for nothing gets code's summary whole.

A pick that names no candidate cannot be built; it is left out, and said so
(``grounded.unknown_pick``, a warning), as is a label that is not one of its
figure's. A sentence, quotation or number picked twice (or a clause and its
sentence, a quotation and one of its sentences) is kept once. A ``part_of``
that names a figure the answer did not pick is left out, and said so
(``grounded.unpicked_figure``, a warning). So is a figure said to be a part
of itself (``grounded.self_part``): an endpoint's JSON Schema cannot rule it
out, and the 270M model served as an endpoint linked every figure it picked
to itself.

``reask_lines(built, report)`` turns findings on the summary back into what the
model picked ("quote q3: ... the article gives it to 조준희"), for a re-ask.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...contract.grounded import Candidates, GroundedAnswer, SentenceCandidate
from ...contract.report import Finding, Report
from ...contract.summary import ArticleSummary, Event, Figure, Quote
from ..article.textkey import clip
from ..checks.findings import finding
from ..numbers.values import plain
from .choose import (
    EVENTS,
    FIGURES,
    QUOTES,
    SUMMARY_SENTENCES,
    pick_events,
    pick_figures,
    pick_quotes,
    pick_summary,
    same_figure,
)
from .headline import headline

__all__ = ["Built", "build_summary", "reask_lines"]

_PATH_RE = re.compile(r"^(quotes|figures)\[(\d+)\](.*)$")
_PICKABLE = ("quote.speaker_far", "quote.misattributed", "totals.mismatch")
_MAX_ACTORS = 3


@dataclass(frozen=True)
class Built:
    """A summary built from a grounded answer, and which candidate each part came from."""

    summary: ArticleSummary
    quote_ids: tuple[str, ...]
    """``summary.quotes[i]`` is the quotation candidate ``quote_ids[i]``."""
    figure_ids: tuple[str, ...]
    """``summary.figures[i]`` is the number candidate ``figure_ids[i]`` (also its id in the summary)."""
    findings: tuple[Finding, ...] = ()
    """Picks that could not be built (warnings)."""
    candidates: Candidates | None = None
    sentence_ids: tuple[str, ...] = ()
    """The sentences the summary is made of, in order."""
    event_ids: tuple[str, ...] = ()
    """``summary.events[i]`` is the sentence (or clause) ``event_ids[i]``."""


def _unknown(notes: list[Finding], path: str, pick: str, what: str) -> None:
    notes.append(finding("grounded.unknown_pick", "warning", path,
                         f'{path} picked "{pick}", which is none of the article\'s {what}; it was left out.'))


def _sentences(c: Candidates, ids: list[str], path: str, notes: list[Finding]) -> list[SentenceCandidate]:
    """The picked sentences that exist, each once, none overlapping one picked before it."""
    out: list[SentenceCandidate] = []
    for i, sid in enumerate(ids):
        s = c.sentence(sid)
        if s is None:
            _unknown(notes, f"{path}[{i}]", sid, "sentences")
        elif not any(t.start < s.end and s.start < t.end for t in out):
            out.append(s)
    return out


def _summary(c: Candidates, picks: list[str], notes: list[Finding]) -> list[SentenceCandidate]:
    chosen = _sentences(c, picks, "summary", notes)
    chosen = sorted(chosen, key=lambda s: -s.score)[:SUMMARY_SENTENCES]
    return [s for s in map(c.sentence, pick_summary(c, SUMMARY_SENTENCES, chosen)) if s is not None]


def _date(c: Candidates, s: SentenceCandidate) -> str | None:
    """The date the sentence's own words give (a year, a month of it, a day of that), as ISO 8601; a month or
    day with no year takes the article's year when it names only one."""
    parts = {n.unit: int(n.value) for n in c.numbers if n.is_time and s.start <= n.start and n.end <= s.end
             and n.unit in ("년", "월", "일") and n.value == int(n.value)}
    years = {int(n.value) for n in c.numbers if n.is_time and n.unit in ("년", None) and 1900 <= n.value <= 2100}
    year = parts.get("년") or (next(iter(years)) if len(years) == 1 and parts else None)
    if year is None or not 1900 <= year <= 2100:
        return None
    month, day = parts.get("월"), parts.get("일")
    if month is None or not 1 <= month <= 12:
        return f"{year:04d}"
    if day is None or not 1 <= day <= 31:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _speaks_or_acts(c: Candidates, s: SentenceCandidate, name: str) -> bool:
    """Whether ``name`` is named in the sentence outside the quotations in it (a name a speaker says is not an
    actor of the event)."""
    n = c.name(name)
    quoted = [(q.start, q.end) for q in c.quotes if q.parent is None and s.start <= q.start and q.end <= s.end]
    return n is not None and any(s.start <= a and b <= s.end and not any(qs <= a < qe for qs, qe in quoted)
                                 for a, b in n.mentions)


def _event(c: Candidates, s: SentenceCandidate, picked: set[str]) -> Event:
    kinds = {n.name: n.kind for n in c.names}
    actors = [n for n in s.names if kinds.get(n) != "place" and _speaks_or_acts(c, s, n)][:_MAX_ACTORS]
    place = next((n for n in s.names if kinds.get(n) == "place"), None)
    return Event(description=s.text, actors=actors, date=_date(c, s), location=place,
                 figure_ids=[f for f in s.figures if f in picked])


def build_summary(candidates: Candidates, answer: GroundedAnswer, title: str | None = None) -> Built:
    """The ``ArticleSummary`` that ``answer``'s picks make of the article's ``candidates``."""
    c = candidates
    notes: list[Finding] = []
    figures: list[Figure] = []
    seen: set[tuple[object, str | None, int | None]] = set()
    for i, pick in enumerate(answer.figures or pick_figures(c)):
        n = c.number(pick.id)
        if n is None:
            _unknown(notes, f"figures[{i}]", pick.id, "numbers")
            continue
        if same_figure(c, n) in seen or len(figures) >= FIGURES:
            continue
        seen.add(same_figure(c, n))
        labels = c.labels_of(n.id)
        label = next((x for x in labels if x.id == pick.label), None)
        if label is None and pick.label is not None:
            _unknown(notes, f"figures[{i}].label", pick.label, f"labels of {n.id}")
        label = label or (labels[0] if labels else None)
        figures.append(Figure(id=n.id, label=label.text if label else "", value=plain(n.value), unit=n.unit,
                              text=n.text, qualifier=n.qualifier, part_of=pick.part_of))
    quotes: list[Quote] = []
    quote_ids: list[str] = []
    taken: list[tuple[int, int]] = []
    for i, qpick in enumerate(answer.quotes or pick_quotes(c)):
        q = c.quote(qpick.id)
        if q is None:
            _unknown(notes, f"quotes[{i}]", qpick.id, "quotations")
            continue
        speaker = qpick.speaker or q.speaker
        if any(s < q.end and q.start < e for s, e in taken) or speaker is None or len(quotes) >= QUOTES:
            continue  # the same words picked again, whole or as one of its sentences; or no one to give it to
        taken.append((q.start, q.end))
        name = c.name(speaker)
        quotes.append(Quote(text=q.text, speaker=speaker, speaker_role=name.role if name else None))
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
    sentences = _summary(c, answer.summary, notes)
    events = _sentences(c, answer.events, "events", notes)
    if not events:
        events = [s for s in map(c.sentence, pick_events(c, [s.id for s in sentences])) if s is not None]
    events = sorted(events[:EVENTS], key=lambda s: s.start)
    summary = ArticleSummary(headline=headline(c, title), summary=" ".join(s.text for s in sentences),
                             events=[_event(c, s, picked) for s in events], figures=figures, quotes=quotes)
    return Built(summary, tuple(quote_ids), tuple(f.id for f in figures), tuple(notes), c,
                 tuple(s.id for s in sentences), tuple(s.id for s in events))


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
