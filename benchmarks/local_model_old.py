"""Worker for benchmarks/local_model.py --old: the engine before xllamacpp, side by side.

It runs under the old checkout and its own virtual environment (llama-cpp-python
and the tiered GBNF sampler), one JSON request per stdin line, one JSON answer
per stdout line. Started by local_model.py; not meant to be run by hand:

    PYTHONPATH=/work/old /work/main/.venv/bin/python benchmarks/local_model_old.py THREADS
"""

from __future__ import annotations

import json
import sys
import time


def main() -> None:
    from summarizer.local.engine import LocalEngine  # the old checkout's module

    threads = int(sys.argv[1]) if len(sys.argv) > 1 else None
    t0 = time.perf_counter()
    engine = LocalEngine(n_threads=threads)
    engine._penalty_mask()  # built once per process in the old engine, not part of any request
    print(json.dumps({"load_seconds": time.perf_counter() - t0, "threads": engine.llm.n_threads}), flush=True)
    for line in sys.stdin:
        job = json.loads(line)
        prompt = job["prompt"]
        tokens = engine.llm.tokenize(prompt.encode(), add_bos=True, special=True)
        engine.llm.reset()
        t0 = time.perf_counter()
        engine.llm.eval(tokens)
        prefill = time.perf_counter() - t0
        t0 = time.perf_counter()
        gen = engine.generate(prompt, schema=job["schema"], max_tokens=job["max_tokens"],
                              json_output=job["schema"] is not None)
        total = time.perf_counter() - t0
        print(json.dumps({"text": gen.text, "finish": gen.finish_reason, "prompt_tokens": gen.prompt_tokens,
                          "completion_tokens": gen.completion_tokens, "prefill_seconds": prefill,
                          "decode_seconds": max(total - prefill, 1e-9), "seconds": total}), flush=True)
    engine.close()


if __name__ == "__main__":
    main()
