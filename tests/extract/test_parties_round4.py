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


def test_the_groups_a_set_up_names_after_their_leaders():
    text = "医院调整了院长任组长,分管副院长为副组长的甲工作领导小组、乙领导小组和丙领导小组等。"
    got = names(text)
    assert {"甲工作领导小组", "乙领导小组", "丙领导小组"} <= set(got)


def test_a_group_glued_to_its_leader_label():
    assert "某某专项整治活动领导小组" in names("三、成立某某专项整治活动领导小组组 长:王某 副组长:李某")


def test_a_group_whose_leaders_are_given_after_it():
    got = pairs("领导小组由县卫健局局长和县纪检组分管领导担任组长,县纪委相关领导为成员。")
    assert ("领导小组", "lead") in got and ("县卫健局局长", "lead") in got


@pytest.mark.parametrize("sep", [" ", "\n", ""])
def test_a_heading_before_the_unit_that_opens_the_paragraph(sep):
    assert "项目部安全领导小组" in names(f"三、组织领导{sep}项目部安全领导小组全面负责检查工作。")


def test_the_short_form_of_the_signing_body_is_folded_into_its_name():
    text = "关于开展检查的通知\n各校:\n市教育局将在9月组织抽查。\n甲乙市教育局\n2023年8月29日"
    got = pairs(text)
    assert ("甲乙市教育局", "responsible") in got and ("甲乙市教育局", "issuer") in got


def test_a_unit_before_etc_and_its_class():
    assert "县卫生局" in names("会同县卫生局等部门开展联合检查。")


def test_each_unit_a_leader_takes_along():
    text = "某参议今日率城乡发展处、消防局、甲县建筑师公会及某某燃气股份有限公司等单位进行联合巡检。"
    assert {"城乡发展处", "消防局", "甲县建筑师公会", "某某燃气股份有限公司"} <= set(names(text))


def test_a_rate_is_no_leader_taking_units_along():
    assert names("死亡率分别控制在8.20/10万和2.50全县各级医疗卫生机构。") == []


@pytest.mark.parametrize("text, expected", [
    ("劳动部说明,将要求业主做风险评估。", "劳动部"),
    ("甲市消防署为了减少住宅火灾,推动装设警报器。", "甲市消防署"),
    ("劳工处职业安全主任已到场调查。", "劳工处职业安全主任"),
    ("控方表示会考虑上诉。", "控方"),
    ("医院管理局发言人表示,已成立专责小组跟进。", "专责小组"),
])
def test_actors_of_a_news_report(text, expected):
    assert expected in names(text)


def test_a_named_holder_of_a_unit_is_no_unit_post():
    assert "劳工局林某某局长" not in names("劳工局林某某局长指出,高处坠落事故占比最高。")


@pytest.mark.parametrize("text, expected", [
    ("(3)医疗保健组做好应急药品准备。", "医疗保健组"),
    ("(4)总务处在军训期间准备好饮用水。", "总务处"),
    ("2.医务科每月检查病历。", "医务科"),
])
def test_a_unit_opening_an_item_with_a_verb(text, expected):
    assert (expected, "responsible") in pairs(text)


@pytest.mark.parametrize("text", ["(二)组织领导\n", "1.学校安全管理制度\n", "(一)指导思想\n"])
def test_an_item_heading_names_no_one(text):
    assert names(text) == []


@pytest.mark.parametrize("text, expected", [
    ("我校高度重视安全工作。", "我校"),
    ("我所立即组织人员进行排查。", "我所"),
    ("我中心迅速成立工作专班。", "我中心"),
    ("各医疗卫生单位务必高度重视。", "各医疗卫生单位"),
    ("各班要组织学生学习。", "各班"),
])
def test_collective_and_own_units_charged(text, expected):
    assert expected in names(text)


def test_a_plant_is_a_unit_of_a_list():
    got = names("县应急管理局、县消防救援大队、县供电公司、县自来水厂要加强值守。")
    assert "县自来水厂" in got


@pytest.mark.parametrize("label, role", [("参加单位", "member"), ("实施单位", "responsible"),
                                         ("牵头处室", "lead"), ("配合科室", "member")])
