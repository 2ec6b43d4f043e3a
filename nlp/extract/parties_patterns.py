"""Parties, patterns: the regex fragments the party extractor reads documents with, each with a
sample it must match (``SAMPLES``, checked by tests/extract/test_parties.py), compiled once in
``compiled()``; and the record every finder returns (``Found``: offsets, name, role).
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from nlp.extract.parties_names import COUNT, NAME_STOP, VERB_AFTER  # noqa: F401 (samples in SAMPLES)
from nlp.extract.parties_people import TRANSCRIBED_NAME
from nlp.text import COLONS, COMMAS, SEMICOLONS, STOPS, OpensAfter, opening_with

CLAUSE_MARKS = COMMAS + STOPS + SEMICOLONS  # what ends a clause or a sentence inside a line

GROUP_ROLES = ("lead", "responsible", "member")
DEPUTY = ("副", "分管", "常务")  # 分管副局长 is not 局长  # an entity takes the strongest of these
STRENGTH = {"lead": 3, "responsible": 2, "member": 1}

# ---- regex fragments, each with a sample it must match (tests/extract/test_parties.py) -----

ITEM_MARKER = (r"(?:[((][一二三四五六七八九十0-9]{1,3}[))]|[一二三四五六七八九十]{1,2}[是要、]"
               r"|[0-9]{1,2}[、.](?![0-9])|第[一二三四五六七八九十]{1,3}(?:阶段|步)?[,、:]?)")  # (一), 一是, 1、
STAGE_HEAD = rf"[^{CLAUSE_MARKS}]{{0,12}}阶段\([^()]{{1,24}}\)"  # 宣传发动阶段(2017年4月)
FILLER = (r"(?:同时|并且|并|特别是|其中|另外|此外|最后|首先|为此|因此|对此|今年|目前|另|再|还|请)")  # 同时
GAP = rf"[^{CLAUSE_MARKS}{COLONS}]{{0,24}}?"  # the "*" of a cue: 为*第一责任人 -> 为本部门、本单位作风整顿的第一责任人
GENRE = (r"(?:实施方案|方案|指导意见|意见|通知|通报|通告|公告|办法|决定|规定|细则|预案|要点|计划|报告"
         r"|总结|批复|请示|纪要|函|号)")  # …实施方案区级各…:
PRINTED = r"(?P<name>[^\s\n,。:]{2,30}?)\s*[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日\s*印发"  # 日照市卫生局办公室 2010年6月25日印发
FILE_HEAD = r"(?m)^\s*(?P<name>[^\s\n,。:]{2,30}?)文件(?=\s*$|\s*[\u4e00-\u9fff]{1,6}[〔\[(])"  # 日照市卫生局文件
TITLE_ISSUER = r"(?m)^\s*(?P<names>[^\n,。:关]{2,60}?)关于[^\n]{2,120}?" + GENRE  # 中共——区卫生局委员会——区卫生局关于…方案
# a task list's column word (责任单位:…, or alone on its line above the names)
COLUMN = (r"责任单位|牵头单位|配合单位|协办单位|责任部门|牵头部门|配合部门|责任科室|牵头科室|配合科室"
          r"|参加单位|参与单位|实施单位|主办单位|承办单位|主责单位|督办单位|协办部门|参与部门|参加部门"
          r"|责任处室|牵头处室|配合处室|责任股室|牵头股室|配合股室|组织单位|执行单位|落实单位")
LABEL = (r"(?P<label>副\s*组\s*长|组\s*长|总责任人|成\s*员|组\s*员|委\s*员|副\s*主\s*任|主\s*任|联络人|联系人"
         r"|(?:[总副]\s*)?召\s*集\s*人|副?总指挥|副?指挥长|副指挥(?!长|部)"
         rf"|责任领导|牵头领导|分管领导|责任人|成员单位|发布单位|发文单位|发文机关|{COLUMN})(?:包括|为|有)?\s*(?::|】)\s*|(?m:^)[ \t]*(?P<column>{COLUMN})[ \t]*\n[ \t]*(?=[^\s:])")
# a member list laid out as a table, no colon: 组长 张某 县长
LABEL_BARE = r"(?m)^[ \t]*(?P<bare>副?组[ \t]*长|成[ \t]*员)[ \t]+(?=[\u4e00-\u9fff])"  # 组 长:王 军
# a line that goes on with the label's list: one person, then maybe a post (副组长:张某 某局局长⏎李某 某委主任)
LABEL_MORE = (r"\n\s*(?P<who>[\u4e00-\u9fff](?:[ \t]?[\u4e00-\u9fff]){1,2}|" + TRANSCRIBED_NAME + r")(?:[ \t]*(?P<affil>\([^()\n]{2,30}\))|[ \t]+[^\s:]{2,30})?"
              r"[ \t]*(?=\n|$)")  # (or the unit in brackets: 李某(市发改局), an affiliation, no party)
# 联系人:李红,电话:… ends at ,电话; 配合部门:某局、某局 完成时间:… ends before the next label
LABEL_NAMES_END = r"[\n。:]|[,\s]*(?:联系)?电话|[,\s]*手机|[,;\s]+[\u4e00-\u9fff]{2,6}(?=:)"
SIGNATURE_DATE = (r"(?:[0-9]{4}|[〇○零一二三四五六七八九0O]{4})\s*年\s*[0-9一二三四五六七八九十]{1,2}\s*月"
                  r"\s*[0-9一二三四五六七八九十]{1,3}\s*日")  # 2023年3月1日, 二〇二三年三月一日
# a signing date with its digits masked by the page (二0**年*月*日, 20XX年X月X日)
REDACTED_DATE = (r"[0-9〇○零一二三四五六七八九O*xX×]{4}\s*年\s*[0-9一二三四五六七八九十*xX×]{1,2}\s*月"
                 r"\s*[0-9一二三四五六七八九十*xX×]{1,3}\s*日")
# the signing date of a 落款, last on its line: the issuing units stand before it or above it
SIGNATURE_DATE_LINE = (rf"(?m)(?:{SIGNATURE_DATE}|{REDACTED_DATE}|[0-9]{{4}}[-./][0-9]{{1,2}}[-./][0-9]{{1,2}}(?=[ \t]*$)"
                       r"|[12][0-9]{3}[0-9]{2,4}日(?=[ \t]*$)|"  # (a page that lost the date's 年 and 月: 2018830日)
                       rf"(?:[0-9]{{4}}|[〇零一二三四五六七八九]{{4}})\s*年\s*"
                       r"[0-9一二三四五六七八九十]{1,2}\s*月(?:\s*[0-9]{0,2}\s*日?)?)[ \t]*(?:$|(?=[。(]))")
# a 落款 run into the text when a page loses its line breaks: 。某局2023年3月1日 and the next part
# (an appendix's title, 附件, 抄送); a date going on as a clause (…日召开, …日前, …日,) is no 落款
SIGNATURE_DATE_RUN_BODY = (rf"[ \t]*[^\n。,;:、 \t]{{2,40}}?"
                           rf"(?P<date>{SIGNATURE_DATE}|[0-9]{{4}}年[0-9]{{1,2}}月[ \t　]+日)"
                           r"(?![ \t]*(?:$|[,,、。;;:的在至到起前后以来召举开印发出下上午晚组对进将正已与和及共公带赴联深再首启"
                           r"制通向从即会讯报讲宣表—~-]))")
SIGNATURE_DATE_RUN = r"(?:(?<=。)|^)" + SIGNATURE_DATE_RUN_BODY  # (re.M: a line's start too)
# a line that is only a 、-list of names: 市委宣传部、市卫健委、市教育局、市公安局。
LIST_LINE = r"(?m)^[ \t]*(?P<names>[\u4e00-\u9fff()]{2,30}(?:、[\u4e00-\u9fff()]{1,30}){2,})[。;]?[ \t]*$"
# a headline that ends with its department in brackets: 某局跟进某事故 (某某事务局)
HEADLINE_ISSUER = r"(?m)^[^\n()。]{4,60}?[ \t]*\((?P<name>[\u4e00-\u9fff]{3,20})\)[ \t]*$"
# a task's units in brackets: (某局、某办牵头,各有关部门按职责分工负责)
BRACKET_DUTY = (r"\((?P<lead>[^()]{2,80}?(?:\([^()]{1,10}\)[^()]{0,40}?)?)牵头(?:[,;、](?P<rest>[^()]{2,80}?)"
                r"(?:按职责分工|按照职责|分别)?(?:配合|负责|参与|落实|实施))?\)")
# a task's units in brackets with no lead: (某厅、某委等按职责分工负责), (某局负责)
BRACKET_CHARGED = (r"\((?P<rest>[^()牵\n]{2,120}?)(?:等(?:[0-9一二三四五六七八九十]+个)?(?:有关|相关)?(?:部门|单位)?)?"
                   r"(?:按职责分工|按照职责分工|按职责|按照职责|分别|共同)?"
                   r"(?:负责|落实|实施)\)")
# a unit heading its own item of a division of duties: (一)某局:负责…, 2.某局。牵头… (found from the
# verb after the colon; the head is read back to the line's start)
DUTY_VERB = r"[:。][ \t]*(?:主要|具体|全面)?(?P<verb>负责|牵头|承担|配合|协助|参与)"
DUTY_HEAD = rf"[ \t]*(?:{ITEM_MARKER})?[ \t]*(?P<names>[^\s:。,;()]{{2,60}}?)[ \t]*"
# a person heading an item with the post in brackets (a 述职 report's parts): 2.王 某(党委委员、副校长)
PERSON_HEAD = (rf"(?m)^[ \t]*(?:{ITEM_MARKER})[ \t]*(?P<who>[\u4e00-\u9fff](?:[ \t]?[\u4e00-\u9fff]){{1,2}})"
               r"[ \t]*\((?P<post>[^()\n]{2,30})\)[ \t]*$")
POST_SLOT = (r"(?P<who>[^,;:。()的由以、][^,;:。的由以]{1,79}?)(?:担任|任|为)(?:领导小组|工作小组|小组)?"
             r"(?P<post>常务副组长|副组长|组长|常务副总指挥|副总指挥|总指挥|副指挥长|指挥长|政委|副主任|主任|成员|组员)"
             r"(?=[、,;。的]|$)")  # 由局长任组长、分管副局长任副组长、各股室负责人为成员的工作专班
# an adverbial that may stand between a subject and its verb: 市医保局、市公安局按职责分工配合
ADVERB = (r"(?:按照|按|根据|依照|依据|依法|积极|密切|全力|主动|共同|分别|切实|认真|及时|要(?!求)|应(?![急用])|也|还|均|都|亦"
          r"|日前|近日|近期|今年|今天|今日|昨天|昨日|随即|立即|迅速|已经|正在|自即日起|即日起)")  # 某委日前组织…: time, then the verb
CHROME_LINE = (r"\s*(?:上一篇|下一篇|上一条|下一条|相关阅读|相关链接|相关文章|来源|责任编辑|发布时间"
               r"|打印本页|关闭窗口)")  # 上一篇:某区卫生健康委关于…: a web page's link, not the document
TITLE_YEAR = r"^(?P<name>[^\s,。:;]{3,30}?)(?:[0-9]{4}|[〇○零一二三四五六七八九0O]{4}|20[xX*]{2})年"  # 某县医院2023年工作总结
TABLE_SPLIT = r"\t|\s{2,}"  # the cells of a task table row: tabs or runs of spaces (else single spaces)
TABLE_OFFICE_ENDINGS = ("股", "办", "队", "科", "室", "组")  # a task table's 责任股室
TABLE_CHARS = 8000  # how far a flattened task table is read after its 责任人 header
ISSUER_KINDS = ("body", "unit", "office", "group")  # what can sign a document (not a post, not a place)
TITLE_BODY_ENDINGS = ("局", "委员会", "党委", "党组", "政府", "办公室", "厅", "医院", "卫生院", "学校", "中学",
                      "小学", "公司")  # 区卫生局…工作总结, 某市人民医院服务承诺
# a summary's or plan's own title line, with a year: 某市卫生健康委员会2019年工作总结
SUMMARY_TITLE = (r"(?m)^[ \t]*(?P<line>[^\s,。:;]{3,30}?(?:[0-9]{4}|20[xX*]{2})年[^\s,。:;]{0,20}?"
                 r"(?:总结|报告|计划|方案|要点))[ \t]*$")
# a cue inside a longer word is no cue: cue -> (characters before, characters after) that make
# the word: 报告, 申报, 党组成员
VERB_COMPOUND = {"交": ("提递移转上外成社公结", "流通纳付易换代叉织界际往谈给由办警"),
                 "报": ("申举预简公海情通电警画", "告道名表刊销批备送"), "组成": ("党", "员"), "组建": ("", "员"),
                 "组织": ("党导层级各的和与织建", "机部生化性纪者领"),
                 "率": ("效比概频功速税利汇坦直表轻草统增税", "先领队直性真达为从")}  # 党组织, 组织部
# a flattened heading glued onto the clause after its marker: 六、工作要求各学校要… (the outline
# supplies the document's own headings; these are the usual ones when it has none)
HEADING_WORD = (r"(?:工作要求|有关要求|其他要求|组织保障|保障措施|工作保障|组织领导|加强领导|工作措施|实施步骤"
                r"|方法步骤|步骤安排|时间安排|进度安排|工作目标|总体要求|主要任务|工作任务|重点任务|指导思想"
                r"|责任分工|职责分工|工作职责|工作分工|主要内容|工作内容|整治内容|检查内容|检查重点|排查重点"
                r"|工作重点|基本原则|工作原则|实施范围|检查范围|工作机制|强化监督|严格考核|督查考核)[ \t]*")  # 三、组织领导 某小组负责…
# the head of a working group's office: 由王某同志兼任办公室主任, 办公室主任由王某担任
OFFICE_HEAD = (r"(?:(?P<who>[^,;:。()、由的为]{2,12}?)(?:同志)?(?:兼任|担任)(?:领导小组)?办公室(?:副)?主任"
               r"|办公室(?:副)?主任由(?P<who2>[^,;:。()、]{2,12}?)(?:同志)?(?:兼任|担任))")
# a named person appointed to a post in a clause: 王某同志任办公室主任,负责日常工作; 李某任副组长 (the
# verb and the post; the person is read right before the verb); 某局总工程师李某兼办公室主任
APPOINTED = (r"(?:担任|兼任|任|兼(?=[\u4e00-\u9fff]{0,10}?(?:办公室|小组|专班)|副?组长))(?P<post>(?:[\u4e00-\u9fff]{0,10}?(?:领导小组|工作小组|专班|小组|办公室))?"
             r"(?:副?组长|副?主任|成员|组员|联络员|联络人|联系人|副?秘书长))(?=[,;。、]|$)")
# a cue word a name runs into is no cue: 某县应急管理局将… is no 某县 that 应…; 县委统一战线工作部
# is no 县委 that 统一…: word -> (characters before, characters after) that make another word
CUE_COMPOUND = {"应": ("供相响适反对回呼顺感效", "急用对届征聘"), "要": ("主重纪摘需提政首", "素点闻害务"),
                "需": ("所急必", "求"), "须": ("", "知"), "将": ("", "军"), "可": ("许认", "视"),
                "统一": ("", "战"), "组织": ("党导层级各的和与织建", "机部生化性纪者领"), "除": ("排清消", "险"),
                "通过": ("", "率"), "召开": ("", ""),
                # a paper's own 报 (本报讯, 日报, 晚报) and 报 inside words (报道, 报告, 申报) send nothing to anyone
                "报": ("本日晚时商早快学简情电警举预申公海画", "讯道告名表刊社纸销"),
                # 联合 before a verb is an adverb (三部门联合开展…, 联合启动…): no one is joined, no subject cued
                "联合": ("", "启开组召进对印下发部检执行推举出整打督调制排暗巡抽约查")}
LIST_CUES = ("会同", "联合", "协同", "组织", "带领", "率领", "率", "联同", "组长的")  # the cues whose object may be a 、-list of units
# a short clause before an actor that sets the time: 日前, 9月5日上午, 20xx年“七一”前, 会上
OPENING = (rf"[^{CLAUSE_MARKS}{COLONS}]{{0,10}}(?:[0-9]|年|月|日|前|后|上午|下午|晚|期间|会上|会后|目前|同时|此外|另外|据悉|据了解"
           r"|最近|近期|近来)"
           rf"[^{CLAUSE_MARKS}{COLONS}]{{0,6}}"
           # a news item's dateline and its time: 某报北京8月24日电(记者某某)8月7日至18日
           rf"|[^{CLAUSE_MARKS}{COLONS}]{{0,24}}日电(?:\([^()]{{0,20}}\))?[^{CLAUSE_MARKS}{COLONS}]{{0,16}}")
# 经 opening a clause (经研究, 经过调查), not a name's first word (经济, 经开, 经贸, 经信: NAME_START_OK)
CLAUSE_JING = r"经(?![济开贸信])"
# a clause of purpose, cause or basis before the actor: 为加强…, 因此, 根据…, 在…的领导下
ADVERBIAL = (r"\s*(?:为了?|因此|所以|根据|按照|依据|针对|围绕|结合|随着|对此|为此|就此|其后|及后|事发后|另一方面"
             rf"|{CLAUSE_JING}|据)"
             rf"|[^{CLAUSE_MARKS}{COLONS}]*(?:下|中|之际|期间|以来|后|时)\s*$"
             # 以…为契机 / 以…为抓手: the occasion or means, before the actor
             rf"|\s*以[^{CLAUSE_MARKS}{COLONS}]{{1,40}}?为(?:契机|抓手|载体|突破口|主线|引领|牵引)\s*$")
PLAN_MADE = r"制定本(?!单位|部门)|特制定|制定如下|提出如下|提出以下|制定以下"  # …现结合实际,制定本工作方案

SAMPLES = {
    "ITEM_MARKER": ("(一)", "一是", "1、", "第三阶段:"),
    "STAGE_HEAD": ("宣传发动阶段(2017年4月)",),
    "FILLER": ("同时", "特别是"),
    "GAP": ("本部门、本单位作风整顿的",),
    "NAME_STOP": (",", "挂靠", "(见"),
    "GENRE": ("实施方案", "意见"),
    "PRINTED": ("日照市卫生局办公室 2010年6月25日印发",),
    "FILE_HEAD": ("日照市卫生局文件\n",),
    "TITLE_ISSUER": ("中共——区卫生局委员会——区卫生局关于创建省级文明城市的实施方案",),
    "LABEL_BARE": ("\n组长 王某 县长",),
    "LABEL": ("组 长:王 军", "成员:市局各部门负责人", "联系人:", "组员:", "(责任单位:", "责任单位\n某局"),
    "COLUMN": ("牵头单位",),
    "LABEL_MORE": ("\n丁某某 某部副部长\n", "\n王 某 某局局长"),
    "LABEL_NAMES_END": (",电话", "\n", " 联系电话", " 完成时间:"),
    "SIGNATURE_DATE": ("2023年3月1日", "二〇二三年三月一日"),
    "HEADLINE_ISSUER": ("某局跟进工地意外 (某某事务局)",),
    "PERSON_HEAD": ("2.王 某(党委委员、副校长)\n", "(一)李某某(副院长)"),
    "DUTY_VERB": (":负责统筹", "。负责特种设备", ":配合"),
    "DUTY_HEAD": ("(一)县应急管理局", "2.县市场监管局"),
    "BRACKET_DUTY": ("(县卫健局、县应急管理局牵头,各乡镇及县直有关单位按职责分工负责)", "(县卫健局牵头)"),
    "BRACKET_CHARGED": ("(省住建厅、省自然资源厅等按职责分工负责)", "(县卫健局负责)"),
    "SUMMARY_TITLE": ("某市卫生健康委员会2019年工作总结\n",),
    "LIST_LINE": ("市委宣传部、市卫健委、市公安局。",),
    "REDACTED_DATE": ("二0**年*月*日", "20XX年X月X日"),
    "SIGNATURE_DATE_LINE": ("二0**年*月*日\n", "2023年3月1日\n", "2024-03-05\n", "二〇二三年三月一日", "2017年4月 日\n", "2013年5月\n", "2021年1月18\n"),
    "POST_SLOT": ("卫生部部长高某任领导小组组长,", "分管副局长任副组长、", "各股室负责人为成员的", "副局长张三、李四任副组长,",
                  "镇应急办、各村(社区)党支部书记为成员。"),
    "ADVERB": ("按职责分工", "积极", "日前"),
    "CHROME_LINE": ("上一篇:", "相关链接"),
    "TITLE_YEAR": ("某县中医医院2023年工作总结",),
    "TABLE_SPLIT": ("\t", "  "),
    "PLAN_MADE": ("制定本", "特制定"),
    "OPENING": ("日前", "9月5日上午", "会上", "人民日报北京8月24日电(记者某某)8月7日至18日"),
    "ADVERBIAL": ("为进一步加强安全管理", "因此", "在市委的领导下"),
    "COUNT": ("42个科室", "三家医院"),
    "VERB_AFTER": ("对照", "组成"),
    "HEADING_WORD": ("工作要求", "组织保障"),
    "APPOINTED": ("任办公室主任,", "任副组长。", "担任领导小组办公室主任;"),
    "OFFICE_HEAD": ("由王某同志兼任办公室主任", "办公室主任由王某担任", "王某兼任领导小组办公室主任"),
}



class Context(NamedTuple):
    """What the whole document tells a clause: its outline's headings, its addressees, where its
    title line ends."""
    headings: frozenset[str] = frozenset()
    recipients: tuple[str, ...] = ()
    title_end: int = -1


class Found(NamedTuple):
    start: int
    end: int
    name: str
    role: str



# the characters a match of LABEL / SIGNATURE_DATE_LINE can open with: the two are scanned over
# whole documents, and behind a lookahead on these the engine skips every other position with one
# test (the same matches, about four times faster; tests/test_first_chars.py checks each set
# against its pattern's parse tree)
LABEL_FIRSTS = " \t主分副协参委实总成承牵督组联责配召指发执落"
SIGNATURE_DATE_FIRSTS = "0123456789〇○零一二三四五六七八九O*xX×"


@cache
def compiled() -> dict[str, re.Pattern]:
    return {
        "item": re.compile(rf"(?:{ITEM_MARKER}\s*)+"),
        "stage": re.compile(STAGE_HEAD),
        "filler": re.compile(rf"(?:{FILLER})+"),
        "genre": re.compile(GENRE),
        "printed": re.compile(PRINTED),
        "file": re.compile(FILE_HEAD),
        "title": re.compile(TITLE_ISSUER),
        "label": opening_with(LABEL, LABEL_FIRSTS),
        "label_bare": re.compile(LABEL_BARE),
        "label_end": re.compile(LABEL_NAMES_END),
        "label_more": re.compile(LABEL_MORE),
        "person_post": re.compile(r"\s*(?P<who>[\u4e00-\u9fff](?:[ \t]?[\u4e00-\u9fff]){1,2})"
                                  r"[ \t]+(?P<post>[^\s:,]{2,30})\s*"),
        "signature_date": opening_with(SIGNATURE_DATE_LINE.removeprefix("(?m)"), SIGNATURE_DATE_FIRSTS, re.M),
        # (scanned from the 。 or line break before it: the lookbehind first made the engine try every position)
        "signature_run": OpensAfter(SIGNATURE_DATE_RUN, SIGNATURE_DATE_RUN_BODY, "。\n", re.M),
        "list_line": re.compile(LIST_LINE),
        "summary_title": re.compile(SUMMARY_TITLE),
        "bracket_duty": re.compile(BRACKET_DUTY),
        "bracket_charged": re.compile(BRACKET_CHARGED),
        "duty_verb": re.compile(DUTY_VERB),
        "duty_head": re.compile(DUTY_HEAD),
        "person_head": re.compile(PERSON_HEAD),
        "headline_issuer": re.compile(HEADLINE_ISSUER),
        "post_slot": re.compile(POST_SLOT),
        "adverb": re.compile(ADVERB),
        "chrome": re.compile(CHROME_LINE),
        "title_year": re.compile(TITLE_YEAR),
        "table_split": re.compile(TABLE_SPLIT),
        "plan_made": re.compile(PLAN_MADE),
        "opening": re.compile(OPENING),
        "adverbial": re.compile(ADVERBIAL),
        "count": re.compile(COUNT),
        "heading": re.compile(HEADING_WORD),
        "subject_verb": re.compile(rf"{VERB_AFTER}|负责|对|开展|进行|按照|根据|统一|要|将|应"
                                   r"|聚焦|立足|紧扣|紧盯|突出|强化|注重|坚持|积极|迅速|持续|主动|进一步|务必|必须|须"
                                   r"|于(?=[0-9一二三四五六七八九十每本当次近])"),  # 各局于每月25日前报送
        "office_head": re.compile(OFFICE_HEAD),
        "appointed": re.compile(APPOINTED),
        "split": re.compile(r"[、,,]|和|及|——"),
    }


def pieces(text: str, start: int, end: int, sep: re.Pattern) -> list[tuple[int, int]]:
    out, pos = [], start
    for m in sep.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return [(a, b) for a, b in out if b > a]


def line_spans(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in re.finditer(r"\n", text + "\n"):
        out.append((pos, m.start()))
        pos = m.end()
    return out
