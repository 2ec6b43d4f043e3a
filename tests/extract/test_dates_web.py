"""nlp.extract.dates on web and news documents: holidays, days without a month, 民国 years,
page chrome. The sentences are written for these tests (no real text is copied)."""

from __future__ import annotations

import pytest

from nlp.extract.dates import find_dates
from nlp.extract.dates_chrome import is_chrome_date
from nlp.extract.dates_lexicon import holiday_days


def _v(start, end=None, kind="point"):
    return {"start": start, "end": end or start, "kind": kind}


def _found(text):
    return [(m.text, m.value) for m in find_dates(text)]


# ---- holidays (nlp/data/date_holidays.tsv) ------------------------------------------------

@pytest.mark.parametrize("text, surface, value", [
    ("元旦放假三天", "元旦", _v("XXXX-01-01")),
    ("2015年国庆节期间值班", "2015年国庆节", _v("2015-10-01")),
    ("国庆前完成", "国庆前", _v("XXXX-10-01", kind="deadline")),
    ("做好“五一”假期安全工作", "“五一”", _v("XXXX-05-01")),
    ("五一期间不得公款旅游", "五一", _v("XXXX-05-01")),
    ("做好“十一”放假工作", "“十一”", _v("XXXX-10-01")),
    ("在“七一”前,组织", "“七一”前", _v("XXXX-07-01", kind="deadline")),
    ("明年元旦起施行", "明年元旦", _v("XXXX-01-01")),
    ("2021年春节前报送", "2021年春节前", _v("2021", kind="deadline")),
    ("2013年春节前至2019年2月,多次", "2013年春节前至2019年2月", _v("2013", "2019-02", "range")),
], ids=["元旦", "year-国庆节", "国庆前", "quoted-五一", "五一期间", "quoted-十一", "七一前", "明年元旦",
        "year-春节前", "春节前至"])
def test_holiday(text, surface, value):
    assert _found(text) == [(surface, value)]


@pytest.mark.parametrize("text", [
    "春节将至", "中秋、端午", "十一五规划", "第十一条", "二十一期间", "国庆60周年", "建国庆典", "五一口岸", "七一",
    "岁末年初关键时刻",
])
def test_holiday_that_is_no_date(text):
    assert _found(text) == []


@pytest.mark.parametrize("text", [
    "严防元旦、春节、国庆等节假日期间问题反弹", "在“五一”、国庆等重要节点开展检查", "国庆、中秋等传统节日",
])
def test_holidays_named_as_a_class_are_no_dates(text):
    """元旦、春节、国庆等节假日: a kind of time, not one date."""
    assert _found(text) == []


def test_holidays_of_a_year_in_a_list_are_kept():
    assert [m.text for m in find_dates("2024年元旦、春节期间")] == ["2024年元旦"]
    assert [m.text for m in find_dates("“五一”端午期间")] == ["“五一”"]


def test_holiday_table_is_valid():
    days = holiday_days()
    assert days["元旦"] == "01-01" and days["春节"] == "year"


# ---- days without a month (news) ----------------------------------------------------------

@pytest.mark.parametrize("text, surface", [
    ("市政府今(30)日举行发布会", "(30)日"),
    ("劳工处今日(26日)起展开巡查", "(26日)"),
    ("案件(1日)于法院开审", "(1日)"),
    ("至(6)日累计检查工地", "(6)日"),
    ("省纪委29日对8起问题通报", "29日"),
    ("通知要求28日上报方案", "28日"),
    ("医院已在3号凌晨发布说明", "3号"),
], ids=["今(N)日", "今日(N日)", "(N日)", "至(N)日", "N日对", "N日上报", "N号凌晨"])
def test_day_without_month(text, surface):
    (m,) = find_dates(text)
    assert m.text == surface and m.value["start"] == m.value["end"]
    assert m.value["start"].startswith("XXXX-XX-")


