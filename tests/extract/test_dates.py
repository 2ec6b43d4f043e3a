"""nlp.extract.dates: dates, periods and deadlines with their contract values."""

from __future__ import annotations

import pytest

from nlp.extract.dates import find_dates


def _v(start, end=None, kind="point"):
    return {"start": start, "end": end or start, "kind": kind}


@pytest.mark.parametrize("text, surface, value", [
    ("2010年5月20日", "2010年5月20日", _v("2010-05-20")),
    ("二〇一〇年五月二十日", "二〇一〇年五月二十日", _v("2010-05-20")),
    ("二○一○年六月二十五日印发", "二○一○年六月二十五日", _v("2010-06-25")),
    ("2010.5.20", "2010.5.20", _v("2010-05-20")),
    ("2010-05-20", "2010-05-20", _v("2010-05-20")),
    ("2010 年 5 月 20 日召开", "2010 年 5 月 20 日", _v("2010-05-20")),
    ("2017年", "2017年", _v("2017")),
    ("2017年4月", "2017年4月", _v("2017-04")),
    ("6月份", "6月份", _v("XXXX-06")),
    ("元月5日", "元月5日", _v("XXXX-01-05")),
    ("201*年工作", "201*年", _v("201X")),
    ("20xx年", "20xx年", _v("20XX")),
    ("20XX年", "20XX年", _v("20XX")),
    ("**年", "**年", _v("XXXX")),
    ("XX年1月", "XX年1月", _v("XXXX-01")),
    ("20xx年x月x日", "20xx年x月x日", _v("20XX-XX-XX")),
    ("二〇XX年X月X日", "二〇XX年X月X日", _v("20XX-XX-XX")),
], ids=["full", "cn-full", "cn-circle-zero", "dotted", "iso", "spaced", "year", "year-month",
        "month-份", "元月", "masked-201*", "masked-20xx", "masked-20XX", "masked-**", "masked-XX",
        "masked-month-day", "masked-cn-year"])
def test_point(text, surface, value):
    assert [(m.text, m.value) for m in find_dates(text)] == [(surface, value)]


@pytest.mark.parametrize("text, value", [
    ("201*年12月20日-31日", _v("201X-12-20", "201X-12-31", "range")),
    ("2005年11月21~30日", _v("2005-11-21", "2005-11-30", "range")),
    ("6月中旬至6月下旬", _v("XXXX-06-11", "XXXX-06-30", "range")),
    ("2月中旬—3月中旬", _v("XXXX-02-11", "XXXX-03-20", "range")),
    ("8月中下旬", _v("XXXX-08-11", "XXXX-08-31", "range")),
    ("11月上、中旬", _v("XXXX-11-01", "XXXX-11-20", "range")),
    ("201* 年12月开始至201*年5月底", _v("201X-12", "201X-05-31", "range")),
    ("2月中旬开始,到6月下旬", _v("XXXX-02-11", "XXXX-06-30", "range")),
    ("20xx年2月下旬至3月上旬", _v("20XX-02-21", "20XX-03-10", "range")),
    ("6月—20xx年6月底", _v("XXXX-06", "20XX-06-30", "range")),
    ("2017年7月至12月", _v("2017-07", "2017-12", "range")),
    ("2010年1-6月份", _v("2010-01", "2010-06", "range")),
    ("2009-2012年", _v("2009", "2012", "range")),
    ("“—20xx年创先争优活动”", _v("XXXX", "20XX", "range")),
    ("今年上半年", _v("XXXX-01", "XXXX-06", "range")),
    ("下半年", _v("XXXX-07", "XXXX-12", "range")),
    ("2011年第一季度", _v("2011-01", "2011-03", "range")),
    ("今年暑期", _v("XXXX-07", "XXXX-08", "range")),
    ("2010年初", _v("2010-01", "2010-01", "point")),  # January, as annotators write 年初
    ("3月初", _v("XXXX-03-01", "XXXX-03-10", "range")),
    ("2012年2月下旬", _v("2012-02-21", "2012-02-29", "range")),
], ids=["day-range", "tilde-bare-day", "旬-至-旬", "旬-dash", "中下旬", "上、中旬", "开始至-底", "开始,到",
        "start-year-carries", "end-year-stays", "month-至-month", "bare-month-start", "year-range",
        "redacted-first-year", "今年上半年", "下半年", "季度", "暑期", "年初", "月初", "leap-下旬"])
