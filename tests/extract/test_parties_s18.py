"""Party shapes met on the collected pages of session 18, in invented wording."""

from __future__ import annotations

from nlp.extract.parties_persons import news_people


def _names(text: str) -> list[str]:
    return [f.name for f in news_people(text)]


def test_a_holder_named_before_a_quote_or_a_basis_is_at_work():
    # a press release's speaker: post, name, colon and the quote
    assert "黎振明" in _names("高级消防区长黎振明:「我们会持续巡查这些商厦。」")
    # 根据/按照 opens the holder's act as 就/对 do
    assert "马金城" in _names("领导小组办公室主任马金城根据上级要求,逐条落实了各科室的任务。")


def test_a_heads_assistant_is_a_post():
    assert "黄立新" in _names("首先,院长助理黄立新传达了市卫健局的工作意见。")


def test_holders_visiting_residents_are_at_work():
    # Hong Kong: a district's 专员 and the bodies' chairs 上楼探访 the residents they serve
    names = _names("民政事务处专员余振强、慈善基金主席陈丽华、社团联会会长杨子明上楼探访三无大厦住户,宣传家居防火资讯。")
    assert {"余振强", "陈丽华", "杨子明"} <= set(names)


def test_a_verb_guiding_or_bringing_in_its_object_opens_no_name():
    from nlp.extract.parties_names import opens_clause

    assert opens_clause("指导中小学校") and opens_clause("引入保险公司")
    assert not opens_clause("指导组") and not opens_clause("指导中心")


def test_a_holder_named_before_the_time_of_the_act_is_at_work():
    # 副市长某某下午带领…: the time of day between the name and the act
    assert "陈子明" in _names("台中市副市长陈子明下午带领观光旅游局、消防局,针对已歇业旅馆进行稽查。")


def test_a_superiors_own_bodies_after_its_departments_are_one_addressee():
    """`省政府各部门、各直属机构:` is one addressee (the 省政府's departments and its own bodies), as dev's gold
    has it; `各单位、各部门` stays two."""
    from nlp.extract.parties_structure import recipients

    text = "关于做好安全生产工作的通知\n各市人民政府,省政府各部门、各直属机构:\n现将有关事项通知如下。"
    assert [f.name for f in recipients(text)] == ["各市人民政府", "省政府各部门、各直属机构"]
    two = "关于做好安全生产工作的通知\n各单位、各部门:\n现将有关事项通知如下。"
    assert [f.name for f in recipients(two)] == ["各单位", "各部门"]


def test_an_act_joining_two_parties_makes_no_name():
    from nlp.extract.parties_names import is_name

    for span in ("张丽明率消防局", "护士长王丽到住院收费处", "区卫生健康局按照市卫健委"):
        assert not is_name(span), span
    for name in ("新生报到处", "率先示范区领导小组", "县卫健局"):
        assert is_name(name), name


def test_a_clauses_verb_or_passive_opens_no_name():
    from nlp.extract.parties_names import is_name

    for span in ("作为安全监管部门", "印发某县", "调整某某区", "实现室内公共场所", "被通报的单位", "案经台北市政府"):
        assert not is_name(span), span
