"""Targets: quantified objectives (what must reach what, by when, where) in a document's text.

Input is normalized text (simplified, NFKC) and optionally its outline; output is one
``Mention(type="target")`` per number, in reading order, with the contract's value
``{"metric", "number", "unit", "comparator", "deadline", "scope"}``.

The rules follow the grammar of plans rather than any document: which numbers of a clause are
candidates is ``targets_quantities``' concern (a ratio, or a count governed by a comparator or a
planning verb); whether the sentence states objectives at all is ``targets_context``' (a clause
that reports done work, ``已``/``累计``/``共有``, yields nothing; nor does a work summary before its
下一步 section, or a news report where the sentence neither plans ahead nor lays down a rule).
This module cuts sentences and clauses, and gives each target its span, metric, scope and deadline.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import cache
from typing import Iterator, Sequence

from nlp.extract.context import DocContext, build_context
from nlp.extract.dates import find_dates
from nlp.extract.parties_lexicon import target_cues
from nlp.extract.targets_context import (Genre, Mood, document_year, is_past, past_period, read_genre,
                                         target_words)
from nlp.extract.targets_quantities import Quantity, clause_quantities
from nlp.extract.targets_quantities import patterns as quantity_patterns
from nlp.extract.targets_quantities import units as quantity_units
from nlp.model import Mention, Section
from nlp.numerals import CN_DIGITS
from nlp.text import SENTENCE_END, alternation, fold_width, literal_trie, opening_with, sentence_spans, unwrap

# ---- regex fragments, each with a sample it must match (tests/extract/test_targets.py) ------

CLAUSE_END = r"(?<![0-9]),|,(?![0-9]{3}(?![0-9]))|(?<![0-9])[::]|[::](?![0-9])"  # , splits 覆盖率100%,原料…; not 7,000 nor 1:1.6
YEAR = r"(?:19|20)[0-9xX*]{2}"  # 20xx, 2010, 201*
DEADLINE = rf"(?P<year>{YEAR})年(?:(?P<month>[0-9]{{1,2}})月)?(?P<end>底|末)?前?"  # 20xx年底前
SCOPE = (r"(?:全[市县区省国](?:\([^()]{1,10}\))?|各县\([^()]{1,10}\)|各县区|各地|各区县"
         r"|每名[^\d,。的]{1,8}|每[0-9—\-~]+万[^\d,。]{1,6}?(?=拥有|有|设))")  # 全市, 每3—5万居民社区
# a day or month a segment opens with, its deadline: 6月底前隐患整改率达到100%
LEAD_DATE = r"(?:(?:到|至|于|在)?(?:19|20)[0-9]{2}年)?[0-9]{1,2}月(?:[0-9]{1,2}日)?(?:底|末|中旬|下旬)?(?:前|之前)"  # 6月底前
# a year that is the baseline of a comparison, not a deadline: 较2023年, 在2020年基础上
BASELINE = r"(?:较|比|与|同|相比|相较|在)\s?$"  # 较
BASELINE_PHRASE = (rf"(?:较|比|与|相比|相较)(?:{YEAR}年(?:同期)?|去年|上年)(?:相比|同期)?"
                   rf"|在{YEAR}年的?基础上")  # 较2023年, 在2020年基础上
# modal words and adverbs that end a metric's words before the number: 文件原则上|不超过10页
METRIC_TAIL = r"(?:原则上|一般|一律|也|还|都|年均|均|将会有|将|要|应当|应|须|必须|稳步|逐步|逐年|累计|同比|环比)+$"  # 一般
# the name of a quota, then its value: 推荐人数:1人
QUOTA_LABEL = (r"(?:(?:推荐|招聘|招收|招生|选派|选拔|计划|拟|培训|参训|参会|配备|编制)(?:人数|数量)|名额|指标)"
               r"[::]\s*$")  # 推荐人数: (not 死亡人数:, a record)
# a clause that is only a noun and a count: 村卫生室100个 (the count unit alternation is filled in)
LIST_ITEM = (r"[\u4e00-\u9fff()()]{{1,15}}[0-9]+(?:\.[0-9]+)?(?P<unit>{units})"  # 村卫生室100个
             r"|[0-9]+(?:\.[0-9]+)?(?P<unit2>{units})[\u4e00-\u9fff“”()、]{{2,30}}")  # 100个领军型创新团队
PEOPLE_UNITS = frozenset({"人", "万人", "人次", "万人次", "名"})  # counts of people: 服务人口5万人
MONEY_UNITS = frozenset({"元", "万元", "亿元"})  # 共设5个专题,培训费每人800元: a price, not the list's next item
MAX_CLAUSE = 300  # characters; longer comma-free runs are read in pieces
# words that end in a one-character planning verb without being one: 建设10个 is not 建 + 设10个
WORDS_ENDING_IN_CUE = frozenset({"建设", "开设", "铺设", "架设", "预设", "成为", "作为", "认为", "行为"})
FILLERS = ("力争", "确保", "保证", "使", "要", "并", "其中", "同时", "重点", "努力", "争取", "实现")
# words that open with a filler without being one: 要求各乡镇…, 使用率 keep their first character
NOT_FILLERS = ("要求", "要素", "要点", "使用", "使命", "并网", "保证金")

SAMPLES = {
    "CLAUSE_END": (",", ":"),
    "YEAR": ("20xx", "2010", "201*"),
    "DEADLINE": ("20xx年底前", "2010年6月", "2011年"),
    "LEAD_DATE": ("6月底前", "2024年4月30日前"),
    "SCOPE": ("全市", "各县(市、区)", "每名干部职工", "每3—5万居民社区拥有"),
    "BASELINE": ("较", "在"),
    "METRIC_TAIL": ("原则上", "一般", "也要"),
    "QUOTA_LABEL": ("推荐人数:", "名额:\n"),
    "BASELINE_PHRASE": ("较2023年", "比去年同期", "与2020年相比"),
}


@cache
def _patterns() -> dict[str, re.Pattern]:
    return {
        "sentence": re.compile(SENTENCE_END),
        "clause": opening_with(CLAUSE_END, ",:"),  # (its lookbehinds first: the class skips the other characters)
        "deadline": re.compile(DEADLINE),
        "scope": re.compile(SCOPE),
        "baseline": re.compile(BASELINE),
        "baseline_phrase": re.compile(BASELINE_PHRASE),
        "due_phrase": re.compile(rf"(?:到|至|于){DEADLINE}"),
        "lead_date": re.compile(LEAD_DATE),
        "quota_label": re.compile(QUOTA_LABEL),
        "metric_tail": re.compile(METRIC_TAIL),
        "list_item": re.compile(LIST_ITEM.format(units=alternation(quantity_units()))),
        # what every quantity holds (a digit, a numeral, 半, an objective in words: 翻番): text
        # without any has no target, and its mood need not be read
        "countable": re.compile(rf"[0-9{CN_DIGITS}半]|{literal_trie(target_words())}"),
    }


def find_targets(text: str, *, sections: Sequence[Section] = (), title: str | None = None,
                 context: DocContext | None = None, doc_type: str | None = None,
                 **_: object) -> Iterator[Mention]:
    """Yield each quantified objective of ``text`` as a target mention, in reading order.

    >>> [(m.value["metric"], m.value["number"], m.value["unit"], m.value["comparator"])
    ...  for m in find_targets("全市孕产妇死亡率和5岁以下儿童死亡率分别控制在31/10万和17‰以内。")]
    [('孕产妇死亡率', 31.0, '/10万', '<='), ('5岁以下儿童死亡率', 17.0, '‰', '<=')]
    """
    if not text:
        return
    if context is None:
        context = build_context(fold_width(text))
    original, text = text, unwrap(context.folded)  # ，；：％ read as ,;:% (one for one); a PDF's wrapping undone
    pats = _patterns()
    stages = _stage_deadlines(text, sections)
    genre = read_genre(text, title, sections, doc_type)
    genre = genre._replace(year=document_year(text, context.signing_year))
    blocks = _forward_lists(text)
    due_list: tuple[int, int, str | None, bool] | None = None  # 到2025年,…;…;…。: the year a list is due by
    for sentence_start, sentence_end in sentence_spans(text, pats["sentence"]):
        if sentence_end - sentence_start < 2:
            continue
        block = next((b for b in blocks if b[0] <= sentence_start < b[1]), None)
        if block is None and due_list and sentence_start < due_list[1]:
            block = due_list  # a later ;-part of a sentence that opened with its due year
        due = _DUE_OPENING.match(text, sentence_start, sentence_end)
        if due and text[sentence_end:sentence_end + 1] in ";;":
            stop = text.find("。", sentence_end)
            due_list = (sentence_end, len(text) if stop < 0 else stop, due.group("year"), False)
        for t in _sentence_targets(text, sentence_start, sentence_end, stages, genre, context, block):
            yield Mention("target", t.start, t.end, original[t.start:t.end], t.value)


# a line that announces a list of objectives (到2020年将实现:, 主要目标:, 力争实现以下目标:), then the
# numbered lines of the list: each item states an objective, whatever the genre of the page
# (or a line of any length that closes on its objectives: …,到2025年实现以下目标:)
_LEAD_IN = re.compile(r"(?m)^[^\n]{0,60}?(?:将|力争|确保|目标|预期|主要指标|要实现|以下|到(?:19|20)[0-9]{2}年)[^\n。]{0,30}(?:[::]|——)[ \t]*$"
                      r"|(?:目标|主要指标|预期指标)[^\n。,,]{0,6}(?:[::]|——)[ \t]*$")
_LIST_LINE = re.compile(r"[ \t\u3000]*(?:[0-9]{1,2}[、.)]|\([0-9]{1,2}\)|[一二三四五六七八九十]{1,2}[、.]|\([一二三四五六七八九十]{1,2}\)"
                        r"|在[^\n,,。]{1,12}方面[,,]"  # (or a paragraph of each aspect: 在病有所医方面,…)
                        r"|(?=[^\n。;;:0-9]{2,30}[0-9][^\n。;;:]{0,30}(?:\n|$)))")  # (or a short unnumbered line with its figure)
_DUE_YEAR = re.compile(r"(?:到|至|于)((?:19|20)[0-9]{2})年")
_BLANK_LINES = re.compile(r"(?:[ \t\u3000]*\n)+")
# what every match of _LEAD_IN ends its line with (no match runs over a line break, so a line holds one at most)
_LEAD_IN_END = re.compile(r"(?m)(?:[::]|——)[ \t]*$")


def _lead_ins(text: str) -> Iterator[re.Match]:
    """``_LEAD_IN.finditer(text)``, reading only the lines that end with a colon or ——: the
    pattern's lazy run from every line start costs far more than a scan for those endings."""
    for end in _LEAD_IN_END.finditer(text):
        m = _LEAD_IN.search(text, text.rfind("\n", 0, end.start()) + 1, end.end())
        if m is not None:
            yield m


