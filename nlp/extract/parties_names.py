"""Names for the party extractor: what counts as a party's name, its kind and the role its post gives.

Input is a candidate string cut from a document by ``parties.py``; output is a yes/no
(``is_name``), the kind of its ending (``name_kind``: body, group, office, unit, place, person,
from ``org_suffixes.tsv``), the person after a post (``post_person``) and the role a cue gives
it (``role_for``, from ``roles.tsv``); and where a name ends in running text (``name_end``) and
how a run of names splits into parties (``split_names``, ``name_list``, ``top_pieces``, all on the one
bracket-aware splitter ``bracket_pieces``: a separator inside quotes or brackets splits nothing).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from nlp.extract.parties_lexicon import non_parties, org_suffixes, party_posts, role_words, short_units
from nlp.extract.parties_people import is_person_name
from nlp.text import COMMAS

# words that open a clause but never a name: 根据市委…, 按照…, 使…, 把…
NOT_NAME_START = ("根据", "按照", "严格按照", "关于", "使", "以", "把", "坚决", "严格", "对", "在", "经",
                  "向", "为", "将", "从", "与", "让", "其", "统计", "排队", "方法", "通过", "结合", "围绕",
                  "加强", "广大", "其他", "其它", "相应", "有关", "所有", "凡", "确保", "组织", "坚持", "下设",
                  "设立", "成立", "确定", "了", "形成", "实行", "建立", "落实", "督促", "要求",
                  "推动", "动员", "引导", "鼓励", "支持", "帮助", "会同", "开展", "所在",
                  # verbs and connectives that open a clause, not a name: 召开院办…, 协助学校党委…
                  "召开", "传达", "追究", "参加", "参与", "协助", "履行", "配合", "明确", "出席", "邀请",
                  "邀集", "带头", "要", "强调", "接受", "收受", "庆祝", "收听", "择优", "尤其", "而是", "私下",
                  "由", "也可", "会议", "所带", "志愿", "强化", "严禁", "禁止", "不得", "不愿", "有条件",
                  "认真", "切实", "务必", "尽快", "及时", "全面负责", "配备", "指定", "安排", "设置",
                  "分别", "控制", "创建", "争创", "推进", "深化", "做好", "申请",
                  # a clause's speaker, wish, condition or verb before its object (表示某镇党委…,
                  # 希望某单位…, 我们要求各单位…, 虽然部门负责人…, 提报某小组…, 聚焦餐饮企业…)
                  "表示", "希望", "我们", "虽然", "但", "只要", "这也是", "这些", "提报", "聚焦", "遵守",
                  "推行", "参照", "转发", "没有", "未有", "立即", "积极", "现要求", "借此", "包括", "承担",
                  "完成", "采取", "任何", "本案", "存在", "高质量", "提请", "每季度", "请求",
                  # a verb that orders or tells before its object (责令有关单位…, 指出医院将…)
                  "责令", "指出", "约谈", "提醒", "指导", "引入",
                  # a clause's verb or passive before its object (作为安全监管部门, 印发某县…, 调整某区…,
                  # 实现室内公共场所…, 被通报的单位, 案经某市政府, 嗣原处分机关)
                  "作为", "印发", "调整", "实现", "被", "案经", "嗣",
                  # a proposal, a copy sent, a past post (建议强化医疗机构…, 知会政风处, 时任乡党委副书记)
                  "建议", "知会", "时任",
                  # a clause's "but" and a host's 之 before the name (惟某局表示…, 主办之某院负责…)
                  "惟", "主办之", "承办之", "协办之",
                  # an adverb before the verb, not a name's first word (实地组织…, 重点督导各地…, 只是…)
                  "实地", "只是", "重点督导", "重点检查", "重点排查", "突击巡查", "突击检查", "负责组织",
                  # a group's duty, not its name: (下设办公室,)负责领导小组日常工作
                  "负责领导小组", "负责小组", "负责专班")
# words that open a name although a clause opener starts them: 经济功能区管委 (经…研究 is a clause)
NAME_START_OK = ("经济", "经开", "经贸", "经信", "对外", "在京", "以色列", "组织部", "组织人事", "统计局", "统计暨",
                 "指导组", "指导小组", "指导中心", "指导站",
                 "推进委员会", "推进办", "向阳")


def opens_clause(name: str) -> bool:
    """``根据市委…``, ``按照…``: ``name`` opens with a word that opens a clause, not a name."""
    return name.startswith(NOT_NAME_START) and not name.startswith(NAME_START_OK)


# a number with its measure word counts units, it names none: 与42个科室签订责任书
COUNT = r"[0-9一二三四五六七八九十百千两几多]+(?:个|家|名|所|项|位|支|批|类|处)"  # at a name's start
NAME_STOP = (r"(?:[,。;:、!?)\n和及与或]|$|\(见|挂靠|负责|领导|下设|对|为|具体|要|将|研究|统一"
             r"|实行|开展|进行|的|在|于|按照|根据|并|,|备案|审查|洽询|咨询|联系|信箱|邮箱"
             r"|副?组\s*长|等|跟进|带队|率队|带领|率领|责成|(?:全体)?(?:工作|执法|相关|技术|医务|管理|值班)人员|干部职工)")  # 某领导小组组长:… (a flattened label), 某局等部门  # 领导小组,下设… ends 领导小组
# a verb that ends the subject or object before it: 各定点医药机构对照清单自查, 会同纪检组采取…方式
VERB_AFTER = (r"(?:抽调|结合|对照|组成|采取|深入|共同|联合|会同|协助|配合|参加|参与|制定|建立|落实|完成"
              r"|做好|抓好|加强|组织|召开|督促|指导|检查|排查|整改|上报|报送|认真|严格|全面|逐|立即|及时"
              r"|按|依法|派出|成立|针对|围绕|做到|确保|坚持|把|向|与|审核|审批|受理|办理|评审|汇总|核实|核查|实施"
              r"|发放|统计|收集|跟进|调查|处理|持续|聚焦|立足|紧盯|紧扣)")
_COUNT_RX = re.compile(COUNT)
_NOTE_RX = re.compile(r"简称|以下|为准|附件|见")  # a bracketed note that is no part of a name
_STOP_RX = re.compile(NAME_STOP)
_BRACKET_TAIL = re.compile(r"\([^()]*\)$")
_LIST_STOP_RX = re.compile(rf"{NAME_STOP}|{VERB_AFTER}")


@cache
def suffix_list() -> tuple[str, ...]:
    return tuple(sorted(set(org_suffixes()) | set(role_words()), key=len, reverse=True))


@cache
def _suffixes_by_last_char() -> dict[str, tuple[str, ...]]:
    """The name endings grouped by their last character, so a position checks only a few."""
    groups: dict[str, list[str]] = {}
    for suffix in suffix_list():
        groups.setdefault(suffix[-1], []).append(suffix)
    return {ch: tuple(words) for ch, words in groups.items()}


@cache
def post_words() -> tuple[str, ...]:
    """Posts held by a person (roles.tsv, and the person endings of org_suffixes.tsv), longest first."""
    words = set(role_words()) | {w for w, kind in org_suffixes().items() if kind == "person"}
    return tuple(sorted(words, key=len, reverse=True))


def post_person(name: str) -> str | None:
    """``局长席家庄`` -> ``席家庄``: a post written before a person's name."""
    bare = name[2:] if name.startswith(("分管", "常务")) else name  # 分管副局长何某: 分管 qualifies the post
    for word in _held_posts():
        if bare.startswith(word) and is_person_name(bare[len(word):]) and len(bare) - len(word) <= 3:
            return bare[len(word):]
    for length in (3, 2):  # 卫生部部长高某: a unit, its post, then the person
        who, head = bare[-length:], bare[:-length]
        if is_person_name(who) and head.endswith(_all_posts()):
            return who
    return None


