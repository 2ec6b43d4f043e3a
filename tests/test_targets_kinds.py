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


@pytest.mark.parametrize("text, expected", [
    ("每千常住人口拥有3岁以下婴幼儿托位数达到4.5个。", [(4.5, "个", ">=")]),
    ("每个县拥有60岁以上老年人日间照料中心不少于2所。", [(2.0, "所", ">=")]),
], ids=["拥有-3岁以下", "拥有-60岁以上"])
def test_an_age_range_names_a_group_even_after_a_planning_verb(text, expected):
    assert _tgt(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("三年内培养全科医生500名。", [(500.0, "名", None)]),
    ("全市建设10个区域医疗中心。", [(10.0, "个", None)]),
    ("每年引进高层次人才20名。", [(20.0, "名", None)]),
], ids=["培养", "建设", "引进"])
def test_building_training_and_hiring_verbs_plan_a_count(text, expected):
    assert _tgt(text) == expected


def test_a_news_report_needs_a_forward_word_for_a_planned_count():
    text = "该院培训医务人员300名。"
    assert _tgt(text) == [(300.0, "名", None)]
    assert [m.value["number"] for m in find_targets(text, doc_type="新闻")] == []
    assert [m.value["number"] for m in find_targets("明年将培训医务人员300名。", doc_type="新闻")] == [300.0]


def test_the_metric_of_a_count_after_a_building_verb():
    [m] = find_targets("全市建设10个区域医疗中心。")
    assert (m.value["metric"], m.value["scope"]) == ("区域医疗中心", "全市")


@pytest.mark.parametrize("text", [
    "近五年来,新建乡镇卫生院12所,改扩建村卫生室150个。",
    "截至目前,全市排查整治隐患1200处,整改率达98.5%。",
], ids=["N年来", "截至目前"])
def test_a_sentence_that_opens_on_the_past_records_its_figures(text):
    assert _tgt(text) == []


def test_a_past_year_after_a_bound_is_its_reference_not_the_past():
    assert _tgt("公用经费支出不超过上年度部门预算的40%。") == [(40.0, "%", "<=")]
    assert _tgt("三年来全县新建村卫生室30个,明年将再建设20个。") == [(20.0, "个", None)]


@pytest.mark.parametrize("text, expected", [
    ("新建乡镇卫生院20所,村卫生室100个。", [(20.0, "所", None), (100.0, "个", None)]),
    ("培养全科医生500名,乡村医生300名。", [(500.0, "名", None), (300.0, "名", None)]),
    ("新建乡镇卫生院20所,服务人口5万人。", [(20.0, "所", None)]),
    ("该院门诊楼建筑面积5000平方米,床位300张。", []),
], ids=["所-个", "名-名", "population-is-no-item", "no-planned-count-before"])
def test_a_bare_noun_and_count_goes_on_the_planned_list_before_it(text, expected):
    assert _tgt(text) == expected


def test_a_year_before_the_signing_year_dates_a_record_not_an_objective():
    text = ("某县卫生健康事业发展实施方案\n一、现状\n2020年,全县居民健康素养水平为23.5%。\n"
            "二、目标\n到2025年,全县居民健康素养水平达到30%以上。\n某县卫生健康局\n2021年3月5日\n")
    assert [m.value["number"] for m in find_targets(text)] == [30.0]
    unsigned = text.replace("2021年3月5日\n", "")
    assert [m.value["number"] for m in find_targets(unsigned)] == [23.5, 30.0]


def _news(text):
    return [(m.value["number"], m.value["unit"], m.value["comparator"]) for m in find_targets(text, doc_type="新闻")]


@pytest.mark.parametrize("text, expected", [
    ("劳工处会在未来3个月内进行超过2000次突击巡查。", [(2000.0, "次", ">")]),
    ("政府会投放2亿元推行资助计划。", [(2.0, "亿元", None)]),
    ("当局已于去年完成巡查1200次,今年目标为1500次。", [(1500.0, "次", None)]),
    ("劳动部期望职灾千人率降至1.5以下。", [(1.5, "", "<=")]),
], ids=["会-will", "投放", "目标为", "期望"])
def test_a_news_report_plans_ahead_with_will_and_goal_words(text, expected):
    assert _news(text) == expected


