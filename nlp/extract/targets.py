"""Targets: quantified objectives (what must reach what, by when, where) in a document's text.

Input is normalized text (simplified, NFKC) and optionally its outline; output is one
``Mention(type="target")`` per number, in reading order, with the contract's value
``{"metric", "number", "unit", "comparator", "deadline", "scope"}``.

The rules follow the grammar of plans rather than any document: a number becomes a target when
it is a ratio (``70%``, ``17‰``, ``31/10万``), or a count or duration governed by a comparator
(``不少于40学时``, ``不超过15分钟``) or by a planning verb (``共设18个委派岗位``,
``培训业务骨干12名``). Clauses that report what was already done (``已``, ``累计``, ``共有``) yield
nothing: the counts of a work summary are not objectives. The cue words and units are data
(``nlp/data/target_cues.tsv``, ``nlp/data/target_units.tsv``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from typing import Iterator, NamedTuple, Sequence

from nlp.extract.numbers import ARABIC, CN_NUMBER, parse_number
from nlp.extract.parties_lexicon import target_cues, target_units
from nlp.model import Mention, Section

# ---- regex fragments, each with a sample it must match (tests/extract/test_targets.py) ------

SENTENCE_END = r"[。;;!?!?\n]"  # 。 ends 达到90%以上。
CLAUSE_END = r"[,,::]"  # , splits 力争餐饮单位监督覆盖率100%,原料…
RANGE_DASH = r"[—–\-~～至到]"  # 1—2个乡镇
YEAR = r"(?:19|20)[0-9xX*]{2}"  # 20xx, 2010, 201*
DEADLINE = rf"(?P<year>{YEAR})年(?:(?P<month>[0-9]{{1,2}})月)?(?P<end>底|末)?前?"  # 20xx年底前
RATIO_METRIC_END = r"(?:率|比例|比重|覆盖面|占比)"  # 满意率≥80 (a ratio written without its % sign)
SCOPE = (r"(?:全[市县区省国](?:\([^()]{1,10}\))?|各县\([^()]{1,10}\)|各县区|各地|各区县"
         r"|每名[^\d,。的]{1,8}|每[0-9—\-~]+万[^\d,。]{1,6}?(?=拥有|有|设))")  # 全市, 每3—5万居民社区
# a work summary (工作总结) reports the past: its figures are targets only where it plans ahead
SUMMARY_TITLE = r"(?m)^[^\n]{0,60}(?:工作总结|年度总结|总结报告|述职报告|工作报告)\s*$"  # 某县医院2023年工作总结
FORWARD_HEADING = (r"下一步|明年|来年|今后|展望|努力方向|工作打算|工作计划|工作思路|工作安排|目标任务"
                   r"|(?:19|20)[0-9]{2}年(?:工作)?(?:计划|打算|思路|安排|重点)")  # 三、下一步工作打算
PLAN_AHEAD = r"力争|确保|争取|计划|拟|力求|预计|目标是"  # 力争门诊量突破15万人次 (a summary's plan)
AT_LEAST = r"(?:至少|最少|不少于|不低于)(?P<verb>[\u4e00-\u9fff]{1,3})$"  # 至少建成|2个: the adverb governs the verb
# the width fold of the party extractor: ，；：％ are read as ,;:% (one character for one)
WIDTH_FOLD = {**{c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}, 0x3000: 0x20}
MAX_CLAUSE = 300  # characters; longer comma-free runs are read in pieces
FILLERS = ("力争", "确保", "保证", "使", "要", "并", "其中", "同时", "重点", "努力", "争取", "实现")

SAMPLES = {
    "SENTENCE_END": ("。", "\n"),
    "CLAUSE_END": (",", ":"),
    "RANGE_DASH": ("—", "-", "至"),
    "YEAR": ("20xx", "2010", "201*"),
    "DEADLINE": ("20xx年底前", "2010年6月", "2011年"),
    "RATIO_METRIC_END": ("率", "比例"),  # the ending of 满意率, 比例
    "SCOPE": ("全市", "各县(市、区)", "每名干部职工", "每3—5万居民社区拥有"),
    "SUMMARY_TITLE": ("某县中医医院2023年工作总结\n",),
    "FORWARD_HEADING": ("下一步工作打算", "2024年工作计划"),
    "PLAN_AHEAD": ("力争", "确保"),
    "AT_LEAST": ("至少建成",),
}


def _alternation(words) -> str:
    """A regex alternation of literal words, longest first (以上 before 上)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> dict[str, re.Pattern]:
    """The quantity pattern and its helpers, built once from the cue and unit tables."""
    cues = target_cues()
    unit = _alternation(target_units())
    before = _alternation(cues["before"])
    after = _alternation(cues["after"])
    number = rf"(?:{ARABIC}|{CN_NUMBER})"
    # 控制在31/10万以内, ≥95%, 1—2个, 不少于40学时, 70.3、 (a table's ratio then item marker 3、)
    quantity = (rf"(?P<before>{before})?(?P<num>{number})"
                rf"(?:{RANGE_DASH}(?P<num2>{number}))?(?P<unit>{unit})?(?P<after>{after})?")
    # 不超过国家标准的三倍: the comparator governs a multiple of a named standard
    times = rf"(?P<before>{before})(?P<gap>[^,。;、0-9]{{1,10}}?的)(?P<num>{number})(?P<unit>倍)"
    return {
        "quantity": re.compile(quantity),
        "times": re.compile(times),
        "sentence": re.compile(SENTENCE_END),
        "clause": re.compile(CLAUSE_END),
        "deadline": re.compile(DEADLINE),
        "scope": re.compile(SCOPE),
        "plan": re.compile(_alternation(cues["plan"])),
        "summary": re.compile(SUMMARY_TITLE),
        "forward": re.compile(FORWARD_HEADING),
        "plan_ahead": re.compile(PLAN_AHEAD),
        "at_least": re.compile(AT_LEAST),
        "past": re.compile(_alternation(cues["past"])),
    }


