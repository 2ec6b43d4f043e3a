"""Party shapes met on the collected pages of session 14, in invented wording."""

from __future__ import annotations

from nlp.extract.parties import find_parties


def _pairs(text, **kw):
    return [(m.text, m.value["name"], m.value["role"]) for m in find_parties(text, **kw)]


def test_units_in_brackets_after_a_task_with_no_lead_are_charged_with_it():
    text = ("一、重点任务\n"
            "1.摸清各类桥梁隧道的底数,建立台账。(市交通局、市城管局等按职责分工负责)\n"
            "2.完善应急物资储备。(市应急局负责)\n"
            "3.组织开展演练。(市教育局、市民政局分别落实)\n")
    found = _pairs(text)
    for unit in ("市交通局", "市城管局", "市应急局", "市教育局", "市民政局"):
        assert (unit, unit, "responsible") in found


def test_a_bracket_naming_no_unit_charges_no_one():
    text = "1.每日巡查重点部位,做好记录。(由专人负责)\n2.发现问题及时上报。(各自负责)\n"
    assert _pairs(text) == []


def test_a_roster_goes_on_past_a_rarer_family_name():
    text = ("关于成立某某工作领导小组的通知\n"
            "组    长: 吴建国   镇长\n"
            "成    员: 钱立新   党政办公室主任\n"
            "          厉文华   经济发展办公室主任\n"
            "          孙 洁   社区服务中心主任\n"
            "          周海燕   团委书记\n")
    members = [n for _, n, r in _pairs(text) if r == "member"]
    assert members == ["钱立新", "厉文华", "孙洁", "周海燕"]


def test_a_command_post_set_up_by_posts_names_each_holder_and_no_verb():
    text = ("为做好今年防汛工作,县里成立了由县委书记任政委,县长任总指挥,分管副县长任常务副总指挥,"
            "各乡镇主要负责人任成员的防汛指挥部,统筹全县防汛工作。\n")
    found = _pairs(text)
    names = {n: r for _, n, r in found}
    assert names.get("县委书记") == "lead" and names.get("县长") == "lead"
    assert not any(n.startswith("任") for n in names)


def test_a_holder_opening_a_line_before_a_post_and_an_adverb_of_action_is_a_party():
    text = ("上半年,医院把廉洁行医摆上重要议程。\n"
            "李文斌院长亲自为全院职工讲授廉洁从业专题党课,提出明确要求。\n"
            "全院各党支部书记参加了学习。\n")
    found = _pairs(text)
    assert any(n.startswith("李文斌") and r == "lead" for _, n, r in found)
    assert not any(n.startswith("全院各") for _, n, _ in found)


def test_hong_kongs_ombudsman_and_its_assistant_are_named_holders():
    text = ("申诉专员何志明今日宣布,公署已完成对某署处理投诉机制的主动调查。"
            "助理申诉专员林美玲表示,公署向政府提出十项改善建议。\n")
    found = {n: r for _, n, r in _pairs(text)}
    assert found.get("何志明") == "lead" and found.get("林美玲") == "responsible"


def test_a_glued_roster_whose_holders_have_two_posts_each():
    text = ("二、组织领导\n市委、市政府成立某某市创建工作指挥部。\n"
            "总指挥:赵明江西省委常委、市委书记\n"
            "钱立市委副书记、市长\n"
            "副总指挥:孙国强市委常委、宣传部长\n"
            "李玉文市人大常委会副主任\n")
    names = [n for _, n, r in _pairs(text) if r == "lead"]
    for who in ("赵明", "钱立", "孙国强", "李玉文"):
        assert who in names
    assert not any(n in names for n in ("赵明江", "西省委", "常委"))


def test_duties_shared_out_after_a_colon_one_clause_a_unit():
    text = ("会议明确了各部门职责:县卫健局统筹推进全县创建工作;县教育局负责校园环境整治;"
            "县城管局从源头加强市容管理;各乡镇要落实属地责任。\n")
    names = {n for _, n, r in _pairs(text) if r == "responsible"}
    assert {"县卫健局", "县教育局", "县城管局"} <= names


def test_clauses_after_a_colon_that_no_unit_opens_charge_no_one():
    text = "存在的问题:少数单位重视不够;有的检查走过场;整改台账不完善。\n"
    assert _pairs(text) == []


def test_a_keyword_lists_common_words_are_no_peoples_names():
    from nlp.extract.parties_model import candidates

    text = "关 键 词:燃气;安全管理;餐饮;安全;文明;城建局\n组员:王琛、孙洪亮\n"
    tokens = {text[a:b] for a, b, kind in candidates(text) if kind == "TOK"}
    assert "安全" not in tokens and "文明" not in tokens
    assert {"王琛", "孙洪亮"} <= tokens


def test_hong_kongs_chief_executive_and_a_holder_acting_on_a_dated_day():
    text = ("行政长官陈家明昨天召开内部高层会议,敲定各工作小组的召集人。\n"
            "代理局长黄淑芬13日出席全县卫生首长联系会议,并接受表扬。\n")
    found = {n: r for _, n, r in _pairs(text)}
    assert found.get("陈家明") == "lead" and found.get("黄淑芬") == "lead"


def test_verbs_that_order_or_tell_and_a_deployment_or_a_website_name_no_one():
    from nlp.extract.parties_names import is_name

    for span in ("责令有关单位", "指出医院", "约谈县卫健局", "工作部署", "某省纪检监察网站"):
        assert not is_name(span)
    assert is_name("审计署") and is_name("县卫健局")


def test_a_unit_before_its_attending_holders_post_is_no_party_but_one_whose_holder_speaks_is():
    text = "2月9号,我院在门诊楼五楼召开下半年医院党委民主生活会。市卫生局局长周德明、我院领导班子成员参加会议。"
    names = [n for _, n, _ in _pairs(text)]
    assert "市卫生局" not in names and any("周德明" in n for n in names)
    spoken = "某县卫生局局长郑国平表示,全县将开展医疗机构安全检查。\n"
    assert "某县卫生局" in [n for _, n, _ in _pairs(spoken)]


def test_a_label_list_that_wraps_after_its_comma_goes_on_below():
    text = ("一、成立防汛工作领导小组。\n组 长:蒋立新\n副组长:张国强\n"
            "组 员:王 红、戴国宁、巢 凌、王红群、\n王 弘、孙 旭、郭汝良、赵琴英。\n领导小组下设办公室。\n")
    members = [n for _, n, r in _pairs(text) if r == "member"]
    assert members == ["王红", "戴国宁", "巢凌", "王红群", "王弘", "孙旭", "郭汝良", "赵琴英"]


def test_a_flattened_tables_unit_cell_closed_by_deng_dan_wei():
    from nlp.extract.parties_structure import listed_units

    text = ("序号\n指标名称\n牵头单位\n责任单位\n1\n居民健康素养水平\n县卫健局\n"
            "县教育局、县文旅局、县融媒体中心等单位,各乡镇人民政府\n")
    assert [f.name for f in listed_units(text)] == ["县教育局", "县文旅局", "县融媒体中心", "各乡镇人民政府"]


def test_glued_names_may_hold_ke_a_common_given_character():
    from nlp.extract.parties_labels import glued_names

    run = "王明科赵伟科李建国"
    assert [run[a:b] for a, b in glued_names(run)] == ["王明科", "赵伟科", "李建国"]
