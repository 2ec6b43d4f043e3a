"""The parts of a 公文 around its body (GB/T 9704), read line by line for the splitting stage.

版头 (issuer) and 发文字号 above the title, the title, the 主送 salutation under it (`各单位、部门:`),
the 落款 closing it (issuer, then the signing date alone on a line), and, on web pages, the
headline among the site chrome above the first paragraph.
"""

from __future__ import annotations

import re

from nlp.text import SEMICOLONS, STOPS

# The 发文字号: 日卫党发〔2010〕11号, masked X卫健发〔2024〕8号, 某教综[2024]12号, 某办﹝2020﹞27号 (small brackets)
DOC_NUMBER = re.compile(
    r"(?:[\u4e00-\u9fff]|[Xx*×○])[\u4e00-\u9fffXx*×○]{0,11}\s?[〔\[【(﹝][12][\dXx*]{3}[〕\]】)﹞]\s*第?\s*[\dXx*]{1,4}\s*号"
    r"|(?<!\d)(?:[〔\[【][12]\d{3}[〕\]】]|[12]\d{3}[ \t]*年)?[ \t]*第[ \t]*\d{1,4}[ \t]*号(?![\u4e00-\u9fff])")
# (the second form, a 公告's or 令's bare number `第8号` / `〔2024〕第8号`, counts only alone on its line)
# What may follow a 发文字号 on its line: a 签发人 or another field of a site's metadata table.
_AFTER_NUMBER = re.compile(r"^(?:\)|\s+.{0,12}[::].*|签发人.*)?$")

_CN_DIGIT = "〇○零一二三四五六七八九十0-9"
# The signing date alone on its line: 2007年9月5日, 二〇〇九年五月十三日, 2013年5月, 2023-03-28
SIGNING_DATE = re.compile(
    rf"^(?:[12]\d{{3,4}}|二[{_CN_DIGIT}]{{3}})\s*年\s*[{_CN_DIGIT}]{{1,3}}\s*月(?:\s*[{_CN_DIGIT}]{{1,3}}\s*日)?$"
    r"|^[12]\d{3}[-/.]\d{1,2}[-/.]\d{1,2}$"
    r"|^[12]\d{3}\d{2,4}日$")  # (a page that lost the date's 年 and 月: `2018830日`)
# A page's publication date under a headline: 2021-11-01, 2012-01-04 18:47, 日期:100-05-31
PUBLISHED = re.compile(r"^(?:日期[::]\s*)?(?:[12]\d{3}|\d{2,3})[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")

# 主送: `各单位、部门:`, `尊敬的各位患者和家属:`, `各区县卫生健康局,委属各单位:`
_ADDRESSEE = re.compile(r"^(?:各|尊敬的|致|亲爱的)|(?:单位|部门|政府|委员会|委|局|厅|院|校|处|室|会|所|中心|公司|同志|们)"
                        r"(?:[((][^()()]{1,8}[))])?$")  # (or a note after the last: `校区各部门(院系):`)


def is_salutation(line: str) -> bool:
    """A 主送 line: recipients ending with a colon.

    >>> is_salutation("各单位、部门:"), is_salutation("标题:"), is_salutation("现将有关事项通知如下:")
    (True, False, False)
    """
    t = line.strip()
    if not t.endswith((":", ":")) or "。" in t or len(t) > 200:
        return False
    body = t[:-1].strip()
    if len(body) < 2 or "如下" in body or _SPEECH_ADDRESS.fullmatch(body):
        return False
    # (or a list of recipients whose last part is `各…`: `省政协各专门委员会,各市州政协:`)
    parts = re.split(r"[,,、]", body)
    return bool(_ADDRESSEE.search(body)) or (len(parts) >= 2 and bool(_EACH_PART.match(parts[-1]))
                                             and not _NOT_RECIPIENTS.search(body))


_EACH_PART = re.compile(r"^各[\u4e00-\u9fff()]{1,12}$")
# a speech's or a report's address to its hearers (各位代表:, 同志们:, 各位领导、同志们:), no 主送
_HEARERS = r"(?:尊敬的)?(?:各位(?:代表|委员|领导|来宾|嘉宾)|同志们|女士们|先生们)"  # (各位老师: a school's notice 主送)
_SPEECH_ADDRESS = re.compile(rf"{_HEARERS}(?:[、,,]{_HEARERS})*")
_NOT_RECIPIENTS = re.compile(r"要|应|须|请|将|以下|下列|如下|是|有|为")


def is_signing_date(line: str) -> bool:
    """The date alone on a line that closes a 落款.

    >>> is_signing_date("2007年9月5日"), is_signing_date("二〇〇九年五月十三日"), is_signing_date("2007年9月5日召开")
    (True, True, False)
    """
    return bool(SIGNING_DATE.match(line.strip()))


