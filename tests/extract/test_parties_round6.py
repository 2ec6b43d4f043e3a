"""Round 6 party rules: cue words are words, a subject timed by 于… before its verb."""

from nlp.extract.parties import find_parties


def names(text: str) -> set[str]:
    return {m.value["name"] for m in find_parties(text, ner="rules")}


def test_cue_inside_a_word_does_not_cut_the_name():
    got = names("二、工作安排\n青禾县应急管理局将牵头组织全县防汛检查。\n")
    assert "青禾县应急管理局" in got
    assert "青禾县" not in got


def test_unit_timed_by_yu_before_its_verb_is_charged():
    got = names("三、工作要求\n各乡镇卫生院于每月5日前报送排查进展。\n")
    assert "各乡镇卫生院" in got


def test_fragment_cut_where_a_clause_word_enters_the_name():
    from nlp.extract.parties import _unfragment
    from nlp.extract.parties_patterns import Found

    assert _unfragment(Found(0, 9, "青禾县卫生健康局于本月", "responsible")).name == "青禾县卫生健康局"
    assert _unfragment(Found(0, 5, "给教务处", "contact")).name == "教务处"
    assert _unfragment(Found(0, 6, "人手到各乡镇", "responsible")) is None
    assert _unfragment(Found(0, 12, "某报9月2日讯青禾县卫生局", "responsible")) is None
    assert _unfragment(Found(0, 4, "县卫生局", "responsible")).name == "县卫生局"


def test_directed_collective_places():
    from nlp.extract.parties_clauses import directed_units

    assert [f.name for f in directed_units("省卫生健康委要求各地,在汛期加强医疗救治准备。")] == ["各地"]
    assert [f.name for f in directed_units("通知要求各地、各部门立即开展排查。")] == ["各地", "各部门"]


def test_a_later_clause_opening_with_another_unit():
    from nlp.extract.parties_subjects import acting_units

    text = "青禾县卫生健康局开展检查,县疾控中心随即派出专家组。"
    at = text.index("县疾控")
    assert [f.name for f in acting_units(text, at, len(text) - 1, later=True)] == ["县疾控中心"]
    text = "成员:安监办、城管中队为成员单位。"
    assert acting_units(text, 3, len(text) - 1, later=True) == []


def test_word_ending_like_a_unit_and_tail_of_tongzhi_are_no_names():
    from nlp.extract.parties import _unfragment
    from nlp.extract.parties_lexicon import non_parties
    from nlp.extract.parties_patterns import Found

    assert _unfragment(Found(0, 4, "志任组长", "lead")) is None
    assert {"布局", "大局", "文号"} <= set(non_parties())
