"""The date grammar's speed-ups find exactly what the plain grammar finds (issue 12).

``_date_pattern`` opens with a lookahead on ``_first_chars``: it is only correct if every match
of the grammar opens with one of those characters. The first test reads the grammar's own parse
tree to list the characters a match can open with; the second compares matches on the corpora.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nlp.extract.dates import _date_pattern, _first_chars

re_parser = pytest.importorskip("re._parser")
C = pytest.importorskip("re._constants")

ROOT = Path(__file__).resolve().parents[2]
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
        else:  # a negated class or a category (\s, \d): anything
            return ANY
    return out


def _first(items):
    """(chars, free): the characters text[p] must be one of for a match opening at p, and whether
    the items can match there without consuming or constraining text[p] (then what follows decides)."""
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


def _plain(pattern: re.Pattern) -> re.Pattern:
    """The grammar without its first-character lookahead."""
    head = f"(?={_first_chars()})"
    assert pattern.pattern.startswith(head)
    return re.compile(pattern.pattern[len(head):])


@pytest.mark.parametrize("roc", [False, True])
def test_every_date_opens_with_a_first_char(roc):
    chars, free = _first(re_parser.parse(_plain(_date_pattern(roc)).pattern).data)
    assert not free, "the grammar can match an empty string anywhere"
    assert chars is not ANY, "the grammar can open with any character"
    allowed = set(re.findall(r"\\?(.)", _first_chars()[1:-1]))
    assert chars <= allowed, f"dates can open with {sorted(chars - allowed)}: add them to _first_chars"


def _texts():
    for folder in ("corpora/seeds", "corpora/heldout/docs"):
        for path in sorted((ROOT / folder).glob("*.txt")):
            yield path.read_text(encoding="utf-8", errors="replace")


@pytest.mark.parametrize("roc", [False, True])
def test_the_lookahead_changes_no_match(roc):
    fast, plain = _date_pattern(roc), _plain(_date_pattern(roc))
    texts = list(_texts()) + ["到2025年底前,“—2012年”,今(30)日,11·9消防日,民国101829日,98年至102年,元旦前"]
    for text in texts:
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == \
               [(m.span(), m.groupdict()) for m in plain.finditer(text)]


def test_roc_prefilter_holds_every_opening():
    from nlp.extract.dates import _ROC_DOC

    head = "(?=[民16-9])"
    assert _ROC_DOC.pattern.startswith(head)
    chars, free = _first(re_parser.parse(_ROC_DOC.pattern[len(head):]).data)
    assert not free and chars is not ANY and chars <= set("民16789")


def test_fold_width_copies_only_when_it_folds():
    from nlp.text import WIDTH_FOLD, fold_width

    wide = "".join(chr(c) for c in WIDTH_FOLD)
    assert fold_width("达到９０％，" + wide) == ("达到９０％，" + wide).translate(WIDTH_FOLD)
    assert fold_width("达到90%,") == "达到90%,"
