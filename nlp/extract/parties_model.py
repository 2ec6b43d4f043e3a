"""The learned party recogniser: candidate spans -> hashed features -> a linear score.

The rules (``parties.py``) find parties where the grammar and layout of a document put them; on
sites they were not tuned on they miss about half. This module adds the names no rule found:

1. candidates (``candidates``): cheap scans, no tokenizer. Every place a name ending of
   ``org_suffixes.tsv``/``roles.tsv`` (and the model's own ``EXTRA_ENDINGS``: 组, 省, 镇) occurs
   gives a few spans ending there, whose left edge is the clause boundary, a function character
   (``由``, ``的``, ``向``…) or a collective ``各``/``全``, within ``MAX_LEFT`` characters; a
   person's name (family name + one or two characters) right after a post, before a reporting
   verb, or standing alone between punctuation (a roster's items, a label's value: ``组员:王琛、
   孙洪亮``, ``王 琛``) gives a span too.
2. features (``feature_slots``; ``features`` gives the same as strings): the ending and its kind,
   the span's length, first characters and last two or three, one to three characters on either
   side, the cue words of the clause left and right of it (负责, 牵头, 要, 已, 组织, 开展…), where
   it sits (line start, title, first or last lines, brackets, after a colon), the line's label
   (``组长:``, ``成员:``, ``主送:``) or whether it is a 、-list, the part of the document the line
   sits in (``line_zones``: the 主送 block, the 落款 block before a closing date, head, body, tail)
   and how the line ends, whether a separator parts it from another candidate (a 、-list of
   names) and the first characters after it when it opens a clause (its verb), the document's
   genre, how often the name recurs; and of the rules' finds only whether one is its list
   neighbour or on its line (trained on the rules' finds ablated as on an unseen site). Each
   feature is hashed (crc32) into ``2**BITS`` slots through per-prefix tables, so a feature string
   is built and hashed once a process; the artefact is two arrays and a JSON file
   (``models/parties/``), never a pickle.
3. a logistic regression trained on the real dev gold (plus seeds and heldout) by
   ``nlp/train/parties.py``; the threshold is chosen by site-grouped cross-validation on a
   simulation of unseen sites (the rules losing a third of their names).

``model_parties`` returns the candidates that score above the threshold, one per name, that no
rule span overlaps and no rule name contains (or is contained in), and their list neighbours
from a lower ``sibling_threshold`` (``select``), each with a role read from
its context (``ner_parties.role_of``) or ``responsible``, the role of most parties reported at
work. Without the model files it returns nothing, so the rules run alone.
"""

from __future__ import annotations

import bisect
import json
import re
import zlib
from functools import cache
from itertools import chain
from pathlib import Path
from typing import Sequence

from nlp.extract.parties_lexicon import non_parties, org_suffixes
from nlp.extract.parties_names import NAME_START_OK, NOT_NAME_START, person_posts, suffix_list
from nlp.extract.parties_people import common_word, is_person_name
from nlp.settings import models_dir
from nlp.text import OpensAfter, literal_trie, without_spaces

MODEL_DIR = models_dir() / "parties"
BITS = 18
MAX_LEFT = 14  # characters a name may run left of its ending
# a name never runs left across these: punctuation, digits, a line break
_HARD_STOP = set(",.;:!?()[]<>\"'“”‘’《》【】、。;:!?,　 \t\n0123456789/|-—*#")
# one character that starts a clause's object, not a name: 由县卫生局 -> 县卫生局
_FUNCTION = set("的在由向对和与及是了将要把被从为以于并或请经让使给同至到及等称据报")
# where a name may start left of its ending (the span from the last hard stop), and the
# characters that put a start right after them (a function character) or on them (各, 全…)
_LEFT_REACH = re.compile("[^" + re.escape("".join(sorted(_HARD_STOP))) + r"]*\Z")
# the same start read in one pass from the left: past the window's last hard stop (match().end())
_PAST_LAST_STOP = re.compile("(?:[^{0}]*+[{0}])*+".format(re.escape("".join(sorted(_HARD_STOP)))))
_START_MARKS = re.compile("[" + re.escape("".join(sorted(_FUNCTION))) + "各全本我]")
_TAKES_POST = frozenset("任兼为是")  # one character before a bare post that takes it (任组长)
_CLAUSE_END = re.compile(r"[。;;!?!?\n]")
_LABEL_END = re.compile(r"[::]\s*$")
CUES = ("负责", "牵头", "要", "已", "组织", "开展", "会同", "配合", "成立", "下设", "设在", "担任", "任",
        "组长", "成员", "主持", "召开", "表示", "指出", "强调", "介绍", "将", "正在", "调查", "跟进", "安排",
        "通知", "印发", "发布", "根据", "按照", "关于", "向", "由", "经", "被", "受", "获", "评为", "表彰",
        "等", "及时", "认真", "做好", "加强", "落实", "检查", "督查", "指导", "部署", "要求", "报", "联系",
        "负总责", "主要", "分管", "协助", "参与", "参加", "举办", "应", "须", "说", "称", "指", "派", "处理",
        "责任", "单位", "办公室", "领导", "带领", "深入", "联合", "对", "发现", "提出", "宣布", "决定",
        "了", "的", "在", "和", "、", "为", "与", "不", "建议", "呼吁", "确保", "督促", "统一", "今年", "工作")
