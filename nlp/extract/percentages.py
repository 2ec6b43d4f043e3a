"""Percentage extraction: normalized text -> ``percentage`` Mentions.

A ratio is a number with a unit sign (``70%``, ``17‰``, ``31/10万``, ``0.5/万``; ``25。4%`` with its
decimal point typed as 。), a Chinese fraction (``百分之九十``, ``千分之五``, ``百分之○点四``), tenths in digits (``近3成`` = 30 %) or percentage
points (``2个百分点`` = 2 %), plus the comparator word right next to it:
before (``达到``, ``不低于``, ``控制在``, ``≥``) or after (``以上``, ``以内``, ``以下``). The
mention text includes that word (``达到70%以上``, ``控制在31/10万``, ``17‰以内``). A bound word
further back governs the share of a named whole (``不超过教工总数的40%``, and ``超过核定能力110%的,``
where the ratio closes a 的-phrase), but not a goal's figure (``超过下达的63%的目标任务``).
Value: ``{"number": 70.0, "unit": "%", "comparator": ">="}``.
"""

from __future__ import annotations

import re
from typing import Iterator, Sequence

from nlp.extract.targets_comparators import comparator_cues, negate, negated_before
from nlp.model import Mention, Section
from nlp.numerals import ARABIC, CN_NUMBER, parse_number
from nlp.text import CLAUSE_BREAK, alternation, opening_with

# Comparator words (nlp/data/target_comparators.tsv): before the number, after it, the negations
# that turn a bound around (不得超过) and the words that may stand between (达到了)
_CUES = comparator_cues()
_PRE_CMP = _CUES.before
_POST_CMP = {w: c for w, c in _CUES.after.items()}


# Fragments, each with a sample it must match (checked in tests/extract/test_percentages.py).
PRE = alternation(_PRE_CMP)  # 达到, 不低于, ≥
POST = alternation(_POST_CMP)  # 以上, 以内
# 以\n上: a comparator word after the ratio broken by a hard line wrap (a PDF's or a scan's lines)
POST_WRAPPED = "|".join(r"[ \t]*\n[ \t]*".join(map(re.escape, w))
                        for w in sorted(_POST_CMP, key=len, reverse=True) if len(w) > 1)
NEGATOR = alternation(_CUES.negators)  # 不得 (不得超过), 不宜
GAP = alternation(_CUES.gaps)  # 了 (达到了95%)
INCLUSIVE = r"\(含[^()]{0,8}\)"  # (含), (含40%): 40%(含40%)以上
# ％ and ／ too, for text that skipped the normalizer's full-width fold
SIGN_UNIT = r"[%％﹪](?![0-9A-Za-z])|‰|[/／](?:10|十)?万|[/／]10{4,5}(?![0-9])"  # %, ‰, /10万, /100000; not the %E5 of a URL
CN_FRACTION = r"百分之|千分之|十万分之|万分之"  # 百分之
CN_FRACTION_NUMBER = rf"(?:{ARABIC}|(?:{CN_NUMBER}|[○〇零])(?:点[〇○零一二三四五六七八九]+)?)"  # 九十, 九十点五, 90, ○点九
# 近3成, 2.5成: tenths written in digits (近九成 in words is no percentage: real-corpus annotation);
# not the 成 of 成员, 成为, 成果… that follows a count
TENTHS = r"(?P<tenth>(?:10|[0-9])(?:\.[0-9])?)成(?P<half>半)?(?![员为立果绩本效功熟长交品型都就年人])"  # 8成半 = 85
# 2个百分点, 0.5个百分点: a change of a ratio in percentage points (unit %)
POINTS = rf"(?P<points>{ARABIC})\s?个?百分点"
# 25。4%: a decimal point typed as the full stop (the sentence never ends between a digit and a %)
STOP_DECIMAL = r"[0-9]{1,3}。[0-9]{1,2}"
RATIO = (  # 70%, 17‰, 31/10万, 百分之九十, 3成, 2个百分点
    rf"(?P<num>{ARABIC}|{STOP_DECIMAL}(?=[%％﹪]))\s?(?P<unit>{SIGN_UNIT})"
    rf"|(?P<frac>{CN_FRACTION})(?P<cnnum>{CN_FRACTION_NUMBER})"
    rf"|{TENTHS}|{POINTS}"
)
# (it opens with its comparator word, a digit or the 百/千/十/万 of 百分之: the engine tries it only there)
PERCENT = opening_with(
    rf"(?:(?P<neg>{NEGATOR})?(?P<pre>{PRE})(?:{GAP})?\s?)?(?<![0-9.A-Za-z%])(?:{RATIO})"
    rf"(?:\s?(?:{INCLUSIVE})?(?P<post>{POST}|{POST_WRAPPED}))?",
    {w[0] for w in _PRE_CMP} | {w[0] for w in _CUES.negators} | set("0123456789百千十万"),
)

