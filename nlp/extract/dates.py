"""Date extraction: normalized text -> ``date`` Mentions.

A date expression is one *side* (year, month, day, or a named part such as 上旬, 底, 上半年,
暑期, or a holiday of ``nlp/data/date_holidays.tsv``: 元旦, 国庆, 七一, 2021年春节), optionally
joined to a second side by a range connector (``-``, ``—``, ``~``, ``至``, ``到``, ``开始至``),
optionally led by ``到``/``至`` or followed by ``前`` (a deadline) or ``前后``. News also dates by
the day alone (``今(30)日``, ``中央纪委29日对``; a year too: ``今(2025)年``), and a text dated by 民国 years (``113年11月7日``,
``113年度``) or naming Taiwan's organs (``nlp/data/date_roc_cues.tsv``: 行政院, 卫福部, 新台币) has its
bare years and numeric dates read so (``98年至102年``, ``113.3.5``, ``本(3)月底``). Quarters
(``第一、二季度``, ``前三季度``, ``三季度末`` = its last day), dotted spans (``2019.9-2022.6``), a
year across two (``2024-25年度``, ``2023/24学年``), ``次年`` at a range's end, two months or days
sharing one 月/日 (``7、8月份``, ``3月5日、6日``) and a year without 年 before a noun (``对2024重点任务``)
are read too, as are a plan's period in brackets (``(2024—2026)``), a signing date whose 年月日 were
lost (``2020928`` alone on its line, ``819日``, ``2017817日``, ``827日至28日`` before 日) or flattened (``某委 2024年3月5 (此件…)``), and news days as a
span (``于23日至25日``) or opening a sentence (``19日上午,``), and days in words as Hong Kong and
Macau write them (``于二十三日``, ``二十四日至二十六日(星期一、二、三)``); holidays named as a class
(``元旦、春节等节假日``) or without a year inside a cited title (``《关于严禁元旦春节期间…》``), recurring
times with their lists (``每年的6月``, ``每年3月、6月``), lunar months (``农历五月``) and plan names
(``2035年远景目标``) are not dates. A page's own stamps (``发布时间:…``, ``2023-05-04 10:23``, a footer's
``版权所有 2008-2024``) are no dates of the text: see ``dates_chrome.py``.
Values follow the contract: ``{"start": D, "end": D, "kind": "point"|"range"|"deadline"}``
with ``D`` = ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` and unknown digits written ``X``.
"""

from __future__ import annotations

import calendar
import re
from functools import cache
from typing import TYPE_CHECKING, Iterator, Sequence

from nlp.extract.dates_chrome import is_chrome_date
from nlp.extract.dates_lexicon import holiday_days, holiday_patterns, roc_cues
from nlp.model import Mention, Section
from nlp.numerals import DIGITS_TO_ASCII, parse_number
from nlp.text import pair_lookahead

if TYPE_CHECKING:
    from nlp.extract.context import DocContext

# ---- fragments, each with a sample it must match (checked in tests/extract/test_dates.py) ----
MASK = r"[xX*×_]"  # 20xx, 201*, **, a form's blanks (____年__月__日)
CN_YEAR_DIGIT = "〇○零一二三四五六七八九"
YEAR_NUM = (  # 2010, 201*, 20xx, **, XX, 20*年 and a form's 20__年 (one mark for the two unknown digits), 二〇一〇, 二0一〇 (a zero typed as a digit or O), 二〇XX; 民國113, 中华民国一一二, 民国一百十二 (ROC: +1911)
    rf"(?:(?:19|20)[0-9]{{2}}|(?:19|20)[0-9](?:_{{2}}(?=\s?学?年)|{MASK})|(?:19|20){MASK}{{2}}|(?:19|20)(?:\*|_{{1,2}})(?=\s?学?年)|{MASK}{{2,4}}"
    rf"|[{CN_YEAR_DIGIT}]{{4}}|[一二][{CN_YEAR_DIGIT}0Oo]{{3}}|二[〇○零](?:[一二]{MASK}|{MASK}{{2}})|(?:中华)?(?:民國|民国)(?:[1-9][0-9]{{1,2}}|[{CN_YEAR_DIGIT}十百]{{2,6}}))"
)
MONTH_NUM = rf"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]|元|{MASK}{{1,2}})"  # 12, 05, 十二, 五, 元, xx
DAY_NUM = (  # 31, 05, 二十五, 三十
    r"(?:3[01]|[12][0-9]|0?[1-9]"
    r"|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"
    r"|卅一?|廿[一二三四五六七八九]?"  # 六月卅日, 三月廿五日: 卅 for 三十, 廿 for 二十
    rf"|{MASK}{{1,2}})"
)
# 今年, 明年, 去年, 本年; not the 今年 of 如今年轻人, 明年 of 说明年度, 本年 of 成本年…
RELATIVE_YEAR = r"(?<![如现])今|(?<![文说证光清聪透表查申阐标鲜分开发声])明|(?<![过回出下上失进离除])去|(?<![基根成资日版样脚剧课])本"
# 本月下旬, 下月10日, 当月底: a month named from the text's own, known only by its day or part
RELATIVE_MONTH = r"(?<![0-9一二三四五六七八九十])(?:本|上|下|次|当)"
# 至, —, 开始,到; 2013年春节前至2019年2月
CONNECTOR = (r"\s?(?:(?:(?:开始|起|启动)[,,]?\s?|(?:正式)?(?:启动|开始)[,,]?\s?并?(?:持续|延续)|前(?=至|到))?(?:至|到|~|～|〜|-{1,2}|–|[—―]{1,2}|－)"
             r"|开始[,,]\s?(?=[^,,。;;]{2,12}?结束)"  # (4月下旬开始,11月下旬结束)
             r"|[和与及](?=[^,,。;;和与及]{2,12}?(?:期间|之间))"  # (6月17日和7月16日期间: between them)
             r"|(?<=日)\s?一\s?(?=[0-9]{1,2}\s?月))\s?")  # (3月3日一 3月11日: a dash read as 一)
# 6月中旬, 5月底, 3月尾 (Hong Kong's 月底); 11月中 alone (before a pause or 已/起/至) is 中旬
MONTH_PART = (
    r"上、?中旬|中、?下旬|上旬|中旬|下旬|初(?![步期级次心衷])|底|末|尾(?![声数款巴])|中(?=[,，。;；已起至到]|开始)"
)
_HOLIDAY_ALONE, _HOLIDAY_AFTER_YEAR = holiday_patterns()  # 元旦, “七一”, 七一前; 2021年春节
# quarters: 第一季度, 第3季, 二季度末 (its last day), 第一、二季度 / 1-3季度 / 一至三季度 (a span of
# quarters), 前三季度 (from the year's start); not the 一季度 of 每年第一季度 (recurring) or 近三季度
_Q = "[一二三四1-4]"
QUARTER = (
    rf"(?<![前后近0-9第])(?:第?{_Q}(?:季度)?(?:至|到|-|—)第?{_Q}季度|第?{_Q}季度末?|第{_Q}季(?!度)末?"
    r"|(?:第|(?<=[^\n、]))[一二三]、[二三四]季度)"  # …but 一、 opening a line is a heading's marker
    r"|(?<![0-9〇零一二两三四五六七八九十第每])前[两二三2-3]个?季度"
    r"|(?<=年)首季度?"  # 今年首季, 2023年首季 (Hong Kong's and Macau's first quarter)
)
# named parts of a year: 上半年, 第一季度, 第3季, 年底, 暑期, and holidays (nlp/data/date_holidays.tsv)
YEAR_PART = (
    rf"上半年|下半年|{QUARTER}|(?<![一上前每])年度末|年底"
    # (年初 alone dates only a time since: 年初以来; 年初制定的计划, 年初预算, 大年初七, 岁末年初 date nothing)
    rf"|(?<!岁末)(?<!大)年初(?!岁末)(?:(?=以来|起|开始)|(?<=年年初))|年末|(?<!寒)暑期|(?<!寒)暑假|寒假(?!暑)|{_HOLIDAY_ALONE}"  # (not 寒暑假: vacations in general)
)
YEAR_SUFFIX = rf"底|初(?![步期级次心衷])|末|{_HOLIDAY_AFTER_YEAR}"  # only after a year: 20xx年底, 2021年春节

