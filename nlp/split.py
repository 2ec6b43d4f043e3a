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
from functools import cache, lru_cache

from nlp.genres import CLOSING_GENRES, GLUED_FIRST_HEADING, HANDED_ON, HANDING, declared_genre, enclosed_genre, enclosed_title, genre_of, genre_pattern, strip_title_tail
from nlp.numerals import parse_number
from nlp.split_head import (_PIECE_NUMBER, _PIPED_NAME, COMPILATION, _TITLE_LABEL, compilation_head, DATED_ITEM, METADATA_ROW, find_doc_number, head_title, headline_candidate, is_body_line,
                            is_publication_line, is_salutation, is_signing_date, is_site_chrome)
from nlp.text import without_spaces

# a note after the genre word: (试行), (2023—2025年), (第二版); a 公告's number: 第8号, (第8号)
_TITLE_TAIL = r"(?:\((?:[^()。,,;:;:]{1,20})\))?(?:(?:[12]\d{3}年)?第\d{1,4}号)?"
_MARKER_START = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.]|\(?[一二三四五六七八九十]+\)|\d{1,2}[、.．)]|\(\d{1,2}\)|[①-⑳]|"
    r"第[一二三四五六七八九十百\d]+(?:[章节条部分阶段步]|板块|篇章))")
# What may follow a title run into the body on one line: 县卫生系统会计委派制实施方案近年来,…
_BODY_OPENER = (r"(?:为了?(?!主要|重点|核心|载体|抓手|主题|契机|目标|依托|指导|引领|统领)|根据|按照|依据|近年来|近年|随着|当前|目前|结合|在|我[县市区局院校]"
                r"|[\u4e00-\u9fff]{0,4}各[^。::]{1,100}[::]"  # …实施方案区级各医疗卫生单位: (主送)
                r"|[\u4e00-\u9fff]{1,10}[〔\[【][12]\d{3}[〕\]】]\d{1,4}号"  # …的通知国办发〔2013〕30号 (its number)
                r"|[12]\d{3}-\d{1,2}-\d{1,2}(?!\d)"  # …工作总结2020-02-26 来源:… (its publication date)
                r"|[12]\d{3}年(?:以来|[,,]))")  # …工作总结和2023年工作计划2022年,我局…: a summary's first sentence


@cache
def _title_line() -> re.Pattern:
    # (`…则因违规操办婚宴被通报`: a genre word after 被 is the passive verb of a sentence, no genre)
    return re.compile(rf"^(?P<title>[^。!?;,,]{{2,80}}?(?<!被)(?:{genre_pattern()}){_TITLE_TAIL})[。>]?$")


@cache
def _title_prefix() -> re.Pattern:
    # (a template site's label may stand between the title and the body: `…活动方案范文根据…`)
    return re.compile(rf"^(?!为|按照|根据|依据|据|经|现将|近日|近年|今年|日前|兹|特|新华社|本报)(?P<title>[^。!?;:,,:;、\s]{{2,80}}(?:{genre_pattern()}){_TITLE_TAIL})"
                      rf"(?:范文|模板|模版|范本|样本)?(?={_BODY_OPENER})")


@cache
def _embedded_title() -> re.Pattern:
    """A 关于 title inside a flattened line, closed by the page's metadata, its number or its 主送."""
    return re.compile(rf"(?P<title>(?:(?!号)[\u4e00-\u9fff]){{0,30}}关于[^。!?;:,,:;\s]{{2,80}}(?:{genre_pattern()}){_TITLE_TAIL})"
                      rf"(?=(?:发布|时间|来源|日期|索引)|{_BODY_OPENER})")


@dataclass(frozen=True, slots=True)
class DocSpan:
    start: int
    end: int
    title: str | None = None
    doc_type: str | None = None
    doc_number: str | None = None
    encloses: str | None = None  # the genre of the document a 印发/转发 notice hands on
    drops: tuple[tuple[int, int], ...] = ()  # chrome spans inside [start, end) to remove


@dataclass(slots=True)
class _Line:
    start: int
    end: int  # without the line break
    text: str


def split_documents(text: str) -> list[DocSpan]:
    """Find the documents of a file.

    >>> body = "一、目标\\n" + "各单位要认真组织,确保各项工作落到实处。" * 5 + "\\n"
    >>> [d.title for d in split_documents("甲县卫生系统实施方案\\n\\n甲县卫生系统实施方案\\n" + body +
    ...                                        "乙县防火工作方案\\n乙县防火工作方案\\n" + body)]
    ['甲县卫生系统实施方案', '乙县防火工作方案']
    """
    _key.cache_clear()  # (a memo of this file's lines only)
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
_PIECE_PREFIX = re.compile(r"^(?:第?[一二三四五六七八九十\d]{1,3}篇|篇[一二三四五六七八九十\d]{1,3}|范文[一二三四五六七八九十\d]{1,3})[::、.]?"
                           r"|^[一二三四五六七八九十]{1,2}、(?=关于.{4,80}的(?:通知|通报|函|意见|决定|批复)$)")
# `…工作计划篇1` / `… 篇2`: a sample-text compilation's piece number after the piece's title
_PIECE_SUFFIX = re.compile(r"\s*篇\s*[0-9一二三四五六七八九十]{1,3}$")
# a site's slogan of parallel phrases (`宣传某某制度 交流某某经验;推进某某建设 构建某某`): no title
_SLOGAN = re.compile(r"(?:[\u4e00-\u9fff]{3,10}[ \t;；]+){3,}")
_NUMBERED_NOTICE = re.compile(r"^[一二三四五六七八九十]{1,2}、\s*关于.{4,80}的(?:通知|通报|函|意见|决定|批复)$")
# `二、关于召开…运动会的通知` over its 主送: the second of several notices a page numbers (a weekly page of a
# bureau's sections), not a heading of the first


@lru_cache(maxsize=4096)
def _key(s: str) -> str:
    """A line as a title is compared: without spaces, a template's piece number, a closing 。 and a
    file's extension. The splitter asks it of the same lines several times (a line's key, then
    whether it is a title line, doubled, repeated): each line's is read once per file
    (``split_documents`` empties the cache, so nothing is kept from one file to the next)."""
    key = without_spaces(s)
    if key[:1] in _FIELD_FIRSTS and (field := _TITLE_FIELD.match(key)):
        key = key[field.end():]  # 名称:关于…的通知, a metadata table's field: the title it gives
    piece = _PIECE_PREFIX.match(key)  # (anchored at the start: one match at most, no scan of the line)
    if piece:
        key = key[piece.end():]
    key = _PIECE_SUFFIX.sub("", _EMOJI_TAIL.sub("", key).rstrip("。>"))
    key = _piece_digits(key)
    return _FILE_EXTENSION.sub("", key) if "." in key else key  # (a file's name has its dot)


_TRAILING_DIGITS = re.compile(r"[0-9]{1,2}$")


def _piece_digits(title: str) -> str:
    """`医院消防的应急预案1`: a sample-text compilation's piece number run onto the piece's title
    after its genre word (the title without it); any other title as it is."""
    m = _TRAILING_DIGITS.search(title) if title[-1:].isdigit() else None
    if m and m.start() >= 6 and genre_of(title[:m.start()]) and not genre_of(title):
        return title[:m.start()]
    return title


_TITLE_FIELD = re.compile(r"[•·]?(?:名称|标题|文件名称)[::]")
_FIELD_FIRSTS = frozenset("•·名标文")
# emoji a page decorates its lines with (`某县2024工作报告📜`): no part of a title
_EMOJI_TAIL = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]+$")


# a title given as the file's name on a document-sharing page (`…实施方案.docx`)
_FILE_EXTENSION = re.compile(r"(?<=[\u4e00-\u9fff)])\.(?:docx?|pdf|wps|txt|pptx?)$", re.I)


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
    if (not t or (_MARKER_START.match(t) and not _PIECE_PREFIX.match(without_spaces(t)))
            or t.startswith(("《", "附件", "附:")) or compilation_head(t) or _CAPTION.match(t)):
        return False
    if _BARE_NUMBER_HEAD.match(t) and len(t) <= 24:
        return False  # `2组织机构和部门职责`: a heading of an outline numbered 1总则, 1.1编制目的…
    key = _key(t)  # (once for both tests)
    if _SECTION_LABEL.match(key) or METADATA_ROW.match(t) or _SENTENCE_OPENING.match(key):
        return False
    if key.endswith(_SPOKEN) and _speaker_named(key[:-2]):
        return False  # `某厅厅长某某讲话` under a photo: a caption, not a speech's title (`在…会议上的讲话`)
    return bool(_title_line().match(key))


_SPOKEN = ("讲话", "发言", "致辞")


def _speaker_named(head: str) -> bool:
    """Whether ``head`` ends with a post and a person's name (`…党组书记、厅长某某`)."""
    from nlp.extract.parties_names import person_posts
    from nlp.extract.parties_people import is_person_name

    return any(is_person_name(head[-n:]) and head[:-n].endswith(tuple(person_posts()))
               for n in (3, 2) if len(head) > n)


# a sentence of a document's text that names the genre (`依据《…》编制本预案。`, `根据…制定本方案`): it
# opens on a citing word or refers to its own document (本预案), as no title does
_SENTENCE_OPENING = re.compile(r"^(?:根据|按照|依据|依照|遵照|现将|近日|日前)|(?:编制|制定|制订|印发)本")


