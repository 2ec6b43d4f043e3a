"""Parties: the units, bodies, groups and people a document gives responsibility, with their role.

Input is one document's normalized text (plus its outline and title); output is one
``Mention(type="party")`` per (entity, role) pair, in reading order, with the value
``{"name": ..., "role": lead|responsible|member|contact|issuer|recipient}``.

Names are found where the grammar of a plan puts them, not by lookup: the subject of a clause
that charges it (``疾控中心要…``), the slot of a cue (``由…负责``, ``成立…领导小组``,
``办公室设在…``, ``组长:王军``, ``局长王军任组长``), the addressee line after the title
(``各区县卫生局,…:``), the issuer before ``关于`` in the title, before the year of a summary's
title, above ``印发`` or in the 落款 above the signing date, the units of a task table's
牵头单位/责任单位/配合单位 columns and the people of its 责任人 column; each unit of a 、-list
after 会同/联合/组织, a clause that opens with 各…单位/机构 or an addressee and goes on with a verb
(``各定点医疗机构对照清单自查``), the head of a group's office (``由王某兼任办公室主任``), a unit
and its person after 联系人 (``联系人:局办公室 王某``). A heading glued onto its body
(``六、工作要求各学校要…``) is skipped; a count (``42个科室``) names no one. Full-width punctuation
is read as ASCII (``WIDTH_FOLD``), one character for one, so offsets stay exact. A name must end
like a body, unit, group, office or post (``nlp/data/org_suffixes.tsv``; the checks are in
``parties_names.py``); cues, roles and non-parties are data files too (``party_cues.tsv``, ``roles.tsv``,
``non_parties.tsv``). Names of people come from ``_candidate_spans``: jieba's person tags,
filtered by family name; that is the seam where a NER model (``ner="hanlp"``) adds its spans.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Iterator, NamedTuple, Sequence

from nlp.extract.parties_lexicon import (
    PartyCue,
    non_parties,
    party_cues,
    role_words,
)
from nlp.extract.parties_names import (
    COUNT,
    NAME_STOP,  # noqa: F401 (SAMPLES below holds its samples)
    VERB_AFTER,
    is_name as _is_name,
    name_end as _name_end,
    name_kind as _kind,
    name_list as _name_list,
    normalize_name as _normalize,
    role_for as _role_for,
    split_names as _split_names,
    top_pieces as _top_pieces,
)
from nlp.extract.parties_people import candidate_spans, is_person_name, person_names_in, tokens
from nlp.model import Mention, Section

# Full-width punctuation is not folded by every normalizer: read ，：；（） as ,:;() (one
# character for one, so offsets stay exact): 各乡镇卫生院，县直各医疗卫生单位：
WIDTH_FOLD = {**{c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}, 0x3000: 0x20}
GROUP_ROLES = ("lead", "responsible", "member")
DEPUTY = ("副", "分管", "常务")  # 分管副局长 is not 局长  # an entity takes the strongest of these
STRENGTH = {"lead": 3, "responsible": 2, "member": 1}

# ---- regex fragments, each with a sample it must match (tests/extract/test_parties.py) -----

ITEM_MARKER = (r"(?:[((][一二三四五六七八九十0-9]{1,3}[))]|[一二三四五六七八九十]{1,2}[是要、]"
               r"|[0-9]{1,2}[、.](?![0-9])|第[一二三四五六七八九十]{1,3}(?:阶段|步)?[,、:]?)")  # (一), 一是, 1、
STAGE_HEAD = r"[^,。;]{0,12}阶段\([^()]{1,24}\)"  # 宣传发动阶段(2017年4月)
FILLER = (r"(?:同时|并且|并|特别是|其中|另外|此外|最后|首先|为此|因此|对此|今年|目前|另|再|还|请)")  # 同时
GAP = r"[^,。;:]{0,24}?"  # the "*" of a cue: 为*第一责任人 -> 为本部门、本单位作风整顿的第一责任人
GENRE = (r"(?:实施方案|方案|指导意见|意见|通知|通报|通告|公告|办法|决定|规定|细则|预案|要点|计划|报告"
         r"|总结|批复|请示|纪要|函|号)")  # …实施方案区级各…:
PRINTED = r"(?P<name>[^\s\n,。:]{2,30}?)\s*[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日\s*印发"  # 日照市卫生局办公室 2010年6月25日印发
FILE_HEAD = r"(?m)^\s*(?P<name>[^\s\n,。:]{2,30}?)文件(?=\s*$|\s*[\u4e00-\u9fff]{1,6}[〔\[(])"  # 日照市卫生局文件
TITLE_ISSUER = r"(?m)^\s*(?P<names>[^\n,。:关]{2,60}?)关于[^\n]{2,120}?" + GENRE  # 中共——区卫生局委员会——区卫生局关于…方案
LABEL = (r"(?P<label>副\s*组\s*长|组\s*长|总责任人|成\s*员|副\s*主\s*任|主\s*任|联络人|联系人)"
         r"\s*:\s*")  # 组 长:王 军 (the names run to the next label, line or sentence end)
LABEL_NAMES_END = r"[\n。;:]|[,\s]*(?:联系)?电话|[,\s]*手机"  # 联系人:李红,电话:… ends at ,电话
SIGNATURE_DATE = (r"(?:[0-9]{4}|[〇零一二三四五六七八九]{4})\s*年\s*[0-9一二三四五六七八九十]{1,2}\s*月"
                  r"\s*[0-9一二三四五六七八九十]{1,3}\s*日")  # 2023年3月1日, 二〇二三年三月一日
# a 落款: the issuing unit alone on its line, the signing date on the line below or beside it
SIGNATURE = (r"(?m)(?:^|(?<=。))[ \t]*(?P<name>[^\s,。:;、]{3,40}?)[ \t]*(?:\n[ \t]*)?"
             rf"{SIGNATURE_DATE}[ \t]*(?:$|(?=[。(]))")
POST_SLOT = (r"(?P<who>[^,;:。()的由以、][^,;:。()的由以]{1,39}?)(?:担任|任|为)(?P<post>副组长|组长|副主任|主任|成员|组员)"
             r"(?=[、,;。的]|$)")  # 由局长任组长、分管副局长任副组长、各股室负责人为成员的工作专班
# an adverbial that may stand between a subject and its verb: 市医保局、市公安局按职责分工配合
ADVERB = r"(?:按照|按|根据|依照|依据|依法|积极|密切|全力|主动|共同|分别|切实|认真|及时|要|应)"
CHROME_LINE = (r"\s*(?:上一篇|下一篇|上一条|下一条|相关阅读|相关链接|相关文章|来源|责任编辑|发布时间"
               r"|打印本页|关闭窗口)")  # 上一篇:某区卫生健康委关于…: a web page's link, not the document
TITLE_YEAR = r"^(?P<name>[^\s,。:;]{3,30}?)(?:[0-9]{4}|[〇零一二三四五六七八九]{4}|20[xX*]{2})年"  # 某县医院2023年工作总结
TABLE_SPLIT = r"\t|\s{2,}"  # the cells of a task table row: tabs or runs of spaces (else single spaces)
TABLE_OFFICE_ENDINGS = ("股", "办", "队", "科", "室", "组")  # a task table's 责任股室
TABLE_CHARS = 8000  # how far a flattened task table is read after its 责任人 header
ISSUER_KINDS = ("body", "unit", "office", "group")  # what can sign a document (not a post, not a place)
TITLE_BODY_ENDINGS = ("局", "委员会", "党委", "党组", "政府", "办公室", "厅")  # 区卫生局…工作总结
# a cue inside a longer word is no cue: cue -> (characters before, characters after) that make
# the word: 报告, 申报, 党组成员
VERB_COMPOUND = {"报": ("申举预简公海情", "告道名表刊销批备送"), "组成": ("党", "员"), "组建": ("", "员"),
                 "组织": ("党导层级各的和与织建", "机部生化性纪者领")}  # 党组织, 组织部
# a flattened heading glued onto the clause after its marker: 六、工作要求各学校要… (the outline
# supplies the document's own headings; these are the usual ones when it has none)
HEADING_WORD = (r"(?:工作要求|有关要求|其他要求|组织保障|保障措施|工作保障|组织领导|加强领导|工作措施|实施步骤"
                r"|方法步骤|步骤安排|时间安排|进度安排|工作目标|总体要求|主要任务|工作任务|重点任务|指导思想"
                r"|责任分工|职责分工|工作职责|工作分工|主要内容|工作内容|整治内容|检查内容|检查重点|排查重点"
                r"|工作重点|基本原则|工作原则|实施范围|检查范围|工作机制|强化监督|严格考核|督查考核)")
# the head of a working group's office: 由王某同志兼任办公室主任, 办公室主任由王某担任
OFFICE_HEAD = (r"(?:(?P<who>[^,;:。()、由的为]{2,12}?)(?:同志)?(?:兼任|担任)(?:领导小组)?办公室(?:副)?主任"
               r"|办公室(?:副)?主任由(?P<who2>[^,;:。()、]{2,12}?)(?:同志)?(?:兼任|担任))")
LIST_CUES = ("会同", "联合", "协同", "组织")  # the cues whose object may be a 、-list of units
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
    "LABEL": ("组 长:王 军", "成员:市局各部门负责人", "联系人:"),
    "LABEL_NAMES_END": (",电话", "\n", " 联系电话"),
    "SIGNATURE_DATE": ("2023年3月1日", "二〇二三年三月一日"),
    "SIGNATURE": ("某县卫生健康局\n2023年3月1日", "某县卫生健康局 2023年3月1日\n"),
    "POST_SLOT": ("分管副局长任副组长、", "各股室负责人为成员的", "副局长张三、李四任副组长,"),
    "ADVERB": ("按职责分工", "积极"),
    "CHROME_LINE": ("上一篇:", "相关链接"),
    "TITLE_YEAR": ("某县中医医院2023年工作总结",),
    "TABLE_SPLIT": ("\t", "  "),
    "PLAN_MADE": ("制定本", "特制定"),
    "COUNT": ("42个科室", "三家医院"),
    "VERB_AFTER": ("对照", "组成"),
    "HEADING_WORD": ("工作要求", "组织保障"),
    "OFFICE_HEAD": ("由王某同志兼任办公室主任", "办公室主任由王某担任", "王某兼任领导小组办公室主任"),
}


class _Context(NamedTuple):
    """What the whole document tells a clause: its outline's headings, its addressees."""
    headings: frozenset[str] = frozenset()
    recipients: tuple[str, ...] = ()