SAMPLES = {
    "PRE": ("达到", "不低于", "≥", "控制在"),
    "POST": ("以上", "以内", "及以下", "左右", "之内"),
    "NEGATOR": ("不得", "不宜", "严禁"),
    "GAP": ("了",),
    "INCLUSIVE": ("(含)", "(含40%)"),
    "SIGN_UNIT": ("%", "％", "‰", "/10万", "/十万", "/万"),
    "CN_FRACTION": ("百分之", "千分之"),
    "CN_FRACTION_NUMBER": ("九十", "九十点五", "90"),
    "TENTHS": ("3成", "2.5成"),
    "POINTS": ("2个百分点", "0.5个百分点", "3百分点"),
    "STOP_DECIMAL": ("25。4",),
    "RATIO": ("70%", "17‰", "31/10万", "百分之九十", "3成", "2个百分点"),
}

_UNITS = {"%": "%", "‰": "‰", "/10万": "/10万", "/十万": "/10万", "/万": "/万", "/100000": "/10万", "/10000": "/万",
          "百分之": "%", "千分之": "‰", "十万分之": "/10万", "万分之": "/万"}


def find_percentages(text: str, *, sections: Sequence[Section] = (), doc_type: str | None = None,
                     **_: object) -> Iterator[Mention]:
    """Yield ratios such as 70%以上, 17‰, 31/10万 with their comparator.

    >>> [(m.text, m.value["comparator"]) for m in find_percentages("分别控制在31/10万和17‰以内")]
    [('控制在31/10万', '<='), ('17‰以内', '<=')]
    """
    found = []
    # a plan's 由85%提升至92% is its goal; a report's (or a document of unknown genre) is a level reached
    reported = _REPORTED_IN_PLAN if doc_type and _PLAN_TYPE.search(doc_type) else _REPORTED
    for m in PERCENT.finditer(text):
        number = _number(m)
        if number is None:
            continue
        sign = m.group("unit") or m.group("frac")
        unit = _UNITS[sign.replace("％", "%").replace("﹪", "%").replace("／", "/")] if sign else "%"
        pre, post = m.group("pre"), m.group("post") and re.sub(r"\s", "", m.group("post"))
        word_start = m.start()
        if pre == "为" and text[m.start() - 1:m.start()] in _WORDS_ENDING_IN_WEI:
            pre, word_start = None, _number_start(m)  # 作为70%的…
        comparator = _POST_CMP[post] if post else None
        if pre and (not post or (comparator == "=" and _PRE_CMP.get(pre) not in (None, "="))):
            comparator = _PRE_CMP.get(pre)  # (达到70%左右: the bound word governs a level given as about)
            if m.group("neg"):
                comparator = negate(comparator)  # 不得超过30%: <=
        if comparator == "=":  # 为/保持在/左右 state a level, not a bound: the real gold gives none
            comparator = None
        elif pre in _CHANGE_TO and not post and _reports_change(text, m.start(), reported):
            comparator = None  # 已提升至15.4%, 从19.6/10万下降到18.3/10万: a level reached, not a goal
        elif comparator is None and not pre:
            before = _clause_before(text, m.start())
            far = _FAR_PRE.search(before)
            while far and (nearer := _FAR_PRE.search(before, far.end(1))):
                far = nearer  # 超出部分不超过预算的10%: the bound word nearest the share governs it
            if not far and _CLOSES_PHRASE.match(text, m.end()):
                far = _FAR_PRE_BARE.search(before)  # 超过核定生产能力110%的,: those over the share
            if far and _GOAL_AFTER.match(text, m.end()):
                far = None  # 超过省政府下达的63%的目标任务: the bound is on the goal, not the ratio
            if far and far.group(1) in _CHANGE_TO and _reports_change(text, m.start(), reported):
                far = None  # 由2010年的30/10万降至2014年的21.7/10万: a level reached, as when adjacent
            if far:  # 不超过本校教工总数的40%: the bound governs the share of a named whole
                comparator = _PRE_CMP[far.group(1)]
                if negated_before(before, far.start(1)):
                    comparator = negate(comparator)  # 不宜超过预算的5%: <=
        start, end = word_start, m.end()
        if pre and not post and _PRE_CMP.get(pre) == "=":
            start = _number_start(m)  # 为 stays outside the text
        if (not pre and m.group("num") and start and text[start - 1] in "-−"
                and (start == 1 or not re.match(r"[0-9A-Za-z.%‰)]", text[start - 2]))):
            number, start = -number, start - 1  # `| -6.4% |`, `同比分别-6.2%`: a fall written with its sign
        found.append([start, end, {"number": number, "unit": unit, "comparator": comparator}, pre, post])
    _share_comparators(text, found)
    for start, end, value, _pre, _post in found:
        yield Mention(type="percentage", start=start, end=end, text=text[start:end], value=value)


