"""Outline stage: a document's text -> its numbered sections (GB/T 9704 numbering and what
real documents do with it).

Markers are found at line starts and, in text flattened onto one line, where they run in after
a sentence end or a short heading. Levels are the true nesting depth, computed with a stack of
open numbering styles: a style already open closes everything below it; a new style nests under
the innermost open one, or, when nothing is open, takes its usual rank among the styles the
document uses (`(一)` stays level 2 when the template dropped its `一、`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from nlp.genres import GLUED_TITLE_GENRES, GLUED_TITLE_TABLES
from nlp.model import Section
from nlp.numerals import CN_DIGITS, FORMAL, parse_number
from nlp.text import COLONS, SEMICOLONS, STOPS, opening_with, without_spaces, wrap_width

_CN = "一二三四五六七八九十"
_CN_FORMAL = "壹贰貳叁參参肆伍陆陸柒捌玖拾"  # 壹、贰、叁、 (Taiwan documents number their parts so)
_CN_NUM = rf"[{_CN}百零〇]{{1,4}}"

# a number at a line's start that counts something (`7.1万异常个案…`, `3 个工作组`) is no decimal heading
_NOT_A_COUNT = r"(?![ \t]*[万亿千百元人个倍年月日次家名余多])"

# where a decimal marker may stand: a line's start, or after a space that follows words or a
# sentence's end (a flattened page)
_DEC_START = r"(?:(?<![^\n])|(?<=[\u4e00-\u9fff。;;!?)][ \t\u3000]))"

# (style, pattern); the style's usual rank is its position in this list.
_STYLES = [
    ("zhang", rf"第[ \t]?(?:{_CN_NUM}|\d{{1,3}})[ \t]?章"),  # 第一章, 第 1 章 (a law site spaces it)
    ("bufen", rf"第(?:{_CN_NUM}|\d{{1,2}})(?:部分|板块)(?![是为])[::]?"),  # 第一部分, 第一板块: (not 第一部分是…, a sentence)
    ("jie", rf"第(?:{_CN_NUM}|\d{{1,3}})节"),  # 第一节
    ("tiao", rf"第[ \t]?(?:{_CN_NUM}|\d{{1,3}})[ \t]?条(?![之的第款]|规定)"),  # 第一条 (not a cited 第三十三条之规定, 第2款)
    # decimal numbering at a line's start, over a heading (an 应急预案's `1 总则`, `1.1 编制目的`, `2.3.1 …`)
    ("dec1", rf"(?<![^\n])\d{{1,2}}(?=[ \t]*[\u4e00-\u9fff]){_NOT_A_COUNT}"),
    # (or run in after a space in flattened text: `…制定本预案。 1.2现状特点 山福镇地处…`)
    ("dec2", rf"{_DEC_START}\d{{1,2}}[.．]\d{{1,2}}(?![\d.．])(?=[ \t]*[\u4e00-\u9fff]){_NOT_A_COUNT}"),
    ("dec3", rf"{_DEC_START}\d{{1,2}}[.．]\d{{1,2}}[.．]\d{{1,2}}(?![\d.．])(?=[ \t]*[\u4e00-\u9fff]){_NOT_A_COUNT}"),
    ("wx", r"(?<![\d.:：/-])\d(?<=0)[1-9](?=[ \t]*\n)"),  # 01 alone on its line over its heading (a WeChat article's parts)
    # 壹、贰、叁、: formal numerals number the parts above 一、 (Taiwan documents: 壹、 > 一、 > (一) > 1.)
    ("cnf", rf"(?<![\u4e00-\u9fff\w])[{_CN_FORMAL}]{{1,2}}(?:、|[.．](?![\d.．]))"),
    ("cn", rf"(?<![\u4e00-\u9fff\w]){_CN_NUM}(?:[ \t]?、|[.．](?![\d.．]))"),  # 一、, 二 、 (not 第一、 or 统一、)
    ("cnrun", rf"(?<=[\u4e00-\u9fff”)])[二三四五六七八九十]{{1,2}}、(?=[\u4e00-\u9fff“])"  # flattened: …会议室三、活动要求
              rf"|(?:(?<={GLUED_TITLE_GENRES})|(?<={GLUED_TITLE_TABLES}))一、(?=[\u4e00-\u9fff“])"  # 某某报告一、情况, 某厂检查表一、总则 (the title's line)
              r"|(?<=[\u4e00-\u9fff])(?<![统同单唯专逐划归合均万之其第不初])一、(?=[\u4e00-\u9fff“])"),  # …内容一、依…。二、…。三、 (a run confirms it)
    ("cnp", rf"\([ \t]?{_CN_NUM}[ \t]?\)"),  # (一), (一 ) as some pages space it
    ("stage", rf"第(?:{_CN_NUM}|\d{{1,2}})(?:阶段|步)[::]?"),  # 第三阶段:
    ("ar", r"(?<![\d.])\d{1,2}(?:、|[.．](?!\d)|[.．](?=[12]\d{3}年))|(?<![^\n])\d{1,2}。(?=[\u4e00-\u9fff])"),  # 1、 1. (and `2.2024年6月…`; `1。` typed for 1. at a line's start)
    ("arp", r"\((?!0\d\)[ \t]?\d)\d{1,2}\)|(?<![\d(])\d{1,2}\)"),  # (1) 1) (not the area code of (04)7115141)
    ("tg", r"[甲乙丙丁戊己庚辛壬癸]、"),  # 甲、 (Taiwan documents number below (1) so; line starts only)
    ("tgp", r"\([甲乙丙丁戊己庚辛壬癸]\)"),  # (甲)
    ("circ", r"[①-⑳]"),  # ①
    ("yao", rf"[{_CN}]{{1,2}}(?:要|是)(?=[\u4e00-\u9fff“\"「])"),  # 一要 (paragraph-initial runs only)
]
_RANK = {name: i for i, (name, _) in enumerate(_STYLES)}
# (behind a lookahead on the characters a marker opens with: the engine tries the styles only there)
_STEMS = "甲乙丙丁戊己庚辛壬癸"  # the heavenly stems, counted 1-10
_MARKER = re.compile(rf"(?=[第{_CN}百零〇{_CN_FORMAL}{_STEMS}(\d①-⑳])(?:"
                     + "|".join(f"(?P<{name}>{pat})" for name, pat in _STYLES) + ")")
# Where a run-in marker may start: a line start, or after a sentence end / colon (+ spaces).
# the genre word a rule's title ends with, when its first article is glued to it (某院管理制度第一条)
_RULES_TITLE_END = re.compile(r"(?:制度|办法|规定|细则|规则|章程|守则|准则|条例)$")
# a paragraph's bullet (not ○ nor □, a zero and a lost character): where the line breaks were lost, a
# marker after it opens a paragraph (`…伦理规范▍贰、…`) and a heading before it ends (`…处理程序•公务员…`)
_PARA_BULLETS = "▍▌■●◆◇▶►•★☆"
_RUN_IN_BEFORE = re.compile(rf"[{STOPS}{SEMICOLONS}{COLONS}]\s*$|\s$|(?<=[\u4e00-\u9fff”)])\.$"  # (`…本方案.一、`: a page's . for 。)
                            rf"|[{_PARA_BULLETS}]$")

# Words that end a heading, for text flattened onto one line (`一、总体要求以邓小平理论…`).
_HEAD_END = (
    "指导思想", "总体要求", "总体思路", "工作思路", "工作目标", "目标任务", "基本原则", "主要任务", "主要内容", "工作内容", "实施步骤",
    "方法步骤", "工作步骤", "工作要求", "组织领导", "保障措施", "工作措施", "主要措施", "时间安排", "工作安排",
    "进度安排", "工作重点", "奋斗目标", "基本情况", "主要做法", "存在问题", "下步打算", "工作职责", "职责分工",
    "实施范围", "工作范围", "重要意义", "组织保障", "组织机构", "责任分工", "检查重点", "排查重点", "整治重点",
    "排查范围", "检查范围", "保障", "重点", "设置", "管理", "程序", "机制", "方法与步骤", "步骤", "要求", "目标", "原则",
    "任务", "措施", "思路", "安排", "内容", "方式", "形式", "范围", "对象", "职责", "分工", "意义", "思想", "情况", "做法",
    "时间", "地点", "主题", "期限", "依据", "标准",
)
_HEAD_END_RE = re.compile("|".join(sorted(_HEAD_END, key=len, reverse=True)))
_DATED_HEAD_END = re.compile(rf"(?:{_HEAD_END_RE.pattern})(?=[12]\d{{3}}年)")  # `实施时间、范围2024年5月起`
_BODY_START = re.compile(r"[\u4e00-\u9fff“《]")
_DATEISH = re.compile(r"\d|[上中下]旬|月|年")


@dataclass(slots=True)
class _Marker:
    style: str
    ordinal: int
    start: int  # marker start
    mend: int  # marker end (heading starts after spaces)
    marker: str
    line_start: bool
    heading: str = ""
    level: int = 0
    announces: bool = False  # its line ends with a colon (`2.处理程序:`): a list may follow under it
    on_title: bool = False  # 一、 run onto the title's line (`某某报告一、基本情况`)


def parse_outline(text: str, title: str | None = None) -> list[Section]:
    """The sections of one document, in reading order.

    >>> [(s.level, s.marker, s.heading) for s in parse_outline("一、总体要求\\n(一)加强领导。正文\\n1、建立机构。")]
    [(1, '一、', '总体要求'), (2, '(一)', '加强领导'), (3, '1、', '建立机构')]
    """
    markers = _find_markers(text)
    if markers and title and markers[0].start <= 2 and without_spaces(markers[0].heading) == without_spaces(title):
        markers = markers[1:]  # `二、关于…的通知` that a page numbered: the document's title, no section of it
    if not markers:
        return _unnumbered(text)
    lines = _LineIndex(text)  # (one index of the lines for the four passes below)
    markers = _drop_link_lists(text, markers, lines)
    markers = _drop_contents(text, markers, lines)
    markers = _drop_paragraph_runs(text, markers, lines)
    markers = _drop_enumeration(text, markers, lines)
    # a marker before a few Latin letters or digits only (`_00.jpg`, `2、O`): a file's name, a code
    markers = [mk for mk in markers if not re.fullmatch(r"[A-Za-z0-9.\-_ ]{1,4}", mk.heading)]
    if not markers:
        return _unnumbered(text)
    _decimal_parents(markers)
    _assign_levels(markers)
    markers = _drop_table_rows(text, markers)
    if not markers:
        return []
    _assign_levels(markers)
    return _sections(text, markers)


# ---------------------------------------------------------------------------------------------


def _decimal_parents(markers: list[_Marker]) -> None:
    """`1.` (or `1、`) over `1.1`, `1.2`: the first level of a decimal outline, as `1 总则` over `1.1` is."""
    last = None  # the last first-level number so read: `2.` after it continues the run
    for k, mk in enumerate(markers):
        if mk.style != "ar" or not mk.marker.strip().endswith((".", "．", "、")):
            continue
        nxt = markers[k + 1] if k + 1 < len(markers) else None
        if ((nxt is not None and nxt.style == "dec2" and re.match(rf"{mk.ordinal}[.．]1$", nxt.marker.strip()))
                or (last is not None and mk.ordinal == last + 1)):
            mk.style, last = "dec1", mk.ordinal


_DIGIT_RUN = re.compile(r"\d+")
_CN_DIGIT_RUN = re.compile(rf"[{CN_DIGITS}]+")


def _ordinal(style: str, marker: str) -> int:
    if style in ("dec2", "dec3"):
        return int(_DIGIT_RUN.findall(marker)[-1])  # 2.3 is the third under 2
    digits = _DIGIT_RUN.search(marker)
    if digits:
        return int(digits.group())
    if style == "circ":
        return ord(marker[0]) - ord("①") + 1
    if style in ("tg", "tgp"):
        return _STEMS.index(marker.strip("()")[0]) + 1
    cn = _CN_DIGIT_RUN.search(marker.translate(FORMAL))  # 第十二章, 贰、
    return int(_number(cn.group()) or 0) if cn else 0


_number = lru_cache(maxsize=1024)(parse_number)  # (markers repeat a few numerals, 一 to 十: each read once)


# Attachments (附件:1、…名单; 附:…目标分解表 flattened) are not part of the outline.
_ATTACHMENT = re.compile(r"(?:^|(?<=[。;\n]))\s*(?:附件|附表|附[::])")


_ATTACHMENT_WORD = re.compile(r"附件|附表|附[::]")  # what every match of _ATTACHMENT ends with


def _attachment_from(text: str) -> int:
    """Where a match of ``_ATTACHMENT`` can start at the earliest: back over the white space before
    the first 附件/附表/附: (past the end of the text when there is none). The pattern opens with a
    lookbehind, which the engine would try at every character."""
    m = _ATTACHMENT_WORD.search(text)
    if m is None:
        return len(text) + 1
    at = m.start()
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at


def _attachment_lists(text: str) -> list[tuple[int, int]]:
    """Spans of attachment lists and flattened attached tables: from `附件:`/`附:` to the first
    line of running text (a 。) or the signing date. Attached documents written out in full after
    them (a 印发 notice's plan, the cases of a 通报) keep their sections."""
    from nlp.split_head import is_signing_date

    spans = []
    for m in _ATTACHMENT.finditer(text, _attachment_from(text)):
        end = text.find("\n", m.end())
        line = text[m.end():end if end != -1 else len(text)]
        named = re.match(r"[\s::]*(\S{6,60}?)(?=\s)", line) if len(line) > 300 else None
        again = line.find(named.group(1), named.end()) if named else -1
        if again > 0:
            # text flattened onto one line: the list names the attached document, whose title
            # comes again where the document starts (after the 落款): the list ends there
            stop = m.end() + again
            _join_span(spans, m.start(), stop)
            continue
        if len(line) > 300 and "。" in line and not _MARKER.search(line, 0, line.index("。")):
            # text flattened onto one line, an attached document written out in full: its opening
            # sentence is no list (`附:…公开通报。具体如下:1.…`), the list ends at its sentence end
            stop = m.end() + line.index("。") + 1
            _join_span(spans, m.start(), stop)
            continue
        if re.fullmatch(r"\s*\d{0,2}\s*[::]?\s*", line) and end != -1:
            # `附件1` alone on its line, over the attached document's own title: the document
            # follows in full (its outline is sections), no list of attachments
            nxt = text.find("\n", end + 1)
            title = text[end + 1:nxt if nxt != -1 else len(text)].strip()
            after = text[nxt + 1:text.find("\n", nxt + 1) if text.find("\n", nxt + 1) != -1 else len(text)] if nxt != -1 else ""
            if (title and not _NUMBERED_ITEM.match(title) and not _MARKER.match(title)
                    and _MARKER.match(after.strip())):
                continue  # (its outline opens on the next line; an attached table's cells do not)
        names = {_attachment_name(line)}
        for _ in range(200):  # (bounded: hostile text may hold many 附件 and no 。)
            if end == -1:
                break
            nxt = text.find("\n", end + 1)
            line = text[end + 1:nxt if nxt != -1 else len(text)]
            if "。" in line or is_signing_date(line):
                break
            name = _attachment_name(line)
            if name and name in names:
                break  # the attachment's name again, as its title: the attached document starts here
            if _NUMBERED_ITEM.match(line):
                names.add(name)  # (an item of the list; a table's cells name nothing)
            end = nxt
        stop = end if end != -1 else len(text)
        _join_span(spans, m.start(), stop)
    return spans


def _join_span(spans: list[tuple[int, int]], start: int, stop: int) -> None:
    """Add ``(start, stop)``, merged into the last span when it starts inside it."""
    if spans and start <= spans[-1][1]:
        spans[-1] = (spans[-1][0], max(spans[-1][1], stop))
    else:
        spans.append((start, stop))


_ITEM_NUMBER = re.compile(r"^\s*(?:附件|附表|附)?\s*[::]?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})?\s*[、.．::]?\s*")


_NUMBERED_ITEM = re.compile(r"\s*(?:附件|附表)?\s*\d{1,2}\s*[、.．::]")


def _attachment_name(line: str) -> str:
    """An attachment list's item as a name to look for again (`附件:1.某某预案` -> `某某预案`)."""
    name = _ITEM_NUMBER.sub("", line, count=1).strip().strip("《》")
    return name if len(name) >= 4 else ""


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` falls in one of the sorted, disjoint ``spans``."""
    k = bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


# Decorations a web page puts before a line's marker: `▍壹、法规`
_BULLETS = " \t\u3000▍▌■□●○◆◇▶►•·★☆"


# A document with more candidate markers than this is not an outline (hostile or tabular text).
MAX_MARKERS = 5000


class _LineIndex:
    """Line start/end of any position in O(log n), so long one-line texts stay linear."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.n = len(text)

    def start_of(self, pos: int) -> int:
        return self.starts[bisect_right(self.starts, pos) - 1]

    def end_of(self, pos: int) -> int:
        k = bisect_right(self.starts, pos)
        return self.starts[k] - 1 if k < len(self.starts) else self.n


# the heading line under a `01`: short, no sentence, no number opening it
_WX_HEADING = re.compile(r"[ \t]*[\u4e00-\u9fff“「《][^。!?;\n]{1,29}[ \t]*(?:\n|$)")


# a short heading, a space, then its body run on (`完善接诊制度 根据医院情况…`)
_SPACED_RUN_IN = re.compile(r"[ \t]*[\u4e00-\u9fff“][^\s。,,;;::!?!?]{1,19}[ \t\u3000]+[\u4e00-\u9fff“(]")
# a decimal heading, a space, then its first child's marker on the same line: `1.4 工作原则 1.4.1 坚持…`
_HEADING_THEN_CHILD = re.compile(r"[ \t]*[\u4e00-\u9fff“][^\s。,,;;::!?!?]{1,19}[ \t\u3000]+"
                                 r"\d{1,2}[.．]\d{1,2}(?:[.．]\d{1,2})?[ \t]*[\u4e00-\u9fff]")


def _decimal_heading(text: str, m: re.Match, style: str, ordinal: int, expected: bool, lines) -> bool:
    """A decimal marker (`1 总则`, `1.1 编制目的`) numbers a heading: on a short line with no sentence
    in it, and in its run (`2.5万元` opening a line is a number); a bare `1` only where its `1.1`
    follows on a later line, a bare `2` in that run."""
    line = text[m.end():lines.end_of(m.start())]
    if m.start() and text[m.start() - 1] not in "\n":  # run in on a flattened line: a short heading, a space, its body
        if style == "dec3" and (ordinal == 1 or expected) and not re.match(r"\s*[0-9%‰]", line):
            return True  # `1.4 工作原则 1.4.1 坚持…。`: a third-level item run in after its parent's heading
        return (ordinal == 1 or expected) and ((_SPACED_RUN_IN.match(line) is not None and len(line.strip()) > 40)
                                               or _HEADING_THEN_CHILD.match(line) is not None)
    if style == "dec3" and (ordinal == 1 or expected) and not re.match(r"\s*[0-9%‰]", line):
        return True  # `1.4.1 坚持以人为本,…。`: the third level numbers items, sentences included
    if style != "dec1" and (ordinal == 1 or expected) and _HEADING_THEN_CHILD.match(line):
        return True  # `1.4 工作原则 1.4.1 坚持…`: its heading, then its first child run in
    if (style != "dec1" and (ordinal == 1 or expected) and len(line.strip()) > 40
            and _SPACED_RUN_IN.match(line)):
        return True  # `1.1 完善接诊制度 根据医院情况开设…。`: a heading, a space, its body on the line
    if len(line.strip()) > 30 or re.search(r"[。,,;;::!?%‰]", line):
        return False
    if style == "dec1":  # (in its run, or over its own 1.1)
        n = m.group()
        return expected or re.search(rf"\n[ \t]*{n}[.．]1(?![\d.．])", text[m.end():m.end() + 6000]) is not None
    return ordinal == 1 or expected


def _stem_run(text: str, m: re.Match) -> bool:
    """``甲、`` (or ``(甲)``) opens a run when ``乙`` numbers a later line the same way (within 3000
    characters) and no stem follows it at once (``甲、乙双方``)."""
    second = m.group().replace("甲", "乙")
    return (text[m.end():m.end() + 1] not in _STEMS
            and re.search(r"\n[ \t\u3000]*" + re.escape(second), text[m.end():m.end() + 3000]) is not None)


_NEXT_NUMERAL = re.compile(r"[一二三四五六七八九十]{1,3}、")
_DOC_NUMBER_WORD = re.compile(r"\s*字第")  # 台国(一)字第…号


# an item that opens with its date (`1、2005年…`, `2、6月2日至30日,…`): not a list of numbers
_DATE_LED = re.compile(r"[12]\d{3}年|(?:1[0-2]|0?[1-9])月(?:[0-3]?\d[日号])?")
_YEAR = re.compile(r"[12]\d{3}年")


def _find_markers(text: str) -> list[_Marker]:
    found: list[_Marker] = []
    last_of: dict[str, _Marker] = {}
    ever_of: dict[str, _Marker] = {}  # the last marker of each style, kept when a parent restarts them
    skips = _attachment_lists(text)
    chunked: set[str] = set()  # the punctuation of chunk numbers found cutting sentences (`、`)
    limit = len(text)
    lines = _LineIndex(text)
    candidates = 0
    for m in _MARKER.finditer(text):
        candidates += 1
        if candidates > MAX_MARKERS:
            break
        if _inside(skips, m.start()):
            continue
        style = m.lastgroup
        start = m.start()
        line_start = (start == 0 or text[start - 1] == "\n"
                      or text[lines.start_of(start):start].strip(_BULLETS + "。") == "")  # (`。1)检查…`: a stray stop)
        ordinal = _ordinal(style, m.group())
        if "(" in m.group() and _DOC_NUMBER_WORD.match(text, m.end(), m.end() + 4):
            continue  # 台国(一)字第1000124827号: a bracketed numeral inside a document number
        if text[max(0, start - 2):start] in ("附件", "附表"):
            continue  # `将附件1、附件2报送…`: an attachment's number, no item
        if ordinal == 0 and _DIGIT_RUN.search(m.group()):
            continue  # `00)`, `0.`: no item is numbered zero (a figure broken across lines: `(原70⏎00)`)
        if style in ("cn", "cnrun") and _NEXT_NUMERAL.match(text, m.end()) and _ordinal(
                "cn", _NEXT_NUMERAL.match(text, m.end()).group()) == ordinal + 1:
            continue  # 一、二、三产业, 二、三级医院: numerals listed in a sentence, no heading
        glued = style == "cnrun"
        first_glued = glued and ordinal == 1
        article_glued = run_glued = False
        if style == "tiao" and ordinal == 1 and not line_start and _RULES_TITLE_END.search(text, max(0, start - 2), start):
            # 某院安全生产管理制度第一条 为了…: a rule's first article glued to its title, a 第二条 to come
            head = text[lines.start_of(start):start]
            article_glued = (len(head) <= 40 and not re.search(r"[。;;::,,、]", head)
                             and re.search(r"第[ \t]?(?:二|2)[ \t]?条", text[start:start + 3000]) is not None)
        if first_glued:
            # 一、 glued to a title's genre word: the title's line holds it, and the document's first heading
            head = text[lines.start_of(start):start]
            after = text[lines.end_of(start) + 1:lines.end_of(start) + 40].lstrip()
            if (len(head) > 40 or re.search(r"[。;;::,,、]", head) or last_of.get("cn") is not None
                    or not _GENRE_BEFORE.search(text, max(0, start - 3), start)
                    or not (_MARKER.match(after) or re.search(r"(?:^|\n)[ \t]*二、", text[start:start + 6000]))):
                if last_of.get("cn") is not None or not _glued_run(text, m.end()):
                    continue  # (a title's line, and an outline under it: (一) next, or a 二、 to come)
                first_glued, run_glued = False, True  # (run into the words before it, its run confirms it)
            style = "cn"
        elif glued:
            # a 三、 glued to the text before it continues a run 一、二、 only (not 统一、, 之一、)
            prev_cn = last_of.get("cn")
            if (prev_cn is None or prev_cn.ordinal != ordinal - 1 or start - prev_cn.start > 3000
                    or text[start - 1] in "第其之统唯万逐不初反连朝暮丢落" or any(
                        mk.start > prev_cn.start and _RANK[mk.style] < _RANK["cn"] for mk in found[-3:])):
                continue
            style = "cn"
        prev = last_of.get(style)
        expected = prev is not None and prev.ordinal < ordinal <= prev.ordinal + 2
        if prev is None and style in ever_of and ever_of[style].ordinal == ordinal - 1:
            expected = True  # 1、2、 under 一、, then 3、 under 二、: a numbering that runs on across parents
        if style in ("dec1", "dec2", "dec3") and not _decimal_heading(text, m, style, ordinal, expected, lines):
            continue
        if style in ("yao", "tg", "tgp"):
            # (a flattened page keeps its paragraphs apart by spaces after a sentence end: `。 二要…`)
            para_start = line_start or (style == "yao" and _SPACED_PARAGRAPH.search(text, max(0, start - 6), start))
            if not para_start or (style != "yao" and not (expected or (ordinal == 1 and _stem_run(text, m)))):
                continue  # 甲、乙双方 is no marker: a stem opens its run at 甲, with a 乙 on a later line
        elif not line_start:
            before = text[max(0, start - 3):start]
            recent = found[-1] if found else None
            in_heading = recent is not None and 0 < start - recent.mend <= 32 and "。" not in text[recent.mend:start]
            unambiguous = ((style in ("cnp", "zhang", "bufen", "jie", "tiao") or glued) and expected) or first_glued or article_glued or run_glued
            if not (_RUN_IN_BEFORE.search(before) or in_heading or unambiguous):
                continue
            if not (ordinal == 1 or expected or (prev is None and _continues(text, m, style, ordinal))):
                continue  # (a fragment may open at `3、`, confirmed by a `4、` after it)
            after = text[m.end():m.end() + 5]
            if style in ("ar", "arp") and re.match(r"\s*\d", after) and not (
                    m.group().endswith("、") and _DATE_LED.match(after)):
                continue  # 1、3、5 is a list of numbers; 1、2005年… and 1、6月1日… are items; `2.2024年` is a number
        if (style == "ar" and line_start and m.group().endswith("、")
                and lines.end_of(start) - start >= CHUNK_LINE_MIN // 3 and _breaks_sentence(text, lines.start_of(start))):
            chunked.add(m.group().strip()[-1])
            continue  # a document-sharing page's chunk number (`2、召开 一次病人…`) cuts a sentence in two
        if style == "wx" and not (line_start and _WX_HEADING.match(text, lines.end_of(m.end()) + 1)):
            continue  # `01` is a part's number only alone on its line, a short heading line under it
        if style == "ar" and re.match(r"[\d%‰]", text[m.end():m.end() + 1] or "") and not (
                _DATE_LED.match(text, m.end()) and (m.group().endswith("、") or _YEAR.match(text, m.end()))):
            continue  # 1.5 or 2、3% are numbers, not markers (an item may open with its date: 2、6月2日至…)
        if style == "ar" and m.group()[-1] in ".．" and text[m.end():m.end() + 1].isdigit() and not (
                line_start and (expected or ordinal == 1)):
            continue  # `2.2024年6月至9月,…` is item 2 only at a line start, in its run
        mk = _Marker(style, ordinal, start, m.end(), _clean_marker(m.group()), line_start,
                     on_title=first_glued or article_glued)
        found.append(mk)
        last_of[style] = mk
        ever_of[style] = mk
        for deeper in [s for s in last_of if _RANK[s] > _RANK[style]]:
            del last_of[deeper]  # numbering below restarts under a new parent
    if chunked:  # the chunks' first number (`1、` over the first chunk) numbers no item either
        found = [mk for mk in found if not (
            mk.style == "ar" and mk.ordinal == 1 and mk.marker.strip()[-1:] in chunked
            and not any(o.style == "ar" and o.ordinal == 2 and o.start > mk.start
                        and o.marker.strip()[-1:] == mk.marker.strip()[-1:] for o in found))]
    found = _fill_gaps(text, found, lines)
    found = _keep_paragraph_runs(found, "yao")
    found = _drop_inline_lists(text, found, lines)
    wrap = wrap_width(text) if found else None
    per_line: dict[int, int] = {}
    for mk in found:
        ls = lines.start_of(mk.start)
        per_line[ls] = per_line.get(ls, 0) + 1
    for k, mk in enumerate(found):
        nxt = found[k + 1].start if k + 1 < len(found) else len(text)
        flat = per_line[lines.start_of(mk.start)] >= 3
        line_end = lines.end_of(mk.mend)
        if (wrap and nxt > line_end + 1 and line_end - lines.start_of(mk.start) >= wrap - 1
                and text[line_end - 1] not in STOPS + SEMICOLONS + COLONS + ",,"):
            # a heading line wrapped at the page's width goes on on the next line (PDF text)
            joined = text[mk.mend:line_end] + text[line_end + 1:min(nxt, limit, lines.end_of(line_end + 1))]
            mk.heading = _heading(joined, 0, len(joined), flat=flat, article=mk.style == "tiao")
        else:
            mk.heading = _heading(text, mk.mend, min(nxt, limit, line_end), flat=flat, article=mk.style == "tiao")
        mk.heading = mk.heading.rstrip(" " + _PARA_BULLETS)  # (the next paragraph's bullet, the line breaks lost)
        unclosed = _UNCLOSED_NOTE.search(mk.heading)
        if unclosed and unclosed.start() >= 2:
            mk.heading = mk.heading[:unclosed.start()]  # `灭火行动组(保卫科`: a note the line cut off
        if mk.style == "wx" and not mk.heading:  # 01 / 总体目标和要求: its heading is the next line
            mk.heading = text[line_end + 1:lines.end_of(line_end + 1)].strip()
        mk.announces = text[mk.mend:lines.end_of(mk.mend)].rstrip().endswith((":", ":"))
    _sentence_siblings(text, found, lines, per_line)
    return [mk for mk in found if mk.heading or mk.line_start]


CHUNK_LINE_MIN = 300  # a document-sharing page cuts its text into numbered chunks of 300 characters


def _breaks_sentence(text: str, line_start: int) -> bool:
    """The line before (blank lines skipped) is a long chunk that stops mid-sentence, on a Han
    character: the marker opening this line (a long chunk too) goes on with that sentence, it
    numbers no item."""
    end = line_start - 1
    while end > 0 and text[end - 1] in " \t\u3000\n":
        end -= 1
    start = text.rfind("\n", 0, end) + 1
    return end - start >= CHUNK_LINE_MIN and "\u4e00" <= text[end - 1] <= "\u9fff"


# a bracketed note a heading's line ends in before its bracket closes (the page cut it off)
_UNCLOSED_NOTE = re.compile(r"\([^()]{1,10}$")

SENTENCE_ITEM_MIN = 15  # an item whose whole first sentence is its heading is at least this long
_FIRST_SENTENCE = re.compile(r"[^。;；!！?？\n]*[?？]?")


def _first_sentence(text: str, mk: "_Marker", lines: "_LineIndex") -> str:
    """The item's first sentence on its line (to the first 。 or the line's end; a question keeps its ?)."""
    m = _FIRST_SENTENCE.match(text, mk.mend, lines.end_of(mk.mend))
    return m.group().strip() if m else ""


def _sentence_siblings(text: str, found: list["_Marker"], lines: "_LineIndex", per_line: dict[int, int]) -> None:
    """Items of one run, each on its own line, that are sentences (`五、利用上班时间从事与公务无关之行为,
    经查勤人员查获…。` among `四、严禁上班时间…喝酒。`): when every other item of the run has its whole
    first sentence as its heading, a reader takes this one's whole first sentence too, not a heading
    word the heading-end cues found inside it (时间, 对象; a note in parentheses only in a question)."""
    runs: dict[tuple[str, int], list[_Marker]] = {}
    parent_of: dict[str, int] = {}
    for k, mk in enumerate(found):
        for style in list(parent_of):
            if _RANK.get(style, 0) > _RANK.get(mk.style, 0):
                del parent_of[style]  # (a deeper run restarts under a new parent)
        if mk.style not in parent_of or mk.ordinal <= 1:
            parent_of[mk.style] = k
        runs.setdefault((mk.style, parent_of[mk.style]), []).append(mk)
    for run in runs.values():
        if len(run) < 3 or any(not mk.line_start or per_line[lines.start_of(mk.start)] > 1 for mk in run):
            continue
        whole = [_first_sentence(text, mk, lines) for mk in run]
        full = [len(w) >= SENTENCE_ITEM_MIN and without_spaces(mk.heading) == without_spaces(w).rstrip(":：")
                for mk, w in zip(run, whole)]
        cut = [i for i, f in enumerate(full) if not f]
        if len(cut) != 1:
            continue
        i = cut[0]
        head, sentence = without_spaces(run[i].heading), without_spaces(whole[i])
        if (len(sentence) >= SENTENCE_ITEM_MIN and head and sentence.startswith(head)
                and sentence[len(head):len(head) + 1] not in COLONS  # (a label before its colon is cut as written)
                and (not head.endswith(")") or sentence.endswith(("?", "？")))):
            # (a note in parentheses closing a heading is a mark a reader sees too, unless the item is a question)
            run[i].heading = whole[i]


def _drop_inline_lists(text: str, found: list[_Marker], lines: "_LineIndex") -> list[_Marker]:
    """An enumeration run inside a paragraph (`检查重点:(一)非煤矿山;(二)烟花爆竹;(三)…`) is not an
    outline: three or more markers on one line whose items are short phrases with no 。, or run-in
    items closed by semicolons."""
    by_line: dict[int, list[int]] = {}
    for k, mk in enumerate(found):
        by_line.setdefault(lines.start_of(mk.start), []).append(k)
    drop: set[int] = set()
    for ks in by_line.values():
        if len(ks) < 3:
            continue
        items = [text[found[k].mend:(found[ks[n + 1]].start if n + 1 < len(ks) else found[k].mend + 30)]
                 for n, k in enumerate(ks)]
        if all("。" not in it and len(it.strip(" ;;,,、")) <= 16 for it in items[:-1]):
            drop.update(k for k in ks if not found[k].line_start)
    for ks in by_line.values():
        # items run in after a colon and closed by semicolons (`如下:①…;②…;③…。`) are a list in
        # a sentence, whatever their length: a heading never follows a semicolon
        run = [k for k in ks if not found[k].line_start]
        if len(run) < 2 or not text[:found[run[0]].start].rstrip(" \t").endswith((":", ":")):
            continue  # (announced by a colon: flattened headings after a 。 may end with semicolons)
        items = [text[found[k].mend:found[run[n + 1]].start] for n, k in enumerate(run[:-1])]
        if sum(it.rstrip(" \t").endswith((";", ";")) for it in items) >= max(1, len(items) - 1):
            drop.update(run)
    return [mk for k, mk in enumerate(found) if k not in drop]


_LEADERS = re.compile(r"(?:[…]{2,}|[.．·…]{4,}|[-—]{4,})\s*\d{1,3}\s*$")  # `总则………4`: a contents line's page


def _without_leaders(s: str) -> str:
    """``_LEADERS.sub("", s)``: a match ends the text with a digit and white space, so a text whose
    last character (white space aside) is none is left as it is, unscanned (a flattened page's
    heading runs on for a whole paragraph)."""
    return _LEADERS.sub("", s) if s.rstrip()[-1:].isdecimal() else s


def _ends_with_leaders(s: str) -> bool:
    """``_LEADERS.search(s) is not None``, scanned only when ``s`` ends with a digit (white space aside)."""
    return s.rstrip()[-1:].isdecimal() and _LEADERS.search(s) is not None


def _drop_contents(text: str, markers: list[_Marker], lines: "_LineIndex") -> list[_Marker]:
    """A table of contents is no outline: a heading line that ends with leaders and a page number
    (`1.1 编制目的………4`), and a short heading line whose marker and heading come again further on
    (the contents, then the chapters themselves)."""
    later: dict[tuple[str, str], int] = {}
    for k, mk in enumerate(markers):
        later[(mk.marker, _without_leaders(mk.heading).strip())] = k
    listed = _contents_block(text, markers, lines)
    out = []
    for k, mk in enumerate(markers):
        line = text[lines.start_of(mk.start):lines.end_of(mk.start)]
        if (mk.line_start and _ends_with_leaders(line)) or k in listed:
            continue
        key = (mk.marker, mk.heading.strip())
        if (mk.line_start and len(key[1]) >= 2 and later.get(key, k) > k and len(line) <= 40
                and "。" not in line):
            continue
        out.append(mk)
    return out


_CONTENTS_INLINE = opening_with(r"(?<![^\s。])目[ \t\u3000]*录[ \t\u3000:]+(?=\S)", "目")  # (a lookbehind first)
_CONTENTS_ITEM = re.compile(r"[^\n。]{2,60}?[ \t\u3000](\d{1,3})(?:[ \t\u3000]|$)")


def _inline_contents(text: str, markers: list[_Marker]) -> set[int]:
    """A table of contents run into one line (a flattened page: `目录 1. 某某总结 2 2.某某计划 10 …`):
    the markers after it whose item ends with a page number, while they do (at least three)."""
    head = _CONTENTS_INLINE.search(text)
    if head is None:
        return set()
    out: set[int] = set()
    for k, mk in enumerate(markers):
        if mk.start < head.end():
            continue
        nxt = markers[k + 1].start if k + 1 < len(markers) else len(text)
        item = _CONTENTS_ITEM.match(text, mk.mend, min(nxt, mk.mend + 80))
        if item is None or (k + 1 < len(markers) and text[item.end():nxt].strip()
                            and not out) or "\n" in text[head.end():mk.start]:
            break
        out.add(k)
        if k + 1 < len(markers) and text[item.end():nxt].strip():
            break  # the last item: the body runs on after its page number
    return out if len(out) >= 3 else set()


_CONTENTS_LINE = re.compile(r"(?m)^[ \t\u3000]*[^\n。]{0,40}?(?:目[ \t\u3000]*录|提[ \t\u3000]*纲)[ \t\u3000]*[::]?[ \t\u3000]*$")  # (or 提纲:, a 范文 site's outline)


def _contents_block(text: str, markers: list[_Marker], lines: "_LineIndex") -> set[int]:
    """The markers listed under a `目录` line (`某某预案目录`, `目 录`): the short numbered lines that
    follow it, with only blank lines between them, until the first of them comes again (the body
    opens) or a line of text does."""
    head = _CONTENTS_LINE.search(text)
    if head is None:
        return _inline_contents(text, markers)
    out: set[int] = set()
    pos, first = head.end(), None
    for k, mk in enumerate(markers):
        if mk.start < head.end():
            continue
        ls, le = lines.start_of(mk.start), lines.end_of(mk.start)
        line = text[ls:le]
        if not mk.line_start or text[pos:ls].strip() or len(line.strip()) > 40 or "。" in line:
            break
        key = (mk.marker.strip(), re.sub(r"[\s…·.．0-9]+$", "", _without_leaders(mk.heading)))
        if first is None:
            first = key
        elif key == first:
            break
        out.add(k)
        pos = le
    return out if len(out) >= 3 else set()


def _drop_paragraph_runs(text: str, found: list[_Marker], lines: "_LineIndex") -> list[_Marker]:
    """In a document that lays its outline out on lines, markers run into a paragraph that opens
    with text (`…努力的方向:1.要…;要…。2.要…`) number a list inside the paragraph, not headings.
    Flattened text (few markers at line starts) keeps its run-in headings."""
    at_start = sum(mk.line_start for mk in found)
    if at_start < 3 or at_start <= len(found) - at_start:
        return found
    def opens_with_marker(mk: _Marker) -> bool:
        ls = lines.start_of(mk.start)
        return _MARKER.match(text[ls:ls + 12].lstrip(_BULLETS)) is not None
    def heads_a_run(k: int) -> bool:  # (`…特制定本方案。一、指导思想` glued, `二、` on its own line)
        nxt = next((m for m in found[k + 1:] if m.style == found[k].style), None)
        return nxt is not None and nxt.line_start and nxt.ordinal == found[k].ordinal + 1
    return [mk for k, mk in enumerate(found)
            if mk.line_start or mk.on_title or opens_with_marker(mk) or heads_a_run(k)]


def _drop_enumeration(text: str, found: list[_Marker], lines: "_LineIndex") -> list[_Marker]:
    """A paragraph that counts its items inline (`…民生实事:(1)市民中心完成工程总量90%。(2)新建…`),
    in a text with no other numbering, enumerates: the items are sentences with their figures,
    not headings (a flattened outline has several styles, or short run-in headings: kept)."""
    if len(found) < 2 or any(mk.line_start for mk in found) or len({mk.style for mk in found}) > 1:
        return found
    if found[0].style == "cn":
        return found  # (`…内容一、依…。二、…。三、…`: a notice's parts, flattened; a paragraph counts (1) or 1.)
    if len({lines.start_of(mk.start) for mk in found}) > 1:
        return found
    if _ANNOUNCED.search(text, max(0, found[0].start - 12), found[0].start):
        return found  # `现将有关事项通知如下: 1、…。 2、…。`: a flattened notice's own outline
    sentences = sum(bool(re.search(r"[0-9]", mk.heading)) or len(mk.heading) > 20 for mk in found)
    return [] if 2 * sentences > len(found) else found


# what announces a notice's own items (`通知如下:`, `要求如下:`, `通报如下。`): they are its outline,
# however long
_ANNOUNCED = re.compile(r"如下[::。]\s*$")


# A link in a site's list: the line ends with its publication date or a file's extension.
_LINK_END = re.compile(r"(?:[12]\d{3}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|"
                       r"\.(?:docx?|pdf|xlsx?|wps|html?))[\])】]?\s*$", re.I)


def _drop_link_lists(text: str, markers: list[_Marker], lines: "_LineIndex") -> list[_Marker]:
    """Numbered lines of site chrome are not sections: a link list's items (short lines that end
    with a date or a file name), and a run of three or more short numbered lines with nothing
    between them after the document's 落款 (its signing date), such as related articles."""
    from nlp.split_head import is_signing_date


    def line_of(mk: _Marker) -> str:
        return text[lines.start_of(mk.start):lines.end_of(mk.start)]

    drop = {k for k, mk in enumerate(markers)
            if mk.line_start and len(line_of(mk)) <= 80 and "。" not in line_of(mk) and _LINK_END.search(line_of(mk))}
    signed = [m.end() for m in re.finditer(r"(?m)^.*$", text) if is_signing_date(m.group())]
    if signed:
        tail = [k for k, mk in enumerate(markers) if mk.start > signed[-1] and k not in drop]
        run: list[int] = []
        for k in tail + [None]:
            mk = markers[k] if k is not None else None
            restart = mk is not None and any(markers[j].marker == mk.marker and markers[j].style == mk.style
                                             for j in run)
            ok = (mk is not None and not restart and mk.line_start and len(line_of(mk)) <= 40 and "。" not in line_of(mk)
                  and (not run or lines.start_of(mk.start) == lines.end_of(markers[run[-1]].start) + 1))
            if ok:
                run.append(k)
                continue
            one_style = len({markers[j].style for j in run}) == 1
            if len(run) >= 3 and (restart or one_style) and not any(
                    markers[j].start > signed[-1] and markers[j].style != markers[run[0]].style for j in range(run[0])):
                drop.update(run)  # (a list of links is of one style, a contents list starts over; not the
                # items under a document's heading after the date, nor a nested outline: an enclosed plan's)
            if restart:
                break  # a contents list, then the numbering starts again: the document's body from here
            run = [k] if mk is not None and mk.line_start and len(line_of(mk)) <= 40 and "。" not in line_of(mk) else []
    # a list closing the text, neither under a heading nor announced by a colon: related articles
    short = [k for k, mk in enumerate(markers) if k not in drop]
    run = []
    for k in reversed(short):
        mk = markers[k]
        nxt_start = markers[run[0]].start if run else None
        line = line_of(mk)
        if not (mk.line_start and len(line) <= 40 and "。" not in line):
            break
        if nxt_start is not None and (lines.start_of(nxt_start) != lines.end_of(mk.start) + 1
                                      or mk.style != markers[run[0]].style or mk.ordinal != markers[run[0]].ordinal - 1):
            break
        run.insert(0, k)
    if run and len(run) >= 3 and markers[run[0]].ordinal == 1:
        first = markers[run[0]]
        after = text[lines.end_of(markers[run[-1]].start):]
        prev_line = text[:lines.start_of(first.start)].rstrip().rpartition("\n")[2].strip()  # (blank lines skipped)
        prev_mark = _MARKER.match(prev_line.lstrip(_BULLETS))
        # a short numbered line above is the list's heading, unless it is of the list's own style
        # (`1.组长:…` then `1.…2.…3.…`: the numbering restarts, so the list is not its child)
        # (one that runs on past a comma, `二、坚持稳中求进,医药`, is a paragraph cut off by the page's
        # end, not a heading over a list)
        heading_above = (prev_mark is not None and "。" not in prev_line and len(prev_line) <= 40
                         and prev_mark.lastgroup != first.style and not re.search(r"[,,;;]", prev_line))
        if "。" not in after and len(after) <= 200 and prev_line and not prev_line.endswith((":", ":")) and not heading_above:
            drop.update(run)
    return [mk for k, mk in enumerate(markers) if k not in drop]


def _drop_table_rows(text: str, markers: list[_Marker]) -> list[_Marker]:
    """Numbers in a flattened table (a 行事历's cells: `1.… 2.…` restarting in every row, with no
    heading above them) are not an outline: a top-level style that restarts at 1 three times
    after cell lines."""
    restarts: dict[str, int] = {}
    for k, mk in enumerate(markers):
        if k and mk.level == 1 and mk.ordinal == 1 and _cells(text[markers[k - 1].mend:mk.start]) >= 2:
            restarts[mk.style] = restarts.get(mk.style, 0) + 1
    table = {st for st, n in restarts.items() if n >= 3}
    return [mk for mk in markers if mk.style not in table]


def _cells(span: str) -> int:
    """Lines of a flattened table's cells: one to four characters (`二月`, `部署月`)."""
    return sum(1 for line in span.split("\n")[1:-1] if 0 < len(line.strip()) <= 4 and "。" not in line)


_GENRE_BEFORE = re.compile(rf"(?:{GLUED_TITLE_GENRES}|{GLUED_TITLE_TABLES})$")
_RUN_ON = re.compile(r"(?<=[。;;!?!?::])[ \t\u3000]*([二三])、(?=[\u4e00-\u9fff“])")


def _glued_run(text: str, end: int) -> bool:
    """A 一、 run into the words before it (`…内 容一、依…`, `…本文编辑:总编辑一、不准…;二、…`, a page
    flattened onto one line) opens an outline when a 二、 and then a 三、 follow it, each after a
    sentence's or a clause's end, before any other 一、."""
    want = 2
    for m in _RUN_ON.finditer(text, end, end + 3000):
        if "一、" in text[end:m.start()] and want == 2:
            return False
        if _ordinal("cn", m.group(1) + "、") != want:
            continue
        if want == 3:
            return True
        want = 3
    return False


def _continues(text: str, m: re.Match, style: str, ordinal: int) -> bool:
    """A run-in marker after a sentence end is followed, further on, by the next ordinal of its
    style after a sentence end (`。3、…。4、…`)."""
    if style not in ("cn", "ar") or not text[max(0, m.start() - 1):m.start()] == "。":
        return False
    nxt = _MARKER.search(text, m.end(), m.end() + 3000)
    while nxt is not None:
        if nxt.lastgroup == style and _ordinal(style, nxt.group()) == ordinal + 1:
            return text[max(0, nxt.start() - 1):nxt.start()] in ("。", "\n")
        nxt = _MARKER.search(text, nxt.end(), m.end() + 3000)
    return False


# (not a page that spaces every mark, ` 。 一是`: there the marks stand inside one paragraph)
_SPACED_PARAGRAPH = re.compile(r"(?<![ \u3000])[。!?!?”::][ \u3000]+$")  # (or after the colon that announces the list: `要求如下: 一要…`)


def _fill_gaps(text: str, found: list[_Marker], lines: "_LineIndex") -> list[_Marker]:
    """`3.` and `5.` run in (a page flattened onto one line) with no `4.` between them: a `4.` run
    into the words before it (a paragraph that did not end with a stop: `…予以收缴4.诸暨市…`) is
    that item, the only one of its form between its neighbours."""
    added: list[_Marker] = []
    for k, a in enumerate(found):
        if a.style not in ("ar", "arp"):
            continue
        b = next((mk for mk in found[k + 1:] if _RANK[mk.style] <= _RANK[a.style]), None)
        if b is None or b.style != a.style or b.ordinal != a.ordinal + 2 or a.line_start or b.line_start:
            continue
        n = a.ordinal + 1
        marker = a.marker.replace(str(a.ordinal), str(n), 1)
        hits = list(re.finditer(rf"(?<![\d.．(（]){re.escape(marker)}(?=[\u4e00-\u9fff“《])", text[a.mend:b.start]))
        if len(hits) != 1:
            continue
        start = a.mend + hits[0].start()
        if text[lines.start_of(start):start].strip(_BULLETS) == "":
            continue  # (at a line's start the marker was weighed already, and left out)
        added.append(_Marker(a.style, n, start, a.mend + hits[0].end(), marker, False))
    return sorted(found + added, key=lambda mk: mk.start) if added else found


def _clean_marker(s: str) -> str:
    return s.replace("．", ".").replace(" ", "")


def _keep_paragraph_runs(found: list[_Marker], style: str) -> list[_Marker]:
    """Paragraph-initial 一要/一是 count only in runs of consecutive ordinals (一要, 二要, ...)."""
    keep = [True] * len(found)
    idx = [k for k, mk in enumerate(found) if mk.style == style]
    for n, k in enumerate(idx):
        mk = found[k]
        nxt = found[idx[n + 1]] if n + 1 < len(idx) else None
        prv = idx[n - 1] if n > 0 else None
        ok = (nxt is not None and nxt.ordinal == mk.ordinal + 1 and mk.ordinal == 1) or (
            prv is not None and found[prv].ordinal == mk.ordinal - 1 and keep[prv])
        keep[k] = ok
    return [mk for k, mk in enumerate(found) if keep[k]]


_MID_BULLET = re.compile(f"[{_PARA_BULLETS}]")


def _heading(text: str, start: int, end: int, *, flat: bool = False, article: bool = False) -> str:
    """The heading a reader sees after a marker (up to ``end``: the next marker or the line end):
    to the first 。 or line end, or where the body visibly starts in flattened text. An article
    (第二条) has no heading of its own: its first sentence, to the 。, is what a reader sees."""
    while start < end and text[start] in " \t":
        start += 1
    end = min(end, start + 400)
    if article:
        stop = text.find("。", start, end)
        return text[start:stop if stop >= 0 else end].strip()
    if start == end and text.startswith("\n", end):
        # a marker alone on its line (`一、⏎发展环境`, as a PDF or a page's table sets it): the heading
        # is the next line when that line is short and no sentence
        nl = text.find("\n", end + 1)
        line = text[end + 1:nl if nl >= 0 else len(text)].strip()
        if 2 <= len(line) <= 30 and not re.search(r"[。;;!！,,]", line) and not _LINE_MARKER.match(line):
            return line.rstrip(":: ")
        first = re.match(r"([^。;;!！,,::\n]{2,30})。", line)
        if first and not _LINE_MARKER.match(line):
            return first.group(1)  # (or the heading run into its paragraph: `(一)⏎成立推进委员会。依托…`)
    bullet = _MID_BULLET.search(text, start + 1, end)
    if bullet:
        end = bullet.start()  # (the next paragraph's bullet, its line break lost: `受赠财物处理程序•公务员…`)
    piece = text[start:end]  # (a slice: nothing before the heading's first character is looked at)
    stop = _HEADING_STOP.search(piece)  # (. for 。)
    cand = piece[:stop.start()] if stop else piece
    if (stop is None and not flat and 4 <= len(cand.strip()) <= 40 and re.search(r"[,,]", cand) and text.startswith("\n", end)
            and _LINE_MARKER.match(text, end + 1 + len(text[end + 1:end + 8]) - len(text[end + 1:end + 8].lstrip()))):
        # a whole line of two phrases with no sentence end, the next line an item of its own
        # (`二、明确目标体系,全面实施…工程` over `(一)…`): the line is the heading a reader sees (but
        # `一、活动时间2024年5月10日` is a label run into its value)
        return _ATTRIBUTES.sub("", cand).strip().rstrip(":: ")
    if (stop is None and 4 <= len(cand.strip()) <= 40 and re.search(r"[,,]", cand)
            and end < len(text) and text[end] != "\n" and "\n" not in cand
            and _LINE_MARKER.match(text, end) and not _HEADING_COLON.search(cand)):
        # two phrases run into the next item's marker with no sentence end (a flattened page:
        # `一、加强思想教育,着力解决…的问题1.提高政治站位。`): all of them are the heading
        return _ATTRIBUTES.sub("", cand).strip()
    colon = _HEADING_COLON.search(cand, 0, 21)  # (not a clock's: 下午4:00)
    if colon and stop is None and colon.start() <= 8 and _FIELD_VALUE.match(cand[colon.end():]):
        return cand.strip()  # a field and its value on a line (`联系电话:0000-1234567`): the whole line
    if (colon and stop is None and not flat and text.startswith("\n", end) and "\n" not in cand
            and 2 <= colon.start() <= 8 and len(cand) - colon.end() <= 20
            and not re.search(r"[,,、。;;]", cand)):
        # a heading line with a subtitle after its colon (`阶段定位:从“开局筑基”到“冲刺攻坚”`), no
        # sentence in it, its body on the next line: a reader sees the whole line
        return _ATTRIBUTES.sub("", cand).strip()
    if (colon and len(cand) - colon.end() >= 6 and (colon.start() >= 4 or _short_label(cand[:colon.start()]))
            and not _SENTENCE_BEFORE_COLON.search(cand, 0, colon.start())):
        # a run-in label heading: `竞赛加分:获省级一等奖加十分…` -> 竞赛加分, `定时间:一般每周二…` -> 定时间
        return cand[:colon.start()].strip()
    if _CONDITION.search(cand) and "\n" not in cand:
        # an item of a list of conditions (`有下列情形之一的: (一)未按规定…的;`) is one clause: a
        # reader takes all of it as the item, notes and commas included
        return cand.strip()
    par = _RUN_ON_PAREN.match(cand)
    if par and (_UNIT_NOTE.search(par.group(1)) or _WEEKDAY_NOTE.search(par.group(1))
                or _DATE_NOTE.search(par.group(1)) or _INSIDE_NOTE.search(par.group(1)) or _abbreviation_note(par.group(1))
                or _RUNS_ON.match(cand, par.end(1)) or cand.startswith("请")):
        # 各县(市、区)教育局要…, 全镇村(社区)干部: the note is inside a unit's name; 于27日(周五)下午…:
        # a weekday after a day is inside the sentence
        par = None
    if par:
        # a note in parentheses closes the heading and the body runs on after it:
        # `意外伤害(如跌伤、扭伤等)对受伤学生进行初步处理`, `张三(副校长)2019年以来…`
        cut = _cut_flattened(cand) if len(cand) > 40 or flat else cand  # (unless a heading word ends it before)
        return (cut if len(cut) < len(par.group(1)) else par.group(1)).strip()
    if len(cand) > 40 or flat:
        cut = _cut_flattened(cand)
        cand = cut if cut != cand else _cue_cut(cand)
    else:
        opener = _BODY_OPENER.search(cand, 4, 40)
        if opener and re.search(r"[,,::]", cand[opener.end():]):
            # a short item run into its body that opens as only a body does (`存在的问题从督查情况来看,
            # 存在的问题主要有:…`), its page flattened though no run of items shows it
            cand = cand[:opener.start()]
        else:
            cand = _cue_cut(cand)
    dated = _DATED_HEAD_END.search(cand, 0, 30)
    if dated and dated.start() >= 2:
        cand = cand[:dated.end()]  # `实施时间、范围2024年5月起,在全县…`: a date starts the body
    repeated = _REPEATED_HEAD.match(cand)
    if repeated:
        cand = repeated.group(1)  # `首轮竞聘首轮竞聘按以下…`: the body opens by repeating its heading
    quoted = _QUOTED_BODY.search(cand, 0, 14)
    if quoted and quoted.end() >= 4 and "“" not in cand[:quoted.end()]:
        cand = cand[:quoted.end()]  # `活动方式“主题党日”一般以…`: a heading word, then the body opens on a quote
    return _ATTRIBUTES.sub("", cand).strip().rstrip(":: ")


# a heading word right before an opening quote: the body starts at the quote (a heading line joined to its body)
_QUOTED_BODY = re.compile(rf"(?:{_HEAD_END_RE.pattern})(?=“)")
# a heading run into a body that opens with the heading's own words again
_REPEATED_HEAD = re.compile(r"([\u4e00-\u9fff]{3,12})\1(?=[\u4e00-\u9fff“])")


# words before a colon that make it a sentence's, not a label's (`行署工作的指导思想是:高举…`, `主要做法有:`)
_SENTENCE_BEFORE_COLON = re.compile(r"的[^::]{1,12}(?:是|为|有)$")


def _short_label(label: str) -> bool:
    """A label of two or three characters before a colon (`定时间:`, `原则:`) heads its item as a
    longer one does; a post before the colon (`组 长:全面负责…`, a group's member list) is no
    heading of its own: the line is the item (``roles.tsv``)."""
    from nlp.extract.parties_lexicon import role_words

    word = re.sub(r"\s+", "", label)
    return 2 <= len(word) <= 3 and bool(re.fullmatch(r"[\u4e00-\u9fff]+", word)) and word not in role_words()


# where a heading ends: a sentence's end, or a page's . for 。 between Chinese characters (the dot
# is read first, then what is behind it: no lookbehind tried at every character)
_HEADING_STOP = re.compile(r"[。;;!！]|\.(?<=[\u4e00-\u9fff]\.)(?=[\u4e00-\u9fff])")
_HEADING_COLON = re.compile(r"(?<![0-9] )(?<![0-9])[::](?!\s?[0-9]{2})")


# a Markdown converter's attributes after a heading (`总 则{align="center"}`, `{.unnumbered}`)
_ATTRIBUTES = re.compile(r"\s*\{(?:[.#][\w-]+|\w+=\S*?)(?:\s+(?:[.#][\w-]+|\w+=\S*?))*\}\s*$")


# a line that opens with an outline marker of its own
_LINE_MARKER = re.compile(r"(?:[一二三四五六七八九十]+[、.．]|[((][一二三四五六七八九十\d]+[))]|\d+[、.．]|第[一二三四五六七八九十]+[章节条部分])")


# a field's value, not a body: a number, an address or a time, Latin letters (an e-mail)
_FIELD_VALUE = re.compile(r"^\s*(?:[\dA-Za-z][\w.@\-]*|[^。\d]{2,12}?[市县区省镇路街号][^。]*?\d|[^。\d]{0,6}\d{1,2}[::]\d{2})")


# A heading with no comma, its parenthesised note (two characters or more, so not `机关(构)`),
# and text running on with no mark between.
_RUN_ON_PAREN = re.compile(r"([^(),,。::;;《]{2,24}\([^()]{2,24}\))(?=[\u4e00-\u9fff\d“])")


# a note that names what is before it for the rest of the text (`某县政府(以下简称本府)为…`): a
# sentence goes on
_INSIDE_NOTE = re.compile(r"\((?:以下|下文)?简称[^()]*\)$")


def _abbreviation_note(piece: str) -> bool:
    """`医院管理局(医管局)`: the note in parentheses is the short form of the name before it (its
    characters, in order, among the last twelve), no note closing a heading."""
    m = re.search(r"([^()]{2,12})\(([\u4e00-\u9fff]{2,6})\)$", piece)
    if not m:
        return False
    rest = iter(m.group(1))
    return all(ch in rest for ch in m.group(2))


# what a sentence goes on with after a note (`本(115)年`, `异常(发热)时,`, `各单位(机关)之任务`,
# `各系(分院)及有关部门要…`), or the subject's 要/应 (`各部门(系部)于9月30日前要对…`)
_RUNS_ON = re.compile(r"[年月日时之及和与的或等从自并]|[^,,。;;:：]{0,14}?(?<![主重需纲摘提概必只总次])(?:要|应当?|须|必须)(?![求急])")


# a clause that ends in 的 (and nothing after it but the line's end)
_CONDITION = re.compile(r"[^\s的]的\s*$")


# a note after a day (`1月28日(除夕)早7时至…`): the date and its note are inside a sentence
_DATE_NOTE = re.compile(r"\d日\([^()]+\)$")


_WEEKDAY_NOTE = re.compile(r"\((?:星期|周|週|礼拜)[一二三四五六日天]\)$")


# a parenthesised note of unit words only (`(市、区)`, `(社区)`, `(镇、街道)`) belongs to the name before it
_UNIT_NOTE = re.compile(r"\((?:自治[县州旗区]|[市县区旗镇乡街道社区村场处室科局委办所站队组州地盟师、]|单位|部门)+\)$")


# a subject then 要/必须 and a verb: the item is a sentence, its heading runs to the first 。
_OBLIGED = re.compile(r"^[\u4e00-\u9fff]{2,10}?(?<![主重需纲摘提概必只总次])(?:要|必须)(?=加强|做好|建立|落实|切实|认真|严格|进一步|强化|抓好|坚持|按照|积极|及时|全面|把|对|在|将|会同|牵头)")


_OPENS_SENTENCE = frozenset({"依据", "要求"})  # a heading word that also opens a sentence (依据本县…, 要求各地…)


_BODY_OPENER = re.compile(r"一是(?=[\u4e00-\u9fff“])|(?:上|下)半年(?=[,,])|今年以来|近年来|年初以来"
                          r"|[一二三四五六七八九十两几多数]+年来(?=[,,])"  # `取得的主要成效十年来,通过…`
                          r"|从[\u4e00-\u9fff]{2,10}(?:来看|看)(?=[,,])"  # `存在的问题从督查情况来看,…`
                          r"|自[^,,。;;\s]{2,16}以来(?=[,,])")  # `工作开展情况自4月7日大整治启动以来,…`


def _cut_flattened(cand: str) -> str:
    # a space ends the heading: `基本情况 全系统有33个…`
    sp = re.search(r"(?<=[\u4e00-\u9fff”)])\s+(?=[\u4e00-\u9fff“(《]|[12]\d{3}年)", cand[:40])  # (`编制依据 《某法》…`)
    if sp and sp.start() >= 2:
        return cand[:sp.start()]
    # the body opens with its first point or its time: `压实安全生产责任一是健全…`,
    # `全市安全生产形势上半年,全市发生…`
    opener = _BODY_OPENER.search(cand, 4, 40)
    if opener:
        return cand[:opener.start()]
    # a dated stage in parentheses ends it: `动员学习阶段(6月中旬至6月下旬)主要任务是:`
    par = re.search(r"\(([^()]{2,24})\)", cand[:40])
    if par and _DATEISH.search(par.group(1)) and par.end() < len(cand) and par.start() <= 20:
        return cand[:par.end()]
    # a heading noun followed by the body: `总体要求以邓小平理论…`, `委派岗位设置乡镇卫生院…`;
    # not inside a sentence that a subject and its 要/必须 open (`某室要加强对重点工作的…`)
    bounds = None
    for m in _HEAD_END_RE.finditer(cand[:22]):
        nxt = cand[m.end():m.end() + 1]
        if _OBLIGED.search(cand[:m.start()]):
            break
        if m.start() == 0 and m.group() in _OPENS_SENTENCE and not nxt.isspace():
            break  # 一、依据本县消防局…函办理, 要求各地…: a sentence opens with it; the item is that sentence
        if m.end() >= 2 and nxt and _BODY_START.match(nxt) and nxt not in "的和与及、是":
            bounds = bounds or _token_bounds(cand[:40])
            if m.start() in bounds and m.end() in bounds:
                return cand[:m.end()]
    return cand


# The heading-end cue: where a heading line runs straight into its body with no mark between
# (`活动时间2024年4月2日`, `学生中暑立即将…`), a linear model over the characters around each
# position, trained on the real dev gold (scripts/train_heading_end.py; weights in
# nlp/data/heading_end.tsv). It cuts at the best-scoring position when that score is positive.
HEADING_END_MAX = 30  # a heading cut by the cue is at most this long


def _char_kind(c: str) -> str:
    if not c:
        return "end"
    if c.isdigit():
        return "digit"
    if "\u4e00" <= c <= "\u9fff":
        return "cjk"
    if c in "“”\"'‘’《》「」":
        return "quote"
    if c in "()（）":
        return "paren"
    return "punct" if not c.isalnum() else "latin"


def heading_end_features(cand: str, i: int, bounds: set[int] | None = None) -> dict[str, str]:
    """The features of a heading ending between ``cand[i-1]`` and ``cand[i]`` (``bounds``: the
    word boundaries of ``cand``)."""
    word = str(bounds is None or i in bounds)
    head, *rest = _position_values(cand, i)
    return {"W": word, "H": head + word, **dict(zip(_REST_KEYS, rest))}


_REST_KEYS = ("L1", "L2", "L3", "R1", "R2", "LR", "Lk", "Rk", "LkRk", "P", "N", "open")


def _position_values(cand: str, i: int) -> tuple[str, ...]:
    """The values of the features other than the word boundary (``W``, the suffix of ``H``), in
    the order of ``heading_end_features``: ``H``'s head-word part, then ``_REST_KEYS``."""
    # the few characters each side of i, and counts up to i: no copy of the line either side
    n = len(cand)
    k = i if 0 <= i <= n else min(n, max(0, n + i) if i < 0 else n)  # where cand[:i] ends, as slices read i
    l5 = cand[max(0, k - 5):k]
    l1, r1 = l5[-1:], cand[k:k + 1]
    head_word = _HEAD_END_RE.search(l5 + "\0")
    lk, rk = _char_kind(l1), _char_kind(r1)
    return (str(bool(head_word) and head_word.end() == len(l5)),
            l1, l5[-2:], l5[-3:], r1, cand[k:k + 2], l1 + r1, lk, rk, lk + rk,
            str(min(i, 24) // 3), str(min(n - k, 40) // 8),
            str(cand.count("(", 0, k) + cand.count("“", 0, k) - cand.count(")", 0, k) - cand.count("”", 0, k) > 0))


@cache
def _heading_end_weights() -> tuple[dict[str, float], float]:
    from importlib.resources import files

    text = files("nlp").joinpath("data", "heading_end.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not rows or rows[0] != ["feature", "weight"]:
        raise ValueError("heading_end.tsv: the first row must be the header 'feature<TAB>weight'")
    weights = {f: float(w) for f, w in rows[1:]}
    return weights, weights.pop("__bias__", 0.0)


def _position_weights(cand: str, tables: Sequence[dict[str, float]]) -> list[tuple[int, str, list[float]]]:
    """``(i, head, ws)`` for each ``i`` of ``heading_end_positions(cand)``: ``head`` the head-word part
    of ``H`` and ``ws`` each table's weight of the value of its feature of ``_REST_KEYS`` (or 0.0),
    as ``_position_values(cand, i)`` gives the values, read in one pass: each character's kind
    once, the brackets and quotes left open counted as ``i`` goes, not recounted per position."""
    t_l1, t_l2, t_l3, t_r1, t_r2, t_lr, t_lk, t_rk, t_lkrk, t_p, t_n, t_open = tables
    n = len(cand)
    kinds = [_char_kind(c) for c in cand[:HEADING_END_MAX + 1]]
    head_end = _HEAD_END_RE.search
    opened, counted = 0, 0  # ( and “ opened less ) and ” closed in cand[:counted]
    out = []
    for i in heading_end_positions(cand):  # (1 <= i < n: cand[i - 1] and cand[i] are characters)
        for c in cand[counted:i]:
            opened += (c == "(") + (c == "“") - (c == ")") - (c == "”")
        counted = i
        l5 = cand[max(0, i - 5):i]
        head_word = head_end(l5 + "\0")
        l1, r1, lk, rk = cand[i - 1], cand[i], kinds[i - 1], kinds[i]
        out.append((i, str(head_word is not None and head_word.end() == len(l5)),
                    [t_l1.get(l1, 0.0), t_l2.get(l5[-2:], 0.0), t_l3.get(l5[-3:], 0.0), t_r1.get(r1, 0.0),
                     t_r2.get(cand[i:i + 2], 0.0), t_lr.get(l1 + r1, 0.0), t_lk.get(lk, 0.0), t_rk.get(rk, 0.0),
                     t_lkrk.get(lk + rk, 0.0), t_p.get(_THIRDS[min(i, 24)], 0.0),
                     t_n.get(_EIGHTHS[min(n - i, 40)], 0.0), t_open.get(str(opened > 0), 0.0)]))
    return out


_THIRDS = tuple(str(k // 3) for k in range(25))  # P's values: str(min(i, 24) // 3)
_EIGHTHS = tuple(str(k // 8) for k in range(41))  # N's values: str(min(n - i, 40) // 8)


def heading_end_positions(cand: str) -> Iterator[int]:
    """The positions where the cue may end a heading: never inside a parenthesis or quotation, nor
    before a conjunction, comma or parenthesis that carries the heading on (`委派形式及管理`,
    `完善机制(7月—9月)`)."""
    depth = 0
    for i in range(1, min(len(cand), HEADING_END_MAX + 1)):
        c = cand[i - 1]
        depth += (c in "(“《") - (c in ")”》")
        if i >= 4 and depth <= 0 and cand[i] not in _NEVER_BEFORE_END:
            yield i


_NEVER_BEFORE_END = "及和与、的之,,(“》)”"


def _cue_cut(cand: str) -> str:
    """``cand`` cut where the heading-end cue places the heading's end, or unchanged."""
    if len(cand) < 6:
        return cand
    w_word, w_head, rest_tables, most, bias = _cue_tables()
    # The word bounds (jieba) only decide W and H: a position whose score cannot be positive
    # whichever way they fall is never the cut, and the tokenizer runs only when one can be.
    scored = []
    for i, head, ws in _position_weights(cand, rest_tables):
        bound = bias + sum(ws) + most[head]
        if bound > -1e-9:  # float sums in another order differ far less than this
            scored.append((i, head, ws))
    if not scored:
        return cand
    bounds = _token_bounds(cand[:HEADING_END_MAX + 10])
    best, at = 0.0, None
    for i, head, ws in scored:
        word = str(i in bounds)
        score = 0.0 + w_word.get(word, 0.0) + w_head.get(head + word, 0.0)  # the sum's order of the training script
        for w in ws:
            score += w
        score = bias + score
        if score > best:
            best, at = score, i
    return cand[:at] if at is not None else cand


@cache
def _cue_tables() -> tuple[dict[str, float], dict[str, float], tuple[dict[str, float], ...], dict[str, float], float]:
    """``W``'s and ``H``'s tables, the other features' tables in ``_REST_KEYS`` order, the most ``W``
    and ``H`` can add for each value of ``H``'s head-word part, and the bias."""
    table, bias = _heading_end_table()
    w_word, w_head = table.get("W", {}), table.get("H", {})
    most = {head: max(w_word.get(str(b), 0.0) + w_head.get(head + str(b), 0.0) for b in (True, False))
            for head in ("True", "False")}
    return w_word, w_head, tuple(table.get(k, {}) for k in _REST_KEYS), most, bias


@cache
def _heading_end_table() -> tuple[dict[str, dict[str, float]], float]:
    """The weights by feature name and value (``H=TrueFalse`` -> ``table["H"]["TrueFalse"]``)."""
    weights, bias = _heading_end_weights()
    table: dict[str, dict[str, float]] = {}
    for f, w in weights.items():
        k, _, v = f.partition("=")
        table.setdefault(k, {})[v] = w
    return table, bias


def _token_bounds(s: str) -> set[int]:
    """Word boundaries (jieba, its default dictionary) in s, so `思想观念` is not cut after `思想`."""
    from nlp.tokenize import plain_tokenizer

    pos, out = 0, {0}
    for w in plain_tokenizer().cut(s, HMM=False):
        pos += len(w)
        out.add(pos)
    return out


_PART_STYLES = ("zhang", "bufen", "jie")  # parts that may wrap a whole document


def _outer_style(markers: list[_Marker]) -> str | None:
    """The style of a compilation's parts when it is one usually ranked lower: `1.张三(副校长)`
    heading each person's report, each with its own `一、二、…` run. Seen as: the document opens
    with it, it goes on (2.) after a run of a higher-ranked style, and that run starts again at 1."""
    k = 0
    while k < len(markers) and markers[k].style in _PART_STYLES:
        k += 1  # (under a 第一部分 / 第一章 wrapping the whole compilation)
    if k >= len(markers):
        return None
    first = markers[k].style
    inner = None
    seen_next = False
    for mk in markers[k + 1:]:
        if mk.style == first and mk.ordinal == 2 and inner is not None:
            seen_next = True
        elif inner is None and _RANK[mk.style] < _RANK[first]:
            inner = mk.style
        elif seen_next and mk.style == inner and mk.ordinal == 1:
            return first
    return None


def _assign_levels(markers: list[_Marker]) -> None:
    rank = dict(_RANK)
    first = {}
    for k, mk in enumerate(markers):
        first.setdefault(mk.style, k)
    if first.get("bufen", len(markers)) < first.get("zhang", -1):
        rank["bufen"], rank["zhang"] = rank["zhang"], rank["bufen"]  # 第一部分 wrapping 第一章…
    outer = _outer_style(markers)
    if outer:
        # first of all, or just under the parts that wrap the compilation
        wrap = next((k for k, mk in enumerate(markers) if mk.style not in _PART_STYLES), 0)
        rank[outer] = max((rank[mk.style] for mk in markers[:wrap]), default=-1.5) + 0.5
    present = sorted({mk.style for mk in markers}, key=rank.get)
    stack: list[_Marker] = []
    prev: _Marker | None = None
    for mk in markers:
        same = [i for i in range(len(stack) - 1, -1, -1) if stack[i].style == mk.style]
        # the run it continues: the innermost open one whose next ordinal it is, else the innermost
        pos = next((i for i in same if stack[i].ordinal == mk.ordinal - 1), same[0] if same else None)
        if (pos is not None and prev is stack[pos] and mk.ordinal == 1 and mk.style not in ("yao", "stage")
                and (prev.ordinal == 1 or prev.announces)):
            # a run restarting right under an item of its own style (`1.…` then `1.…2.…`, or under
            # `2.处理程序:`) is that item's list: numbering is never restarted after one item
            mk.level = prev.level + 1
            stack.append(mk)
            prev = mk
            continue
        prev = mk
        if pos is None and mk.style == "stage" and mk.ordinal > 1:
            # 第三阶段 continuing (一)(二) stages is their sibling
            pos = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].ordinal == mk.ordinal - 1), None)
        if outer and mk.style == outer:
            # in a compilation, `2.` continues the part numbered 1.; `1.` under a part's `二.` starts
            # a deeper run
            cont = next((i for i in range(len(stack) - 1, -1, -1)
                         if stack[i].style == outer and stack[i].ordinal == mk.ordinal - 1), None)
            pos = cont if cont is not None else (None if mk.ordinal == 1 and stack else pos)
        if pos is not None:
            mk.level = stack[pos].level
            del stack[pos:]
        else:
            while (stack and rank[stack[-1].style] >= rank[mk.style] and stack[-1].style != "stage"
                   and not (outer and mk.style == outer and mk.ordinal == 1)):
                stack.pop()
            if stack:
                mk.level = stack[-1].level + 1
            else:
                mk.level = 1 + sum(1 for s in present if rank[s] < rank[mk.style] and s not in ("stage", "yao", "tiao"))
        stack.append(mk)


def _sections(text: str, markers: list[_Marker]) -> list[Section]:
    out: list[Section] = []
    parents: list[tuple[int, str]] = []
    for k, mk in enumerate(markers):
        end = len(text)
        for j in range(k + 1, len(markers)):
            if markers[j].level <= mk.level:
                end = markers[j].start
                break
        while parents and parents[-1][0] >= mk.level:
            parents.pop()
        sid = f"s{k + 1}"
        out.append(Section(sid, parents[-1][1] if parents else None, mk.level, mk.marker, mk.heading,
                           mk.start, _trim_end(text, mk.start, end)))
        parents.append((mk.level, sid))
    return out


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \n\t":
        end -= 1
    return end


# Unnumbered documents (news items): paragraphs led by a short run-in heading sentence.
# `加强组织领导,压实主体责任。强化…`, `东禾热电公司车辆管理中心主任孙某某公车私用问题。2023年…`: a short
# first sentence (one comma at most) leading a longer paragraph; not an opening like 现将…如下。
_DASH_BULLETS = ("-", "—", "–", "－", "─")  # a dash opening a paragraph bullets a list item
_RUN_IN_HEAD = re.compile(r"^(?![为根按经现据近今兹特本0-9])([^。\n,:;]{2,28}(?:,[^。\n,:;]{2,14})?)。(?=[^\n]{20,})", re.M)


# ... or by a short heading on a line of its own, followed by its paragraph:
# `聚焦关键环节\n据介绍,此次集中整治覆盖…`
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_OWN_LINE_HEAD = re.compile(r"(?<=\n)([^\n。,,::;;!?!?“”()]{4,16})\n(?:[ \t]*\n)?(?=[^\n]{40,})")


# A run-in heading names a task or a case (`加强组织领导,压实主体责任。`, `…公车私用问题。`); a sentence
# that states or greets (`节日期间仍是问题高发期。`, `会议数量有了限制。`, `大家早安。`) is text.
_STATEMENT = re.compile(r"[是了很较仍吗呢吧啊之]|大家|我们|你们|表示|指出|认为|介绍|透露"  # (and reported speech)
                        # and a report's narration: who chaired, where it came from, what followed
                        r"|主持|源于|针对|这起|此次|随后|首先|从[一二三四五六七八九十几多]个方面")


def _opens_paragraph(text: str, at: int) -> bool:
    """The line at ``at`` opens a paragraph: the line above closes a sentence or a heading (or is
    blank or short); a line of text wrapped at a fixed width (a PDF page) goes on from it."""
    prev = text[:at].rstrip("\n").rpartition("\n")[2].strip() if at else ""
    return len(prev) < 20 or prev.endswith(tuple(STOPS + SEMICOLONS + COLONS + "”)】"))


# a page's break in its text: an advert's label, a prompt to read on
_PAGE_BREAK = re.compile(r"广告|往下阅读|继续阅读|阅读全文|展开全文|点击查看|下一页")


def _unnumbered(text: str) -> list[Section]:
    skips = _attachment_lists(text)
    heads = [(m.start(), m.group(1)) for m in _OWN_LINE_HEAD.finditer(text)
             if not _inside(skips, m.start()) and not _MARKER.match(m.group(1))
             and len(_CJK_CHAR.findall(m.group(1))) * 2 >= len(m.group(1).strip())  # (not `VIK02112 scaled`)
             and not _PAGE_BREAK.search(m.group(1))]  # (not a page's `广告 更多内容请继续往下阅读`)
    if len(heads) < 2:
        heads = [(m.start(), m.group(1)) for m in _RUN_IN_HEAD.finditer(text)
                 if not _STATEMENT.search(m.group(1)) and _opens_paragraph(text, m.start())
                 and not m.group(1).startswith(("“", '"', "「"))  # (a quotation opens the paragraph)
                 and not m.group(1).lstrip().startswith(_DASH_BULLETS)]  # (`--实现…。`: a list's bullet, no heading)
    if len(heads) < 2:
        return []
    out = []
    for k, (start, heading) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else len(text)
        out.append(Section(f"s{k + 1}", None, 1, "", heading.strip(), start, _trim_end(text, start, end)))
    return out
