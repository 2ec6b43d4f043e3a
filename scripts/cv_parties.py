#!/usr/bin/env python3
"""Site-grouped out-of-fold figures of the learned party recogniser (an estimate for unseen sites).

usage: python scripts/cv_parties.py [GOLD DOCS] [--split FILE:NAME] [--extra GOLD:DOCS ...]
                                    [--folds K] [--c C] [--threshold T] [--json OUT]

Defaults: the real dev split (``../shared/gold/real``, ``../shared/corpora/real``,
``SPLIT.tsv:dev``) with the seeds and heldout gold as extra training documents (always in
training, never scored). Folds are GroupKFold on the split's ``site`` column. Per fold and overall:

- ``cover``: the share of gold parties some candidate matches under the scorer's rule (name
  containment either way, texts sharing half of the shorter one): the model's ceiling;
- ``rules``: the rules alone; ``+model``: the rules plus the out-of-fold model's additions;
- ``abl``/``abl+m``: the same when the rules lose a third of their names (each distinct name a
  rule found is dropped with probability 1/3, fixed seed), as they do on sites they were not
  tuned on (the model reads the ablated finds as its features of the rules; the rules' finds
  decide which of its candidates are new).

Then the sweep of thresholds for both, so a threshold can be chosen on the simulation.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def main() -> None:
    from nlp.train import parties as tp

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default=str(SHARED / "gold" / "real"))
    ap.add_argument("docs", nargs="?", default=str(SHARED / "corpora" / "real"))
    ap.add_argument("--split", default=str(SHARED / "corpora" / "real" / "SPLIT.tsv") + ":dev")
    ap.add_argument("--extra", action="append", default=None,
                    help="GOLD:DOCS always in training (default: seeds and heldout)")
    ap.add_argument("--folds", type=int, default=tp.FOLDS)
    ap.add_argument("--c", type=float, default=tp.C)
    ap.add_argument("--threshold", type=float, default=None, help="the per-fold threshold (default: shipped)")
    ap.add_argument("--json", default=None, help="write the figures here")
    args = ap.parse_args()
    extra = args.extra if args.extra is not None else [
        f"{ROOT}/corpora/gold:{ROOT}/corpora/seeds", f"{ROOT}/corpora/heldout/gold:{ROOT}/corpora/heldout/docs"]
    started = time.perf_counter()
    path, _, split = args.split.rpartition(":")
    docs = tp.load_docs(args.gold, args.docs, tp.read_sites(path, split))
    extra_docs = [d for item in extra for d in tp.load_docs(*item.split(":", 1))]
    for group in (docs, extra_docs):
        tp.prepare(group)
    sims = [tp.ablated(d, k) for k, d in enumerate(docs)]
    loaded = time.perf_counter()
    probs, sim_probs, fold_of = tp.cross_validate(docs, sims, folds=args.folds, c=args.c, extra=extra_docs)
    fitted = time.perf_counter()
    threshold = args.threshold
    if threshold is None:
        from nlp.extract.parties_model import load_model

        model = load_model()
        threshold = float(model[2]["threshold"]) if model else 0.65

    def figures(idx: list[int], t: float) -> dict:
        ds, ss = [docs[i] for i in idx], [sims[i] for i in idx]
        return {"cover": tp.coverage(ds)["share"],
                "rules": tp.party_prf(ds, [tp.predictions(d, [], 1.0) for d in ds]),
                "+model": tp.party_prf(ds, [tp.predictions(docs[i], probs[i], t) for i in idx]),
                "abl": tp.party_prf(ss, [tp.predictions(d, [], 1.0) for d in ss]),
                "abl+m": tp.party_prf(ss, [tp.predictions(sims[i], sim_probs[i], t) for i in idx])}

    def row(label: str, f: dict) -> str:
        cells = "  ".join(f"{k} {f[k]['f1']:.3f} (P {f[k]['p']:.3f} R {f[k]['r']:.3f})"
                          for k in ("rules", "+model", "abl", "abl+m"))
        return f"{label:8s} cover {f['cover']:.3f}  {cells}"

    n_folds = max(fold_of) + 1
    out = {"threshold": threshold, "folds": {}, "sweep": {}}
    print(f"{len(docs)} documents, {len({d.site for d in docs})} sites, "
          f"{sum(len(d.cands) for d in docs)} candidates; {len(extra_docs)} extra documents; "
          f"threshold {threshold}")
    for k in range(n_folds):
        f = figures([i for i in range(len(docs)) if fold_of[i] == k], threshold)
        out["folds"][k] = f
        print(row(f"fold {k}", f))
    all_idx = list(range(len(docs)))
    out["overall"] = figures(all_idx, threshold)
    print(row("overall", out["overall"]))
    print("threshold sweep (overall):   +model F1 P R      |  abl+m F1 P R")
    for t in tp.THRESHOLDS:
        f = {"+model": tp.party_prf(docs, [tp.predictions(docs[i], probs[i], t) for i in all_idx]),
             "abl+m": tp.party_prf(sims, [tp.predictions(sims[i], sim_probs[i], t) for i in all_idx])}
        out["sweep"][t] = f
        a, b = f["+model"], f["abl+m"]
        print(f"  {t:.3f}  {a['f1']:.3f} {a['p']:.3f} {a['r']:.3f}  |  {b['f1']:.3f} {b['p']:.3f} {b['r']:.3f}")
    chosen = tp.choose_threshold({"rules": out["overall"]["rules"],
                                  "rules+model": {t: f["+model"] for t, f in out["sweep"].items()}},
                                 {"rules+model": {t: f["abl+m"] for t, f in out["sweep"].items()}})
    print(f"threshold training would choose (tp.choose_threshold): {chosen}")
    print(f"load+features {loaded - started:.1f}s, folds {fitted - loaded:.1f}s")
    if args.json:
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
