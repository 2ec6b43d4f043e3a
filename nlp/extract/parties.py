"""Parties: the units, bodies, groups and people a document gives responsibility, with their role.

Input is one document's normalized text (plus its outline and title); output is one
``Mention(type="party")`` per (entity, role) pair, in reading order, with the value
``{"name": ..., "role": lead|responsible|member|contact|issuer|recipient}``.

Names are found where the grammar and the layout of a document put them, not by lookup. This
module runs the finders and keeps one answer per (entity, role) (``_resolve``: short forms folded
into full names, 卫生局 -> 县卫生局, 劳工局 -> 劳工事务局). The finders:

- ``parties_structure.py``: the issuer in the title (``X关于…``, ``某医院2023年工作总结``), the
  ``X文件`` head, the ``印发`` line, the 落款 above the signing date (several units, blank lines),
  a headline's department in brackets, the 主送 line after the title (cut at ``,``/``;``), a line
  that is only a 、-list of units;
- ``parties_labels.py``: ``组 长:王 军``, ``成员:…`` and the lines that go on with them, task-list
  columns (``(责任单位:X)``, ``牵头单位`` above its names, task tables), ``(X牵头,Y负责)``;
- ``parties_clauses.py``: the subject of a clause a cue charges (``疾控中心要…``), the slot of a
  cue (``由…负责``, ``成立…领导小组``, ``会同…``), a post's holder (``局长王军任组长``), the head of
  a group's office, a clause opening with 各…单位 and a verb;
- ``parties_subjects.py``: the actors of a report or news item: a named holder beside a post
  before a reporting verb (``院长某某主持``), a unit opening a sentence with an action
  (``运输署已安排…``), the unit after 由 (``由镇纪委暗访``).

Full-width punctuation is read as ASCII (``nlp.text.fold_width``), one character for one, so offsets
stay exact. A name must end like a body, unit, group, office or post (``nlp/data/org_suffixes.tsv``;
the checks are in ``parties_names.py``); cues, roles, posts and non-parties are data files too
(``party_cues.tsv``, ``roles.tsv``, ``party_posts.tsv``, ``non_parties.tsv``). Names of people come
from ``parties_people.py`` (a private jieba tokenizer, run on candidate spans only, and family
names); that is the seam where a NER model (``ner="hanlp"``) adds its spans.

With ``ner="auto"`` (the default) the learned recogniser of ``parties_model.py`` (trained on the
real dev gold, ``models/parties/``) then adds the names no rule found; ``ner="rules"`` runs the
rules alone, and so does ``auto`` when the model files are missing.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache, partial
from typing import Iterator, Sequence

from nlp.extract.parties_chrome import page_body
from nlp.extract.parties_clauses import appointed_people, directed_units, sentence_parties, sentences
from nlp.extract.parties_labels import (
    duty_clauses,
    bracket_duties,
    line_end_units,
    column_people,
    duty_items,
    group_heads,
    item_subjects,
    labelled,
    person_heads,
    table_people,
    task_tables,
)
from nlp.extract.parties_lexicon import non_parties, party_posts, short_units
from nlp.extract.parties_lists import unit_lists
from nlp.extract.parties_names import (
    name_kind as _kind,
    normalize_name as _normalize,
    post_person,
)
from nlp.extract.parties_people import common_word, is_person_name, tokens
from nlp.extract.parties_persons import byline_people, case_clause, news_people, post_duties, purpose_subjects
from nlp.extract.parties_patterns import DEPUTY, GROUP_ROLES, STRENGTH, Context, Found
from nlp.extract.parties_subjects import ONLY_ATTEND, counted_groups, headline_actors, listed_groups, post_holders
from nlp.extract.parties_structure import (
    header_issuers,
    headline_issuers,
    in_structure_list,
    labelled_issuers,
    listed_units,
    news_issuers,
    recipients,
    release_authors,
    signatures,
    self_issuer,
    superior_decisions,
    title_issuers,
)
from nlp.model import Mention, Section
from nlp.text import fold_width, literal_trie, unwrap


def find_parties(text: str, *, sections: Sequence[Section] = (), ner: str = "auto",
                 title: str | None = None, doc_type: str | None = None, **_: object) -> Iterator[Mention]:
    """Yield each (party, role) of a document once, in reading order.

    >>> [(m.value["name"], m.value["role"]) for m in find_parties("为加强领导,成立由县卫生局局长任组长的领导小组,并下设办公室。疾控中心要重点抓好落实。")]
    [('县卫生局局长', 'lead'), ('领导小组', 'lead'), ('办公室', 'responsible'), ('疾控中心', 'responsible')]
    """
    if not text or not text.strip():
        return
    original, text = text, fold_width(text)  # names are read in the folded view
    text = unwrap(page_body(text))  # a site's masthead, closing links and footer are no part of the document;
    # a PDF's wrapping is undone (a name or clause broken at a line's end is read whole)
    title = fold_width(title) if title else title
    found: list[Found] = []
    issued = title_issuers(text, title)
    found += issued
    found += header_issuers(text)
    found += signatures(text)
    found += release_authors(text)  # 某局⏎2012-01-04 18:47 under a press release's headline
    found += labelled_issuers(text)
    found += superior_decisions(text)
    found += self_issuer(text)
    found += headline_issuers(text)
    reported = news_issuers(text, doc_type)  # 近日,某厅印发通知…: the bodies a news item's lead says issued a document
    found += reported
    found += recipients(text, _title_end(text, title))
    found += labelled(text, ner)
    found += post_holders(text)
    found += counted_groups(text)  # 派出12个督察组
    found += listed_groups(text)  # 下设综合组、宣传组和督查组
    found += listed_units(text)
    found += unit_lists(text)  # a governed 、-list of units (parties_lists.py)
    found += news_people(text)  # named holders beside a post in news (parties_persons.py)
    found += byline_people(text)  # 某县人民政府县长 某某: a speech's speaker under its title
    found += purpose_subjects(text)  # 某县政府为落实…,加强…: the unit before its purpose
    found += post_duties(text)  # posts that approve, are reported to, or serve as contact (parties_persons.py)
    ctx = Context(frozenset(fold_width(s.heading) for s in sections
                            if s.heading and 2 <= len(s.heading) <= 12),
                  tuple(sorted({f.name for f in found if f.role == "recipient"}, key=len, reverse=True)),
                  _title_end(text, title))
    for s_start, s_end in sentences(text):
        found += [g for f in sentence_parties(text, s_start, s_end, ctx)
                  if not _label_run_on(text, f) and (g := _verb_trimmed(f)) is not None]
    found += appointed_people(text)
    found += directed_units(text)
    found += task_tables(text)
    found += bracket_duties(text)
    found += line_end_units(text)  # …前完成。(运输及物流局)
    found += duty_items(text)
    found += duty_clauses(text)  # 压实职责:某局统筹…;某局严管…
    found += item_subjects(text)
    found += person_heads(text)
    found += group_heads(text)  # (二)综合组⏎组长:…
    found += column_people(text)
    found += table_people(text, ner)
    if not issued:  # a news headline's actor, unless the text names it in full (卫健委 / 卫生健康委)
        found += [f for f in headline_actors(text, title) if not _named_otherwise(f.name, found)]
    from nlp.extract.ner import resolve_backend

    if resolve_backend(ner) == "hanlp":  # the model's names no rule found, roled by their context
        from nlp.extract.ner_parties import model_parties

        found += [Found(*p) for p in model_parties(text, [(f.start, f.end) for f in found])]
    if ner == "auto":  # the learned recogniser adds the names no rule found (models/parties)
        from nlp.extract.parties_model import model_parties as learned_parties

        found += [g for p in learned_parties(text, title=title, found=_resolve(found))  # as trained
                  if not _mid_word(text, p[0]) and not _function_word(p[2]) and not _left_out(text, p)
                  and (f := _verb_trimmed(Found(*p))) is not None for g in _verb_split(f)]
    if reported:  # a body the lead says issued the reported document is its issuer, not a second party too
        issued_names = {f.name for f in reported}
        found = [f for f in found if f.role != "responsible" or f.name not in issued_names]
    found = [f for f in found if not in_structure_list(text, f.start)]  # 内设股室:办公室、法制股…
    found = _unheaded(found, ctx.headings)
    found = _drop_affiliations(text, found)
    found = _drop_holders_units(text, found)
    found = _drop_places(text, found)
    found = _drop_joined_issuers(found)
    found = _drop_bare_posts(text, found)
    found = [f for f in found if not _cited_authority(text, f) and not _in_book_title(text, f)]
    found = [g for f in found for g in _trimmed(text, f) if not _CLAUSE_INSIDE.search(g.name)
             and not _FORMER_AFTER.match(text, g.end) and not _FORMER_INSIDE.search(g.name)]
    for f in _resolve(_whole_units(text, found)):
        yield Mention("party", f.start, f.end, original[f.start:f.end], {"name": f.name, "role": f.role})


def _drop_bare_posts(text: str, found: list[Found]) -> list[Found]:
    """``部长`` alone beside ``部长洪某`` (洪某部长会同…): a post whose holder the document names is
    that person, listed under the name; the bare post is no second party."""
    posts = party_posts()
    named = [text[g.start:g.end] for g in found if g.name not in posts and is_person_name(g.name)]
    if not named:
        return found
    return [f for f in found if f.name not in posts or not any(f.name in span for span in named)]


# a span that holds a clause's copula or verb (安全生产是医院…, 是指卫生局, 二是做好卫生局…,
# 清醒认识作风建设…, 医院职工操办…): no body's name holds them (the real and collected gold hold none)
# (and a post cut before its word: 常务副; a speaker's line read as a name, 县长某某向大会作政府[工作报告];
# a count's measure word or masked number opening a span, *个暗访组, [91]个责任单位: 9个县市区纪委 keeps its count;
# a demonstrative, 我市这些二级公立医院: a phrase pointing back at bodies already named, no name)
_CLAUSE_INSIDE = re.compile(r"是|即为|做好|认识|操办|副$|向[^,,。;;]{1,8}?[作做]|^[*＊]*个|这些|那些")


# a unit named as a former holder's (某医院原副院长某某, 某委原党组成员…: a case's subject, no party),
# or a span run into such a post (某医院原麻醉科)
_FORMER_AFTER = re.compile(r"原(?:[\u4e00-\u9fff]{0,8}?(?:书记|院长|局长|主任|科长|处长|部长|厅长|市长|县长|区长|镇长|乡长"
                           r"|委员|组长|校长|经理|董事长|总监|所长|站长|队长)|党[委组])")
_FORMER_INSIDE = re.compile(r"[院局委科处部厅办所站队校]原[\u4e00-\u9fff]")


_CITE_VERB = re.compile(r"(?:根据|按照|依据|依照|执行|贯彻|落实|遵照|参照)[^,,。;;:]*$")
_CITED_AFTER = re.compile(r"(?:[、和及与][^,,。;;:、]{1,20})*(?:关于|(?:印发|下发|制定|出台)?的?(?:有关)?(?:要求|通知|文件|规定|精神|部署))")


# a body before the document it issued, the text then carrying it out: 省委办公厅、省政府办公厅印发了《…》,
# 现就贯彻落实…通知如下 (a superior whose document is cited; the gold README: no party)
_ISSUED_CITED = re.compile(r"(?:[、和及与][^,,。;;:、《]{2,20}){0,12}(?:近日|日前)?(?:联合)?(?:印发|下发|出台|发布|颁布)了?"
                           r"《[^》\n]{2,80}》[^。;;\n]{0,20}?(?:贯彻|落实|执行)")
_ISSUED_CITED_REACH = 12 * 21 + 8 + 84 + 24  # the longest match the pattern can make


def _cited_authority(text: str, f: Found) -> bool:
    """严格执行国家、省卫生健康委员会、教育部关于…的有关要求, 省委办公厅、省政府办公厅印发了《…》,现就贯彻落实…:
    bodies named as the source of a document or requirement the text follows, not parties of it
    (gold README: superior bodies that only issued a cited document)."""
    if f.role not in ("responsible", "lead", "member"):
        return False
    if _ISSUED_CITED.match(text, f.end, f.end + _ISSUED_CITED_REACH) is not None:
        return True  # (within reach of the name: a long 、-list of finds is not read to its end for each)
    before = text[max(0, f.start - 40):f.start]
    return bool(_CITE_VERB.search(before)) and _CITED_AFTER.match(text, f.end, f.end + 80) is not None


def _left_out(text: str, p: tuple[int, int, str, str]) -> bool:
    """A learned name the rules' conventions leave out, as they do where the rules read it: a person
    named in a case, a relayed speech or a cited demand (``case_clause``), or one who only attends
    (副县长某某参加会议。, and the text names him no more). (A body whose cited document the text
    carries out is left out of every finding, ``_cited_authority``.)"""
    start, end, name, _role = p
    return is_person_name(name) and (case_clause(text, start, end)
                                     or (ONLY_ATTEND.match(text, end) is not None and text.find(name, end) < 0))


def _mid_word(text: str, start: int) -> bool:
    """A name that would start inside a common word (the 全 of 安全: 安全生产工作部署)."""
    return start > 0 and common_word(text[start - 1:start + 1])


def _function_word(name: str) -> bool:
    """A person-shaped name that jieba reads as one word of a function class (连日来: a time
    phrase, tagged l; 近日, t): no one's name. And a span that holds a clause's preposition or
    conjunction after its first word (集中对辖区, 被请托者于三日内向所, 各单位意见并全部): the
    learned recogniser's span ran across the grammar of its clause."""
    toks = _name_tokens(name)
    if any(t[2] in _CLAUSE_WORDS and t[3] in ("p", "c", "d") for t in toks[1:]):
        return True
    if _kind(name) is not None:
        return False
    return len(toks) == 1 and toks[0][3] in _FUNCTION_TAGS


