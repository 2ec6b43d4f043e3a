"""nlp.extract.dates, session 10 (datespct): shapes that recur on unseen pages. The sentences are
written for these tests (no real text is copied)."""

from __future__ import annotations

import pytest

from nlp.extract.dates import find_dates


def _v(start, end=None, kind="point"):
    return {"start": start, "end": end or start, "kind": kind}


def _found(text):
    return [(m.text, m.value) for m in find_dates(text)]


# ---- days written in words, as Hong Kong's and Macau's notices write them -----------------------

@pytest.mark.parametrize("text, expected", [
    ("图书馆于十七日(星期二)闭馆整理。", [("十七日", _v("XXXX-XX-17"))]),
    ("泳池于十八日至二十日(星期五至日)暂停开放。", [("十八日至二十日", _v("XXXX-XX-18", "XXXX-XX-20", "range"))]),
    ("诊所于十一日至十三日期间暂停服务。", [("十一日至十三日", _v("XXXX-XX-11", "XXXX-XX-13", "range"))]),
    ("二十七日及二十八日(星期三、四)照常开放。",
     [("二十七日", _v("XXXX-XX-27")), ("二十八日", _v("XXXX-XX-28"))]),
    ("九月五日(星期一)、七日至九日(星期三、四、五)停课。",
     [("九月五日", _v("XXXX-09-05")), ("七日至九日", _v("XXXX-XX-07", "XXXX-XX-09", "range"))]),
])
def test_days_in_words(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text", ["须于三日内补齐材料。", "用于一日三餐的补贴", "第二十三日(星期日)照常"])
def test_days_in_words_that_are_no_dates(text):
    assert _found(text) == []


# ---- a year whose last two digits are one mark or a form's blank -------------------------------

@pytest.mark.parametrize("text, expected", [
    ("到20*年,全镇建成三个示范村。", [("到20*年", _v("20XX", kind="deadline"))]),
    ("作为20*年度考核的依据", [("20*年度", _v("20XX"))]),
    ("本次整治自20__年5月8日开始至20__年7月8日,分两步进行。",
     [("20__年5月8日开始至20__年7月8日", _v("20XX-05-08", "20XX-07-08", "range"))]),
])
def test_year_with_one_mark(text, expected):
    assert _found(text) == expected


# ---- a date whose 月 the page lost: its month and day run together before 日 ---------------------

@pytest.mark.parametrize("text, expected", [
    ("在915日全民国防教育日到来之际", [("915日", _v("XXXX-09-15"))]),
    ("县委书记1028日在全县会议上强调", [("1028日", _v("XXXX-10-28"))]),
    ("(通讯员 李明)624日至25日,督查组深入各乡镇", [("624日至25日", _v("XXXX-06-24", "XXXX-06-25", "range"))]),
    ("时间:512日至516\n各单位按时参加", [("512日至516", _v("XXXX-05-12", "XXXX-05-16", "range"))]),
    ("某县人民政府办公室\n\n2016923日\n\n附件", [("2016923日", _v("2016-09-23"))]),
])
def test_month_and_day_run_together(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text", ["须在120日内办结", "为期130日的专项整治", "发文\n2019111日下午", "需112日完成"])
def test_run_together_counts_and_ambiguous_splits_are_no_dates(text):
    assert _found(text) == []


# ---- page chrome: stamps a site prints around the text ----------------------------------------

@pytest.mark.parametrize("text", [
    "某镇开展节前巡查\n2019年3月2日 星期\n本报讯 记者王某报道,昨日全镇开展巡查,发现隐患六处。",
    "第十二期\n\n二〇二二年五月九日,星期一\n\n某某特别行政区",
    "某局两名干部受处分 2021年07月08日|文:某某采访组|https://news.example.org/?p=12\n\n本市今日",
    "图片见 http://www.example.org/photo/2018-04-12/5521.html\n正文",
    "北岭晚报 2024年10月08日\n近日,某区开展占道经营整治行动,取得明显成效。",
    "摘自 《某某建设报》 2020.11.23 张某\n\n最新信息",
    "第三版:要闻\n2023年03月15日\n市支队来我县检查",
    "某县消防提醒\n2022年06月30日\n第B05版:本地\n",
    "住警器安装率提高\n2022年09月01日\n( 记者某某报导 )\n某县消防局统计",
    "公告 张某 - 总务处 | 2021-03-04 | 人气:521",
    "第二版\n2021年11月30日 第512期 共4版\n",
])
def test_page_stamps_are_no_dates(text):
    assert _found(text) == []


@pytest.mark.parametrize("text, surface", [
    ("某县人民政府办公室\n2010年6月25日\n", "2010年6月25日"),
    ("会议定于2023年5月4日第3期培训班开班时召开。", "2023年5月4日"),
    ("据北岭晚报2024年10月08日报道,某区开展整治。", "2024年10月08日"),
])
def test_dates_near_such_words_are_kept(text, surface):
    assert [t for t, _ in _found(text)] == [surface]


# ---- a frequency and an age are no months ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "坚持每日一巡、一月一总结,一季度一考核。",
    "推行“一月一督办、一月一通报”机制",
    "全镇6 月龄婴儿建卡率达到九成",
])
def test_frequency_and_age_are_no_dates(text):
    assert _found(text) == []


