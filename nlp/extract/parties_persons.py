"""Parties, people in news: named office-holders beside their post, in simplified or traditional text.

News items and press releases name the people who carry out the reported work by a post and a
name, written either way round: ``院长某某就…提出要求``, ``副县长某某、卫生局副局长某某,以及…``,
``在某某院长领导下``, ``某局某某局长及某某、某某两位副局长``. A name is two or three Han
characters opening with a family name (``nlp/data/surnames.tsv``); the post comes from
``nlp/data/party_posts.tsv`` and gives the role (院长 lead, 副院长 responsible). The name must be
followed (post first) or preceded (name first) by what ends or opens a name in a sentence (a
separator, 就/对/结合, a reporting verb), so a post inside a longer word names no one.

A case report names violators the same way (``原局长某某收受…``): a former holder (原/前) and a
sentence that tells of a violation or a sanction give no party. Cheap regex scans only.
"""

from __future__ import annotations

import re
from functools import cache

from nlp.extract.parties_lexicon import party_posts, read_table
from nlp.extract.parties_names import is_name, listed_before, name_kind, normalize_name, role_for
from nlp.extract.parties_patterns import Found
from nlp.extract.parties_people import is_person_name, thing_word
from nlp.extract.parties_subjects import ONLY_ATTEND, REPORT_VERB
from nlp.text import OpensAfter, literal_trie

# what may follow a name written after its post: a separator or a word that opens the predicate
AFTER_NAME = (r"(?:[、和与及等(]|,(?=以及|及|和|等|并)|:(?=\s*[「“『\"])|同志|就|对|根据|按照|从|上午|下午|晚上|当天|当日|向|结合|围绕|针对|在|于|以|为|今|昨|也|还|亦|分别|一行|"
              r"[0-9]{1,2}日(?=[\u4e00-\u9fff])|"  # 代理局长某某13日出席…: the day, then the holder's act
              rf"{REPORT_VERB})")
# what may follow a post written after its name: 领导下, a separator, a reporting verb, an adverb
# of the holder's own action (某某院长亲自登台…, 某某书记带头…)
AFTER_POST = rf"(?:[,、。;:(和与及等]|\s|同志|领导下|的带领下|亲自|带头|率先|先后|多次|{REPORT_VERB})"
# what may stand before a name written before its post: a separator, a preposition, a unit's ending
BEFORE_NAME = (r"(?:[,、。;:()“”「」《》\s和与及由在请派]|^|局|院|处|署|会|部|委|所|队|府|厅|室|科|中心|政府|大学"
               r"|医院|公司)$")
# a sentence telling of a violation or a sanction: the people it names are no parties
VIOLATION = re.compile(r"违纪|违规|违法|收受|受贿|索贿|贪污|挪用|处分|开除|免职|撤职|立案|涉嫌|警告|记过|问责"
                       r"|诫勉|追究|判处|违反|审查调查|被查|问题|时任|公款|私用|宴请|吃请|履职不力|经查"
                       # a superior's words relayed: 传达某某在某会上的讲话精神
                       r"|讲话精神|的讲话|的重要讲话|批示|指示精神|原|前任")
CLAUSE_END = ",。;:!?\n"
CITED = re.compile(r"贯彻|按照|根据|遵照|落实|学习")  # before the name in its clause: a superior cited
# characters that a two- or three-character name does not hold: 和党员, 党的, 申报 are words
NOT_IN_NAME = set("的了和与及是在个员们报告作为等对把被从向到上下中内外会议党组工委长记任务副管各")
NOT_AFTER = ("领导", "组长")  # 领导和个人, 组长申报: these posts are rarely written before a name
SENTENCE = re.compile(r"[^。!?\n]+")
CHAIN_SEATS = ("委员", "成员")  # a seat named before one's post (党委委员、副局长某某), no post alone
FORMER = ("原", "前")
COUNTED = re.compile(r"(?P<names>[\u4e00-\u9fff]{2,3}(?:[、和及与][\u4e00-\u9fff]{2,3}){1,8})"
                     r"(?:两|二|三|四|五|六|几)位(?P<post>[\u4e00-\u9fff]{2,6})")

COUNT_WORD = re.compile(r"[两二三四五六几]位")  # the part of COUNTED that its every match holds
# leaders named in a 、-list right after 领导 (镇领导张某、李某、王某及镇应急办…)
LEADERS_NAMED = re.compile(r"领导(?:班子成员)?(?P<names>[\u4e00-\u9fff]{2,3}(?:、[\u4e00-\u9fff]{2,3}){1,8})(?=[及和与等,,。]|出席|参加|带队|一行)")


@cache
def _rx() -> dict[str, re.Pattern]:
    posts = literal_trie(party_posts())  # the longest post first
    return {"post": re.compile(posts), "after_name": re.compile(AFTER_NAME),
            "after_post": re.compile(AFTER_POST), "report": re.compile(REPORT_VERB), "verb": re.compile(rf"[,、。;:(]|(?=[^和与及在于以为就对])(?:{REPORT_VERB})"), "before_name": re.compile(BEFORE_NAME)}


