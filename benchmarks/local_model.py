"""Benchmark of the embedded model. Run: python -m benchmarks.local_model [--old] [--threads 1,2] [--busy]

Prints, with the real prompt (instructions, worked example, then the article):
- model load, and prefill speed (prompt tokens read per second);
- decoding speed under each sampler, on one article (--article), --tokens at most:
  unconstrained; GBNF (llama.cpp's own JSON-schema grammar, what its server
  does for response_format); llguidance %json (the bounded summary schema as
  compact JSON: what this server uses); the same with the free-text fields'
  numbers limited to the article's (a JSON-Schema pattern); and llguidance
  Lark (a grounded answer: quote and figure ids as enums, a headline and a
  summary whose numbers must be the article's);
- seconds per bundled article: one answer under the summary schema (at most
  --answer-tokens), as the first request of a summarize() call makes it.

--old runs the engine before this one (llama-cpp-python and its tiered GBNF
sampler, from an old checkout with its own venv) side by side, interleaved, on
the same prompt text. --threads 1,2 loads one engine per thread count and
alternates them. --busy keeps one core busy with a spinning process throughout
(what another job on a 2-core machine does). The machine's load average is
printed with every figure: compare ratios taken in one run.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from summarizer import ArticleSummary
from summarizer.embedded.engine import Generation, LocalEngine
from summarizer.embedded.grammar import for_grammar, free_text_pattern, free_text_regex, json_grammar
from summarizer.embedded.prompt import render_prompt
from summarizer.model.prompts import load_prompts

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"
_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_QUOTE = re.compile(r"[“\"‘]([^”\"’\n]{2,200})[”\"’]")


def articles() -> dict[str, str]:
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}


def prompt_for(text: str) -> str:
    return render_prompt(load_prompts().messages(text), "chat")


def summary_schema() -> dict:
    return for_grammar(ArticleSummary.model_json_schema())


def numbers_limited_schema(text: str) -> dict:
    """The summary schema with every free-text field's numbers limited to the article's."""
    schema = summary_schema()
    pattern = free_text_pattern(_NUMBER.findall(text))
    schema["properties"]["headline"]["pattern"] = pattern
    schema["properties"]["summary"]["pattern"] = pattern
    schema["$defs"]["Event"]["properties"]["description"]["pattern"] = pattern
    return schema


def grounded_lark(text: str) -> str:
    """A grounded answer as a Lark grammar: ids picked from the article's quotes and
    numbers (enums, via %json), a headline and a summary whose numbers are the article's."""
    numbers = list(dict.fromkeys(_NUMBER.findall(text)))
    quotes = list(dict.fromkeys(_QUOTE.findall(text)))
    picks = {"type": "object", "properties": {
        "quote_ids": {"type": "array", "items": {"enum": [f"q{i + 1}" for i in range(max(len(quotes), 1))]},
                      "maxItems": 5},
        "figure_ids": {"type": "array", "items": {"enum": [f"n{i + 1}" for i in range(max(len(numbers), 1))]},
                       "maxItems": 10}}, "required": ["quote_ids", "figure_ids"], "additionalProperties": False}
    free = free_text_regex(numbers, in_json_string=True)
    return "\n".join([
        "%llguidance {}",
        'start: "{\\"headline\\":\\"" headline "\\",\\"summary\\":\\"" summary "\\",\\"picks\\":" picks "}"',
        "headline[max_tokens=40]: TEXT",
        "summary[max_tokens=250]: TEXT",
        f"picks: %json {json.dumps(picks)}",
        f"TEXT: /{free}/",
    ])


def loadavg() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def _spin() -> None:
    while True:
        pass


class Old:
    """The old engine in its own process (see benchmarks/local_model_old.py)."""

    def __init__(self, checkout: Path, python: Path, threads: int) -> None:
        env = {**os.environ, "PYTHONPATH": str(checkout)}
        self.proc = subprocess.Popen([str(python), str(Path(__file__).with_name("local_model_old.py")), str(threads)],
                                     cwd=checkout, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.ready = json.loads(self.proc.stdout.readline())

    def generate(self, prompt: str, *, max_tokens: int, schema: dict | None) -> dict:
        self.proc.stdin.write(json.dumps({"prompt": prompt, "max_tokens": max_tokens, "schema": schema}) + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=120)


def row(label: str, tokens: int, seconds: float, extra: str = "") -> str:
    return f"  {label:44s} {tokens:5d} tokens in {seconds:6.2f} s = {tokens / seconds:6.1f} tokens/s  {extra}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens", type=int, default=256, help="most tokens per decoding run")
    parser.add_argument("--article", default="002", help="bundled article for the prefill and sampler figures")
    parser.add_argument("--articles", default="000,001,002,003,004", help="bundled articles timed one answer each")
    parser.add_argument("--answer-tokens", type=int, default=1024, help="most tokens per article's answer")
    parser.add_argument("--threads", default="1", help="thread counts to compare, e.g. 1,2")
    parser.add_argument("--busy", action="store_true", help="keep one core busy with a spinning process")
    parser.add_argument("--old", action="store_true", help="run the engine before xllamacpp side by side")
    parser.add_argument("--old-checkout", default="/work/old")
    parser.add_argument("--old-python", default="/work/main/.venv/bin/python")
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: samplers,articles")
    args = parser.parse_args()
    spinner = multiprocessing.Process(target=_spin, daemon=True) if args.busy else None
    if spinner:
        spinner.start()
    try:
        run(args)
    finally:
        if spinner:
            spinner.terminate()


