"""Round 8 party rules: a roster typed with no space between a name and its post, a 落款 dated
二○○X (a circle for zero), and bodies named inside a cited document's 《》 title."""

from nlp.extract.parties import find_parties


def pairs(text: str, ner: str = "rules") -> set[tuple[str, str]]:
    return {(m.value["name"], m.value["role"]) for m in find_parties(text, ner=ner)}


ROSTER = ("各县(区)人民政府,市直各部门:\n为做好秋季防汛工作,经市政府研究,决定成立青禾市防汛工作领导小组。名单如下:\n"
          "组长:翟明远副市长\n副组长:柯书恒市政府副秘书长\n韦云舟市水务局局长\n"
          "成员:贺一帆市财政局副局长\n祁安澜市应急管理局副局长\n领导小组办公室设在市水务局。\n")


def test_a_roster_names_the_people_before_their_posts():
    got = pairs(ROSTER)
    assert {("翟明远", "lead"), ("柯书恒", "lead"), ("韦云舟", "lead"),
            ("贺一帆", "member"), ("祁安澜", "member")} <= got
    assert not any(name.endswith(("副市长", "局长")) and len(name) > 4 for name, _ in got)


def test_person_then_post_cuts_only_a_name():
    from nlp.extract.parties_names import person_then_post

    assert person_then_post("翟明远副市长") == 3
    assert person_then_post("柯书恒市政府副秘书长") == 3
    assert person_then_post("党委书记") is None  # a word, no name
    assert person_then_post("各科室负责人") is None


def test_a_signature_dated_with_a_circle_for_zero():
    text = ("各乡镇人民政府:\n现将有关事项通知如下。\n一、做好汛期值守。\n"
            "青禾市人民政府办公室\n二○一五年六月三日\n")
    assert ("青禾市人民政府办公室", "issuer") in pairs(text)


def test_a_body_inside_a_cited_title_is_no_party():
    text = ("各县(区)卫生健康局:\n根据《\n某省卫生健康委员会关于开展医疗机构安全检查的通知》精神,"
            "现将有关事项通知如下。\n一、各县(区)卫生健康局要组织辖区医疗机构开展自查。\n"
            "青禾市卫生健康委员会\n2024年5月6日\n")
    for ner in ("rules", "auto"):
        got = pairs(text, ner)
        assert not any(name.startswith("某省卫生健康委员会") for name, _ in got), ner
        assert ("青禾市卫生健康委员会", "issuer") in got


def test_the_issuer_above_a_title_broken_over_lines():
    from nlp.pipeline import process_text

    text = ("青禾县人民政府办公室\n关于印发2024年全县重点工作\n任务分工方案的通知\n各乡镇人民政府,县直各部门:\n"
            "现将《2024年全县重点工作任务分工方案》印发给你们,请认真组织实施。\n一、各乡镇要高度重视。\n二、县政府督查室要加强调度。\n"
            "2024年3月1日\n")
    docs = list(process_text(text))
    got = {(m.value["name"], m.value["role"]) for m in docs[0].mentions if m.type == "party"}
    assert ("青禾县人民政府办公室", "issuer") in got


def test_a_committee_written_x委会_is_not_cut_before_its_会():
    # 会 after 委 closes 常委会/安委会, it is no modal verb (会 = will)
    got = pairs("县人大常委会副主任韦云舟出席开幕式并讲话。市安委会对各地上报的重大隐患进行了审核。", ner="auto")
    names = {n for n, _ in got}
    assert "县人大常委" not in names and "市安委" not in names
    assert "市安委会" in names
    got = pairs("县卫健委会同县应急局开展联合检查。")
    assert {"县卫健委", "县应急局"} <= {n for n, _ in got}


def test_no_learned_name_starts_inside_a_word():
    text = ("按照上级关于安全生产的要求及区委、区政府安全生产工作部署,区应急管理局组织区教育局、区商务局开展联合检查。\n"
            "各村、各单位行政一把手是本单位安全工作的第一责任人。\n")
    names = {n for n, _ in pairs(text, ner="auto")}
    assert not any(n.startswith("全") for n in names)
    assert {"区应急管理局", "区教育局", "区商务局"} <= names


def test_a_unit_led_with_its_staff_and_a_leader_who_leads_the_team():
    got = pairs("3月7日上午,某副校长带领后勤保障处工作人员,深入开展开学前校园安全检查。\n", ner="auto")
    assert "后勤保障处" in {n for n, _ in got}
    got = pairs("5月9日,镇政府主要领导带队联合综合执法办、应急办和各村工作人员开展燃气安全检查。\n", ner="auto")
    names = {n for n, _ in got}
    assert not any(n.endswith("带队") for n in names)
    assert {"综合执法办", "应急办"} <= names


def test_a_unit_opening_a_report_sentence_with_an_adverb_acts():
    got = pairs("为响应世界洗手日,青禾县人民医院特别举办了系列宣传活动。\n"
                "检查组聚焦校园安全关键领域,对消防设施逐一进行检查。\n", ner="rules")
    assert {"青禾县人民医院", "检查组"} <= {n for n, _ in got}