@lru_cache(maxsize=1 << 14)
def _name_tokens(name: str) -> tuple[tuple[int, int, str, str], ...]:
    """``tokens(name)`` of a found name, kept: the same units are found again and again in a
    document and across a site's documents, and jieba cuts a name the same way every time."""
    return tuple(tokens(name))


def _verb_trimmed(f: Found) -> Found | None:
    """A learned span that opens with a clause's adverb or a distributive (也没有认真督促相关部门,
    每个季度组织) is none; one that opens with a verb before a unit (导致各基层医疗机构, 承办安委会)
    is the unit after the verb."""
    if len(f.name) <= 3 and is_person_name(f.name) and _kind(f.name) in (None, "person"):
        return f  # 曾某某, 单某: a family name that is also an adverb (曾, 单) opens a person's name
    toks = _name_tokens(f.name)
    if len(toks) < 2:
        return f
    word, tag = toks[0][2], toks[0][3]
    if tag in ("d", "ad") or word in ("每个", "每"):
        return None
    rest = f.name[len(word):]
    if tag == "v" and _kind(f.name) is not None and _kind(rest) is not None and rest not in non_parties() \
            and (rest[0] in "各全该本省市县区镇乡" or rest in short_units()):
        return Found(f.start + len(word), f.end, rest, f.role)
    return f


