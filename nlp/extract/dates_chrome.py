"""Dates that are page chrome, not text: a web page's timestamps and publication lines.

By convention (gold/README.md) the dates a site prints around a document are no dates of it:
``2017-02-14 点击:8次``, ``时间:2023-05-04 08:58``, ``• 2023年09月15日`` over ``• 来源: …``,
``发布时间:2021年4月6日``, a ``2021-10-30`` alone on its line in a list of news, a
``2012年12月19日 00:00``, and an encyclopedia entry's opening line (``《…》是某局2013年9月9日发布的
通知。``); the links of a page's lists (a headline under ``相关新闻``/``往期回顾``, a ``上一篇:`` line; the
cue words are ``nlp/data/date_chrome_cues.tsv``), a date alone between the headline and the article,
a byline's ``中央社 2023年6月12日 周一 下午3:25``, a paper's banner with its lunar day and the issue of a
reprint (``2023年06月12日 04版``, ``… 第763期 共4版``, a ``第二版:要闻`` line over or under the date), a date
alone over a reporter's byline, a weekday that lost its day (``2018年1月25日 星期``), a credit run on
after the date (``…|文:某采访组``), a paper's or site's name before it (``某某晚报 2025年11月04日``), and a
date inside a web address. A date inside a sentence, a signing date alone on its line written
in words (``2010年6月25日``, even above a ``责任编辑:`` credit), and an event's time in a notice
(``会议时间:…``, ``时间:2023年6月12日(星期一)上午9:00`` under the text) are kept.
"""

from __future__ import annotations

import re
from functools import cache

from nlp.extract.dates_lexicon import chrome_cues
from nlp.text import COMMAS, SEMICOLONS, STOPS

# 2023-05-04, 2023/5/4, 2011-4-28, 民国 103-07-22: how sites stamp pages; documents write 2023年5月4日
_NUMERIC = re.compile(r"(?:[0-9]{4}|1[0-4][0-9]|[6-9][0-9])([-/.])[0-9]{1,2}\1[0-9]{1,2}")
_FULL = re.compile(r"[0-9〇○零一二三四五六七八九]{4}\s?年.*[日号]")
# a clock, right after the date or after its weekday: 08:58, 00:00, (星期日)\n香港时间13时45分
_WEEKDAY = r"(?:[(（]?(?:星期|周|週|礼拜|禮拜)[一二三四五六日天][)）]?)?"
# (a paper's banner may add the lunar day: 星期一 农历五月廿五, 星期五 甲辰年正月廿八)
_WEEKDAY_LINE = re.compile(  # (星期 alone: the banner's weekday lost; 二〇二三年九月六日,星期三)
    rf"[,，]?\s*(?=\S)(?:{_WEEKDAY}|(?:星期|週|礼拜|禮拜)(?=\s*$))\s*(?:(?:农历|阴历|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年)\s?[^\s,，。]{{2,8}})?\s*"
)
_TIME_OF_DAY = r"上午|下午|中午|晚上|晚间|凌晨|早上|早晨|傍晚"
_ZONE = r"北京时间|香港时间|台北时间|澳门时间"
_CLOCK = re.compile(
    rf"[ \t]*{_WEEKDAY}\s*(?P<zone>{_ZONE})?\s*(?:{_TIME_OF_DAY})?\s*"
    r"[0-9]{1,2}(?::[0-9]{2}|时[0-9]{1,2}分)"
)
_CLOCK_FIRST = set(" \t\n(（星周週礼禮北香台澳上下中晚凌早傍0123456789")  # what a clock opens with
# an event's time of day after its date (时间:2023年6月12日(星期一)上午9:00): a meeting, not a stamp…
_EVENT_TIME = re.compile(rf"[ \t]*{_WEEKDAY}\s*(?:{_TIME_OF_DAY})")
# what an event's date is labelled with (a notice's 会议时间:, 报名时间:, 截止日期:), never a page's
_EVENT_LABEL = re.compile(
    r"(?:会议|活动|报名|截止|检查|培训|考试|申报|实施|开始|结束|办理|受理|举办|举行|完成|整改|集中|考核|评审"
    r"|开放|执行|报到|比赛|演练|督查|验收|公示|提交|报送|征集|投票|评选|竞赛|讲座|仪式|接种|体检|缴费)"
    r"(?:时间|日期|期限|时限)\s*[:：]\s*$"
)
# a bare 时间:/日期: (a page's stamp or an event's time) and the page words that make one a stamp
_BARE_LABEL = re.compile(r"(?:时间|時間|日期)\s*[:：]")
_PAGE_WORD_BEFORE = re.compile(r"(?:发布|發佈|發布|颁布|成文|生成|公开|更新|上传|发稿|出版|录入|修改)\s*$")
# the page of a newspaper's issue right after its date: (2023年06月12日 第04版), 2023年6月12日 4 版
_PAPER_PAGE = re.compile(  # …or its issue ending the line (2022年12月29日 第763期 共4版)
    r"\s?[,，]?\s?(?:第?\s?[0-9]{1,2}\s?版(?![本权])|第\s?[0-9]{1,5}\s?期(?=[ \t]*(?:\n|$|共)))")
