"""Themes: features, the calibrated model, prediction over passages, and the CLI's input/output.

Training lives in `nlp.train.themes`; nothing here imports it.
"""
from nlp.themes.predict import (DEFAULT_CORPUS, DEFAULT_MODEL, Classified, classify_passages,
                                classify_texts, find_passages, load_model)

__all__ = ["DEFAULT_CORPUS", "DEFAULT_MODEL", "Classified", "classify_passages", "classify_texts",
           "find_passages", "load_model"]
