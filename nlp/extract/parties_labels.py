"""Parties, labels and tables: names listed after a label (``组 长:王 军``, ``成员:…``,
``联系人:局办公室 王某``) and the units and people of a task table's 牵头单位/责任单位/配合单位 and
责任人 columns.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from nlp.extract.parties_lexicon import party_cues, role_words, surnames
from nlp.extract.parties_names import (
    VERB_AFTER,
    is_name as _is_name,
    name_end as _name_end,
    name_kind as _kind,
    normalize_name as _normalize,
    glued_roster,
    person_then_post,
    role_for as _role_for,
    post_words,
    split_names as _split_names,
    split_outside,
    strip_span,
    suffix_list,
    top_pieces as _top_pieces,
)
from nlp.extract.parties_patterns import (
    GROUP_ROLES,
    ITEM_MARKER,
    TABLE_CHARS,
    TABLE_OFFICE_ENDINGS,
    Found,
    compiled,
    line_spans,
    pieces,
)
from nlp.extract.parties_people import block_tokens, candidate_spans, common_word, is_person_name, person_names_in
from nlp.extract.parties_subjects import _unit_name
from nlp.text import opening_with


@cache
def _label_roles() -> dict[str, str]:
    """The role each label word (``组长``, ``成员``…) gives the names after it."""
    return {re.sub(r"\s", "", c.before.rstrip(":")): c.role for c in party_cues() if c.label}


# a task's time limit after the units of its label, the last item of the list: ,6月底完成, ,2024年底前,
# ,长期坚持, ,持续推进
_TIME_LIMIT_TAIL = re.compile(r"[,,;;]\s*(?:(?:(?:19|20)[0-9]{2}年)?[0-9]{1,2}月(?:底|末|上旬|中旬|下旬|[0-9]{1,2}日)?"
                              r"|(?:(?:19|20)[0-9]{2}年)?年?(?:底|末|内)|长期|持续|定期|按时)[^,,;;:()\n]{0,8}$")


def labelled(text: str, ner: str) -> list[Found]:
    """``组 长:王 军``, ``副组长:刘石溪 邓英明``, ``成员:市局各部门负责人和…``, ``总责任人:甘筱华``,
    ``组长:张立新(局长)副组长:…`` (a post in brackets after a name), ``联系人:李红,电话:…``."""
    roles = _label_roles()
    rx = compiled()
    heads = [m for m in rx["label"].finditer(text)  # 具体责任人: a post, no label
             if not (m.group("label") == "责任人" and m.start() > 0 and text[m.start() - 1] in "具直主")]
    bare = list(rx["label_bare"].finditer(text)) if "组" in text or "成" in text else []
    if bare:
        heads = sorted(heads + bare, key=lambda m: m.start())
    out = []
    for k, m in enumerate(heads):
        label = re.sub(r"\s", "", m.groupdict().get("label") or m.groupdict().get("column")
                       or m.groupdict().get("bare") or "")
        role = roles.get(label)
        if role is None:
            continue
        a = m.end()
        b = min(len(text), a + 160)
        if k + 1 < len(heads):
            b = min(b, heads[k + 1].start())  # 组长:张立新(局长)副组长:… ends at the next label
        stop = rx["label_end"].search(text, a, b)
        for _ in range(3):  # 组员:王某、李某、⏎赵某、…: a list that wraps after its 、 goes on below
            if not (stop and text[stop.start()] == "\n" and text[a:stop.start()].rstrip(" \t").endswith(("、", ","))):
                break
            more = min(len(text), stop.start() + 1 + 160)
            if k + 1 < len(heads):
                more = min(more, heads[k + 1].start())
            stop = rx["label_end"].search(text, stop.start() + 1, more)
            b = stop.start() if stop else more
        b = _unclosed(text, a, stop.start() if stop else b)  # (责任单位:某局) ends at its bracket
        tail = _TIME_LIMIT_TAIL.search(text, a, b)
        if tail:
            b = tail.start()  # (责任单位:某局、某委,6月底完成): the task's time limit closes the list
        while b > a and text[b - 1] in " \t,、":
            b -= 1
        if b <= a:
            continue
        if role == "contact" and stop:
            out += [Found(x, y, n, role) for x, y, n in _more_contacts(text, stop.start(), ner)]
        glued = _glued_people(text, a, heads[k + 1].start() if k + 1 < len(heads) else len(text))
        if glued:  # 副组长:姜某国土部部长丁某国务院副秘书长…: a roster whose lines were run together
            out += [Found(x, y, text[x:y], role) for x, y in glued]
            continue
        # 成员:马某、王某;高一各班班主任;医务(范某、魏某): each ;-part is read on its own
        at = a
        while at < b:
            semi = text.find(";", at, b)
            part_end = b if semi < 0 else semi
            got = _label_names(text, at, part_end, ner)
            if not got:
                break
            out += [Found(x, y, n, role) for x, y, n in got]
            at = part_end + 1
        # 副组长:肖某 某部副秘书长⏎丁某某 某委副主任⏎…: one more person on each following line
        pos = stop.start() if stop and text[stop.start()] == "\n" else -1
        limit = heads[k + 1].start() if k + 1 < len(heads) else len(text)
        if pos >= 0 and out and out[-1].start >= a and _kind(out[-1].name) in UNIT_KINDS:
            # 成员单位:⏎某部⏎某局⏎…: a list of units one a line goes on while each line is units
            more_units = _unit_lines(text, pos, limit)
            out += [Found(x, y, n, role) for x, y, n in more_units]
            if more_units:
                continue
        while 0 <= pos < limit:
            more = rx["label_more"].match(text, pos, limit)
            if not more:
                line_end = text.find("\n", pos + 1, limit)
                x, y = strip_span(text, pos + 1, limit if line_end < 0 else line_end)
                paired = _listed_people(text, x, y) if "(" in text[x:y] else []
                if len(paired) >= 2 and all(is_person_name(n) for _, _, n in paired):
                    out += [Found(p, q, n, role) for p, q, n in paired]  # ⏎吴某(林业站) 刘某(安监站)
                    pos = y
                    continue
                glued = person_then_post(text[x:y])
                if not glued:
                    # a roster line this reading cannot cut (a rare family name) is passed over when
                    # the roster goes on right under it in the same shape
                    skipped = y if y - x <= 20 and re.fullmatch(r"[\u4e00-\u9fff]+", text[x:y]) else -1
                    if skipped < 0 or skipped >= limit or not _roster_line(text, skipped, limit):
                        break
                    pos = skipped
                    continue
                out.append(Found(x, x + glued, text[x:x + glued], role))  # ⏎蔡某省残联理事长
                pos = y
                continue
            x, y = more.span("who")
            who = _normalize(text[x:y])
            if not (is_person_name(who) or (more.group("affil") and len(who) in (2, 3))):
                break  # (李某(市发改局): a roster's line, its shape names a person)
            out.append(Found(x, y, who, role))
            pos = more.end()
    return out


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def _glued_people(text: str, a: int, limit: int) -> list[tuple[int, int]]:
    """The people of a label's value when it is a roster run together (name, unit and post, then
    the next name…), up to the next label, line or sentence end; [] unless its first run of
    characters is such a roster. Runs broken by a page's stray marks (`.`, `、`) are read each."""
    end = min(limit, a + 1200)
    for stop in ("\n", "。"):
        at = text.find(stop, a, end)
        end = end if at < 0 else at
    out: list[tuple[int, int]] = []
    for k, m in enumerate(_CJK_RUN.finditer(text, a, end)):
        if k == 0 and m.start() > a + 1:
            return []
        pieces = glued_roster(m.group(), least=1)
        if k == 0 and len(pieces) < 2:
            names = glued_names(m.group())  # 成员:张某杨某某汤某…及各班主任: names typed with no separator
            if names or not pieces:
                return [(m.start() + x, m.start() + y) for x, y in names]
        out += [(m.start() + x, m.start() + y) for x, y in pieces]
    return out if len(out) >= 2 else []  # (one person: the readings of a plain label)