def unit_person(name: str) -> str | None:
    """``城建办吴某`` -> ``吴某``: a person written straight after their unit (a member list's
    ``城建办吴某、镇纪委李某为成员``), or None."""
    for length in (3, 2):
        who, head = name[-length:], name[:-length]
        if len(head) >= 2 and is_person_name(who) and is_name(head) and name_kind(head) in ("body", "unit", "office"):
            return who
    return None


@cache
def _held_posts() -> tuple[str, ...]:
    """The words of roles.tsv and the person endings of org_suffixes.tsv, longest first."""
    return tuple(sorted(set(role_words()) | person_posts(), key=len, reverse=True))


@cache
def _all_posts() -> tuple[str, ...]:
    """Every post word (roles.tsv, the person endings, party_posts.tsv), for one ``endswith``."""
    return tuple(person_posts() | set(role_words()) | set(party_posts()))


def person_then_post(name: str) -> int | None:
    """``陈某副省长``, ``刘某省教育厅副厅长`` -> 2: the length of a person's name typed straight before
    the post (a roster's line that lost its space), or None. The name is two or three characters
    opening with a family name and no common word; when both lengths read, jieba's cut decides."""
    if "、" in name and 4 <= len(name) <= 30:  # 阎某市委副书记、市长: the name before the first of its posts
        head, *more = name.split("、")
        posts = _all_posts()
        return person_then_post(head) if all(p and p.endswith(posts) for p in more) else None
    if not 4 <= len(name) <= 30 or not re.fullmatch(r"[\u4e00-\u9fff]+", name):
        return None
    from nlp.extract.parties_people import common_word, tokens

    posts = _all_posts()
    fits = [k for k in (2, 3) if len(name) - k >= 2 and is_person_name(name[:k]) and not common_word(name[:k])
            and name.endswith(posts)]
    if len(fits) < 2:
        return fits[0] if fits else None
    opens = [k for k in fits if name[k] in _LEVEL_OPENERS or name[k:].startswith(posts)]  # 省…, 副省长
    if len(opens) == 1:
        return opens[0]
    bounds = {b for _, b, _, _ in tokens(name)}
    cut = [k for k in fits if k in bounds]
    return cut[0] if len(cut) == 1 else None


