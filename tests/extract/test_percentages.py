"""nlp.extract.percentages: ratios with unit and comparator."""

from __future__ import annotations

import pytest

from nlp.extract.percentages import find_percentages


def _v(number, unit="%", comparator=None):
    return {"number": number, "unit": unit, "comparator": comparator}


@pytest.mark.parametrize("text, surface, value", [
    ("重点抓好三个70%:即", "70%", _v(70.0)),
    ("全市70%以上的县级", "70%以上", _v(70.0, comparator=">=")),
    ("培训率达到70%以上;", "达到70%以上", _v(70.0, comparator=">=")),
    ("使全市75%的县级综合医院达到建设标准", "75%", _v(75.0)),
    ("覆盖面达100%,", "达100%", _v(100.0, comparator=">=")),
    ("满意率≥90%", "≥90%", _v(90.0, comparator=">=")),
    ("不低于90%", "不低于90%", _v(90.0, comparator=">=")),
    ("超过50%", "超过50%", _v(50.0, comparator=">")),
    ("不足10%", "不足10%", _v(10.0, comparator="<")),
    ("低于5%", "低于5%", _v(5.0, comparator="<")),
    ("不超过3%", "不超过3%", _v(3.0, comparator="<=")),
    ("下降到5%", "下降到5%", _v(5.0, comparator="<=")),
    ("5%以下", "5%以下", _v(5.0, comparator="<=")),
    ("控制在0.5/10万以内", "控制在0.5/10万以内", _v(0.5, "/10万", "<=")),
    ("发生率1.2/万", "1.2/万", _v(1.2, "/万")),
    ("17‰", "17‰", _v(17.0, "‰")),
    ("百分之九十", "百分之九十", _v(90.0)),
    ("百分之九十点五", "百分之九十点五", _v(90.5)),
    ("千分之五", "千分之五", _v(5.0, "‰")),
    ("十万分之三", "十万分之三", _v(3.0, "/10万")),
    ("合格率为95%", "95%", _v(95.0)),
    ("作为70%的", "70%", _v(70.0)),
], ids=["bare", "以上", "达到-以上", "达到-governs-noun", "达", "≥", "不低于", "超过", "不足", "低于",
        "不超过", "下降到", "以下", "控制在-以内", "per-万", "permille", "百分之", "百分之-点",
        "千分之", "十万分之", "为", "作为-is-not-为"])
def test_percentage(text, surface, value):
    assert [(m.text, m.value) for m in find_percentages(text)] == [(surface, value)]


def test_one_mention_per_number_each_with_its_own_comparator():
    text = "孕产妇死亡率和5岁以下儿童死亡率分别控制在31/10万和17‰以内"
    assert [(m.text, m.value) for m in find_percentages(text)] == [
        ("控制在31/10万", _v(31.0, "/10万", "<=")),
        ("17‰以内", _v(17.0, "‰", "<=")),
    ]


@pytest.mark.parametrize("text, comparators", [
    ("分别达到95%、90%和85%", [">=", ">=", ">="]),
    ("分别为95%、90%和85%以上", [">=", ">=", ">="]),
    ("全市75%的县级综合医院、85%的乡镇卫生院达到标准", [None, None]),
], ids=["leading-word", "closing-word", "not-a-bare-list"])
def test_a_bare_list_shares_its_comparator(text, comparators):
    assert [m.value["comparator"] for m in find_percentages(text)] == comparators


@pytest.mark.parametrize("text", ["12345", "%E5%B9%B4", "2010年", "比例≥70", "百分点"],
                         ids=lambda t: t)
def test_not_a_percentage(text):
    assert list(find_percentages(text)) == []


def test_offsets_point_into_the_text():
    text = "一、目标\n接种率达到95%以上,死亡率控制在31/10万以内。"
    for m in find_percentages(text):
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("unit", ["1", "1.", "1%", "达到", "达到1", "百分之", "百分之一", "/10万", "1/", "以上",
                                  "不低于1", "1 ", "十", "≥"])
def test_linear_time_on_hostile_text(unit, assert_linear):
    assert_linear(find_percentages, unit)


@pytest.mark.parametrize("text, found", [
    ("占通报总数近3成", [("3成", 30.0, None)]),
    ("超过2.5成的单位", [("超过2.5成", 25.0, ">")]),
    ("近九成", []),  # tenths in words are no percentage (real-corpus annotation)
    ("3成员单位", []), ("2023成为", []),
], ids=["近3成", "超过", "in-words", "成员", "year"])
def test_tenths_written_in_digits(text, found):
    assert [(m.text, m.value["number"], m.value["comparator"]) for m in find_percentages(text)] == found


def test_percentage_points_are_percent():
    found = [(m.text, m.value) for m in find_percentages("较上年提高2个百分点以上")]
    assert found == [("2个百分点以上", {"number": 2.0, "unit": "%", "comparator": ">="})]


@pytest.mark.parametrize("text, comparator", [
    ("支出不超过2023年度预算的40%", "<="),
    ("不超过当年度本级一般公共预算支出总额的3%", "<="),
    ("不得超过本单位上一年度职工工资总额的5%", "<="),
    ("不低于上年度全市城镇非私营单位在岗职工平均工资的60%", ">="),
], ids=["year-in-whole", "long-whole", "negated", "floor"])
def test_a_bound_far_before_the_share_of_a_named_whole(text, comparator):
    assert [m.value["comparator"] for m in find_percentages(text)] == [comparator]


def test_taiwan_comparator_signs():
    found = [(m.text, m.value["comparator"]) for m in find_percentages("合格率≧95%,不合格率≦5%")]
    assert found == [("≧95%", ">="), ("≦5%", "<=")]


def test_超_alone_exceeds():
    assert [(m.text, m.value["comparator"]) for m in find_percentages("超80%的单位完成整改")] == [("超80%", ">")]


def test_tenths_and_a_half():
    from nlp.extract.percentages import find_percentages

    assert [(m.value["number"]) for m in find_percentages("受访者中近8成半表示满意")] == [85.0]


def test_突破_exceeds():
    # 突破 is a bound to pass, as target_cues.tsv already reads it for amounts
    found = [(m.text, m.value["comparator"]) for m in find_percentages("全区家庭燃气报警器覆盖率已突破96.5%,")]
    assert found == [("突破96.5%", ">")]


def test_a_change_reported_to_a_years_level_has_no_bound():
    # 由…降至2014年的…: a level reached (as 已下降到 is), though a year's level stands between
    text = "新生儿死亡率由2012年的6.1‰降至2016年的4.9‰。"
    assert [(m.text, m.value["comparator"]) for m in find_percentages(text)] == [("6.1‰", None), ("4.9‰", None)]
    assert [m.value["comparator"] for m in find_percentages("到2030年,死亡率降至全省平均水平的80%。")] == ["<="]
