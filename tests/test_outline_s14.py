"""Outline shapes met on the collected pages of session 14, in invented wording."""

from nlp.outline import parse_outline


def _heads(text):
    return [(s.marker, s.heading) for s in parse_outline(text)]


def test_a_heading_line_with_a_subtitle_after_its_colon_is_whole():
    text = ("1.发展阶段:从“打牢基础”到“全面提升”\n十四五期间,全县卫生事业从补短板转向提质量。\n"
            "2.工作重心:从“有没有”到“好不好”\n群众看病就医需求更加多元。\n")
    assert _heads(text) == [("1.", "发展阶段:从“打牢基础”到“全面提升”"), ("2.", "工作重心:从“有没有”到“好不好”")]


def test_a_label_run_into_a_sentence_after_its_colon_is_still_cut():
    text = "(1)公布岗位:县教育局汇总并公布各校岗位空缺情况;\n(2)填报志愿:未聘人员按空缺岗位填报志愿。\n"
    assert _heads(text) == [("(1)", "公布岗位"), ("(2)", "填报志愿")]


def test_a_news_items_narrating_first_sentences_are_no_headings():
    text = ("7月3日,某区卫生健康局召开创建工作推进会,部署下一阶段重点任务。\n"
            "会议由区卫生健康局党组书记主持。会上传达了全市创建工作推进会精神,通报了近期暗访发现的问题。\n"
            "党组书记从三个方面提出要求。一是提高认识,二是压实责任,三是加强督查,确保各项任务按时完成。\n")
    assert _heads(text) == []


def test_paragraph_initial_yi_shi_runs_open_with_a_straight_quote_too():
    text = ("(一)摸底调查\n调查发现,违规吃喝呈现新特点:\n"
            '一是"隐形化"。有的单位把吃喝伪装成培训。\n'
            '二是"转移化"。一些干部选择在外地聚餐。\n'
            '三是"高档化"。少数干部热衷私人会所。\n')
    assert [m for m, _ in _heads(text)] == ["(一)", "一是", "二是", "三是"]


def test_a_flattened_notices_items_announced_by_ru_xia_are_its_outline():
    text = ("各科室: 为确保节日期间安全稳定,现将有关工作通知如下: 1、各科室于9月28日下午17:00前完成一次安全自查,排除隐患,做好记录。"
            " 2、各病区须召开一次安全教育会,提醒患者家属注意用电安全,严禁使用大功率电器。 3、值班人员须在10月1日至7日坚守岗位,"
            "加强巡查,发现异常及时报告。 4、保卫科加强夜间巡逻。\n")
    assert [m for m, _ in _heads(text)] == ["1、", "2、", "3、", "4、"]


def test_an_inline_count_of_figures_is_still_no_outline():
    text = "今年的民生实事进展顺利:(1)市民中心完成工程总量90%。(2)新建公园12个。(3)改造老旧小区35个,惠及居民2万户。\n"
    assert _heads(text) == []


def test_a_flattened_heading_ends_where_its_body_opens_with_its_first_point_or_time():
    text = ("二、工作情况 (一)落实安全责任一是健全监管机制。发挥安委办职能,加强督促指导。"
            "(二)强化隐患排查今年以来,全县共排查隐患120处。 三、全县安全生产形势上半年,全县发生各类事故12起,同比下降20%。")
    heads = dict((m, h) for m, h in _heads(text))
    assert heads["(一)"] == "落实安全责任" and heads["(二)"] == "强化隐患排查" and heads["三、"] == "全县安全生产形势"