def glued_roster(run: str, least: int = 2) -> list[tuple[int, int]]:
    """``姜某国土部部长丁某国务院副秘书长马某统计局局长`` -> [(0, 3), (10, 13), (20, 23)]: the
    people of a roster whose lines were run together, each name typed straight before its unit and
    post. The run is cut into the most pieces ``person_then_post`` reads, from its start (a leading
    post, the tail of a line broken by the page, is passed over); past a piece it cannot read (a
    post it does not know), the reading starts again after the next post's last character. []
    unless ``least`` or more read."""
    n = len(run)
    if n < 8 or not re.fullmatch(r"[\u4e00-\u9fff]+", run):
        return []
    posts = post_words()
    pos = next((len(w) for w in posts if run.startswith(w)), 0)  # `副部长杜某…`: a broken line's post
    out: list[tuple[int, int]] = []
    while pos < n:
        end, pieces = _chain(run, pos, posts)
        out += pieces
        if not pieces:
            # (董某审计署副审计长李某…: 副审计长 unknown) the next start after a post's last character
            nxt = next((p for p in range(pos + 4, n - 3) if run[p - 1] in _POST_LAST
                        and _chain(run, p, posts)[1]), None)
            if nxt is None:
                break
            end = nxt
        pos = end
    return out if len(out) >= least else []


def _swallows(run: str, i: int, j: int) -> bool:
    """The piece ``run[i:j]`` holds the next person's piece after a post of its own (董某审计署
    副审计长李某统计局副局长): no one piece."""
    return any(run[m - 1] in _POST_LAST and person_then_post(run[m:j]) for m in range(i + 6, j - 3))


