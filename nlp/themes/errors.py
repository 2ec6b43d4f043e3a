"""Misclassified gold passages: for ``policy-nlp eval --themes-errors``.

``report(gold_dir, docs_dir, files=None)`` scores each gold passage's text with the shipped theme
model and lists the passages whose predicted themes differ from the gold ones, with the calibrated
score of every theme and the top contributing words (``ThemeModel.explain``) of the themes in error.
``docs_dir`` is accepted for symmetry with ``eval``; the passages' own gold text is what is scored.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence


def report(gold_dir, docs_dir=None, files: Sequence[str] | None = None, *, model_path=None) -> str:
    from nlp.themes.predict import load_model

    model = load_model(model_path)
    themes = list(model.meta["themes"])
    paths = sorted(Path(gold_dir).glob("*.json"))
    if files:
        wanted = {Path(f).stem for f in files}
        paths = [p for p in paths if p.stem in wanted]
    rows = []
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        for d, doc in enumerate(data.get("documents", [])):
            for i, p in enumerate(doc.get("passages", [])):
                rows.append((f"{path.name} doc {d} passage {i}", p["text"], set(p.get("themes", []))))
    if not rows:
        return "no gold passages"
    predicted = model.predict([text for _, text, _ in rows])
    out, wrong = [], 0
    for (where, text, gold), (pred, scores) in zip(rows, predicted):
        if set(pred) == gold:
            continue
        wrong += 1
        score = " ".join(f"{t}={scores[t]:.2f}" for t in themes)
        out.append(f"{where}: gold {sorted(gold) or '[]'} predicted {sorted(pred) or '[]'}  ({score})")
        out.append(f"  {text[:160]}")
        for t in sorted(gold ^ set(pred)):
            words = ", ".join(f"{w} {v:+.2f}" for w, v in model.explain(text, t, top=6))
            out.append(f"  {t} {'missed' if t in gold else 'false alarm'}: {words}")
    out.append(f"{wrong} of {len(rows)} gold passages misclassified")
    return "\n".join(out)