class _Quantity(NamedTuple):
    start: int  # of the number (or its comparator word) in the clause
    end: int
    number: float
    unit: str
    comparator: str | None
    unit_written: bool = True


def find_targets(text: str, *, sections: Sequence[Section] = (), title: str | None = None,
                 **_: object) -> Iterator[Mention]:
    """Yield each quantified objective of ``text`` as a target mention, in reading order.

    >>> [(m.value["metric"], m.value["number"], m.value["unit"], m.value["comparator"])
    ...  for m in find_targets("全市孕产妇死亡率和5岁以下儿童死亡率分别控制在31/10万和17‰以内。")]
    [('孕产妇死亡率', 31.0, '/10万', '<='), ('5岁以下儿童死亡率', 17.0, '‰', '<=')]
    """
    if not text:
        return
    original, text = text, text.translate(WIDTH_FOLD)
    pats = _patterns()
    stages = _stage_deadlines(text, sections)
    # a work summary (by its title, or a title line at the top): its figures are past until 下一步…
    summary = bool(title and pats["summary"].search(title)) or bool(pats["summary"].search(text, 0, 300))
    ahead = _forward_from(text, sections) if summary else 0
    pos = 0
    for m in pats["sentence"].finditer(text + "\n"):
        sentence_start, sentence_end = pos, m.start()
        pos = m.end()
        if sentence_end - sentence_start < 2:
            continue
        if sentence_start < ahead and not pats["plan_ahead"].search(text, sentence_start, sentence_end):
            continue  # 床位使用率86.5%: a summary's record of the past year
        for t in _sentence_targets(text, sentence_start, sentence_end, stages):
            yield Mention("target", t.start, t.end, original[t.start:t.end], t.value)


def _forward_from(text: str, sections: Sequence[Section]) -> int:
    """Where a summary starts planning ahead (its 下一步工作打算 section), else the end of the text."""
    forward = _patterns()["forward"]
    for s in sections:
        if forward.search(s.heading[:20]):
            return s.start
    # no outline: a short heading line that plans ahead (三、明年工作思路)
    for m in re.finditer(r"(?m)^[^\n]{0,30}$", text):
        if m.end() > m.start() and forward.search(m.group(0)):
            return m.start()
    return len(text)


