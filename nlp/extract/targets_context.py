"""The context that decides whether a figure is an objective: the document's genre and the mood
of the sentence around the figure.

A plan states objectives; a work summary, a news report or a statistical bulletin reports what
happened. In a report a figure is an objective only where the text plans ahead or lays down a
rule (``将``, ``要``, ``确保``, ``目标``, ``不超过``...); in any document a clause that reports
done work (``已``, ``累计``, ``共有``) or a share of a whole (``占``) states no objective. The
mood words are data (``nlp/data/target_mood.tsv``); the special numerals of objectives
(``减半``, ``零死亡``) too (``nlp/data/target_words.tsv``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache, cached_property
from typing import NamedTuple, Sequence

from nlp.extract.parties_lexicon import COMPARATORS, read_mapping, read_table, target_cues
from nlp.model import Section
from nlp.text import alternation, opening_with

# ---- regex fragments, each with a sample it must match (tests/extract/test_targets_context.py) ----

# a work summary (工作总结) reports the past: its figures are targets only where it plans ahead
SUMMARY_TITLE = (r"(?m)^[^\n]{0,60}(?:总结|总结报告|小结|述职报告|述[职廉德法]+报告|工作报告|工作回顾"
                 r"|工作汇报|情况汇报|情况报告|自查报告)"
                 r"(?:(?:以及|[及和与暨])[^\n]{0,20}(?:计划|打算|思路|安排|要点))?\s*$")  # 某县医院2023年工作总结
FORWARD_HEADING = (r"下一步|明年|来年|今后|展望|努力方向|工作打算|工作计划|工作思路|工作安排|目标任务"
                   r"|今年(?!以来)[^\n]{0,6}(?:任务|目标|工作)|预期目标|重点任务"
                   r"|(?:19|20)[0-9]{2}年(?:工作)?(?:计划|打算|思路|安排|重点|要点)")  # 三、下一步工作打算
# 计划 as a verb (今年计划新建, 计划到2025年), not the noun of 年度计划的103.5%, 发文计划, 科技计划项目, 按计划
PLAN_VERB = r"(?<![年度作文技科照按原工行业划该此本])计划(?![的书表项内外中任数生和与及、,，。;；:：》”])"
# 力争门诊量突破15万人次 (a summary's plan); not 全年预计可实现…/预计全年完成…, a year-end summary's
# estimate of the year it reports
PLAN_AHEAD = rf"力争|确保|争取|{PLAN_VERB}|拟|力求|(?<!全年)预计(?!全年)|目标是|目标为|预期目标|控制在"
# the dateline or byline of a news report, near its top: 新华社北京5月27日电, 本报讯, 记者
NEWS_MARK = (r"[0-9]{1,2}月[0-9]{1,2}日(?:电|讯)|[电讯][ ]?\((?:记者|通讯员)|本报讯|记者|通讯员"
             r"|新闻发布会|(?:今|昨)[天日]\([0-9一二三四五六七八九十]{1,3}(?:月[0-9一二三四五六七八九十]{1,3})?日?\)"
             r"|^(?:日前|近日|据悉|日期[::]|时间[::])|^[^\s,。]{1,10}讯 |^[0-9]{1,2}月[0-9]{1,2}日[,,]"
             r"|(?:网|社|报|台)[^\n,。]{0,6}[0-9]{1,2}月[0-9]{1,2}日|^(?:19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2}$")  # 中新网4月11日电
# a report that relays a plan (a government work report, a plan just issued): its figures are the plan's
RELAY = (r"印发|政府工作报告|出台|制定|人民代表大会|人代会|民生实事"
         r"|(?:发布|公布)[^,,。\n]{0,8}(?:规划|方案|意见|通知|计划|要点)")  # 印发
# a year something is due by plans ahead: 到2025年
DUE_YEAR = (r"(?:到|至|(?<![关对由])于)(?:19|20)[0-9]{2}年(?![的度])"  # 到2025年 (not 关于2020年度…)
            # a date something is due before: 2025年年底前, 今年年底前, 6月底前
            r"|(?:(?:19|20)[0-9]{2}年|今年|明年)?(?:年底|年末|[0-9]{1,2}月底|[0-9]{1,2}月[0-9]{1,2}日)(?:之)?前(?![期夕列提])")
# the past, in a report: 去年, 近年来 (a figure after it in the sentence is a record)
PAST_TIME = (r"(?<![比较与同于过])(?:去年|上年|前年)(?!同期)|过去|近年来|近年|以来|此前"
             r"|(?<![0-9])[0-9一二两三四五六七八九十多几]{1,3}年来|截[至止](?:目前|当前|发稿)")  # 去年, not 比上年, 不超过上年
# the title of a plan or rule, whatever page it sits on: 某市安全生产专项整治实施方案
PLAN_TITLE = r"(?:方案|规划|计划|意见|通知|办法|规定|要点|细则|措施|标准|制度|决定|纲要|通告|公告|承诺)\s*$"  # 实施方案
# a figure tied to a past year's level: 由2017年的76.7岁提高到2018年的77.0岁
YEAR_LEVEL = r"(?:(?:19|20)[0-9]{2}年|去年|上年|前年|同期)的?$"  # 2017年的
# the modal verbs of a rule: a time limit (15个工作日内) is an objective only under one
MODAL = r"应当|(?<![相适供反效对])应|(?<![主重需纲摘只索纪概提简扼首])要|必须|(?<![必无])须|需"  # 应当在10个工作日内
# (占 the verb, not the noun 占比 of 基层诊疗量占比年均提高2个百分点, nor 占用, 占领)
SHARE = (r"(?:占(?![比用领有据])|仅为|仅|只有|约为)[^,,。;;]{0,12}?[之的]?$"  # 占所有火灾之, 仅为 (a share or level, stated)
         # 完成全年目标任务500万人的|81%: progress against a task (确保完成年度任务的100% is a target)
         r"|(?:(?<![保争要须应])完成|为)[^,,。;;]{0,16}?(?:任务|计划)[^,,。;;]{0,12}?的$")

SAMPLES = {
    "SUMMARY_TITLE": ("某县中医医院2023年工作总结\n", "某委2016年工作总结及2017年工作计划\n",
                      "某院行风建设自查报告\n", "某局2022年上半年工作汇报\n", "某科室月度小结\n"),
    "FORWARD_HEADING": ("下一步工作打算", "2024年工作计划", "二、今年主要目标任务", "经济社会发展主要预期目标"),
    "PLAN_AHEAD": ("力争", "确保", "控制在", "计划"),
    "PLAN_VERB": ("计划",),
    "NEWS_MARK": ("新华社北京5月27日电", "本报讯", "今天(19日)", "日前", "枫阳讯 ", "中新网北京8月18日"),
    "PLAN_TITLE": ("实施方案", "通知"),
    "RELAY": ("政府工作报告", "印发", "发布《规划"),
    "DUE_YEAR": ("到2025年", "于2025年"),
    "PAST_TIME": ("去年", "近年来", "五年来", "截至目前"),
    "YEAR_LEVEL": ("2017年的", "去年的"),
    "MODAL": ("应当", "要", "须"),
    "SHARE": ("占所有火灾之", "占", "仅为"),
}

MOOD_KINDS = ("forward",)
# the last year of each five-year plan period: 十三五期间 is past in a document of 2021
FIVE_YEAR_PLAN_END = {"十一五": "2010", "十二五": "2015", "十三五": "2020", "十四五": "2025", "十五五": "2030"}
# doc_types that report what happened (the splitter's genre of the document): news and bulletins
REPORT_TYPES = frozenset({"新闻", "通报"})
# one-character mood words are not read inside these words: 主要, 索要, 供应, 必须
_NOT_INSIDE = {"计划": "(?<![年度作文技科照按原工行业划该此本])",
               "将": "(?<![现特兹])",  # 现将…通报如下: the 将 of 把, no 'will'
               "要": "(?<![主重需纲摘只索纪概提简扼首])", "应": "(?<![相适供反效对回])", "须": "(?<![必无])",
               "会": "(?<![大协社学委员工省市区县全开议晚聚例约年总机体理际览动商国酒舞茶集法盛峰宴照误领融都"
                     "进署训谈场度讨布析审结调论座演报流联通洽研碰评务组公班活两])",  # (常务会, 党组会, 办公会, 班会, 生活会, 两会)
               "拟": "(?<![模虚草比])"}  # 模拟测评: no "plan to"
# nor before these: 会议, 会同, 会员, 推进会, (会 as 'will' opens a verb: 劳工处会在3个月内…)
_NOT_BEFORE = {"计划": "(?![的书表项内外中任数生和与及、,，。;；:：》”])",
               "应": "(?![急用对变届聘征邀])",  # 应急救援中心, 应用, 应对: no 'should' there
               "将": "(?!原来|原先|其|此|这|该|上述|所有|有关|相关|各类|各项|结果|问题|情况)",  # 将原来的46个窗口整合为: 将 of 把
               "一般": "(?!隐患|事故|性|情况|项目|公共|综合|收入|预算|纳税|贸易|工作人员|干部|群众|户|纪律|违纪|问题)",  # 一般隐患: a kind of hazard, not 'as a rule'
               "会": "(?=[\u4e00-\u9fff])(?![议同商谈见上场员长所计务期址标徽费诊客展后前面堂演餐聚晤签审考意心战师合风纪])"}  # (会风会纪)


class Word(NamedTuple):
    number: float
    unit: str
    comparator: str | None


@cache
def target_mood() -> dict[str, str]:
    """Word -> mood (forward: plans ahead or lays down a rule), from ``target_mood.tsv``."""
    return read_mapping("target_mood.tsv", ("word", "mood"), {1: MOOD_KINDS})


@cache
def target_words() -> dict[str, Word]:
    """Word -> (number, unit, comparator) of objectives written without a numeral (减半, 零死亡)."""
    rows = read_table("target_words.tsv", ("word", "number", "unit", "comparator"), {3: COMPARATORS})
    out = {}
    for r in rows:
        word, number, unit, cmp = r.cells
        out[word] = Word(float(number), unit, None if cmp in ("-", "=") else cmp)
    return out


@cache
def _patterns() -> dict[str, re.Pattern]:
    mood = target_mood()
    forward = [w for w, k in mood.items() if k == "forward"]
    return {
        "summary": re.compile(SUMMARY_TITLE),
        "top_date": re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})-[0-9]{1,2}-[0-9]{1,2}(?![0-9])"),
        "period": re.compile(rf"[“\"]?({alternation(FIVE_YEAR_PLAN_END)})[”\"]?(?:规划)?(?:期间|时期|以来)"),
        "summary_type": re.compile(r"总结|小结|述职|述廉|汇报|报告"),
        "forward_heading": re.compile(FORWARD_HEADING),
        "plan_ahead": re.compile(PLAN_AHEAD),
        "news": re.compile(NEWS_MARK, re.M),
        "year_level": re.compile(YEAR_LEVEL),
        "share": re.compile(SHARE),
        "modal": opening_with(MODAL, "应必要须需"),
        "relay": re.compile(RELAY),
        "plan_title": re.compile(PLAN_TITLE),
        "due_year": re.compile(DUE_YEAR),
        "past_time": opening_with(PAST_TIME, "去上前过近以此截0123456789一二两三四五六七八九十多几"),
        "forward": opening_with("|".join(_NOT_INSIDE.get(w, "") + re.escape(w) + _NOT_BEFORE.get(w, "")
                                         for w in sorted(forward, key=len, reverse=True)),
                                (w[0] for w in forward)),
        "past": re.compile(alternation(target_cues()["past"])),
    }


class Genre(NamedTuple):
    report: bool  # a news report or bulletin: figures need a forward word to be objectives
    past_until: int  # a work summary: figures before this offset are past unless planned ahead
    relay: bool = False  # a report that relays a plan: figures are objectives unless dated past
    year: str | None = None  # the document's own year (its signing date, else a date at its top)


def read_genre(text: str, title: str | None, sections: Sequence[Section],
               doc_type: str | None = None) -> Genre:
    """The genre of a document, from its title, its doc_type, its outline and the top of its text."""
    pats = _patterns()
    summary = (bool(title and pats["summary"].search(title)) or bool(pats["summary"].search(text, 0, 300))
               or bool(doc_type and pats["summary_type"].search(doc_type)))
    past_until = _forward_from(text, sections, title) if summary else 0
    plan = bool(title and pats["plan_title"].search(title))
    news = not summary and not plan and (doc_type in REPORT_TYPES or bool(pats["news"].search(text[:300])))
    relay = news and bool(pats["relay"].search(text[:300]) or (title and _RELAY_TITLE.search(title)))
    if relay and not past_until:
        ahead = _RELAY_AHEAD.search(text)  # a work report reviews last year, then sets this year's targets
        past_until = ahead.start() if ahead else 0
    return Genre(news and not relay, past_until, relay)


# where a relayed work report turns from last year's review to this year's targets
_RELAY_AHEAD = re.compile(r"(?:今年|明年|(?:19|20)[0-9]{2}年)[^。\n]{0,16}?(?:主要)?(?:预期)?(?:目标|工作安排|重点工作|目标任务)(?:是|为|如下)?[::,]")


# a news headline on a five-year plan or on the 两会, where the year's government work report is
# given (展望“十四五”, 聚焦县市两会): the report relays the plan's figures (目标 and 将 alone in a
# headline were tried: they cost collected6, 8 and 9 as much as they gained)
_RELAY_TITLE = re.compile(r"两会|展望|十[一二三四五]五")


def _forward_from(text: str, sections: Sequence[Section], title: str | None = None) -> int:
    """Where a summary starts planning ahead (its 下一步工作打算 section), else the end of the text."""
    own = re.sub(r"\s+", "", title) if title else ""
    forward, summary = _patterns()["forward_heading"], _patterns()["summary"]
    for s in sections:
        if forward.search(s.heading[:20]) and not summary.search(s.heading):
            return s.start
    # no outline: a short heading line that plans ahead (三、明年工作思路); not the title naming
    # both parts (某区2023年工作总结及2024年工作计划), which opens the summary
    for m in re.finditer(r"(?m)^[^\n]{0,30}$", text):
        if (m.end() > m.start() and forward.search(m.group(0)) and not summary.fullmatch(m.group(0))
                and not (own and m.start() < 400 and re.sub(r"\s+", "", m.group(0)) in own)):
            return m.start()  # (not the title's own last line: 某局2022年工作总结和2023年⏎工作思路)
    return len(text)


# in a news report, 实现 tells what was achieved (全市…实现“双下降”,同比分别下降12.0%): no plan word there;
# a plan's 实现 in a report carries its own 将/力争/到2025年
REPORTED_ACHIEVED = frozenset({"实现"})


class Mood:
    """The mood words of one sentence, found once (each kind when first asked for), so each clause
    is judged by bisection (a sentence of ten thousand clauses stays linear).

    >>> Mood("去年门诊量增长5%,明年要达到8%").looks_back(9)
    True
    """

    def __init__(self, sentence: str, report: bool = False) -> None:
        self._sentence, self._report = sentence, report
        self._past = [(m.start(), m.end()) for m in _patterns()["past_time"].finditer(sentence)]
        self._past_ends = [b for _, b in self._past]

    # the other kinds of mood word are found when a question first needs them (most sentences
    # are asked one or two of the four questions): the same answers, fewer scans

    @cached_property
    def _forward(self) -> list[tuple[int, int]]:
        pats = _patterns()
        return sorted((m.start(), m.end()) for p in ("forward", "due_year")
                      for m in pats[p].finditer(self._sentence)
                      if not (self._report and m.group() in REPORTED_ACHIEVED))

    @cached_property
    def _forward_starts(self) -> list[int]:
        return [a for a, _ in self._forward]

    @cached_property
    def _forward_ends(self) -> list[int]:
        return sorted(b for _, b in self._forward)

    @cached_property
    def _ahead(self) -> tuple[int | None, list[tuple[int, int]]]:
        """Where the first plan word other than 控制在 ends, and the spans of 控制在."""
        ahead = [(m.start(), m.end(), m.group(0)) for m in _patterns()["plan_ahead"].finditer(self._sentence)]
        return (min((b for _, b, w in ahead if w != "控制在"), default=None),
                [(a, b) for a, b, w in ahead if w == "控制在"])

    @cached_property
    def _modal_ends(self) -> list[int]:
        return [m.end() for m in _patterns()["modal"].finditer(self._sentence)]

    def looks_forward(self, end: int) -> bool:
        """Whether sentence[:end] plans ahead or lays down a rule (将, 要, 确保, 目标, 到2025年)."""
        return bool(self._forward_ends) and self._forward_ends[0] <= end

    def looks_back(self, end: int) -> bool:
        """Whether sentence[:end] names a past time (去年, 近年来) with no forward word after it."""
        k = bisect_right(self._past_ends, end)
        if not k:
            return False
        after = self._past[k - 1][1]
        i = bisect_left(self._forward_starts, after)
        return not any(b <= end for _, b in self._forward[i:i + 8])

    def dated_back(self, end: int, year: str | None) -> bool:
        """Whether sentence[:end] opens on a year before the document's own (`2020年末,…提高到82.25岁`
        in a plan of 2021, `2023年全国…降至6.2‰` in a report of 2024) with no forward word after it:
        a record of that year, not an objective."""
        if not year:
            return False
        for m in _PAST_YEAR.finditer(self._sentence, 0, end):
            if m.group(1) < year:
                i = bisect_left(self._forward_starts, m.end())
                return not any(b <= end for _, b in self._forward[i:i + 8])
        return False

    @cached_property
    def _to_date(self) -> tuple[list[int], list[int]]:
        """The ends of the periods counted from January (1—7月), and where the semicolons stand."""
        return ([m.end() for m in _TO_DATE.finditer(self._sentence)],
                [m.start() for m in re.finditer(r"[;；]", self._sentence)])

    def to_date(self, end: int) -> bool:
        """Whether sentence[:end] reports a period counted from January to date (`1—7月完成投资28.55亿元`,
        `1-10月共受理…`) with no forward word and no semicolon after it: a progress report's record."""
        periods, semicolons = self._to_date
        i = bisect_right(periods, end) - 1
        if i < 0:
            return False
        last = periods[i]
        j = bisect_left(semicolons, last)
        if j < len(semicolons) and semicolons[j] < end:
            return False
        k = bisect_left(self._forward_starts, last)
        return not any(b <= end for _, b in self._forward[k:k + 8])

    def plans_ahead(self, start: int, end: int) -> bool:
        """Whether a summary's clause sentence[start:end] plans ahead (力争, 确保, from the start of
        its sentence) or states a controlled level (控制在, in the clause itself)."""
        plan_end, controlled = self._ahead
        if plan_end is not None and plan_end <= end:
            return True
        i = bisect_left(controlled, (start, 0))
        return i < len(controlled) and controlled[i][1] <= end

    def lays_down(self, end: int) -> bool:
        """Whether a rule's modal verb (应, 要, 须) is written in sentence[:end]."""
        return bool(self._modal_ends) and self._modal_ends[0] <= end