SAMPLES = {
    "RELATIVE_YEAR": ("今", "明", "去", "本"),
    "RELATIVE_MONTH": ("本", "上", "下", "次", "当"),
    "YEAR_NUM": ("2010", "201*", "20xx", "**", "XX", "二〇一〇", "二0二四", "二O二四", "二〇XX", "二〇二X", "民國113", "中华民国一一二", "民国一百十二"),
    "MONTH_NUM": ("12", "05", "十二", "五", "元", "xx"),
    "DAY_NUM": ("31", "05", "二十五", "三十", "x"),
    "CONNECTOR": ("至", "—", "开始,到", " - "),
    "MONTH_PART": ("中旬", "中下旬", "底", "尾"),
    "QUARTER": ("第一季度", "一季度", "第3季", "二季度末", "第一、二季度", "1-3季度", "一至三季度", "前三季度"),
    "YEAR_PART": ("上半年", "第一季度", "第3季", "年底", "“七一”", "元旦", "国庆"),
    "YEAR_SUFFIX": ("底", "初", "七一", "春节"),
}

_NOT_RECURRING = r"(?<!每)(?<!每年)"  # 每年6月, 每年年底, 每年初 recur; they are not dates
# a month number starts a numeral: not the 5 of 2015月, the 二 of 十二月, the 元 of 3000元月薪
_MONTH_START = (  # …but 2.11月9日 at a line start is item 2., then 11月9日
    r"(?:(?<![0-9.A-Za-z*×〇零一二两三四五六七八九十百千万单])|(?<=\n[0-9]\.)|(?<=\n[0-9]{2}\.)|(?<=^[0-9]\.))"
)


# a 民国 year in digits that opens a span of years and leaves its 年 to the end (109至112年度)
_ROC_YEAR_BARE = r"(?<![0-9第近约逾满达有历经期用共.])(?:[6-9][0-9]|1[0-4][0-9])"


# 民国 60..149 (1971..2060) written bare, 102年: read only in documents dated that way (_ROC_DOC)
_ROC_YEAR = (  # …but not a count of years: 近90年, 90年来, 90年历史, 80年代, 100年以上
    r"(?<![第近约逾满达有历经期用共])(?:[6-9][0-9]|1[0-4][0-9]"
    # …or in words from 民国 100 on, digit by digit or as a number (一一四年, 一百零四年度)
    r"|(?<![〇○零一二两三四五六七八九十百])(?:一[〇○零一二三四][〇○零一二三四五六七八九]"
    r"|一百(?:零[一二三四五六七八九]|[一二三四]十[一二三四五六七八九]?)))"
    r"(?=\s?学?年(?![代来前后间内久多]|[春夏秋冬]?字第|以[上下内来]|左右|历史))"  # (106年秋字第4期: an issue)
)
_ROC_DOC = re.compile(  # 民国101年, 113年11月, 103-07-22, 98年至102年, 113年度: a text dated by 民国 years
    r"(?=[民16-9])"  # (what each branch opens with: the engine tries them only there)
    rf"(?:民[国國]\s?(?:[0-9]{{2,3}}|[{CN_YEAR_DIGIT}十百]{{2,6}}年)"
    r"|(?<![0-9])(?:[6-9][0-9]|1[0-4][0-9])(?:\s?年\s?(?:1[0-2]|0?[1-9])\s?月|-[01][0-9]-[0-3][0-9](?![0-9]))"
    r"|(?<![0-9])(?:[6-9][0-9]|1[0-4][0-9])年(?:至|到|-|—)(?:[6-9][0-9]|1[0-4][0-9])年"
    r"|(?<![0-9])1[0-4][0-9]\s?学?年度"  # 113年度, 112学年度 (a three-digit year's 年度 is 民国's)
    r"|(?<![0-9./])1[0-4][0-9](?P<dsep>[./])[01][0-9](?P=dsep)[0-3][0-9](?![0-9]))"  # 112.03.16, 112/03/16
)
# 民国101829日, 1041231日: a 民国 date written as one number (year, month, day), then 日
_ROC_COMPACT = (
    r"(?:民[国國]\s?)?(?<![0-9])(?P<cy>1[0-4][0-9]|[6-9][0-9])(?P<cm>1[0-2]|0[1-9]|[1-9])"
    r"(?P<cd>3[01]|[12][0-9]|0[1-9])日"
)


# 103-07-22, 113.3.5, 113/03/05: a 民国 date written in numbers (read only in a 民国-dated text)
_ROC_NUMERIC = (
    r"(?<![0-9./-])(?P<ry>1[0-4][0-9]|[6-9][0-9])(?P<rsep>[./-])(?P<rm>1[0-2]|0?[1-9])(?P=rsep)"
    r"(?P<rd>3[01]|[12][0-9]|0?[1-9])(?![0-9/-]|\.[0-9])"  # (a letter's 110.6.11. closes with a dot)
)
# 2023.1-2024.12, 2023.09—2024.06, 2023.1.5-2023.2.3: a span written in dotted numbers (one dotted
# year-month alone, 2023.5, is a decimal as often as a month, so only a span of two is read)
_DOTTED_SPAN = (
    r"(?<![0-9.])(?P<ay>(?:19|20)[0-9]{2})\.(?P<am>1[0-2]|0?[1-9])(?:\.(?P<ad>3[01]|[12][0-9]|0?[1-9]))?"
    r"\s?(?:-|–|[—―]{1,2}|~|～|至|到)\s?"
    r"(?P<by>(?:19|20)[0-9]{2})\.(?P<bm>1[0-2]|0?[1-9])(?:\.(?P<bd>3[01]|[12][0-9]|0?[1-9]))?"
    r"(?![0-9.%‰万亿千百元个])"  # (not 2023.5-2024.1万元: a span of amounts)
)


# 2024-25年度, 2023/24学年, 2023/2024学年度: a fiscal or school year across two calendar years
# (2023-24 至 2032-33 年度: a span of them, from the first's start to the last's end)
_SPLIT_YEAR = (
    r"(?<![0-9A-Za-z*×./-])(?:(?P<fy0>(?:19|20)[0-9]{2})\s?[/\-–]\s?[0-9]{2}\s?(?:至|到|—|―|–)\s?)?"
    r"(?P<fy>(?:19|20)[0-9]{2})\s?(?:/|-|–|—|―|至)\s?(?P<fy2>(?:19|20)[0-9]{2}|[0-9]{2})"
    r"\s?(?=学年|年度|财政年度)(?:学年度?|年度)?"
)


# 2020928 alone on its line: a signing date whose 年月日 were lost (year, month, day run together);
# read only when one split into a month and a day is a calendar date (2020112 may be 1-12 or 11-2)
_RUN_TOGETHER = r"(?<=\n)(?P<cl>(?:199|20[0-4])[0-9][0-9]{2,4})(?=[ \t]*(?:\n|$))"
# 在819日…, 书记1130日在…, 827日至28日, 2017817日: a date whose 月 (and 年) the page lost, its digits
# run together before 日; read only when one split is a calendar date (112日 may be 1-12 or 11-2),
# never as a count of days (为期130日, 120日内, 第120日)
_LOST_MONTH = (
    r"(?:(?<=[\u4e00-\u9fff])(?<![月年第每个之前后近逾满内数几余半周期初底号日元隔续时共计约留产作训息假业职长过达为用历])"
    r"|(?<=[\s(（:：)）])|(?<![\s\S]))"
    r"(?P<ly>(?:199|20[0-4])[0-9])?(?P<lm>[1-9][0-9]{2}|1[0-2][0-9]{2})日"
    r"(?:\s?(?:至|到|-{1,2}|–|[—―]{1,2})\s?(?P<lm2>3[01]|[12][0-9]|0?[1-9]|[1-9][0-9]{2}|1[0-2][0-9]{2})"
    r"(?:日|(?=[ \t]*(?:\n|$))))?(?![内以之后前起间])"  # (816日至819 ending its line: both lost 月)
)