# a photo's caption (`上图为某镇进行…工作汇报`, `图:某局开展…检查`): no title, even ending in a genre word
_CAPTION = re.compile(r"[上下左右]?图(?:为|片为|[0-9]{0,2}[::])")


# a heading numbered with bare digits run into its words (`2组织机构和部门职责`, `1.2编制依据`), not a
# count (`3部门联合…`, `5月起…`, `10项措施`)
_BARE_NUMBER_HEAD = re.compile(r"[0-9]{1,2}(?:\.[0-9]{1,2})*[ \t\u3000]?(?![年月日号时点个名项家岁人次批条件届周天万亿千百部大类起所种成倍级座台份位余多])"
                               r"[\u4e00-\u9fff]")  # (`2 组织指挥体系及职责`: a space between too)


# a site's label over its pages (`新闻公报`, `通知公告`), not a title with its genre word
_SECTION_LABEL = re.compile(r"^(?:新闻|通知|政务|工作|信息|媒体|校园|最新|网站|系统|重要|公示|学校|本站|一般)"
                            r"(?:公报|稿|公告|动态|发布|通知|公示)$")


def _doubled(s: str) -> str | None:
    """`XX方案XX方案` -> `XX方案` (a headline glued to its repeat)."""
    k = _key(s)
    half = len(k) // 2
    if len(k) % 2 == 0 and half >= 4 and k[:half] == k[half:] and _is_title_line(k[:half]):
        return k[:half]
    return None


def _document_starts(lines: list[_Line]) -> list[int]:
    """Indices of the lines where documents start (the first is always 0).

    A document starts at a headline group that repeats itself (a page strings plans together),
    after a 落款 (signing date) when a title follows (版头 and 发文字号 lines may sit between),
    at a stand-alone title line after running text, or at a headline over a publication date
    in a list of news items; never at the document a 印发/转发 notice hands on.
    """
    starts = [0]
    body_chars = text_chars = paragraphs = 0  # all characters, and those of running text, since the last start
    current: set[str] = set()
    flags = _ChromeFlags(lines)
    items = _item_starts(lines)
    # a sample-text site's compilation (`某某活动计划(模板14篇)` over a blurb): its pieces' titles
    compiled = next((k for k, ln in enumerate(lines[:8]) if COMPILATION.search(ln.text.strip())), None)
    pieces = 0
    i = 0
    while i < len(lines):
        if i in items and not any(_is_title_line(ln.text) and _titled(_key(ln.text)) for ln in lines[starts[-1]:i]):
            # one item of a page of several (a column of dated news items), not inside a named document
            if text_chars or body_chars >= 60 or i == 0:  # (a listing's teaser, cut before its 。, is text)
                if i:
                    starts.append(i)
            elif i <= 8:
                starts[0] = i  # (the page's chrome above its first item: nobody's)
            body_chars = len(lines[i].text)
            text_chars = body_chars if "。" in lines[i].text else 0
            paragraphs = int("。" in lines[i].text)
            current = set()
            i += 1
            continue
        if _is_title_line(lines[i].text) or _doubled(lines[i].text):
            j = i
            keys: list[str] = []
            while j < len(lines) and (_is_title_line(lines[j].text) or _doubled(lines[j].text)):
                d = _doubled(lines[j].text)
                keys += [d, d] if d else [_key(lines[j].text)]
                j += 1
            nxt = lines[j].text if j < len(lines) else ""
            if _repeated(keys, nxt) and not (set(keys) & current):
                if compiled is not None and compiled < i <= 20 and starts == [0] and not pieces:
                    starts[0] = i  # (a compilation's first piece, its title repeated: its head above is nobody's)
                    pieces += 1
                elif (0 < i <= 8 and starts == [0]
                      and all(len(_key(ln.text)) <= 30 and "。" not in ln.text for ln in lines[:i])):
                    starts[0] = i  # a page headline (or a masthead's short lines) above the first document
                elif i > 0 and body_chars >= 80:
                    starts.append(i)
                body_chars = text_chars = paragraphs = 0
                current = set(keys)
            elif (len(keys) == 1 and keys[0] in current and len(keys[0]) >= 10 and paragraphs == 1 and i <= 30
                  and any("。" in ln.text and keys[0] in _key(ln.text) for ln in lines[starts[-1] + 1:i])
                  and not _hands_on(lines, starts[-1], i, keys[0])):
                # the title again after one paragraph that quotes it (a sample-text site's summary
                # of the page, `下面由网友为您整理分享的“…”相关资料`): the same document starts here,
                # the summary above it is the site's (but a notice's paragraph that hands it on,
                # `现将…计划下达给你们`, is the notice's own: one document)
                starts[-1] = i
                body_chars = text_chars = paragraphs = 0
            elif (starts == [0] and not pieces and 0 < i <= 20 and len(keys) == 1
                  and _FIRST_PIECE.search(lines[i].text) and any("。" in ln.text for ln in lines[j:j + 3])):
                # `某某方案 篇1` under a site's blurb: a sample-text page's first piece, the blurb is the site's
                starts[0] = i
                pieces += 1
                body_chars = text_chars = paragraphs = 0
                current = set(keys)
            elif (compiled is not None and i > compiled and len(keys) == 1
                  and (len(keys[0]) >= 6 and _subject_chars(keys[0]) >= 3
                       or _PIECE_NUMBER.search(lines[i].text) and _subject_chars(keys[0]) >= 2)  # `消防通知 篇1`
                  and any("。" in ln.text for ln in lines[j:j + 3])
                  and not _numbering_goes_on(lines, starts[-1], i)):
                # each piece's title line opens a document; the compilation's head and blurb above the
                # first piece are nobody's
                if pieces == 0 and starts == [0] and i <= 20:
                    starts[0] = i
                else:
                    starts.append(i)
                pieces += 1
                body_chars = text_chars = paragraphs = 0
                current = set(keys)
            elif (len(keys) == 1 and _titled(keys[0]) and text_chars >= 120
                  and (_after_text(lines, i) or (len(keys[0]) >= 10 and _opens_body(lines, j)))
                  and any("。" in ln.text for ln in lines[j:j + 3])
                  and not _hands_on(lines, starts[-1], i, keys[0]) and not _numbering_goes_on(lines, starts[-1], i)
                  and (_after_text(lines, i) or _holds_a_document(lines, j))):
                # (after a page's end, a title over a one-sentence summary is a related page's)
                starts.append(i)  # a stand-alone title after running text: the next document
                body_chars = text_chars = paragraphs = 0
                current = set(keys)
            elif (len(keys) == 1 and i > 0 and body_chars >= 10 and _NUMBERED_NOTICE.match(lines[i].text.strip())
                  and _official_head(lines, j)):
                starts.append(i)  # `二、关于…的通知` over its 主送: the next of the notices a page numbers
                body_chars = text_chars = paragraphs = 0
                current = set(keys)
            elif (len(keys) == 1 and len(keys[0]) >= 6 and text_chars >= 120 and not (set(keys) & current)
                  and _official_head(lines, j) and not _hands_on(lines, starts[-1], i, keys[0])
                  and not _numbering_goes_on(lines, starts[-1], i)):
                starts.append(i)  # a 公文's head (title over its 发文字号 or 主送) opens the next notice
                body_chars = text_chars = paragraphs = 0
                current = set(keys)
            elif not current:
                current = set(keys)
            i = j
            continue
        if body_chars >= 80 and text_chars >= 40 and is_signing_date(lines[i].text):
            # (a 落款 closes running text; a date among headlines with no sentence is a link list's)
            k = _title_after_signature(lines, i + 1)
            if (k is not None and not _hands_on(lines, starts[-1], k, _key(lines[k].text))
                    and (not any(is_site_chrome(ln.text) for ln in lines[i + 1:k]) or _holds_a_document(lines, k + 1))):
                # (a page's chrome after the 落款, then a title over a one-sentence summary: a related page)
                starts.append(i + 1)
                body_chars = text_chars = paragraphs = 0
                current = {_key(lines[k].text)}
                i = k + 1
                continue
        if (text_chars >= 120 and _is_text(lines[i].text) and (spaced := _spaced_title(lines, i))
                and not _hands_on(lines, starts[-1], i, spaced) and not _numbering_goes_on(lines, starts[-1], i)):
            starts.append(i)  # the next document's title run into its body after a space
            body_chars = text_chars = paragraphs = 0
            current = set()
            i += 1
            continue
        if (text_chars >= 120 and i and "。" not in lines[i].text and "," not in lines[i].text
                and not _is_text(lines[i - 1].text) and _after_chrome(lines, i, flags) and not _numbering_goes_on(lines, starts[-1], i)
                and _item_chars(lines, i + 1) >= 200 and not _labelled(lines, starts[-1], i)):
            # (a page's whole text, not the summary of a related page under a `相关新闻` label)
            # (a line with a comma is a sentence's line wrapped, as on a PDF page)
            starts.append(i)  # a headline under a page's chrome (menu, greeting, sharing links)
            body_chars = text_chars = paragraphs = 0
            current = {_key(lines[i].text)}
            i += 1
            continue
        if text_chars >= 120 and _opens_page(lines, i) and not _numbering_goes_on(lines, starts[-1], i):
            # a page's own head after running text: `原标题:…`, or a 主送 with no title above it
            # opening a letter (`各单位:` / `现将《X》印发给你们`): the next notice of a file of several
            starts.append(i)
            body_chars = text_chars = paragraphs = 0
            current = set()
            i += 1
            continue
        if (text_chars >= 30 and i + 1 < len(lines) and is_publication_line(lines[i + 1].text)
                and not _ATTACHMENT_LINE.match(lines[i].text.strip())  # (a notice's 附件 over its 落款 date)
                and head_title([lines[i].text]) is not None
                and any("。" in ln.text for ln in lines[i + 2:i + 5])  # (not a list of dated links)
                and ((paragraphs <= 2 and text_chars <= 800 and _dated_head(lines, starts[-1]))
                     or _item_chars(lines, i + 2) >= 200)
                and not _labelled(lines, starts[-1], i)):
            # a list of news items (headline, date, a paragraph, next headline: the item above has
            # that shape too), or another news page (its text is more than a summary); not the one-sentence summaries of related news under an article, nor a block
            # of other pages under its label (相关新闻)
            starts.append(i)
            body_chars = text_chars = paragraphs = 0
            current = {_key(lines[i].text)}
            i += 2
            continue
        if _SITE_STATEMENT.search(lines[i].text) and _MARKER_START.match(lines[i].text.strip()):
            i += 1
            continue  # a site's numbered notice (`1、下载文档前请自行甄别…`) is no text of a document
        if not METADATA_ROW.match(lines[i].text.strip()):  # (a page's metadata table is no body)
            body_chars += len(lines[i].text)
        text_chars += len(lines[i].text) if "。" in lines[i].text else 0
        paragraphs += "。" in lines[i].text
        i += 1
    return starts


