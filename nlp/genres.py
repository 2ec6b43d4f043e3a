"""Genres of documents: title -> doc_type, the genre a text declares, and what a 印发 notice encloses.

The genre words are data (``nlp/data/genres.tsv``). A title's genre is the longest genre word it
ends with, after a trailing ``全文`` or a parenthesised note (`(试行)`, `(中文版)`). A text with no
title may still name its genre (`现制定如下工作方案:`, `特此通知`). A 印发/转发 notice is one document
of type 通知 (CONTRACT.md); ``encloses`` is the genre of the document it hands on.
"""

from __future__ import annotations

import re
from functools import cache



class BadGenreTable(ValueError):
    """``genres.tsv`` has a malformed row (a bug in the package, not bad input)."""


@cache
def genre_table() -> dict[str, str]:
    """Genre word -> doc_type, from ``genres.tsv`` (`#` comments, a header, two cells a row)."""
    from importlib.resources import files

    table: dict[str, str] = {}
    text = files("nlp").joinpath("data", "genres.tsv").read_text(encoding="utf-8")
    rows = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")]
    if not rows or rows[0][1].split("\t") != ["genre", "doc_type"]:
        raise BadGenreTable("genres.tsv: the first row must be the header 'genre<TAB>doc_type'")
    for n, line in rows[1:]:
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != 2 or not all(cells) or cells[0] in table:
            raise BadGenreTable(f"genres.tsv:{n}: expected a new genre and its doc_type, tab-separated; got {line!r}")
        table[cells[0]] = cells[1]
    return table


@cache
def genre_pattern() -> str:
    """An alternation of the genre words, longest first."""
    return "|".join(sorted(genre_table(), key=len, reverse=True))


# A title's tail that does not change its genre: `…致辞全文`, `…实施方案(试行)`, `…讲话全文(中文版)`.
_TAIL = re.compile(
    r"(?:\s*[(（](?:[^()（）]{1,24})[)）])+$"  # (试行), (2023—2025年), (第8号), (X卫健发〔2024〕8号)
    r"|\s*[【\[](?:[^【】\[\]]{1,12})[】\]]$"  # 【全文】, [2024]
    r"|(?:[12]\d{3}年)?第?\s*\d{1,4}\s*号$|[〔\[][12]\d{3}[〕\]]\s*第?\d{1,4}号$"  # 公告2024年第1号
    r"|\.(?:docx?|pdf|wps|html?)$|\s+[-_|｜]\s*\S{2,24}$"  # a file name's extension, ` - 某某网`
    r"|全文$|[。>\s]+$"  # (`…印发《X》` cites, ends no genre)
    # a page's post date printed after the headline: `…工作安排 2016-03-07`, `…的通知 2021/5/8 10:20`
    r"|\s+[12]\d{3}[-/.][01]?\d[-/.][0-3]?\d(?:\s+[0-2]?\d:[0-5]\d(?::[0-5]\d)?)?$"
    # a template site's number of the sample after the genre: `…季度工作总结一`, `…工作计划2`, `…实施方案 1`
    r"|(?<=总结|计划|方案|报告|汇报|通知|意见|规定|制度|办法|细则|要点|安排|讲话)\s?[一二三四五六七八九十1-9]$"
    # a quoted nickname of the rules after the genre word: `清明节廉政提醒“七个严禁”`, `…通知“十不准”`
    r"|(?<=提醒|通知|通报|规定|要求|倡议|承诺|须知)\s?“[^“”]{2,12}”$"
    # a template site's label of the page: `…工作计划范文`, `…工作总结3篇`, `…实施方案(精选5篇)`
    r"|(?:通用|精选|优选|优质|最新|热门)?[\d一二三四五六七八九十]{1,3}篇$|(?:范文|模板|模版|范本|样本|范例|大全|精选|汇编|合集|汇总|最新|通用)$"
    # its index of one sample in the page (`…工作方案(优质20篇)篇一`, `…工作总结范文篇一`)
    r"|(?<=[\u4e00-\u9fff)）])篇[一二三四五六七八九十1-9]$")


