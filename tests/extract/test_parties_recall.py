"""Parties, recall on unseen sites (rules alone): short forms of bodies in news, units that act on
an object (``某局对…开展``), named people appointed in a clause, and the organ names the grammar
now knows (协会, 幼儿园, 镇长). Every sentence here is written for the test (placeholder names),
none is copied from a corpus."""

from __future__ import annotations

import pytest

from nlp.extract.parties import find_parties


def pairs(text: str) -> list[tuple[str, str]]:
    return [(m.value["name"], m.value["role"]) for m in find_parties(text, ner="rules")]


@pytest.mark.parametrize("text, expected", [
    # a body's two-character short form acts as any department does in a report
    ("警方正调查事件,暂列意外。", [("警方", "responsible")]),
    ("海关今日在机场检获一批货物。", [("海关", "responsible")]),
    # a unit that acts on an object: 对…开展/进行
    ("5月8日,区市场监管局对辖区餐饮单位开展专项检查。", [("区市场监管局", "responsible")]),
    ("消防处接报后派员到场。", [("消防处", "responsible")]),
    # not an actor: a place, a thing, no unit opening the clause
    ("现场对周边道路开展封闭。", []),
    ("市民对此开展讨论。", []),
])
def test_report_actors_unseen_shapes(text, expected):
    assert pairs(text) == expected


def test_short_city_government_folds_into_its_full_name():
    text = "青州市政府启动工地检查。市长王明呼吁业者加强防护,市府也将加强稽查。"
    names = [n for n, _ in pairs(text)]
    assert "市府" not in names and "青州市政府" in names


@pytest.mark.parametrize("text, expected", [
    ("医院成立工作专班,王建平同志任办公室主任,负责日常工作。", ("王建平", "responsible")),
    ("李华同志任副组长,协助组长工作。", ("李华", "lead")),
    ("赵明任成员。", ("赵明", "member")),
    ("成立安全生产领导小组,由镇长赵立新任组长,分管副镇长孙伟任副组长。", ("赵立新", "lead")),
])
def test_person_appointed_in_a_clause(text, expected):
    assert expected in pairs(text)


def test_an_appointment_of_no_named_person_names_no_one():
    assert [n for n, _ in pairs("由分管领导任办公室主任,负责日常工作。") if n in ("分管领导任", "由分管")] == []
    assert pairs("明确一名分管领导,负责日常工作。") == []  # a verb fragment is no party


@pytest.mark.parametrize("text, name", [
    ("关于规范行业收费的通知\n各会员单位、各分会:\n现将有关事项通知如下。\n", "各分会"),
    ("特此通知。\n\n某某县第二幼儿园\n2024年9月1日\n", "某某县第二幼儿园"),
    ("特此公告。\n\n某某市医师协会\n2024年9月1日\n", "某某市医师协会"),
])
def test_organ_endings_of_associations_and_kindergartens(text, name):
    assert name in [n for n, _ in pairs(text)]


@pytest.mark.parametrize("text, expected", [
    # a unit a directive verb names, then the work it is to do
    ("会议要求各科室负责人立即开展自查。", [("各科室负责人", "responsible")]),
    ("事件已移送市医师惩戒委员会处理。", [("市医师惩戒委员会", "responsible")]),
    ("院长指示中央各相关部会及地方政府,务必迅速处理。", [("中央各相关部会", "responsible"), ("地方政府", "responsible")]),
    # a case handed to prosecutors: no verb of the work follows; a negated directive asks no one
    ("其涉嫌犯罪问题被移送检察机关依法审查起诉。", []),
    ("不要求各单位报送材料。", []),
])
def test_units_a_directive_names(text, expected):
    assert pairs(text) == expected


def test_title_issuer_before_a_printed_document_that_holds_guanyu():
    title = "青山区卫生健康局印发《关于加强医德医风建设的实施方案》的通知"
    text = title + "\n各医疗机构:\n现印发给你们。\n"
    assert ("青山区卫生健康局", "issuer") in [(m.value["name"], m.value["role"])
                                         for m in find_parties(text, ner="rules", title=title)]


