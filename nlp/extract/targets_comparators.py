"""Comparators: the word that sets the bound of a figure, and how a negation turns it around.

Shared by percentages and targets. A bound word stands before its number (``不低于90%``,
``控制在5%``) or after it (``90%以上``, ``5%以内``); a negation before a strict bound turns it into
the opposite non-strict one (``不得超过`` is ``<=``, ``不宜低于`` is ``>=``), the way ``不超过`` is
``<=``. The words are data (``nlp/data/target_comparators.tsv``).
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from nlp.extract.parties_lexicon import COMPARATORS, read_table

KINDS = ("before", "after", "negator", "gap")
# what a negation makes of a bound: 不得超过 (<=), 不得低于 (>=), 不得达到 (<)
_NEGATED = {">": "<=", "<": ">=", ">=": "<", "<=": ">"}


class Cues(NamedTuple):
    before: dict[str, str]  # word -> comparator (= for a stated level)
    after: dict[str, str]
    negators: tuple[str, ...]
    gaps: tuple[str, ...]


@cache
def comparator_cues() -> Cues:
    """The comparator words, from ``target_comparators.tsv``."""
    rows = read_table("target_comparators.tsv", ("word", "kind", "comparator"), {1: KINDS, 2: COMPARATORS})
    out: dict[str, dict[str, str]] = {k: {} for k in KINDS}
    for r in rows:
        word, kind, cmp = r.cells
        out[kind][word] = cmp
    return Cues(out["before"], out["after"], tuple(out["negator"]), tuple(out["gap"]))


def negate(comparator: str | None) -> str | None:
    """The bound a negated comparator sets: ``>`` (超过) under 不得 is ``<=``.

    >>> negate(">"), negate("<"), negate("="), negate(None)
    ('<=', '>=', '=', None)
    """
    return _NEGATED.get(comparator, comparator) if comparator else comparator


def negated_before(text: str, at: int) -> str | None:
    """The negator that ends ``text[:at]`` (不得 in 不得超过), else None."""
    for word in _negators_longest_first():
        if at >= len(word) and text.startswith(word, at - len(word)):
            return word
    return None


@cache
def _negators_longest_first() -> tuple[str, ...]:
    return tuple(sorted(comparator_cues().negators, key=len, reverse=True))
