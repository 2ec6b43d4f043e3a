"""The outline: markers, headings as a reader sees them, true nesting depth."""

import re

import pytest

from nlp.outline import parse_outline


def _outline(text):
    return [(s.level, s.marker, s.heading) for s in parse_outline(text)]


def test_gbt9704_levels():
    text = "一、总体要求\n正文。\n(一)加强领导。正文。\n1、建立机构。正文。\n(1)成立小组。\n①明确分工。\n二、工作步骤\n正文。"
    assert _outline(text) == [(1, "一、", "总体要求"), (2, "(一)", "加强领导"), (3, "1、", "建立机构"),
                              (4, "(1)", "成立小组"), (5, "①", "明确分工"), (1, "二、", "工作步骤")]


def test_one_style_at_two_depths():
    text = "一、目标\n1、甲。\n2、乙。\n二、措施\n(一)丙。\n1、丁。\n(二)戊。"
    assert [lv for lv, _, _ in _outline(text)] == [1, 2, 2, 1, 2, 3, 2]


def test_missing_parent_keeps_the_normal_level():
    text = "(一)甲。\n(二)乙。\n三、丙\n(一)丁。\n四、戊"
    assert [lv for lv, _, _ in _outline(text)] == [2, 2, 1, 2, 1]


def test_stage_markers_continue_their_siblings():
    text = "四、活动安排\n(一)学习阶段(2月中旬—3月中旬)。\n(二)检查阶段。\n第三阶段:整改提高阶段(5月上旬—5月下旬)。\n五、要求"
    assert _outline(text)[3] == (2, "第三阶段:", "整改提高阶段(5月上旬—5月下旬)")


def test_flattened_headings_stop_where_the_body_starts():
    text = ("制定如下实施方案。一、总体要求以邓小平理论为指导,认真查摆问题。二、工作重点(一)全面推进依法行政,从严规范行政行为。"
            "三、方法与步骤(一)动员学习阶段(6月中旬至6月下旬)主要任务是:学习文件。1、建立工作机构。成立小组。")
    assert _outline(text) == [
        (1, "一、", "总体要求"), (1, "二、", "工作重点"), (2, "(一)", "全面推进依法行政,从严规范行政行为"),
        (1, "三、", "方法与步骤"), (2, "(一)", "动员学习阶段(6月中旬至6月下旬)"), (3, "1、", "建立工作机构")]


def test_space_ends_a_flattened_heading():
    text = "总结如下: 一、基本情况 全系统有33个机构。 二、动员部署,迅速启动活动 (一)高度重视,强化组织领导。一是成立小组。"
    assert _outline(text) == [(1, "一、", "基本情况"), (1, "二、", "动员部署,迅速启动活动"), (2, "(一)", "高度重视,强化组织领导")]


@pytest.mark.parametrize("text", [
    "一是加强领导,二是落实责任,三是强化督查。",
    "全年完成2、3个项目,增长1.5%。",
    "以“1、3、5”为载体开展活动。",
    "附件:1、领导小组名单\n2、指导小组名单",
    "坚持安全第一、预防为主、综合治理的方针,统一、规范管理。",
], ids=["yishi-in-paragraph", "numbers", "quoted-list", "attachments", "di-yi-in-slogan"])
def test_not_sections(text):
    assert _outline(text) == []


def test_paragraph_initial_yao_runs_are_sections():
    text = "(三)加强监管\n一要加强网络建设。\n二要抓好食品卫生。\n三要加强监管。"
    assert [m for _, m, _ in _outline(text)] == ["(三)", "一要", "二要", "三要"]


def test_unnumbered_paragraph_headings_in_news():
    body = "强化制度保障。按照属地管理原则,成立工作指导委员会,健全报告制度。"
    text = f"导语段落。\n加强组织领导,压实主体责任。{body}\n夯实组织基础,凝聚发展动力。{body}"
    assert _outline(text) == [(1, "", "加强组织领导,压实主体责任"), (1, "", "夯实组织基础,凝聚发展动力")]