# a year that dates what the sentence reports (2020年末, 2023年, 2022年上半年), at its start or after
# a clause's end; not one a goal is due by (到2025年, 至2020年底, 2025年前) or a cited period (2018—2020年)
_PAST_YEAR = re.compile(r"(?:^|(?<=[,,;;。]))((?:19|20)[0-9]{2})年(?:末|底|年末|年底|全年|上半年|下半年|前[一二三]季度"
                        r"|[0-9一二三四五六七八九十]{1,2}月(?:份|底|末)?)?(?![前以至到—–\-~])(?=[,,\u4e00-\u9fff])")
# a period counted from January to date: 1—7月, 1-10月份, 1至11月 (not 11—12月, 1—2日)
_TO_DATE = re.compile(r"(?<![0-9])1[—\-–~至到](?:1[0-2]|[2-9])月份?(?![底末前中上下])")


def document_year(text: str, signing_year: str | None) -> str | None:
    """The year the document was written: its signing date's, else that of a timestamp near its top
    (a page's 发布时间 2021-08-10; a written-out date there may be a deadline, so it is not read)."""
    if signing_year:
        return signing_year
    m = _patterns()["top_date"].search(text, 0, 300)
    if not m:
        return None
    # a stamp years after every year the text names is a re-post's or a scrape's (an aggregator's
    # 2024-06-15 over a 2016 news item), not the date the text was written: no year is read from it
    named = [int(y) for y in _NAMED_YEAR.findall(text, m.end())]
    if named and max(named) < int(m.group(1)) - 1:
        return None
    return m.group(1)


_NAMED_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?=\s?年|[-/.][0-9]{1,2}[-/.][0-9]{1,2})")


def past_period(sentence: str, end: int, year: str | None) -> bool:
    """Whether sentence[:end] names a five-year plan period that ended before ``year`` (十三五期间
    in a document of 2021): its figures are records."""
    if not year:
        return False
    for m in _patterns()["period"].finditer(sentence, 0, end):
        if FIVE_YEAR_PLAN_END.get(m.group(1), "9999") < year:
            return True
    return False


def is_past(clause: str) -> bool:
    """Whether a clause reports done work (已完成, 累计, 共有): its counts are not objectives."""
    cleaned = clause.replace("为了", "").replace("除了", "").replace("了解", "").replace("累计不", "不")  # 累计不少于1个月: a rule
    return bool(_patterns()["past"].search(cleaned))


def is_stated_level(prefix: str) -> bool:
    """Whether the words before a figure make it a stated level, not an objective: a past year's
    level (``2017年的76.7岁``) or a share of a whole (``占所有火灾之72.9%``, ``仅为6.09%``)."""
    pats = _patterns()
    return bool(pats["year_level"].search(prefix) or pats["share"].search(prefix))