def test_range(text, value):
    assert [m.value for m in find_dates(text)] == [value]


@pytest.mark.parametrize("text, surface, value", [
    ("5月10日前上报", "5月10日前", _v("XXXX-05-10", kind="deadline")),
    ("于6月25日前报", "6月25日前", _v("XXXX-06-25", kind="deadline")),
    ("年底前完成", "年底前", _v("XXXX-12-31", kind="deadline")),
    ("2023年6月底前完成整改", "2023年6月底前", _v("2023-06-30", kind="deadline")),
    ("2005年11月20日底", "2005年11月20日底", _v("2005-11-20", kind="deadline")),
    ("在“七一”前,组织", "“七一”前", _v("XXXX-07-01", kind="deadline")),
    ("2010年9月底以前", "2010年9月底以前", _v("2010-09-30", kind="deadline")),
    ("2017年年底前后建成", "2017年年底前后", _v("2017-12-31")),
    ("2020年前后", "2020年前后", _v("2020")),
], ids=["前", "于…前", "年底前", "月底前", "日底", "七一前", "以前", "年底前后-point", "前后-point"])
def test_deadline(text, surface, value):
    assert [(m.text, m.value) for m in find_dates(text)] == [(surface, value)]


def test_trailing_前_makes_the_whole_list_deadlines():
    text = "分别于2月19日、4月20日、6月25日前报送"
    assert [m.value["kind"] for m in find_dates(text)] == ["deadline"] * 3


def test_relative_year_resolved_only_when_given():
    assert [m.value["start"] for m in find_dates("今年和明年")] == ["XXXX", "XXXX"]
    assert [m.value["start"] for m in find_dates("今年和明年", year="2010")] == ["2010", "2011"]


@pytest.mark.parametrize("text", [
    "十七大", "十二五规划", "日卫党发〔2010〕11号", "庆发[2004]9号", "“12345”工作思路",
    "半年时间", "三个月左右", "四年左右", "3个月以上", "8小时", "每年", "每月", "每年年底",
    "每年初", "每年6月", "半年一评", "年终考核", "建党90周年", "第一阶段", "2006-2046", "2024",
    "单元月考", "3000元月薪", "七一", "初步建立", "近三季度", "每年第一季度", "每年前三季度", "如今年轻人", "说明年度计划", "成本年度核算", "过去年份",
], ids=lambda t: t)
def test_not_a_date(text):
    assert list(find_dates(text)) == []


@pytest.mark.parametrize("text, surface, kind", [
    ("2010年前三季度", "2010年前三季度", "range"), ("5月份前两周", "5月份", "point"),
], ids=["前三季度", "前两周"])
def test_前_before_a_count_is_no_deadline(text, surface, kind):
    assert [(m.text, m.value["kind"]) for m in find_dates(text)] == [(surface, kind)]


@pytest.mark.parametrize("text, surface, value", [
    ("第二季度完成", "第二季度", _v("XXXX-04", "XXXX-06", "range")),
    ("2021年第4季", "2021年第4季", _v("2021-10", "2021-12", "range")),
    ("到三季度末,全面铺开", "到三季度末", _v("XXXX-09-30", kind="deadline")),
    ("2022年一季度末前完成", "2022年一季度末前", _v("2022-03-31", kind="deadline")),
    ("截至2022年第二季度末", "2022年第二季度末", _v("2022-06-30")),
    ("2022年第一、二季度", "2022年第一、二季度", _v("2022-01", "2022-06", "range")),
    ("今年1至3季度", "今年1至3季度", _v("XXXX-01", "XXXX-09", "range")),
    ("2022年二至四季度", "2022年二至四季度", _v("2022-04", "2022-12", "range")),
    ("2010年前三季度", "2010年前三季度", _v("2010-01", "2010-09", "range")),
], ids=["季度", "第4季", "季度末-到", "季度末前", "截至-季度末", "一、二季度", "1至3季度", "二至四季度", "前三季度"])
def test_quarters(text, surface, value):
    """A quarter is its three months; 季度末 its last day; a run of quarters one range."""
    assert [(m.text, m.value) for m in find_dates(text)] == [(surface, value)]


def test_heading_marker_is_no_quarter():
    assert [m.text for m in find_dates("工作安排\n一、二季度工作")] == ["二季度"]


