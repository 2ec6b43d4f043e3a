"""Parties, third round on shapes unseen pages use: the writer's own unit (我院, 我局, 我委),
clauses and headings that are no names. Every sentence here is written for the test
(placeholder names), none is copied from a corpus."""

from __future__ import annotations

import pytest

from nlp.extract.parties import find_parties
from nlp.extract.parties_names import is_name


def pairs(text: str) -> list[tuple[str, str]]:
    return [(m.value["name"], m.value["role"]) for m in find_parties(text, ner="rules")]


@pytest.mark.parametrize("text, expected", [
    # the writer's own unit acting in its report is kept as written
    ("我局已印发实施方案。", [("我局", "responsible")]),
    ("我委组织开展了专项整治行动。", [("我委", "responsible")]),
    ("3月1日,我院开展廉洁教育。", [("我院", "responsible")]),
    ("我院纪委对此次活动进行了全程监督。", [("我院纪委", "responsible")]),
    ("我院党委召开专题会议研究部署。", [("我院党委", "responsible")]),
])
def test_self_reference_acts(text, expected):
    assert pairs(text) == expected


def test_self_reference_folds_into_the_named_hospital():
    text = "某某县人民医院关于开展廉洁教育的通知。我院高度重视,我院纪委负责监督。"
    assert pairs(text) == [("某某县人民医院", "issuer"), ("某某县人民医院", "responsible"),
                           ("我院纪委", "responsible")]


@pytest.mark.parametrize("name", [
    "我院在三楼会议室",  # a place of meeting after 在
    "全体职工在行政楼报告厅",
    "二、工作机构",  # a heading
    "当中有三十多份通知书已办",  # a clause
    "举办",  # verbs ending in 办 name no office
    "承办",
])
def test_not_names(name):
    assert not is_name(name)


@pytest.mark.parametrize("name", ["某某县人民医院", "城关镇卫生院", "我院纪委"])
def test_still_names(name):
    assert is_name(name)


def test_meeting_place_is_no_party():
    # the venue names no one; the writer's own unit that holds the meeting acts (c13's gold, as the
    # commit that added this test meant: "the writer's own unit acts in its report")
    assert pairs("我院在三楼会议室召开动员会。") == [("我院", "responsible")]


@pytest.mark.parametrize("text, expected", [
    # Hong Kong/Taiwan style: post and name with no separator, a bracketed field after the post
    ("分科诊所护士长冯丽玲专责处理有关投诉。", [("冯丽玲", "responsible")]),
    ("某某医院副行政总监(专业服务)何志明说,医院会加强管理。", [("何志明", "responsible")]),
    ("消防处高级消防区长罗志强今早(13日)在电台节目表示,会继续巡查。", [("罗志强", "lead")]),
    ("某某医院副行政总监(专业服务)何志明,以及另一医院总监赵启东获奖。何志明表示,医院每月收到投诉。", [("何志明", "responsible")]),
    ("原院长赵国强收受财物。", []),  # a former holder in a case report is no party
])
def test_post_then_name(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the units a plan pushes to act are charged with it
    ("通过开展创建活动,推动全市各级医疗卫生机构全面落实主体责任。", [("全市各级医疗卫生机构", "responsible")]),
    ("推动医疗机构高质量发展。", []),  # no verb after the units: a goal, not a charge
    ("办公室负责统筹推动、协调调度、组织指导等工作。", [("办公室", "responsible")]),
])
def test_pushed_units(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a 、-list of short units closed by 等部门/等单位: each unit is charged, the class is no one
    ("综治办、农办、派出所(治安中队)等部门要明确职责,落实人员。",
     [("综治办", "responsible"), ("农办", "responsible"), ("派出所(治安中队)", "responsible")]),
    ("宣传科、工会等单位负责宣传报道。", [("宣传科", "responsible"), ("工会", "responsible")]),
])
def test_listed_units_before_their_class(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a 、-list of units after 由 each do the work
    ("由宣传科、工会、团委联合举办的健康讲座在礼堂举行。",
     [("宣传科", "responsible"), ("工会", "responsible"), ("团委", "responsible")]),
    ("由院办、医务科负责组织实施。", [("院办", "responsible"), ("医务科", "responsible")]),
    ("由来自内科、外科的代表参加。", []),  # people from the departments, not the departments
])
def test_by_unit_lists(text, expected):
    assert pairs(text) == expected


def test_heading_is_no_recipient():
    from nlp.extract.parties import _resolve
    from nlp.extract.parties_patterns import Found

    assert _resolve([Found(0, 8, "二、活动领导机构", "recipient")]) == []


@pytest.mark.parametrize("text, expected", [
    ("镇派出所强化执法力度,严厉查处违法行为。", [("镇派出所", "responsible")]),
    ("工会已安排职工体检。", [("工会", "responsible")]),
    ("团委组织青年志愿者开展义诊活动。", [("团委", "responsible")]),
])
def test_short_units_act(text, expected):
    assert pairs(text) == expected
