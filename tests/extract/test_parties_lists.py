"""parties_lists / parties_persons: lists of units and people in news, on sentences written here."""

from nlp.extract.parties import find_parties
from nlp.extract.parties_lists import list_cues, unit_lists


def _pairs(found):
    return [(f.name, f.role) for f in found]


def test_cues_table_reads():
    assert {side for side, _, _ in list_cues()} == {"before", "after"}


def test_member_list_with_count_and_joiner():
    text = "另外市委办公室、市教育局、市侨办、团市委和市外事办8个部门的分管副职任小组成员。"
    assert _pairs(unit_lists(text)) == [("市委办公室", "member"), ("市教育局", "member"), ("市侨办", "member"),
                                        ("团市委", "member"), ("市外事办", "member")]


def test_list_after_you_with_duty_verb():
    text = "10月8日,由区直工委、区文旅局、区总工会、区体育中心联合举办的读书节开幕。"
    assert _pairs(unit_lists(text)) == [("区直工委", "responsible"), ("区文旅局", "responsible"),
                                        ("区总工会", "responsible"), ("区体育中心", "responsible")]


def test_townships_in_a_list_of_units():
    text = "副区长某某带领由区交通局、区应急中心、东山镇、西湖镇工作人员组成的检查组开展检查。"
    assert [n for n, _ in _pairs(unit_lists(text))] == ["区交通局", "区应急中心", "东山镇", "西湖镇"]


def test_shared_post_is_one_party_the_heads_of_all():
    text = "由局长任组长,办公室、财务科、后勤科负责人为成员。"
    assert _pairs(unit_lists(text)) == [("办公室、财务科、后勤科负责人", "member")]
    text = "各乡镇、各部门主要负责人作为本单位工作的第一责任人,要负总责。"
    assert _pairs(unit_lists(text)) == [("各乡镇、各部门主要负责人", "lead")]


def test_ungoverned_list_gives_no_one_a_role():
    assert unit_lists("市教育局、市卫健委、市民政局的网站上有通知。") == []


def test_attendees_heads_are_not_the_list():
    text = "由监察室牵头组织召开院办、财务科、科教部等部门负责人参加的会议。"
    assert unit_lists(text) == []


def test_member_label_before_list():
    text = "成员单位:县发改局、县财政局、县人社局。"
    assert _pairs(unit_lists(text)) == [("县发改局", "member"), ("县财政局", "member"), ("县人社局", "member")]


def test_find_parties_keeps_list_members():
    text = "为加强领导,成立工作领导小组。县委组织部、县委宣传部、县财政局和县审计局的分管负责同志任小组成员。"
    names = {m.value["name"] for m in find_parties(text, ner="rules")}
    assert {"县委组织部", "县委宣传部", "县财政局", "县审计局"} <= names


def _people(text):
    from nlp.extract.parties_persons import news_people

    return [(f.name, f.role) for f in news_people(text)]


def test_post_then_name_before_a_clause_word():
    assert _people("院长王建军就做好整治工作提出要求。") == [("王建军", "lead")]
    assert _people("副县长黄立凯、卫生局副局长李明治,以及驻军等单位出席。") == [
        ("黄立凯", "responsible"), ("李明治", "responsible")]


def test_name_then_post():
    assert _people("全体同仁在陈国田院长领导下,推动健康促进。") == [("陈国田", "lead")]


def test_names_counted_before_a_shared_post():
    assert ("岑立荣", "responsible") in _people("警察局张仲明局长及吴文博、苏志强和岑立荣三位副局长,与队员演练。")


def test_no_person_in_a_case_or_a_word():
    assert _people("原局长王某某收受他人财物。") == []
    assert _people("某局局长王某某公款吃喝问题。经查,王某某违规报销。") == []
    assert _people("各级领导和个人要带头。") == []
    assert _people("常务副市长主持日常工作。") == []


def test_posts_that_approve_or_serve_as_contact():
    from nlp.extract.parties_persons import post_duties

    text = ("请假一天以内由股室负责人批准,三天以上须经局主要领导批准。"
            "各单位要明确分管负责人、具体责任人。联络员由各单位办公室主任担任。经研究同意,向市政府报告。")
    assert [(f.name, f.role) for f in post_duties(text)] == [
        ("股室负责人", "responsible"), ("局主要领导", "lead"), ("分管负责人", "responsible"),
        ("具体责任人", "responsible"), ("联络员", "contact")]


def test_a_list_of_superiors_in_a_verb_phrase_is_no_list_of_units():
    assert unit_lists("深入学习贯彻省纪委和省委、市委关于整治工作的部署要求,坚持不懈。") == []
