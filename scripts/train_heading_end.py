"""Train the heading-end cue (nlp/data/heading_end.tsv): where a section heading stops when its
line runs straight into the body (`二、活动时间2024年4月2日`, `1.学生中暑立即将…`).

    python scripts/train_heading_end.py GOLD_DIR DOCS_DIR [--split SPLIT.tsv] [--out nlp/data/heading_end.tsv]

Examples come from the gold sections of the real dev split: each heading in its own text (where
the line ends it: every inner position is a negative) and in the same text with each numbered
heading line joined to the next (scripts/perturb_structure.py `headjoin`: the heading's end is the
positive). A logistic regression over the characters around each position; the report gives the
site-grouped out-of-fold accuracy of the cut (GroupKFold by the site column of SPLIT.tsv).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from perturb_structure import _join_headings  # noqa: E402

from nlp.normalize import normalize_text  # noqa: E402
from nlp.outline import HEADING_END_MAX, _token_bounds, heading_end_features, heading_end_positions  # noqa: E402

_STOP = re.compile(r"[。;;!！\n]")


def _examples(text: str, sections: list[dict]):
    """(candidate, gold end) for each numbered gold heading found after its marker in text."""
    for s in sections:
        head, marker = s.get("heading") or "", (s.get("marker") or "").strip()
        if not head or not marker or len(head) < 2:
            continue
        for m in re.finditer(re.escape(head), text):
            before = text[max(0, m.start() - len(marker) - 3):m.start()].rstrip(" \t")
            if not before.endswith(marker.rstrip("、.．:: ")) and not before.endswith(marker):
                continue
            stop = _STOP.search(text, m.start(), m.start() + 400)
            cand = text[m.start():stop.start() if stop else m.start() + 400]
            if cand.startswith(head):
                yield cand, len(head)
            break


def build(gold_dir: Path, docs_dir: Path, split: Path | None):
    sites = {}
    if split:
        with split.open(encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                sites[row["id"]] = (row["split"], row["site"])
    rows = []  # (group, cand, end, joined)
    for gp in sorted(gold_dir.glob("*.json")):
        if sites and sites.get(gp.stem, ("",))[0] != "dev":
            continue
        gold = json.loads(gp.read_text(encoding="utf-8"))
        raw = (docs_dir / gold["source"]).read_text(encoding="utf-8")
        secs = [s for d in gold["documents"] for s in d.get("sections", [])]
        group = sites.get(gp.stem, ("", gp.stem))[1]
        for joined, src in ((False, raw), (True, _join_headings(raw))):
            text = normalize_text(src).text
            for cand, end in _examples(text, secs):
                rows.append((group, cand, end, joined))
    return rows


def _position_rows(cand: str, end: int):
    bounds = _token_bounds(cand[:HEADING_END_MAX + 10])
    for i in heading_end_positions(cand):
        yield heading_end_features(cand, i, bounds), int(i == end)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("docs", type=Path)
    ap.add_argument("--split", type=Path)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--margin", type=float, default=1.0, help="score a cut needs (folded into the bias; the shipped table: 1.0)")
    a = ap.parse_args()
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    rows = build(a.gold, a.docs, a.split)
    groups = sorted({r[0] for r in rows})
    print(f"{len(rows)} headings ({sum(r[3] for r in rows)} joined) from {len(groups)} sites")

    def fit(train):
        X, y = [], []
        for _, cand, end, _ in train:
            for f, lab in _position_rows(cand, end):
                X.append(f)
                y.append(lab)
        vec = DictVectorizer()
        clf = LogisticRegression(C=a.C, max_iter=2000, class_weight={0: 1, 1: 3})
        clf.fit(vec.fit_transform(X), y)
        return {name: float(w) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) > 1e-4}, float(clf.intercept_[0])

    gkf = GroupKFold(n_splits=min(5, len(groups)))
    idx = list(range(len(rows)))
    results = []  # (joined, right_before, right_after)
    for tr, te in gkf.split(idx, groups=[rows[i][0] for i in idx]):
        w, b = fit([rows[i] for i in tr])
        for i in te:
            _, cand, end, joined = rows[i]
            cut = _best(cand, w, b - a.margin)
            got = cut if cut is not None else len(cand)
            results.append((joined, len(cand) == end, got == end))
    for j in (False, True):
        sub = [r for r in results if r[0] == j]
        print(f"{'joined' if j else 'as written'}: headings {len(sub)}  right without the cue {sum(r[1] for r in sub)}"
              f"  right with it (out of fold) {sum(r[2] for r in sub)}")
    if a.out:
        w, b = fit(rows)
        with a.out.open("w", encoding="utf-8") as f:
            f.write("# heading_end.tsv: weights of the heading-end cue (scripts/train_heading_end.py, real dev gold).\n")
            f.write("# A feature of the characters around a position in a heading line; the cue cuts where the\n")
            f.write("# summed weight is highest and positive. Columns: feature <TAB> weight.\n")
            f.write("feature\tweight\n")
            f.write(f"__bias__\t{b - a.margin:.4f}\n")
            for name, v in sorted(w.items(), key=lambda kv: -abs(kv[1])):
                if abs(v) >= 0.05:
                    f.write(f"{name}\t{v:.4f}\n")
        print("wrote", a.out)


def _best(cand: str, w: dict, b: float) -> int | None:
    best, at = 0.0, None
    bounds = _token_bounds(cand[:HEADING_END_MAX + 10])
    for i in heading_end_positions(cand):
        s = b + sum(w.get(f"{k}={v}", 0.0) for k, v in heading_end_features(cand, i, bounds).items())
        if s > best:
            best, at = s, i
    return at


if __name__ == "__main__":
    main()
