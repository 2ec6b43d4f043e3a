"""Parties, clauses: the names a sentence charges with work, read from the grammar of its clauses.

The subject of a clause that a cue charges (``疾控中心要…``), the slot of a cue (``由…负责``,
``成立…领导小组``, ``办公室设在…``), a post's holder (``局长任组长``), the head of a group's office
(``由王某兼任办公室主任``), each unit of a 、-list after 会同/联合/组织, and a clause that opens with
各…单位/机构 or an addressee and goes on with a verb. Cues are data (``party_cues.tsv``).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import chain
from typing import Iterator

from nlp.extract.parties_lexicon import PartyCue, organs, party_cues, role_words, short_units
from nlp.extract.parties_names import (
    is_name as _is_name,
    name_end as _name_end,
    name_kind as _kind,
    listed_before,
    may_end_name,
    name_list as _name_list,
    role_for as _role_for,
    split_names as _split_names,
    split_outside,
)
from nlp.extract.parties_people import is_person_name
from nlp.extract.parties_subjects import _organ_under, acting_units, by_units, heard_units
from nlp.text import COLONS, COMMAS, SEMICOLONS, STOPS, literal_trie, opening_with, without_spaces
from nlp.extract.parties_patterns import (
    CUE_COMPOUND,
    GAP,
    GROUP_ROLES,
    LIST_CUES,
    VERB_COMPOUND,
    Context,
    Found,
    compiled,
    pieces,
)


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """Spans of sentences: split at 。;!?, line breaks, tabs and long runs of spaces; a line of web
    chrome (``上一篇:…``) is skipped to its end."""
    chrome = compiled()["chrome"]
    start = 0
    skip_until = -1
    for b_start, b_end in chain(map(re.Match.span, _SENTENCE_BREAK.finditer(text)), ((len(text), len(text)),)):
        if b_start > start and start >= skip_until:
            if (start == 0 or text[start - 1] == "\n") and chrome.match(text, start, b_start):
                line_end = text.find("\n", start)
                skip_until = len(text) if line_end < 0 else line_end
            else:
                yield start, b_start
        start = b_end


# where a sentence ends: 。;!? (both widths), a line break, a tab, or a run of three white spaces
# or more; read as one class (a stop, or white space that a run of two more follows unless it is a
# break or a tab itself) so that the engine skips to them, then the end of the text (the empty
# match of ``$`` that ``[…]|\s{3,}|$`` gives last, and only there: a final line break is a break)
_SENTENCE_BREAK = re.compile(rf"[{STOPS}{SEMICOLONS}\s](?:(?<=[{STOPS}{SEMICOLONS}\n\t])|\s{{2,}})")


def _clauses(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Clauses of a sentence: split at , and : outside quotes and brackets."""
    yield from split_outside(text, start, end, COMMAS + COLONS)


def _clause_body_start(text: str, start: int, end: int, headings: frozenset[str] = frozenset()) -> int:
    """Skip item markers, a stage heading and fillers that open a clause: (一)…阶段(4月)同时…,
    and a heading flattened onto its body after its marker: 六、工作要求各学校要…"""
    rx = compiled()
    pos = start
    while pos < end:
        while pos < end and text[pos].isspace():
            pos += 1
        if text[pos:pos + 1] not in _BODY_FIRSTS and text.find("阶段", pos, min(end, pos + 14)) < 0:
            break  # no item marker nor filler opens here, and no stage heading's 阶段 follows
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


# the characters an item marker or a filler opens with (tests/test_parties_clauses_speed.py reads
# them from the patterns); a stage heading (…阶段(4月)) holds 阶段 within its first 14 characters
_BODY_FIRSTS = frozenset("((一二三四五六七八九十0123456789第同并特其另此最首为因对今目再还请")


def _skip_heading(text: str, pos: int, end: int, headings: frozenset[str]) -> int:
    """``工作要求各学校要…`` after ``六、``: the position after a glued heading (``pos`` if none)."""
    own = [h for h in headings if text.startswith(h, pos)]
    m = compiled()["heading"].match(text, pos, end)
    stop = max([pos + len(h) for h in own] + ([m.end()] if m else []), default=pos)
    if stop > pos and stop < end and re.match(r"[\u4e00-\u9fff]", text[stop]):
        return stop
    return pos


