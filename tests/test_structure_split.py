"""Documents, titles, genres and numbers of real-looking files (sentences written for these tests)."""

from __future__ import annotations

import pytest

from nlp.split import split_documents
from nlp.split_head import find_doc_number, head_title, is_salutation

PARA = "各单位要高度重视,认真组织开展自查自纠,及时发现问题并整改到位,确保各项工作落到实处。"


def _meta(text):
    return [(d.title, d.doc_type) for d in split_documents(text)]


def test_a_new_document_starts_after_a_signature_when_a_headed_notice_follows():
    text = ("关于开展校园安全检查的通知\n各小学:\n现将某教综[2024]12号文《关于开展校园安全检查的通知》转发给你们,"
            "请认真贯彻执行。" + PARA * 2 + "\n某中心小学\n2024年9月5日\n"
            "某 县 教 育 局\n某教综[2024]12号\n关于转发市教育局《关于开展校园安全检查的通知》的通知\n"
            "各中学:\n" + PARA * 2 + "\n某县教育局\n2024年8月29日\n")
    docs = split_documents(text)
    assert [d.title for d in docs] == ["关于开展校园安全检查的通知", "关于转发市教育局《关于开展校园安全检查的通知》的通知"]
    assert [d.doc_number for d in docs] == [None, "某教综[2024]12号"]


def test_the_plan_a_notice_hands_on_stays_in_the_notice():
    text = ("关于印发甲县防汛工作方案的通知\n各乡镇:\n现将《甲县防汛工作方案》印发给你们,请认真贯彻执行。\n"
            "甲县人民政府办公室\n2024年5月6日\n甲县防汛工作方案\n" + PARA * 3 + "\n一、工作目标\n" + PARA)
    (doc,) = split_documents(text)
    assert (doc.title, doc.doc_type, doc.encloses) == ("关于印发甲县防汛工作方案的通知", "通知", "方案")


def test_a_news_report_and_the_full_text_it_carries_are_two_documents():
    text = ("某部门印发《会议活动精简若干规定》\n" + PARA * 4 + "\n《若干规定》全文如下。\n会议活动精简若干规定\n"
            "为切实减轻基层负担,制定如下规定。\n一、精简文件\n" + PARA)
    assert _meta(text) == [("某部门印发《会议活动精简若干规定》", "新闻"), ("会议活动精简若干规定", "规定")]


def test_a_list_of_news_items_splits_at_each_headline_over_its_date():
    item = "消防局今日派员巡查多个建筑地盘,提醒承建商做好防火措施,确保工人安全。"
    heads = ["某区消防局巡查在建工地", "某区卫生局举办急救培训", "某区教育局部署校车检查"]
    text = "".join(f"{h}\n2024-11-0{k}\n{item}\n" for k, h in enumerate(heads, 1))
    assert [t for t, _ in _meta(text)] == heads


def test_headline_is_found_among_page_chrome():
    lines = ["跳至主要内容", "选单开关", "今日报纸2024年05月06日", "某市消防局开展楼宇防火排查", "日期:2024-05-06",
             "消防局表示,将对全市楼宇开展防火安全大排查,发现隐患即时要求整改。"]
    assert head_title(lines) == ("某市消防局开展楼宇防火排查", 3)


def test_headline_with_a_genre_word_wins_over_the_issuer_line_above_it():
    assert head_title(["某区应急管理局", "某区应急管理局2023年工作总结", PARA])[0] == "某区应急管理局2023年工作总结"


def test_a_salutation_is_never_a_title():
    assert is_salutation("各单位、部门:") and is_salutation("尊敬的各位患者和家属:")
    assert _meta("各单位、部门:\n寒假将至,现提出如下要求:\n一、严禁公款吃喝。\n二、严禁收受礼品。\n某校纪委\n2024年1月10日\n") == [
        (None, "通知")]


def test_a_notice_without_title_is_titled_by_what_it_hands_on():
    text = ("各区县安委会:\n现将《某市燃气安全专项整治工作方案》印发给你们,请认真贯彻执行。\n某市安委会办公室\n2024年3月8日\n"
            "某市燃气安全专项整治工作方案\n" + PARA * 2 + "\n一、指导思想\n" + PARA)
    (doc,) = split_documents(text)
    assert (doc.title, doc.doc_type, doc.encloses) == ("某市燃气安全专项整治工作方案", "方案", "方案")


