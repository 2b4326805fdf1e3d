"""The misattribution evaluation, printed. Run: python -m benchmarks.attribution [--polnear DIR]

Each quotation is checked once with its true speaker ("kept" when no speaker
finding) and once with each other person its article names ("caught" when
there is one). Three sets:

- fixtures: every quotation of the five bundled Korean articles and of the
  English passages written for the tests (tests/fixtures/speakers/);
- news (held-out): quotations of public English news (CNN/DailyMail articles
  of benchmarks/data/extractive/heldout.jsonl) with true speakers annotated by
  us (benchmarks/data/attribution/);
- PolNeAR (with ``--polnear DIR``): US political news of 2016 annotated with
  attribution relations (networkdynamics/PolNeAR). Its text has no licence, so
  none of it is in this repository: DIR is a copy of its ``data/`` folder's
  parent. Its ``train`` part is the tune half, ``test`` the held-out half.
  A quotation's speaker is the source of the innermost attribution holding it
  (a quote nested in "…, according to the Las Vegas Sun" is the inner
  speaker's). It counts when that source ends in a person's name (the
  annotation gives no coreference: a pronoun, a group, an organisation or a
  place is left out), the name is resolved to the fullest form the sources
  give (a role or a headline's verb before it dropped: "Director Comey",
  "Calls Trump"), and the quotation stands once in the article; the people
  swapped in are those sources' names. This is automatic, and still noisy.

The aims (issue 20): at least 98 % of true speakers kept and 95 % of swaps
caught. tests/trust/people/test_news_attribution.py asserts them on the news
set. To measure an older checkout on the same cases:
``cd OLD && PYTHONPATH=OLD python /path/to/benchmarks/attribution.py``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from support.speakers import SPEAKER_CODES, evaluate  # noqa: E402

import summarizer  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"


def news_cases() -> list[dict]:
    """The annotated English news: ``{"id", "text", "people", "quotes": [[quotation, speaker], ...]}``."""
    articles = {}
    with open(DATA / "extractive" / "heldout.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            articles[row["id"]] = row["article"]
    truth = json.loads((DATA / "attribution" / "heldout.json").read_text(encoding="utf-8"))
    return [{"id": k, "text": articles[k], **v} for k, v in truth.items() if not k.startswith("_")]


def evaluate_cases(validate, cases: list[dict]) -> dict[str, int]:
    """Kept and caught over ``cases``: one summary per article and speaker, holding every quotation given to them."""
    from summarizer import ArticleSummary

    counts = {"true": 0, "kept": 0, "swapped": 0, "caught": 0}
    for case in cases:
        for who in [None, *case["people"]]:
            items = [(q, s) for q, s in case["quotes"] if s != who]
            if not items:
                continue
            summary = ArticleSummary(headline="", summary="",
                                     quotes=[{"text": q, "speaker": who or s} for q, s in items])
            flagged = {f.path.split("]")[0] for f in validate(case["text"], summary).findings
                       if f.code in SPEAKER_CODES}
            for i in range(len(items)):
                hit = f"quotes[{i}" in flagged
                if who is None:
                    counts["true"] += 1
                    counts["kept"] += not hit
                else:
                    counts["swapped"] += 1
                    counts["caught"] += hit
    return counts


# PolNeAR: a source's name, the way its annotators marked sources ("election law expert Rick Hasen", "Trump")
_CAP = r"[A-Z][a-zA-Z'’-]+"
_QUOTE_RE = re.compile(r"[“\"]([^“”\"\n]{12,}?)[”\"]")
_NOT_NAMES = frozenset("""
He She They It We I You To The A An In On At But And Or So Then Now Still Yet Meanwhile Also However Even Does Did Do
Had Has Have Neither Nor Both If When While As After Before Asked Told Said Says His Her Their Our My Your This That
These Those There Here What Who Why How Where According President Sen Senator Gov Governor Rep Representative Mr Mrs
Ms Dr Secretary Speaker Judge Justice Mayor Chairman Chairwoman Vice Former Chief Attorney General Gen Lt Col Pope
Prime Minister Democratic Republican Democrat Post Times News Party Committee Campaign House Department CNN FBI Fox
Journal Street Association Council Foundation Institute Institution University Center Centre Inc Group Press Herald
Tribune Magazine Republicans Democrats GOP Senate Congress Court Administration Office Bureau Agency Service Network
Breitbart Politico BuzzFeed America American Americans Union Poll Polls Reuters AP AFP NBC ABC CBS MSNBC Report
Statement Commission Twitter Facebook Guardian Convention Primary Watch Bloomberg Gallup Quinnipiac Monmouth Fund PAC
Nation Daily Club Caucus Coalition Project Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware
Florida Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan
Minnesota Mississippi Missouri Montana Nebraska Nevada Hampshire Jersey Mexico York Carolina Dakota Ohio Oklahoma
Oregon Pennsylvania Rhode Island Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming County City
Review Relations States Kingdom Britain Russia China Iran Israel Syria Iraq Europe European Netherlands Germany France
Canada Lens Affairs Studies Research Policy Voters Tower Hall Hotel Square Park Valley Beach Hills River
Conservative Liberal""".split())


# words before a name that are its role or a headline's verb, not a first name ("Director Comey", "Calls Trump")
_ROLE_WORD = frozenset("""
Leader Commissioner Forum Director Chair Chairman Icon Ambassador Pastor Editor Actor Actress Author Comedian Filmmaker
Journalist Moderator Pollster Sheriff Spokeswoman Spokesman Chancellor Recorder Hacker Rival Widow Challenger Grandpa
Billionaire Majority Minority Managing Coordinator Advocate Admiral Rear Securities Media Public Absent Maybe Claim
Team Understated Released""".split())
# the last word of an organisation, a place, a group or a thing, never of a person's name
_NOT_PERSON = frozenset("""
Vegas Angeles Diego Korea Tuesday Room State Matter Fair Insider Radio Citizen Survey Corp Corps Program International
Pharmaceuticals Peppers Reports Document Bombshell Future Act Funds Teachers Workers Netizens Germans Millennials
Latinos Journalism Dealer College Parliament Benghazi Police Hollywood Actor Son Pollster Video Sunday Reporter Coie
Gump Cash Today Sun Register Star Irvine School Book Ministry T-shirt""".split())


def _first_name(word: str, text: str) -> bool:
    """Whether ``word``, before a surname, may be a first name: not a role, not a headline's verb or adverb ("Calls
    Trump", "Understated Perez": a word the article also writes in lower case, ending as verbs and adverbs do)."""
    return not (word in _ROLE_WORD or word in _NOT_NAMES or word.isupper() or word.endswith("ing")
                or re.search(r"-[a-z]|['’]s$", word)
                or re.search("(?:s|ed|ly)$", word) and re.search(rf"\b{re.escape(word.lower())}\b", text))


