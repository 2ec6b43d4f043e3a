"""Parties, document structure: the issuer and the addressees a document names where official
documents put them: the issuer before ``关于`` in the title or before the year of a summary's title,
the ``X文件`` head, the ``X 2010年6月25日印发`` line, the 落款 above the signing date, and the
主送 line after the title (``各区县卫生局,…:``).
"""

from __future__ import annotations

import re

from nlp.extract.parties_lexicon import non_parties, org_suffixes
from nlp.extract.parties_names import (
    is_name as _is_name,
    name_kind as _kind,
    normalize_name as _normalize,
)
from nlp.extract.parties_names import ETC_CLASS_RX, _suffixes_by_last_char, opens_clause, split_outside, strip_span
from nlp.extract.parties_patterns import ISSUER_KINDS, TITLE_BODY_ENDINGS, Found, compiled, pieces
from nlp.text import COMMAS, SEMICOLONS


def _superior(name: str) -> bool:
    """A superior body's usual name (``国务院``, ``市人民政府``, ``卫生部``): no party where it only
    issued a cited document, but the issuer of a document it signs or titles itself."""
    return non_parties().get(name) == "superior" and _ending_kind(name) in ISSUER_KINDS


def _signer_name(name: str) -> bool:
    """A name that can sign a document: a body, unit, office or group, or a superior body."""
    return (_is_name(name) and _kind(name) in ISSUER_KINDS) or _superior(name)


def superior_decisions(text: str) -> list[Found]:
    """``国务院决定成立…``: a superior body (no party elsewhere) that decides on the document's own
    plan near its top is its issuer (one that only approves it, 经某政府同意, is not)."""
    head = text[:SUPERIOR_ZONE]
    if "决定" not in head:
        return []
    out = []
    for m in _SUPERIOR_DECIDES.finditer(head):
        if _superior(m.group("name")):
            out.append(Found(m.start("name"), m.end("name"), m.group("name"), "issuer"))
    return out


SUPERIOR_ZONE = 1500  # the decision that makes the plan is told in its opening paragraph
_SUPERIOR_DECIDES = re.compile(r"(?:^|(?<=[,。;:\n]))(?P<name>[\u4e00-\u9fff]{2,6}?)(?:研究)?决定(?:成立|印发|组建|开展|调整)",
                               re.M)


# a report's own formula: 现将…情况予以公布, 现将…报告如下, 特此报告
_REPORTS_HERE = re.compile(r"(?:现将|特将|现就)[^。;\n]{0,40}?(?:予以公布|公布如下|报告如下|汇报如下|总结如下|通报如下)|特此(?:报告|通报|公告)")
_SELF = re.compile(r"我(?:[院局委校所处厅办]|中心|公司)(?![长办])")
SELF_ZONE = 1500


# a work report given to a congress: 现在,我代表某县人民政府,向大会报告政府工作 (its issuer)
_ON_BEHALF = re.compile(r"我代表(?P<u>[\u4e00-\u9fff()]{2,30}?(?:人民政府|政府|委员会|常委会|常务委员会|党委|纪委|法院|检察院))"
                        r"[,,]?向(?:大会|全会|会议)(?:报告|作)")


def self_issuer(text: str) -> list[Found]:
    """``…向我局反馈了意见,…现将整改情况予以公布``: a report that names its author only as 我局
    (我院, 我委…) in the sentence with its own formula (现将…予以公布, 报告如下) is issued by it;
    so is the body a work report is given for (``我代表某县人民政府向大会报告政府工作``)."""
    head = text[:SELF_ZONE]
    out = []
    behalf = _ON_BEHALF.search(head)
    if behalf:  # 我代表某县人民政府向大会报告政府工作
        name = _normalize(behalf.group("u"))
        if _is_name(name):
            out.append(Found(behalf.start("u"), behalf.end("u"), name, "issuer"))
    for m in _REPORTS_HERE.finditer(head):
        start = max(head.rfind("。", 0, m.start()), head.rfind("\n", 0, m.start())) + 1
        me = _SELF.search(head, start, m.end())
        if me:
            out.append(Found(me.start(), me.end(), me.group(), "issuer"))
            break
    return out