def _named_organ(name: str) -> bool:
    """``消防处``, ``某市政府消防局``: a government organ's name, alone or under its place or parent
    (the test ``_unit_name`` gives organs)."""
    return name in organs() or _organ_under(name)


ORGAN_REACH = 24  # how far into a later clause an acting organ's name may end (its place before it)


@cache
def _organ_rx() -> re.Pattern:
    """Any organ's or body's short name (party_organs.tsv, party_units.tsv): the cheap gate before a
    later clause is read for an acting organ."""
    return re.compile("|".join(map(re.escape, sorted(set(organs()) | set(short_units()), key=len, reverse=True))))


_ATTENDS = re.compile(r"参加|出席|列席|参会|与会")  # 市卫健委派员参加: attending is no part in the work


def sentence_parties(text: str, s_start: int, s_end: int, ctx: Context = Context()) -> list[Found]:
    out: list[Found] = []
    adverbial = s_start > ctx.title_end  # the sentence opens with its actor, or with time or purpose
    rx = compiled()
    opening, adverbial_rx = rx["opening"].fullmatch, rx["adverbial"].match
    label_before = _LABEL_BEFORE.search
    for c_start, c_end in _clauses(text, s_start, s_end):
        if label_before(text, max(0, c_start - 8), c_start):
            continue  # 成员:市局各部门负责人…: the label's list, read by labelled
        if c_end - c_start > 400:
            c_end = c_start + 400  # a flattened table is no clause; bound the work
        body = _clause_body_start(text, c_start, c_end, ctx.headings)  # read once for both
        # every party _clause_parties finds is a name (or a post's holder after 任/长) within the
        # clause: a clause with no character a name can end with is spared it
        found = _clause_parties(text, c_start, c_end, ctx, body) if may_end_name(text, c_start, c_end) else []
        if not found and (adverbial or out):
            # 运输署已安排…, 日前,某省教育厅印发…: the actor of a report opens its sentence, or
            # follows the clauses of time, purpose or basis that open it; 某局…,某院随即…: a
            # later clause opening with another actor
            found = acting_units(text, body, c_end, later=bool(out) or not adverbial)
        elif not found and c_start > s_start and _organ_rx().search(text, body, min(c_end, body + ORGAN_REACH)):
            # 圣诞将至,消防处昨日起…: an organ of government (party_organs.tsv) acting in a later
            # clause, whatever the clause before it says
            found = acting_units(text, body, c_end)  # (a list too: 食环署与警方联合行动)
            found = [f for f in found if all(_named_organ(g.name) or g.name in short_units() for g in found)
                     and not _ATTENDS.search(text, f.end, c_end)]
        if not found and text.find("由", c_start, c_end) >= 0:
            found = by_units(text, c_start, c_end)  # 由镇纪委不定时到各科室暗访
        if text.find("听取", c_start, c_end) >= 0:
            found += heard_units(text, c_start, c_end)  # 听取了某局、某委对…的工作汇报
        out += found
        if out:
            continue  # acting_units is tried only while nothing is found: adverbial no longer matters
        if adverbial if c_start == s_start else (not adverbial and s_start > ctx.title_end):
            # the first clause keeps adverbial when it opens so; a later one that opens so sets it
            adverbial = (opening(text, c_start, c_end) is not None
                         or adverbial_rx(text, c_start, c_end) is not None
                         or text[c_end:c_end + 1] == ":")  # 接报与初步处置:…, 接到报告后,应急领导小组立即…
    out += _post_slots(text, s_start, s_end)
    out += _office_heads(text, s_start, s_end)
    counted, nouns = _counted_groups(text, s_start, s_end)
    if counted:  # 下设4个工作组,即…: the groups are named, the counted noun is none of them
        out = [f for f in out if not any(a <= f.start and f.end <= b for a, b in nouns)] + counted
    if out and rx["plan_made"].search(text, s_start, s_end):
        # 由我局负责指导…,现结合实际,制定本工作方案: who is charged in the sentence that makes
        # the plan is its author
        first = min(out, key=lambda f: f.start)
        if first.role in GROUP_ROLES:
            out.append(first._replace(role="issuer"))
    return out