# a verb that joins a unit to the units it brings to work (某镇组织安监办、…, 某局会同某委): no name holds it
_JOINING_VERB = re.compile(r"组织(?![部科处委员])|会同|带领|率领")


def _verb_split(f: Found) -> list[Found]:
    """A learned span that runs over a joining verb (沂水县某镇组织安监办) is the unit before it and
    the one after it, each kept if it reads as a name."""
    m = _JOINING_VERB.search(f.name, 2)
    if not m or m.end() >= len(f.name) - 1:
        return [f]
    parts = [(f.start, f.start + m.start(), f.name[:m.start()]), (f.start + m.end(), f.end, f.name[m.end():])]
    return [Found(a, b, n, f.role) for a, b, n in parts if len(n) >= 2 and _kind(n) is not None]


_FUNCTION_TAGS = frozenset({"l", "d", "t", "c", "p", "r", "m", "i", "ad", "f", "u", "q"})
# no party's name holds these words of a clause's grammar (none of the dev, seed or collected gold names does)
_CLAUSE_WORDS = frozenset({"于", "向", "对", "把", "被", "从", "并"})


def _in_book_title(text: str, f: Found) -> bool:
    """根据《⏎某厅关于开展…的通知》: a name inside a cited document's 《》 title is part of the
    title, no party."""
    open_at = text.rfind("《", max(0, f.start - 80), f.start)
    if open_at < 0 or "》" in text[open_at:f.start]:
        return False
    close_at = text.find("》", f.end, f.end + 160)
    if close_at < 0 or "《" in text[f.end:close_at]:
        return False
    # (a page that prints the document's own title in 《》 on a line of its own, near the top, cites
    # nothing: `《某市人民政府办公厅关于印发…的通知》⏎某政办〔2023〕1号`)
    line_end = text.find("\n", close_at)
    own = (open_at < 600 and not text[text.rfind("\n", 0, open_at) + 1:open_at].strip()
           and not text[close_at + 1:line_end if line_end >= 0 else len(text)].strip())
    return not own


