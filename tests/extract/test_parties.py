"""Parties: who is charged, led, listed or addressed, once per (entity, role)."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings, strategies as st

from nlp.extract import parties_patterns
from nlp.extract.parties import find_parties


def pairs(text: str, **kw) -> list[tuple[str, str]]:
    return [(m.value["name"], m.value["role"]) for m in find_parties(text, **kw)]


@pytest.mark.parametrize("text, expected", [
    ("疾控中心要重点抓好内部管理。", [("疾控中心", "responsible")]),
    ("县医院通过设立导医台,提供信息。", [("县医院", "responsible")]),
    ("各医院(卫生院)要设置健康教育室。", [("各医院(卫生院)", "responsible")]),
    ("由县疾控中心负责技术指导。", [("县疾控中心", "responsible")]),
    ("经县卫生局研究决定,制定本实施方案。", [("县卫生局", "issuer")]),
    ("成立由县卫生局局长任组长的领导小组,并下设办公室。",
     [("县卫生局局长", "lead"), ("领导小组", "lead"), ("办公室", "responsible")]),
    ("领导小组下设办公室,办公室设在市局(公司)政工科,主任由宋宴清担任。",
     [("领导小组", "responsible"), ("办公室", "responsible"), ("市局(公司)政工科", "responsible"),
      ("宋宴清", "responsible")]),
    ("组 长:王 军\n副组长:刘石溪 鲍 明\n成 员:市局各部门负责人和各县局主要负责人。\n",
     [("王军", "lead"), ("刘石溪", "lead"), ("鲍明", "lead"), ("市局各部门负责人", "member"),
      ("各县局主要负责人", "member")]),
    ("形成主要领导亲自抓,分管领导具体抓的格局。", [("主要领导", "lead"), ("分管领导", "responsible")]),
    ("各单位也要成立相应的领导机构,主要负责同志为第一责任人。",
     [("各单位", "responsible"), ("主要负责同志", "lead")]),
    # 各单位 is charged with naming a contact and reporting: responsible (gold README, "bodies
    # charged with work"); the rules leave it to the learned recogniser, which finds it
    ("请各单位确定一名联络人于5月10日前上报卫生局党政办。",
     [("各单位", "responsible"), ("联络人", "contact"), ("卫生局党政办", "contact")]),
    ("我局成立了以局长为组长的卫生系统安全生产隐患排查治理工作领导小组(见附件)。",
     [("我局", "responsible"), ("局长", "lead"), ("卫生系统安全生产隐患排查治理工作领导小组", "lead")]),
    ("市委、市政府决定在全市开展创建工作。", []),
    ("各级领导干部要发挥表率作用,党员、干部要带头。", []),
    ("组长:xxx副组长:xxx成员:xxxxxxxxx", []),
], ids=["subject-yao", "subject-tongguo", "bracketed-name", "you-fuze", "issuer-decided",
        "group-and-head", "office-and-director", "labels", "posts", "first-responsible",
        "contact", "group-of-ours", "superior-bodies", "exhortation", "placeholders"])
def test_party_roles(text, expected):
    assert pairs(text) == expected


def test_recipients_after_the_title():
    text = ("关于开展创先争优活动的指导意见\n\n各区县卫生局,日照经济开发区社会事业发展局,"
            "市直各医疗卫生单位党委(总支、支部):\n为确保活动取得实效,现提出如下意见。")
    assert pairs(text) == [("各区县卫生局", "recipient"), ("日照经济开发区社会事业发展局", "recipient"),
                           ("市直各医疗卫生单位党委(总支、支部)", "recipient")]


def test_issuer_from_the_title():
    title = "区卫生局党的群众路线教育实践活动第一阶段工作总结"
    assert pairs(title + "\n今年2月,活动启动。", title=title) == [("区卫生局", "issuer")]


def test_issuers_before_guanyu_and_above_yinfa():
    text = "中共——区卫生局委员会——区卫生局关于创建省级文明城市的实施方案\n正文。\n日照市卫生局办公室  2010年6月25日印发\n"
    assert pairs(text) == [("区卫生局委员会", "issuer"), ("区卫生局", "issuer"), ("日照市卫生局办公室", "issuer")]


def test_short_form_folds_into_the_long_one_with_the_strongest_role():
    text = "县卫生局、各医疗卫生单位要切实加强领导。卫生局要加强对医疗机构的监管。"
    names = [n for n, _ in pairs(text)]
    assert "卫生局" not in names and names.count("县卫生局") == 1


def test_each_pair_once():
    text = "各单位要认真组织。各单位要及时总结。"
    assert pairs(text) == [("各单位", "responsible")]


def test_offsets_are_exact_and_text_as_written():
    text = "组 长:王 军\n"
    (m,) = find_parties(text)
    assert (m.text, m.value["name"]) == ("王 军", "王军")
    assert text[m.start:m.end] == m.text


def test_task_table_people():
    text = ("工作目标分解表总责任人:甘筱华序号项目项目内容测评标准测评方法分管领导责任单位(责任股室)责任人"
            "一依法行政材料审核石永发医政股李晓燕(二)妇幼传染病防治朱莉防保股孟玲")
    got = pairs(text)
    assert ("甘筱华", "lead") in got
    assert {("医政股", "responsible"), ("防保股", "responsible"), ("李晓燕", "responsible")} <= set(got)


def test_ner_seam_accepts_every_mode():
    text = "组长:王军\n"
    assert pairs(text, ner="rules") == pairs(text, ner="hanlp") == pairs(text, ner="auto")


def rules(text: str, **kw) -> list[tuple[str, str]]:
    return pairs(text, ner="rules", **kw)


@pytest.mark.parametrize("text, expected", [
    ("某县卫生健康局关于开展义诊活动的通知\n某卫发〔2021〕3号\n各乡镇卫生院，县直各医疗卫生单位，局机关各股室：\n现将有关事项通知如下。",
     [("某县卫生健康局", "issuer"), ("各乡镇卫生院", "recipient"), ("县直各医疗卫生单位", "recipient"),
      ("局机关各股室", "recipient")]),
    ("各区（县）人民政府，市政府各部门：\n现将意见印发给你们。",
     [("各区(县)人民政府", "recipient"), ("市政府各部门", "recipient")]),
    ("上一篇：某区卫生健康委关于开展培训的通知\n下一篇：某区卫生局要做好防汛工作", []),
], ids=["full-width-addressees", "bracketed-addressee", "web-chrome-links"])
def test_addressee_lines(text, expected):
    assert rules(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("联系人：赵丽萍，电话：0123-4567890。", [("赵丽萍", "contact")]),
    ("组长：张立新（局长）副组长：周文华（副局长）、孙明（副局长）\n",
     [("张立新", "lead"), ("周文华", "lead"), ("孙明", "lead")]),
    ("成员：办公室、医政股、财务股负责人\n", [("办公室、医政股、财务股负责人", "member")]),
], ids=["contact-then-phone", "bracketed-posts-run-on", "shared-post"])
def test_labelled_lists(text, expected):
    assert rules(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("成立由局长任组长、分管副局长任副组长、各股室负责人为成员的工作专班。",
     [("局长", "lead"), ("分管副局长", "lead"), ("各股室负责人", "member"), ("工作专班", "responsible")]),
    ("成立县卫生局安全生产领导小组,局长张三任组长,副局长李四、王五任副组长,办公室、医政股负责人为成员。",
     [("县卫生局安全生产领导小组", "lead"), ("张三", "lead"), ("李四", "lead"), ("王五", "lead"),
      ("办公室、医政股负责人", "member")]),
    ("由分管副县长任组长,县政府办副主任任副组长。", [("分管副县长", "lead")]),
], ids=["posts-before-the-group", "people-after-their-posts", "no-group-set-up"])
def test_posts_of_a_new_group(text, expected):
    assert rules(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("县卫生局负责统筹协调,县医保局、县市场监管局按职责分工配合。",
     [("县卫生局", "responsible"), ("县医保局", "member"), ("县市场监管局", "member")]),
    ("院长为消防安全第一责任人,各科室主任为本科室安全责任人。",
     [("院长", "lead"), ("各科室主任", "responsible")]),
    ("各乡镇人民政府对本辖区食品安全负属地责任。", [("各乡镇人民政府", "responsible")]),
    ("市疾控中心会同市市场监管局、市医保局开展专项检查。",
     [("市疾控中心", "responsible"), ("市市场监管局", "responsible"), ("市医保局", "responsible")]),
    ("县卫生局组织专家组开展巡回指导。", [("县卫生局", "responsible"), ("专家组", "responsible")]),
    ("各单位要按照所承担的责任抓好落实。", [("各单位", "responsible")]),
    ("发现问题要及时报告报局医政股。", [("局医政股", "contact")]),
    ("今年有2个单位申报创建市级文明单位。", []),
    ("健全完善局党组成员联系基层制度。", []),
    ("抽调骨干组成检查组,开展督查。", [("检查组", "responsible")]),
], ids=["adverb-before-peihe", "wei-zerenren", "dui-fu-zeren", "huitong-list", "zuzhi-kaizhan",
        "no-verb-in-name", "baogao-is-a-word", "shenbao-is-a-word", "dangzu-chengyuan", "zucheng-group"])
def test_subjects_and_objects_of_duties(text, expected):
    assert rules(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("特此通知。\n\n某县卫生健康局\n2023年3月1日\n", [("某县卫生健康局", "issuer")]),
    ("某市卫生健康委员会\n某市医疗保障局\n2023年3月1日\n",
     [("某市卫生健康委员会", "issuer"), ("某市医疗保障局", "issuer")]),
    ("请认真贯彻执行。某县卫生健康局 二〇二三年三月一日", [("某县卫生健康局", "issuer")]),
    ("特此通知\n2023年3月1日\n", []),
    ("中共某市卫生健康委员会纪检监察组关于典型问题的通报\n",
     [("中共某市卫生健康委员会纪检监察组", "issuer")]),
], ids=["signature", "joint-signature", "signature-same-line", "date-under-no-name", "tongbao-title"])
def test_signature_and_title_issuers(text, expected):
    assert rules(text) == expected


def test_author_of_a_summary_before_the_year():
    title = "某县中医医院2023年工作总结"
    assert rules(title + "\n今年门诊量平稳增长。", title=title) == [("某县中医医院", "issuer")]


def test_deputy_is_not_folded_into_the_head():
    assert [n for n, _ in rules("局长要亲自抓,分管副局长要具体抓。")] == ["局长", "分管副局长"]


@pytest.mark.parametrize("text, expected", [
    ("序号 工作任务 牵头单位 责任单位 完成时限\n1 慢病管理 县卫生局医政股 各乡镇卫生院 2023年6月30日前\n",
     [("县卫生局医政股", "lead"), ("各乡镇卫生院", "responsible")]),
    ("序号\t任务\t牵头单位\t配合单位\n1\t人员 培训\t县中医院\t县疾控中心、县妇幼保健院\n",
     [("县中医院", "lead"), ("县疾控中心", "member"), ("县妇幼保健院", "member")]),
    ("序号 工作任务 牵头单位 责任单位 完成时限\n备注 县卫生局医政股\n", []),
], ids=["spaces", "tabs-and-space-in-task", "not-a-row"])
def test_task_table_columns(text, expected):
    assert rules(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("联系人：县卫生健康局医政股 李明华，联系电话：0000-1234567。",
     [("县卫生健康局医政股", "contact"), ("李明华", "contact")]),
    ("联系人：王晓东，电话：0000-1111111；赵丽红，电话：0000-2222222。",
     [("王晓东", "contact"), ("赵丽红", "contact")]),
    ("副组长：孙立军（局党组成员、副局长）、钱玉梅（局党组成员、纪检组组长）\n",
     [("孙立军", "lead"), ("钱玉梅", "lead")]),
    ("副组长:孙立军(副局长) 钱玉梅(纪检组长)\n", [("孙立军", "lead"), ("钱玉梅", "lead")]),
    ("联系人:局办公室 王晓东,电话:0000-1234567;医政股 赵丽红,电话:0000-7654321。",
     [("局办公室", "contact"), ("王晓东", "contact"), ("医政股", "contact"), ("赵丽红", "contact")]),
], ids=["unit-then-person", "two-contacts-one-line", "list-in-brackets", "spaced-bracketed-posts",
        "two-units-two-contacts"])
def test_labelled_people(text, expected):
    assert rules(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("领导小组下设办公室，由郑国强同志兼任办公室主任。",
     [("领导小组", "responsible"), ("办公室", "responsible"), ("郑国强", "responsible")]),
    ("办公室主任由冯志刚担任，负责日常工作。", [("冯志刚", "responsible")]),
    ("成立县卫生健康局安全生产领导小组，局长刘建新任组长，分管副局长陈玉兰任副组长。",
     [("县卫生健康局安全生产领导小组", "lead"), ("刘建新", "lead"), ("陈玉兰", "lead")]),
    ("医院调整充实了安全生产领导小组，院长任组长。", [("安全生产领导小组", "lead"), ("院长", "lead")]),
    ("经局党委会研究，决定开展专项整治。", [("局党委会", "issuer")]),
], ids=["office-head-jianren", "office-head-you-danren", "fenguan-post-then-person",
        "tiaozheng-group", "party-meeting-decides"])
def test_heads_and_groups(text, expected):
    assert rules(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("县卫生健康局会同县市场监管局、县消防救援大队、县公安局组成联合督查组，对医疗机构开展检查。",
     [("县卫生健康局", "responsible"), ("县市场监管局", "responsible"), ("县消防救援大队", "responsible"),
      ("县公安局", "responsible"), ("联合督查组", "responsible")]),
    ("市疾控中心联合市消防救援支队组成检查组。",
     [("市疾控中心", "responsible"), ("市消防救援支队", "responsible"), ("检查组", "responsible")]),
    ("街道办组织社区网格员、物业服务企业对楼道开展清理。",
     [("街道办", "responsible"), ("社区网格员", "responsible"), ("物业服务企业", "responsible")]),
    ("县医保局会同纪检组采取明查暗访方式开展督查。", [("县医保局", "responsible"), ("纪检组", "responsible")]),
    ("县住房和城乡建设局负责建筑工地的检查。", [("县住房和城乡建设局", "responsible")]),
    ("各定点医疗机构对照问题清单开展自查。", [("各定点医疗机构", "responsible")]),
    ("各科室负责人抓好本科室落实。", [("各科室负责人", "responsible")]),
    ("日常清理由物业服务企业负责。", [("物业服务企业", "responsible")]),
    ("四、工作要求各医院要强化值班值守。", [("各医院", "responsible")]),
    ("各级党组织和党员要发挥作用。", []),
    ("各校对照排查清单逐项自查。", [("各校", "responsible")]),
    ("各区疾控中心,市卫生监督所:\n市卫生监督所抽调骨干组成巡查组,对各区开展巡查。",
     [("各区疾控中心", "recipient"), ("市卫生监督所", "recipient"), ("市卫生监督所", "responsible"),
      ("巡查组", "responsible")]),
    ("各监管部门组织专家对辖区重点企业开展检查。", [("各监管部门", "responsible")]),
    ("组织开展全员消防培训。", []),
    ("各医疗机构的服务质量得到提高。", []),
], ids=["huitong-list-zucheng", "lianhe-object", "zuzhi-list", "huitong-before-caiqu", "he-inside-name",
        "ge-subject-no-modal", "zhuahao", "you-qiye-fuze", "glued-heading", "dangzuzhi-is-no-cue", "zuzhi-kaizhan-no-name",
        "ge-subject-not-charged", "ge-xiao", "recipient-subject-beside-a-cue", "dui-ends-the-object"])
def test_lists_and_plain_subjects(text, expected):
    assert rules(text) == expected


def test_glued_heading_from_the_outline():
    from nlp.model import Section

    text = "五、巡查安排各社区卫生服务站要每周自查一次。"
    section = Section(id="s1", parent=None, level=1, marker="五、", heading="巡查安排", start=0, end=len(text))
    assert rules(text, sections=[section]) == [("各社区卫生服务站", "responsible")]


@pytest.mark.parametrize("text, expected", [
    ("与12个科室签订了安全责任书。", []),
    ("县卫健局组成3个督导组，对各乡镇开展督导。", [("督导组", "responsible")]),
    ("组织本院6名中层干部外出学习。", []),
    ("于6月30日前将总结报送所在县卫生健康局。", []),
], ids=["count-is-no-party", "count-before-new-group", "count-inside-name", "baosong-suozai"])
def test_counts_and_cue_fragments(text, expected):
    assert rules(text) == expected


@pytest.mark.parametrize("name", sorted(parties_patterns.SAMPLES))
def test_fragment_samples(name):
    pattern = re.compile(getattr(parties_patterns, name))
    for sample in parties_patterns.SAMPLES[name]:
        assert pattern.search(sample), (name, sample)


@pytest.mark.parametrize("hostile", [
    "局" * 100_000,
    "要" * 100_000,
    "成立" * 50_000,
    "由" + "卫生局" * 33_000 + "负责",
    "“" * 100_000,
    "组长:" + "王 " * 49_000,
    ("各单位、" * 25_000) + "要",
    "关于" * 50_000,
    ":" * 100_000,
    "联系人:" + "王明,电话:0000-1234567;" * 4_000,
    "会同" + "县卫生局、" * 20_000 + "组成",
    "各" + "县卫生局和" * 20_000 + "对照",
], ids=["suffix", "modal", "cue", "between", "quotes", "label", "long-list", "guanyu", "colons",
        "many-contacts", "huitong-long-list", "ge-subject-long-list"])
def test_linear_time_on_hostile_text(hostile):
    # the rules only: the HanLP backend's time is tests/test_ner.py's concern
    t = time.process_time()
    list(find_parties(hostile, ner="rules"))
    assert time.process_time() - t < 10.0


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("县卫生局各单位要负责由成立领导小组办公室设在组长:成员王军、,。()“”\n 的关于方案")) | st.characters(),
               max_size=300))
def test_never_raises_and_offsets_exact(text):
    for m in find_parties(text):
        assert text[m.start:m.end] == m.text
        assert m.value["role"] in ("lead", "responsible", "member", "contact", "issuer", "recipient")


def test_a_name_starts_after_an_articles_marker():
    text = ("第一章 总则\n第三条 县级卫生监督机构负责本行政区域内的监督检查工作。\n"
            "第 十一 条 组织专项检查的管理部门应当制定工作方案。\n")
    got = [(m.text, m.value["name"]) for m in find_parties(text)]
    assert ("组织专项检查的管理部门", "组织专项检查的管理部门") in got
    assert not any(t.startswith(("第", "条")) or n.startswith(("第", "条")) for t, n in got)
    assert pairs("条法司负责审核。") == [("条法司", "responsible")]  # a name that opens with 条


def test_a_roster_of_members_with_their_units_in_brackets():
    text = ("关于成立某市诚信建设工作领导小组的通知\n组长:王立新\n副组长:赵敏\n成员:钱学文(市府办)\n\n"
            "孙丽华(市发改局)\n\n周志远(市委政研室)\n\n甘建设(市旅游局)\n\n领导小组下设办公室。\n")
    got = pairs(text)
    assert [n for n, r in got if r == "member"] == ["钱学文", "孙丽华", "周志远", "甘建设"]
    assert not any(n in ("市府办", "市发改局", "市委政研室", "市旅游局") for n, _ in got)  # affiliations


def test_a_label_spaced_with_bare_nbsp():
    from nlp.normalize import normalize_text

    assert normalize_text("组&nbsp&nbsp长:王立新").text == "组长:王立新"


def test_a_verb_or_preposition_glued_to_a_name_is_cut_off():
    from nlp.extract.parties import _unfragment
    from nlp.extract.parties_patterns import Found

    # (the cut itself: whether the learned recogniser proposes 函转台北市政府教育局 depends on its threshold)
    assert _unfragment(Found(0, 10, "函转台北市政府教育局", "responsible")).name == "台北市政府教育局"
    assert not any(n.startswith("回") for n, _ in pairs("请将回执寄回相关部门。"))


def test_tags_and_sentence_pieces_are_no_part_of_a_name():
    names = [n for n, _ in pairs("[新闻稿]劳工局今日宣布,将加强巡查。")]
    assert "劳工局" in names and not any(n.startswith("[") for n in names)
    got = [n for n, _ in pairs("成立健康中国行动推进委员会(以下简称推进委员会),负责统筹推进。")]
    assert not any("简称" in n for n in got)


def test_findings_listed_by_place_after_the_body_began_are_no_addressees():
    text = ("关于环境卫生检查情况的通报\n各单位:\n近日,市指挥部办公室组织检查了中心城区的环境卫生。现将检查发现的问题通报如下。\n"
            "某某小区家属院:无健康教育宣传栏、小广告多。某某花园小区:无垃圾收集容器。\n")
    got = pairs(text)
    assert ("各单位", "recipient") in got
    assert not any(r == "recipient" and "小区" in n for n, r in got)


def test_bodies_named_as_the_source_of_a_cited_requirement_are_no_parties():
    assert pairs("严格执行省卫生健康委员会、教育厅关于开展专项整治活动的有关要求,奉公守法。") == []
    assert pairs("各单位要按照县卫生局要求,认真落实。") == [("各单位", "responsible")]
    assert ("县卫生局", "responsible") in pairs("县卫生局要求各单位认真落实。")  # an actor, not a source