def _post_slots(text: str, s_start: int, s_end: int) -> list[Found]:
    """``由局长任组长、分管副局长任副组长、各股室负责人为成员的工作专班``: each post's holder."""
    if text.find("任", s_start, s_end) < 0 and text.find("为", s_start, s_end) < 0:
        return []  # every post slot holds 任 (担任) or 为: a sentence without them is spared the scans
    if not _SET_UP.search(text, max(0, s_start - SET_UP_BEFORE), s_end):
        return []  # the group is set up in this sentence or just before it
    out = []
    roles = role_words()
    for m in compiled()["post_slot"].finditer(text, s_start, s_end):
        a, b = m.span("who")
        names = _split_names(text, a, b, people=True)
        out += [Found(x, y, n, roles.get(m.group("post"), "member")) for x, y, n in names]
    return out


_SET_UP = re.compile(r"成立|组成|组建|调整|领导小组|工作小组|专班|指挥部")
SET_UP_BEFORE = 200


def _office_heads(text: str, s_start: int, s_end: int) -> list[Found]:
    """``由王某同志兼任办公室主任`` / ``办公室主任由王某担任``: the office's head is responsible;
    a named person appointed in a clause (``李某同志任副组长``) takes the post's role."""
    out = []
    if text.find("办公室", s_start, s_end) < 0:
        return out  # both of the pattern's forms hold the word
    for m in compiled()["office_head"].finditer(text, s_start, s_end):
        key = "who" if m.group("who") else "who2"
        a, b = m.span(key)
        names = _split_names(text, a, b, people=True)
        out += [Found(x, y, n, "responsible") for x, y, n in names]
    return out


APPOINTED_ROLES = (("组长", "lead"), ("成员", "member"), ("组员", "member"), ("联络员", "contact"),
                   ("联络人", "contact"), ("联系人", "contact"))


def appointed_people(text: str) -> list[Found]:
    """``王某同志任办公室主任``, ``李某任副组长``: a named person appointed to a post (one scan of
    the document from the verb and the post; the person stands right before, after a clause's start
    or 由)."""
    if "任" not in text:
        return []
    out = []
    for m in compiled()["appointed"].finditer(text):
        at = m.start() - 2 if text[m.start() - 2:m.start()] == "同志" else m.start()
        for length in (3, 2):
            who = text[at - length:at]
            if at - length >= 0 and is_person_name(who) and (
                    at - length == 0 or text[at - length - 1] in ",;。:、!? \t\n由"
                    or _held_after(text, at - length)):
                post = m.group("post")
                role = next((r for word, r in APPOINTED_ROLES if post.endswith(word)), "responsible")
                out.append(Found(at - length, at, who, role))
                out += [Found(a, b, n, role) for a, b, n in _appointed_run(text, at - length)]
                break
    return out


_RUN_STOP = re.compile(r"[。;;:!?\n]")


def _appointed_run(text: str, at: int) -> list[tuple[int, int, str]]:
    """``省政协副主席甘某,副省长杨某,省政府秘书长胡某、副秘书长钟某,省某局局长田某任副组长``: the
    people listed before an appointee, each after their post and parted by , or 、 with no verb of
    their own, share the post."""
    floor = max(0, at - 200)
    stop = max((m.end() for m in _RUN_STOP.finditer(text, floor, at)), default=floor)

    def name_at(text: str, end: int) -> tuple[int, int, str] | None:
        for length in (3, 2):
            a = end - length
            if a > stop and is_person_name(text[a:end]) and _held_after(text, a):
                return a, end, text[a:end]
        return None

    return listed_before(text, stop, at, name_at)


def _held_after(text: str, at: int) -> bool:
    """The person at ``at`` follows their unit or post: 由市某局孙某任组长, 局总工程师冷某兼办公室主任
    (a unit's or a post's ending right before the name, after a clause's start or 由)."""
    m = re.search(r"(?:^|[,;。:、由\n])([^,;。:、由\n]{2,16})$", text[max(0, at - 17):at])
    return bool(m) and _kind(m.group(1)) in ("body", "unit", "office", "person") and _is_name(m.group(1))


# a set-up that counts its groups, then names them: 下设4个工作组,即甲组、乙组和丙组
_COUNTED_GROUPS = re.compile(r"(?:下设|设立|成立|组成|组建|分设|分成|分为)了?[0-9一二三四五六七八九十两]+个"
                             r"[\u4e00-\u9fff]{0,6}?(?P<noun>组|专班|部门|机构)\s*[,:]?\s*(?:即|分别为|分别是|包括)?\s*:?"
                             r"(?P<names>[\u4e00-\u9fff]{2,12}(?:[、和及][\u4e00-\u9fff]{2,12})+)(?=[。;,等\n]|$)")

