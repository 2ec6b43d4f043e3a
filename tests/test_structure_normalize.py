"""Chrome removal keeps what annotators keep and drops page furniture (sentences written for these tests)."""

from __future__ import annotations

from nlp.normalize import normalize_text


def _text(raw):
    return normalize_text(raw).text


def test_auto_variant_is_the_annotators_t2s():
    n = normalize_text("食物及衞生局局長表示,醫院會跟進事件。衞生署會跟進。衞生防護中心會跟進。衞生局衞生局")
    assert n.variant == "t2s"


def test_a_reporter_credit_in_the_dateline_stays():
    assert "(记者 张三)" in _text("本报北京5月10日电 (记者 张三)5月10日,某部门通报了多起典型问题。")


def test_the_value_line_of_an_empty_label_goes_with_it():
    text = _text("某校安全处工作思路\n作者:佚名 发布时间:2010年03月10日 点击数:\n次\n一、指导思想\n坚持安全第一。")
    assert text.split("\n")[:2] == ["某校安全处工作思路", "一、指导思想"]


def test_page_furniture_lines_are_dropped():
    raw = ("跳至主要内容\n您的浏览器不支援JavaScript功能,若部份网页功能无法正常使用时,请开启浏览器JavaScript状态\n"
           "阅读全文\n某局开展防火安全排查\n某局今日派员巡查多栋楼宇,发现隐患即时要求整改。")
    assert _text(raw).split("\n")[0] == "某局开展防火安全排查"


def test_spam_lists_split_at_bars_are_dropped():
    assert _text("免费在线观看|亚洲精品视频|高清无码播放|国产精品一区\n某院召开廉洁行医会议。") == "某院召开廉洁行医会议。"


def test_a_sharing_site_notice_is_dropped_but_a_download_instruction_in_text_stays():
    raw = ("2. 本文档由用户上传,版权归属用户,某网负责整理代发布。\n"
           "1.个人总结。每位教工下载《年度考核登记表》(点击下载表格.docx),完成个人总结,电子稿上传到校园网。")
    assert _text(raw).startswith("1.个人总结")


def test_a_line_repeated_by_a_later_copy_of_the_document_is_not_a_teaser():
    item = "1.学科竞赛加分:获全国竞赛一等奖者加四十分,二等奖加三十分,三等奖加二十分,省级竞赛减半计算。"
    filler = "\n".join(["学校将以学习成绩分与特长分之和为主要依据进行推荐,未尽事宜由校长室处理。"] * 8)
    raw = "甲方案\n" + item + "\n" + filler + "\n乙方案\n" + item + "\n" + filler
    assert _text(raw).count("学科竞赛加分") == 2