def test_a_label_list_ends_before_the_next_label_on_its_line():
    text = "2.推进老旧小区改造。(牵头部门:县住建局 配合部门:县财政局、县自然资源局 完成时间:2024年底)\n"
    assert pairs(text) == [("县住建局", "lead"), ("县财政局", "member"), ("县自然资源局", "member")]


def test_label_with_the_post_before_the_person():
    text = "领导小组组成如下:\n组 长:院长 张伟\n副组长:副院长 李强、副院长 陈静\n"
    assert [p for p in pairs(text) if p[1] == "lead"][-3:] == [("张伟", "lead"), ("李强", "lead"), ("陈静", "lead")]
    assert pairs("组长:院长 工作\n") == []  # no person after the post


def test_a_task_table_header_is_no_unit():
    text = "序号 工作任务 牵头单位 配合单位\n1 开展燃气排查 县住建局 县市场监管局、各乡镇\n"
    names = [n for n, _ in pairs(text)]
    assert not any("序号" in n for n in names)
    assert "县住建局" in names


@pytest.mark.parametrize("text, expected", [
    # an unnamed head of a unit reports the work: the unit is the party
    ("会上,县应急管理局主要负责同志汇报了今年工作。", [("县应急管理局", "responsible")]),
    ("运输署有关负责人表示,将加强巡查。", [("运输署", "responsible")]),
    ("院领导班子、职能科室负责人出席会议。", []),  # attending is no work
    # the unit that holds the reported meeting or training
    ("由县卫健局举办的培训班于昨日结业。", [("县卫健局", "responsible")]),
    ("在市委召开的全市大会上,书记讲话。", []),  # a superior body
    # a named holder who presides somewhere
    ("中央办公厅主任王某某在京主持召开座谈会。", [("王某某", "lead")]),
])
def test_units_and_heads_of_a_report(text, expected):
    assert [p for p in pairs(text) if p[0] != "中央办公厅"] == expected


def test_issuer_on_its_own_line_above_a_guanyu_title():
    title = "关于开展医疗服务行风专项整治的通知"
    text = "青山市卫生健康委员会\n" + title + "\n各区卫生健康局,委属各单位:\n现通知如下。\n"
    found = [(m.value["name"], m.value["role"]) for m in find_parties(text, ner="rules", title=title)]
    assert ("青山市卫生健康委员会", "issuer") in found
    # a line of running text above the title is no issuer
    text = "近日召开了会议。\n" + title + "\n各区卫生健康局:\n现通知如下。\n"
    found = [(m.value["name"], m.value["role"]) for m in find_parties(text, ner="rules", title=title)]
    assert [r for _, r in found if r == "issuer"] == []


def test_sent_to_label():
    assert pairs("主送:各区教育局、各直属学校\n抄送:市政府办公厅\n") == [
        ("各区教育局", "recipient"), ("各直属学校", "recipient")]


def test_signature_above_a_numeric_date():
    assert pairs("特此通知。\n\n青山县教育局\n2024-03-05\n") == [("青山县教育局", "issuer")]
    assert pairs("特此通知。\n\n有关情况如上所述\n2024-03-05\n") == []


def test_member_line_with_a_post_list():
    text = "领导小组成员名单如下:\n组 长:张建国 县委副书记、县长\n副组长:李明 县委常委、常务副县长\n"
    assert pairs(text) == [("张建国", "lead"), ("李明", "lead")]


