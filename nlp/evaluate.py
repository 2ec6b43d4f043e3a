"""Evaluation: gold files + the program's own output -> P/R/F1 per area.

The matching rules are those at the end of ``CONTRACT.md`` and give the same figures as the
team's reference scorer (``../shared/tools/score.py``):

- texts are compared after a *fold*: NFKC, then every whitespace character removed;
- documents of a file are aligned by title (overlap >= 0.6), else by position;
- gold and predicted items are paired greedily, one to one: each gold item, in gold order,
  takes the first unused predicted item, in predicted order, that matches;
- a mention matches on type and text overlap (longest common substring >= half the shorter
  text); value-F1 also requires the values to agree (``X`` matches any digit, numbers within
  0.01, a party name contained in the other);
- a section matches on marker (``（一）`` = ``(一)``, trailing ``、.,:`` dropped) and heading;
- themes are scored label by label on the gold passages' texts (micro and macro F1).

The scoring core (``score_corpus``) takes plain dicts; ``evaluate_dir`` runs the pipeline and
the theme classifier in-process and feeds it.
"""

from __future__ import annotations

import json
import time
import unicodedata
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from pathlib import Path
from typing import Callable, Iterable, Sequence

from nlp.settings import Settings

THEMES = ("四风", "医德医风", "安全隐患")  # CONTRACT.md, "The themes"
MENTION_TYPES = ("date", "percentage", "target", "party")
META_FIELDS = ("title", "doc_type", "doc_number")

MENTION_OVERLAP = 0.5  # share of the shorter mention text that must be common
TITLE_ALIGN = 0.6  # title overlap for two documents to be the same one
META_OVERLAP = 0.8  # title/doc_type/doc_number overlap to count as right
HEADING_CHARS = 24  # headings are compared on their first 24 folded characters
HEADING_OVERLAP = 0.8
HEADING_LENGTH_RATIO = 0.6
NUMBER_TOLERANCE = 0.01
_MARKER_TAIL = "、.．,，:："  # 一、 = 一 ; 1. = 1 ; 第三阶段: = 第三阶段

Classifier = Callable[[list[str]], list[list[str]]]


# --- comparing texts and values -------------------------------------------------------------

def fold_text(s: str | None) -> str:
    """NFKC, then no whitespace: the form in which every text is compared.

    >>> fold_text("（一） 加强\\n领导")
    '(一)加强领导'
    """
    return "".join(unicodedata.normalize("NFKC", s or "").split())


def text_overlap(a: str | None, b: str | None) -> float:
    """Longest common substring of the folded texts over the shorter one's length (0..1).

    >>> text_overlap("县卫生局", "卫生局"), text_overlap("2010年5月", "5月20日")
    (1.0, 0.4)
    """
    return _overlap_folded(fold_text(a), fold_text(b))