def _source_name(source: str, text: str) -> str | None:
    """The person's name a source span ends in ("election law expert Rick Hasen": Rick Hasen), or ``None``: a
    pronoun, a group ("Democrats"), an organisation or a place ("the Las Vegas Sun", "USA Today")."""
    words = source.replace("’s", "").replace("'s", "").split()
    run: list[str] = []
    for k, w in enumerate(reversed(words)):
        initial = re.fullmatch(r"[A-Z]\.", w) is not None
        if k and w[-1] in ".,;:" and not initial:
            break
        if not (initial or re.fullmatch(_CAP, w)) or w.strip(".,") in _NOT_NAMES or (w.isupper() and not initial):
            break
        run.insert(0, w if initial else w.strip(".,"))
    rest = words[: len(words) - len(run)]
    if not run or len(run) > 4 or (rest and rest[-1] in ("to", "of", "for", "with", "from", "by", "at", "on",
                                                         "about", "against", "and")):
        return None  # "a longtime adviser to Trump" is not Trump
    if rest and rest[-1].lower() in ("the", "a", "an"):
        return None  # "the Las Vegas Sun": a person is not written with an article before the name alone
    # a word before the name that the article writes in lower case is a role, not a first name ("Billionaire
    # Donald Trump", "Majority Leader Mitch McConnell"; "Bill Clinton" keeps Bill: a surname alone is no name here)
    while len(run) > 2 and (run[0] in _ROLE_WORD or re.search(rf"\b{re.escape(run[0].lower())}\b", text)
                            or "-" in run[0] and run[0].split("-")[1].islower()):
        del run[0]
    if run[-1] in _NOT_PERSON or run[0] in ("Fort", "By", "Of", "Some", "Many", "Other", "Things"):
        return None  # "Las Vegas", "Public Radio", "Fort Pierce"
    if len(run) == 2 and not _first_name(run[0], text):
        del run[0]  # "Oscar-winner Sarandon", "Director Comey", "Calls Trump": the surname, resolved below
    return " ".join(run)


def _annotations(path: Path) -> tuple[dict[str, tuple[int, int]], list[dict[str, str]]]:
    spans, events = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            offsets = parts[1].split(" ", 1)[1].split(";")
            spans[parts[0]] = (int(offsets[0].split()[0]), int(offsets[-1].split()[-1]))
        elif line.startswith("E"):
            events.append(dict(x.split(":", 1) for x in parts[1].split()))
    return spans, events


