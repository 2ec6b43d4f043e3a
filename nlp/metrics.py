"""Precision, recall and F1, and the greedy one-to-one matching every scorer here uses.

No I/O and no project imports: ``nlp.evaluate`` (gold files against the pipeline's output) and
``nlp.train.ner`` (the party recogniser on its dev split) count with these.
"""

from __future__ import annotations

from typing import Callable, Sequence


def prf(tp: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    """Precision, recall, F1; an empty side scores 1.0 only when the other is empty too.

    >>> prf(3, 4, 6)
    (0.5, 0.75, 0.6)
    >>> prf(0, 0, 0), prf(0, 2, 0)
    ((1.0, 1.0, 1.0), (0.0, 0.0, 0.0))
    """
    precision = tp / n_pred if n_pred else float(not n_gold)
    recall = tp / n_gold if n_gold else float(not n_pred)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def prf_dict(tp: int, n_gold: int, n_pred: int, *, digits: int = 4) -> dict:
    """:func:`prf` as ``{"p", "r", "f1", "gold", "pred"}``, rounded to ``digits``.

    >>> prf_dict(3, 4, 6)
    {'p': 0.5, 'r': 0.75, 'f1': 0.6, 'gold': 4, 'pred': 6}
    """
    p, r, f = prf(tp, n_gold, n_pred)
    return {"p": round(p, digits), "r": round(r, digits), "f1": round(f, digits),
            "gold": n_gold, "pred": n_pred}


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


def unmatched(n: int, pairs: Sequence[tuple[int, int]], side: int) -> list[int]:
    """Indexes ``0..n-1`` of one side (0 gold, 1 predicted) that no pair uses.

    >>> unmatched(3, [(0, 2), (2, 0)], 0), unmatched(3, [(0, 2), (2, 0)], 1)
    ([1], [1])
    """
    used = {pair[side] for pair in pairs}
    return [i for i in range(n) if i not in used]


def contained_either(a: str, b: str) -> bool:
    """One non-empty name inside the other: ``卫生局`` = ``县卫生局``.

    >>> contained_either("卫生局", "县卫生局"), contained_either("卫生局", "")
    (True, False)
    """
    return bool(a and b) and (a in b or b in a)