def is_published(line: str) -> bool:
    return bool(PUBLISHED.match(line.strip()))


# A page's publication line under its headline, with what sites put around the date: a bullet, a
# label, the time, the site or the author (`• 2019-02-13 09:59`, `时间:2024-03-29 19:40:15 作者:佚名`,
# `某某新闻网 2011-4-28`, `发布日期:2023年5月6日`).
_PUB_DATE = r"[12]\d{3}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
_SITE_AND_DATE = rf"[\u4e00-\u9fffA-Za-z]{{2,14}}\s+{_PUB_DATE}"  # `某某新闻网 2011-4-28`
_PUBLICATION = re.compile(
    rf"^(?:(?:发布|更新|发稿)?(?:时间|日期)\s*[::]\s*{_PUB_DATE}(?:\s+\S.{{0,30}})?"
    rf"|{_PUB_DATE}(?:\s+\S.{{0,30}})?"
    rf"|{_SITE_AND_DATE})$")


def is_publication_line(line: str) -> bool:
    """A page's publication line: its date, perhaps with a label, the time, the site or the author.

    >>> is_publication_line("• 2019-02-13 09:59"), is_publication_line("时间:2024-03-29 19:40 作者:佚名")
    (True, True)
    >>> is_publication_line("2019年2月13日,全市召开会议。")
    False
    """
    t = line.strip().lstrip("•·● \t")
    if not (t[:1].isdigit() or t.startswith(("时间", "日期", "发布", "更新", "发稿")) or " " in t):
        return False  # (the cheap test first: every line of a text is asked)
    return len(t) <= 60 and "。" not in t and bool(_PUBLICATION.match(t) or PUBLISHED.match(t))


# Lines of site chrome that are never a headline.
_NOT_HEADLINE = re.compile(
    r"[_•>›»]|-->|[|｜].*[|｜]|https?:|www\.|\.(?:docx?|pdf|html?|xlsx?)$|JavaScript|Loading|Page\s*\d|"
    r"记者|通讯员|报道|报导|编辑|作者|来源|日期|时间|浏览|点击|点阅|当前位置|您的位置|您好|跳[至到过]|主要内容|导航|"
    r"首页|打印|列印|字[体号级]|Enter|浏览器|键盘|欢迎|星期|请输入|请选择|供稿|稿源|"
    r"长辈版|无障碍|适老化|[简繁]体版|蒙文版|藏文版|维文版|官网下载|"
    r"^(?:关键[词字]|主题词|主旨|标签|摘要)\s*[::]|^[^::]{1,8}[::][^::]{1,30}\s[^::\s]{1,8}[::]"
    r"|^(?:[^::\s]\s?){2,6}[::]\s*[^::\s]{1,6}$|^[((][^()()]*[))]$"
    r"|^[\u4e00-\u9fff]{2,10}(?:日报|晚报|时报|商报|早报|报社)?(?:数字报|电子报|数字版|电子版)$"
    r"|^[【\[][^【】\[\]]{2,16}(?:网|报|台|社|新闻|在线|客户端|资讯)[】\]]$|^[◎▲△▼►]"
    r"|^[\u4e00-\u9fff]{0,10}(?:政务公开|信息公开|政府信息|政务服务)(?:网|平台|专栏|目录)?$", re.I)
# a sample-text site's compilation, `某某工作计划(通用10篇)`, `某某范文集锦`, and its item's number,
# `某某通知 篇1`: the page's, not a document's title
COMPILATION = re.compile(r"[(\uff08](?:通用|精选|模板|优选|优秀|热门|最新|实用|必备|推荐|汇总|合集|集锦|锦集|汇编|大全|范文)?\s*\d{1,3}\s*篇[)\uff09]$"
                         r"|(?<=[\u4e00-\u9fff])(?:通用|精选|模板|优选|优秀|热门|最新|实用|必备|推荐|汇总|合集|集锦|锦集|汇编|大全|范文)\d{1,3}篇$"  # (unbracketed: …总结实用13篇)
                         r"|范文(?:集锦|大全|汇总|合集|精选)|\s篇\s*\d{1,3}$")
# a piece's number after its name (`消防通知 篇1`), and the words of a compilation's own name
_PIECE_NUMBER = re.compile(r"\s篇\s*\d{1,3}$")
_COMPILATION_WORD = re.compile(r"范文|集锦|锦集|汇编|合集|集合|大全|精选|模板|汇总")


def compilation_head(line: str) -> bool:
    """A compilation's own head (`某某方案(模板8篇)`, `某某范文集锦`, `某某范文集锦 篇1`), never a
    document's title; a piece numbered after a name of its own (`消防通知 篇1`) is its piece's title
    line, the number dropped (`_key`)."""
    if "篇" not in line and "范文" not in line:
        return False  # every branch of COMPILATION holds one of them: the common line is not scanned
    if not COMPILATION.search(line):
        return False
    piece = _PIECE_NUMBER.search(line)
    if piece is None:
        return True
    rest = line[:piece.start()]
    return bool(COMPILATION.search(rest) or _COMPILATION_WORD.search(rest))
