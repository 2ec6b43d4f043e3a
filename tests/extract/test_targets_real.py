"""Targets on the shapes of real documents: other units and comparators, genres, special numerals.

Every sentence here is written for the test; none is copied from a real document.
"""

from __future__ import annotations

import pytest

from nlp.extract import targets_context
from nlp.extract.targets import find_targets


def values(text: str, **kw) -> list[tuple[float, str, str | None]]:
    return [(m.value["number"], m.value["unit"], m.value["comparator"]) for m in find_targets(text, **kw)]


@pytest.mark.parametrize("text, expected", [
    ("培训时间不少于30天。", [(30.0, "天", ">=")]),
    ("全县性会议每年不少于3次。", [(3.0, "次", ">=")]),
    ("各科室确定1-2个调研课题。", [(1.0, "个", ">=")]),
    ("人均预期寿命增至79岁。", [(79.0, "岁", ">=")]),
    ("单次接待费用不超过150万。", [(150.0, "万", "<=")]),
    ("应当在15个工作日内办结。", [(15.0, "个工作日", "<=")]),
    ("每期培训200人左右。", [(200.0, "人", None)]),
    ("各类会议一般不超过半天。", [(0.5, "天", "<=")]),
    ("会议数量要减少三分之一以上。", [(33.33, "%", ">=")]),
    ("力争实现“零死亡”“零事故”。", [(0.0, "人", "<="), (0.0, "起", "<=")]),
    ("年内计划投入资金约3.5亿。", [(3.5, "亿元", None)]),
    ("巡查数量增至7,000部。", [(7000.0, "部", ">=")]),
    ("文件和会议减少30%—50%。", [(30.0, "%", ">=")]),
    ("人均预期寿命提高1岁。", [(1.0, "岁", None)]),
    ("城镇新增就业5000万人以上。", [(5000.0, "万人", ">=")]),
    ("粉尘浓度控制在0.011以内。", [(0.011, "", "<=")]),
    ("专项经费不低于五十万元。", [(50.0, "万元", ">=")]),
    ("财政补助标准提高到人均450元。", [(450.0, "元", ">=")]),
    ("试点扩大到1O0O个县。", [(1000.0, "个", ">=")]),
    ("二、推荐人数:\n2人。", [(2.0, "人", None)]),
    ("流出人数下限为100人以内1人。", [(1.0, "人", ">=")]),
    ("对难以拒绝的馈赠,于24小时内上交。", [(24.0, "小时", "<=")]),
], ids=["days", "times-a-year", "range-count", "age", "bare-wan", "working-days", "about",
        "half", "fraction", "zero-words", "money-yi", "grouped-digits", "ratio-range", "change-by",
        "wan-ren", "unitless-bound", "chinese-wan-yuan", "per-head", "ocr-zero", "quota-label", "named-lower-bound", "yu-time-limit"])
def test_other_units_and_comparators(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", [
    "5岁以下儿童由家长陪同。",
    "第3次会议于近日召开。",
    "2019年全县开展专项检查。",
    "90周年纪念活动。",
    "整治参赌、兼职等10个问题。",
    "认真落实各30条措施。",
    "每10万人口拥有医生若干。",
    "餐费拆分为800~900元不等的单据。",
    "共支付26.76万余元。",
    "每家单位至少检查1次。",
    "7日内报送整改方案。",
    "事故死亡人数:3人。",
    "对无法实现100%覆盖的,要尽快补建。",
    "火灾中住宅火灾占42.9%。",
    "少年组(16~17岁)比赛。",
], ids=["qualifier", "ordinal", "year", "anniversary", "named-set", "share-out", "rate-base",
        "spread", "rounded-amount", "at-least-once", "step-time-limit", "record-label", "condition", "share",
        "parenthesised"])
def test_not_targets(text):
    assert values(text) == []


NEWS = "本报讯 昨日,市卫健委召开会议。\n"


def test_news_report_figures_need_a_forward_word():
    assert values(NEWS + "全市门诊量同比增长6.5%,床位使用率88.1%。") == []
    assert values(NEWS + "会议要求,明年门诊预约率要达到70%以上。") == [(70.0, "%", ">=")]
    # in a report 实现 tells what was achieved; a plan it reports still says so with its own words
    assert values(NEWS + "全市事故起数和死亡人数实现“双下降”,同比分别下降12.0%、8.5%。") == []
    assert values(NEWS + "力争到2025年实现门诊预约率达到70%以上。") == [(70.0, "%", ">=")]