@pytest.mark.parametrize("text, doc_type", [
    ("日前,某省教育厅印发通知,要求各地加强校园安全隐患排查。" + PARA, "新闻"),
    ("为加强作风建设,经研究,现制定如下工作方案:" + PARA + "\n一、总体要求\n" + PARA, "方案"),
    ("三、工作要求\n" + PARA, None),
], ids=["news", "declared-plan", "fragment"])
def test_a_document_without_title_line(text, doc_type):
    assert _meta(text) == [(None, doc_type)]


@pytest.mark.parametrize("head, number", [
    ("X卫健发〔2024〕8号\n关于做好防汛工作的通知", "X卫健发〔2024〕8号"),
    ("• 发文字号:某府发〔2023〕15号\n• 成文日期:2023年9月1日", "某府发〔2023〕15号"),
    ("2024年县政府民生实事项目(某政发〔2024〕5号)\n各乡镇人民政府:", "某政发〔2024〕5号"),
    ("现将某教综[2024]31号文转发给你们。", None),
    ("根据《实施意见》(某发〔2019〕9号)精神,制定本方案。", None),
], ids=["masked", "label", "parenthesised", "cited-in-sentence", "cited-document"])
def test_doc_number(head, number):
    assert find_doc_number(head) == number


def test_a_title_broken_over_two_lines_is_joined():
    text = "关于印发某县基层医疗服务能力提升三年行动计划\n(2024—2026年)的通知\n各乡镇人民政府:\n" + PARA
    assert _meta(text)[0] == ("关于印发某县基层医疗服务能力提升三年行动计划(2024—2026年)的通知", "通知")


def test_a_page_headline_naming_two_documents_gives_way_to_the_first_title():
    text = ("某校实验室管理制度及安全应急预案\n某校实验室管理制度\n一、准入\n" + PARA * 3 + "\n"
            "某校2024年实验室安全事故应急预案\n为妥善处置实验室事故,特制定本预案。\n(一)成立处置小组\n" + PARA)
    assert _meta(text) == [("某校实验室管理制度", "制度"), ("某校2024年实验室安全事故应急预案", "应急预案")]


def test_a_title_ends_at_the_space_before_the_body():
    assert _meta("某社区卫生服务中心党建工作总结 自年初以来,中心按照上级部署扎实开展各项工作,取得明显成效。")[0] == (
        "某社区卫生服务中心党建工作总结", "工作总结")


def test_notices_of_one_issuer_signed_without_a_date_are_split():
    notice = "各科室:\n" + PARA * 3 + "\n特此通知。\n某县人民医院\n"
    text = "关于开展消防演练的通知\n" + notice + "关于加强夜间值班的通知\n" + notice
    assert [t for t, _ in _meta(text)] == ["关于开展消防演练的通知", "关于加强夜间值班的通知"]


def test_the_masthead_is_not_the_title():
    text = "某市卫生健康委员会文件\n某卫发〔2024〕3号\n2024年全市卫生健康工作安排\n各区卫生健康局:\n" + PARA
    assert split_documents(text)[0].title == "2024年全市卫生健康工作安排"


def test_a_plan_handed_on_under_a_short_name_stays_in_the_notice():
    text = ("关于印发防汛工作方案的通知\n各乡镇:\n现将《防汛方案》印发给你们,请认真贯彻执行。\n甲县人民政府办公室\n2024年5月6日\n"
            "甲县2024年防汛抗旱工作方案\n" + PARA * 3 + "\n一、工作目标\n" + PARA)
    assert len(split_documents(text)) == 1


def test_an_attachment_after_the_signature_stays_in_the_document():
    text = ("关于开展安全检查的通知\n各单位:\n" + PARA * 3 + "\n附件\n某县安委会\n2024年5月6日\n"
            "某县安全生产检查工作方案\n" + PARA * 2)
    assert len(split_documents(text)) == 1


def test_dated_links_at_the_foot_of_a_news_page_are_not_documents():
    text = ("某县召开安全生产工作会议\n" + PARA * 2 + "\n某县开展消防演练\n2024-05-01\n某县检查燃气安全\n2024-04-28\n")
    assert len(split_documents(text)) == 1