_MENU_WORD = re.compile(r"登录|注册|搜索|分享|收藏")  # a menu's words: chrome on a short line
# (then: two fields of a metadata table on one line, `主题分类: 政务公开 发文单位: 某局`; one short
# field, `指导教授 : 某某`; a note in brackets, `(此份纪要业经审阅)`; a paper's `某某日报数字报` masthead;
# a site's tag alone on its line, `【某某新闻网】`; a photo's caption, `◎某港夜景`, `▲院长(中)与贵宾合影`;
# a site's column, `某区基层政务公开`)
def is_site_chrome(line: str) -> bool:
    """A short line holding a site's words (menu, greeting, font size, sharing, date of the day)."""
    t = line.strip()
    return len(t) <= 40 and "。" not in t and bool(_NOT_HEADLINE.search(t) or _CHROME_WORD.search(t)
                                                  or _MENU_WORD.search(t))


_SENTENCE_END = re.compile(rf"[{STOPS}{SEMICOLONS}]$")
_CJK_FULL_STOP = re.compile(r"[\u4e00-\u9fff”\"]\.$")  # `某乡召开部署会.`: a sentence closed by a Latin full stop
# a contents block's label on its own line: 目录, 目 录, 提纲:
_CONTENTS_LABEL = re.compile(r"(?:目[ \t\u3000]*录|提[ \t\u3000]*纲)[ \t\u3000]*[::]?")
_MARKER = re.compile(r"^(?:[一二三四五六七八九十壹贰貳參参叁肆伍陆陸柒捌玖拾]+[、.]|\(?[一二三四五六七八九十]+\)|\d{1,2}[、.．)]|\(\d{1,2}\)|[①-⑳]|第[一二三四五六七八九十\d]+[章节条部分])")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_DATE = re.compile(r"\d+\s*[年月日号]")


def is_body_line(line: str) -> bool:
    """A paragraph of running text, or a numbered heading: where a document's body starts."""
    t = line.strip()
    return (len(t) >= 30 and "。" in t) or bool(_MARKER.match(t))


_EMOJI_END = re.compile("[ \t\u3000\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]+$")
_DASH_GROUPS = re.compile(r"-+")  # (`某某---某某讲习`: one separator, however many dashes)


def headline_candidate(line: str) -> bool:
    """A line that may be a headline: short, mostly Chinese, no sentence end, no chrome words.

    >>> headline_candidate("某区消防局巡查百余处工地"), headline_candidate("跳至主要内容"), headline_candidate("各单位:")
    (True, False, False)
    """
    t = _EMOJI_END.sub("", line.strip())  # (`…大家好!👋`: the emoji after the sentence's end)
    if t.endswith(("|", "｜")) and not re.search(r"[|｜]", t[:-1]):
        t = t[:-1].rstrip()  # `某某新闻 |`: a table's border left after the headline
    n = len(_CJK.findall(_DATE.sub("", t)))  # `今日报纸2024年05月06日` is a date, not a headline
    if n < 6 or len(t) > 90 or n < 0.4 * len(t.replace(" ", "")):
        return False
    if re.search(r"[|｜]", t) and n < 15:
        return False  # `某某新闻网 | ABC`; `工地安全|某局针对高处作业展开特别执法` is a headline
    if re.fullmatch(r"\S(?:\s+\S){3,}", t):
        return False  # `一 二 三 四 五 六 日`: a calendar's or a menu's single characters
    if _SENTENCE_END.search(t) or _CJK_FULL_STOP.search(t) or t.endswith((":", ":", ",", "、")) or t.count(",") > 2:
        return False
    if t.startswith(("——", "--", "—")):
        return False  # `——某院组织职工观看警示片`: a subtitle under the headline, never the headline
    if _MARKER.match(t) or is_salutation(t) or is_signing_date(t) or is_published(t) or t.endswith("文件"):
        return False  # (`某市卫生健康委员会文件` is the 版头, not the title)
    number = DOC_NUMBER.match(t)
    if number and _AFTER_NUMBER.match(t[number.end():]):
        return False  # `某办〔2020〕27号 签发人:某某`: the 版头's number line
    if _LABELLED_NUMBER.match(t):
        return False  # `互联网新闻信息许可证:61120180013`: a site's licence or registry number
    if len(_DASH_GROUPS.findall(t)) >= 3 or (n < 12 and (_CHROME_WORD.search(t) or _LINK_WORD.search(t))):
        return False  # `某某-某某最新-某某第一页-…`: a spam line's keywords; `网站地图`, `查看结果`: chrome
    if n < 14 and _MENU_WORD.search(t):
        return False  # `用户登录`, `站内搜索`: a menu's item (a long headline may hold the word: `落实请托关说登录作业…`)
    if compilation_head(t) or is_unit_name(re.sub(r"\s+\S{1,3}$", "", t)):
        return False  # (`某街道办事处 乡级`: the publishing unit and its level)
    return not _NOT_HEADLINE.search(t) and not is_unit_name(t) and not _KEYWORD_LIST.match(t)