# A page of several items in one column: the same item shape several times in a row. An item is a
# line under a bullet (◆, ■) that reports a dated event in a sentence or more, or a headline over a
# news report's dateline (`【记者某某/某地报道】…`, `本报讯`, `3月5日,…`).
_ITEM_BULLET = re.compile(r"^[◆◇■□●▲★▶►▪]\s*(?=\S)")
_ITEM_EVENT = re.compile(r"\d{1,2}月\d{1,2}日|近日|日前|昨日|昨天|今天|今日")
_DATELINE = re.compile(r"^(?:[【\[(][^】\])]{0,24}?(?:记者|通讯员|报道|报导|讯)[^】\])]{0,24}[】\])]|本报讯|本网讯"
                       r"|[^。,,\s]{2,16}讯[\s::]|\d{1,2}月\d{1,2}日[,,])")
_LEAST_ITEMS = 3


def _item_starts(lines: list[_Line]) -> set[int]:
    """Lines that open the items of a page of several (each its own document): runs of at least
    ``_LEAST_ITEMS`` items of one shape. A bulleted item is one line of 50 characters or more with a
    sentence, bullets in a row, two in three of them dated; a headed item is a short line without
    a sentence over a news dateline, the next one within 30 lines. One heading-like line is no
    evidence: only the repeated shape is."""
    out: set[int] = set()
    run: list[int] = []

    def close() -> None:
        if len(run) >= _LEAST_ITEMS and 3 * sum(bool(_ITEM_EVENT.search(lines[k].text[:80])) for k in run) >= 2 * len(run):
            out.update(run)
        run.clear()

    for k, ln in enumerate(lines):
        t = ln.text.strip()
        if _ITEM_BULLET.match(t) and len(t) >= 50 and "。" in t:
            run.append(k)
        else:
            close()
    close()
    heads = []
    for k in range(len(lines) - 1):
        t, nxt = lines[k].text.strip(), lines[k + 1].text.strip()
        if (6 <= len(t) <= 40 and not re.search(r"[。,,;;::!?]", t) and not _MARKER_START.match(t)
                and not is_publication_line(t) and len(nxt) >= 15 and _DATELINE.match(nxt)):
            heads.append(k)
    group: list[int] = []
    for k in heads:
        if group and k - group[-1] > 30:
            if len(group) >= _LEAST_ITEMS:
                out.update(group)
            group = []
        group.append(k)
    if len(group) >= _LEAST_ITEMS:
        out.update(group)
    # a listing page: a headline, its teaser, then the item's date alone on a line (`2011年03月11日`)
    listed = [k for k in range(len(lines) - 2) if _listed_headline(lines, k)]
    # a stream of dated items: a timestamp alone on its line (`2025-06-03 08:52`) over a paragraph
    listed += [k - 1 if k and headline_candidate(lines[k - 1].text) else k  # (its headline above opens it)
               for k in range(len(lines) - 1) if _TIMESTAMP.match(lines[k].text.strip())
               and len(lines[k + 1].text.strip()) >= 60 and "。" in lines[k + 1].text]
    listed.sort()
    # a news aggregator: `标题 来源 - 2023年3月9日` over a bulleted teaser (the headline repeated above it
    # opens the item)
    aggregated = []
    for k in range(len(lines) - 1):
        t = lines[k].text.strip()
        head = _without_source_date(t)
        if head != t and lines[k + 1].text.strip().startswith(("•", "·", "●")):
            aggregated.append(k - 1 if k > 0 and lines[k - 1].text.strip() == head else k)
    # a tag or column page: `标题 2020年06月17日|文:某某|https://…` over the item's teaser
    dated = [k for k in range(len(lines)) if (m := DATED_ITEM.match(lines[k].text.strip()))
             and ((m.group("y") and len(lines[k].text.strip()) >= 40)
                  or (k + 1 < len(lines) and len(lines[k + 1].text.strip()) >= 40))]
    for found in (listed, aggregated, dated):
        group = []
        for k in found + [None]:
            if k is None or (group and k - group[-1] > 6):
                if len(group) >= _LEAST_ITEMS:
                    out.update(group)
                group = []
            if k is not None:
                group.append(k)
    return out


_TIMESTAMP = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_DATE_ONLY = re.compile(r"^(?:\d{4}[年/.-]\d{1,2}[月/.-]\d{1,2}日?)$")


_DATED_TAIL = re.compile(r"\s+\d{4}年\d{1,2}月\d{1,2}日\s*[|｜].*$")
_DASH_DATE = re.compile(r"\s+-\s+\d{4}年\d{1,2}月\d{1,2}日$")
# a page's post date printed after the headline, behind a space: `…工作安排 2016-03-07`, `… 2021/5/8 10:20`
_POST_DATE_TAIL = re.compile(r"\s+[12]\d{3}(?:[-/.][01]?\d[-/.][0-3]?\d|年[01]?\d月[0-3]?\d日)"
                             r"(?:\s+[0-2]?\d:[0-5]\d(?::[0-5]\d)?)?$")


def _without_source_date(t: str) -> str:
    """`某医院诊室天花板脱落 院方:… 某某时报 - 2023年3月8日` -> the headline: the date, then the
    source before it (one word, or a run of Latin words: `Channel C HK`)."""
    m = _DASH_DATE.search(t)
    if m is None:
        return t
    head = t[:m.start()]
    source = re.search(r"(?:\s+[A-Za-z][\w.&'-]*)+$", head) or re.search(r"\s+\S{1,16}$", head)
    return head[:source.start()].rstrip() if source and source.start() >= 4 else t


def _listed_headline(lines: list[_Line], k: int) -> bool:
    """A listing page's item: a short line with no sentence, a teaser of 30 characters or more under
    it, then a line holding only a date."""
    t = lines[k].text.strip().rstrip("|｜ ").strip()
    return (4 <= len(t) <= 40 and not re.search(r"[。,,;;!?]", t) and not _MARKER_START.match(t)
            and not _DATE_ONLY.match(t) and len(lines[k + 1].text.strip()) >= 30
            and any(_DATE_ONLY.match(lines[j].text.strip()) for j in range(k + 2, min(k + 4, len(lines)))))


_BREADCRUMB = re.compile(r"(?:当前|所在|现在的?)位置|(?:[^>\n]{1,20}>){2,}")
_ORIGINAL_TITLE = re.compile(r"^原标?题\s*[::]\s*\S")
# How a letter's first sentence opens under its 主送
_LETTER_OPENING = re.compile(r"^(?:现将|现就|为了?|根据|按照|依据|经|近期|近日|近年来|今年|目前|当前|接|你|贵|兹|《)")


# How a document's body opens under its title: `为…`, `根据…`, `近年来…`, or its first numbered heading
_BODY_OPENING = re.compile(r"^(?:为了?|根据|按照|依据|近年来|近年|随着|当前|目前|结合|在|自|今年|以下|现将|经|我[县市区局院校])")


def _opens_body(lines: list[_Line], j: int) -> bool:
    """The line ``j`` under a title opens a document's body (a sentence's opening, a first
    numbered heading, or a paragraph): a title then cut off from the running text above it by a
    page's end."""
    t = lines[j].text.strip() if j < len(lines) else ""
    return bool(_BODY_OPENING.match(t) or (_MARKER_START.match(t) and t[:1] in "一1(第")
                or (len(t) >= 40 and "。" in t))