# 三年行动计划(2024—2026): a plan's period, two years in brackets without 年 (not a standard's
# GB 2894-2008, whose year follows its number, nor a span of amounts: the brackets hold the years alone)
# 20182020年: a span of two years whose dash the page lost (two four-digit years run together, the
# second after the first, then 年)
_GLUED_YEARS = r"(?<![0-9A-Za-z])(?P<gy>(?:19|20)[0-9]{2})(?P<gy2>(?:19|20)[0-9]{2})(?=\s?年)\s?年"


_BRACKET_YEARS = (
    r"(?<=[(（])(?P<ky>(?:19|20)[0-9]{2})\s?(?:-|–|[—―]{1,2}|~|～|至)\s?(?P<ky2>(?:19|20)[0-9]{2})(?=[)）])"
)


# a year without 年 used before a noun: 对2024重点任务进行部署, 现将2019工作报告如下, 迈向「2030…」;
# only after a preposition, a quote or a line start (not a standard's GB 2894 2008), never before a unit or a count word
_BARE_YEAR = (
    r"(?:(?<=[对将为在于的和与及向迎朝到至「“『《(（\s])|(?<![\s\S]))(?<![0-9A-Za-z/]\s)(?P<yy>(?:19[5-9]|20[0-4])[0-9])"
    r"(?=[\u4e00-\u9fff「“])(?![年万亿千百元个名人次件项家所级届版款号期条台辆户例份篇吨米平字余多起位张套床栋座场公克斤毫厘秒分小天周月日倍股只头架艘枚支双对])"
)


def _next_year(p: str) -> str:
    """An end side may name the year after the start's: 2023年11月至次年3月 (2024-03)."""
    return rf"|(?P<{p}nx>次|翌)年(?=\s?(?:{MONTH_NUM}\s?月|上半年|{QUARTER}))" if p == "e_" else ""


_DAY_BEFORE = r"前(?![0-9〇零一二两三四五六七八九十个天日年月周])"  # 10月10前: the day's 日 dropped


def _side(p: str, *, is_start: bool = False, roc: bool = False) -> str:
    """One side of a date expression; group names are prefixed with ``p`` (s_ or e_).

    Spaces (``201* 年12月``, ``2010 年 5 月 20 日``) are allowed only before a following
    part, so no side ends in a space and no two optional spaces meet.
    """
    year_num = rf"{YEAR_NUM}|{_ROC_YEAR}" if roc else YEAR_NUM
    year = (
        rf"(?:(?<![0-9A-Za-z*×])(?P<{p}y>{year_num})\s?(?:学年度?|年度?)(?!第\s?[0-9一二三四五六七八九十]+\s?号)"
        rf"|(?P<{p}rel>{RELATIVE_YEAR})年(?![轻龄纪华薪])度?{_next_year(p)})(?:\s(?=[0-9{MASK[1:-1]}一二三四五六七八九十元]))?"
    )
    if is_start:
        # 2005年11月21~30日: the start day may omit 日 when an end day follows; 2021年1月18 may
        # omit it at the end of a line (a signing date; kept only with a year, see _value)
        # …or, after a year, before a space and a word in flattened text (某委 2024年3月5 (此件公开发布)),
        # never a unit, nor the number opening the next line (a table's 2024年12月\n2 培训…)
        # …or before 前 (`10月10前`, `111年5月31前`: a deadline whose 日 was dropped)
        day = (rf"(?P<{p}d>{DAY_NUM})(?:\s?[日号]|(?={CONNECTOR}(?:{MONTH_NUM}\s?月\s?)?{DAY_NUM}\s?[日号])|(?=[ \t]*(?:\n|$))"
               rf"|(?<=[0-9])(?={_DAY_BEFORE})"
               rf"|(?({p}y)(?<=[0-9])(?<!\n[0-9])(?<!\n[0-9]{{2}})(?=[ \t]+[(（\u4e00-\u9fff])(?![ \t]+[个名人家项次件元万亿号日天年月周岁])|(?!)))")
        # 1-6月: the start month may omit 月 when an end month follows
        month_word = rf"(?:\s?月份?|(?={CONNECTOR}{MONTH_NUM}\s?月))"
    else:
        day = rf"(?P<{p}d>{DAY_NUM})\s?[日号]"
        month_word = r"\s?月份?"
    month = (  # 3月号 is an issue of a magazine, 12月龄 an infant's age; 本月下旬, 本月15日 keep an unknown month
        rf"(?:{_MONTH_START}(?P<{p}m>{MONTH_NUM}){month_word}(?![号刊龄])"
        rf"|本[(（](?P<{p}bm>1[0-2]|0?[1-9])[)）]月"  # 本(3)月底: this month, its number in brackets
        rf"|(?P<{p}rm>{RELATIVE_MONTH})月(?=\s?{DAY_NUM}\s?[日号]|{MONTH_PART}))(?:\s?{day}|(?P<{p}mp>{MONTH_PART}))?"
    )
    # the year is optional, but a side must hold a year, a month or a named part
    no_year = rf"(?={_MONTH_START}{MONTH_NUM}{month_word}|(?:{RELATIVE_MONTH})月|本[(（][0-9]{{1,2}}[)）]月|{YEAR_PART})"
    return rf"{_NOT_RECURRING}(?:{year}|{no_year})(?:{month}|(?P<{p}yp>{YEAR_PART}|{YEAR_SUFFIX}))?"


_END_DAY = rf"(?P<e_bd>{DAY_NUM})\s?[日号]"  # 20日-31日: an end that is a day only
# 11月16日及17日, 3月5日、6日: two days in a row (with 、 only the next day: 3月5日、12日 is a list)
_AND_DAY = rf"(?<=[日号])(?P<adj>[及和、])(?P<e_ad>{DAY_NUM})\s?[日号]"
_DOTTED = (  # 2010.5.20, 2010-05-20, 2010/5/20
    r"(?<![0-9.])(?P<dy>(?:19|20)[0-9]{2})(?P<sep>[./-])(?P<dm>1[0-2]|0?[1-9])(?P=sep)"
    r"(?P<dd>3[01]|[12][0-9]|0?[1-9])(?![0-9])"
)
# A day without its month, as news writes it: 今(30)日, 今日(26日)起, 中央纪委29日对, 3号凌晨.
# Only after a word (not a list marker's line start), never after a numeral or a unit of time
# (第3日, 每月5日, 之日起3日内: a count), and the bare form only before an act or a time of day.
_DAY_DIGITS = r"(?:3[01]|[12][0-9]|0?[1-9])"
_TIME_OF_DAY = r"凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|晚间|夜间|晚|夜|[0-9]{1,2}[时点](?![0-9]{0,2}(?:分钟|小时))"  # (截至6日20时)
# a day's weekday in brackets before a range's connector: 7月1日(星期二)至8月31日
_WEEKDAY_NOTE = r"[(（](?:星期|周|週|礼拜|禮拜)[一二三四五六日天][)）]"
# Hong Kong's and Macau's notices write the day in words (于二十三日, 二十四日至二十六日): a day in
# digits or words, and a weekday note that may name several days (星期一、二; 星期日及星期三)
_DAY_WORDS = r"(?:三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]|卅一?|廿[一二三四五六七八九]?)"
_DAY_ANY = rf"(?:{_DAY_DIGITS}|{_DAY_WORDS})"
_WEEKDAYS_NOTE = (r"[(（](?:星期|周|週|礼拜|禮拜)[一二三四五六日天]"
                  r"(?:(?:、|及|和|至)(?:星期|周|週|礼拜|禮拜)?[一二三四五六日天])*[)）]")