def title_issuers(text: str, title: str | None) -> list[Found]:
    """``区卫生局…工作总结`` / ``X关于…的方案``: the body leading the title issued it. The title
    found by the splitter is read, and so is a summary's or plan's own title line near the top
    when the page put a headline above it (``某市卫生健康委员会2019年工作总结``)."""
    out = []
    seen = set()
    for at, line in _title_lines(text, title):
        if (at, line) not in seen:
            seen.add((at, line))
            out += _title_issuer(line, at)
    at = text.find(title) if title else -1
    if at < 0 and title and title.lstrip().startswith("关于"):
        # the title broken over lines (关于印发…⏎…的通知): where its head is printed
        head = title.strip()[:12]
        m = re.search(r"[ \t\n]*".join(map(re.escape, head)), text[:TITLE_ZONE * 2])
        at = m.start() if m else -1
    if at > 0 and title.lstrip().startswith("关于"):
        out += _issuer_above(text, at)
    if not out and title and at < 0:
        out += _issuer_lines(text, title)
    if not out and at >= 0:
        out += _issuer_below(text, at + len(title))
    return out


# a date line between a title and its author: (2016年10月19日), 2019年3月
_DATE_LINE = re.compile(r"[ \t]*[((]?[0-9]{4}年(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?[))]?[ \t]*")


def _issuer_below(text: str, end: int) -> list[Found]:
    """``某年度绩效评价报告⏎某市某区某局⏎根据…。``: the author printed alone on a line under the
    title (a date line may stand between), right before the body's first sentence, issued it."""
    lines = []
    pos = text.find("\n", end)
    while pos >= 0 and len(lines) < 3:
        nxt = text.find("\n", pos + 1)
        stop = len(text) if nxt < 0 else nxt
        if text[pos + 1:stop].strip():
            lines.append((pos + 1, stop))
        pos = nxt
    while lines and _DATE_LINE.fullmatch(text, *lines[0]):
        lines.pop(0)
    if len(lines) < 2 or "。" not in text[lines[1][0]:lines[1][1]]:
        return []
    a, b = strip_span(text, *lines[0])
    names = _signers(text, a, b)
    # a full name (not 镇党委、政府: a level's bare organs, no one named)
    full = all(len(f.name) >= 5 and _kind(f.name) in ISSUER_KINDS and "、" not in f.name
               and not f.name.startswith(("省", "市", "县", "区", "乡", "镇", "村") + GENERIC_OPEN) for f in names)
    return names if names and full else []


def _issuer_lines(text: str, title: str) -> list[Found]:
    """A title the document's text no longer holds (a law database's page prints it three times;
    the splitter keeps none in the body) still names its issuer: where a line near the top is that
    issuer alone (``云南省某市人民政府`` under ``某市人民政府关于印发…的通知``), the line is read."""
    out = []
    for issuer in _title_issuer(title, 0):
        for m in re.finditer(rf"^[ \t]*(?P<line>[\u4e00-\u9fff]{{0,8}}{re.escape(issuer.name)})[ \t]*$",
                             text[:TITLE_ZONE], re.M):
            name = _normalize(m.group("line"))
            if _is_name(name):
                out.append(Found(m.start("line"), m.end("line"), name, "issuer"))
                break
    return out


def _issuer_above(text: str, at: int) -> list[Found]:
    """``某市卫生健康委员会⏎关于…的通知``: the issuer printed on its own line right above a title
    that opens with 关于 (one or more units, nothing else on the line)."""
    end = text.rfind("\n", 0, at)
    while end > 0 and text[end - 1] in " \t\n":
        end -= 1
    if end <= 0 or text.count("\n", end, at) > 3:
        return []
    start = text.rfind("\n", 0, end) + 1
    if end - start > 60:
        return []
    return _signers(text, start, end)


def _title_lines(text: str, title: str | None) -> list[tuple[int, str]]:
    out = []
    at = text.find(title) if title else -1
    if at >= 0:
        out.append((at, title))
    elif title and "关于" in title:
        # a title broken over lines in the text (某市人民政府办公室关于建立⏎…制度的通知): its head is read
        # where the text prints it, up to 关于
        head = title.split("关于")[0]
        m = re.search(r"[ \t\n]*".join(map(re.escape, head + "关于")), text[:TITLE_ZONE * 2]) if head else None
        if m:
            out.append((m.start(), m.group()))
    for m in compiled()["summary_title"].finditer(text, 0, min(len(text), TITLE_ZONE)):
        out.append((m.start("line"), m.group("line")))
    return out


GENERIC_OPEN = ("乡镇", "各", "全", "本", "该", "我", "基层")  # 乡镇卫生院安全生产工作计划: no one's name
TITLE_ZONE = 600  # a document's own title line stands near its top


# what a page prints before a title on its line: a column's tag (`【市政府重点工作】`), a table's
# bar (`| `), the title's own book-title mark (`《某办公厅关于…的通知》`)
_TITLE_LEAD = re.compile(r"^(?:\s*[|｜]\s*|\s*【[^【】]{1,20}】\s*|\s*《(?=[^《》]{4,}》?\s*$))+")


