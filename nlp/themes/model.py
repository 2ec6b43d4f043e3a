"""Themes, predict side: read a model artefact (JSON + .npy, never pickle), featurize, score, explain.

Input: passage texts. Output: one probability in 0..1 per known theme, and for ``explain`` the
features that pushed each score up. Nothing here imports jieba or scikit-learn: the whole
transform is plain Python plus numpy, so the model loads in milliseconds and scores thousands of
passages a second (``scripts/bench_classify.py``).

Features are computed by ``nlp/themes/features.py`` (jieba-derived lexicon words, character
1-3-grams, analyst seed phrases; tf-idf, L2 per group), the same code training uses.

Artefact files in ``models/<name>/``:

- ``meta.json``: version, themes, thresholds, dev scores, corpus hash, training settings;
- ``vocab.json``: the lexicon and, per group, its kind and its terms in column order;
- ``idf.npy`` (n_features), ``coef.npy`` (n_features x n_themes), ``intercept.npy`` (n_themes),
  ``calibration.npy`` (n_themes x 2): probability = sigmoid(a * (x . coef + intercept) + b).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

import numpy as np

from nlp.errors import ModelError
from nlp.themes.features import FeatureSpace, fold_text

FORMAT_VERSION = 1
ARRAYS = ("idf", "coef", "intercept", "calibration")


class ThemeModel:
    """A loaded theme model: featurize texts, score them, explain the scores."""

    def __init__(self, path: Path, meta: dict, vocab: dict, arrays: dict[str, np.ndarray]):
        self.path = path
        self.meta = meta
        self.themes: list[str] = list(meta["themes"])
        self.thresholds = np.array([meta["thresholds"][t] for t in self.themes], dtype=np.float64)
        try:
            self.features = FeatureSpace([(g["kind"], g["terms"]) for g in vocab["groups"]], vocab["lexicon"],
                                         arrays["idf"])
        except (KeyError, TypeError, ValueError) as err:
            raise ModelError(f"{path / 'vocab.json'}: {err} (rebuild the model with `policy-nlp train`)") from err
        self.n_features = self.features.n_features
        self.names = self.features.names
        self.coef = arrays["coef"].astype(np.float64)
        self._coef_by_theme = np.ascontiguousarray(self.coef.T)  # one contiguous row per theme: fast gathers
        self.intercept = arrays["intercept"].astype(np.float64)
        self.calibration = arrays["calibration"].astype(np.float64)
        self._check(arrays["idf"].shape)

    def _check(self, idf_shape: tuple) -> None:
        n, t = self.n_features, len(self.themes)
        shapes = {"idf": (idf_shape, (n,)), "coef": (self.coef.shape, (n, t)),
                  "intercept": (self.intercept.shape, (t,)), "calibration": (self.calibration.shape, (t, 2))}
        for name, (got, want) in shapes.items():
            if got != want:
                raise ModelError(f"{self.path / (name + '.npy')}: shape {got}, expected {want} "
                                 "(rebuild the model with `policy-nlp train`)")

    # scores ---------------------------------------------------------------------------------

    def decision(self, texts: Sequence[str]) -> np.ndarray:
        """Raw linear scores (n_texts x n_themes)."""
        indptr, indices, data = self.features.transform(texts)
        rows = np.repeat(np.arange(len(texts)), np.diff(indptr))
        out = np.empty((len(texts), len(self.themes)))
        for j, coef in enumerate(self._coef_by_theme):
            out[:, j] = self.intercept[j] + np.bincount(rows, weights=coef[indices] * data, minlength=len(texts))
        return out

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Calibrated probabilities (n_texts x n_themes), each in 0..1."""
        z = self.decision(texts)
        a, b = self.calibration[:, 0], self.calibration[:, 1]
        return 1.0 / (1.0 + np.exp(-(a * z + b)))

    def predict(self, texts: Sequence[str]) -> list[tuple[list[str], dict[str, float]]]:
        """For each text: the themes at or over their threshold, and every theme's score."""
        proba = self.predict_proba(texts)
        out = []
        for row in proba:
            scores = {t: round(float(p), 4) for t, p in zip(self.themes, row)}
            themes = [t for t, p, th in zip(self.themes, row, self.thresholds) if p >= th]
            out.append((themes, scores))
        return out

    def explain(self, text: str, theme: str, *, top: int = 8) -> list[tuple[str, float]]:
        """The words and phrases of ``text`` that push ``theme``'s score up most: (term, coef x value).

        A term counted both as a word and as an n-gram gets both contributions. For readability,
        single characters are left out, and so is a term whose every occurrence lies inside or
        straddles a term already listed (医德 after 医德医风, 包回 after 红包 and 回扣).
        """
        if theme not in self.themes:
            raise ModelError(f"unknown theme {theme!r}; known: {', '.join(self.themes)}")
        j = self.themes.index(theme)
        _, cols, vals = self.features.transform([text])
        weights: dict[str, float] = {}
        for c, v in zip(cols.tolist(), vals.tolist()):
            term = self.names[c]
            weights[term] = weights.get(term, 0.0) + self.coef[c, j] * v
        folded = fold_text(text)
        shown: list[tuple[str, float]] = []
        taken: list[tuple[int, int]] = []
        for term, weight in sorted(weights.items(), key=lambda tw: (-tw[1], tw[0])):
            if weight <= 0 or len(shown) >= top:
                break
            spans = _occurrences(folded, term)
            if len(term) < 2 or not any(all(e <= a or s >= b for a, b in taken) for s, e in spans):
                continue
            shown.append((term, round(weight, 4)))
            taken.extend(spans)
        return shown


def _occurrences(text: str, term: str) -> list[tuple[int, int]]:
    spans, i = [], text.find(term)
    while i >= 0:
        spans.append((i, i + len(term)))
        i = text.find(term, i + 1)
    return spans


def read_theme_model(path: str | Path) -> ThemeModel:
    """Load a model folder written by ``write_theme_model``; raise ModelError if it is unusable."""
    path = Path(path)
    meta_path, vocab_path = path / "meta.json", path / "vocab.json"
    if not meta_path.is_file():
        raise ModelError(f"{path}: no theme model here (meta.json missing; run `policy-nlp train`)")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        vocab = json.loads(vocab_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise ModelError(f"{path}: unreadable model file: {err} (rebuild with `policy-nlp train`)") from err
    if meta.get("format") != FORMAT_VERSION:
        raise ModelError(f"{meta_path}: model format {meta.get('format')!r}, this version reads "
                         f"{FORMAT_VERSION} (rebuild with `policy-nlp train`)")
    arrays = {}
    for name in ARRAYS:
        try:
            arrays[name] = np.load(path / f"{name}.npy", allow_pickle=False)
        except (OSError, ValueError) as err:
            raise ModelError(f"{path / (name + '.npy')}: {err} (rebuild with `policy-nlp train`)") from err
    return ThemeModel(path, meta, vocab, arrays)


def write_theme_model(path: str | Path, meta: dict, vocab: dict, arrays: dict[str, np.ndarray]) -> Path:
    """Write the artefact files; byte-identical output for identical input."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    for name in ARRAYS:
        np.save(path / f"{name}.npy", np.ascontiguousarray(arrays[name]), allow_pickle=False)
    (path / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False, separators=(",", ":")) + "\n",
                                     encoding="utf-8")
    (path / "meta.json").write_text(json.dumps({"format": FORMAT_VERSION, **meta}, ensure_ascii=False,
                                               indent=1) + "\n", encoding="utf-8")
    return path
