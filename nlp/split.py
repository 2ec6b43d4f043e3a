"""Splitting stage placeholder."""
from __future__ import annotations
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DocSpan:
    start: int
    end: int
    title: str | None = None
    doc_type: str | None = None
    doc_number: str | None = None


def split_documents(text: str) -> list[DocSpan]:
    return [DocSpan(0, len(text))]