@pytest.mark.parametrize("text", [
    "会议期间共检查企业300家。",
    "社会各界捐款200万元,机会难得。",
    "统计公报显示,人均预期寿命由76.7岁提高到77.0岁。",
    "由卫生部牵头负责的任务为40项。",
    "区政府常务会研究事项30项,办结28项,完成率93.3%。",
    "局党组会部署整改任务12项,已完成11项。",
    "院长办公会审议议题15项,通过14项。",
    "支部召开组织生活会的通报:参会党员35名,提出意见12条。",
    "在地方两会上,代表提出建议86件。",
    "组织模拟测评3次,参与人员120名。",
    "本次检查发现一般隐患46处,均已交办。",
    "关于2020年度政务公开考核的通报:全县参评单位42家。",
], ids=["会议", "社会-机会", "预期寿命", "task-set-size", "常务会", "党组会", "办公会", "生活会", "两会", "模拟",
        "一般隐患", "关于-年度"])
def test_words_that_hold_a_forward_word_do_not_plan_ahead(text):
    assert _news(text) == []


def test_a_list_of_years_pairs_with_a_respectively_list_of_figures():
    found = find_targets("到2022年、2025年和2030年,全省覆盖率分别达到50%、70%和90%。")
    assert [(m.value["number"], m.value["deadline"]) for m in found] == [(50.0, "2022"), (70.0, "2025"),
                                                                         (90.0, "2030")]
    found = find_targets("孕产妇死亡率和婴儿死亡率到2025年分别控制在12/10万和5‰以内。")
    assert [(m.value["metric"], m.value["deadline"]) for m in found] == [("孕产妇死亡率", "2025"),
                                                                         ("婴儿死亡率", "2025")]


@pytest.mark.parametrize("text, expected", [
    ("比例未满10%的单位要限期整改。", ("未满10%", "<")),
    ("补助比例以不超过30%为宜。", ("不超过30%", "<=")),
    ("以达到90%为目标。", ("达到90%", ">=")),
    ("作为70%的基数。", ("70%", None)),
], ids=["未满", "以不超过", "以达到", "作为"])
def test_percentage_comparator_words_after_以_and_未满(text, expected):
    from nlp.extract.percentages import find_percentages

    [m] = find_percentages(text)
    assert (m.text, m.value["comparator"]) == expected


@pytest.mark.parametrize("text, expected", [
    ("补助标准提高到每人每年600元。", [(600.0, "元", ">=")]),
    ("每名医生每年下乡服务时间累计不少于1个月。", [(1.0, "个月", ">=")]),
    ("每年评选10名优秀校长。", [(10.0, "名", None)]),
], ids=["每人每年", "累计不少于", "评选"])
def test_raised_standards_caps_and_cumulative_floors(text, expected):
    assert _tgt(text) == expected


@pytest.mark.parametrize("text", ["累计发放补贴资金300万元。", "对3名责任人给予党内警告处分。",
                                  # a reward or subsidy to each recipient is no target (gold/README, d2 gold)
                                  "对获评省级重点专科的给予一次性奖励10万元。", "乡村医生每人每月补贴300元。",
                                  "给予每家企业最高100万元奖励。", "对新建的站点分别给予30万元、20万元补助。",
                                  "每个课题最高可给予50万元支持。"],
                         ids=["累计-past", "处分", "奖励", "补贴", "最高", "分别-list", "支持"])
def test_granted_past_amounts_and_sanctions_are_no_targets(text):
    assert _tgt(text) == []