@pytest.mark.parametrize("text, surface, value", [
    ("劳动部今日(6/3)表示将加强检查", "(6/3)", ("XXXX-06-03", "XXXX-06-03", "point")),
    ("本署今(5/15)日公布结果", "(5/15)日", ("XXXX-05-15", "XXXX-05-15", "point")),
    ("今年首6个月,劳工局共巡查工地", "今年首6个月", ("XXXX-01", "XXXX-06", "range")),
    ("本年首九个月共巡查91次", "本年首九个月", ("XXXX-01", "XXXX-09", "range")),
    ("2023年前10个月全市完成投资", "2023年前10个月", ("2023-01", "2023-10", "range")),
], ids=["今日(M/D)", "今(M/D)日", "今年首N个月", "本年首九个月", "YYYY年前N个月"])
def test_month_and_day_in_brackets_and_first_months(text, surface, value):
    (m,) = find_dates(text)
    assert m.text == surface and (m.value["start"], m.value["end"], m.value["kind"]) == value


@pytest.mark.parametrize("text, surface, start", [
    ("请于10月10前报送", "10月10前", "XXXX-10-10"), ("2024年3月5前完成", "2024年3月5前", "2024-03-05")])
def test_a_deadline_whose_day_lost_its_ri(text, surface, start):
    (m,) = find_dates(text)
    assert (m.text, m.value["start"], m.value["kind"]) == (surface, start, "deadline")


def test_a_fraction_in_brackets_is_no_date():
    assert _found("完成率(3/4)以上") == [] and _found("前3个月") == []


@pytest.mark.parametrize("text", [
    "自受理之日起3日内办结", "每月5日前上报", "第3日起", "提前3日通知", "(2)日常管理不严", "地址:北京路9号",
    "悬挂8号风球", "工作3日以上", "国发〔2021〕7号",
])
def test_day_count_is_no_date(text):
    assert _found(text) == []


# ---- 民国 years, in a text dated by them ---------------------------------------------------

def test_roc_years_in_a_roc_dated_text():
    text = "本案于113年11月7日公告。102年火灾发生次数最高,98年至102年持续增加。"
    assert [m.value for m in find_dates(text)] == [
        _v("2024-11-07"), _v("2013"), _v("2009", "2013", "range")]


def test_roc_compact_date():
    text = "民国101年起实施,截至1041231日止已完成。"
    assert [m.value["start"] for m in find_dates(text)] == ["2012", "2015-12-31"]


def test_roc_dates_in_numbers():
    text = "本局113年1月2日函,113.3.5再函,请于113/03/20回复。"
    assert [m.value["start"] for m in find_dates(text)] == ["2024-01-02", "2024-03-05", "2024-03-20"]


def test_roc_fiscal_year_dates_the_text():
    """113年度 alone marks a 民国-dated text (no three-digit year has a 年度 otherwise)."""
    assert [m.value for m in find_dates("113年度计划经费,另补助112年度")] == [_v("2024"), _v("2023")]


def test_roc_page_stamp_in_numbers_is_chrome():
    assert [m.text for m in find_dates("标题\n日期:103-07-22\n113年1月2日起实施。")] == ["113年1月2日"]


def test_roc_school_year():
    assert [m.value for m in find_dates("本校112学年度第1学期")] == [_v("2023")]


@pytest.mark.parametrize("text, surface, value", [
    ("2024-25年度财政预算", "2024-25年度", _v("2024", "2025", "range")),
    ("2023/24学年", "2023/24学年", _v("2023", "2024", "range")),
    ("2023/2024学年度", "2023/2024学年度", _v("2023", "2024", "range")),
    ("2022-2023学年第一学期", "2022-2023学年", _v("2022", "2023", "range")),
], ids=["fiscal", "school-2-digit", "school-slash", "school-4-digit"])
def test_year_across_two_calendar_years(text, surface, value):
    assert _found(text) == [(surface, value)]


def test_bare_roc_year_needs_a_roc_dated_text():
    assert _found("为期3年,102年工程") == []  # no 民国 date anywhere: 102年 is a count


