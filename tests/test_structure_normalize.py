"""Chrome removal keeps what annotators keep and drops page furniture (sentences written for these tests)."""

from __future__ import annotations

from nlp.normalize import normalize_text


def _text(raw):
    return normalize_text(raw).text


def test_auto_variant_is_the_annotators_t2s():
    n = normalize_text("某區衞生處處長表示,會跟進個案。衞生署會跟進。衞生中心會跟進。衞生處衞生處")
    assert n.variant == "t2s"


def test_a_reporter_credit_in_the_dateline_stays():
    assert "(记者 张三)" in _text("本报某市3月2日电 (记者 张三)某市今天召开安全生产工作会议,部署春季检查。")


def test_the_value_line_of_an_empty_label_goes_with_it():
    text = _text("某校后勤处工作要点\n作者:管理员 发布时间:2024年02月01日 点击数:\n次\n一、指导思想\n坚持安全第一。")
    assert text.split("\n")[:2] == ["某校后勤处工作要点", "一、指导思想"]


def test_page_furniture_lines_are_dropped():
    raw = ("跳至主要内容\n本页需要开启JavaScript才能正常显示,请检查浏览器设置\n"
           "阅读全文\n某局开展防火安全排查\n某局今日派员巡查多栋楼宇,发现隐患即时要求整改。")
    assert _text(raw).split("\n")[0] == "某局开展防火安全排查"


def test_spam_lists_split_at_bars_are_dropped():
    assert _text("免费在线观看|亚洲精品视频|高清无码播放|国产精品一区\n某院召开廉洁行医会议。") == "某院召开廉洁行医会议。"


def test_a_sharing_site_notice_is_dropped_but_a_download_instruction_in_text_stays():
    raw = ("3. 会员付费后可下载全部文档,如有版权问题请联系客服。\n"
           "1.填写表格。每位职工下载《登记表》(点击下载附件.docx),填好后上传到单位内网。")
    assert _text(raw).startswith("1.填写表格")


def test_a_line_repeated_by_a_later_copy_of_the_document_is_not_a_teaser():
    item = "1.志愿服务加分:每满二十小时加一分,最多加五分,须附服务单位出具的证明材料。"
    filler = "\n".join(["评审小组按总分排序确定人选,名单在公告栏公示五个工作日。"] * 8)
    raw = "甲方案\n" + item + "\n" + filler + "\n乙方案\n" + item + "\n" + filler
    assert _text(raw).count("志愿服务加分") == 2