# a paper's page on the line above or below its date alone: 第二版:综合新闻, 第A07版:要闻
_PAGE_LINE = re.compile(r"\s*第\s?[0-9A-Z一二三四五六七八九十]{1,4}\s?版\s*[:：]?")
# (the date opens its line, follows a label's colon or a preposition; 中央社 2023年6月12日 周一
# 下午3:25 is an agency's stamp)
_EVENT_LEAD = re.compile(r"(?:^[•·●■◆▪\-–—*>|\s]*|[:：]\s*|[于在自从至到]\s*)$")
# …unless a reporter's credit stands before it on the line (记者某某/台北报导 2023年6月12日 周一 上午10:23)
# (a reporter's, not an editor's: a signing date stands over 责任编辑:某某)
_REPORTER = re.compile(r"记者|記者|报导|報導|通讯员|通訊員|特派员|特派員")
_BYLINE = re.compile(r"记者|記者|报导|報導|报道|報道|通讯员|通訊員|特派员|编辑|編輯|作者|撰文|文/|图/|圖/")
# labels a page prints around its stamp (header) and credits it prints under an article
_HEADER = (r"发布|發佈|發布|來源|来源|日期|时间|時間|更新|浏览|瀏覽|点击|點擊|阅读|字体|人气|人氣|点阅|點閱"
           r"|(?<![A-Za-z])(?i:date|posted|published|updated)(?![A-Za-z])")  # (an English template's `date 2026-01-08`)
_CREDIT = r"作者|供稿|编辑|上传|整理|摘自"
# a credit run on right after the date: 2020年06月17日|文:某某采访组
_CREDIT_AFTER = re.compile(r"(?:文|图|圖|撰文|记者|記者|摄影|攝影|责编|責編|通讯员|通訊員)\s*[:：/]")
# a paper, a news site or an agency before the date on its line: 某某晚报 2025年11月04日, 《某某报》 2021.09.14
_MEDIA_BEFORE = re.compile(r"(?:[日晚早商]报|報|报》|報》|报社|新闻网|[\u4e00-\u9fff]{1,8}网|电视台|新华社|中新社|通讯社)\s*$")
_LABEL = re.compile(rf"{_HEADER}|{_CREDIT}")
_LABELLED = re.compile(rf"(?:{_HEADER}|{_CREDIT})\s*[:：]")
# a date written in words is a stamp only after a publication label: 发布时间:2021年4月6日
_PUBLISHED = re.compile(
    r"(?:(?:发布|發佈|發布|颁布|成文|生成|公开|更新|上传|发稿|发文|印发)(?:时间|日期)|今天是|今日是|当前日期|当前报章|本期日期|出版日期|出刊日期)\s*[:：]?\s*$"
)
# an encyclopedia entry's lead sentence about the document: 《…》是某局2013年9月9日发布的通知。
_ENTRY_LEAD = re.compile(r"\s?(?:发布|颁布|印发|公布|出台|下发)的[\u4e00-\u9fff]{1,6}[。.]")
_BULLET_CHARS = "•·●■◆▪\\-–—*>|"
# a headline and its date in words, as lists of links print them: 某局召开会议 2023年05月04日; not an
# item of the text (一、…, (二)…, 1.…) or a sentence
_LINK_LINE = re.compile(
    rf"[{_BULLET_CHARS}]*(?![一二三四五六七八九十]+、|[(（][一二三四五六七八九十0-9]+[)）]|[0-9]+[.、．]|第)"
    rf"[^\n{STOPS}{SEMICOLONS}{COMMAS}:：]{{8,80}}?[ \t\u3000(（\[【]\s*"
    r"(?:19|20)[0-9]{2}\s?年[0-9]{1,2}\s?月[0-9]{1,2}\s?日[)）\]】]?[ \t\u3000]*"
)
_REACH = 120
_BULLET = "•·●■◆▪-–—*>|[]【】()（） \t"
_SENTENCE = re.compile(rf"[{STOPS}{SEMICOLONS}{COMMAS}]")


