"""A web page's masthead above a document: site name, welcome line, date banner, menu.

Sites print their own name over every page (``某市卫生健康委员会`` / ``欢迎访问…网站`` /
``今天是…`` / ``首页 新闻动态 …``). That name is the site's, not a party of the document (the
gold conventions make chrome no part of it), and a finder reading first lines as the issuer's
place would take it. ``masthead_end`` finds where such a block ends, so the finders never read
it; a block counts only when one of its first lines carries a cue only a page prints.
"""

from __future__ import annotations

import re

from nlp.extract.parties_people import is_person_name

_LOOK = 8  # non-empty lines at the top of a text that may belong to a masthead
_MAX_LINE = 60
# cues only a web page prints at its top: a welcome, a date banner, a menu, a breadcrumb
_CUE = re.compile(
    r"^(?:欢迎(?:访问|光临|来到|您)|今天是|当前(?:位置|日期)|您(?:的|现在的)?(?:位置|所在)"
    r"|首\s*页(?:\s|$|[>»/|])|.{0,30}(?:网站|门户网|官网)(?:首页)?\s*$"
    r"|(?:登录|注册|无障碍|繁体|简体|English|设为首页|加入收藏)(?:\s|$|[|/]))"
)
_SENTENCE = re.compile(r"[。;;!?!?]|[,,].*[,,]")


def masthead_end(text: str) -> int:
    """Offset where a page's masthead at the top of ``text`` ends (0 without one).

    >>> t = "某市卫生局\\n欢迎访问某市卫生局网站\\n关于做好某项工作的通知\\n各单位:\\n"
    >>> t[masthead_end(t):].lstrip().split("\\n")[0]
    '关于做好某项工作的通知'
    >>> masthead_end("某市卫生局文件\\n关于做好某项工作的通知\\n")
    0
    """
    end, pos, seen = 0, 0, 0
    while pos < len(text) and seen < _LOOK:
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        line = text[pos:nl].strip()
        if line:
            seen += 1
            if len(line) > _MAX_LINE or _SENTENCE.search(line):
                break  # running text: the document has begun
            if _CUE.search(line):
                end = nl
        pos = nl + 1
    return end


# a site's footer: who runs it, how to reach it, its licence
_FOOTER = re.compile(
    r"^(?:主办|承办|协办|技术支持|版权所有|Copyright|©|联系电话|电话|地址|邮编|备案号|网站标识码)"
    r"|ICP备|公网安备"
)
# an item of a list of links: a numbered headline, or a headline and its date stamp
_STAMP = r"(?:[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)"
_DATED_LINK = re.compile(rf"^[^。;;!?!?,,::]{{6,60}}?[ \t　(\[【]*{_STAMP}[)\]】]?$")
_NUMBERED_LINK = re.compile(r"^[0-9]{1,2}[.、．][^。;;!?!?,,::]{4,60}$")
_LINKS = 2  # a list of dated links has at least two items…
_NUMBERED_LINKS = 3  # …and one of undated numbered links three, for a document's last items are numbered too


def links_start(text: str) -> int:
    """Offset where a page's list of links (and the footer under it) at the end of ``text`` begins
    (``len(text)`` without one). Two dated items need no footer; numbered items without dates
    count only over a footer and three or more, for a document's own last items are numbered too.

    >>> t = "各单位要抓好落实。\\n1.某区开展安全检查 2021-06-10\\n2.某镇召开推进会 2021-06-01\\n"
    >>> t[links_start(t):].strip().split("\\n")[0]
    '1.某区开展安全检查 2021-06-10'
    >>> t = "各单位要抓好落实。\\n附件:\\n1.某区安全检查表\\n2.某镇推进表\\n"
    >>> links_start(t) == len(t)
    True
    """
    lines, pos = [], len(text)
    while pos > 0:
        start = text.rfind("\n", 0, pos - 1) + 1 if pos > 0 else 0
        lines.append((start, text[start:pos].strip()))
        pos = start
        if len(lines) > 40:
            break
    cut, footer, dated, numbered, run_start = len(text), False, 0, 0, None
    for start, line in lines:
        if not line:
            continue
        if not dated and not numbered and len(line) <= _MAX_LINE * 2 and _FOOTER.search(line) \
                and not _SENTENCE.search(line):
            footer, cut = True, start
            continue
        if _DATED_LINK.match(line):
            dated, run_start = dated + 1, start
        elif footer and _NUMBERED_LINK.match(line) and not dated:
            numbered, run_start = numbered + 1, start
        else:
            break
    if dated >= _LINKS or numbered >= _NUMBERED_LINKS:
        return run_start
    return cut if footer else len(text)


