"""Targets: one mention per quantified objective, with metric, number, unit, comparator, scope."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings, strategies as st

from nlp.extract.targets import find_targets
from nlp.model import Section


def values(text: str) -> list[tuple[float, str, str | None]]:
    return [(m.value["number"], m.value["unit"], m.value["comparator"]) for m in find_targets(text)]


@pytest.mark.parametrize("text, expected", [
    ("全市70%以上的县级疾病预防控制机构实验室装备达标。", [(70.0, "%", ">=")]),
    ("各类卫生应急管理人员和应急队伍培训率达到70%以上。", [(70.0, "%", ">=")]),
    ("孕产妇死亡率和5岁以下儿童死亡率分别控制在31/10万和17‰以内。",
     [(31.0, "/10万", "<="), (17.0, "‰", "<=")]),
    ("麻疹发病率控制在0.5/10万以内。", [(0.5, "/10万", "<=")]),
    ("每名干部职工的个人自学时间不少于40学时。", [(40.0, "学时", ">=")]),
    ("挂号、收费等服务窗口排队等候不超过15分钟。", [(15.0, "分钟", "<=")]),
    ("乡镇卫生院共设18个委派岗位。", [(18.0, "个", None)]),
    ("培训业务骨干12名、社区护士100名。", [(12.0, "名", None), (100.0, "名", None)]),
    ("全市新增5个县级综合医院、691所村卫生室达到建设标准。", [(5.0, "个", None), (691.0, "所", None)]),
    ("选择1—2个乡镇开展试点。", [(1.0, "个", ">=")]),
    ("无偿献血量占临床用血量的比例≥70.3、有经常性的社会捐赠活动", [(70.0, "%", ">=")]),
    ("居民对社区卫生服务中心(站)的满意率≥80。", [(80.0, "%", ">=")]),
    ("2、95的社区卫生服务中心(站)纳入城镇职工医疗保险定点机构", [(95.0, "%", None)]),
    ("必须做到有三项达到全国爱卫会规定的标准,另一项不超过国家标准的三倍。",
     [(3.0, "项", ">="), (3.0, "倍", "<=")]),
    ("重点抓好三个70%:即抓好实验室建设", []),
    ("今年共有15名医疗专家加入党组织。", []),
    ("目前,已经报送简报21期,已有效解决群众反映问题15个。", []),
    ("居住期限3个月以上的流动人口", []),
    ("每月开展一次群众满意度调查,组织一次专题督查。", []),
    ("大力实施结核病、艾滋病等10个工作规范。", []),
    ("22项核心制度全面落实", []),
    ("xx、xx设1名,另设", []),
    ("每5万人配备急救车数(辆)>1.2≥1<1材料审核", []),
    ("6家党员人数不足3人的公立医院", []),
    ("日卫党发〔2010〕11号", []),
], ids=["ratio-above", "reach-above", "respectively", "per-100k", "hours-at-least",
        "minutes-at-most", "planned-posts", "trained-list", "new-list", "range-minimum",
        "table-ratio-marker", "table-ratio", "table-bare-share", "chinese-numerals",
        "slogan", "past-count", "summary-counts", "duration-qualifier", "frequency",
        "named-set", "set-size", "missing-noun", "grading-band", "qualifier-de", "doc-number"])
def test_target_values(text, expected):
    assert values(text) == expected


def test_metric_and_scope():
    (m,) = find_targets("全市70%以上的县级疾病预防控制机构实验室装备达标。")
    assert m.value["metric"] == "县级疾病预防控制机构实验室装备达标"
    assert m.value["scope"] == "全市"
    assert m.text == "全市70%以上的县级疾病预防控制机构实验室装备达标"


def test_metric_per_number_with_respectively():
    metrics = [m.value["metric"] for m in find_targets(
        "孕产妇死亡率和5岁以下儿童死亡率分别控制在31/10万和17‰以内。")]
    assert metrics == ["孕产妇死亡率", "5岁以下儿童死亡率"]


def test_planned_count_metric_and_scope():
    (m,) = find_targets("乡镇卫生院共设18个委派岗位。")
    assert (m.value["metric"], m.value["scope"]) == ("委派岗位", "乡镇卫生院")


def test_deadline_from_the_sentence():
    deadlines = [m.value["deadline"] for m in find_targets("20xx年全市常规“五苗”接种率达90%,农村住院分娩率达93%以上。")]
    assert deadlines == ["20XX", "20XX"]


def test_deadline_from_the_enclosing_stage():
    text = "(一)整改阶段(2011年3月至2011年6月)\n各单位培训骨干30名。"
    stage = Section("s1", None, 1, "(一)", "整改阶段(2011年3月至2011年6月)", 0, len(text))
    (m,) = find_targets(text, sections=[stage])
    assert m.value["deadline"].startswith("2011-06")


def test_offsets_are_exact():
    text = "一、目标\n全市80%以上的社区卫生服务机构达到建设标准,成分输血比例达90%以上。"
    for m in find_targets(text):
        assert text[m.start:m.end] == m.text
        assert m.type == "target" and m.section is None


@pytest.mark.parametrize("text, expected", [
    ("每个社区卫生服务站至少建成1个示范科室。", [(1.0, "个", ">=")]),
    ("年内聘请8名行风监督员。", [(8.0, "名", None)]),
    ("至少有一名医生在岗。", []),
], ids=["at-least-through-verb", "hire-planned", "at-least-chinese-one"])
def test_planned_counts(text, expected):
    assert values(text) == expected


def test_full_width_semicolon_ends_the_span():
    (m,) = find_targets("完善值班制度；门诊预约率达到60%以上。")
    assert m.text == "门诊预约率达到60%以上"


SUMMARY = ("某县人民医院2023年工作总结\n一、主要成效\n全年门诊量同比增长6.5%,病床使用率88.1%。"
           "选派10名骨干外出进修。\n二、下一步工作打算\n明年门诊预约率达到70%以上。\n")


def test_summary_figures_are_past():
    assert values(SUMMARY) == [(70.0, "%", ">=")]


def test_summary_plan_with_a_planning_verb():
    text = SUMMARY.replace("选派10名骨干外出进修。", "力争患者满意度达到95%以上。")
    assert values(text) == [(95.0, "%", ">="), (70.0, "%", ">=")]


def test_summary_forward_section_from_the_outline():
    text = "某中心工作总结\n一、成效\n签约率达62%。\n二、明年工作思路\n签约率达到70%。\n"
    forward = text.index("二、")
    sections = [Section("s1", None, 1, "一、", "成效", text.index("一、"), forward),
                Section("s2", None, 1, "二、", "明年工作思路", forward, len(text))]
    assert values(text) == [(70.0, "%", ">=")]
    assert [m.value["number"] for m in find_targets(text, sections=sections)] == [70.0]


def test_a_plan_is_no_summary():
    assert values("某县人民医院2024年工作计划\n门诊预约率达到70%以上。") == [(70.0, "%", ">=")]


@pytest.mark.parametrize("hostile", [
    "1" * 100_000,
    "达到" * 50_000,
    "9.9" * 33_333,
    "≥" * 100_000,
    ("不超过" + "国" * 9) * 8_000,
    "全市" + "、".join(["5个医院"] * 20_000),
    "分别" * 50_000,
], ids=["digits", "cue", "decimals", "symbols", "times-gap", "long-list", "respectively"])
def test_linear_time_on_hostile_text(hostile):
    t = time.process_time()
    list(find_targets(hostile))
    assert time.process_time() - t < 5.0


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("全市达到以上以内不少于控制在分别和、,。的%‰/10万个名所学时≥≤一三两05.—设培训已了\n")) | st.characters(),
               max_size=300))
def test_never_raises_and_offsets_exact(text):
    for m in find_targets(text):
        assert text[m.start:m.end] == m.text
        assert isinstance(m.value["number"], float)


@pytest.mark.parametrize("text, expected", [
    ("到2025年,0-6岁儿童视力检查覆盖率达到90%以上。", [(90.0, "%", ">=")]),
    ("65至74岁老年人失能发生率有所下降。", []),
    ("选派18-35岁的青年骨干10名以上。", [(10.0, "名", ">=")]),
], ids=["0-6岁", "65至74岁", "的"])
def test_a_range_of_ages_names_a_group(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("我们严格执行发文计划,局发文件较上年减少31%。", []),
    ("全年完成年度计划的103.5%。", []),
    ("承担省级科技计划项目1项。", []),
    ("力争全年门急诊量增长8%。", [(8.0, "%", None)]),
    ("明年计划新建分院2所。", [(2.0, "所", None)]),
], ids=["发文计划", "年度计划的", "计划项目", "力争", "计划-verb"])
def test_summary_noun_计划_plans_nothing(text, expected):
    assert values_in(text, title="某医院2023年工作总结") == expected


def values_in(text: str, **kwargs) -> list[tuple[float, str, str | None]]:
    return [(m.value["number"], m.value["unit"], m.value["comparator"]) for m in find_targets(text, **kwargs)]


@pytest.mark.parametrize("text, expected", [
    ("到2025年,医疗机构床位数达到每千人口6张。", [(6.0, "张", ">=")]),
    ("到2025年,养老床位提高到每千名老年人35张。", [(35.0, "张", ">=")]),
    ("到2025年,全科医生达到每万名居民3名。", [(3.0, "名", ">=")]),
], ids=["每千人口", "每千名老年人", "每万名居民"])
def test_a_rate_counted_on_a_population(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("到2025年,医疗机构床人比不低于1:1.6。", [(1.6, "", ">=")]),
    ("到2025年,养老机构护理人员与床位比不低于1:10。", [(10.0, "", ">=")]),
    ("比赛比分为1:0。", []),
], ids=["床人比", "与床位比", "score"])
def test_a_proportion_bound_by_its_comparator(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("到2025年,基层诊疗量占比年均提高2个百分点。", [(2.0, "个百分点", None)]),
    ("到2025年,全市卫生总收入突破100亿元。", [(100.0, "亿元", ">")]),
    ("火灾占所有火灾之72.9%。", []),
], ids=["占比-noun", "突破", "占-verb"])
def test_share_verb_and_exceeding(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text, surface, metric", [
    ("2.新增城镇就业2.5万人。", "新增城镇就业2.5万人", "新增城镇就业"),
    ("(3)建成示范点20个以上。", "建成示范点20个以上", "建成示范点"),
], ids=["2.", "(3)"])
def test_an_item_number_is_no_part_of_the_metric(text, surface, metric):
    found = [(m.text, m.value["metric"]) for m in find_targets(text, title="某市重点任务分解方案")]
    assert found == [(surface, metric)]


def test_a_fee_is_no_planning_verb():
    found = values_in("本次培训共设5个专题,培训费每人800元。", title="关于举办安全生产培训班的通知")
    assert found == [(5.0, "个", None)]


def test_增设_plans_a_count_after_its_noun():
    assert values_in("到2025年,增设长照据点500处。", title="某实施方案") == [(500.0, "处", None)]
