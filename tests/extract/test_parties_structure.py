"""Parties read from a document's structure and from reports: 主送 lines, 落款 blocks, headline
departments, label lists, task-list columns, lists of units, named office-holders, actors of a
report, short forms. All sentences are made up for these tests."""

from __future__ import annotations

import re

import pytest

from nlp.extract import parties_subjects
from nlp.extract.parties import find_parties


def names(text: str, **kw) -> list[str]:
    return [m.value["name"] for m in find_parties(text, **kw)]


def pairs(text: str, **kw) -> list[tuple[str, str]]:
    return [(m.value["name"], m.value["role"]) for m in find_parties(text, **kw)]


def recipients(text: str) -> list[str]:
    return [m.value["name"] for m in find_parties(text) if m.value["role"] == "recipient"]


def issuers(text: str) -> list[str]:
    return [m.value["name"] for m in find_parties(text) if m.value["role"] == "issuer"]


# ---- 主送 ------------------------------------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    # commas cut; a 、 inside a fixed phrase of places does not
    ("各省、自治区、直辖市人民政府,国务院各部委:", ["各省、自治区、直辖市人民政府", "国务院各部委"]),
    ("各县(市)、区人民政府,县人民政府各部门:", ["各县(市)、区人民政府", "县人民政府各部门"]),
    # a 、 between full names of units splits them
    # (县政府各部门、各直属单位: the superior's own bodies, one addressee as dev's gold keeps them, pl_01/pl_02)
    ("各县、区人民政府,某园区管委会,县政府各部门、各直属单位:",
     ["各县、区人民政府", "某园区管委会", "县政府各部门、各直属单位"]),
    # a line without commas may list places and units
    ("某区人民政府、某经开区、某职业技术学院、市直有关单位:",
     ["某区人民政府", "某经开区", "某职业技术学院", "市直有关单位"]),
    ("各镇街,县直有关单位:", ["各镇街", "县直有关单位"]),
    # a 、 between addressees splits them (gold: recipients one by one as the line separates them)
    ("各村(场)、有关部门:", ["各村(场)", "有关部门"]),
])
def test_addressee_line(line, expected):
    text = f"关于开展安全检查的通知\n{line}\n现将有关事项通知如下。"
    assert recipients(text) == expected


def test_addressee_line_after_the_title_keeps_a_name_with_no_known_ending():
    text = "关于做好防汛工作的通知\n各乡镇,县直各部门,青山果蔬种植基地:\n现将有关事项通知如下。"
    assert recipients(text) == ["各乡镇", "县直各部门", "青山果蔬种植基地"]
    assert recipients("前言很长的一段话。" * 30 + "\n各乡镇,青山果蔬种植基地:\n") == []


@pytest.mark.parametrize("line", [
    "发布机构: 某市人民政府",  # a page's label and its short value
    "(一)成立某某工作领导小组:",  # a clause before a list
    "按 Enter 到主内容区:",
])
def test_no_addressee_line(line):
    assert recipients(f"某某通知\n{line}\n组长:张某某\n") == []


# ---- 落款 and headlines ------------------------------------------------------------------------

def test_signature_with_blank_lines():
    assert issuers("请认真贯彻执行。\n\n某市卫生健康委员会\n\n2023年4月26日\n\n附件") == ["某市卫生健康委员会"]


def test_joint_signature_several_units_a_line():
    text = ("请认真组织实施。\n\n某省卫生健康委办公厅 某省发展改革委办公厅\n\n某省财政厅办公室\n\n"
            "2023年5月26日\n")
    assert sorted(issuers(text)) == sorted(["某省卫生健康委办公厅", "某省发展改革委办公厅", "某省财政厅办公室"])


@pytest.mark.parametrize("date", ["2013年5月", "2017年4月 日", "2021年1月18"])
def test_signature_with_an_incomplete_date(date):
    assert issuers(f"请认真执行。\n青山市第一中学\n{date}\n附件") == ["青山市第一中学"]


def test_issuers_of_a_printed_title():
    title = "某省委办公厅 某省政府办公厅印发《若干规定》"
    got = [m.value["name"] for m in find_parties(title + "\n正文。", title=title) if m.value["role"] == "issuer"]
    assert got == ["某省委办公厅", "某省政府办公厅"]


