"""A site's masthead above a document is no party of it."""

from __future__ import annotations

from nlp.extract.parties import find_parties
from nlp.extract.parties_chrome import masthead_end


def names(text: str) -> list[str]:
    return [m.value["name"] for m in find_parties(text)]


def test_masthead_site_name_is_not_a_party():
    text = ("某某县教育局\n欢迎访问某某县教育局网站\n今天是2022年3月1日 星期二\n首页 新闻 公告 联系我们\n"
            "各学校要在3月底前完成安全排查。\n")
    assert "某某县教育局" not in names(text)
    assert "各学校" in names(text)


def test_no_masthead_without_a_page_cue():
    text = "某某县教育局文件\n关于做好安全排查的通知\n各学校:\n请于3月底前完成。\n"
    assert masthead_end(text) == 0


def test_masthead_stops_at_running_text():
    text = "首页 通知公告\n各学校要加强管理,落实责任,确保安全。\n欢迎访问本站\n"
    assert text[:masthead_end(text)] == "首页 通知公告"


def test_signature_run_into_the_text_is_an_issuer():
    text = "请认真贯彻执行。某某县卫生健康局2023年3月1日附件:工作分工表"
    assert ("某某县卫生健康局", "issuer") in [(m.value["name"], m.value["role"]) for m in find_parties(text)]


def test_dated_clause_is_no_signature():
    text = "各单位要抓好落实。县卫生局2023年3月1日召开专题会议,部署排查工作。"
    assert ("县卫生局", "issuer") not in [(m.value["name"], m.value["role"]) for m in find_parties(text)]


def test_addressees_run_in_after_a_document_number():
    text = "关于做好排查的通知某卫发〔2023〕5号各乡镇卫生院,县直各医疗单位:现将有关事项通知如下。"
    found = [(m.value["name"], m.value["role"]) for m in find_parties(text)]
    assert ("各乡镇卫生院", "recipient") in found and ("县直各医疗单位", "recipient") in found


def test_signature_with_a_blank_day_run_into_the_text():
    text = "确保完成各项任务。某某县卫生健康局办公室2023年4月 日附件一览"
    assert ("某某县卫生健康局办公室", "issuer") in [(m.value["name"], m.value["role"]) for m in find_parties(text)]


def test_addressees_after_a_page_toolbar():
    text = "某局关于做好排查的通知\n浏览次数:12 字体:[大 中 小]各乡镇卫生院、县直各医疗单位:为切实做好排查工作,现将有关事项通知如下。"
    found = [(m.value["name"], m.value["role"]) for m in find_parties(text)]
    assert ("各乡镇卫生院", "recipient") in found and ("县直各医疗单位", "recipient") in found


def test_closing_link_list_and_footer_are_no_parties():
    text = ("各乡镇卫生院要在6月底前完成自查。\n1.某区组织开展防汛检查 2022-06-10\n2.某镇召开工作推进会 2022-06-01\n"
            "主办:某某县某某局 承办:某某县信息中心\n")
    found = names(text)
    assert "各乡镇卫生院" in found and "某区" not in found and "某镇" not in found


def test_undated_numbered_links_count_only_over_a_footer():
    body = "各乡镇卫生院要在6月底前完成自查。\n1.县疾控中心负责技术指导\n2.县卫生监督所负责执法检查\n"
    footer = "版权所有:某某县某某局\n"
    assert "县疾控中心" in names(body)
    assert "县疾控中心" in names(body + footer)  # two items over a footer may be the document's own
    assert "县疾控中心" not in names(body + "3.县妇幼保健院开展义诊活动\n" + footer)


def test_dated_announcement_is_no_signature():
    text = "各单位要抓好落实。县政府办公室2023年3月1日公布了第一批名单。"
    assert ("县政府办公室", "issuer") not in [(m.value["name"], m.value["role"]) for m in find_parties(text)]