def _overlap_folded(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 1.0
    longest = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return longest.size / min(len(a), len(b))


def _date_agrees(gold, pred) -> bool:
    # 201X-12-20 vs 2010-12-20: X stands for any digit, on either side; lengths must agree
    if not (isinstance(gold, str) and isinstance(pred, str)):
        return gold == pred or (not gold and not pred)
    gold, pred = gold.upper(), pred.upper()
    return len(gold) == len(pred) and all(
        g == p or "X" in (g, p) for g, p in zip(gold, pred))


def _number_agrees(gold, pred) -> bool:
    try:
        return abs(float(gold) - float(pred)) <= NUMBER_TOLERANCE
    except (TypeError, ValueError):
        return False


def _comparator(c):
    return c if c not in (None, "", "=") else None  # "=" says no more than no comparator


def value_agrees(kind: str, gold: dict | None, pred: dict | None) -> bool:
    """Whether a predicted mention value agrees with the gold one (CONTRACT.md)."""
    gold, pred = gold or {}, pred or {}
    if kind == "date":
        return (_date_agrees(gold.get("start"), pred.get("start"))
                and _date_agrees(gold.get("end") or gold.get("start"),
                                 pred.get("end") or pred.get("start")))
    if kind == "percentage":
        return (_number_agrees(gold.get("number"), pred.get("number"))
                and fold_text(gold.get("unit")) == fold_text(pred.get("unit"))
                and _comparator(gold.get("comparator")) == _comparator(pred.get("comparator")))
    if kind == "target":
        return (_number_agrees(gold.get("number"), pred.get("number"))
                and fold_text(gold.get("unit")) == fold_text(pred.get("unit")))
    if kind == "party":
        g, p = fold_text(gold.get("name")), fold_text(pred.get("name"))
        return bool(g and p) and (g in p or p in g)  # 卫生局 = 县卫生局
    return True


def normalize_marker(marker: str | None) -> str:
    """The marker as sections are matched on it.

    >>> [normalize_marker(m) for m in ["（一）", "(一)", "一、", "1．", "第三阶段："]]
    ['(一)', '(一)', '一', '1', '第三阶段']
    """
    folded = fold_text(marker).replace("（", "(").replace("）", ")")
    return folded.rstrip(_MARKER_TAIL)


def section_agrees(gold: dict, pred: dict) -> bool:
    """Same marker, and headings that mostly overlap and are of similar length."""
    if normalize_marker(gold.get("marker")) != normalize_marker(pred.get("marker")):
        return False
    g = fold_text(gold.get("heading"))[:HEADING_CHARS]
    p = fold_text(pred.get("heading"))[:HEADING_CHARS]
    if not g:
        return True  # gold gives only the marker
    return (_overlap_folded(g, p) >= HEADING_OVERLAP
            and min(len(g), len(p)) >= HEADING_LENGTH_RATIO * max(len(g), len(p)))


def _mention_overlaps(gold: dict, pred: dict) -> bool:
    return text_overlap(gold["text"], pred.get("text", "")) >= MENTION_OVERLAP


def match_greedy(gold: Sequence, pred: Sequence, agrees: Callable) -> list[tuple[int, int]]:
    """Pair each gold item, in order, with the first unused predicted item it agrees with.

    >>> match_greedy(["a", "b"], ["b", "a", "a"], lambda g, p: g == p)
    [(0, 1), (1, 0)]
    """
    taken: set[int] = set()
    pairs = []
    for i, g in enumerate(gold):
        j = next((j for j, p in enumerate(pred) if j not in taken and agrees(g, p)), None)
        if j is not None:
            taken.add(j)
            pairs.append((i, j))
    return pairs


def prf(tp: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    """Precision, recall, F1; an empty side scores 1.0 only when the other is empty too."""
    precision = tp / n_pred if n_pred else float(not n_gold)
    recall = tp / n_gold if n_gold else float(not n_pred)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def align_documents(gold_docs: Sequence[dict], pred_docs: Sequence[dict]
                    ) -> tuple[list[tuple[dict, dict | None]], int]:
    """Pair each gold document with a predicted one: best title overlap, else same position.

    Returns the pairs (predicted side None when nothing is left) and the number of predicted
    documents paired with no gold one.
    """
    taken: set[int] = set()
    pairs = []
    for i, g in enumerate(gold_docs):
        best, best_j = 0.0, None
        if g.get("title"):
            for j, p in enumerate(pred_docs):
                if j in taken or not p.get("title"):
                    continue
                score = text_overlap(g["title"], p["title"])
                if score > best:
                    best, best_j = score, j
        if best_j is None or best < TITLE_ALIGN:
            best_j = i if i < len(pred_docs) and i not in taken else None
        if best_j is not None:
            taken.add(best_j)
        pairs.append((g, pred_docs[best_j] if best_j is not None else None))
    return pairs, len(pred_docs) - len(taken)


def pool_documents(gold_docs: Sequence[dict], pred_docs: Sequence[dict]
                   ) -> tuple[list[dict], list[dict]]:
    """One gold and at most one predicted document per file, ignoring the document split."""
    gold = [{"title": None,
             **{k: [x for d in gold_docs for x in d.get(k, [])]
                for k in ("sections", "mentions", "passages")}}]
    if not pred_docs:
        return gold, []
    pred = {"text": "\n".join(d.get("text", "") for d in pred_docs),
            **{k: [x for d in pred_docs for x in d.get(k, [])] for k in ("sections", "mentions")}}
    return gold, [pred]


# --- the scoring core: plain dicts in, a report out -----------------------------------------

@dataclass
class _Tally:
    areas: dict[str, list[int]] = field(default_factory=dict)  # area -> [tp, gold, pred]
    levels: list[int] = field(default_factory=lambda: [0, 0])  # same level, matched sections
    found: list[int] = field(default_factory=lambda: [0, 0])  # gold texts found verbatim
    docs: dict[str, int] = field(default_factory=lambda: dict(
        gold=0, pred=0, files_exact=0, files=0, unaligned_pred=0))
    passages: list[dict] = field(default_factory=list)  # {"id", "text", "gold"}

    def add(self, area: str, tp: int, n_gold: int, n_pred: int) -> None:
        t = self.areas.setdefault(area, [0, 0, 0])
        t[0] += tp
        t[1] += n_gold
        t[2] += n_pred


def _score_pair(tally: _Tally, name: str, gold: dict, pred: dict) -> None:
    text = fold_text(pred.get("text", ""))
    gsec, psec = gold.get("sections", []), pred.get("sections", [])
    matched = match_greedy(gsec, psec, section_agrees)
    tally.add("sections", len(matched), len(gsec), len(psec))
    tally.levels[0] += sum(gsec[i].get("level") == psec[j].get("level") for i, j in matched)
    tally.levels[1] += len(matched)

    for kind in MENTION_TYPES:
        gm = [m for m in gold.get("mentions", []) if m["type"] == kind]
        pm = [m for m in pred.get("mentions", []) if m.get("type") == kind]
        spans = match_greedy(gm, pm, _mention_overlaps)
        tally.add(kind + ".span", len(spans), len(gm), len(pm))
        values = match_greedy(gm, pm, lambda g, p: _mention_overlaps(g, p)
                              and value_agrees(kind, g.get("value"), p.get("value")))
        tally.add(kind, len(values), len(gm), len(pm))

    for key in META_FIELDS:
        if gold.get(key):
            said = pred.get(key)
            right = bool(said) and text_overlap(gold[key], said) >= META_OVERLAP
            tally.add("meta." + key, int(right), 1, int(bool(said)))

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


def score_corpus(files: Iterable[tuple[str, Sequence[dict], Sequence[dict] | None]], *,
                 pool: bool = False, classify: Classifier | None = None,
                 errors: Sequence[str] = ()) -> dict:
    """Score predicted documents against gold ones, file by file.

    ``files`` holds ``(name, gold_docs, pred_docs)``; ``pred_docs`` is None when the file
    has no document to run on (it is then reported as an error and not scored). ``classify``
    labels a list of texts (None: themes unavailable). With ``pool``, each file's documents
    are merged first, so only mentions and sections count, not the document split.
    """
    tally = _Tally()
    errors = list(errors)
    for name, gold_docs, pred_docs in files:
        tally.docs["files"] += 1
        if pred_docs is None:
            errors.append(f"{name}: no document file")
            continue
        gold_docs, pred_docs = list(gold_docs), list(pred_docs)
        if pool:
            gold_docs, pred_docs = pool_documents(gold_docs, pred_docs)
        tally.docs["gold"] += len(gold_docs)
        tally.docs["pred"] += len(pred_docs)
        tally.docs["files_exact"] += len(gold_docs) == len(pred_docs)
        pairs, unaligned = align_documents(gold_docs, pred_docs)
        tally.docs["unaligned_pred"] += unaligned
        for gold, pred in pairs:
            _score_pair(tally, name, gold, pred or {})

    report: dict = {area: dict(zip(("p", "r", "f1"), prf(*t)), gold=t[1], pred=t[2], tp=t[0])
                    for area, t in tally.areas.items()}
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
    return report


# --- running it on directories --------------------------------------------------------------

def _gold_files(gold_dir: Path, only: str) -> list[Path]:
    return sorted(Path(gold_dir).glob(f"{only}*.json"))


def _document_file(docs_dir: Path, stem: str) -> Path | None:
    found = sorted(p for p in Path(docs_dir).glob(stem + ".*") if p.suffix != ".json")
    return found[0] if found else None


def _theme_classifier(settings: Settings) -> tuple[Classifier | None, str | None]:
    """The themes stage's classifier, or None and the reason it is unavailable."""
    try:
        from nlp.themes import classify_texts
    except ImportError as err:
        return None, f"themes: unavailable ({err})"

    def classify(texts: list[str]) -> list[list[str]]:
        answers = classify_texts(texts, model_path=settings.themes_model)
        # (themes, scores) pairs, or objects with a .themes field
        return [list(getattr(a, "themes", None) or (a[0] if isinstance(a, (tuple, list)) else []))
                for a in answers]

    return classify, None


def evaluate_dir(gold_dir: str | Path, docs_dir: str | Path, *, settings: Settings = Settings(),
                 pool: bool = False, only: str = "") -> dict:
    """Run the pipeline on each gold file's document in ``docs_dir`` and score it (see module doc).

    The report holds, per area, ``{"p", "r", "f1", "gold", "pred", "tp"}`` (areas ``sections``,
    ``date``/``date.span``..., ``meta.title``...), ``section_level_acc``, ``gold_text_found``,
    ``documents``, ``classify`` (themes), ``errors``, ``extract_seconds`` and ``bytes``.
    """
    from nlp.errors import PolicyNlpError
    from nlp.pipeline import iter_documents

    run_settings = replace(settings, classify=False)  # themes are scored on gold passages
    errors: list[str] = []
    files = []
    seconds, size = 0.0, 0
    for gold_path in _gold_files(Path(gold_dir), only):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        path = _document_file(Path(docs_dir), gold_path.stem)
        if path is None:
            files.append((gold_path.stem, gold["documents"], None))
            continue
        size += path.stat().st_size
        docs: list[dict] = []
        started = time.perf_counter()
        try:
            for doc in iter_documents(path, run_settings):
                docs.append(doc.to_dict())
        except PolicyNlpError as err:
            errors.append(str(err))
        except Exception as err:  # a bug in a stage: score what came out, like a crashed CLI run
            errors.append(f"{path.name}: crashed: {type(err).__name__}: {err}")
        seconds += time.perf_counter() - started
        files.append((gold_path.stem, gold["documents"], docs))

    classify, why_not = (None, None)
    if settings.classify:
        classify, why_not = _theme_classifier(settings)
    if why_not:
        errors.append(why_not)
    try:
        report = score_corpus(files, pool=pool, classify=classify, errors=errors)
    except PolicyNlpError as err:  # e.g. the theme model is missing
        report = score_corpus(files, pool=pool, classify=None, errors=errors + [f"themes: {err}"])
    report["extract_seconds"] = seconds
    report["bytes"] = size
    return report


def read_predictions(path: str | Path) -> list[dict]:
    """Documents saved by ``policy-nlp extract --format jsonl`` (one JSON object a line)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def score_saved(gold_dir: str | Path, pred_dir: str | Path, *, pool: bool = False, only: str = "",
                classify: Classifier | None = None) -> dict:
    """Score saved extract output: ``pred_dir/<gold stem>.jsonl`` against ``gold_dir/<stem>.json``."""
    files = []
    for gold_path in _gold_files(Path(gold_dir), only):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred_path = Path(pred_dir) / (gold_path.stem + ".jsonl")
        preds = read_predictions(pred_path) if pred_path.exists() else None
        files.append((gold_path.stem, gold["documents"], preds))
    return score_corpus(files, pool=pool, classify=classify)


# --- the report for people ------------------------------------------------------------------

def _pad(label: str, width: int = 23) -> str:
    """``label`` padded to ``width`` terminal columns (a CJK character takes two)."""
    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in label)
    return label + " " * max(1, width - used)


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
