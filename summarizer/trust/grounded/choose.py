"""What code picks when no model does, or when a model's picks leave a field empty.

Pure code, deterministic: the same article gives the same picks.

- **summary**: the ``SUMMARY_SENTENCES`` best-ranked sentences (``ranking``), in the article's order; in
  English, none that mostly repeats a better one (``ranking.Weights.repeats``);
- **events**: the best-ranked sentences that name one of the article's people or organisations and are not
  in the summary (a long one as its first clause that names one), up to ``EVENTS``;
- **figures**: counted amounts (26만장, $14bn, 12%) before other numbers, each from the best-ranked
  sentence it stands in, each figure once (the same value and unit, and the same year before it), up to
  ``FIGURES``, each with its first label;
- **quotes**: quotations the article gives to a named speaker with a cue verb, then others it gives to
  someone, the speakers taking turns, up to ``QUOTES``, each given to the speaker the article gives it to.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...contract.grounded import (
    Candidates,
    NumberCandidate,
    PickedFigure,
    PickedQuote,
    QuoteCandidate,
    SentenceCandidate,
)
from ..words import content_words, language_of
from .ranking import counted, ranked, weights_for

__all__ = ["EVENTS", "FIGURES", "QUOTES", "SUMMARY_SENTENCES", "by_turns", "figure_order", "pick_events",
           "pick_figures", "pick_quotes", "pick_summary", "quote_order", "same_figure"]

SUMMARY_SENTENCES = 3
EVENTS = 3
FIGURES = 6
QUOTES = 3
UNCOUNTED_UNTIL = 2
_YEAR_REACH = 24
"""How far before a number (characters, in its sentence) a year may stand to be that number's year."""


def _language(c: Candidates) -> str | None:
    """The article's language, as its first sentences write it."""
    return language_of(" ".join(s.text for s in c.sentences[:10]))


def _words(s: SentenceCandidate, language: str | None) -> frozenset[str]:
    return frozenset(w.key for w in content_words(s.text, language) if w.kind != "number")


def _repeats(mine: frozenset[str], said: list[frozenset[str]], limit: float) -> bool:
    """Whether more than ``limit`` of the words of the shorter of ``mine`` and one of ``said`` are in both."""
    return any(len(mine & p) > limit * min(len(mine), len(p)) for p in said)


def pick_summary(c: Candidates, most: int = SUMMARY_SENTENCES,
                 taken: Sequence[SentenceCandidate] = ()) -> list[str]:
    """The ids of the best-ranked whole sentences, in the article's order, after those ``taken`` (a model's
    picks), none overlapping another; where the article's language has a limit on repeats
    (``ranking.weights_for``), a sentence that mostly repeats one picked before it is passed over while
    others are left."""
    chosen = list(taken)
    pool = [s for s in ranked(c.sentences) if not any(t.start < s.end and s.start < t.end for t in chosen)]
    language = _language(c)
    limit = weights_for(language).repeats
    said = [_words(s, language) for s in chosen] if limit is not None else []
    passed: list[SentenceCandidate] = []
    for s in pool:
        if len(chosen) >= most:
            break
        if any(t.start < s.end and s.start < t.end for t in chosen):
            continue
        if limit is not None:
            mine = _words(s, language)
            if _repeats(mine, said, limit):
                passed.append(s)
                continue
            said.append(mine)
        chosen.append(s)
    chosen += passed[:max(0, most - len(chosen))]
    return [s.id for s in sorted(chosen, key=lambda s: s.start)]


