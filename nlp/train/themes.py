"""Themes, training side: labelled corpus (+ analyst themes) -> model artefact in ``models/<name>/``.

Input: ``corpora/themes/*.jsonl`` (objects with ``id``, ``text``, ``themes``, ``source``) and
``corpora/themes/split.json`` (the dev source ids); optionally an analyst themes TOML file.
Output: the JSON + ``.npy`` artefact that ``nlp/themes_model.py`` reads, and the report stored in
its ``meta.json`` (dev P/R/F1 per theme, macro-F1, thresholds, corpus hash).

Recipe, deterministic (sorted inputs, fixed seeds, no clock):

1. lexicon: words of two or more characters that jieba (own Tokenizer + the user dictionary)
   finds in at least two training passages, plus every user-dictionary word;
2. features: lexicon words (forward maximum matching) and character 1-3-grams with document
   frequency >= 2, the most frequent kept, weighted (1 + ln tf) * idf, L2 per group;
3. per theme, one-vs-rest: LogisticRegression (liblinear, balanced classes); C picked by grouped
   out-of-fold average precision, then sigmoid (Platt) calibration on the out-of-fold decision
   values, as CalibratedClassifierCV(method="sigmoid") does, and a final fit on the whole train split;
4. per theme threshold: the one maximizing F1 on the dev split (the middle of the best plateau).
   The shipped model is the train-split fit, so the dev figures in meta.json are held-out figures;
   as the thresholds were tuned on dev, meta.json also gives dev macro-F1 with thresholds chosen
   on the train split's out-of-fold predictions (``at_train_thresholds``), which tunes nothing on dev.
   A corpus without a dev split falls back to out-of-fold predictions for thresholds and scores.

Analyst themes (``train_theme_model(..., themes_file=...)``) are trained one-vs-rest after the
built-in ones, on their labelled examples, their seed phrases as synthetic positives and the
corpus passages as negatives, with the seed phrases as an extra feature group that the built-in
themes give zero weight; so built-in scores stay exactly what the same corpus gives without them.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from nlp.errors import BadOption, ModelError
from nlp.themes.features import Lexicon, count_chars, find_runs, fold_text, is_lexicon_word
from nlp.themes.model import FORMAT_VERSION, ThemeModel, write_theme_model

BUILTIN_THEMES = ("四风", "医德医风", "安全隐患")
MODEL_VERSION = "1"
MIN_DF = 2
MAX_WORDS = 20_000
MAX_CHARS = 40_000
C_GRID = (0.5, 2.0, 8.0)
N_FOLDS = 5
SEED = 0
_USER_DICT_ROW = re.compile(r"(?P<word>\S+)(?: (?P<freq>\d+))?(?: (?P<tag>[a-z]+))?")


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    text: str
    themes: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)
class Corpus:
    examples: tuple[Example, ...]
    dev_sources: frozenset[str]
    hash: str
    files: tuple[str, ...]

    @property
    def train(self) -> list[Example]:
        return [e for e in self.examples if e.source not in self.dev_sources]

    @property
    def dev(self) -> list[Example]:
        return [e for e in self.examples if e.source in self.dev_sources]


@dataclass(frozen=True, slots=True)
class AnalystTheme:
    name: str
    definition: str
    seeds: tuple[str, ...]
    examples: tuple[tuple[str, bool], ...]  # (text, label)


@dataclass(slots=True)
class _Fit:
    coef: np.ndarray  # n_features
    intercept: float
    calibration: tuple[float, float]
    C: float


# corpus -------------------------------------------------------------------------------------


def read_theme_corpus(corpus_dir: str | Path, *, themes: Sequence[str] = BUILTIN_THEMES) -> Corpus:
    """Read ``*.jsonl`` and ``split.json`` of a theme corpus; a bad row raises with file:line."""
    corpus_dir = Path(corpus_dir)
    files = sorted(corpus_dir.glob("*.jsonl"))
    if not files:
        raise BadOption(f"{corpus_dir}: no *.jsonl theme corpus here (expected corpora/themes/)")
    digest = hashlib.sha256()
    examples = []
    for path in files:
        raw = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + raw + b"\0")
        for lineno, line in enumerate(raw.decode("utf-8").splitlines(), 1):
            if line.strip():
                examples.append(_read_example(line, f"{path.name}:{lineno}", themes))
    split_path = corpus_dir / "split.json"
    dev: frozenset[str] = frozenset()
    names = [p.name for p in files]
    if split_path.is_file():
        raw = split_path.read_bytes()
        digest.update(split_path.name.encode() + b"\0" + raw + b"\0")
        names.append(split_path.name)
        split = json.loads(raw)
        dev = frozenset(split["dev"] if isinstance(split, dict) else split)
    examples.sort(key=lambda e: (e.source, e.id))
    return Corpus(tuple(examples), dev, "sha256:" + digest.hexdigest(), tuple(names))


def _read_example(line: str, where: str, themes: Sequence[str]) -> Example:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        raise BadOption(f"{where}: not JSON ({err.msg})") from err
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not isinstance(obj.get("themes"), list):
        raise BadOption(f"{where}: expected an object with a string 'text' and a list 'themes'")
    unknown = [t for t in obj["themes"] if t not in themes]
    if unknown:
        raise BadOption(f"{where}: unknown theme {unknown[0]!r}; known: {', '.join(themes)}")
    ident = str(obj.get("id", where))
    return Example(ident, obj["text"], tuple(sorted(set(obj["themes"]), key=themes.index)),
                   str(obj.get("source", ident)))


def read_analyst_themes(path: str | Path) -> list[AnalystTheme]:
    """Read ``[[theme]]`` tables (name, definition, seeds, examples) from a TOML file."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise BadOption(f"{path.name}: unreadable themes file: {err}") from err
    tables = data.get("theme")
    if not isinstance(tables, list) or not tables:
        raise BadOption(f"{path.name}: no [[theme]] table (name, definition, seeds, examples)")
    out = []
    for i, t in enumerate(tables, 1):
        where = f"{path.name}: theme {i}"
        name = t.get("name")
        if not isinstance(name, str) or not name.strip():
            raise BadOption(f"{where}: 'name' must be a non-empty string")
        if name in BUILTIN_THEMES or name in [o.name for o in out]:
            raise BadOption(f"{where}: theme {name!r} already exists; built-in: {', '.join(BUILTIN_THEMES)}")
        seeds = t.get("seeds", [])
        if not isinstance(seeds, list) or not all(isinstance(s, str) and s.strip() for s in seeds):
            raise BadOption(f"{where} ({name}): 'seeds' must be a list of phrases")
        examples = []
        for j, ex in enumerate(t.get("examples", []), 1):
            if not isinstance(ex, dict) or not isinstance(ex.get("text"), str) or not isinstance(ex.get("label"), bool):
                raise BadOption(f"{where} ({name}), example {j}: expected {{text = \"...\", label = true/false}}")
            examples.append((ex["text"], ex["label"]))
        if not any(label for _, label in examples) and not seeds:
            raise BadOption(f"{where} ({name}): needs seed phrases or examples with label = true")
        out.append(AnalystTheme(name.strip(), str(t.get("definition", "")), tuple(s.strip() for s in seeds),
                                tuple(examples)))
    return out