class _Found(NamedTuple):
    start: int
    end: int
    name: str
    role: str


def find_parties(text: str, *, sections: Sequence[Section] = (), ner: str = "auto",
                 title: str | None = None, **_: object) -> Iterator[Mention]:
    """Yield each (party, role) of a document once, in reading order.

    >>> [(m.value["name"], m.value["role"]) for m in find_parties("为加强领导,成立由县卫生局局长任组长的领导小组,并下设办公室。疾控中心要重点抓好落实。")]
    [('县卫生局局长', 'lead'), ('领导小组', 'lead'), ('办公室', 'responsible'), ('疾控中心', 'responsible')]
    """
    if not text or not text.strip():
        return
    original, text = text, text.translate(WIDTH_FOLD)  # names are read in the folded view
    title = title.translate(WIDTH_FOLD) if title else title
    found: list[_Found] = []
    found += _title_issuers(text, title)
    found += _header_issuers(text)
    found += _signatures(text)
    found += _recipients(text)
    found += _labelled(text, ner)
    ctx = _Context(frozenset(s.heading.translate(WIDTH_FOLD) for s in sections
                             if s.heading and 2 <= len(s.heading) <= 12),
                   tuple(sorted({f.name for f in found if f.role == "recipient"}, key=len, reverse=True)))
    for s_start, s_end in _sentences(text):
        found += _sentence_parties(text, s_start, s_end, ctx)
    found += _task_tables(text)
    found += _table_people(text, ner)
    from nlp.extract.ner import resolve_backend

    if resolve_backend(ner) == "hanlp":  # the model's names no rule found, roled by their context
        from nlp.extract.ner_parties import model_parties

        found += [_Found(*p) for p in model_parties(text, [(f.start, f.end) for f in found])]
    for f in _resolve(found):
        yield Mention("party", f.start, f.end, original[f.start:f.end], {"name": f.name, "role": f.role})