# ---- calendar forms ------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("去年11月中已增加人手", _v("XXXX-11-11", "XXXX-11-20", "range")),
    ("行动于本月下旬进行", _v("XXXX-XX-21", "XXXX-XX-XX", "range")),
    ("本月15日召开", _v("XXXX-XX-15")),
    ("2021年第3季工人薪酬", _v("2021-07", "2021-09", "range")),
    ("年度末,各地要考核", _v("XXXX-12-31")),
    ("于本年11月16日及17日巡查", _v("XXXX-11-16", "XXXX-11-17", "range")),
    ("9月中旬前完成", _v("XXXX-09-11", "XXXX-09-20", "deadline")),
    ("绍兴某中学2009学年第二学期", _v("2009")),
    ("2009-2010学年", _v("2009", "2010", "range")),
], ids=["月中", "本月下旬", "本月N日", "第3季", "年度末", "日及日", "旬前-keeps-旬", "学年", "学年-range"])
def test_calendar_forms(text, value):
    assert [m.value for m in find_dates(text)] == [value]


def test_list_marker_before_a_month():
    text = "一、工作安排\n2.11月9日为消防日;\n3.其他"
    assert [m.text for m in find_dates(text)] == ["11月9日"]


def test_signing_date_without_日_at_a_line_end():
    assert _found("某某委员会\n2021年1月18\n附件") == [("2021年1月18", _v("2021-01-18"))]
    assert _found("5月10\n程序") == []  # no year, text goes on: no date


def test_magazine_issue_is_no_month():
    assert _found("消防月刊 3月号") == []


# ---- page chrome ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "某某通知\n2017-02-14 点击:8次\n正文",
    "标题\n• 时间:2023-05-04 08:58:16\n• 发布:某委",
    "标题\n• 2023年09月15日\n• 来源: 某局\n正文",
    "• 颁布时间:2021年4月6日\n• 发布单位:某市政府",
    "某某新闻网 2011-4-28\n正文如下。",
    "新闻一 (某局)\n2021-10-30\n今日召开会议。",
    "标题\n2012年12月19日 00:00 点击:[]\n各单位:",
    "正文。\n2018年7月22日(星期日)\n香港时间13时45分\n",
    "公告日期:\n2024/11/15\n标题",
])
def test_page_stamps_are_no_dates(text):
    assert _found(text) == []


@pytest.mark.parametrize("text, surface", [
    ("某某局\n2010年6月25日\n抄送:各单位", "2010年6月25日"),
    ("会议于2021-05-07在市政府召开。", "2021-05-07"),
    ("活动时间:2023年6月1日至30日。", "2023年6月1日至30日"),
    ("12月29日(周四)中午11:30前报送", "12月29日"),
])
def test_dates_of_the_text_are_kept(text, surface):
    assert [m.text for m in find_dates(text)] == [surface]


def test_is_chrome_date_on_a_span():
    text = "标题\n2021-05-18\n【打印】"
    start = text.index("2021")
    assert is_chrome_date(text, start, start + 10)


def test_encyclopedia_lead_line_is_chrome():
    """A page opening 《…》是某局2021年4月6日发布的通知。 describes the document; a sentence of the text is kept."""
    assert _found("《某某方案》是某市人民政府2021年4月6日发布的通知。\n基本介绍\n正文") == []
    assert [m.text for m in find_dates("标题\n正文。该办法是省政府2021年4月6日发布的规章。")] == ["2021年4月6日"]


def test_source_line_with_a_date_in_words_is_a_stamp():
    assert _found("标题\n来源:某某网 2023年5月4日 浏览:12\n正文") == []


@pytest.mark.parametrize("text", [
    "某某局\n2023年5月4日\n责任编辑:张三",
    "(2024年7月30日某会议审议批准\n2024年8月6日某办公厅发布)\n正文",
])
def test_signing_and_approval_dates_are_kept(text):
    assert len(_found(text)) == text.count("日")


@pytest.mark.parametrize("text", ["某委公告2021年第5号", "历时3日完成", "连续3日在岗", "每隔2日对设备检查"])
def test_document_numbers_and_counts_are_no_dates(text):
    assert _found(text) == []