def _title_issuer(title: str, at: int) -> list[Found]:
    lead = _TITLE_LEAD.match(title)
    if lead:
        title, at = title[lead.end():], at + lead.end()
    printed = re.match(r"(?P<head>[^《》]{3,40}?)(?:联合)?(?:印发|转发)《", title)
    if printed and printed.group("head").endswith("关于"):
        printed = None  # 某办公室关于印发《…》的通知: the issuer is before 关于
    head = title.split("关于")[0] if "关于" in title and not printed else ""  # 某局印发《关于…》的通知
    if not head and printed:  # 某省委办公厅 某省政府办公厅印发《…》: the issuers, one after another
        head = printed.group("head")
        return [Found(at + x.start(), at + x.end(), _normalize(x.group()), "issuer")
                for x in re.finditer(r"[^\s、,]+", head)
                if _signer_name(_normalize(x.group()))]
    if head:
        return [Found(at + a - 0, at + b, n, "issuer") for a, b, n in _issuer_names(title, 0, len(head))]
    # 某县中医医院2023年工作总结: the name before the year is the author
    year = compiled()["title_year"].match(title)
    if year and _signer_name(year.group("name")):
        return [Found(at, at + year.end("name"), _normalize(year.group("name")), "issuer")]
    # a summary or plan titled after its author: the shortest leading name ending in a body
    if re.search(r"(?:指南|标准|规范|手册|知识|问答|教程)(?:\([^()]*\))?$", title):
        return []  # 某某流感医院感染控制技术指南: a technical text's title leads with its subject, no author
    if re.match(r"(?:鉴于|根据|按照|为了|学年|学期|年度|[上下]半年|[上下]学期)", title):
        return []  # 鉴于…发生火灾,请各校…, 学年下学期学校工作总结: the title opens with no one's name
    from nlp.genres import genre_of

    if not genre_of(title):
        return []  # 某医院召开…会议: a news headline's actor does the reported work, it issues nothing
    for i in range(2, min(len(title), 16)):
        if (title[:i].endswith(TITLE_BODY_ENDINGS) and _is_name(title[:i]) and "与" not in title[:i]
                and title[:i] not in TITLE_BODY_ENDINGS  # (政府工作报告: a genre's own word, no one's name)
                and not _kind(title[:i + 1]) and not title.startswith(GENERIC_OPEN)):
            return [Found(at, at + i, title[:i], "issuer")]
    return []


