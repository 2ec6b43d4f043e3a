"""Parties on real pages (session 10): kinds of failure that recur across sites."""

from __future__ import annotations

import pytest

from nlp.extract.parties import find_parties
from nlp.extract.parties_chrome import page_body


def names(text: str) -> list[str]:
    return [m.value["name"] for m in find_parties(text)]


@pytest.mark.parametrize("text, who", [
    ("某镇开展汛期隐患排查,共整改问题十二处。\n图文:孙丽华 编辑:周海涛 责任编辑:吴晓梅", ["孙丽华", "周海涛", "吴晓梅"]),
    ("东岭网3月2日讯(钱振宇 毛小燕)3月1日,东岭镇召开安全生产推进会,镇安监站部署排查工作。", ["钱振宇", "毛小燕"]),
    ("西川日报讯 记者杨春林 通讯员郝佳 王立群 近日,某区卫健局组织开展消防演练。", ["杨春林", "郝佳", "王立群"]),
    ("某校组织师生开展疏散演练。\n校对:韩冬梅 录入:韩冬梅 排版:彭丽", ["韩冬梅", "彭丽"]),
], ids=["editors-line", "dateline-bracket", "reporters-bare", "typists"])
def test_report_credits_name_no_party(text, who):
    assert not set(who) & set(names(text))


@pytest.mark.parametrize("text", [
    "市卫健委负责人在接受记者采访时说,将加强督查。",
    "经办公室审核后公开。",
    "编辑部负责稿件的审核。",
], ids=["reporter-in-text", "audit-verb", "editorial-office"])
def test_credit_words_in_running_text_stay(text):
    assert page_body(text) == text


@pytest.mark.parametrize("word", ["党组", "党委", "党工委", "管委会", "卫生院", "董事长"])
def test_a_body_word_is_no_persons_name(word):
    from nlp.extract.parties_people import is_person_name
    assert not is_person_name(word)


@pytest.mark.parametrize("text, holder", [
    ("6月3日,区人大常委会党组书记、主任罗启明主持会议并讲话。", "罗启明"),
    ("区水务局党组书记、局长龚志平出席会议并讲话。", "龚志平"),
], ids=["council-chair", "bureau-head"])
def test_posts_listed_before_a_holder_are_the_holders(text, holder):
    found = [(m.value["name"], m.value["role"]) for m in find_parties(text)]
    assert found == [(holder, "lead")]


@pytest.mark.parametrize("text, fragment", [
    ("南坪县委宣传部发来情况说明,表示北岭镇党委、政府已及时调查了解情况。", "表示北岭镇党委"),
    ("全市共有六家医院参加评选,我市这些二级公立医院将统一挂牌,公布监督电话。", "我市这些二级公立医院"),
    ("首先我们要求各科室都要搞好内部团结。", "我们要求各科室"),
    ("区应急局将加大与相关部门联合检查力度。", "区应急局将加大与相关部门"),
], ids=["speaker-verb", "demonstrative", "we-ask", "future-verb"])
def test_a_span_holding_a_clauses_words_is_no_name(text, fragment):
    assert fragment not in names(text)


def test_a_name_opening_like_a_verb_of_review_stays():
    assert "考核小组" in names("考核小组负责年终考核。")


def issuers(text: str) -> list[str]:
    return [m.value["name"] for m in find_parties(text) if m.value["role"] == "issuer"]


@pytest.mark.parametrize("text, issuer", [
    ("请各科室按时上报。\n特此通知。\n后 勤 科\n二〇一九年三月十二日", "后勤科"),
    ("请各村认真落实。\n\n**镇安全生产委员会\n\n二0**年*月*日", "**镇安全生产委员会"),
    ("请各部门做好值守。\n值班电话:0571-86001234 学校保卫办公室 2020年9月28日", "学校保卫办公室"),
    ("请认真落实。\n某职业学院\n消防安全工作领导组\n(办公室代章)\n二○一一年十月八日", "消防安全工作领导组"),
], ids=["letter-spaced", "masked-date", "closing-line", "seal-by-another-unit"])
def test_signing_units_above_or_beside_the_date(text, issuer):
    assert issuer in issuers(text)


@pytest.mark.parametrize("text, unit", [
    ("会上,纪委、组织部、宣传部、学生处等部门负责人分别汇报了整改情况。", "组织部"),
    ("县委办副主任、县纪委副书记、组织部副部长任副主任,从县纪委抽调人员组成办公室。", "组织部副部长"),
], ids=["department-in-a-list", "its-post"])
def test_the_organisation_department_is_a_unit(text, unit):
    assert unit in names(text)


@pytest.mark.parametrize("text, unit", [
    ("由统计局负责数据核对。", "统计局"),
    ("推进委员会办公室要加强统筹协调。", "推进委员会办公室"),
], ids=["statistics-bureau", "promotion-committee"])
def test_a_unit_opening_like_a_clause_verb(text, unit):
    assert unit in names(text)


def recipients_of(text: str) -> list[str]:
    return [m.value["name"] for m in find_parties(text) if m.value["role"] == "recipient"]