# words of a page's chrome that a longer headline may hold (`官方通报今年政府网站检查情况…`)
_CHROME_WORD = re.compile(r"网站|查看|结果|文档")
# a label and its number, a line of a site's footer or header (licence, registry, identification code)
_LABELLED_NUMBER = re.compile(r"[\u4e00-\u9fff]{2,16}\s*[::]\s*[A-Za-z0-9][A-Za-z0-9\-]{5,}\s*(?:号)?$")
# a site's short links (`安全生产电话`, `邮箱`); a document's own contact line is no chrome, so only headlines test them
_LINK_WORD = re.compile(r"电话|邮箱")


# a labelled list of short keywords (`热门: 甲乙 丙丁 戊己`, `标签:安全 消防 检查`): a page's tags
_KEYWORD_LIST = re.compile(r"^[\u4e00-\u9fff]{2,4}\s*[::]\s*[^\s::]{1,6}(?:\s+[^\s::]{1,6}){2,}$")


_UNIT_KINDS = ("body", "office", "unit", "group")
_REPORTED_ACT = re.compile(r"召开|举行|举办|开展|部署|启动|印发|发布|出台|成立|组建")
_NAME_ONLY = re.compile(r"[\u4e00-\u9fff()]{2,30}")


def is_unit_name(line: str) -> bool:
    """A line that only names a unit or a site (`某市卫生健康委员会`, `某某新闻网`): a masthead, a
    版头 or a 落款, never a headline.

    >>> is_unit_name("某市卫生健康委员会"), is_unit_name("某市卫生健康委员会召开安全生产会议")
    (True, False)
    """
    from nlp.extract.parties_lexicon import org_suffixes

    t = _SITE_EDITION.sub("", re.sub(r"\s+", "", line))  # 某某网移动版: the site's mobile edition
    half = len(t) // 2
    if len(t) >= 6 and len(t) % 2 == 0 and t[:half] == t[half:]:
        t = t[:half]  # 某某时报某某时报: a masthead's logo text and its name run together
    if not _NAME_ONLY.fullmatch(t) or "关于" in t or "的" in t or _REPORTED_ACT.search(t, 2) or "在" in t[2:]:
        return False  # (某区召开…联席会议: a headline of the meeting, not the body's name; 警示教育在某院: where)
    if t.endswith(("网", "日报", "晚报", "时报", "商报", "早报")) and len(t) <= 12:
        return True  # a site's or a paper's name
    suffixes = org_suffixes()
    return any(t.endswith(s) and suffixes[s] in _UNIT_KINDS for s in suffixes)


# a blog theme's label before the story's headline (`Reading: 某乡因应台风来袭预防性封路`)
_READING = re.compile(r"^(?:Now\s+)?Reading\s*[::]\s*(?=[\u4e00-\u9fff“《])", re.I)
# the repost's original title in brackets, `(原标题:某某解读二:某某工作回顾(二))`
_BRACKETED_ORIGINAL = re.compile(r"^[((]\s*原标?题\s*[::]\s*(?P<x>.{6,100}?)\s*[))]$")
# a flattened repost: `原标题:某某被临时查封 违规使用…记者从…获悉,…` (the title ends at the space)
_ORIGINAL_RUN_ON = re.compile(r"^原标?题\s*[::]\s*(?P<x>[^\s。,,;;]{6,60})[ \t\u3000]+(?=\S[^\n]{40,})")
_SITE_EDITION = re.compile(r"(?:移动版|手机版|手机站|触屏版|客户端|WAP版)$", re.I)


_CITED_NAME = re.compile(r"^《(?P<x>[^《》]{4,80})》(?:是|为|由)")  # `《关于…的通知》是国家…发布的文件`
_ORIGINAL = re.compile(r"^(?:(?:原标?题|名\s*称|标\s*题|题\s*名|文件名称)\s*[::]|(?:公告主旨|公告标题|公告名称)\s*[::]?)"
                       r"\s*(?P<x>[^。::]{6,100}?)(?:\s+[^::\s]{2,6}\s*[::].*)?$")
# (a news page's own title over its text; a metadata table's 名称: field; a school site's 公告主旨 field)
# a law database's table row `名称 | 关于…的通知 | |`
_PIPED_NAME = re.compile(r"^(?:名\s*称|标\s*题|文件名称|法规名称)\s*[|｜]\s*(?P<x>[^|｜。]{6,120}?)\s*[|｜]")
_TITLE_LABEL = re.compile(r"^(?:标\s*题|文章标题|题\s*目)\s*[::]?$")


