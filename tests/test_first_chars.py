"""Patterns compiled behind a first-character lookahead (``nlp.text.opening_with``, the date
grammar) must find what they would find without it: every match of the pattern has to open with
a character of the lookahead's class (issue 12). Each pattern's own parse tree is read here to
list the characters a match can open with, and that list must fit in the class.
"""

from __future__ import annotations

import re

import pytest

re_parser = pytest.importorskip("re._parser")  # Python 3.11+: the regex parser
C = pytest.importorskip("re._constants")

ANY = None  # a match may open with any character


def _union(a, b):
    return ANY if a is ANY or b is ANY else a | b


def _class_chars(items):
    out = set()
    for op, av in items:
        if op is C.LITERAL:
            out.add(chr(av))
        elif op is C.RANGE and av[1] - av[0] < 100_000:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is C.CATEGORY:  # \d, \s: the category itself stands for its characters
            out.add(("category", av))
        else:  # a negated class: anything
            return ANY
    return out


def _first(items):
    """(chars, free): the characters text[p] must be one of for a match opening at p, and whether
    the items can match there without consuming or constraining text[p] (what follows decides)."""
    acc = set()
    for op, av in items:
        chars, free = _first_op(op, av)
        acc = _union(acc, chars)
        if not free:
            return acc, False
    return acc, True


def _first_op(op, av):
    if op is C.LITERAL:
        return {chr(av)}, False
    if op is C.IN:
        return _class_chars(av), False
    if op in (C.NOT_LITERAL, C.ANY):
        return ANY, False
    if op is C.BRANCH:
        acc, free = set(), False
        for branch in av[1]:
            chars, f = _first(branch)
            acc, free = _union(acc, chars), free or f
        return acc, free
    if op is C.SUBPATTERN:
        return _first(av[3])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        chars, free = _first(av[2])
        return chars, free or av[0] == 0
    if op is C.ASSERT and av[0] == 1:  # a lookahead that consumes constrains text[p]
        chars, free = _first(av[1])
        return (set(), True) if free else (chars, False)
    if op is C.ASSERT_NOT and not list(av[1]):  # (?!): never matches
        return set(), False
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # lookbehinds, anchors: no character consumed
        return set(), True
    return ANY, True  # anything else: assume the worst


def _guarded():
    from nlp.extract.dates import _ROC_DOC, _date_pattern
    from nlp.extract.targets_context import _patterns as context_patterns
    from nlp.extract.targets_quantities import patterns as quantity_patterns

    from nlp.outline import _MARKER

    from nlp.extract.percentages import PERCENT

    from nlp.extract.parties_patterns import compiled as party_patterns

    yield "outline markers", _MARKER
    yield "parties.label", party_patterns()["label"]
    yield "parties.signature_date", party_patterns()["signature_date"]
    from nlp.extract.parties_clauses import _DIRECTIVE
    from nlp.normalize import _EDGE_SPACE

    yield "parties.directive", _DIRECTIVE
    yield "normalize.edge_space", _EDGE_SPACE
    yield "percentages", PERCENT
    yield "dates", _date_pattern(False)
    yield "dates (民国)", _date_pattern(True)
    yield "民国 document", _ROC_DOC
    for name, p in context_patterns().items():
        yield "targets_context." + name, p
    for name, p in quantity_patterns().items():
        yield "targets_quantities." + name, p
    from nlp.extract.targets import _patterns as target_patterns

    yield "targets.clause", target_patterns()["clause"]
    from nlp.extract.parties_labels import _LINE_END_UNITS
    from nlp.outline import _CONTENTS_INLINE

    yield "parties.line_end_units", _LINE_END_UNITS
    yield "outline.contents_inline", _CONTENTS_INLINE


GUARDED = [(name, p) for name, p in _guarded() if p.pattern.startswith("(?=[")]


def test_the_guarded_patterns_are_found():
    names = {name for name, _ in GUARDED}
    assert {"outline markers", "dates", "dates (民国)", "民国 document", "targets_quantities.quantity",
            "targets_context.forward", "parties.label", "parties.signature_date",
            "parties.directive", "normalize.edge_space", "targets.clause",
            "parties.line_end_units", "outline.contents_inline"} <= names


@pytest.mark.parametrize("name,pattern", GUARDED, ids=[n for n, _ in GUARDED])
def test_every_match_opens_with_a_first_char(name, pattern):
    tree = re_parser.parse(pattern.pattern, pattern.flags).data
    (op, (direction, look)), rest = tree[0], list(tree)[1:]
    assert op is C.ASSERT and direction == 1
    allowed, free = _first(look)
    assert not free and allowed is not ANY
    chars, free = _first(rest)
    assert not free, f"{name} can match an empty string anywhere"
    assert chars is not ANY, f"{name} can open with any character"
    assert chars <= allowed, f"{name} can open with {sorted(chars - allowed)}, not in its lookahead"


def test_the_check_sees_a_missing_character():
    chars, _ = _first(re_parser.parse(r"(?<!不)去年|近年|(?=[—-]{1,2}20)").data)
    assert chars == {"去", "近", "—", "-"}
    digit, _ = _first(re_parser.parse(r"(?<![\d.])\d{1,2}、").data)
    assert digit == {("category", C.CATEGORY_DIGIT)}