GLUED_NAMES_LEAST = 3  # people in a run of names typed with no separator, at the least
# characters of an organ's name, in no given name: 王某江苏省委常委 holds no names 苏省委, 常委
_ORGAN_CHARS = frozenset("省市县区委局厅处办部")  # (not 科: 王明科, 杨文科 are given names)
_RUN_TAIL = re.compile(r"(?:以及|及|和|等).*$")


def glued_names(run: str) -> list[tuple[int, int]]:
    """``张某杨某某汤某`` -> [(0, 2), (2, 5), (5, 7)]: a label's people typed with no separator
    (the page lost its 、 or spaces), up to a closing ``及…``/``等…``: the cuts into names of two
    or three characters, each opening with a family name; of several ways, the one whose family
    names are the most common. [] unless every character is read and there are at least
    ``GLUED_NAMES_LEAST`` names."""
    from nlp.extract.parties_lexicon import surname_ranks
    from nlp.extract.parties_people import is_person_name

    run = _RUN_TAIL.sub("", run)
    n = len(run)
    if n < 2 * GLUED_NAMES_LEAST or n > 60:
        return []
    ranks = surname_ranks()
    best: dict[int, tuple[float, list[tuple[int, int]]]] = {n: (0.0, [])}  # from i to the end: (cost, cuts)
    for i in range(n - 2, -1, -1):
        options = []
        for size in (2, 3):
            j = i + size
            if j in best and is_person_name(run[i:j]) and not _ORGAN_CHARS.intersection(run[i + 1:j]):
                first = run[i:i + 2] if run[i:i + 2] in ranks and size == 3 else run[i]
                cost = best[j][0] + float(ranks.get(first, len(ranks)))
                options.append((cost, [(i, j)] + best[j][1]))
        if options:
            best[i] = min(options)
    got = best.get(0, (0.0, []))[1]
    return got if len(got) >= GLUED_NAMES_LEAST else []