@pytest.mark.parametrize("line, expected", [
    ("各乡镇人民政府、街道办事处,县政府有关部门:", ["各乡镇人民政府、街道办事处", "县政府有关部门"]),
    ("区政府各部门、直属机构:", ["区政府各部门、直属机构"]),
    ("各单位、各部门:", ["各单位", "各部门"]),
    ("县委宣传部、县卫健委:", ["县委宣传部", "县卫健委"]),
    ("各中小学、幼儿园、局属各单位:", ["各中小学、幼儿园", "局属各单位"]),
], ids=["street-offices-share", "direct-bodies-share", "two-collectives", "two-units", "kindergartens-share"])
def test_an_addressee_sharing_the_one_before_it_is_not_split(line, expected):
    text = f"关于做好汛期安全检查的通知\n{line}\n请认真落实。"
    assert recipients_of(text) == expected


@pytest.mark.parametrize("name", ["洪志明", "傅丽华", "萧文彬", "阎立新", "权海涛"])
def test_common_family_names_read_as_people(name):
    from nlp.extract.parties_people import is_person_name
    assert is_person_name(name)


def test_a_leader_with_a_common_family_name_is_found():
    assert "洪志明" in names("会议由副县长洪志明主持,各乡镇主要负责人参加会议。")


@pytest.mark.parametrize("text, holder", [
    ("我院保卫科在副院长庞立新的部署下,组织保安人员开展节前检查。", "庞立新"),
    ("纪检监察室主任韩丽娟担任总评委,对各组的分析进行点评。", "韩丽娟"),
    ("局党组成员、副局长童建华作了《关于年度考核指标的说明》。", "童建华"),
], ids=["under-whose-plan", "serves-as", "gives-an-account"])
def test_a_holder_beside_a_post_who_leads_the_reported_work(text, holder):
    assert holder in names(text)


def test_a_post_qualifier_is_no_persons_name():
    from nlp.extract.parties_people import is_person_name
    assert not is_person_name("常务")


@pytest.mark.parametrize("text, who", [
    ("关于立即开展排查的通知\n发布人:蔡明远 时间:7月8号\n各乡镇:请于月底前完成排查。", "蔡明远"),
    ("某医院医生收红包被停职\n来源:吕晓峰 阅读: 3.2W 次\n某区卫健委已介入调查。", "吕晓峰"),
], ids=["poster", "source-person"])
def test_a_pages_poster_or_source_is_no_party(text, who):
    assert who not in names(text)


def test_a_desk_signing_a_report_is_no_party():
    assert "编辑部" not in names("事件原因初步怀疑用电设备故障引致。(编辑部)\n消防局表示,已派员跟进。")


def test_every_department_concerned_is_charged():
    assert "各有关部门" in names("会议要求,各乡镇、各有关部门要高度重视,增强忧患意识,压实工作责任。")


def test_a_post_named_without_its_holder_is_no_party():
    found = names("第二条 消防安全领导小组由组长、副组长、成员组成。\n二、组长职责\n组长是全院消防工作的第一责任人。")
    assert "组长" not in found and "副组长" not in found


def test_a_groups_duty_is_no_name():
    text = "成立专项整治领导小组,领导小组下设工作专班,负责领导小组日常工作。"
    assert "负责领导小组" not in names(text)


def test_a_post_after_the_last_unit_joined_by_and_is_that_units_alone():
    text = "成立节前安全检查领导小组,成员包括质量管理部、物资供应部、财务部及各班组负责人。"
    found = names(text)
    assert {"质量管理部", "物资供应部", "财务部", "各班组负责人"} <= set(found)


@pytest.mark.parametrize("unit", ["县残联", "市妇联", "区侨联", "市文联", "县工商联"])
def test_federations_are_bodies(unit):
    from nlp.extract.parties_names import name_kind
    assert name_kind(unit) == "body"



def test_a_task_tables_unit_column_without_its_header():
    text = ("附件:年度民生实事项目表\n"
            "1 | 为老年人免费接种流感疫苗。 | 县卫生健康局 | 20%\n"
            "2 | 新增配置自动体外除颤仪。 | 县卫生健康局 | 80%\n"
            "3 | 培训应急救护人员。 | 县红十字会 | 50%\n"
            "4 | 实施示范食堂建设行动。 | 县市场监管局 | 75%\n"
            "5 | 新增残疾人就业岗位。 | 县残疾人服务所 | 90%\n")
    from nlp.extract.parties_labels import task_tables
    assert {"县卫生健康局", "县红十字会", "县市场监管局"} <= {f.name for f in task_tables(text)}


def test_a_directed_list_going_on_with_an_adverb():
    from nlp.extract.parties_lists import unit_lists
    text = "同时,督促区委办、区政府办全面加强督查检查考核计划管理。"
    assert {"区委办", "区政府办"} <= {f.name for f in unit_lists(text)}


def test_units_reporting_at_a_meeting():
    from nlp.extract.parties_lists import unit_lists
    text = "会上,卫计局、发改局、工信局、环保局、编办以及消防科就今年目标责任完成情况分别作了汇报。"
    assert {f.name for f in unit_lists(text)} == {"卫计局", "发改局", "工信局", "环保局", "编办", "消防科"}


def test_units_joining_others_to_form_inspection_teams():
    from nlp.extract.parties_lists import unit_lists
    text = "5月8日,区教育局安全科、后勤科、财务科联合区应急管理局、区卫生健康局和区消防救援大队相关工作人员组成两个检查组。"
    assert {f.name for f in unit_lists(text)} == {"区教育局安全科", "后勤科", "财务科", "区应急管理局", "区卫生健康局",
                                                  "区消防救援大队"}
