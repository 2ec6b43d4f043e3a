"""Parties, reported actors: who carries out the work a report, a news item or a summary tells of.

Two cheap cues, each read where it can only name an actor:

- a named office-holder beside a post (``party_posts.tsv``) and a reporting verb:
  ``院长赵某主持…``, ``钱某书记传达…``, ``市长孙某某呼吁…`` (``REPORT_VERB`` must follow, so a
  violator in a case report, ``原局长王某收受…``, is not taken);
- a unit that opens a clause and goes on with an action (``ACT_VERB``): ``运输署已安排…``,
  ``某某署会跟进…``, ``保卫处汇总后报校办``; time words before it (``日前,``) are skipped.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from nlp.extract.parties_lexicon import non_parties, organs, party_posts, short_units
from nlp.extract.parties_names import (
    is_name as _is_name,
    name_end as _name_end,
    name_kind as _kind,
    name_list as _name_list,
    split_names as _split_names,
)
from nlp.extract.parties_patterns import CLAUSE_JING, CLAUSE_MARKS, Found
from nlp.extract.parties_people import is_person_name, rare_word, thing_word, tokens
from nlp.text import literal_trie, without_spaces

# what a named office-holder does in a report: 院长赵某主持仪式, 钱某书记传达…, 李某某亦已会见
REPORT_VERB = (r"(?:同志|教授|先生|女士|博士)?(?:今|今日|今天|今早|今晨|昨日|昨天|昨晚|日前|近日|当天|随即)?(?:\([^()]{1,12}\)日?)?"
               r"(?:在会上|在会议上|首先|最后|随后|再次|特别|着重|重点|专门|详细|分别|还|亦已?|也|更|已|亲自|进一步"
               r"|则|续|又|共同|一同|一并|当即|会议上?|会上|一行)*"  # (某主任则说明, 某协调员续称, 与某副局长共同主持)
               rf"(?:[在于][^{CLAUSE_MARKS}]{{1,14}}?(?:时|中|上|后)|向[^{CLAUSE_MARKS}]{{1,8}}?(?=[做作])"
               rf"|向[^{CLAUSE_MARKS}]{{1,16}}?(?:致谢|致意|致辞|汇报|介绍|说明)"  # 某院长首先向与会贵宾致谢
               rf"|就[^{CLAUSE_MARKS}]{{1,20}}?(?=提出|作出|做出|进行|强调|指出|部署|作了|做了)"
               r"|在[\u4e00-\u9fff]{1,8}?(?=主持|召开|出席|调研|考察|视察|检查|巡视|慰问|看望|走访|会见|宣布|表示|指出|强调|介绍))?"
               rf"(?:[作做]了?(?=(?:《[^》]{{1,40}}》)?[^{CLAUSE_MARKS}]{{0,14}}(?:讲话|报告|部署|安排|发言|动员|总结|说明|解读|辅导))"
               r"|的(?:带领|领导|部署|组织|指导|安排|带动|督促)下|进行|担任"
               r"|主持|传达|强调|指出|要求|表示|呼吁|出席"
               # 参加会议并讲话: attends and speaks (attending alone is no part in the work)
               r"|参加了?(?:会议|活动|仪式|座谈会|推进会|调度会|大会)?并(?=讲话|致辞|发言|作|做|部署|提出|强调|指出)"
               r"|宣读|解读|指派|率领?|带队|率队|带领|部署|讲话|致辞|宣布|提出|介绍|会见|通报|总结|动员|代表"
               r"|签订|批示|督导|调研|视察|巡查|听取|指示|解释|回应|承诺|说明|透露|坦言|表态|到|赴|前往|对|称|说|公布"
               r"|巡视|考察|检查|慰问|看望|走访|察看|召开|发表|提醒|认为|建议|亲临|莅临|来到|深入|实地|带领|主持召开"
               r"|(?:上门|上楼)?探访|到访"  # (Hong Kong: 专员某某上楼探访住户)
               # a division of labour, one holder a line: 副省长某某:负责抓好…
               r"|[::]\s*(?=负责(?![人同])|分管|协助|牵头)"
               r"|承认|坦承|证实|补充|重申|召集|责成"
               # an inspection's way or part: 某副厅长采取"四不两直"方式率队…, 某副局长参与检查
               r"|采取|参与(?=检查|督查|督导|调研|巡查|暗访|排查|执法|指导)"
               r"|汇报了"  # 某副县长汇报了…工作推进情况 (not 向某主任汇报工作后: the one reported to)
               # a doctor's or a nurse's own act in 医德 news: 某主任拒收红包, 某护士长退还…
               r"|(?:婉言)?(?:拒收|婉拒|谢绝|退还|上交|拒绝收受)"
               r"|专责|负责(?![人同]))")
# people who only attend a meeting: 县领导某、某出席会议。 (attending is no part in the work;
# 出席并讲话 is, and so is 参加活动 on an inspection the leaders take part in)
ONLY_ATTEND = re.compile(r"(?:等|等人|等同志)?(?:(?:出席|列席)了?(?:会议|仪式|座谈会|典礼)?|参加了?(?:会议|仪式|座谈会|典礼))"
                         r"(?:[,,。;;]|$)")
# a purpose clause before the action: 某校为确保开学安全,全面开展…, 某乡为进一步做好…
PURPOSE = (r"为了?(?=确保|进一步|切实|做好|加强|推进|深入|贯彻|落实|全面|有效|保障|营造|防范|预防|提升|强化"
           r"|巩固|扎实|认真|及时|迎接|规范|杜绝|消除|整治|提高|筑牢|压实|维护|促进|保证|严防)")
# what a unit that opens a clause does in a report: 运输署已安排…, 劳工处会跟进…, 保卫处汇总后…
ACT_VERB = (rf"{PURPOSE}|"
            r"(?:\([^()]{1,12}\))?(?:已经?|将会?|(?<!委)会(?![办员])|正在?|亦|也|今日|今天|昨日|昨天|日前|近日|[0-9]{1,2}日|于[0-9一二三四五六七八九十]"
            r"|于(?:昨日|今日|今天|昨天|本月|上月|日前|近日|当日|同日|早前)"
            r"|(?:本|上)(?:星期|周|月)[初中内底末]?(?=\(|[\u4e00-\u9fff]{2})"  # 某署本星期初(…)采取行动
            r"|[今昨]\([^()]{1,8}\)日?|在[0-9〇○一二三四五六七八九]{2,4}年"
            r"|随即|立即|迅速|狠抓|高度重视|等(?:有关|相关)?(?:部门|单位|处室|科室|机构)"
            r"|积极|持续|再次|表示|指出|呼吁|提醒|强调|发现|派员|派出|安排|跟进|调查|宣布|公布|印发|发出|发布"
            r"|说明|回应|澄清|重申|透露|解释|为了|主持|分别与|即?责成"
            # 某办在全区范围内部署… (a venue is no such scope: 某院在三楼会议室召开…)
            r"|在(?![^,。;:]{0,12}?(?:会议室|报告厅|礼堂|会堂|会场|大厅|活动室))[^,。;:]{1,12}?(?:部署|开展|组织|召开|举行|举办)"
            r"|通报|召开|组织|开展|联合|会同|负责(?![人同])|牵头|汇总|制定|出台|部署|启动|推出|督导|查处|依法|接获"
            r"|收到|接到|介入|约谈|指示|决定|举行|举办|严格|全面|认真|切实|成立|确定|审议|批准|作出|下发|转发|研究"
            r"|对外|先后|分[两二三四五六七八九十0-9]+个|重点对|自即日起|自[0-9一二三四五六七八九十]{1,2}月[^,。;]{0,8}?起"
            # 某处展开巡查, 某处又说:, 某处过去3个月…, 某处一连两日…: a press release's actions and times
            r"|展开|(?:又|亦|并|还)?说(?=[,,::])|过去[0-9一二两三四五六七八九十]{1,3}个?(?:月|年|日|天|周|星期)"
            r"|一连[0-9一二两三四五六七八九十]{1,3}(?:日|天)"
            # 某局对辖区餐饮单位开展检查: 对 and its object, then the action
            r"|对(?=[^,。;:对]{1,30}?(?:开展|进行|实施|展开|组织|作出|给予|立案|启动))"
            r"|接报|接获|派员|到场|赴|前往|深入|走访|检查|巡查|督查|抽查|约见|联同|夥同|伙同|共|累计|持续|给予"
            r"|定期|不定期|每[年季月周]|多次|专门|主动|不断|陆续|首次|率先|加强|强化"
            r"|始终|一直|特别|聚焦|紧盯|相继|当即|一行(?=[\u4e00-\u9fff])"
            # 某署明年首季将成立…, 某局年内将…: a time word before the action
            r"|(?:今年|明年|年内|近期|下月|本月)(?:首季|上半年|下半年|内)?(?:将|会|要)"
            # 甲社区、乙社区等相继开展…: the list closed by 等, then the action
            r"|等(?=相继|陆续|分别|先后|纷纷|均|都|也)"
            # reporting at a meeting: 某委汇报了…, 某支队就做好…进行了安排; working to a line: 某局积极…, 某局围绕…
            r"|汇报|介绍了|就(?=[^,。;:]{1,24}?(?:进行|作出|做出|提出|作了|做了))|积极|围绕|针对|结合|按照|紧扣|多措并举"
            # 某委公开通报…, 某局在抓紧推进…, 某局正加紧…
            r"|公开(?=通报|发布|曝光|征求)|在?(?:抓紧|加紧|全力)"
            # 某院在五楼会议室召开…: the venue of its own meeting (no scope), the unit holds it
            r"|在(?=[^,。;:]{1,20}?(?:会议室|报告厅|礼堂|会堂|会场|大厅|活动室|多功能厅)[^,。;:]{0,4}?(?:召开|举行|举办)))")
# what a place that opens a report's sentence does: 某省明确, 某县以…为主线, 某镇狠抓…
PLACE_VERB = (rf"{PURPOSE}|"
              r"(?:[0-9]{1,2}日|近日|日前|今年|已经?|还|也)?(?:召开|明确|提出|规定|要求|坚持|狠抓|出台|印发|部署"
              r"|制定|推行|率先|启动|组织|开展|展开|实施|推出|探索|以(?![上下内外及来前后]))")
# time words and connectives that may open the clause before the unit: 日前,某省教育厅印发…
_OPENER_WORDS = r"就此|及后|其后|事发后|日前|近日|近期|最近|今天|今日|昨天|昨日|目前|此前|随后|同时|另外|此外|其中|当天|当日|会上|会后|最后"
# a wire dateline: 本报讯(记者某某), 【本报讯】, 【本报台中讯】, 某某日报讯, 某网8月4日讯(某某 图/文), 某报 【本报讯】
_OPENER_WIRE = (r"(?:[^,。;\s【】]{2,10}报[ \t]+)?[【\[]?(?:[^,。;\s【】()]{0,12}?(?:报|网|台|社|在线|[0-9]日)|本[报台网][\u4e00-\u9fff]{1,4}?)?讯[】\]]?"
                r"(?:\([^()]{1,24}\))?[::]?")
_OPENER_MORE = (r"[)\]】]"  # the bracket closing a dateline's credits, read apart once their names are dropped
                r"|首先|其次|另|而|据悉|据了解|对此|为此|与此同时|" + CLAUSE_JING + r"过?|\s")
_OPENER_DATELINE = r"[^,。;\s]{0,12}?[0-9]{1,2}日电(?:\([^()]{1,20}\))?"
_OPENER_DATE = r"(?:[0-9]{4}年)?[0-9]{1,2}月[0-9]{1,2}日(?:上午|下午|晚上?)?"
OPENER = f"(?:{_OPENER_WORDS}|{_OPENER_WIRE}|{_OPENER_MORE}|{_OPENER_DATELINE}|{_OPENER_DATE})*"
# the same without the wire's 讯 and the dateline's 日电, the branches that cost the most to try: for
# a clause holding neither (those branches cannot match there, so the match is the same)
_OPENER_PLAIN = f"(?:{_OPENER_WORDS}|{_OPENER_MORE}|{_OPENER_DATE})*"
# a name may stand right after these (会议由周某院长主持, 会上,钱某书记传达)
NAME_BEFORE = ",。;:、()“”《》 \t\n由和与及请派"
UNIT_KINDS = ("body", "unit", "office", "group")
# jieba tags that cannot stand inside a unit's name (verb, adverb, preposition, conjunction,
# pronoun, numeral, idiom, particle, time, person)
NOT_IN_NAME = frozenset(("v", "d", "p", "c", "r", "m", "ad", "i", "u", "ul", "uj", "t", "nr", "f"))
HEAD = r"负责(?:同志|人)|发言人"  # an unnamed head of a unit (主要/有关 before it is read apart)
_HEAD_SAYS = re.compile(r"(?:今日|今天|昨日|昨天|日前|近日|在会上|随后|也|亦|还)*"
                        r"(?:汇报|表示|介绍|通报|指出|说明|回应|透露|强调|解释|承诺|作了|做了|称|说)")
SELF_REF = re.compile(r"我(?:[院局委校所处厅办]|中心|公司)")  # the writer's own hospital, bureau, school…
_POST_NOTE = re.compile(r"\([\u4e00-\u9fff及、]{1,10}\)")
MAX_UNIT = 25  # a unit's name opening a clause is short
MAX_LIST = 80  # a 、-list of such names

SAMPLES = {
    "REPORT_VERB": ("的带领下", "做了动员讲话", "于活动中指出", "向全院做了工作报告", "主持", "在会上强调",
                    "亦已会见", "同志宣读", "今(7日)特别在会议中指示", "教授今日(七月二十二日)出席",
                    "在京主持", "今日巡视", "就开展专项整治提出", "参加会议并讲话"),
    "ACT_VERB": ("已安排", "会跟进", "汇总", "于9", "29日", "等有关部门", "今(30)日", "在二○○二年",
                 "对辖区餐饮单位开展", "接报后", "派员到场", "展开", "过去3个月", "一连两日", "为确保"),
    "OPENER": ("日前", "据悉", "6月27日下午", "新华社北京7月29日电", "【本报讯】", "某某日报讯(某某)", "某某网8月4日讯"),
}


@cache
def _compiled() -> dict[str, re.Pattern]:
    return {
        "post": re.compile(literal_trie(party_posts())),  # the longest post first
        "report": re.compile(REPORT_VERB),
        "report_joint": re.compile(rf"[和与及、][\u4e00-\u9fff]{{2,12}}?{REPORT_VERB}"),
        "act": re.compile(ACT_VERB),
        "opener": re.compile(OPENER),
        "opener_plain": re.compile(_OPENER_PLAIN),
        "person_list": re.compile(r"(?P<names>[\u4e00-\u9fff]{2,3}(?:、[\u4e00-\u9fff]{2,3})+)(?:同志)?等"),
        "person_list_reports": re.compile(rf"(?P<names>[\u4e00-\u9fff]{{2,3}}(?:、[\u4e00-\u9fff]{{2,3}})+)(?:同志)?(?={REPORT_VERB})"),
        "person_list_before": re.compile(
            r"(?:^|(?<=[,。;:\n]))(?P<names>[\u4e00-\u9fff]{2,3}(?:、[\u4e00-\u9fff]{2,3})+)"
            r"(?:两|二|三|四|几)位\Z"),
        "place_act": re.compile(rf"(?P<place>[\u4e00-\u9fff]{{1,8}}?(?:省|市|县|区|镇|乡))(?:{PLACE_VERB})"),
        "member_list": re.compile(r"(?:委员|成员)(?P<names>[\u4e00-\u9fff]{2,3}(?:、[\u4e00-\u9fff]{2,3}){2,})"
                                  r"(?=[和及等,。;]|同志)"),
        "by": re.compile(r"(?<![理经自缘因来])由(?!于|此|衷)"),
        # a unit's head or holder who speaks for it (unnamed): 某局主要负责同志汇报, 某署发言人表示
        "head": re.compile(HEAD),
    }


def post_holders(text: str) -> list[Found]:
    """People named beside a post who lead or report the work: ``院长赵某主持…`` -> 赵某 (lead)."""
    rx = _compiled()
    out = []
    for m in rx["post"].finditer(text):
        role = party_posts()[m.group()]
        if text[max(0, m.start() - 1):m.start()] in ("原", "前"):
            continue  # 原局长王某: a former holder, a case, not a party
        listed = _names_after(text, m.end())
        if listed and ONLY_ATTEND.match(text, listed[-1][1]):
            continue  # 县领导某、某出席会议: attending only
        if listed:
            out += [Found(a, b, text[a:b], role) for a, b in listed]  # 医院领导陈某、罗某等做…
            continue
        note = _POST_NOTE.match(text, m.end())  # 副总监(专业服务)某某某: the post's field in brackets
        at = note.end() if note else m.end()
        after = _name_after(text, at)
        if after:
            chairs = text.startswith(("主持", "主持召开"), after)  # (the one who chairs leads, whatever the post)
            out.append(Found(_post_chain_start(text, m.start()), after, text[at:after], "lead" if chairs else role))
            out += _holder_unit(text, m.start(), m.group())
            continue
        later = _acts_later(text, at)
        if later:  # 常务副县长李某某,…参加会议。李某某强调…: introduced with the post, then acting
            out.append(Found(m.start(), at + len(later), later, role))
            continue
        before = _name_before(text, m.start(), m.end())
        if before is not None:
            out.append(Found(before, m.end(), text[before:m.start()], role))
            continue
        people = _names_before(text, m.start(), m.end())
        out += [Found(a, b, text[a:b], role) for a, b in people]
        if not people and _HEAD_SAYS.match(text, m.end()) and text[m.start() - 1:m.start()] != "副" \
                and not any(is_person_name(text[max(0, m.start() - k):m.start()]) for k in (2, 3)):
            out += _holder_unit(text, m.start(), m.group())  # 某署署长表示: the unit, its head unnamed
    return out + _member_lists(text) + _headed_units(text) + _hosts(text)


_HOST = re.compile(r"(?:^|(?<=[,。;:\s]))(?:在|由)(?P<unit>[^,。;:、\s的在]{3,25}?)"
                   r"(?:组织)?(?:召开|举行|举办|主办)的[^,。;]{0,40}?(?:会议?|大会|活动|培训|论坛|仪式|发布会)")


# a body that meets: 召开某某专业委员会联席会议, 召开领导小组第二次全体会议
_MEETING_BODY = re.compile(r"(?:召开|举行|主持召开)(?:了)?(?P<unit>[^,。;:、\s的]{0,30}?(?:委员会|领导小组|工作小组|指挥部|安委会|党委|党组|常委会))"
                           r"(?:第[一二三四五六七八九十0-9]+次)?(?:全体|扩大|专题|联席|工作|成员)?(?:会议|会)")


def _hosts(text: str) -> list[Found]:
    """``在某部召开的全国…会议上``, ``由某委举办的…培训``: the unit that holds the reported meeting;
    ``召开某专业委员会联席会议``: the body that meets."""
    out = []
    for m in _MEETING_BODY.finditer(text) if "召开" in text or "举行" in text else ():
        name = m.group("unit")
        if _is_name(name) and non_parties().get(name) != "superior" and _kind(name) in ("body", "group") \
                and not name.startswith(("全", "各", "我", "本", "该")):
            out.append(Found(m.start("unit"), m.end("unit"), name, "lead" if name.endswith("领导小组") else "responsible"))
    if not any(w in text for w in ("召开的", "举行的", "举办的", "主办的")):
        return out
    for m in _HOST.finditer(text):
        name = m.group("unit")
        if _unit_name(name) and non_parties().get(name) != "superior":
            out.append(Found(m.start("unit"), m.end("unit"), name, "responsible"))
    return out





def _headed_units(text: str) -> list[Found]:
    """``会上,县应急管理局主要负责同志汇报了…``, ``某署有关负责人表示``: the unit whose head reports
    the work carries it out (the head is unnamed, so the unit is the party)."""
    out = []
    for m in _compiled()["head"].finditer(text):
        if _HEAD_SAYS.match(text, m.end()):  # 某科室负责人出席会议: attending is no work
            at = m.start() - 2 if text[m.start() - 2:m.start()] in ("主要", "有关", "相关") else m.start()
            out += _holder_unit(text, at, m.group())
    return out


def _member_lists(text: str) -> list[Found]:
    """``党委委员张某、李某、王某和…小组成员``, ``班子全体成员张某、李某等6人``: the people listed
    right after 委员/成员 are members, and so is a group's 成员 joined to the list by 和/及."""
    out = []
    for m in _compiled()["member_list"].finditer(text):
        spans = [(m.start("names") + x.start(), m.start("names") + x.end())
                 for x in re.finditer(r"[^、]+", m.group("names"))]
        if not all(is_person_name(text[a:b]) for a, b in spans):
            continue
        out += [Found(a, b, text[a:b], "member") for a, b in spans]
        for tail in re.finditer(r"[和及](?P<group>[^和及、,。;]{2,20}?成员)(?=[和及,。;对等在参])",
                                text[m.end():m.end() + 48]):
            if _is_name(tail.group("group")):  # …和总务科主任某某及消防安全小组成员
                out.append(Found(m.end() + tail.start("group"), m.end() + tail.end("group"),
                                 tail.group("group"), "member"))
    return out


