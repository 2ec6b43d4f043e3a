"""The date grammar's second lookahead (issue 12): a position whose character only a holiday's
name opens with (建, 教, 重, “…) is tried only where such a name follows. Every other way a date
can open must open with a character of ``_first_chars_besides_holidays``: checked on the
grammar's parse tree with the holidays' names replaced by a character of that class, and the
matches compared with the grammar behind its first lookahead alone."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from nlp.extract.dates import _HOLIDAY_ALONE, _date_pattern, _first_chars, _first_chars_besides_holidays

ROOT = Path(__file__).resolve().parents[1]
re_parser = pytest.importorskip("re._parser")


def _first_of():
    spec = importlib.util.spec_from_file_location("first_chars_check", ROOT / "tests" / "test_first_chars.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module._first, module.ANY


def _heads() -> tuple[str, str]:
    return (f"(?={_first_chars()})",
            f"(?=[{re.escape(_first_chars_besides_holidays())}]|{_HOLIDAY_ALONE})")


@pytest.mark.parametrize("roc", [False, True])
def test_only_a_holiday_opens_a_date_with_another_character(roc):
    first, anything = _first_of()
    head, gate = _heads()
    pattern = _date_pattern(roc).pattern
    assert pattern.startswith(head + gate)
    grammar = pattern[len(head + gate):]
    assert _HOLIDAY_ALONE in grammar
    chars, free = first(re_parser.parse(grammar.replace(_HOLIDAY_ALONE, "0")).data)
    assert not free and chars is not anything
    assert chars <= set(_first_chars_besides_holidays()), sorted(chars - set(_first_chars_besides_holidays()))


@pytest.mark.parametrize("roc", [False, True])
def test_the_gate_changes_no_match(roc):
    head, gate = _heads()
    gated = _date_pattern(roc)
    plain = re.compile(head + gated.pattern[len(head + gate):])
    texts = [p.read_text(encoding="utf-8", errors="replace")
             for folder in ("corpora/seeds", "corpora/heldout/docs", "corpora/heldout2/docs")
             for p in sorted((ROOT / folder).glob("*.txt"))]
    texts.append("“七一”建党节前,建党节,建设,教师节期间,重阳节,国庆节前,“五一”劳动节,“十一”,元旦前,清明节假期,春节后,"
                 "二十一建党节,国庆60周年,“—2012年”,到2025年底前,11·9消防日")
    for text in texts:
        assert [(m.span(), m.groupdict()) for m in gated.finditer(text)] == \
               [(m.span(), m.groupdict()) for m in plain.finditer(text)]