def hash_file(path: str | Path) -> str:
    return "sha256:" + hashlib.sha256(Path(path).read_bytes()).hexdigest()


# lexicon and vocabulary ---------------------------------------------------------------------


@cache
def read_user_dict() -> tuple[tuple[str, int | None, str | None], ...]:
    """Rows (word, frequency, tag) of ``nlp/data/themes_user_dict.txt``, validated."""
    ref = resources.files("nlp") / "data" / "themes_user_dict.txt"
    rows = []
    for lineno, line in enumerate(ref.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = _USER_DICT_ROW.fullmatch(line)
        if not m:
            raise ModelError(f"themes_user_dict.txt:{lineno}: bad row {line!r}; expected: word [frequency] [tag]")
        rows.append((m["word"], int(m["freq"]) if m["freq"] else None, m["tag"]))
    return tuple(rows)


def _jieba_tokenizer():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()  # our own instance: other stages' add_word cannot change our words
    for word, freq, tag in read_user_dict():
        tokenizer.add_word(word, freq, tag)
    return tokenizer


def build_lexicon(texts: Sequence[str], *, min_df: int = MIN_DF) -> list[str]:
    """Words of 2+ CJK characters jieba finds in at least ``min_df`` texts, plus the user dictionary."""
    tokenizer = _jieba_tokenizer()
    df: dict[str, int] = {}
    for text in texts:
        for w in {w for w in tokenizer.cut(fold_text(text), HMM=False) if is_lexicon_word(w)}:
            df[w] = df.get(w, 0) + 1
    words = {w for w, n in df.items() if n >= min_df}
    words.update(fold_text(w) for w, _, _ in read_user_dict())
    return sorted(w for w in words if is_lexicon_word(w))


def _top_terms(df: dict[str, int], *, min_df: int, limit: int) -> list[str]:
    kept = sorted((t for t, c in df.items() if c >= min_df), key=lambda t: (-df[t], t))[:limit]
    return sorted(kept)


def _idf(df: dict[str, int], terms: Sequence[str], n_docs: int) -> list[float]:
    return [math.log((1 + n_docs) / (1 + df.get(t, 0))) + 1.0 for t in terms]


def build_vocab(texts: Sequence[str], lexicon: Sequence[str], *, min_df: int = MIN_DF,
                max_words: int = MAX_WORDS, max_chars: int = MAX_CHARS) -> tuple[dict, np.ndarray]:
    """The vocab.json object (lexicon, word and char groups) and the idf of every column."""
    lex = Lexicon(lexicon)
    word_df: dict[str, int] = {}
    char_df: dict[str, int] = {}
    for text in texts:
        runs = find_runs(fold_text(text))
        for w in lex.count_words(runs):
            word_df[w] = word_df.get(w, 0) + 1
        for g in count_chars(runs):
            char_df[g] = char_df.get(g, 0) + 1
    words = _top_terms(word_df, min_df=min_df, limit=max_words)
    chars = _top_terms(char_df, min_df=min_df, limit=max_chars)
    vocab = {"lexicon": sorted(lex.words),
             "groups": [{"kind": "words", "terms": words}, {"kind": "chars", "terms": chars}]}
    idf = _idf(word_df, words, len(texts)) + _idf(char_df, chars, len(texts))
    return vocab, np.array(idf, dtype=np.float32)


def _featurizer(vocab: dict, idf: np.ndarray, themes: Sequence[str]) -> ThemeModel:
    n, t = len(idf), len(themes)
    arrays = {"idf": idf, "coef": np.zeros((n, t), np.float32), "intercept": np.zeros(t, np.float32),
              "calibration": np.tile(np.array([1.0, 0.0], np.float32), (t, 1))}
    meta = {"themes": list(themes), "thresholds": {x: 0.5 for x in themes}}
    return ThemeModel(Path("<training>"), meta, vocab, arrays)


def _matrix(model: ThemeModel, texts: Sequence[str]):
    from scipy.sparse import csr_matrix

    indptr, indices, data = model.features.transform(texts)
    return csr_matrix((data, indices, indptr), shape=(len(texts), model.n_features))


# fitting ------------------------------------------------------------------------------------


def _logistic(C: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, solver="liblinear", class_weight="balanced", max_iter=1000,
                              random_state=SEED)


def _folds(y: np.ndarray, groups: Sequence[str]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Grouped folds (by source document) in which every train part has both classes."""
    from sklearn.model_selection import GroupKFold

    n_groups = len(set(groups))
    k = min(N_FOLDS, n_groups)
    if k < 2:
        return []
    folds = list(GroupKFold(n_splits=k).split(np.zeros(len(y)), y, groups))
    return [(tr, te) for tr, te in folds if len(set(y[tr].tolist())) == 2]


def _out_of_fold(X, y: np.ndarray, folds, C: float) -> tuple[np.ndarray, np.ndarray]:
    """Decision values of held-out rows and the mask of rows that were held out."""
    z = np.zeros(len(y))
    seen = np.zeros(len(y), dtype=bool)
    for tr, te in folds:
        z[te] = _logistic(C).fit(X[tr], y[tr]).decision_function(X[te])
        seen[te] = True
    return z, seen


def _platt(z: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Sigmoid calibration p = sigmoid(a*z + b) fitted on held-out decision values."""
    from sklearn.linear_model import LogisticRegression

    if len(set(y.tolist())) < 2:
        return 1.0, 0.0
    lr = LogisticRegression(C=1e4, solver="lbfgs", max_iter=1000).fit(z.reshape(-1, 1), y)
    a = float(lr.coef_[0, 0])
    return (a, float(lr.intercept_[0])) if a > 0 else (1.0, 0.0)


def _average_precision(y: np.ndarray, z: np.ndarray) -> float:
    from sklearn.metrics import average_precision_score

    return float(average_precision_score(y, z)) if y.any() else 0.0


def _fit_theme(X, y: np.ndarray, groups: Sequence[str], *, c_grid: Sequence[float] = C_GRID) -> tuple[_Fit, np.ndarray, np.ndarray]:
    """Fit one theme; also return its calibrated out-of-fold probabilities and their mask."""
    folds = _folds(y, groups)
    best = None
    if folds and len(c_grid) > 1:
        for C in c_grid:
            z, seen = _out_of_fold(X, y, folds, C)
            ap = _average_precision(y[seen], z[seen])
            if best is None or ap > best[0] + 1e-9:
                best = (ap, C, z, seen)
        _, C, z, seen = best
    else:
        C = c_grid[len(c_grid) // 2]
        z, seen = _out_of_fold(X, y, folds, C) if folds else (np.zeros(len(y)), np.zeros(len(y), bool))
    a, b = _platt(z[seen], y[seen]) if seen.any() else (1.0, 0.0)
    final = _logistic(C).fit(X, y)
    fit = _Fit(final.coef_[0].astype(np.float64), float(final.intercept_[0]), (a, b), C)
    oof = 1.0 / (1.0 + np.exp(-(a * z + b)))
    return fit, oof, seen


def choose_threshold(y: np.ndarray, p: np.ndarray) -> float:
    """The threshold in 0.05..0.95 with the best F1; the middle one when several tie.

    >>> choose_threshold(np.array([0, 0, 1, 1]), np.array([0.1, 0.3, 0.6, 0.9]))  # best: 0.31..0.60
    0.455
    """
    if not y.any():
        return 0.5
    grid = np.round(np.arange(0.05, 0.951, 0.01), 2)
    f1 = np.array([_prf(y, p >= t)[2] for t in grid])
    best = grid[f1 >= f1.max() - 1e-9]
    return round(float(best[(len(best) - 1) // 2] + best[len(best) // 2]) / 2, 3)


def _prf(y: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    tp = int(np.sum(pred & (y == 1)))
    fp = int(np.sum(pred & (y == 0)))
    fn = int(np.sum(~pred & (y == 1)))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_themes(y: np.ndarray, pred: np.ndarray, themes: Sequence[str]) -> dict:
    """Per-theme P/R/F1 and support, plus macro-F1, of boolean predictions (n x n_themes)."""
    per = {}
    for j, t in enumerate(themes):
        p, r, f = _prf(y[:, j], pred[:, j])
        per[t] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "support": int(y[:, j].sum())}
    macro = sum(v["f1"] for v in per.values()) / len(per) if per else 0.0
    return {"per_theme": per, "macro_f1": round(macro, 4), "passages": int(len(y))}


# training -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TrainOptions:
    min_df: int = MIN_DF
    max_words: int = MAX_WORDS
    max_chars: int = MAX_CHARS
    c_grid: tuple[float, ...] = C_GRID


def train_theme_model(corpus_dir: str | Path, out_dir: str | Path, *, themes_file: str | Path | None = None,
                      options: TrainOptions = TrainOptions(),
                      progress: Callable[[str], None] | None = None,
                      real: str | Path | bool | None = "auto") -> dict:
    """Train the built-in themes (and analyst themes from ``themes_file``) and write the artefact.

    Returns the meta.json object: thresholds, dev scores, corpus hash, sizes.
    """
    say = progress or (lambda message: None)
    corpus = read_theme_corpus(corpus_dir)
    analyst = read_analyst_themes(themes_file) if themes_file else []
    shared = _resolve_real(real, corpus_dir)
    if shared is not None and not analyst:
        passages = read_real_passages(shared, split="dev")
        if passages:
            say(f"real dev passages: {len(passages)} from {shared}")
            return _train_with_real(corpus, passages, out_dir, options, say, shared)
    train, dev = corpus.train, corpus.dev
    if not train:
        raise BadOption(f"{corpus_dir}: every source is in the dev split; nothing to train on")
    say(f"corpus: {len(corpus.examples)} passages, {len(train)} train, {len(dev)} dev ({corpus.hash[:15]}…)")
    texts = [e.text for e in train]
    lexicon = build_lexicon(texts, min_df=options.min_df)
    vocab, idf = build_vocab(texts, lexicon, min_df=options.min_df, max_words=options.max_words,
                             max_chars=options.max_chars)
    sizes = {g["kind"]: len(g["terms"]) for g in vocab["groups"]}
    say(f"features: {sizes['words']} words (lexicon {len(vocab['lexicon'])}), {sizes['chars']} char n-grams")
    featurizer = _featurizer(vocab, idf, BUILTIN_THEMES)
    X = _matrix(featurizer, texts)
    Y = np.array([[t in e.themes for t in BUILTIN_THEMES] for e in train], dtype=np.int64)
    groups = [e.source for e in train]
    fits, oof = [], np.zeros(Y.shape)
    seen = np.ones(Y.shape, dtype=bool)
    for j, theme in enumerate(BUILTIN_THEMES):
        fit, oof[:, j], seen[:, j] = _fit_theme(X, Y[:, j], groups, c_grid=options.c_grid)
        fits.append(fit)
        say(f"fitted {theme}: C={fit.C}, {int(Y[:, j].sum())} positives")
    arrays = _arrays(idf, fits)
    model = ThemeModel(Path("<training>"), {"themes": list(BUILTIN_THEMES),
                                            "thresholds": {t: 0.5 for t in BUILTIN_THEMES}}, vocab, arrays)
    if dev:
        P = model.predict_proba([e.text for e in dev])
        Yd = np.array([[t in e.themes for t in BUILTIN_THEMES] for e in dev], dtype=np.int64)
        scored_on = "dev split"
    else:  # no dev split: thresholds and scores from the grouped out-of-fold predictions
        rows = seen.all(axis=1)
        P, Yd = oof[rows], Y[rows]
        scored_on = "out-of-fold (corpus has no dev split)"
    thresholds = {t: choose_threshold(Yd[:, j], P[:, j]) for j, t in enumerate(BUILTIN_THEMES)}
    pred = P >= np.array([thresholds[t] for t in BUILTIN_THEMES])
    # the honest figure: thresholds chosen on the train split's out-of-fold predictions, not on dev
    oof_thresholds = np.array([choose_threshold(Y[seen[:, j], j], oof[seen[:, j], j])
                               for j in range(len(BUILTIN_THEMES))])
    dev_scores = {"on": scored_on, **score_themes(Yd, pred, BUILTIN_THEMES),
                  "at_0.5": score_themes(Yd, P >= 0.5, BUILTIN_THEMES)["macro_f1"],
                  "at_train_thresholds": score_themes(Yd, P >= oof_thresholds, BUILTIN_THEMES)["macro_f1"]}
    meta = {
        "version": MODEL_VERSION,
        "themes": list(BUILTIN_THEMES),
        "builtin_themes": list(BUILTIN_THEMES),
        "thresholds": thresholds,
        "dev": dev_scores,
        "corpus": {"hash": corpus.hash, "files": list(corpus.files), "passages": len(corpus.examples),
                   "train": len(train), "dev": len(dev), "dev_sources": len(corpus.dev_sources)},
        "features": {**sizes, "lexicon": len(vocab["lexicon"]), "char_n": [1, 3],
                     "weighting": "(1+ln tf)*idf, L2 per group"},
        "classifier": {"kind": "one-vs-rest LogisticRegression(liblinear, balanced) + sigmoid calibration",
                       "C": {t: f.C for t, f in zip(BUILTIN_THEMES, fits)}, "folds": N_FOLDS, "seed": SEED},
        "user_dict": hash_file(resources.files("nlp") / "data" / "themes_user_dict.txt"),
    }
    if analyst:
        vocab, arrays, meta = _add_analyst_themes(analyst, corpus, vocab, arrays, meta, options, say,
                                                  source=Path(themes_file))
    write_theme_model(out_dir, meta, vocab, arrays)
    return {"format": FORMAT_VERSION, **meta}


def _resolve_real(real, corpus_dir) -> Path | None:
    """"auto": the shared real gold, but only when training the default corpus (tests train tiny ones)."""
    if real is None or real is False:
        return None
    if real == "auto":
        default = Path(__file__).resolve().parents[2] / "corpora" / "themes"
        return find_shared_dir() if Path(corpus_dir).resolve() == default else None
    return Path(real)


def _arrays(idf: np.ndarray, fits: Sequence[_Fit]) -> dict[str, np.ndarray]:
    return {"idf": idf.astype(np.float32),
            "coef": np.stack([f.coef for f in fits], axis=1).astype(np.float32),
            "intercept": np.array([f.intercept for f in fits], dtype=np.float32),
            "calibration": np.array([f.calibration for f in fits], dtype=np.float32)}


def _add_analyst_themes(analyst: Sequence[AnalystTheme], corpus: Corpus, vocab: dict, arrays: dict,
                        meta: dict, options: TrainOptions, say: Callable[[str], None], *,
                        source: Path) -> tuple[dict, dict, dict]:
    """Append analyst themes: a seed-phrase feature group and one column each; built-ins untouched."""
    phrases = sorted({fold_text(s) for t in analyst for s in t.seeds})
    corpus_texts = [e.text for e in corpus.examples]
    example_texts = [x for t in analyst for x, _ in t.examples]
    everything = [fold_text(x) for x in corpus_texts + example_texts]
    df = {p: sum(p in x for x in everything) for p in phrases}
    idf = np.concatenate([arrays["idf"], np.array(_idf(df, phrases, len(everything)), np.float32)])
    vocab = {**vocab, "groups": vocab["groups"] + [{"kind": "phrases", "terms": phrases}]}
    n_base = arrays["coef"].shape[0]
    featurizer = _featurizer(vocab, idf, [])
    coef = np.zeros((len(idf), arrays["coef"].shape[1]), np.float32)
    coef[:n_base] = arrays["coef"]
    columns, intercepts, calibrations = [coef], [arrays["intercept"]], [arrays["calibration"]]
    thresholds, scores, described = dict(meta["thresholds"]), {}, []
    for theme in analyst:
        seeds = [fold_text(s) for s in theme.seeds]
        labelled = list(theme.examples)
        synthetic = [(s, True) for s in theme.seeds] + ([(theme.definition, True)] if theme.definition else [])
        # a corpus passage that contains a seed phrase may well be about the theme: not a negative
        negatives = [(x, False) for x, f in zip(corpus_texts, everything) if not any(s in f for s in seeds)]
        rows = labelled + synthetic + negatives
        X = _matrix(featurizer, [x for x, _ in rows])
        y = np.array([label for _, label in rows], dtype=np.int64)
        # out-of-fold scores for the threshold: rows dealt round-robin into five folds, each kind apart
        groups = [f"x{i % N_FOLDS}" for part in (labelled, synthetic, negatives) for i in range(len(part))]
        fit, oof, seen = _fit_theme(X, y, groups, c_grid=options.c_grid)
        ex = np.arange(len(labelled))
        mask = seen[ex]
        threshold = choose_threshold(y[ex][mask], oof[ex][mask]) if mask.any() else 0.5
        thresholds[theme.name] = threshold
        s = score_themes(y[ex][mask].reshape(-1, 1), (oof[ex][mask] >= threshold).reshape(-1, 1), [theme.name])
        scores[theme.name] = s["per_theme"][theme.name]
        columns.append(fit.coef.astype(np.float32).reshape(-1, 1))
        intercepts.append(np.array([fit.intercept], np.float32))
        calibrations.append(np.array([fit.calibration], np.float32))
        described.append({"name": theme.name, "definition": theme.definition, "seeds": list(theme.seeds),
                          "examples": len(labelled), "positives": sum(label for _, label in labelled),
                          "negatives_from_corpus": len(negatives), "C": fit.C})
        say(f"fitted {theme.name}: C={fit.C}, {len(labelled)} examples, {len(theme.seeds)} seeds")
    arrays = {"idf": idf, "coef": np.concatenate(columns, axis=1), "intercept": np.concatenate(intercepts),
              "calibration": np.concatenate(calibrations)}
    meta = {**meta, "themes": meta["themes"] + [t.name for t in analyst], "thresholds": thresholds,
            "analyst_themes": described,
            "analyst_scores": {"on": "out-of-fold on the labelled examples", "per_theme": scores},
            "analyst_file": {"name": source.name, "hash": hash_file(source)}}
    meta["features"] = {**meta["features"], "phrases": len(phrases)}
    return vocab, arrays, meta


# real labelled passages (../shared/gold/real) ------------------------------------------------

REAL_WEIGHT_GRID = (0.1, 0.3)  # sample weight of a written-corpus passage; a real dev passage weighs 1


def find_shared_dir() -> Path | None:
    """The shared folder holding gold/real and corpora/real/SPLIT.tsv: $POLICY_NLP_SHARED, or ../shared."""
    import os

    here = Path(__file__).resolve().parents[2]
    candidates = [os.environ.get("POLICY_NLP_SHARED")] + [str(p / "shared") for p in (here.parent, here.parent.parent)]
    for c in candidates:
        if c and (Path(c) / "gold" / "real").is_dir() and (Path(c) / "corpora" / "real" / "SPLIT.tsv").is_file():
            return Path(c)
    return None


def read_real_passages(shared_dir: str | Path, *, split: str = "dev") -> list[Example]:
    """Passages of the real gold files in ``split`` (never test for training); source = the file's site."""
    shared_dir = Path(shared_dir)
    sites: dict[str, tuple[str, str]] = {}
    for line in (shared_dir / "corpora" / "real" / "SPLIT.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) >= 2:
            sites[parts[0]] = (parts[1], parts[2] if len(parts) > 2 else parts[0])
    out = []
    for path in sorted((shared_dir / "gold" / "real").glob("*.json")):
        s, site = sites.get(path.stem, ("", ""))
        if s != split:
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for d, doc in enumerate(data.get("documents", [])):
            for i, p in enumerate(doc.get("passages", [])):
                themes = tuple(t for t in BUILTIN_THEMES if t in p.get("themes", []))
                out.append(Example(f"{path.stem}/{d}/{i}", p["text"], themes, f"site:{site}"))
    return out


def _train_with_real(corpus: Corpus, real: list[Example], out_dir, options: "TrainOptions", say,
                     shared_dir: Path) -> dict:
    """Written corpus (down-weighted) + real dev passages; C, weight, calibration and thresholds
    from out-of-fold predictions on the real dev passages, folds grouped by site."""
    from sklearn.model_selection import GroupKFold

    written = list(corpus.examples)
    rows = written + real
    texts = [e.text for e in rows]
    lexicon = build_lexicon(texts, min_df=options.min_df)
    vocab, idf = build_vocab(texts, lexicon, min_df=options.min_df, max_words=options.max_words,
                             max_chars=options.max_chars)
    sizes = {g["kind"]: len(g["terms"]) for g in vocab["groups"]}
    say(f"train: {len(written)} written passages + {len(real)} real dev passages; "
        f"features: {sizes['words']} words, {sizes['chars']} char n-grams")
    X = _matrix(_featurizer(vocab, idf, BUILTIN_THEMES), texts)
    Y = np.array([[t in e.themes for t in BUILTIN_THEMES] for e in rows], dtype=np.int64)
    nw = len(written)
    real_idx = np.arange(nw, len(rows))
    groups = [e.source for e in real]
    k = min(N_FOLDS, len(set(groups)))
    folds = list(GroupKFold(n_splits=k).split(real_idx, groups=groups))
    fits, oof = [], np.zeros((len(real), len(BUILTIN_THEMES)))
    chosen = {}
    for j, theme in enumerate(BUILTIN_THEMES):
        y = Y[:, j]
        best = None
        for w in REAL_WEIGHT_GRID:
            weights = np.where(np.arange(len(rows)) < nw, w, 1.0)
            for C in options.c_grid:
                z = np.zeros(len(real))
                for tr, te in folds:
                    idx = np.concatenate([np.arange(nw), real_idx[tr]])
                    m = _logistic(C).fit(X[idx], y[idx], sample_weight=weights[idx])
                    z[te] = m.decision_function(X[real_idx[te]])
                ap = _average_precision(y[real_idx], z)
                say(f"  {theme}: weight {w}, C={C}: out-of-fold AP {ap:.4f}")
                if best is None or ap > best[0] + 1e-9:
                    best = (ap, w, C, z)
        ap, w, C, z = best
        a, b = _platt(z, y[real_idx])
        weights = np.where(np.arange(len(rows)) < nw, w, 1.0)
        final = _logistic(C).fit(X, y, sample_weight=weights)
        fits.append(_Fit(final.coef_[0].astype(np.float64), float(final.intercept_[0]), (a, b), C))
        oof[:, j] = 1.0 / (1.0 + np.exp(-(a * z + b)))
        chosen[theme] = {"written_weight": w, "C": C, "oof_average_precision": round(ap, 4)}
        say(f"fitted {theme}: written weight {w}, C={C}, {int(y[real_idx].sum())} real positives")
    arrays = _arrays(idf, fits)
    Yr = Y[real_idx]
    thresholds = {t: choose_threshold(Yr[:, j], oof[:, j]) for j, t in enumerate(BUILTIN_THEMES)}
    pred = oof >= np.array([thresholds[t] for t in BUILTIN_THEMES])
    dev_scores = {"on": f"real dev passages, out-of-fold ({k} folds grouped by site; thresholds also "
                        "chosen on these out-of-fold predictions, so slightly optimistic)",
                  **score_themes(Yr, pred, BUILTIN_THEMES),
                  "at_0.5": score_themes(Yr, oof >= 0.5, BUILTIN_THEMES)["macro_f1"]}
    meta = {
        "version": MODEL_VERSION,
        "themes": list(BUILTIN_THEMES),
        "builtin_themes": list(BUILTIN_THEMES),
        "thresholds": thresholds,
        "dev": dev_scores,
        "corpus": {"hash": corpus.hash, "files": list(corpus.files), "passages": len(corpus.examples),
                   "train": len(written), "dev": 0, "dev_sources": 0,
                   "note": "the whole written corpus (its train and dev splits) is training data"},
        "real": {"gold": "../shared/gold/real/*.json (passages)", "split": "../shared/corpora/real/SPLIT.tsv",
                 "used_split": "dev only; test passages never read", "passages": len(real),
                 "files": len({e.id.split('/')[0] for e in real}), "sites": len(set(groups)),
                 "hash": _real_hash(real), "weight": 1.0},
        "weights": {"written_grid": list(REAL_WEIGHT_GRID), "per_theme": chosen},
        "features": {**sizes, "lexicon": len(vocab["lexicon"]), "char_n": [1, 3],
                     "weighting": "(1+ln tf)*idf, L2 per group", "built_on": "written + real dev texts"},
        "classifier": {"kind": "one-vs-rest LogisticRegression(liblinear, balanced, sample weights) "
                               "+ sigmoid calibration on real-dev out-of-fold values",
                       "C": {t: f.C for t, f in zip(BUILTIN_THEMES, fits)}, "folds": k, "seed": SEED,
                       "selection": "per theme, (written weight, C) maximizing out-of-fold AP on real dev"},
        "user_dict": hash_file(resources.files("nlp") / "data" / "themes_user_dict.txt"),
    }
    write_theme_model(out_dir, meta, vocab, arrays)
    return {"format": FORMAT_VERSION, **meta}


def _real_hash(real: Sequence[Example]) -> str:
    digest = hashlib.sha256()
    for e in real:
        digest.update(json.dumps([e.id, e.text, e.themes], ensure_ascii=False).encode() + b"\0")
    return "sha256:" + digest.hexdigest()