def _holder_unit(text: str, at: int, post: str) -> list[Found]:
    """``某某卫生局长某某表示…``, ``劳工处处长某某到…``: the unit a reporting holder heads, written
    right before the post (its last character may be the post's first: 卫生局 + 局长), acts too."""
    start = at
    while start > 0 and at - start < MAX_UNIT and text[start - 1] not in NAME_BEFORE and not text[start - 1].isspace():
        start -= 1
    for end in (at, at + 1) if post[0] in "局处署司" else (at,):
        name = text[start:end]
        if 3 <= len(name) and _kind(name) in ("body", "unit", "office") and _unit_name(name):
            return [Found(start, end, name, "responsible")]
    return []


def _names_after(text: str, at: int) -> list[tuple[int, int]]:
    """``领导陈某某、罗某某等做动员讲话``, ``镇党委委员徐某某、苏某出席…``: a 、-list of people after the
    post, then (等 and) a reporting verb."""
    m = _compiled()["person_list"].match(text, at)
    if not m or not _compiled()["report"].match(text, m.end()):
        m = _compiled()["person_list_reports"].match(text, at)
    if not m:
        return []
    spans = [(at + x.start(), at + x.end()) for x in re.finditer(r"[^、]+", m.group("names"))]
    return spans if all(is_person_name(text[a:b]) for a, b in spans) else []