_SPACES = re.compile(r"\s+")
_INK = re.compile(r"\S")
_SAYS = re.compile(r"(?:同志|表示|说|指出|强调|介绍|主持|任|担任|要求|称|透露|坦言|认为|带领)")


# endings the model reads beyond the rules' lexicon (a working group 综合组, a province, a town)
EXTRA_ENDINGS = {"组": "group", "省": "place", "镇": "place"}
# a standalone run of two or three characters (or a spaced two: 王 琛) between separators (、,;:
# a space, a line edge, brackets): a list item or a label's value (组员:王琛、孙洪亮), read as a
# person when it is one (scanned from the separator before it: a lookbehind first made the
# engine try every position)
_TOKEN_BODY = r"(?:[\u4e00-\u9fff]{2,3}|[\u4e00-\u9fff] {1,2}[\u4e00-\u9fff])(?![^、,;: \n)])"
_TOKEN = OpensAfter(r"(?<![^、,;: \n(])" + _TOKEN_BODY, _TOKEN_BODY, "、,;: \n(")


@cache
def _suffix_rx() -> re.Pattern:
    return re.compile(literal_trie(set(suffix_list()) | set(EXTRA_ENDINGS)))  # the longest ending first


@cache
def _bare_posts() -> frozenset[str]:
    """Endings that are no party on their own (院长, 组长, 分管领导): a post without its holder."""
    return frozenset(w for w in suffix_list() if w not in org_suffixes() or org_suffixes()[w] == "person")


@cache
def _kinds() -> dict[str, str]:
    """Ending -> kind, the lexicon's and the model's own; ``PER`` and ``TOK`` are people."""
    return {**EXTRA_ENDINGS, **org_suffixes(), "PER": "PER", "TOK": "PER"}


def _overlap(u: str, v: str) -> bool:
    """Whether two different words can share a character where they occur: one holds the other,
    or one ends with what the other opens with (要求 and 求…, 负责 and 责任)."""
    return u in v or v in u or any(u[-k:] == v[:k] or v[-k:] == u[:k] for k in range(1, min(len(u), len(v))))


@cache
def _cue_rxs() -> tuple[re.Pattern, ...]:
    """The cue words in a few groups, one pattern each, no two words of a group able to overlap:
    a scan of a group then finds every occurrence of each of its words, as a scan per word would
    (a match never hides another word's occurrence), in three scans instead of one per word."""
    groups: list[list[str]] = []
    for w in sorted(dict.fromkeys(CUES), key=len, reverse=True):
        group = next((g for g in groups if not any(_overlap(w, x) for x in g)), None)
        if group is None:
            groups.append([w])
        else:
            group.append(w)
    return tuple(re.compile(literal_trie(g)) for g in groups)


def _cues_at(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, cue)`` of every occurrence of every cue word, sorted."""
    return sorted([(m.start(), m.end(), m.group()) for rx in _cue_rxs() for m in rx.finditer(text)])


def _cues_within(text: str, windows: Sequence[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``_cues_at(text)``, but only the cue words lying wholly inside one of ``windows`` are sure
    to be there: each group's pattern scans the windows alone (merged where they meet), and a scan
    begun anywhere finds every word of its group (no two of them can overlap, nor can a word
    overlap itself), so none inside a window is missed."""
    merged: list[list[int]] = []
    for lo, hi in sorted(windows):
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    out = [(m.start(), m.end(), m.group()) for rx in _cue_rxs() for lo, hi in merged for m in rx.finditer(text, lo, hi)]
    out.sort()
    return out