@pytest.mark.parametrize("text, metric, deadline", [
    ("确保6月底前隐患整改率达到100%。", "隐患整改率", "XXXX-06-30"),
    ("2024年4月30日前整改率达到100%。", "整改率", "2024-04-30"),
    ("到2024年底,投诉量较2023年下降30%。", "投诉量", "2024-12-31"),
], ids=["月底前", "day-precision", "baseline-year"])
def test_a_leading_date_is_the_deadline_not_the_metric(text, metric, deadline):
    [m] = find_targets(text)
    assert (m.value["metric"], m.value["deadline"]) == (metric, deadline)


@pytest.mark.parametrize("text, expected", [
    ("每个科室配备不少于一名兼职感控人员。", [(1.0, "名", ">=")]),
    ("至少有一名医生在岗。", []),
    ("全省性会议每年不超过一次。", [(1.0, "次", "<=")]),
    ("至少开展一次专项检查。", []),
    ("确定一名联络人。", []),
], ids=["不少于一名", "至少有一名", "不超过一次", "at-least-once-is-an-action", "一-is-a"])
def test_a_bound_word_makes_一_a_number(text, expected):
    assert _tgt(text) == expected


def test_a_summary_by_its_doc_type_records_the_past_until_it_plans_ahead():
    text = "一、主要成效\n全年引进博士2名,新建胸痛中心1个。\n二、明年工作计划\n力争引进高层次人才5名。\n"
    assert [m.value["number"] for m in find_targets(text)] == [2.0, 1.0, 5.0]
    assert [m.value["number"] for m in find_targets(text, doc_type="工作总结")] == [5.0]
    assert [m.value["number"] for m in find_targets(text, doc_type="调研报告")] == [5.0]


def test_the_bound_word_nearest_a_share_governs_it():
    from nlp.extract.percentages import find_percentages

    [m] = find_percentages("超出部分不超过预算的10%。")
    assert m.value["comparator"] == "<="


def test_a_change_from_a_baseline_is_a_goal_in_a_plan_and_a_level_reached_elsewhere():
    from nlp.extract.percentages import find_percentages

    text = "患者满意度由85%提升至92%。"
    assert [m.value["comparator"] for m in find_percentages(text)] == [None, None]
    assert [m.value["comparator"] for m in find_percentages(text, doc_type="实施方案")] == [None, ">="]
    assert [m.value["comparator"] for m in find_percentages("满意度已提升至92%。", doc_type="实施方案")] == [None]


def test_a_year_on_year_change_reports_a_result_unless_the_sentence_plans_ahead():
    assert _tgt("全年门诊量达到15万人次,同比增长12%。") == []
    [m] = find_targets("力争事故起数同比下降10%。")
    assert (m.value["metric"], m.value["number"], m.value["comparator"]) == ("事故起数", 10.0, "<=")


@pytest.mark.parametrize("text", ["近日召开安全生产推进会,全县共检查企业300家。",
                                  "县卫健局召开部署会,培训医务人员200名。"], ids=["推进会", "部署会"])
def test_a_meeting_name_ending_in_会_does_not_plan_ahead(text):
    assert _news(text) == []


@pytest.mark.parametrize("text, expected", [
    ("人均每日食盐摄入量不高于5g。", [(5.0, "g", "<=")]),
    ("成人每日平均步行6000步以上。", [(6000.0, "步", ">=")]),
    ("每周锻炼3次以上、每次30分钟以上。", [(3.0, "次", ">="), (30.0, "分钟", ">=")]),
    ("居住期限3个月以上的人员须登记。", []),
    ("加快建设5G基站。", []),
], ids=["g", "步", "per-occasion-floor", "duration-qualifier", "5G"])
def test_latin_units_steps_and_floors_per_occasion(text, expected):
    assert _tgt(text) == expected


def test_a_bracketed_list_does_not_cut_the_metric():
    [m] = find_targets("每个县(市、区)至少有1家二级甲等中医医院。")
    assert m.text.startswith("每个县(市、区)")


def test_a_government_work_report_plans_ahead_from_its_goals_section():
    from nlp.pipeline import process_text

    text = ("某县2024年政府工作报告\n\n一、2023年工作回顾\n全年新建村卫生室30个,培训乡村医生200名。\n"
            "二、今年主要目标任务\n新建村卫生室20个,培训乡村医生300名。\n")
    found = [m.value["number"] for d in process_text(text) for m in d.mentions if m.type == "target"]
    assert found == [20.0, 300.0]