# … or names them, then counts them: 下设综合组、“六小”整治组和材料组等14个工作小组
_GROUPS_COUNTED = re.compile(r"(?:下设|设立|成立|组成|组建|分设|分成|分为)了?"
                             r"(?P<names>[\u4e00-\u9fff“”]{2,16}(?:[、和及][\u4e00-\u9fff“”]{2,16})+?)"
                             r"等?[0-9一二三四五六七八九十两]+个[\u4e00-\u9fff]{0,6}?(?P<noun>组|专班)")


def _counted_groups(text: str, s_start: int, s_end: int) -> tuple[list[Found], list[tuple[int, int]]]:
    """``办公室下设4个工作组,即综合组、督导组和案件组`` (or ``下设综合组、督导组和案件组等3个工作组``):
    each group named beside its count, ending as the counted noun does; and the spans of the counts
    (``4个工作组``), which name no one."""
    out, nouns = [], []
    if text.find("个", s_start, s_end) < 0:
        return out, nouns  # both patterns hold the count's 个: a sentence without it is not scanned
    for rx in (_COUNTED_GROUPS, _GROUPS_COUNTED):
        for m in rx.finditer(text, s_start, s_end):
            end = m.end("names") - (text[m.end("names") - 1] == "等")  # …和材料组等14个: 等 closes the list
            spans = pieces(text, m.start("names"), end, re.compile(r"[、和及]"))
            names = [(a, b, text[a:b]) for a, b in spans]
            if all(n.endswith(m.group("noun")) and len(n) > len(m.group("noun")) for _, _, n in names):
                out += [Found(a, b, n, _role_for("auto", n)) for a, b, n in names]
                nouns.append((m.start(), m.start("names")) if rx is _COUNTED_GROUPS else (m.end("names"), m.end()))
    return out, nouns


_LABEL_BEFORE = re.compile(r"(?:组\s*长|副\s*组\s*长|总责任人|成\s*员|组\s*员|主\s*任|联络人|联系人)\s*:[ \t]*\n?[ \t]*\Z")  # (an empty label, a blank line after it, heads nothing)


def _guarded(word: str) -> str:
    """A cue word as a word: not inside a longer word (``CUE_COMPOUND``: 应 of 应急, 要 of 主要)."""
    before, after = CUE_COMPOUND.get(word, ("", ""))
    return ((f"(?<![{before}])" if before else "") + re.escape(word)
            + (f"(?![{after}])" if after else ""))


@cache
def _compiled_cues() -> tuple[tuple[PartyCue, re.Pattern | None, re.Pattern | None, tuple[str, ...]], ...]:
    def part(words: str) -> re.Pattern | None:
        if not words:
            return None
        pattern = GAP.join(_guarded(w) for w in words.split("*"))
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


@cache
def _cue_index() -> tuple[tuple[int, ...], dict[str, tuple[int, ...]]]:
    """The cues with no needle word (tried in every clause), and the others filed under one of
    their needle words: a clause tries only the cues filed under a word it contains."""
    always, by_word = [], {}
    for k, needles in enumerate(_cue_needles()[0]):
        if needles:
            by_word.setdefault(min(needles), []).append(k)
        else:
            always.append(k)
    return tuple(always), {w: tuple(ks) for w, ks in by_word.items()}


@cache
def _needles_by_first() -> dict[str, tuple[str, ...]]:
    """The needle words filed under their first character."""
    out: dict[str, list[str]] = {}
    for w in sorted(_cue_needles()[1]):
        out.setdefault(w[0], []).append(w)
    return {ch: tuple(ws) for ch, ws in out.items()}


def _present_needles(clause: str) -> set[str]:
    """The needle words the clause contains: only those whose first character it holds are looked
    up (the same set as testing every word, in a third of the time)."""
    by_first = _needles_by_first()
    return {w for ch in by_first.keys() & set(clause) for w in by_first[ch] if w in clause}


@cache
def _needle_rx() -> re.Pattern:
    """The longest needle word at a position (a trie of them: the engine skips to their first characters)."""
    return re.compile(literal_trie(_cue_needles()[1]))


@cache
def _needle_prefixes() -> dict[str, frozenset[str]]:
    """Per needle word, the needle words it opens with (itself included)."""
    needles = _cue_needles()[1]
    return {w: frozenset(p for p in needles if w.startswith(p)) for w in needles}


