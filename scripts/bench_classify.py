#!/usr/bin/env python3
"""Benchmark the theme classifier: model load time and passages per second on one core.

usage: python scripts/bench_classify.py [--model DIR] [--corpus DIR] [--repeat N]

Passages come from the theme corpus (corpora/themes/*.jsonl), repeated to about 10,000.
Load time is measured in a fresh interpreter, so nothing is cached; the target is under 0.5 s
for the load and at least 2,000 passages/s.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_LOAD = """
import time, sys
t0 = time.perf_counter()
from nlp.themes import load_model
t1 = time.perf_counter()
model = load_model(sys.argv[1])
model.predict(["医务人员收受红包"])
print(t1 - t0, time.perf_counter() - t1)
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=ROOT / "models" / "themes")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpora" / "themes")
    ap.add_argument("--passages", type=int, default=10_000)
    args = ap.parse_args()
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    os.environ.update({k: env[k] for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")})
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    loads = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", _LOAD, str(args.model)], capture_output=True, text=True,
                             env=env, check=True)
        loads.append(tuple(map(float, out.stdout.split())))

    texts = [json.loads(line)["text"] for path in sorted(args.corpus.glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = (texts * (args.passages // max(len(texts), 1) + 1))[:args.passages]
    from nlp.themes import load_model

    model = load_model(args.model)
    model.predict(texts[:100])
    start = time.perf_counter()
    model.predict(texts)
    elapsed = time.perf_counter() - start
    chars = sum(map(len, texts)) / len(texts)
    print(f"model        {args.model} ({len(model.themes)} themes, {model.n_features} features)")
    imports, reads = min(x[0] for x in loads), min(x[1] for x in loads)
    print(f"load         {reads:.3f} s to read the model and score a first passage, after "
          f"{imports:.3f} s of imports (numpy, nlp.themes); best of 3 fresh processes")
    print(f"classify     {len(texts) / elapsed:,.0f} passages/s on one core "
          f"({len(texts)} passages, {chars:.0f} chars on average, {elapsed:.2f} s)")


if __name__ == "__main__":
    main()
