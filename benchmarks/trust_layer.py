"""Benchmarks of the trust layer. Run: python -m benchmarks.trust_layer

Prints:
- validate() throughput on the bundled articles with their fixture summaries,
  in articles per second on one core (aim: above 1,000). Each call starts
  cold: the per-article analysis cache is cleared first, as for a new article.
  The five are validated over and over, so the trust layer's small caches of
  what depends on a word or a figure's text alone stay warm, as they would
  for the common words of a batch of news; a second figure clears every one
  of those caches before each call too ("every cache cold"), the strictest
  measure, as for a batch in which nothing ever repeats.
- locate_quote() over a 1 MB (UTF-8) article with 200 quotes, in milliseconds
  (aim: under 200 ms), cold (the article's index built inside the timing) and
  warm. The quotes mix what models send: verbatim, restyled (straight marks,
  collapsed spaces, decomposed Hangul), elided, and not found (one character
  changed), which takes the closest-passage search.
- locate_quote() of one long quote (100 KB, a passage of the 1 MB article)
  with one character changed, and with one "…" elision, in seconds (issue
  11: 174 s and 155 s before the search was bounded).
- check_figure_refs() of a part_of chain of 3,000 figures, in milliseconds
  (issue 11: over 60 s when the walk was cubic).
- validate() of one summary against a long article (1 MB by default), Korean
  and English, in seconds: the people and speech analysis must stay linear
  (100 KB of English took over four minutes when a search for an honorific
  ran from the article's start for every mention of a surname).

To measure an older checkout on the same work, run this file with that
checkout first on the path, from a neutral folder:
``cd /tmp && PYTHONPATH=OLD python /path/to/benchmarks/trust_layer.py``.
"""

from __future__ import annotations

import argparse
import random
import time
import unicodedata
from pathlib import Path

from summarizer import ArticleSummary, locate_quote, validate
from summarizer.trust.article.source import Source

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"
FIXTURES = ROOT / "tests" / "fixtures"


def _pairs() -> list[tuple[str, ArticleSummary]]:
    pairs = []
    for fixture in sorted(FIXTURES.glob("*.summary.fixture.json")):
        n = fixture.name.split(".")[0]
        (article,) = CORPUS.glob(f"{n}_*.txt")
        text = article.read_text(encoding="utf-8")
        pairs.append((text, ArticleSummary.model_validate_json(fixture.read_text(encoding="utf-8"))))
    return pairs


def _loaded_once() -> tuple:
    """What a process loads once and keeps, whatever it reads (kiwipiepy's analyser, about a second): not a cache
    of what an article holds, so "every cache cold" leaves it loaded."""
    try:
        from summarizer.trust.words import korean
    except ImportError:  # an older checkout, without it
        return ()
    return (getattr(korean, "_load", None),)


_LOADED_ONCE = _loaded_once()


def _trust_caches() -> list:
    """Every functools cache in the trust layer (module-level functions and static methods), through their public
    ``cache_clear``; found by looking, so that an older checkout is measured the same way."""
    import sys

    caches = []
    for name, module in list(sys.modules.items()):
        if not name.startswith("summarizer.trust"):
            continue
        for value in vars(module).values():
            for f in (value, *vars(value).values()) if isinstance(value, type) else (value,):
                f = getattr(f, "__func__", f)
                if callable(getattr(f, "cache_clear", None)) and f not in caches and f not in _LOADED_ONCE:
                    caches.append(f)
    return caches


