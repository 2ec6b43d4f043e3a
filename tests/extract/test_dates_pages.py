"""nlp.extract.dates on the furniture of web pages unlike the dev sites': lists of links under a
heading, 上一篇/下一篇 lines, paper banners with the lunar day, bylines with a time of day; and the
dates next to them that must stay. Every page here is written for these tests (no real text)."""

from __future__ import annotations

import pytest

from nlp.extract.dates import find_dates
from nlp.extract.dates_chrome import in_link_list
from nlp.extract.dates_lexicon import chrome_cues


def _texts(text):
    return [m.text for m in find_dates(text)]


BODY = "6月10日,县卫生健康局组织专项检查组开展安全生产大检查,要求于6月30日前完成整改。"
BODY_DATES = ["6月10日", "6月30日前"]


@pytest.mark.parametrize("chrome", [
    "相关新闻\n某县召开2023年安全生产工作会议\n关于做好2023年端午节期间值班工作的通知",
    "相关文档\n2023年医院医德医风工作总结\n2022年度医德医风考评方案 5页\n医院2023年上半年工作计划",
    "更多新闻\n台风预计6月15日登陆 气象部门:周四风雨最大\n某市6月13日起调整公交线路",
    "本版其他文章\n市中心医院开展消防演练 6月10日\n我市召开2023年防汛工作会议",
    "往期回顾 2023年06月11日 2023年06月10日",
    "往期推荐\n◆ 2023年6月起,这些新规开始施行\n◆ 某县通报3起典型问题",
    "相关链接:\n· 关于开展2023年安全生产月活动的通知 2023-06-01\n· 县卫健局部署2023年防汛工作 2023年05月28日",
    "上一篇:某某县召开2023年安全生产工作会议\n下一篇:关于做好2023年端午节期间值班工作的通知",
    "上一条:市中心医院召开2023年党风廉政建设工作会议\n下一条:市中心医院举办“5·12”护士节表彰大会",
], ids=["相关新闻", "相关文档", "更多新闻", "本版其他文章", "往期回顾-inline", "往期推荐-bullets", "相关链接-stamps",
        "上一篇", "上一条"])
def test_dates_in_lists_of_links_are_chrome(chrome):
    assert _texts(f"{BODY}\n{chrome}\n") == BODY_DATES


def test_a_list_ends_at_running_text():
    """The headlines under 相关新闻 are chrome; a paragraph after them is text again."""
    text = "相关新闻\n某县召开2023年工作会议\n各单位要于2023年7月1日前报送材料,逾期不再受理。\n"
    assert _texts(text) == ["2023年7月1日前"]


@pytest.mark.parametrize("text, kept", [
    ("一、2023年工作回顾\n二、2024年工作打算\n", ["2023年", "2024年"]),  # short headings, no list word
    ("市卫健委召开2023年工作会议\n会议于6月12日召开。\n", ["2023年", "6月12日"]),  # a headline over its text
    ("附件:2023年安全生产工作要点\n", ["2023年"]),
], ids=["headings", "headline", "attachment"])
def test_short_lines_without_a_list_heading_keep_their_dates(text, kept):
    assert _texts(text) == kept


def test_in_link_list_needs_a_heading_above():
    text = "检查于5月完成。\n某局召开2023年工作会议\n某镇开展2023年培训\n"
    start = text.index("某局")
    assert not in_link_list(text, start, text.index("\n", start))


def test_chrome_cues_table_has_both_scopes():
    cues = chrome_cues()
    assert "相关新闻" in cues["list"] and "上一篇" in cues["line"]


@pytest.mark.parametrize("text, kept", [
    ("某某日报 电子版\n2023年6月12日 星期一 农历五月廿五\n第03版:要闻\n", []),
    ("记者王小明/台北报导 2023年6月12日 周一 上午10:23\n卫福部今(12)日公布统计。", ["(12)日"]),
    ("某院开展演练。2018年7月22日(星期日)香港时间13时45分即日新闻 医院管理局表示,", []),
    ("6月12日 10:23 · 来源:某某日报\n本报讯 6月11日,某市召开会议。", ["6月11日"]),
], ids=["banner-lunar", "byline-time-of-day", "time-zone-stamp", "month-day-stamp"])
def test_page_stamps(text, kept):
    assert _texts(text) == kept