def test_unnumbered_case_headings_in_a_bulletin():
    case = "2023年5月,该同志多次驾驶公务车辆办理私事,造成不良影响,受到党内警告处分。"
    text = (f"现将有关情况通报如下。\n某供水公司后勤科科长李某某公车私用问题。{case}\n"
            f"某燃气公司副经理周某某违规接受宴请问题。{case}\n上述问题性质恶劣,教训深刻,各单位要引以为戒。")
    assert [h for _, _, h in _outline(text)] == ["某供水公司后勤科科长李某某公车私用问题", "某燃气公司副经理周某某违规接受宴请问题"]


def test_spans_cover_heading_and_body_and_nest():
    text = "一、目标\n完成。\n(一)甲。正文\n二、措施\n乙。"
    secs = parse_outline(text)
    assert text[secs[0].start:secs[0].end] == "一、目标\n完成。\n(一)甲。正文"
    assert secs[1].parent == secs[0].id and secs[2].parent is None


def test_unnumbered_headings_on_their_own_lines():
    para = "据介绍,此次集中整治覆盖全省各级医疗机构,重点盯住药品耗材采购、医疗设备招标等关键环节。"
    text = f"导语。\n聚焦关键环节\n{para}\n畅通举报渠道\n{para}"
    assert _outline(text) == [(1, "", "聚焦关键环节"), (1, "", "畅通举报渠道")]


def test_numbering_restarted_under_an_item_of_its_own_style_is_its_list():
    text = ("1.公务员原则上不得参加饮宴:\n1.因公务礼仪确有必要参加。\n2.因民俗节庆公开举办。\n"
            "2.处理程序:\n1.上述情形应事先报备。\n2.受邀者为首长的,应通知政风机构。\n")
    assert [(s.level, s.marker) for s in parse_outline(text)] == [
        (1, "1."), (2, "1."), (2, "2."), (1, "2."), (2, "1."), (2, "2.")]
    runs = "一、目标\n1.甲项工作。\n2.乙项工作。\n二、要求\n1.丙项工作。\n2.丁项工作。\n"
    assert [s.level for s in parse_outline(runs)] == [1, 2, 2, 1, 2, 2]


def test_parts_opened_first_wrap_the_chapters():
    text = "第一部分 总体安排\n第一章 总体要求\n第一条 指导思想。\n第二章 保障措施\n第二部分 附则\n"
    assert [s.level for s in parse_outline(text)] == [1, 2, 3, 2, 1]
    chapters = "第一章 总则\n第一部分 目标\n第二部分 任务\n第二章 附则\n"
    assert [s.level for s in parse_outline(chapters)] == [1, 2, 2, 1]


def test_a_law_sites_spaced_chapters_and_articles_alone_on_their_lines():
    text = ("第 一 章 总则\n第 1 条\n为管理某物,特制定本条例。\n第 2 条\n本条例所称某物,指下列物品:\n"
            "一、甲类物品。\n二、乙类物品。\n第 二 章 管理\n第 3 条\n主管机关应定期检查。\n")
    got = [(s.level, re.sub(r"\s+", "", s.marker), s.heading) for s in parse_outline(text)]
    assert got == [(1, "第一章", "总则"), (2, "第1条", ""), (2, "第2条", ""), (3, "一、", "甲类物品"),
                   (3, "二、", "乙类物品"), (1, "第二章", "管理"), (2, "第3条", "")]


def test_a_wechat_articles_parts_numbered_01_alone_on_their_lines():
    text = "为做好某项工作,制定本方案。\n01\n总体目标和要求\n(一)总体目标。到年底完成。\n(二)总体要求。抓好落实。\n02\n主要任务\n全面排查。\n"
    assert _outline(text) == [(1, "01", "总体目标和要求"), (2, "(一)", "总体目标"), (2, "(二)", "总体要求"),
                              (1, "02", "主要任务")]
    assert _outline("序号\n01\n2023年\n02\n") == []  # numbers in a table's column are no parts


