"""Outline stage placeholder."""
from __future__ import annotations
from nlp.model import Section


def parse_outline(text: str) -> list[Section]:
    return []
