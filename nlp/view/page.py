"""The document page: annotated documents -> the view model a template renders.

No HTML is built here: this module turns each ``Document`` into plain dicts and a flat list of
text pieces (``open``/``close``/``text``/``anchor`` events) that the Jinja2 template walks. Marks
may overlap (a target holds a percentage, a party sits inside a target): the text is cut at every
mark boundary and each piece is wrapped by the marks that cover it, outermost first, so the HTML
nests properly; a mark cut in several pieces keeps one id, and only its first piece carries
``first`` (the one the outline, tables and tests count).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from nlp.model import Document, Mention, Passage
from nlp.render import ROLE_LABELS, value_text

MENTION_TYPES = ("date", "percentage", "target", "party")
TYPE_LABELS = {"date": "日期", "percentage": "百分比", "target": "目标", "party": "责任主体"}
ROLE_ORDER = ("issuer", "recipient", "lead", "responsible", "member", "contact")


@dataclass(slots=True)
class Mark:
    """One marked span: a mention (kind ``mention``) or a passage (kind ``passage``)."""
    kind: str
    id: str
    type: str  # a mention type, or "passage"
    start: int
    end: int
    rank: int  # passages wrap mentions
    attrs: dict = field(default_factory=dict)


def pieces(text: str, marks: Sequence[Mark], anchors: dict[int, list[str]]) -> list[tuple]:
    """The text as events: ("open", mark, first), ("close",), ("text", s), ("anchor", id).

    >>> ms = [Mark("mention", "m1", "target", 0, 4, 1), Mark("mention", "m2", "percentage", 2, 6, 1)]
    >>> [e[0] if e[0] != "text" else e[1] for e in pieces("ab12%c", ms, {})]
    ['open', 'ab', 'open', '12', 'close', 'close', 'open', '%c', 'close']
    """
    order = sorted(marks, key=lambda m: (m.rank, m.start, -m.end, m.id))
    rank = {id(m): k for k, m in enumerate(order)}
    cuts = sorted({0, len(text), *anchors, *(m.start for m in marks), *(m.end for m in marks)})
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    out: list[tuple] = []
    live: list[Mark] = []  # marks covering the current position (any order)
    stack: list[Mark] = []  # marks open in the HTML, outermost first
    for a, b in zip(cuts, cuts[1:] + [None]):
        live = [m for m in live if m.end > a] + [m for m in starts.get(a, ()) if m.end > m.start]
        if b is None:
            break
        cover = sorted(live, key=lambda m: rank[id(m)])
        keep = 0
        while keep < min(len(stack), len(cover)) and stack[keep] is cover[keep]:
            keep += 1
        for _ in range(len(stack) - keep):
            out.append(("close",))
        del stack[keep:]
        for aid in anchors.get(a, ()):
            out.append(("anchor", aid))
        for m in cover[keep:]:
            out.append(("open", m, m.start == a))
            stack.append(m)
        if b > a:
            out.append(("text", text[a:b]))
    out.extend(("close",) for _ in stack)
    return out


def document_view(doc: Document, key: str, *, original: str | None = None,
                  explain: dict[str, dict] | None = None) -> dict:
    """Everything the template shows of one document; ``key`` makes its ids unique on the page."""
    original_of = _original_slicer(doc, original)
    marks: list[Mark] = []
    mentions = []
    for k, m in enumerate(doc.mentions):
        mid = f"{key}-m{k}"
        info = {"id": mid, "type": m.type, "label": TYPE_LABELS.get(m.type, m.type), "text": m.text,
                "value": value_text(m.type, m.value, "zh"), "value_json": json.dumps(m.value, ensure_ascii=False),
                "original": original_of(m.start, m.end), "section": m.section, "start": m.start, "m": m}
        mentions.append(info)
        marks.append(Mark("mention", mid, m.type, m.start, m.end, 1, info))
    passages = []
    for p in doc.passages:
        pid = f"{key}-{p.id}"
        info = {"id": pid, "themes": p.themes, "scores": {t: round(s, 3) for t, s in sorted(p.scores.items())},
                "explain": (explain or {}).get(p.id, {}), "section": p.section}
        passages.append(info)
        if p.themes:
            marks.append(Mark("passage", pid, "passage", p.start, p.end, 0, info))
    anchors: dict[int, list[str]] = {}
    for s in doc.sections:
        anchors.setdefault(s.start, []).append(f"{key}-s-{s.id}")
    headings = {s.id: f"{s.marker}{s.heading}".strip() for s in doc.sections}
    return {
        "key": key,
        "source": doc.source,
        "doc_index": doc.doc_index,
        "title": doc.title or "(无标题)",
        "header": _header(doc),
        "themes": _document_themes(doc.passages),
        "outline": _outline(doc, key),
        "pieces": pieces(doc.text, marks, anchors),
        "counts": {t: sum(1 for m in doc.mentions if m.type == t) for t in MENTION_TYPES},
        "targets": [dict(_row(i), **_target_cells(i["m"])) for i in mentions if i["type"] == "target"],
        "parties": _parties(mentions),
        "dates": _timeline(mentions),
        "percentages": [_row(i) for i in mentions if i["type"] == "percentage"],
        "headings": headings,
        "original": original_of(0, len(doc.text)),
        "chars": len(doc.text),
    }


def _row(info: dict) -> dict:
    return {"id": info["id"], "text": info["text"], "value": info["value"], "section": info["section"]}


def _target_cells(m: Mention) -> dict:
    v = m.value or {}
    number = v.get("number")
    return {"metric": v.get("metric"), "number": f"{number:g}" if isinstance(number, (int, float)) else number,
            "unit": v.get("unit"), "comparator": v.get("comparator"), "deadline": v.get("deadline"),
            "scope": v.get("scope")}


def _parties(mentions: list[dict]) -> list[dict]:
    by_role: dict[str, list[dict]] = {}
    for i in mentions:
        if i["type"] == "party":
            role = (i["m"].value or {}).get("role") or "responsible"
            by_role.setdefault(role, []).append(dict(_row(i), name=(i["m"].value or {}).get("name") or i["text"]))
    roles = sorted(by_role, key=lambda r: ROLE_ORDER.index(r) if r in ROLE_ORDER else len(ROLE_ORDER))
    return [{"role": r, "label": ROLE_LABELS.get(r, r), "rows": by_role[r]} for r in roles]


def _timeline(mentions: list[dict]) -> list[dict]:
    rows = []
    for i in mentions:
        if i["type"] != "date":
            continue
        v = i["m"].value or {}
        rows.append(dict(_row(i), start=v.get("start") or "", end=v.get("end") or "",
                         kind=v.get("kind") or "", deadline=v.get("kind") == "deadline"))
    return sorted(rows, key=lambda r: (r["start"].replace("X", "0"), r["end"], r["id"]))


def _header(doc: Document) -> dict:
    parties = [m.value or {} for m in doc.mentions if m.type == "party"]
    recipients = list(dict.fromkeys(p.get("name") for p in parties if p.get("role") == "recipient" and p.get("name")))
    return {"doc_type": doc.doc_type, "doc_number": doc.doc_number, "issuers": doc.issuers(),
            "recipients": recipients, "date": doc.own_date(), "script": doc.script, "encloses": doc.encloses}


def _document_themes(passages: Iterable[Passage]) -> list[dict]:
    """Per theme: how many passages carry it and the highest passage score."""
    best: dict[str, float] = {}
    count: dict[str, int] = {}
    for p in passages:
        for t, s in p.scores.items():
            best[t] = max(best.get(t, 0.0), s)
            count[t] = count.get(t, 0) + (t in p.themes)
    return [{"theme": t, "passages": count[t], "score": round(best[t], 3)} for t in sorted(best)]


def _outline(doc: Document, key: str) -> list[dict]:
    """The sections as a tree: [{id, anchor, label, level, children}]."""
    nodes = {s.id: {"id": s.id, "anchor": f"{key}-s-{s.id}", "label": f"{s.marker}{s.heading}".strip() or s.id,
                    "level": s.level, "children": []} for s in doc.sections}
    roots = []
    for s in doc.sections:
        parent = nodes.get(s.parent) if s.parent else None
        (parent["children"] if parent else roots).append(nodes[s.id])
    return roots


def _original_slicer(doc: Document, original: str | None):
    """``(start, end)`` of the normalized text -> the same span of the decoded source file."""
    if original is None or doc.offsets is None:
        return lambda s, e: None
    to_source = doc.offsets.to_source

    def slice_(s: int, e: int) -> str:
        return original[to_source(s):to_source(e)] if e > s else ""
    return slice_


_SPACE = re.compile(r"\s+")
