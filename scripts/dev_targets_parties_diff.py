#!/usr/bin/env python3
"""Developer aid: score the target and party extractors on the seeds and show what differs.

usage: dev_targets_parties_diff.py [--pipeline] [--types target,party] [--only PREFIX] [-q]
                                   [--gold DIR --docs DIR] [--ner rules|hanlp|auto]

By default the seed texts are normalized here (OpenCC t2s, pinyin annotations removed, NFKC) and
cut into documents at the gold titles, so the extractors can be judged before the normalizer and
splitter are final; ``--pipeline`` uses ``nlp.pipeline.process_file`` instead. Matching is the
evaluator's (``nlp.evaluate``, the same as ``../shared/tools/score.py``), pooled per file. Prints
P/R/F1, then each missed gold mention (``-``) and each unmatched prediction (``+``). ``--gold``/``--docs`` point at another set
(``corpora/heldout/gold`` + ``corpora/heldout/docs``; a doc is the gold file's stem with any
extension).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def own_documents(path: Path, gold: dict) -> list[tuple[str, str | None]]:
    import opencc

    text = path.read_text(encoding="utf-8", errors="replace")
    text = re.sub(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", "", text)
    text = unicodedata.normalize("NFKC", opencc.OpenCC("t2s").convert(text))
    starts, pos = [], 0
    for d in gold["documents"]:
        title = d.get("title")
        at = text.find(title, pos) if title else -1
        starts.append(at if at >= 0 else pos)
        pos = max(pos, at + 1)
    starts[0] = 0
    bounds = starts[1:] + [len(text)]
    return [(text[a:b], d.get("title")) for a, b, d in zip(starts, bounds, gold["documents"])]


def pipeline_documents(path: Path) -> list[tuple[str, str | None, list]]:
    from nlp.pipeline import process_file

    return [(d.text, d.title, d.sections) for d in process_file(path)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pipeline", action="store_true")
    ap.add_argument("--types", default="target,party")
    ap.add_argument("--only", default="")
    ap.add_argument("-q", action="store_true", help="figures only")
    ap.add_argument("--gold", type=Path, default=ROOT / "corpora" / "gold", help="gold JSON dir")
    ap.add_argument("--docs", type=Path, default=ROOT / "corpora" / "seeds", help="input docs dir")
    ap.add_argument("--ner", default="rules", help="party recogniser: rules, hanlp or auto")
    a = ap.parse_args()
    from nlp.evaluate import mention_agrees
    from nlp.extract.parties import find_parties
    from nlp.extract.targets import find_targets
    from nlp.metrics import prf

    finders = {"target": find_targets, "party": find_parties}
    kinds = a.types.split(",")
    totals = {k: [0, 0, 0] for k in kinds}
    for gpath in sorted(a.gold.glob(f"{a.only}*.json")):
        gold = json.loads(gpath.read_text())
        src = next(iter(sorted(a.docs.glob(gpath.stem + ".*"))), a.docs / (gpath.stem + ".txt"))
        if a.pipeline:
            docs = pipeline_documents(src)
        else:
            docs = [(t, title, []) for t, title in own_documents(src, gold)]
        for kind in kinds:
            g = [m for d in gold["documents"] for m in d["mentions"] if m["type"] == kind]
            p = []
            for i, (text, title, sections) in enumerate(docs):
                for m in finders[kind](text, sections=sections, title=title, ner=a.ner):
                    p.append({"text": m.text, "value": m.value, "doc": i})
            used, missed = set(), []
            for gm in g:
                for j, pm in enumerate(p):
                    if j not in used and mention_agrees(kind, gm, pm):
                        used.add(j)
                        break
                else:
                    missed.append(gm)
            t = totals[kind]
            t[0] += len(used); t[1] += len(g); t[2] += len(p)
            if not a.q:
                print(f"== {gpath.stem.split('_')[0]} {kind}: tp={len(used)} gold={len(g)} pred={len(p)}")
                for gm in missed:
                    print("  -", gm["text"][:60], json.dumps(gm["value"], ensure_ascii=False)[:100])
                for j, pm in enumerate(p):
                    if j not in used:
                        print(f"  + d{pm['doc']}", pm["text"][:60],
                              json.dumps(pm["value"], ensure_ascii=False)[:100])
    for kind, (tp, ng, np_) in totals.items():
        pr, rc, f = prf(tp, ng, np_)
        print(f"{kind:8s} P={pr:.3f} R={rc:.3f} F1={f:.3f}  gold={ng} pred={np_} tp={tp}")


if __name__ == "__main__":
    sys.exit(main())
