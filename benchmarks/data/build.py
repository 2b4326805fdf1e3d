"""Rebuild the evaluation data sets in this folder from pinned upstream snapshots.

The upstream repositories are read as bare git directories (``git show COMMIT:PATH``);
nothing from them but data is used. Every choice below is deterministic: samples are
ordered by SHA-256 of a stable key, never by a random generator, so a rerun writes
byte-identical files.

    python benchmarks/data/build.py --mirror /work/.mirror

Layout written (relative to this file):

    consistency/tune.jsonl             data set A, to tune on: BUMP's tune half and SummEdits' prose domains
    consistency/heldout.jsonl          data set A, held out: BUMP's other half
    consistency/heldout-news.jsonl     data set A, held out: SummEdits' news domain, never tuned on
    extractive/{tune,heldout}.jsonl    data set B: article + reference summary sentences

Splits are made per *article* (a group), so the consistent and inconsistent versions of
one summary, and all records of one article, always land in the same split. Within each
source, groups are sorted by SHA-256 of the group key and alternate tune/heldout, which
gives an exact 50/50 (±1) split per source.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent

SUMMEDITS = ("salesforce+factualNLG", "0da1dfa62c783218d26208c1796d3a2605bec745")
BUMP = ("dataminr-ai+BUMP", "86327f14b9e0c16a364a3793b8a622dc703d22fd")
SCINEWS = ("theeluwin+sci-news-sum-kr-50", "aca0583651503c1cdfa8ef0bc2ef0976250a33ca")

# Data set A: 50 BUMP minimal pairs (35 taxonomy-based from task 1, 5 per error type,
# plus 15 freestyle from task 2), split per article into tune and held-out halves; SummEdits'
# news domain (25 documents x (3 consistent + 3 inconsistent) = 150 records), held out whole:
# the issue keeps it apart to judge the result; and SummEdits' written-prose domains
# (scientific abstracts, earnings-call summaries, sales e-mails: 2 + 2 a document), to tune on.
BUMP_TASK1_ARTICLES = 35
BUMP_TASK2_ARTICLES = 15
SUMMEDITS_NEWS_PER_LABEL = 3
SUMMEDITS_TUNE_DOMAINS = ("scitldr", "ectsum", "sales_email")
SUMMEDITS_TUNE_PER_LABEL = 2
# Data set B: 60 English articles (BUMP task-2 articles not used in A) + all 50 Korean.
EXTRACTIVE_EN_ARTICLES = 60


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def git_show(mirror: Path, repo: tuple[str, str], path: str) -> str:
    git_dir = mirror / repo[0] / "repo"
    out = subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", f"{repo[1]}:{path}"],
        check=True,
        capture_output=True,
    )
    return out.stdout.decode("utf-8")


def split_groups(records: list[dict], source: str) -> None:
    """Set record["split"] in place: alternate tune/heldout over groups sorted by hash."""
    groups = sorted({r["group"] for r in records if r["source"] == source}, key=lambda g: sha(g))
    which = {g: ("tune" if i % 2 == 0 else "heldout") for i, g in enumerate(groups)}
    for r in records:
        if r["source"] == source:
            r["split"] = which[r["group"]]


def write_splits(folder: Path, records: Iterable[dict]) -> dict[str, int]:
    folder.mkdir(parents=True, exist_ok=True)
    by_split: dict[str, list[dict]] = {"tune": [], "heldout": []}
    for r in records:
        by_split.setdefault(r["split"], []).append(r)
        del r["split"]
    counts = {}
    for name, rows in by_split.items():
        rows.sort(key=lambda r: r["id"])
        with open(folder / f"{name}.jsonl", "w", encoding="utf-8", newline="\n") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        counts[name] = len(rows)
    return counts


def summedits(mirror: Path, domain: str, per_label: int, split: str) -> list[dict]:
    """``per_label`` consistent and ``per_label`` inconsistent summaries of every document of one SummEdits
    domain (fewer where a document has fewer), the first by SHA-256 of their id; all in ``split``."""
    rows = json.loads(git_show(mirror, SUMMEDITS, f"data/summedits/summedits_{domain}.json"))
    docs: dict[str, list[dict]] = {}
    for x in rows:
        docs.setdefault(x["id"].rsplit("_", 1)[0], []).append(x)
    source = f"summedits-{domain.replace('_', '-')}"
    out = []
    for doc_id in sorted(docs):
        labelled = [(r, int(r["label"]), _edit_types(r["edit_types"])) for r in docs[doc_id]]
        cons = sorted((r for r, lab, _ in labelled if lab == 1), key=lambda r: sha(r["id"]))
        inc = sorted((r for r, lab, types in labelled if lab == 0 and types), key=lambda r: sha(r["id"]))
        for r, label in [(r, "consistent") for r in cons[:per_label]] + [(r, "inconsistent") for r in inc[:per_label]]:
            types = _edit_types(r["edit_types"])
            rec = {
                "id": f"{source}-{r['id']}", "lang": "en", "article": r["doc"],
                "summary": r["summary"], "label": label,
                "edit_type": "+".join(types) if label == "inconsistent" else None,
                "source": source, "group": f"{source}-{doc_id}", "split": split,
            }
            if r["summary"] != r["original_summary"]:
                rec["unedited_summary"] = r["original_summary"]
            out.append(rec)
    return out


def _edit_types(value: list[str] | str) -> list[str]:
    """SummEdits writes its edit types as a list in some domains and as the list's repr in others."""
    if isinstance(value, str):
        return json.loads(value.replace("'", '"')) if value.strip() else []
    return list(value)