# a 、-list closed as places: 深入机关、企事业单位、住宅小区等场所 (the list's head noun says what its items are)
_PLACES_CLOSE = re.compile(r"等(?:重点|公共|人员密集|各类)?(?:场所|地方|区域|部位|地点|处所|场地)")
_LIST_ITEM = re.compile(r"[^,,。;;::、\n等]{1,10}$")


def _drop_places(text: str, found: list[Found]) -> list[Found]:
    """深入辖区机关、企事业单位、住宅小区、社区等场所张贴…: the items of a list its closing noun calls
    places (场所, 区域, 部位…) are where the work is done, no parties. The list runs back from 等
    over short items parted by 、, to the first item that is long or holds 等 itself."""
    spans = []
    for m in _PLACES_CLOSE.finditer(text):
        start = end = m.start()
        while True:
            item = _LIST_ITEM.search(text, max(0, end - 10), end)
            if item is None:
                break
            start = item.start()
            if text[start - 1:start] != "、":
                break
            end = start - 1
        if start < m.start():
            spans.append((start, m.start()))
    if not spans:
        return found
    return [f for f in found if not any(a <= f.start and f.end <= b for a, b in spans)]


def _drop_joined_issuers(found: list[Found]) -> list[Found]:
    """``中共某市委办公室某市人民政府办公室印发…``: a title's issuer that is the names of two or more
    issuers found elsewhere (the 落款) written together is those issuers, not a third."""
    names = {f.name for f in found if f.role == "issuer"}
    if len(names) < 3:
        return found

    def joined(whole: str, rest: str, parts: int = 0) -> bool:
        if not rest:
            return parts >= 2
        return any(joined(whole, rest[len(n):], parts + 1) for n in names if n != whole and rest.startswith(n))

    return [f for f in found if not (f.role == "issuer" and joined(f.name, f.name))]


def _drop_affiliations(text: str, found: list[Found]) -> list[Found]:
    """成员:李某(市发改局): the unit in brackets right after a listed person is where the person works,
    no party of its own."""
    spans = []
    for f in found:
        at = f.end
        while text[at:at + 1] in (" ", "\t", "\u3000"):
            at += 1  # 王某 (市某局副局长): a roster may space its brackets off
        if text[at:at + 1] == "(" and _kind(f.name) is None and is_person_name(f.name):  # (a person)
            close = text.find(")", at, at + 32)
            if close > 0:
                spans.append((f.end, close + 1))  # (the brackets too: a span may hold them)
    if not spans:
        return found
    return [f for f in found if not any(a <= f.start and f.end <= b for a, b in spans)]


# the rest of a clause in which the people named only attend (、我院领导班子成员参加会议)
_ATTENDS_ONLY = re.compile(r"[^,,。;;!?\n]{0,40}?(?:参加|出席|列席|陪同)(?:了)?(?:会议|活动|仪式|座谈会|培训)?[,,。;;\n]")