def _issuer_names(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Names in an issuer run such as ``中共——区卫生局委员会——区卫生局`` (unnamed parts dropped)."""
    out = []
    held = None  # 某某县 卫生健康局关于…: a bare place, a space, then the body's name: one name
    for a, b in pieces(text, start, end, _ISSUER_SPLIT):
        if held is not None:
            a, held = held, None
        name = _normalize(text[a:b])
        if _kind(name) == "place" and b < end and text[b] in " \t":
            held = a
            continue
        if _is_name(name) or _superior(name):
            out += _glued_issuers(text, a, b) or [(a, b, name)]
    return out


# two issuers written one after the other with no separator (市委办公室市政府办公室关于…): the
# second opens like a body of the same rank
GLUED_ISSUER = re.compile(r"(?:办公室|办公厅|委员会|政府|局|厅|党组|党委)(?=中共|市|县|区|省|国务院)")
_ISSUER_SPLIT = re.compile(r"[、,,]|和|及|——|[ \t]+")  # 某委办公室 某局关于…: spaces part joint issuers


def _glued_issuers(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """``市委办公室市政府办公室``: the issuers of a joint title, when every part is a body's name
    (a body under another, 国家税务总局某市税务局, opens with a place name and is not cut)."""
    cuts = [a] + [m.end() for m in GLUED_ISSUER.finditer(text, a + 1, b - 2)] + [b]
    if len(cuts) < 3:
        return []
    parts = [(x, y, _normalize(text[x:y])) for x, y in zip(cuts, cuts[1:])]
    if all(len(n) >= 4 and _is_name(n) and _kind(n) in ISSUER_KINDS for _, _, n in parts):
        return parts
    return []




_CITES_BEFORE = re.compile(r"贯彻|落实|根据|按照|依据|遵照|学习|传达|认真|为了?(?=[深认进全切])")


def header_issuers(text: str) -> list[Found]:
    """``日照市卫生局文件``, ``X关于…方案`` title lines, and the ``X 2010年6月25日印发`` line."""
    rx = compiled()
    out = []
    for key, word in (("file", "文件"), ("printed", "印发")):
        if word not in text:  # a match needs the word: skip the slow scan of a text without it
            continue
        pos = 0
        if key == "printed":
            pos = _printed_from(text)
            if pos is None:
                continue
        for m in rx[key].finditer(text, pos):
            name = _normalize(m.group("name"))
            if _is_name(name) or _superior(name):
                out.append(Found(m.start("name"), m.end("name"), name, "issuer"))
    for m in rx["title"].finditer(text, 0, min(len(text), 5000)):
        a, b = m.span("names")
        if _CITES_BEFORE.search(text, a, b):
            continue  # 为深入贯彻落实省委、市委关于…的指示精神: bodies whose word a sentence cites
        if text.startswith("》", m.end()) or text[max(0, a - 8):a].rstrip().endswith("《"):
            continue  # 根据《⏎某厅关于…的通知》: a title a sentence cites, its line broken after 《
        out += [Found(x, y, n, "issuer") for x, y, n in _issuer_names(text, a, b)]
    return out


# the date and 印发 that end every match of PRINTED (opening with a character class, so the
# engine skips to the digits)
_PRINTED_DATE = re.compile(r"[0-9][0-9]{3}年[0-9]{1,2}月[0-9]{1,2}日\s*印发")
_PRINTED_NAME = 30  # the most characters of PRINTED's name, which holds no white space


def _printed_from(text: str) -> int | None:
    """Where a match of PRINTED (``某局办公室 2010年6月25日印发``) can start at the earliest: the
    first date before 印发, back over the white space before it and the longest name; None when
    the text holds no such date. The slow scan of the name's every start is left for that tail."""
    m = _PRINTED_DATE.search(text)
    if m is None:
        return None
    at = m.start()
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return max(0, at - _PRINTED_NAME)


def signatures(text: str) -> list[Found]:
    """The 落款: ``某县卫生健康局`` alone on a line above (or beside) the signing date ``2023年3月1日``;
    units signing jointly stand on the lines just above it, one or more a line, blank lines
    between (``某委办公厅 某委办公厅⏎⏎某局综合司⏎⏎2023年5月26日``). A text that lost its line
    breaks keeps its 落款 between a sentence's end and the date (``…执行。某局2023年3月1日附件:``)."""
    out = []
    for m in compiled()["signature_date"].finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        head_start = max(line_start, text.rfind("。", line_start, m.start()) + 1)
        if _INK.search(text, head_start, m.start()):  # (a page's lost characters, ??, are no head)
            names = _signers(text, head_start, m.start())  # 某县卫生健康局 2023年3月1日
            if not names and not text[m.end():].strip():
                names = _signers(text, head_start, m.start(), last=True)  # …电话:… 某办公室 2018年9月28日
            if not names:
                continue
            out += names
        for _ in range(SIGNER_LINES):
            if line_start <= 0:
                break
            end = line_start - 1
            while end > 0 and text[end - 1] in " \t\n" and text.count("\n", end, line_start) < 4:
                end -= 1  # blank lines between the signers and the date
            prev_start = text.rfind("\n", 0, end) + 1
            if _SEAL.fullmatch(text, prev_start, end):  # 某局⏎(盖章)⏎2023年3月1日
                line_start = prev_start
                continue
            names = _signers(text, prev_start, end)
            if not names:
                break
            out += names
            line_start = prev_start
    for m in compiled()["signature_run"].finditer(text):  # 。某局2023年3月1日附件… (no line breaks)
        out += _signers(text, m.start(), m.start("date"))
    return out


SIGNER_LINES = 12  # a joint notice of many departments signs on up to a dozen lines, two or three a line
_INK = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]")
# the place of the seal, or another unit's seal standing in (某处代章)
_SEAL = re.compile(r"[ \t]*[(\[【]?(?:[\u4e00-\u9fff]{1,12}代章|盖章|印章|公章|签章|章|印)[)\]】]?[ \t]*")  # the place of the seal


# a page's timestamp alone on its line: 2012-01-04 18:47, 2023/5/6, 2021.03.09 09:30:15
_STAMP_LINE = re.compile(r"(?m)^[ \t]*(?:19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2}(?:[ \t]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?[ \t]*$")
RELEASE_HEAD_LINES = 8  # how many lines of a page's head a release's author line may stand in


def release_authors(text: str) -> list[Found]:
    """A press release's author: the issuing body alone on its line straight above the release's
    timestamp, in the head of the page (``某某局⏎2012-01-04 18:47`` under the headline)."""
    head_end = -1
    for _ in range(RELEASE_HEAD_LINES):
        head_end = text.find("\n", head_end + 1)
        if head_end < 0:
            head_end = len(text)
            break
    out = []
    for m in _STAMP_LINE.finditer(text, 0, head_end):
        prev_end = m.start() - 1
        if prev_end <= 0:
            continue
        prev_start = text.rfind("\n", 0, prev_end) + 1
        out += _signers(text, prev_start, prev_end)
    return out