# a page whose text opens on handing a document on, no 主送 above: `《X》已经区政府同意,现印发给你们`,
# `经县政府同意,现将《X》印发给你们`
_HANDS_ON_FIRST = re.compile(r"\s*(?:经[^。,,《]{1,20}(?:同意|批准|研究)[,,]?)?(?:现将)?" + HANDED_ON.pattern)


def _runs_on(rest: str) -> bool:
    """What follows a title on its line reads as the body's text: a clause's mark or a long run."""
    return len(rest) > 40 or re.search(r"[,,。;;::、]", rest) is not None


def _spaced_title(lines: list[_Line], i: int) -> str | None:
    """The title a line ``i`` opens with (a genre word ends it), run into a body sentence after
    a space: `某院创建文明单位工作总结 自4月以来,…`; else None."""
    if " " not in lines[i].text[:90] and "\t" not in lines[i].text[:90] and "\u3000" not in lines[i].text[:90]:
        return None
    m = re.match(r"(\S{10,80}?)\s+(\S.*)", lines[i].text.strip())
    if not m or "。" not in m.group(2) or not _BODY_OPENING.match(m.group(2)):
        return None
    key = _key(m.group(1))
    ok = _is_title_line(key) and genre_of(key) not in (None, "新闻") and not re.search(r"[,,;;。]", key)
    return key if ok else None


def _is_text(line: str) -> bool:
    """A sentence or a long line: never a line of a page's chrome."""
    return "。" in line or len(line.strip()) > 40


class _ChromeFlags:
    """Per line, whether it is site chrome (None for a sentence or a long line), read when asked."""

    def __init__(self, lines: list[_Line]):
        self.lines, self.known = lines, {}

    def __getitem__(self, k: int) -> bool | None:
        if k not in self.known:
            t = self.lines[k].text
            self.known[k] = None if _is_text(t) else is_site_chrome(t)
        return self.known[k]


def _after_chrome(lines: list[_Line], i: int, flags: "_ChromeFlags") -> bool:
    """Line ``i`` is a headline over running text, under two or more lines of a page's chrome
    (site words: menu, greeting, font size, sharing links) that follow the text above. ``flags``:
    per line, whether it is site chrome, None for a sentence or a long line."""
    if i == 0 or len(lines[i].text) > 90 or not any("。" in ln.text for ln in lines[i + 1:i + 3]):
        return False
    chrome, seen = 0, set()
    for k in range(i - 1, max(0, i - 8) - 1, -1):
        if flags[k] is None:
            break  # (a sentence or a long line: the text above)
        t = lines[k].text.strip()
        # a site's words, a breadcrumb (it counts twice), or a menu line repeated
        chrome += flags[k] + (flags[k] and bool(_BREADCRUMB.search(t))) + (t in seen)
        seen.add(t)
    return chrome >= 2 and headline_candidate(lines[i].text)


def _opens_page(lines: list[_Line], i: int) -> bool:
    """Line ``i`` opens another page or letter: a news page's `原标题:` line over its text, or a
    主送 naming recipients (`各…`, or a list of them) over a letter's first sentence, with no title
    above it (a title's own 主送 belongs to the title's document)."""
    t = lines[i].text.strip()
    if not t.endswith((":", ":")) and not t.startswith(("原标题", "原题")):
        return False  # (neither a 主送 nor a 原标题 line: the cheap test first)
    after = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
    if _ORIGINAL_TITLE.match(t):
        return len(t) <= 90 and "。" not in t and any("。" in ln.text for ln in lines[i + 1:i + 4])
    if not is_salutation(t) or "。" not in after or not _LETTER_OPENING.match(after):
        return False
    if not (t.startswith("各") or re.search(r"[、,,;;]", t)):
        return False  # `成员单位:` over a list is a label
    before = lines[i - 1].text.strip() if i > 0 else ""
    return not (_is_title_line(before) or _doubled(before) or find_doc_number(before) or before.endswith(("通知", "通报")))


def _titled(key: str) -> bool:
    """A stand-alone line names a document, not a heading of one (`下步工作计划`, `2022年工作计划`):
    it is long enough to hold a subject, or it has a year or a 关于, and it names what the
    document is about beyond its year and genre."""
    long = len(key) >= 10 or (len(key) >= 6 and ("关于" in key or bool(re.search(r"[12]\d{3}年", key))))
    return long and _subject_chars(key) >= 3


# What a heading of a document's own part may hold besides its genre word: a year or a period,
# `下步`, `工作`, `主要`: `2022年工作计划`, `下半年工作打算`, `今后工作要点` name no subject.
_GENERIC_TITLE_WORDS = re.compile(
    r"[12]\d{3}(?:[—–\-~至到][12]\d{3})?年度?|关于|下一?步|下阶段|下一?阶段|[上下]半年|今后|明年|来年|今年|本年度?|年度|全年"
    r"|近期|工作|主要|具体|有关|相关|几点|若干|的|和|及|与|[一二三四五六七八九十\d]+|\([^()]*\)")


_FIRST_PIECE = re.compile(r"\s篇\s*[1一]$")  # a sample-text page's first piece, numbered after its title


def _subject_chars(key: str) -> int:
    """How many characters of ``key`` name its subject (not its year, period or genre word)."""
    t = re.sub(rf"(?:{genre_pattern()})$", "", strip_title_tail(key))
    return len(re.findall(r"[\u4e00-\u9fffA-Za-z]", _GENERIC_TITLE_WORDS.sub("", t)))


_NUMBERED_LINE = re.compile(r"^[ \t\u3000]*(?:(?P<cn>[一二三四五六七八九十]{1,3})、|\((?P<cnp>[一二三四五六七八九十]{1,3})\)"
                            r"|(?P<ar>\d{1,2})[、.．](?!\d)|\((?P<arp>\d{1,2})\))")


def _numbered(line: str) -> tuple[str, int] | None:
    m = _NUMBERED_LINE.match(line)
    if not m:
        return None
    style = m.lastgroup
    n = parse_number(m.group(style)) if style in ("cn", "cnp") else int(m.group(style))
    return (style, int(n)) if n else None


def _numbering_goes_on(lines: list[_Line], first: int, i: int) -> bool:
    """The first numbered line after line ``i`` continues a numbering of the lines above it (since
    the current document's first line ``first``): `三、` under a line when `二、` stands above it.
    A new document starts its numbering again, so the line is a heading inside the document."""
    after = next((n for ln in lines[i + 1:i + 40] if (n := _numbered(ln.text))), None)
    if after is None or after[1] <= 1:
        return False
    return any(_numbered(ln.text) == (after[0], after[1] - 1) for ln in lines[first:i])


# A label over a block of links or summaries of other pages (`相关新闻`, `推荐阅读:`)
_BLOCK_LABEL = re.compile(r"^[【\[]?(?:相关|推荐|延伸|更多|往期|猜你)"
                          r"[\u4e00-\u9fff]{0,6}[】\]]?\s*[::]?$")


def _labelled(lines: list[_Line], first: int, i: int) -> bool:
    """The headline at line ``i`` is in a block of other pages under its label (`相关新闻`), a line
    of the current document (from line ``first``)."""
    return any(_BLOCK_LABEL.match(ln.text.strip()) for ln in lines[first:i])


def _holds_a_document(lines: list[_Line], j: int, least: int = 200) -> bool:
    """The lines from ``j`` (under a title) hold a document's text, not the one-sentence summary of
    a related page: ``least`` characters or more, besides dates and a page's chrome."""
    n = 0
    for ln in lines[j:j + 80]:
        t = ln.text.strip()
        if is_publication_line(t) or (not _is_text(t) and is_site_chrome(t)):
            continue  # (its own date and source line, the page's chrome)
        n += len(t)
        if n >= least:
            return True
    return False


def _dated_head(lines: list[_Line], first: int) -> bool:
    """The document from line ``first`` opens with a headline over its publication line (under a
    site's masthead perhaps: before any sentence)."""
    for ln in lines[first + 1:first + 12]:
        if is_publication_line(ln.text):
            return True
        if "。" in ln.text:
            return False
    return False


def _item_chars(lines: list[_Line], k: int) -> int:
    """The characters of running text from line ``k`` to the next headline over a publication line."""
    n = 0
    for m in range(k, min(k + 60, len(lines))):
        if m + 1 < len(lines) and is_publication_line(lines[m + 1].text):
            break
        n += len(lines[m].text) if "。" in lines[m].text else 0
    return n


def _official_head(lines: list[_Line], j: int) -> bool:
    """The lines under a title (from ``j``) are a 公文's head: its 发文字号 alone on a line or its
    主送 (`各乡镇人民政府,县政府各部门:`), right under it."""
    for ln in lines[j:j + 2]:
        t = ln.text.strip()
        if is_salutation(t) or (find_doc_number(t) or "\0") == re.sub(r"\s+", "", t).strip("()"):
            return True
    return False


def _after_text(lines: list[_Line], i: int) -> bool:
    """The line before ``i`` closes running text (a sentence end), or a 落款 does (issuer, date)."""
    before = [ln.text.strip() for ln in lines[max(0, i - 2):i]]
    return bool(before) and (before[-1].endswith(("。", "!", ":", ":")) or is_signing_date(before[-1])
                             or (len(before) == 2 and before[0].endswith("。") and len(before[1]) <= 20
                                 and not is_site_chrome(before[1])))  # (a page's chrome: its end)