# a holiday's name in brackets after its day: 1月28日(除夕), 2月2日(农历除夕), 10月1日(国庆节)
_HOLIDAY_NOTE = r"[(（](?:农历|農曆)?(?:除夕|正月初[一二三四五六七八九十]|元旦|[\u4e00-\u9fff]{1,4}[节節])[)）]"
# a clock time before a range's connector: 早7时至…, 8:00至…, 下午5点30分至…
_CLOCK = r"(?:凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|晚间|夜间|晚|夜|早)?\s?[0-9]{1,2}(?:[:：][0-9]{2}|[时点])(?:[0-9]{1,2}分)?"
_NEWS_ACT = (
    r"在|对|于|就|向|与|召开|举行|举办|发布|发出|表示|宣布|公布|通报|上报|报道|出台|印发|下发|开展|启动"
    r"|起|电|讯|主持|会见|签署|抵达|前往|赴|再次|首次|正式|联合|组织|进行|获悉|披露|透露"
    r"|介绍|指出|强调|称|透过|通过|由|带队|率队|深入|来到|走访|调研|督导|视察|慰问|出席"  # (某司长17日介绍)
    r"|联同|会同|到访|巡查|突击"  # (某处9日联同某会代表到访…, as Hong Kong's releases write it)
    r"|综合电|专电"  # ((北京14日综合电): a dateline)
)
# (拘留10日, 停产3日, 工作3日, 培训2日, 休假5日, 延长3日: a duration after its verb)
_WORD_BEFORE = (
    r"(?<=[\u4e00-\u9fff》”])(?<![月年第每个之前后近逾满内数几余半周期初底号日元隔续时共计约留产作训息假业职长])"
)
# 于23日至25日, 将于12—14日: a span of days after a preposition of time (not 3至5日内: a count)
_DAY_SPAN = (
    rf"(?:(?<=[于在自从])|{_WORD_BEFORE}(?=[0-9]{{1,2}}日?\s?(?:至|到|-|–|[—―]{{1,2}}|~|～)\s?[0-9]{{1,2}}日(?:{_NEWS_ACT}))"
    # (or opening a sentence before a pause: 。17日-18日,与…谈话)
    rf"|(?:(?<=[\n。;；!?！？])|(?<![\s\S]))(?=[0-9]{{1,2}}日?\s?(?:至|到|-|–|[—―]{{1,2}}|~|～)\s?[0-9]{{1,2}}日[,，]))"
    rf"(?P<sd1>{_DAY_ANY})日?\s?(?:至|到|-{{1,2}}|–|[—―]{{1,2}}|~|～)\s?(?P<sd2>{_DAY_ANY})日"
    r"(?![内以之后])"
)  # (or after the news's subject when a news act follows: 全国卫生与健康大会19日至20日在北京召开)
_BARE_DAY = (
    rf"(?<=[\u4e00-\u9fff])[(（](?P<pd>{_DAY_DIGITS})(?:[)）]日(?![常用益渐本报期志记程])|日[)）])"
    rf"|{_DAY_SPAN}"
    rf"|(?:{_WORD_BEFORE}|(?<=[,，]))(?P<nd>{_DAY_DIGITS})(?:日(?={_NEWS_ACT}|{_TIME_OF_DAY})|号(?={_TIME_OF_DAY}))"
    # 于2日针对…办理: 于 dates the act by its day (not 于3日内: a time limit)
    rf"|(?<=于)(?<![由对关至等属处基用]于)(?P<fd>{_DAY_ANY})日(?=[\u4e00-\u9fff]|{_WEEKDAYS_NOTE})(?![内以之后前起止])"
    # 19日上午,市政府召开…: a news sentence opening on its day and a time of day
    rf"|(?:(?<=[\n。;；!?！？,，)）】讯])|(?<=[)）讯] )|(?<![\s\S]))(?P<ld>{_DAY_DIGITS})日(?={_TIME_OF_DAY}|{_WEEKDAY_NOTE})"  # (or after a dateline's bracket)
    # 1月10日、11日、18日: a day further down a list of days after a date (its month the first's)
    rf"|(?<=[日号]、)(?P<ad2>{_DAY_DIGITS})日(?![内以之后前起])"
    # 24日,县长带队…: a sentence that opens on its day
    rf"|(?:(?<=[\n。;；!?！？讯])|(?<=[)）讯] )|(?<![\s\S]))(?P<od>{_DAY_DIGITS})日(?=[,，])"
    # 二十三日(星期日), 二十四日及二十五日(星期一、二): a day, or days in a row, that a weekday
    # note follows (a span of them too: 、二十四日至二十六日(星期一、二、三))
    rf"|(?<![0-9〇零一二两三四五六七八九十月第每])(?:(?P<wd>{_DAY_ANY})日"
    rf"(?=(?:[及和、](?:{MONTH_NUM}月)?{_DAY_ANY}日)*{_WEEKDAYS_NOTE})"
    rf"|(?P<wd1>{_DAY_ANY})日?(?:至|到|-|–|~|～)(?P<wd2>{_DAY_ANY})日(?={_WEEKDAYS_NOTE}))"
)
# A day named by its date: “12.4全国法制宣传日”, 11·9消防日, 3·15国际消费者权益日 (a month and a
# day joined by · or, inside quotes, by .; then the name of a 日 or 节, never 节约/节能)
_NAMED_DAY = (
    rf"(?:(?<=[“\"″])(?P<nm>1[0-2]|[1-9])\.(?P<nd2>{_DAY_DIGITS})|(?<![0-9.])(?P<nm2>1[0-2]|[1-9])[·•・](?P<nd3>{_DAY_DIGITS}))"
    r"(?![0-9])(?=[”\"″]?[\u4e00-\u9fff]{2,10}?[日节](?![约省能水点目奏]))"
)
# A day written as month/day in brackets after 今/昨/明, as Taiwan's press releases date their news:
# 今日(6/3), 今(5/15)日, 昨(12/1)日
_BRACKET_MD = (
    rf"(?:(?<=[今昨明])|(?<=[今昨明][日天]))[(（](?:(?P<xm>1[0-2]|0?[1-9])[/／](?P<xd>{_DAY_DIGITS})"
    # (a day past 12 first is Hong Kong's day/month: 今日(19/10))
    r"|(?P<xd2>1[3-9]|2[0-9]|3[01])[/／](?P<xm2>1[0-2]|0?[1-9])"
    # (or the month and day in words, its 日 dropped: 今日(一月二十七))
    rf"|(?P<xm3>十[一二]?|[一二三四五六七八九])月(?P<xd3>{_DAY_WORDS})(?=[)）]))[)）](?:日(?![常用益渐本报期志记程]))?"
)
# 今(2025)年, 去(2024)年: this year or last, its number in brackets (as Taiwan's press writes 今(30)日);
# a 民国 year so too (本(110)年, 去(113)年度), and the month and day that may follow (本(103)年1月2日)
_BRACKET_YEAR = (r"[今去明本][(（](?:(?P<byy>(?:19|20)[0-9]{2})|(?P<byr>[4-9][0-9]|1[0-4][0-9]))[)）]\s?年(?:度|"
                 r"(?P<bym>1[0-2]|0?[1-9])\s?月(?:\s?(?P<byd>3[01]|[12][0-9]|0?[1-9])\s?[日号])?)?")