def test_a_contact_unit_and_its_several_people():
    got = pairs("一、请各地认真落实。\n联系人:医政医管局 罗庆文、胡瑞明、王毅成\n")
    assert {("医政医管局", "contact"), ("罗庆文", "contact"), ("胡瑞明", "contact"), ("王毅成", "contact")} <= got


def test_a_news_headlines_actor_is_no_issuer():
    from nlp.extract.parties_structure import title_issuers

    assert title_issuers("青禾县人民医院召开2024年医德医风建设推进会\n会议由院长主持。", "青禾县人民医院召开2024年医德医风建设推进会") == []
    got = title_issuers("青禾县人民医院2024年度医德医风工作总结\n一年来,我院…", "青禾县人民医院2024年度医德医风工作总结")
    assert [(f.name, f.role) for f in got] == [("青禾县人民医院", "issuer")]
    got = title_issuers("青禾县卫生健康局医德医风专项整治实施方案\n为…", "青禾县卫生健康局医德医风专项整治实施方案")
    assert [(f.name, f.role) for f in got] == [("青禾县卫生健康局", "issuer")]


def test_a_unit_named_by_its_duty_keeps_it_beside_a_cooperating_one():
    got = pairs("二、强化协作。主要责任单位要与协同配合单位加强沟通联系。\n")
    assert ("主要责任单位", "responsible") in got


def test_the_unit_a_head_instructs_is_named_alone():
    got = {n for n, _ in pairs("柯院长责成卫福部会同相关部会研议具体措施。\n")}
    assert "卫福部" in got and not any("责成" in n for n in got)


def test_a_person_named_after_their_unit_or_post_takes_the_post():
    got = pairs("1、交通安全督查组,由市交通运输局韦云舟任组长,成员由市交通运输局、市公安局有关人员组成。\n")
    assert ("韦云舟", "lead") in got
    got = pairs("领导小组办公室设在局办公室,局总工程师柯书恒兼办公室主任,具体负责组织协调。\n")
    assert ("柯书恒", "responsible") in got
    assert not any("兼" in n for n, _ in got)


def test_who_leads_a_team_and_the_team_led():
    got = pairs("由公司副总经理带队的园区安全检查小组按照工作计划,于6月14日对园区企业进行了检查。\n")
    assert {("公司副总经理", "lead"), ("园区安全检查小组", "responsible")} <= got


def test_an_emphasis_or_a_counts_measure_word_opens_no_name():
    from nlp.extract.parties import _unfragment
    from nlp.extract.parties_patterns import Found as F

    assert _unfragment(F(10, 17, "特别是牵头单位", "lead")).name == "牵头单位"
    assert _unfragment(F(3, 9, "个监督检查组", "responsible")).name == "监督检查组"
    assert _unfragment(F(0, 4, "个人信息", "responsible")).name == "个人信息"  # (个 only before a group)


def test_the_unit_a_report_quotes_for_its_facts():
    got = pairs("据青禾市住建局介绍,青禾市将今年作为燃气老旧设施改造的攻坚年。\n")
    assert ("青禾市住建局", "responsible") in got


def test_units_in_brackets_that_end_task_lines():
    text = ("一、改善环境卫生\n- 环境卫生黑点于2023年底前消除至少75%。(政务司副司长办公室/相关政策局)\n"
            "- 于2023年为111个道路构筑物进行翻新。(运输及物流局)\n")
    got = pairs(text)
    assert {("政务司副司长办公室", "responsible"), ("相关政策局", "responsible"), ("运输及物流局", "responsible")} <= got
    # one bracketed unit after one line is a source note, not a division of duties
    assert ("运输及物流局", "responsible") not in pairs("于2023年为111个道路构筑物进行翻新。(运输及物流局)\n")


def test_more_ways_a_unit_opens_a_report_sentence():
    got = {n for n, _ in pairs("联合检查组一行先后对辖区工地进行了安全检查。针对暗访中发现的问题,我局当即责令校方整改。\n"
                               "连日来,县卫生健康局、县应急管理局等相继开展了节前安全检查。\n")}
    assert {"联合检查组", "我局", "县卫生健康局", "县应急管理局"} <= got


def test_a_time_phrase_shaped_like_a_name_is_no_person():
    from nlp.extract.parties import _function_word

    assert _function_word("连日来")
    assert not _function_word("王毅成") and not _function_word("高强") and not _function_word("县卫生局")


def test_a_roster_goes_on_past_a_line_it_cannot_cut():
    text = ("现将领导小组成员名单通知如下:\n组长:翟明远副市长\n副组长:柯书恒市政府副秘书长\n"
            "鄢一帆市民政局副局长\n韦云舟市水务局局长\n成员:贺一帆市财政局副局长\n")
    got = pairs(text)
    assert {("翟明远", "lead"), ("柯书恒", "lead"), ("韦云舟", "lead"), ("贺一帆", "member")} <= got