DROPPED: Counter[str] = Counter()
"""Why quotations of PolNeAR were left out, over the parts read so far (printed by ``main``)."""


def polnear_cases(root: Path, compartment: str, dropped: Counter[str] = DROPPED) -> list[dict]:
    """PolNeAR's ``compartment`` (train, test) as cases: one annotator's file per article.

    A quotation's speaker is the source of the innermost attribution whose content holds it (a quote nested in
    "…, according to the Las Vegas Sun" belongs to the inner speaker, not the newspaper). It is left out, and
    counted in ``dropped`` by reason, when that source is no person the article names (a pronoun, a group, an
    organisation), when its surname is shared by two people the article names, or when it stands twice in the
    article."""
    out, seen = [], set()
    for ann in sorted((root / "data" / compartment / "attributions").glob("*.ann")):
        stem = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        if stem in seen:
            continue
        seen.add(stem)
        text = (root / "data" / compartment / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        spans, events = _annotations(ann)
        named = [(_source_name(text[slice(*spans[e["Source"]])], text) if e.get("Source") in spans else None,
                  spans[e["Content"]]) for e in events if e.get("Content") in spans]
        names = [n for n, _ in named if n]
        full: dict[str, str | None] = {}
        for n in sorted(set(names), key=lambda n: (-len(n.split()), -text.count(n), n)):
            if len(n.split()) >= 2:
                full.setdefault(n.split()[-1], n)
        firsts: dict[str, set[str]] = {}
        for m in re.finditer(rf"\b({_CAP}) ({_CAP})\b", text):
            if m[1] not in _NOT_NAMES and not m[1].isupper():
                firsts.setdefault(m[2], set()).add(m[1])
        for last, name in list(full.items()):
            if name and len(firsts.get(last, ())) > 1 and len(name.split()) == 2:
                full[last] = None  # two people of that surname: the surname alone is ambiguous

        def resolve(n: str | None, full: dict[str, str | None] = full, text: str = text) -> str | None:
            if n is None:
                return None
            if len(n.split()) >= 2:
                return full.get(n.split()[-1]) or n
            if n in full:
                return full[n]
            for m in re.finditer(rf"\b({_CAP}) {re.escape(n)}\b", text):
                if _first_name(m[1], text) and f" {m[1].lower()} " not in text:
                    return f"{m[1]} {n}"
            return None

        people = sorted({r for r in map(resolve, names) if r})
        where: dict[str, tuple[int, int, str | None, str | None]] = {}  # quotation: its innermost content
        for n, (s, e) in named:
            for m in _QUOTE_RE.finditer(text, s, e):
                q = m[1].strip().rstrip(",")
                if len(q.split()) < 3:
                    continue
                if q not in where or e - s < where[q][1] - where[q][0]:
                    where[q] = (s, e, n, resolve(n))
        quotes: dict[str, str] = {}
        for q, (_, _, n, speaker) in where.items():
            reason = ("source is no named person (a pronoun, a group, an organisation)" if n is None else
                      "surname shared by two people the article names" if speaker is None else
                      "stands more than once in the article" if text.count(q) != 1 else None)
            if reason:
                dropped[f"{compartment}: {reason}"] += 1
            else:
                quotes[q] = speaker
        if quotes:
            out.append({"id": stem, "text": text, "people": people, "quotes": sorted(quotes.items())})
    return out


def _line(name: str, c: dict[str, int]) -> str:
    return (f"{name}: true speakers kept {c['kept']} of {c['true']} ({c['kept'] / c['true']:.1%}), "
            f"misattributions caught {c['caught']} of {c['swapped']} ({c['caught'] / max(1, c['swapped']):.1%})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, help="a copy of PolNeAR (the folder holding data/)")
    args = parser.parse_args()
    print(f"summarizer from {Path(summarizer.__file__).parent}")
    for language in ("ko", "en"):
        print(_line(f"fixtures {language}", evaluate(summarizer.validate, language)))
    print(_line("news en, held-out (annotated by us)", evaluate_cases(summarizer.validate, news_cases())))
    if args.polnear:
        for part, name in (("train", "tune"), ("test", "held-out")):
            print(_line(f"PolNeAR {name} ({part})", evaluate_cases(summarizer.validate,
                                                                  polnear_cases(args.polnear, part))))
        for reason, n in sorted(DROPPED.items()):
            print(f"  PolNeAR quotations left out, {reason}: {n}")


if __name__ == "__main__":
    main()