def test_a_date_in_a_sentence_is_no_signature():
    assert issuers("会议定于2023年3月1日\n召开。") == []


def test_headline_department_in_brackets():
    assert issuers("某局跟进工地意外 (某某事务局)\n2021-11-01\n正文。") == ["某某事务局"]


# ---- labels, columns, lists ----------------------------------------------------------------

def test_label_list_goes_on_over_lines_of_name_and_post():
    text = ("二、组成人员\n组 长:张某某 某省副省长\n副组长:李 某 某省政府副秘书长\n赵某某 某省卫生厅厅长\n"
            "成 员:钱某某 某省财政厅副厅长\n孙 某 某省教育厅副厅长\n领导小组办公室设在某省卫生厅。")
    got = pairs(text)
    assert ("李某", "lead") in got and ("赵某某", "lead") in got
    assert ("钱某某", "member") in got and ("孙某", "member") in got


def test_label_list_with_rare_family_names_and_semicolon_parts():
    text = "组长:丁某某\n副组长:蒋某、裘某、祝某某\n组员:马某某、王某某;高一各班班主任\n(二)安全措施"
    got = names(text)
    for who in ("丁某某", "蒋某", "裘某", "祝某某", "马某某", "王某某", "高一各班班主任"):
        assert who in got


@pytest.mark.parametrize("text, expected", [
    ("1.完善制度。(责任单位:市卫健委、各县(市)局;完成时限:2023年12月底前)",
     [("市卫健委", "responsible"), ("各县(市)局", "responsible")]),
    ("(三)推进改造。\n牵头单位\n县卫健局、县文旅局\n配合单位\n各乡镇\n完成时限\n2023年底",
     [("县卫健局", "lead"), ("县文旅局", "lead"), ("各乡镇", "member")]),
])
def test_task_list_columns(text, expected):
    assert pairs(text) == expected


def test_a_line_of_units_lists_them():
    text = "附件1\n\n参会单位名单\n\n市委宣传部、市卫健委、市教育局、市民政局、市公安局\n"
    assert names(text) == ["市委宣传部", "市卫健委", "市教育局", "市民政局", "市公安局"]


def test_a_sentence_with_a_list_is_not_a_list_line():
    assert "市公安局" not in names("今年市委宣传部、市卫健委、市公安局的工作都很好\n")


def test_people_column_of_a_table_flattened_one_cell_a_line():
    text = ("附件1:\n组别\n人数\n说明\n负责人\n一组\n15\n见下表\n刘某某\n二组\n12\n见下表\n冯某某\n"
            "三组\n9\n见下表\n陈某某\n")
    assert pairs(text) == [("刘某某", "responsible"), ("冯某某", "responsible"), ("陈某某", "responsible")]


# ---- reports: named office-holders and acting units ---------------------------------------

@pytest.mark.parametrize("text, who", [
    ("会议由党委副书记、院长赵某某主持。", "赵某某"),
    ("会上,钱某某书记传达了上级精神。", "钱某某"),
    ("某县县长孙某某今(7日)特别在会议中指示有关部门加强检查。", "孙某某"),
    ("以下为某某局局长周某某教授今日(七月二十二日)出席活动后的谈话。", "周某某"),
])
def test_named_holder_who_reports_the_work(text, who):
    assert who in names("前言。" + text)


def test_lists_of_named_holders():
    got = names("前言。医院领导陈某某、罗某某等做动员讲话,李某某、徐某某两位副院长公布实施方案。")
    assert got == ["陈某某", "罗某某", "李某某", "徐某某"]


@pytest.mark.parametrize("text", [
    "某县林业局原局长王某某收受礼金。",  # a former holder in a case report
    "为贯彻州委吴某某书记对全州工作的要求,特制定本方案。",  # a superior's officer
])
def test_no_holder(text):
    assert not any(len(n) <= 3 for n in names("前言。" + text))


@pytest.mark.parametrize("text, unit", [
    ("运输署已安排人员到场视察。", "运输署"),
    ("日前,江河省教育厅印发通知,部署校园安全工作。", "江河省教育厅"),
    ("为做好消防工作,排查火灾隐患,青山市第二人民医院开展安全自查。", "青山市第二人民医院"),
    ("总务处汇总各班情况后统一上报。", "总务处"),
])
def test_unit_that_acts_in_a_report(text, unit):
    assert unit in names("前言。" + text)