# a site's footer: 版权所有 (2008-2024), Copyright © 2024, 京ICP备…号
_COPYRIGHT = re.compile(r"版权所有|版權所有|[Cc]opyright|COPYRIGHT|©|ICP备|ICP證|All Rights Reserved")


# the fields of a government page's disclosure table (索引号: … 名 称: … 发布日期: …): a date on a line
# holding two of them, the title's year included, belongs to the table, not to the text
_DISCLOSURE_FIELD = re.compile(
    r"(?:索\s?引\s?号|名\s{0,2}称|发布日期|成文日期|主题分类|发文单位|发布机构|发文机关|文\s{0,2}号|公开方式|有\s?效\s?性)\s?[:：]"
)


def _in_disclosure_table(text: str, start: int, end: int) -> bool:
    line_start = max(text.rfind("\n", max(0, start - _REACH), start) + 1, start - _REACH)
    line_end = text.find("\n", end, end + _REACH)
    line_end = min(len(text), end + _REACH) if line_end < 0 else line_end
    fields = _DISCLOSURE_FIELD.findall(text, line_start, line_end)
    return len(fields) >= 2


_URL_HEAD = re.compile(r"(?:https?://|www\.)[!-~]*$")


def _in_url(text: str, start: int) -> bool:
    """The date stands inside a web address (its characters run back to ``http://`` or ``www.``)."""
    if start == 0 or not ("!" <= text[start - 1] <= "~"):
        return False
    return bool(_URL_HEAD.search(text, max(0, start - 120), start))


def is_chrome_date(text: str, start: int, end: int) -> bool:
    """True when the date ``text[start:end]`` is a page's stamp rather than the document's text."""
    if _in_url(text, start):
        return True  # http://…/2019-03-06/68394.html: a page's address, not a date
    if _in_disclosure_table(text, start, end):
        return True  # 名 称: 关于…2022年…的通知 发布日期: 2023年03月09日: the page's table
    if _COPYRIGHT.search(text, max(start - 40, text.rfind("\n", max(0, start - 40), start) + 1), start) or \
            _COPYRIGHT.search(text, end, _line_end(text, end, 40)):
        return True  # 版权所有 2008-2024: the footer's years
    date = text[start:end]
    numeric = bool(_NUMERIC.fullmatch(date))
    if not numeric and not _FULL.fullmatch(date):
        # 5月10日, 2010年, 今年: a stamp only when a clock and a page's labels follow at once, or
        # a headline's in a list of links
        if text[end : end + 1] in _CLOCK_FIRST and _CLOCK.match(text, end) and _stamp_labels_follow(text, end):
            return True
        short = _LIST_ITEM_MAX + 8  # (only a short line can be a link: most dates stand in long ones)
        line_start = text.rfind("\n", max(0, start - short), start) + 1
        if not line_start and start > short:
            return False
        line_end = text.find("\n", end, end + short)
        if line_end < 0:
            if end + short < len(text):
                return False
            line_end = len(text)
        return in_link_list(text, line_start, line_end)
    # a stamp's line is short: look at most _REACH characters either side (linear time)
    line_start = max(text.rfind("\n", max(0, start - _REACH), start) + 1, start - _REACH)
    line_end = text.find("\n", end, end + _REACH)
    line_end = min(len(text), end + _REACH) if line_end < 0 else line_end
    if line_end - line_start <= _LIST_ITEM_MAX + 8 and in_link_list(text, line_start, line_end):
        return True  # 上一篇:…2023年…, a headline under 相关新闻: another page's date
    if not _stamp(text, start, end, numeric, line_start, line_end):
        return False
    # 1 建立台账 县应急局 2024-06-30 under 序号 工作任务 责任单位 完成时限: a deadline, not a dated link
    return line_end - line_start > _ROW_MAX + 8 or not in_dated_table(text, line_start, line_end)


