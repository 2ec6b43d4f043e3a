"""Matching: when a predicted text, value, section or document is the gold one (CONTRACT.md).

Texts are compared after a fold (NFKC, no whitespace); a mention matches on text overlap, and
also on value for value-F1; a section on marker and heading; documents are paired by title,
else by position. These are the rules of the team's reference scorer (``score.py``).
"""

from __future__ import annotations

import unicodedata
from difflib import SequenceMatcher
from typing import Sequence

MENTION_OVERLAP = 0.5  # share of the shorter mention text that must be common
TITLE_ALIGN = 0.6  # title overlap for two documents to be the same one
META_OVERLAP = 0.8  # title/doc_type/doc_number overlap to count as right
HEADING_CHARS = 24  # headings are compared on their first 24 folded characters
HEADING_OVERLAP = 0.8
HEADING_LENGTH_RATIO = 0.6
NUMBER_TOLERANCE = 0.01
_MARKER_TAIL = "、.．,，:："  # 一、 = 一 ; 1. = 1 ; 第三阶段: = 第三阶段


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
    """Whether a predicted mention value agrees with the gold one (CONTRACT.md).

    >>> value_agrees("date", {"start": "201X-12-20"}, {"start": "2010-12-20", "end": "2010-12-20"})
    True
    """
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


def mention_overlaps(gold: dict, pred: dict) -> bool:
    """Same mention for span-F1: the texts share half of the shorter one."""
    return text_overlap(gold["text"], pred.get("text", "")) >= MENTION_OVERLAP


def mention_agrees(kind: str, gold: dict, pred: dict) -> bool:
    """Same mention for value-F1: overlapping texts and agreeing values."""
    return mention_overlaps(gold, pred) and value_agrees(kind, gold.get("value"), pred.get("value"))


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
