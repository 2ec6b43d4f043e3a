"""Round 7 party rules: units reporting at a meeting, units a meeting heard, 和 inside a body's name."""

from nlp.extract.parties import find_parties


def names(text: str) -> set[str]:
    return {m.value["name"] for m in find_parties(text, ner="rules")}


NEWS = "9月5日,青禾市安全隐患排查整治推进会召开。副市长张三主持会议。\n"


def test_a_unit_that_reports_at_the_meeting_acts():
    got = names(NEWS + "会上,青禾市卫健委汇报了医疗机构隐患排查情况。市消防救援支队就做好消防安全进行了具体安排。\n")
    assert {"青禾市卫健委", "市消防救援支队"} <= got


def test_the_units_a_meeting_heard_report():
    got = names(NEWS + "检查组听取了青禾市住房和城乡建设局、青禾市工业和信息化局对安装燃气报警装置情况的工作汇报。\n"
                "会议听取了市应急管理局关于上半年安全生产工作情况的汇报。\n")
    assert {"青禾市住房和城乡建设局", "青禾市工业和信息化局", "市应急管理局"} <= got


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

    text = ("青府办函〔2022〕19号\n青禾市人民政府办公室关于建立青禾市\n儿童近视防控工作联席\n会议制度的通知\n"
            "各镇人民政府,市直有关单位:\n为加强儿童近视防控工作,经市政府同意,建立联席会议制度。\n")
    got = title_issuers(text, "青禾市人民政府办公室关于建立青禾市儿童近视防控工作联席会议制度的通知")
    assert [(f.name, f.role, text[f.start:f.end]) for f in got] == [("青禾市人民政府办公室", "issuer", "青禾市人民政府办公室")]


def test_a_rosters_names_typed_with_no_separator():
    got = names("青禾小学安全工作方案\n为做好安全工作,成立领导小组。\n组长:金再军\n成员:李长勇刘象林陈勇李红卫\n"
                "副组长:张邦锁 汪明华 任 铸 杨建平唐泽军 蒋家锁\n一、排查内容\n校园内教室。\n")
    assert {"李长勇", "刘象林", "陈勇", "李红卫", "杨建平", "唐泽军", "蒋家锁"} <= got


def test_glued_names_are_cut_only_into_names():
    from nlp.extract.parties_people import glued_names

    assert glued_names("刘象林陈勇") == [(0, 3), (3, 5)]  # 陈 is a commoner family name than 林
    assert glued_names("高度重视") is None  # words, not names
    assert glued_names("王建国") is None  # one name


def test_teams_sent_out_in_a_count_are_parties():
    got = names("青禾县开展节前作风检查\n近日,青禾县纪委共派出12个督察组采取交叉检查方式,对全县71个单位进行检查。"
                "县教育局成立3个联合暗访组,深入各校开展暗访。\n")
    assert {"督察组", "联合暗访组"} <= got
    # a grade's or a stage's group, a bare 工作组: no team named
    from nlp.extract.parties_subjects import counted_groups

    assert counted_groups("全校分为3个年级组,负责本年级学生安全。县里成立了4个工作组。") == []


def test_people_listed_after_a_post_then_reporting():
    got = names("青禾镇召开安全会议\n会议由镇长主持,副镇长张立新、李国平分别作了发言。副院长赵明远着重强调了消防安全。\n")
    assert {"张立新", "李国平", "赵明远"} <= got


def test_a_title_opening_with_a_clause_or_a_term_names_no_issuer():
    from nlp.extract.parties_structure import title_issuers

    title = "鉴于青禾市立第一中学连续发生火灾事故,请各校落实消防管理之宣导"
    assert title_issuers(title + "\n正文。\n", title) == []
    assert title_issuers("学年下学期学校工作总结\n正文。\n", "学年下学期学校工作总结") == []
    assert [f.name for f in title_issuers("青禾县教育局2023年工作总结\n", "青禾县教育局2023年工作总结")] == ["青禾县教育局"]


def test_bodies_a_sentence_cites_before_guanyu_are_no_issuers():
    from nlp.extract.parties_structure import header_issuers

    text = ("青禾镇关于做好安全生产大检查的通知\n为深入贯彻落实省委、市委关于安全生产工作的重要指示批示精神,"
            "督导全镇各行各业履行安全生产职责,现将有关事项通知如下。\n")
    assert not {f.name for f in header_issuers(text)} & {"省委", "市委"}


def test_a_name_after_a_post_is_no_word_and_ends_before_de():
    got = names("青禾县召开安全会议\n会上,纪委书记张立新的讲话很有针对性。县领导安全帽检查后强调。科长李国平等部署了工作。\n")
    assert not {"张立新的", "安全帽", "李国平等"} & got
