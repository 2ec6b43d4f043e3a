"""Reading stage, web pages: HTML -> the text a reader sees, scripts and navigation dropped.

The standard library's html.parser tokenizes without recursion and decodes entities itself, so
a page of 200,000 nested divs costs linear time and no stack. Block elements become line breaks,
table rows become lines with their cells joined by a tab.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".asp", ".aspx", ".php", ".jsp"})

_SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "head", "title", "nav", "header", "footer", "aside",
    "svg", "select", "iframe", "object", "button",
})
_VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
})
_BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dd", "dt", "tr", "table", "tbody", "thead", "tfoot",
    "caption", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "main", "blockquote", "pre",
    "address", "center", "figure", "figcaption", "fieldset", "legend", "form", "body", "html",
})
_CELL_TAGS = frozenset({"td", "th"})
# class/id words of page chrome: <div class="nav">, "main-menu", "breadcrumbs", "site_footer",
# and the pinyin 导航 (daohang) of Chinese site templates.
_NAV_WORDS = ("nav", "menu", "breadcrumb", "crumb", "footer", "sidebar", "daohang")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

_LINE_WRAP = "\uffff"  # marks whitespace that held a line break in the source, until lines are joined
_HTML_WHITESPACE = re.compile(r"[ \t\r\n\f]+")
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
# 工作\n   目标 in the source is one word wrapped by an editor, not two words.
_WRAP_BETWEEN_CJK = re.compile(f"(?<=[{_CJK}]){_LINE_WRAP}(?=[{_CJK}])")

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([-\w.:]{1,40})""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,100}?encoding\s*=\s*["']([-\w.:]{1,40})""", re.I)
# A .txt whose first tag is one of these is a saved web page.
_HTML_START = re.compile(
    r"\s*(?:<!--.{0,2000}?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|span|center|font)\b",
    re.I | re.S)
_ANY_TAG = re.compile(r"<[a-zA-Z!/]")
# What html.parser may see as markup: bounded tags, declarations and comment openers. It scans an
# unclosed tag to the end of the input, so "<a " repeated 20,000 times costs it minutes; every
# other "<" is escaped first. Lengths are bounded so each "<" costs at most a few thousand steps.
_TAG_TOKEN = re.compile(
    r"<!--"                                                   # <!-- 注释 -->, closed by _make_safe
    r"|<[!?][^<>]{0,1000}>"                                   # <!DOCTYPE html>, <?xml ...?>
    r"|</?[a-zA-Z][^<>\"']{0,1000}"                          # <div class=x
    r"(?:(?:\"[^\"]{0,2000}\"|'[^']{0,2000}')[^<>\"']{0,1000}){0,50}>"  # title="a>b" ...>
)


def find_declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (``<meta charset>`` or the XML declaration).

    >>> find_declared_charset(b"<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'>")
    'gb2312'
    """
    head = data[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def looks_like_html(text: str, suffix: str) -> bool:
    """True for a page: by its suffix if it holds any tag, else by the tag it starts with."""
    if suffix.lower() in HTML_SUFFIXES:
        return bool(_ANY_TAG.search(text, 0, 65536))
    return bool(_HTML_START.match(text[:4096]))


def html_to_text(markup: str) -> str:
    """The visible text of a page, one block per line, navigation and scripts dropped.

    >>> html_to_text("<div class='breadcrumb'>首页 &gt; 通知</div><p>一、工作目标</p><script>x</script>")
    '一、工作目标'
    """
    parser = _PageText()
    parser.feed(_make_safe(markup.replace(_LINE_WRAP, "")))
    parser.close()
    text = _join_lines(parser.parts)
    if not text:
        # An unclosed <header> or <nav> can swallow a whole page; then keep everything visible.
        text = _join_lines(parser.all_parts)
    return text


def _make_safe(markup: str) -> str:
    """Escape every "<" that does not open a complete, bounded tag or a closed comment."""
    out: list[str] = []
    pos = 0
    comments_can_close = True
    while match := _TAG_TOKEN.search(markup, pos):
        out.append(markup[pos:match.start()].replace("<", "&lt;"))
        pos = match.end()
        if match.group() != "<!--":
            out.append(match.group())
            continue
        end = markup.find("-->", pos) if comments_can_close else -1
        if end < 0:
            comments_can_close = False  # no later "<!--" can find a "-->" either
            out.append("&lt;!--")
        else:
            out.append(markup[match.start():end + 3])
            pos = end + 3
    out.append(markup[pos:].replace("<", "&lt;"))
    return "".join(out)


def _looks_like_nav(value: str) -> bool:
    for token in re.split(r"[^a-z]+", value.lower()):
        if token and any(token.startswith(w) or token.endswith(w) for w in _NAV_WORDS):
            return True
    return False


def _join_lines(parts: list[str]) -> str:
    text = "".join(parts)
    text = _WRAP_BETWEEN_CJK.sub("", text).replace(_LINE_WRAP, " ")
    lines = (line.strip(" \t") for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


class _PageText(HTMLParser):
    """Collects visible text. A stack of open elements, with a count per tag name, lets every end
    tag close what it matches in amortized constant time, however deep or broken the nesting."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []       # text outside skipped elements
        self.all_parts: list[str] = []   # text outside script/style only: the fallback
        self._stack: list[tuple[str, bool]] = []
        self._open: Counter[str] = Counter()
        self._skipping = 0               # skipped elements on the stack (nav, footer, script...)
        self._raw = 0                    # script/style/template on the stack
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID_TAGS:
            if tag in ("br", "hr"):
                self._emit("\n")
            return
        if tag == "body" and self._open["head"]:
            self._close("head")
        skip = tag in _SKIP_TAGS or self._is_chrome(attrs)
        self._stack.append((tag, skip))
        self._open[tag] += 1
        self._skipping += skip
        self._raw += tag in ("script", "style", "template")
        self._pre += tag == "pre"
        if tag in _BLOCK_TAGS:
            self._emit("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("br", "p") and not self._open[tag]:
            self._emit("\n")  # browsers read a stray </br> or </p> as a line break
            return
        if self._open[tag]:
            self._close(tag)
        if tag in _BLOCK_TAGS:
            self._emit("\n")
        elif tag in _CELL_TAGS:
            self._emit("\t")

    def handle_data(self, data: str) -> None:
        if self._raw:
            return
        if not self._pre:
            data = _HTML_WHITESPACE.sub(_collapse_space, data.replace("\xa0", " "))
        self.all_parts.append(data)
        if not self._skipping:
            self.parts.append(data)

    def _emit(self, text: str) -> None:
        self.all_parts.append(text)
        if not self._skipping:
            self.parts.append(text)

    def _close(self, tag: str) -> None:
        while self._stack:
            name, skip = self._stack.pop()
            self._open[name] -= 1
            self._skipping -= skip
            self._raw -= name in ("script", "style", "template")
            self._pre -= name == "pre"
            if name == tag:
                return

    def _is_chrome(self, attrs: list[tuple[str, str | None]]) -> bool:
        for name, value in attrs:
            if name == "hidden":
                return True
            if not value:
                continue
            if name in ("class", "id", "role") and _looks_like_nav(value):
                return True
            if name == "style" and _HIDDEN_STYLE.search(value):
                return True
        return False


def _collapse_space(match: re.Match[str]) -> str:
    return _LINE_WRAP if "\n" in match.group() else " "