@pytest.mark.parametrize("text", [
    "高标准组织开展主题活动。",  # 组织 is the verb
    "决定组织开展安全大检查。",
    "即从县里组织医师,深入基层社区、单位举行宣传。",  # not the clause's actor
    "此次青山某校党委会议开得很好。",
])
def test_no_acting_unit(text):
    assert names("前言。" + text) == []


def test_short_form_folds_into_the_full_name():
    text = "劳工事务局\n2021年3月1日\n前言。劳工局已安排督察到场跟进。"
    assert set(names(text)) == {"劳工事务局"}


@pytest.mark.parametrize("name", sorted(parties_subjects.SAMPLES))
def test_subject_fragment_samples(name):
    pattern = re.compile(getattr(parties_subjects, name))
    for sample in parties_subjects.SAMPLES[name]:
        assert pattern.search(sample), (name, sample)


# ---- jieba is private ----------------------------------------------------------------------

def test_party_jieba_does_not_change_the_default_dictionary():
    import jieba

    from nlp.extract.parties_people import tokens

    assert [w for _, _, w, _ in tokens("联系人:医政股 王小明")][2] == "医政股"
    jieba.initialize()
    assert "医政股" not in jieba.dt.FREQ  # our user dictionary stays in our own tokenizer


@pytest.mark.parametrize("text, title, issuer", [
    # the page prints the title in 《》 on a line of its own, over the document's number
    ("浏览量: 时间:2024-01-10\n《甲市人民政府办公厅关于印发2023年工作任务责任分解方案的通知》\n甲政办〔2023〕1号\n"
     "《2023年工作任务责任分解方案》已经市人民政府同意,现印发给你们,请认真贯彻执行。\n",
     "甲市人民政府办公厅关于印发2023年工作任务责任分解方案的通知", "甲市人民政府办公厅"),
    # a column's tag before the title on its line
    ("【重点工作及责任分解】乙市人民政府关于2020年市政府重点工作及责任分解的通知\n各县、区人民政府:\n现将任务分解如下,请抓好落实。\n",
     "【重点工作及责任分解】乙市人民政府关于2020年市政府重点工作及责任分解的通知", "乙市人民政府"),
    # a metadata table's bar before a 关于印发《…》 title
    ("名 称: | 区人民政府办公室关于印发《2023年主要目标任务责任分解方案》的通知 | 发布机构: | 丙区人民政府办公室\n"
     "各街道办事处,区人民政府各部门:\n现将方案印发给你们,请认真贯彻执行。\n",
     "| 区人民政府办公室关于印发《2023年主要目标任务责任分解方案》的通知", "区人民政府办公室"),
])
def test_the_issuer_before_关于_in_a_title_the_page_dresses(text, title, issuer):
    assert (issuer, "issuer") in pairs(text, title=title)


def test_a_cited_title_in_book_marks_names_no_issuer():
    text = "根据《甲省卫生健康委关于开展安全生产大检查的通知》要求,我院开展了自查。\n"
    assert "甲省卫生健康委" not in names(text)


def test_a_bare_organ_after_a_scoped_addressee_shares_its_scope():
    text = "关于印发某方案的通知\n各乡(镇)党委、人民政府,各街道党工委、办事处,市委各部、委、室:\n现印发给你们。\n"
    assert [n for n, r in pairs(text) if r == "recipient"] == ["各乡(镇)党委、人民政府", "各街道党工委、办事处", "市委各部、委、室"]


def test_joint_signers_over_a_date_that_lost_its_年_and_月():
    text = ("各省、自治区、直辖市人民政府:\n现予以印发,请遵照执行。\n\n教育部 国家卫生健康委员会\n\n国家体育总局 财政部\n\n"
            "2018830日    \n\n某实施方案\n")
    got = {n for n, r in pairs(text) if r == "issuer"}
    assert {"教育部", "国家卫生健康委员会", "国家体育总局", "财政部"} <= got


@pytest.mark.parametrize("text, name", [
    ("会议由镇党委组织委员葛冰主持,共四项议程。", "葛冰"),
    ("会议由副院长王某主持,各科室负责人参加。", "王某"),
])
def test_the_one_who_chairs_leads_whatever_the_post(text, name):
    assert (name, "lead") in pairs(text)
