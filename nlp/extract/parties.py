"""Parties: the units, bodies, groups and people a document gives responsibility, with their role.

Input is one document's normalized text (plus its outline and title); output is one
``Mention(type="party")`` per (entity, role) pair, in reading order, with the value
``{"name": ..., "role": lead|responsible|member|contact|issuer|recipient}``.

Names are found where the grammar of a plan puts them, not by lookup: the subject of a clause
that charges it (``疾控中心要…``), the slot of a cue (``由…负责``, ``成立…领导小组``,
``办公室设在…``, ``组长:王军``), the addressee line after the title (``各区县卫生局,…:``), the
issuer before ``关于`` in the title or above ``印发``, and the people of a task table's 责任人
column. A name must end like a body, unit, group, office or post (``nlp/data/org_suffixes.tsv``);
cues, roles and non-parties are data files too (``party_cues.tsv``, ``roles.tsv``,
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
    org_suffixes,
    party_cues,
    role_words,
)
from nlp.extract.parties_people import candidate_spans, is_person_name, person_names_in, tokens
from nlp.model import Mention, Section

GROUP_ROLES = ("lead", "responsible", "member")  # an entity takes the strongest of these
STRENGTH = {"lead": 3, "responsible": 2, "member": 1}

# ---- regex fragments, each with a sample it must match (tests/extract/test_parties.py) -----

ITEM_MARKER = (r"(?:[((][一二三四五六七八九十0-9]{1,3}[))]|[一二三四五六七八九十]{1,2}[是要、]"
               r"|[0-9]{1,2}[、.](?![0-9])|第[一二三四五六七八九十]{1,3}(?:阶段|步)?[,、:]?)")  # (一), 一是, 1、
STAGE_HEAD = r"[^,。;]{0,12}阶段\([^()]{1,24}\)"  # 宣传发动阶段(2017年4月)
FILLER = (r"(?:同时|并且|并|特别是|其中|另外|此外|最后|首先|为此|因此|对此|今年|目前|另|再|还|请)")  # 同时
GAP = r"[^,。;:]{0,24}?"  # the "*" of a cue: 为*第一责任人 -> 为本部门、本单位作风整顿的第一责任人
NAME_STOP = (r"(?:[,。;:、!?)\n和及与或]|$|\(见|挂靠|负责|领导|下设|对|为|具体|要|将|研究|统一"
             r"|实行|开展|进行|的|在|于|按照|根据|并|,)")  # 领导小组,下设… ends 领导小组
GENRE = r"(?:实施方案|方案|指导意见|意见|通知|办法|决定|规定|计划|报告|纪要|函|号)"  # …实施方案区级各…:
PRINTED = r"(?P<name>[^\s\n,。:]{2,30}?)\s*[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日\s*印发"  # 日照市卫生局办公室 2010年6月25日印发
FILE_HEAD = r"(?m)^\s*(?P<name>[^\s\n,。:]{2,30}?)文件(?=\s*$|\s*[\u4e00-\u9fff]{1,6}[〔\[(])"  # 日照市卫生局文件
TITLE_ISSUER = r"(?m)^\s*(?P<names>[^\n,。:关]{2,60}?)关于[^\n]{2,120}?" + GENRE  # 中共——区卫生局委员会——区卫生局关于…方案
LABEL = (r"(?P<label>组\s*长|副\s*组\s*长|总责任人|成\s*员|主\s*任|联络人)\s*:\s*"
         r"(?P<names>[^\n。;:]{1,160})")  # 组 长:王 军
TABLE_OFFICE_ENDINGS = ("股", "办", "队", "科", "室", "组")  # a task table's 责任股室
TABLE_CHARS = 8000  # how far a flattened task table is read after its 责任人 header
TITLE_BODY_ENDINGS = ("局", "委员会", "党委", "党组", "政府", "办公室", "厅")  # 区卫生局…工作总结
# words that open a clause but never a name: 根据市委…, 按照…, 使…, 把…
NOT_NAME_START = ("根据", "按照", "严格按照", "关于", "使", "以", "把", "坚决", "严格", "对", "在", "经",
                  "向", "为", "将", "从", "与", "让", "其", "统计", "排队", "方法", "通过", "结合", "围绕",
                  "加强", "广大", "其他", "其它", "相应", "有关", "所有", "凡", "确保", "组织", "坚持", "下设",
                  "设立", "成立", "确定", "了", "形成", "实行", "建立", "落实")
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
    "LABEL": ("组 长:王 军", "成员:市局各部门负责人"),
    "PLAN_MADE": ("制定本", "特制定"),
}


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
    found: list[_Found] = []
    found += _title_issuers(text, title)
    found += _header_issuers(text)
    found += _recipients(text)
    found += _labelled(text, ner)
    for s_start, s_end in _sentences(text):
        found += _sentence_parties(text, s_start, s_end)
    found += _table_people(text, ner)
    from nlp.extract.ner import resolve_backend

    if resolve_backend(ner) == "hanlp":  # the model's names no rule found, roled by their context
        from nlp.extract.ner_parties import model_parties

        found += [_Found(*p) for p in model_parties(text, [(f.start, f.end) for f in found])]
    for f in _resolve(found):
        yield Mention("party", f.start, f.end, text[f.start:f.end], {"name": f.name, "role": f.role})


# ---- where names are -----------------------------------------------------------------------

@cache
def _rx() -> dict[str, re.Pattern]:
    return {
        "item": re.compile(rf"(?:{ITEM_MARKER}\s*)+"),
        "stage": re.compile(STAGE_HEAD),
        "filler": re.compile(rf"(?:{FILLER})+"),
        "stop": re.compile(NAME_STOP),
        "genre": re.compile(GENRE),
        "printed": re.compile(PRINTED),
        "file": re.compile(FILE_HEAD),
        "title": re.compile(TITLE_ISSUER),
        "label": re.compile(LABEL),
        "plan_made": re.compile(PLAN_MADE),
        "split": re.compile(r"[、,,]|和|及|——"),
    }


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """Spans of sentences: split at 。;!?, line breaks and long runs of spaces."""
    start = 0
    for m in re.finditer(r"[。;!?\n]|\s{3,}", text):
        if m.start() > start:
            yield start, m.start()
        start = m.end()
    if start < len(text):
        yield start, len(text)


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


def _clause_body_start(text: str, start: int, end: int) -> int:
    """Skip item markers, a stage heading and fillers that open a clause: (一)…阶段(4月)同时…"""
    rx = _rx()
    pos = start
    while pos < end:
        while pos < end and text[pos].isspace():
            pos += 1
        for key in ("item", "stage", "filler"):
            m = rx[key].match(text, pos, end)
            if m and m.end() > pos:
                pos = m.end()
                break
        else:
            break
    return pos


def _sentence_parties(text: str, s_start: int, s_end: int) -> list[_Found]:
    out: list[_Found] = []
    for c_start, c_end in _clauses(text, s_start, s_end):
        if _LABEL_BEFORE.search(text, max(0, c_start - 8), c_start):
            continue  # 成员:市局各部门负责人…: the label's list, read by _labelled
        if c_end - c_start > 400:
            c_end = c_start + 400  # a flattened table is no clause; bound the work
        out += _clause_parties(text, c_start, c_end)
    if out and _rx()["plan_made"].search(text, s_start, s_end):
        # 由我局负责指导…,现结合实际,制定本工作方案: who is charged in the sentence that makes
        # the plan is its author
        first = min(out, key=lambda f: f.start)
        if first.role in GROUP_ROLES:
            out.append(first._replace(role="issuer"))
    return out


_LABEL_BEFORE = re.compile(r"(?:组\s*长|副\s*组\s*长|总责任人|成\s*员|主\s*任|联络人)\s*:\s*$")


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


def _clause_parties(text: str, c_start: int, c_end: int) -> list[_Found]:
    body = _clause_body_start(text, c_start, c_end)
    out: list[_Found] = []
    taken: list[tuple[int, int]] = []
    clause = text[c_start:c_end]
    for cue, before, after, needles in _compiled_cues():
        if not all(w in clause for w in needles):
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
    return out


def _subject(text, body, c_end, cue, before, after) -> list[tuple[int, int]]:
    """``^…要``: the name opens the clause and the cue follows it."""
    pos = body
    if before is not None:
        m = before.match(text, body, c_end)
        if not m:
            return []
        pos = m.end()
    for m in after.finditer(text, pos + 1, min(c_end, pos + 60)):
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
        window_end = min(c_end, start + 80)
        while text.startswith(("了", "我局", "本局"), start):
            start += 1 if text[start] == "了" else 2  # 反馈我局平安医院创建办 -> 平安医院创建办
        if text[start:start + 1] in ("以", "由"):
            # 成立了以局长为组长的…领导小组: the group's name follows the 的 of the phrase
            de = re.compile(r"(?:为|任)(?:组长|主任)的").search(text, start, window_end)
            if not de:
                continue
            start = de.end()
        end = _name_end(text, start, window_end)
        if end is None:
            continue
        last_de = max((i for i in range(start, end) if text[i] == "的" and text[i - 1] != "党"),
                      default=-1)
        if last_de >= 0:
            start = last_de + 1
        out.append((start, end))
    return out


def _name_end(text: str, start: int, end: int) -> int | None:
    """The end of the first name-like run from ``start``: a known ending followed by a stop."""
    stop = _rx()["stop"]
    suffixes = _suffix_list()
    depth = 0
    for i in range(start, end):
        ch = text[i]
        if ch in "“(《":
            depth += 1
        elif ch in "”)》":
            depth = max(0, depth - 1)
        if depth:
            continue
        # “xx县乡镇卫生院会计委派指导中心”挂靠计财股: a quoted name ends at its closing quote
        at = i if ch == "”" else i + 1
        if any(text.startswith(s, at - len(s)) and at - len(s) >= start for s in suffixes):
            if stop.match(text, i + 1, end) or i + 1 == end:
                return i + 1
    return None


@cache
def _suffix_list() -> tuple[str, ...]:
    return tuple(sorted(set(org_suffixes()) | set(role_words()), key=len, reverse=True))


def _split_names(text: str, start: int, end: int, *, people: bool = False,
                 ) -> list[tuple[int, int, str]]:
    """Split ``text[start:end]`` at 、/和/及 (outside brackets) into names; [] if any part is not one."""
    parts = []
    depth = 0
    p_start = start
    i = start
    while i < end:
        ch = text[i]
        if ch in "“(《":
            depth += 1
        elif ch in "”)》":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch in "、,," or (ch in "和及" and i > p_start)):
            parts.append((p_start, i))
            p_start = i + 1
        elif depth == 0 and text.startswith("——", i) and i > p_start:
            parts.append((p_start, i))
            p_start = i + 2
            i += 2
            continue
        i += 1
    parts.append((p_start, end))
    out = []
    for a, b in parts:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        name = _normalize(text[a:b])
        if _is_name(name):
            out.append((a, b, name))
        elif non_parties().get(name) == "generic" and len(parts) > 1:
            continue  # 各级卫生行政部门和单位: the bare 单位 adds no one
        elif people and is_person_name(name) and len(name) <= 3:
            out.append((a, b, name))  # 主任由宋宴清担任
        elif people and (post := _post_person(name)):
            out.append((b - len(post), b, post))  # 以局党委副书记、局长席家庄为组长 -> 席家庄
        else:
            return []
    return out


def _post_person(name: str) -> str | None:
    """``局长席家庄`` -> ``席家庄``: a post written before a person's name."""
    for word in sorted(role_words(), key=len, reverse=True):
        if name.startswith(word) and is_person_name(name[len(word):]) and len(name) - len(word) <= 3:
            return name[len(word):]
    return None