@pytest.mark.parametrize("text, expected", [
    ("1.开展消防检查。责任领导:李明;责任单位:县消防救援大队;完成时限:6月底前\n",
     [("李明", "responsible"), ("县消防救援大队", "responsible")]),
    ("牵头领导:张建国\n牵头单位:县应急管理局\n", [("张建国", "lead"), ("县应急管理局", "lead")]),
    ("【责任单位】县卫健委、县医保局\n", [("县卫健委", "responsible"), ("县医保局", "responsible")]),
])
def test_more_duty_labels(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("(一)县应急管理局:负责统筹协调全县安全检查。\n(二)县住建局:负责建筑施工领域排查。\n",
     [("县应急管理局", "responsible"), ("县住建局", "responsible")]),
    ("1.县市场监管局。牵头特种设备安全监管。\n2.县财政局:配合做好资金保障。\n",
     [("县市场监管局", "lead"), ("县财政局", "member")]),
    ("(一)工作目标:负责的态度是关键。\n", []),  # a heading, not a unit
])
def test_division_of_duties_item_by_item(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("领导小组成员单位包括:县委宣传部、县教育局、县公安局。\n",
     [("县委宣传部", "member"), ("县教育局", "member"), ("县公安局", "member")]),
    ("成员单位:县委办、县卫健局\n", [("县委办", "member"), ("县卫健局", "member")]),
])
def test_member_units_label(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("治安警察局与海关昨日联合展开打击非法劳工行动。", [("治安警察局", "responsible"), ("海关", "responsible")]),
    ("县纪委给予王某某党内警告处分。", [("县纪委", "responsible")]),
    ("院纪委定期开展监督检查。", [("院纪委", "responsible")]),
    ("人力资源与社会保障局召开会议。", [("人力资源与社会保障局", "responsible")]),  # 与 inside one name
])
def test_more_report_actors(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("主旨:请加强工地安全巡查。\n正本:本校各单位\n副本:秘书室\n", [("本校各单位", "recipient")]),
    ("受文者:台中市政府消防局\n", [("台中市政府消防局", "recipient")]),
    ("公告单位\n营缮组\n2024/11/15\n", [("营缮组", "issuer")]),
    ("发文单位:青山县教育局\n", [("青山县教育局", "issuer")]),
    ("发文单位:请见附件\n", []),
])
def test_labelled_addressees_and_issuers(text, expected):
    assert pairs(text) == expected


def test_a_group_ending_in_zu():
    assert ("医疗保健组", "responsible") in pairs("(3)医疗保健组要备好应急药品。")


@pytest.mark.parametrize("text", [
    "配备一名专职安全员负责巡查。",
    "安排专人负责值班。",
    "各乡镇要明确一名分管领导具体负责。",
])
def test_verb_fragments_with_a_count_are_no_parties(text):
    assert not any(("一名" in n or n.startswith(("配备", "安排", "明确"))) for n, _ in pairs(text))


def test_addressee_opening_with_youguan():
    from nlp.extract.parties_structure import recipients

    title = "关于开展安全检查的通知"
    text = title + "\n各区县人民政府,市有关部门,有关企业:\n现将有关事项通知如下。\n"
    assert [f.name for f in recipients(text, len(title))] == ["各区县人民政府", "市有关部门", "有关企业"]
    text = title + "\n根据有关规定,现通知如下:\n"
    assert recipients(text, len(title)) == []


@pytest.mark.parametrize("text, expected", [
    ("成立工作领导小组,成员如下:\n组长 张建国 县长\n副组长 李明 副县长\n成员 王强 县卫健局局长\n",
     [("工作领导小组", "lead"), ("张建国", "lead"), ("李明", "lead"), ("王强", "member")]),
    ("组长:张建国同志(院长)\n副组长:李明同志、王芳同志\n", [("张建国", "lead"), ("李明", "lead"), ("王芳", "lead")]),
    ("组长由党委书记张建国担任。", [("张建国", "lead")]),
    ("成立工作专班。由院长张建国任组长,副院长李明任副组长。",
     [("工作专班", "responsible"), ("张建国", "lead"), ("李明", "lead")]),
    ("成员 名单见附件\n", []),  # no person after the bare label
    ("组长 单位 职务\n", []),  # a table header
])
def test_group_members_in_more_layouts(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("衞生防护中心正调查一宗食物中毒个案。", [("衞生防护中心", "responsible")]),  # 衞 as Hong Kong writes it
    ("就此,教育局已联络学校了解情况。", [("教育局", "responsible")]),
    ("消防局于昨日在氹仔进行防火巡查。", [("消防局", "responsible")]),
    ("就此事而言,市民应多加留意。", []),
])
def test_press_release_actors(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("劳动部职安署表示,将持续督促事业单位落实安全措施。", [("劳动部职安署", "responsible")]),
    ("本府环保局已派员前往稽查。", [("本府环保局", "responsible")]),
    ("渔护署已派员到场调查。", [("渔护署", "responsible")]),
    ("决定环保局长期规划。", []),  # no organ under a parent here
])
def test_organ_lexicon_reads_names_the_tokenizer_cuts_badly(text, expected):
    assert pairs(text) == expected