def _drop_holders_units(text: str, found: list[Found]) -> list[Found]:
    """``市卫生局局长某某、…参加会议``: the unit typed straight before a named holder's post, in a
    clause where the people only attend, is where the holder works, no party of its own (one whose
    holder speaks or acts for it is: 某市卫生局局长某某表示…), unless it is found elsewhere too."""
    people = {f.end - len(f.name): f for f in found
              if _kind(f.name) is None and is_person_name(f.name) and text.endswith(f.name, 0, f.end)}
    if not people:
        return found
    posts = _posts_rx()
    drop = set()
    for u in found:
        if _kind(u.name) not in BODY_KINDS:
            continue
        at = u.end
        while text[at:at + 1] in (" ", "\t"):
            at += 1
        post = posts.match(text, at)
        if post is None:
            continue
        at = post.end()
        while text[at:at + 1] in (" ", "\t"):
            at += 1
        person = people.get(at)
        if person is not None and _ATTENDS_ONLY.match(text, person.end):
            drop.add(u)
    if not drop:
        return found
    kept_names = {f.name for f in found if f not in drop}
    return [f for f in found if f not in drop or f.name in kept_names]


@cache
def _posts_rx() -> re.Pattern:
    """The posts written beside a named holder (``party_posts.tsv``), the longest first."""
    return re.compile(literal_trie(party_posts()))


def _signed(f: Found) -> bool:
    """A superior body (国务院, 市人民政府) is a party as the issuer of its own document only; a
    generic addressee of the 主送 line (有关部门, 各有关部门) is a recipient."""
    why = non_parties().get(f.name)
    return (f.role == "issuer" and why == "superior") or (
        f.role == "recipient" and why == "generic" and f.name.startswith(("有关", "相关", "各")))


def _named_otherwise(name: str, found: list[Found]) -> bool:
    """``枫阳市卫健委`` in a headline, ``市卫生健康委`` in the text: some name found has the characters
    of ``name`` after its place (省/市/县/区), in order."""
    core = re.sub(r"^[^省市县区]{0,6}[省市县区]", "", name)
    return len(core) >= 2 and any(f.name != name and _subsequence(core, f.name) for f in found)


def _whole_units(text: str, found: list[Found]) -> list[Found]:
    """Drop a place glued to the unit before it (某县卫生健康局某县): the cues no longer cut a name
    inside a word (``CUE_COMPOUND``: 应 of 应急), so a place read off a unit's name needs no repair."""
    out = []
    for f in map(partial(_after_article, text), found):
        if _kind(f.name) == "place" and any(_kind(f.name[:k]) in BODY_KINDS and _kind(f.name[k:]) == "place"
                                            for k in range(3, len(f.name) - 1)):
            continue  # 某县卫生健康局 某县(应急…): a unit and the place of the next name, glued
        out.append(f)
    return out


# a name holds no dateline (某网8月4日讯…, 于3月20日), no preposition opening it or leading a place
# into it (给相关单位, 回相关部门, 力量到各乡镇, 某某在政府), and no verb of the clause (相关单位启动…,
# …召开, 某局合办): a span with one of these is a clause cut at the wrong place, not a name
DATELINE = re.compile(r"[0-9]{1,2}月[0-9]{1,2}日|日讯")
LEAD_WORD = re.compile(r"^(?:给|向|把|到|回|予|按|至|如何|函转|转请|转知|特别是|尤其是|个(?=[\u4e00-\u9fff]{0,8}组$)|\(\)|[\[【][^\]】]{1,6}[\]】])(?=[\u4e00-\u9fff]{2})")
# a name holds no 简称 (以下简称推进委员会) and no full stop run into the next sentence (某委员会.依托…)
NOT_IN_NAME = re.compile(r"简称|(?<=[\u4e00-\u9fff])\.(?=[\u4e00-\u9fff])")
# a verb ending in 办 after a name (某健康局合办, 某局主办): the name ends before it
VERB_BAN = re.compile(r"(?:合办|协办|主办|承办|举办|创办|开办|兴办|查办|交办|转办|催办|带队|率队)$")
CUT_AT = re.compile(r"(?<![所设驻正现存])在|等(?=单位|部门|机构)|于(?=[0-9本该])|到各|启动|召开|举办|贯彻|深入")


_ARTICLE_NUM = r"\s?(?:[0-9]{1,3}|[一二三四五六七八九十百零〇]{1,5})\s?"
ARTICLE_HEAD = re.compile(rf"(?:第{_ARTICLE_NUM})?[条章节款]\s+(?=\S)")  # 第十一条 (then a space)
ARTICLE_BEFORE = re.compile(rf"第{_ARTICLE_NUM}$")


def _after_article(text: str, f: Found) -> Found:
    """``第十一条 组织检查的管理部门`` (or a span opened on its ``条``) -> ``组织检查的管理部门``: a name
    starts after an article's marker and the space that follows it."""
    if f.name[:1] not in "第条章节款":
        return f
    m = ARTICLE_HEAD.match(text, f.start, f.end)
    if m is None or (m.group()[0] != "第" and not ARTICLE_BEFORE.search(text, max(0, f.start - 8), f.start)):
        return f
    return f._replace(start=m.end(), name=_normalize(text[m.end():f.end]))