# an issuer's name alone on its line (a 落款): the date under it is the document's own
_SIGNATURE_LINE = re.compile(r"[ \t\u3000]*[\u4e00-\u9fff()]{2,28}(?:人民政府|政府|办公厅|办公室|委员会|局|厅|委|院|中心|公司"
                             r"|学校|大学|医院|办事处|党委|党组|党工委|支部|纪委|监委|总队|支队|大队|指挥部|领导小组)[ \t\u3000]*")


def _stamp(text: str, start: int, end: int, numeric: bool, line_start: int, line_end: int) -> bool:
    """A full date ``text[start:end]`` reads as a page's stamp by its line and the lines around."""
    before, after = text[line_start:start], text[end:line_end]
    if _EVENT_LABEL.search(before[-16:]):  # (a label stands right before the date)
        return False  # 报名时间:2023年6月1日至10日, 截止日期:2023-06-30: when something is done
    if _ENTRY_LEAD.match(text, end) and "是" in before and _page_top(text, start):
        return True  # the page's first sentence describes the document: an entry's lead, not its text
    if _stamp_labels_follow(text, end):
        return True  # • 2023年09月15日 • 来源: …, 2012年12月19日 00:00 点击: run together on one line
    if _PUBLISHED.search(before):
        return True
    if _PAPER_PAGE.match(text, end):
        return True  # 《某某日报》(2023年06月12日 04版): the issue a reprint was taken from
    if not numeric and _EVENT_TIME.match(text, end) and _EVENT_LEAD.search(before) and not _BYLINE.search(before):
        return False  # 时间:2023年6月12日(星期一)上午9:00: when a meeting is held
    clock = _CLOCK.match(text, end)
    if clock:  # …but 定于2023年5月4日 9:00 召开。 is a meeting's time
        # a time zone after the date (2018年7月22日(星期日)香港时间13时45分) is a news stamp's
        return numeric or bool(clock["zone"]) or not _SENTENCE.search(before + after)
    alone = not before.strip(_BULLET) and not after.strip(_BULLET)
    if alone and not numeric and _SIGNATURE_LINE.fullmatch(*_line_at(text, _line_before(text, line_start))):
        return False  # 某市人民政府办公厅⏎2020年5月20日⏎来源:…: the document's signing date under its issuer
    if not before.strip(_BULLET) and _WEEKDAY_LINE.fullmatch(after):
        return True  # 2023年5月4日 星期四 alone on its line: a page's or a paper's date banner
    if alone and _label_line(text, line_end + 1, _HEADER):
        return True  # • 2023年09月15日 over • 来源: …
    if alone and (_PAGE_LINE.match(*_line_at(text, _line_after(text, line_end))[:2])
                  or _PAGE_LINE.match(*_line_at(text, _line_before(text, line_start))[:2])):
        return True  # 第二版:综合新闻 over 2024年02月09日, or 第A07版 under it: a paper's page
    if alone and _byline_at(text, _line_after(text, line_end)):
        return True  # 2023年08月31日 over ( 记者某某报导 ): a news page's stamp over its byline
    if not _SENTENCE.search(before + after) and _MEDIA_BEFORE.search(before) and not after.strip(_BULLET + "。."):
        return True  # 某某晚报 2025年11月04日, 摘自《某某报》 2021.09.14: the paper it was taken from
    if alone and _page_top(text, start) and _running_text_at(text, _line_after(text, line_end)):
        return True  # a headline, 2023年6月12日 alone, then the article: the page's stamp, not a signing date
    rest = before + after
    if not numeric:  # 来源:新华网 2023年5月4日 浏览:12: a short line of labels, no sentence
        if _LINK_LINE.fullmatch(text, line_start, line_end):  # a list of dated links: a run of them
            return bool(_LINK_LINE.fullmatch(*_line_at(text, _line_before(text, line_start)))
                        or _LINK_LINE.fullmatch(*_line_at(text, _line_after(text, line_end))))
        if _SENTENCE.search(rest):
            return False
        if any(not _BARE_LABEL.fullmatch(m.group()) or _PAGE_WORD_BEFORE.search(rest, 0, m.start())
               for m in _LABELLED.finditer(rest)):
            return True  # 来源:, 浏览:, 发布时间:
        # a bare 时间:/日期: stamps a page only over its text; in the text it times an event
        return bool(_LABELLED.search(rest)) and _page_top(text, start)
    if _LABEL.search(before) or _LABEL.match(after.strip(_BULLET)):
        return True
    if alone and _label_line(text, _line_before(text, line_start), _HEADER):
        return True  # 公告日期:\n2024/11/15
    if line_start == 0 and line_end == len(text):
        return False  # the whole text is this line: no page around it
    if not before.strip(_BULLET) and not _SENTENCE.search(after):
        return True  # 【2023-05-04】某局召开会议: a dated link opening its line
    # alone on its line, or ending a short line of site names (安陆新闻网 2011-4-28)
    return alone or (not after.strip(_BULLET) and not _SENTENCE.search(before))


