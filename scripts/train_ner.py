"""Rebuild corpora/ner from its sources, then train models/ner (same as `policy-nlp train-ner`).

usage: python scripts/train_ner.py [--epochs 15] [--skip-data] [--crf] [--rescore]
--rescore trains nothing: it scores the shipped model on the dev split again (after a change to
the role rules or nlp/data/roles.tsv) and rewrites the figures and the default in its meta.json.
Needs the hanlp extra: pip install -e ".[hanlp]" (install the CPU build of torch first).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=15)
    ap.add_argument("--skip-data", action="store_true", help="train on corpora/ner as it is")
    ap.add_argument("--crf", action="store_true", help="add the (repaired) CRF layer; slower on CPU")
    ap.add_argument("--output", type=Path, default=None)
    ap.add_argument("--rescore", action="store_true", help="only score the shipped model again")
    a = ap.parse_args()
    if a.rescore:
        from nlp.extract.ner import MODEL_DIR
        from nlp.train.ner import rescore

        meta = rescore(model_dir=a.output or MODEL_DIR)
        print(f"rescored {a.output or MODEL_DIR}: default backend {meta['default']}")
        return
    if not a.skip_data:
        subprocess.run([sys.executable, str(ROOT / "scripts" / "make_ner_data.py")], check=True)
    from nlp.extract.ner import MODEL_DIR
    from nlp.train.ner import train_ner

    meta = train_ner(out_dir=a.output or MODEL_DIR, epochs=a.epochs, crf=a.crf,
                     log=lambda m: print(m, file=sys.stderr))
    print(f"wrote {a.output or MODEL_DIR}: default backend {meta['default']}")


if __name__ == "__main__":
    main()
