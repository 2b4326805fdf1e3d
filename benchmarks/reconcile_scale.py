"""How reconcile grows with the dump, old code beside new. Run: python -m benchmarks.reconcile_scale
[--sizes 1000 2000 5000] [--outlets 50] [--against main]

Cases: dumps of N unrelated results (made-up Korean news items, each with a checked summary and one figure;
words drawn from one Zipf-distributed vocabulary, so that they share common words as real articles do), one
story of ``--outlets`` outlets (the five bundled articles, each copied with a line of its own, with their
hand-checked summaries), and that story among the most unrelated results. The records are built once
(``validate``), written as results files, and each case is reconciled in a fresh process by the code of
``--against`` (``git archive``, in a temporary folder) and by this checkout's. Prints each one's CPU time,
the growth of its resident memory while reconciling, the stories found (and whether old and new found the
same ones), and the ratios new/old.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
from pathlib import Path

from summarizer import Article, ArticleSummary, Result, ResultRecord, validate

from .checkouts import ROOT, code_at, commit_of, run_python

_MEASURE = """
import gc, hashlib, json, resource, sys, time
from summarizer import ResultRecord
from summarizer.stories.core import reconcile_records
with open(sys.argv[1], encoding="utf-8") as f:
    records = [ResultRecord.model_validate_json(line) for line in f]
gc.collect()
with open("/proc/self/statm") as f:
    before = int(f.read().split()[1]) * resource.getpagesize()
cpu = time.process_time()
result = reconcile_records(records)
cpu = time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
stories = sorted(sorted(s.articles) for s in result.stories)
print(json.dumps({"cpu": cpu, "grew": max(0, peak - before), "stories": len(stories),
                  "multi": sum(len(s) > 1 for s in stories), "largest": max(map(len, stories), default=0),
                  "digest": hashlib.sha256(json.dumps(stories).encode()).hexdigest()[:12]}))
"""

_SYLLABLES = ("가나다라마바사아자차카타파하고노도로모보소오조초코토포호구누두루무부수우주추쿠투푸후기니디리미비시이지치"
              "키티피히개내대래매배새애재채게네데레메베세에제한국민경제정부시장기업산업투자발전계획지역사회문화교육환경"
              "기술연구개발생산판매수출입금융주식가격공급수요정책회의발표관계협력강화확대추진운영관리서비스")
_PARTICLES = ("은", "는", "이", "가", "을", "를", "에", "에서", "으로", "와", "과", "의", "도", "")
_ENDINGS = ("했다", "밝혔다", "있다", "없다", "된다", "예정이다", "전했다", "설명했다", "말했다", "나타났다")


def _article(rng: random.Random, i: int, vocabulary: list[str], weights: list[float]) -> tuple[str, dict]:
    """A made-up news item and its summary: a name of its own, a figure, sentences of common and rare words."""
    name = "".join(rng.choice(_SYLLABLES) for _ in range(3))
    count = rng.randrange(1_000, 99_000)
    sentences = [f"{name} 대표는 올해 {count:,}명이 참여했다고 밝혔다."]
    for _ in range(rng.randrange(10, 18)):
        words = rng.choices(vocabulary, weights, k=rng.randrange(6, 12))
        sentences.append(" ".join(w + rng.choice(_PARTICLES) for w in words) + " " + rng.choice(_ENDINGS) + ".")
    text = f"(기사 {i})\n" + "\n".join(sentences) + "\n"
    summary = {"headline": f"{name} 대표, 올해 {count:,}명 참여", "summary": sentences[0], "events": [],
               "figures": [{"id": "f1", "label": "참여", "value": count, "unit": "명", "text": f"{count:,}명",
                            "qualifier": "exact"}], "quotes": []}
    return text, summary


def _record(article_id: str, text: str, summary: ArticleSummary) -> ResultRecord:
    report = validate(text, summary)
    result = Result(status=report.status, summary=summary, report=report, model="fixture",
                    prompt_version="summarize/v1")
    return ResultRecord.of(Article(article_id, text, article_id), result, "bench")


def unrelated(n: int) -> list[ResultRecord]:
    rng = random.Random(23)
    vocabulary = list(dict.fromkeys("".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 2, 3))))
                                    for _ in range(30_000)))
    weights = [1 / (rank + 1) ** 1.1 for rank in range(len(vocabulary))]
    out = []
    for i in range(n):
        text, summary = _article(rng, i, vocabulary, weights)
        out.append(_record(f"u{i}", text, ArticleSummary.model_validate(summary)))
    return out


def one_story(outlets: int) -> list[ResultRecord]:
    out = []
    for i in range(outlets):
        n = f"{i % 5:03d}"
        (article,) = (ROOT / "tests" / "data" / "corpus").glob(f"{n}_*.txt")
        fixture = ROOT / "tests" / "fixtures" / f"{n}.summary.fixture.json"
        text = article.read_text(encoding="utf-8") + f"\n(매체 {i})"
        out.append(_record(f"outlet{i}", text, ArticleSummary.model_validate_json(fixture.read_text("utf-8"))))
    return out


def _measure(code: Path, results: Path) -> dict:
    return json.loads(run_python(code, _MEASURE, str(results)))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 5000])
    parser.add_argument("--outlets", type=int, default=50)
    parser.add_argument("--against", default="main", help="the commit to compare with (default: main)")
    args = parser.parse_args(argv)
    every = unrelated(max(args.sizes))
    story = one_story(args.outlets)
    cases = [(f"{n:,} unrelated results", every[:n]) for n in args.sizes]
    cases.append((f"one story of {args.outlets} outlets", story))
    cases.append((f"one story of {args.outlets} outlets among {len(every):,} unrelated results", every + story))
    print(f"reconcile_records, old = {args.against} {commit_of(args.against)}, new = this checkout "
          f"(HEAD {commit_of('HEAD')}); CPU time, resident memory grown while reconciling, stories found")
    with tempfile.TemporaryDirectory() as tmp, code_at(args.against) as old:
        for name, records in cases:
            results = Path(tmp) / "results.jsonl"
            results.write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")
            b = _measure(ROOT, results)
            try:
                a = _measure(old, results)
            except RuntimeError as e:  # the old code can run out of memory on the big dumps
                print(f"  {name}: new {b['cpu']:.2f} s, {b['grew'] / 1e6:,.0f} MB; old did not finish "
                      f"({str(e).strip().splitlines()[-1]})", flush=True)
                continue
            same = "the same stories as old" if a["digest"] == b["digest"] else "OTHER STORIES THAN OLD"
            print(f"  {name}: old {a['cpu']:.2f} s, {a['grew'] / 1e6:,.0f} MB; new {b['cpu']:.2f} s, "
                  f"{b['grew'] / 1e6:,.0f} MB; new/old time {b['cpu'] / a['cpu']:.3f}, memory "
                  f"{b['grew'] / max(a['grew'], 1):.3f}; {b['stories']:,} stories ({b['multi']} of two or more "
                  f"articles, the largest of {b['largest']}), {same}", flush=True)


if __name__ == "__main__":
    main()