@cache
def _link_cues() -> tuple[re.Pattern, re.Pattern]:
    """(a list heading opening a line, a link label opening a line) from date_chrome_cues.tsv."""
    cues = chrome_cues()
    lists = "|".join(map(re.escape, cues["list"]))
    lines = "|".join(map(re.escape, cues["line"]))
    bullets = re.escape(_BULLET)
    # 相关新闻 / 相关新闻: / 往期回顾 2023年… / 更多新闻 更多>> (a heading, alone or leading its first link)
    # (a lookahead on the words' first characters: most lines fail there, not through every word)
    first_list = re.escape("".join(sorted({w[0] for w in cues["list"]})))
    first_line = re.escape("".join(sorted({w[0] for w in cues["line"]})))
    heading = re.compile(rf"[{bullets}]*(?=[{first_list}])(?:{lists})(?:\s*[:：]|\s|$|[>»|]|更多)")
    link = re.compile(rf"[{bullets}]*(?=[{first_line}])(?:{lines})\s*[:：]")
    return heading, link


_LIST_ITEM_MAX = 80  # a headline in a list of links is short…
_RUNNING_TEXT = re.compile(rf"[{STOPS}{SEMICOLONS}](?!$)|。")  # …and holds no sentence end inside
# the text last read and, per line start, whether a list of links is open under that line (a line
# is read once per text however many dates stand under it)
_LIST_OPEN: list = [None, {}]


def in_link_list(text: str, line_start: int, line_end: int) -> bool:
    """The line ``text[line_start:line_end]`` is a link of a page's list of links: it opens with
    ``上一篇:``, or it is a short headline under a list heading (``相关新闻``, ``往期回顾``) with only
    such headlines between them (a line of running text ends the list).

    >>> t = "检查于5月完成。\\n相关新闻\\n某局召开2023年工作会议\\n"
    >>> in_link_list(t, t.index("某局"), len(t) - 1), in_link_list(t, 0, t.index("\\n"))
    (True, False)
    """
    line = text[line_start:line_end].strip()
    if not line or len(line) > _LIST_ITEM_MAX or _RUNNING_TEXT.search(line):
        return False
    memo_text, memo = _LIST_OPEN
    if memo_text is not text:
        memo = {}
        _LIST_OPEN[:] = [text, memo]
    heading, link = _link_cues()
    if link.match(line) or heading.match(line):
        return True
    return _list_open_above(text, line_start, heading, memo)


def _list_open_above(text: str, line_start: int, heading: re.Pattern, memo: dict,
                     row_max: int = _LIST_ITEM_MAX) -> bool:
    """A heading stands above ``line_start`` with only short lines (headlines, table rows) between."""
    walked = []
    pos, is_open = line_start, False
    while True:
        pos = _line_before(text, pos)
        if pos < 0:
            break
        if pos in memo:
            is_open = memo[pos]
            break
        walked.append(pos)
        _, s, e = _line_at(text, pos)
        above = text[s:e].strip()
        if heading.match(above):
            is_open = len(above) <= row_max
            break
        if len(above) > row_max or _RUNNING_TEXT.search(above):
            break
    for p in walked:
        memo[p] = is_open
    return is_open