def test_more_column_labels(label, role):
    got = pairs(f"{label}:县卫健局、县疾控中心、县人民医院")
    assert got == [(n, role) for n in ("县卫健局", "县疾控中心", "县人民医院")]


def test_a_label_line_is_no_addressee_line():
    got = pairs("成员单位:县委宣传部、县发改局、县教育局、县公安局。")
    assert ("成员单位", "recipient") not in got and ("县公安局", "member") in got


def test_a_leader_after_the_post_of_a_head_of_government():
    assert ("张建国", "lead") in pairs("组长:县长 张建国\n副组长:副县长 李立新\n")


@pytest.mark.parametrize("text, expected", [
    ("组长由院长担任,副组长由副院长担任,成员由各科室主任组成。", ("各科室主任", "member")),
    ("领导小组由县卫健局、县财政局、县人社局组成。", ("县财政局", "member")),
])
def test_members_a_group_is_made_of(text, expected):
    assert expected in pairs(text)


@pytest.mark.parametrize("text", [
    "学生因故离开学校必须出示请假条。",
    "责任人员在本单位都身处重要岗位。",
])
def test_a_clause_ending_like_a_unit_is_no_name(text):
    assert names(text) == []


def test_a_title_that_opens_with_a_verb_names_no_author():
    got = list(find_parties("争创一流医院工作总结\n全院上下积极行动。", title="争创一流医院工作总结"))
    assert not any(m.value["role"] == "issuer" for m in got)


def test_a_technical_guide_is_not_titled_after_its_author():
    title = "某型流感医院感染控制技术指南(试行)"
    got = list(find_parties(title + "\n一、适用范围\n", title=title))
    assert not any(m.value["role"] == "issuer" for m in got)


def test_the_unit_a_news_headline_opens_with():
    title = "消防处跟进大厦火警"
    got = [(m.value["name"], m.value["role"]) for m in find_parties(title + "\n大厦昨晚发生火警。", title=title)]
    assert ("消防处", "responsible") in got


def test_two_units_joined_by_yu_in_a_headline_are_no_one_name():
    title = "运输署与巴士公司商讨改善服务"
    got = [m.value["name"] for m in find_parties(title + "\n运输署表示会跟进。", title=title)]
    assert "运输署与巴士公司" not in got


def test_a_headline_actor_the_text_names_in_full_is_not_added():
    title = "枫阳市卫健委开展消防安全检查"
    text = title + "\n近日,市卫生健康委联合市消防救援支队开展检查。"
    got = [m.value["name"] for m in find_parties(text, title=title, ner="rules")]
    assert "枫阳市卫健委" not in got and "市卫生健康委" in got


def test_members_listed_before_wei_chengyuan():
    got = pairs("成立工作专班,由镇长任组长,分管副镇长任副组长,镇应急办、派出所、综合执法队为成员。")
    assert {("镇应急办", "member"), ("派出所", "member"), ("综合执法队", "member")} <= set(got)


def test_addressees_with_a_note_in_brackets():
    got = pairs("关于开展检查的通知\n各村(社区)、镇直各单位:\n现将有关事项通知如下。")
    assert ("各村(社区)", "recipient") in got and ("镇直各单位", "recipient") in got


def test_a_cooperating_unit_heading_an_item():
    assert ("派出所", "member") in pairs("(三)派出所配合做好违法行为查处。")


def test_partners_of_a_reporting_department():
    text = ("甲乙署今日表示,会继续加强巡查。署方共提出检控二百宗。甲乙署亦已联同警方采取联合行动。"
            "甲乙署会与民政事务处及区议会保持联络。")
    got = names(text)
    assert {"甲乙署", "警方", "民政事务处", "区议会"} <= set(got) and "署方" not in got


@pytest.mark.parametrize("text, expected", [
    ("4.门卫要严格执行外来人员登记制度。", "门卫"),
])
def test_posts_and_contractors_charged(text, expected):
    assert expected in names(text)


def test_member_units_one_a_line_after_their_label():
    got = pairs("成员单位:\n县委宣传部\n县发改局\n县教育局、县公安局\n二、工作职责\n")
    assert got == [(n, "member") for n in ("县委宣传部", "县发改局", "县教育局", "县公安局")]