ARTICLE_HEAD_REACH = 16  # lines below a paragraph-like line in which an article's head may follow


def _article_head_below(lines: list[str], at: int, limit: int) -> bool:
    """Whether a headline and the publication line under it (`来源:…`, `发布时间:…`) follow line
    ``at`` within a few lines, with no paragraph between: the page's article starts there, and
    the line at ``at`` is the site's (a slogan, a banner)."""
    above = None
    for j in range(at + 1, min(len(lines), limit, at + ARTICLE_HEAD_REACH)):
        t = lines[j].strip()
        if not t:
            continue
        if is_meta_line(t):
            return above is not None and len(_CJK.findall(above)) >= 8
        if is_body_line(t):
            return False
        above = t if headline_candidate(t) else None
    return False


def head_title(lines: list[str], *, limit: int = 120) -> tuple[str, int] | None:
    """The headline among the lines above a page's first paragraph, and its index.

    >>> head_title(["跳至主要内容", "", "某区消防局巡查百余处工地", "某区消防局近日派员巡查辖区在建工地,发现隐患即时要求整改。"])
    ('某区消防局巡查百余处工地', 2)
    >>> head_title(["主题分类: 政务公开 发文单位: 某市某局", "名 称: 某市某局2026年行政检查计划 发布日期: 2025年12月24日"])
    ('某市某局2026年行政检查计划', 1)
    >>> head_title(["某某信息网", "某局召开作风整顿推进会", "发布时间:2010/9/10", "某局召开会议,部署作风整顿工作。"])
    ('某局召开作风整顿推进会', 1)
    """
    from nlp.genres import genre_of

    seen: dict[str, int] = {}
    for line in lines[:limit]:
        seen[line.strip()] = seen.get(line.strip(), 0) + 1
    ticker = _ticker_lines(lines[:limit])
    found: list[tuple[str, int]] = []
    over_meta: tuple[str, int] | None = None  # the candidate just above the page's 发布时间/来源 line
    last: tuple[str, int] | None = None  # the first of the candidates just above, only blank lines between
    exclaimed: list[tuple[str, int]] = []
    body_at = None
    contents = False  # inside a contents block above the title (a 范文 site's 提纲:)
    for i, line in enumerate(lines[:limit]):
        t = line.strip()
        if not t:
            continue
        if i in ticker:
            last = None
            continue  # a column of other pages' dated headlines (`2026/03/12` / `某某…`, again and again)
        if i < 3 and _MARKER.fullmatch(t):
            continue  # a document-sharing page's number alone above its page (`1、`)
        if _CONTENTS_LABEL.fullmatch(t):
            contents = True  # `提纲:` / `目录`: its items above the title are no body
            continue
        if contents and _MARKER.match(t) and len(t) <= 60:
            continue
        contents = False
        m = (_CITED_NAME.match(t) or _ORIGINAL.match(t) or _PIPED_NAME.match(t) or _BRACKETED_ORIGINAL.match(t)
             or (None if found else _ORIGINAL_RUN_ON.match(t)))  # (a headline above: the title it repeats)
        if m:
            return m.group("x"), i
        if _TITLE_LABEL.match(t) and i + 1 < len(lines) and lines[i + 1].strip():
            return lines[i + 1].strip(), i + 1
        if is_meta_line(t):
            if last is not None and over_meta is None:
                over_meta = last
            last = None
            continue
        if _MARKER.match(t) and is_site_chrome(t):
            continue  # a site's numbered notice (`1.本站文档由用户上传…`) is chrome, not the body
        if _WELCOME.match(t):
            last = None
            continue  # a site's greeting (`欢迎来到…页面!`), however long its mojibake makes it
        dated = DATED_ITEM.match(t)
        if not dated and (is_body_line(t) or is_salutation(t)):
            if body_at is None and not _MARKER.match(t) and _article_head_below(lines, i, limit):
                last = None
                continue  # a site's slogan (`…构建和谐文明某州。…美丽!`) above the article's own head
            body_at = i
            break
        if dated:
            t = dated.group("x") or dated.group("y")  # a tag page's item: `标题 2020年06月17日|文:某某|https://…`
        t = _EMPTY_CELLS.sub("", t) or t  # `标题 | ||||||`: a table's one filled cell
        untagged = _TAG_TAIL.sub("", t)  # `标题|标签|标签`
        t = untagged if len(_CJK.findall(untagged)) >= 8 else t
        t = _READING.sub("", _unbuttoned(t))
        if headline_candidate(t):
            if seen[line.strip()] < 3:  # (a line repeated all over the head is navigation…
                found.append((t, i))
            last = last or (t, i)  # …but not over the date: the first of a headline and its subtitle there)
        else:
            last = None
            if _exclaimed_headline(t) and seen[line.strip()] < 3:
                exclaimed.append((t, i))
    body = "".join(ln.strip() for ln in lines[body_at:body_at + 6])[:600] if body_at is not None else ""
    if over_meta is not None and len(_CJK.findall(over_meta[0])) >= 8:
        # the line over the page's publication line is its headline (unless a banner stands first
        # in that run of lines and the line under it shares the story's words)
        under = [f for f in found if f[1] > over_meta[1]]
        if body and under and _shared_bigrams(over_meta[0], body) < HEADLINE_SHARE_LOW \
                and _shared_bigrams(under[0][0], body) >= HEADLINE_SHARE_HIGH:
            return under[0]
        return over_meta
    found = found or exclaimed[:1]  # `快讯!…!` only where no other line may be the headline
    # a headline with a genre word (`…工作总结`) over an issuer's name or a slogan just above it
    # a short menu item or slogan (`免费服务热线`) above a full headline is chrome
    full = [f for f in found if len(_CJK.findall(f[0])) >= 8]
    found = full + [f for f in found if f not in full] if full else found
    if body and len(found) >= 2:
        # a page's banner or notice (`信息未审核或下架中…`, an advert) above the headline shares no
        # words with the story; the headline does: the first candidate gives way to one that does
        share = [_shared_bigrams(f[0], body) for f in found]
        best = max(range(len(found)), key=lambda k: share[k])
        if share[0] < HEADLINE_SHARE_LOW and share[best] >= HEADLINE_SHARE_HIGH:
            found = [found[best]] + [f for k, f in enumerate(found) if k != best]
    return next((f for f in found[:3] if genre_of(f[0])), found[0] if found else None)