def run(args: argparse.Namespace) -> None:
    texts = articles()
    threads = [int(t) for t in args.threads.split(",")]
    engines: dict[int, LocalEngine] = {}
    for t in threads:
        t0 = time.perf_counter()
        engines[t] = LocalEngine(threads=t)
        print(f"model load, {t} thread(s): {time.perf_counter() - t0:.2f} s ({loadavg()})", flush=True)
    old = None
    if args.old:
        old = Old(Path(args.old_checkout), Path(args.old_python), threads[0])
        print(f"old engine load, {old.ready['threads']} thread(s): {old.ready['load_seconds']:.2f} s", flush=True)
    # llguidance builds its view of the 262,144-token vocabulary on first use (seconds): not part of any request.
    for engine in engines.values():
        engine.generate("x", max_tokens=1, grammar=json_grammar({"type": "object"}))

    text = texts[args.article]
    prompt = prompt_for(text)
    print(f"\nprefill, article {args.article} with the real prompt (no cache):", flush=True)
    for t, engine in engines.items():
        engine.generate("reset", max_tokens=1)  # so that the next prompt shares no prefix with the cache
        gen = engine.generate(prompt, max_tokens=1)
        print(row(f"xllamacpp, {t} thread(s)", gen.prompt_tokens - gen.cached_tokens, gen.prefill_seconds,
                  loadavg()), flush=True)
    if old:
        r = old.generate(prompt, max_tokens=1, schema=None)
        print(row("llama-cpp-python (old)", r["prompt_tokens"], r["prefill_seconds"], loadavg()), flush=True)

    if "samplers" not in args.skip:
        samplers = {
            "unconstrained": {},
            "GBNF (llama.cpp json_schema)": {"json_schema": summary_schema()},
            "llguidance %json (used)": {"grammar": json_grammar(summary_schema())},
            "llguidance %json, numbers limited": {"grammar": json_grammar(numbers_limited_schema(text))},
            "llguidance Lark, grounded": {"grammar": grounded_lark(text)},
        }
        print(f"\ndecoding, article {args.article}, at most {args.tokens} tokens (prompt cached after the first run):",
              flush=True)
        for label, kw in samplers.items():
            for t, engine in engines.items():
                gen = engine.generate(prompt, max_tokens=args.tokens, **kw)
                print(row(f"{label}, {t}t", gen.completion_tokens, gen.decode_seconds,
                          f"({gen.finish_reason}, {loadavg()})"), flush=True)
            if old and label in ("unconstrained", "GBNF (llama.cpp json_schema)"):
                r = old.generate(prompt, max_tokens=args.tokens, schema=kw.get("json_schema"))
                name = "old, tiered GBNF" if kw else "old, unconstrained"
                print(row(name, r["completion_tokens"], r["decode_seconds"], f"({r['finish']}, {loadavg()})"),
                      flush=True)

    if "articles" not in args.skip:
        per_article(args, texts, engines[threads[0]], old)
    if old:
        old.close()
    for engine in engines.values():
        engine.close()


def per_article(args: argparse.Namespace, texts: dict[str, str], engine: LocalEngine, old: Old | None) -> None:
    print(f"\nseconds per bundled article: one answer under the summary schema, at most {args.answer_tokens} tokens:",
          flush=True)
    grammar = json_grammar(summary_schema())
    new_s, old_s = [], []
    for n in args.articles.split(","):
        prompt = prompt_for(texts[n])
        max_tokens = args.answer_tokens
        t0 = time.perf_counter()
        gen: Generation = engine.generate(prompt, max_tokens=max_tokens, grammar=grammar)
        new_s.append(time.perf_counter() - t0)
        parsed = _parses(gen.text)
        print(f"  {n} new: {new_s[-1]:6.1f} s  prompt {gen.prompt_tokens} ({gen.cached_tokens} cached, "
              f"{gen.prefill_seconds:.1f} s), answer {gen.completion_tokens} tokens ({gen.decode_seconds:.1f} s, "
              f"{gen.finish_reason}, {'parses' if parsed else 'does not parse'})  {loadavg()}", flush=True)
        if old:
            r = old.generate(prompt, max_tokens=max_tokens, schema=summary_schema())
            old_s.append(r["seconds"])
            print(f"  {n} old: {old_s[-1]:6.1f} s  prompt {r['prompt_tokens']} ({r['prefill_seconds']:.1f} s), "
                  f"answer {r['completion_tokens']} tokens ({r['decode_seconds']:.1f} s, {r['finish']}, "
                  f"{'parses' if _parses(r['text']) else 'does not parse'})  {loadavg()}", flush=True)
    print(f"  median: new {statistics.median(new_s):.1f} s" +
          (f", old {statistics.median(old_s):.1f} s (old/new {statistics.median(old_s) / statistics.median(new_s):.2f})"
           if old_s else ""), flush=True)


def _parses(text: str) -> bool:
    try:
        ArticleSummary.model_validate_json(text)
    except ValueError:
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
