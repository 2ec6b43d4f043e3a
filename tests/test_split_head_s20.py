"""Title and genre fixes of session 20, found on collected pages (texts written for the test)."""
from nlp.genres import declared_genre
from nlp.pipeline import process_text


def test_breadcrumb_last_step_that_is_a_headline_stays_the_title():
    # the breadcrumb ends on the page's own headline (ten characters, no column's name), echoed below
    text = ("当前位置:首页 >> 通知公告 >> 端午节前廉洁自律提示\n\n端午节前廉洁自律提示\n\n"
            "发布时间:2024-06-05\n\n端午节将至,为进一步严明纪律要求,现就有关事项提示如下。"
            "严禁违规收送节礼,严禁公款吃喝,严禁公车私用。各单位要加强监督检查,发现问题严肃处理。\n")
    doc = list(process_text(text))[0]
    assert doc.title == "端午节前廉洁自律提示"


def test_breadcrumb_echoed_column_name_is_still_chrome():
    text = ("当前位置:首页 > 信息公开 > 文件通知\n文件通知\n关于开展安全检查的通知\n各科室:\n"
            "为做好节前安全工作,决定开展一次全面检查。请各科室认真自查,于5月20日前报送结果。\n特此通知。\n")
    assert list(process_text(text))[0].title == "关于开展安全检查的通知"


def test_taiwan_ding_ding_declares_the_genre():
    # 爰订定本计划 (訂定): the text names itself a 计划, as 特制定本方案 does
    assert declared_genre("壹、目的:为维护本所办公纪律,爰订定本计划。") == "计划"
    assert declared_genre("为落实防汛工作,特订定本要点。") == "要点"