def test_person_heading_a_part_with_the_post_in_brackets():
    text = "述职报告\n1.孙某某(党委副书记、纪委书记)\n一年来我认真履职。\n2.蒋 明(党委委员、副校长)\n"
    assert pairs(text) == [("孙某某", "responsible"), ("蒋明", "responsible")]
    assert pairs("1.王某(附件)\n") == []  # no post in the brackets


def test_person_introduced_with_a_post_then_acting():
    text = ("12月3日,青山县召开安全生产会议,县委常委、常务副县长李宏东,各成员单位负责同志参加会议。\n"
            "李宏东强调,各级各部门要切实履职。")
    assert ("李宏东", "responsible") in pairs(text)
    assert pairs("原局长王某某,因违纪被查处。王某某收受礼金。") == []  # a former holder, a case
    assert pairs("会议由局长主持。副局长赵某某,市卫健委派员参加。") == []  # named, but never acts


@pytest.mark.parametrize("text, expected", [
    ("12月3日,青山县召开危险化学品安全生产专业委员会联席会议。",
     [("青山县", "responsible"), ("危险化学品安全生产专业委员会", "responsible")]),
    ("县卫健局召开领导小组第二次全体会议。", [("县卫健局", "responsible"), ("领导小组", "lead")]),
    ("召开全县安全生产工作会议。", []),  # a meeting of everyone, no body
])
def test_body_that_meets(text, expected):
    assert pairs(text) == expected


def test_addressee_line_far_from_a_lost_title_keeps_most_names():
    from nlp.extract.parties_structure import recipients

    text = ("某某网站 首页 新闻中心 通知公告 当前位置 " * 8 + "\n关于做好防汛工作的通知\n"
            "各市、县(区)人民政府,各新闻媒体,省政府各部门、各直属机构:\n现将有关事项通知如下。\n")
    # (省政府各部门、各直属机构: the superior's own bodies, one addressee as dev's gold keeps them, pl_01/pl_02)
    assert [f.name for f in recipients(text)] == ["各市、县(区)人民政府", "各新闻媒体", "省政府各部门、各直属机构"]
    assert recipients("前言。" * 60 + "\n具体要求如下:\n") == []
    assert recipients("前言。" * 60 + "\n经研究,现将计划,要求与安排通知如下:\n") == []


@pytest.mark.parametrize("text", [
    "特此通知。\n\n青山县卫生健康局\n(盖章)\n2024年1月1日\n",
    "特此通知。\n\n青山县卫生健康局(盖章)\n2024年1月1日\n",
])
def test_signature_with_the_place_of_the_seal(text):
    assert pairs(text) == [("青山县卫生健康局", "issuer")]


@pytest.mark.parametrize("title, expected", [
    ("中共青山县委办公室 青山县人民政府办公室关于加强安全生产工作的通知", ["中共青山县委办公室", "青山县人民政府办公室"]),
    ("青山县卫生健康局 青山县医疗保障局关于开展专项检查的通知", ["青山县卫生健康局", "青山县医疗保障局"]),
    ("国家税务总局青山市税务局关于开展检查的通知", ["国家税务总局青山市税务局"]),  # a body under another
])
def test_joint_issuers_parted_by_spaces_in_the_title(title, expected):
    text = title + "\n各乡镇:\n现通知如下。\n"
    found = [m.value["name"] for m in find_parties(text, ner="rules", title=title) if m.value["role"] == "issuer"]
    assert found == expected


@pytest.mark.parametrize("text, expected", [
    ("各乡镇(街道)持续开展隐患排查。", [("各乡镇(街道)", "responsible")]),
    ("全县各乡镇对照清单开展自查。", [("全县各乡镇", "responsible")]),
    ("县卫健局(县爱卫办)负责组织实施。", [("县卫健局(县爱卫办)", "responsible")]),
    ("成立青山县安全生产领导小组(以下简称领导小组),负责统筹。", [("青山县安全生产领导小组", "lead")]),
    ("各地都有类似情况。", []),
])
def test_subjects_with_a_bracketed_note_and_every_place(text, expected):
    assert pairs(text) == expected