# The first months of a year: 今年首6个月, 本年首九个月 (Hong Kong, Macau), 2023年前10个月
_FIRST_MONTHS = (
    rf"(?:(?P<fmr>{RELATIVE_YEAR})|(?P<fmy>(?<![0-9])[12][0-9]{{3}})\s?)年度?(?:首|前)\s?"
    r"(?P<fmn>1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])\s?个月"
)
# “—20xx年…” (first year redacted): an empty start, the dash is the range connector
_LEAD_DASH = r"(?<=[“(《「\"])(?=[—―–-]{1,2}" + YEAR_NUM + r"\s?年)"
# 前 makes a deadline, but not in 2010年前三季度, 5月份前两周, 前夕, 前期
_SUFFIX = r"(?P<suffix>前后|之前|以前|(?<=”)节前|(?<=[期假])放假前|前(?![夕期列提沿线面进言述景途0-9〇零一二两三四五六七八九十]))?"
# 到2025年, 至7月底: a date reached by 到/至 is a deadline (not 截至2023年底 or 截止到6月底: a state
# at that date) nor 即日起至…止 (an open range) or 提高到2018年的77岁 (a date qualifying a figure)
_UNTIL = r"(?P<until>(?<![截直起止])[到至]\s?)?"


@cache
def _first_chars() -> str:
    """A character class holding every character a date can open with: a digit, a numeral or a
    mask of a year, month or day (廿, 卅 for twenty, thirty); 中/民 of 中华民国; 今明去本 (今年), 本上下次当 (下月), 上下第年暑寒前
    (上半年, 第一季度, 年底, 暑期, 前三季度); the bracket of 今(30)日; the dash of “—20xx年; 到/至 (到2025年);
    the first character of a holiday's name. tests/extract/test_dates_speed.py checks it against
    the grammar."""
    chars = set("0123456789" + MASK[1:-1] + CN_YEAR_DIGIT + "十元廿卅" + "中民" + "今明去本上下次当第年暑寒前首")
    chars |= set("(（—―–-到至") | {name[0] for name in holiday_days()}
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


@cache
def _date_pattern(roc: bool = False) -> re.Pattern:
    """The date grammar behind its lookaheads (see ``_date_grammar``)."""
    grammar = _date_grammar(roc)
    return re.compile(rf"(?={_first_chars()}){pair_lookahead(grammar)}{grammar}")


def _date_grammar(roc: bool = False) -> str:
    """The date grammar, as a pattern's text; ``roc`` also reads bare 民国 years (98年至102年).

    ``_date_pattern`` opens it with a lookahead on ``_first_chars``: the engine tries the long
    alternation only where a date can start (about one character in ten), which makes the scan
    several times faster and finds the same matches. A second lookahead, read from the grammar's parse tree
    (``nlp.text.pair_lookahead``), passes such a character only before a character that can
    follow it in a date: 中华 (民国), not 中心; 一月 or 一九, not 一步 or 一是; 本年, not 本单位."""
    year_num = rf"(?:{YEAR_NUM}|{_ROC_YEAR})" if roc else YEAR_NUM
    first_year = rf"(?:{YEAR_NUM}|{_ROC_YEAR_BARE})" if roc else YEAR_NUM
    year_range_start = (  # 2010—2012年, 109至112年度: the first year may omit 年
        rf"(?<![0-9A-Za-z*×])(?P<s_by>{first_year})(?={CONNECTOR}{year_num}\s?学?年)"
    )
    compact = (rf"|{_ROC_COMPACT}|{_ROC_NUMERIC}" if roc
               else "|(?P<cy>(?!))(?P<cm>)(?P<cd>)|(?P<ry>(?!))(?P<rsep>)(?P<rm>)(?P<rd>)")
    grammar = (
        rf"(?:{_DOTTED_SPAN}|{_DOTTED}|{_SPLIT_YEAR}|{_BRACKET_YEARS}|{_GLUED_YEARS}|{_RUN_TOGETHER}|{_LOST_MONTH}|{_FIRST_MONTHS}"
        rf"|{_BRACKET_MD}|{_BRACKET_YEAR}|{_BARE_DAY}|{_NAMED_DAY}{compact}"
        rf"|{_UNTIL}(?:(?P<lead>{_LEAD_DASH})|{year_range_start}|{_side('s_', is_start=True, roc=roc)})"
        rf"(?:(?:(?<=[日号])(?:{_WEEKDAY_NOTE}|{_HOLIDAY_NOTE})?(?:{_CLOCK}|{_TIME_OF_DAY})?)?(?P<conn>{CONNECTOR})(?:{_side('e_', roc=roc)}|{_END_DAY})|{_AND_DAY})?"
        rf"(?P<dayend>(?<=[日号])底)?(?:(?<=[日号]){_WEEKDAY_NOTE}(?=前|之前|以前))?{_SUFFIX}|{_BARE_YEAR})"
    )
    return grammar


DATE = _date_pattern()

_DAY_WORD = re.compile(rf"\s?[日号]|{CONNECTOR}|{_DAY_BEFORE}")
_BLANK = re.compile(r"\s*")
_SIDE_ENDINGS = set("年度月份日号旬底初末期假季”")


def find_dates(
    text: str, *, sections: Sequence[Section] = (), year: str | None = None,
    context: DocContext | None = None, **_: object
) -> Iterator[Mention]:
    """Yield dates, periods and deadlines in reading order.

    ``year`` (``"2010"``) resolves 今年/明年; otherwise their year stays ``XXXX``. A ``context``
    (built once per document by the pipeline) hands back the dates it already read, 今年/明年
    resolved by the document's signing year.

    >>> [m.value["end"] for m in find_dates("2023年6月底前完成整改")]
    ['2023-06-30']
    >>> [(m.text, m.value["kind"]) for m in find_dates("6月中旬至6月下旬,日卫党发〔2010〕11号")]
    [('6月中旬至6月下旬', 'range')]
    """
    if context is not None:
        yield from context.dates
        return
    yield from read_dates(text, scan_dates(text), year)


def scan_dates(text: str) -> list[re.Match]:
    """The matches of the date grammar in ``text`` (the costly pass; ``read_dates`` reads them)."""
    return list(_date_pattern(roc=bool(_ROC_DOC.search(text)) or _written_in_taiwan(text)).finditer(text))


@cache
def _roc_cue_pattern() -> re.Pattern:
    return re.compile("|".join(map(re.escape, roc_cues())))


def _written_in_taiwan(text: str) -> bool:
    """A text naming Taiwan's organs, cities or currency (行政院, 卫福部, 新台币: date_roc_cues.tsv)
    counts its bare years from 民国 1 (自112年起) even where no 民国 date spells it out."""
    return bool(_roc_cue_pattern().search(text))


def read_dates(text: str, matches: Sequence[re.Match], year: str | None = None) -> list[Mention]:
    """The date mentions of ``scan_dates``'s matches, 今年/明年 resolved by ``year``."""
    found: list[tuple[int, int, dict, str]] = []  # start, end, value, separator before the next
    for m in matches:
        read = _value(m, year)
        if read is None:
            continue
        value, end = read
        start = m.start()
        if m.group("until") and value["kind"] != "deadline":  # 到 belongs only to 到2025年
            start = m.end("until")
        while text[end - 1].isspace():  # 2010 年 5 月 : the optional spaces never end a mention
            end -= 1
        if (is_chrome_date(text, start, end) or _holiday_class(text, start, end)
                or _not_calendar(text, start, end, value) or _holiday_in_title(text, start, end, value)
                or _holiday_in_name(text, start, end)):
            continue
        found.append((start, end, value, ""))
        listed = _listed_day(m, value)
        if listed:
            found.append(listed)
    _join_month_pairs(text, found)
    _spread_deadlines(text, found)
    _spread_month_ends(text, found)
    return [Mention(type="date", start=start, end=end, text=text[start:end], value=value)
            for start, end, value, _sep in found]


def _listed_day(m: re.Match, first: dict) -> tuple[int, int, dict, str] | None:
    """10月29日、30日: the day after 、 shares the first day's month and is a date of its own
    (a list of days, not a span: 及/和 join a span, 11月16日及17日)."""
    if m.group("adj") != "、" or len(first["start"]) != 10 or first["kind"] == "range":
        return None
    day = _month_or_day(m.group("e_ad"), 31)
    if not day or day == "XX":
        return None
    start, end = m.start("e_ad"), m.end("e_ad")
    end += len(re.match(r"\s?[日号]", m.string[end:]).group(0))
    d = first["start"][:8] + day
    kind = "deadline" if m.group("suffix") in ("前", "之前", "以前") else "point"
    return start, end, {"start": d, "end": d, "kind": kind}, ""


