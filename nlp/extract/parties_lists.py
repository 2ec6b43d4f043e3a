"""Parties, lists of units: a 、-list of two or more units governed by one phrase gives each its role.

Official texts name several units at once: ``某局、某办、某委和某部任小组成员``, ``成员单位:某局、
某委…``, ``由某局、某中心联合举办…``. When every item of such a list reads as a name and at least
two of them end like a unit (a body, office, unit or group: ``nlp/data/org_suffixes.tsv``, or a short
organ form such as ``团县委``), each item is a party with the role the governing phrase gives
(``nlp/data/party_list_cues.tsv``: 成员 -> member, 牵头 -> lead, 负责/配合/联合 -> responsible,
主送 -> recipient). A list with no governing phrase gives no one a role.

Only a cheap scan: the clauses holding a ``、`` are split at it (outside brackets); the first item
drops the words that lead into it (``另外``, ``由``), the last is split at 和/及/与 and cut where
a count or a verb follows (``某办20个相关部门的分管副职``).
"""

from __future__ import annotations

import re
from functools import cache

from nlp.extract.parties_lexicon import read_table
from nlp.extract.parties_names import (
    is_name as _is_name,
    may_end_name as _may_end_name,
    name_kind as _kind,
    normalize_name as _normalize,
    post_words as _post_words,
    role_for as _role_for,
    split_outside as _split_outside,
    strip_span as _strip,
)
from nlp.extract.parties_patterns import Found

UNIT_KINDS = ("body", "office", "unit", "group")
ITEM_KINDS = UNIT_KINDS + ("place",)  # 某镇 may stand in a list of units
MIN_UNITS = 2  # a list names units when at least this many of its items end like one
CLAUSE_RX = re.compile(r"[^,。;:!?\n]+")  # the clauses a list may fill (a list never spans a comma)
SENTENCE_END = "。;!?\n"
LOOK = 40  # how far the governing phrase is read on either side of a list
# the words that lead into a list's first item: 另外某局、…; 由某局、…; 副县长某某带领由某局、…
LEAD_IN = re.compile(r"另外|此外|同时|其中|以及|包括|由|请|会同|联合|协调|邀请|督促|指导|带领|组织(?!部)|并|及"
                     r"|召开|主持|参加|牵头|率领|(?<![效比概频功速税利汇坦直表轻草统增])率(?![先领队直性真达为从])")
# a verb inside a would-be first item: the list starts after it or is no list of units
VERB_INSIDE = re.compile(r"召开|牵头|组织(?!部)|参加|举办|开展|进行|负责|带领|主持|邀请|联合(?!会|医院|体)"
                         r"|关于|学习|贯彻|落实|深入|坚决|整治|推进|加强|部署|来自")
# the people of the units, not the units: 由来自某科、某科的代表参加
PEOPLE_OF = re.compile(r"的[^,。;]{0,6}?(?:代表|人员|同志|负责人|职工|干部|医生|员工|专家)(?![^,。;]{0,8}组成)")
# what may follow a list's last unit: a count, 等, 的, or a verb or clause word
TAIL = re.compile(r"[0-9一二三四五六七八九十]+个|等|的|任|担任|为|作为|是|负责|牵头|配合|协助|参与|参加|分别|共同"
                  r"|要|应|须|按|联合|组成|将|已|工作人员|人员|相关|主要|分管"
                  # the verb a governed list goes on with: 督促某办、某办全面加强…
                  r"|全面|切实|认真|进一步|加强|做好|严格|立即|及时|积极|高度|就|围绕|$")
JOINERS = "和及与"
# an inner item no ending marks as a unit (某供销联社, 某少年宫) stands in a list of several units:
# a short run of Chinese with no verb, at most one item in four, among at least three units
_STRAY_ITEM = re.compile(r"[\u4e00-\u9fff]{3,12}")
STRAY_SHARE, STRAY_UNITS = 4, 3
_JOINT = re.compile(r"联合|会同|协同")  # two units acting together inside one 、-piece
# a township or street in a list of units (某镇, 某街道): a place charged with the work as a unit is
PLACE_ITEM = re.compile(r"[\u4e00-\u9fff]{1,6}(?:镇|乡|街道|社区)")


def _item_kind(name: str) -> str | None:
    """The kind of a list item: its ending's kind, or place for a township named in the list."""
    if _is_name(name):
        return _kind(name)
    return "place" if PLACE_ITEM.fullmatch(name) else None


@cache
def list_cues() -> tuple[tuple[str, re.Pattern, str], ...]:
    """(side, compiled pattern, role) rows of ``party_list_cues.tsv``."""
    rows = read_table("party_list_cues.tsv", ("side", "pattern", "role"),
                      {0: ("before", "after"), 2: ("lead", "responsible", "member", "recipient")})
    return tuple((r.cells[0], re.compile(r.cells[1]), r.cells[2]) for r in rows)


def unit_lists(text: str) -> list[Found]:
    """Each unit of a governed 、-list of units, with the role its governing phrase gives."""
    out: list[Found] = []
    if "、" not in text:
        return out
    for m in CLAUSE_RX.finditer(text):  # each clause holding a 、 (one scan, no look back per list)
        if text.find("、", m.start(), m.end()) < 0:
            continue
        items, heads = _items(text, m.start(), m.end())
        if items:
            role = _role(text, m.start(), items[0][0], items[-1][1])
            if role and heads:  # 各乡镇、各部门主要负责人作为第一责任人: one party, the post's role
                out.append(Found(items[0][0], items[-1][1], items[-1][2], _role_for(role, items[-1][2])))
            elif role:
                out += [Found(a, b, n, role) for a, b, n in items]
    return out