def _signers(text: str, start: int, end: int, *, last: bool = False) -> list[Found]:
    """The units of one signature line (split at runs of spaces); [] unless all of it is units.
    A unit's name printed letter-spaced (``总 务 处``) is one name; with ``last``, only the last
    part of the line is read (a document's closing line: ``…值班电话:… 某办公室 2018年9月28日``)."""
    out = []
    seal = re.search(r"\((?:盖章|印章|公章|签章|章|印)\)[ \t]*$", text[start:end])
    end = start + seal.start() if seal else end  # 某局(盖章)
    spaced = _LETTER_SPACED.fullmatch(text, start, end)
    if spaced:
        name = _normalize(spaced.group("name"))
        return [Found(spaced.start("name"), spaced.end("name"), name, "issuer")] if _signer_name(name) else []
    parts = list(re.finditer(r"\S+", text[start:end]))
    if last:
        parts = parts[-1:]
    for m in parts:
        name = _normalize(m.group())
        if not _signer_name(name):
            return []
        out.append(Found(start + m.start(), start + m.end(), name, "issuer"))
    return out


_LETTER_SPACED = re.compile(r"[ \t]*(?P<name>[\u4e00-\u9fff](?:[ \t]{1,2}[\u4e00-\u9fff]){1,5})[ \t]*")  # 总 务 处


def recipients(text: str, title_end: int = -1) -> list[Found]:
    """The addressee (主送) line after the title: ``各区县卫生局,…,市直各医疗卫生单位党委(总支、支部):``.

    The line is cut into addressees at ``,``/``;``; a 、 splits one further only when every 、-part
    is a unit's full name (``市委宣传部、市卫健委``), so ``各省、自治区、直辖市人民政府``, ``市政府各部门、各直属单位`` and
    ``甲开发区、乙开发区管委会`` stay whole. A label with a short value (``发布机构:某局``)
    is no addressee line. A line of its own right after the title is read leniently: an addressee
    with no known ending (``各镇街道``) does not undo the others when most of them read.
    """
    out = []
    limit = min(len(text), 5000)
    first_stop = text.find("。", max(title_end, 0))  # a 主送 line stands before the body's first sentence

    for m in re.finditer(r":", text[:limit]):
        line_start = max(text.rfind("\n", 0, m.start()), text.rfind("。", 0, m.start()),
                         text.rfind(":", 0, m.start())) + 1
        head = text[line_start:m.start()]
        run_in = _RUN_IN_HEAD.search(head)  # …的通知某府发〔2020〕11号各县区人民政府: (no line breaks)
        if run_in:
            line_start, head = line_start + run_in.end(), head[run_in.end():]
        line_end = text.find("\n", m.end())
        if _SENT_TO.fullmatch(head):  # 主送:某局、某委 (a label, its addressees after it)
            a, b = strip_span(text, m.end(), len(text) if line_end < 0 else line_end)
            out += [Found(x, y, n, "recipient") for x, y, n in _addressees(text, a, b)]
            continue
        if 0 <= first_stop < line_start and not _QUOTED_TITLE.match(head):
            continue  # 某小区家属院:无宣传栏 in a 通报's findings, after the body began: no addressee line
        if _STRUCTURE_LABEL.fullmatch(head.strip()):
            continue  # 内设股室:办公室、法制股…: how a body is organized, no addressees
        if len(head) > 300 or not head.strip() or compiled()["chrome"].match(head) \
                or compiled()["label"].match(text, line_start + len(head) - len(head.lstrip())):
            continue  # 成员单位:某局、某委 (a label, read by labelled), no addressee line
        rest = text[m.end():len(text) if line_end < 0 else line_end].strip()
        if 0 < len(rest) < 40 and "。" not in rest:
            continue  # 发布机构: 某市人民政府 (a page's label and its value)
        genre = None
        for genre in compiled()["genre"].finditer(head):
            pass
        start = line_start + (genre.end() if genre else 0)
        after_title = line_start - title_end if title_end >= 0 else line_start  # no title: the top
        own_line = not rest and 0 <= after_title <= ADDRESSEE_AFTER_TITLE
        names = _addressees(text, start, m.start(), lenient=own_line)
        if not names and not rest and text.count(",", start, m.start()) + text.count("、", start, m.start()) >= 2:
            # a line of its own ending in a colon that lists three or more, most of them addressees
            # (各市、县人民政府,新疆生产建设兵团,…:), wherever the title was lost
            names = _addressees(text, start, m.start(), lenient=True, strict_minority=True)
        if names:
            out += [Found(a, b, n, "recipient") for a, b, n in names]
    return out or _colonless_addressees(text, limit)


