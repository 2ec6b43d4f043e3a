"""Target shapes met on the collected pages of session 14, in invented wording."""

from nlp.extract.targets import find_targets


def _found(text):
    return [(m.value["number"], m.value["unit"]) for m in find_targets(text)]


def test_years_that_name_a_campaign_are_no_target():
    text = "二、工作目标\n聚焦城乡燃气安全新突破三年行动,到2026年全县完成老旧管网改造120公里。\n"
    found = _found(text)
    assert (3.0, "年") not in found
    assert (120.0, "公里") in found


def test_a_news_report_of_indicators_plans_ahead():
    # 指标 names the figures a plan sets: a news report listing them reports objectives
    news = "本报讯 昨日,省应急厅召开会议。\n"
    text = news + "其中约束性指标共计12项,包括各类火灾死亡人数下降9.5%以上,较大火灾起数下降20%以上。"
    assert _found(text) == [(9.5, "%"), (20.0, "%")]
    assert _found(news + "全省各类火灾死亡人数同比下降9.5%。") == []


def test_the_level_a_change_starts_from_is_no_target():
    text = "到2030年,全省新生儿死亡率从4.2‰降至3.5‰,每千人口执业医师数由2.1人提高到3人。"
    assert _found(text) == [(3.5, "‰"), (3.0, "人")]


def test_a_due_year_opening_a_sentence_carries_over_its_semicolons():
    news = "本报讯 昨日,市卫健委发布消息。\n"
    text = news + "到2027年,全市生活垃圾分类覆盖率达到90%以上;农村卫生厕所普及率达到88%以上;集中供水率达到96%左右。"
    found = [(m.value["number"], m.value["deadline"]) for m in find_targets(text)]
    assert found == [(90.0, "2027"), (88.0, "2027"), (96.0, "2027")]
    assert _found(news + "到2027年,各项工作稳步推进。全市门诊量同比增长6%;床位使用率88%。") == []


def test_a_long_line_closing_on_its_objectives_opens_an_unnumbered_list():
    text = ("一、总体要求\n以新发展理念为指导,坚持预防为主,统筹推进城乡环境整治、公共服务均等化、健康生活方式普及,"
            "到2027年实现以下目标:\n全市居民健康素养水平达到30%以上\n建成20个健康乡镇、100个健康村\n二、实施路径\n")
    found = [(m.value["number"], m.value["deadline"]) for m in find_targets(text)]
    assert found == [(30.0, "2027"), (20.0, "2027"), (100.0, "2027")]
    summary = ("2022年,在县卫生健康局的正确领导下,我院坚持以病人为中心,统筹推进疫情防控和医疗业务工作,"
               "较好地完成了全年各项目标任务。现将全年工作总结如下:\n床位使用率86.5%,平均住院日8.1天\n")
    assert _found("某县人民医院2022年工作总结\n" + summary) == []


def test_a_figure_dated_before_the_documents_own_year_is_a_record():
    # a plan of 2021 (its 落款) that opens on where things stood at the end of 2020
    text = ("某市“十四五”卫生健康发展规划\n一、发展基础\n居民健康水平显著提高。2020年末,全市居民人均预期寿命提高到82.25岁,"
            "居民健康素养水平达到31.7%。\n二、发展目标\n到2025年,全市居民人均预期寿命达到83岁,居民健康素养水平达到35%。\n"
            "某市人民政府\n2021年12月20日\n")
    assert [(m.value["number"], m.value["unit"]) for m in find_targets(text)] == [(83.0, "岁"), (35.0, "%")]


def test_a_year_a_goal_is_due_by_is_no_record():
    text = "某县卫生健康工作计划\n2023年,全县孕产妇系统管理率达到95%以上。\n某县卫生健康局\n2023年1月5日\n"
    assert [(m.value["number"], m.value["unit"]) for m in find_targets(text)] == [(95.0, "%")]


def test_a_banquets_cap_in_tables_is_a_target():
    text = "党员领导干部办理婚丧喜庆等事宜原则上控制在20桌(200人)以内。迎送车辆不得超过8辆。"
    found = [(m.value["number"], m.value["unit"]) for m in find_targets(text)]
    assert (20.0, "桌") in found and (8.0, "辆") in found


def test_an_accidents_class_by_its_toll_is_no_target():
    text = "确保全年不发生一次死亡3人以上、一次重伤10人以上、一次经济(财产)损失300万元以上的事故。"
    assert list(find_targets(text)) == []
    found = [(m.value["number"], m.value["unit"]) for m in find_targets("到2025年,一次死亡3人以上事故起数下降10%以上。")]
    assert found == [(10.0, "%")]
