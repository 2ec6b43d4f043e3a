"""nlp.extract.percentages, session 10 (datespct): comparators far from their number, a zero
written ○, a decimal point typed as 。. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from nlp.extract.percentages import find_percentages


def _found(text):
    return [(m.text, m.value["number"], m.value["comparator"]) for m in find_percentages(text)]


@pytest.mark.parametrize("text, expected", [
    # the ratio closes a 的-phrase after a bound word and a named whole: those over (under) the share
    ("企业年用电量超过核定 (备案)用量120%的,予以通报;", [("120%", 120.0, ">")]),
    ("单次采购金额低于年度预算5%的,可简化程序。", [("5%", 5.0, "<")]),
    # the ratio names a goal that the bound word compares with: the goal's own figure has none
    ("普及率达到81%,高于市里下达的75.5%的目标任务。", [("达到81%", 81.0, ">="), ("75.5%", 75.5, None)]),
    # …while the share of a named whole keeps its bound
    ("兼职人员不超过编制总数的30%。", [("30%", 30.0, "<=")]),
])
def test_far_comparators(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("分别比上年增加百分之三点二及百分之○点七。", [("百分之三点二", 3.2, None), ("百分之○点七", 0.7, None)]),
    ("优良率提高到63。8%,达标率达到41。5%。", [("提高到63。8%", 63.8, ">="), ("达到41。5%", 41.5, ">=")]),
])
def test_written_numbers(text, expected):
    assert _found(text) == expected