# a 主送 line that lost its colon stands between a notice's title (or its 发文字号) and the body's
# first sentence: 各街道办事处,区级各部门,某新区管委会⏎《…》已经…通过,现印发给你们
_COLONLESS_SENT_TO = re.compile(
    r"(?:的(?:通知|通报|决定|意见|函|批复)|〔[0-9]{4}〕[0-9]{1,4}号?)[ \t]*\n(?:[ \t]*\n)*"
    r"[ \t]*(?P<line>各[^\n:。]{4,160}?)[ \t]*\n(?:[ \t]*\n)*[^\n]{0,200}?。")


def _colonless_addressees(text: str, limit: int) -> list[Found]:
    """A 主送 line of two or more addressees, every one of them read, its colon lost."""
    m = _COLONLESS_SENT_TO.search(text, 0, limit)
    if not m or not re.search(r"[,,;;]", m.group("line")):
        return []
    return [Found(a, b, n, "recipient") for a, b, n in _addressees(text, m.start("line"), m.end("line"))]


# the label of a body's own structure (内设股室:, 内设机构:, 下设科室:): its parts are listed, not addressed
_STRUCTURE_LABEL = re.compile(r"(?:[\u4e00-\u9fff]{0,6})(?:内设|下设|下辖|设有)(?:股室|机构|科室|处室|部门|单位|科|股|室)")


_STRUCTURE_LINE = re.compile(r"[ \t\u3000]*(?:[①-⑳]|[0-9]{1,2}[.、])?[ \t]*" + _STRUCTURE_LABEL.pattern + r"[ \t]*[::]")


def in_structure_list(text: str, pos: int) -> bool:
    """Whether ``pos`` is in the list after a body's structure label on its line (内设股室:办公室、
    法制股…): the parts of a body described, no parties of the work."""
    line_start = text.rfind("\n", 0, pos) + 1
    m = _STRUCTURE_LINE.match(text, line_start, pos)
    return m is not None


# a document quoted whole in a report's text (`…全文如下:某某关于…的通知各省人民政府,…:`): its
# 主送 line, run into its title, after the report's first sentences
_QUOTED_TITLE = re.compile(r"[^,,;;]{0,30}关于[^,,;;]{4,80}?的(?:通知|通报|意见|决定|函)(?=[^,,;;]{2,})")
# what may stand right before a 主送 line that lost its line break: a book title, a 发文字号, the
# end of a page's toolbar (字体:[大 中 小], | | |)
_RUN_IN_HEAD = re.compile(r".*(?:》|[|\]】]|[〔\[(][0-9]{4}[〕\])][0-9]{1,4}号\)?)\s*")
# 主送:某局、某委; 正本:某机关 and 受文者:某机关 (Taiwan): the addressees follow the label
_SENT_TO = re.compile(r"\s*(?:主\s*送(?:机关|单位)?|正\s*本|受\s*文\s*者)\s*")
# 发文单位:某局, 公告单位 某组 (Taiwan): the issuer follows the label, on its line or the next
_ISSUED_BY = re.compile(r"(?m)^[ \t]*(?:发文|公告|发函|行文)(?:单位|机关)[ \t]*[:\n][ \t\n]*(?P<name>[^\s:,。]{2,30})[ \t]*$")


def labelled_issuers(text: str) -> list[Found]:
    """``发文单位:某局``, ``公告单位⏎某组``: the issuer a label names."""
    out = []
    for m in _ISSUED_BY.finditer(text):
        name = _normalize(m.group("name"))
        if _is_name(name) and _kind(name) in ISSUER_KINDS:
            out.append(Found(m.start("name"), m.end("name"), name, "issuer"))
    return out
ADDRESSEE_AFTER_TITLE = 120  # the 主送 line follows the title (and its 发文字号) closely


ADDRESSEE_KINDS = ("body", "unit", "office", "group", "place")
ADDRESSEE_OPEN = ("各", "全体", "有关", "相关", "市直", "县直", "区直", "省直")  # 各位老师, 有关部门


def _ending_kind(name: str) -> str | None:
    """The kind of ``name``'s ending, notes in brackets dropped; a superior or generic name
    (``区人民政府``, ``有关部门``) keeps its kind here, since it is addressed."""
    bare = re.sub(r"\([^()]*\)", "", name)
    return next((org_suffixes().get(s, "person") for s in _suffixes_by_last_char().get(bare[-1:], ())
                 if bare.endswith(s)), None)  # only the endings sharing the last character, longest first


