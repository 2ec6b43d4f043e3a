#!/usr/bin/env python3
"""Re-choose the learned party recogniser's threshold on real pages from sites it never saw.

usage: python scripts/calibrate_parties.py --pages GOLD:DOCS [--pages ...] [--guard GOLD:DOCS[:SPLIT.tsv:NAME] ...]
                                           [--model models/parties] [--max-cost 0.005] [--write]

``policy-nlp train-parties`` chooses the threshold on a simulation of unseen sites (the rules'
finds thinned out at random) and on the unseen pages it is given; the pages it was last given are
no longer at hand, and the rules have grown since. This script keeps the model's coefficients and
re-chooses only its threshold, by the whole pipeline's party value-F1 (``policy-nlp eval``'s
figure, pooled) at each threshold of ``GRID``:

- on ``--pages``: gold sets of real pages from sites neither the rules nor the model were fitted
  on, where the rules miss what they miss on a new site (the recogniser's job);
- under a guard: the same F1 on ``--guard`` sets (the real dev split, the seeds, the heldouts),
  where the rules already fit, may fall at most ``--max-cost`` below its figure at the current
  threshold.

The threshold with the best F1 on the pages (three decimals; a tie goes to the higher threshold)
among those the guard allows is printed, and with ``--write`` stored in the model's ``meta.json``
with the figures behind it (``calibration``); the coefficients are not touched.
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GRID = tuple(round(0.5 + 0.05 * i, 2) for i in range(10))  # 0.50 .. 0.95


def _party_counts(job: tuple[str, str, str | None, float]) -> tuple[int, int, int]:
    """(tp, gold, pred) of the party value-F1 on one gold set with the model at ``threshold``."""
    gold, docs, split, threshold = job
    from nlp.evaluate.runner import evaluate_dir, read_split
    from nlp.extract.parties_model import load_model

    model = load_model(None)  # the call the pipeline makes (functools.cache keys f() and f(None) apart)
    if model is None:
        raise SystemExit("no party model to calibrate (models/parties)")
    model[2]["threshold"] = threshold  # the loaded meta is read at every call
    files = read_split(split) if split else None
    party = evaluate_dir(gold, docs, files=files)["party"]
    return party["tp"], party["gold"], party["pred"]


def _sets(specs: list[str], flag: str) -> list[tuple[str, str, str | None]]:
    out = []
    for spec in specs:
        parts = spec.split(":")
        if len(parts) not in (2, 4):
            raise SystemExit(f"{flag} {spec!r}: expected GOLD:DOCS or GOLD:DOCS:SPLIT.tsv:NAME")
        gold, docs = parts[:2]
        for folder in (gold, docs):
            if not Path(folder).is_dir():
                raise SystemExit(f"{flag} {spec!r}: {folder} is not a folder")
        out.append((gold, docs, ":".join(parts[2:]) or None))
    return out


def choose(by: dict[float, dict], current: float, max_cost: float) -> float:
    """The threshold with the best pages F1 (three decimals; a tie goes to the higher threshold)
    among those whose guard F1 is at most ``max_cost`` below the guard's F1 at ``current``."""
    floor = by[current]["guard"]["f1"] - max_cost
    ok = [t for t in by if by[t]["guard"]["f1"] >= floor]
    return max(ok, key=lambda t: (round(by[t]["pages"]["f1"], 3), t))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", action="append", default=[], metavar="GOLD:DOCS", required=True)
    ap.add_argument("--guard", action="append", default=[], metavar="GOLD:DOCS[:SPLIT.tsv:NAME]")
    ap.add_argument("--max-cost", type=float, default=0.005)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--write", action="store_true", help="store the threshold in the model's meta.json")
    a = ap.parse_args()
    from nlp.metrics import prf_dict

    pages, guard = _sets(a.pages, "--pages"), _sets(a.guard, "--guard")
    meta_path = ROOT / "models" / "parties" / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    current = float(meta["threshold"])
    grid = sorted(set(GRID) | {current})
    jobs = [(g, d, s, t) for t in grid for g, d, s in pages + guard]
    with ProcessPoolExecutor(max_workers=a.jobs) as pool:
        counts = list(pool.map(_party_counts, jobs))
    by: dict[float, dict] = {}
    k = 0
    for t in grid:
        sums = {}
        for name, group in (("pages", pages), ("guard", guard)):
            tp = gold = pred = 0
            for _ in group:
                c = counts[k]
                k += 1
                tp, gold, pred = tp + c[0], gold + c[1], pred + c[2]
            sums[name] = {"tp": tp, "gold": gold, "pred": pred, "f1": prf_dict(tp, gold, pred)["f1"]}
        by[t] = sums
        print(f"threshold {t:.3f}: pages F1 {sums['pages']['f1']:.4f} (P {sums['pages']['tp']}/{sums['pages']['pred']}, "
              f"gold {sums['pages']['gold']})  guard F1 {sums['guard']['f1']:.4f}")
    best = choose(by, current, a.max_cost)
    print(f"chosen threshold {best} (was {current}): pages F1 {by[current]['pages']['f1']:.4f} -> "
          f"{by[best]['pages']['f1']:.4f}, guard {by[current]['guard']['f1']:.4f} -> {by[best]['guard']['f1']:.4f}")
    if a.write:
        meta["calibration"] = {
            "script": "scripts/calibrate_parties.py", "previous_threshold": current, "threshold": best,
            "max_cost": a.max_cost,
            "how": "the threshold with the best pooled party value-F1 of the whole pipeline on pages from sites "
                   "neither the rules nor the model were fitted on, among those costing the guard sets at most "
                   f"{a.max_cost} of their F1 at the previous threshold (ties: the higher threshold)",
            "pages": [f"{g}:{d}" for g, d, _ in pages], "guard": [f"{g}:{d}" + (f":{s}" if s else "") for g, d, s in guard],
            "by_threshold": {str(t): v for t, v in by.items()},
        }
        meta["threshold"] = best
        meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print("wrote", meta_path)


if __name__ == "__main__":
    main()
