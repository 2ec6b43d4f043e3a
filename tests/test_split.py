"""Splitting a file into documents: headline groups, official titles, genres, numbers."""

import pytest

from nlp.split import split_documents

BODY = "为加强管理,制定本方案。" * 30 + "\n一、工作目标\n完成任务。\n二、工作要求\n加强领导。\n"


def _titles(text):
    return [(d.title, d.doc_type) for d in split_documents(text)]


def test_repeated_headlines_start_documents():
    text = ("甲县卫生系统作风整顿实施方案\n\n甲县卫生系统作风整顿实施方案\n" + BODY
            + "乙县消防安全检查工作方案\n\n\n乙县消防安全检查工作方案\n" + BODY)
    assert _titles(text) == [("甲县卫生系统作风整顿实施方案", "实施方案"), ("乙县消防安全检查工作方案", "方案")]


def test_headline_glued_to_its_repeat_starts_a_document():
    text = "甲方案\n" + BODY + "市直卫生系统效能建设实施方案\n市直卫生系统效能建设实施方案市直卫生系统效能建设实施方案\n" + BODY
    docs = split_documents(text)
    assert [d.title for d in docs][1] == "市直卫生系统效能建设实施方案"
    second = text[docs[1].start:docs[1].end]
    assert second.startswith("市直卫生系统效能建设实施方案\n")


def test_single_title_line_inside_a_document_does_not_split():
    text = "全市卫生系统创先争优活动指导意见\n" + BODY + "指导意见\n" + BODY
    assert len(split_documents(text)) == 1


def test_official_title_over_several_lines_wins_over_site_headline():
    text = ("全市卫生系统创先争优活动指导意见\n\n日照市卫生局文件\n\n日卫党发〔2010〕11号\n\n关于在全市卫生系统党员中\n\n"
            "深入开展创先争优活动的\n\n指导意见\n\n各区县卫生局:\n\n" + BODY)
    (doc,) = split_documents(text)
    assert doc.title == "关于在全市卫生系统党员中深入开展创先争优活动的指导意见"
    assert doc.doc_type == "指导意见"
    assert doc.doc_number == "日卫党发〔2010〕11号"
    assert text[doc.start:].startswith("日照市卫生局文件")


def test_cited_number_is_not_the_documents_number():
    text = "关于开展效能建设的实施方案\n根据市委《关于开展机关效能建设活动的意见》(庆发[2004]9号)文件精神,制定本方案。\n" + BODY
    (doc,) = split_documents(text)
    assert doc.doc_number is None
    assert doc.title == "关于开展效能建设的实施方案"


def test_title_run_into_the_body_on_one_line():
    text = ("县卫生系统会计委派制实施方案\n\n\n县卫生系统会计委派制实施方案xx县卫生系统会计委派制实施方案近年来,我县卫生系统"
            "推行了会计委派制。一、委派岗位设置乡镇卫生院共设18个委派岗位。")
    (doc,) = split_documents(text)
    assert doc.title == "xx县卫生系统会计委派制实施方案"
    assert text[doc.start:].startswith("xx县卫生系统会计委派制实施方案近年来")


def test_page_header_inside_a_document_is_dropped():
    text = "甲县创建文明城市实施方案\n\n甲县创建文明城市实施方案\n" + BODY + "甲县创建文明城市实施方案的氛围搞得浓浓的。\n"
    (doc,) = split_documents(text)
    assert [text[s:e] for s, e in doc.drops] == ["甲县创建文明城市实施方案"]


NEWS_BODY = "近日,市卫生健康委召开会议,部署公立医院党建工作。" * 10 + "\n会议要求各医院加强领导。\n"


@pytest.mark.parametrize("first, body, title, doc_type", [
    ("辽宁锦州:以党建引领聚势赋能公立医院高质量发展", NEWS_BODY, "辽宁锦州:以党建引领聚势赋能公立医院高质量发展", "新闻"),
    # a headline with no genre word over a text that declares itself a plan (制定本方案) is a plan
    ("辽宁锦州:以党建引领聚势赋能公立医院高质量发展", BODY, "辽宁锦州:以党建引领聚势赋能公立医院高质量发展", "方案"),
    ("六、以新一轮活动为载体,全面加强党的基层组织建设", BODY, None, None),
], ids=["news-headline", "headline-over-a-plan", "fragment-without-title"])
def test_first_line_title_or_none(first, body, title, doc_type):
    (doc,) = split_documents(first + "\n" + body)
    assert (doc.title, doc.doc_type) == (title, doc_type)


def test_a_bare_numbered_heading_ending_in_a_genre_word_starts_no_document():
    from nlp.split import _is_title_line

    assert not _is_title_line("2组织机构和部门职责")  # an outline numbered 1总则, 1.1编制目的…
    assert _is_title_line("12项措施推进工作方案")  # a count, not a heading's number