def _sentence_targets(text: str, s_start: int, s_end: int, stages) -> Iterator[Mention]:
    pats = _patterns()
    sentence = text[s_start:s_end]
    deadline_at = [(d.start(), _deadline_value(d)) for d in pats["deadline"].finditer(sentence)]
    scope = None
    for c_start, c_end in _clause_spans(sentence):
        clause = sentence[c_start:c_end]
        if not clause or _is_past(clause):
            continue
        head = pats["scope"].search(clause[:12])
        if head:
            scope = head.group(0)
        for q_start, q_end, span_start, span_end, value in _clause_targets(clause):
            deadline = next((v for at, v in reversed(deadline_at) if at < c_start + q_start), None)
            if deadline is None:
                deadline = _stage_deadline(stages, s_start + c_start)
            value["deadline"] = deadline
            value["scope"] = value["scope"] or scope
            start, end = s_start + c_start + span_start, s_start + c_start + span_end
            yield Mention("target", start, end, text[start:end], value)


def _clause_spans(sentence: str) -> Iterator[tuple[int, int]]:
    """Clauses of a sentence, each at most MAX_CLAUSE long (a flattened table has no commas;
    cutting it at a 、 keeps the work per number bounded, so time stays linear)."""
    pos = 0
    for m in _patterns()["clause"].finditer(sentence + ","):
        start, end = pos, m.start()
        pos = m.end()
        while end - start > MAX_CLAUSE:
            cut = sentence.rfind("、", start + MAX_CLAUSE // 2, start + MAX_CLAUSE)
            cut = cut + 1 if cut > 0 else start + MAX_CLAUSE
            yield start, cut
            start = cut
        yield start, end


def _is_past(clause: str) -> bool:
    """Whether a clause reports done work (已完成, 累计, 共有): its counts are not objectives."""
    cleaned = clause.replace("为了", "").replace("除了", "").replace("了解", "")
    return bool(_patterns()["past"].search(cleaned))


def _clause_targets(clause: str) -> Iterator[tuple[int, int, int, int, dict]]:
    """(quantity start, quantity end, span start, span end, value) for each target of a clause."""
    quantities = _clause_quantities(clause)
    prev_end = 0
    for i, q in enumerate(quantities):
        seg_start = max(clause.rfind("、", 0, q.start) + 1, prev_end)
        seg_end = clause.find("、", q.end)
        seg_end = len(clause) if seg_end < 0 else seg_end
        last_in_segment = i + 1 == len(quantities) or quantities[i + 1].start >= seg_end
        span_start = _skip_fillers(clause, seg_start)
        span_end = seg_end if last_in_segment else q.end
        if not q.unit_written:
            span_end = q.end  # a flattened table runs on into the next cell: 认同率≥50审核材料…
        paren = clause.find("(", q.end, span_end)
        if paren >= 0 and clause.find(")", paren) - paren > 8:
            span_end = paren  # …定点机构(统计截止测评前一年度末…): a long note is not the target
        metric, scope = _metric_and_scope(clause, seg_start, q, span_end)
        value = {"metric": metric, "number": q.number, "unit": q.unit, "comparator": q.comparator,
                 "deadline": None, "scope": scope}
        prev_end = q.end
        yield q.start, q.end, span_start, span_end, value


def _clause_quantities(clause: str) -> list[_Quantity]:
    pats = _patterns()
    cues = target_cues()
    units = target_units()
    found: list[_Quantity] = []
    taken_until = 0
    for m in pats["times"].finditer(clause):
        number = parse_number(m.group("num"))
        if number is not None:
            found.append(_Quantity(m.start("num"), m.end(), number, "倍", cues["before"][m.group("before")]))
    times_spans = [(q.start, q.end) for q in found]
    planned = False  # a planning verb or a planned count earlier in this clause
    shared_cmp = None  # 分别控制在31/10万和17‰以内: one comparator for the whole list
    for m in pats["quantity"].finditer(clause):
        if m.start() < taken_until or any(a <= m.start("num") < b for a, b in times_spans):
            continue
        num_text, unit = m.group("num"), m.group("unit")
        before, after = m.group("before"), m.group("after")
        is_cn = not num_text[0].isdigit()
        if is_cn and not unit:
            continue
        number = parse_number(num_text)
        if number is None:
            continue
        q_end = m.end()
        if not unit and not before and _is_bare_share(clause, m):
            unit = "%"  # 2、95的社区卫生服务中心纳入…: a table's share that lost its % sign
        elif not unit:
            # a table's ratio without its sign: 比例≥70, 认同率≥50 (a grading band >1.2≥1<1 is not)
            if before not in ("≥", ">=", "≤", "<=", ">", "<"):
                continue
            if not re.search(RATIO_METRIC_END + r"[^0-9]{0,2}$", clause[:m.start()]):
                continue
            if re.fullmatch(r"[0-9]+\.[0-9]", num_text) and clause[m.end():m.end() + 1] == "、":
                # 比例≥70.3、有经常性…: the ".3、" is the next item's marker
                number = float(num_text.split(".")[0])
                q_end = m.end() - 2
            unit = "%"
        kind = units.get(unit, "count")
        prefix = clause[:m.start()]
        comparator = cues["before"].get(before) if before else None
        at_least = None if before else pats["at_least"].search(prefix[-8:])
        if at_least:  # 每个乡镇卫生院至少建成2个特色科室: the adverb binds the count through its verb
            before, comparator = at_least.group(0)[:-len(at_least.group("verb"))], ">="
        if after:
            comparator = comparator or cues["after"][after]
        if kind == "ratio":
            if prefix.endswith("个"):  # 三个70%: a slogan naming the targets, not one of them
                continue
        else:
            plan_now = any(prefix.endswith(c) for c in cues["plan_now"])
            if plan_now and (q_end >= len(clause) or clause[q_end] in "、,。"):
                plan_now = False  # xx、xx设1名, (the noun is missing)
            reaches = bool(re.match(r"(?:都)?达到?", clause[q_end:q_end + 3]))
            if kind == "duration" and not before:
                continue  # 居住期限3个月以上, 8小时: a qualifier, not an objective
            if is_cn and (num_text == "一" or not (before or reaches)):
                continue  # 一项硬指标, 四个阶段, 都有一所: a Chinese count needs a comparator; 一 is 'a'
            if before == "达":
                continue  # 电梯2部达64万元: 达 before a count reports an amount
            if clause[q_end:q_end + 1] == "的":
                continue  # 党员人数不足3人的公立医院: the count describes a noun
            if not (before or after or plan_now or reaches or planned
                    or pats["plan"].search(prefix)):
                continue
            if reaches and not comparator:
                comparator = ">="
        if m.group("num2") and not comparator:
            comparator = ">="  # 选择1—2个乡镇: the lower bound binds
        if comparator is None and "分别" in prefix and shared_cmp:
            comparator = shared_cmp
        if comparator is None and "分别" in clause[:m.start()] + clause[m.end():]:
            comparator = _following_comparator(clause, m.end())
        if comparator and "分别" in clause:
            shared_cmp = comparator
        if kind != "ratio":
            planned = True
        start = m.start("num") if not before else m.start()
        found.append(_Quantity(start, q_end, number, unit, comparator, bool(m.group("unit"))))
        taken_until = q_end
    found.sort()
    return found


def _is_bare_share(clause: str, m: re.Match) -> bool:
    """``2、95的社区卫生服务中心(站)纳入…``: a number of at most 100 opening a table item, then 的."""
    if clause[m.end():m.end() + 1] != "的" or not m.group("num").isdigit() or m.group("num2"):
        return False
    if float(m.group("num")) > 100:
        return False
    return m.start() == 0 or bool(re.search(r"(?:^|[^0-9])[0-9]{1,2}、$", clause[:m.start()]))


def _following_comparator(clause: str, at: int) -> str | None:
    """分别控制在31/10万和17‰以内: 以内 at the end of the list applies to each number."""
    cues = target_cues()
    tail = clause[at:]
    for cue, cmp in sorted(cues["after"].items(), key=lambda kv: -len(kv[0])):
        if tail.endswith(cue):
            return cmp
    return None


def _skip_fillers(clause: str, start: int) -> int:
    changed = True
    while changed:
        changed = False
        for f in FILLERS:
            if clause.startswith(f, start) and start + len(f) < len(clause):
                start += len(f)
                changed = True
    return start


def _metric_and_scope(clause: str, seg_start: int, q: _Quantity, span_end: int) -> tuple[str, str | None]:
    """The noun phrase the number measures, and the scope written at the head of the segment."""
    pats = _patterns()
    start = _skip_fillers(clause, seg_start)
    year = pats["deadline"].match(clause, start)
    if year:  # 20xx年全市…: the deadline, then the scope
        start = _skip_fillers(clause, year.end())
    scope = None
    m = pats["scope"].match(clause, start)
    if m:
        scope = m.group(0)
        start = _skip_fillers(clause, m.end())
    before = clause[start:q.start]
    after = clause[q.end:span_end]
    respectively = clause.find("分别", 0, q.start)
    if respectively >= 0 and "分别" not in before:
        before = clause[start:q.start] if start < respectively else clause[:q.start]
    plan = _ends_with_plan_verb(before)
    if plan is not None:
        # 乡镇卫生院共设18个委派岗位: the count measures what follows; what precedes is the scope
        if before[:plan].strip("、的") and not scope:
            scope = before[:plan].strip("、的")
        before = ""
    if after.startswith("的") or (not before.strip() and after):
        # 全市70%以上的县级疾控机构实验室装备达标: the measured thing follows 的
        metric = after.lstrip("的")
    else:
        metric = before
        if "分别" in metric:
            # 孕产妇死亡率和5岁以下儿童死亡率分别控制在31/10万和17‰以内: one metric per number
            names = re.split(r"和|、|及|与", metric.split("分别")[0])
            k = len(_patterns()["quantity"].findall(clause[clause.find("分别"):q.start]))
            metric = names[min(k, len(names) - 1)]
        for cue in ("分别", "都"):
            metric = metric.replace(cue, "")
        metric = re.sub(r"(?:和|及|与|的)$", "", metric)
        if not metric and after:
            metric = after
    metric = metric.strip(" 、的")
    return metric or clause[start:span_end], scope


def _ends_with_plan_verb(before: str) -> int | None:
    """Where a planning verb ending ``before`` starts (``共设``, ``为``), else None."""
    for cue in sorted(target_cues()["plan_now"], key=len, reverse=True):
        if before.endswith(cue):
            return len(before) - len(cue)
    return None


def _deadline_value(m: re.Match) -> str:
    year = m.group("year").upper().replace("*", "X")
    if m.group("month"):
        month = int(m.group("month"))
        if m.group("end"):
            return f"{year}-{month:02d}-{_last_day(year, month):02d}"
        return f"{year}-{month:02d}"
    if m.group("end"):
        return f"{year}-12-31"
    return year


def _last_day(year: str, month: int) -> int:
    if month == 2:
        y = int(year) if year.isdigit() else 2001
        return 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _stage_deadlines(text: str, sections: Sequence[Section]) -> list[tuple[int, int, str]]:
    """(start, end, deadline) of each stage section whose heading gives its dates.

    ``(一)动员学习阶段(6月中旬至6月下旬)``: a target inside the stage is due by the stage's end.
    """
    out = []
    for s in sections:
        if "阶段" not in s.heading:
            continue
        value = _heading_deadline(s.heading)
        if value:
            out.append((s.start, s.end, value))
    out.sort()
    return out


def _heading_deadline(heading: str) -> str | None:
    try:
        from nlp.extract.dates import find_dates
    except ImportError:  # the dates stage is optional for this extractor
        find_dates = None
    if find_dates is not None:
        ends = [d.value.get("end") for d in find_dates(heading) if isinstance(d.value, dict)]
        ends = [e for e in ends if e]
        if ends:
            return ends[-1]
    m = None
    for m in _patterns()["deadline"].finditer(heading):
        pass
    return _deadline_value(m) if m else None


def _stage_deadline(stages: list[tuple[int, int, str]], pos: int) -> str | None:
    k = bisect_right([s[0] for s in stages], pos)
    for start, end, value in reversed(stages[:k]):
        if start <= pos < end:
            return value
    return None
