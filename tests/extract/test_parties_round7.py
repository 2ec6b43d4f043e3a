"""Round 7 party rules: units reporting at a meeting, units a meeting heard, 和 inside a body's name."""

from nlp.extract.parties import find_parties


def names(text: str) -> set[str]:
    return {m.value["name"] for m in find_parties(text, ner="rules")}


NEWS = "3月8日,青禾市汛前准备调度会在市政中心举行。副市长张三主持。\n"


def test_a_unit_that_reports_at_the_meeting_acts():
    got = names(NEWS + "会上,青禾市水务局汇报了堤防巡查进度。市气象台就近期降雨趋势进行了分析。\n")
    assert {"青禾市水务局", "市气象台"} <= got


def test_the_units_a_meeting_heard_report():
    got = names(NEWS + "督导组听取了青禾市住房和城乡建设局、青禾市工业和信息化局对老旧小区改造进度的汇报。\n"
                "会议听取了市交通运输局关于桥梁检测工作的汇报。\n")
    assert {"青禾市住房和城乡建设局", "青禾市工业和信息化局", "市交通运输局"} <= got


def test_heard_needs_a_report_after_the_names():
    # 听取意见 / 听取群众呼声: nothing reported, no unit named
    got = names(NEWS + "会议听取了青禾市人大代表的意见建议。\n")
    assert "青禾市人大代表" not in got


def test_a_verb_after_a_unit_still_ends_no_name_inside_it():
    from nlp.extract.parties_subjects import _noun_phrase

    assert _noun_phrase("青禾市文化和旅游局")
    assert not _noun_phrase("青禾市决定和部署局")


def test_the_issuer_of_a_title_broken_over_lines():
    from nlp.extract.parties_structure import title_issuers

    text = ("青府办函〔2022〕19号\n青禾市人民政府办公室关于建立青禾市\n古树名木保护工作协调\n小组的通知\n"
            "各镇人民政府,市直有关单位:\n为做好古树名木保护,经市政府同意,建立协调小组。\n")
    got = title_issuers(text, "青禾市人民政府办公室关于建立青禾市古树名木保护工作协调小组的通知")
    assert [(f.name, f.role, text[f.start:f.end]) for f in got] == [("青禾市人民政府办公室", "issuer", "青禾市人民政府办公室")]


def test_a_rosters_names_typed_with_no_separator():
    got = names("青禾小学食堂管理方案\n为管好食堂,成立工作小组。\n组长:金德海\n成员:李长青刘向晨陈军李红梅\n"
                "副组长:张保国 汪志华 任 强 杨建华唐振宇 蒋家明\n一、管理内容\n采购与储存。\n")
    assert {"李长青", "刘向晨", "陈军", "李红梅", "杨建华", "唐振宇", "蒋家明"} <= got


def test_glued_names_are_cut_only_into_names():
    from nlp.extract.parties_people import glued_names

    assert glued_names("刘向林陈军") == [(0, 3), (3, 5)]  # 陈 is a commoner family name than 林
    assert glued_names("高度重视") is None  # words, not names
    assert glued_names("王建国") is None  # one name


def test_teams_sent_out_in_a_count_are_parties():
    got = names("青禾县开展节前作风检查\n节前,青禾县纪委派出5个督察组分赴各乡镇。"
                "县教育局组建3个联合暗访组,到各校随机抽查。\n")
    assert {"督察组", "联合暗访组"} <= got
    # a grade's or a stage's group, a bare 工作组: no team named
    from nlp.extract.parties_subjects import counted_groups

    assert counted_groups("全校分为3个年级组,负责本年级学生安全。县里成立了4个工作组。") == []


def test_people_listed_after_a_post_then_reporting():
    got = names("青禾镇召开安全会议\n会议由镇长主持,副镇长张立新、李国平分别作了发言。副院长赵明远着重强调了消防安全。\n")
    assert {"张立新", "李国平", "赵明远"} <= got


def test_a_title_opening_with_a_clause_or_a_term_names_no_issuer():
    from nlp.extract.parties_structure import title_issuers

    title = "鉴于青禾市立某中学近日发生实验室事故,请各校加强化学品管理"
    assert title_issuers(title + "\n正文。\n", title) == []
    assert title_issuers("学年上学期教研组工作总结\n正文。\n", "学年上学期教研组工作总结") == []
    assert [f.name for f in title_issuers("青禾县教育局2023年工作总结\n", "青禾县教育局2023年工作总结")] == ["青禾县教育局"]


def test_bodies_a_sentence_cites_before_guanyu_are_no_issuers():
    from nlp.extract.parties_structure import header_issuers

    text = ("青禾镇关于开展秋冬防火巡查的通知\n为认真落实省委、市委关于森林防火的部署要求,"
            "全镇各村组织巡查,现将有关事项通知如下。\n")
    assert not {f.name for f in header_issuers(text)} & {"省委", "市委"}


def test_a_name_after_a_post_is_no_word_and_ends_before_de():
    got = names("青禾县召开安全会议\n会上,纪委书记张立新的讲话很有针对性。县领导安全帽检查后强调。科长李国平等部署了工作。\n")
    assert not {"张立新的", "安全帽", "李国平等"} & got