def test_a_five_year_plan_period_before_the_document_year_is_past():
    text = ("某县卫生健康事业发展规划\n“十三五”期间,全县新建乡镇卫生院12所。\n"
            "“十四五”期间,全县新建乡镇卫生院10所。\n某县人民政府\n2021年6月1日\n")
    assert [m.value["number"] for m in find_targets(text)] == [10.0]
    assert [m.value["number"] for m in find_targets(text.replace("2021年6月1日\n", ""))] == [12.0, 10.0]


def test_a_timestamp_at_the_top_dates_the_document():
    from nlp.extract.targets_context import document_year

    assert document_year("发布时间:2021-08-10 来源:某委\n正文", None) == "2021"
    assert document_year("到2025年12月31日前完成", None) is None
    assert document_year("正文", "2019") == "2019"


def test_a_misused_grant_is_no_target():
    assert _tgt("局机关以加班补助名义违规发放补贴共计21.6万元。") == []


@pytest.mark.parametrize("text, expected", [
    ("一般性会议不超过一个半小时。", [(1.5, "小时", "<=")]),
    ("讲话时间控制在1个半小时以内。", [(1.5, "小时", "<=")]),
], ids=["一个半小时", "1个半小时以内"])
def test_one_and_a_half_hours(text, expected):
    assert _tgt(text) == expected


def test_this_year_alone_does_not_plan_ahead_in_a_news_report():
    assert _news("某县食品产业园今年新引进食品加工企业8家。") == []
    assert _news("今年将新引进食品加工企业8家。") == [(8.0, "家", None)]
    assert _tgt("某局以专项补助名义向干部发放补贴8.6万元。") == []


def test_将_of_把_does_not_plan_ahead_in_a_report():
    assert _news("服务中心将原来按部门设置的46个窗口整合为12个综合窗口。") == []
    assert _news("医院将投入200万元用于护理人员培训。") == [(200.0, "万元", None)]


def test_a_budget_in_total_stays_a_target():
    assert _tgt("县财政预算安排3.5亿元,支持基层卫生设施建设1.2亿元。") == [(3.5, "亿元", None), (1.2, "亿元", None)]


@pytest.mark.parametrize("text, expected", [
    ("全省粮食产量稳定在600亿斤以上。", [(600.0, "亿斤", ">=")]),
    ("力争全市产业规模达到1.2万亿元。", [(1.2, "万亿元", ">=")]),
], ids=["亿斤", "万亿元"])
def test_units_after_万亿_and_weights(text, expected):
    assert _tgt(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("到2027年底,全县20个村级养老服务站全部建成。", [(20.0, "个", None)]),
    ("今年以来,已有12个社区建成投用。", []),
    ("去年全市30个项目建成投用。", []),
], ids=["plan", "已-past", "去年-past"])
def test_a_count_whose_noun_is_then_completed(text, expected):
    assert _tgt(text) == expected


def test_a_title_naming_summary_and_plan_opens_the_summary():
    text = ("某镇2023年环境卫生工作总结及2024年工作计划\n"
            "一、主要成效\n全年清理河道垃圾3200立方米,完成整改416家。\n"
            "二、2024年工作计划\n力争全镇垃圾分类覆盖率达到90%以上。\n")
    title = "某镇2023年环境卫生工作总结及2024年工作计划"
    found = [(m.value["number"], m.value["unit"]) for m in find_targets(text, title=title)]
    assert found == [(90.0, "%")]


@pytest.mark.parametrize("text, expected", [
    ("讲课费每课时不得超过800元。", []),
    ("审稿费每千字不超过100元。", []),
    ("单个项目补助不超过80万。", [(80.0, "万元", "<=")]),
    ("人均接待费用控制在100元以内。", [(100.0, "元", "<=")]),
], ids=["每课时", "每千字", "单个项目", "人均"])
def test_a_capped_price_per_unit_of_work_is_a_rule_level(text, expected):
    assert _tgt(text) == expected