def _unfragment(f: Found) -> Found | None:
    """A name cut where a clause word enters it (``某某在政府`` -> ``某某``, ``给某单位`` -> ``某单位``);
    None for one holding a dateline, or left shorter than two characters."""
    if re.match(r"志(?:任|为|担任|兼任)", f.name):
        return None  # 某某同志任组长 cut after 同: the tail of 同志 and a post, no name
    lead = LEAD_WORD.match(f.name)
    if lead:
        f = f._replace(start=f.start + lead.end(), name=f.name[lead.end():])
    verb = VERB_BAN.search(f.name) if len(f.name) > 4 else None
    if verb and _kind(f.name[:verb.start()]) is not None:
        f = f._replace(end=f.end - 2, name=f.name[:verb.start()])
    cut = CUT_AT.search(f.name)
    if cut:
        k = next((k for k in range(cut.start(), 1, -1) if _kind(f.name[:k]) is not None), 0)
        if not k:
            return None  # 力量到各乡镇: no name before the cut
        name = f.name[:k]  # 我院某某大会在… -> 我院: the longest name the cut part opens with
        f = f._replace(end=f.end - (len(f.name) - k), name=name)
    return None if DATELINE.search(f.name) or NOT_IN_NAME.search(f.name) else f


HEADING_MARK = re.compile(r"[一二三四五六七八九十]{1,3}、")  # 二、组织机构: a heading, no name
SELF_ROLES = ("issuer", "responsible", "lead")  # the roles a writer's own unit may hold elsewhere
BODY_KINDS = ("body", "unit", "office", "group")  # a post (局长) is no short form of another post


def _fold_abbreviations(found: list[Found]) -> list[Found]:
    """``劳工局`` -> ``劳工事务局``, ``国家卫健委`` -> ``国家卫生健康委员会``: a short form whose characters
    run, in order, through a longer name of the same kind found in the document is that body."""
    names = sorted({f.name for f in found}, key=lambda n: (len(n), n))
    out = []
    done: dict[str, str] = {}  # a name's long form depends on the name alone: each is read once
    for f in found:
        name = done.get(f.name)
        if name is not None:
            out.append(f if name == f.name else f._replace(name=name))
            continue
        name = f.name
        if name in short_units() and name.endswith("府"):  # 市府 -> 某市政府, 县府 -> 某县人民政府
            longer = [n for n in names if n.endswith((name[0] + "政府", name[0] + "人民政府"))]
            if longer:
                name = longer[0]
        elif name in short_units() and name.endswith("方") and name != "警方":  # 署方 -> 某某署
            longer = [n for n in names if n.endswith(name[0]) and len(n) >= 3 and _kind(n) in BODY_KINDS]
            if longer:
                name = max(longer, key=len)
        elif len(name) >= 3 and not name.startswith(("各", "全", "我")) and _kind(name) in BODY_KINDS:
            longer = [n for n in names if len(n) > len(name) and n[0] == name[0]
                      and _kind(n) == _kind(name) and _subsequence(name, n)
                      and not n.startswith(name)]  # 卫生局党委 is a body of 卫生局, not its name
            if longer:
                name = longer[0]
        done[f.name] = name
        out.append(f if name == f.name else f._replace(name=name))
    return out


# 我局/我委 are kept as written (gold README): a bureau's own name is often only its short form
SELF_ENDINGS = {"我院": ("医院", "卫生院", "学院", "研究院")}


def _fold_self(found: list[Found]) -> list[Found]:
    """``我院`` -> the hospital the document names (``某某人民医院``): the writer's own hospital is
    written by its name when the document gives one, else kept as written."""
    if not any(f.name[:2] in SELF_ENDINGS for f in found):
        return found
    out = []
    for f in found:
        ends = SELF_ENDINGS.get(f.name)  # 我院纪委 is kept as written
        if ends:
            own = [g for g in found if len(g.name) >= 4 and g.name.endswith(ends) and g.role in SELF_ROLES
                   and not g.name.startswith(("各", "全", "我", "本", "该")) and _kind(g.name) in BODY_KINDS]
            if own:
                f = f._replace(name=min(own, key=lambda g: (g.role != "issuer", g.start)).name)
        out.append(f)
    return out


def _subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(c in chars for c in short)


def _unheaded(found: list[Found], headings: frozenset[str]) -> list[Found]:
    """A name that opens with one of the document's own headings, run into it on a flattened line
    (`三、工作机构及其职责领导小组办公室设在…`): the name after the heading."""
    out = []
    for f in found:
        head = next((h for h in headings if len(h) >= 4 and f.name.startswith(h) and len(f.name) - len(h) >= 2), None)
        if head is not None and _kind(f.name[len(head):]) is not None:
            f = Found(f.start + len(head), f.end, f.name[len(head):], f.role)
        out.append(f)
    return out