def test_dated_links_are_stamps():
    assert _found("相关文章\n· 某委召开工作会议 [2023-04-12]\n· 其他") == []
    assert _found("相关阅读\n· 某局召开会议（2023-05-04）\n· 某局开展检查（2023-04-28）\n") == []
    assert _found("正文。\n【2023-05-04】某局召开会议\n【2023-04-28】某局开展检查\n") == []


def test_a_run_of_headlines_dated_in_words_is_a_list_of_links():
    assert _found("正文。\n相关新闻\n某局召开安全生产会议 2023年05月04日\n某局开展消防安全检查 2023年04月28日\n") == []


@pytest.mark.parametrize("text", [
    "正文。\n某局召开安全生产会议 2023年05月04日\n其他内容在这里。",  # one line: no list
    "安排如下。\n一、动员部署工作安排 2023年5月4日\n二、自查自纠工作安排 2023年6月1日\n",  # items of the text
    "安排如下：\n动员部署阶段 2023年5月4日\n自查自纠阶段 2023年6月1日\n",  # stage names, not headlines
])
def test_dated_lines_of_the_text_are_kept(text):
    assert len(_found(text)) in (1, 2)


def test_counts_of_years_in_a_roc_dated_text_stay_counts():
    text = "建于民国21年,已有90年历史,近80年来多次修缮,102年重修。"
    assert [m.value["start"] for m in find_dates(text)] == ["1932", "2013"]


@pytest.mark.parametrize("text, surface, kind", [
    ("到2025年,基本建成", "到2025年", "deadline"),
    ("至7月底完成", "至7月底", "deadline"),
    ("开展“五一”节前检查", "“五一”节前", "deadline"),
    ("从即日起至2021年3月31日止", "2021年3月31日", "point"),
    ("由76.7岁提高到2018年的77.0岁", "2018年", "point"),
    ("截至2023年底,共完成", "2023年底", "point"),
    ("2020年到2025年", "2020年到2025年", "range"),
], ids=["到-year", "至-月底", "节前", "即日起至", "到…的", "截至", "range-到"])
def test_deadline_kinds(text, surface, kind):
    (m,) = find_dates(text)
    assert (m.text, m.value["kind"]) == (surface, kind)


def test_meeting_time_in_a_sentence_is_kept():
    assert [m.text for m in find_dates("会议定于2023年5月4日 9:00 在三楼召开,请准时参加。")] == ["2023年5月4日"]


@pytest.mark.parametrize("text, start", [
    ("中华民国一一二年五月四日", "2023-05-04"),
    ("中华民国一百一十二年五月四日", "2023-05-04"),
    ("民国二十一年", "1932"),
    ("中华民国112年5月4日", "2023-05-04"),
])
def test_roc_year_in_chinese_numerals(text, start):
    assert [m.value["start"] for m in find_dates(text)] == [start]


@pytest.mark.parametrize("text, value", [
    ("请于下月10日前报送", _v("XXXX-XX-10", kind="deadline")),
    ("当月底前完成", _v("XXXX-XX-XX", kind="deadline")),
    ("上月中旬", _v("XXXX-XX-11", "XXXX-XX-20", "range")),
], ids=["下月N日前", "当月底前", "上月中旬"])
def test_relative_months(text, value):
    assert [m.value for m in find_dates(text)] == [value]


@pytest.mark.parametrize("text", ["上月", "下月将开会", "每月上旬", "上月份"])
def test_relative_month_alone_is_no_date(text):
    assert _found(text) == []


def test_date_banner_with_its_weekday_is_a_stamp():
    assert _found("首页\n2023年5月4日 星期四\n某某通知") == []
    assert [m.text for m in find_dates("会议于2023年5月4日(星期四)召开。")] == ["2023年5月4日"]


@pytest.mark.parametrize("text, surface, start", [
    ("庆祝“六一”儿童节", "“六一”儿童节", "XXXX-06-01"),
    ("教师节前夕慰问", "教师节", "XXXX-09-10"),
    ("2023年“十一”国庆节", "2023年“十一”国庆节", "2023-10-01"),
    ("2023年除夕", "2023年除夕", "2023"),
])
def test_more_fixed_days(text, surface, start):
    assert [(m.text, m.value["start"]) for m in find_dates(text)] == [(surface, start)]