_LUNAR = ("农历", "阴历", "農曆", "陰曆")  # 农历五月廿五: a lunar month is no calendar date
_PLAN_NAME = re.compile(r"远景目标|遠景目標")  # 2035年远景目标: a plan's name (gold/README: no date)


# 每年的6月, 每年1月和7月, 每年3月、6月、9月: a recurring time, its list included (the grammar
# already skips the date right after 每年)
_RECURRING_BEFORE = re.compile(
    r"(?:每(?:年度?|个?月|季度?|逢))的?(?:[0-9〇零一二三四五六七八九十月日号份上中下旬底初末前、和及与或]*[、和及与或])?$"
)


# 一月一大查, “一月一清单、一月一考评”, 一季度一通报: a frequency (one per month), not January
_ONE_PER = frozenset(("一月", "一季度", "一季"))
_ONE_PER_AFTER = re.compile(r"一[\u4e00-\u9fff]")


def _not_calendar(text: str, start: int, end: int, value: dict) -> bool:
    """A lunar month (农历五月), a recurring time (每年的6月), or a year naming a plan (2035年远景目标)."""
    before = text[max(0, start - 24) : start]
    tail = before[-4:].rstrip()
    if tail[-1:] in ("历", "曆") and tail.endswith(_LUNAR):
        return True
    if "每" in before and _RECURRING_BEFORE.search(before):
        return True
    if _recurs_in_sentence(text, start, end, value):
        return True
    if text[start:end] in _ONE_PER and _ONE_PER_AFTER.match(text, end):
        return True  # 一月一考评, 一季度一通报: once a month, once a quarter
    return len(value["start"]) == 4 and bool(_PLAN_NAME.match(text, end))


# 每年安排两次,分别于5月、11月…; 每年的…于年末…: a sentence about what happens every year
_EVERY_YEAR = re.compile(r"每年(?!以)")
_WRITTEN_YEAR = re.compile(rf"[0-9{CN_YEAR_DIGIT}xX*]\s?年|(?:{RELATIVE_YEAR})年")  # 2024年5月, 今年5月
_SENTENCE_STOP = re.compile(r"[。!?！？;；\n]")


def _recurs_in_sentence(text: str, start: int, end: int, value: dict) -> bool:
    """A month or part of a year without its year (5月, 年末), in a sentence that said 每年 before
    it, is a time of every year (gold/README: recurring times are not dates); a day (5月10日) or a
    written year (2024年5月) still dates one event, and a deadline (6月底前完成) sets this round's."""
    if (not value["start"].startswith("XXXX") or value["kind"] == "deadline" or any(c in text[start:end] for c in "日号")
            or _WRITTEN_YEAR.search(text, start, end)):
        return False
    stop = max((m.end() for m in _SENTENCE_STOP.finditer(text, max(0, start - 120), start)), default=max(0, start - 120))
    every = None
    for every in _EVERY_YEAR.finditer(text, stop, start):
        pass
    return every is not None and not _WRITTEN_YEAR.search(text, every.end(), start)  # (每年…,今年于5月: this year's)


_NO_NUMERAL = re.compile(r"[^0-9〇○零一二三四五六七八九十]*")


def _holiday_in_title(text: str, start: int, end: int, value: dict) -> bool:
    """《关于严禁元旦春节期间…的通知》: a holiday with no year inside a cited title names the season
    the document is about, not a date of this text (a year there is one: 《2023年…要点》)."""
    if not value["start"].startswith("XXXX") or not _NO_NUMERAL.fullmatch(text, start, end):
        return False
    date = text[start:end]
    if not any(name in date for name in (*holiday_days(), "寒假", "暑假", "暑期")):
        return False  # 《今年…》, 《上半年…》 keep their date
    opened = text.rfind("《", max(0, start - 60), start)
    return opened >= 0 and "》" not in text[opened:start] and "》" in text[end:end + 60]


# what ends a person's name in a credit or a report: (通讯员 李国庆), 王国庆同志, 张国庆、…
_NAME_END = re.compile(r"[ \t\n)）、,，。:：]|同志|说|表示|介绍|报道|摄|供稿|$")


def _holiday_in_name(text: str, start: int, end: int) -> bool:
    """``(通讯员 李国庆)``: a holiday's name (国庆, 元旦) after a family name, the whole standing
    where a person's name does (after a space, a bracket, a credit's or a post's word; before a
    bracket, a separator or a reporting verb), is that person's given name, no date."""
    from nlp.extract.parties_people import is_person_name

    if start < 1 or not _NO_NUMERAL.fullmatch(text, start, end) or not _NAME_END.match(text, end):
        return False
    before = text[start - 2:start - 1] if start >= 2 else ""
    return (is_person_name(text[start - 1:end])
            and (not ("\u4e00" <= before <= "\u9fff") or before in "员者长记任"))


@cache
def _holiday_list_tail() -> re.Pattern:
    """What follows a holiday named as one of a class: 、春节、国庆等节假日, 等重要节点."""
    return re.compile(
        rf"(?:[、,，和及与]?(?:{_HOLIDAY_AFTER_YEAR}))*[、,，]?等(?:重要|传统|法定|重大|各类|各种)?"
        r"(?:节假日|节日|假日|时间节点|节点|假期)"
    )


def _holiday_class(text: str, start: int, end: int) -> bool:
    """元旦、春节、国庆等节假日: holidays listed as a kind of time, not as a date (no year, no month)."""
    if "等" not in text[end : end + 60]:
        return False
    if any(c in "年月日" for c in text[start:end].replace("节日", "").replace("假日", "")):
        return False
    return bool(_holiday_list_tail().match(text, end, end + 60))  # a list's tail is short (linear time)


# 7、8月份, 2024年3、4月: the month before 、 that the grammar left out (its 月 is shared); not
# in a longer list (1、3、4月)
_PAIR_HEAD = re.compile(
    rf"(?:(?<![0-9A-Za-z*×])(?P<y>{YEAR_NUM})\s?年度?|(?P<rel>{RELATIVE_YEAR})年)?"
    r"(?<![0-9〇零一二两三四五六七八九十.、])(?P<m>1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])、"
)


def _join_month_pairs(text: str, found: list) -> None:
    """Two months in a row sharing one 月 (7、8月份) are one range, with the year written before them."""
    for i in range(len(found) - 1, -1, -1):
        start, end, value, sep = found[i]
        if text[start - 1 : start] != "、" or len(value["start"]) != 7:
            continue
        head = None
        for m in _PAIR_HEAD.finditer(text, max(0, start - 12), start):
            if m.end() == start:
                head = m
                break
        if head is None or _month_or_day(head["m"], 12) != f"{int(value['start'][5:]) - 1:02d}":
            continue
        year = value["start"][:4]
        if head["y"]:
            year = _year_value(head["y"])
        elif head["rel"]:
            year = "XXXX"
        new_start = head.start() if head["y"] or head["rel"] else head.start("m")
        end_value = value["end"] if not value["end"].startswith("XXXX") else year + value["end"][4:]
        if i and found[i - 1][0] >= new_start:  # the year read alone before: 2024年 of 2024年3、4月
            del found[i - 1]
            i -= 1
        found[i] = (new_start, end, {"start": f"{year}-{_month_or_day(head['m'], 12)}",
                                     "end": end_value, "kind": "range"}, sep)


def _spread_deadlines(text: str, found: list) -> None:
    """分别于2月19日、4月20日、6月25日前: the final 前 makes every date of the list a deadline."""
    for i in range(len(found) - 2, -1, -1):
        start, end, value, _ = found[i]
        nxt = found[i + 1]
        between = text[end : nxt[0]]
        if nxt[2]["kind"] == "deadline" and value["kind"] == "point" and between in ("、", "和", "及", ",", "，"):
            if between in (",", "，") and "日" not in text[start:end]:
                continue
            found[i] = (start, end, dict(value, kind="deadline"), between)


