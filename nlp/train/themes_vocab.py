"""Themes, training side: the lexicon, the feature vocabulary with its idf, and feature matrices.

1. lexicon: words of two or more characters that jieba (own Tokenizer + the user dictionary)
   finds in at least two training passages, plus every user-dictionary word;
2. features: lexicon words (forward maximum matching) and character 1-3-grams with document
   frequency >= 2, the most frequent kept, weighted (1 + ln tf) * idf, L2 per group
   (``nlp.themes.features`` computes them, the same code the shipped model uses).
"""

from __future__ import annotations

import math
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Sequence

import numpy as np

from nlp.errors import ModelError
from nlp.themes.features import Lexicon, count_chars, find_runs, fold_text, is_lexicon_word
from nlp.themes.model import ThemeModel

MIN_DF = 2
MAX_WORDS = 20_000
MAX_CHARS = 40_000
_USER_DICT_ROW = re.compile(r"(?P<word>\S+)(?: (?P<freq>\d+))?(?: (?P<tag>[a-z]+))?")


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


def user_dict_path():
    return resources.files("nlp") / "data" / "themes_user_dict.txt"


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


def idf_of(df: dict[str, int], terms: Sequence[str], n_docs: int) -> list[float]:
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
    idf = idf_of(word_df, words, len(texts)) + idf_of(char_df, chars, len(texts))
    return vocab, np.array(idf, dtype=np.float32)


def featurizer(vocab: dict, idf: np.ndarray, themes: Sequence[str]) -> ThemeModel:
    """A model with zero weights: only its feature space is used."""
    n, t = len(idf), len(themes)
    arrays = {"idf": idf, "coef": np.zeros((n, t), np.float32), "intercept": np.zeros(t, np.float32),
              "calibration": np.tile(np.array([1.0, 0.0], np.float32), (t, 1))}
    meta = {"themes": list(themes), "thresholds": {x: 0.5 for x in themes}}
    return ThemeModel(Path("<training>"), meta, vocab, arrays)


def matrix(model: ThemeModel, texts: Sequence[str]):
    """The sparse (CSR) feature rows of ``texts``."""
    from scipy.sparse import csr_matrix

    indptr, indices, data = model.features.transform(texts)
    return csr_matrix((data, indices, indptr), shape=(len(texts), model.n_features))


def vocab_and_matrix(texts: Sequence[str], options, themes: Sequence[str]) -> tuple[dict, np.ndarray, object]:
    """Lexicon, vocabulary and idf built on ``texts``, and their feature matrix."""
    lexicon = build_lexicon(texts, min_df=options.min_df)
    vocab, idf = build_vocab(texts, lexicon, min_df=options.min_df, max_words=options.max_words,
                             max_chars=options.max_chars)
    return vocab, idf, matrix(featurizer(vocab, idf, themes), texts)


def feature_sizes(vocab: dict) -> dict[str, int]:
    return {g["kind"]: len(g["terms"]) for g in vocab["groups"]}