def _label_run_on(text: str, f: Found) -> bool:
    """A clause's name that is a roster's label run into the words before it (`二、组成人员组长:…`
    read as 人员组长): the label, its colon after it, and nothing of a unit before it."""
    if not text.startswith((":", "\uff1a"), f.end):
        return False
    label = next((w for w in _LABEL_WORDS if f.name.endswith(w)), None)
    return label is not None and len(f.name) > len(label) and _kind(f.name[:-len(label)]) is None


_LABEL_WORDS = ("副组长", "组长", "组员", "成员", "副总指挥", "总指挥", "副指挥长", "指挥长", "召集人")


def _title_end(text: str, title: str | None) -> int:
    """Where the document's title line ends (-1 without one): a title is no report of work."""
    at = text.find(title) if title else -1
    return -1 if at < 0 else at + len(title)


# ---- one answer per (entity, role) ---------------------------------------------------------

# a page's credits (`监制:某某 总编:某某`, `记者:某某`): the people who made the page, no party
_CREDITED = re.compile(r"(?:监制|总编|统筹|主编|责编|责任编辑|编辑|校审|校对|记者|摄影|通讯员|撰稿|作者|编审|审校|供稿|美编)"
                       r"[ \t]*[::][ \t]*$")
_LEAD_PUNCT = ".．,，、;；:：·"


def _unpunctuated(text: str, f: Found) -> Found:
    """A span that opens with a sentence's punctuation (`…精心组织.各地、各部门要…`: a page's . for
    。) starts after it."""
    k = 0
    while k < len(f.name) - 1 and f.name[k] in _LEAD_PUNCT:
        k += 1
    if k == 0 or not text.startswith(f.name[:k], f.start):
        return f
    return f._replace(start=f.start + k, name=f.name[k:])


_SPEECH = re.compile(r"呼吁|表示|指出|强调|提醒|宣布|透露|称")


def _before_speech(f: Found) -> Found:
    """A span run on past its unit into a reporting verb and what follows (`环保局呼吁企业`): the
    unit before the verb."""
    m = _SPEECH.search(f.name, 2)
    if m is None or _kind(f.name[:m.start()]) not in ("body", "unit", "office", "group"):
        return f
    cut = f.name[:m.start()]
    return f._replace(end=f.start + len(cut), name=cut) if f.end - f.start == len(f.name) else f


def _trimmed(text: str, f: Found) -> list[Found]:
    """A span as a party, whichever finder read it: none for a page's credits or a count of people;
    the part after a dash run or a leading punctuation mark, before a reporting verb; one party a
    unit where units stand side by side with spaces."""
    if _CREDITED.search(text, max(0, f.start - 12), f.start):
        return []
    g = _after_dash(text, f)
    if g is None or _counted(text, g):
        return []
    count = _COUNT_AFTER.search(text, g.start + 3, g.end)
    if count and g.name.startswith(text[g.start:count.start()]):  # 宣传报道组两个工作组: the count sums up
        g = Found(g.start, count.start(), text[g.start:count.start()], g.role)
    if g.name[:1] in _JOINERS and len(g.name) >= 3 and _kind(text[max(0, g.start - 8):g.start]) is not None:
        # 各党总支和支部书记: a span that opens on the 和 joining it to a name before it is the part
        # after the 和 (but 由和平街道…: a place's name may open with 和)
        g = Found(g.start + 1, g.end, g.name[1:], g.role)
    if g.name[:1] == "个" and g.end - g.start == len(g.name):
        k = g.start
        while k > 0 and text[k - 1] in _COUNT_BEFORE:
            k -= 1
        if k < g.start:  # [9]个县市区纪委: the span keeps its count, as the dev gold writes it
            g = Found(k, g.end, text[k:g.end], g.role)
    appointed = _APPOINTED_AT_END.search(g.name, 2)
    if appointed and g.end - g.start == len(g.name):
        # 项目指挥某某任组长: a span run on into the appointment is its holder (after their post)
        head = g.name[:appointed.start()]
        who = post_person(head) or (head if is_person_name(head) or _kind(head) is not None else None)
        who = who or next((head[-n:] for n in (3, 2) if len(head) > n and is_person_name(head[-n:])), None)
        if who is None:
            return [g]  # (the span's words are kept as read: the holder may be in them)
        g = Found(g.start + appointed.start() - len(who), g.start + appointed.start(), who, g.role)
    act = _ACT_AT_END.search(g.name)
    if act and g.end - g.start == len(g.name) and _kind(g.name[:act.start()]) in ("body", "unit", "office", "group"):
        g = Found(g.start, g.end - len(act.group()), g.name[:act.start()], g.role)  # 某办组织[召开…]: the office
    cut = text.find("下设", g.start + 1, g.end - 3)
    if cut > 0 and g.name.endswith(text[cut + 2:g.end]):  # 领导小组下设综合组: the group set up
        g = Found(cut + 2, g.end, text[cut + 2:g.end], g.role)
    return _spaced_units(text, _before_speech(_unpunctuated(text, g)))


