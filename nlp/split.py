"""Splitting stage: normalized text of a file -> its documents (spans with title, genre and number).

A web page may string several plans together, each announced by its headline, often
repeated (`市直卫生系统效能建设实施方案` twice, or glued to itself on one line). A document
starts at such a headline group; its own title is the official title line when one follows
(`关于…的指导意见`, possibly broken over several lines or run into the body), else the headline.
Headline repeats before the title and page headers inside the document are dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# Genre words that end a title, longest first so 实施方案 wins over 方案.
GENRES = (
    "实施方案", "工作方案", "行动方案", "活动方案", "工作总结", "指导意见", "实施意见", "工作要点", "工作计划",
    "实施细则", "管理办法", "暂行办法", "通知", "通报", "意见", "方案", "总结", "报告", "计划", "规划", "办法",
    "细则", "规定", "决定", "要点", "纲要", "请示", "批复", "公告", "通告", "讲话", "倡议书", "制度", "条例", "函",
)
# The doc_type reported for each genre word (the contract's list first; others as written).
_GENRE_TYPE = {"工作方案": "方案", "行动方案": "方案", "活动方案": "方案", "工作计划": "计划", "工作要点": "要点",
               "实施细则": "细则", "管理办法": "办法", "暂行办法": "办法"}
_GENRE_ALT = "|".join(GENRES)
_TITLE_TAIL = r"(?:\((?:试行|草案|征求意见稿|修订|修订稿|暂行)\))?"
_MARKER_START = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.]|\(?[一二三四五六七八九十]+\)|\d{1,2}[、.．)]|\(\d{1,2}\)|[①-⑳]|"
    r"第[一二三四五六七八九十百\d]+[章节条部分阶段步])")
_TITLE_LINE = re.compile(rf"^(?P<title>[^。!?;,，]{{2,80}}?(?:{_GENRE_ALT}){_TITLE_TAIL})[。>]?$")
# A title run into the body on one line: 县卫生系统会计委派制实施方案近年来,…
_TITLE_PREFIX = re.compile(rf"^(?P<title>[^。!?;:,，：；、\s]{{2,80}}(?:{_GENRE_ALT}){_TITLE_TAIL})(?![\u4e00-\u9fff]{{0,2}}[。,])")
DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,12}[〔\[【(][12]\d{3}[〕\]】)]\s*第?\s*\d{1,4}\s*号")  # 日卫党发〔2010〕11号


@dataclass(frozen=True, slots=True)
class DocSpan:
    start: int
    end: int
    title: str | None = None
    doc_type: str | None = None
    doc_number: str | None = None
    drops: tuple[tuple[int, int], ...] = ()  # chrome spans inside [start, end) to remove


@dataclass(slots=True)
class _Line:
    start: int
    end: int  # without the line break
    text: str


def split_documents(text: str) -> list[DocSpan]:
    """Find the documents of a file.

    >>> [d.title for d in split_documents("甲县卫生系统实施方案\\n\\n甲县卫生系统实施方案\\n一、目标\\n正文。\\n"
    ...                                        "乙县防火工作方案\\n乙县防火工作方案\\n一、要求\\n正文。")]
    ['甲县卫生系统实施方案']
    """
    lines = [ln for ln in _lines(text) if ln.text.strip()]
    if not lines:
        return [DocSpan(0, len(text))]
    starts = _document_starts(lines)
    spans = []
    for k, first in enumerate(starts):
        last = starts[k + 1] if k + 1 < len(starts) else len(lines)
        spans.append(_document(text, lines[first:last], is_first=k == 0,
                               end=lines[starts[k + 1]].start if k + 1 < len(starts) else len(text)))
    return spans


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(_Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


# `篇一:` / `范文二:` numbering the plans of a template page is not part of a title.
_PIECE_PREFIX = re.compile(r"^(?:第?[一二三四五六七八九十\d]{1,3}篇|篇[一二三四五六七八九十\d]{1,3}|范文[一二三四五六七八九十\d]{1,3})[::、.]?")


def _key(s: str) -> str:
    return _PIECE_PREFIX.sub("", re.sub(r"\s+", "", s)).rstrip("。>")


def _repeated(keys: list[str], nxt: str) -> bool:
    """A headline group repeats itself: the same title twice, one inside another
    (`住宅小区…实施方案` / `xx街道住宅小区…实施方案`), or again at the start of the next line."""
    if len(set(keys)) < len(keys):
        return True
    for a in keys:
        for b in keys:
            if a is not b and len(a) >= 6 and a != b and a in b:
                return True
    return any(len(k) >= 6 and _key(nxt).startswith(k) for k in keys)


def _is_title_line(s: str) -> bool:
    t = s.strip()
    if not t or _MARKER_START.match(t) or t.startswith(("《", "附件", "附:")):
        return False
    return bool(_TITLE_LINE.match(_key(t) + ("" if t.endswith(("。", ">")) else "")))


def _doubled(s: str) -> str | None:
    """`XX方案XX方案` -> `XX方案` (a headline glued to its repeat)."""
    k = _key(s)
    half = len(k) // 2
    if len(k) % 2 == 0 and half >= 4 and k[:half] == k[half:] and _is_title_line(k[:half]):
        return k[:half]
    return None


def _document_starts(lines: list[_Line]) -> list[int]:
    """Indices of the lines where documents start (the first is always 0)."""
    starts = [0]
    body_chars = 0
    current: set[str] = set()
    i = 0
    while i < len(lines):
        if _is_title_line(lines[i].text) or _doubled(lines[i].text):
            j = i
            keys: list[str] = []
            while j < len(lines) and (_is_title_line(lines[j].text) or _doubled(lines[j].text)):
                d = _doubled(lines[j].text)
                keys += [d, d] if d else [_key(lines[j].text)]
                j += 1
            nxt = lines[j].text if j < len(lines) else ""
            if _repeated(keys, nxt) and not (set(keys) & current):
                if i > 0 and body_chars >= 80:
                    starts.append(i)
                elif 0 < i <= 3 and all(len(_key(ln.text)) <= 30 and "。" not in ln.text for ln in lines[:i]):
                    starts[0] = i  # a page headline above the first document (`…工作计划3篇(精选)`)
                body_chars = 0
                current = set(keys)
            elif not current:
                current = set(keys)
            i = j
            continue
        body_chars += len(lines[i].text)
        i += 1
    return starts


def _document(text: str, lines: list[_Line], *, is_first: bool, end: int) -> DocSpan:
    """Title, genre, number and kept span of one document's lines."""
    group: list[_Line] = []
    for ln in lines:
        if _is_title_line(ln.text) or _doubled(ln.text):
            group.append(ln)
        else:
            break
    rest = lines[len(group):]
    counts: Counter[str] = Counter()
    for ln in group:
        d = _doubled(ln.text)
        counts.update([d, d] if d else [_key(ln.text)])
    headline = max(counts, key=lambda k: (counts[k], len(k))) if counts else None
    if headline:
        # the fullest form of the headline: `xx街道住宅小区…实施方案` over `住宅小区…实施方案`
        headline = max((k for k in counts if headline in k), key=len)

    drops: list[tuple[int, int]] = []
    title, start = headline, (group[-1].start if group else lines[0].start)
    if group:
        last = group[-1]
        d = _doubled(last.text)
        if d:  # keep the second copy of a glued headline
            start = last.start + last.text.index(d, 1) if d in last.text[1:] else last.start
        else:
            # the last group line with the chosen headline
            for ln in reversed(group):
                if _key(ln.text) == headline:
                    start = ln.start
                    break
    official = _official_title(rest[:12], headline)
    if official is not None:
        title, t_start, has_front = official
        start = rest[0].start if has_front else t_start
    elif rest and headline and _key(rest[0].text).startswith(headline) and group:
        # the headline repeated at the start of the body line: keep it once, from the body line
        start = rest[0].start
    if headline and not group and _is_title_line(lines[0].text):
        title = _key(lines[0].text)
    if title is None and lines and not _MARKER_START.match(lines[0].text.strip()):
        # a title run into the body on the first line: `XX县…工作方案 为认真贯彻…`
        m = _TITLE_PREFIX.match(re.sub(r"\s+", "", lines[0].text[:90]))
        if m and len(lines[0].text) > len(m.group("title")) + 10:
            title, start = m.group("title"), lines[0].start
    if title is None and is_first and lines and not _MARKER_START.match(lines[0].text.strip()):
        title = _news_title(lines)
        if title:
            start = lines[0].start
    # a keyword tag line under the headline (`效能建设`) is site chrome
    if group and rest and official is None and len(rest) > 1 and re.fullmatch(r"[\u4e00-\u9fff]{2,8}", rest[0].text.strip()):
        drops.append((rest[0].start, min(rest[0].end + 1, end)))
    # page headers inside the document: the headline alone on a line, or glued to a continuation
    if headline and len(headline) >= 6:
        for ln in rest:
            if ln.start < start:
                continue
            k = _key(ln.text)
            if k == headline and ln.start > start:
                drops.append((ln.start, min(ln.end + 1, end)))
            elif ln.start > start and ln.text.startswith(headline) and not _is_title_line(ln.text):
                drops.append((ln.start, ln.start + len(headline)))
            elif ln.start > start and ln.text.endswith(headline) and len(ln.text) > len(headline) + 20:
                drops.append((ln.end - len(headline), ln.end))
    doc_type = _doc_type(title)
    number = _doc_number(text, start, min(end, start + 600))
    return DocSpan(start, end, title, doc_type, number, tuple(d for d in drops if start <= d[0] < end))


