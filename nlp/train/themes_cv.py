"""Themes, training side: fitting, calibration, thresholds and the out-of-fold scores.

Two ways to fit the built-in themes:

- ``fit_theme`` (a corpus without real passages): LogisticRegression (liblinear, balanced
  classes), C picked by grouped out-of-fold average precision, Platt calibration on the
  out-of-fold decision values (as CalibratedClassifierCV(method="sigmoid") does), final fit on all;
- ``fit_real_theme`` (written corpus + real labelled passages): the same, but the folds are grouped
  by real site, only real passages are ever held out, the written passages weigh ``w`` (chosen
  with C) and always train. The shipped threshold is chosen on the calibrated out-of-fold values.
  Two fits are averaged (``MEMBERS``): one on features augmented as in Daume's "frustratingly easy
  domain adaptation" (a shared, a written-only and a real-only copy of every column, so what only
  the team's writing style predicts can go to the written copy; a real passage sees shared +
  real-only), and one on the plain features, where written and real passages teach the same
  columns. Each alone is within noise of the other out of fold; their mean is better than either
  (nested, 4 site partitions, corpus batch 62: adapted 0.887, plain 0.888, both 0.893; 8 partitions,
  batch 66: adapted 0.890, both 0.896). The mean
  of linear scores is linear, so the artefact keeps one weight per feature and theme.
  The honest figure is nested: in each outer fold, (w, C), calibration and threshold are chosen
  on inner folds of the outer-training part alone, then applied to the held-out sites. It is
  computed on ``REPEATS`` partitions of the sites into folds (GroupKFold, then random ones with
  fixed seeds) and averaged: one partition's figure moves by 0.01-0.02 with the partition alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from nlp import metrics

C_GRID = (0.5, 2.0, 8.0)
WEIGHT_GRID = (1.0,)  # sample weight of a written passage (a real one weighs 1)
REAL_C_GRID = (8.0,)
SITE_POWER = 0.5  # a real passage weighs n**-0.5, n = passages of its site (mean weight 1)
THRESHOLD_TOLERANCE = 0.01  # real passages: the highest threshold within 0.01 F1 of the best
# ... unless its precision is under 0.87 (0.82 wanted on unseen sites, plus a margin): then the lowest
# threshold within 0.03 F1 of the best that reaches it (issue 11: 医德医风 over-fired on unseen sites)
PRECISION_FLOOR = 0.87
FLOOR_TOLERANCE = 0.03
N_FOLDS = 5
SEED = 0
REPEATS = 4  # site partitions of the nested estimate: GroupKFold + 3 random (seeds 1..3)
# the fits averaged per theme: with Daume's copies ("adapted") and without ("plain"); both ship (nested, 8 site
# partitions, corpus batch 66: adapted alone 0.890, both 0.896, better in 6 of the 8 partitions)
MEMBERS = ("adapted", "plain")


@dataclass(slots=True)
class Fit:
    coef: np.ndarray  # n_features
    intercept: float
    calibration: tuple[float, float]
    C: float
    weight: float = 1.0


def logistic(C: float):
    from sklearn.linear_model import LogisticRegression

    # the dual problem: far more features than passages, so it solves ~10x faster than the primal
    return LogisticRegression(C=C, solver="liblinear", dual=True, class_weight="balanced", max_iter=1000,
                              random_state=SEED)


def grouped_folds(groups: Sequence[str], *, y: np.ndarray | None = None) -> list[tuple[np.ndarray, np.ndarray]]:
    """GroupKFold splits (up to N_FOLDS); with ``y``, only those whose train part has both classes."""
    from sklearn.model_selection import GroupKFold

    k = min(N_FOLDS, len(set(groups)))
    if k < 2:
        return []
    folds = list(GroupKFold(n_splits=k).split(np.zeros(len(groups)), groups=list(groups)))
    return folds if y is None else [(tr, te) for tr, te in folds if len(set(y[tr].tolist())) == 2]


def site_partitions(groups: Sequence[str], repeats: int = REPEATS) -> list[list[tuple[np.ndarray, np.ndarray]]]:
    """``repeats`` ways of cutting the sites into folds: GroupKFold first, then random site-to-fold
    assignments (seeds 1, 2, ...), each holding out every site once.

    >>> [len(p) for p in site_partitions(list("aabbccddeeff"), 3)]
    [5, 5, 5]
    """
    parts = [grouped_folds(groups)]
    sites = sorted(set(groups))
    k = min(N_FOLDS, len(sites))
    for seed in range(1, repeats):
        perm = np.random.RandomState(seed).permutation(len(sites))
        fold_of = {g: perm[i] % k for i, g in enumerate(sites)}
        a = np.array([fold_of[g] for g in groups])
        parts.append([(np.flatnonzero(a != f), np.flatnonzero(a == f)) for f in range(k)])
    return [p for p in parts if p]


def platt(z: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Sigmoid calibration p = sigmoid(a*z + b) fitted on held-out decision values."""
    from sklearn.linear_model import LogisticRegression

    if len(set(y.tolist())) < 2:
        return 1.0, 0.0
    lr = LogisticRegression(C=1e4, solver="lbfgs", max_iter=1000).fit(z.reshape(-1, 1), y)
    a = float(lr.coef_[0, 0])
    return (a, float(lr.intercept_[0])) if a > 0 else (1.0, 0.0)