_APPOINTED_AT_END = re.compile(r"(?:担任|兼任|任|为)(?:常务)?副?(?:组长|组员|成员|总指挥|指挥长|主任)$")
_ACT_AT_END = re.compile(r"(?:组织|召开|联合)$")  # a span run on into its act (某减灾办组织[召开会商会])
_JOINERS = frozenset("和与及")  # a conjunction joining two names opens neither (和支部书记)
_COUNT_AFTER = re.compile(r"(?<![0-9一二两三四五六七八九十第])[0-9一二两三四五六七八九十]{1,3}个")  # 某组两个工作组
_MEASURE = frozenset("名条")  # (9个县市区纪委, 第一批活动单位: counted groups are parties)
_COUNT_BEFORE = frozenset("0123456789一二两三四五六七八九十百几数")


def _counted(text: str, f: Found) -> bool:
    """A span that opens with the measure word of a count before it (`1名县级领导带队`,
    `3条县政府…`): the count's noun, not a party."""
    return (f.start > 0 and f.name[:1] in _MEASURE and text[f.start - 1] in _COUNT_BEFORE
            and text[f.start:f.start + 1] == f.name[:1])


# a run of dashes parts a headline's phrases (`锚定目标 压实责任--我院…`, `---我院`): no name runs across it
_DASH_RUN = re.compile(r"-{2,}|[—–]+")


def _after_dash(text: str, f: Found) -> Found | None:
    """The part of a span after its last dash run (the span itself when it has none; None when
    nothing of two characters is left)."""
    span = text[f.start:f.end]
    last = None
    for last in _DASH_RUN.finditer(span):
        pass
    if last is None:
        return f
    start = f.start + last.end()
    while start < f.end and text[start].isspace():
        start += 1
    if f.end - start < 2:
        return None
    cut = _DASH_RUN.split(f.name)[-1].strip()
    return f._replace(start=start, name=cut) if len(cut) >= 2 else None


_SPACES_IN = re.compile(r"[ \t\u3000]+")


def _spaced_units(text: str, f: Found) -> list[Found]:
    """A span of units set side by side with spaces (a table cell: `安监站 安监所`, `超限站 公路站
    交警六中队`) is one party each, when every piece ends like a body or a unit; else the span."""
    span = text[f.start:f.end]
    if not _SPACES_IN.search(span):
        return [f]
    pieces, pos = [], f.start
    for piece in _SPACES_IN.split(span):
        at = text.index(piece, pos) if piece else pos
        pieces.append((at, at + len(piece), piece))
        pos = at + len(piece)
    if len(pieces) < 2 or not all(_kind(p) in ("body", "unit", "office") or (len(p) >= 3 and p in non_parties())
                                  for _, _, p in pieces):  # (卫生院: a unit no rule names alone)
        return [f]
    return [Found(a, b, p, f.role) for a, b, p in pieces]


def _resolve(found: list[Found]) -> list[Found]:
    """Fold short forms into long ones, keep an entity's strongest of lead/responsible/member,
    drop contacts already listed otherwise, and yield each (name, role) once in reading order."""
    # (a record whose name or role stays keeps its tuple, here and below: most do, and no copy is made)
    found = [f if (normal := _normalize(f.name)) == f.name else f._replace(name=normal) for f in found]
    found = [f for f in map(_unfragment, found) if f is not None]
    found = [f for f in found if (f.name not in non_parties() or _signed(f)) and not HEADING_MARK.match(f.name)]
    found = _fold_self(found)
    names_by_group = {f.name for f in found if f.role in GROUP_ROLES}
    # the issuer's full name is the long form of its short one charged in the text (南安市教育局
    # signs, 市教育局将组织…): a body or unit only (办公室 is the group's office, not the issuer's)
    issuers = {f.name for f in found if f.role == "issuer" and _kind(f.name) in ("body", "unit")}
    with_issuers = names_by_group | issuers
    longest: dict[str, str] = {}  # a group role's long form depends on the name alone: each is read once
    folded = []
    for f in found:
        name = f.name
        if f.role in GROUP_ROLES and not name.startswith(("各", "全", "我")):
            if name in longest:
                name = longest[name]
            else:
                # a deputy is another post: 局长 is not the short form of 分管副局长
                pool = with_issuers if len(name) >= 3 and _kind(name) in ("body", "unit") else names_by_group
                longer = [n for n in pool if n != name and n.endswith(name) and not n[:-len(name)].endswith(DEPUTY)]
                if longer:
                    name = min(longer, key=lambda n: (len(n), n))  # 卫生局 -> 县卫生局; 局党委 -> 卫生局党委
                longest[f.name] = name
        elif f.role == "issuer" and name.endswith("委"):
            # 某市卫生健康委 in the title, 某市卫生健康委员会 in the 落款: one issuer, its full name
            name = name + "员会" if name + "员会" in issuers else name
        elif f.role == "issuer" and len(name) >= 3:
            # 浠水县人民政府 in the title, 县人民政府 in the 落款: one issuer, its full name
            longer = [n for n in issuers if n != name and n.endswith(name) and not n[:-len(name)].endswith(DEPUTY)]
            name = min(longer, key=lambda n: (len(n), n)) if longer else name
        folded.append(f if name == f.name else f._replace(name=name))
    folded = _fold_abbreviations(folded)
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
        out.append(f if role == f.role else f._replace(role=role))
    return out
