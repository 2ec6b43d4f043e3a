"""Normalizing stage: decoded text -> simplified, chrome-free text + OffsetMap back to the input.

Steps, in order: strip the pinyin that mirror sites put after characters (`網(wǎng)站`),
convert traditional to simplified with OpenCC, fold full-width letters, digits and
parentheses, remove web chrome (navigation, breadcrumbs, spam lines, truncation notices,
page markers, editor credits), and tidy whitespace. Every step keeps, for each output
character, the position of the input character it came from.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Iterable

from nlp.model import OffsetMap
from nlp.text import SPACE_FOLD, opening_with, without_spaces


@dataclass(slots=True)
class Normalized:
    text: str
    offsets: OffsetMap  # normalized position -> position in the text given to normalize_text
    script: str  # "simplified" | "traditional" | "mixed"
    variant: str = "t2s"  # the OpenCC configuration used


def normalize_text(text: str, *, variant: str = "auto") -> Normalized:
    """Return simplified, chrome-free text with a map back to ``text``.

    >>> normalize_text("網(wǎng)站首頁 | 網(wǎng)站地圖\\n一、總體要求").text
    '一、总体要求'
    """
    ed = _Editor(text)
    if _SURROGATE.search(text):  # a lone surrogate (only a library caller can pass one): OpenCC cannot encode it
        ed.sub(_SURROGATE, "\ufffd")
    if text.count("\\n") >= _DUMP_MIN:  # a document kept in a data dump: its line breaks written as \n
        ed.sub(_LITERAL_BREAK, "\n")
    if len(_HTML_BREAK.findall(text, 0, 20000)) >= _DUMP_MIN:  # HTML source saved as text
        ed.sub(_HTML_BREAK, "\n")
        ed.sub(_HTML_TAG, "")
    ed.sub(_PINYIN, "")
    script, to_simp = _detect(ed.text)
    config = _choose_variant(ed.text, variant) if script != "simplified" else "t2s"
    if script != "simplified":
        # detection converted the text with t2s already when it was short enough to take whole
        ed.convert(_converter(config).convert, to_simp if config == "t2s" else None)
    ed.translate(SPACE_FOLD)
    ed.delete_spans(_inline_chrome(ed.text))
    ed.delete_spans(_line_chrome(ed.text))
    ed.delete_spans(_repeated_blocks(ed.text))
    ed.delete_spans(_closing_links(ed.text))
    ed.delete_spans(_edge_space(ed.text))
    ed.delete_spans(_blank_lines(ed.text))
    return Normalized(ed.text, ed.offsets(len(text)), script, config)


_SURROGATE = re.compile("[\ud800-\udfff]")


# A document's text inside a SQL, JSON or source-code dump keeps its line breaks as the two
# characters \n (and \r, \t); HTML source saved as text keeps its tags. Three or more make the
# whole text such a dump; a real document never writes them.
_DUMP_MIN = 3
_LITERAL_BREAK = re.compile(r"(?:\\r)?\\n|\\r|\\t")
_HTML_BREAK = re.compile(r"<(?:br|p|div|tr|li|h[1-6])\b[^<>\n]{0,300}>|</(?:p|div|tr|li|h[1-6])>", re.I)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>\n]{0,300})?/?>")


# ---------------------------------------------------------------------------------------------
# Offset-keeping editor


class _Editor:
    """Text plus its map back to the input, kept as runs (issue 12: no list of one position per
    character): run ``k`` starts at text position ``starts[k]`` and maps it and the characters after
    it, one for one, from input position ``sources[k]``. The runs are kept as
    ``OffsetMap.from_positions`` would cut them: a run starts exactly where the next position is not
    the one before plus one, so the map comes out the same as from one position per character.
    """

    def __init__(self, text: str):
        self.text = text
        self.starts: list[int] = [0] if text else []
        self.sources: list[int] = [0] if text else []

    @property
    def pos(self) -> list[int]:
        """One input position per character (for tests; the editor never builds it)."""
        out = []
        for k, start in enumerate(self.starts):
            end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.text)
            out.extend(range(self.sources[k], self.sources[k] + end - start))
        return out

    def offsets(self, source_end: int) -> OffsetMap:
        return OffsetMap(array("q", self.starts or [0]), array("q", self.sources or [0]), len(self.text), source_end)

    def _at(self, i: int) -> int:
        k = bisect_right(self.starts, i) - 1
        return self.sources[k] + i - self.starts[k]

    def apply(self, edits: Iterable[tuple[int, int, str]]) -> None:
        """Replace non-overlapping ``[start, end)`` spans (sorted) with new strings."""
        edits = list(edits)
        if not edits:
            return
        text, n = self.text, len(self.text)
        parts: list[str] = []
        out = _Runs()
        last = 0
        for start, end, repl in edits:
            if start < last:
                continue  # overlapping edit: the earlier one wins
            parts.append(text[last:start])
            self._copy(out, last, start)
            if repl:
                parts.append(repl)
                if len(repl) == end - start:
                    self._copy(out, start, end)
                else:
                    anchor = self._at(start) if start < n else (self._at(n - 1) + 1 if n else 0)
                    for _ in range(len(repl)):
                        out.add(anchor, 1)
            last = end
        parts.append(text[last:])
        self._copy(out, last, n)
        self.text, self.starts, self.sources = "".join(parts), out.starts, out.sources

    def _copy(self, out: "_Runs", a: int, b: int) -> None:
        """Append the map of ``text[a:b]`` to ``out``: the piece of the run holding ``a`` (joined
        to ``out``'s last run when it continues it), then the later runs whole, shifted: they never
        continue the run before them (the runs are cut as from_positions cuts them)."""
        b = min(b, len(self.text))
        if b <= a:
            return
        starts, sources = self.starts, self.sources
        k = bisect_right(starts, a) - 1
        j = bisect_left(starts, b, k + 1)  # runs k .. j-1 meet [a, b)
        out.add(sources[k] + a - starts[k], (starts[k + 1] if k + 1 < j else b) - a)
        if j > k + 1:
            shift = out.length - starts[k + 1]
            out.starts.extend([s + shift for s in starts[k + 1:j]])
            out.sources.extend(sources[k + 1:j])
            out.length += b - starts[k + 1]

    def sub(self, pattern: re.Pattern, repl: str) -> None:
        self.apply((m.start(), m.end(), repl) for m in pattern.finditer(self.text))

    def delete_spans(self, spans: Iterable[tuple[int, int]]) -> None:
        self.apply((s, e, "") for s, e in sorted(spans))

    def translate(self, table: dict[int, int]) -> None:
        """Character-for-character replacement (length-preserving), as ``str.translate(table)``:
        one ``str.replace`` per character of the table the text holds (str.translate looks every
        character of a CJK text up in the table, ten times slower)."""
        text = self.text
        for ch in set(_table_class(tuple(table)).findall(text)):
            text = text.replace(ch, chr(table[ord(ch)]))
        self.text = text

    def convert(self, fn, converted: str | None = None) -> None:
        """Apply a converter such as OpenCC; lines whose length changes are aligned per line.
        ``converted``: ``fn(self.text)`` when the caller has it already."""
        out = fn(self.text) if converted is None else converted
        if len(out) == len(self.text):
            self.text = out
            return
        edits = []
        start = 0
        for line in self.text.splitlines(keepends=True):
            conv = fn(line)
            if conv != line:
                edits.append((start, start + len(line), conv))
            start += len(line)
        self.apply(edits)


@cache
def _table_class(keys: tuple[int, ...]) -> re.Pattern:
    return re.compile("[" + "".join(re.escape(chr(k)) for k in keys) + "]")


class _Runs:
    """Runs under construction: ``add`` joins a piece to the last run when it continues it."""

    __slots__ = ("starts", "sources", "length")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.sources: list[int] = []
        self.length = 0

    def add(self, source: int, length: int) -> None:
        if length <= 0:
            return
        if not self.starts or source != self.sources[-1] + self.length - self.starts[-1]:
            self.starts.append(self.length)
            self.sources.append(source)
        self.length += length


# ---------------------------------------------------------------------------------------------
# Pinyin annotations and script

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# 網(wǎng)站 -> 網站: a parenthesised toned syllable right after a CJK character, a space on either
# side of it allowed (社会(huì )保障, as one mirror writes it); (一) (2010) (附电子版) stay.
# (The bracket opens the pattern and the CJK character is checked behind it: the engine then skips
# to the brackets, rather than trying the lookbehind at every character.)
_PINYIN = re.compile(rf"[(（](?<=[\u3400-\u9fff][(（]) ?[a-zü]{{0,6}}[{_TONED}][a-zü]{{0,6}} ?[)）]")


_SAMPLE = 200_000  # characters of a text that detect_script reads


@cache
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def detect_script(text: str, *, sample: int = _SAMPLE) -> str:
    """'simplified', 'traditional' or 'mixed', from the characters OpenCC would change.

    >>> detect_script("全县卫生系统"), detect_script("全縣衛生系統"), detect_script("全县衛生系統与医院")
    ('simplified', 'traditional', 'mixed')
    """
    return _detect(text, sample)[0]


def _detect(text: str, sample: int = _SAMPLE) -> tuple[str, str | None]:
    """(script, ``t2s`` of the text when the sample was the whole text, else None).

    Counts the characters t2s and s2t change in the sample; s2t is run only when t2s changed
    something (a text t2s leaves alone is simplified whatever s2t would do).
    """
    s = text[:sample]
    to_simp = _converter("t2s").convert(s)
    whole = to_simp if len(s) == len(text) else None
    if to_simp == s:
        return "simplified", whole
    trad = _changed(s, to_simp)
    if trad == 0:
        return "simplified", whole
    simp = _changed(s, _converter("s2t").convert(s))
    if simp == 0:
        return "traditional", whole
    share = trad / (trad + simp)
    if share >= 0.9:
        return "traditional", whole
    if share <= 0.1 and trad <= 2:
        return "simplified", whole
    return "mixed", whole


def _changed(text: str, converted: str) -> int:
    """How many positions hold another character in ``converted``, position by position up to the
    shorter one's length: ``sum(map(str.__ne__, text, converted))``, compared as two arrays of code
    points (a Python step per character cost twice the conversion itself on a traditional page)."""
    import numpy as np

    n = min(len(text), len(converted))
    a = np.frombuffer(text[:n].encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    b = np.frombuffer(converted[:n].encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return int(np.count_nonzero(a != b))


def _choose_variant(text: str, variant: str) -> str:
    # t2s is the general mapping and the one annotators use (gold keeps 衞 where hk2s writes 卫):
    # hk2s/tw2s only when asked for.
    return "t2s" if variant == "auto" else variant


# ---------------------------------------------------------------------------------------------
# Chrome inside lines

_INLINE_CHROME = [
    # ……(快文网http://www.fanwy.cn省略744字,正式会员可完整阅读)……   ******(省略)
    r"[…\.\*]*\((?=[^()\n]{0,80}省略)[^()\n]{0,80}\)[…\.]*",
    # ……(未完,全文共3480字,当前只显示1933字,请阅读下面提示信息。收藏…) and whatever follows on that line
    r"[…\.]*\(未完[^\n]*",
    # a document-sharing site's slogan glued to the title
    r"精选优质文档-*倾情为你奉上",
    # 上一篇:… 下一篇:… 相关栏目:… to the end of the line (a list heading alone, 相关阅读:, is left
    # to _line_chrome, which drops the links under it too)
    r"(?:上一篇|下一篇|相关栏目)\s*[::][^\n]*|(?:相关文章|相关阅读|推荐阅读|热门文章)\s*[::](?=[^\S\n]*\S)[^\n]*",
    # [责任编辑:魏飞]  【编辑:…】
    r"[\[【(](?:责任编辑|编辑|责编|来源|作者|审核|校对)[::][^\]】)\n]{0,30}[\]】)]",
    # 第1版权所有, 版权所有©…
    r"(?:第\d+)?版权所有(?:[©(c)]*[^\n,。]{0,20}(?:网|站|公司))?",
    # entity junk left by scrapers: &X32; &nbsp; &#12288;
    r"&(?:[A-Za-z]{1,8}\d{0,4}|#\d{1,6}|#x[0-9a-fA-F]{1,5});|&nbsp(?![;A-Za-z])",  # (and &nbsp with no ;)
    # author credit closing a news item: (辽宁省锦州市委组织部 李赢)  (记者 王军)
    r"\((?:记者|通讯员|作者|来源|供稿|文/图|图/文)?[^()\n]{0,30}\s[\u4e00-\u9fff]{2,3}\)(?=\s*$)",
    # 标题:X at the start of a line repeats the headline that follows
    r"^(?:\|\s*)?标题[::]|文章标题[::]",
    # a table border at the start or end of a line: | 标题:… |
    r"^\|\s*|\s*\|$",
    # a Markdown heading's hashes (`## 第一章 总则` in a repository's copy of a document)
    r"^#{1,6}[ \t]+(?=\S)",
    # a Word numbering field's code left in the text (`=1\*CHINESENUM3一、`, `= 2 \* GB3`)
    r"=[ \t]?\d{1,2}[ \t]?\\\*[ \t]?(?:CHINESENUM[23]|GB[1-4]|DBNUM[1-4]|Arabic|ROMAN|roman|ALPHABETIC|alphabetic"
    r"|MERGEFORMAT)[ \t]?",
]
# Every match opens with one of these (tests/test_normalize_offsets.py checks it against the parse
# tree): the engine skips the other positions by one class test (issue 12).
_INLINE_FIRST = "….*([【(精上下相推热第版&标文|#="  # and \s (a space before a closing |)
_INLINE_RE = re.compile(rf"(?=[{re.escape(_INLINE_FIRST)}\s])(?:{'|'.join(f'(?:{p})' for p in _INLINE_CHROME)})", re.M)


def _inline_chrome(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in _INLINE_RE.finditer(text) if m.end() > m.start()]
    jammed = [(m.start(), m.end()) for m in _JAMMER.finditer(text)
              if len(set(_JAMMER_MARK.findall(m.group())) - {"|"}) >= 3 and len(m.group().split()) >= 5]
    return sorted(spans + jammed) if jammed else spans


# A forum's anti-copy jammer (`7 k: %& d2 y: R H4 T; C8 u! p3 M`): five or more tokens of one or two
# ASCII characters between spaces (the last may be a letter glued to the text after it), holding three
# or more different punctuation marks (a table's `| 4 | 40 |` holds one, a list's `a, b, c` two)
# (it opens with a printable ASCII character: the lookahead lets the engine skip the others by one
# class test instead of trying the lookbehind at every character)
# (its first character read as a class and the one before it looked at after: the engine skips to
# the ASCII characters, where a lookahead first made it try every position; the same matches)
_JAMMER = re.compile(r"[!-~](?<![!-~][!-~])[!-~]? (?:[!-~]{1,2} ){3,}(?:[A-Za-z!-/:-@\[-`{-~](?=[\d\u4e00-\u9fff])|[!-~]{1,2}(?= ?[\u4e00-\u9fff\n]|$))?")
_JAMMER_MARK = re.compile(r"[!-/:-@\[-`{-~]")


# ---------------------------------------------------------------------------------------------
# Chrome lines

BREADCRUMB_STEP_MAX = 8  # a breadcrumb's step (a column's name: 文件通知, 党风廉政建设) is short; a headline is longer
_BREADCRUMB = re.compile(r"^(?:您现在的位置|你现在的位置|当前位置|您的位置|你的位置|所在位置|现在位置)|(?:\s[>›»]\s?.*){2,}|(?:[^>\n]{1,20}>){3,}")
_SITE_LINE = re.compile(
    r"^(?:网站首页|首页|设为首页|加入收藏|网站地图|联系我们|返回顶部|打印本页|关闭窗口|打印|关闭|收藏本页|"
    r"分享到|扫一扫|字号|【字体|登录|注册)|精选阅读$|欢迎阅读|来源于.{0,12}网|更多(?:相关)?.{0,10}请(?:继续)?关注|"
    r"(?:www\.|https?://|\.com\b|\.cn\b|\.net\b)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SPAM_WORDS = re.compile(r"在线|视频|免费|观看|国产|亚洲|欧美|日韩|精品|无码|高清|播放|久久|av|AV|成人|色|一区|二区|三区")
_FOOTER = re.compile(r"©|(?i:copyright)|All Rights Reserved|ICP备|ICP证|公网安备|可信网站|关于我们|免责声明|版权申明|版权声明|"
                     r"主办单位[:：]|承办单位[:：]|技术支持[:：]|网站标识码|联系电话[:：].{0,20}(?:传真|邮编)")
# A page's metadata line: 发布时间:2022-04-08 来源:区卫生健康委 浏览次数:1263 / 2023-08-02 09:15 来源:湖东日报 分享到:
_META_LINE = re.compile(r"(?:发布时间|发布日期|更新时间|来源|浏览次数|点击数|阅读次数|访问量|分享到|字体|字号)\s*[:：]")
# A list of related links closing a page: 相关新闻: / 相关推荐: followed by link titles.
_RELATED = re.compile(r"^(?:相关新闻|相关阅读|相关链接|相关推荐|推荐阅读|热点推荐|热门推荐|延伸阅读|猜你喜欢|更多阅读)\s*[:：]?"
                      r"|^(?:相关文章|最新文章|最新资讯|热点新闻|热门新闻|热门文章|点击排行|排行榜|精彩推荐|往期回顾|友情链接)\s*[:：]?$")
_PAGE_MARK = re.compile(r"第\s*\d{1,3}\s*页$")
# a document-sharing site's caption of one page image of the shared file: `某某方案.docx_第1页`,
# `[最新]某某方案_第2页`, `![某某手册下载_第3页](http://…)`: the file's name, a tag, a 下载 label
_CAPTION = re.compile(r"^(?:!\[)?(?:[\[【][^\]】]{1,6}[\]】])?(?P<title>[^\[\]【】\n]{4,80}?)"
                      r"(?:\.(?:docx?|pdf|pptx?|wps|txt))?(?:下载)?_第\s*(?P<page>\d{1,3})\s*页(?:\]\([^()\s]*\))?$")
_PROMO = re.compile(r"小编|本网站|本站(?!讯)|请继续关注|更多相关|欢迎下载|免费下载|放心下载|精选范文|范文网|希望对你有所帮助|"
                    r"希望对您有所帮助|仅供参考|欢迎阅读|来源于免费网")


# Page furniture (short lines only: `(点击下载…docx)` inside an instruction is text): skip links, script warnings, print and font-size helps, search boxes, read-more links.
_BROWSER = re.compile(r"^点击下载|JavaScript|浏览器|请利用键盘|友善列印|字级设定|跳[至到过](?:主要内容|导航)|主内容区|^Loading$|"
                      r"^(?:阅读全文|查看全文|查看所有结果|没有结果|选单开关|内容详情|导航|文档简介|下载本?文档|全文预览已结束)$|"
                      r"还剩\s?\d+\s?页未读|继续免费阅读|[上下]一[则篇条](?:公告|新闻|消息|文章)?\s*[上下]一[则篇条]|"
                      r"RSS\s?订阅|^放大\s*缩小|国内统一刊号", re.I)


_SHARING = re.compile(r"下载|文档|上传|版权|客服|付费|预览|会员|积分")


_DATE_LINE = re.compile(r"(?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")


def _after_date_line(lines: list, k: int) -> bool:
    """Whether the non-blank line before line ``k`` is a date alone (a listed page's date)."""
    for _, _, prev in reversed(lines[max(0, k - 3):k]):
        if prev.strip():
            return bool(_DATE_LINE.fullmatch(prev.strip()))
    return False


def _line_chrome(text: str) -> list[tuple[int, int]]:
    """Spans of whole lines (with their line break) that are web chrome."""
    lines = _lines(text)
    drop: list[tuple[int, int]] = []
    # The header zone: everything up to a breadcrumb found among the first lines is site chrome.
    head_limit = min(len(lines), 12)
    for k in range(head_limit):
        s, e, line = lines[k]
        if _is_breadcrumb(line):
            if any("。" in ln for _, _, ln in lines[:k]):
                break  # real text above it: not a page header
            drop.append((0, e))
            lines = lines[k + 1:]
            # the breadcrumb's last step echoed on the next line (`首页 > 信息传达 > 文件通知` / `文件通知`):
            # the column's name, not the document's title
            step = re.split(r"[>›»]", line)[-1].strip()
            nxt = next((j for j, (_, _, ln) in enumerate(lines) if ln.strip()), None)
            if step and len(step) <= BREADCRUMB_STEP_MAX and nxt is not None and lines[nxt][2].strip() == step:
                drop.append((lines[nxt][0], lines[nxt][1]))
                lines = lines[nxt + 1:]
            break
    rows = _table_rows(lines)
    related = False
    open_label = False  # the dropped line before ended on an empty label: `点击数:` / `次`
    captioned = False  # a sharing site's first page caption has given the page its headline
    for k, (s, e, line) in enumerate(lines):
        t = line.strip()
        if not t:
            continue
        if _RELATED.match(t):
            related = True  # the links under it are chrome until a line of real text
        elif related and (len(t) > 60 or "。" in t) and not (len(t) <= 80 and _after_date_line(lines, k)):
            related = False  # (a linked page's one-sentence teaser under its date stays in the block)
        caption = _CAPTION.match(t) if "页" in t else None
        if caption:
            if caption["page"] == "1" and not captioned and not any(caption["title"] in ln for _, _, ln in lines[:k]):
                # the first page's caption names the file: its name stays as the page's headline
                a = s + line.find(t)
                drop += [span for span in ((a, a + caption.start("title")), (a + caption.end("title"), a + len(t)))
                         if span[1] > span[0]]
                captioned = True
            else:
                drop.append((s, e))
            open_label = False
            continue
        if (related or _is_chrome_line(t, table_row=k in rows) or (k < 40 and len(t) >= 40 and _is_teaser(t, text, e))
                or (open_label and len(t) <= 3)):
            cut = _headline_before_meta(t) if k < 15 and not related else None
            if cut is not None:  # `某园开展隐患大排查专项行动 发布时间:2023-11-29 来源:…`: the headline stays
                drop.append((s + line.find(t) + cut, s + line.find(t) + len(t)))  # (its line break stays)
                open_label = False
                continue
            drop.append((s, e))
            open_label = t.endswith((":", ":")) and not open_label
        else:
            open_label = False
    return drop + _after_closing_tools(lines)


_CLOSING_TOOLS = re.compile(r"^(?:[【\[]?(?:打印本页|关闭窗口|打印本文|关闭本页)[】\]]?\s*)+$|^分享到\s*[:：]")
TOOLS_TAIL_LINES = 3  # another page's headline and teaser, at most, after a page's closing tools
TOOLS_TAIL_CHARS = 120
TOOLS_BODY_MIN = 200  # the article above the tools: a page's body, not a header's share bar


def _after_closing_tools(lines: list) -> list[tuple[int, int]]:
    """The few short lines after a page's closing tools (`【打印本页】【关闭窗口】`, `分享到:`) at the
    end of its text: another page's headline and teaser (a related item), never the article, which
    stands above the tools."""
    ink = [(k, s, e, ln.strip()) for k, (s, e, ln) in enumerate(lines) if ln.strip()]
    last = max((i for i, (_, _, _, t) in enumerate(ink) if _CLOSING_TOOLS.match(t)), default=None)
    if last is None:
        return []
    tail = ink[last + 1:]
    if not tail or len(tail) > TOOLS_TAIL_LINES or any(len(t) > TOOLS_TAIL_CHARS for _, _, _, t in tail):
        return []
    if sum(len(t) for _, _, _, t in ink[:last]) < TOOLS_BODY_MIN:
        return []
    return [(s, e) for _, s, e, _ in tail]


REPEAT_MIN_CHARS = 100  # a block printed twice holds at least this much text (and a sentence's end)
REPEAT_MAX_LINES = 40  # the longest block looked for


def _repeated_blocks(text: str) -> list[tuple[int, int]]:
    """The second copy of a block of paragraphs that a page prints twice in a row (a scrape of
    the desktop and mobile copies of an article): the copy is chrome, the first is the text."""
    lines = _ink_lines(text)
    keys = [ln for _, _, ln in lines]
    next_at: dict[str, int] = {}
    following = [0] * len(keys)  # the index of the next line with the same text (0: none)
    for i in range(len(keys) - 1, -1, -1):
        following[i] = next_at.get(keys[i], 0)
        next_at[keys[i]] = i
    drop = []
    i = 0
    while i < len(keys):
        j = following[i]
        k = j - i
        if (j and k <= REPEAT_MAX_LINES and keys[i:j] == keys[j:j + k]
                and sum(map(len, keys[i:j])) >= REPEAT_MIN_CHARS and any("。" in x for x in keys[i:j])):
            drop.append((lines[j][0], lines[j + k - 1][1]))
            i = j + k
            continue
        i += 1
    return drop


CLOSING_LINKS_MIN = 6  # short lines in a row that close a page as a list of other pages' headlines
_LINK_LINE_MAX = 30
_LINK_LINE_MIN = 6  # (a roster's names, 王某某 a line, are shorter than any headline)


def _a_name(line: str) -> bool:
    """A person's name alone on a short line (a roster's), not a page's 图片 or 检查现场."""
    from nlp.extract.parties_people import is_person_name

    return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,4}", line)) and is_person_name(line)


# what a headline of a list of links has none of: a sentence's or clause's punctuation (a comma
# between digits, 45,236, is a number's; a headline's 某局:将公布 colon is no label's), an outline
# marker, a day's date (a 落款's signing date), a table's bar, a roster's columns (王某某  局长), a
# unit's or post's ending (a 落款's issuer)
_NOT_A_LINK = re.compile(r"[。;;!?!?]|[::]\s*$|(?<![0-9]),|,(?![0-9])|[|｜]"
                         r"|(?:19|20)[0-9]{2}\s*年\s*[0-9一二三四五六七八九十]{1,2}\s*月\s*[0-9一二三四五六七八九十]{1,3}\s*日"
                         r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
                         r"|[\u4e00-\u9fff][ \t\u3000]{2,}[\u4e00-\u9fff]|^\s*(?:[一二三四五六七八九十]+[、.．]|[((][一二三四五六七八九十0-9]+[))]"
                         r"|[0-9]+[、.．]|第[一二三四五六七八九十0-9]+)"
                         r"|(?:局|委|办|院|处|室|队|所|站|中心|政府|公司|长|主任|书记|委员|组长|成员)\s*$")


def _closing_links(text: str) -> list[tuple[int, int]]:
    """A run of short lines closing a page with none of a sentence's marks (another page's headlines
    listed under the article, with no 相关新闻 label over them): chrome."""
    lines = _ink_lines(text)
    j = len(lines)
    while (j > 0 and len(lines[j - 1][2]) <= _LINK_LINE_MAX and not _NOT_A_LINK.search(lines[j - 1][2])
           and not (len(lines[j - 1][2]) < _LINK_LINE_MIN and _a_name(lines[j - 1][2]))):
        j -= 1
    if len(lines) - j < CLOSING_LINKS_MIN or j == 0:
        return []  # (a page of nothing but such lines is all text: a list, no chrome under a text)
    return [(lines[j][0], lines[-1][1])]


# a site's domain after a headline: `某市开展校车排查行动_dxb.example.com`, `标题 - www.example.cn`
_DOMAIN_TAIL = re.compile(r"\s*[_|｜\-—]\s*(?:https?://)?[A-Za-z0-9][A-Za-z0-9.\-]*\.(?:com|cn|net|org|gov)(?:\.cn|\.hk|\.tw)?/?$")


def _headline_before_meta(t: str) -> int | None:
    """Where a page's metadata starts on a line that a headline opens (`标题 发布时间:… 来源:…`), or
    None when no headline stands before it (a line of metadata only). A site's domain after the
    headline (`标题_dxb.example.com`) is cut off the same way."""
    m = _META_LINE.search(t) or _DOMAIN_TAIL.search(t)
    if m is None:
        return None
    head = t[:m.start()].rstrip()
    if "。" in head or len(re.findall(r"[\u4e00-\u9fff]", head)) < 8 or _is_breadcrumb(head) or _is_chrome_line(head):
        return None
    return len(head)


def _is_teaser(line: str, text: str, after: int) -> bool:
    """A summary line that repeats, run together, the text that follows it (a site's lede)."""
    folded = without_spaces(line)
    if text.find("\n" + line.strip() + "\n", after - 1) >= 0:  # (no copy of the rest of the text)
        return False  # the same line again further on: a repeated document, not a lede run together
    # only the text right below: a line repeated by a later copy of the document is not a teaser
    rest = without_spaces(text[after:after + 3 * len(line) + 300])
    windows = [folded[i:i + 12] for i in range(0, len(folded) - 11, 6)]
    if len(windows) < 4:
        return False
    found = sum(1 for w in windows if w in rest)
    return found >= 0.7 * len(windows)


def _is_breadcrumb(line: str) -> bool:
    t = line.strip()
    return bool(t) and len(t) < 300 and "。" not in t and bool(_BREADCRUMB.search(t))


_NAV_SPLIT = re.compile(r"[|｜]")
_SPAM_SPLIT = re.compile(r"[,，、|｜]")
_DASH_SPLIT = re.compile(r"\s[-–·]\s?|\s?[-–·]\s")
_WORD_CHAR = re.compile(r"[\w\u4e00-\u9fff]")


_LABEL_CELL = re.compile(r"[:：]\s*(?:[|｜]|$)")  # `发布机构: |`: a cell that is a field's label


def _table_rows(lines: list[tuple[int, int, str]]) -> set[int]:
    """The lines of a table drawn with bars: three or more lines in a row, each with two or more
    bars and two or more cells holding words (`烟花爆竹 | 1月份 | 安监站 |`). Short cells make them look
    like a site's navigation bar, but a bar of links stands alone; a run of `发布机构: | …` fields is
    the page's metadata, not a table of the document."""
    rows: set[int] = set()
    run: list[int] = []
    for k, (_s, _e, line) in enumerate(lines + [(0, 0, "")]):
        t = line.strip()
        cells = [c for c in _NAV_SPLIT.split(t) if _WORD_CHAR.search(c)] if t.count("|") + t.count("｜") >= 2 else []
        if len(cells) >= 2 and not _LABEL_CELL.search(t):
            run.append(k)
            continue
        if len(run) >= 3:
            rows.update(run)
        run = []
    return rows


_HAN = re.compile(r"[\u4e00-\u9fff]")


def _is_chrome_line(t: str, table_row: bool = False) -> bool:
    n = len(t)
    if _is_breadcrumb(t) and (t.count(">") >= 2 or t.count("›") >= 2 or t.startswith(("您", "你", "当前", "所在", "现在"))):
        return True
    # (each test below is pure: the cheap counts that guard a split change nothing but the time)
    bars = t.count("|") + t.count("｜")
    # navigation bars: several short items between | separators
    if bars >= 2 and "。" not in t and not table_row:
        items = [x.strip() for x in _NAV_SPLIT.split(t)]
        filled = [x for x in items if x]  # (`标题 | ||||||`: a headline in one cell of a table a page drew, no bar of links;
        # but `浏览量:1 | | |` is a page's counter)
        headline_cell = (len(filled) == 1 and not re.search(r"[::]", filled[0])
                         and len(_HAN.findall(filled[0])) >= 6)
        if len(items) >= 3 and all(len(x) <= 12 for x in items) and not headline_cell:
            return True
    # spam keyword lines: many short comma-separated items full of spam words
    if "。" not in t and bars + t.count(",") + t.count("，") + t.count("、") >= 3:
        items = [x for x in _SPAM_SPLIT.split(t) if x.strip()]
        if len(items) >= 4 and max(map(len, items)) <= 20:
            if sum(1 for x in items if _SPAM_WORDS.search(x)) >= max(2, len(items) * 0.5):
                return True
    if n <= 120 and _FOOTER.search(t):
        return True
    if n <= 100 and "。" not in t and len(_META_LINE.findall(t)) >= (1 if re.search(r"\d{4}-\d{1,2}-\d{1,2}|分享", t) else 2):
        return True
    if not _WORD_CHAR.search(t):
        return True  # a line of lone punctuation: ...  ***  ———
    if t.count("-") + t.count("–") + t.count("·") >= 3:
        items = [x.strip() for x in _DASH_SPLIT.split(t)]
        if len(items) >= 4 and all(len(x) <= 8 for x in items):
            return True  # 关于我们 - 联系我们 - 网站地图
    if n <= 60 and "。" not in t[:-1] and _SITE_LINE.search(_EMAIL.sub("", t)):
        return True  # (an e-mail address is a document's contact, not a link to a site)
    if n <= 80 and _PAGE_MARK.search(t):
        return True
    if n <= 80 and t.endswith(">") and not t.endswith("》"):
        return True
    if n <= 200 and _PROMO.search(t):
        return True  # a site's own promotion line; a long line holding 本站 is text run together
    if n <= 80 and _BROWSER.search(t):
        return True
    if n <= 120 and len(set(_SHARING.findall(t))) >= 3:
        return True  # a document-sharing site's notice on uploads, copyright and fees
    return False


def _ink_lines(text: str) -> list[tuple[int, int, str]]:
    """``_lines`` without the blank ones, each line's text stripped."""
    return [(s, e, ln.strip()) for s, e, ln in _lines(text) if ln.strip()]


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end including the line break, line text without it) for every line."""
    out = []
    start = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        out.append((start, start + len(line), body))
        start += len(line)
    return out


# ---------------------------------------------------------------------------------------------
# Whitespace

_EDGE_SPACE = opening_with(r"^[ \t\u3000]+|[ \t\u3000]+$", " \t\u3000", re.M)  # (skips to the spaces)
_BLANKS = re.compile(r"\n\n\n+")
_RUN_SPACE = re.compile(r" (?<=\S )(?: +)(?=\S)")  # two spaces or more after ink, before ink: a literal space opens it (a fast skip)


def _edge_space(text: str) -> list[tuple[int, int]]:
    """Trim every line and shorten long runs of spaces inside lines to one."""
    spans = [(m.start(), m.end()) for m in _EDGE_SPACE.finditer(text)]
    spans += [(m.start() + 1, m.end()) for m in _RUN_SPACE.finditer(text)]
    return _merge(spans)


def _blank_lines(text: str) -> list[tuple[int, int]]:
    """Keep at most one blank line in a row; drop leading and trailing blank lines."""
    spans = [(m.start() + 2, m.end()) for m in _BLANKS.finditer(text) if m.end() > m.start() + 2]
    lead = len(text) - len(text.lstrip())
    if lead:
        spans.append((0, lead))
    trail = len(text.rstrip())
    if trail < len(text):
        spans.append((trail, len(text)))
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