def test_a_plan_on_a_dated_page_is_no_report():
    text = "2021-05-07\n全市门诊预约率70%。"
    assert values(text) == []
    assert values(text, title="关于开展预约诊疗工作的通知") == [(70.0, "%", None)]


def test_modal_words_are_not_read_inside_other_words():
    assert values(NEWS + "对索要红包的问题,在30个工作日内反馈。") == []
    assert values("对举报的问题,要在30个工作日内反馈。") == [(30.0, "个工作日", "<=")]


def test_news_report_of_a_plan_keeps_its_figures():
    relay = "新华社北京3月5日电 市政府印发实施方案。\n全市儿童入园率提高到90%。"
    assert values(relay) == [(90.0, "%", ">=")]


def test_news_past_time_is_a_record():
    text = "新华社北京3月5日电 市政府印发方案。\n事故死亡人数从2014年的346人降至去年的287人。"
    assert values(text) == []


def test_past_time_is_a_record_in_any_document():
    assert values("今年以来,全市共排查隐患3200处,整改率达95%。") == []
    assert values("全年发文数量比上年减少10%以上。") == [(10.0, "%", ">=")]  # 比上年 is a baseline


def test_summary_with_plan_title_is_a_summary():
    text = "某委2016年工作总结及2017年工作计划\n去年全市诊疗人次较上年增长4.7%。\n2017年工作计划\n门诊预约率达到70%以上。"
    assert values(text) == [(70.0, "%", ">=")]


def test_deadline_keeps_its_precision_and_skips_the_baseline():
    (m,) = find_targets("到2024年底,投诉量较2023年下降30%。")
    assert (m.value["deadline"], m.value["comparator"], m.value["metric"]) == ("2024-12-31", "<=", "投诉量")
    (m,) = find_targets("2024年4月30日前,完成率达到95%。")
    assert m.value["deadline"] == "2024-04-30"
    (m,) = find_targets("2024年1月至6月,覆盖率达到60%。")
    assert m.value["deadline"] == "2024-06"


def test_a_dateline_is_no_deadline_and_metrics_lose_their_modals():
    (m,) = find_targets("本报9月16日讯 全市覆盖率要达到90%。")
    assert m.value["deadline"] is None
    (m,) = find_targets("政策性文件原则上不超过10页。")
    assert m.value["metric"] == "政策性文件"
    (m,) = find_targets("至2025年,人均预期寿命在2020年基础上提高0.4岁。")
    assert (m.value["metric"], m.value["deadline"]) == ("人均预期寿命", "2025")


def test_mood_and_word_tables_load():
    assert targets_context.target_mood()["确保"] == "forward"
    assert targets_context.target_words()["减半"].number == 50.0


@pytest.mark.parametrize("hostile", ["1," * 50_000, "三分之" * 33_000, "(" * 100_000, "零死亡" * 30_000,
                                     "本报讯 " + "到2025年达5%," * 10_000, "去年5%," * 20_000,
                                     "某县工作总结\n" + "控制在5%," * 15_000, "应于3日内," * 15_000],
                         ids=["grouped-digits", "fractions", "parentheses", "words", "due-years",
                              "past-times", "summary-clauses", "time-limits"])
def test_linear_time_on_hostile_text(hostile):
    import time

    t = time.process_time()
    list(find_targets(hostile))
    assert time.process_time() - t < 5.0


def test_a_quota_per_head_or_period_is_a_target_and_an_age_range_is_none():
    assert values("其他干部每人每年联系1户以上贫困户。") == [(1.0, "户", ">=")]
    assert values("每年为5岁以下儿童免费体检。") == []
    assert values("辖区拥有3岁以下婴幼儿托位。") == []


def test_the_currencies_of_hong_kong_macau_and_taiwan_releases_and_a_cap_written_after():
    assert values("公务午餐人均开支不得超过三百八十港元。") == [(380.0, "港元", "<=")]
    assert values("广告费以营业额的5%为上限。") == [(5.0, "%", "<=")]


def test_a_summary_and_next_years_plan_in_one_title_is_a_summary():
    text = "全省事故起数和死亡人数同比分别下降11.5%和9.8%。"
    assert values(text, title="某省应急管理厅2022年工作总结和2023年重点工作安排") == []


def test_a_planned_list_goes_on_with_a_count_before_its_noun():
    text = "到2025年,重点引进1000名左右领军人才,100个领军型科技创新创业团队。"
    assert values(text) == [(1000.0, "名", None), (100.0, "个", None)]
    assert values("新建卫生院20所,服务人口5万人。") == [(20.0, "所", None)]  # a population is no item