def _normalize(name: str) -> str:
    """``王 军`` -> ``王军``: names are written without inner spaces."""
    return re.sub(r"\s+", "", name)


def _is_name(name: str) -> bool:
    if not 2 <= len(name) <= 50 or name in non_parties():
        return False
    bare = re.sub(r"“[^“”]*”", "“”", name)  # “深入解放思想,解决发展课题”…领导小组: quoted text is free
    if re.search(r"[,。;:!?《》]|[0-9]{3,}|^[的之]", bare) or bare.startswith(NOT_NAME_START):
        return False
    if bare.endswith(("的", "和")) or bare.count("(") != bare.count(")") or "xxx" in bare.lower():
        return False
    return _kind(name) is not None


def _kind(name: str) -> str | None:
    """The kind of the longest ending of ``name`` (body, group, office, unit, place, person).

    A bracketed note at the end does not count: 各医院(卫生院), …党委(总支、支部).
    """
    name = re.sub(r"\([^()]*\)$", "", name)
    for s in _suffix_list():
        if name.endswith(s):
            return None if name in non_parties() else org_suffixes().get(s, "person")
    return None


def _role_for(cue_role: str, name: str) -> str:
    """The role a cue gives ``name``; a post's own role wins over "responsible" (主要领导 leads)."""
    post = next((role_words()[w] for w in sorted(role_words(), key=len, reverse=True)
                 if name.endswith(w)), None)
    if cue_role == "auto":
        if post:
            return post
        return "lead" if "领导" in name and _kind(name) in ("group", "body") else "responsible"
    if cue_role == "responsible" and post in ("lead", "member", "contact"):
        return post
    if cue_role == "lead" and post in ("member",):
        return post
    return cue_role


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