def strip_title_tail(title: str) -> str:
    """``title`` without the notes that may follow its genre word.

    >>> strip_title_tail("某局局长在年会上的讲话全文(中文版)")
    '某局局长在年会上的讲话'
    """
    prev = None
    t = title.strip()
    while prev != t:
        prev, t = t, _TAIL.sub("", t)
    return t


@cache
def _ends_with_genre() -> re.Pattern:
    return re.compile(rf"({genre_pattern()})$")


def genre_of(title: str | None) -> str | None:
    """The doc_type a title's genre word gives, or None when it ends with none.

    >>> genre_of("关于印发某县防火工作方案的通知"), genre_of("某局工作方案(试行)"), genre_of("某局召开会议")
    ('通知', '方案', None)
    """
    if not title:
        return None
    t = strip_title_tail(title)
    m = _ends_with_genre().search(t)
    if m is None:
        t = strip_title_tail(_untagged(title.strip()))
        m = _ends_with_genre().search(t)
    if m is None and _PLANS_AFTER.search(t):  # 某局2020年工作总结暨2021年工作打算: the genre before 暨
        m = _genre_before_plans().search(t)
    return genre_table()[m.group(1)] if m else None


# what a summary's title may add after its genre word that is no genre itself: the next period's plans
_PLANS_AFTER = re.compile(r"(?:打算|设想|重点|任务|目标|措施)$")


@cache
def _genre_before_plans() -> re.Pattern:
    return re.compile(rf"({genre_pattern()})(?:暨|和|及|与|以及)(?:[0-9]{{4}}年|下一步|下一年度?|下半年|明年|来年|今后)?"
                      r"[^,,。;;暨和及与]{0,10}(?:打算|设想|重点|任务|目标|措施)$")


# a headline that runs on into its own 发文字号 (`…的通知汕府建通[2009]121号`) or quotes its title
# whole (`某厅《关于印发…的通知》川办发〔2019〕71号`)
_NUMBER_TAIL = re.compile(r"\s?[〔\[【(﹝][12]\d{3}[〕\]】)﹞]\s*第?\s*\d{1,4}\s*号$")
_QUOTED_WHOLE = re.compile(r"《(?P<x>关于[^《》]{4,80})》$")


def _untagged(t: str) -> str:
    """A title without the 发文字号 glued after its genre word, and the 《关于…》 it quotes whole."""
    m = _NUMBER_TAIL.search(t)
    if m:
        head = re.search(rf"(?P<g>{genre_pattern()}|》)[\u4e00-\u9fff]{{1,8}}$", t[:m.start()])
        if head:
            t = t[:head.end("g")]
    q = _QUOTED_WHOLE.search(t)
    return q.group("x") if q else t


# the genres a text's closing formula declares (特此通知, 特此请示)
CLOSING_GENRES = "通知|公告|通告|通报|请示|报告|批复"


@cache
def _declared() -> re.Pattern:
    kinds = "方案|工作方案|实施方案|办法|规定|预案|细则|计划|制度|意见|要点"
    return re.compile(
        rf"(?:制定|制订|订定)(?:如下|以下|了?本)(?:[^。,,;;::]{{0,20}}?)(?P<a>{kinds})(?=[。,,;;::\s]|$)"
        # 现制定如下(以下)工作方案 / 特制定本预案 / 特制定本学校安全隐患排查报告制度。 / 爰订定本计划 (Taiwan's 訂定)
        rf"|(?:制定|制订|订定)了?(?P<k>{kinds})(?:如下|以下)"  # 制定实施方案如下: the genre before 如下
        r"|提出(?:如下|以下)(?P<i>意见)"  # 现就加强会议管理工作提出如下意见
        r"|(?P<b>通知|公告|通告|通报|决定|提醒)如下|(?P<j>解读)如下"  # 现将主要内容解读如下  # 现将有关事项通知如下, 现就…有关事项决定如下, 现将节日要求提醒如下
        r"|(?:进行|予以)(?P<h>通报)[。.]?具体(?:情况)?如下"  # 对2起典型问题进行通报。具体如下
        r"|(?P<e>工作总结|工作汇报|总结|报告)如下|(?P<f>工作)情况(?P<g>总结|汇报)如下"  # 现将…工作(情况)总结如下
        r"|(?<!工作)情况(?P<l>汇报|报告)如下"  # 现将有关情况汇报如下: a report (现将调查结果汇报如下: no genre)
        rf"|特此(?P<c>{CLOSING_GENRES})"  # 特此通知, 特此请示
        r"|向(?:大会|本次会议)(?P<r>报告)"  # 我代表市人民政府,向大会报告工作 (a government's work report)
        r"|^(?P<d>公告)(?:日期|单位|标题)", re.M)  # 公告日期: (a bulletin board's form)


