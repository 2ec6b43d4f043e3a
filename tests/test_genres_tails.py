"""A title's genre survives the notes that sites add after it: a dated or numbered
parenthesis, a 公告's number, a bracketed tag, a file extension, a site name after a dash."""

import pytest

from nlp.genres import genre_of
from nlp.split import split_documents


@pytest.mark.parametrize("title, genre", [
    ("某市公共卫生三年行动计划(2023—2025年)", "计划"),
    ("某局公告(第8号)", "公告"),
    ("某市应急管理局公告2024年第1号", "公告"),
    ("高考考生注意事项(2024年版)", "注意事项"),
    ("关于开展安全检查的通知【全文】", "通知"),
    ("某县关于开展巡查的通知(某卫健发〔2024〕8号)", "通知"),
    ("某局防火工作方案.doc", "方案"),
    ("某院安全生产月活动方案 - 某某网", "方案"),
    ("某局工作要点(2024)", "要点"),
    ("某县居民用电安全告知书", "告知书"),
    ("某局召开会议(图)", None),
    ("某医院安全生产工作计划范文", "计划"),
    ("某院医德医风工作总结3篇", "工作总结"),
    ("某院医疗质量整改实施方案(精选5篇)", "实施方案"),
    ("某科室上半年工作汇报", "汇报"),
    ("某医院护理人员岗位职责", "职责"),
    ("医德医风学习心得体会", "心得体会"),
    ("某院召开医德医风大会", None),
])
def test_genre_after_a_tail(title, genre):
    assert genre_of(title) == genre


def test_a_dated_title_line_starts_its_document():
    body = "为做好今年工作,结合实际,制定本计划。\n一、工作目标\n各单位要认真组织,确保落实。\n"
    doc = split_documents("某县卫生健康三年行动计划(2024—2026年)\n" + body)[0]
    assert doc.doc_type == "计划" and doc.title.startswith("某县卫生健康三年行动计划")


def test_a_news_report_of_a_plan_is_news():
    news = "某市印发安全生产专项整治工作方案\n2024-05-06\n近日,某市印发了安全生产专项整治工作方案,对全年工作作出部署。\n"
    assert split_documents(news)[0].doc_type == "新闻"
    plan = "某市安全生产专项整治工作方案\n为做好安全生产工作,制定本方案。\n一、目标\n确保全年安全。\n"
    assert split_documents(plan)[0].doc_type == "方案"
    notice = "某县人民政府关于印发安全生产工作方案的通知\n各乡镇:\n现将方案印发给你们,请认真执行。\n"
    assert split_documents(notice)[0].doc_type == "通知"


def test_an_untitled_summary_declares_its_genre():
    from nlp.genres import declared_genre

    assert declared_genre("现将上半年主要工作情况总结如下:") == "工作总结"
    assert declared_genre("现将我镇燃气安全专项整治工作总结如下。") == "工作总结"
    assert declared_genre("现将调查结果汇报如下:") is None  # a survey's results, no summary of work
    assert declared_genre("现就我校安全自查情况书面报告如下:") == "报告"


def test_a_template_sample_number_after_the_genre():
    from nlp.genres import genre_of

    assert genre_of("某区教育局季度工作总结一") == "工作总结"
    assert genre_of("某镇安全生产工作计划2") == "计划"
    assert genre_of("某县2024年第一季度工作总结") == "工作总结"


def test_an_untitled_letter_whose_recipients_share_its_first_line_is_a_notice():
    # a 主送 run onto the line of the first sentence (a page that joined its paragraphs)
    text = ("各镇街安监站,各有关单位: 按照市政府工作部署,为确保节日期间全市建筑施工安全形势稳定,"
            "请各单位于每周五前报送排查情况。 二〇二一年一月五日\n")
    assert split_documents(text)[0].doc_type == "通知"
    story = "记者从市应急管理局获悉: 按照全市统一部署,各地开展了节前安全检查。检查组走访了多家企业。\n"
    assert split_documents(story)[0].doc_type == "新闻"  # (what is before the colon names no recipients)


def test_an_untitled_decision_or_bulletin_declares_its_genre():
    from nlp.genres import declared_genre

    assert declared_genre("为加快全县教育发展,现就创建教育强县有关事项决定如下。") == "决定"
    assert declared_genre("近日,某办公室对3起典型问题进行通报。具体如下:") == "通报"
    assert declared_genre("近日,某办公室对3起典型问题进行了调查。") is None
    text = "为加快全县教育发展,现就创建教育强县有关事项决定如下。\n一、发展目标\n到2030年,全县学前三年毛入园率达到95%。\n"
    assert split_documents(text)[0].doc_type == "决定"