@pytest.mark.parametrize("text", ["三八线", "五四运动", "除夕夜", "十六一"])
def test_look_alikes_of_fixed_days(text):
    assert _found(text) == []


@pytest.mark.parametrize("text", ["行政拘留10日并处罚款", "责令停产3日对设备整改", "连续工作3日在岗", "延长3日对外开放"])
def test_durations_after_their_verb_are_no_dates(text):
    assert _found(text) == []


@pytest.mark.parametrize("text, surface, start", [
    ("开展“12.4全国法制宣传日”活动", "12.4", "XXXX-12-04"),
    ("11·9消防日前后", "11·9", "XXXX-11-09"),
    ("3·15国际消费者权益日", "3·15", "XXXX-03-15"),
])
def test_day_named_by_its_date(text, surface, start):
    assert [(m.text, m.value["start"]) for m in find_dates(text)] == [(surface, start)]


@pytest.mark.parametrize("text", ["“5.1”爆炸事故", "3.5万人次参加节日活动", "“3.15”晚会", "1·2节约用水", "铸魂·2024·清明"])
def test_decimals_and_events_are_no_named_days(text):
    assert _found(text) == []


def test_encyclopedia_lead_under_a_masthead_is_chrome():
    """The lead sentence is still the page's when only a site's masthead lines stand above it."""
    text = "某某市卫生局\n欢迎访问某某市卫生局网站\n《某某方案》是某市人民政府2021年4月6日发布的通知。\n正文"
    assert _found(text) == []


@pytest.mark.parametrize("text", [
    "某局召开安全会议• 2022年03月15日 • 来源: 某市应急管理局• 【字体: 大 中 小】各单位要抓好落实。",
    "关于加强值班工作的通知 2022年12月19日 00:00 点击:[]各单位:元旦将至,请做好值班安排。",
])
def test_stamp_run_into_a_line_before_page_labels_is_chrome(text):
    assert "2022年" not in "".join(m.text for m in find_dates(text))


def test_a_horizontal_bar_joins_a_range_as_a_dash_does():
    from nlp.extract.dates import find_dates

    got = [(m.text, m.value["start"], m.value["end"]) for m in find_dates("三年行动计划(2020―2022年)的通知,于12―14日举行")]
    assert got == [("2020―2022年", "2020", "2022"), ("12―14日", "XXXX-XX-12", "XXXX-XX-14")]


def test_a_weekday_in_brackets_does_not_break_a_range_or_a_deadline():
    from nlp.extract.dates import find_dates

    got = [(m.value["start"], m.value["end"], m.value["kind"])
           for m in find_dates("会议于2024年7月1日(周二)至7月3日(周四)举行,材料请于4月20日(星期五)前上报。")]
    assert got == [("2024-07-01", "2024-07-03", "range"), ("XXXX-04-20", "XXXX-04-20", "deadline")]


def test_nianchu_dates_a_year_begun_or_a_time_since_only():
    from nlp.extract.dates import find_dates

    got = [(m.text, m.value["start"], m.value["end"]) for m in find_dates(
        "年初以来,全市植树三万株。2024年初,全县启动河道清淤。正值岁末年初,各站按年初拟定的方案养护,大年初三照常开放。")]
    assert got == [("年初", "XXXX-01", "XXXX-01"), ("2024年初", "2024-01", "2024-01")]


def test_a_lists_final_yuedi_makes_every_month_its_last_day():
    from nlp.extract.dates import find_dates

    got = [(m.text, m.value["start"]) for m in find_dates("各站点分别在6月、9月和12月底上报水质数据。")]
    assert got == [("6月", "XXXX-06-30"), ("9月", "XXXX-09-30"), ("12月底", "XXXX-12-31")]
    got = [m.value["start"] for m in find_dates("6月、7月组织培训,8月底前考核。")]
    assert got == ["XXXX-06", "XXXX-07", "XXXX-08-31"]  # (not a list ending in 月底)


