"""The offline summary against summaries people chose: LEAD-3, code's ranking alone, and the embedded model's picks.

Run: python -m benchmarks.content [--split heldout] [--model ko] [--corpus] [--out FILE]

On ``benchmarks/data/extractive/SPLIT.jsonl`` (tune on ``tune``, report on ``heldout``: Korean science news
with the sentences two people chose, English CNN/DailyMail with its highlights; see its README), for every
article:

- **LEAD-3**: the article's first three sentences (``trust.words.sentences``), of its body (the title is not
  a sentence of it);
- **code**: the grounded summary with nothing picked by a model (``Settings.grounded_picks=()``): code's
  ranking (``trust.grounded.ranking``) picks three sentences; headline from the title, events by code. It
  reads what ``summarizer run`` reads of a JSONL record: the record's title at the head of its text
  (``trust.article.titles.with_title``) where the text does not write it, so the headline is checked as the
  product checks it;
- **model**: the embedded model asked for sentences, events, figures and labels, as a grounded request
  asks it (``--model ko``: the Korean articles only; each takes seconds on a CPU), the summary built
  from its picks.

Each is scored by the unigram F1 of its content words (``trust.words.content_words``: Korean morphemes with
particles and endings off, English lemmas) against the people's sentences (or highlights): the summary
field alone (three sentences, as LEAD-3), and headline + summary + events together. For the model it also
says how many of its summary picks are code's, how many are the first three sentences offered (the list is
ranked by code), its tokens and seconds.

``--corpus`` adds the five bundled articles against their hand-checked summaries
(tests/fixtures/NNN.summary.fixture.json): how many picked figures the hand-checked summary also has
(same value and unit), how close each picked figure's label is to its hand-checked label (content-word
F1), and how many picked quotations it also has; for code alone and, with ``--model``, for the model.

Also counted, for every summary: the figure labels and the events that the checks (``validate``) find
supported by the article (no finding on them), events repeated, and headlines cut mid-word.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from summarizer import ArticleSummary, Settings, validate
from summarizer.contract.grounded import GroundedAnswer
from summarizer.model.call import Provider
from summarizer.pipeline.grounded.kind import Grounded
from summarizer.trust.article.textkey import key_of
from summarizer.trust.article.titles import with_title
from summarizer.trust.grounded.build import build_summary
from summarizer.trust.grounded.candidates import find_candidates
from summarizer.trust.words import content_words, sentences

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data" / "extractive"
TESTS = ROOT / "tests"
MODEL_PICKS = ("summary", "events", "figures", "labels", "quotes")


def words(text: str, lang: str | None) -> Counter[str]:
    return Counter(w.key for w in content_words(text, lang))


def f1(candidate: Counter[str], reference: Counter[str]) -> float:
    overlap = sum((candidate & reference).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(candidate.values()), overlap / sum(reference.values())
    return 2 * p * r / (p + r)


def whole(s: ArticleSummary) -> str:
    return "\n".join([s.headline, s.summary, *(e.description for e in s.events)])


def supported(s: ArticleSummary, text: str) -> tuple[int, int]:
    """(labels, events) on which the checks find nothing: what the article backs, as they read it."""
    paths = {f.path for f in validate(text, s).findings}
    labels = sum(1 for i in range(len(s.figures)) if f"figures[{i}].label" not in paths)
    events = sum(1 for i in range(len(s.events)) if not any(p == f"events[{i}]" or p.startswith(f"events[{i}].")
                                                            for p in paths))
    return labels, events


def flaws(s: ArticleSummary, text: str) -> tuple[int, int]:
    """(events repeated, headline cut mid-word): a headline ending in a word the article continues."""
    repeats = len(s.events) - len({key_of(e.description) for e in s.events})
    head = s.headline.removesuffix("…")
    at = text.find(head)
    cut = at >= 0 and at + len(head) < len(text) and head[-1:].isalnum() and text[at + len(head)].isalnum()
    return repeats, int(cut)


@dataclass
class Picks:
    """The model's answer for one article, and what it cost."""

    answer: GroundedAnswer
    offered: tuple[str, ...]
    tokens: int
    prompt_tokens: int
    seconds: float


@dataclass
class Tally:
    rows: dict[str, list[float]] = field(default_factory=dict)

    def add(self, name: str, value: float) -> None:
        self.rows.setdefault(name, []).append(value)

    def mean(self, name: str) -> float:
        values = self.rows.get(name, [])
        return statistics.mean(values) if values else float("nan")

    def total(self, name: str) -> float:
        return sum(self.rows.get(name, []))


def ask_model(provider: Provider, kind: Grounded, text: str, title: str | None) -> Picks | None:
    (round_,) = kind.rounds(text, title)[:1]
    t0 = time.perf_counter()
    answer = provider.ask(round_.first(), kind.max_tokens(text), round_.shape)
    seconds = time.perf_counter() - t0
    if getattr(answer, "summary", None) is None:
        return None
    return Picks(answer.summary, round_.offer.sentence_ids, answer.usage.total_tokens, answer.usage.prompt_tokens,
                 seconds)