_POST_LAST = "长员师任记理官"  # the last character of most posts (局长, 成员, 工程师, 主任, 书记, 总理)


def _chain(run: str, i0: int, posts: tuple[str, ...]) -> tuple[int, list[tuple[int, int]]]:
    """The longest run of name+unit+post pieces from ``i0``: (its end, the names' spans)."""
    best: dict[int, list[int]] = {i0: []}
    n = len(run)
    for i in range(i0, n):
        if i not in best:
            continue
        for j in range(i + 4, min(n, i + 30) + 1):
            if j in best and len(best[j]) > len(best[i]):
                continue
            if run.endswith(posts, i, j) and person_then_post(run[i:j]) and not _swallows(run, i, j):
                best[j] = best[i] + [i]
    end = max(best)
    starts = best[end]
    return end, [(i, i + person_then_post(run[i:j])) for i, j in zip(starts, starts[1:] + [end])]


_LEVEL_OPENERS = "省市县区州旗盟镇乡团中国"  # the first character of a unit after a person's name


@cache
def person_posts() -> frozenset[str]:
    return frozenset(w for w, kind in org_suffixes().items() if kind == "person")


def normalize_name(name: str) -> str:
    """``王 军`` -> ``王军``: names are written without inner spaces; a stray quote mark (one not
    paired, ``平安生产月〞活动领导小组``) is dropped, a paired one kept (``“双创双建”工作领导小组``)."""
    if _TO_NORMALIZE_RX.search(name) is None:
        return name  # no space and no quote mark (most names): nothing to do
    name = _SPACES_RX.sub("", name)
    if ("〞" in name or "〝" in name or name.count("“") != name.count("”")) and not _QUOTED_RX.fullmatch(name):
        name = _QUOTE_RX.sub("", name)
    return name


_QUOTE_RX = re.compile(r"[“”〝〞]")
_TO_NORMALIZE_RX = re.compile(r"[\s“”〝〞]")  # what normalize_name changes or reads
_QUOTED_RX = re.compile(r"(?:[^“”〝〞]|“[^“”]*”|〝[^〝〞]*〞)*")


_SPACES_RX = re.compile(r"\s+")
# a venue after 在 (a place, not a part of the name), a heading's marker, 已 (a clause: …已办结), and
# words of a clause that no name holds (在本单位, 因故, 离开)
_NOT_A_NAME_RX = re.compile(r"(?<!所)在[^()]{1,20}(?:会议室|报告厅|礼堂|会堂|会场|大厅|多功能厅|活动室|学术厅|讲堂)$"
                            r"|^[一二三四五六七八九十]{1,3}、|已"
                            r"|在[本该我此]|因故|无故|离开|申请到|如果|如有"  # 学生因故离开学校必须…: a clause
                            # a clause's words inside a span cut at the wrong place: 我市这些三级公立医院,
                            # 某领域一直是党政机关, 我局还接受某委员会, 某局将加大与相关部门, 某中心迈向…
                            r"|这些|一直是|也是|还接受|将加大|迈向|不带进|实行各|采用政府|委托|征订|涉及到"
                            r"|继续联系|再创|进行个别|提到|通过迎接|所在(?:医院|单位|党组织|部门|学校)"
                            # an act joining one party to another: 某局按照某委…, 某某率某局…, 护士长某某到某处…
                            r"|(?<=[\u4e00-\u9fff]{2})(?:按照|围绕|率(?![领先])|(?<![报签])到(?!位))(?=[\u4e00-\u9fff]{2})"
                            # a body and what it issues, serves as or carries out: 某部发布某办法, 某局作为某委办公室, 某室展开跨部门…
                            r"|(?<=[\u4e00-\u9fff][部局委厅府署室处办所队])(?:发布|印发|下发|出台|作为|展开|开展)(?=[\u4e00-\u9fff]{2})")