def _spread_month_ends(text: str, found: list) -> None:
    """分别在6月、9月和12月底: the final 底 makes every month of the list its last day."""
    month_end = False  # the date after the current one ends a month: its own 月底, or spread to it
    for i in range(len(found) - 1, -1, -1):
        start, end, value, sep = found[i]
        if i + 1 < len(found) and month_end and text[end:found[i + 1][0]] in ("、", "和", "及") \
                and text[start:end].endswith("月") and re.fullmatch(r"\w{4}-\d{2}", value["start"]) \
                and value["start"] == value["end"]:
            year, month = value["start"].split("-")
            day = f"{value['start']}-{_last_day(year, month)}"
            found[i] = (start, end, dict(value, start=day, end=day), sep)
            continue
        month_end = bool(re.search(r"月底(?:前|之前)?$", text[start:end])) and value["start"] == value["end"]


def _value(m: re.Match, ref_year: str | None) -> tuple[dict, int] | None:
    """The contract value of a match and where its text ends; None when it is no date."""
    g = m.groupdict()
    if g["dy"]:
        d = f"{g['dy']}-{int(g['dm']):02d}-{int(g['dd']):02d}"
        return {"start": d, "end": d, "kind": "point"}, m.end()
    if g["cy"]:
        d = f"{int(g['cy']) + 1911}-{int(g['cm']):02d}-{g['cd']}"
        return {"start": d, "end": d, "kind": "point"}, m.end()
    if g["ry"]:
        d = f"{int(g['ry']) + 1911}-{int(g['rm']):02d}-{int(g['rd']):02d}"
        return {"start": d, "end": d, "kind": "point"}, m.end()
    if g["yy"]:
        return {"start": g["yy"], "end": g["yy"], "kind": "point"}, m.end()
    if g["fy"]:
        end = g["fy2"] if len(g["fy2"]) == 4 else g["fy"][:2] + g["fy2"]
        first = g["fy0"] or g["fy"]
        return ({"start": first, "end": end, "kind": "range"}, m.end()) if end > g["fy"] and first <= g["fy"] else None
    if g["cl"]:
        d = _run_together(g["cl"])
        return ({"start": d, "end": d, "kind": "point"}, m.end()) if d else None
    if g["lm"]:
        d = _run_together((g["ly"] or "XXXX") + g["lm"])
        if d is None:
            return None
        if g["lm2"]:
            end = f"{d[:8]}{int(g['lm2']):02d}" if len(g["lm2"]) <= 2 else _run_together(d[:4] + g["lm2"])
            return ({"start": d, "end": end, "kind": "range"}, m.end()) if end and end > d else None
        return {"start": d, "end": d, "kind": "point"}, m.end()
    if g["gy"]:
        return ({"start": g["gy"], "end": g["gy2"], "kind": "range"}, m.end()) if g["gy2"] > g["gy"] else None
    if g["ky"]:
        first, last = g["ky"], g["ky2"]
        return ({"start": first, "end": last, "kind": "range"}, m.end()) if first < last else None
    if g["ay"]:
        span = _dotted_span(g)
        return (span, m.end()) if span else None
    if g["fmn"]:  # 今年首6个月: from January to the month named
        n = _num(g["fmn"]) if not g["fmn"].isdigit() else int(g["fmn"])
        year = g["fmy"] or _relative_year(g["fmr"], ref_year)
        if not n or n > 12:
            return None
        return {"start": f"{year}-01", "end": f"{year}-{n:02d}", "kind": "range"}, m.end()
    if g["xm"] or g["xm2"]:
        d = f"XXXX-{int(g['xm'] or g['xm2']):02d}-{int(g['xd'] or g['xd2']):02d}"
        return {"start": d, "end": d, "kind": "point"}, m.end()
    if g["byy"] or g["byr"]:
        d = g["byy"] or str(int(g["byr"]) + 1911)
        if g["bym"]:
            d += f"-{int(g['bym']):02d}" + (f"-{int(g['byd']):02d}" if g["byd"] else "")
        return {"start": d, "end": d, "kind": "point"}, m.end()
    if g["xm3"]:
        d = f"XXXX-{_month_or_day(g['xm3'], 12)}-{_month_or_day(g['xd3'], 31)}"
        return {"start": d, "end": d, "kind": "point"}, m.end()
    if g["nm"] or g["nm2"]:
        d = f"XXXX-{int(g['nm'] or g['nm2']):02d}-{int(g['nd2'] or g['nd3']):02d}"
        return {"start": d, "end": d, "kind": "point"}, m.end()
    if g["pd"] or g["nd"] or g["ld"] or g["fd"] or g["od"] or g["wd"] or g["ad2"]:
        d = f"XXXX-XX-{_month_or_day(g['pd'] or g['nd'] or g['ld'] or g['fd'] or g['od'] or g['wd'] or g['ad2'], 31)}"
        return {"start": d, "end": d, "kind": "point"}, m.end()
    if g["sd1"] or g["wd1"]:
        a, b = (int(_month_or_day(x, 31) or 0) for x in (g["sd1"] or g["wd1"], g["sd2"] or g["wd2"]))
        kind = "range"
        return ({"start": f"XXXX-XX-{a:02d}", "end": f"XXXX-XX-{b:02d}", "kind": kind}, m.end()) if a < b else None
    if g["s_d"] and not (g["s_y"] or g["s_rel"]) and not _DAY_WORD.match(m.string, m.end("s_d")):
        # 5月10 with no 日 (at a line end): a date only with its year, or where the text stops
        if _BLANK.match(m.string, m.end("s_d")).end() < len(m.string):
            return None
    start_side = _read_side(g, "s_", ref_year)
    if g["lead"] is not None:
        start_side = ("XXXX", None, None, None)
    elif g["s_by"]:
        start_side = (_year_value(g["s_by"]), None, None, None)
    if start_side is None:
        return None
    ranged = bool(g["conn"] or g["e_ad"])
    if ranged:
        end_side = None
        if g["e_bd"] or g["e_ad"]:
            day = _month_or_day(g["e_bd"] or g["e_ad"], 31)
            if start_side[2] is not None and day:  # 6月-20日 is not a range of days
                end_side = (start_side[0], start_side[1], day, None)
            if g["adj"] == "、":
                end_side = None  # 10月29日、30日: two days, each a point (see _listed_day)
        else:
            end_side = _read_side(g, "e_", ref_year, default_year=start_side[0])
        start = _bounds(*start_side)[0]
        end = _bounds(*end_side)[1] if end_side else None
        if start is None:
            return None
        if end is None:  # keep the start alone when it stands as a date: 6月-20日
            stop = m.start("conn") if g["conn"] else m.start("adj")
            if g["lead"] is not None or not m.string[stop - 1 : stop] in _SIDE_ENDINGS:
                return None
            return _value(m.re.match(m.string, m.start(), stop), ref_year)
        kind = "range"
    else:
        bounds = _bounds(*start_side)
        if bounds[0] is None:
            return None
        start, end = bounds
        kind = "range" if start != end else "point"
    suffix = g["suffix"]
    if g["dayend"] or suffix in ("前", "之前", "以前", "节前", "放假前") or (g["until"] and not ranged and m.string[m.end():m.end() + 1] != "的"):
        kind = "deadline"  # 9月中旬前 keeps the days of 中旬: 09-11..09-20
        if suffix in ("前", "之前", "以前", "放假前") and start_side[3] in _VACATIONS:
            end = start  # 寒假前, 暑假前: before the vacation begins (its first month)
    elif suffix == "前后":
        kind = "point" if start == end else kind
    return {"start": start, "end": end, "kind": kind}, m.end()


