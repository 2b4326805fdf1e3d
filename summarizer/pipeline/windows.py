"""Articles longer than the model's context: overlapping windows, then one summary.

An article is cut on paragraph boundaries into windows that fit the token
budget, each repeating the previous window's last paragraph so that nothing
said across a boundary is lost. The windows' summaries are merged into one,
with duplicate quotes, figures and events removed and figure ids renumbered;
the merged summary is then checked against the whole article, so every
offset indexes the whole article.
"""

from __future__ import annotations

from ..contract.summary import ArticleSummary, Event, Figure, Quote
from ..trust.article.textkey import key_of

__all__ = ["estimate_tokens", "merge_summaries", "split_windows"]

def estimate_tokens(text: str) -> int:
    """A cautious token count without a tokenizer: one per CJK/Hangul character
    (three bytes in UTF-8), one per three other characters. Counted from the
    UTF-8 length, in C: this runs for every article."""
    n = len(text)
    wide = max(0, (len(text.encode("utf-8")) - n) // 2)
    return wide + (n - wide) // 3 + 1


def split_windows(text: str, budget: int) -> list[str]:
    """``text`` as consecutive slices of at most ``budget`` tokens (estimated),
    cut at line ends, each starting with the last paragraph of the one before.

    Slices are exact substrings of ``text``. A single paragraph longer than the
    budget is cut at a sentence end, or hard, as a last resort.
    """
    if estimate_tokens(text) <= budget:
        return [text]
    pieces = _pieces(text, budget)
    windows: list[str] = []
    current: list[str] = []
    for piece in pieces:
        if current and estimate_tokens("".join(current) + piece) > budget:
            windows.append("".join(current))
            overlap = current[-1]
            current = [overlap] if estimate_tokens(overlap + piece) <= budget else []
        current.append(piece)
    if current:
        windows.append("".join(current))
    return windows


def _pieces(text: str, budget: int) -> list[str]:
    out: list[str] = []
    for para in text.splitlines(keepends=True):
        while estimate_tokens(para) > budget:
            cut = _cut(para, budget)
            out.append(para[:cut])
            para = para[cut:]
        if para:
            out.append(para)
    return out


def _cut(para: str, budget: int) -> int:
    lo, hi = 1, len(para)
    while lo < hi:  # the longest prefix within budget
        mid = (lo + hi + 1) // 2
        if estimate_tokens(para[:mid]) <= budget:
            lo = mid
        else:
            hi = mid - 1
    sentence = max(para.rfind(". ", 0, lo), para.rfind("다. ", 0, lo))
    return sentence + 2 if sentence > lo // 2 else lo


def merge_summaries(parts: list[ArticleSummary]) -> ArticleSummary:
    """One summary from the windows' summaries, duplicates removed."""
    if len(parts) == 1:
        return parts[0]
    # A figure a later window repeats (same text, value and label) is the same
    # figure; within one window, equal figures are distinct (5만개 each for
    # three companies).
    ids: dict[tuple[int, str], str] = {}
    by_key: dict[tuple[str, float, str], tuple[int, str]] = {}
    kept: list[tuple[int, Figure]] = []
    for w, part in enumerate(parts):
        for f in part.figures:
            key = (key_of(f.text), f.value, key_of(f.label))
            earlier = by_key.get(key)
            if earlier is not None and earlier[0] != w:
                ids[(w, f.id)] = earlier[1]
                continue
            new_id = f"f{len(kept) + 1}"
            by_key.setdefault(key, (w, new_id))
            kept.append((w, f))
            ids[(w, f.id)] = new_id
    # An unknown part_of stays as it was, for the checks to report.
    figures = [f.model_copy(update={"id": ids[(w, f.id)],
                                    "part_of": ids.get((w, f.part_of), f.part_of) if f.part_of else None})
               for w, f in kept]
    quotes: dict[str, Quote] = {}
    for part in parts:
        for q in part.quotes:
            quotes.setdefault(key_of(q.text), q)
    events: dict[str, Event] = {}
    for w, part in enumerate(parts):
        for e in part.events:
            figure_ids = [ids.get((w, i), i) for i in e.figure_ids]
            events.setdefault(key_of(e.description),
                              e.model_copy(update={"figure_ids": list(dict.fromkeys(figure_ids))}))
    first = parts[0]
    return ArticleSummary(headline=first.headline,
                          summary=" ".join(dict.fromkeys(p.summary for p in parts if p.summary)),
                          events=list(events.values()), figures=figures, quotes=list(quotes.values()))