def pick_events(c: Candidates, taken: list[str] | tuple[str, ...] = (), most: int = EVENTS) -> list[str]:
    """The ids of the best-ranked sentences (or clauses) that name an actor, not already ``taken``, in the
    article's order; where the article's language has a limit on repeats, none that mostly repeats a
    sentence taken or picked before it."""
    actors = {n.name for n in c.names if n.kind != "place"}
    pool = ranked(c.sentences)
    language = _language(c)
    limit = weights_for(language).repeats
    said = [_words(s, language) for s in map(c.sentence, taken) if s is not None] if limit is not None else []
    out = []
    for s in pool:
        if s.id in taken or not actors & set(s.names):
            continue
        if s.clauses:
            parts = [p for p in map(c.sentence, s.clauses) if p is not None and actors & set(p.names)]
            s = parts[0] if parts else s
        if limit is not None:
            mine = _words(s, language)
            if _repeats(mine, said, limit):
                continue
            said.append(mine)
        out.append(s)
        if len(out) == most:
            break
    return [s.id for s in sorted(out, key=lambda s: s.start)]


def figure_order(c: Candidates) -> list[NumberCandidate]:
    """The article's figures with a label, best first: counted amounts, then by the rank of their sentence;
    each figure once (``same_figure``)."""
    score = {}
    for s in c.sentences:
        if s.parent is None:
            for f in s.figures:
                score.setdefault(f, s.score)
    seen: set[tuple[object, str | None, int | None]] = set()
    out = []
    for n in sorted(c.figures, key=lambda n: (not counted(n), -score.get(n.id, 0.0), n.start)):
        key = same_figure(c, n)
        if key in seen or not c.labels_of(n.id):
            continue
        seen.add(key)
        out.append(n)
    return out


def same_figure(c: Candidates, n: NumberCandidate) -> tuple[object, str | None, int | None]:
    """What makes two numbers one figure: the value, the unit and the year the article gives it right before
    it (26만장 and 26만장 이상 are one figure; 20만장 for companies and "2030년 20만장" are two)."""
    years = [t for t in c.numbers if t.is_time and t.unit in ("년", None) and 1900 <= t.value <= 2100
             and t.end <= n.start and n.start - t.end <= _YEAR_REACH and "\n" not in _between(c, t.end, n.start)]
    return n.value, n.unit, int(years[-1].value) if years else None


def _between(c: Candidates, start: int, end: int) -> str:
    s = next((s for s in c.sentences if s.start <= start and end <= s.end), None)
    return "" if s is not None else "\n"


def pick_figures(c: Candidates, most: int = FIGURES) -> list[PickedFigure]:
    """Counted amounts first; another number (3대, 다섯 배) only while fewer than ``UNCOUNTED_UNTIL`` are
    picked."""
    out = []
    for n in figure_order(c):
        if len(out) == most or (not counted(n) and (len(out) >= UNCOUNTED_UNTIL or n.unit is None)):
            break
        out.append(PickedFigure(id=n.id, label=c.labels_of(n.id)[0].id))
    return out


def by_turns(quotes: list[QuoteCandidate]) -> list[QuoteCandidate]:
    """``quotes`` with their speakers taking turns (each speaker's in order): a few quotations then hold each
    speaker's first, not five of the first speaker's."""
    turns: dict[str | None, list[QuoteCandidate]] = {}
    for q in quotes:
        turns.setdefault(q.speaker, []).append(q)
    out: list[QuoteCandidate] = []
    for i in range(max((len(v) for v in turns.values()), default=0)):
        out += [v[i] for v in turns.values() if i < len(v)]
    return out


def quote_order(quotes: list[QuoteCandidate] | tuple[QuoteCandidate, ...]) -> list[QuoteCandidate]:
    """Whole quotations, best first: given to a named speaker with a cue verb, then given to someone, then
    the rest; the speakers taking turns."""
    def rank(q: QuoteCandidate) -> tuple[int, int]:
        return (0 if q.speaker and q.how == "cue" else 1 if q.speaker else 2), q.start

    return by_turns(sorted((q for q in quotes if q.parent is None), key=rank))


def pick_quotes(c: Candidates, most: int = QUOTES) -> list[PickedQuote]:
    return [PickedQuote(id=q.id, speaker=q.speaker) for q in quote_order(c.quotes) if q.speaker][:most]
