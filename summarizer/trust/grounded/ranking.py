"""How code ranks the article's sentences: what it offers first, and what it picks when no model does.

A sentence's ``score`` adds four signals, each between 0 and 1:

- **position**: news puts the story first; ``1 / (1 + position / POSITION_SCALE)``;
- **centrality**: how close its words are to the rest of the article (``passages``);
- **figures**: whether it carries the article's counted amounts (26만장, $14bn, 12%), up to two;
- **names**: whether it names the article's people and organisations, up to two;

weighted by ``WEIGHTS``, tuned on the tuning half of ``benchmarks/data/extractive`` only (Korean science
news with the sentences two people chose, English CNN/DailyMail with its highlights) and reported on the
held-out half (``python -m benchmarks.content``). A clause scores as its sentence, a little lower, so
that a whole sentence is offered before its parts.

What code picks for the summary may also leave out a sentence that mostly repeats one it picked
(``Weights.repeats``, by language: ``weights_for``). English news says a thing twice (a photo caption
run into the text, a lead and its restatement), and its highlights do not: on the English tuning half
the limit raised the score. The sentences people chose in the Korean set restate each other (a
subhead and the lead, a caption and its sentence), and any limit lowered it there: Korean has none.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ...contract.grounded import NumberCandidate, SentenceCandidate

__all__ = ["MONEY_OR_SHARE", "WEIGHTS", "Weights", "rank", "ranked", "weights_for"]

MONEY_OR_SHARE = frozenset({"원", "달러", "엔", "위안", "유로", "$", "€", "£", "¥", "₩", "%", "%p"})


@dataclass(frozen=True)
class Weights:
    position: float = 1.0
    position_scale: float = 10.0
    centrality: float = 1.0
    figures: float = 0.1
    names: float = 0.3
    clause: float = 0.05
    """What a clause loses against its sentence."""
    repeats: float | None = None
    """The share of a sentence's content words (of the shorter one's) that one already picked may hold
    before it is left out of the summary as a repeat; None: no limit."""


WEIGHTS = Weights()
_BY_LANGUAGE = {"en": replace(WEIGHTS, repeats=0.7)}


def weights_for(language: str | None) -> Weights:
    """The weights for an article in ``language`` ("ko", "en"): ``WEIGHTS``, with English's limit on repeats."""
    return _BY_LANGUAGE.get(language or "", WEIGHTS)


def counted(n: NumberCandidate) -> bool:
    """A counted amount: a number with a unit that is large, money or a share (not a bare 3)."""
    return n.unit is not None and (n.value >= 10_000 or n.unit in MONEY_OR_SHARE)


def _signals(s: SentenceCandidate, counted_ids: frozenset[str], actors: frozenset[str],
             w: Weights) -> float:
    position = 1.0 / (1.0 + s.position / w.position_scale)
    figures = min(sum(f in counted_ids for f in s.figures), 2) / 2
    names = min(sum(n in actors for n in set(s.names)), 2) / 2
    score = w.position * position + w.centrality * s.centrality + w.figures * figures + w.names * names
    return score - (w.clause if s.parent else 0.0)


def rank(sentences: tuple[SentenceCandidate, ...], numbers: tuple[NumberCandidate, ...], actors: frozenset[str],
         weights: Weights = WEIGHTS) -> tuple[SentenceCandidate, ...]:
    """``sentences`` with their scores, in the same (the article's) order."""
    counted_ids = frozenset(n.id for n in numbers if not n.is_time and counted(n))
    return tuple(replace(s, score=round(_signals(s, counted_ids, actors, weights), 4)) for s in sentences)


def ranked(sentences: tuple[SentenceCandidate, ...], *, clauses: bool = False) -> list[SentenceCandidate]:
    """Best first (ties: the article's order); whole sentences only unless ``clauses``."""
    pool = [s for s in sentences if clauses or s.parent is None]
    return sorted(pool, key=lambda s: (-s.score, s.position, s.parent is not None, s.start))
