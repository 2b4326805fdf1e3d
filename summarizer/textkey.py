"""A normalised search key for a text, with a map back to the original offsets.

Quotes and names are compared on a *key* of the text, not the text itself:

- Unicode NFKC per character, with decomposed Hangul (ᄒ+ᅡ+ᆫ) and base letters
  with combining marks composed first;
- every quote mark (“ ” „ ‘ ’ " ' 「 」 『 』 « » ...) folded to one ``"``;
- ``…`` and ``⋯`` spelled ``...``; dash and middle-dot variants folded;
- whitespace and zero-width characters dropped entirely, so that collapsed,
  doubled or missing spaces (AI수도 / AI 수도) do not matter.

``TextKey`` keeps, for every place where the key departs from the text, the
offsets on both sides, so that a match in the key maps back to the exact span
of the original string: ``text[start:end]`` is always the passage.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["TextKey", "key_of"]

_QUOTE_MARKS = "\"'`´“”„‟‘’‚‛«»‹›「」『』〝〞〟″′＂＇"
_FOLD = {ord(c): '"' for c in _QUOTE_MARKS}
_FOLD.update({ord(c): "-" for c in "‐‑‒–—―−"})
_FOLD.update({ord(c): "·" for c in "‧・･∙⋅"})
_FOLD.update({ord("…"): "...", ord("⋯"): "...", ord("‥"): ".."})

# Runs that must be normalised together: decomposed Hangul syllables, a Hangul
# syllable followed by a trailing jamo, and a base character with combining marks.
_CLUSTER = (
    r"[\u1100-\u1112][\u1161-\u1175][\u11a8-\u11c2]?"
    r"|[\uac00-\ud7a3][\u11a8-\u11c2]"
    r"|.[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3099\u309a]+"
)
# Characters that the key drops: whitespace and zero-width marks.
_DROP = r"[\s\u200b-\u200d\u2060\ufeff\u00ad]+"
# Anything else that may change: ASCII quote marks and non-ASCII characters
# outside the precomposed Hangul block (which NFKC leaves alone).
_OTHER = r"[\"'`]|[^\x00-\x7f\uac00-\ud7a3]"
_SPECIAL_RE = re.compile(rf"(?P<cluster>{_CLUSTER})|(?P<drop>{_DROP})|(?P<other>{_OTHER})", re.DOTALL)


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    return unicodedata.normalize("NFKC", c.translate(_FOLD)).translate(_FOLD)


def _fold_cluster(s: str) -> str:
    return unicodedata.normalize("NFKC", s).translate(_FOLD)


@dataclass(frozen=True, slots=True)
class TextKey:
    """The key of ``text`` and the departures that map it back.

    Each departure ``i`` says that ``key[kstart[i]:kend[i]]`` came from
    ``text[tstart[i]:tend[i]]``; between departures key and text agree
    character for character.
    """

    text: str
    key: str
    kstart: list[int]
    kend: list[int]
    tstart: list[int]
    tend: list[int]

    @classmethod
    def build(cls, text: str) -> TextKey:
        parts: list[str] = []
        kstart: list[int] = []
        kend: list[int] = []
        tstart: list[int] = []
        tend: list[int] = []
        klen = 0
        last = 0
        for m in _SPECIAL_RE.finditer(text):
            s, e = m.span()
            if s > last:
                parts.append(text[last:s])
                klen += s - last
            kind = m.lastgroup
            folded = "" if kind == "drop" else _fold_cluster(m[0]) if kind == "cluster" else _fold_char(m[0])
            last = e
            if folded == m[0]:
                parts.append(folded)
                klen += len(folded)
                continue
            parts.append(folded)
            kstart.append(klen)
            klen += len(folded)
            kend.append(klen)
            tstart.append(s)
            tend.append(e)
        parts.append(text[last:])
        return cls(text, "".join(parts), kstart, kend, tstart, tend)

    def start_of(self, k: int) -> int:
        """Offset in the text where the character at key position ``k`` begins."""
        # The last departure starting at or before k: either k lies inside its
        # output, or k lies in the stretch after it where key and text agree.
        i = bisect_right(self.kstart, k) - 1
        if i < 0:
            return k
        if k < self.kend[i]:
            return self.tstart[i]
        return self.tend[i] + (k - self.kend[i])

    def end_of(self, k: int) -> int:
        """Offset in the text just after the character at key position ``k - 1``."""
        if k <= 0:
            return 0
        last = k - 1
        i = bisect_right(self.kstart, last) - 1
        if i < 0:
            return k
        if last < self.kend[i]:
            return self.tend[i]
        return self.tend[i] + (last - self.kend[i]) + 1

    def span(self, kstart: int, kend: int) -> tuple[int, int]:
        """The span of the text that produced ``key[kstart:kend]``."""
        return self.start_of(kstart), self.end_of(kend)


def key_of(text: str) -> str:
    """The key of a short text (a quote, a name), without the offset map."""
    return TextKey.build(text).key