def test_taiwan_documents_number_below_their_parenthesised_digits_with_the_stems():
    text = ("一、办理方式\n(一)竞赛组别\n1.收件方式:\n(1)主办单位:本府。\n甲、各校先行办理校内竞赛。\n"
            "乙、得奖作品送交公所。\n(甲)第1名:礼券一份。\n(乙)第2名:礼券一份。\n(2)协助单位:各公所。\n")
    assert [(s.level, s.marker) for s in parse_outline(text)] == [
        (1, "一、"), (2, "(一)"), (3, "1."), (4, "(1)"), (5, "甲、"), (5, "乙、"), (6, "(甲)"), (6, "(乙)"),
        (4, "(2)")]
    # a stem opens no run without a second one on a later line, nor when a stem follows it
    assert _outline("一、约定\n甲、乙双方共同遵守。\n乙、丙两项另议。\n") == [(1, "一、", "约定")]
    assert _outline("一、约定\n甲、单独一项。\n") == [(1, "一、", "约定")]


def test_an_attached_document_under_its_repeated_name_keeps_its_outline():
    text = ("现将《某县防汛抢险应急预案》印发给你们,请认真组织实施。\n二○○九年十一月十八日\n"
            "附件:某县防汛抢险应急预案\n\n某县防汛抢险应急预案\n\n一、总则\n(一)编制目的。有效防范汛期险情。\n"
            "(二)工作原则。统一领导。\n二、组织体系\n")
    assert [m for _, m, _ in _outline(text)] == ["一、", "(一)", "(二)", "二、"]
    listed = "附件:1.某某预案\n2.某某名单\n3.责任分工表\n"  # a list whose items are named once
    assert _outline(listed) == []


def test_a_first_heading_run_onto_the_titles_line():
    text = "某某公司安全生产自查报告一、自查组织情况\n(一)组织领导\n由公司牵头。\n(二)自查范围\n全公司。\n"
    assert _outline(text)[:2] == [(1, "一、", "自查组织情况"), (2, "(一)", "组织领导")]
    assert _outline("这是统一、规范的方案一、不对") == []  # a sentence, not a title's line
    assert _outline("我们提出两个方案一、扩建二、新建") == []  # no outline under it


def test_decimal_numbering_of_an_emergency_plan():
    text = ("某县安全事故应急预案\n1 总则\n1.1 编制目的\n为规范应急管理,制定本预案。\n1.2 编制依据\n依据有关法律。\n"
            "1.2.1 法律\n依据法律。\n2 组织体系\n2.1 指挥机构\n县政府设立指挥部。\n")
    assert [(s.level, s.marker, s.heading) for s in parse_outline(text)] == [
        (1, "1", "总则"), (2, "1.1", "编制目的"), (2, "1.2", "编制依据"), (3, "1.2.1", "法律"), (1, "2", "组织体系"),
        (2, "2.1", "指挥机构")]
    # a figure opening a line is no marker; nor a bare number with no decimal heading under it
    assert parse_outline("全年投入:\n2.5万元用于培训。\n3个乡镇完成整改。\n") == []


def test_a_table_of_contents_is_no_outline():
    contents = "1 总则……………………4\n1.1 编制目的……………4\n2 组织体系……………5\n"
    body = "1 总则\n1.1 编制目的\n为规范应急管理,制定本预案。\n2 组织体系\n县政府设立指挥部。\n"
    assert [s.marker for s in parse_outline("某某预案\n目录\n" + contents + body)] == ["1", "1.1", "2"]
    signed = "某某办公室\n2022年12月13日\n某某预案\n"  # contents without leaders after a notice's signing date
    toc = "1 总则\n1.1 编制目的\n1.2 编制依据\n2 组织体系\n2.1 指挥机构\n"
    body = "1 总则\n1.1 编制目的\n为规范应急管理,制定本预案。\n1.2 编制依据\n依据有关法律。\n"
    assert [s.marker for s in parse_outline(signed + toc + body)] == ["1", "1.1", "1.2"]


def test_a_unit_words_note_in_parentheses_stays_in_the_heading():
    text = "四、各县(市、区)教育局要在放假前将通知精神传达到每一所学校。\n五、其他\n"
    assert _outline(text)[0] == (1, "四、", "各县(市、区)教育局要在放假前将通知精神传达到每一所学校")
    assert _outline("(一)动员阶段(6月中旬至6月下旬)主要任务是:学习。")[0][2] == "动员阶段(6月中旬至6月下旬)"