@cache
def _not_name_start_rx() -> re.Pattern:
    """The longest word of ``NOT_NAME_START`` at a position (``match(text, pos)``)."""
    return re.compile("|".join(re.escape(w) for w in sorted(set(NOT_NAME_START), key=len, reverse=True)))


@cache
def _opens_clause_rx() -> re.Pattern:
    """``parties_names.opens_clause`` as one pattern: ``match(text, a, end)`` is ``opens_clause(text[a:end])``
    (a word of ``NOT_NAME_START`` at ``a``, none of ``NAME_START_OK``), without the slice."""
    return re.compile(f"(?!{literal_trie(NAME_START_OK)}){literal_trie(NOT_NAME_START)}")


@cache
def _name_start_ok_rx() -> re.Pattern:
    """A word of ``NAME_START_OK`` at a position (经济, 对外, 向阳: a name's first word)."""
    return re.compile(literal_trie(NAME_START_OK))


@cache
def _not_name_start_firsts() -> frozenset[str]:
    return frozenset(w[0] for w in NOT_NAME_START)


@cache
def _posts_rx() -> re.Pattern:
    return re.compile(literal_trie(person_posts() | {w for w, k in org_suffixes().items() if k == "person"}))


def candidates(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, ending)`` of the spans of text that may be a party's name, in reading order.

    >>> t = "经研究,由县卫生局负责。"
    >>> sorted({t[s:e] for s, e, _ in candidates(t)})
    ['县卫生局']
    """
    out: list[tuple[int, int, str]] = []
    reach, marks, skip_word = _PAST_LAST_STOP, _START_MARKS, _not_name_start_rx()
    first, opens = _not_name_start_firsts(), _opens_clause_rx().match
    name_ok = _name_start_ok_rx().match
    bare = _bare_posts()
    for m in _suffix_rx().finditer(text):
        s_start, end = m.span()
        suffix = m.group()
        left = reach.match(text, max(0, s_start - MAX_LEFT), s_start).end()
        starts = {left}
        for c in marks.finditer(text, left, s_start):
            # (经济发展局, 对外联络处, 向阳街道: a function character opening a name's first word)
            starts.add(c.end() if c.group() in _FUNCTION and not name_ok(text, c.start()) else c.start())
        for a in sorted(starts) if len(starts) > 1 else starts:
            # 经县纪委 -> 县纪委, 成立…领导小组 -> …领导小组 (no such word opens with another character)
            while text[a:a + 1] in first and opens(text, a, end):
                a = skip_word.match(text, a).end()
            if text[a:a + 1] in _FUNCTION and a < s_start and not name_ok(text, a):
                a += 1  # 成立相应的领导机构 -> 领导机构: a function character starts no name
            if end - a >= 2 and a <= s_start and (a < s_start or suffix not in bare):
                if suffix in bare and s_start - a == 1 and text[a] in _TAKES_POST:
                    continue  # 兼组长: taking a post, not a holder
                out.append((a, end, suffix))
        if text[left - 1:left] == "、":  # (no list before it, no levels: the common case, checked here)
            a = _levels_left(text, left)
            if a < left:  # 各省、自治区、直辖市人民政府: the levels a 主送 item shares its organ with
                out.append((a, end, suffix))
    posts = _posts_rx()
    for m in posts.finditer(text):  # 局长王军, 院长张某某
        if text[m.end():m.end() + 1] in _TAKES_POST and posts.match(text, m.end() + 1):
            continue  # 主任任组长: the post's holder takes another, no person named
        for n in (3, 2):
            who = text[m.end():m.end() + n]
            if is_person_name(who):
                out.append((m.end(), m.end() + n, "PER"))
    for m in _SAYS.finditer(text):  # 王正旭表示
        for n in (3, 2):
            a = m.start() - n
            if a >= 0 and is_person_name(text[a:m.start()]) and (a == 0 or text[a - 1] not in "的"):
                out.append((a, m.start(), "PER"))
    for m in _TOKEN.finditer(text):  # 组员:王琛、孙洪亮 (not a keyword list's 安全, 文明: common words)
        if is_person_name(m.group().replace(" ", "")) and not common_word(m.group().replace(" ", "")):
            out.append((m.start(), m.end(), "TOK"))
    out = [c for c in out if 2 <= c[1] - c[0] <= 30]
    return sorted(set(out))


_LEVEL = re.compile(r"[\u4e00-\u9fff]{1,8}\Z")
_LEVEL_END = frozenset("省市县区州盟旗乡镇")


def _levels_left(text: str, left: int, most: int = 4) -> int:
    """Where a name starts when the 、-list before ``left`` holds the administrative levels it
    shares its organ with (各县、区人民政府: ``各县、``); ``left`` when there is none."""
    a = left
    for _ in range(most):
        if text[a - 1:a] != "、":
            break
        m = _LEVEL.search(text, max(0, a - 9), a - 1)
        if m is None or text[m.end() - 1] not in _LEVEL_END:
            break
        a = m.start()
    return a


def skip_key(text: str, cand: tuple[int, int, str]) -> str | None:
    """The ending and the character after it (``部署``), when that character is a Chinese one."""
    a, b, suffix = cand
    nxt = text[b:b + 1]
    if suffix in ("PER", "TOK") or not ("\u4e00" <= nxt <= "\u9fff"):
        return None
    return suffix + nxt


def features(text: str, cands: Sequence[tuple[int, int, str]], *, title: str | None = None,
             found: Sequence[tuple[int, int]] = ()) -> list[list[str]]:
    """One list of feature strings per candidate (see the module doc); ``hashed`` of them is
    ``feature_slots`` (which builds the slots without the strings). ``found``: the rules' spans."""
    return _rows(text, cands, title, _tables(None), found)