@lru_cache(maxsize=1 << 16)
def is_name(name: str) -> bool:
    if not 2 <= len(name) <= 50 or name in non_parties():
        return False
    bare = re.sub(r"“[^“”]*”", "“”", name)  # “深入解放思想,解决发展课题”…领导小组: quoted text is free
    if (re.search(r"[,。;:!?《》【】了/]|[0-9]{3,}|^[的之0-9]|等(?:多个|部门|单位)|收受|接受|违规|责成|兼任|兼办公室", bare)
            or opens_clause(bare)):
        return False
    if re.search(r"(?:领导干部|党员干部|机关干部|各级领导|[任为]副?(?:组长|主任|成员)|以[^()]{1,12}为单位)$", bare):
        return False  # 各级党员领导干部要…: an exhortation to all; 院长任组长: a post's holder, said
    if _COUNT_RX.match(bare) or re.search(r"[0-9]+(?:个|家|名|所|项|位|支|批|类|处)|[一两二三四五六七八九十几每]名", bare):
        return False  # 本院8名中层干部: a number inside counts people too
    if _NOT_A_NAME_RX.search(bare):
        return False  # 某院在三楼会议室(召开…): a place of meeting; 二、工作机构: a heading; 已遵办: a clause
    if re.search(r"对(?![口外])", bare):
        return False  # 组织专家对辖区重点企业开展…: 对 opens the object of a verb, not a name
    if bare.endswith(("的", "和", "部署", "网站")) or bare.count("(") != bare.count(")") or "xxx" in bare.lower():
        # (…工作部署会: 部署 is the verb, not an organ's 署; 某某纪检监察网站: a site, no one)
        return False
    if re.search(r"(?:序号|任务|内容|事项|措施|时限)[^()]*(?:牵头|责任|配合|协办|主办|承办)(?:单位|部门|科室|股室|处室)$",
                 bare):
        return False  # 序号 工作任务 牵头单位: a task table's header, not a unit
    if bare.endswith("组织") and any(bare[:-2].endswith(s) and org_suffixes().get(s) in ("unit", "body", "office")
                                    for s in suffix_list()):
        return False  # 学校组织召开…: a unit that organises, not a 党组织
    return name_kind(name) is not None


@lru_cache(maxsize=1 << 16)
def name_kind(name: str) -> str | None:
    """The kind of the longest ending of ``name`` (body, group, office, unit, place, person).

    A bracketed note at the end does not count: 各医院(卫生院), …党委(总支、支部).
    (Cached: the lexicons are read once per process; only endings sharing the last character are
    tried, longest first, as in ``suffix_list``.)
    """
    name = _BRACKET_TAIL.sub("", name)
    if name in short_units():
        return short_units()[name]  # 警方, 县府: a short form with no ending of its own
    for s in _suffixes_by_last_char().get(name[-1:], ()):
        if name.endswith(s):
            return None if name in non_parties() else org_suffixes().get(s, "person")
    return None


def role_for(cue_role: str, name: str) -> str:
    """The role a cue gives ``name``; a post's own role wins over "responsible" (主要领导 leads)."""
    post = next((role for w, role in _roles_by_last_char().get(name[-1:], ()) if name.endswith(w)), None)
    if cue_role == "auto":
        if post:
            return post
        return "lead" if "领导" in name and name_kind(name) in ("group", "body") else "responsible"
    if cue_role == "responsible" and post in ("lead", "member", "contact"):
        return post
    if cue_role == "lead" and post in ("member",):
        return post
    if cue_role == "member" and post in ("lead", "responsible") and name.endswith(("单位", "部门")):
        return post  # 主要责任单位要与协同配合单位…: a unit named by its duty keeps it
    return cue_role


