"""Themes stage placeholder: passages and their theme scores land with issue 4."""

from __future__ import annotations

from pathlib import Path

from nlp.model import Document, Passage


def classify_passages(doc: Document, *, model_path: Path | None = None) -> list[Passage]:
    return []