def _names_before(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``李某某、徐某某两位副院长公布…``: a 、-list of people, a count of them, then the post."""
    if not _compiled()["report"].match(text, end):
        return []
    m = _compiled()["person_list_before"].search(text, max(0, start - 30), start)
    if not m:
        return []
    spans = [(m.start("names") + x.start(), m.start("names") + x.end())
             for x in re.finditer(r"[^、]+", m.group("names"))]
    return spans if all(is_person_name(text[a:b]) for a, b in spans) else []


_NOT_NAME_END = set("的等和与及在对为将把于")


_CHAIN_LINK = re.compile(rf"[^{CLAUSE_MARKS}:、\s]{{2,30}}、\Z")  # 市人大常委会党组书记、 before 主任冯某


def _post_chain_start(text: str, start: int) -> int:
    """``市人大常委会党组书记、主任冯某主持``: the posts 、-listed before the one that names the holder
    are the same person's, so the holder's span opens at the first (no post of the chain is read as
    a party of its own); ``start`` when no post ends right before its 、."""
    posts = party_posts()
    while start > 0 and text[start - 1] == "、":
        link = _CHAIN_LINK.search(text, max(0, start - 31), start)
        if not link or not any(link.group()[:-1].endswith(p) for p in posts):
            break
        start = link.start()
    return start


def _name_after(text: str, at: int) -> int | None:
    """``院长赵某主持``: the end of the name after the post, when a reporting verb follows it."""
    for length in (3, 2):
        name = text[at:at + length]
        if not name or name[-1] in _NOT_NAME_END:
            continue  # 书记张某的讲话, 科长李某等: a name ends before 的/等
        if len(name) == 3 and name[2] in "作做" and _reports(text, at + 2) and is_person_name(name[:2]):
            continue  # 副部长李某作动员讲话: the 作 of the report, after a two-character name
        if _reports(text, at + length) and (
                is_person_name(name) or (rare_word(name) and _tagged_person(text, at, length))):
            if thing_word(name):
                continue  # 领导安全帽, 医师查房: no one's name, a word
            return at + length  # 纪委书记栗某某主持: a rare family name that jieba tags a person
    return None


def _acts_later(text: str, at: int) -> str | None:
    """The person named right after a post (and a comma, 和 or the sentence's end after the name)
    when the same name opens a later clause with a reporting verb: ``李某某强调,…``."""
    for length in (3, 2):
        name = text[at:at + length]
        if not is_person_name(name) or text[at + length:at + length + 1] not in _AFTER_INTRO:
            continue
        pos = text.find(name, at + length)
        while pos >= 0:
            if text[pos - 1:pos] in NAME_BEFORE and _compiled()["report"].match(text, pos + length):
                return name
            pos = text.find(name, pos + length)
    return None


_AFTER_INTRO = (",", "、", "和", "及", "等", "。", "(", "")


def _reports(text: str, at: int) -> bool:
    """A reporting verb follows, maybe after a second holder (``张某和纪委书记孙某带领…``)."""
    return bool(_compiled()["report"].match(text, at) or _compiled()["report_joint"].match(text, at))


def _tagged_person(text: str, at: int, length: int) -> bool:
    """jieba reads ``text[at:at + length]`` as one token tagged a person's name (在会上, 做了 are not)."""
    toks = tokens(text, at, min(len(text), at + length + 4))
    return bool(toks) and toks[0][2] == text[at:at + length] and toks[0][3].startswith("nr")


def _name_before(text: str, start: int, end: int) -> int | None:
    """``由周某院长主持``: the start of the name before the post, when a reporting verb follows it."""
    if not _reports(text, end):
        return None
    for length in (3, 2):
        at = start - length
        if at < 0 or not is_person_name(text[at:start]):
            continue
        before = text[max(0, at - 8):at]
        if any(before.endswith(w) for w, why in non_parties().items() if why == "superior"):
            return None  # 州委某某书记对…: a superior's word, not the plan's work
        if at == 0 or text[at - 1] in NAME_BEFORE or _kind(before) in UNIT_KINDS:
            return at  # 某县政府吴某某县长: a unit's name may stand before it too
    return None


def acting_units(text: str, body: int, c_end: int, later: bool = False) -> list[Found]:
    """``运输署已安排…``: the unit that opens the clause (after time words) and acts; when the first
    ending before an action word reads as no unit, the name may go on (某办督导组先后…: 督导 is a
    verb and a part of the group's name)."""
    rx = _compiled()
    wire = text.find("讯", body, c_end) >= 0 or text.find("日电", body, c_end) >= 0
    m = rx["opener" if wire else "opener_plain"].match(text, body, c_end)
    start = m.end() if m else body
    limit = min(c_end, start + MAX_LIST + 1)
    end = _name_end(text, start, limit, rx["act"])
    for _ in range(NAME_GOES_ON):
        if end is None or end >= c_end:
            break
        names = _split_names(text, start, end)  # 某委活动办、某纪委印发了…
        # 全县各乡镇(街道)、经开区共排查…: places charged as wholes, in a list led by a collective one
        places = any(re.match(r"(?:全[县市区镇乡])?各", n) for _, _, n in names)
        if later and names:  # a later clause's actor: one unit, no list, no place
            return [Found(a, b, n, "responsible") for a, b, n in names] if (
                len(names) == 1 and _unit_name(names[0][2])) else []
        if names and all(_unit_name(n) or _unit_post(n) or (places and _kind(n) == "place")
                         for _, _, n in names):
            if _ISSUES_CITED.match(text, end) and all(_superior_organ(n) for _, _, n in names):
                return []  # 市委组织部、市委宣传部下发《…》: superiors issuing a cited document
            return [Found(a, b, n, "responsible") for a, b, n in names]
        end = _name_end(text, end, limit, rx["act"])
    return _acting_place(text, start, c_end)


NAME_GOES_ON = 3  # how many later endings an acting unit's name is tried to
_ISSUES_CITED = re.compile(r"(?:联合)?(?:下发|印发|出台|发布|转发|制定)了?《")


def _superior_organ(name: str) -> bool:
    """``市委组织部``, ``省政府办公厅``: a superior body (non_parties.tsv) or an organ of one."""
    return any(name.startswith(w) for w, why in non_parties().items() if why == "superior")


def headline_actors(text: str, title: str | None) -> list[Found]:
    """``消防处跟进大厦火警``, ``某局开展燃气安全检查``: the units a news headline opens with, acting
    (read only when the title names no issuer)."""
    at = text.find(title) if title else -1
    if at < 0:
        return []
    stop = at + len(title)
    end = _name_end(text, at, min(stop, at + MAX_LIST + 1), _compiled()["act"])
    if end is None or end >= stop:
        return []
    names = _split_names(text, at, end)
    if not names or any(not _unit_name(n) or n.startswith(("各", "全")) for _, _, n in names):
        return []
    return [Found(a, b, n, "responsible") for a, b, n in names]


def _acting_place(text: str, start: int, c_end: int) -> list[Found]:
    """``某某省明确,…``, ``某某县以…为主线``: a province, city, county or town that opens a report's
    sentence and acts stands for its government; jieba must read it as a place name."""
    m = _compiled()["place_act"].match(text, start, c_end)
    if not m or m.group("place").startswith(("全", "我", "本", "该", "各", "某", "市", "县", "区")):
        return []
    if re.search(r"..[省市县]", m.group("place")[:-1]):
        return []  # 某省某市以…: a place inside a place is an example from afar, not the reporter's actor
    toks = tokens(m.group("place"))
    if not toks or toks[0][3] not in ("ns", "nr") or any(t[3] not in ("ns", "nr", "n") for t in toks):
        return []
    return [Found(m.start("place"), m.end("place"), m.group("place"), "responsible")]


def _self_name(name: str) -> bool:
    """``我院``, ``我局``, ``我委`` and their bodies (``我院党委``, ``我院纪委``): the writer's own unit
    acting in its report (folded into the unit's name when the document gives it, ``_resolve``)."""
    if not SELF_REF.match(name):
        return False
    rest = name[SELF_REF.match(name).end():]
    return not rest or (_is_name(rest) and _kind(rest) in UNIT_KINDS and _noun_phrase(rest))


def _unit_post(name: str) -> bool:
    """``劳工处职业安全主任``: a unit's post-holder, unnamed, acting (the unit's name, then the post)."""
    if _kind(name) != "person" or not 5 <= len(name) <= MAX_UNIT or re.search(rf"(?:{HEAD}|领导)$", name):
        return False  # 某署有关负责人表示: an unnamed head speaks for the unit, the unit is the party
    post = max((w for w in party_posts() if name.endswith(w)), key=len, default="")
    for k in range(3, len(name) - 1):
        if _unit_name(name[:k]) and name[:k] not in short_units():
            middle = name[k:len(name) - len(post)]  # 劳工局王某局长: a named holder, read as a person
            return not (len(middle) <= 3 and is_person_name(middle)) and _noun_phrase(name)
    return False


def _unit_name(name: str) -> bool:
    if _self_name(name):
        return True
    if name in short_units() or name in organs():
        return True  # 警方, 海关: a body's usual short form; 运输署, 职安署: an organ's name
    if _organ_under(name):
        return True  # 劳动部职安署, 台中市政府消防局: an organ under its parent body or place
    return (3 <= len(name) <= MAX_UNIT and "的" not in name and "、" not in name and not name.endswith("组织")
            and not re.search(r"同志|兼任|担任|负责", name)  # 由王某同志兼任办公室主任: a person
            and name.count("“") == name.count("”")
            and not name.startswith(("我", "本", "该")) and _is_name(name)
            and _kind(name) in UNIT_KINDS and _noun_phrase(name))


@lru_cache(maxsize=1 << 14)
def _organ_under(name: str) -> bool:
    """``劳动部职安署``, ``某市政府消防局``, ``本府环保局``: an organ's name after its parent body
    (a name of its own) or a place (省, 市, 县, 区 or 本府)."""
    for k in range(2, min(len(name) - 1, 9)):
        organ, parent = name[-k:], name[:-k]
        if organ in organs() and (re.fullmatch(r"(?:本府|本市|本县|[\u4e00-\u9fff]{1,6}(?:省|市|县|区|府))", parent)
                                  or (_kind(parent) in ("body", "unit") and _is_name(parent))):
            return True
    return False


@lru_cache(maxsize=1 << 14)
def _noun_phrase(name: str) -> bool:
    """jieba sees only nouns before the ending (决定组织, 此次…党委, 由校党委 are clauses, not names);
    run on the candidate alone, never on the document."""
    bare = re.sub(r"^(?:各|全体|全)", "", name).replace("衞", "卫")  # 各参会单位: 各 is no pronoun here
    toks = tokens(bare)  # 衞 (Hong Kong's form of 卫, kept by t2s) is unknown to jieba
    if not toks or (toks[-1][3].startswith("v") and len(toks[-1][2]) > 1):
        return False  # 高标准组织: 组织 is the verb here
    # a campaign's office or group is named after its work: 市委专项活动办公室
    verbs_ok = _kind(name) == "group" or name.endswith(("办公室", "办"))
    for i, (_, _, word, flag) in enumerate(toks[:-1]):
        if flag == "m" and word.startswith("第"):
            continue  # 第二人民医院
        if len(word) >= 2 and word[-1] in "省市县区镇乡州旗":
            continue  # a place jieba does not know (tagged as a person's name): 某某县人民医院
        if word == "和" and i and toks[i - 1][3][:1] in "nl" and toks[i + 1][3][:1] in "nl":
            continue  # 住房和城乡建设局, 文化和旅游局: two fields of one body's name
        if flag in NOT_IN_NAME and not (verbs_ok and flag == "v"):
            return False
    return True


# groups a body sends out or forms, counted: 派出12个督察组, 成立3个联合暗访组, 三个督察组分别由…
# (the scan opens on the literal 个, which the engine finds fast; the count before it is checked apart)
_COUNTED_GROUP = re.compile(r"个(?P<g>[\u4e00-\u9fff“”]{1,10}?(?:小组|组|专班))(?![长员织成建合])")
_COUNT_BEFORE = re.compile(r"(?<![第0-9])(?:[0-9]{1,3}|[一二三四五六七八九十两]{1,3})$")


def counted_groups(text: str) -> list[Found]:
    """``共派出12个督察组``, ``成立3个联合暗访组``: the teams sent out to do the work (the count names
    how many; the group's name is the party)."""
    out = []
    for m in _COUNTED_GROUP.finditer(text):
        count = _COUNT_BEFORE.search(text, max(0, m.start() - 4), m.start())
        if not count:
            continue
        if text[max(0, count.start() - 2):count.start()] in ("组等", "班等"):
            continue  # 下设甲组、乙组和丙组等3个工作组: the count sums up the groups named before it
        name = m.group("g")
        if len(name) < 3 or name in ("工作组", "工作小组") or name.endswith(("阶段组", "年级组")) or not _is_name(name):
            continue
        out.append(Found(m.start("g"), m.end("g"), name, "responsible"))
    return out


# groups named one by one after the verb that sets them up or divides people into them
# (下设综合组、宣传组, 划分为“火情确认组、疏散引导组”, 分为综合组、技术组和后勤保障组)
_LISTED_GROUPS = re.compile(r"(?:下设|分为|划分为|分成|设立|设置|组建|成立)了?[“\"「]?"
                            r"(?P<list>[\u4e00-\u9fff]{2,12}?(?:小组|组|专班)(?:[、和及与][\u4e00-\u9fff]{2,12}?(?:小组|组|专班))+)"
                            r"(?=[”\"」,。;、等]|$)")
_GROUP_ITEM = re.compile(r"[^、和及与]{2,12}?(?:小组|组|专班)(?=[、和及与]|$)")


def listed_groups(text: str) -> list[Found]:
    """``下设综合组、宣传组和督查组``, ``划分为“火情确认组、疏散引导组”``: each group named after the
    verb that sets it up is a party (a 领导小组 leads; the others do the work)."""
    out = []
    for m in _LISTED_GROUPS.finditer(text):
        base = m.start("list")
        for g in _GROUP_ITEM.finditer(m.group("list")):
            name = g.group()
            if name in ("工作组", "工作小组", "小组") or not _is_name(name):
                continue
            out.append(Found(base + g.start(), base + g.end(), name, "lead" if name.endswith("领导小组") else "responsible"))
    return out


_HEARD = re.compile(r"听取(?:了)?")
_HEARD_STOP = re.compile(r"[、和及]|关于|有关|对|就|的|汇报|报告")
# what follows the units a meeting heard: 听取了某局、某局对…的工作汇报 / 关于…的汇报 / 汇报
_HEARD_ABOUT = re.compile(r"(?:关于|对|就|有关|的)[^。;]{0,40}?(?:汇报|报告|情况介绍)|(?:的)?(?:工作)?(?:汇报|报告)")


def heard_units(text: str, c_start: int, c_end: int) -> list[Found]:
    """``听取了某局、某委对…的工作汇报``: the units a meeting heard report on their work."""
    out = []
    for m in _HEARD.finditer(text, c_start, c_end):
        listed, pos, end = [], m.end(), min(c_end, m.end() + MAX_LIST)
        while pos < end:  # a 、-list of names, each ending before 、, 对, 关于, 的…
            stop = _name_end(text, pos, min(end, pos + MAX_UNIT), _HEARD_STOP)
            if stop is None:
                break
            listed.append((pos, stop, without_spaces(text[pos:stop])))
            if text[stop:stop + 1] not in ("、", "和", "及"):
                break
            pos = stop + 1
        if not listed or not _HEARD_ABOUT.match(text, listed[-1][1]):
            continue
        if all(_kind(n) in UNIT_KINDS and not n.startswith(("我", "本", "该", "各")) and _unit_name(n)
               for _, _, n in listed):
            out += [Found(a, b, n, "responsible") for a, b, n in listed]
    return out


_COMPOSED = re.compile(r"(?:等[^,。;:]{0,12}?)?(?:共同)?组成\s*$")


def by_units(text: str, c_start: int, c_end: int) -> list[Found]:
    """``由镇纪委不定时到各科室暗访``, ``由学校党委扩大会议(含…)讨论确定``: the unit after 由 that
    does the work, the longest run after 由 that ends like a unit and reads as a noun phrase."""
    out = []
    for m in _compiled()["by"].finditer(text, c_start, c_end):
        start, best = m.end(), None
        listed = _name_list(text, start, min(c_end, start + MAX_LIST)) if "、" in text[start:c_end] else []
        if len(listed) > 1 and all(_kind(n) in UNIT_KINDS and not n.startswith(("我", "本", "该"))
                                   and _noun_phrase(n) for _, _, n in listed):
            # 由宣传科、工会、团委联合…; 由某委、某部…等18个部门组成: the members of what they make up
            role = "member" if _COMPOSED.match(text, listed[-1][1], c_end) else "responsible"
            out += [Found(a, b, n, role) for a, b, n in listed]
            continue
        stop = min(c_end, start + MAX_UNIT)
        if not any(_kind(text[start:e]) in UNIT_KINDS for e in range(start + 3, stop + 1)):
            continue  # no unit ending after 由: jieba is not run
        ends = {b for _, b, _, _ in tokens(text, start, stop)}
        for end in sorted(e for e in ends if e >= start + 3):  # 由党委委员…: not 党委委
            name = without_spaces(text[start:end])
            if _kind(name) in UNIT_KINDS and text[end:end + 1] not in ("的", "和", "及", "、") \
                    and _unit_name(name):
                best = (start, end, name)
        if best:
            out.append(Found(*best, "responsible"))
    return out