def test_an_article_has_its_first_sentence_for_heading():
    text = ("第一章 总则\n第一条 为了规范特种设备安全监督检查工作,根据有关法律,制定本办法。\n"
            "第二条 市场监督管理部门对特种设备生产(包括设计、制造)、经营、使用实施监督检查,适用本办法。\n")
    got = _outline(text)
    assert got[0] == (1, "第一章", "总则")
    assert got[2] == (2, "第二条", "市场监督管理部门对特种设备生产(包括设计、制造)、经营、使用实施监督检查,适用本办法")


def test_an_enclosed_plans_items_after_the_notices_date_are_its_outline():
    text = ("关于印发某镇整治工作方案的通知\n各村:\n现予印发,请认真贯彻落实。\n中共某镇委员会\n2018年1月26日\n"
            "某镇整治工作方案\n为抓好全镇作风建设,制定本方案。\n一、整治内容\n(一)全体干部要做到“五个严禁”:\n"
            "1、严禁用公款送礼;\n2、严禁公款宴请;\n"
            "3、严禁突击花钱;\n4、严禁收受礼品;\n5、严禁参与赌博;\n")
    assert [m for _, m, _ in _outline(text)] == ["一、", "(一)", "1、", "2、", "3、", "4、", "5、"]
    assert _outline("说明:\n一、依据本县消防局114年9月17日函及内政部消防署函办理。\n二、请各校配合。\n")[0][2] == \
        "依据本县消防局114年9月17日函及内政部消防署函办理"


def test_a_parts_board_marker():
    text = "某校工作总结\n第一板块:本学期学校工作总结\n一、重视教师队伍建设\n1.重视师德师风建设。\n第二板块:下学期工作打算\n"
    assert [(s.level, s.marker) for s in parse_outline(text)] == [(1, "第一板块:"), (2, "一、"), (3, "1."), (1, "第二板块:")]


def test_a_full_stop_typed_for_the_dot_of_an_item_at_a_lines_start():
    text = "(一)深入群众\n1。深入实行调查研究\n2。倾心帮扶困难群众\n全年完成1。5万元的投入。\n"
    assert [(s.level, s.marker) for s in parse_outline(text)] == [(1, "(一)"), (2, "1。"), (2, "2。")]


def test_a_flattened_heading_ends_after_its_thinking_word():
    text = ("一、总体思路以全县林业发展规划为遵循,以护林防火、造林绿化、林下经济为抓手,推动生态建设上台阶\n"
            "二、工作目标\n正文。\n")
    assert [(s.marker, s.heading) for s in parse_outline(text)] == [("一、", "总体思路"), ("二、", "工作目标")]


def test_a_marker_alone_on_its_line_takes_the_next_line_as_heading():
    text = "一、\n基本情况\n(一)已有的基础。\n正文内容。\n二、\n主要任务\n正文。\n"
    assert [(s.level, s.marker, s.heading) for s in parse_outline(text)] == [
        (1, "一、", "基本情况"), (2, "(一)", "已有的基础"), (1, "二、", "主要任务")]
    # a sentence on the next line is the body, not a heading
    body = "一、\n各单位要认真组织学习,抓好落实。\n二、\n主要任务\n"
    assert [s.heading for s in parse_outline(body)][0] == ""


def test_a_clock_or_a_weekday_does_not_end_an_items_heading():
    text = ("一、日程\n1.报到于12日上午8: 30截止,各队按时签到\n"
            "2.颁奖于14日(周日)下午3:00前后举行,着装同开幕。\n3.计分办法:胜一场得三分,平一场得一分\n")
    assert [s.heading for s in parse_outline(text)] == [
        "日程", "报到于12日上午8: 30截止,各队按时签到", "颁奖于14日(周日)下午3:00前后举行,着装同开幕", "计分办法"]


def test_yao_items_of_a_page_flattened_with_spaces_between_paragraphs():
    text = ("各校要引以为戒。 一要守住食品安全底线。各校要落实陪餐制度。 二要管好校外供餐单位。"
            "要定期抽检。 三要畅通家长投诉渠道。要及时回应关切。")
    assert [(s.marker, s.heading) for s in parse_outline(text)] == [
        ("一要", "守住食品安全底线"), ("二要", "管好校外供餐单位"), ("三要", "畅通家长投诉渠道")]
    # a page that spaces every mark keeps them inside one paragraph; so does a sentence's run
    assert parse_outline("提出了四项要求 。 一是精简文件 , 减少会议 。 二是控制篇幅 。") == []
    assert parse_outline("他说,一是要抓好落实。二是要加强监督。") == []