def score_split(split: str, model_langs: set[str], limit: int | None) -> dict[str, Tally]:
    records = [json.loads(line) for line in (DATA / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()]
    tallies: dict[str, Tally] = {}
    kind = Grounded(Settings(grounded_picks=MODEL_PICKS)) if model_langs else None
    provider = Provider(Settings()) if model_langs else None
    counts: Counter[str] = Counter()
    for r in records:
        lang, text, title = r["lang"], r["article"], r.get("title")
        counts[lang] += 1
        if limit is not None and counts[lang] > limit:
            continue
        t = tallies.setdefault(lang, Tally())
        ref = words(" ".join(r["reference"]), lang)
        lead = " ".join(s.text for s in sentences(text, lang)[:3])  # the body's, as before: the title is no sentence
        t.add("lead3", f1(words(lead, lang), ref))
        text = with_title(text, title)  # what `summarizer run` reads of a JSONL record: its title heads its text
        c = find_candidates(text)
        code = build_summary(c, GroundedAnswer(), title)
        t.add("code", f1(words(code.summary.summary, lang), ref))
        t.add("code_all", f1(words(whole(code.summary), lang), ref))
        repeats, cut = flaws(code.summary, text)
        t.add("code_repeats", repeats)
        t.add("code_cut", cut)
        _support(t, "code", code.summary, text)
        if kind is None or provider is None or lang not in model_langs:
            continue
        picks = ask_model(provider, kind, text, title)
        if picks is None:
            t.add("model_failed", 1)
            continue
        built = build_summary(c, picks.answer, title)
        t.add("model", f1(words(built.summary.summary, lang), ref))
        t.add("model_all", f1(words(whole(built.summary), lang), ref))
        mine = list(dict.fromkeys(picks.answer.summary))
        t.add("model_same_as_code", len(set(mine) & set(code.sentence_ids)) / max(len(mine), 1))
        t.add("model_top3", len(set(mine) & set(picks.offered[:3])) / max(len(mine), 1))
        t.add("model_tokens", picks.tokens)
        t.add("model_answer_tokens", picks.tokens - picks.prompt_tokens)
        t.add("model_seconds", picks.seconds)
        repeats, cut = flaws(built.summary, text)
        t.add("model_repeats", repeats)
        t.add("model_cut", cut)
        _support(t, "model", built.summary, text)
    return tallies


def _support(t: Tally, who: str, s: ArticleSummary, text: str) -> None:
    labels, events = supported(s, text)
    t.add(f"{who}_labels_ok", labels)
    t.add(f"{who}_labels", len(s.figures))
    t.add(f"{who}_events_ok", events)
    t.add(f"{who}_events", len(s.events))


def _fixture_agreement(summary: ArticleSummary, truth: ArticleSummary, lang: str) -> tuple[int, int, float, int]:
    """(figures also in the hand-checked summary, figures picked, mean label F1 of those, quotes also in it)."""
    by_value = {(f.value, f.unit): f for f in truth.figures}
    shared = [(f, by_value[(f.value, f.unit)]) for f in summary.figures if (f.value, f.unit) in by_value]
    labels = [f1(words(f.label, lang), words(h.label, lang)) for f, h in shared]
    keys = [key_of(q.text) for q in truth.quotes]
    quotes = sum(1 for q in summary.quotes if any(key_of(q.text) in k or k in key_of(q.text) for k in keys))
    return len(shared), len(summary.figures), statistics.mean(labels) if labels else 0.0, quotes


def score_corpus(model: bool) -> dict[str, Tally]:
    tallies = {"code": Tally(), "model": Tally()}
    kind = Grounded(Settings(grounded_picks=MODEL_PICKS)) if model else None
    provider = Provider(Settings()) if model else None
    for n in ("000", "001", "002", "003", "004"):
        (path,) = (TESTS / "data" / "corpus").glob(f"{n}_*.txt")
        text = path.read_text(encoding="utf-8")
        truth = ArticleSummary.model_validate_json((TESTS / "fixtures" / f"{n}.summary.fixture.json").read_text())
        c = find_candidates(text)
        made = {"code": build_summary(c, GroundedAnswer()).summary}
        if kind is not None and provider is not None and (picks := ask_model(provider, kind, text, None)):
            made["model"] = build_summary(c, picks.answer).summary
        if "model" in made:  # the same figures, labelled by the model and by code
            hand = {(f.value, f.unit): f for f in truth.figures}
            for f in made["model"].figures:
                if (f.value, f.unit) in hand:
                    first = c.labels_of(f.id)[0].text
                    tallies["model"].add("same_label_model", f1(words(f.label, "ko"), words(hand[(f.value, f.unit)].label, "ko")))
                    tallies["model"].add("same_label_code", f1(words(first, "ko"), words(hand[(f.value, f.unit)].label, "ko")))
                    tallies["model"].add("label_is_first", float(f.label == first))
        for who, summary in made.items():
            shared, picked, label, quotes = _fixture_agreement(summary, truth, "ko")
            t = tallies[who]
            t.add("figures_shared", shared)
            t.add("figures_picked", picked)
            t.add("figures_hand", len(truth.figures))
            t.add("label_f1", label)
            t.add("quotes_shared", quotes)
            t.add("quotes_picked", len(summary.quotes))
    return tallies


def report(split: str, tallies: dict[str, Tally], corpus: dict[str, Tally] | None) -> str:
    lines = [f"Split `{split}`; load {os.getloadavg()[0]:.1f} (1 min) on {os.cpu_count()} cores.", "",
             "| set | articles | LEAD-3 | code: summary | code: headline+summary+events | model: summary "
             "| model: headline+summary+events | model picks = code's | model picks in the top 3 offered "
             "| tokens (answer) an article | s an article |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for lang, t in sorted(tallies.items()):
        m = bool(t.rows.get("model"))

        def cell(name: str, fmt: str = "{:.3f}", on: bool = m) -> str:
            return fmt.format(t.mean(name)) if on else "–"

        lines.append(f"| {lang} | {len(t.rows['lead3'])} | {t.mean('lead3'):.3f} | {t.mean('code'):.3f} | "
                     f"{t.mean('code_all'):.3f} | {cell('model')} | {cell('model_all')} | "
                     f"{cell('model_same_as_code', '{:.0%}')} | {cell('model_top3', '{:.0%}')} | "
                     + (f"{t.mean('model_tokens'):.0f} ({t.mean('model_answer_tokens'):.0f})" if m else "–")
                     + f" | {cell('model_seconds', '{:.1f}')} |")
    flaws_line = "; ".join(
        f"{lang}: events repeated {t.total('code_repeats'):.0f} (code)"
        + (f", {t.total('model_repeats'):.0f} (model)" if t.rows.get("model") else "")
        + f", headlines cut mid-word {t.total('code_cut'):.0f}"
        + (f" and {t.total('model_cut'):.0f}" if t.rows.get("model") else "")
        + (f", model answers unusable {t.total('model_failed'):.0f}" if t.rows.get("model_failed") else "")
        for lang, t in sorted(tallies.items()))
    support_line = "; ".join(
        f"{lang}: labels supported {t.total(f'{who}_labels_ok'):.0f} of {t.total(f'{who}_labels'):.0f} ({who}), "
        f"events supported {t.total(f'{who}_events_ok'):.0f} of {t.total(f'{who}_events'):.0f} ({who})"
        for lang, t in sorted(tallies.items()) for who in ("code", "model") if t.rows.get(f"{who}_labels"))
    lines += ["", flaws_line, support_line]
    if corpus:
        lines += ["", "Bundled articles against their hand-checked summaries:", "",
                  "| picked by | figures also in the hand-checked summary | label F1 against its hand-checked label "
                  "| quotations also in it |", "|---|---:|---:|---:|"]
        for who, t in corpus.items():
            if t.rows:
                lines.append(f"| {who} | {t.total('figures_shared'):.0f} of {t.total('figures_picked'):.0f} "
                             f"(hand-checked: {t.total('figures_hand'):.0f}) | {t.mean('label_f1'):.3f} | "
                             f"{t.total('quotes_shared'):.0f} of {t.total('quotes_picked'):.0f} |")
        t = corpus["model"]
        if t.rows.get("same_label_model"):
            lines += ["", f"The same figures (the model's picks that the hand-checked summary has, "
                          f"{len(t.rows['same_label_model'])}), labelled: by the model {t.mean('same_label_model'):.3f}, "
                          f"by code's first label {t.mean('same_label_code'):.3f} (F1 against the hand-checked label); "
                          f"the model took code's first label for {t.mean('label_is_first'):.0%} of them."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="heldout", choices=("tune", "heldout"))
    parser.add_argument("--model", default="", help="languages to ask the embedded model about (ko, en), comma-separated")
    parser.add_argument("--corpus", action="store_true", help="also the bundled articles against their fixtures")
    parser.add_argument("--limit", type=int, help="at most this many articles of each language")
    parser.add_argument("--out", help="also write the table to this file")
    args = parser.parse_args(argv)
    langs = {x for x in args.model.split(",") if x}
    started = time.perf_counter()
    print(f"load before: {os.getloadavg()[0]:.1f} (1 min)", flush=True)
    tallies = score_split(args.split, langs, args.limit)
    corpus = score_corpus(bool(langs)) if args.corpus else None
    table = report(args.split, tallies, corpus) + f"\n\nWall time {time.perf_counter() - started:.0f} s."
    print(table)
    if args.out:
        Path(args.out).write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