def _share_comparators(text: str, found: list) -> None:
    """达到95%、90%和85%以上: a list joined by 、/和/及/与 shares its leading or closing word."""
    i = 0
    while i < len(found):
        j = i
        while j + 1 < len(found) and text[found[j][1] : found[j + 1][0]] in _LIST_JOINERS:
            j += 1
        if j > i:
            closing = found[j][4] and found[j][2]["comparator"]
            leading = found[i][3] and found[i][2]["comparator"]
            shared = closing or leading
            for k in range(i, j + 1):
                if found[k][2]["comparator"] in (None, "=") and shared:
                    found[k][2] = dict(found[k][2], comparator=shared)
        i = j + 1


_LIST_JOINERS = ("、", "和", "及", "与")
# 为 is a comparator word only alone (为70%), never as the tail of 作为/认为/成为 (作为70%的…)
_WORDS_ENDING_IN_WEI = frozenset("作认成称因以行")
# verbs of a change to a level (提升至15.4%): a goal, unless the clause reports it (已, 从…, 了)
_CHANGE_TO = frozenset(w for w in _PRE_CMP if w[-1] in "到至" and w != "达到")
_REPORTED = re.compile(r"已|从|由|了")
_REPORTED_IN_PLAN = re.compile(r"已|了|以来")  # in a plan, 从/由 name the baseline of a goal
_PLAN_TYPE = re.compile(r"方案|规划|计划|意见|要点|纲要|措施|办法")  # doc_types that set goals
_CLAUSE_START = re.compile(CLAUSE_BREAK)
# 不超过本校教工总数的40%: a bound word, a named whole, 的, then the ratio
# (a bound verb of two characters or more: 达 alone may be the 达 of 达标, 最低 the adjective of
# 最低工资标准的80%)
_FAR_WORDS = [w for w, c in _PRE_CMP.items() if len(w) > 1 and c in (">=", ">", "<=", "<") and w[0] != "最"]
_FAR_PRE = re.compile(rf"({alternation(_FAR_WORDS)})"
                      r"[^,,。;;%‰为是]{1,24}的$")  # (不超过2023年度预算的40%: a year may name the whole)


# 超过矿井核定生产能力110%的,: a bound word, a named whole without 的, then the ratio closing a
# 的-phrase (those over 110 % of it)
_FAR_PRE_BARE = re.compile(rf"({alternation(_FAR_WORDS)})[^,,。;;%‰为是的]{{1,24}}$")
_CLOSES_PHRASE = re.compile(r"的(?=[,，;；。、])")
# 超过…的63.33%的目标任务: the ratio names a goal (its 目标, 任务, 指标), the object of the bound word
_GOAL_AFTER = re.compile(r"的(?:目标|任务|指标|要求|标准|控制线)")


def _clause_before(text: str, at: int) -> str:
    start = max(0, at - 40)
    cut = None
    for cut in _CLAUSE_START.finditer(text, start, at):
        pass
    return text[cut.end() if cut else start:at]


def _reports_change(text: str, at: int, reported: re.Pattern = None) -> bool:
    """Whether the clause before ``at`` reports the change (已提升至, 从19.6/10万下降到)."""
    return bool((reported or _REPORTED).search(_clause_before(text, at)))


def _number_start(m: re.Match) -> int:
    for group in ("num", "frac", "tenth", "points"):
        if m.group(group):
            return m.start(group)
    return m.start()


def _number(m: re.Match) -> float | None:
    if m.group("num"):
        return float(m.group("num").replace("。", "."))
    if m.group("tenth"):
        tenths = float(m.group("tenth")) + (0.5 if m.group("half") else 0.0)
        return round(tenths * 10, 2) if tenths <= 10 else None
    if m.group("points"):
        return float(m.group("points"))
    return parse_number(m.group("cnnum").replace("○", "〇"))  # 九十点五 -> 90.5, ○点四 -> 0.4