def bench_validate(seconds: float) -> None:
    pairs = _pairs()
    for text, summary in pairs:
        validate(text, summary)  # what a process loads once (the analysers, about a second) is not an article's cost
    caches = _trust_caches()
    for every in (False, True):
        calls = 0
        cpu0, wall0 = time.process_time(), time.perf_counter()
        while time.perf_counter() - wall0 < seconds:
            for text, summary in pairs:
                for cache in caches if every else (Source.of,):
                    cache.cache_clear()  # (freeing the last article's analysis: part of the cost of an article)
                validate(text, summary)
                calls += 1
        cpu = time.process_time() - cpu0
        label = f"every cache cold ({len(caches)} cleared)" if every else "article cold"
        print(f"validate, {label}: {calls} articles ({len(pairs)} fixtures, "
              f"{sum(len(t) for t, _ in pairs) // len(pairs):,} chars on average) in {cpu:.2f} s CPU = "
              f"{calls / cpu:,.0f} articles/s per core ({1000 * cpu / calls:.2f} ms each; aim > 1,000/s)")


def _big_article(size_bytes: int, rng: random.Random) -> str:
    paragraphs = [p for f in sorted(CORPUS.glob("*.txt")) for p in f.read_text(encoding="utf-8").splitlines() if p.strip()]
    out, size, i = [], 0, 0
    while size < size_bytes:
        p = rng.choice(paragraphs)
        # vary every copy so that no quote is found at the first copy by luck
        p = f"[{i}] " + "".join(str(rng.randrange(10)) if c.isdigit() else c for c in p)
        out.append(p)
        size += len(p.encode("utf-8")) + 1
        i += 1
    return "\n".join(out)


def _quotes(text: str, n: int, rng: random.Random) -> list[tuple[str, str]]:
    quotes = []
    while len(quotes) < n:
        start = rng.randrange(len(text) - 200)
        q = text[start : start + rng.randrange(40, 160)].strip()
        if len(q) < 30 or "\n" in q:
            continue
        kind = rng.choices(["exact", "restyled", "elided", "changed"], [5, 3, 1, 1])[0]
        if kind == "restyled":
            q = unicodedata.normalize("NFD", " ".join(q.replace("“", '"').replace("”", '"').split()))
        elif kind == "elided":
            third = len(q) // 3
            q = q[:third] + " … " + q[2 * third :]
        elif kind == "changed":
            i = len(q) // 2
            q = q[:i] + ("다" if q[i] != "다" else "가") + q[i + 1 :]
        quotes.append((kind, q))
    return quotes


def bench_locate(size_bytes: int, count: int) -> None:
    rng = random.Random(7)
    text = _big_article(size_bytes, rng)
    quotes = _quotes(text, count, rng)
    Source.of.cache_clear()
    t0 = time.perf_counter()
    results = [locate_quote(text, q) for _, q in quotes]
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _, q in quotes:
        locate_quote(text, q)
    warm = time.perf_counter() - t0
    kinds: dict[str, int] = {}
    for r in results:
        kinds[r.kind] = kinds.get(r.kind, 0) + 1
    print(f"locate_quote: {count} quotes in a {len(text.encode('utf-8')) / 1e6:.2f} MB article "
          f"({len(text):,} chars): {1000 * cold:.0f} ms cold (index built inside), {1000 * warm:.0f} ms warm "
          f"(aim < 200 ms); matches: {', '.join(f'{v} {k}' for k, v in sorted(kinds.items()))}")