def feature_slots(text: str, cands: Sequence[tuple[int, int, str]], *, title: str | None = None,
                  bits: int = BITS, found: Sequence[tuple[int, int]] = ()) -> list[list[int]]:
    """``hashed(features(...))``: each feature's slot, read from per-prefix tables of the slots
    already seen (a feature string is built and hashed once a process)."""
    return _rows(text, cands, title, _tables(bits), found)


class _Table(dict):
    """``prefix + str(key)``, or its crc32 slot when ``mask`` is given; built once per key."""

    def __init__(self, prefix: str, mask: int | None):
        super().__init__()
        self.prefix, self.mask = prefix, mask

    def __missing__(self, key) -> str | int:
        name = self.prefix + (key if isinstance(key, str) else str(int(key)))
        value = self[key] = name if self.mask is None else zlib.crc32(name.encode("utf-8", "surrogatepass")) & self.mask
        return value


class _Tables(dict):
    """Prefix -> its ``_Table``."""

    def __init__(self, mask: int | None):
        super().__init__()
        self.mask = mask

    def __missing__(self, prefix: str) -> _Table:
        table = self[prefix] = _Table(prefix, self.mask)
        return table


_TABLES: dict = {}


def _tables(bits: int | None) -> _Tables:
    tables = _TABLES.get(bits)
    if tables is None or sum(map(len, tables.values())) > 500_000:
        tables = _TABLES[bits] = _Tables(None if bits is None else (1 << bits) - 1)
    return tables


_LENGTHS = tuple(min(i, 16) for i in range(64))
_CNT, _CNT_K, _POS, _LINE, _TAIL, _LL = (1, 2, 4, 8), (1, 2, 4), (0, 1, 4, 7, 8), (0, 2, 5), (1, 3, 6), (10, 20, 40, 100)


