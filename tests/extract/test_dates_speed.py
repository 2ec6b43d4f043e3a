"""The date grammar's speed-ups find exactly what the plain grammar finds (issue 12).

``_date_pattern`` opens with a lookahead on ``_first_chars``; tests/test_first_chars.py checks
the class against the grammar's parse tree, and this file compares matches on the corpora.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nlp.extract.dates import _date_pattern, _first_chars

ROOT = Path(__file__).resolve().parents[2]


def _plain(pattern: re.Pattern) -> re.Pattern:
    """The grammar without its first-character lookahead."""
    head = f"(?={_first_chars()})"
    assert pattern.pattern.startswith(head)
    return re.compile(pattern.pattern[len(head):])


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



def test_fold_width_copies_only_when_it_folds():
    from nlp.text import WIDTH_FOLD, fold_width

    wide = "".join(chr(c) for c in WIDTH_FOLD)
    assert fold_width("达到９０％，" + wide) == ("达到９０％，" + wide).translate(WIDTH_FOLD)
    assert fold_width("达到90%,") == "达到90%,"