def news_people(text: str) -> list[Found]:
    """Named holders beside a post (either order), and names counted before a shared post."""
    if not text:
        return []
    rx = _rx()
    out: list[Found] = []
    counted = COUNT_WORD.search(text) is not None
    for s in SENTENCE.finditer(text):
        a, b = s.span()
        for m in rx["post"].finditer(text, a, b):
            role = party_posts()[m.group()]
            if text[max(a, m.start() - 1):m.start()] in FORMER:
                continue
            after = None if m.group() in NOT_AFTER else _name_after(text, m.end(), b)
            if after:
                out.append(Found(m.start(), after, text[m.end():after], role))
                if _rx()["report"].match(text, after, b):
                    out += _holders_before(text, a, m.start())
                continue
            before = _name_before(text, a, m.start(), m.end(), b)
            if before is not None:
                out.append(Found(before, m.end(), text[before:m.start()], role))
        if "同志" in text[a:b]:
            for m in _COMRADE.finditer(text, a, b):  # 会上,张某同志传达…: a named comrade at work, no post
                if _person(m.group("who")) and _rx()["report"].match(text, m.end(), b):
                    out.append(Found(m.start("who"), m.end("who"), m.group("who"), "responsible"))
        if "领导" in text[a:b]:
            for m in LEADERS_NAMED.finditer(text, a, b):  # 镇领导张某、李某、王某及…: each a leader at work
                names = m.group("names").split("、")
                if all(_person(n) for n in names) and not ONLY_ATTEND.match(text, m.end(), b):
                    pos = m.start("names")
                    for n in names:
                        out.append(Found(pos, pos + len(n), n, "responsible"))
                        pos += len(n) + 1
        if not counted or COUNT_WORD.search(text, a, b) is None:
            continue  # every match of COUNTED holds its count word (两位, 三位…): a cheap scan first
        for m in COUNTED.finditer(text, a, b):
            post = next((p for p in sorted(party_posts(), key=len, reverse=True)
                         if m.group("post").startswith(p)), None)
            names = re.split(r"[、和及与]", m.group("names"))
            keep = 0  # the people's run ends the list: 局长及某某、某某两位副局长 starts after 及
            while keep < len(names) and _person(names[-1 - keep]):
                keep += 1
            if post and keep >= 2:
                pos = m.end("names") - len("、".join(names[-keep:]))
                for n in names[-keep:]:
                    out.append(Found(pos, pos + len(n), n, party_posts()[post]))
                    pos += len(n) + 1
    return [f for f in out if not case_clause(text, f.start, f.end)]


# a person named with 同志 alone where a clause opens (会上,张某同志传达…)
_COMRADE = re.compile(r"(?:^|(?<=[,,。;;:\n]))[ \t]*(?P<who>[\u4e00-\u9fff]{2,3})同志")


# a speech's byline under its title: `某县人民政府县长 某某` alone on its line (the speaker)
_BYLINE_LINE = re.compile(r"(?m)^[ \t\u3000]*(?P<head>[\u4e00-\u9fff()]{2,24})[ \t\u3000]+"
                          r"(?P<who>[\u4e00-\u9fff](?:[ \t\u3000]?[\u4e00-\u9fff]){1,2})[ \t\u3000]*$")
BYLINE_ZONE = 400  # characters from the top where a speech's byline stands


def byline_people(text: str) -> list[Found]:
    """``某县人民政府县长 某某`` on a line of its own near the top (under a report's title and the
    meeting it was given at): the speaker, with the role of the post."""
    out = []
    for m in _BYLINE_LINE.finditer(text, 0, min(len(text), BYLINE_ZONE)):
        head, who = m.group("head"), re.sub(r"[ \t\u3000]", "", m.group("who"))
        if not _person(who):
            continue
        post = _post_ending(head, len(head))
        if post:
            out.append(Found(m.start("who"), m.end("who"), who, party_posts()[post]))
    return out


def _holders_before(text: str, start: int, at: int) -> list[Found]:
    """``区人大常委会副主任某甲,区政协副主席某乙出席会议``: the holders listed before the one the
    reporting verb follows, each a post and a name parted by , or 、, do the same."""
    def name_at(text: str, end: int) -> Found | None:
        for length in (3, 2):
            s = end - length
            post = _post_ending(text, s) if s > start and _person(text[s:end]) else None
            if post:
                return Found(s, end, text[s:end], party_posts()[post])
        return None

    def joined(text: str, i: int) -> bool:  # 党委副书记、校长某某, 党组成员、副局长某某: one holder's posts
        return text[i] == "、" and (_post_ending(text, i) is not None or text.endswith(CHAIN_SEATS, 0, i))

    return listed_before(text, start, at + 1, name_at, joined=joined)