def _forward_lists(text: str) -> list[tuple[int, int, str | None, bool]]:
    """(start, end, year, indicators) of each numbered list that a line announcing objectives opens
    (its year due, 到2020年, when the line gives one; whether the line names them 指标)."""
    out = []
    for m in _lead_ins(text):
        pos, end = m.end() + 1, m.end() + 1
        while pos < len(text):
            blank = _BLANK_LINES.match(text, pos)  # (paragraphs a page keeps apart by blank lines)
            if not _LIST_LINE.match(text, blank.end() if blank else pos):
                break
            nl = text.find("\n", blank.end() if blank else pos)
            end = pos = len(text) if nl < 0 else nl + 1
        if end > m.end() + 1:
            line = text[text.rfind("\n", 0, m.start()) + 1:m.end()]  # (the year may stand before the words)
            due = _DUE_YEAR.search(line)
            out.append((m.end() + 1, end, due.group(1) if due else None, "指标" in m.group()))
    return out


def _sentence_targets(text: str, s_start: int, s_end: int, stages, genre: Genre,
                      context: DocContext, block: tuple[int, int, str | None, bool] | None = None) -> Iterator[Mention]:
    pats = _patterns()
    sentence = text[s_start:s_end]
    countable = pats["countable"]
    if not countable.search(sentence):
        return  # no number in the sentence: no clause of it has a quantity
    dates = None  # read once, on the first target of the sentence
    mood = None  # likewise, on the first clause that is not past
    scope = None
    planned_count = ""  # the unit of a count the clause before planned (新建乡镇卫生院20所: 所)
    for c_start, c_end in _clause_spans(sentence):
        clause = sentence[c_start:c_end]
        after_planned_count, planned_count = planned_count, ""
        counts = countable.search(clause) is not None
        head = pats["scope"].search(clause[:12])
        if not counts and not head:
            continue  # neither a quantity nor a scope for the next clauses
        if not clause or is_past(clause):
            continue
        if mood is None:
            mood = Mood(sentence, report=genre.report)
        if block is None and s_start < genre.past_until and not mood.plans_ahead(c_start, c_end):
            continue  # 床位使用率86.5%: a summary's record of the past year
        if block is None and genre.report and not mood.looks_forward(c_end):
            continue  # 由168人降至145人: a report's figure, with no plan or rule in sight
        if (mood.looks_back(c_end) or past_period(sentence, c_end, genre.year) or mood.dated_back(c_end, genre.year)
                or mood.to_date(c_end)):
            continue  # 虽从346人降至去年的287人, 十三五期间…: a record, even in a report of a plan
        if "同比" in sentence and not mood.looks_forward(len(sentence)):
            continue  # 门诊量达到15万人次,同比增长12%: a year-on-year comparison reports a result
        if head:
            scope = head.group(0)
        if not counts:
            continue
        labelled = (bool(pats["quota_label"].search(text, max(0, s_start + c_start - 12), s_start + c_start))
                    or (c_start > 0 and _BY_YEAR.match(sentence) is not None) or bool(block and block[3]))
        # (到2025年,人均预期寿命78.3岁,…: a plan's indicators after the year they are due by, or in
        # the list a line announcing its 主要指标 opens)
        # 新建乡镇卫生院20所,村卫生室100个: a bare noun and count goes on the list of the clause before
        item = pats["list_item"].fullmatch(clause) if after_planned_count else None
        unit = item and (item.group("unit") or item.group("unit2"))
        if item and (unit == after_planned_count or unit not in PEOPLE_UNITS | MONEY_UNITS):
            labelled = True  # (but not 新建卫生院20所,服务人口5万人: a population is no item of the list)
        respectively, k_respectively = clause.find("分别"), 0
        for q, span_start, span_end, value in _clause_targets(clause, labelled):
            if q.comparator is None and quantity_units().get(q.unit) == "count":
                planned_count = q.unit
            if q.time_limit and not (mood.lays_down(c_start + q.start)
                                     or sentence[c_start + q.start - 1:c_start + q.start] == "于"):
                continue  # 7日内报送整改方案: a step's time limit, not a rule's
            if dates is None:
                dates = _sentence_dates(sentence, context.plain_dates_within(s_start, s_end), s_start)
            deadline = _deadline_before(dates, c_start + q.start)
            if 0 <= respectively < q.start:
                # 到2022年和2030年,…分别不低于22%和30%: the k-th figure is due by the k-th year
                deadline = _paired_deadline(sentence, dates, c_start + q.start, k_respectively) or deadline
                k_respectively += 1
            if deadline and genre.year and deadline[:4].isdigit() and deadline[:4] < genre.year:
                continue  # 2020年,全市…为23.5% in a plan signed in 2021: a past year's record
            if deadline is None:
                deadline = _stage_deadline(stages, s_start + c_start) or (block[2] if block else None)
            value["deadline"] = deadline
            value["scope"] = value["scope"] or scope
            start, end = s_start + c_start + span_start, s_start + c_start + span_end
            yield Mention("target", start, end, text[start:end], value)