_ATTACHMENT_LINE = re.compile(r"附\s*件|附[::]")


def _title_after_signature(lines: list[_Line], i: int) -> int | None:
    """Index of a title line within the few short lines (版头, 发文字号, ★) after a 落款."""
    for k in range(i, min(i + 4, len(lines))):
        t = lines[k].text.strip()
        if _is_title_line(t) and not t.startswith("附") and not re.match(r"[\u4e00-\u9fff]{2,4}\s*[::]", t):
            # (`主题词:卫生 指导意见` of the 版记 is a label, not a title)
            return k
        if len(t) > 24 and _title_prefix().match(re.sub(r"\s+", "", t[:200])):
            return k  # the next notice flattened: its title run into its 主送 and body
        if len(t) > 24 or "。" in t:
            return None
    return None


# The label of a site's own statement (its copyright and disclaimer, its notice to readers)
_SHARING = re.compile(r"由(?:会员|用户|网友)(?:分享|上传)|\d+页珍藏版|文库网?上")
_PAGE_NUMBER = re.compile(r"^\s*(\d{1,3})、")
# A site speaking of itself and its rights: `凡本网注明…版权均属…`, `本站转载…不代表…`
_SITE_STATEMENT = re.compile(r"(?:本网|本站|本平台|本网站)[^。]{0,60}?(?:版权|转载|授权|免责|侵权|上传|不代表|联系删除)"
                             r"|(?:版权|侵权)[^。]{0,30}?(?:本网|本站|本平台|本网站)"  # (…版权和其它问题需要同本网联系的)
                             r"|下载文档前|仅部分预览|侵犯您的权益|联系客服|人工客服")  # (a document-sharing site's notice)
_STATEMENT_LABEL = re.compile(r"^[【\[]?(?:版权(?:与|和|及|、)?免责声明|免责(?:声明|条款)|版权(?:声明|说明)|法律声明|网站声明|特别声明|温馨提示)"
                              r"[】\]]?\s*[::]?$")
_FIELD_LABEL = re.compile(r"^[•·]?\s*(?:名\s*称|标\s*题|文件名称|索引号|发布机构|主题分类|文\s*号)\s*[::]")


def _hands_on(lines: list[_Line], first: int, k: int, title: str) -> bool:
    """Whether the title at line ``k`` is the document that the notice starting at ``first``
    hands on (`现将《X》印发给你们`, `关于印发X的通知`, `附件:X`)."""
    # the notice's opening (its 印发 sentence) and the lines just above the title (a bare 附件)
    head = "\n".join(ln.text for ln in lines[first:min(k, first + 40)] + lines[max(first + 40, k - 4):k])
    folded = re.sub(r"\s+", "", head)
    handing = re.search(HANDING, folded)
    # (or a draft put out for comment: `关于对《X》征求意见的通知`, `起草了《X》,现予以公示`)
    notice = handing or re.search(r"^附件\s*(?:[::]|$)|关于(?:印发|转发|下达)|征求意见|予以公示", head, re.M)
    if not notice:
        return False
    key = _key(title)
    # (a page's metadata line above the next notice, `名称:X 文号:`, names it without handing it on)
    named = re.sub(r"\s+", "", "\n".join(ln for ln in head.split("\n") if not _FIELD_LABEL.match(ln.strip())))
    if key in named or re.search(r"^附件\s*[::]?\s*$", head, re.M):
        return True  # named in the notice, or announced by a bare `附件` label
    # handed on under a short name: `现将《防汛方案》印发给你们` before `某县…防汛抗旱工作方案`; a title
    # that cites it (`关于转发《X》的通知`) is another notice
    cited = re.findall(r"《([^《》]{2,80})》[^《。]{0,30}?" + HANDING, folded)
    # or with no 《》: `现将2023年全省工作要点印发给你们`, `关于印发某省2023年工作要点的通知`
    cited += re.findall(r"现将([^《》。,,;;]{2,60}?)" + HANDING, folded)
    cited += re.findall(r"关于(?:印发|转发|下达)([^《》。,,;;]{2,60}?)的通知", folded)
    return bool(handing) and any((c in key or genre_of(c) == genre_of(key)) and f"《{c}》" not in key
                                 for c in cited if genre_of(c))


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
    keys: list[str] = []
    for ln in group:
        d = _doubled(ln.text)
        k = _key(ln.text)
        if keys and not d and k.startswith(("(", "的", "等")) and len(k) <= 30:
            # a title broken over two lines: 关于印发…三年行动计划 / (2024—2026年)的通知
            counts[keys[-1]] -= 1
            keys[-1] += k
            counts[keys[-1]] += 1
            continue
        keys += [d, d] if d else [k]
        counts.update([d, d] if d else [k])
    counts = +counts
    headline = max(counts, key=lambda k: (counts[k], len(k))) if counts else None
    if headline:
        # the fullest form of the headline: `xx街道住宅小区…实施方案` over `住宅小区…实施方案`
        headline = max((k for k in counts if headline in k), key=len)
        last = keys[-1]
        if last != headline and re.search(re.escape(last) + r"》?(?:及|和|与|、|等)", headline):
            headline = last  # a page headline naming several documents (`《A》等方案的通知`, `A及B`): A's own

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
                k = _key(ln.text)
                if k == headline or (len(k) >= 6 and headline.startswith(k)):  # or its first line
                    start = ln.start
                    break
    official = _official_title([ln for ln in rest[:40] if ln.text.strip()][:12], headline)
    if official is None and group and rest and rest[0].text.lstrip().startswith(("(", "的", "等")) and len(rest[0].text) > 30:
        # the title's last line run into the 主送 and body: 关于印发…计划 / (2023—2025年)的通知各县…:
        run_on = _title_prefix().match(_key(group[-1].text) + re.sub(r"\s+", "", rest[0].text[:200]))
        if run_on and len(run_on.group("title")) > len(_key(group[-1].text)):
            official = run_on.group("title"), group[-1].start, False
    if official is not None:
        title, t_start, has_front = official
        start = rest[0].start if has_front else t_start
    elif rest and headline and _key(rest[0].text).startswith(headline) and group:
        # the headline repeated at the start of the body line: keep it once, from the body line
        start = rest[0].start
    if headline and not group and _is_title_line(lines[0].text):
        title = _key(lines[0].text)
    own = lines if group else lines[_masthead(lines):]  # (the lines after a site's masthead)
    if not group:
        skip = 0
        while skip < min(len(own), 8) and (METADATA_ROW.match(own[skip].text.strip()) or not own[skip].text.strip()):
            skip += 1
        if skip < len(own):
            own = own[skip:]  # (and after a page's metadata table: 索引号 | 发布机构 | 成文日期 rows)
    bracketed = re.match(r"\s*【([^【】]{6,80})】(?=\S)", own[0].text) if title is None and own else None
    if bracketed and _title_line().match(_key(bracketed.group(1))):
        title = _key(bracketed.group(1))  # `【成立某委员会的通知】为进一步…`: the title in brackets before the text
    if title is None and own and not _MARKER_START.match(own[0].text.strip()):
        # a title run into the body on the first line: `XX县…工作方案 为认真贯彻…`
        m = _title_prefix().match(re.sub(r"\s+", "", own[0].text[:90]))
        spaced = re.match(r"(\S{6,80}?)\s+\S", own[0].text.strip())
        if m and not _runs_on(re.sub(r"\s+", "", own[0].text)[len(m.group("title")):]):
            m = None  # `某某推广计划 为区内700名住户提供防火资讯`: a headline's second half, no body
        if m and len(own[0].text) > len(m.group("title")) + 10:
            title, start = m.group("title"), own[0].start
        elif (spaced and _is_title_line(spaced.group(1)) and len(own[0].text) > len(spaced.group(1)) + 20
              and not _SLOGAN.match(own[0].text.strip())):
            title = _key(spaced.group(1))  # `某院工作总结 自4月以来,…`: the title ends at the space
    if title is None:
        # a document-sharing page's first page, its number run into the title and the text
        # (`1、某县2023年某某专项治理方案为深入学习…`): the title, and no item 1
        for ln in lines[:10]:
            page = _PAGE_NUMBER.match(ln.text)
            if not page or page.group(1) != "1":
                continue
            m = _title_prefix().match(re.sub(r"\s+", "", ln.text[page.end():page.end() + 90]))
            if m and len(m.group("title")) >= 8 and len(ln.text) > page.end() + len(m.group("title")) + 20:
                title, start = m.group("title"), ln.start + page.end()
                drops.append((ln.start, ln.start + page.end()))
            break
    head = "\n".join(ln.text for ln in own[:8])
    if title is None:
        # the page's title in book-title marks on a line of its own, above the 主送 (`《…的通知》`)
        for ln in lines[:6]:
            m = re.fullmatch(r"《([^《》]{4,120})》", ln.text.strip())
            if m and _title_line().match(_key(m.group(1))):
                title = _key(m.group(1))
                break
            m = _PIPED_NAME.match(ln.text.strip())  # a law database's row `名称 | 关于…的通知 |`
            if m:
                title = _key(m.group("x"))
                break
            if "。" in ln.text:
                break
    if title is None and (any(is_salutation(ln.text) or _run_in_salutation(ln.text) for ln in own[:2])
                          or (own and _HANDS_ON_FIRST.match(own[0].text))):
        # (or no 主送 at all: `《X》已经区政府同意,现印发给你们,…` opening the page)
        # no notice title, only 主送 and `现将《X》印发给你们`: the document is X (its title, its genre)
        title = enclosed_title(None, head)
    if title is None:
        # a 关于 title inside a line flattened with the page's chrome and its number (`…正文:X关于…的通报某纪〔2019〕3号…`)
        for ln in own[:3]:
            if len(ln.text) > 60 and "关于" in ln.text[:400]:
                flat = re.sub(r"\s+", "", ln.text[:400])
                m = _embedded_title().search(flat)
                if m and not _CITING.search(flat[max(0, m.start() - 16):m.start()]) \
                        and not _NEWS_WRAP.search(flat[:m.start()]):
                    title = m.group("title")
                    break
    if title is None:
        found = head_title([ln.text for ln in lines])
        if found:
            title = found[0]
    if title is None and own is not lines and own and own[0].start > start:
        start = own[0].start  # a site's masthead over a text with no title is chrome
    # a site's numbered notice above the title and the text (`温馨提示:` / `1.本站文档均由用户上传…`)
    # is chrome
    at = next((k for k, ln in enumerate(lines[:20]) if (title and title[:6] in re.sub(r"\s+", "", ln.text))
               or "。" in ln.text or len(ln.text.strip()) > 60), min(len(lines), 20))
    for ln in lines[:at]:
        if (_MARKER_START.match(ln.text.strip()) and is_site_chrome(ln.text)
                and not _PART_HEADING.match(ln.text.strip())):  # (`四、时间安排` is the outline's)
            drops.append((ln.start, min(ln.end + 1, end)))
    # a site's numbered statement under its label (`版权与免责声明:` / `① 凡本网注明…`), wherever it
    # stands: chrome, not the document's items
    for k, ln in enumerate(lines):
        if (_MARKER_START.match(ln.text.strip()) and _SITE_STATEMENT.search(ln.text) and ln.start >= start
                and (ln.start, min(ln.end + 1, end)) not in drops):
            drops.append((ln.start, min(ln.end + 1, end)))  # (its label may be gone with the chrome)
        if _STATEMENT_LABEL.match(ln.text.strip()):
            prev = None
            for item in lines[k + 1:k + 12]:
                t = item.text.strip()
                num = _numbered(t) or (("circled", ord(t[0])) if t[:1] and "①" <= t[0] <= "⑳" else None)
                if (num is None or (prev is not None and num != (prev[0], prev[1] + 1))
                        or not ((len(t) <= 40 and "。" not in t) or _SITE_STATEMENT.search(t))):
                    break  # (the document's own items after a notice cut short by the chrome filter)
                prev = num
                if (item.start, min(item.end + 1, end)) not in drops:
                    drops.append((item.start, min(item.end + 1, end)))
    # a document-sharing page numbers its pages run flat, one to a line (`1、<page one>`, `2、…`): the
    # numbers are page breaks, not the document's items
    if any(_SHARING.search(ln.text) or _FILE_EXTENSION.search(ln.text.strip()) for ln in lines[:6]):
        pages = [(ln, m) for ln in lines if (m := _PAGE_NUMBER.match(ln.text)) and len(ln.text) >= 200]
        if (len(pages) >= 2 and [int(m.group(1)) for _, m in pages] == list(range(1, len(pages) + 1))
                and title and re.sub(r"\s+", "", pages[0][0].text[pages[0][1].end():]).startswith(title[:8])):
            # (the first page opens with the document's title again: a document's own `1、` does not)
            # (a page break falls anywhere in a sentence: the pages join, the break and its number dropped)
            drops += [(ln.start - 1 if k and text[ln.start - 1] == "\n" else ln.start, ln.start + m.end())
                      for k, (ln, m) in enumerate(pages) if ln.start > start]
    # a keyword tag line under the headline (`效能建设`) is site chrome
    if (group and rest and official is None and len(rest) > 1 and re.fullmatch(r"[\u4e00-\u9fff]{2,8}", rest[0].text.strip())
            and not _MARKER_START.match(rest[0].text.strip())):  # (`第一章总则` opens the outline)
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
    if title:
        # `…的通知(卫办发〔2009〕30号)` or `某卫发〔2023〕12号某局关于…`: the number is not the title's
        title = _LEADING_NUMBER.sub("", _OWN_NUMBER.sub("", title)) or title
        wrapped = _wrapped_title(lines, title)
        if wrapped is not None:
            title, above = wrapped
            if above is not None and above.start < start <= above.end + 2:
                start = above.start  # (the title's first line opens the document)
        title = clean_title(title)
    doc_type = _doc_type(title, own if title is None else lines)
    number = find_doc_number(text[start:min(end, start + 600)])
    if number is None and lines[0].start < start:
        # on the lines above the title: a 版头's number, a site's metadata table (`文号:…`)
        number = find_doc_number(text[max(lines[0].start, start - 600):start])
    encloses = enclosed_genre(title, head) if doc_type == "通知" or any(is_salutation(ln.text) for ln in own[:2]) else None
    return DocSpan(start, end, title, doc_type, number, encloses, tuple(d for d in drops if start <= d[0] < end))


