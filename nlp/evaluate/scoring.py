"""Scoring: gold and predicted documents as plain dicts -> P/R/F1 per area, per file, and the diff.

``score_corpus`` takes ``(name, gold_docs, pred_docs)`` per file and returns the report that
``format_report`` prints; with ``by_file`` it also holds one row per file (``report["files"]``),
with ``diff`` the missed and extra mentions, sections and metadata of each file (``report["diff"]``),
both counted with the very matching the totals use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from nlp.evaluate.matching import (META_OVERLAP, align_documents, fold_text, mention_agrees,
                                   mention_overlaps, pool_documents, section_agrees, text_overlap)
from nlp.metrics import match_greedy, prf, unmatched
from nlp.vocab import MENTION_TYPES, THEMES

META_FIELDS = ("title", "doc_type", "doc_number")

Classifier = Callable[[list[str]], list[list[str]]]


@dataclass
class _Tally:
    areas: dict[str, list[int]] = field(default_factory=dict)  # area -> [tp, gold, pred]
    levels: list[int] = field(default_factory=lambda: [0, 0])  # same level, matched sections
    found: list[int] = field(default_factory=lambda: [0, 0])  # gold texts found verbatim
    docs: dict[str, int] = field(default_factory=lambda: dict(
        gold=0, pred=0, files_exact=0, files=0, unaligned_pred=0))
    passages: list[dict] = field(default_factory=list)  # {"id", "text", "gold"}
    diff: list[dict] = field(default_factory=list)  # {"doc", "type", "side", "text", "value"}

    def add(self, area: str, tp: int, n_gold: int, n_pred: int) -> None:
        t = self.areas.setdefault(area, [0, 0, 0])
        t[0] += tp
        t[1] += n_gold
        t[2] += n_pred

    def merge(self, other: _Tally) -> None:
        for area, counts in other.areas.items():
            self.add(area, *counts)
        self.levels = [a + b for a, b in zip(self.levels, other.levels)]
        self.found = [a + b for a, b in zip(self.found, other.found)]
        for key, n in other.docs.items():
            self.docs[key] += n
        self.passages += other.passages


def _score_pair(tally: _Tally, name: str, index: int, gold: dict, pred: dict) -> None:
    text = fold_text(pred.get("text", ""))
    gsec, psec = gold.get("sections", []), pred.get("sections", [])
    matched = match_greedy(gsec, psec, section_agrees)
    tally.add("sections", len(matched), len(gsec), len(psec))
    tally.levels[0] += sum(gsec[i].get("level") == psec[j].get("level") for i, j in matched)
    tally.levels[1] += len(matched)
    for side, items in (("missed", gsec), ("extra", psec)):
        for i in unmatched(len(items), matched, 0 if side == "missed" else 1):
            tally.diff.append({"doc": index, "type": "section", "side": side, "text": items[i].get("heading", ""),
                               "value": {"marker": items[i].get("marker"), "level": items[i].get("level")}})

    for kind in MENTION_TYPES:
        gm = [m for m in gold.get("mentions", []) if m["type"] == kind]
        pm = [m for m in pred.get("mentions", []) if m.get("type") == kind]
        spans = match_greedy(gm, pm, mention_overlaps)
        tally.add(kind + ".span", len(spans), len(gm), len(pm))
        values = match_greedy(gm, pm, lambda g, p: mention_agrees(kind, g, p))
        tally.add(kind, len(values), len(gm), len(pm))
        for side, items in (("missed", gm), ("extra", pm)):
            for i in unmatched(len(items), values, 0 if side == "missed" else 1):
                tally.diff.append({"doc": index, "type": kind, "side": side,
                                   "text": items[i].get("text", ""), "value": items[i].get("value")})

    for key in META_FIELDS:
        if gold.get(key):
            said = pred.get(key)
            right = bool(said) and text_overlap(gold[key], said) >= META_OVERLAP
            tally.add("meta." + key, int(right), 1, int(bool(said)))
            if not right:  # the gold value missed, and what was said instead (if anything)
                tally.diff.append({"doc": index, "type": key, "side": "missed", "text": gold[key], "value": None})
                if said:
                    tally.diff.append({"doc": index, "type": key, "side": "extra", "text": said, "value": None})

    for p in gold.get("passages", []):
        tally.passages.append({"id": f"{name}:{len(tally.passages)}", "text": p["text"],
                               "gold": p.get("themes", [])})
    for item in gold.get("passages", []) + gold.get("mentions", []):
        tally.found[0] += fold_text(item["text"]) in text
        tally.found[1] += 1


def score_themes(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]],
                 themes: Sequence[str] = THEMES) -> dict:
    """Label-by-label scores of multi-label theme predictions: per theme, micro, macro.

    >>> r = score_themes([["四风"], []], [["四风"], ["四风"]], themes=["四风"])
    >>> [round(x, 3) for x in r["per_theme"]["四风"]]
    [0.5, 1.0, 0.667]
    """
    per, total = {}, [0, 0, 0]
    for theme in themes:
        tp = fp = fn = 0
        for g, p in zip(gold, predicted):
            is_gold, is_pred = theme in g, theme in p
            tp += is_gold and is_pred
            fp += is_pred and not is_gold
            fn += is_gold and not is_pred
        per[theme] = prf(tp, tp + fn, tp + fp)
        total = [total[0] + tp, total[1] + tp + fn, total[2] + tp + fp]
    return {"per_theme": per, "micro": prf(*total),
            "macro_f1": sum(f for _, _, f in per.values()) / len(per) if per else 0.0}


def _areas(tally: _Tally) -> dict:
    return {area: dict(zip(("p", "r", "f1"), prf(*t)), gold=t[1], pred=t[2], tp=t[0])
            for area, t in tally.areas.items()}


def file_row(name: str, tally: _Tally, *, error: str | None = None) -> dict:
    """One file's figures: documents, sections and mention value-F1, meta agreement, a score.

    ``score`` (what ``--by-file`` sorts on, worst first) is the mean of the document count being
    exact (1 or 0), the F1 of every area the file has gold or predictions for, and the share of
    right title/doc_type/doc_number; a file that could not be scored has score None.
    """
    areas = _areas(tally)
    meta = [areas[a] for a in areas if a.startswith("meta.")]
    right, total = sum(m["tp"] for m in meta), sum(m["gold"] for m in meta)
    d = tally.docs
    row = {"name": name, "error": error,
           "documents": {"gold": d["gold"], "pred": d["pred"], "exact": bool(d["files_exact"]),
                         "unaligned_pred": d["unaligned_pred"]},
           "f1": {a: areas[a]["f1"] for a in ("sections",) + MENTION_TYPES
                  if a in areas and (areas[a]["gold"] or areas[a]["pred"])},
           "meta": {"right": right, "total": total}}
    if error:
        row["score"] = None
        return row
    parts = [float(row["documents"]["exact"]), *row["f1"].values()]
    if total:
        parts.append(right / total)
    row["score"] = sum(parts) / len(parts)
    return row


def score_corpus(files: Iterable[tuple[str, Sequence[dict], Sequence[dict] | None]], *,
                 pool: bool = False, classify: Classifier | None = None,
                 errors: Sequence[str] = (), by_file: bool = False, diff: bool = False) -> dict:
    """Score predicted documents against gold ones, file by file.

    ``files`` holds ``(name, gold_docs, pred_docs)``; ``pred_docs`` is None when the file
    has no document to run on (it is then reported as an error and not scored). ``classify``
    labels a list of texts (None: themes unavailable). With ``pool``, each file's documents
    are merged first, so only mentions and sections count, not the document split. ``by_file``
    adds ``report["files"]`` (one :func:`file_row` per file, worst first), ``diff`` adds
    ``report["diff"]``: per file, the gold mentions no prediction matched on value and the gold
    sections no predicted one matched (missed), the predictions matched to nothing (extra), and
    each title/doc_type/doc_number scored wrong (the gold value missed, the predicted one, if
    any, extra), from documents the scorer paired.
    """
    tally = _Tally()
    errors = list(errors)
    rows, diffs = [], []
    for name, gold_docs, pred_docs in files:
        one = _Tally()
        one.docs["files"] += 1
        if pred_docs is None:
            errors.append(f"{name}: no document file")
            tally.merge(one)
            rows.append(file_row(name, one, error="no document file"))
            continue
        gold_docs, pred_docs = list(gold_docs), list(pred_docs)
        if pool:
            gold_docs, pred_docs = pool_documents(gold_docs, pred_docs)
        one.docs["gold"] += len(gold_docs)
        one.docs["pred"] += len(pred_docs)
        one.docs["files_exact"] += len(gold_docs) == len(pred_docs)
        pairs, unaligned = align_documents(gold_docs, pred_docs)
        one.docs["unaligned_pred"] += unaligned
        for index, (gold, pred) in enumerate(pairs):
            _score_pair(one, name, index, gold, pred or {})
        tally.merge(one)
        rows.append(file_row(name, one))
        diffs.append({"name": name, "unaligned_pred": unaligned, "items": one.diff})

    report: dict = _areas(tally)
    report["section_level_acc"] = tally.levels[0] / tally.levels[1] if tally.levels[1] else None
    report["section_levels"] = {"same": tally.levels[0], "matched": tally.levels[1]}
    report["gold_text_found"] = tally.found[0] / tally.found[1] if tally.found[1] else None
    report["gold_texts"] = {"found": tally.found[0], "total": tally.found[1]}
    report["documents"] = tally.docs
    report["classify"] = {}
    report["themes_available"] = classify is not None
    if tally.passages and classify is not None:
        labels = classify([q["text"] for q in tally.passages])
        if len(labels) != len(tally.passages):
            errors.append(f"classify: {len(labels)} answers for {len(tally.passages)} passages")
        answered = labels + [[]] * (len(tally.passages) - len(labels))
        report["classify"] = {**score_themes([q["gold"] for q in tally.passages], answered),
                              "answered": len(labels), "passages": len(tally.passages)}
    report["errors"] = errors
    if by_file:
        report["files"] = sorted(rows, key=lambda r: (r["score"] is not None, r["score"] or 0.0))
    if diff:
        report["diff"] = diffs
    return report