_BY_YEAR = re.compile(r"\s*(?:到|至)(?:19|20)[0-9]{2}年(?:底|末)?[,,]")
# a sentence opening with the year its list of figures is due by: 到2025年,甲达到75%;乙…
_DUE_OPENING = re.compile(r"\s*(?:到|至)(?P<year>(?:19|20)[0-9]{2})年(?:底|末)?[,,]")


def _sentence_dates(sentence: str, found: Sequence[Mention], offset: int) -> list[tuple[int, str, int]]:
    """(offset, deadline, end offset) of each date of a sentence (``found``, at ``offset`` in the document)
    that can be a deadline: its end (a range's end, 2024年4月30日前 -> 2024-04-30); a comparison's
    baseline (较2023年) is none."""
    baseline = _patterns()["baseline"]
    out = []
    for d in (replace(m, start=m.start - offset, end=m.end - offset) for m in found):
        if baseline.search(sentence, max(0, d.start - 3), d.start) or sentence.startswith("基础上", d.end):
            continue
        if (d.value.get("kind") == "point" and len(d.value.get("start", "")) == 10
                and not re.search(r"(?:到|至|于|在|确保|力争|争取|截至|截止)$", sentence[max(0, d.start - 2):d.start])
                and not re.match(r"前|止|完成|之前", sentence[d.end:d.end + 2])):
            continue  # 9月16日讯: a day written as a dateline, not a deadline
        end = d.value.get("end") or d.value.get("start")
        if end:
            out.append((d.start, end, d.end))
    return out


