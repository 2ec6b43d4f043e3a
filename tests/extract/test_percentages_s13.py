"""nlp.extract.percentages, session 13: a comparator word after the ratio broken by a hard line
wrap, and a fall written with its sign after a word. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from nlp.extract.percentages import find_percentages


def _found(text):
    return [(m.text, m.value["number"], m.value["comparator"]) for m in find_percentages(text)]


@pytest.mark.parametrize("text, expected", [
    # a PDF's lines: 以上 / 以内 split by the wrap still bound the ratio, and the text keeps the break
    ("今年以来,全县会议数量同比压减了 30%以\n上,发文数量明显下降。", [("30%以\n上", 30.0, ">=")]),
    ("事故发生率控制在0.8/10万以\n内。", [("控制在0.8/10万以\n内", 0.8, "<=")]),
    # …but a line that opens with 以 after a bare ratio is not a comparator
    ("覆盖率为85%\n以此为基础开展下一步工作。", [("85%", 85.0, None)]),
])
def test_wrapped_comparator_after_the_ratio(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("全年财政收入和固定资产投资同比分别-3.5%、-12.8%。", [("-3.5%", -3.5, None), ("-12.8%", -12.8, None)]),
    ("增长率为-2%。", [("-2%", -2.0, None)]),
    # a range's dash between two numbers is no sign
    ("预计增长5-8%。", [("8%", 8.0, None)]),
])
def test_a_fall_written_with_its_sign(text, expected):
    assert _found(text) == expected