def test_a_marker_before_a_file_name_or_a_code_is_no_heading():
    text = "一、基本情况\n正文内容。\n1、O\n2、O\n二、主要做法\n正文。\n"
    assert [(s.marker, s.heading) for s in parse_outline(text)] == [("一、", "基本情况"), ("二、", "主要做法")]


@pytest.mark.parametrize("text", [
    # a reported speech (某局长表示,…)
    "青禾区劳动部门举办安全讲座。\n区劳动局局长王某在讲座上表示,工友们必须系好安全带。讲座共吸引三百多名工友参加,"
    "现场还设置了咨询台。\n他还指出,高处作业前要检查防护设施。讲座结束后,工作人员向工友派发了宣传单张和防暑用品。\n",
    # a quotation opening a paragraph (“…。”某某说)
    "青禾市就业形势平稳。\n“全市就业形势总体稳定。”市人社局负责人在发布会上说,三季度登记失业率为3.1%,同比有所下降。\n"
    "高校毕业生就业稳步推进。统计显示,截至9月底,全市应届毕业生就业率达到九成,比上年同期略有提高。\n",
    # a narration opening with 本次 or a date
    "青禾公司开展冬季安全检查\n本次检查主要以用电安全、防火安全为主。检查组逐一查看了仓库、车间和宿舍的线路与消防器材。\n"
    "12月5日由设备部部长带队,安环办协同。检查组对发现的问题当场开具整改通知单,要求限期整改到位。\n",
], ids=["reported-speech", "quotation", "dated-narration"])
def test_news_sentences_that_are_no_run_in_headings(text):
    assert parse_outline(text) == []


def test_a_paragraph_counting_its_items_inline_is_no_outline():
    from nlp.outline import parse_outline

    text = ("某市十件实事票决结果公布\n今年将办好以下实事:(1)市民中心完成工程总量80%。(2)新建社区食堂30个。"
            "(3)改造老旧燃气管网40公里。(4)新增公交线路2条。\n")
    assert [s.marker for s in parse_outline(text)] == []


def test_a_flattened_outline_keeps_its_run_in_headings():
    from nlp.outline import parse_outline

    text = "二、整治重点 (一)作风不严方面。(1)修身不严。不讲规矩,意识不强。(2)管理不严。责任落实不到位。"
    assert [s.marker for s in parse_outline(text)] == ["二、", "(一)", "(1)", "(2)"]


# A page flattened onto one line (its line breaks lost): markers run into the words before them.
@pytest.mark.parametrize("text, want", [
    # a notice's 一、 glued to a label, its 二、 and 三、 after stops: the run confirms the 一、
    ("某校公告 发布日期:2024-05-06 内 容一、依某某部来函办理,请各单位知照。二、各单位应盘点工地屋顶开口等场所。"
     "三、请承办人员督促厂商落实巡检。", ["一、", "二、", "三、"]),
    ("十不准 更新时间:2018-08-23 本文编辑:总编辑一、不准将医务人员个人收入与药品和检查收入挂钩;二、不准开单提成;"
     "三、不准违规收费;四、不准违规接受社会捐赠资助",
     ["一、", "二、", "三、", "四、"]),
    # a paragraph's bullet before the marker: `▍贰、`
    ("廉政伦理▍壹、法规1. 请托关说事件处理要点2. 公务员廉政伦理规范▍贰、受赠财物处理程序公务员遇有馈赠,原则应予拒绝。"
     "▍参、饮宴应酬事件处理程序公务员原则上不得参加与其职务有利害关系者之饮宴应酬。",
     ["壹、", "1.", "2.", "贰、", "参、"]),
    # a 4. run into the end of a paragraph with no stop, between a 3. and a 5. run in after stops
    ("现将典型问题通报如下。1.某局干部甲违规收礼问题。甲受到警告处分。2.某村书记乙履职不力问题。乙受到诫勉。"
     "3.某公司经理丙公车私用问题。相关费用予以收缴4.某镇干部丁违规发放津补贴问题。丁受到警告处分。"
     "5.某站站长戊失职失责问题。戊受到警告处分。", ["1.", "2.", "3.", "4.", "5."]),
])
def test_markers_run_into_the_words_of_a_flattened_page(text, want):
    assert [s.marker for s in parse_outline(text)] == want