def highlight_sentences(summary: str) -> list[str]:
    """CNN/DM highlights in BUMP are joined with ' . '; return one sentence each."""
    parts = [p.strip() for p in summary.strip().split(" . ")]
    sents = []
    for p in parts:
        p = p.removesuffix(" .").strip()
        if p:
            sents.append(p + ".")
    return sents


def build(mirror: Path) -> None:
    # ---------------------------------------------------------------- data set A
    consistency: list[dict] = []

    bump1 = json.loads(git_show(mirror, BUMP, "data/task1_dataset.json"))
    bump2 = json.loads(git_show(mirror, BUMP, "data/task2_dataset.json"))

    # Task 1: 7 edits per article, one per error type. Take the first 35 articles by
    # hash and give article i the error type i mod 7 (5 articles per type).
    t1_by_article: dict[int, list[dict]] = {}
    for x in bump1:
        t1_by_article.setdefault(x["article_id"], []).append(x)
    # Selection uses the type the annotator was asked for (exactly one per article);
    # the record carries BUMP's corrected type, which differs for ~14% of task-1 edits.
    error_types = sorted({x["error_type"] for x in bump1})
    t1_ids = sorted(t1_by_article, key=lambda a: sha(f"bump-task1-{a}"))[:BUMP_TASK1_ARTICLES]
    chosen_bump: list[tuple[str, dict]] = []
    for i, art in enumerate(t1_ids):
        want = error_types[i % len(error_types)]
        (x,) = [y for y in t1_by_article[art] if y["error_type"] == want]
        chosen_bump.append((f"bump-t1-a{art}", x))

    # Task 2: freestyle edits, usually one per article; take the first edit.
    t2_by_article: dict[int, list[dict]] = {}
    for x in bump2:
        t2_by_article.setdefault(x["article_id"], []).append(x)
    t1_texts = {sha(v[0]["article"]) for v in t1_by_article.values()}
    t2_order = [
        a for a in sorted(t2_by_article, key=lambda a: sha(f"bump-task2-{a}"))
        if sha(t2_by_article[a][0]["article"]) not in t1_texts
    ]
    t2_for_a = t2_order[:BUMP_TASK2_ARTICLES]
    for art in t2_for_a:
        x = min(t2_by_article[art], key=lambda y: y["id"])
        chosen_bump.append((f"bump-t2-a{art}", x))

    for group, x in chosen_bump:
        etype = x.get("corrected_error_type") or x["error_type"]
        if etype not in ("Other", "Coreference Error") and not etype.endswith(" Error"):
            etype += " Error"  # task 2 writes "Extrinsic Entity", task 1 "Extrinsic Entity Error"
        if etype == "Coreference":
            etype = "Coreference Error"
        common = {"lang": "en", "article": x["article"], "source": "bump", "group": group}
        consistency.append({
            "id": f"{group}-ref", **common, "summary": x["reference_summary"],
            "label": "consistent", "edit_type": None,
        })
        consistency.append({
            "id": f"{group}-edit{x['id']}", **common, "summary": x["edited_summary"],
            "label": "inconsistent", "edit_type": etype,
            "unedited_summary": x["reference_summary"],
        })

    # SummEdits: per document the first consistent and the first inconsistent summaries (the
    # inconsistent among those with an annotated edit type) by hash of their id. News is held out
    # whole; the prose domains are tuned on.
    consistency += summedits(mirror, "news", SUMMEDITS_NEWS_PER_LABEL, "heldout-news")
    for domain in SUMMEDITS_TUNE_DOMAINS:
        consistency += summedits(mirror, domain, SUMMEDITS_TUNE_PER_LABEL, "tune")

    split_groups(consistency, "bump")
    counts_a = write_splits(HERE / "consistency", consistency)

    # ---------------------------------------------------------------- data set B
    extractive: list[dict] = []
    used_in_a = {sha(t2_by_article[a][0]["article"]) for a in t2_for_a}
    en_ids = [a for a in t2_order if sha(t2_by_article[a][0]["article"]) not in used_in_a]
    for art in en_ids[:EXTRACTIVE_EN_ARTICLES]:
        x = t2_by_article[art][0]
        extractive.append({
            "id": f"bump-cnndm-t2-a{art}", "lang": "en", "title": None, "article": x["article"],
            "reference": highlight_sentences(x["reference_summary"]), "extractive_ids": None,
            "source": "bump-cnndm", "group": f"bump-cnndm-t2-a{art}",
        })

    for n in range(1, 51):
        d = json.loads(git_show(mirror, SCINEWS, f"data/{n:02d}.json"))
        sents = d["sentences"]
        extractive.append({
            "id": f"sci-news-sum-kr-50-{n:02d}", "lang": "ko", "title": d["title"],
            "article": "\n".join(sents), "sentences": sents,
            "reference": [sents[i] for i in d["summaries"]], "extractive_ids": d["summaries"],
            "url": d["source"], "source": "sci-news-sum-kr-50", "group": f"sci-news-sum-kr-50-{n:02d}",
        })

    split_groups(extractive, "bump-cnndm")
    split_groups(extractive, "sci-news-sum-kr-50")
    counts_b = write_splits(HERE / "extractive", extractive)
    print("consistency", counts_a, "extractive", counts_b)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mirror", type=Path, default=Path("/work/.mirror"),
                    help="folder holding <owner>+<name>/repo bare git dirs")
    build(ap.parse_args().mirror)


if __name__ == "__main__":
    main()