def _roster_line(text: str, pos: int, limit: int) -> bool:
    """The line after ``pos`` (a line break) is a roster's: a person typed before their post."""
    end = text.find("\n", pos + 1, limit)
    x, y = strip_span(text, pos + 1, limit if end < 0 else end)
    return y > x and person_then_post(text[x:y]) is not None


UNIT_KINDS = ("body", "unit", "office", "group")
UNIT_LINES = 40  # at most this many lines of units after a label


def _unit_lines(text: str, pos: int, limit: int) -> list[tuple[int, int, str]]:
    """The units on the lines from ``pos`` (a line break) while every line is one or more units
    (split at 、,, and spaces) and nothing else."""
    out = []
    for _ in range(UNIT_LINES):
        if pos >= limit or text[pos] != "\n":
            break
        end = text.find("\n", pos + 1)
        end = min(limit, len(text) if end < 0 else end)
        a, b = strip_span(text, pos + 1, end)
        while b > a and text[b - 1] in "。;,、":
            b -= 1
        names = [(x, y, _normalize(text[x:y])) for x, y in _top_pieces(text, a, b)] if b > a else []
        if not names or not all(_is_name(n) and _kind(n) in UNIT_KINDS for _, _, n in names):
            break
        out += names
        pos = end
    return out


def _unclosed(text: str, a: int, b: int) -> int:
    """``b``, or where a closing bracket opened before ``a`` ends the run ``text[a:b]``."""
    depth = 0
    for i in range(a, b):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            if depth == 0:
                return i
            depth -= 1
    return b


_HEADS_OF = re.compile(r"等(?:[0-9一二三四五六七八九十]+个)?(?:部门|单位|科室|处室|相关单位)?的?(?:主要|分管)?(?:负责人|负责同志|领导)")