@pytest.mark.parametrize("text", [
    "会议要求统一、规范各类台账,各单位抓好落实。",  # 统一、 is no 一、
    "全市实现单一窗口受理,办事更便捷。各部门要做到标准统一、流程规范。",
    "某县的办法进一、二步细化,年底前印发。",  # (a glued 一、 with no 二、 and 三、 after stops)
])
def test_a_glued_one_needs_its_run(text):
    assert parse_outline(text) == []


def test_a_heading_ends_at_the_next_paragraphs_bullet():
    text = "规定如下▍壹、受赠财物处理程序•公务员遇有馈赠,原则应予拒绝。▍贰、饮宴应酬处理程序•原则上不得参加。"
    assert [s.heading for s in parse_outline(text)] == ["受赠财物处理程序", "饮宴应酬处理程序"]


def test_the_lines_under_a_contents_line_are_no_sections():
    from nlp.outline import parse_outline

    text = ("某市防汛应急预案目录\n\n1.总则\n\n1.1编制目的\n\n1.2适用范围\n\n2.组织机构\n\n2.1指挥部\n\n"
            "1.总则\n\n1.1编制目的\n\n为规范防汛应急工作,提高处置能力,特制订本预案。\n")
    assert [(s.marker, s.heading) for s in parse_outline(text)] == [("1.", "总则"), ("1.1", "编制目的")]


@pytest.mark.parametrize("text, want", [
    ("(一)定时间:一般情况下每周二至周五为接待时间。\n(二)定地点:医院各会议室,必要时可使用远程方式。\n", ["定时间", "定地点"]),
    ("一、原则:对于轻微违规行为,以教育提醒为主。\n二、程序:先由科室自查,再由院办复核。\n", ["原则", "程序"]),
    # a post before the colon: the member list's line is the item
    ("1.组 长:全面负责爱国卫生专项活动和创建卫生单位\n2.副组长:协助组长做好各项工作安排\n",
     ["组 长:全面负责爱国卫生专项活动和创建卫生单位", "副组长:协助组长做好各项工作安排"]),
])
def test_a_short_run_in_label_is_the_heading_unless_it_is_a_post(text, want):
    assert [s.heading for s in parse_outline(text)] == want


def test_a_marker_alone_on_its_line_over_its_heading_run_into_the_paragraph():
    text = ("一、建立健全组织架构\n(一)\n成立健康中国行动推进委员会。依托全国爱国卫生运动委员会,国家层面成立推进委员会,"
            "负责统筹推进组织实施。\n(二)\n组建专家咨询委员会。由推进委员会聘请相关领域专家组成。\n")
    assert [(s.marker, s.heading) for s in parse_outline(text)] == [
        ("一、", "建立健全组织架构"), ("(一)", "成立健康中国行动推进委员会"), ("(二)", "组建专家咨询委员会")]


@pytest.mark.parametrize("text, want", [
    # a name's short form in brackets is inside the heading, no note that closes it
    ("(二)医院管理局(医管局)有否评估推行病人安全巡视计划,有关工作的进展为何?\n(三)卫生署(卫署)会否公布名单?\n",
     [("(二)", "医院管理局(医管局)有否评估推行病人安全巡视计划,有关工作的进展为何?"), ("(三)", "卫生署(卫署)会否公布名单?")]),
    # the words before the colon are a sentence's subject, no label
    ("二、行署工作的指导思想是:高举中国特色社会主义伟大旗帜,全面贯彻党的精神。\n三、主要任务\n",
     [("二、", "行署工作的指导思想是:高举中国特色社会主义伟大旗帜,全面贯彻党的精神"), ("三、", "主要任务")]),
    # 第一部分是… is a sentence about the report's parts, no part of an outline
    ("报告分为两部分。\n第一部分是2022年工作回顾。主要从发展质量稳步提升等方面。\n第二部分是2023年工作安排。\n", []),
    # a cited article at a wrapped line's start is no article of the document
    ("六、委员回避,依行政程序法第三十二条及\n第三十三条之规定。\n七、本会报召集人由局长担任。\n",
     [("六、", "委员回避,依行政程序法第三十二条及"), ("七、", "本会报召集人由局长担任")]),
])
def test_headings_that_run_past_brackets_colons_and_cited_articles(text, want):
    assert [(s.marker, s.heading) for s in parse_outline(text)] == want