@pytest.mark.parametrize("text, surface, value", [
    ("2019.9-2022.6在校学习", "2019.9-2022.6", _v("2019-09", "2022-06", "range")),
    ("2021.03—2021.12", "2021.03—2021.12", _v("2021-03", "2021-12", "range")),
    ("2021.3.1-2021.4.30", "2021.3.1-2021.4.30", _v("2021-03-01", "2021-04-30", "range")),
], ids=["months", "dash", "days"])
def test_dotted_spans(text, surface, value):
    assert [(m.text, m.value) for m in find_dates(text)] == [(surface, value)]


@pytest.mark.parametrize("text", ["投入2021.5-2022.3万元", "2022.6-2021.3", "版本2021.5"])
def test_dotted_numbers_that_are_no_span(text):
    assert list(find_dates(text)) == []


def test_截止到_is_a_state_not_a_deadline():
    assert [(m.text, m.value["kind"]) for m in find_dates("截止到2022年6月30日,共受理15件")] == \
        [("2022年6月30日", "point")]


def test_range_end_that_is_no_date_keeps_the_start():
    assert [m.text for m in find_dates("从XX年1月至今")] == ["XX年1月"]
    assert [m.text for m in find_dates("20xx年7月—党的十八大召开前")] == ["20xx年7月"]


def test_offsets_point_into_the_text():
    text = "一、时间安排\n2010年5月20日至6月30日,各单位于7月5日前上报。"
    for m in find_dates(text):
        assert text[m.start:m.end] == m.text


def test_reading_order():
    starts = [m.start for m in find_dates("5月1日、6月1日和2010年7月")]
    assert starts == sorted(starts) and len(starts) == 3


HOSTILE_UNITS = ["2010年", "1-", "201*年12月20", "年", "月", "日", "至", "xx", "*", "20", "12月",
                 "5月1日-", "1月1-", "—", "年底前", "“七一”", "2010-05-", "开始,到", "1 ", "初", "每年",
                 "二〇一〇年五月二十", "1月1日至1月", "x年x月x日—",
                 # web forms: stamps on one long line, days without 日, news days, 民国 years, holidays
                 "2010-05-20 ", "2010年5月20日 ", "• 2010-05-20\n", "5月10", "5月10\n", "今(3)日", "局3日在",
                 "民国101年", "102年至", "1041231日", "元旦", "“五一”", "本月下旬", "2021年春节前至", "11·9", "“12.4", "3·15国际",
                 # quarters, dotted spans, 民国 numbers, 次年, month pairs, holidays as a class
                 "第一、二季度末", "前三季度", "2023.1-", "2023.1-2024.12", "113.3.5", "至次年3月", "7、8月", "元旦、国庆等", "2023/24学年", "112学年度", "对2024重点", "5日、6日"]


@pytest.mark.parametrize("unit", HOSTILE_UNITS)
def test_linear_time_on_hostile_text(unit, assert_linear):
    assert_linear(find_dates, unit)


@pytest.mark.parametrize("text, surface, value", [
    ("2022年11月至次年3月底", "2022年11月至次年3月底", _v("2022-11", "2023-03-31", "range")),
    ("2021年12月—翌年2月", "2021年12月—翌年2月", _v("2021-12", "2022-02", "range")),
    ("11月至次年2月", "11月至次年2月", _v("XXXX-11", "XXXX-02", "range")),
], ids=["次年", "翌年", "no-year"])
def test_range_into_the_next_year(text, surface, value):
    assert [(m.text, m.value) for m in find_dates(text)] == [(surface, value)]


@pytest.mark.parametrize("text, found", [
    ("7、8月份开展巡查", [("7、8月份", _v("XXXX-07", "XXXX-08", "range"))]),
    ("2022年11、12月", [("2022年11、12月", _v("2022-11", "2022-12", "range"))]),
    ("3、5月各一次", [("5月", _v("XXXX-05"))]),
    ("1、3、4月", [("4月", _v("XXXX-04"))]),
    ("5月1日、6月1日", [("5月1日", _v("XXXX-05-01")), ("6月1日", _v("XXXX-06-01"))]),
], ids=["pair", "year-pair", "not-consecutive", "longer-list", "full-dates"])
def test_two_months_sharing_one_月(text, found):
    assert [(m.text, m.value) for m in find_dates(text)] == found


@pytest.mark.parametrize("text, surface", [
    ("会议对2022重点任务作了部署", "2022"), ("现将2018工作情况报告如下", "2018"), ("迈向“2035健康愿景”", "2035"),
], ids=["对", "将", "quote"])
def test_year_without_年_before_a_noun(text, surface):
    assert [(m.text, m.value) for m in find_dates(text)] == [(surface, _v(surface))]