def declared_genre(text: str) -> str | None:
    """The genre a text without a title gives itself, or None.

    >>> declared_genre("为加强管理,现制定如下工作方案:"), declared_genre("现将有关事项通知如下:")
    ('方案', '通知')
    """
    m = _declared().search(text)
    if not m:
        return None
    word = ("工作" + m.group("g") if m.group("g") else "政策解读" if m.group("j")
            else "报告" if m.group("l") else next(g for g in m.groups() if g))
    return genre_table().get(word, word)


# The genre words a title's line may glue its first heading to (`某某自查报告一、自查组织情况`,
# `某厂安全生产检查表一、总则`): one list for the outline, which reads the 一、 as the first heading,
# and the splitter, which cuts it off the title. (Two widths: a lookbehind takes one width only.)
GLUED_TITLE_GENRES = "报告|方案|总结|通知|意见|办法|计划|规定|细则|要点|通报|规划|预案|清单|制度|守则"
GLUED_TITLE_TABLES = "检查表|计划表|一览表|登记表|统计表|分解表"
GLUED_FIRST_HEADING = re.compile(rf"(?:(?<={GLUED_TITLE_GENRES})|(?<={GLUED_TITLE_TABLES}))一、(?=[\u4e00-\u9fff“])")


# handing a document on to the recipients: `印发给你们`, `印发你们` (no 给), `转发给你单位`
HANDING = r"(?:印发|转发|下发|下达|发)给?(?:你们|你单位|你局|你委|你厅|你院|你校)"
# `现将《X》印发给你们` / `关于印发X的通知` / `关于转发省教育厅《X》的通知`
HANDED_ON = re.compile(r"《(?P<x>[^《》\n]{4,80})》[^。\n《]{0,40}?" + HANDING)
_NOTICE_TITLE = re.compile(r"(?:印发|转发|公布|颁布)《?(?P<x>.{4,80}?)》?(?:等[^的]{0,6})?的通知$")


def enclosed_title(title: str | None, head: str) -> str | None:
    """The title of the document a 印发/转发 notice hands on, from its title or its opening lines.

    >>> enclosed_title(None, "各单位:\\n现将《某县防火工作方案》印发给你们,请认真贯彻执行。")
    '某县防火工作方案'
    >>> enclosed_title("关于印发某县防火工作方案的通知", "")
    '某县防火工作方案'
    """
    if title:
        m = _NOTICE_TITLE.search(strip_title_tail(title))
        if m:
            return m.group("x")
    m = HANDED_ON.search(head)
    if m is None:
        return None
    clause = head[max(head.rfind("。", 0, m.start()), head.rfind("\n", 0, m.start())) + 1:m.start()]
    if "》" in clause:
        return None  # `现将《甲》《乙》《丙》印发给你们`: several documents handed on, none of them the notice's
    return m.group("x")


def enclosed_genre(title: str | None, head: str) -> str | None:
    """The doc_type of what a 印发/转发 notice encloses (`实施方案`), or None."""
    x = enclosed_title(title, head)
    return genre_of(x) if x else None
