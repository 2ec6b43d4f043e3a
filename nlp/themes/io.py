"""Themes, input and output of the ``classify`` and ``train`` commands.

Input: JSON lines ``{"id": ..., "text": ...}``. Output: the contract's ``{"id", "themes", "scores"}``
lines (plus ``explain`` when asked), a readable table, and the training report.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from nlp.errors import BadOption
from nlp.themes.predict import Classified, classify_texts, load_model

BATCH = 512


@dataclass(frozen=True, slots=True)
class Record:
    id: Any
    text: str
    result: Classified


def classify_lines(lines: Iterable[str], *, name: str = "<stdin>", model_path: str | Path | None = None,
                   explain: bool = False) -> Iterator[Record | BadOption]:
    """Classify JSON lines in batches; yield a Record per passage or a BadOption per bad line, in order.

    Blank lines are skipped. ``id`` is echoed as given (null when absent).
    """
    load_model(model_path)  # a missing model fails before any input is read
    pending: list[tuple[Any, str] | BadOption] = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        pending.append(_parse_line(line, f"{name}:{lineno}"))
        if len(pending) >= BATCH:
            yield from _flush(pending, model_path, explain)
            pending = []
    yield from _flush(pending, model_path, explain)


def _parse_line(line: str, where: str) -> tuple[Any, str] | BadOption:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        return BadOption(f"{where}: not JSON ({err.msg}); expected {{\"id\": ..., \"text\": \"...\"}}")
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        return BadOption(f"{where}: no string \"text\"; expected {{\"id\": ..., \"text\": \"...\"}}")
    return obj.get("id"), obj["text"]


def _flush(pending: list, model_path, explain: bool) -> Iterator[Record | BadOption]:
    good = [p for p in pending if not isinstance(p, BadOption)]
    results = iter(classify_texts([text for _, text in good], model_path=model_path, explain=explain))
    for item in pending:
        yield item if isinstance(item, BadOption) else Record(item[0], item[1], next(results))


def render_jsonl(record: Record) -> str:
    """The contract's classify line: {"id", "themes", "scores"} (+ "explain")."""
    out = {"id": record.id, "themes": record.result.themes, "scores": record.result.scores}
    if record.result.explain is not None:
        out["explain"] = {t: [[term, w] for term, w in why] for t, why in record.result.explain.items()}
    return json.dumps(out, ensure_ascii=False)


def render_table(record: Record, thresholds: dict[str, float], *, show_id: bool = True) -> str:
    """Readable lines: one per theme with score, threshold and, when explained, the reasons."""
    lines = [f"[{record.id}] {_clip(record.text)}"] if show_id else []
    width = max(map(_width, record.result.scores), default=0)
    for theme, score in record.result.scores.items():
        mark = "✓" if theme in record.result.themes else " "
        pad = " " * (width - _width(theme))
        line = f"  {mark} {theme}{pad}  {score:.3f}  (threshold {thresholds.get(theme, 0.5):.2f})"
        why = (record.result.explain or {}).get(theme)
        if why:
            line += "  " + ", ".join(f"{term} +{w:.2f}" for term, w in why)
        lines.append(line)
    if not record.result.themes:
        lines.append("  (no theme)")
    return "\n".join(lines)


def _width(text: str) -> int:
    """Columns a terminal gives text: two per CJK character."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _clip(text: str, size: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size] + "…"


def render_train_report(meta: dict, out_dir: str | Path) -> str:
    """Per-theme P/R/F1 on dev, macro-F1, thresholds and corpus facts of a freshly trained model."""
    dev = meta["dev"]
    corpus = meta["corpus"]
    lines = [f"model   {out_dir}",
             f"corpus  {corpus['passages']} passages ({corpus['train']} train, {corpus['dev']} dev) {corpus['hash']}",
             f"scored  on {dev['on']}, {dev['passages']} passages",
             f"{'theme':10s} {'P':>6s} {'R':>6s} {'F1':>6s} {'gold':>5s} {'threshold':>9s}"]
    rows = list(dev["per_theme"].items()) + list(meta.get("analyst_scores", {}).get("per_theme", {}).items())
    for theme, v in rows:
        name = theme + " " * max(1, 10 - _width(theme))
        lines.append(f"{name}{v['p']:6.3f} {v['r']:6.3f} {v['f1']:6.3f} {v['support']:5d} "
                     f"{meta['thresholds'][theme]:9.3f}")
    tail = (f", {dev['at_train_thresholds']:.3f} with thresholds chosen on train out-of-fold"
            if "at_train_thresholds" in dev else "")
    lines.append(f"macro-F1 {dev['macro_f1']:.3f} (built-in themes; {dev['at_0.5']:.3f} at threshold 0.5{tail})")
    if meta.get("real"):
        lines.append(f"trained on {corpus['passages']} written passages (weights "
                     f"{ {t: v['written_weight'] for t, v in meta['weights']['per_theme'].items()} }) "
                     f"+ {meta['real']['passages']} real dev passages (weight 1)")
    if meta.get("analyst_scores"):
        lines.append(f"analyst themes scored {meta['analyst_scores']['on']}")
    return "\n".join(lines)