def test_a_bound_after_a_written_out_number():
    assert values("公务晚餐以每人五百港元为上限。") == [(500.0, "港元", "<=")]
    assert values("居住三年以上的居民可申请。") == []  # a qualifier of a noun


def test_a_quotas_floor_before_a_noun_phrase_with_de():
    assert values("驻村干部每年撰写不少于2篇的工作心得。") == [(2.0, "篇", ">=")]
    assert values("党员人数不足3人的公立医院要建立联合支部。") == []  # the count describes a noun


def test_the_ying_of_yingji_is_no_should():
    assert values(NEWS + "建成区域应急救援中心5个,新建专业应急救援队伍11支。") == []
    assert values(NEWS + "各区应建成应急救援队伍2支以上。") == [(2.0, "支", ">=")]



def test_a_due_date_with_qian_plans_ahead_in_a_news_report():
    assert values(NEWS + "今年年底前,青禾市自然村公交通达率达80%以上。") == [(80.0, "%", ">=")]
    assert values(NEWS + "2026年年底前,建成30个以上社区书屋。") == [(30.0, "个", ">=")]
    assert values(NEWS + "全市建成社区书屋30个。") == []  # a report's result


def test_a_space_on_either_side_of_a_number():
    assert values("各站要确保每人每月走访 3 户以上独居老人。") == [(3.0, "户", ">=")]
    assert values("于2026年底前修复至少 60%的破损路灯。") == [(60.0, "%", ">=")]
    assert values("要求新增不少于 12,500 个停车泊位。") == [(12500.0, "个", ">=")]
    # a number inside an index number is no quantity
    assert values("索引号 113417000032454254/202010-00167 组配分类 要求") == []


def test_da_before_a_level_in_a_plan_is_its_floor():
    assert values("到2026年,人均体育场地面积达2.8平方米,人均图书借阅经费达15元以上。") == [
        (2.8, "平方米", ">="), (15.0, "元", ">=")]
    assert values("到2026年,购置水泵3台达48万元。") == []  # an amount spent on a count


def test_measure_words_of_equipment():
    assert values("每个村要配备灭火器不少于10具。") == [(10.0, "具", ">=")]
    assert values("每栋楼至少安装2盏应急灯。") == [(2.0, "盏", ">=")]


def test_a_gap_narrowed_to_a_bound():
    assert values("到2028年,区域收入倍差缩小到1.9以内。") == [(1.9, "倍", "<=")]
    assert values("到2025年,全市万元GDP能耗压减到0.35以内。") == [(0.35, "", "<=")]


def test_a_numbered_list_a_line_announces_as_objectives():
    from nlp.extract.targets import find_targets

    text = ("某市卫生强市战略,到2020年将实现\n某某网讯\n某市卫生强市战略,到2020年将实现:\n"
            "1、新建市级三级公立医院12家\n2、全市常住人口千人床位数达到4.3张\n3、市域内住院率达到98%以上\n"
            "请联系网站管理员\n")
    got = [(m.value["number"], m.value["unit"], m.value["deadline"]) for m in find_targets(text, doc_type="新闻")]
    assert got == [(12.0, "家", "2020"), (4.3, "张", "2020"), (98.0, "%", "2020")]


def test_a_report_of_the_peoples_congress_relays_the_years_plan():
    from nlp.extract.targets import find_targets

    text = ("某县十件民生实事确定\n来源:某某晚报\n1月21日,某县人民代表大会第五次会议召开,今年要办的10件民生实事已经确定。\n"
            "今年,某县总投资3.4亿元的市民文化中心将在年内建成主体框架;投资5300万元建成公租房510套,改造农村危房203户。\n")
    got = {(m.value["number"], m.value["unit"]) for m in find_targets(text, title="某县十件民生实事确定", doc_type="新闻")}
    assert {(510.0, "套"), (203.0, "户")} <= got


def test_a_relayed_work_report_reviews_last_year_before_its_targets():
    from nlp.extract.targets import find_targets

    text = ("某省人民代表大会开幕\n1月10日,某省第五次人民代表大会开幕。省长在政府工作报告中表示,2021年,全省生产总值达到5.2万亿元,"
            "城镇新增就业68万人。报告提出,今年发展主要预期目标是:城镇新增就业60万人以上,城镇调查失业率控制在5.5%以内。\n")
    got = [(m.value["number"], m.value["unit"]) for m in find_targets(text, title="某省人民代表大会开幕", doc_type="新闻")]
    assert (5.2, "万亿元") not in got and (68.0, "万人") not in got
    assert (60.0, "万人") in got and (5.5, "%") in got
