"""Model spans -> parties: check each span against the text, give it a role, and keep it where
no rule found a party (rules win on overlap).

A post (ROLE span) takes the role of the longest word of ``nlp/data/roles.tsv`` it ends with, as
the rule extractor's posts do (``parties_lexicon.role_words``); any other span takes the role the
pattern around it gives.

A span the surrounding text gives no role (a body only cited or praised: ``被市委评为…``)
is dropped, as the contract's party list drops it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Iterable, Sequence

from nlp.extract.parties_lexicon import role_words

# Cue right before a span, within its line: 组 长:王 军 / 由县卫生局牵头 / 报送卫生局党政办
_BEFORE = (
    (re.compile(r"(?:副?组\s*长|总责任人|牵头单位)\s*[::]\s*(?:\S+\s*[、,]\s*)*$"), "lead"),
    (re.compile(r"(?:成\s*员)\s*[::]\s*(?:\S+\s*[、,]\s*)*$"), "member"),
    (re.compile(r"(?:联[系络]人|联系单位)\s*[::]\s*$"), "contact"),
    (re.compile(r"(?:责任(?:单位|人|股室|科室)|分管领导|配合单位|承办单位)\s*[::]\s*(?:\S+\s*[、,]\s*)*$"), "responsible"),
    (re.compile(r"(?:报送?|上报|报告|送交?|汇总到|交)(?:给|至|到)?$"), "contact"),
    (re.compile(r"(?:以|由)$"), None),  # decided by what follows: 以X为组长 / 由X负责
    (re.compile(r"(?:在|经)$"), None),
)
# Cue right after a span: X牵头 / X负责 / X为组长 / X任副组长 / X为成员
_AFTER = (
    (re.compile(r"^\s*(?:同志)?\s*(?:为|任|担任)\s*(?:副?组长|第一责任人|总责任人)"), "lead"),
    (re.compile(r"^\s*(?:同志)?\s*(?:为|任)\s*成员"), "member"),
    (re.compile(r"^(?:同志)?\s*(?:牵头|统一领导|的统一领导|总负责|负总责|领导(?!班子|干部|下|成员))"), "lead"),
    (re.compile(r"^(?:同志)?\s*(?:具体|要|负责|承担|承办|协办|配合|组织|兼任|担任|任|对|分别|将|设|"
                r"按照|主抓|抓|督促|指导|做好|加强|切实|应|须|必须|牵|共同|等部门|等单位)"), "responsible"),
)
# A span that opens with a verb or adverb is a clause, not a name.
_BAD_START = re.compile(r"(?:全面|落实|加强|确保|进一步|认真|积极|具体|切实|严格|坚持|推进|建立|健全|完善)")
_ISSUER = re.compile(r"^(?:关于|文件|办公室\s|\s*\d{4}年|\s*[〔\[(]|\s*$)")


@cache
def _role_words_longest_first() -> tuple[tuple[str, str], ...]:
    """``(word, role)`` of ``nlp/data/roles.tsv``, longest word first: 副局长 before 局长."""
    return tuple(sorted(role_words().items(), key=lambda item: -len(item[0])))


def role_word_role(name: str) -> str | None:
    """The role of the longest ``roles.tsv`` word that ``name`` ends with, or None.

    >>> [role_word_role(n) for n in ["县卫生局局长", "分管副局长", "联络人", "卫生局"]]
    ['lead', 'responsible', 'contact', None]
    """
    return next((role for word, role in _role_words_longest_first() if name.endswith(word)), None)


def role_of(text: str, start: int, end: int, label: str) -> str | None:
    """The contract role the text around ``text[start:end]`` gives the span, or None."""
    name = text[start:end]
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[max(line_start, start - 40):start], text[end:min(line_end, end + 30)]
    if label == "ROLE" and (role := role_word_role(name)):
        return role
    if label == "ORG" and name.endswith("领导小组"):
        return "lead"
    for pattern, role in _AFTER:
        if pattern.search(after):
            return role
    for pattern, role in _BEFORE:
        if role and pattern.search(before):
            return role
    if start == line_start and re.match(r"^\s*(?:[,、]\s*[^\n]{0,60})?[::]\s*$", after) and label == "ORG":
        return "recipient"  # 各区县卫生局,…,市直各医疗卫生单位党委(总支、支部):
    if re.match(r"^[,、][^\n::。]{0,80}[::]\s*$", after) or (before.rstrip().endswith((",", "、"))
                                                        and re.match(r"^\s*[::]\s*$", after)):
        return "recipient" if label == "ORG" else None
    if label == "ORG" and start - line_start <= 4 and _ISSUER.match(after):
        return "issuer"  # 日照市卫生局关于… / 日照市卫生局办公室 2010年6月25日印发
    if label == "ORG" and (name.endswith(("办公室", "小组", "组", "办")) and re.search(r"设在|下设", before)):
        return "responsible"
    if label == "PER" and re.search(r"(?:组\s*长|成\s*员|责任人|领导)\s*[::]?[^。\n]{0,30}$", before):
        return "lead" if re.search(r"组\s*长|总责任人", before) else "responsible"
    if label == "PER" and not after[:1].isalnum():
        # A bare name in a task table row (石永发医政股李晓燕) or a list of names is given the work.
        return "responsible"
    return None


def model_parties(text: str, taken: Sequence[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """``(start, end, name, role)`` of the model's spans in text that overlap no span in taken."""
    from nlp.extract.ner import find_entities

    return parties_from_spans(text, taken, find_entities(text))


def parties_from_spans(text: str, taken: Sequence[tuple[int, int]],
                       entities: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str, str]]:
    """Check each span against text, drop those a rule already found, give the rest a role."""
    taken = list(taken)
    out = []
    for start, end, label in entities:
        if not (0 <= start < end <= len(text)):
            continue
        surface = text[start:end]
        if surface != surface.strip() or len(re.sub(r"\s+", "", surface)) < 2 or re.search(r"[。;;!?\n]", surface):
            continue
        if any(s < end and start < e for s, e in taken):
            continue
        if _BAD_START.match(surface) or (label == "ROLE" and ("的" in surface or not (
                surface.endswith("领导") or role_word_role(surface)))):
            continue  # 全面落实党委领导下的院长, 分管领导责(任单位): not a name
        role = role_of(text, start, end, label)
        if role is None:
            continue
        out.append((start, end, surface, role))
        taken.append((start, end))
    return out