def _label_names(text: str, a: int, b: int, ner: str) -> list[tuple[int, int, str]]:
    """The names after a label, in the first of these forms that reads: units or posts
    (``市局各部门负责人``), people with a bracketed post, a unit and its person, people."""
    while b > a and text[b - 1] in " \t,、":
        b -= 1
    if b <= a:
        return []
    person = compiled()["person_post"].fullmatch(text, a, b)
    if (person and is_person_name(_normalize(person.group("who")))
            and ("、" not in person.group("post") or person.group("post").endswith(post_words()))
            and not is_person_name(text[person.end("who"):b].strip())):  # 王某某 韩某某: two people
        return [(person.start("who"), person.end("who"), _normalize(person.group("who")))]  # 肖 某 某部副部长
    glued = person_then_post(text[a:b])
    if glued:  # 组长:陈某副省长 (the name typed straight before the post)
        return [(a, a + glued, text[a:a + glued])]
    heads = _HEADS_OF.search(text, a, b)  # 组员:某部、某处、某办等部门负责人…: the units whose heads serve
    if heads:
        pieces = [strip_span(text, x, y) for x, y in split_outside(text, a, heads.start(), "、")]
        units = [(x, y, _normalize(text[x:y])) for x, y in pieces
                 if _is_name(_normalize(text[x:y])) and _kind(_normalize(text[x:y])) in ("body", "office", "unit", "group")]
        if len(units) >= 2 and 4 * len(units) >= 3 * len(pieces):  # (a stray item, 在校内其他…单位, spoils none)
            return units
    names = _split_names(text, a, b)
    if names:
        return names
    posted = _posted_people(text, a, b)  # 组长:院长 张某
    if posted:
        return posted
    listed = _listed_people(text, a, b) or _unit_and_person(text, a, b)
    if listed:
        return listed
    people = candidate_spans(text, ner=ner, start=a, end=min(b, a + 40))
    return person_names_in(text, a, b, people)


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
    """``集团纪委办公室 冯某`` (or ``某局 李某、王某``): a unit and then the people in it, all named;
    [] unless so."""
    pieces = _top_pieces(text, start, end)
    if len(pieces) < 2:
        return []
    (a, b), rest = pieces[0], pieces[1:]
    unit = _normalize(text[a:b])
    people = [(c, d, _normalize(text[c:d])) for c, d in rest]
    if (_is_name(unit) and _kind(unit) in ("body", "unit", "office", "group")
            and all(is_person_name(who) for _, _, who in people)):
        return [(a, b, unit)] + people  # 联系人:某局 李某、王某: the unit, then each of its people
    return []


_POST_THEN_PERSON = re.compile(r"(?P<post>[^\s、,:;]{2,20})[ \t]+(?P<who>[\u4e00-\u9fff](?:[ \t]?[\u4e00-\u9fff]){1,2})")


# a staff member's title before the name in a label's value (联络人:队员 某某, 联系人:科员 某某)
_STAFF_TITLE = re.compile(r"[\u4e00-\u9fff]{1,3}员")