def _official_title(lines: list[_Line], headline: str | None) -> tuple[str, int, bool] | None:
    """A 关于… title (possibly over several short lines or run into the body) after the headline."""
    for i, ln in enumerate(lines):
        t = ln.text.strip()
        cited = "《" in t[:t.find("关于")] if "关于" in t[:40] else False
        if ("关于" in t[:40] and not cited) or (i == 0 and headline and t.startswith(headline) and len(t) > len(headline) + 4):
            # several short lines joined: 关于在全市…中 / 深入开展…的 / 指导意见
            joined, k = "", i
            while k < len(lines) and len(lines[k].text.strip()) <= 60 and "。" not in lines[k].text:
                joined += re.sub(r"\s+", "", lines[k].text)
                if _TITLE_LINE.match(joined):
                    return joined, ln.start, i > 0
                k += 1
            body = re.sub(r"\s+", "", t)
            if headline and body.startswith(headline) and i == 0:
                body = body[len(headline):]
            m = _TITLE_PREFIX.match(body)
            if m and (headline is None or m.group("title") != headline):
                title = m.group("title")
                off = ln.text.find(title[:4])
                return title, ln.start + max(off, 0), i > 0
            if "关于" in t[:40] and not cited:
                return None
        if i >= 6 or len(t) > 120:
            break
    return None


def _news_title(lines: list[_Line]) -> str | None:
    """A short first line without sentence punctuation, followed by body text (a news headline)."""
    t = lines[0].text.strip()
    if 6 <= len(t) <= 60 and not re.search(r"[。;!?]$", t) and len(lines) > 1:
        return t
    return None


def _doc_type(title: str | None) -> str | None:
    if not title:
        return None
    m = re.search(rf"({_GENRE_ALT}){_TITLE_TAIL}$", title)
    if not m:
        return "新闻"
    g = m.group(1)
    return _GENRE_TYPE.get(g, g)


def _doc_number(text: str, start: int, end: int) -> str | None:
    """The document's own 发文字号: alone at the start of a line near the top, not a citation."""
    head = text[start:end]
    for m in DOC_NUMBER.finditer(head):
        line_start = head.rfind("\n", 0, m.start()) + 1
        before = head[line_start:m.start()].strip()
        if before == "" or before.endswith("文件"):
            return re.sub(r"\s+", "", m.group(0))
    return None
