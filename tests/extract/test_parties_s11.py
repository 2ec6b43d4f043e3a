"""Parties on real pages (session 11): kinds of failure that recur across sites."""

from __future__ import annotations

import pytest

from nlp.extract.parties import find_parties


def roles(text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for m in find_parties(text):
        out.setdefault(m.value["name"], set()).add(m.value["role"])
    return out


def test_people_listed_before_an_appointee_share_the_post():
    text = ("为加强统筹,市政府决定成立某某工作领导小组,市长周立新任组长,市政协副主席顾海燕,副市长郑凯,"
            "市政府秘书长冯振华、副秘书长孔德明,市卫健委主任许文涛任副组长,各有关部门为成员单位。")
    got = roles(text)
    for who in ("顾海燕", "郑凯", "冯振华", "孔德明", "许文涛"):
        assert got.get(who) == {"lead"}, who


@pytest.mark.parametrize("text, absent", [
    # an item with a verb of its own ends the run: the appointee alone takes the post
    ("市财政局局长钱立平出席会议并讲话,市卫健委主任许文涛任副组长。", "钱立平"),
    # a new sentence is never read back into
    ("副市长郑凯到会指导。市卫健委主任许文涛任副组长。", "郑凯"),
], ids=["verb-item", "sentence"])
def test_the_run_stops_at_a_verb_or_a_sentence(text, absent):
    from nlp.extract.parties_clauses import _appointed_run

    assert _appointed_run(text, text.index("许文涛")) == []
    assert absent in text


def test_a_members_unit_in_spaced_brackets_is_where_they_work():
    text = "二、综合组\n组 长:蒋文华 (市卫健委副主任)\n副组长:邵明 (市教育局副局长)\n负责协调各组工作。"
    got = roles(text)
    assert "市教育局" not in got and "市卫健委" not in got
    assert got.get("邵明") == {"lead"}


def test_groups_named_then_counted():
    text = ("为推进创建工作,指挥部下设办公室,办公室下设综合组、“五小”门店整治组、背街小巷提升组和资料归档组"
            "等4个专项小组,每组由一名副市长任组长。")
    got = roles(text)
    for group in ("综合组", "“五小”门店整治组", "背街小巷提升组", "资料归档组"):
        assert got.get(group) == {"responsible"}, group
    assert "资料归档组等" not in got
    from nlp.extract.parties_subjects import counted_groups

    assert counted_groups(text) == []  # the count sums up the groups named before it: no group of its own


@pytest.mark.parametrize("below, role", [
    ("组  长:韩立群 (市应急局副局长)\n负责统筹协调。", "responsible"),
    ("负责督查各单位整改落实情况。", "responsible"),
], ids=["roster", "duties"])
def test_a_group_heading_its_own_item_is_charged(below, role):
    text = f"领导组下设办公室和两个工作组。\n(一)办公室\n设在市应急局。\n(二)督查指导组\n{below}"
    assert role in roles(text).get("督查指导组", set())


def test_a_heading_without_a_roster_or_duties_names_no_group():
    text = "三、工作措施\n(一)宣传发动组\n各地要广泛宣传,营造氛围。"
    assert "宣传发动组" not in roles(text)


def test_a_list_closed_as_places_names_no_party():
    text = "近期,县消防大队派出宣讲人员走进辖区机关、企事业单位、住宅小区、社区等场所发放宣传单五百份。"
    got = roles(text)
    for place in ("企事业单位", "住宅小区", "社区"):
        assert place not in got, place
    assert "县消防大队" in got


def test_units_before_a_places_list_stay():
    text = "县应急局、县市场监管局等部门联合深入商场、医院、学校等人员密集场所开展检查。"
    got = roles(text)
    assert "县应急局" in got and "县市场监管局" in got
    assert "商场" not in got and "医院" not in got


@pytest.mark.parametrize("text, units", [
    ("为做好监管工作,保障我县群众的身体健康,6月3日上午县卫生健康局、县市场监督管理局联合启动重点场所的从业人员、重点食品应急监测工作。",
     ["县卫生健康局", "县市场监督管理局"]),
    ("近日,区应急局、区消防救援大队联合开展高层建筑消防检查。", ["区应急局", "区消防救援大队"]),
], ids=["launch", "carry-out"])
def test_units_acting_jointly_are_the_subject(text, units):
    got = roles(text)
    for unit in units:
        assert got.get(unit) == {"responsible"}, unit
    assert not any(name.startswith(("启动", "开展")) for name in got)


@pytest.mark.parametrize("span", ["集中对辖区", "被请托者于三日内向所", "各成员单位意见并全部"])
def test_a_span_across_its_clauses_grammar_is_no_name(span):
    from nlp.extract.parties import _function_word

    assert _function_word(span)


@pytest.mark.parametrize("name", ["对台办", "县卫生健康局", "减轻基层负担专项工作机制办公室", "宣城经开区"])
def test_names_with_such_characters_stay(name):
    from nlp.extract.parties import _function_word

    assert not _function_word(name)


NOTICE = ("中共某江市委办公室某江市人民政府办公室印发《关于推进政务公开的实施意见》的通知\n\n"
          "各县市区委、人民政府,某江经济技术开发区、某港新港区、某湖新区、某原管理区,市直各单位:\n\n"
          "现将《关于推进政务公开的实施意见》印发你们,望结合各自实际抓好落实。\n\n"
          "中共某江市委办公室\n\n某江市人民政府办公室\n\n2017年1月10日\n")


def test_full_place_names_in_an_addressee_line_stand_apart():
    got = roles(NOTICE)
    for place in ("某江经济技术开发区", "某港新港区", "某湖新区", "某原管理区"):
        assert "recipient" in got.get(place, set()), place


def test_places_sharing_the_last_parts_organ_stay_one():
    text = "某市高新开发区、某市经济技术开发区管委会,市直各单位:\n现将有关事项通知如下。"
    got = roles(text)
    assert "某市高新开发区" not in got


def test_a_title_issuer_written_as_two_signers_is_those_two():
    title = NOTICE.split("\n", 1)[0]
    got: dict[str, set[str]] = {}
    for m in find_parties(NOTICE, title=title):
        got.setdefault(m.value["name"], set()).add(m.value["role"])
    assert "中共某江市委办公室某江市人民政府办公室" not in got
    assert got.get("中共某江市委办公室") == {"issuer"} and got.get("某江市人民政府办公室") == {"issuer"}


def test_a_unit_in_brackets_after_any_listed_person_is_theirs():
    got = roles("联系人:王立新 (市卫健委办公室)\n电话:12345678")
    assert got == {"王立新": {"contact"}}


def test_holders_listed_before_the_one_a_reporting_verb_follows():
    text = "3月9日,某区卫生工作会议召开。区人大常委会副主任史立臣,区政协副主席梁新环出席会议。"
    got = roles(text)
    assert got.get("史立臣") == {"responsible"} and got.get("梁新环") == {"responsible"}


def test_a_holder_giving_a_speech_is_no_relayed_speech():
    text = "某区卫生工作会议召开,区政府副区长赵文锁出席会议并作了重要讲话。"
    assert roles(text).get("赵文锁") == {"responsible"}


def test_a_superiors_relayed_speech_still_names_no_party():
    text = "会议传达学习了市委书记王志强在全市卫生工作会议上的重要讲话精神。"
    assert "王志强" not in roles(text)


def test_a_joint_meetings_convenors_lead():
    text = ("三、人员组成\n总召集人:黎 明 副市长\n召集人: 马 力 市府副秘书长\n郭志远 市人社局局长\n"
            "成 员: 朱小海 市委宣传部副部长\n三、工作机制\n联席会议原则上每年召开一次。")
    got = roles(text)
    for who in ("黎明", "马力", "郭志远"):
        assert got.get(who) == {"lead"}, who
    assert got.get("朱小海") == {"member"}


@pytest.mark.parametrize("text, unit", [
    ("某县开展燃气安全培训\n最近,某县住房和城乡建设局举办燃气行业安全生产培训会议,各相关企业参加。", "某县住房和城乡建设局"),
    ("某省通报八起典型问题\n北京9月14日电(记者 某某)日前,某省纪委监委公开通报八起违反八项规定精神问题。", "某省纪委监委"),
    ("某省整治收受红包\n\n本报讯(记者某某)某省卫生厅在日前召开的全省行风工作会议上宣布,今年整治的重点是红包。", "某省卫生厅"),
], ids=["recently", "publicly-notifies", "paper-dateline"])
def test_the_actor_after_a_reports_opening(text, unit):
    title = text.split("\n", 1)[0]
    names = [m.value["name"] for m in find_parties(text, title=title)]
    assert unit in names
    assert not any(n.startswith("讯") for n in names)


def test_a_report_sent_to_a_unit_still_names_it():
    assert roles("请于9月20日前将统计表报学区办公室。") == {"学区办公室": {"contact"}}


@pytest.mark.parametrize("text, units", [
    ("联席会议由省发展改革委、省教育厅、省科技厅、省财政厅等12个部门和单位组成。必要时可邀请别的部门列席。",
     ("省发展改革委", "省教育厅", "省科技厅", "省财政厅")),
    ("领导小组成员\n组 长:黎 新\n组 员:基建后勤部、纪检监察部、学生工作部、财务处、在校内其他经营单位等部门负责人。\n",
     ("基建后勤部", "纪检监察部", "学生工作部", "财务处")),
], ids=["a-body-made-up-of-units", "a-labels-units-closed-by-their-heads"])
def test_units_named_as_members_are_members(text, units):
    got = roles(text)
    for unit in units:
        assert got.get(unit) == {"member"}, unit


def test_a_unit_holding_its_meeting_at_a_venue_acts():
    from nlp.extract.parties_subjects import acting_units

    clause = "我院在门诊楼五楼会议室召开安全生产工作部署会"
    assert [f.name for f in acting_units(clause, 0, len(clause))] == ["我院"]


def test_a_place_acting_after_the_occasion_it_takes():
    text = "某地新闻\n以深入开展作风建设学习教育为契机,云南省展开了一场村级数据报表精简改革。"
    assert "云南省" in [m.value["name"] for m in find_parties(text, title="某地新闻")]


def test_an_empty_label_heads_nothing_after_its_blank_line():
    text = "某校安全工作方案\n工作小组:组长:\n\n副组长:\n\n组员:\n\n小组的办公室设在安保处,主任由曾立杰兼任。"
    assert "安保处" in [m.value["name"] for m in find_parties(text, title="某校安全工作方案")]


@pytest.mark.parametrize("text, who", [
    ("5月7日下午,市卫生局何立兵常委、王小龙主任到市传染病医院调研安全工作。", "何立兵"),
], ids=["standing-member"])
def test_more_posts_name_their_holders(text, who):
    assert who in roles("某市新闻\n" + text)




def test_leaders_named_in_a_list_after_the_word():
    text = "3月22日,某镇开展燃气安全检查,镇领导张立辉、马一明、刘静宇及镇应急管理办等部门负责人参加检查。"
    got = roles("某镇新闻\n" + text)
    for who in ("张立辉", "马一明", "刘静宇"):
        assert who in got, who
