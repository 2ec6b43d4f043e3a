"""Title and genre fixes of session 20, found on collected pages (texts written for the test)."""
from nlp.genres import declared_genre, genre_of
from nlp.pipeline import process_text


def _title(text):
    """The title of the first document the pipeline reads in ``text``."""
    return next(iter(process_text(text))).title


def test_breadcrumb_last_step_that_is_a_headline_stays_the_title():
    # the breadcrumb ends on the page's own headline (ten characters, no column's name), echoed below
    text = ("当前位置:首页 >> 通知公告 >> 端午节前廉洁自律提示\n\n端午节前廉洁自律提示\n\n"
            "发布时间:2024-06-05\n\n端午节将至,为进一步严明纪律要求,现就有关事项提示如下。"
            "严禁违规收送节礼,严禁公款吃喝,严禁公车私用。各单位要加强监督检查,发现问题严肃处理。\n")
    assert _title(text) == "端午节前廉洁自律提示"


def test_breadcrumb_echoed_column_name_is_still_chrome():
    text = ("当前位置:首页 > 信息公开 > 文件通知\n文件通知\n关于开展安全检查的通知\n各科室:\n"
            "为做好节前安全工作,决定开展一次全面检查。请各科室认真自查,于5月20日前报送结果。\n特此通知。\n")
    assert _title(text) == "关于开展安全检查的通知"


def test_taiwan_ding_ding_declares_the_genre():
    # 爰订定本计划 (訂定): the text names itself a 计划, as 特制定本方案 does
    assert declared_genre("壹、目的:为维护本所办公纪律,爰订定本计划。") == "计划"
    assert declared_genre("为落实防汛工作,特订定本要点。") == "要点"


def test_quoted_nickname_after_the_genre_word_keeps_the_genre():
    assert genre_of("端午节廉政提醒“五个不准”") == "提醒"


def test_speech_cited_inside_a_sentence_is_no_title():
    # a flattened news line that cites 《…关于…的讲话》 as the content of a lecture (以…为主要内容)
    text = ("某县:层层压实责任 严查“四风”\n针对基层干部纪律意识薄弱的问题,某县纪委采取有力措施,严肃查处违反"
            "中央八项规定的问题线索。县纪委以党章党规以及总书记关于全面从严治党的系列讲话为主要内容深入各乡镇开展巡回宣讲,"
            "并畅通举报渠道,对发现的问题线索一律从严查处。\n")
    assert _title(text) == "某县:层层压实责任 严查“四风”"


def test_headline_in_a_tables_one_filled_cell():
    # an old portal's page converted to Markdown: the headline is the one filled cell of a table row
    text = ("县医院拒收红包成新风 | |||||||\n---|---|---|---|---|---|---|---|\n"
            "http://news.example.cn 2004年06月02日08:15 某某晚报 | |||||||\n"
            "本报讯 昨天,县医院召开行风建设大会,全院医务人员签订拒收红包承诺书。据了解,今年以来该院已有30多名医生主动退还患者红包。\n")
    assert _title(text) == "县医院拒收红包成新风"


def test_a_counter_in_a_tables_one_cell_stays_chrome():
    from nlp.normalize import _is_chrome_line
    assert _is_chrome_line("浏览量:1 | | | |")
    assert not _is_chrome_line("县医院拒收红包成新风 | |||||||")
