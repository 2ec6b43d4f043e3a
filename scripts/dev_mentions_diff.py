#!/usr/bin/env python3
"""Print the missed and extra mentions of each seed file against its gold, pooled per file.

usage: python scripts/dev_mentions_diff.py [--types date,percentage] [--only 001] [--all]

Matching is the scorer's (../shared/tools/score.py): same type, texts overlapping by at least half
of the shorter, values agreeing. ``--all`` also prints the matched pairs.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORE = ROOT.parent / "shared" / "tools" / "score.py"


def _load_scorer():
    spec = importlib.util.spec_from_file_location("score", SCORE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--types", default="date,percentage")
    ap.add_argument("--only", default="")
    ap.add_argument("--all", action="store_true")
    args = ap.parse_args()
    import json

    from nlp.pipeline import process_file
    from nlp.settings import Settings

    settings = Settings(classify=False)  # passages do not matter here

    score = _load_scorer()
    types = args.types.split(",")
    for gold_path in sorted((ROOT / "corpora" / "gold").glob(f"{args.only}*.json")):
        gold = json.loads(gold_path.read_text())
        source = ROOT / "corpora" / "seeds" / (gold_path.stem + ".txt")
        docs = process_file(source, settings)
        pred = [dict(asdict(m), context=d.text[max(0, m.start - 12) : m.end + 12].replace("\n", " "))
                for d in docs for m in d.mentions]
        for kind in types:
            gm = [m for d in gold["documents"] for m in d["mentions"] if m["type"] == kind]
            pm = [m for m in pred if m["type"] == kind]
            used: set[int] = set()
            missed, matched = [], []
            for g in gm:
                for j, p in enumerate(pm):
                    if j not in used and score.overlap(g["text"], p["text"]) >= 0.5 and score.value_ok(
                        kind, g["value"], p["value"]
                    ):
                        used.add(j)
                        matched.append((g, p))
                        break
                else:
                    missed.append(g)
            extra = [p for j, p in enumerate(pm) if j not in used]
            print(f"== {gold_path.stem[:3]} {kind}: gold={len(gm)} pred={len(pm)} "
                  f"matched={len(matched)} missed={len(missed)} extra={len(extra)}")
            for g in missed:
                print(f"  MISSED {g['text']!r} {g['value']}")
            for p in extra:
                print(f"  EXTRA  {p['text']!r} {p['value']}   …{p['context']}…")
            if args.all:
                for g, p in matched:
                    print(f"  ok     {g['text']!r} ~ {p['text']!r} {p['value']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
