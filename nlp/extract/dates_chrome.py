"""Dates that are page chrome, not text: a web page's timestamps and publication lines.

By convention (gold/README.md) the dates a site prints around a document are no dates of it:
``2017-02-14 点击:8次``, ``时间:2023-05-04 08:58``, ``• 2023年09月15日`` over ``• 来源: …``,
``发布时间:2021年4月6日``, a ``2021-10-30`` alone on its line in a list of news, a signing-free
``2012年12月19日 00:00``. A date inside a sentence, or a signing date alone on its line written
in words (``2010年6月25日``), is kept.
"""

from __future__ import annotations

import re

# 2023-05-04, 2023/5/4, 2011-4-28: how sites stamp pages; documents write 2023年5月4日
_NUMERIC = re.compile(r"[0-9]{4}([-/.])[0-9]{1,2}\1[0-9]{1,2}")
_FULL = re.compile(r"\S*[0-9〇○零一二三四五六七八九]{4}\s?年.*[日号]")
# a clock, right after the date or after its weekday: 08:58, 00:00, (星期日)\n香港时间13时45分
_WEEKDAY = r"(?:[(（]?(?:星期|周|礼拜)[一二三四五六日天][)）]?)?"
_CLOCK = re.compile(
    rf"[ \t]*{_WEEKDAY}\s*(?:北京时间|香港时间|台北时间)?\s*[0-9]{{1,2}}(?::[0-9]{{2}}|时[0-9]{{1,2}}分)"
)
# labels of page chrome; any of them on the line of a numeric date, or before it on its line or
# the line above, makes it a stamp
_LABEL = re.compile(r"发布|發佈|發布|來源|来源|日期|时间|時間|更新|浏览|瀏覽|点击|點擊|阅读|作者|供稿|编辑|上传")
# a date written in words is chrome only after a publication label: 发布时间:2021年4月6日
_PUBLISHED = re.compile(
    r"(?:发布|發佈|發布|颁布|成文|生成|公开|更新|上传|发稿)(?:时间|日期)\s*[:：]?\s*$"
)
_BULLET = "•·●■◆▪-–—*>|[]【】 \t"


def is_chrome_date(text: str, start: int, end: int) -> bool:
    """True when the date ``text[start:end]`` is a page's stamp rather than the document's text."""
    date = text[start:end]
    numeric = bool(_NUMERIC.fullmatch(date))
    if not numeric and not _FULL.fullmatch(date):
        return False  # 5月10日, 2010年, 今年: never a stamp alone
    if _CLOCK.match(text, end):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start:start]
    after = text[end:line_end]
    if _PUBLISHED.search(before):
        return True
    alone = not before.strip(_BULLET) and not after.strip(_BULLET)
    if alone and (_label_line(text, line_end + 1) or _label_line(text, _line_before(text, line_start))):
        return True  # • 2023年09月15日 / • 来源: …
    if not numeric:
        return False
    if _LABEL.search(before) or _LABEL.match(after.strip(_BULLET)):
        return True
    if line_start == 0 and line_end == len(text):
        return False  # the whole text is this line: no page around it
    # alone on its line, or ending a short line of site names (安陆新闻网 2011-4-28)
    return alone or (not after.strip() and not re.search(r"[。;；,，]", before))


def _line_before(text: str, line_start: int) -> int:
    """Start of the last non-empty line before ``line_start`` (or -1)."""
    pos = line_start - 1
    while pos > 0:
        prev = text.rfind("\n", 0, pos) + 1
        if text[prev:pos].strip():
            return prev
        pos = prev - 1
    return -1


def _label_line(text: str, pos: int) -> bool:
    """The line at ``pos`` (skipping empty ones) opens with a chrome label: 来源:, 点击:, 公告日期:."""
    if pos < 0 or pos >= len(text):
        return False
    while pos < len(text) and text[pos] in "\n \t":
        pos += 1
    head = text[pos:pos + 12].lstrip(_BULLET)
    return bool(re.match(rf"\S{{0,4}}(?:{_LABEL.pattern})\s*[:：]", head))