@pytest.mark.parametrize("sentence", [
    "支部召开组织生活会时党员到场35名。",
    "在地方两会期间,代表递交材料86件。",
    "组织模拟测评3次,参与人员120名。",
    "本次检查发现一般隐患46处。",
    "关于2020年度政务公开考核情况,全县参评单位42家。",
    "区政府常务会研究事项30项。",
    "开展会风会纪督查3次。",
    "本区一般综合财力38亿元。",
    "为回应群众关切,共走访农户260户。",
], ids=["生活会", "两会", "模拟", "一般隐患", "关于-年度", "常务会", "会风", "一般综合", "回应"])
def test_a_word_that_only_holds_a_forward_word_does_not_look_forward(sentence):
    from nlp.extract.targets_context import Mood

    assert not Mood(sentence, report=True).looks_forward(len(sentence))


@pytest.mark.parametrize("sentence", ["劳工处会在下月巡查。", "一般每人不超过3次。", "拟新建公园2个。", "于2026年底前完成。"])
def test_the_forward_words_still_look_forward(sentence):
    from nlp.extract.targets_context import Mood

    assert Mood(sentence, report=True).looks_forward(len(sentence))


@pytest.mark.parametrize("title", ["聚焦县区两会:某县今年这样干", "展望“十五五” 某市森林覆盖率还将提高"])
def test_a_news_report_on_a_five_year_plan_or_the_two_sessions_relays_its_figures(title):
    text = "记者从会上获悉,全县地区生产总值增长6%以上,社会消费品零售总额增长8%。"
    found = [(m.value["number"], m.value["comparator"]) for m in find_targets(text, title=title, doc_type="新闻")]
    assert found == [(6.0, ">="), (8.0, None)]
    assert list(find_targets(text, title="某县召开座谈会", doc_type="新闻")) == []


def test_a_summary_and_plan_titled_with_yiji_reports_its_past_counts():
    title = "某区卫生健康局2022年工作总结以及2023年工作安排"
    text = (title + "\n过去一年,全区安全生产形势总体平稳。全年抽查企业113家,发现隐患202项,完成整改198处。\n"
            "二、2023年工作安排\n全年新建应急避难场所不少于5处。\n")
    found = [(m.value["number"], m.value["unit"]) for m in find_targets(text, title=title)]
    assert found == [(5.0, "处")]


def test_the_last_line_of_a_wrapped_summary_title_is_no_plan_ahead():
    title = "某区市场监管局2022工作总结和2023年工作思路"
    text = ("某区市场监管局2022工作总结和2023年\n工作思路\n一、2022年主要成效\n"
            "1.健全工作机制。组建执法督查小组,增设编制3个,检查经营户113家。\n")
    assert [m.value["number"] for m in find_targets(text, title=title)] == []


def test_indicators_in_paragraphs_after_a_line_announcing_them():
    text = ("某市卫生健康事业发展规划明确了“十四五”主要指标——\n\n"
            "   在病有所医方面,人均预期寿命79.5岁,每千人口拥有执业医师3.6人。\n\n"
            "   在老有所养方面,养老服务床位总量约2000张,人均体育场地面积2.8平方米。\n")
    found = [(m.value["number"], m.value["unit"]) for m in find_targets(text)]
    assert (79.5, "岁") in found and (2000.0, "张") in found and (2.8, "平方米") in found


def test_indicators_after_the_year_they_are_due_by():
    found = [(m.value["number"], m.value["unit"]) for m in find_targets("到2030年,人均预期寿命80岁,人均体育场地面积3平方米。")]
    assert found == [(80.0, "岁"), (3.0, "平方米")]


def test_zero_occurrence_words_are_targets_of_zero():
    found = [(m.value["number"], m.value["comparator"]) for m in
             find_targets("全年实现较大及以上生产安全事故零发生、重大风险事件零失控。")]
    assert found == [(0.0, "<="), (0.0, "<=")]