# a report's credits: who wrote, edited, photographed, typed or posted it (责任编辑:某某 编辑:某某,
# (记者 某某 通讯员 某某), 新华社记者 某某 摄, 校对:某某 录入:某某). Their names are the page's,
# no party of the work reported. A reporter's label may stand bare before the names (记者张某);
# an editor's or typist's takes a colon. A name is two or three characters (one space may part
# them: 李 敏) standing before a space, a bracket, a line's end or the next credit, and the first
# name of a credit must read as a person's (``is_person_name``): none runs into the text.
_BARE_CREDITS = ("特约记者", "实习记者", "本报记者", "本台记者", "首席记者", "记者", "通讯员", "责任编辑")  # colon optional
_COLON_CREDITS = ("编辑", "责编", "作者", "撰稿", "撰文", "图文", "摄影", "摄像", "校对", "录入", "排版", "审核", "审校",
                  "核稿", "发布人", "供稿", "来源")
# one alternative per label, each opening with its literal word: the regex engine then skips ahead to
# the labels' first characters instead of trying the pattern at every position of the text
_CREDIT_LABEL = ("(?:" + "|".join(rf"{w}[ \t]*[:/]?" for w in _BARE_CREDITS)
                 + "|" + "|".join(rf"{w}[ \t]*[:/]" for w in _COLON_CREDITS) + r")[ \t]*")
_CREDIT_NAME = r"[\u4e00-\u9fff](?:[ \t]?[\u4e00-\u9fff]){1,2}(?=[ \t\n)/|]|$)"
CREDITS = re.compile(rf"{_CREDIT_LABEL}(?P<names>{_CREDIT_NAME}(?:[ \t、,]+(?:{_CREDIT_LABEL})?{_CREDIT_NAME})*)"
                     r"(?:[ \t]+(?:摄|报道))?")  # 图文:赵某 编辑:王某, 新华社记者 王某 摄
# a dateline's bracket of reporters' names: 某某网讯(张某 汪某), (张某 李某 报道)
_BYLINE = re.compile(rf"(?<=讯)[ \t]*\((?P<names>(?:{_CREDIT_NAME}[ \t、,]*){{1,6}})(?:报道)?\)"
                     rf"|\((?P<names2>(?:{_CREDIT_NAME}[ \t、,]*){{1,6}})报道\)")
# a report signed by its desk: …引致。(编辑部)
_DESK = re.compile(r"\((?:编辑部|本报编辑部|新闻中心)\)")
_CREDIT_FIRSTS = ("记者", "通讯员", "编", "作者", "撰", "图文", "摄", "校对", "录入", "排版", "审", "核稿", "讯", "报道",
                  "发布人", "供稿", "来源", "新闻中心")


def _credit_spans(text: str) -> list[tuple[int, int]]:
    """The spans of a report's credits (``CREDITS``, ``_BYLINE``) whose first name reads as a
    person's."""
    if not any(w in text for w in _CREDIT_FIRSTS):
        return []
    out = [m.span() for m in _DESK.finditer(text)]
    # (a byline's bracket follows 讯 or closes with 报道: without either, its slow scan is skipped)
    for rx in (CREDITS, _BYLINE) if "讯" in text or "报道" in text else (CREDITS,):
        for m in rx.finditer(text):
            names = m.group("names") if rx is CREDITS else (m.group("names") or m.group("names2"))
            first = re.match(_CREDIT_NAME, names)
            if first and is_person_name(re.sub(r"[ \t]", "", first.group())):
                out.append(m.span())
    return out


def page_body(text: str) -> str:
    """``text`` without the page around it: its masthead and a report's credits made spaces (line
    breaks kept), its closing links and footer cut off, so every offset into the result is one
    into ``text``."""
    end, tail = masthead_end(text), links_start(text)
    credits = _credit_spans(text)
    if not end and tail == len(text) and not credits:
        return text
    if credits:
        chars = list(text)
        for a, b in credits:
            chars[a:b] = [c if c == "\n" else " " for c in text[a:b]]
        text = "".join(chars)
    return "".join(c if c == "\n" else " " for c in text[:end]) + text[end:tail]