def _paired_deadline(sentence: str, dates: list[tuple[int, str, int]], at: int, k: int) -> str | None:
    """The k-th date of the list of dates (到2022年和2030年) that ends last before offset ``at``."""
    i = bisect_left(dates, (at, "")) - 1
    if i < 1:
        return None
    first = i
    while first > 0 and sentence[dates[first - 1][2]:dates[first][0]] in ("和", "、", "及", "与", "和到", "、到"):
        first -= 1
    if first == i:
        return None
    return dates[min(first + k, i)][1]


def _deadline_before(dates: list[tuple[int, str, int]], at: int) -> str | None:
    """The last deadline written before offset ``at`` of the sentence."""
    k = bisect_left(dates, (at, ""))
    return dates[k - 1][1] if k else None


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


def _clause_targets(clause: str, labelled: bool = False) -> Iterator[tuple[Quantity, int, int, dict]]:
    """(quantity, span start, span end, value) for each target of a clause."""
    quantities = [q for q in clause_quantities(clause, labelled=labelled)
                  if not _ACCIDENT_CLASS.search(clause, max(0, q.start - 16), q.start)]
    prev_end = 0
    for i, q in enumerate(quantities):
        cut = clause.rfind("、", 0, q.start)
        opened = clause.rfind("(", 0, cut)
        if cut >= 0 and opened > clause.rfind(")", 0, cut) and clause.find(")", cut, q.start) >= 0:
            cut = clause.rfind("、", 0, opened)  # 每个县(市、区)至少有1家: the 、 inside brackets lists no items
        seg_start = max(cut + 1, prev_end)
        seg_end = clause.find("、", q.end)
        seg_end = len(clause) if seg_end < 0 else seg_end
        last_in_segment = i + 1 == len(quantities) or quantities[i + 1].start >= seg_end
        span_start = min(_skip_fillers(clause, seg_start), q.start)
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
        yield q, span_start, span_end, value