def test_january_and_first_quarter_are_still_dates():
    assert _found("一月一日起施行,一季度完成") == [("一月一日", _v("XXXX-01-01")),
                                              ("一季度", _v("XXXX-01", "XXXX-03", "range"))]


# ---- spans and lists of days -------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("2、9月30~10月3日停诊", [("9月30~10月3日", _v("XXXX-09-30", "XXXX-10-03", "range"))]),
    ("评议工作自5月6日启动至6月20日结束", [("5月6日启动至6月20日", _v("XXXX-05-06", "XXXX-06-20", "range"))]),
    ("将于8月3日和9月1日期间加开航班", [("8月3日和9月1日", _v("XXXX-08-03", "XXXX-09-01", "range"))]),
    ("分别于3月2日、5日、9日、16日召开座谈会",
     [("3月2日", _v("XXXX-03-02")), ("5日", _v("XXXX-03-05")), ("9日", _v("XXXX-XX-09")), ("16日", _v("XXXX-XX-16"))]),
])
def test_spans_and_lists_of_days(text, expected):
    assert _found(text) == expected


def test_two_dates_joined_by_and_without_a_span_word_stay_two():
    assert _found("6月1日和6月8日分两批报到") == [("6月1日", _v("XXXX-06-01")), ("6月8日", _v("XXXX-06-08"))]


# ---- a news day before more of the news's verbs, after a pause, a bracket or a dateline ---------

@pytest.mark.parametrize("text, expected", [
    ("省疾控中心主任王某12日介绍,全省病例下降", [("12日", _v("XXXX-XX-12"))]),
    ("为弘扬正气,14日由副院长在职工大会上通报表扬。", [("14日", _v("XXXX-XX-14"))]),
    ("联合稽查组表示,9日透过群众举报查获一处窝点", [("9日", _v("XXXX-XX-09"))]),
    ("本报讯 (记者 某某) 8日上午,市应急局组织检查", [("8日", _v("XXXX-XX-08"))]),
    ("某某网3月4日讯 2日,全县召开安全生产会议", [("3月4日", _v("XXXX-03-04")), ("2日", _v("XXXX-XX-02"))]),
    ("交换了意见。11日-12日,与各科室负责人逐一谈话。", [("11日-12日", _v("XXXX-XX-11", "XXXX-XX-12", "range"))]),
])
def test_news_days(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text", ["接到通知后,3日内完成整改", "工作3日检查一次", "行政拘留10日,并处罚款"])
def test_counts_of_days_stay_no_dates(text):
    assert _found(text) == []


# ---- 民国 years in words in a text written in Taiwan -------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("台北市政府表扬一一三年绩优志工", [("一一三年", _v("2024"))]),
    ("卫福部公告「一百零六年度补助重点」", [("一百零六年度", _v("2017"))]),
])
def test_roc_years_in_words(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text", ["行政院成立六十年的纪念", "行政院 一百年"])
def test_roc_counts_in_words_are_no_dates(text):
    assert _found(text) == []


def test_a_dash_read_as_one_joins_two_dates():
    assert _found("(三)整改阶段(5 月8日一 5月20 日)各单位") == [
        ("5 月8日一 5月20 日", _v("XXXX-05-08", "XXXX-05-20", "range"))]
    assert _found("星期日一早出发") == []


def test_month_and_day_in_words_in_brackets_after_today():
    assert _found("署方发言人今日(三月十四)作出回应") == [("(三月十四)", _v("XXXX-03-14"))]


def test_this_year_with_its_number_in_brackets():
    assert _found("部长表示,今(2024)年将扩大筛检") == [("今(2024)年", _v("2024"))]
