"""The quantities of a clause that may be objectives: a number, its unit and its comparator.

A number becomes a candidate when it is a ratio (``70%``, ``17‰``, ``31/10万``, ``三分之一``), an
objective written in words (``减半``, ``零死亡``, ``nlp/data/target_words.tsv``), or a count or
duration governed by a comparator (``不少于40学时``, ``15个工作日内``) or by a planning verb
(``共设18个委派岗位``, ``举办4场咨询会``). Ordinals (``第3次``), years (``2019年``), sizes of a named
set (``等10个问题``), qualifiers (``5岁以下儿童``, ``不足3人的``) and stated levels (``占70%``,
``2017年的76.7岁``) are not. Cue words and units are data (``nlp/data/target_cues.tsv``,
``nlp/data/target_units.tsv``).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from nlp.extract.parties_lexicon import target_cues, target_units
from nlp.extract.targets_comparators import negate, negated_before
from nlp.extract.targets_context import is_stated_level, target_words
from nlp.numerals import ARABIC, ARABIC_GROUPED, CN_DIGITS, CN_NUMBER, parse_number
from nlp.text import alternation, opening_with

# ---- regex fragments, each with a sample it must match (tests/extract/test_targets.py) ------

RANGE_DASH = r"[—–\-~～至到]"  # 1—2个乡镇
RATIO_METRIC_END = r"(?:率|比例|比重|覆盖面|占比)"  # 满意率≥80 (a ratio written without its % sign)
AT_LEAST = r"(?:至少|最少|不少于|不低于)(?P<verb>[\u4e00-\u9fff]{1,3})$"  # 至少建成|2个: the adverb governs the verb
# 达到每千人口6张, 提高到每万名居民3名: the population a rate is counted on
PER_BASE = (r"每(?:十万|百|千|万|[1-9][0-9]{0,2}万?)(?:名|个|户)?"
            r"(?:常住人口|户籍人口|服务人口|人口|老年人|老人|居民|儿童|学生|职工|人|户)")
PER_HEAD = rf"(?:人均|每人|每名|每户|平均|年均|每年|每月|{PER_BASE})+"  # 提高到人均320元, 提高到每人每年600元: a per-head word between the comparator and its number
OCR_ARABIC = r"[1-9][0-9]*[Oo][0-9Oo]*(?![A-Za-z])"  # 1O0O, 32O: a zero typed or scanned as the letter O
CN_DECIMAL = r"[〇零一二两三四五六七八九十百千]+(?:点[〇零一二三四五六七八九]+)?"  # 九十点五
FRACTION = rf"(?P<den>[一二三四五六七八九十百千万]+)分之(?P<part>{CN_DECIMAL})"  # 三分之一, 百分之九十
BOUND_NAME = re.compile(r"上限|下限")  # 下限为1人: a named bound governs the count
DECREASE = ("下降", "降低", "减少", "压减", "缩短")  # change verbs that bring a level down
# verbs that grant an amount (给予20万元, 每人每月补贴300元): money they govern is a planned amount
GRANT = r"给予|奖励|补贴|补助|奖补|资助|扶持|拨付|安排"  # 给予
# a grant to each recipient, its verb just before the amount or its noun just after (给予每家200万元补助,
# 分别给予100万元、50万元奖励, 最高可给予100万元支持): a reward or subsidy a rule sets, not an objective
# (gold/README: reward and subsidy amounts are no targets; a budget 安排/投入 in total is one)
GRANTED_TO_EACH = re.compile(r"(?:给予|奖励|补贴|补助|奖补|资助)(?:每[^,。;0-9]{0,4}|一次性|分别|最高|最多|可|不超过)*$")
GRANT_NOUN_AFTER = re.compile(r"的?(?:奖励|补助|补贴|资助|奖补|奖金|支持)")
# a price or fee per unit of work or time (每小时, 每千字, 每场): a capped one is a rule's level
PRICE_PER_UNIT = re.compile(r"每(?:[0-9一二两三四五六七八九十百千万]*(?:小时|千字|字|场|次|篇|件|天|日|课时|节|页))[^0-9,。;]{0,6}$")
NOT_GRANTED = r"共计|合计|违规|违纪|套取|挪用|私自|骗取|名义"  # 违规发放补贴共计21.6万元: a record of misuse
MONEY = r"投入|经费|资金|预算|补助|补贴|奖励|拨付|元"  # 投入约2.1亿 is 2.1 亿元
# a count whose noun then comes to completion (100个示范社区全面建成): the verb after the noun plans the count
COMPLETED_AFTER = re.compile(r"[^,。;、0-9%]{2,20}?(?:全面|全部|基本|均|都|如期|按期)?(?:建成|建设完成|完成建设|投入使用|投用)(?![的率])")
NAMED_GOAL = r"(?:目标|目标值|指标)(?:是|为|[::])$"  # 今年目标为|1500次: a count named as the goal
BOUND_WORDS = ("至少", "最少", "不少于", "不低于", "不超过", "最多", "至多", "不多于")  # 不少于|一名: 一 is a number
PER_PERIOD = r"每(?:次|天|日|周|月|年|学期|人)$"  # 每次|30分钟以上: a duration per occasion is a floor
HALF = r"半(小时|钟头|月)(?P<after>以内|之内|内|以上|左右)?"  # (一个)半小时: and a half
HALF_UNITS = {"小时": "小时", "钟头": "小时", "月": "个月"}
FREQUENCY_UNITS = ("次", "批", "期", "轮", "场")  # units that count events
QUALIFIER_AFTER = ("以上", "以下", "及以上", "及以下")  # 5岁以下儿童: a range of a noun, no objective
AGE_UNITS = ("岁", "周岁")  # 拥有3岁以下婴幼儿托位: an age range names a group of people, whatever verb precedes

SAMPLES = {
    "RANGE_DASH": ("—", "-", "至"),
    "RATIO_METRIC_END": ("率", "比例"),  # the ending of 满意率, 比例
    "AT_LEAST": ("至少建成",),
    "PER_BASE": ("每千人口", "每千名老年人", "每万名居民", "每10万人口"),
    "PER_HEAD": ("人均", "年均", "每人每年", "每千人口"),
    "GRANT": ("给予", "奖励"),
    "OCR_ARABIC": ("1O0O", "32O"),
    "CN_DECIMAL": ("九十", "九十点五"),
    "FRACTION": ("三分之一", "百分之九十", "千分之五"),
    "MONEY": ("投入", "经费"),
    "PER_PERIOD": ("每次", "每天"),
    "HALF": ("半小时", "半月以内"),
    "NAMED_GOAL": ("今年目标为", "年度指标:"),
}

# other forms of a unit sign (the small and the full-width percent sign)
_UNIT_FORMS = {"﹪": "%", "％": "%"}
# the unit of a fraction by its denominator; any other denominator is read as a percentage
_FRACTION_UNITS = {"百": "%", "千": "‰", "万": "/万", "十万": "/10万"}


class Quantity(NamedTuple):
    start: int  # of the number (or its comparator word) in the clause
    end: int
    number: float
    unit: str
    comparator: str | None
    unit_written: bool = True
    time_limit: bool = False  # 15个工作日内: due only where a rule's modal verb governs it


@cache
def units() -> dict[str, str]:
    """Unit -> kind; a count unit is also read after 万/亿/万亿 (2000万套, 5亿人, 1.3万亿斤)."""
    table = target_units()
    out = dict(table)
    for unit, kind in table.items():
        if kind == "count" and unit[0] not in "万亿":
            for big in ("万", "亿", "万亿"):
                out.setdefault(big + unit, kind)
    return out


@cache
def patterns() -> dict[str, re.Pattern]:
    """The quantity pattern and its helpers, built once from the cue and unit tables."""
    cues = target_cues()
    unit = alternation(units())
    before = alternation(cues["before"])
    after = alternation(cues["after"])
    number = rf"(?:{ARABIC_GROUPED}|{OCR_ARABIC}|{ARABIC}|{CN_NUMBER}(?:点[〇零一二三四五六七八九]+)?|半)"
    # 控制在31/10万以内, ≥95%, 1—2个, 不少于40学时, 三分之一以上, 70.3、 (a table's ratio, then item 3、)
    # (a space may stand on either side of a number: 至少 75%, 联系 2 户以上, as Hong Kong texts set it)
    quantity = (rf"(?<![0-9/])(?:(?P<before>{before})(?:{PER_HEAD})?[ ]?)?(?:{FRACTION}|(?P<num>{number})"
                rf"(?:{RANGE_DASH}(?P<num2>{number}))?(?:[ ]?(?P<unit>{unit}))?(?:{RANGE_DASH}(?P<num3>{number})(?P=unit))?)"
                rf"(?:[ ]?(?P<after>{after}))?")  # (20% 以上: a wrapped line's break, read as a space)
    # 不超过国家标准的三倍, 不超过上年的10%: the comparator governs a multiple or a share of a named whole
    times = (rf"(?P<before>{before})(?P<gap>[^,。;、%‰]{{1,24}}?的)(?P<num>{number})"
             rf"(?P<unit>倍|%|‰)(?![0-9])")
    # 床人比不低于1:1.6, 医护比达到1:2: a proportion bound by its comparator (the number is its second term)
    proportion = (rf"比(?:例)?(?:要|应|须|均|一般)?(?P<before>{before})\s?1\s?[:比]\s?"
                  r"(?P<num>[0-9]+(?:\.[0-9]+)?)(?![0-9.:%‰])")
    # 收入差距缩小到2.2∶1以内, 城乡收入比控制在2.5:1: a proportion to one, bound by its comparator
    # (the number is its first term; the unit is the rest, as written)
    to_one = (rf"(?P<before>{before})\s?(?P<num>[0-9]+(?:\.[0-9]+)?)\s?(?P<unit>[:∶]\s?1)(?![0-9.:∶%‰])"
              rf"(?:\s?(?P<after>{after}))?")
    # a quantity opens with its comparator or its number (0-9, 三, 十, 半, 三分之一)
    before_first = {w[0] for w in cues["before"]}
    return {
        "quantity": opening_with(quantity, before_first | set("0123456789" + CN_DIGITS + "半")),
        "times": re.compile(times),  # opens with a comparator word: the engine skips by itself
        "proportion": re.compile(proportion),  # opens with 比
        "to_one": re.compile(to_one),  # opens with a comparator word
        "words": re.compile(alternation(target_words())),
        "plan": re.compile(rf"(?:{alternation(cues['plan'])})(?![费])"),  # (not the noun 培训费, 建设费)
        "at_least": re.compile(AT_LEAST),
        "half": re.compile(HALF),
        "after": re.compile(after),
    }


# a numeral's value (the same few numerals recur: 1, 2, 10, 100, 三, 五): each read once
_number = lru_cache(maxsize=4096)(parse_number)


def clause_quantities(clause: str, *, labelled: bool = False) -> list[Quantity]:
    """The candidate objectives of one clause, in order; ``labelled`` when the clause gives the
    value of a quota named just before it (推荐人数:1人)."""
    pats = patterns()
    cues = target_cues()
    found: list[Quantity] = []
    for m in pats["times"].finditer(clause):
        number = _number(m.group("num"))
        if number is None or (m.group("unit") != "倍" and not m.group("num")[0].isdigit()):
            continue
        comparator = cues["before"][m.group("before")]
        if m.group("unit") != "倍" and (len(m.group("before")) < 2 or m.group("before")[0] == "最"):
            continue  # 达标医院的80%, 按最低工资的80%: 达 and 最低 may be parts of words
        if comparator is None or comparator == "=":
            continue  # 提高全市的10%: a change by an amount, not a bound
        if negated_before(clause, m.start()):
            comparator = negate(comparator)  # 不宜超过预算的5%
        found.append(Quantity(m.start("num"), m.end(), number, m.group("unit"), comparator))
    for m in pats["proportion"].finditer(clause):
        comparator = cues["before"].get(m.group("before"))
        if comparator in (None, "="):
            continue
        if negated_before(clause, m.start("before")):
            comparator = negate(comparator)
        found.append(Quantity(m.start("before"), m.end(), float(m.group("num")), "", comparator))
    for m in pats["to_one"].finditer(clause):
        if any(q.start <= m.start("num") < q.end for q in found):
            continue
        comparator = (cues["after"].get(m.group("after")) if m.group("after") else None) or cues["before"].get(m.group("before"))
        if comparator in (None, "="):
            continue
        if negated_before(clause, m.start("before")):
            comparator = negate(comparator)
        unit = re.sub(r"\s", "", m.group("unit")).replace("∶", ":")  # (2.2∶1, the ratio sign, as 2.2:1)
        found.append(Quantity(m.start("before"), m.end(), float(m.group("num")), unit, comparator))
    for m in pats["words"].finditer(clause):
        word = target_words()[m.group(0)]
        if not is_stated_level(clause[:m.start()]):
            found.append(Quantity(m.start(), m.end(), word.number, word.unit, word.comparator))
    taken = [(q.start, q.end) for q in found]
    taken_until = 0
    planned = labelled  # a planning verb or a planned count earlier in this clause
    shared_cmp = None  # 分别控制在31/10万和17‰以内: one comparator for the whole list
    for m in pats["quantity"].finditer(clause):
        if m.start() < taken_until or any(a <= m.start() < b or a < m.end() <= b for a, b in taken):
            continue
        q = _read(clause, m, planned)
        if q is None:
            continue
        q, kind = q
        if q.comparator is None and "分别" in clause[:m.start()] and shared_cmp:
            q = q._replace(comparator=shared_cmp)
        if q.comparator is None and "分别" in clause[:m.start()] + clause[m.end():]:
            q = q._replace(comparator=_following_comparator(clause, m.end()))
        if q.comparator and "分别" in clause:
            shared_cmp = q.comparator
        if kind != "ratio":
            planned = True
        found.append(q)
        taken_until = q.end
    found.sort()
    return found


def _read(clause: str, m: re.Match, planned: bool) -> tuple[Quantity, str] | None:
    """The quantity of one match and its unit kind, or None when it is no objective."""
    pats = patterns()
    cues = target_cues()
    before, after = m.group("before"), m.group("after")
    prefix = clause[:m.start()]
    comparator = cues["before"].get(before) if before else None
    if comparator and negated_before(clause, m.start()):
        comparator = negate(comparator)  # 不宜超过30天, 不能低于3次: the negation turns the bound around
    at_least = None if before else pats["at_least"].search(prefix[-8:])
    if at_least:  # 每个乡镇卫生院至少建成2个特色科室: the adverb binds the count through its verb
        before, comparator = at_least.group(0)[:-len(at_least.group("verb"))], ">="
    if m.group("den"):  # 三分之一 -> 33.33 %
        den, part = _number(m.group("den")), _number(m.group("part"))
        if not den or part is None:
            return None
        unit = _FRACTION_UNITS.get(m.group("den"), "%")
        number = part if unit != "%" or m.group("den") == "百" else round(100 * part / den, 2)
        num_text, q_end, kind, unit_written = m.group("part"), m.end(), "ratio", True
    else:
        num_text, unit = m.group("num"), m.group("unit")
        unit = _UNIT_FORMS.get(unit, unit)  # 20﹪ is 20%
        is_cn = not num_text[0].isdigit()
        if is_cn and not unit:
            return None
        if is_cn and unit and len(num_text) > 1 and num_text[-1] in "万亿" and unit[0] not in "万亿":
            num_text, unit = num_text[:-1], num_text[-1] + unit  # 五十万元 is 50 万元, as 50万元 is
        if num_text[0].isdigit():
            num_text = num_text.replace("O", "0").replace("o", "0")
        number = 0.5 if num_text == "半" else _number(num_text)
        if number is None:
            return None
        q_end, unit_written = m.end(), bool(unit)
        half = pats["half"].match(clause, m.end()) if unit == "个" and not after else None
        if half:  # 不超过一个半小时: one and a half hours
            number, unit, q_end = number + 0.5, HALF_UNITS[half.group(1)], half.end()
            after = half.group("after")
        if not unit and not before and _is_bare_share(clause, m):
            unit = "%"  # 2、95的社区卫生服务中心纳入…: a table's share that lost its % sign
        elif not unit and before and after in ("以内", "以下", "以上", "之内") and not is_cn:
            # 控制在0.011以内: a bounded figure whose unit the text leaves out; 收入倍差缩小到1.7以内: a multiple
            unit = "倍" if re.search(r"倍差[^0-9]{0,4}$", prefix) else ""
        elif not unit:
            # a table's ratio without its sign: 比例≥70, 认同率≥50 (a grading band >1.2≥1<1 is not)
            if before not in ("≥", ">=", "≤", "<=", ">", "<"):
                return None
            if not re.search(RATIO_METRIC_END + r"[^0-9]{0,2}$", prefix):
                return None
            if re.fullmatch(r"[0-9]+\.[0-9]", num_text) and clause[m.end():m.end() + 1] == "、":
                # 比例≥70.3、有经常性…: the ".3、" is the next item's marker
                number = float(num_text.split(".")[0])
                q_end = m.end() - 2
            unit = "%"
        if unit in ("万", "亿") and re.search(MONEY, clause):
            unit += "元"  # 投入约2.1亿: an amount of money
        kind = units().get(unit, "count")
        per = _PER.match(clause, q_end) if unit and kind == "count" and not after else None
        if per:  # 507公里/万平方公里, 12平方米/人, 0.06毫克/标准立方米: a unit per a unit is one unit
            unit, q_end = unit + per.group(), per.end()
            tail = pats["after"].match(clause, q_end)  # (0.20毫克/标准立方米以下)
            if tail:
                after, q_end = tail.group(), tail.end()
        if _not_a_figure(clause, m, unit, number, kind):
            return None
    bounds = BOUND_NAME.findall(prefix) if not comparator else None
    if bounds:  # 总人数下限为…1人, 上限比例为5%: the nearest bound named before the figure
        comparator = "<=" if bounds[-1] == "上限" else ">="
    if after and comparator in (None, "="):  # (保持在90%以上: the bound after the level binds)
        comparator = cues["after"][after] or comparator
    elif before in DECREASE and comparator is None and not (m.group("num2") or m.group("num3")):
        comparator = "<="  # 投诉量较2023年下降30%: the level must come down
    if comparator == "=":
        comparator = None  # 200人左右: a level, not a bound
    if comparator is None and is_stated_level(prefix):
        return None  # 占所有火灾之72.9%, 由2017年的76.7岁: a stated level, not an objective
    if comparator is None and prefix.endswith(("从", "由")) and _CHANGES_TO.match(clause, q_end):
        return None  # 死亡率从8.1‰降至5.4‰: the level a change starts from (its end may be one)
    if clause.endswith("的") or re.match(r"[0-9]", clause[q_end:q_end + 1]):
        return None  # 无法实现100%封闭化管理的, 100人以内1人: a condition, not an objective
    if (_in_parentheses(prefix) and not before and not _after_plan_verb(prefix) and not planned
            and not prefix.endswith("按")):  # (按20%比例推荐): a quota, not a quoted figure
        return None  # 新北市(5.67%), 锦标赛(16~17岁): a figure quoted beside a name
    if kind == "ratio":
        if prefix.endswith("个"):  # 三个70%: a slogan naming the targets, not one of them
            return None
        if comparator == "<" and clause[q_end:q_end + 1] in ("的", "之"):
            return None  # 设置率未达10%之地方政府: the ratio qualifies a noun
    elif not _count_is_objective(clause, m, kind, before, after, q_end, planned):
        return None
    else:
        reaches = _REACHES.match(clause, q_end, q_end + 4) is not None
        if reaches and not comparator:
            comparator = ">="
    if unit in FREQUENCY_UNITS and number == 1 and comparator == ">=":
        return None  # 每家单位至少检查1次: doing a thing at least once is an action, not a quantity
    if (m.group("num2") or m.group("num3")) and not comparator:
        comparator = ">="  # 选择1—2个乡镇: the lower bound binds
    if unit.endswith("元") and before in (None, "最高", "最多") and _granted_to_each(clause, m.start(), q_end):
        return None  # 对新认定的实验室给予每家200万元补助: a reward or subsidy
    if unit.endswith("元") and comparator == "<=" and PRICE_PER_UNIT.search(clause, max(0, m.start() - 12), m.start()):
        return None  # 演讲费每小时不得超过5,000元: a regulated price or fee, a rule's level (no objective)
    start = m.start() if before and not at_least else m.start("part") if m.group("den") else m.start("num")
    time_limit = kind == "duration" and not before and after in ("内", "以内", "之内")
    return Quantity(start, q_end, number, unit, comparator, unit_written, time_limit), kind


# the denominator of a unit per a unit: per person, per year, per area or volume
_PER = re.compile(r"/[万千百十]?(?:平方公里|平方米|标准立方米|立方米|公顷|亩|千米|公里|吨|人口|人|户|床|年|月|天|日|小时)(?![\u4e00-\u9fff]?[0-9])")


def _granted_to_each(clause: str, start: int, end: int) -> bool:
    """Whether money is granted to its recipients (给予每家200万元补助, 100万元、50万元奖励)."""
    return bool(GRANTED_TO_EACH.search(clause, 0, start) or GRANT_NOUN_AFTER.match(clause, end))


def _not_a_figure(clause: str, m: re.Match, unit: str, number: float, kind: str) -> bool:
    """Ordinals (第3次), years (2019年), dates (5月10日), anniversaries (90周年), named sets (等10个)."""
    prefix = clause[:m.start("num")]
    nxt = clause[m.end("unit"):m.end("unit") + 1] if m.group("unit") else ""
    if prefix.endswith("第"):
        return True
    if unit == "年" and number >= 1000:
        return True
    if unit == "年" and _CAMPAIGN_NAME.match(clause, m.end("unit")):
        return True  # 专项整治三年行动, 五年规划: the years name a campaign, no objective
    if unit == "日" and (prefix.endswith("月") or nxt in ("前", "起", "至", "到", "-", "—")):
        return True
    if unit == "周" and nxt == "年":
        return True
    if kind != "ratio" and re.search(r"(?:等(?:共|计)?|各|每)$", prefix):
        return True  # 兼职等10个问题, 各30条措施, 每10万人: a list's size, a share-out, a rate's base
    if unit in ("万", "亿") and re.match(r"[\u4e00-\u9fff]", nxt):
        return True  # 3—5万居民: 万 multiplies the noun that follows
    if nxt in ("余", "多") or clause[m.end("num"):m.end("num") + 1] in ("余", "多"):
        return True  # 26.76万余元, 100多人: a reported amount, rounded
    return clause.startswith("不等", m.end())  # 800~900元不等: a spread, not a bound


_CAMPAIGN_NAME = re.compile(r"(?:行动|攻坚|规划|计划|专项|整治)")
# a change verb and its 到/至 right after a figure: 从8.1‰|降至, 由20人|减少到 (the figure is where it starts)
_CHANGES_TO = re.compile(r"\s*(?:的水平)?(?:(?:提高|提升|上升|增加|增长|扩大|下降|降低|减少|压减|缩短|缩小|延长)(?:到|至)"
                         r"|增至|升至|降至|降到|减至|跌至|[到至])")
_REACHES = re.compile(r"(?:都)?达到?(?![0-9])")  # (…都达到: the count reaches a level)
_PER_HEAD_OR_PERIOD = re.compile(r"每(?:人|年|季度?|月|周)")  # a quota per head or period


@cache
def _cue_words(kind: str) -> tuple[str, ...]:
    """The cue words of a kind (``plan_now``, ``plan``), as a tuple for one ``str.endswith``."""
    return tuple(target_cues()[kind])


def _count_is_objective(clause: str, m: re.Match, kind: str, before: str | None, after: str | None,
                        q_end: int, planned: bool) -> bool:
    """Whether a count or duration is governed as an objective (a comparator or a planning verb)."""
    num_text = m.group("num")
    is_cn = not num_text[0].isdigit()
    prefix = clause[:m.start()]
    nxt = clause[q_end:q_end + 1]
    plan_now = prefix.endswith(_cue_words("plan_now")) or (
        m.group("unit") in STAFF_UNITS and _STAFFED.search(prefix) is not None)  # 设总指挥1名: planned staffing
    per_period = kind == "duration" and bool(re.search(PER_PERIOD, prefix))
    quota = m.group("unit") not in AGE_UNITS and _PER_HEAD_OR_PERIOD.search(prefix) is not None
    if (after in QUALIFIER_AFTER and not before and re.match(r"[\u4e00-\u9fff]", nxt) and not per_period
            and not quota and (m.group("unit") in AGE_UNITS or not _after_plan_verb(prefix))):
        return False  # 5岁以下儿童, 拥有3岁以下婴幼儿托位: a range of a noun (but 选派10名以上骨干, and
        # a quota per head or period: 每人每年联系2户以上贫困户)
    if (kind == "duration" and not before and after not in ("内", "以内", "之内")
            and not (after in ("以上", "及以上") and per_period)):
        return False  # 居住期限3个月以上, 8小时: a qualifier (but 每次30分钟以上: a floor per occasion)
    if ((m.group("num2") or m.group("num3")) and m.group("unit") in AGE_UNITS and not before
            and re.match(r"[\u4e00-\u9fff]", nxt)):
        return False  # 0-6岁儿童, 65至74岁老年人: a range of ages names a group of people
    reaches = _REACHES.match(clause, q_end, q_end + 4) is not None
    planned_here = plan_now or bool(patterns()["plan"].search(prefix[-8:]))
    if (m.group("unit") and m.group("unit").endswith("元") and not is_cn and re.search(GRANT, clause)
            and not re.search(NOT_GRANTED, clause)):
        planned = True  # 对获评的给予一次性奖励10万元, 按每人每年2000元标准给予补助
    if is_cn and ((num_text == "一" and (m.group("before") not in BOUND_WORDS or clause.startswith("半", q_end))) or not (before or reaches or after in ("内", "以内", "之内")
                                          or (planned_here and len(num_text) > 1)
                                          or (after in _CN_BOUND_AFTER and len(num_text) > 1))):
        # 一项硬指标, 四个阶段, 都有一所: a Chinese count needs a comparator, or a planning verb just
        # before a written-out number (招聘护理人员二十名); 一 is 'a', unless a bound word sets it (不少于一名)
        return False
    if before == "达" and re.search(r"[0-9][0-9.]*[\u4e00-\u9fff]{1,2}$", prefix):
        return False  # 电梯2部达64万元, 达5家: 达 before a count reports an amount (人均预期寿命达82.4岁 is a level)
    if nxt == "的" and not (before in _FLOORS and _PER_HEAD_OR_PERIOD.search(prefix)):
        return False  # 党员人数不足3人的公立医院: the count describes a noun (but 每年撰写不少于2篇的心得: a quota)
    if re.match(r"(?:达|共|计)[0-9]", clause[q_end:q_end + 2]):
        return False  # 电梯2部达64万元: the count is what an amount was spent on
    if re.search(NAMED_GOAL, prefix):
        return True  # 今年目标为1500次: the count is named as the goal
    if kind == "count" and not is_cn and COMPLETED_AFTER.match(clause, q_end):
        return True  # 全市首批100个示范社区全面建成: the count is what must be completed
    if plan_now and (q_end >= len(clause) or clause[q_end] in "、,。"):
        plan_now = False  # xx、xx设1名, (the noun is missing)
    return bool(before or after or plan_now or reaches or planned or m.group("num2") or BOUND_NAME.search(prefix)
                or patterns()["plan"].search(prefix))


_FLOORS = frozenset({"不少于", "不低于", "至少", "不得少于", "不应少于"})  # a quota's floor before its count
# a bound written after a written-out number of two or more characters (五百港元为上限, 二十人以上)
_CN_BOUND_AFTER = frozenset({"为上限", "为下限", "以上", "以下", "及以上", "及以下", "或以上", "或以下"})


def _in_parentheses(prefix: str) -> bool:
    """Whether a figure stands inside a parenthesis opened just before it (新北市(5.67%), (户长55岁以上))."""
    opened = prefix.rfind("(", max(0, len(prefix) - 8))
    return opened >= 0 and ")" not in prefix[opened:]


# 指挥部设总指挥1名, 每个科室设兼职安全员1名: 设 then the post, then how many hold it (not 建设, 开设…)
_STAFFED = re.compile(r"(?<![建开铺架预假敷增陈摆])设(?:置)?[\u4e00-\u9fff]{1,8}$")
STAFF_UNITS = frozenset({"名", "人"})


def _after_plan_verb(prefix: str) -> bool:
    """Whether a planning verb (选派, 共设) ends ``prefix``."""
    return prefix.endswith(_cue_words("plan_now")) or prefix.endswith(_cue_words("plan"))


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
            return None if cmp == "=" else cmp
    return None