_BARE_DATE = re.compile(r"[12][0-9]{3}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?")


def _ticker_lines(lines: list[str], least: int = 3) -> set[int]:
    """The lines of a column of other pages' headlines, each under its date on a line of its own,
    ``least`` or more in a row, no sentence among them: a site's news ticker or link list."""
    rows = [(k, line.strip()) for k, line in enumerate(lines) if line.strip()]
    out: set[int] = set()
    run: list[int] = []
    j = 0
    while j < len(rows):
        k, t = rows[j]
        nxt = rows[j + 1][1] if j + 1 < len(rows) else ""
        if _BARE_DATE.fullmatch(t) and nxt and not _BARE_DATE.fullmatch(nxt) and "。" not in nxt and len(nxt) <= 90:
            run += [k, rows[j + 1][0]]
            j += 2
            continue
        if len(run) >= 2 * least:
            out.update(run)
        run = []
        j += 1
    if len(run) >= 2 * least:
        out.update(run)
    return out


# a button beside the headline (`标题 列印`, `标题 【打印】`)
_BUTTONS = re.compile(r"(?:\s*(?:列印|打印|分享|收藏|关闭|返回|[【\[](?:打印|关闭|返回)[】\]]))+\s*$")


def _unbuttoned(t: str) -> str:
    """A headline line without the page's buttons after it, and, when underscores join a page's
    keywords or its site to it (`关键词_某市成立某某领导小组`, `标题_栏目_某某网`), its longest part."""
    t = _BUTTONS.sub("", t) if len(t) > 12 else t
    if "_" in t and "__" not in t:
        part = max(t.split("_"), key=lambda x: len(_CJK.findall(x)))
        if len(_CJK.findall(part)) >= 8:
            return part.strip()
    return t


HEADLINE_SHARE_LOW, HEADLINE_SHARE_HIGH = 0.1, 0.3  # the share of a headline's bigrams in the story


def _shared_bigrams(title: str, body: str) -> float:
    """The share of the title's Chinese character pairs that the body repeats."""
    chars = "".join(_CJK.findall(title))
    pairs = {chars[k:k + 2] for k in range(len(chars) - 1)}
    return sum(p in body for p in pairs) / len(pairs) if pairs else 0.0


# a tag or column page's item: `标题 2020年06月17日|文:某某|https://…` (its headline is x)
DATED_ITEM = re.compile(r"^(?P<x>[^。\s|｜]{2}[^。|｜]{4,78}?)\s+\d{4}年\d{1,2}月\d{1,2}日\s*[|｜]\s*\S.*$"
                        # or a listing's item whose headline runs into its date and teaser, an image before it:
                        # `![]() 标题2015年04月02日某中心宣布…` (not a stage's dates in brackets: `(二)某阶段(2011年9月26日至…)。`)
                        r"|^(?:!\[[^\]]*\]\([^)]*\)\s*)?(?P<y>[^\s。,,;;::!?!?|｜]{3,29}[^\s。,,;;::!?!?|｜\d((【\[])\d{4}年\d{1,2}月\d{1,2}日"
                        r"(?=[^\s\d(()])(?=.{20})")