@pytest.mark.parametrize("text, expected", [
    ("县应急管理局是全县安全生产工作的综合监管部门。", ("县应急管理局", "responsible")),
    ("院长对全院安全生产工作负总责。", ("院长", "lead")),
    ("各医疗机构是本机构安全生产的责任主体。", ("各医疗机构", "responsible")),
])
def test_a_body_named_as_the_one_answering_for_the_work(text, expected):
    assert expected in pairs(text)


def test_a_quote_closed_with_the_other_form_and_a_stray_quote():
    got = names("县卫健局组建“平安就医月〞活动领导小组,由王某某书记任组长。")
    assert "平安就医月活动领导小组" in got


def test_paired_quotes_stay_in_a_name():
    assert "“双创双建”工作领导小组" in names("成立“双创双建”工作领导小组。")


def test_a_place_read_off_a_unit_is_the_unit():
    # 应急 holds the cue word 应: the place before it is no subject of its own
    assert names("内黄县应急管理局将聘请专家组对企业进行复查。")[0] == "内黄县应急管理局"


def test_collective_places_acting_in_a_report():
    got = names("目前,全县各乡镇(街道)、经开区共排查废弃化工企业12家。")
    assert got == ["全县各乡镇(街道)", "经开区"]


def test_a_group_named_after_a_verb_acting_after_a_dateline():
    text = "某报北京8月24日电(记者某某)8月7日至18日,国务院安委办督导组先后赴北京、天津等地开展督导。"
    assert "国务院安委办督导组" in names(text)


def test_superiors_issuing_a_cited_document_are_no_parties():
    assert names("5月20日,市委组织部、市委宣传部下发《关于开展某某活动的意见》。") == []


def test_a_unit_issuing_in_a_report_acts():
    assert "甲省教育厅" in names("日前,甲省教育厅印发《校园安全工作要点》。")


@pytest.mark.parametrize("text, expected", [
    ("5月16日,巡察组向我局反馈了巡察意见,现将整改情况予以公布:\n(一)组织落实情况", "我局"),
    ("我院今年以来开展了以下工作,现将有关情况报告如下:", "我院"),
])
def test_a_report_naming_its_author_only_as_wo_ju(text, expected):
    assert (expected, "issuer") in pairs(text)


def test_wo_ju_acting_is_no_issuer_without_the_report_formula():
    assert ("我局", "issuer") not in pairs("今年,我局组织开展检查。")


def test_a_named_holder_speaking_on_a_matter():
    assert ("赵某某", "responsible") in pairs("院纪委书记赵某某就开展专项整治提出具体要求。")


def test_those_who_sign_responsibility_letters_and_a_union_presiding():
    got = names("随后,党政负责人分别与分管院长、科室负责人签订责任书,党总支书记与支部委员签订。")
    assert {"党政负责人", "党总支书记"} <= set(got)
    assert "县医院工会" in names("有关情况已公开。县医院工会主持召开了职工代表大会。")


@pytest.mark.parametrize("text, expected", [
    ("机电工程署联同消防处进行检查。", {"机电工程署", "消防处"}),
    ("县安委会办公室近日印发通知。", {"县安委会办公室"}),
    ("为加强排查,甲区安委会办公室在全区范围内部署开展隐患排查。", {"甲区安委会办公室"}),
])
def test_more_actors_of_a_report(text, expected):
    assert expected <= set(names(text))


def test_a_place_and_its_body_split_by_a_space_in_a_title():
    title = "某某县 卫生健康局关于开展安全检查的通知"
    got = [(m.value["name"], m.value["role"]) for m in find_parties(title + "\n各单位:\n现通知如下。", title=title)]
    assert ("某某县卫生健康局", "issuer") in got and ("某某县", "issuer") not in got


def test_two_joint_issuers_glued_by_the_cue_inside_yingji_are_no_name():
    title = "某某县卫生健康局 某某县应急管理局关于开展联合检查的通知"
    got = [m.value["name"] for m in find_parties(title + "\n各单位:\n现通知如下。", title=title, ner="rules")]
    assert "某某县卫生健康局某某县" not in got and "某某县应急管理局" in got