def test_a_plan_made_below_declares_its_genre():
    from nlp.genres import declared_genre

    assert declared_genre("结合我镇具体情况制定以下工作方案。") == "方案"


def test_reminders_minutes_and_replies_are_genres():
    from nlp.genres import declared_genre

    assert genre_of("关于做好汛期安全工作的提醒函") == "提醒函"
    assert genre_of("元旦春节廉洁过节提醒") == "提醒"
    assert genre_of("临时委员会卫生事务会议纪要") == "会议纪要"
    assert genre_of("关于区政协第12号提案的答复") == "答复"
    assert declared_genre("现将节日纪律要求提醒如下:") == "提醒"


def test_an_untitled_opinion_declares_its_genre():
    from nlp.genres import declared_genre

    assert declared_genre("结合我县实际,现就加强会议管理工作提出如下意见:") == "意见"
    assert declared_genre("各单位对方案提出了修改意见。") is None


def test_a_headline_without_a_genre_word_takes_the_genre_its_text_declares():
    # a headline that names no genre: the text under it says what it is (an opinion, a notice);
    # a news story under such a headline stays news
    opinion = ("某县关于规范公务用车管理\n"
               "各乡镇人民政府,县直各单位:\n为进一步规范公务用车管理,结合我县实际,现提出如下意见。\n"
               "一、严格用车审批\n各单位要建立用车登记制度。\n")
    assert split_documents(opinion)[0].doc_type == "意见"
    notice = ("某区教育局2025年寒假安全工作\n"
              "各中小学:\n寒假将至,为确保学生假期安全,现将有关事项通知如下:\n"
              "一、开展安全教育\n各校要在放假前召开安全教育主题班会。\n")
    assert split_documents(notice)[0].doc_type == "通知"
    news = ("某县召开冬季消防工作会议\n"
            "12月3日,某县召开冬季消防工作会议,县消防救援大队负责人出席会议并讲话。\n"
            "会议要求各单位压实责任。\n")
    assert split_documents(news)[0].doc_type == "新闻"


def test_a_headline_running_on_into_its_own_number_keeps_its_genre():
    from nlp.genres import genre_of

    assert genre_of("转发市府办关于开展消防宣传月活动的通知某府建通[2009]121号") == "通知"
    assert genre_of("某省人民政府办公厅《关于印发某省消防安全责任制实施办法的通知》某办发〔2019〕71号") == "通知"


def test_a_cited_document_in_book_title_marks_still_gives_no_genre():
    from nlp.genres import genre_of

    assert genre_of("关于印发《某县防火工作方案》") is None


def test_a_summary_titled_with_the_next_periods_plans_after_it_is_a_summary():
    from nlp.genres import genre_of

    assert genre_of("某县林业局2022年工作总结暨2023年工作打算") == "工作总结"
    assert genre_of("某中心上半年工作总结与下半年工作重点") == "工作总结"
    assert genre_of("某局召开年度总结和表彰会议") is None  # a news headline stays without a genre
    assert genre_of("某县2022年工作总结和2023年工作计划") == "计划"  # the last genre word, as before


def test_the_genre_named_before_如下():
    from nlp.genres import declared_genre
    from nlp.split import split_documents

    assert declared_genre("根据省里部署,结合本县实际,特制定实施方案如下:") == "实施方案"
    assert declared_genre("经研究,制订工作方案如下。") == "方案"
    text = "为做好汛期校园安全工作,结合我区实际,制定实施方案如下:\n一、工作目标\n全区学校安全隐患整改率达到100%。\n"
    assert split_documents(text)[0].doc_type == "实施方案"


def test_a_template_sample_number_spaced_off_the_genre():
    from nlp.genres import genre_of

    assert genre_of("社区消防安全工作实施方案 2") == "实施方案"
    assert genre_of("某镇年度工作总结 三") == "工作总结"


def test_a_template_sites_sample_index_and_compilation_label_leave_the_genre():
    """A template site numbers the samples of a page (`…(优质20篇)篇一`, `…范文篇一`) and labels a
    page that gathers several (`…汇总`); neither is a genre (titles written for this test)."""
    from nlp.genres import genre_of

    assert genre_of("2024年某镇烟花爆竹管控工作方案(优质20篇)篇一") == "方案"
    assert genre_of("某县妇幼卫生工作总结范文篇一") == "工作总结"
    assert genre_of("某区妇幼工作总结汇总") == "工作总结"
    assert genre_of("学习心得篇一") is None and genre_of("某某诗篇一") is None