_WELCOME = re.compile(r"^(?:欢迎|歡迎)(?:来到|光临|访问|您)")
_EMPTY_CELLS = re.compile(r"(?:\s*[|｜])+\s*$")
_TAG_TAIL = re.compile(r"(?:\s*[|｜]\s*[^|｜\s]{1,12}){2,}\s*$")
# The metadata line under a page's headline: `发布时间:2010/9/10`, `来源:某局 浏览次数:12`, `网络整理 2018-11-30`
_META_START = re.compile(r"^(?:(?:发布|更新|发稿|上传)?(?:时间|日期)|来源|作者|信息来源|稿源|发布者?|点击数?|浏览次数)\s*[::]")


# a row of a page's metadata table, flattened with spaces (`发布机构 某局 组配分类 发展计划`)
METADATA_ROW = re.compile(r"^(?:(?:索\s*引\s*号|发布机构|发文机关|组配分类|主题分类|成文日期|废止日期|公开方式|公开范围|有效性)"
                          # (or the value glued on and the row's next field after a space: 发文机关某县政府办公室 关 键 字)
                          r"(?:\s*[::]|\s+\S|\s*$|[^\s。,,;;]{2,24}\s+(?:[\u4e00-\u9fff]\s*){2,6}$)"
                          # a law database's fields, their value glued on too (时效性现行有效, 施行日期2001年…)
                          r"|(?:时效性|效力级别|效力等级|施行日期|实施日期|发文日期|发文字号|公布日期|失效日期|法规类别)"
                          r"(?:\s*[::]|\s+\S|\s*$|(?=[^。,,;;\n]{1,30}$)))")


def is_meta_line(line: str) -> bool:
    """A page's publication or metadata line, as under a headline.

    >>> is_meta_line("发布时间:2010/9/10文字调整"), is_meta_line("网络整理 2018-11-30 最新信息")
    (True, True)
    >>> is_meta_line("时间紧、任务重,各单位要高度重视。")
    False
    """
    t = line.strip().lstrip("•·● \t")
    if len(t) > 80 or "。" in t:
        return False
    if _META_START.match(t) or is_publication_line(t) or METADATA_ROW.match(t):
        return True
    return bool(_SITE_DATE.match(t))


_SITE_DATE = re.compile(rf"^{_SITE_AND_DATE}(?:\s|$)")  # the same with words after it: `网络整理 2018-11-30 最新信息`


def _exclaimed_headline(t: str) -> bool:
    """A news headline ending in an exclamation (`快讯!某市首批医院挂牌“无红包医院”!`), which
    ``headline_candidate`` refuses for its sentence end; a full stop still makes it a sentence."""
    return "。" not in t and len(t) <= 40 and t[-1:] in "!?!?" and headline_candidate(re.sub(r"[!?!?]+$", "", t))


_CITING = re.compile(r"根据|按照|依据|依照|贯彻|落实|参照|遵照|传达|学习|执行|对照")


def _after_title(before: str, number: str) -> int:
    """Where a 发文字号 really starts inside ``number`` when its issuer code was matched together
    with the end of a title glued before it (`通知国办发〔2013〕30号`): after the last genre word, or
    0 when none ends there."""
    from nlp.genres import genre_pattern

    code = re.match(r"[^〔\[【(]*", number).group()
    ends = [g.end() for g in re.finditer(genre_pattern(), code)]
    ends = [e for e in ends if 2 <= len(code) - e]
    if not ends or not (before.strip() or "关于" in code):
        return 0 if not ends else ends[-1]
    return ends[-1]


_OWN_HEAD_AFTER = re.compile(r"[^。,,;;]{0,30}关于|(?:[\u4e00-\u9fff]{0,6}各|[^。]{0,40}、)[^。]{1,100}?(?:单位|部门|政府|委员会|委|局|厅|院|校|处|室|中心|机构)[::]")


def _runs_on(before: str, after: str) -> bool:
    """In text flattened onto one line, a number that opens the line, or closes its title in
    parentheses, runs straight into the title or the 主送 (`某卫发〔2024〕8号关于…`,
    `…的通知(某卫发〔2024〕8号)各单位:`); one cited in a sentence runs into the sentence."""
    from nlp.genres import genre_of

    if after[:1] in "文的等和与、,,号" or after.startswith(("精神", "要求", "规定", "有关", "件")):
        return False
    if before == "":
        return True
    if _CITING.search(before):
        return False
    if _OWN_HEAD_AFTER.match(after):
        return True  # the number above its 关于 title or its 主送, run together with the page's metadata
    return (before.endswith("(") and after.startswith(")") and genre_of(before[:-1]) is not None) or (
        genre_of(before) is not None and not after.startswith(")"))