@cache
def _roles_by_last_char() -> dict[str, tuple[tuple[str, str], ...]]:
    """``(word, role)`` of roles.tsv filed under the word's last character, longest word first (a
    name can end only with the words filed under its own last character)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for w in sorted(role_words(), key=len, reverse=True):
        out.setdefault(w[-1], []).append((w, role_words()[w]))
    return {ch: tuple(ws) for ch, ws in out.items()}


def name_end(text: str, start: int, end: int, stop: re.Pattern | None = None) -> int | None:
    """The end of the first name-like run from ``start``: a known ending followed by a stop.

    Only the characters that matter are visited (quotes and brackets, which set the depth, and the
    last characters of name endings); any other character changes nothing.
    """
    stop = stop or _STOP_RX
    by_last = _ending_checks()
    depth = 0
    opened = start
    for m in _ending_char_rx().finditer(text, start, end):
        i = m.start()
        ch = text[i]
        if ch in "“(《〝":
            if not depth:
                opened = i if ch == "(" else start
            depth += 1
        elif ch in "”)》〞":  # “平安生产月〞: a page may close a quote with the other form
            depth = max(0, depth - 1)
        if depth:
            continue
        # “xx县乡镇卫生院会计委派指导中心”挂靠计财股: a quoted name ends at its closing quote;
        # 各乡镇(街道)持续…: a name with a note in brackets ends after them
        at = i if ch in "”〞" else opened if ch == ")" and opened > start else i + 1
        # text[start:at] ends with one of the endings (a tuple: one C-level test for them all)
        if at > start and text.endswith(by_last.get(text[at - 1], ()), start, at):
            if ch == ")" and _NOTE_RX.search(text, opened, i):
                return opened  # 某领导小组(以下简称领导小组): the name ends before its note
            if stop.match(text, i + 1, end) or i + 1 == end:
                return i + 1
    return None


@cache
def _ending_checks() -> dict[str, tuple[str, ...]]:
    """``_suffixes_by_last_char`` for a yes/no test: when the last character is an ending by
    itself (局, 组), it alone decides, and the longer endings need no look."""
    return {ch: (ch,) if ch in words else words for ch, words in _suffixes_by_last_char().items()}


@cache
def _ending_char_rx() -> re.Pattern:
    """A character that ends some name ending, or a quote or bracket (they set the depth)."""
    chars = set(_suffixes_by_last_char()) | set("“(《”)》〝〞")
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]")


@cache
def _name_last_char_rx() -> re.Pattern:
    """``_ending_char_rx`` and the last characters of the short units (交警)."""
    chars = set(_suffixes_by_last_char()) | set("“(《”)》〝〞") | {u[-1] for u in short_units()}
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]")


def may_end_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a character some name can end with (a name ending's last
    character, a short unit's, a quote or a bracket). Without one, no name of ``is_name``,
    ``name_end`` or ``name_list`` lies in the span: a cheap test before the work of reading one."""
    return _name_last_char_rx().search(text, start, end) is not None


OPENERS = "“(《[「"  # a separator inside quotes or brackets splits nothing: 各医院(卫生院、所)
CLOSERS = "”)》]」"


def bracket_pieces(text: str, start: int, end: int, cut, at: str | None = None) -> list[tuple[int, int]]:
    """The pieces of ``text[start:end]`` between separators outside quotes and brackets, empty
    pieces included. ``cut(i, piece_start)`` gives the length of the separator at ``i`` (0: none);
    ``at``, when given, holds every character at which ``cut`` may be non-zero: only those and the
    brackets are then visited (the same pieces, faster).

    >>> t = "甲局(乙、丙)、丁局"
    >>> [t[a:b] for a, b in bracket_pieces(t, 0, len(t), lambda i, _: t[i] == "、")]
    ['甲局(乙、丙)', '丁局']
    >>> [t[a:b] for a, b in bracket_pieces(t, 0, len(t), lambda i, _: t[i] == "、", "、")]
    ['甲局(乙、丙)', '丁局']
    """
    out, depth, p_start, i = [], 0, start, start
    visits = range(start, end) if at is None else (m.start() for m in _char_class(at).finditer(text, start, end))
    for j in visits:
        if j < i:
            continue  # inside the separator just cut
        ch = text[j]
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0 and (width := cut(j, p_start)):
            out.append((p_start, j))
            p_start = i = j + width
    out.append((p_start, end))
    return out


