"""The comparator of a ratio: written before or after it, apart from it, or turned around by a
negation (nlp/extract/targets_comparators.py, nlp/data/target_comparators.tsv). Sentences are
invented for the test."""

from __future__ import annotations

import pytest

from nlp.extract.percentages import find_percentages
from nlp.extract.targets import find_targets
from nlp.extract.targets_comparators import comparator_cues, negate, negated_before


def _pct(text):
    return [(m.value["number"], m.value["unit"], m.value["comparator"]) for m in find_percentages(text)]


def _tgt(text):
    return [(m.value["number"], m.value["unit"], m.value["comparator"]) for m in find_targets(text)]


@pytest.mark.parametrize("text, expected", [
    ("办公经费占比不得超过25%。", [(25.0, "%", "<=")]),
    ("抽检合格率不得低于96%。", [(96.0, "%", ">=")]),
    ("差错率不宜高于2‰。", [(2.0, "‰", "<=")]),
    ("出勤率严禁低于百分之八十。", [(80.0, "%", ">=")]),
    ("加班费用原则上不应超过部门预算的8%。", [(8.0, "%", "<=")]),
    ("外聘人员不能多于职工总数的15%。", [(15.0, "%", "<=")]),
], ids=["不得超过", "不得低于", "不宜高于", "严禁低于", "negated-far", "不能多于-far"])
def test_a_negation_turns_a_strict_bound_around(text, expected):
    assert _pct(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("会务开支控制在年度经费的6%以内。", [(6.0, "%", "<=")]),
    ("抽查户数不少于辖区住户总数的12%。", [(12.0, "%", ">=")]),
    ("绩效奖励提高到岗位工资的30%。", [(30.0, "%", ">=")]),
], ids=["控制在-以内", "不少于-far", "提高到-far"])
def test_a_bound_word_governs_the_share_of_a_named_whole(text, expected):
    assert _pct(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("复诊率要控制在7%之内。", [(7.0, "%", "<=")]),
    ("达标比例在60%(含60%)以上。", [(60.0, "%", ">=")]),
    ("知晓率达到了88%。", [(88.0, "%", ">=")]),
    ("预约率将增至45%。", [(45.0, "%", ">=")]),
    ("空置率力争减至3%。", [(3.0, "%", "<=")]),
    ("满意度约为90%左右。", [(90.0, "%", None)]),
    ("覆盖率达到65%左右。", [(65.0, "%", ">=")]),
    ("空置率控制在12%左右。", [(12.0, "%", "<=")]),
    ("占比不超过8%左右。", [(8.0, "%", "<=")]),
    ("事故率控制为0.02%。", [(0.02, "%", "<=")]),
], ids=["之内", "inclusive-note", "达到了", "增至", "减至", "左右-is-a-level",
        "达到-about", "控制在-about", "不超过-about", "控制为"])
def test_comparator_words_after_or_beside_the_number(text, expected):
    assert _pct(text) == expected


@pytest.mark.parametrize("text", ["使用率已提升至47%。", "发病率从3.1‰下降到2.6‰。"])
def test_a_reported_change_to_a_level_sets_no_bound(text):
    assert {c for _n, _u, c in _pct(text)} == {None}


def test_a_share_that_a_bound_word_does_not_govern():
    assert _pct("全县82%的村卫生室达到标准化建设要求。") == [(82.0, "%", None)]


@pytest.mark.parametrize("text, expected", [
    ("会议时间原则上不宜超过40分钟。", [(40.0, "分钟", "<=")]),
    ("每名学员脱产学习不能少于15天。", [(15.0, "天", ">=")]),
    ("年度维修费用不宜超过固定资产原值的4%。", [(4.0, "%", "<=")]),
    ("排放浓度不得超过限值的两倍。", [(2.0, "倍", "<=")]),
], ids=["不宜超过-minutes", "不能少于-days", "negated-far-share", "negated-times"])
def test_targets_read_the_same_comparators(text, expected):
    assert _tgt(text) == expected


def test_the_nearest_named_bound_governs_a_target():
    text = "每组人数下限为3人、上限比例为20%。"
    assert [c for _n, _u, c in _tgt(text)] == [">=", "<="]


def test_comparator_table_and_helpers():
    cues = comparator_cues()
    assert cues.before["不超过"] == "<=" and cues.after["以上"] == ">="
    assert "不得" in cues.negators and "了" in cues.gaps
    assert negate(">") == "<=" and negate("<") == ">=" and negate(None) is None
    assert negated_before("费用不得超过", 4) == "不得"
    assert negated_before("费用超过", 2) is None


@pytest.mark.parametrize("text, expected", [
    ("达标率达到或超过92%。", [(92.0, "%", ">=")]),
    ("检出率不到4%。", [(4.0, "%", "<")]),
    ("受访者逾55%表示支持。", [(55.0, "%", ">")]),
    ("优良率97%或以上。", [(97.0, "%", ">=")]),
    ("至少25%的床位用于康复。", [(25.0, "%", ">=")]),
    ("经费的最多12%用于宣传。", [(12.0, "%", "<=")]),
], ids=["达到或超过", "不到", "逾", "或以上", "至少", "最多"])
def test_compound_and_short_bound_words(text, expected):
    assert _pct(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("达标率达到或超过92%。", [(92.0, "%", ">=")]),
    ("优良率97%或以上。", [(97.0, "%", ">=")]),
], ids=["达到或超过", "或以上"])
def test_targets_read_compound_bound_words(text, expected):
    assert _tgt(text) == expected


def test_more_than_a_count_in_a_report_is_no_target():
    assert _tgt("调查发现逾70名患者曾被转介。") == []


@pytest.mark.parametrize("text, expected", [
    ("接种率达至96%。", [(96.0, "%", ">=")]),
    ("外地患者占比超出18%。", [(18.0, "%", ">")]),
    ("目标是空置率跌至4%以下。", [(4.0, "%", "<=")]),
    ("空置率由9%跌至4%。", [(9.0, "%", None), (4.0, "%", None)]),
], ids=["达至", "超出", "跌至-以下", "由-跌至-reported"])
def test_words_of_hong_kong_and_macao_reports(text, expected):
    assert _pct(text) == expected


def test_an_adjective_of_degree_is_no_far_bound():
    assert _pct("加班工资按最低工资标准的150%支付。") == [(150.0, "%", None)]
    assert _pct("补助不低于当地最低工资标准的80%。") == [(80.0, "%", ">=")]


def test_a_fall_written_with_its_sign():
    assert _pct("门诊人次 | 12万 | -6.4% |") == [(-6.4, "%", None)]
    assert _pct("同比(-2.3%)") == [(-2.3, "%", None)]
    assert _pct("占比3-5%") == [(5.0, "%", None)]  # a range's dash is no sign
