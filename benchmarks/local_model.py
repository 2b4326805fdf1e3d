"""Benchmark of the embedded model. Run: python -m benchmarks.local_model

Prints, on one bundled article with the real prompt and response schema:
- prefill speed (tokens/s);
- decoding speed under the JSON-schema grammar with the tiered candidate
  check this project uses (aim: at least 30 tokens/s on 2 cores);
- the same with the grammar applied to the whole vocabulary at every step,
  which is what llama-cpp-python's own sampler does;
- plain decoding with no grammar, for reference.
Greedy decoding: the tiered and full-vocabulary runs pick the same tokens.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from summarizer import ArticleSummary
from summarizer.embedded.engine import LocalEngine
from summarizer.embedded.server import for_grammar, render_prompt
from summarizer.model.prompts import load_prompts

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens", type=int, default=256, help="tokens to generate per run")
    parser.add_argument("--article", default="002", help="bundled article number")
    args = parser.parse_args()
    (path,) = CORPUS.glob(f"{args.article}_*.txt")
    t0 = time.perf_counter()
    engine = LocalEngine()
    print(f"model load: {time.perf_counter() - t0:.2f} s")
    prompt = render_prompt(load_prompts().messages(path.read_text(encoding="utf-8")), "chat")
    schema = for_grammar(ArticleSummary.model_json_schema())
    engine._penalty_mask()  # built once per process; not part of decoding

    n_prompt = engine.count_tokens(prompt)
    t0 = time.perf_counter()
    engine.llm.reset()
    engine.llm.eval(engine.llm.tokenize(prompt.encode(), add_bos=True, special=True))
    prefill = time.perf_counter() - t0
    print(f"prefill: {n_prompt} tokens in {prefill:.2f} s = {n_prompt / prefill:.0f} tokens/s")

    def decode(label: str, **kw) -> None:
        t0 = time.perf_counter()
        gen = engine.generate(prompt, max_tokens=args.tokens, **kw)
        total = time.perf_counter() - t0
        decode_s = total - prefill
        print(f"{label}: {gen.completion_tokens} tokens in {decode_s:.2f} s (after prefill) = "
              f"{gen.completion_tokens / decode_s:.1f} tokens/s ({gen.finish_reason})")

    decode("constrained, tiered (ours)", schema=schema)
    from summarizer.embedded import engine as module

    tiers, module._TIERS = module._TIERS, ()
    try:
        decode("constrained, full vocabulary each step", schema=schema)
    finally:
        module._TIERS = tiers
    decode("unconstrained", schema=None, json_output=False)


if __name__ == "__main__":
    main()