# a news report's text before a document it quotes (`原标题:…某某网6月13日电 …全文如下:关于…的通知`)
_NEWS_WRAP = re.compile(r"^原标题\s*[::]|\d{1,2}日电|全文如下")
# a title a sentence cites (`为贯彻落实某卫办〔2017〕92号关于印发…的通知`) is not the document's own
_CITING = re.compile(r"贯彻|落实|传达|学习|根据|按照|依据|执行|参照|对照|转发|遵照")
_LEADING_NUMBER = re.compile(r"^[\u4e00-\u9fffXx*×○]{1,12}[〔\[【][12][\dXx*]{3}[〕\]】]第?[\dXx*]{1,4}号(?=\S{6})")
_OWN_NUMBER = re.compile(r"\([\u4e00-\u9fffXx*×○]{1,12}[〔\[【][12][\dXx*]{3}[〕\]】]第?[\dXx*]{1,4}号\)$")


# A site's tags around a headline: a medium or a column in 【】 before it (`【某某晚报】`), a kind of
# item after it (`【消息】`, `【图文】`), a bullet or dash before it.
_LEADING_TAG = re.compile(r"^(?:[【\[][^【】\[\]]{1,10}(?:报|网|社|台|新闻|在线|客户端|发布|头条|视窗|资讯)[】\]]\s*|[-—–•·▍■●◆>]+\s*|(?:名\s*称|标\s*题|[Tt]itle)\s*[::]\s*['\"‘“]?)(?=\S{4})")
_TRAILING_TAG = re.compile(
    r"\s*[【\[](?:消息|图文|组图|图|视频|快讯|通讯|简讯|转载|原创|专题|全文|附全文"
    r"|已?废止|已?失效|现行有效|有效|已修[改订])[】\]]$"  # a law site's status tag: `…的通知【已废止】`
    r"|\s+(?:下载本文|下载全文|打印本页|打印本文|收藏本文|关闭窗口)$")  # a page's button after the headline
# A note in parentheses after a headline that names its source or its form, not the document:
# `(某某事务局)`, `(只有中文)`, `(附图)`; a version or period note (`(试行)`, `(2023—2025年)`) stays.
# the next field of a page's metadata table flattened after the title: `X文号:…`, `X发布日期:…`
_FIELD_AFTER = re.compile(r"(?<=\S{6})(?:文\s*号|发文字号|索引号|发布(?:日期|时间|机构)|成文日期)\s*[::].*$")
# a site's name after the page's headline, behind a dash, underscore or bar: `…通知 - 某某县人民政府网`,
# `…安排-某某官网真人游戏第一品牌` (a hijacked page's spam)
_SITE_TAIL = re.compile(r"\s*[-_|｜]\s*(?![\d年])(?:[^-_|｜\d]{0,20}(?:网|网站|门户|官网|首页|平台)"
                        r"|[^-_|｜\d]{0,20}(?:娱乐|游戏|彩票|真人|品牌)[^-_|｜\d]{0,10})$")
_TRAILING_NOTE = re.compile(r"\s*\((?P<x>[^()\d]{2,16})\)$")
_FORM_NOTES = ("只有中文", "只有英文", "中文版", "附图", "附视频", "图", "组图", "视频", "图文", "多图", "转载", "全文")


_TITLE_FIELD = re.compile(r"^(?:标\s*题|文章标题|题\s*名|名\s*称)\s*[::]?\s*(?=关于|[\u4e00-\u9fff]{2,20}关于)")