@pytest.mark.parametrize("text", ["共有2019人参加", "为2019届毕业生", "于2019余户", "在2024米高处", "某城2030规划", "约2030公里"])
def test_bare_number_that_is_no_year(text):
    assert list(find_dates(text)) == []


@pytest.mark.parametrize("text, found", [
    # 、 lists days, each a point of its own (the d2 gold's convention); 和/及 join a span
    ("3月5日、6日召开", [("3月5日", _v("XXXX-03-05")), ("6日", _v("XXXX-03-06"))]),
    ("3月5日和6日", [("3月5日和6日", _v("XXXX-03-05", "XXXX-03-06", "range"))]),
    ("3月5日、12日召开", [("3月5日", _v("XXXX-03-05")), ("12日", _v("XXXX-03-12"))]),
    ("于3月5日、12日前报送", [("3月5日", _v("XXXX-03-05", kind="deadline")), ("12日", _v("XXXX-03-12", kind="deadline"))]),
], ids=["、", "和", "not-consecutive", "deadline"])
def test_two_days_in_a_row(text, found):
    assert [(m.text, m.value) for m in find_dates(text)] == found


@pytest.mark.parametrize("text, found", [
    ("卫福部表示,自112年起推动评鉴改革,113年全面实施。", [("112年", _v("2023")), ("113年", _v("2024"))]),
    ("行政院核定新台币3亿元,自110年度起办理", [("110年度", _v("2021"))]),
    ("建党100年,党员人数增长", []),  # no Taiwan cue: a count of years, not 民国100年
    ("行政院公报(106年秋字第4期)", []),  # an issue's number, not a year
    ("荣总举办109年医学研讨会", [("109年", _v("2020"))]),  # Taiwan's organs name the text
    ("嘉义县政府公布111年预算", [("111年", _v("2022"))]),
], ids=["bare-years", "年度", "no-cue", "issue", "荣总", "嘉义"])
def test_taiwan_text_counts_bare_years_from_民国(text, found):
    assert [(m.text, m.value) for m in find_dates(text)] == found


@pytest.mark.parametrize("surface, value", [
    ("二0二四年三月五日", _v("2024-03-05")), ("二O二四年三月", _v("2024-03")),
], ids=["digit-zero", "letter-O"])
def test_year_in_numerals_with_a_typed_zero(surface, value):
    assert [(m.text, m.value) for m in find_dates(f"某局\n{surface}")] == [(surface, value)]


@pytest.mark.parametrize("text, found", [
    ("学习《关于严禁元旦春节期间公款送礼的通知》精神", []),
    ("《关于做好寒假期间学校安全工作的通知》", []),
    ("《关于做好2024年元旦春节期间工作的通知》", [("2024年元旦", _v("2024-01-01"))]),
    ("《今年工作要点》", [("今年", _v("XXXX"))]),
    ("元旦、春节期间要严格落实规定", [("元旦", _v("XXXX-01-01"))]),
], ids=["元旦-in-title", "寒假-in-title", "with-year", "今年", "outside-title"])
def test_holiday_without_year_in_a_cited_title(text, found):
    assert [(m.text, m.value) for m in find_dates(text)] == found


@pytest.mark.parametrize("text, found", [
    ("某市三年行动计划(2024—2026)", [("2024—2026", _v("2024", "2026", "range"))]),
    ("实施方案(2021-2025)", [("2021-2025", _v("2021", "2025", "range"))]),
    ("标志标准(GB 2894-2008)", []),
    ("某某网 版权所有 (2008-2024)", []),
    ("Copyright © 2008-2024 某某网", []),
], ids=["plan-period", "hyphen", "standard", "footer", "copyright"])
def test_two_years_in_brackets(text, found):
    assert [(m.text, m.value) for m in find_dates(text)] == found


@pytest.mark.parametrize("text, surface, value", [
    ("将于本(3)月底前完成", "本(3)月底前", _v("XXXX-03-31", kind="deadline")),
    ("本(12)月下旬办理", "本(12)月下旬", _v("XXXX-12-21", "XXXX-12-31", "range")),
], ids=["月底前", "下旬"])
def test_this_month_with_its_number_in_brackets(text, surface, value):
    assert [(m.text, m.value) for m in find_dates(text)] == [(surface, value)]