def _needles_within(text: str, start: int, end: int) -> set[str]:
    """``_present_needles(text[start:end])`` without the slice: at each position where a needle
    word ends by ``end``, the longest one and the needles it opens with (the others there)."""
    search, prefixes = _needle_rx().search, _needle_prefixes()
    out: set[str] = set()
    m = search(text, start, end)
    while m is not None:
        out |= prefixes[m.group()]
        m = search(text, m.start() + 1, end)
    return out


_APPLICABLE: dict[frozenset[str], tuple[int, ...]] = {}


def applicable_cues(present: frozenset[str]) -> tuple[int, ...]:
    """The cues (indices into ``_compiled_cues()``, in cue order) whose needle words are all in
    ``present``, the needle words a clause holds: clauses hold few sets of them, so each set's
    cues are worked out once a process (most cues are absent from most clauses)."""
    hit = _APPLICABLE.get(present)
    if hit is None:
        if len(_APPLICABLE) > 100_000:
            _APPLICABLE.clear()
        needles_of = _cue_needles()[0]
        always, by_word = _cue_index()
        tried = sorted({*always, *(k for w in present for k in by_word.get(w, ()))})
        hit = _APPLICABLE[present] = tuple(k for k in tried if needles_of[k] <= present)
    return hit


def _clause_parties(text: str, c_start: int, c_end: int, ctx: Context = Context(),
                    body: int | None = None) -> list[Found]:
    if body is None:
        body = _clause_body_start(text, c_start, c_end, ctx.headings)
    out: list[Found] = []
    taken: list[tuple[int, int]] = []
    cues = _compiled_cues()
    for k in applicable_cues(frozenset(_needles_within(text, c_start, c_end))):  # cue order kept
        cue, before, after, needles = cues[k]
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
                out.append(Found(n_start, n_end, name, _role_for(cue.role, name)))
    plain = _plain_subjects(text, body, c_end, ctx)
    if plain and not any(a < plain[-1][1] and plain[0][0] < b for a, b in taken):
        out += [Found(a, b, n, "responsible") for a, b, n in plain]
    return out


# a verb that directs someone to do the work: 要求某局加强…, 责成某院整改, 指派某处跟进, 交由某所处理
_DIRECTIVE = opening_with(r"(?:(?P<ask>要求|责成|指示|指派|委托|函请|授权|推动)|交由|移送|移交|转交|转介)", "要责指委函授推交移转")
DIRECTED_KINDS = ("body", "unit", "office", "group")


def directed_units(text: str) -> list[Found]:
    """``要求各区卫生健康局立即开展排查``, ``移送某委员会处理``: the units a directive verb names
    right after it, when a verb follows them (they are charged with it). One scan of the document;
    the verb's sentence bounds the names."""
    out = []
    for m in _DIRECTIVE.finditer(text):
        if text[m.start() - 1:m.start()] in ("不", "未"):
            continue
        stop = _SENTENCE_END.search(text, m.end())
        c_end = stop.start() if stop else len(text)
        names = _name_list(text, m.end(), min(c_end, m.end() + 60))
        post = re.match(r"(?:主要)?(?:负责人|负责同志)", text[names[-1][1]:c_end]) if names else None
        if post:  # 要求各科室负责人…: the head of the last unit is the one asked
            a, b, n = names[-1]
            names[-1] = (a, b + post.end(), n + post.group())
        every = names and all(re.match(r"(?:全[省市县区镇乡])?各", n) for _, _, n in names)  # 要求各地开展…
        if not names or not all((_kind(n) in DIRECTED_KINDS or n.endswith(("负责人", "负责同志"))
                                 or (every and _kind(n) == "place"))
                                and not n.startswith(("和", "及", "与", "、")) for _, _, n in names):
            continue
        resume = r"务必|要|应|须|必须|尽快|立即|即时|迅速" + (r"|在|于" if every else "")  # 要求各地,在…期间…
        rest = re.sub(rf"^,(?={resume})", "", text[names[-1][1]:c_end])
        asked = m.group("ask") and (compiled()["subject_verb"].match(rest) or _ASKED_VERB.match(rest))
        if len(rest) >= 2 and (asked or _DIRECTED_VERB.match(rest)):  # 移送某委员会处理, not …依法审查
            out += [Found(a, b, n, _role_for("responsible", n)) for a, b, n in names]
    return out


