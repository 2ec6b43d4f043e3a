"""A 印发 notice is one document of type 通知; `encloses` names the genre it hands on, is stored
as a column, and `query --doc-type` finds the notice by it."""

from __future__ import annotations

import sqlite3

from nlp.genres import enclosed_genre, genre_of
from nlp.pipeline import process_text
from nlp.settings import Settings
from nlp.store.query import build_query
from nlp.store.rows import document_rows
from nlp.store.sqlite import create_schema, Store

NOTICE = ("关于印发甲县安全生产大检查实施方案的通知\n各乡镇人民政府,县直各单位:\n"
          "现将《甲县安全生产大检查实施方案》印发给你们,请认真贯彻执行。\n甲县人民政府办公室\n2024年5月6日\n"
          "甲县安全生产大检查实施方案\n为切实做好安全生产工作,特制定本方案。\n一、工作目标\n消除重大隐患。\n")


def _docs(text):
    return list(process_text(text, settings=Settings(classify=False)))


def test_notice_and_enclosed_plan_are_one_document_typed_notice():
    (doc,) = _docs(NOTICE)
    assert (doc.doc_type, doc.encloses) == ("通知", "实施方案")
    assert doc.to_dict()["encloses"] == "实施方案"


def test_a_plan_encloses_nothing():
    (doc,) = _docs("甲县安全生产大检查实施方案\n为切实做好安全生产工作,特制定本方案。\n一、工作目标\n消除重大隐患。\n")
    assert (doc.doc_type, doc.encloses) == ("实施方案", None)


def test_enclosed_genre_from_the_title_or_the_handing_on_sentence():
    assert enclosed_genre("关于转发省教育厅《关于开展隐患排查的通知》的通知", "") == "通知"
    assert enclosed_genre(None, "各单位:\n现将《乙市工作要点》印发给你们。") == "要点"
    assert enclosed_genre("关于召开会议的通知", "请准时参加。") is None


def test_genre_words_are_data():
    assert [genre_of(t) for t in ("某校安全处工作思路", "某局局长致辞全文", "某院服务承诺", "某县应急预案")] == [
        "工作思路", "致辞", "承诺", "应急预案"]


def _db_with(doc):
    con = sqlite3.connect(":memory:")
    create_schema(con)
    Store(con).add_rows(document_rows(doc, "a.txt"))
    return con


def test_query_doc_type_matches_what_a_notice_encloses():
    con = _db_with(_docs(NOTICE)[0])
    for genre, found in (("实施方案", 1), ("通知", 1), ("工作总结", 0)):
        q = build_query("documents", doc_type=genre)
        assert len(con.execute(q.sql, q.params).fetchall()) == found, genre


def test_an_old_database_gains_the_encloses_column():
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE documents (file TEXT, doc_index INTEGER, title TEXT)")
    create_schema(con)
    assert "encloses" in {row[1] for row in con.execute("PRAGMA table_info(documents)")}


# A government site's page: its metadata lines and the plan's name as the page's headline above a
# 下达 notice that hands the plan on; the plan follows the notice's 落款.
PAGE_OF_A_HANDED_ON_PLAN = (
    "索 引 号 11370828/2021-01956 公开方式 主动公开\n发布机构 甲县发展和改革局 组配分类 发展计划\n"
    "成文日期 2021-02-22 废止日期\n有效性\n甲县2021年国民经济和社会发展计划\n分享\n\n甲县人民政府\n\n"
    "关于下达甲县2021年国民经济和社会发展计划的通知\n\n甲政发〔2021〕3号\n\n"
    "各镇政府,各街道办事处,县政府各部门:\n\n县人民代表大会审议通过了计划草案的报告,"
    "现将甲县2021年国民经济和社会发展计划下达给你们,请认真组织实施。\n\n甲县人民政府\n\n2021年2月22日\n\n"
    "甲县2021年国民经济和社会发展计划\n\n2021年是“十四五”规划的开局之年。做好全县经济工作的总体要求是:"
    "坚持稳中求进,推动高质量发展。\n\n主要预期目标为:地区生产总值增长7%以上。\n")


def test_a_notice_that_hands_on_a_plan_under_its_page_headline_is_one_notice():
    (doc,) = _docs(PAGE_OF_A_HANDED_ON_PLAN)
    assert doc.title == "关于下达甲县2021年国民经济和社会发展计划的通知"
    assert (doc.doc_type, doc.doc_number) == ("通知", "甲政发〔2021〕3号")
    assert "各镇政府" in doc.text  # the notice's own lines are kept
    assert "下达给你们" in doc.text
    assert {m.value["name"] for m in doc.mentions if m.type == "party"} >= {"各镇政府", "各街道办事处", "县政府各部门"}