def sigmoid(z: np.ndarray, ab: tuple[float, float]) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(ab[0] * z + ab[1])))


def average_precision(y: np.ndarray, z: np.ndarray) -> float:
    from sklearn.metrics import average_precision_score

    return float(average_precision_score(y, z)) if y.any() else 0.0


def choose_threshold(y: np.ndarray, p: np.ndarray, *, tolerance: float = 0.0, precision_floor: float = 0.0,
                     floor_tolerance: float = FLOOR_TOLERANCE) -> float:
    """The threshold in 0.05..0.95 with the best F1; the middle one when several tie.

    With ``tolerance``, the highest threshold whose F1 is within ``tolerance`` of the best: on
    passages from unseen sites precision drops more than recall, so near-ties go to precision.
    With ``precision_floor`` too, when that threshold's precision is under the floor, the lowest
    threshold whose F1 is within ``floor_tolerance`` of the best and whose precision reaches it
    (if none does, the highest threshold within ``floor_tolerance``).

    >>> choose_threshold(np.array([0, 0, 1, 1]), np.array([0.1, 0.3, 0.6, 0.9]))  # best: 0.31..0.60
    0.455
    >>> choose_threshold(np.array([0, 0, 1, 1]), np.array([0.1, 0.3, 0.6, 0.9]), tolerance=0.01)
    0.6
    >>> y = np.array([0] * 13 + [1] * 20)  # three negatives among the lowest positives
    >>> p = np.r_[[0.1] * 10, [0.35, 0.37, 0.39], np.linspace(0.3, 0.95, 20)]
    >>> choose_threshold(y, p, tolerance=0.01), choose_threshold(y, p, tolerance=0.01, precision_floor=0.95)
    (0.3, 0.4)
    """
    if not y.any():
        return 0.5
    grid = np.round(np.arange(0.05, 0.951, 0.01), 2)
    scores = [prf(y, p >= t) for t in grid]
    f1 = np.array([f for _, _, f in scores])
    if tolerance > 0:
        best = int(np.flatnonzero(f1 >= f1.max() - tolerance - 1e-9).max())
        precision = np.array([q for q, _, _ in scores])
        if precision[best] < precision_floor:
            near = f1 >= f1.max() - floor_tolerance - 1e-9
            ok = np.flatnonzero(near & (precision >= precision_floor))
            return float(grid[ok.min()] if len(ok) else grid[np.flatnonzero(near).max()])
        return float(grid[best])
    best = grid[f1 >= f1.max() - 1e-9]
    return round(float(best[(len(best) - 1) // 2] + best[len(best) // 2]) / 2, 3)


def prf(y: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    """P/R/F1 of boolean predictions against 0/1 labels, counted by :func:`nlp.metrics.prf`."""
    tp = int(np.sum(pred & (y == 1)))
    return metrics.prf(tp, int(np.sum(y == 1)), int(np.sum(pred)))


def score_themes(y: np.ndarray, pred: np.ndarray, themes: Sequence[str]) -> dict:
    """Per-theme P/R/F1 and support, plus macro-F1, of boolean predictions (n x n_themes)."""
    per = {}
    for j, t in enumerate(themes):
        d = metrics.prf_dict(int(np.sum(pred[:, j] & (y[:, j] == 1))), int(y[:, j].sum()), int(np.sum(pred[:, j])))
        per[t] = {"p": d["p"], "r": d["r"], "f1": d["f1"], "support": d["gold"]}
    macro = sum(v["f1"] for v in per.values()) / len(per) if per else 0.0
    return {"per_theme": per, "macro_f1": round(macro, 4), "passages": int(len(y))}


def thresholded(y: np.ndarray, p: np.ndarray, themes: Sequence[str]) -> tuple[dict[str, float], np.ndarray]:
    """Per theme, the best-F1 threshold of probabilities ``p`` (n x themes), and the predictions."""
    thresholds = {t: choose_threshold(y[:, j], p[:, j]) for j, t in enumerate(themes)}
    return thresholds, p >= np.array([thresholds[t] for t in themes])


# a corpus on its own ------------------------------------------------------------------------------


def _out_of_fold(X, y: np.ndarray, folds, C: float) -> tuple[np.ndarray, np.ndarray]:
    """Decision values of held-out rows and the mask of rows that were held out."""
    z = np.zeros(len(y))
    seen = np.zeros(len(y), dtype=bool)
    for tr, te in folds:
        z[te] = logistic(C).fit(X[tr], y[tr]).decision_function(X[te])
        seen[te] = True
    return z, seen


def fit_theme(X, y: np.ndarray, groups: Sequence[str], *,
              c_grid: Sequence[float] = C_GRID) -> tuple[Fit, np.ndarray, np.ndarray]:
    """Fit one theme; also return its calibrated out-of-fold probabilities and their mask."""
    folds = grouped_folds(groups, y=y)
    best = None
    if folds and len(c_grid) > 1:
        for C in c_grid:
            z, seen = _out_of_fold(X, y, folds, C)
            ap = average_precision(y[seen], z[seen])
            if best is None or ap > best[0] + 1e-9:
                best = (ap, C, z, seen)
        _, C, z, seen = best
    else:
        C = c_grid[len(c_grid) // 2]
        z, seen = _out_of_fold(X, y, folds, C) if folds else (np.zeros(len(y)), np.zeros(len(y), bool))
    ab = platt(z[seen], y[seen]) if seen.any() else (1.0, 0.0)
    final = logistic(C).fit(X, y)
    return Fit(final.coef_[0].astype(np.float64), float(final.intercept_[0]), ab, C), sigmoid(z, ab), seen


# written corpus + real passages -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RealData:
    """Feature rows: the written passages first (``n_written``), then the real ones (site ``groups``).

    ``X`` is the plain matrix (``n_base`` columns); ``Xa``, when "adapted" is one of ``members``, the
    augmented one (shared | written-only | real-only copies of every column)."""
    X: object
    n_written: int
    groups: tuple[str, ...]
    n_base: int
    site_weights: np.ndarray  # one per real passage
    members: tuple[str, ...] = MEMBERS
    Xa: object = None

    @classmethod
    def augment(cls, X, n_written: int, groups: Sequence[str], *, site_power: float = SITE_POWER,
                members: Sequence[str] = MEMBERS) -> "RealData":
        from scipy.sparse import diags, hstack

        unknown = sorted(set(members) - {"adapted", "plain"})
        if unknown or not members:
            raise ValueError(f"ensemble members must be 'adapted' and/or 'plain', not {list(members)}")
        X = X.tocsr()
        Xa = None
        if "adapted" in members:
            is_written = (np.arange(X.shape[0]) < n_written).astype(np.float64)
            Xa = hstack([X, diags(is_written) @ X, diags(1.0 - is_written) @ X]).tocsr()
        return cls(X, n_written, tuple(groups), X.shape[1], site_weights(groups, site_power), tuple(members), Xa)

    def rows(self, real_part: np.ndarray) -> np.ndarray:
        return np.concatenate([np.arange(self.n_written), self.n_written + real_part])

    def real_coef(self, coef: np.ndarray) -> np.ndarray:
        """The weights a real passage sees in an adapted fit: shared + real-only copy."""
        n = self.n_base
        return coef[:n] + coef[2 * n:3 * n]


@dataclass(slots=True)
class Linear:
    """One linear scorer of plain feature rows: the mean of the members' weights as a real passage sees them."""
    coef: np.ndarray
    intercept: float

    def decision(self, X) -> np.ndarray:
        return np.asarray(X @ self.coef).ravel() + self.intercept


def site_weights(groups: Sequence[str], power: float = SITE_POWER) -> np.ndarray:
    """Weights of real passages, n**-power for a site of n passages, scaled to mean 1.

    A site with many passages would otherwise teach its own wording; evening sites out is what
    generalizes to unseen ones (nested out-of-fold on dev, 医德医风 F1 0.860 -> 0.888).
    >>> site_weights(["a", "a", "a", "a", "b"], 0.5).round(3).tolist()
    [0.833, 0.833, 0.833, 0.833, 1.667]
    """
    if not len(groups):
        return np.zeros(0)
    sizes: dict[str, int] = {}
    for g in groups:
        sizes[g] = sizes.get(g, 0) + 1
    w = np.array([sizes[g] ** -power for g in groups], dtype=np.float64)
    return w * (len(w) / w.sum())


def _fit_weighted(data: RealData, y: np.ndarray, real_part: np.ndarray, w: float, C: float) -> Linear:
    """Each member fitted on the written rows and ``real_part``; their real-passage weights averaged
    (the mean of linear scores is one linear score, so the artefact keeps one column per theme)."""
    rows = data.rows(real_part)
    weights = np.concatenate([np.full(data.n_written, w), data.site_weights[real_part]])
    coefs, intercepts = [], []
    for member in data.members:
        m = logistic(C).fit((data.Xa if member == "adapted" else data.X)[rows], y[rows], sample_weight=weights)
        c = m.coef_[0].astype(np.float64)
        coefs.append(data.real_coef(c) if member == "adapted" else c)
        intercepts.append(float(m.intercept_[0]))
    return Linear(np.mean(coefs, axis=0), float(np.mean(intercepts)))


def _select(data: RealData, y: np.ndarray, real_part: np.ndarray, weight_grid, c_grid, say=None):
    """(AP, w, C, out-of-fold decision values of ``real_part``) of the best (w, C), by AP."""
    folds = grouped_folds([data.groups[i] for i in real_part])
    yr = y[data.n_written + real_part]
    best = None
    for w in weight_grid:
        for C in c_grid:
            z = np.zeros(len(real_part))
            for tr, te in folds:
                m = _fit_weighted(data, y, real_part[tr], w, C)
                z[te] = m.decision(data.X[data.n_written + real_part[te]])
            ap = average_precision(yr, z)
            if say:
                say(f"  weight {w}, C={C}: out-of-fold AP {ap:.4f}")
            if best is None or ap > best[0] + 1e-9:
                best = (ap, w, C, z)
    return best


def fit_real_theme(data: RealData, y: np.ndarray, *, weight_grid=WEIGHT_GRID, c_grid=REAL_C_GRID, nested: bool = True,
                   tolerance: float = THRESHOLD_TOLERANCE, precision_floor: float = PRECISION_FLOOR,
                   repeats: int = REPEATS, say=None) -> tuple[Fit, dict, np.ndarray, np.ndarray]:
    """Fit one theme on written + real rows.

    Returns the shipped fit, what was chosen (``written_weight``, ``C``, ``oof_average_precision``,
    ``threshold``), the calibrated out-of-fold probabilities of the real rows (shipped selection),
    and the nested out-of-fold predictions (thresholds chosen inside each outer training part), one
    row per site partition (``site_partitions``).
    """
    n_real = len(data.groups)
    everything = np.arange(n_real)
    yr = y[data.n_written:]
    ap, w, C, z = _select(data, y, everything, weight_grid, c_grid, say)
    ab = platt(z, yr)
    oof = sigmoid(z, ab)
    threshold = choose_threshold(yr, oof, tolerance=tolerance, precision_floor=precision_floor)
    final = _fit_weighted(data, y, everything, w, C)
    fit = Fit(final.coef, final.intercept, ab, C, w)
    parts = site_partitions(list(data.groups), repeats) if nested else []
    nested_pred = np.zeros((max(len(parts), 1), n_real), dtype=bool)
    for r, folds in enumerate(parts):
        for tr, te in folds:
            _, w_in, C_in, z_in = _select(data, y, tr, weight_grid, c_grid)
            ab_in = platt(z_in, yr[tr])
            th_in = choose_threshold(yr[tr], sigmoid(z_in, ab_in), tolerance=tolerance,
                                     precision_floor=precision_floor)
            m = _fit_weighted(data, y, tr, w_in, C_in)
            nested_pred[r, te] = sigmoid(m.decision(data.X[data.n_written + te]), ab_in) >= th_in
    chosen = {"written_weight": w, "C": C, "oof_average_precision": round(ap, 4), "threshold": threshold}
    return fit, chosen, oof, nested_pred