_SENTENCE_END = re.compile(rf"[{STOPS}{SEMICOLONS}\n\t]|\s{{3,}}")


# what a directed unit is asked to do, beyond the verbs of a plain subject
_DIRECTED_VERB = re.compile(r"(?:处理|调查|侦办|查处|核查|整改|跟进|研究|办理|审查|复核|答复|回复|改进|执行|协助|提交|提出)")


def _plain_subjects(text: str, body: int, c_end: int, ctx: Context) -> list[tuple[int, int, str]]:
    """``各定点医药机构对照清单开展自查``: a clause that opens with 各…单位/机构 (or an addressee of
    the document) and goes on with a verb gives its subject work, with no modal to cue it."""
    asked = text[max(0, body - 2):body].endswith("请")  # 请某局加强…: a notice asks its addressee
    if not (asked or text.startswith(("各", "全县各", "全市各", "全区各"), body)
            or text.startswith(ctx.recipients, body)):  # a tuple: any of them (none when empty)
        return []
    names = _name_list(text, body, min(c_end, body + 80))
    if not names:
        return []
    rest = text[names[-1][1]:c_end]
    if len(rest) < 2 or not (compiled()["subject_verb"].match(rest) or (asked and _ASKED_VERB.match(rest))):
        return []
    kinds = ("body", "unit", "office", "group") + (("place", "person") if asked else ())
    every = all(re.match(r"(?:全[县市区镇乡])?各", n) for _, _, n in names)  # 各地、各乡镇(街道): places charged
    if not all(_kind(n) in kinds or (every and _kind(n) == "place") for _, _, n in names):
        return []
    return names


# what the one a notice asks (请…) is asked to do: 请某局全力侦办, 请各单位主管督导…
_ASKED_VERB = re.compile(r"(?:\([^()]{1,12}\))?(?:全力|监督|督导|督促|务必|于|在|提供|配合|协助|做好|认真|及时|切实"
                         r"|积极|按|依|确实|尽快|立即|注意|遵守|落实|加强|结合|高度重视|自行|自即日起)")


def _subject(text, body, c_end, cue, before, after) -> list[tuple[int, int]]:
    """``^…要``: the name opens the clause and the cue follows it."""
    pos = body
    if before is not None:
        m = before.match(text, body, c_end)
        if not m:
            return []
        pos = m.end()
    for m in after.finditer(text, pos + 1, min(c_end, pos + 60)):
        for adv in compiled()["adverb"].finditer(text, pos + 2, m.start()):
            # 县医保局、县药监局按职责分工配合: a short adverbial (no 的, no list) before the verb
            if re.search(r"[的、]", text[adv.start():m.start()]):
                break
            if _split_names(text, pos, adv.start()):
                return [(pos, adv.start())]
        if _split_names(text, pos, m.start()):
            return [(pos, m.start())]
        # 形成主要领导亲自抓: a post right before the cue, inside a longer clause
        at = m.start()
        for word in _roles_by_last_char().get(text[at - 1:at], ()):
            if text.startswith(word, at - len(word)) and at - len(word) >= pos:
                return [(at - len(word), at)]
    return []


@cache
def _roles_by_last_char() -> dict[str, tuple[str, ...]]:
    """The post words (``role_words``) longest first, filed under their last character: only
    those may end right before a cue."""
    out: dict[str, list[str]] = {}
    for word in sorted(role_words(), key=len, reverse=True):
        out.setdefault(word[-1], []).append(word)
    return {ch: tuple(ws) for ch, ws in out.items()}


def _between(text, c_start, c_end, before, after) -> list[tuple[int, int]]:
    """``由…负责``: the name sits between two cue words."""
    out = []
    for b in before.finditer(text, c_start, c_end):
        a = after.search(text, b.end() + 1, min(c_end, b.end() + 40))
        if a:
            out.append((b.end(), a.start()))
    return out


GROUP_CUES = ("成立", "调整", "组建")  # cues whose object may be a list of groups


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
        count = compiled()["count"].match(text, start, window_end)
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
        while cue in GROUP_CUES and text[end:end + 1] in ("和", "、", "及"):
            # 成立甲领导小组和乙专家委员会: each group set up in the list
            more = _name_end(text, end + 1, min(c_end, end + 1 + 30))
            if more is None or _kind(without_spaces(text[end + 1:more])) not in ("group", "body"):
                break
            out.append((end + 1, more))
            end = more
    return out