def _items(text: str, start: int, end: int) -> tuple[list[tuple[int, int, str]], bool]:
    """The names of the 、-list filling ``text[start:end]`` ([] when it is no list of units), and
    whether a post follows its last unit (then the one name is the heads of them all, as written)."""
    pieces = _split_outside(text, start, end, "、")
    if len(pieces) < 2:
        return [], False
    a, b = _strip(text, *pieces[0])
    if b <= a or not _may_end_name(text, b - 1, b):
        return [], False  # the first item ends where its piece does: 加强、完善… is no list of names
    first = _first_item(text, *pieces[0])
    if not first:
        return [], False
    items = [first]
    for a, b in pieces[1:-1]:
        a, b = _strip(text, a, b)
        name = _normalize(text[a:b])
        joint = _JOINT.search(text, a + 2, b - 2)
        if joint and all(_item_kind(_normalize(text[x:y])) in UNIT_KINDS for x, y in ((a, joint.start()), (joint.end(), b))):
            # 某科、某科联合某局、某局和某队…组成: the units on either side of 联合 act together
            items += [(a, joint.start(), _normalize(text[a:joint.start()])), (joint.end(), b, _normalize(text[joint.end():b]))]
            continue
        if _item_kind(name) not in ITEM_KINDS + ("person",) and not _STRAY_ITEM.fullmatch(name):
            return [], False
        items.append((a, b, name))
    last = _last_items(text, *pieces[-1])
    if not last:
        return [], False
    items += last
    kinds = [_item_kind(n) for _, _, n in items]
    if sum(k in UNIT_KINDS + ("place",) for k in kinds) < MIN_UNITS or "person" in kinds:
        return [], False
    if None in kinds and (STRAY_SHARE * kinds.count(None) > len(kinds) or sum(k in UNIT_KINDS for k in kinds) < STRAY_UNITS):
        return [], False  # a name the lexicon does not know stands only among many units
    post = _post_follows(text, last[-1][1], pieces[-1][1])
    if post and len(last) == 2:  # 某部、某部及各车间负责人: the post after 及/和 is the last unit's alone
        a = last[-1][0]
        return items[:-1] + [(a, post, _normalize(text[a:post]))], False
    if post:  # 办公室、人事科、某科负责人: the heads of each, one party kept as written
        name = _normalize(text[items[0][0]:post])
        return ([(items[0][0], post, name)], True) if len(name) <= 50 else ([], False)
    if sum(k in UNIT_KINDS for k in kinds) < MIN_UNITS:
        return [], False
    return items, False


def _post_follows(text: str, at: int, end: int) -> int | None:
    """Where the post right after the list's last unit ends (``…某科主要负责人为成员``), or None."""
    at = at + 2 if text.startswith(("分管", "主要"), at) else at
    return next((at + len(w) for w in _post_words() if "人员" not in w and text.startswith(w, at, end)), None)


def _first_item(text: str, a: int, b: int) -> tuple[int, int, str] | None:
    """The list's first name: after the last word that leads into it (另外, 由), if any."""
    a, b = _strip(text, a, b)
    starts = [a] + [m.end() for m in LEAD_IN.finditer(text, a, b)]
    for s in reversed(starts):
        s, _ = _strip(text, s, b)
        name = _normalize(text[s:b])
        if (len(name) >= 2 and (s == a or len(name) >= 3) and not VERB_INSIDE.search(name)
                and _item_kind(name) in ITEM_KINDS):
            return s, b, name
    return None


def _last_items(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """The list's last names: split at 和/及/与 when the part before is a name, each cut where a
    count, 等, 的 or a verb follows (``某办20个相关部门的分管副职`` -> ``某办``)."""
    a, b = _strip(text, a, b)
    out = []
    for j in range(a + 2, min(b, a + 30)):
        if text[j] in JOINERS:
            cut = j - 1 if text[j - 1] == "以" and text[j] == "及" else j  # 某办以及某科
            name = _normalize(text[a:cut])
            if _item_kind(name) in ITEM_KINDS:
                out.append((a, cut, name))
                a = j + 1
                break
    for e in range(a + 2, min(b, a + 30) + 1):  # the shortest name a tail word follows
        if not TAIL.match(text, e, b):
            continue  # (the name is read only where a tail word follows it)
        name = _normalize(text[a:e])
        if not VERB_INSIDE.search(name) and _item_kind(name) in ITEM_KINDS + ("person",):
            return out + [(a, e, name)]
    return []


def _role(text: str, clause: int, start: int, end: int) -> str | None:
    """The role the phrase governing the list at ``text[start:end]`` gives, or None."""
    stop = min([i for i in (text.find(c, end, end + LOOK) for c in SENTENCE_END) if i >= 0] + [end + LOOK])
    after = text[end:stop]
    if PEOPLE_OF.match(after):
        return None
    before = text[max(0, clause - LOOK):start]
    for side, rx, role in list_cues():
        if rx.search(after if side == "after" else before):
            return role
    return None