def _addressees(text: str, start: int, end: int, lenient: bool = False, strict_minority: bool = False
                ) -> list[tuple[int, int, str]]:
    """The addressees of ``text[start:end]``; [] unless every one of them is an addressee (or,
    ``lenient``, most of them, the rest written like names)."""
    out: list[tuple[int, int, str]] = []
    unknown: list[tuple[int, int, str]] = []
    chunks = split_outside(text, start, end, COMMAS + SEMICOLONS)
    for a, b in chunks:
        a, b = strip_span(text, a, b)
        name = _normalize(text[a:b])
        if (not (2 <= len(name) <= 80 and re.fullmatch(r"[\u4e00-\u9fff“][\u4e00-\u9fff()、“”]*", name))
                or (opens_clause(name) and not name.startswith(ADDRESSEE_OPEN))):
            return []  # 成立…领导小组: a clause before a list, not an addressee (有关企业 is one)
        parts = split_outside(text, a, b, "、")
        kinds = [_ending_kind(_normalize(text[x:y])) for x, y in parts]
        # a line without commas may list places too: 某区人民政府、某经开区、市直有关单位
        places = len(chunks) == 1
        # full place names may stand apart (甲经开区、乙新港区、丙管理区) unless the last part's organ
        # is theirs too (甲开发区、乙开发区管委会: one 管委会 for both)
        own_places = kinds[-1] == "place"
        if len(parts) > 1 and all(k in ADDRESSEE_KINDS
                                  and (places or k != "place"
                                       or (own_places and len(re.sub(r"\([^()]*\)", "", text[x:y])) >= 4))
                                  and len(re.sub(r"\([^()]*\)", "", text[x:y])) >= (2 if text[x] == "各" else 3)
                                  for k, (x, y) in zip(kinds, parts)):
            out += [(x, y, _normalize(text[x:y])) for x, y in _shared_heads(text, parts)]  # 市政府各部门、各直属单位
            continue
        kind = _ending_kind(name)
        if kind in ADDRESSEE_KINDS or (kind and name.startswith(ADDRESSEE_OPEN)):
            out.append((a, b, name))
        elif name.startswith(ADDRESSEE_OPEN) and len(name) <= 8:
            out.append((a, b, name))  # 各村(场)
        elif lenient and len(name) <= 20:
            unknown.append((a, b, name))
        else:
            return []
    if unknown and (len(unknown) >= len(out) or (strict_minority and 2 * len(unknown) >= len(out))):
        return []
    return sorted(out + unknown)


# the addressees that name no one alone, only the kin of the addressee before them: its 直属机构,
# the 街道办事处 beside 各乡镇人民政府, the 幼儿园 beside 各中小学
SHARED_HEAD = frozenset(("直属机构", "直属单位", "街道办事处", "乡人民政府", "镇人民政府", "乡镇人民政府", "部门", "单位", "幼儿园",
                         "机构",
                         # a bare organ of the same places (各乡(镇)党委、人民政府, 各街道党工委、办事处): no complete name
                         "人民政府", "政府", "办事处", "党委", "党工委", "管委会", "纪委", "党组"))