# the class of an accident by its toll (不发生一次死亡3人以上、一次重伤10人以上或直接经济损失300万元以上的事故):
# the figure says which accidents, it sets no objective of its own
_ACCIDENT_CLASS = re.compile(r"一次(?:性)?(?:造成)?(?:死亡|重伤|伤亡|受伤|中毒|死亡或重伤|死亡\(含失踪\))[^,,。;;]{0,3}$"
                             r"|一次(?:性)?(?:直接)?(?:经济|财产)(?:\(财产\))?损失[^,,。;;]{0,3}$")


# an item's number opening a clause (2.新增就业…, (3)建成…): not part of the metric
ITEM_MARKER = re.compile(r"(?:[0-9]{1,2}[.．、](?![0-9])|[(（][0-9一二三四五六七八九十]{1,3}[)）])[ \t]*")


def _skip_fillers(clause: str, start: int) -> int:
    marker = ITEM_MARKER.match(clause, start)
    if marker and marker.end() < len(clause):
        start = marker.end()
    changed = True
    while changed:
        changed = False
        for f in FILLERS:
            if (clause.startswith(f, start) and start + len(f) < len(clause)
                    and not clause.startswith(NOT_FILLERS, start)):
                start += len(f)
                changed = True
    return start


def _metric_and_scope(clause: str, seg_start: int, q: Quantity, span_end: int) -> tuple[str, str | None]:
    """The noun phrase the number measures, and the scope written at the head of the segment."""
    pats = _patterns()
    start = min(_skip_fillers(clause, seg_start), q.start)
    year = pats["lead_date"].match(clause, start) or pats["deadline"].match(clause, start)
    if year:  # 20xx年全市…, 6月底前隐患整改率…: the deadline, then the scope
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
    elif before in target_cues()["plan"] and after.strip("、的"):
        before = ""  # 建设10个区域医疗中心: the count measures what follows the verb
    if after.startswith("的") or (not before.strip() and after):
        # 全市70%以上的县级疾控机构实验室装备达标: the measured thing follows 的
        metric = after.lstrip("的")
    else:
        metric = before
        if "分别" in metric:
            # 孕产妇死亡率和5岁以下儿童死亡率分别控制在31/10万和17‰以内: one metric per number
            at = clause.find("分别")
            listed = re.split(r"[,,;;::]", clause[:at])[-1]  # (all the metrics, though this one's span starts at the last)
            lead = pats["scope"].match(listed)
            listed = listed[lead.end():] if lead else listed  # (全县学前教育…: 全县 is the scope)
            own = metric.split("分别")[0]
            names = re.split(r"和|、|及|与", listed if listed.endswith(own) and not re.search(r"和|、|及|与", own) else own)
            k = len(quantity_patterns()["quantity"].findall(clause[clause.find("分别"):q.start]))
            metric = names[min(k, len(names) - 1)]
        for cue in ("分别", "都"):
            metric = metric.replace(cue, "")
        metric = pats["baseline_phrase"].sub("", metric)  # 投诉量较2023年下降30%: the metric is 投诉量
        metric = pats["due_phrase"].sub("", metric)  # 婴儿死亡率到2025年分别控制在: the metric is 婴儿死亡率
        metric = pats["metric_tail"].sub("", metric) or metric
        metric = re.sub(r"(?:和|及|与|的)$", "", metric)
        if not metric and after:
            metric = after
    metric = metric.strip(" 、的")
    return metric or clause[start:span_end], scope


def _ends_with_plan_verb(before: str) -> int | None:
    """Where a planning verb ending ``before`` starts (``共设``, ``为``), else None."""
    for cue in sorted(target_cues()["plan_now"], key=len, reverse=True):
        if before.endswith(cue) and not (len(cue) == 1 and before[-2:] in WORDS_ENDING_IN_CUE):
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
    """The end of the last date of a stage heading (read alone: a heading is short)."""
    ends = [e for d in find_dates(heading) if (e := d.value.get("end"))]
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