def _rows(text: str, cands: Sequence[tuple[int, int, str]], title: str | None, T: _Tables,
          found: Sequence[tuple[int, int]] = ()) -> list[list]:
    from nlp.genres import genre_of

    genre = genre_of(title) or "none"
    n = max(1, len(text))
    title_at = text.find(title) if title else -1
    title_end = title_at + len(title) if title_at >= 0 else -1
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    n_lines = len(line_starts)
    line_keys = line_labels(text, line_starts)
    counts: dict[str, int] = {}
    ends = [m.end() for m in _CLAUSE_END.finditer(text)]  # where each clause ends, for its bounds
    bl, br_ = bisect.bisect_left, bisect.bisect_right
    n_ends, n_text = len(ends), len(text)
    bounds = []  # per candidate: its line, its clause's bounds and the window of its cue words
    for a, b, _s in cands:
        line_no = br_(line_starts, a) - 1
        ls = line_starts[line_no]
        k = br_(ends, a)
        c_start = max(ls, ends[k - 1] if k and ends[k - 1] > a - 40 else ls)
        k = br_(ends, b)
        c_end = ends[k] - 1 if k < n_ends and ends[k] - 1 < b + 40 else min(n_text, b + 40)
        bounds.append((line_no, c_start, c_end, max(c_start, a - 16), min(c_end, b + 16)))
    # the cues that lie inside a candidate's window: (start, end, the cue word)
    cue_at = _cues_within(text, [(w_start, w_end) for _l, _c, _e, w_start, w_end in bounds])
    cue_starts = [c[0] for c in cue_at]  # bisected as ints (the same index as the tuples give)
    kinds = _kinds()
    excluded = non_parties()
    by_kind: dict[str, tuple] = {}
    bias, g_slot = T["bias"][""], T["g="][genre]
    t_suf, t_kind, t_len, t_body, t_f1, t_f2 = T["suf="], T["kind="], T["len="], T["body="], T["f1="], T["f2="]
    t_l1, t_l2, t_l3, t_r1, t_r2, t_r3 = T["l1="], T["l2="], T["l3="], T["r1="], T["r2="], T["r3="]
    t_cnt, t_pos, t_line, t_tail = T["cnt="], T["pos="], T["line="], T["tail="]
    t_ls, t_le, t_ll, t_title, t_br, t_colon = T["ls="], T["le="], T["ll="], T["title="], T["br="], T["colon="]
    t_ca, t_cs, t_open, t_np, t_ge = T["colon_after="], T["clause_start="], T["open="], T["np="], T["ge="]
    t_n2, t_n3, t_lab, t_cl, t_cr = T["n2="], T["n3="], T["lab="], T["cl="], T["cr="]
    ink = _INK.search  # a character that is no white space, in a range: no copy of the range
    opens = _opens_clause_rx().match
    zones = line_zones(text, line_starts)
    c_ends = {}  # where candidates end / start: a 、-list's neighbours (县卫健局、县公安局)
    c_starts = set()
    for ca, cb, _s in cands:
        c_ends[cb] = True
        c_starts.add(ca)
    t_zone, t_sib, t_csr, t_eol = T["zone="], T["sib="], T["cs_r2="], T["eol="]
    # the rules' finds: a neighbour across a separator, or on the same line (a roster, a list)
    f_ends = {e for _s, e in found}
    f_starts = {s_ for s_, _e in found}
    f_lines = {br_(line_starts, s_) - 1 for s_, _e in found}
    t_rsib, t_rline, t_lev = T["rsib="], T["rline="], T["levels="]
    by_line: dict[int, tuple] = {}
    by_suffix: dict[str, tuple] = {}
    out = []
    for (a, b, suffix), (line_no, c_start, c_end, b_start, a_end) in zip(cands, bounds):
        name = text[a:b]
        per = by_suffix.get(suffix)
        if per is None:
            kind = kinds.get(suffix, "person")
            ks = by_kind.get(kind)
            if ks is None:
                ks = by_kind[kind] = (t_kind[kind], T[f"k_r1={kind}|"], T[f"k_l1={kind}|"], T[f"k_g={kind}|"][genre],
                                      T[f"k_cnt={kind}|"], None, T[f"k_lab={kind}|"], T[f"k_a2={kind}|"])
            per = by_suffix[suffix] = (kind, ks, T[f"s={suffix}|r"], T[f"s={suffix}|f"], t_suf[suffix], len(suffix))
        kind, ks, s_r1, s_f1, suf_slot, n_suffix = per
        line = by_line.get(line_no)
        if line is None:
            ls = line_starts[line_no]
            le = line_starts[line_no + 1] - 1 if line_no + 1 < n_lines else n_text
            lab = line_keys[line_no]
            z = zones[line_no]
            line = by_line[line_no] = (ls, le, t_line[bl(_LINE, line_no)], t_tail[bl(_TAIL, n_lines - line_no)],
                                       t_ll[bl(_LL, le - ls)], t_lab[lab], lab, t_zone[z], T[f"k_zone={z}|"],
                                       t_eol[_last_ink(text, ls, le)])
        ls, le = line[0], line[1]
        cnt = counts.get(name)
        if cnt is None:
            cnt = counts[name] = text.count(name)
        l1 = text[a - 1] if a else "^"
        r1 = text[b:b + 1] or "$"
        at_clause_start = ink(text, c_start, a) is None
        f = [
            bias, suf_slot, ks[0], t_len[_LENGTHS[b - a]], t_body[min(b - a - n_suffix, 12)],
            t_f1[name[0]], t_f2[name[:2]], t_l1[l1], t_l2[text[max(0, a - 2):a]], t_l3[text[max(0, a - 3):a]],
            t_r1[r1], t_r2[text[b:b + 2]], t_r3[text[b:b + 3]], ks[1][r1], ks[2][l1], s_r1[r1],
            s_f1[name[0]], g_slot, ks[3], t_cnt[bl(_CNT, cnt)], ks[4][bl(_CNT_K, cnt)],
            t_pos[bl(_POS, a * 10 // n)],
            line[2], line[3], t_ls[ink(text, ls, a) is None], t_le[ink(text, b, le) is None], line[4],
            t_title[title_at <= a < title_end], t_br[text.rfind("(", ls, a) > text.rfind(")", ls, a)],
            t_colon[_LABEL_END.search(text, max(ls, a - 3), a) is not None], t_ca[r1 in "::"],
            t_cs[at_clause_start], t_open[opens(name) is not None], t_np[name in excluded],
            t_ge[name[0] in "各全"], line[5], ks[6][line[6]],
        ]
        f += (line[7], line[8][kind], line[9])
        sl = l1 in _SEPS and c_ends.get(a - 1, False)
        sr = r1 in _SEPS and (b + 1) in c_starts
        if sl or sr:
            f.append(t_sib[f"{int(sl)}{int(sr)}{kind if kind == 'PER' else ''}"])
        if at_clause_start:
            f.append(t_csr[text[b:b + 2]])
        if "、" in name:
            f.append(t_lev[min(name.count("、"), 3)])
        if found:
            rl = l1 in _SEPS and (a - 1) in f_ends
            rr = r1 in _SEPS and (b + 1) in f_starts
            if rl or rr:
                f.append(t_rsib[f"{int(rl)}{int(rr)}{kind}"])
            if line_no in f_lines:
                f.append(t_rline[kind])
        if kind != "PER":  # a person's own characters say nothing beyond their site
            f += (t_n2[name[-2:]], t_n3[name[-3:]])
        cues_left, cues_right = set(), set()  # the cue words of the clause left and right of it
        for at, end, w in cue_at[bl(cue_starts, b_start):bl(cue_starts, a_end)]:
            if end <= a:
                cues_left.add(w)
            elif at >= b and end <= a_end:
                cues_right.add(w)
        if cues_left:
            f.extend([t_cl[w] for w in sorted(cues_left)])
        if cues_right:
            f.extend([t_cr[w] for w in sorted(cues_right)])
        if a_end - b >= 1:
            f.append(ks[7][text[b:min(a_end, b + 2)]])
        out.append(f)
    return out


_LABEL = re.compile(r"[ \t]*([\u4e00-\u9fff][\u4e00-\u9fff ]{0,7})[::]")
_SEPS = frozenset("、,,;;")
_COLONS = frozenset("::")
_SENTENCE = re.compile(r"[。,;!?:]")
_DATE_LINE = re.compile(r"[ \t]*(?:[0-9〇○零一二三四五六七八九十O]{2,4}\s*年\s*[0-9〇零一二三四五六七八九十]{1,2}\s*月"
                        r"(?:\s*[0-9〇零一二三四五六七八九十]{1,3}\s*日)?)[ \t]*$")


def _last_ink(text: str, ls: int, le: int) -> str:
    """The line's last character that is no white space (a colon closes a 主送 line), or ``""``."""
    k = le - 1
    while k >= ls and text[k] in " \t\u3000\r":
        k -= 1
    c = text[k] if k >= ls else ""
    return c if not ("\u4e00" <= c <= "\u9fff") else "字"


def line_zones(text: str, line_starts: Sequence[int]) -> list[str]:
    """Per line, the part of an official document it sits in: ``addr`` (the 主送 block: the first
    line among the first twelve that ends in a colon, and the lines before it that end in a
    separator), ``sign`` (the 落款 block: the short lines with no sentence punctuation among the
    four before a line that is a date alone, in the last third), ``head`` (first
    lines), ``tail`` (last lines) or ``body``."""
    n = len(line_starts)
    ends = [(line_starts[k + 1] - 1 if k + 1 < n else len(text)) for k in range(n)]
    out = ["head" if k < 4 else "tail" if n - k <= 4 else "body" for k in range(n)]
    for k in range(min(n, 12)):
        if _last_ink(text, line_starts[k], ends[k]) in _COLONS and ends[k] - line_starts[k] <= 200:
            out[k] = "addr"
            j = k - 1  # a 主送 line that wraps: the lines before it that end in a separator
            while j >= 0 and j > k - 4 and _last_ink(text, line_starts[j], ends[j]) in _SEPS:
                out[j] = "addr"
                j -= 1
            break
    for k in range(max(1, n * 2 // 3), n):
        if _DATE_LINE.match(text, line_starts[k], ends[k]) and ends[k] - line_starts[k] <= 24:
            for j in range(k - 1, max(-1, k - 5), -1):
                if (out[j] != "addr" and 0 < ends[j] - line_starts[j] <= 40
                        and not _SENTENCE.search(text, line_starts[j], ends[j])):
                    out[j] = "sign"
    return out


def line_labels(text: str, line_starts: Sequence[int]) -> list[str]:
    """Per line, what kind of line it is: ``组长`` when it opens with a short label and a colon
    (组长:, 成员:, 主送:, 联系人:), else ``list`` when it holds two 、 or more, else ``""``."""
    out = []
    n = len(line_starts)
    for k, ls in enumerate(line_starts):
        le = line_starts[k + 1] - 1 if k + 1 < n else len(text)
        m = _LABEL.match(text, ls, le)
        if m:
            out.append(m.group(1).replace(" ", ""))
        elif text.count("、", ls, le) >= 2:
            out.append("list")
        else:
            out.append("")
    return out


class _Names:
    """The rules' names, asked whether a candidate contains one or is contained in one (a
    substring test per name: no pattern compiled per document, which costs more than the tests)."""

    def __init__(self, names: Sequence[str]):
        self.names = [n for n in names if n]
        self.joined = "\n".join(self.names)

    def related(self, name: str) -> bool:
        return (name in self.joined and "\n" not in name and bool(self.names)) or any(map(name.__contains__, self.names))


_SLOTS: dict[int, dict[str, int]] = {}  # feature strings recur: each is hashed once a process


def hashed(rows: Sequence[Sequence[str]], bits: int = BITS) -> list[list[int]]:
    """The slot of each feature string (crc32 modulo ``2**bits``): the same in training and use."""
    flat = _hashed_flat(rows, bits)
    out, at = [], 0
    for row in rows:
        out.append(flat[at:at + len(row)])
        at += len(row)
    return out


def _hashed_flat(rows: Sequence[Sequence[str]], bits: int) -> list[int]:
    """The slots of all the rows' feature strings, one list in reading order."""
    mask = (1 << bits) - 1
    slots = _SLOTS.setdefault(bits, {})
    if len(slots) > 500_000:
        slots.clear()
    feats = list(chain.from_iterable(rows))
    ids = list(map(slots.get, feats))
    if None in ids:
        for k, f in enumerate(feats):
            if ids[k] is None:
                ids[k] = slots[f] = zlib.crc32(f.encode("utf-8", "surrogatepass")) & mask
    return ids


@cache
def load_model(model_dir: Path | None = None) -> tuple | None:
    """``(coef, intercept, meta)`` of the shipped model, or None when its files are missing."""
    import numpy as np

    folder = Path(model_dir or MODEL_DIR)
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        coef = np.load(folder / "coef.npy", allow_pickle=False)
    except (OSError, ValueError):
        return None
    return coef, float(meta["intercept"]), meta


def _skip(meta: dict) -> frozenset[str]:
    skip = meta.get("_skip")
    if skip is None:
        skip = meta["_skip"] = frozenset(meta.get("skip", ()))
    return skip


def score(slots: Sequence[Sequence[int]], coef, intercept: float):
    """Probabilities of each candidate being a party."""
    return _score_flat(list(chain.from_iterable(slots)), list(map(len, slots)), coef, intercept)


def _score_flat(flat: Sequence[int], lengths: Sequence[int], coef, intercept: float):
    """``score`` of the rows laid end to end in ``flat``, row k ``lengths[k]`` long."""
    import numpy as np

    lengths = np.array(lengths, dtype=np.int64)
    flat = np.array(flat, dtype=np.int64)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    z = np.add.reduceat(coef[flat].astype(float), starts) + intercept  # every row has "bias"
    return 1.0 / (1.0 + np.exp(-z))


SIBLING_THRESHOLD = 0.65  # a list neighbour of a party is kept from this probability


def select(text: str, cands: Sequence[tuple[int, int, str]], probs, threshold: float,
           rule_spans: Sequence[tuple[int, int]], rule_names: Sequence[str],
           sibling: float = SIBLING_THRESHOLD) -> list[tuple[int, int, float]]:
    """The candidates kept as new parties: above the threshold, the best per name and per end,
    no overlap with a rule span or a kept one, no name a rule name contains or is contained in.
    Then the list neighbours: a candidate from ``sibling`` up that a separator (、,;) parts from a
    rule span or a kept one (县卫健局、[县公安局]) is kept too, and so on along the list."""
    order = sorted(range(len(cands)), key=lambda i: -probs[i])
    taken = list(rule_spans)
    names = list(rule_names)
    kept = []

    def free(a: int, b: int, name: str) -> bool:
        return not (any(s < b and a < e for s, e in taken) or any(name in r or r in name for r in names))

    for i in order:
        if probs[i] < threshold:
            break
        a, b, _ = cands[i]
        name = _SPACES.sub("", text[a:b])
        if free(a, b, name):
            kept.append((a, b, float(probs[i])))
            taken.append((a, b))
            names.append(name)
    rest = [i for i in order if sibling <= probs[i] < threshold]
    ends, starts = {e for _s, e in taken}, {s for s, _e in taken}
    while rest:
        for i in rest:
            a, b, _ = cands[i]
            if not ((a - 1 in ends and text[a - 1] in _SEPS) or (b + 1 in starts and text[b:b + 1] in _SEPS)):
                continue
            name = _SPACES.sub("", text[a:b])
            if free(a, b, name):
                kept.append((a, b, float(probs[i])))
                taken.append((a, b))
                names.append(name)
                ends.add(b)
                starts.add(a)
                rest.remove(i)
                break
        else:
            break
    return sorted(kept)


_URGES = re.compile(r"(?:持续|继续|再次|已|将|也|还)?(?:督促|敦促|责成|责令|函请)")


def model_parties(text: str, *, title: str | None = None, found: Sequence = (),
                  model_dir: Path | None = None) -> list[tuple[int, int, str, str]]:
    """``(start, end, name, role)`` of the parties the model adds to the rules' ``found``."""
    model = load_model(model_dir)
    if model is None:
        return []
    coef, intercept, meta = model
    rule_spans = sorted((f.start, f.end) for f in found)
    rule_names = sorted({without_spaces(f.name) for f in found})
    names = _Names(rule_names)
    skip = _skip(meta)
    span_ends = [e for _s, e in rule_spans]
    # reach[k]: the furthest end of the 20 rule spans before the k-th (-1 for none)
    reach = [-1] + [max(span_ends[max(0, k - 20):k]) for k in range(1, len(rule_spans) + 1)]
    bl = bisect.bisect_left
    cands = []
    related: dict[str, bool] = {}  # candidates share names: each is looked up once
    for c in candidates(text):
        a, b, suffix = c
        if reach[bl(rule_spans, (b, b))] > a:  # a rule span overlaps it: select would drop it
            continue
        if suffix not in ("PER", "TOK") and "\u4e00" <= text[b:b + 1] <= "\u9fff" and suffix + text[b] in skip:
            continue  # (skip_key, inline)
        name = text[a:b]
        if " " in name or "\t" in name:
            name = _SPACES.sub("", name)
        hit = related.get(name)
        if hit is None:
            hit = related[name] = names.related(name)
        if not hit:
            cands.append(c)
    if not cands:
        return []
    rows = feature_slots(text, cands, title=title, bits=int(meta.get("bits", BITS)), found=rule_spans)
    probs = _score_flat(list(chain.from_iterable(rows)), list(map(len, rows)), coef, intercept)
    out = []
    for a, b, _p in select(text, cands, probs, float(meta["threshold"]), rule_spans, rule_names,
                           float(meta.get("sibling_threshold", 1.01))):
        if _URGES.match(text, b):
            continue  # the body that urges another to act (监察院持续督促某部…) oversees; the urged one acts
        out.append((a, b, without_spaces(text[a:b]), context_role(text, a, b)))
    return out


def context_role(text: str, start: int, end: int) -> str:
    """The role the words around a span give it (``ner_parties.role_of``), else responsible."""
    from nlp.extract.ner_parties import role_of, role_word_role

    name = text[start:end]
    label = "PER" if is_person_name(name) else ("ROLE" if role_word_role(name) else "ORG")
    role = role_of(text, start, end, label)
    if role in (None, "recipient"):
        role = "lead" if name.endswith("领导小组") else "responsible"
    return role