def test_a_span_of_fiscal_years():
    from nlp.extract.dates import find_dates

    got = [(m.value["start"], m.value["end"]) for m in find_dates("预计在2025-26 至 2030-31 年度完成,另2026/27至2028/29年度拨款。")]
    assert got == [("2025", "2031"), ("2026", "2029")]


def test_a_day_past_twelve_first_in_brackets_is_day_then_month():
    from nlp.extract.dates import find_dates

    assert [m.value["start"] for m in find_dates("署长今日(21/10)公布年度报告")] == ["XXXX-10-21"]
    assert [m.value["start"] for m in find_dates("署长今日(6/3)公布年度报告")] == ["XXXX-06-03"]  # month first


@pytest.mark.parametrize("text, span, value", [
    # a duty roster: a holiday's name and a clock time between the day and 至
    ("3月1日(除夕)早8时至3月2日(正月初一)凌晨2时由值班室值守。", "3月1日(除夕)早8时至3月2日",
     _v("XXXX-03-01", "XXXX-03-02", "range")),
    ("2月9日(农历除夕)至15日放假调休。", "2月9日(农历除夕)至15日", _v("XXXX-02-09", "XXXX-02-15", "range")),
    ("5月1日上午9:00至5月3日开放预约。", "5月1日上午9:00至5月3日", _v("XXXX-05-01", "XXXX-05-03", "range")),
])
def test_a_range_whose_first_day_carries_a_note_and_a_clock(text, span, value):
    assert (span, value) in _found(text)


@pytest.mark.parametrize("text, span", [
    ("督导组于3月2日抵达。5日,督导组分三路开展暗访。", "5日"),  # a sentence that opens on its day
    ("座谈会于27日(周五)下午在三楼会议室召开。", "27日"),  # 于 and a weekday note
])
def test_a_bare_day_of_a_news_sentence(text, span):
    assert any(t == span and v["start"] == f"XXXX-XX-{span[:-1]:0>2}" for t, v in _found(text))


def test_a_count_of_days_is_still_no_date():
    assert _found("整改期限为15日,逾期未改的予以通报。") == []


def test_a_metadata_tables_issue_date_is_chrome():
    text = "发文机关某省人民政府办公厅\n发文日期1996年07月07日\n时效性现行有效\n为加强安全管理,各地要于8月底前完成排查。"
    found = [t for t, _ in _found(text) if not is_chrome_date(text, text.find(t), text.find(t) + len(t))]
    assert "1996年07月07日" not in found and "8月底前" in found


def test_a_period_that_starts_then_ends_in_two_clauses():
    assert ("4月下旬开始,11月下旬", _v("XXXX-04-21", "XXXX-11-30", "range")) in _found("活动从4月下旬开始,11月下旬结束。")
    assert _found("5月10日开始,各单位开展自查。") == [("5月10日", _v("XXXX-05-10"))]  # no 结束: no range


def test_the_first_quarter_as_hong_kong_writes_it():
    assert ("明年首季", _v("XXXX-01", "XXXX-03", "range")) in _found("某署明年首季将成立培训学院。")
    assert ("2023年首季", _v("2023-01", "2023-03", "range")) in _found("2023年首季共巡查二千次。")


def test_a_span_of_days_after_the_news_subject():
    from nlp.extract.dates import find_dates

    got = [(m.text, m.value["kind"]) for m in find_dates("全国卫生健康工作会议19日至20日在北京召开。")]
    assert got == [("19日至20日", "range")]
    assert [m.text for m in find_dates("每期培训3日至5日不等。")] == []  # (no news act: a duration)


def test_a_period_launched_and_lasting_until_a_day_is_one_range():
    from nlp.extract.dates import find_dates

    got = [(m.value["start"], m.value["end"], m.value["kind"]) for m in find_dates("活动于5月1日正式启动,并持续至5月31日。")]
    assert got == [("XXXX-05-01", "XXXX-05-31", "range")]