def _recipients(text: str) -> list[_Found]:
    """The addressee line after the title: ``各区县卫生局,…,市直各医疗卫生单位党委(总支、支部):``."""
    out = []
    limit = min(len(text), 5000)
    for m in re.finditer(r":", text[:limit]):
        line_start = max(text.rfind("\n", 0, m.start()), text.rfind("。", 0, m.start()),
                         text.rfind(":", 0, m.start())) + 1
        head = text[line_start:m.start()]
        if len(head) > 150 or not head.strip():
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
    """``组 长:王 军``, ``副组长:刘石溪 邓英明``, ``成员:市局各部门负责人和…``, ``总责任人:甘筱华``."""
    roles = {re.sub(r"\s", "", c.before.rstrip(":")): c.role for c in party_cues() if c.label}
    out = []
    for m in _rx()["label"].finditer(text):
        label = re.sub(r"\s", "", m.group("label"))
        role = roles.get(label)
        if role is None:
            continue
        a, b = m.span("names")
        names = _split_names(text, a, b)
        if names:
            out += [_Found(x, y, n, role) for x, y, n in names]
            continue
        people = candidate_spans(text, ner=ner, start=a, end=min(b, a + 40))
        out += [_Found(x, y, n, role) for x, y, n in person_names_in(text, a, b, people)]
    return out


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
            longer = [n for n in names_by_group if n != name and n.endswith(name)]
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