def _closes_headline(before: str, after: str) -> bool:
    """A number that ends a headline's line right after its genre word (`关于…的通知某府发〔2009〕12号`,
    `某厅《关于印发…的通知》某办发〔2019〕71号`): the headline's own."""
    from nlp.genres import genre_of

    return (not after and 8 <= len(before) <= 120 and "。" not in before
            and not _CITING.match(before.lstrip("(“")) and genre_of(before) is not None)


def find_doc_number(head: str) -> str | None:
    """The document's own 发文字号 in its first lines: alone on a line, after 版头 `…文件`, after a
    `发文字号:` label, or in parentheses after the title; a number cited in a sentence is not its own.

    >>> find_doc_number("某县卫生局文件\\n某卫发〔2010〕11号\\n关于…的通知"), find_doc_number("根据《意见》(某发〔2004〕9号)")
    ('某卫发〔2010〕11号', None)
    >>> find_doc_number("[ 索引号 ] 1150/2020-00160 [ 发文字号 ] 某府办发〔2017〕132号")
    '某府办发〔2017〕132号'
    """
    if "号" not in head:
        return None  # every match of DOC_NUMBER and _LABELLED_WORD_NUMBER ends with 号: no scan
    for m in DOC_NUMBER.finditer(head):
        line_start = head.rfind("\n", 0, m.start()) + 1
        line_end = head.find("\n", m.end())
        after_raw = head[m.end():line_end if line_end >= 0 else len(head)].rstrip()
        after = after_raw.strip()
        number_start = m.start()
        glued = _after_title(head[line_start:m.start()], m.group(0))
        if glued:  # flattened: `…的通知国办发〔2013〕30号各省…`: the number starts after the title
            number_start = m.start() + glued
        issuer = head.find("文件", number_start, m.end())
        if issuer != -1 and re.match(r"[\u4e00-\u9fffXx*×○]", head[issuer + 2:issuer + 3]):
            number_start = issuer + 2  # flattened under its 版头: `某市卫生局文件某卫发〔2010〕11号`
        field = re.match(r"(?:发文字号|发文号|文\s*号)(?=[\u4e00-\u9fffXx*×○])", head[number_start:m.end()])
        if field:
            number_start += field.end()  # a metadata table's label glued on: `发文字号国办发〔1986〕53号`
        code = head[number_start:m.end()]
        unit = re.match(r"[^〔\[【(]{4,}(?:委员会|委|局|厅|政府)(?=[\u4e00-\u9fffXx*×○]{2,6}\s?[〔\[【(])", code)
        if unit:
            number_start += unit.end()  # `…发布:湖州卫生健康委湖卫健发〔2023〕1号`: the issuer's name is not the code
        if _CITING.search(head[number_start:m.end()]) or re.search(r"[了的]", head[number_start:m.start() + len(re.match(r"[^〔\[【(]*", m.group(0)).group(0))]):
            continue  # `根据某卫发〔2020〕1号…`: a number cited at a line start
        before = head[line_start:number_start].strip().lstrip("•· ")
        number = re.sub(r"\s+", "", head[number_start:m.end()])
        # `文  号:` spaced in a metadata table, `[ 发文字号 ]` in brackets
        # (`文件编号: | 某政办发〔2022〕16号 |`: a piped table's label, its colon before the bar)
        label = re.search(r"(?:文件(?:编号)?|发文(?:字|编)号|文\s*号|字号)\s*[\]】|｜]?\s*[::]?\s*[|｜]?$", before)
        if not label and not _AFTER_NUMBER.match(after_raw) and not _AFTER_NUMBER.match(after) and not _runs_on(before, after):
            continue  # cited in a sentence: `现将某教综[2007]224号文转发给你们`
        bare = number.startswith("第") or not re.match(r"[\u4e00-\u9fffXx*×○]", number)
        if bare and not (before in ("", "(") or before.endswith(("公告", "公告(", "通告", "通告(", "令", "令("))):
            continue  # `第8号` counts alone on its line, or after a 公告's or 令's name
        if (before == "" or label or (bare and after in ("", ")")) or (glued and _runs_on(before, after))
                or (not bare and not _CITING.search(before) and _OWN_HEAD_AFTER.match(after))
                or (before.endswith("(") and "》" not in before[-2:] and "。" not in before and len(before) <= 80)
                or _closes_headline(before, after_raw)):
            return number
    # a Taiwan 發文字號 (府授衛字第1130012345號) is the document's own only under its label; cited in a
    # sentence (依…字第…號函辦理) it is another's
    m = _LABELLED_WORD_NUMBER.search(head)
    return re.sub(r"\s+", "", m.group(1)) if m else None


_LABELLED_WORD_NUMBER = re.compile(r"(?:发文字号|文\s*号)\s*[::]\s*([\u4e00-\u9fff()]{1,12}字第\s*\d{3,12}\s*号)")
