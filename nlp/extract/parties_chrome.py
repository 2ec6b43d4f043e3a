"""A web page's masthead above a document: site name, welcome line, date banner, menu.

Sites print their own name over every page (``某市卫生健康委员会`` / ``欢迎访问…网站`` /
``今天是…`` / ``首页 新闻动态 …``). That name is the site's, not a party of the document (the
gold conventions make chrome no part of it), and a finder reading first lines as the issuer's
place would take it. ``masthead_end`` finds where such a block ends, so the finders never read
it; a block counts only when one of its first lines carries a cue only a page prints.
"""

from __future__ import annotations

import re

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


def blank_masthead(text: str) -> str:
    """``text`` with its masthead's characters made spaces (line breaks kept, offsets exact)."""
    end = masthead_end(text)
    if not end:
        return text
    return "".join(c if c == "\n" else " " for c in text[:end]) + text[end:]