@pytest.mark.parametrize("text, kept", [
    ("一、会议时间\n时间:2023年6月12日(星期一)上午9:00\n地点:市政府第一会议室\n", ["2023年6月12日"]),
    ("定于2023年6月12日上午9:00在市政府召开会议。", ["2023年6月12日"]),
], ids=["meeting-line", "meeting-sentence"])
def test_an_event_time_is_a_date(text, kept):
    """A time of day after the date (上午9:00) says when something happens: not a page's stamp."""
    assert _texts(text) == kept


@pytest.mark.parametrize("text, kept", [
    ("深入学习“十四五”规划和2035年远景目标纲要。", []),
    ("到2035年,基本实现现代化,2035年远景目标如期实现。", ["到2035年"]),
    ("农历八月十五前后,天气转凉。", []),
    ("2023年6月12日(农历五月廿五),某县召开会议。", ["2023年6月12日"]),
], ids=["远景目标", "到2035年-kept", "lunar-month", "lunar-aside"])
def test_plan_names_and_lunar_months_are_no_dates(text, kept):
    assert _texts(text) == kept


@pytest.mark.parametrize("text, value", [
    ("市卫健委于23日至25日开展专项督查。", ("XXXX-XX-23", "XXXX-XX-25", "range")),
    ("会议将于12—14日召开。", ("XXXX-XX-12", "XXXX-XX-14", "range")),
    ("19日上午,市政府召开常务会议。", ("XXXX-XX-19", "XXXX-XX-19", "point")),
    ("记者获悉,19日下午,市政府召开常务会议。", ("XXXX-XX-19", "XXXX-XX-19", "point")),
], ids=["于-span", "将于-span", "opening-day", "day-after-comma"])
def test_news_days(text, value):
    found = [(m.value["start"], m.value["end"], m.value["kind"]) for m in find_dates(text)]
    assert found == [value]


@pytest.mark.parametrize("text", [
    "自收到通知之日起3至5日内完成。", "整改期限为3-5日。", "培训3至5日。", "每月5日上午报送。",
])
def test_counts_of_days_are_no_dates(text):
    assert _texts(text) == []


@pytest.mark.parametrize("text, kept", [
    ("某县开展安全生产大检查\n2023年06月12日\n6月10日,县应急局组织检查组,对辖区企业开展检查。\n", ["6月10日"]),
    ("各单位要按时完成。\n某县应急管理局\n2023年6月12日\n", ["2023年6月12日"]),
    ("二、活动时间\n2023年6月12日\n三、活动地点\n", ["2023年6月12日"]),
    ("某县应急管理局文件\n2023年6月12日\n关于开展安全生产大检查的通知\n各单位:\n", ["2023年6月12日"]),
], ids=["stamp-under-headline", "signing-date", "item-date", "header-date-over-title"])
def test_a_date_alone_over_the_article_is_the_page_stamp(text, kept):
    """A date alone between a page's headline and the article's first paragraph stamps the page;
    one closing the text, or over a heading or a title, is the document's."""
    assert _texts(text) == kept


@pytest.mark.parametrize("text, kept", [
    ("2023年第12号公告\n", []),
    ("某某日报\n当前报章 2023年06月12日\n本报新闻\n", []),
    ("出版日期:2023年6月12日\n", []),
], ids=["notice-number", "e-paper-banner", "出版日期"])
def test_numbers_and_banners_are_no_dates(text, kept):
    assert _texts(text) == kept


@pytest.mark.parametrize("text, kept", [
    ("卫福部公布统计\n中央社 2023年6月12日 周一 下午3:25\n(中央社记者王小明台北12日电)卫福部今天公布统计。", ["12日"]),
    ("二、会议时间\n2023年6月12日(星期一)上午9:00\n", ["2023年6月12日"]),
    ("劳动部指出,业者应于6月30日前完成自主检查。\n相关连结\n112年营造业安全卫生辅导计划\n", ["6月30日前"]),
], ids=["agency-stamp", "meeting-time-alone", "相关连结"])
def test_stamps_and_event_times(text, kept):
    assert _texts(text) == kept


@pytest.mark.parametrize("text, kept", [
    ("每年的6月为安全生产月。", []),
    ("今后每年的3月15日开展宣传。", []),
    ("每年1月和7月各开展一次检查。", []),
    ("每年3月、6月、9月、12月报送。", []),
    ("每年7、8月份开展防汛检查。", []),
    ("每年6月开展活动,2023年6月为第22个安全生产月。", ["2023年6月"]),
    ("每年开展一次,6月底前完成。", ["6月底前"]),
], ids=["每年的", "每年的-day", "每年-and", "每年-list", "每年-pair", "control-year", "control-clause"])
def test_recurring_times_and_their_lists_are_no_dates(text, kept):
    assert _texts(text) == kept


