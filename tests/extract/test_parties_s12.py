"""Party shapes met on the collected pages of session 12, in invented wording: a roster whose
lines were run together (name, unit and post, then the next name)."""

from __future__ import annotations

from nlp.extract.parties import find_parties
from nlp.extract.parties_names import glued_roster


def _names(text):
    return [m.value["name"] for m in find_parties(text)]


def test_a_roster_run_together_gives_each_person():
    text = ("二、组成人员组长:王立新省人民政府副省长副组长:李文华省应急管理厅厅长赵国强省公安厅副厅长"
            "成员:孙丽娟省财政厅副厅长周建明省交通运输厅副厅长吴志刚省卫生健康委副主任三、工作机构\n")
    names = _names(text)
    for who in ("王立新", "李文华", "赵国强", "孙丽娟", "周建明", "吴志刚"):
        assert who in names
    assert not any("厅长" in n and len(n) > 6 for n in names)


def test_an_unknown_post_does_not_swallow_the_next_person():
    run = "钱小东省审计厅副审计长刘海峰省统计局副局长陈立平省林业局副局长"
    assert [run[a:b] for a, b in glued_roster(run)][-2:] == ["刘海峰", "陈立平"]


def test_one_person_with_a_post_is_no_glued_roster():
    assert glued_roster("王立新省人民政府副省长") == []


def test_a_rosters_label_run_into_the_heading_before_it_is_no_party():
    text = "二、组成人员组长:王立新省人民政府副省长\n副组长:李文华省应急管理厅厅长\n"
    assert "人员组长" not in _names(text)


def test_a_heading_run_into_a_unit_on_a_flattened_line_is_cut_off():
    from nlp.extract.parties import _unheaded
    from nlp.extract.parties_patterns import Found

    found = [Found(10, 25, "工作机构及其职责领导小组", "lead"), Found(30, 33, "王立新", "lead")]
    out = _unheaded(found, frozenset({"工作机构及其职责"}))
    assert [f.name for f in out] == ["领导小组", "王立新"]


def test_numbered_groups_closed_by_a_semicolon_over_their_leaders_and_units():
    text = ("四、工作分组\n? ? (一)第一巡查组;\n责任领导:罗建华\n责任单位:安监站、司法所\n巡查范围:加油站、液化气站。\n"
            "(二)第二巡查组;\n责任领导:韦明\n责任单位:农业办、水利站\n")
    names = _names(text)
    assert "第一巡查组" in names and "第二巡查组" in names

def test_a_named_holder_addressing_others_with_xiang():
    text = "中秋将至,某市市长王立新向全体市民及工商团体贺节,并吁请市民勿向公务员送礼。"
    assert "王立新" in _names(text)


def test_spans_opening_with_an_adverb_or_a_verb_before_a_unit():
    from nlp.extract.parties import _verb_trimmed
    from nlp.extract.parties_patterns import Found

    def trim(name):
        f = _verb_trimmed(Found(0, len(name), name, "responsible"))
        return None if f is None else f.name

    assert trim("也没有认真督促相关部门") is None
    assert trim("每个季度组织") is None
    assert trim("导致各基层医疗机构") == "各基层医疗机构"
    assert trim("县卫生健康局") == "县卫生健康局"


def test_short_names_of_mass_bodies_and_cultural_units_in_a_task_line():
    names = _names("开展健康科普工作。(责任单位:区委宣传部、区委网信办、区科协、区卫生健康局)\n")
    assert names == ["区委宣传部", "区委网信办", "区科协", "区卫生健康局"]
    assert "县档案馆" in _names("县档案馆负责做好档案整理工作。")


def test_a_unit_opening_a_sentence_before_its_purpose():
    assert "某县政府" in _names("某县政府为持续掌握各项重大施政计划执行情形,日前召开施政计划管考会议。")
    assert _names("为进一步加强管理,现制定本方案。") == []