@lru_cache(maxsize=64)
def _char_class(chars: str) -> re.Pattern:
    """One of ``chars`` or a quote or bracket."""
    return re.compile("[" + re.escape("".join(sorted(set(chars) | set(OPENERS + CLOSERS)))) + "]")


def split_outside(text: str, start: int, end: int, separators: str) -> list[tuple[int, int]]:
    """The non-empty pieces of ``text[start:end]`` between ``separators`` outside brackets."""
    out, p = [], start
    if _BRACKETS_RX.search(text, start, end) is None:  # (most spans): every separator splits
        for m in _separators_rx(separators).finditer(text, start, end):
            if m.start() > p:
                out.append((p, m.start()))
            p = m.end()
    else:  # bracket_pieces' walk, its cut a separator of one character
        depth = 0
        for m in _char_class(separators).finditer(text, start, end):
            j = m.start()
            ch = text[j]
            if ch in OPENERS:
                depth += 1
            elif ch in CLOSERS:
                depth = max(0, depth - 1)
            elif depth == 0 and ch in separators:
                if j > p:
                    out.append((p, j))
                p = j + 1
    if end > p:
        out.append((p, end))
    return out


_BRACKETS_RX = re.compile("[" + re.escape(OPENERS + CLOSERS) + "]")


@lru_cache(maxsize=64)
def _separators_rx(chars: str) -> re.Pattern:
    return re.compile("[" + re.escape("".join(sorted(set(chars)))) + "]")