def test_a_standard_number_is_no_year():
    assert _texts("参照GB 2894 2008执行。") == []


@pytest.mark.parametrize("text, kept", [
    ("某市开展安全检查。\n《 某某日报 》( 2023年06月12日 04 版)\n", []),
    ("某市开展安全检查。(某某日报 2023年6月12日 第4版)\n", []),
    ("新版标准于2023年6月12日发布,第2版同时废止。", ["2023年6月12日"]),
], ids=["paper-issue", "paper-issue-inline", "control"])
def test_the_issue_of_a_reprinted_paper_is_chrome(text, kept):
    assert _texts(text) == kept


NOTICE = "为做好安全生产工作,现将有关事项通知如下。\n"


@pytest.mark.parametrize("line, kept", [
    ("会议时间:2023年6月12日", ["2023年6月12日"]),
    ("报名时间:2023年6月1日至6月10日", ["2023年6月1日至6月10日"]),
    ("截止日期:2023-06-30", ["2023-06-30"]),
    ("时间:2023年6月12日", ["2023年6月12日"]),
    ("一、时间:2023年6月1日—2023年12月31日", ["2023年6月1日—2023年12月31日"]),
    ("发布时间:2023年6月12日", []),
    ("时间:2023年06月12日 来源:本站", []),
    ("来源:某某网 2023年6月12日 浏览:12", []),
], ids=["会议时间", "报名时间", "截止日期-numeric", "bare-时间-in-text", "item-时间", "发布时间", "时间-来源",
        "来源-浏览"])
def test_an_event_label_in_a_notice_keeps_its_date(line, kept):
    """会议时间:/报名时间: in a notice time what is done; 发布时间: and lines of page labels stamp the page."""
    assert _texts(NOTICE + line + "\n") == kept


def test_a_bare_time_label_over_the_article_is_the_page_stamp():
    text = "某县开展检查\n时间:2023年06月12日\n6月10日,县应急局组织检查组,对辖区企业开展检查。\n"
    assert _texts(text) == ["6月10日"]


def test_a_banner_with_the_cyclical_year_is_a_stamp():
    assert _texts("某报\n2024年3月8日 星期五 甲辰年正月廿八\nA02 要闻\n") == []


def test_a_list_heading_alone_survives_normalizing_so_its_links_go():
    """normalize leaves ``相关阅读:`` alone on its line to the line filter, which drops the links under
    it (it used to blank the heading only, and the dated links stayed in the text)."""
    from nlp.normalize import normalize_text

    page = ("3月7日下午,区卫健局召开消防安全工作推进会,要求各单位在3月底前完成火灾隐患自查。\n"
            "相关阅读:\n· 区卫健局开展2024年春季消防演练\n· 3月5日区卫健局召开党风廉政建设会议\n")
    assert _texts(normalize_text(page).text) == ["3月7日", "3月底前"]


def test_a_ranking_list_is_chrome():
    text = "截至今年2月底,共查处案件12起。\n热门排行\n1 某地发布2024年医保新政\n2 3月起这些新规施行\n"
    assert _texts(text) == ["今年2月底"]


def test_a_table_with_a_deadline_column_keeps_its_dates():
    """Rows under 完成时限 end in dates like dated links do; they are the document's deadlines."""
    text = ("为推进工作,现将任务分解如下。\n序号 工作任务 责任单位 完成时限\n"
            "1 建立隐患排查台账 县应急局 2024-06-30\n2 开展专项检查 县卫健局 2024年9月30日\n")
    assert _texts(text) == ["2024-06-30", "2024年9月30日"]


def test_a_list_of_links_with_a_date_column_is_still_chrome():
    text = "各单位要抓好落实。\n标题 发布日期\n某区开展安全检查 2021-06-10\n某镇召开推进会 2021-06-01\n"
    assert _texts(text) == []


def test_dates_in_a_disclosure_table_line_are_chrome():
    text = ("索引号: 000-2023-01 主题分类: 卫生\n"
            "名 称: 某县关于印发2022年重点工作的通知 发布日期: 2023年03月09日\n"
            "2022年全县重点工作已经确定,现印发给你们。\n")
    assert _texts(text) == ["2022年"]
