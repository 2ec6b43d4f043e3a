"""Target values on constructions that vary from site to site: written-out counts after a planning
verb, ranges, 左右, bounded figures without a unit. Sentences are invented for the test."""

from __future__ import annotations

import pytest

from nlp.extract.targets import find_targets


def _tgt(text):
    return [(m.value["number"], m.value["unit"], m.value["comparator"]) for m in find_targets(text)]


@pytest.mark.parametrize("text, expected", [
    ("全县新增康复床位一千二百张。", [(1200.0, "张", None)]),
    ("今年计划招聘护理人员二十名。", [(20.0, "名", None)]),
], ids=["新增-一千二百张", "招聘-二十名"])
def test_a_written_out_count_after_a_planning_verb(text, expected):
    assert _tgt(text) == expected


@pytest.mark.parametrize("text", ["工作分为四个阶段。", "这是一项硬指标。", "举办三期培训班。"])
def test_a_short_written_out_count_needs_a_comparator(text):
    assert _tgt(text) == []


@pytest.mark.parametrize("text, expected", [
    ("每个街道选取2至4个社区开展试点。", [(2.0, "个", ">=")]),
    ("每年组织2-3次应急演练。", [(2.0, "次", ">=")]),
    ("计划培训基层骨干60名左右。", [(60.0, "名", None)]),
    ("住院患者跌倒发生率控制在0.02以内。", [(0.02, "", "<=")]),
    ("单个项目补助不超过80万。", [(80.0, "万元", "<=")]),
    ("平均住院日缩短至7天以内。", [(7.0, "天", "<=")]),
    ("全年培训不少于2.5万人次。", [(2.5, "万人次", ">=")]),
    ("每名职工每年参加培训不少于24学时。", [(24.0, "学时", ">=")]),
], ids=["range-至", "range-dash", "左右", "no-unit-以内", "万-money", "缩短至", "万人次", "学时"])
def test_values(text, expected):
    assert _tgt(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("按15﹪比例推荐先进个人。", [(15.0, "%", None)]),
    ("参保率达到96％。", [(96.0, "%", ">=")]),
], ids=["small-percent-sign", "full-width-percent-sign"])
def test_other_forms_of_the_percent_sign(text, expected):
    assert _tgt(text) == expected


def test_a_quota_in_parentheses_is_a_target_a_quoted_figure_is_not():
    assert _tgt("各组推荐先进个人(按12%比例推荐)名单。") == [(12.0, "%", None)]
    assert _tgt("甲县(4.21%)、乙县(3.86%)。") == []


def test_a_self_inspection_report_states_past_figures_until_it_plans_ahead():
    from nlp.pipeline import process_text

    text = ("某院2022年行风建设自查报告\n\n一、基本情况\n我院现有职工560人,全年门诊量达到35万人次。\n"
            "二、下一步打算\n力争患者满意度达到98%以上。\n")
    targets = [m.value["number"] for d in process_text(text) for m in d.mentions if m.type == "target"]
    assert targets == [98.0]


def test_a_word_part_is_no_bound_over_a_named_whole():
    assert [c for _n, _u, c in _tgt("力争达标医院的80%完成改造。")] == [None]
    assert _tgt("补助不低于当地最低工资标准的80%。") == [(80.0, "%", ">=")]


@pytest.mark.parametrize("text, expected", [
    ("到2030年,全县农村公路密度达到96公里/百平方公里。", [(96.0, "公里/百平方公里", ">=")]),
    ("城区人均体育场地面积不低于2.6平方米/人。", [(2.6, "平方米/人", ">=")]),
    ("可吸入颗粒物年均浓度控制在0.07毫克/立方米以下。", [(0.07, "毫克/立方米", "<=")]),
], ids=["density", "per-head", "per-volume-after-cue"])
def test_a_unit_per_a_unit_is_one_unit(text, expected):
    assert _tgt(text) == expected


@pytest.mark.parametrize("text, expected", [
    # (the unit is normalized to :1 whichever colon the page wrote; session 21, was ∶1 as written)
    ("到2027年,城乡居民人均收入之比缩小到2.1∶1以内。", [(2.1, ":1", "<=")]),
    ("全县城乡收入比控制在2.4:1。", [(2.4, ":1", "<=")]),
], ids=["ratio-sign-then-cue", "ascii-colon"])
def test_a_proportion_to_one_is_a_target_with_its_first_term(text, expected):
    assert _tgt(text) == expected


@pytest.mark.parametrize("text", ["活动于下午3:1开始。", "最终比分为3:1。"])
def test_a_proportion_without_a_comparator_is_no_target(text):
    assert _tgt(text) == []


@pytest.mark.parametrize("text, expected", [
    ("今年全区筹集800万元助学资金。", [(800.0, "万元", None)]),
    ("年内新创市级文明校园12所。", [(12.0, "所", None)]),
    ("全县打造6个农旅融合示范村。", [(6.0, "个", None)]),
], ids=["筹集", "新创", "打造"])
def test_a_plans_raising_and_creating_verbs_plan_a_count(text, expected):
    assert _tgt(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("到2027年底,全县特色农业实现综合产值85亿元。", [(85.0, "亿元", None)]),
    ("到2026年,全县耕地保有量稳定在42万亩。", [(42.0, "万亩", None)]),
    ("到2026年,适龄儿童疫苗接种率保持在95%以上。", [(95.0, "%", ">=")]),
], ids=["实现", "稳定在", "保持在-以上"])
def test_a_planned_level_is_a_target(text, expected):
    assert _tgt(text) == expected


def test_a_count_to_go_on_building_is_planned():
    assert _tgt("今年全乡续建农村安居房46户。") == [(46.0, "户", None)]


def test_progress_against_a_task_is_no_target():
    assert _tgt("一季度全区完成年度计划任务12亿元的28%。") == []
    assert _tgt("全市新增就业2.1万人,为全年目标任务3万人的70%。")[-1:] != [(70.0, "%", None)]
    assert _tgt("确保完成年度计划任务的100%。") == [(100.0, "%", None)]


def test_lead_ins_read_only_from_lines_ending_with_a_colon_are_the_pattern_s():
    """_lead_ins (the lines ending with a colon or —— read alone) gives _LEAD_IN.finditer's matches:
    on the corpus, on lead-in lines side by side, a lead-in in mid-line and lines ending otherwise."""
    from pathlib import Path

    from nlp.extract.targets import _LEAD_IN, _lead_ins

    root = Path(__file__).resolve().parent.parent / "corpora"
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(root.glob("**/*.txt"))]
    texts += ["到2025年将实现以下目标:\n主要指标——\n1.覆盖率90%", "某某,主要目标: \n目标:\t", "预期指标:x", "",
              "\n\n目标:", "力争实现:\r\n", "主要目标——\n到2020年,力争:"]
    for text in texts:
        assert [(m.span(), m.group()) for m in _lead_ins(text)] == [(m.span(), m.group()) for m in _LEAD_IN.finditer(text)]
