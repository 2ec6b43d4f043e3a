"""Extractor placeholder: replaced by the extraction work (issue 3)."""

from __future__ import annotations

from typing import Iterator, Sequence

from nlp.model import Mention, Section


def find_percentages(text: str, *, sections: Sequence[Section] = (), **_: object) -> Iterator[Mention]:
    return iter(())
