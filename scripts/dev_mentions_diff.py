#!/usr/bin/env python3
"""Print the missed and extra mentions of each file against its gold, pooled per file, with context.

usage: python scripts/dev_mentions_diff.py [--gold DIR --docs DIR] [--types date,percentage]
                                           [--only PREFIX] [--all]

Defaults to the seeds (corpora/gold + corpora/seeds); ``--gold /tmp/rs/dev --docs
../shared/corpora/real`` for the real dev split. Matching is the evaluator's (``nlp.evaluate``, the
same as ``../shared/tools/score.py``): same type, texts overlapping by at least half of the shorter,
values agreeing. ``--all`` also prints the matched pairs. ``policy-nlp eval --diff`` prints the same
missed/extra mentions per aligned document, without context.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "corpora" / "gold")
    ap.add_argument("--docs", type=Path, default=ROOT / "corpora" / "seeds")
    ap.add_argument("--types", default="date,percentage")
    ap.add_argument("--only", default="")
    ap.add_argument("--all", action="store_true")
    args = ap.parse_args()

    from nlp.evaluate import gold_files, mention_agrees
    from nlp.metrics import match_greedy, unmatched
    from nlp.pipeline import process_file
    from nlp.settings import Settings

    settings = Settings(classify=False)  # passages do not matter here
    for gold_path in gold_files(args.gold, only=args.only):
        source = next((p for p in sorted(args.docs.glob(gold_path.stem + ".*")) if p.suffix != ".json"), None)
        if source is None:
            print(f"== {gold_path.stem}: no document file")
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = [{"type": m.type, "text": m.text, "value": m.value,
                 "context": d.text[max(0, m.start - 12):m.end + 12].replace("\n", " ")}
                for d in process_file(source, settings) for m in d.mentions]
        for kind in args.types.split(","):
            gm = [m for d in gold["documents"] for m in d["mentions"] if m["type"] == kind]
            pm = [m for m in pred if m["type"] == kind]
            pairs = match_greedy(gm, pm, lambda g, p: mention_agrees(kind, g, p))
            missed, extra = unmatched(len(gm), pairs, 0), unmatched(len(pm), pairs, 1)
            print(f"== {gold_path.stem} {kind}: gold={len(gm)} pred={len(pm)} "
                  f"matched={len(pairs)} missed={len(missed)} extra={len(extra)}")
            for i in missed:
                print(f"  MISSED {gm[i]['text']!r} {gm[i]['value']}")
            for j in extra:
                print(f"  EXTRA  {pm[j]['text']!r} {pm[j]['value']}   …{pm[j]['context']}…")
            if args.all:
                for i, j in pairs:
                    print(f"  ok     {gm[i]['text']!r} ~ {pm[j]['text']!r} {pm[j]['value']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
