"""Party shapes met on the collected pages of session 13, in invented wording: a headline's
dashes parting a slogan from the unit, an issuer named in full in the title and short in the 落款."""

from __future__ import annotations

from nlp.extract.parties import find_parties


def _pairs(text, **kw):
    return [(m.text, m.value["name"], m.value["role"]) for m in find_parties(text, **kw)]


def test_no_name_runs_across_a_dash_run():
    text = ("凝心聚力 共筑平安--我院召开安全生产专题会议\n"
            "近日,我院召开安全生产专题会议,部署节前安全检查工作。\n")
    found = _pairs(text, title="凝心聚力 共筑平安--我院召开安全生产专题会议")
    assert not any("-" in t or "-" in n for t, n, _ in found)
    assert [n for _, n, _ in found].count("我院") <= 1


def test_a_short_issuer_folds_into_its_full_name():
    text = ("各乡镇人民政府,县政府各部门:\n"
            "现将《某某县防汛工作方案》印发给你们,请认真组织实施。\n"
            "某某县人民政府\n2024年5月6日\n")
    title = "某某县人民政府关于印发某某县防汛工作方案的通知"
    text = title + "\n" + text.replace("某某县人民政府\n", "县人民政府\n")
    issuers = [n for _, n, r in _pairs(text, title=title) if r == "issuer"]
    assert issuers == ["某某县人民政府"]


def test_units_set_side_by_side_with_spaces_are_one_party_each():
    # a table cell `城建办 应急站`, however a finder read it: one party a unit
    from nlp.extract.parties import _spaced_units
    from nlp.extract.parties_patterns import Found

    text = "燃气安全 | 3月份 | 城建办 应急站 |\n道路交通 | 4月份 | 交警中队 公路站 卫生院 |\n"
    for cell, units in (("城建办 应急站", ["城建办", "应急站"]), ("交警中队 公路站 卫生院", ["交警中队", "公路站", "卫生院"])):
        a = text.index(cell)
        got = _spaced_units(text, Found(a, a + len(cell), cell.replace(" ", ""), "responsible"))
        assert [(f.name, text[f.start:f.end]) for f in got] == [(u, u) for u in units]
    # a slogan and a unit are not two units: the span stays as it is
    a = text.index("3月份")
    one = Found(a, a + 3, "3月份", "responsible")
    assert _spaced_units(text, one) == [one]


def test_a_name_with_a_space_inside_is_not_cut():
    # 县 卫生健康局: the space is inside one name (a page's spacing), not between two units
    names = [n for _, n, _ in _pairs("由县 卫生健康局负责组织实施,各乡镇卫生院配合。\n")]
    assert "县卫生健康局" in names or "县 卫生健康局" in names


def test_a_count_of_people_is_no_party():
    # 由市应急管理局1名县级领导带队: the bureau leads; `名县级领导` is the count's noun, whichever
    # finder read it (a counted group, 9个县市区纪委, stays a party)
    from nlp.extract.parties import _counted
    from nlp.extract.parties_patterns import Found

    text = "由市应急管理局1名县级领导带队,9个县市区纪委参加。"
    a = text.index("名县级领导")
    assert _counted(text, Found(a, a + 5, "名县级领导", "responsible"))
    b = text.index("个县市区纪委")
    assert not _counted(text, Found(b - 1, b + 6, "9个县市区纪委", "responsible"))
    assert not _counted(text, Found(b, b + 6, "个县市区纪委", "responsible"))


def test_a_span_run_on_into_a_reporting_verb_keeps_its_unit():
    from nlp.extract.parties import _before_speech
    from nlp.extract.parties_patterns import Found

    text = "环保局呼吁企业落实减排责任。"
    got = _before_speech(Found(0, 7, "环保局呼吁企业", "responsible"))
    assert (got.name, text[got.start:got.end]) == ("环保局", "环保局")
    keep = Found(0, 6, "单位名称填写", "responsible")  # (称 inside a word after no unit: left alone)
    assert _before_speech(keep) == keep


def test_a_span_after_a_pages_dot_for_a_full_stop_starts_after_it():
    found = _pairs("一、明确职责,精心组织.各地、各相关部门和单位要高度重视,认真组织开展大检查。\n")
    assert all(not t.startswith(".") and not n.startswith(".") for t, n, _ in found)
    assert "各地" in [n for _, n, _ in found]


def test_named_holders_before_their_post_in_a_meeting_report():
    text = ("会上,赵明武装部长通报了近期事故情况,钱立新乡长就下一步安全生产工作作了详细安排,巨文华书记作了重要讲话。\n"
            "孙国强院长最后进一步强调指出,全院职工都要加强学习。\n")
    found = {n: r for _, n, r in _pairs(text)}
    assert found.get("钱立新") == "lead" and found.get("巨文华") == "lead" and found.get("孙国强") == "lead"
    assert found.get("赵明") == "responsible"


def test_a_labels_people_typed_with_no_separator_are_each_a_member():
    from nlp.extract.parties_labels import glued_names

    text = "组长:何立新\n副组长:罗志强\n成员:王平李建华赵刚孙晓东周明及各班主任。\n"
    found = {n: r for _, n, r in _pairs(text)}
    assert all(found.get(n) == "member" for n in ("王平", "李建华", "赵刚", "孙晓东", "周明"))
    run = "王平李建华赵刚"
    assert [run[a:b] for a, b in glued_names(run)] == ["王平", "李建华", "赵刚"]
    assert glued_names("某某县卫生健康局") == []  # a unit's name is no run of names


def test_a_pages_credits_name_no_party():
    text = ("会上,各医院负责人作了表态发言。\n\n全媒体记者:何某某\n\n监制:钱立新 总编:罗志强\n\n统筹:孙晓东 主编:周明\n")
    names = [n for _, n, _ in _pairs(text)]
    assert not set(names) & {"何某某", "钱立新", "罗志强", "孙晓东", "周明"}
