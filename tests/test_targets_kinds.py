"""Kinds of targets that vary from site to site, each with its negative cases: units of weight,
volume and printed matter, age qualifiers, lists that share one planning verb, and the past
counts of reports. Sentences are invented for the test."""

from __future__ import annotations

import pytest

from nlp.extract.targets import find_targets


def _tgt(text):
    return [(m.value["number"], m.value["unit"], m.value["comparator"]) for m in find_targets(text)]


@pytest.mark.parametrize("text, expected", [
    ("居民人均每日食盐摄入量不高于5克。", [(5.0, "克", "<=")]),
    ("人均粮食储备不少于1.5公斤。", [(1.5, "公斤", ">=")]),
    ("印发宣传手册不少于3000册。", [(3000.0, "册", ">=")]),
    ("每个社区组建志愿服务队不少于2支。", [(2.0, "支", ">=")]),
    ("每次应急疏散时间不超过90秒。", [(90.0, "秒", "<=")]),
    ("新建绿地不少于12公顷。", [(12.0, "公顷", ">=")]),
], ids=["克", "公斤", "册", "支", "秒", "公顷"])
def test_units_of_weight_volume_and_printed_matter(text, expected):
    assert _tgt(text) == expected


@pytest.mark.parametrize("text", [
    "活动期间共发放宣传资料3000余份。",
    "每月开展一次安全检查。",
    "全院18项核心制度全面落实。",
], ids=["past-rounded-count", "frequency", "set-size"])
def test_counts_that_are_no_objectives(text):
    assert _tgt(text) == []