@pytest.mark.parametrize("text, found", [
    ("特此通知。 某委 2024年3月5 (此件公开发布)", [("2024年3月5", _v("2024-03-05"))]),
    ("2024年3月5 个单位参加", [("2024年3月", _v("2024-03"))]),
    ("3月5 (此件公开发布)", [("3月", _v("XXXX-03"))]),
    ("1 新建中心10个 市民政局 2024年12月\n2 培训医生500名", [("2024年12月", _v("2024-12"))]),
], ids=["flattened-signing-date", "a-count", "no-year", "next-row-number"])
def test_day_without_日_in_flattened_text(text, found):
    assert [(m.text, m.value) for m in find_dates(text)] == found


def test_寒暑假_names_vacations_in_general():
    assert list(find_dates("寒暑假期间加强安全教育")) == []
    assert [m.text for m in find_dates("暑假期间加强安全教育")] == ["暑假"]


@pytest.mark.parametrize("text, found", [
    ("请认真贯彻执行。\n\n2020928\n\n(此件公开发布)", [("2020928", _v("2020-09-28"))]),
    ("特此通知。\n20231015\n", [("20231015", _v("2023-10-15"))]),
    ("特此通知。\n2020112\n", []),  # 1-12 or 11-2: ambiguous
    ("电话:\n20231234\n", []),
], ids=["7-digits", "8-digits", "ambiguous", "no-date"])
def test_signing_date_run_together_alone_on_its_line(text, found):
    assert [(m.text, m.value) for m in find_dates(text)] == found


@pytest.mark.parametrize("text, found", [
    ("评审每年组织两次,分别于4月、10月受理申请", []),
    ("每年的清洁周意在帮助居民于年末清理杂物", []),
    ("该活动每年举办一次,今年于6月举行", [("今年", _v("XXXX")), ("6月", _v("XXXX-06"))]),
    ("每年评选一次,本届于8月12日揭晓", [("8月12日", _v("XXXX-08-12"))]),
], ids=["months", "year-part", "this-year", "day"])
def test_months_in_a_sentence_about_every_year_recur(text, found):
    assert [(m.text, m.value) for m in find_dates(text)] == found


@pytest.mark.parametrize("text, found", [
    ("工作站于2日针对新进人员举办讲习", [("2日", _v("XXXX-XX-02"))]),
    ("应于3日内报送", []),
], ids=["于-day", "于-time-limit"])
def test_a_day_dated_by_于(text, found):
    assert [(m.text, m.value) for m in find_dates(text)] == found


@pytest.mark.parametrize("text, found", [
    ("该队于去年3月尾成立", [("去年3月尾", _v("XXXX-03-31"))]),
    ("2023年12月尾前完成", [("2023年12月尾前", _v("2023-12-31", kind="deadline"))]),
    ("活动于6月尾声举行", [("6月", _v("XXXX-06"))]),
], ids=["月尾", "月尾前", "尾声"])
def test_month_end_written_尾(text, found):
    assert [(m.text, m.value) for m in find_dates(text)] == found


@pytest.mark.parametrize("text, found", [
    ("行动计划(20182020年)", [("20182020年", _v("2018", "2020", "range"))]),
    ("2024年7月14日夜间至17日", [("2024年7月14日夜间至17日", _v("2024-07-14", "2024-07-17", "range"))]),
    ("定于7月14日上午至16日下午举办", [("7月14日上午至16日", _v("XXXX-07-14", "XXXX-07-16", "range"))]),
    ("3月5日上午召开会议", [("3月5日", _v("XXXX-03-05"))]),
], ids=["glued-years", "night-to-day", "morning-to-day", "a-point-before-its-time-of-day"])
def test_spans_a_page_garbled_or_timed(text, found):
    assert [(m.text, m.value) for m in find_dates(text)] == found


def test_a_news_day_right_after_the_datelines_bracket():
    assert [m.value for m in find_dates("本报讯(通讯员 某某 记者 某某)16日下午,我市召开会议。")] == [_v("XXXX-XX-16")]



def test_before_a_vacation_is_a_deadline_at_its_first_month():
    from nlp.extract.dates import find_dates

    got = [(m.text, m.value) for m in find_dates("请各校于寒假前完成排查,暑期放假前组织一次安全教育。")]
    assert got == [("寒假前", {"start": "XXXX-01", "end": "XXXX-01", "kind": "deadline"}),
                   ("暑期放假前", {"start": "XXXX-07", "end": "XXXX-07", "kind": "deadline"})]