def bench_long_quote(size_bytes: int, quote_chars: int) -> None:
    rng = random.Random(11)
    text = _big_article(size_bytes, rng)
    start = text.index("\n", len(text) // 3) + 1
    passage = text[start : start + quote_chars]
    middle = len(passage) // 2
    changed = passage[:middle] + ("가" if passage[middle] != "가" else "나") + passage[middle + 1 :]
    cut = passage.index(" ", middle)
    elided = passage[:cut] + " … " + passage[passage.index(" ", cut + 100) + 1 :]
    for kind, quote in (("one character changed", changed), ("one elision", elided)):
        Source.of.cache_clear()
        t0 = time.perf_counter()
        m = locate_quote(text, quote)
        print(f"locate_quote: a {len(quote):,}-character quote in a {len(text.encode('utf-8')) / 1e6:.2f} MB article, "
              f"{kind}: {time.perf_counter() - t0:.2f} s ({m.kind}, similarity {m.similarity})")


def bench_part_of_chain(n: int) -> None:
    from summarizer.trust.checks.figures import check_figure_refs

    figures = [{"id": f"f{i}", "label": "x", "value": 1, "text": "1", "part_of": f"f{i - 1}" if i else None}
               for i in range(n)]
    summary = ArticleSummary(headline="h", summary="s", figures=figures)
    t0 = time.perf_counter()
    findings = check_figure_refs(summary)
    print(f"check_figure_refs: a part_of chain of {n:,} figures in {1000 * (time.perf_counter() - t0):.1f} ms "
          f"({len(findings)} findings)")


SPEAKERS = ROOT / "tests" / "fixtures" / "speakers"


def bench_long_article(size_bytes: int) -> None:
    """validate() of one summary against a long article: Korean (the bundled articles' paragraphs), Korean with one
    speaker's quotations carried on through the whole article, and English (the English passages written for the
    attribution tests), each paragraph copy numbered."""
    english = [p for f in sorted(SPEAKERS.glob("en-*.fixture.txt")) for p in f.read_text(encoding="utf-8").splitlines()
               if p.strip()]
    # and in every paragraph a person named without a speech verb or an honorific anywhere
    english = [f"{p} Bank analyst Maria Chen expects more orders." for p in english]
    carried = ["협회는 \"지원이 필요하다\"며 \"함께 가겠다\"고 했다.", "그는 \"시장이 커진다\"고 말했다."]
    last = "그는 \"마지막으로 한마디 하겠다\"고 덧붙였다."
    cases = {
        "Korean": (_big_article(size_bytes, random.Random(5)), ArticleSummary.model_validate_json(
            (FIXTURES / "003.summary.fixture.json").read_text(encoding="utf-8"))),
        "Korean, one speaker carried on": (
            "조준희 한국인공지능산업협회장은 이날 기자들과 만났다.\n" + _numbered(carried, size_bytes) + "\n" + last,
            ArticleSummary(headline="h", summary="s", quotes=[{"text": "마지막으로 한마디 하겠다", "speaker": "조준희"}])),
        "English": (_numbered(english, size_bytes),
                    ArticleSummary(headline="h", summary="s", quotes=[{"text": "We will", "speaker": "Huang"}])),
    }
    for language, (text, summary) in cases.items():
        Source.of.cache_clear()
        t0 = time.perf_counter()
        report = validate(text, summary)
        print(f"validate: a {len(text.encode('utf-8')) / 1e6:.2f} MB {language} article ({len(text):,} chars), cold: "
              f"{time.perf_counter() - t0:.2f} s ({report.status}, {len(report.findings)} findings)")


def _numbered(paragraphs: list[str], size_bytes: int) -> str:
    out, size, i = [], 0, 0
    while size < size_bytes:
        out.append(f"[{i}] {paragraphs[i % len(paragraphs)]}")
        size += len(out[-1].encode("utf-8")) + 1
        i += 1
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="how long to run validate()")
    parser.add_argument("--mb", type=float, default=1.0, help="size of the long article, in MB of UTF-8")
    parser.add_argument("--quotes", type=int, default=200)
    parser.add_argument("--long-quote", type=int, default=100_000, help="characters of the long quote (0: skip)")
    parser.add_argument("--chain", type=int, default=3_000, help="figures in the part_of chain (0: skip)")
    parser.add_argument("--long-article", type=int, default=1, help="validate() against a long article (0: skip)")
    args = parser.parse_args()
    import summarizer

    print(f"summarizer from {Path(summarizer.__file__).parent}")
    bench_validate(args.seconds)
    bench_locate(int(args.mb * 1_000_000), args.quotes)
    if args.long_quote:
        bench_long_quote(int(args.mb * 1_000_000), args.long_quote)
    if args.chain:
        bench_part_of_chain(args.chain)
    if args.long_article:
        bench_long_article(int(args.mb * 1_000_000))


if __name__ == "__main__":
    main()