@pytest.mark.parametrize("text, want", [
    # a numeral inside an idiom is no marker, though a 二、 came before
    ("一、提高认识\n二、强化措施\n(一)压实责任\n(二)举一反三、标本兼治\n", ["一、", "二、", "(一)", "(二)"]),
    # the first heading run onto a table's or a list's title line
    ("砂石厂安全生产检查表一、总则\n1.1 制定目的\n为加强安全管理,制定本表。\n二、检查内容与标准\n", ["一、", "1.1", "二、"]),
])
def test_idioms_and_titles_that_glue_a_numeral(text, want):
    assert [s.marker for s in parse_outline(text)] == want


def test_a_stray_stop_at_a_lines_start_leaves_the_marker_at_the_start():
    text = ("一、成立学校安全工作领导小组,由陈校长任组长。\n二、为了切实做好学校的安全教育工作,开展检查。\n"
            "三、学校安全工作领导小组对本校进行一次全面大检查。\n。1)检查学校教学大楼、师生宿舍等公共场所的照明设施。\n"
            "。2)检查学校的体育设施、水井、疏散通道也是安全。\n。3)学校没有放射性物品与易燃易爆的物品。\n"
            "虽然做了这些工作,但是也存在一些问题:\n1、学校后面的山脚下,杂草丛生,容易引起山火。\n2、因为学校缺水,救火扑救工作较困难。\n")
    assert [s.marker for s in parse_outline(text)] == ["一、", "二、", "三、", "1)", "2)", "3)", "1、", "2、"]


@pytest.mark.parametrize("text, want", [
    # a heading line joined to its body: the body opens by repeating the heading, or on a quote after a heading word
    ("1.直接聘用\n符合条件的教师可直接续聘。\n2.首轮竞聘首轮竞聘按以下三类人员依次竞聘,确认后统一公示。\n3.二轮竞聘\n",
     ["直接聘用", "首轮竞聘", "二轮竞聘"]),
    ("三、活动方式“主题党日”一般以党支部为单位组织活动。\n五、组织领导“主题党日”工作由机关党总支负总责。\n", ["活动方式", "组织领导"]),
    # a quote inside the heading itself stays
    ("一、开展“清廉医院”建设工作\n二、工作要求\n", ["开展“清廉医院”建设工作", "工作要求"]),
])
def test_a_heading_joined_to_its_body_ends_where_the_body_repeats_it_or_opens_on_a_quote(text, want):
    assert [s.heading for s in parse_outline(text)] == want


def test_leaders_gate_answers_as_the_pattern():
    """_without_leaders and _ends_with_leaders (scanned only for a text ending with a digit) give
    what _LEADERS.sub and _LEADERS.search give: on contents lines, digits of other scripts, trailing
    white space and line breaks, and every line of the corpus."""
    from pathlib import Path

    from nlp.outline import _LEADERS, _ends_with_leaders, _without_leaders

    samples = ["总则………4", "总则……4 \n", "总则……4\n\n", "1.1 编制目的.......12", "目的----3", "目的——————5 ",
               "总则……٣", "总则……４", "总则……4a", "总则……", "", " ", "第一章……１２３\n", "……12……3"]
    root = Path(__file__).resolve().parent.parent / "corpora"
    lines = [ln for p in sorted(root.glob("*/*.txt")) + sorted(root.glob("*/docs/*"))
             for ln in p.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)]
    for s in samples + lines:
        assert _without_leaders(s) == _LEADERS.sub("", s), s
        assert _ends_with_leaders(s) == (_LEADERS.search(s) is not None), s