# ---- where names are -----------------------------------------------------------------------

@cache
def _rx() -> dict[str, re.Pattern]:
    return {
        "item": re.compile(rf"(?:{ITEM_MARKER}\s*)+"),
        "stage": re.compile(STAGE_HEAD),
        "filler": re.compile(rf"(?:{FILLER})+"),
        "genre": re.compile(GENRE),
        "printed": re.compile(PRINTED),
        "file": re.compile(FILE_HEAD),
        "title": re.compile(TITLE_ISSUER),
        "label": re.compile(LABEL),
        "label_end": re.compile(LABEL_NAMES_END),
        "signature": re.compile(SIGNATURE),
        "post_slot": re.compile(POST_SLOT),
        "adverb": re.compile(ADVERB),
        "chrome": re.compile(CHROME_LINE),
        "title_year": re.compile(TITLE_YEAR),
        "table_split": re.compile(TABLE_SPLIT),
        "plan_made": re.compile(PLAN_MADE),
        "count": re.compile(COUNT),
        "heading": re.compile(HEADING_WORD),
        "subject_verb": re.compile(rf"{VERB_AFTER}|负责|对|开展|进行|按照|根据|统一|要|将|应"),
        "office_head": re.compile(OFFICE_HEAD),
        "split": re.compile(r"[、,,]|和|及|——"),
    }


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """Spans of sentences: split at 。;!?, line breaks, tabs and long runs of spaces; a line of web
    chrome (``上一篇:…``) is skipped to its end."""
    chrome = _rx()["chrome"]
    start = 0
    skip_until = -1
    for m in re.finditer(r"[。;!?\n\t]|\s{3,}|$", text):
        if m.start() > start and start >= skip_until:
            if (start == 0 or text[start - 1] == "\n") and chrome.match(text, start, m.start()):
                line_end = text.find("\n", start)
                skip_until = len(text) if line_end < 0 else line_end
            else:
                yield start, m.start()
        start = m.end()