# a table's header with a column of dates (序号 工作任务 责任单位 完成时限): its rows' dates are the
# document's deadlines, however much a row ending in a date looks like a dated link
_TABLE_HEAD = re.compile(
    r"(?=.*\S[ \t|｜]+\S).*(?:(?:完成|截止|办结|整改|实施)?(?:时限|期限)|(?:完成|截止|办结|整改)(?:时间|日期)"
    r"|时间节点|时间安排|进度安排)"
)
_ROW_MAX = 160
_TABLES: list = [None, {}]  # the text last read and, per line start, whether such a table runs on


def in_dated_table(text: str, line_start: int, line_end: int) -> bool:
    """The line is a row of a table whose header (``完成时限``, ``时间节点``) stands above it."""
    line = text[line_start:line_end].strip()
    if len(line) > _ROW_MAX or _RUNNING_TEXT.search(line):
        return False
    memo_text, memo = _TABLES
    if memo_text is not text:
        memo = {}
        _TABLES[:] = [text, memo]
    return _list_open_above(text, line_start, _TABLE_HEAD, memo, _ROW_MAX)


def _stamp_labels_follow(text: str, end: int) -> bool:
    """A page's labels (``来源:``, ``点击:``) follow the date at once, past bullets and a clock."""
    clock = _CLOCK.match(text, end)
    pos = clock.end() if clock else end
    while pos < len(text) and text[pos] in _BULLET:
        pos += 1
    return bool(_LABELLED.match(text, pos) or _CREDIT_AFTER.match(text, pos))


def _byline_at(text: str, pos: int) -> bool:
    """The line at ``pos`` is a short reporter's credit (``( 记者某某报导 )``, ``记者 某某 通讯员 某某``)."""
    if pos < 0:
        return False
    _, s, e = _line_at(text, pos)
    line = text[s:e].strip()
    return len(line) <= 40 and bool(_REPORTER.search(line)) and not _RUNNING_TEXT.search(line)


def _page_top(text: str, pos: int) -> bool:
    """No sentence ends before ``pos``: only short lines (a masthead, a headline) stand above it."""
    return pos <= _REACH * 2 and not re.search(rf"[{STOPS}{SEMICOLONS}]", text[:pos])


def _running_text_at(text: str, pos: int) -> bool:
    """The line at ``pos`` is a paragraph (long, with a pause or a stop), not a heading or a title."""
    if pos < 0:
        return False
    _, s, e = _line_at(text, pos)
    line = text[s:e].strip()
    return len(line) >= 20 and bool(_SENTENCE.search(line))


def _line_end(text: str, pos: int, reach: int) -> int:
    """End of the line holding ``pos``, at most ``reach`` characters on."""
    stop = min(len(text), pos + reach)
    nl = text.find("\n", pos, stop)
    return stop if nl < 0 else nl


def _line_before(text: str, line_start: int) -> int:
    """Start of the last non-empty line before ``line_start`` (or -1)."""
    pos, stop = line_start - 1, max(0, line_start - _REACH)
    while pos > stop:
        prev = text.rfind("\n", stop, pos) + 1
        if text[prev:pos].strip():
            return prev
        pos = prev - 1
    return -1


def _line_after(text: str, line_end: int) -> int:
    """Start of the first non-empty line after the line ending at ``line_end`` (or -1)."""
    pos, stop = line_end + 1, min(len(text), line_end + _REACH)
    while 0 < pos < stop:
        nxt = text.find("\n", pos, stop)
        nxt = stop if nxt < 0 else nxt
        if text[pos:nxt].strip():
            return pos
        pos = nxt + 1
    return -1


def _line_at(text: str, pos: int) -> tuple[str, int, int]:
    """(text, start, end) of the line starting at ``pos``, for ``fullmatch``; empty when pos < 0."""
    if pos < 0:
        return text, 0, 0
    end = text.find("\n", pos)
    return text, pos, len(text) if end < 0 else end


def _label_line(text: str, pos: int, labels: str) -> bool:
    """The line at ``pos`` (skipping empty ones) opens with one of ``labels`` and a colon."""
    if pos < 0 or pos >= len(text):
        return False
    while pos < len(text) and text[pos] in "\n \t":
        pos += 1
    head = text[pos:pos + 12].lstrip(_BULLET)
    return bool(re.match(rf"\S{{0,4}}(?:{labels})\s*[:：]", head))