def strip_span(text: str, a: int, b: int) -> tuple[int, int]:
    """``(a, b)`` without the spaces at either end of ``text[a:b]``."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


_NAME_SEPARATORS = "、" + COMMAS + "和及与—"  # where split_names may cut a run of names
ETC_CLASS_RX = re.compile(r"等(?:有关|相关|其他)?(?:部门|单位|科室|处室|股室|机构|成员单位)\s*$")


def split_names(text: str, start: int, end: int, *, people: bool = False,
                ) -> list[tuple[int, int, str]]:
    """Split ``text[start:end]`` at 、/,/和/及/—— (outside brackets) into names; [] if any part is not one."""
    def cut(i: int, p_start: int) -> int:
        ch = text[i]
        if ch == "、" or ch in COMMAS:
            return 1
        if ch in "和及与" and i > p_start and is_name(normalize_name(text[p_start:i])):
            return 1  # 市住房和城乡建设局 is one name: 和 joins two only when the part before it is one
        return 2 if text.startswith("——", i) and i > p_start else 0

    if _char_class(_NAME_SEPARATORS).search(text, start, end) is None:
        parts = [(start, end)]  # no separator nor bracket: one piece, as bracket_pieces gives
    else:
        parts = bracket_pieces(text, start, end, cut, _NAME_SEPARATORS)
    shared = _shared_post(text, parts)
    if shared:
        return [shared]
    if len(parts) > 1:  # 综治办、派出所等部门: the list's class after 等 names no one more
        a, b = parts[-1]
        etc = ETC_CLASS_RX.search(text, a, b)
        if etc and etc.start() > a:
            parts[-1] = (a, etc.start())
    out = []
    for a, b in parts:
        a, b = strip_span(text, a, b)
        name = normalize_name(text[a:b])
        if is_name(name):
            out.append((a, b, name))
        elif non_parties().get(name) == "generic" and len(parts) > 1:
            continue  # 各级卫生行政部门和单位: the bare 单位 adds no one
        elif people and is_person_name(name) and len(name) <= 3:
            out.append((a, b, name))  # 主任由宋宴清担任
        elif people and (post := post_person(name)):
            out.append((b - len(post), b, post))  # 以局党委副书记、局长席家庄为组长 -> 席家庄
        elif people and (who := unit_person(name)):
            out.append((b - len(who), b, who))  # 城建办吴某、镇纪委李某为成员 -> 吴某, 李某
        else:
            return []
    return out


def _shared_post(text: str, parts: list[tuple[int, int]]) -> tuple[int, int, str] | None:
    """``办公室、医政股、财务股负责人``: offices joined by 、 sharing the post written after the last
    one are one party, the heads of each, kept as written."""
    if len(parts) < 2 or any(text[b:b + 1] != "、" for _, b in parts[:-1]):
        return None
    last = normalize_name(text[slice(*parts[-1])])
    post = next((w for w in post_words() if last.endswith(w)), None)
    head = last[:-len(post)] if post else ""
    for word in ("分管", "主要"):  # 市财政局分管负责同志: the post is 分管负责同志 of 市财政局
        head = head[:-len(word)] if head.endswith(word) else head
    if not post or not head or name_kind(head) not in ("office", "unit", "body"):
        return None
    if not all(name_kind(normalize_name(text[a:b])) in ("office", "unit", "body") for a, b in parts[:-1]):
        return None
    start, end = parts[0][0], parts[-1][1]
    name = normalize_name(text[start:end])
    return (start, end, name) if len(name) <= 50 else None


def name_list(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``区应急管理局、区消防救援大队、区交警大队组成…``: the names of a 、-list from ``start``, each
    ending like a name before a separator or a verb (``VERB_AFTER``)."""
    out = []
    pos = start
    while pos < end:
        stop = name_end(text, pos, min(end, pos + 40), _LIST_STOP_RX)
        if stop is None:
            break
        name = normalize_name(text[pos:stop])
        if not is_name(name) or re.search(r"开展|负责|进行", name):
            break  # 组织专家对辖区重点企业开展…: the list ended before 对
        out.append((pos, stop, name))
        if stop < end and text[stop] in "、和及":
            pos = stop + 1
            continue
        break
    return out


def top_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``林某(局党委委员、纪检组组长)、黄某(副局长)``: pieces split at 、, or spaces outside brackets."""
    return split_outside(text, start, end, "、" + COMMAS + " \t\n")


def listed_before(text: str, stop: int, at: int, name_at, most: int = 12, joined=None) -> list:
    """The items of a , or 、 list that runs back from the item holding ``at`` (its post or its name)
    to ``stop``: ``name_at(text, end)`` reads the item that ends at ``end`` (a post and a name:
    ``省政协副主席甘某``) and gives its record, or None, which ends the list (an item with a verb of its
    own). Used for people who share an appointment or a reporting verb with the list's last one.
    ``joined(text, i)``, if given, tells a separator at ``i`` that parts no items but joins one
    item's words (the 、 of one holder's posts: ``党委副书记、校长某某``); the walk steps over it."""
    def separator(i: int) -> bool:
        return text[i] in ",,、" and not (joined and joined(text, i))

    out: list = []
    end = at - 1
    while end > stop and not separator(end):  # back past the last item's own post and unit
        end -= 1
        if at - end > 24:
            return out
    while len(out) < most and end > stop and separator(end):
        hit = name_at(text, end)
        if hit is None:
            break
        out.append(hit)
        k = hit[0] - 1
        while k > stop and not separator(k):
            k -= 1
        end = k
    return out
    while len(out) < most and end > stop and text[end] in ",,、":
        hit = name_at(text, end)
        if hit is None:
            break
        out.append(hit)
        k = hit[0] - 1
        while k > stop and text[k] not in ",,、":
            k -= 1
        end = k
    return out