def _clauses(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Clauses of a sentence: split at , and : outside quotes and brackets."""
    depth = 0
    c_start = start
    for i in range(start, end):
        ch = text[i]
        if ch in "“(《[「":
            depth += 1
        elif ch in "”)》]」":
            depth = max(0, depth - 1)
        elif ch in ",,::" and depth == 0:
            if i > c_start:
                yield c_start, i
            c_start = i + 1
    if end > c_start:
        yield c_start, end


def _clause_body_start(text: str, start: int, end: int, headings: frozenset[str] = frozenset()) -> int:
    """Skip item markers, a stage heading and fillers that open a clause: (一)…阶段(4月)同时…,
    and a heading flattened onto its body after its marker: 六、工作要求各学校要…"""
    rx = _rx()
    pos = start
    while pos < end:
        while pos < end and text[pos].isspace():
            pos += 1
        for key in ("item", "stage", "filler"):
            m = rx[key].match(text, pos, end)
            if m and m.end() > pos:
                pos = m.end()
                if key == "item":
                    pos = _skip_heading(text, pos, end, headings)
                break
        else:
            break
    return pos


def _skip_heading(text: str, pos: int, end: int, headings: frozenset[str]) -> int:
    """``工作要求各学校要…`` after ``六、``: the position after a glued heading (``pos`` if none)."""
    own = [h for h in headings if text.startswith(h, pos)]
    m = _rx()["heading"].match(text, pos, end)
    stop = max([pos + len(h) for h in own] + ([m.end()] if m else []), default=pos)
    if stop > pos and stop < end and re.match(r"[\u4e00-\u9fff]", text[stop]):
        return stop
    return pos


def _sentence_parties(text: str, s_start: int, s_end: int, ctx: _Context = _Context()) -> list[_Found]:
    out: list[_Found] = []
    for c_start, c_end in _clauses(text, s_start, s_end):
        if _LABEL_BEFORE.search(text, max(0, c_start - 8), c_start):
            continue  # 成员:市局各部门负责人…: the label's list, read by _labelled
        if c_end - c_start > 400:
            c_end = c_start + 400  # a flattened table is no clause; bound the work
        out += _clause_parties(text, c_start, c_end, ctx)
    out += _post_slots(text, s_start, s_end)
    out += _office_heads(text, s_start, s_end)
    if out and _rx()["plan_made"].search(text, s_start, s_end):
        # 由我局负责指导…,现结合实际,制定本工作方案: who is charged in the sentence that makes
        # the plan is its author
        first = min(out, key=lambda f: f.start)
        if first.role in GROUP_ROLES:
            out.append(first._replace(role="issuer"))
    return out


def _post_slots(text: str, s_start: int, s_end: int) -> list[_Found]:
    """``由局长任组长、分管副局长任副组长、各股室负责人为成员的工作专班``: each post's holder."""
    if not re.search(r"成立|组成|组建|调整", text[s_start:s_end]):
        return []
    out = []
    roles = role_words()
    for m in _rx()["post_slot"].finditer(text, s_start, s_end):
        a, b = m.span("who")
        names = _split_names(text, a, b, people=True)
        out += [_Found(x, y, n, roles.get(m.group("post"), "member")) for x, y, n in names]
    return out


def _office_heads(text: str, s_start: int, s_end: int) -> list[_Found]:
    """``由王某同志兼任办公室主任`` / ``办公室主任由王某担任``: the office's head is responsible."""
    out = []
    for m in _rx()["office_head"].finditer(text, s_start, s_end):
        key = "who" if m.group("who") else "who2"
        a, b = m.span(key)
        names = _split_names(text, a, b, people=True)
        out += [_Found(x, y, n, "responsible") for x, y, n in names]
    return out


_LABEL_BEFORE = re.compile(r"(?:组\s*长|副\s*组\s*长|总责任人|成\s*员|主\s*任|联络人|联系人)\s*:\s*$")


@cache
def _compiled_cues() -> tuple[tuple[PartyCue, re.Pattern | None, re.Pattern | None, tuple[str, ...]], ...]:
    def part(words: str) -> re.Pattern | None:
        if not words:
            return None
        pattern = GAP.join(re.escape(w) for w in words.split("*"))
        if words.endswith("负责"):
            pattern += "(?![人同])"  # 负责人, 负责同志 are posts, not the verb
        return re.compile(pattern)

    def needles(c: PartyCue) -> tuple[str, ...]:
        return tuple(w for w in (c.before + "*" + c.after).split("*") if w)

    return tuple((c, part(c.before), part(c.after), needles(c)) for c in party_cues() if not c.label)


@cache
def _cue_needles() -> tuple[tuple[frozenset[str], ...], frozenset[str]]:
    """Per cue, the words a clause must contain for the cue to apply; and all such words."""
    per_cue = tuple(frozenset(needles) for _, _, _, needles in _compiled_cues())
    return per_cue, frozenset().union(*per_cue)


def _clause_parties(text: str, c_start: int, c_end: int, ctx: _Context = _Context()) -> list[_Found]:
    body = _clause_body_start(text, c_start, c_end, ctx.headings)
    out: list[_Found] = []
    taken: list[tuple[int, int]] = []
    clause = text[c_start:c_end]
    needles_of, all_needles = _cue_needles()
    present = {w for w in all_needles if w in clause}  # each distinct word looked up once
    for k, (cue, before, after, needles) in enumerate(_compiled_cues()):
        if not needles_of[k] <= present:
            continue  # most cues are absent from most clauses
        if cue.at_clause_start:
            hit = _subject(text, body, c_end, cue, before, after)
        elif before is not None and after is not None:
            hit = _between(text, c_start, c_end, before, after)
        else:
            hit = _object(text, c_start, c_end, before)
        for start, end in hit:
            if any(a < end and start < b for a, b in taken):
                continue
            people = cue.before != "" and cue.after != "" and ("担任" in cue.after or "组长" in cue.after)
            names = _split_names(text, start, end, people=people)
            if not names:
                continue
            taken.append((start, end))
            for n_start, n_end, name in names:
                out.append(_Found(n_start, n_end, name, _role_for(cue.role, name)))
    plain = _plain_subjects(text, body, c_end, ctx)
    if plain and not any(a < plain[-1][1] and plain[0][0] < b for a, b in taken):
        out += [_Found(a, b, n, "responsible") for a, b, n in plain]
    return out


def _plain_subjects(text: str, body: int, c_end: int, ctx: _Context) -> list[tuple[int, int, str]]:
    """``各定点医药机构对照清单开展自查``: a clause that opens with 各…单位/机构 (or an addressee of
    the document) and goes on with a verb gives its subject work, with no modal to cue it."""
    if not (text.startswith("各", body) or any(text.startswith(r, body) for r in ctx.recipients)):
        return []
    names = _name_list(text, body, min(c_end, body + 80))
    if not names:
        return []
    rest = text[names[-1][1]:c_end]
    if len(rest) < 2 or not _rx()["subject_verb"].match(rest):
        return []
    if not all(_kind(n) in ("body", "unit", "office", "group") for _, _, n in names):
        return []
    return names


def _subject(text, body, c_end, cue, before, after) -> list[tuple[int, int]]:
    """``^…要``: the name opens the clause and the cue follows it."""
    pos = body
    if before is not None:
        m = before.match(text, body, c_end)
        if not m:
            return []
        pos = m.end()
    for m in after.finditer(text, pos + 1, min(c_end, pos + 60)):
        for adv in _rx()["adverb"].finditer(text, pos + 2, m.start()):
            # 县医保局、县药监局按职责分工配合: a short adverbial (no 的, no list) before the verb
            if re.search(r"[的、]", text[adv.start():m.start()]):
                break
            if _split_names(text, pos, adv.start()):
                return [(pos, adv.start())]
        if _split_names(text, pos, m.start()):
            return [(pos, m.start())]
        # 形成主要领导亲自抓: a post right before the cue, inside a longer clause
        for word in sorted(role_words(), key=len, reverse=True):
            if text.startswith(word, m.start() - len(word)) and m.start() - len(word) >= pos:
                return [(m.start() - len(word), m.start())]
    return []


def _between(text, c_start, c_end, before, after) -> list[tuple[int, int]]:
    """``由…负责``: the name sits between two cue words."""
    out = []
    for b in before.finditer(text, c_start, c_end):
        a = after.search(text, b.end() + 1, min(c_end, b.end() + 40))
        if a:
            out.append((b.end(), a.start()))
    return out


def _object(text, c_start, c_end, before) -> list[tuple[int, int]]:
    """``成立…``: the name follows the cue and ends at the first name ending before a stop."""
    out = []
    for b in before.finditer(text, c_start, c_end):
        start = b.end()
        cue = text[b.start():b.end()]
        if cue in VERB_COMPOUND and (text[start:start + 1] in VERB_COMPOUND[cue][1]
                                     or text[b.start() - 1:b.start()] in VERB_COMPOUND[cue][0]):
            continue  # 及时报告报局安全股, 申报创建…, 局党组成员: the cue is part of another word
        window_end = min(c_end, start + 80)
        while text.startswith(("了", "我局", "本局"), start):
            start += 1 if text[start] == "了" else 2  # 反馈我局平安医院创建办 -> 平安医院创建办
        if text[start:start + 1] in ("以", "由"):
            # 成立了以局长为组长的…领导小组: the group's name follows the 的 of the phrase
            de = re.compile(r"(?:为|任)(?:副?组长|副?主任|成员|组员)的").search(text, start, window_end)
            if not de:
                continue
            start = de.end()
        count = _rx()["count"].match(text, start, window_end)
        if count and cue not in LIST_CUES:
            start = count.end()  # 组成4个检查组: the group is named, its number is not
        if cue in LIST_CUES:
            # 会同区应急管理局、区消防救援大队组成…: each unit of the list is charged with it
            names = _name_list(text, start, window_end)
            if names:
                out.append((start, names[-1][1]))
            continue
        end = _name_end(text, start, window_end)
        if end is None:
            continue
        last_de = max((i for i in range(start, end) if text[i] == "的" and text[i - 1] != "党"),
                      default=-1)
        if last_de >= 0:
            start = last_de + 1
        out.append((start, end))
    return out


# ---- document-level names: issuer, recipients, labels, tables --------------------------------

def _title_issuers(text: str, title: str | None) -> list[_Found]:
    """``区卫生局…工作总结`` / ``X关于…的方案``: the body leading the title issued it."""
    if not title:
        return []
    at = text.find(title)
    if at < 0:
        return []
    head = title.split("关于")[0] if "关于" in title else ""
    if head:
        return [_Found(at + a - 0, at + b, n, "issuer") for a, b, n in _issuer_names(title, 0, len(head))]
    # 某县中医医院2023年工作总结: the name before the year is the author
    year = _rx()["title_year"].match(title)
    if year and _is_name(year.group("name")) and _kind(year.group("name")) in ISSUER_KINDS:
        return [_Found(at, at + year.end("name"), _normalize(year.group("name")), "issuer")]
    # a summary or plan titled after its author: the shortest leading name ending in a body
    for i in range(2, min(len(title), 16)):
        if (title[:i].endswith(TITLE_BODY_ENDINGS) and _is_name(title[:i])
                and not _kind(title[:i + 1])):
            return [_Found(at, at + i, title[:i], "issuer")]
    return []


def _issuer_names(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Names in an issuer run such as ``中共——区卫生局委员会——区卫生局`` (unnamed parts dropped)."""
    out = []
    for a, b in _pieces(text, start, end, _rx()["split"]):
        name = _normalize(text[a:b])
        if _is_name(name):
            out.append((a, b, name))
    return out


def _pieces(text: str, start: int, end: int, sep: re.Pattern) -> list[tuple[int, int]]:
    out, pos = [], start
    for m in sep.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return [(a, b) for a, b in out if b > a]


def _header_issuers(text: str) -> list[_Found]:
    """``日照市卫生局文件``, ``X关于…方案`` title lines, and the ``X 2010年6月25日印发`` line."""
    rx = _rx()
    out = []
    for key in ("file", "printed"):
        for m in rx[key].finditer(text):
            name = _normalize(m.group("name"))
            if _is_name(name):
                out.append(_Found(m.start("name"), m.end("name"), name, "issuer"))
    for m in rx["title"].finditer(text, 0, min(len(text), 5000)):
        a, b = m.span("names")
        out += [_Found(x, y, n, "issuer") for x, y, n in _issuer_names(text, a, b)]
    return out


def _signatures(text: str) -> list[_Found]:
    """The 落款: ``某县卫生健康局`` alone on a line above (or beside) the signing date ``2023年3月1日``;
    units signing jointly stand on the lines just above it."""
    out = []
    for m in _rx()["signature"].finditer(text):
        name = _normalize(m.group("name"))
        if not (_is_name(name) and _kind(name) in ISSUER_KINDS):
            continue
        out.append(_Found(m.start("name"), m.end("name"), name, "issuer"))
        line_start = text.rfind("\n", 0, m.start("name"))
        for _ in range(2):  # 联合发文: two or three units sign, one per line
            if line_start <= 0:
                break
            prev_start = text.rfind("\n", 0, line_start) + 1
            line = text[prev_start:line_start]
            a = prev_start + len(line) - len(line.lstrip())
            b = prev_start + len(line.rstrip())
            prev = _normalize(text[a:b])
            if not (b > a and _is_name(prev) and _kind(prev) in ISSUER_KINDS):
                break
            out.append(_Found(a, b, prev, "issuer"))
            line_start = prev_start - 1
    return out


def _recipients(text: str) -> list[_Found]:
    """The addressee line after the title: ``各区县卫生局,…,市直各医疗卫生单位党委(总支、支部):``."""
    out = []
    limit = min(len(text), 5000)
    for m in re.finditer(r":", text[:limit]):
        line_start = max(text.rfind("\n", 0, m.start()), text.rfind("。", 0, m.start()),
                         text.rfind(":", 0, m.start())) + 1
        head = text[line_start:m.start()]
        if len(head) > 150 or not head.strip() or _rx()["chrome"].match(head):
            continue
        genre = None
        for genre in _rx()["genre"].finditer(head):
            pass
        start = line_start + (genre.end() if genre else 0)
        names = _split_names(text, start, m.start())
        if names and all(_kind(n) in ("body", "unit", "office", "group", "place") for _, _, n in names):
            out += [_Found(a, b, n, "recipient") for a, b, n in names]
    return out


def _labelled(text: str, ner: str) -> list[_Found]:
    """``组 长:王 军``, ``副组长:刘石溪 邓英明``, ``成员:市局各部门负责人和…``, ``总责任人:甘筱华``,
    ``组长:张立新(局长)副组长:…`` (a post in brackets after a name), ``联系人:李红,电话:…``."""
    roles = {re.sub(r"\s", "", c.before.rstrip(":")): c.role for c in party_cues() if c.label}
    rx = _rx()
    heads = list(rx["label"].finditer(text))
    out = []
    for k, m in enumerate(heads):
        label = re.sub(r"\s", "", m.group("label"))
        role = roles.get(label)
        if role is None:
            continue
        a = m.end()
        b = min(len(text), a + 160)
        if k + 1 < len(heads):
            b = min(b, heads[k + 1].start())  # 组长:张立新(局长)副组长:… ends at the next label
        stop = rx["label_end"].search(text, a, b)
        b = stop.start() if stop else b
        while b > a and text[b - 1] in " \t,、":
            b -= 1
        if b <= a:
            continue
        if role == "contact" and stop:
            out += [_Found(x, y, n, role) for x, y, n in _more_contacts(text, stop.start(), ner)]
        names = _split_names(text, a, b)
        if names:
            out += [_Found(x, y, n, role) for x, y, n in names]
            continue
        listed = _listed_people(text, a, b) or _unit_and_person(text, a, b)
        if listed:
            out += [_Found(x, y, n, role) for x, y, n in listed]
            continue
        people = candidate_spans(text, ner=ner, start=a, end=min(b, a + 40))
        out += [_Found(x, y, n, role) for x, y, n in person_names_in(text, a, b, people)]
    return out


# after a contact's phone, the next contact of the same line: …,电话:0000-1234567;李某,电话:…
NEXT_CONTACT = re.compile(r"[,\s]*(?:联系)?(?:电话|手机)[::]?\s*[0-9][0-9\-—() ]{4,24}[;,、]\s*"
                          r"(?P<who>[^\s,;:。、]{2,30}?(?:\s[^\s,;:。、]{2,4})?)[,\s]*(?:联系)?(?:电话|手机)")


def _more_contacts(text: str, at: int, ner: str) -> list[tuple[int, int, str]]:
    """``联系人:张某,电话:…;李某,电话:…``: the contacts after the first one on its line."""
    out = []
    for _ in range(6):  # a line lists a handful of contacts at most
        m = NEXT_CONTACT.match(text, at)
        if not m:
            break
        a, b = m.span("who")
        who = _normalize(text[a:b])
        if is_person_name(who):
            out.append((a, b, who))
        else:
            out += _unit_and_person(text, a, b) or _split_names(text, a, b)
        at = m.end() - len(re.search(r"(?:联系)?(?:电话|手机)$", m.group(0)).group(0))
    return out


def _unit_and_person(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``集团纪委办公室 冯某``: a unit and then the person in it, both named; [] unless so."""
    pieces = _top_pieces(text, start, end)
    if len(pieces) != 2:
        return []
    (a, b), (c, d) = pieces
    unit, person = _normalize(text[a:b]), _normalize(text[c:d])
    if _is_name(unit) and _kind(unit) in ("body", "unit", "office", "group") and is_person_name(person):
        return [(a, b, unit), (c, d, person)]
    return []


def _listed_people(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``张立新(局长)、孙明(副局长)``: people (or posts) each with a bracketed post; [] unless all are."""
    out = []
    for a, b in _top_pieces(text, start, end):
        m = re.fullmatch(r"(?P<who>[^()]{2,12})\((?P<post>[^()]{1,20})\)", text[a:b])
        if not m:
            return []
        who = _normalize(m.group("who"))
        if not (is_person_name(who) or _is_name(who)):
            return []
        out.append((a, a + len(m.group("who")), who))
    return out


def _task_tables(text: str) -> list[_Found]:
    """The units of a task table's 牵头单位/责任单位/配合单位 columns, row by row.

    The header is a line of at least three cells of which one names a responsibility column
    (``roles.tsv``: 牵头单位 lead, 责任单位 responsible, 配合单位 member); each following line
    with as many cells is a row. Cells are split at tabs or runs of spaces, else at single
    spaces; a row with more cells than the header has spaces inside its task cell.
    """
    out = []
    lines = _lines(text)
    k = 0
    while k < len(lines):
        a, b = lines[k]
        header = _cells(text, a, b)
        columns = {i: _column_role(text[x:y]) for i, (x, y) in enumerate(header)}
        columns = {i: r for i, r in columns.items() if r}
        k += 1
        if len(header) < 3 or not columns:
            continue
        wide = next((i for i, (x, y) in enumerate(header) if "任务" in text[x:y] or "内容" in text[x:y]
                     or "事项" in text[x:y] or "措施" in text[x:y]), 1)
        while k < len(lines):
            a, b = lines[k]
            row = _cells(text, a, b)
            if len(row) < len(header):
                break
            extra = len(row) - len(header)
            if extra:  # spaces inside the task cell: align the columns right of it from the right
                row = row[:wide] + [(row[wide][0], row[wide + extra][1])] + row[wide + extra + 1:]
            for i, role in columns.items():
                x, y = row[i]
                out += [_Found(p, q, n, role) for p, q, n in _split_names(text, x, y)]
            k += 1
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in re.finditer(r"\n", text + "\n"):
        out.append((pos, m.start()))
        pos = m.end()
    return out


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of a table line: split at tabs or runs of spaces when it has any, else at spaces."""
    line = text[start:end]
    if len(line) > 400:
        return []  # a paragraph, not a row
    split = _rx()["table_split"] if _rx()["table_split"].search(line.strip()) else re.compile(r"\s+")
    return [(start + a, start + b) for a, b in _pieces(line, 0, len(line), split)
            if line[a:b].strip()]


def _column_role(header: str) -> str | None:
    """``牵头单位`` -> lead, ``责任单位(责任股室)`` -> responsible, ``配合单位`` -> member."""
    word = re.sub(r"\([^()]*\)$", "", header.strip())
    role = role_words().get(word)
    if role in GROUP_ROLES and word.endswith(("单位", "部门", "科室", "股室", "处室")):
        return role
    return None


def _table_people(text: str, ner: str) -> list[_Found]:
    """People and sections in the 责任人/责任单位 columns of a flattened task table."""
    header = re.search(r"责任人", text)
    out = []
    while header:
        near = text[max(0, header.start() - 80):header.end() + 80]
        if "责任单位" in near or "分管领导" in near or "责任股室" in near:
            break
        header = re.compile("责任人").search(text, header.end())
    if not header:
        return out
    region_end = min(len(text), header.end() + TABLE_CHARS)
    toks = tokens(text, header.end(), region_end)
    for a, b, name in candidate_spans(text, ner=ner, toks=toks):
        out.append(_Found(a, b, name, "responsible"))
    for a, b, word, _ in toks:
        # the sections of the 责任单位(责任股室) column: 医政股, 防保股, 执法队, 应急办
        if 3 <= len(word) <= 6 and word.endswith(TABLE_OFFICE_ENDINGS) and _is_name(word):
            out.append(_Found(a, b, word, "responsible"))
    return out


# ---- one answer per (entity, role) ---------------------------------------------------------

def _resolve(found: list[_Found]) -> list[_Found]:
    """Fold short forms into long ones, keep an entity's strongest of lead/responsible/member,
    drop contacts already listed otherwise, and yield each (name, role) once in reading order."""
    found = [f._replace(name=_normalize(f.name)) for f in found]
    found = [f for f in found if f.name not in non_parties()]
    names_by_group = {f.name for f in found if f.role in GROUP_ROLES}
    folded = []
    for f in found:
        name = f.name
        if f.role in GROUP_ROLES and not name.startswith(("各", "全", "我")):
            # a deputy is another post: 局长 is not the short form of 分管副局长
            longer = [n for n in names_by_group if n != name and n.endswith(name)
                      and not n[:-len(name)].endswith(DEPUTY)]
            if longer:
                name = min(longer, key=len)  # 卫生局 -> 县卫生局; 局党委 -> 卫生局党委
        folded.append(f._replace(name=name))
    strongest: dict[str, str] = {}
    for f in folded:
        if f.role in GROUP_ROLES and STRENGTH[f.role] > STRENGTH.get(strongest.get(f.name, ""), 0):
            strongest[f.name] = f.role
    listed = {f.name for f in folded if f.role != "contact"}
    seen: set[tuple[str, str]] = set()
    out = []
    for f in sorted(folded, key=lambda f: (f.start, f.end)):
        role = strongest.get(f.name, f.role) if f.role in GROUP_ROLES else f.role
        if role == "contact" and any(n in f.name or f.name in n for n in listed):
            continue
        if (f.name, role) in seen:
            continue
        seen.add((f.name, role))
        out.append(f._replace(role=role))
    return out