def _shared_heads(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``各乡镇人民政府、街道办事处``, ``市政府各部门、直属机构``, ``各单位、部门``: a bare class of units
    (``SHARED_HEAD``) after a part holding 各 shares its 各 and its superior, so the two are one
    addressee; the other 、-parts stay apart (``市委宣传部、市卫健委``, ``各单位、各部门``)."""
    out: list[tuple[int, int]] = []
    for x, y in parts:
        name = _normalize(text[x:y])
        before = text[out[-1][0]:out[-1][1]] if out else ""
        if out and "各" in before and (name in SHARED_HEAD or (name[1:] in _OWN_KIN and "各" in name[:1]
                                                             and not before.startswith("各"))):
            out[-1] = (out[-1][0], y)  # (省政府各部门、各直属机构: the superior's own bodies, one addressee)
        else:
            out.append((x, y))
    return out


# the bodies directly under the superior named in the addressee before them (省政府各部门、各直属机构)
_OWN_KIN = frozenset(("直属机构", "直属单位"))


LIST_LINE_MIN = 3  # a line of at least this many units and nothing else lists the units concerned


def listed_units(text: str) -> list[Found]:
    """A line that is nothing but a 、-list of units (an attachment's 参会单位名单, a 成员单位 list):
    ``市委宣传部、市卫健委、市教育局、市公安局``; each unit is responsible."""
    out = []
    for m in compiled()["list_line"].finditer(text):
        parts = split_outside(text, *m.span("names"), "、")
        names = [(x, y, _normalize(text[x:y])) for x, y in parts]
        names = [(x, y, n) for x, y, n in names if _is_name(n) and _kind(n) in ISSUER_KINDS]
        cut = len(parts) - len(names) == 1 and m.end() == len(text) and names[-1][1] < parts[-1][0]
        if len(names) >= LIST_LINE_MIN and (len(names) == len(parts) or cut):  # a page cut after 、
            out += [Found(x, y, n, "responsible") for x, y, n in names]
    if "等单位" in text or "等部门" in text:
        for m in _CELL_LIST.finditer(text):  # a task table's cell, flattened to a line of its own
            a, b = m.span("names")
            parts = [strip_span(text, x, y) for x, y in split_outside(text, a, b, "、,,")]
            names = []
            for x, y in parts:
                tail = ETC_CLASS_RX.search(text, x, y)
                y = tail.start() if tail and tail.start() > x else y
                names.append((x, y, _normalize(text[x:y])))
            if len(names) >= 2 and all(_is_name(n) and _kind(n) in ISSUER_KINDS for _, _, n in names):
                out += [Found(x, y, n, "responsible") for x, y, n in names]
    return out


# `县文旅广体局、县烟草局、县交警大队等单位,各乡镇人民政府`: a line of units closed by 等单位 and more
# units after it, as a task table's 责任单位 cell reads once the table is flattened one cell a line
_CELL_LIST = re.compile(r"(?m)^[ \t]*(?P<names>[\u4e00-\u9fff()]{2,30}(?:、[\u4e00-\u9fff()]{2,30})*"
                        r"等(?:有关|相关)?(?:单位|部门)(?:[,,][\u4e00-\u9fff()、]{2,60})?)[。;]?[ \t]*$")


# the news of a document just issued: its lead names who issued it (近日,某办、某办就…发出通知; 中共中央、
# 国务院昨天(1日)印发了《…》; 某厅日前印发通知): those bodies are the news's parties, superiors too
# (a notice that cites a superior's document names no party; the news of one does: dev gold)
NEWS_LEAD = 400  # how far into a news item its lead is read
_TOP_ORGANS = ("中共中央", "党中央")  # top organs named with no body's ending
_NEWS_ISSUED = re.compile(
    r"(?:^|(?<=[,,。:\n]|[电讯])|(?<=[电讯])\([^()]{1,20}\))[ \t]*(?:(?:日前|近日|近期|昨天|昨日|今天|今日|[0-9]{1,2}月[0-9]{1,2}日)[,,]?)?"
    r"(?P<names>(?:(?!就|日前|近日|近期|昨天|昨日|今天|今日)[\u4e00-\u9fff()]){2,20}"
    r"(?:[、 和及](?:(?!就|日前|近日|近期|昨天|昨日|今天|今日)[\u4e00-\u9fff()]){2,20}){0,3}?)"
    r"(?:(?:日前|近日|近期|昨天|昨日|今天|今日|[0-9]{1,2}日)(?:\([^()]{1,8}\))?|就[^,,。;\n]{2,40}?)?"
    r"(?:联合)?(?:印发|发出|下发|出台|发布|制定)了?(?:紧急|专门)?(?:《|通知|意见|方案|规定|文件|公告)")


def news_issuers(text: str, doc_type: str | None) -> list[Found]:
    """In a news item (doc_type 新闻), the bodies its lead names as issuing a document."""
    if doc_type != "新闻":
        return []
    out = []
    for m in _NEWS_ISSUED.finditer(text, 0, min(len(text), NEWS_LEAD + 60)):
        if m.start() > NEWS_LEAD:
            break
        a, b = m.span("names")
        parts = [strip_span(text, x, y) for x, y in split_outside(text, a, b, "、 和及")]
        names = [(x, y, _normalize(text[x:y])) for x, y in parts if y > x]
        if names and all((n in _TOP_ORGANS or _signer_name(n)) and not n.startswith("该") for _, _, n in names):
            out += [Found(x, y, n, "issuer") for x, y, n in names]
    return out


def headline_issuers(text: str) -> list[Found]:
    """A press release's headline ending with its department in brackets:
    ``某局跟进某事故 (某某事务局)``; the department issued it."""
    out = []
    for m in compiled()["headline_issuer"].finditer(text):
        name = _normalize(m.group("name"))
        if _is_name(name) and _kind(name) in ISSUER_KINDS:
            out.append(Found(m.start("name") - 1, m.end("name") + 1, name, "issuer"))
    return out
