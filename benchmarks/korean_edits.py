"""A synthetic Korean consistency set, built from the bundled articles by deterministic edits.

No public, redistributable Korean summary-consistency set exists (benchmarks/data/consistency/README.md), so
this one is made here, and it is synthetic: the consistent records are the hand-checked fixture summaries'
sentences (headline, summary sentences, event descriptions) and sentences of the articles themselves (the
first ten of each that are not quotations); every inconsistent record is one of them with one edit:

- ``name``: a person or organisation the sentence names swapped for another one the article names
  (intrinsic), or for one it never names (extrinsic);
- ``number``: a number changed (26만 -> 36만);
- ``place``: a place swapped (경주 -> 부산, 한국 -> 일본);
- ``insertion``: a clause with a fact the article does not give, added at the end;
- ``negation``: the sentence's last verb negated (약속했다 -> 약속하지 않았다).

Which edit a sentence gets, and which name or place replaces which, follows a SHA-256 of the sentence, so
the set is the same on every machine. Articles 000, 002 and 004 are the tune split; 001 and 003 are kept
apart (heldout). Nothing here is tuned on the held-out split.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from summarizer.trust.article.source import Source
from summarizer.trust.people.names import named_things
from summarizer.trust.people.persons import people
from summarizer.trust.words import sentences

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"
FIXTURES = ROOT / "tests" / "fixtures"
TUNE = ("000", "002", "004")

_OTHER_NAMES = ["김철수", "박영희", "LG전자", "카카오", "애플", "인텔"]
_OTHER_PLACES = ["부산", "일본", "대전", "베트남", "광주"]
_INSERTIONS = [
    "정부는 내년부터 반도체 공장 세 곳을 새로 짓기로 했다",
    "이 자리에서 양측은 공동 연구소 설립에도 합의했다",
    "회담 직후 주가는 크게 떨어졌다",
    "참석자들은 전기차 배터리 협력도 논의했다",
]
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?")
_LAST_VERB_RE = re.compile(r"(했다|됐다|된다|한다|이다|였다|있다)(\.?)\s*$")
_NEGATED = {"했다": "하지 않았다", "됐다": "되지 않았다", "된다": "되지 않는다", "한다": "하지 않는다",
            "이다": "이 아니다", "였다": "가 아니었다", "있다": "있지 않다"}


def _pick(seed: str, n: int) -> int:
    return int(hashlib.sha256(seed.encode("utf-8")).hexdigest(), 16) % n


def _consistent(n: str, text: str) -> list[str]:
    fixture = json.loads((FIXTURES / f"{n}.summary.fixture.json").read_text(encoding="utf-8"))
    out = [fixture["headline"], *(s.text for s in sentences(fixture["summary"], "ko"))]
    out += [e["description"] for e in fixture["events"]]
    article = [s.text for s in sentences(text, "ko") if len(s.text) >= 30 and not re.search("[\"“”'‘’]", s.text)
               and "기자" not in s.text and "@" not in s.text]
    return out + article[:10]


def _edits(sentence: str, src: Source) -> list[tuple[str, str]]:
    """Every edit this sentence allows: (kind, edited sentence)."""
    out = []
    names = [p.name for p in people(src)] + [n for n, kind, _ in named_things(src) if kind == "organisation"]
    places = [n for n, kind, _ in named_things(src) if kind == "place"]
    here = [nm for nm in names if nm in sentence]
    if here:
        old = here[_pick(sentence + "name", len(here))]
        others = [nm for nm in names if nm not in sentence and old not in nm and nm not in old] + _OTHER_NAMES
        out.append(("name", sentence.replace(old, others[_pick(sentence + "with", len(others))], 1)))
    numbers = list(_NUMBER_RE.finditer(sentence))
    if numbers:
        m = numbers[_pick(sentence + "number", len(numbers))]
        changed = str(int(m[0].replace(",", "").split(".")[0]) + 10)
        out.append(("number", sentence[: m.start()] + changed + sentence[m.end():]))
    here = [p for p in places if p in sentence]
    if here:
        old = here[_pick(sentence + "place", len(here))]
        others = [p for p in _OTHER_PLACES if p not in src.text]
        out.append(("place", sentence.replace(old, others[_pick(sentence + "to", len(others))], 1)))
    insertion = _INSERTIONS[_pick(sentence + "insert", len(_INSERTIONS))]
    out.append(("insertion", sentence.rstrip(". ") + ". " + insertion + "."))
    m = _LAST_VERB_RE.search(sentence)
    if m:
        out.append(("negation", sentence[: m.start()] + _NEGATED[m[1]] + m[2]))
    return out


def build() -> dict[str, list[dict]]:
    """The set, split: ``{"tune": [...], "heldout": [...]}``, each record shaped as the English set's."""
    splits: dict[str, list[dict]] = {"tune": [], "heldout": []}
    for path in sorted(CORPUS.glob("*.txt")):
        n = path.name[:3]
        text = path.read_text(encoding="utf-8")
        src = Source(text)
        split = "tune" if n in TUNE else "heldout"
        for k, sentence in enumerate(_consistent(n, text)):
            group = f"ko-{n}-{k}"
            splits[split].append({"id": group, "lang": "ko", "article": text, "summary": sentence,
                                  "label": "consistent", "edit_type": None, "source": "bundled", "group": group})
            edits = _edits(sentence, src)
            kind, edited = edits[_pick(sentence + "edit", len(edits))]
            splits[split].append({"id": f"{group}-{kind}", "lang": "ko", "article": text, "summary": edited,
                                  "label": "inconsistent", "edit_type": kind, "source": "bundled-edit",
                                  "group": group})
    return splits