def clean_title(title: str) -> str:
    """``title`` without the tags a site wraps a headline in: `【某某晚报】` before it, `【消息】`
    after it, a source unit or a form note in parentheses after it.

    >>> clean_title("【某某晚报】某医院开展作风整顿"), clean_title("某局召开安全会议 (某某事务局)")
    ('某医院开展作风整顿', '某局召开安全会议')
    >>> clean_title("某县防火工作方案(试行)")
    '某县防火工作方案(试行)'
    >>> clean_title("关于成立安全生产领导小组的通知 下载本文"), clean_title("某市消防安全责任制规定【已废止】")
    ('关于成立安全生产领导小组的通知', '某市消防安全责任制规定')
    >>> clean_title("某某公司安全生产自查报告一、自查组织情况")
    '某某公司安全生产自查报告'
    >>> clean_title("某县卫生局关于开展作风整顿的通知 - 某某县人民政府网")
    '某县卫生局关于开展作风整顿的通知'
    """
    from nlp.split_head import is_unit_name

    t = _TRAILING_TAG.sub("", _LEADING_TAG.sub("", title.strip().rstrip("|｜ ")))
    t = _PIECE_SUFFIX.sub("", t) if len(_PIECE_SUFFIX.sub("", t)) >= 6 else t  # a compilation's `…工作计划篇1`
    t = _piece_digits(t) if t else t  # `…应急预案1`
    piece = _PIECE_PREFIX.match(t)
    if piece and len(t) - piece.end() >= 6:
        t = t[piece.end():].lstrip()  # a compilation's `第一篇:某某措施`: the piece's number is no part of its title
    t = _FIELD_AFTER.sub("", t)
    t = _TITLE_FIELD.sub("", t) if len(_TITLE_FIELD.sub("", t)) >= 6 else t  # a metadata table's `标题关于…的通知`
    t = _without_source_date(t)  # an aggregator's `来源 - 2023年3月9日`
    t = _DATED_TAIL.sub("", t) if len(_DATED_TAIL.sub("", t)) >= 6 else t  # a tag page's `2020年06月17日|文:…|网址`
    t = _POST_DATE_TAIL.sub("", t) if len(_POST_DATE_TAIL.sub("", t)) >= 6 else t  # `…工作安排 2016-03-07`
    site = _SITE_TAIL.search(t)
    if site and site.start() >= 6:
        t = t[:site.start()]  # 某某工作总结-某某官网 / _某某门户网站: the page's site after its headline
    glued = GLUED_FIRST_HEADING.search(t, 6)
    if glued:
        t = t[:glued.start()]  # 某某自查报告一、自查组织情况: the first heading run onto the title's line
    if t[-1:] in "'\"" and t.count(t[-1]) == 1:  # the closing quote of a `title: '…'` field
        t = t[:-1]
    note = _TRAILING_NOTE.search(t)
    if note and (note.group("x").strip() in _FORM_NOTES or is_unit_name(note.group("x"))) and len(t) - note.end() == 0 \
            and note.start() >= 6:
        t = t[:note.start()]
    return t.strip() or title


def _fragment(t: str) -> bool:
    """A short line that may be one line of a title wrapped over two: no sentence, no colon, no
    numbered heading, no date, no site words, not a 版头, issuer or site name."""
    from nlp.split_head import is_published, is_unit_name

    return (2 <= len(t) <= 40 and not re.search(r"[。!?;;::,]", t) and not _MARKER_START.match(t)
            and not t.startswith(("—", "-", "《", "附", "原标题")) and not is_signing_date(t) and not is_published(t)
            and not is_publication_line(t) and not is_site_chrome(t) and not is_unit_name(t)
            and not t.endswith(("文件", "网")) and find_doc_number(t) is None
            and len(re.findall(r"[\u4e00-\u9fff]", t)) >= 0.6 * len(t.replace(" ", "")))


def _wrapped_title(lines: list[_Line], title: str) -> tuple[str, _Line | None] | None:
    """The whole title when the one found is a line of a title wrapped over two lines: the title
    line's first half before a line ending in its genre word (`卫生系统2024年平` / `安生产月活动方案`),
    or a headline going on on the next line before the body (`某院召开医药领域腐` / `败问题整治会议`).
    A wrap that cuts no word (`防火工作 时刻谨记` / `防火宣传活动`) or repeats the title's words is a
    subtitle, a caption or a column's name, not the title's other half.
    Returns the title and the line above it that opens it (or None), or None when it is whole."""
    key = _key(title)
    at = next((k for k, ln in enumerate(lines[:15]) if _key(ln.text) == key), None)
    if at is None or len(key) < 4:
        return None
    nxt = _key(lines[at + 1].text) if at + 1 < len(lines) else ""
    after = lines[at + 2].text.strip() if at + 2 < len(lines) else ""
    opens_body = bool(after) and (is_body_line(after) or is_publication_line(after) or is_salutation(after)
                                  or find_doc_number(after) is not None)
    if genre_of(key) is None and _fragment(nxt) and opens_body and not _repeats(key, nxt):
        if (len(key) + len(nxt) <= 80 and genre_of(nxt) is not None
                and (not _is_title_line(nxt) or _cuts_a_word(key, nxt))):
            return key + nxt, None  # `某县卫生健康局关于开展` / `安全生产大检查的通知`
        if (len(key) + len(nxt) <= 60 and 4 <= len(nxt) <= 24 and len(key) <= 30
                and headline_candidate(key + nxt)):
            return key + nxt, None  # a news headline wrapped before its text
    if at > 0 and genre_of(key) is not None and len(key) <= 30:
        prev = _key(lines[at - 1].text)
        before = lines[at - 2].text.strip() if at >= 2 else ""
        if (_fragment(prev) and re.fullmatch(r"[\u4e00-\u9fff\dXx*“”\"]+", prev) and len(prev) + len(key) <= 60
                and not METADATA_ROW.match(prev)  # (`有效性`: a label of the page's metadata table)
                and not METADATA_ROW.match(lines[at - 1].text.strip())  # (as the table spaces it)
                and not genre_of(prev) and not _repeats(prev, key) and (not before or not _fragment(before))
                and headline_candidate(prev + key)):
            return prev + key, lines[at - 1]
    return None


def _repeats(a: str, b: str) -> bool:
    """``a`` and ``b`` share their opening or three characters running (`行政院会议` / `行政院第…`)."""
    return a[:2] == b[:2] or any(b[k:k + 3] in a for k in range(len(b) - 2))


def _cuts_a_word(first: str, second: str) -> bool:
    """A word runs across the end of ``first`` into ``second`` (`…通报13起违` / `反中央…`)."""
    from nlp.outline import _token_bounds

    return len(first[-8:]) not in _token_bounds(first[-8:] + second[:8])


_PART_HEADING = re.compile(r"[一二三四五六七八九十]{1,3}、[\u4e00-\u9fff]{2,12}$")


def _masthead(lines: list[_Line], limit: int = 8) -> int:
    """How many lines of a site's masthead open ``lines``: short lines with no sentence, no
    title, no 主送 and no numbered heading (site name, greeting, date, menu, column name)."""
    for k, ln in enumerate(lines[:limit]):
        t = ln.text.strip().lstrip("▍▌■□●○◆◇▶►•·★☆ \t\u3000")  # (a numbered heading may wear a bullet)
        if _PART_HEADING.match(t):
            return k  # `四、时间安排`: a fragment opens at a part of its outline (its words are no site's)
        if _MARKER_START.match(t) and is_site_chrome(t):
            continue  # (a site's numbered notice: `3.如有侵权请联系网站客服删除`)
        nxt = lines[k + 1].text.strip() if k + 1 < len(lines) else ""
        if t.endswith((":", ":")) and len(t) <= 8 and not is_salutation(t) and _MARKER_START.match(nxt) and is_site_chrome(nxt):
            continue  # (its label: `温馨提示:`)
        if (len(t) > 40 or "。" in t or t.endswith((":", ":")) or _TITLE_LABEL.match(t) or _ORIGINAL_TITLE.match(t)
                or is_body_line(t) or is_salutation(t) or (_is_title_line(t) and len(t) >= 6)
                or _title_prefix().match(re.sub(r"\s+", "", t))):
            return k
    return 0


