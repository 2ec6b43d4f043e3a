"""The report for people: the figures of ``evaluate_dir`` as lines (same labels as score.py),
the per-file table of ``--by-file`` and the missed/extra mentions of ``--diff``."""

from __future__ import annotations

import json
import unicodedata

from nlp.evaluate.scoring import META_FIELDS
from nlp.vocab import MENTION_TYPES

_SHORT = {"sections": "sect", "date": "date", "percentage": "pct", "target": "target", "party": "party"}


def _width(text: str) -> int:
    """Terminal columns of text (a CJK character takes two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(label: str, width: int = 23) -> str:
    """``label`` padded to ``width`` terminal columns (a CJK character takes two)."""
    return label + " " * max(1, width - _width(label))


def _area_line(label: str, v: dict) -> str:
    return (f"{label:22s} P={v['p']:.3f} R={v['r']:.3f} F1={v['f1']:.3f}"
            f"  gold={v['gold']} pred={v['pred']}")


def _ratio(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def format_report(report: dict) -> str:
    """The figures of ``evaluate_dir`` as lines a person reads (same labels as score.py)."""
    d = report["documents"]
    lines = [f"{'documents':22s} gold={d['gold']} pred={d['pred']}"
             f"  files with exact count {d['files_exact']}/{d['files']}"
             f"  unaligned predicted {d.get('unaligned_pred', 0)}"]
    if "sections" in report:
        lines.append(_area_line("sections", report["sections"]))
    lv = report.get("section_levels", {})
    lines.append(f"{'section levels':22s} acc={_ratio(report['section_level_acc'])}"
                 f"  ({lv.get('same', 0)}/{lv.get('matched', 0)} matched sections)")
    for kind in MENTION_TYPES:
        for area in (kind + ".span", kind):
            if area in report:
                lines.append(_area_line(area, report[area]))
    for key in META_FIELDS:
        if "meta." + key in report:
            lines.append(_area_line("meta." + key, report["meta." + key]))
    themes = report.get("classify") or {}
    if themes:
        for theme, (p, r, f) in themes["per_theme"].items():
            lines.append(f"{_pad('theme ' + theme)}P={p:.3f} R={r:.3f} F1={f:.3f}")
        p, r, f = themes["micro"]
        lines.append(f"{'themes micro':22s} P={p:.3f} R={r:.3f} F1={f:.3f}"
                     f"  answered {themes['answered']}/{themes['passages']} passages")
        lines.append(f"{'themes macro':22s} F1={themes['macro_f1']:.3f}")
    else:
        lines.append(f"{'themes':22s} unavailable")
    found = report.get("gold_texts", {})
    lines.append(f"{'gold text found':22s} {_ratio(report['gold_text_found'])}"
                 f"  ({found.get('found', 0)}/{found.get('total', 0)})")
    if "extract_seconds" in report:
        lines.append(f"{'extract seconds':22s} {report['extract_seconds']:.1f}"
                     f" for {report.get('bytes', 0)} bytes")
    lines.extend(f"error: {e}" for e in report.get("errors", [])[:20])
    return "\n".join(lines)


def format_by_file(rows: list[dict]) -> str:
    """``report["files"]`` as a table, one file a line, worst first; ``-`` where a file has
    neither gold nor predictions of that kind."""
    name_width = max([4] + [len(r["name"]) for r in rows])
    columns = ("sections",) + MENTION_TYPES
    head = (f"{'file':{name_width}s}  score  docs(g/p)  "
            + " ".join(f"{_SHORT[c]:>6s}" for c in columns) + "    meta")
    lines = [head]
    for r in rows:
        if r["score"] is None:
            lines.append(f"{r['name']:{name_width}s}  error: {r['error']}")
            continue
        d = r["documents"]
        docs = f"{d['gold']}/{d['pred']}{'' if d['exact'] else ' !'}"
        cells = " ".join(f"{r['f1'][c]:6.3f}" if c in r["f1"] else f"{'-':>6s}" for c in columns)
        meta = f"{r['meta']['right']}/{r['meta']['total']}" if r["meta"]["total"] else "-"
        lines.append(f"{r['name']:{name_width}s}  {r['score']:.3f}  {docs:9s}  {cells}  {meta:>6s}")
    return "\n".join(lines)


def format_diff(diffs: list[dict]) -> str:
    """``report["diff"]``: per file, each missed and extra mention (type, text, value)."""
    lines = []
    for f in diffs:
        if not f["items"] and not f["unaligned_pred"]:
            continue
        missed = sum(i["side"] == "missed" for i in f["items"])
        head = f"== {f['name']}: missed {missed}, extra {len(f['items']) - missed}"
        if f["unaligned_pred"]:
            head += f", {f['unaligned_pred']} predicted documents paired with none (not scored)"
        lines.append(head)
        for i in f["items"]:
            value = json.dumps(i["value"], ensure_ascii=False, sort_keys=True)
            lines.append(f"  {i['side']:6s} {i['type']:10s} doc {i['doc']}  {i['text']!r}  {value}")
    return "\n".join(lines) if lines else "no missed or extra mentions"