def _post_ending(text: str, at: int) -> str | None:
    """The longest post that ends right before ``at``."""
    return next((p for p in _posts_longest_first() if text.startswith(p, at - len(p))), None)


@cache
def _posts_longest_first() -> tuple[str, ...]:
    return tuple(sorted(party_posts(), key=len, reverse=True))


def case_clause(text: str, start: int, end: int) -> bool:
    """The clause naming the person tells of a violation, a sanction, a former post or a superior's
    relayed speech (``某所所长某某等人公款吃喝问题``, ``原副院长某某``, ``传达某某同志…的讲话``), or
    cites a superior's demand (``为贯彻州委某某书记…的要求``)."""
    a = max(text.rfind(c, 0, start) for c in CLAUSE_END) + 1
    ends = [i for i in (text.find(c, end) for c in CLAUSE_END) if i >= 0]
    return bool(VIOLATION.search(text, a, min(ends) if ends else len(text)) or CITED.search(text, a, start))


def _person(name: str) -> bool:
    """A family name and one or two given characters, none of them a function word's."""
    return is_person_name(name) and not NOT_IN_NAME.intersection(name[1:]) and name_kind(name) is None


def _name_after(text: str, at: int, end: int) -> int | None:
    """``院长某某就…``: the end of the 3- or 2-character name right after a post."""
    verb = _rx()["verb"].match(text, at + 2, end)  # 校长某某作报告: the verb opens at the third character
    for length in ((2, 3) if verb else (3, 2)):
        name = text[at:at + length]
        if (at + length <= end and _person(name) and _rx()["after_name"].match(text, at + length, end)
                and not thing_word(name)):  # 三级医师查房: a word, no one's name
            return at + length
    return None


def _name_before(text: str, start: int, at: int, post_end: int, end: int) -> int | None:
    """``在某某院长领导下``, ``某局某某局长及…``: the start of the name right before a post."""
    if not _rx()["after_post"].match(text, post_end, end) and post_end != end:
        return None
    for length in (3, 2):
        s = at - length
        if s < start:
            continue
        name = text[s:at]
        if _person(name) and (s == start or _rx()["before_name"].search(text, max(start, s - 4), s)) \
                and not text.startswith(FORMER, s - 1):
            return s
    return None


@cache
def post_cues() -> tuple[tuple[re.Pattern, str], ...]:
    """(compiled pattern, role) rows of ``party_post_cues.tsv``."""
    rows = read_table("party_post_cues.tsv", ("pattern", "role"),
                      {1: ("auto", "lead", "responsible", "member", "contact")})
    return tuple((re.compile(r.cells[0]), r.cells[1]) for r in rows)


POST_SPLIT = re.compile(r"[、和或及]")


def post_duties(text: str) -> list[Found]:
    """Posts a rule makes parties: ``由科室负责人批准``, ``须经党工委书记或办事处主任批准``,
    ``明确分管负责人、具体责任人``, ``联络员由…担任``. Every item of the slot must be a post."""
    out: list[Found] = []
    for rx, role in post_cues():
        for m in rx.finditer(text):
            a, b = m.span("slot")
            items, pos = [], a
            for piece in POST_SPLIT.split(text[a:b]) + [None]:
                if piece is None:
                    break
                name = normalize_name(piece)
                if not (is_name(name) and name_kind(name) == "person") or name.startswith(("各", "全")):
                    items = []
                    break
                items.append(Found(pos, pos + len(piece), name, role_for(role, name) if role == "auto" else role))
                pos += len(piece) + 1
            out += items
    return out


# a sentence that opens with a unit and its purpose (`某县政府为持续掌握各项计划执行情形,日前召开…`,
# `某局为进一步加强…,于近日开展…`): the unit is at work in the sentence
# (scanned from the sentence end before it: the lookbehind first made the engine try every position)
_PURPOSE_BODY = (r"[ \t\u3000]*(?P<u>[\u4e00-\u9fff()]{3,24}?)为了?(?=进一步|持续|落实|加强|切实|做好|确保|推进|提升|"
                 r"保障|防范|全面|深入|贯彻|有效|规范|强化|营造|提高|促进|预防|减少|维护|扎实|加快|推动|坚决|严格)")
_PURPOSE_SUBJECT = OpensAfter(r"(?:^|(?<=[。!?\n]))" + _PURPOSE_BODY, _PURPOSE_BODY, "。!?\n")


def purpose_subjects(text: str) -> list[Found]:
    """A unit that opens a sentence before the purpose it works for (某县政府为落实…,加强…): responsible."""
    if "为" not in text:
        return []
    out = []
    for m in _PURPOSE_SUBJECT.finditer(text):
        name = normalize_name(m.group("u"))
        if is_name(name) and name_kind(name) in ("body", "unit", "office", "group"):
            out.append(Found(m.start("u"), m.end("u"), name, "responsible"))
    return out