def _official_title(lines: list[_Line], headline: str | None) -> tuple[str, int, bool] | None:
    """A 关于… title (possibly over several short lines or run into the body) after the headline."""
    n = -1  # the line's place among the non-blank lines (a page's blank lines count for nothing)
    short = True  # only short lines, no sentence, so far
    for i, ln in enumerate(lines):
        t = ln.text.strip()
        if not t:
            continue
        n += 1
        if _MARKER_START.match(t):
            if n >= 6:
                break
            continue  # a numbered line is a heading or a list's item, never the title
        if i > 0 and re.match(r"附件|附[::]", t):
            break  # (`附件:某司关于…的函`: what the document forwards, after its text)
        cited = ("《" in t[:t.find("关于")] or bool(_CITING.search(t[:t.find("关于")]))) if "关于" in t[:40] else False
        if ("关于" in t[:40] and not cited) or (i == 0 and headline and t.startswith(headline) and len(t) > len(headline) + 4):
            # several short lines joined: 关于在全市…中 / 深入开展…的 / 指导意见
            joined, k = "", i
            while k < len(lines) and len(lines[k].text.strip()) <= 60 and "。" not in lines[k].text:
                joined += re.sub(r"\s+", "", _TRAILING_TAG.sub("", lines[k].text.rstrip()))  # (`…通知【已废止】`)
                cont = lines[k + 1].text.strip() if k + 1 < len(lines) else ""
                if _title_line().match(joined) and not (cont.startswith(("(", "的", "等")) and len(cont) <= 30
                                                        and "。" not in cont):
                    # (unless it goes on: …行动计划 / (2023—2025年)的通知, perhaps run into the body)
                    run_on = _title_prefix().match(joined + re.sub(r"\s+", "", cont[:160])) if len(cont) > 30 else None
                    if run_on and len(run_on.group("title")) > len(joined) and cont.startswith(("(", "的", "等")):
                        return run_on.group("title"), ln.start, i > 0
                    return joined, ln.start, i > 0
                k += 1
            if joined and k < len(lines) and "关于" in t[:40] and not cited:
                # the title's last line run into the 主送 and body (text flattened after a line break)
                run_on = _title_prefix().match(joined + re.sub(r"\s+", "", lines[k].text[:200]))
                if run_on and len(run_on.group("title")) > len(joined):
                    return run_on.group("title"), ln.start, i > 0
            body = re.sub(r"\s+", "", t)
            if headline and body.startswith(headline) and i == 0:
                body = body[len(headline):]
            m = _title_prefix().match(body)
            if m and (headline is None or m.group("title") != headline):
                title = m.group("title")
                off = ln.text.find(title[:4])
                return title, ln.start + max(off, 0), i > 0
            if "关于" in t[:40] and not cited:
                m = _embedded_title().search(re.sub(r"\s+", "", t[:300]))
                if m and len(t) > 60:
                    # flattened with the page's chrome: `当前位置:首页>>…X关于…的通知发布时间:…`
                    return m.group("title"), ln.start + max(ln.text.find(m.group("title")[:4]), 0), i > 0
                if re.search(r"[,,]", t) and not _title_line().match(re.sub(r"\s+", "", t)) and len(t) > 30:
                    continue  # a sentence that only says 关于 (`那么关于节日安全通知该如何编写,…`): look on
                return None
        short = short and len(t) <= 80 and not re.search(r"[。,，]", t)
        if (n >= 6 and not short) or n >= 10 or len(t) > 120:
            break  # (a page's short metadata lines above the title: 索引号, 发布机构, 成文日期, 分享…)
    return None


# A news headline that reports a document (`某市印发安全生产工作方案`, `某县出台…实施意见`): a
# subject and a verb of issuing before the genre phrase, no 关于
_REPORTING = re.compile(r"^(?!.*关于)[^《》]{2,30}?(?:印发|出台|发布|公布|下发|出炉|推出|审议通过|通过|制定|制订|部署|启动)(?:了)?[^《》]{2,60}$")
_OWN_NOTICE = re.compile(r"的(?:通知|决定|批复|函|通报|公告|通告)$")
# a news report's own opening: the repost's `原标题:` or a dateline (`新华社北京9月10日电`, `本报讯`)
# (not a press release's `某处今日(二月三日)公布…`: its headline's genre word stays, 某某致辞, 某某谈话)
_NEWS_DATELINE = re.compile(r"原标题\s*[::]|[^。,,]{0,20}(?:\d{1,2}日电|报讯|网讯)")
# How a news report opens: its dateline, the agency or the paper, 近日/日前
_NEWS_OPENING = re.compile(r"^(?:本报讯|本网讯|讯|[^。]{0,20}(?:日电|讯)|(?:\d{1,2}月\d{1,2}日|近日|日前|昨天|昨日|今天|今日)[,,])|记者")


def _first_text_under(title: str, lines: list[_Line]) -> str | None:
    """The first line of running text under the title's line (within five lines), or None."""
    at = next((k for k, ln in enumerate(lines[:12]) if title[:6] in re.sub(r"\s+", "", ln.text)), None)
    if at is None:
        return None
    return next((ln.text.strip() for ln in lines[at + 1:at + 6] if "。" in ln.text or len(ln.text.strip()) > 40), None)


def _reported(title: str, lines: list[_Line]) -> bool:
    """The title is a news headline reporting the document it names, over a news report's text."""
    if not _REPORTING.match(title):
        return False
    if not _OWN_NOTICE.search(title):
        return True  # `某政府公布某某开支指引`: a headline of the publication (a 印发 notice's own title ends 的通知)
    body = _first_text_under(title, lines)
    return body is not None and bool(_NEWS_OPENING.search(body[:40]))


def _datelined(title: str, lines: list[_Line]) -> bool:
    """The text under the title opens with a news dateline (`某某网北京9月14日电`, `本报讯`): a
    news report, whatever genre its headline names (`多地纪委监委通报`)."""
    body = _first_text_under(title, lines)
    return body is not None and bool(_NEWS_DATELINE.match(body))


# a 印发/转发 notice's title cut before its closing 的通知 (a site's shortened title)
_TRUNCATED_NOTICE = re.compile(r"关于(?:印发|转发|下达)[^的]{4,}$")
_NOTICE_FIELDS = re.compile(r"(?m)^\s*(?:公告主旨|公告标题|公告名称|公告内容|公告类别|公告日期|一般公告)")


def _doc_type(title: str | None, lines: list[_Line]) -> str | None:
    """The title's genre (新闻 for a headline without one); with no title, none for a fragment
    that opens with a section, else the genre the text declares (`现制定如下工作方案`), 通知 for a
    letter to 主送 recipients, 新闻 otherwise."""
    if title:
        form = declared_genre("\n".join(ln.text for ln in lines[:3]))
        if form is None:  # (around the title's own line: a masthead may sit above it)
            at = next((k for k, ln in enumerate(lines[:12]) if title[:6] in ln.text), 0)
            form = declared_genre("\n".join(ln.text for ln in lines[max(3, at - 3):at + 3])) if at > 3 else None
        if genre_of(title) and (_reported(title, lines) or _datelined(title, lines)):
            return "新闻"
        if _TRUNCATED_NOTICE.search(title):
            return "通知"  # `某厅关于印发某某工作方案`: a 印发 notice's title cut before its 的通知
        if not genre_of(title) and form != "公告":
            at = next((k for k, ln in enumerate(lines[:20]) if title[:6] in ln.text), 0)
            if _NOTICE_FIELDS.search("\n".join(ln.text for ln in lines[max(0, at - 4):at + 8])):
                return "公告"  # a school or bureau site's notice page: 公告主旨 / 公告类别 / 公告内容 fields
            # a headline with no genre word: the genre its own opening declares (现提出如下意见),
            # unless the opening is a news report's (`原标题:`, a dateline) that quotes a document
            opening = _opening_lines(lines[at + 1:])
            if opening and _NEWS_DATELINE.match(opening[0].text.strip()):
                return "新闻"
            declared = _body_genre(opening, closing=False)
            if declared is None and any(is_salutation(ln.text) or _run_in_salutation(ln.text)
                                        for ln in lines[at + 1:at + 5]):
                return "通知"  # (a title with no genre word over a 主送 line: `关于开展…工作` / `各部门:`)
            return declared or "新闻"
        return genre_of(title) or (form if form == "公告" else None) or "新闻"
    opening = next((t for ln in lines[:3] if (t := _CONTINUED.sub("", ln.text.strip()).strip(" |｜"))), "")
    if _MARKER_START.match(opening):
        return None  # (a fragment that opens at a part of its outline, after a page break: `[接上页] 三、…`)
    if _NEWS_OPENING.match(opening) and not any(is_salutation(ln.text) for ln in lines[:3]):
        return "新闻"  # (`近日,某市政府办公厅印发了《…实施方案》…`: a report of the plan it then quotes)
    declared = _body_genre(lines)
    if declared:
        return declared
    if any(is_salutation(ln.text) or _run_in_salutation(ln.text) for ln in lines[:3]):
        return "通知"
    return "新闻"


# a page's tag for text continued from the page before (`[接上页]`, `(接上页)`, `续上页`)
_CONTINUED = re.compile(r"^[\[【(（]?(?:接上页|续上页|接上一页|上接)[\]】)）]?\s*")


def _opening_lines(lines: list[_Line]) -> list[_Line]:
    """The lines under a headline up to the first short line with no sentence in it (a page's
    button, another page's headline): the text's own opening, not a related page's."""
    for k, ln in enumerate(lines):
        t = ln.text.strip()
        if t and len(t) <= 40 and not re.search(r"[。,,;;::]", t):
            return lines[:k]
    return lines


def _body_genre(lines: list[_Line], closing: bool = True) -> str | None:
    """The genre a text's opening declares (`现制定如下工作方案`), or its closing (`特此通知`): not one
    that a related page's summary after it declares."""
    closing = closing and re.search(rf"特此({CLOSING_GENRES})", "\n".join(ln.text for ln in lines[-6:]))
    text_lines = [k for k, ln in enumerate(lines[:10]) if "。" in ln.text or ln.text.rstrip().endswith((":", ":"))]
    first = text_lines[2] if len(text_lines) > 2 else 9
    opening = "\n".join(ln.text for ln in lines[:first + 1])[:500]  # (its salutation and first paragraphs)
    return declared_genre(opening) or (closing.group(1) if closing else None)


def _run_in_salutation(line: str) -> bool:
    """A 主送 flattened onto the line of the letter's first sentence (`各区县安全站,各有关单位: 按照…`)."""
    m = re.match(r"\s*([^::。\n]{2,120}[::])\s*", line)
    return bool(m) and is_salutation(m.group(1)) and bool(_LETTER_OPENING.match(line[m.end():]))