def _posted_people(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``院长 张某``, ``副院长 李某、副院长 陈某``: a post, a space, then the person; [] unless each
    piece is so."""
    out = []
    for a, b in split_outside(text, start, end, "、,"):
        a, b = strip_span(text, a, b)
        m = _POST_THEN_PERSON.fullmatch(text, a, b)
        if not m or not (m.group("post").endswith(post_words()) or _STAFF_TITLE.fullmatch(m.group("post"))):
            return []
        who = _normalize(m.group("who"))
        if not is_person_name(who):
            return []
        out.append((m.start("who"), m.end("who"), who))
    return out


def _listed_people(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``张立新(局长)、孙明(副局长)``: people (or posts) each with a bracketed post; [] unless all are."""
    out = []
    pieces = _top_pieces(text, start, end)
    joined = []  # 田 源(派出所) 安兴友(党政办): a two-character name padded with a space is one piece
    for a, b in pieces:
        if joined and joined[-1][1] - joined[-1][0] == 1 and re.match(r"[\u4e00-\u9fff]\(", text[a:b]):
            joined[-1] = (joined[-1][0], b)
        else:
            joined.append((a, b))
    for a, b in joined:
        m = re.fullmatch(r"(?P<who>[^()]{2,12})\((?P<post>[^()]{1,20}|负责[^()]{1,40})\)", text[a:b])
        if not m:
            return []
        who, width = _normalize(m.group("who")), len(m.group("who"))
        if who.endswith("同志") and is_person_name(who[:-2]):
            who, width = who[:-2], width - 2  # 张某同志(院长)
        if not (is_person_name(who) or _is_name(who)):
            return []
        out.append((a, a + width, who))
    return out


def task_tables(text: str) -> list[Found]:
    """The units of a task table's 牵头单位/责任单位/配合单位 columns, row by row.

    The header is a line of at least three cells of which one names a responsibility column
    (``roles.tsv``: 牵头单位 lead, 责任单位 responsible, 配合单位 member); each following line
    with as many cells is a row. Cells are split at tabs or runs of spaces, else at single
    spaces; a row with more cells than the header has spaces inside its task cell.
    """
    out = []
    lines = line_spans(text)
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
                out += [Found(p, q, n, role) for p, q, n in _split_names(text, x, y)]
            k += 1
    return out + _unit_columns(text) + _cell_line_tables(text)


# a table flattened one cell a line (序号⏎目标⏎责任单位⏎1⏎…⏎区发改委⏎2⏎…): its header cells, short
# lines of column words, the first a row number's
_HEADER_CELL = re.compile(r"(?:序号|编号|[\u4e00-\u9fff0-9年()]{0,10}(?:任务|目标|指标|内容|事项|措施|单位|部门|领导|时限|时间"
                          r"|备注|责任人|分工|举措|项目))")
_ROW_NUMBER = re.compile(r"[0-9]{1,3}")


def _cell_line_tables(text: str) -> list[Found]:
    """The units of a responsibility column in a table flattened one cell a line, its rows led by
    their numbers (``序号⏎2022年预期目标⏎责任单位⏎1⏎地区生产总值增长5.5%左右⏎区发展改革委⏎2⏎…``)."""
    if "序号" not in text and "编号" not in text:
        return []
    lines = [(a, b) for a, b in (strip_span(text, x, y) for x, y in line_spans(text)) if b > a]
    out: list[Found] = []
    k = 0
    while k < len(lines):
        if text[slice(*lines[k])] not in ("序号", "编号"):
            k += 1
            continue
        n = 1
        while k + n < len(lines) and n < 8 and _HEADER_CELL.fullmatch(text, *lines[k + n]):
            n += 1
        columns = {i: r for i in range(1, n) if (r := _column_role(text[slice(*lines[k + i])]))}
        k += n
        if n < 3 or not columns:
            continue
        expected = 1
        while k + n <= len(lines) and text[slice(*lines[k])] == str(expected):
            row = lines[k:k + n]
            if any(_ROW_NUMBER.fullmatch(text, *cell) for cell in row[1:]):
                break  # a row with a cell missing: the next number comes early, the columns no longer hold
            for i, role in columns.items():
                out += [Found(p, q, nm, role) for p, q, nm in _split_names(text, *row[i])
                        if _kind(nm) in UNIT_KINDS]
            k += n
            expected += 1
    return out


_PIPE_ROW = re.compile(r"(?m)^[^\n|]*(?: \| [^\n|]*){2,}$")  # 4 | 培训救护人员… | 区红十字会 | 50%
MIN_COLUMN_ROWS = 3


def _unit_columns(text: str) -> list[Found]:
    """A task table whose header the page lost: in a run of at least three rows of one width
    (cells parted by `` | ``), a column other than the first whose cells name units, three in
    four of them at least (``区卫生健康局``, ``区医疗保障局``), gives the units charged with the row's
    task."""
    if " | " not in text:
        return []
    out: list[Found] = []
    rows: list[list[tuple[int, int]]] = []
    for m in list(_PIPE_ROW.finditer(text)) + [None]:
        row = None if m is None else _pipe_cells(text, m.start(), m.end())
        if rows and (row is None or len(row) != len(rows[-1]) or text.count("\n", rows[-1][-1][1], m.start()) > 1):
            out += _unit_column_run(text, rows)
            rows = []
        if row is not None:
            rows.append(row)
    return out


def _pipe_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, a = [], start
    for sep in re.finditer(r" \| ", text[start:end]):
        out.append(strip_span(text, a, start + sep.start()))
        a = start + sep.end()
    out.append(strip_span(text, a, end))
    return out


def _unit_column_run(text: str, rows: list[list[tuple[int, int]]]) -> list[Found]:
    if len(rows) < MIN_COLUMN_ROWS:
        return []
    out = []
    for i in range(1, len(rows[0])):
        cells = [_split_names(text, *row[i]) for row in rows]
        units = [names for names in cells if names and all(_kind(n) in UNIT_KINDS for _, _, n in names)]
        if len(units) >= MIN_COLUMN_ROWS and 4 * len(units) >= 3 * len(cells):  # (a cell may name a unit no lexicon ends)
            out += [Found(a, b, n, "responsible") for names in units for a, b, n in names]
    return out




def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of a table line: split at tabs or runs of spaces when it has any, else at spaces."""
    line = text[start:end]
    if len(line) > 400:
        return []  # a paragraph, not a row
    split = compiled()["table_split"] if compiled()["table_split"].search(line.strip()) else re.compile(r"\s+")
    return [(start + a, start + b) for a, b in pieces(line, 0, len(line), split)
            if line[a:b].strip()]


@lru_cache(maxsize=1 << 12)
def _column_role(header: str) -> str | None:
    """``牵头单位`` -> lead, ``责任单位(责任股室)`` -> responsible, ``配合单位`` -> member."""
    word = re.sub(r"\([^()]*\)$", "", header.strip())
    role = role_words().get(word)
    if role in GROUP_ROLES and word.endswith(("单位", "部门", "科室", "股室", "处室")):
        return role
    return None


def table_people(text: str, ner: str) -> list[Found]:
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
    # only the blocks that may hold a person's name (a family name's first character) or a
    # section (its ending) are cut: the tokens read below come from no other block
    toks = block_tokens(text, header.end(), region_end, _table_word_chars())
    for a, b, name in candidate_spans(text, ner=ner, toks=toks):
        out.append(Found(a, b, name, "responsible"))
    for a, b, word, _ in toks:
        # the sections of the 责任单位(责任股室) column: 医政股, 防保股, 执法队, 应急办
        if 3 <= len(word) <= 6 and word.endswith(TABLE_OFFICE_ENDINGS) and _is_name(word):
            out.append(Found(a, b, word, "responsible"))
    return out


@cache
def _table_word_chars() -> re.Pattern:
    """The first characters of the family names and the section endings of a task table."""
    chars = {w[0] for w in surnames()} | {w[-1] for w in TABLE_OFFICE_ENDINGS}
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]")


def bracket_duties(text: str) -> list[Found]:
    """The units in brackets after a task: ``(县卫健局、县应急管理局牵头,各乡镇及县直有关单位
    按职责分工负责)``: those before 牵头 lead, those before 配合/负责/参与 are charged; with no lead
    among them (``(省住建厅、省自然资源厅等按职责分工负责)``, ``(县卫健局负责)``) each is charged,
    when every piece is a unit's name (``(由专人负责)`` names none)."""
    out = []
    for m in compiled()["bracket_duty"].finditer(text):
        for key, role in (("lead", "lead"), ("rest", "responsible")):
            if m.group(key):
                a, b = m.span(key)
                out += [Found(x, y, n, role) for x, y, n in _split_names(text, a, b)]
    for m in compiled()["bracket_charged"].finditer(text):
        names = _split_names(text, *m.span("rest"))
        if names and all(_is_name(n) and _kind(n) in UNIT_KINDS for _, _, n in names):
            out += [Found(x, y, n, "responsible") for x, y, n in names]
    return out


# a task item that ends with the units in charge in brackets, as Hong Kong's policy addresses set
# them: `…于2023年底前完成。(运输及物流局)`, `(政务司副司长办公室/相关政策局)`
# (a lookbehind first: the lookahead on the characters a match opens with skips the others)
_LINE_END_UNITS = opening_with(r"(?<=[\u4e00-\u9fff。;;%)])[ \t]*\((?P<units>[^()\n]{2,60})\)[ \t]*(?=\n|$)", " \t(")


def line_end_units(text: str) -> list[Found]:
    """The units in brackets that end two or more task lines (each piece, split at / 、 ,, a unit's
    name): the task's responsible units."""
    out = []
    for m in _LINE_END_UNITS.finditer(text):
        a, b = m.span("units")
        pieces = [(x, y) for x, y in split_outside(text, a, b, "/、,,")]
        names = [(x, y, _normalize(text[x:y])) for x, y in (strip_span(text, x, y) for x, y in pieces)]
        if names and all(_is_name(n) and _kind(n) in UNIT_KINDS for _, _, n in names):
            out += [Found(x, y, n, "responsible") for x, y, n in names]
    lines = {text.rfind("\n", 0, f.start) for f in out}
    return out if len(lines) >= 2 else []


DUTY_VERB_ROLES = {"牵头": "lead", "配合": "member", "协助": "member", "参与": "member"}


def duty_items(text: str) -> list[Found]:
    """A division of duties item by item: ``(一)县应急管理局:负责统筹…``, ``2.县住建局。牵头…``:
    the units heading each item are charged with it (牵头 leads, 配合/协助 cooperates)."""
    out = []
    for m in compiled()["duty_verb"].finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        head = compiled()["duty_head"].fullmatch(text, line_start, m.start())
        if not head:
            continue
        names = _split_names(text, *head.span("names"))
        if names and all(_kind(n) in ("body", "unit", "office", "group", "person") for _, _, n in names):
            role = DUTY_VERB_ROLES.get(m.group("verb"), "responsible")
            out += [Found(a, b, n, role) for a, b, n in names]
    return out


# what follows a unit that opens an item of a plan: a verb (做好, 负责, 组织…), 在/于/对 and the
# time or object before one, an adverb (及时, 定期)
ITEM_VERB = re.compile(rf"{VERB_AFTER}|[做抓办备搞管]好|负责|牵头|准备|提供|安排|在|于|按照|根据|要|应|须|必须|将|务必"
                       r"|每[月周年季]|定期|具体|统一|积极|主动")
ITEM_LINE = re.compile(rf"(?m)^[ \t]*(?:{ITEM_MARKER})[ \t]*")
ITEM_SUBJECT_CHARS = 25  # a unit opening an item is short


def item_subjects(text: str) -> list[Found]:
    """``(3)医疗保健组做好应急保障``, ``(4)总务处在…准备好饮用水``: a unit, office or group that opens
    a numbered item and goes straight on with a verb is charged with the item (no modal needed)."""
    out = []
    for m in ITEM_LINE.finditer(text):
        start = m.end()
        line_end = text.find("\n", start)
        stop = min(len(text) if line_end < 0 else line_end, start + ITEM_SUBJECT_CHARS)
        end = _name_end(text, start, stop, ITEM_VERB)
        if end is None or end >= stop:
            continue
        name = text[start:end]
        if not name.startswith(("各", "全")) and _unit_name(name):
            role = next((r for verb, r in DUTY_VERB_ROLES.items() if text.startswith(verb, end)), "responsible")
            out.append(Found(start, end, name, role))  # (三)派出所配合…: a cooperating unit
    return out


# a sentence's duties shared out after a colon, one clause a unit (会议压实各部门职责:住建局统筹…;
# 应急局严管…;市场监管局从…严控…): the clauses between the colon and the sentence's end
_COLON = re.compile(r"[::]")
_SEMI = re.compile(r"[;;]")
_CLAUSE_SUBJECT_CHARS = 14  # a unit that opens a clause is short
_CLAUSE_MARKER = re.compile(r"\s*(?:[((][0-9一二三四五六七八九十]{1,2}[))]|[0-9]{1,2}[、.．]|[①-⑳])\s*")


@cache
def _suffix_ends() -> frozenset[str]:
    """The last characters of the name endings (局, 委, 办…): a clause's prefix ends with one."""
    return frozenset(w[-1] for w in suffix_list())


def duty_clauses(text: str) -> list[Found]:
    """The units that open the ;-clauses after a colon, each going on with what it does, when two
    or more of the clauses, and most of them, open so: each unit is charged with its clause."""
    out: list[Found] = []
    if ";" not in text and "；" not in text:
        return out
    for m in _COLON.finditer(text):
        a = m.end()
        stops = [i for i in (text.find("。", a, a + 1200), text.find("\n", a, a + 1200)) if i >= 0]
        b = min(stops) if stops else min(len(text), a + 1200)
        if _SEMI.search(text, a, b) is None or _COLON.search(text, a, b):
            continue  # (no clauses, or another colon opens the run: its own)
        pos, found, clauses = a, [], 0
        ends = _suffix_ends()
        for part in _SEMI.split(text[a:b]):
            start = pos + len(part) - len(part.lstrip(" \t"))
            pos += len(part) + 1
            if not part.strip():
                continue
            clauses += 1
            marker = _CLAUSE_MARKER.match(text, start, pos)  # (1)某局…;(2)某委…: the item's marker opens no name
            start = marker.end() if marker else start
            end = next((k for k in range(min(pos - 1, start + _CLAUSE_SUBJECT_CHARS), start + 1, -1)
                        if text[k - 1] in ends and _unit_name(text[start:k])
                        and not common_word(text[k - 1:k + 1])), None)  # (部分, 部门: no name ends inside a word)
            if end is not None and end < pos - 1 and "\u4e00" <= text[end] <= "\u9fff" \
                    and text[end] not in "的和与及等":
                found.append(Found(start, end, text[start:end], "responsible"))
        if len(found) >= 2 and 2 * len(found) > clauses:
            out += found
    return out


def person_heads(text: str) -> list[Found]:
    """``2.王某(党委委员、副校长)`` heading its own part (each leader's 述职 in one report): the
    person, who reports the work."""
    out = []
    for m in compiled()["person_head"].finditer(text):
        who = _normalize(m.group("who"))
        if is_person_name(who) and m.group("post").endswith(post_words()):
            out.append(Found(m.start("who"), m.end("who"), who, "responsible"))
    return out


# an item line that holds only a group's name (⑵综合协调组, 二、宣传报道组:), then a roster or its duties
_GROUP_HEAD = re.compile(rf"(?m)^[ \t?？]*(?:{ITEM_MARKER})[ \t]*(?P<g>[\u4e00-\u9fff“”]{{2,16}})[ \t]*[::;;]?[ \t]*$")
_GROUP_BODY = re.compile(r"[ \t]*(?:副?\s*组\s*长|组\s*员|成\s*员|牵\s*头|负\s*责|职\s*责|主要职责|工作职责|由"
                         r"|责\s*任\s*(?:领\s*导|单\s*位)|带\s*队\s*领\s*导)")  # (一)第一督导组;⏎责任领导:…


def group_heads(text: str) -> list[Found]:
    """``(二)综合协调组⏎组长:某某…`` / ``⏎负责…``: a working group that heads its own item, its
    roster or its duties below, is charged with the item (a 领导小组 leads)."""
    out = []
    for m in _GROUP_HEAD.finditer(text):
        name = m.group("g")
        if _kind(name) not in ("group", "office") or not _is_name(name):
            continue
        if _GROUP_BODY.match(text, m.end() + 1):
            out.append(Found(m.start("g"), m.end("g"), name, _role_for("auto", name)))
    return out


PEOPLE_COLUMNS = {"负责人": "responsible", "责任人": "responsible", "联系人": "contact", "联络人": "contact"}
HEADER_CELL = re.compile(r"[\u4e00-\u9fff()]{1,8}")  # a header cell of a table flattened one cell a line
MAX_COLUMNS = 8


def column_people(text: str) -> list[Found]:
    """A table flattened one cell a line (``组别⏎人数⏎说明⏎负责人⏎一组⏎15⏎…⏎王某某⏎…``): the header
    is a run of short lines holding 负责人/责任人/联系人; each following group of as many lines is a
    row, and the cell under that header is a person."""
    out = []
    spans = line_spans(text)
    cells = [(a, b, text[a:b].strip()) for a, b in spans]
    cells = [(a, b, c) for a, b, c in cells if c]
    k = 0
    while k < len(cells):
        if cells[k][2] not in PEOPLE_COLUMNS:
            k += 1
            continue
        first = k
        while (first > 0 and k - first < MAX_COLUMNS - 1
               and HEADER_CELL.fullmatch(cells[first - 1][2]) and cells[first - 1][2] not in PEOPLE_COLUMNS):
            first -= 1
        column, role = k - first, PEOPLE_COLUMNS[cells[k][2]]
        best: list[Found] = []
        row_end = k + 1
        for width in range(max(3, column + 1), MAX_COLUMNS + 1):  # the width whose rows read best
            if not all(HEADER_CELL.fullmatch(c) for _, _, c in cells[first:first + width]):
                break
            found, row = [], first + width
            while row + width <= len(cells):
                x, y, cell = cells[row + column]
                if not is_person_name(_normalize(cell)):
                    break
                found.append(Found(x, y, _normalize(cell), role))
                row += width
            if len(found) > len(best):
                best, row_end = found, row
        out += best if len(best) >= 2 else []
        row = row_end
        k = max(k + 1, row)
    return out