def _run_together(digits: str) -> str | None:
    """2020928 -> 2020-09-28; None unless exactly one split of the month and day is a date
    (a one-digit month is never 0, a day split off a one-digit month never starts with 0)."""
    year, rest = digits[:4], digits[4:]  # (year XXXX: a month and a day alone)
    found = set()
    for cut in (1, 2):
        month, day = rest[:cut], rest[cut:]
        if not 1 <= len(day) <= 2 or (cut == 1 and "0" in (month[0], day[0])):
            continue
        mm, dd = int(month), int(day)
        if 1 <= mm <= 12 and 1 <= dd <= int(_last_day(year, f"{mm:02d}")):
            found.add(f"{year}-{mm:02d}-{dd:02d}")
    return found.pop() if len(found) == 1 else None


def _dotted_span(g: dict) -> dict | None:
    """2023.1-2024.12 -> 2023-01..2024-12; with days on both sides, a span of days."""
    if bool(g["ad"]) != bool(g["bd"]):
        return None
    a, b = f"{g['ay']}-{int(g['am']):02d}", f"{g['by']}-{int(g['bm']):02d}"
    if g["ad"]:
        a, b = f"{a}-{int(g['ad']):02d}", f"{b}-{int(g['bd']):02d}"
    return {"start": a, "end": b, "kind": "range"} if a < b else None


def _read_side(g: dict, p: str, ref_year: str | None, default_year: str = "XXXX") -> tuple | None:
    """(year, month, day, part) for one side, or None if the side is absent or malformed."""
    year_text, rel = g.get(p + "y"), g.get(p + "rel")
    month_text, day_text = g.get(p + "m") or g.get(p + "bm"), g.get(p + "d")
    part = g.get(p + "mp") or g.get(p + "yp")
    if not (year_text or rel or month_text or part or g.get(p + "rm") or g.get(p + "nx")):
        return None
    if year_text:
        year = _year_value(year_text)
    elif rel:
        year = _relative_year(rel, ref_year)
    elif g.get(p + "nx"):
        year = str(int(default_year) + 1) if default_year.isdigit() else "XXXX"
    else:
        year = default_year
    month = _month_or_day(month_text, 12) if month_text else ("XX" if g.get(p + "rm") else None)
    day = _month_or_day(day_text, 31) if day_text else None
    if month is False or day is False:
        return None
    return (year, month, day, part)


# a named part of a year -> where it starts and ends within the year
_PART_BOUNDS = {
    **dict.fromkeys(("底", "末", "年底", "年末", "年度末"), ("-12-31", "-12-31")),
    **dict.fromkeys(("初", "年初"), ("-01", "-01")),  # January, as 上半年 is 01..06
    "上半年": ("-01", "-06"),
    "下半年": ("-07", "-12"),
    **dict.fromkeys(("暑期", "暑假"), ("-07", "-08")),
    "寒假": ("-01", "-02"),
}


_VACATIONS = frozenset(("暑期", "暑假", "寒假"))


def _bounds(year: str, month: str | None, day: str | None, part: str | None) -> tuple:
    """The first and last date a side covers, as contract strings."""
    if part:
        part = part.replace("、", "")  # 11月上、中旬
    if month is not None:
        ym = f"{year}-{month}"
        if day is not None:
            return f"{ym}-{day}", f"{ym}-{day}"
        last = f"{ym}-{_last_day(year, month)}"
        return {
            None: (ym, ym),
            "上旬": (f"{ym}-01", f"{ym}-10"),
            "中旬": (f"{ym}-11", f"{ym}-20"),
            "下旬": (f"{ym}-21", last),
            "上中旬": (f"{ym}-01", f"{ym}-20"),
            "中下旬": (f"{ym}-11", last),
            "初": (f"{ym}-01", f"{ym}-10"),
            "中": (f"{ym}-11", f"{ym}-20"),
            "底": (last, last),
            "末": (last, last),
            "尾": (last, last),
        }[part]
    if part is None:
        return year, year
    holiday = holiday_days().get(part) or holiday_days().get(part.strip("“”"))
    part = part.strip("“”")
    if part in _PART_BOUNDS:
        first, last = _PART_BOUNDS[part]
        return year + first, year + last
    if holiday == "year":  # 2021年春节: the feast's day moves, its year is known
        return year, year
    if holiday:
        return f"{year}-{holiday}", f"{year}-{holiday}"
    if "季" in part:
        return _quarter_bounds(year, part)
    return None, None


def _quarter_bounds(year: str, part: str) -> tuple:
    """第二季度 -> (YYYY-04, YYYY-06); 一至三季度 -> 01..09; 前三季度 -> 01..09; 二季度末 -> the 30th of June."""
    qs = [int(c) for c in part.translate(DIGITS_TO_ASCII).replace("两", "2").replace("首", "1") if c in "1234"]
    first, last = (1, qs[-1]) if part.startswith("前") else (qs[0], qs[-1])
    if first > last:
        return None, None
    if part.endswith("末"):
        month = f"{3 * last:02d}"
        day = f"{year}-{month}-{_last_day(year, month)}"
        return day, day
    return f"{year}-{3 * first - 2:02d}", f"{year}-{3 * last:02d}"


@cache
def _last_day(year: str, month: str) -> str:
    if not month.isdigit():
        return "XX"
    if month == "02" and not year.isdigit():
        return "28"  # 201X: leap or not is unknown; 28 is the common case
    return str(calendar.monthrange(int(year) if year.isdigit() else 2001, int(month))[1])


@cache
def _month_or_day(s: str, top: int) -> str | None | bool:
    """"05"/"十二"/"元" -> zero-padded digits, "xx" -> "XX"; False when out of range."""
    s = s.strip()
    if re.fullmatch(MASK + "+", s):
        return "XX"
    n = 1 if s == "元" else _num(s)
    if n is None or not 1 <= n <= top:
        return False
    return f"{n:02d}"


@cache
def _year_value(s: str) -> str:
    """The contract year of a written one: 民国113 and (in a 民国-dated text) 113 -> 2024."""
    if "民" in s:
        n = s[s.index("民") + 2:]
        if not n.isdigit():  # 一一二 digit by digit, 一百一十二 as a number
            n = n.translate(DIGITS_TO_ASCII) if n.strip(CN_YEAR_DIGIT) == "" else str(_num(n) or 0)
        return str(int(n) + 1911) if n.isdigit() and 0 < int(n) < 200 else "XXXX"
    if s.isdigit() and len(s) in (2, 3):
        return str(int(s) + 1911)
    if s[:1] == "一" and (len(s) == 3 and s.strip(CN_YEAR_DIGIT) == "" or "百" in s):  # 一一四, 一百零四 (民国)
        n = s.translate(DIGITS_TO_ASCII) if "百" not in s else str(_num(s) or 0)
        return str(int(n) + 1911) if n.isdigit() and 100 <= int(n) < 150 else "XXXX"
    return _year_str(s)


@cache
def _year_str(s: str) -> str:
    s = re.sub(MASK, "X", s.translate(DIGITS_TO_ASCII)).replace("_", "X")
    if len(s) < 4 and s[:2] in ("19", "20") and set(s[2:]) == {"X"}:
        return s.ljust(4, "X")  # 20*年, 20__年: the century written, the rest a blank
    if len(s) == 5 and s[:3].isdigit() and s[3:] == "XX":
        return s[:3] + "X"  # 201__年: a form's blank of two marks for the last digit
    if not s.isdigit() and s[:1] in "12" and "X" not in s:
        s = s.replace("O", "0").replace("o", "0")  # 二O二四: the zero typed as a letter
    return s.rjust(4, "X") if set(s) == {"X"} or len(s) < 4 else s


def _relative_year(rel: str, ref_year: str | None) -> str:
    if not ref_year or not ref_year.isdigit():
        return "XXXX"
    return str(int(ref_year) + {"今": 0, "本": 0, "明": 1, "去": -1}[rel])


def _num(s: str) -> int | None:
    v = parse_number(s)
    return int(v) if v is not None else None
