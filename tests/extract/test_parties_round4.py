"""Parties, fourth round: shapes of unseen sites (a unit acting after a time word, a superior body
deciding on its own plan, ...). Every sentence here is written for the test (placeholder names),
none is copied from a corpus."""

from __future__ import annotations

import pytest

from nlp.extract.parties import find_parties


def pairs(text: str) -> list[tuple[str, str]]:
    return [(m.value["name"], m.value["role"]) for m in find_parties(text, ner="rules")]


def names(text: str) -> list[str]:
    return [name for name, _ in pairs(text)]


@pytest.mark.parametrize("text, expected", [
    ("甲市卫健委日前组织专家组对全市医院进行督查。", "甲市卫健委"),
    ("乙区教育局近日召开校园安全工作会议。", "乙区教育局"),
    ("丙县市场监管局迅速组织执法人员赶赴现场。", "丙县市场监管局"),
])
def test_a_time_word_between_the_unit_and_its_verb(text, expected):
    assert expected in names(text)


@pytest.mark.parametrize("text, expected", [
    ("关于成立普查领导小组的通知\n各科室:\n为加强领导,国务院决定成立普查领导小组。", ("国务院", "issuer")),
    ("为推进此项工作,省政府决定成立专项工作领导小组。", ("省政府", "issuer")),
])
def test_a_superior_body_deciding_on_its_own_plan_issues_it(text, expected):
    assert expected in pairs(text)


@pytest.mark.parametrize("text", [
    "根据国务院的部署,县卫健局要做好排查。",
    "经市人民政府同意,现将方案印发给你们。",  # approving is not issuing
])
def test_a_superior_body_acting_outside_the_plan_is_no_party(text):
    assert not any(n in ("国务院", "市人民政府") for n in names(text))
