"""Party shapes met on the collected pages of session 15, in invented wording."""

from __future__ import annotations

from nlp.extract.parties_names import opens_clause


def test_a_proposal_a_copy_or_a_past_post_opens_no_name():
    assert opens_clause("建议强化社区卫生机构")  # 委员建议强化…: the proposal, not a unit
    assert opens_clause("知会督察处")  # 签报长官并知会督察处: the copy sent, the unit is 督察处
    assert opens_clause("时任镇党委副书记")
    assert not opens_clause("督察处")


def test_an_adverb_before_the_verb_opens_no_name():
    assert opens_clause("实地组织社区微型消防站")
    assert opens_clause("重点督导各有关单位")
    assert opens_clause("只是未触动到当局")
    assert not opens_clause("重点企业")
    assert opens_clause("突击巡查各区销售处所") and opens_clause("负责组织接待的人员")
    assert not opens_clause("突击队")


def test_a_page_label_and_a_post_cut_short_are_no_names():
    from nlp.extract.parties import _CLAUSE_INSIDE
    from nlp.extract.parties_lexicon import non_parties

    assert "关键词" in non_parties()
    assert _CLAUSE_INSIDE.search("常务副") and not _CLAUSE_INSIDE.search("副组长")


def _names(text):
    from nlp.extract.parties import find_parties

    return [m.value["name"] for m in find_parties(text)]


def test_an_organ_acting_in_a_later_clause_is_a_party():
    # whatever the clause before says (no time, purpose or basis word opens the sentence)
    assert _names("暑期将至,渔护署昨日起在各泳滩展开巡查。") == ["渔护署"]
    assert _names("暑期将至,某某协会昨日起在各泳滩展开巡查。") == []  # no organ of government
    assert _names("而基于法例限制,海关与警方联合行动逾百次。") == ["海关", "警方"]  # organs acting jointly


def test_a_press_release_s_actions_and_times_after_its_organ():
    assert _names("运输署过去3个月巡查约300个巴士站。") == ["运输署"]
    assert _names("运输署一连两日展开巡查。") == ["运输署"]


def test_a_holder_who_attends_and_speaks_is_a_party():
    text = "9月2日,县应急局召开防汛推进会。县委常委、副县长周某某参加会议并讲话,县应急局局长吴某某主持会议。"
    assert "周某某" in _names(text)
    assert "周某某" not in _names("9月2日,县应急局召开防汛推进会。县委常委、副县长周某某参加会议。")


def test_a_bare_post_whose_holder_is_named_is_no_second_party():
    from nlp.extract.parties import _drop_bare_posts
    from nlp.extract.parties_patterns import Found

    text = "部长洪某某会同某局检查。部长表示将持续督导。"
    named = Found(0, 5, "洪某某", "lead")
    bare = Found(12, 14, "部长", "lead")
    assert _drop_bare_posts(text, [named, bare]) == [named]
    assert _drop_bare_posts("校长表示将持续督导。", [Found(0, 2, "校长", "lead")]) == [Found(0, 2, "校长", "lead")]


def test_dang_zheng_alone_names_no_one():
    from nlp.extract.parties_lexicon import non_parties

    assert "党政" in non_parties()  # 党政领导 -> 党政: the Party and government, no body


def test_a_press_releases_author_line_above_its_timestamp_issues_it():
    from nlp.extract.parties import find_parties

    text = ("渔护署提醒市民注意泳滩安全\n渔农自然护理署\n2024-07-02 16:30\n"
            "渔农自然护理署今日提醒市民,暑期前往泳滩须注意安全。渔农自然护理署会加强巡查。\n")
    pairs = [(m.value["name"], m.value["role"]) for m in find_parties(text)]
    assert ("渔农自然护理署", "issuer") in pairs and ("渔农自然护理署", "responsible") in pairs
    # a reporter's byline over the timestamp is no author
    assert all(r != "issuer" for _, r in
               [(m.value["name"], m.value["role"]) for m in find_parties("某区消防巡查\n记者 张某某\n2024-07-02 16:30\n消防处今日巡查。\n")])


def test_a_span_holding_a_copula_or_a_verb_is_no_name():
    from nlp.extract.parties import _CLAUSE_INSIDE

    for span in ("安全生产是医院", "是指卫生局", "二是做好卫生局", "清醒认识作风建设是医院", "医院职工操办"):
        assert _CLAUSE_INSIDE.search(span)
    for name in ("县森林防火指挥部", "市卫生健康委党组", "国家卫生和计划生育委员会精神文明建设指导委员会"):
        assert not _CLAUSE_INSIDE.search(name)


def test_a_lone_surrogate_in_the_text_does_not_raise():
    # (hypothesis found it: the learned recogniser hashed its features as strict UTF-8)
    from nlp.extract.parties import find_parties

    assert list(find_parties("县县\ud800")) == []


def test_groups_named_one_by_one_after_the_verb_that_sets_them_up():
    found = _names("应急指挥部分为警戒疏散组、医疗救护组和后勤保障组。")
    assert {"警戒疏散组", "医疗救护组", "后勤保障组"} <= set(found) and "和后勤保障组" not in found
    assert _names("值班人员划分为“火情确认组、患者转移组”,明确各岗位职责。") == ["火情确认组", "患者转移组"]


def test_a_span_running_into_the_count_or_over_下设_is_cut():
    for text in ("领导小组下设综合协调组、宣传报道组、督查指导组。", "成立综合协调组、宣传报道组两个工作组。"):
        found = _names(text)
        assert "综合协调组" in found and "宣传报道组" in found
        assert not any("下设" in n or "两个" in n for n in found)


def test_a_two_character_name_before_the_作_of_a_speech():
    assert "孙立" in _names("会上,副部长孙立作动员讲话,要求各部门抓好落实。")
    assert _names("会上,副部长孙立") == []  # (two characters at the text's end: no IndexError)
    assert "王作军" in _names("会上,局长王作军主持会议。")
