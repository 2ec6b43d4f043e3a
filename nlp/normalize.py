"""Normalizing stage placeholder."""
from __future__ import annotations
from dataclasses import dataclass
from nlp.model import OffsetMap


@dataclass(slots=True)
class Normalized:
    text: str
    offsets: OffsetMap
    script: str


def normalize_text(text: str, *, variant: str = "auto") -> Normalized:
    return Normalized(text, OffsetMap.identity(len(text)), "simplified")
