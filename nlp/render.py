"""Rendering documents for people (tables, trees) and programs (JSON lines, JSON)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Sequence

from nlp.model import Document


class DocumentWriter:
    """Write documents as ``jsonl`` (one per line), ``json`` (one array) or ``table``."""

    def __init__(self, out: IO[str], fmt: str, *, types: set[str] | None = None):
        self.out, self.fmt, self.types = out, fmt, types
        self.count = 0

    def __enter__(self) -> "DocumentWriter":
        if self.fmt == "json":
            self.out.write("[")
        return self

    def write(self, doc: Document) -> None:
        d = doc.to_dict()
        if self.types:
            d["mentions"] = [m for m in d["mentions"] if m["type"] in self.types]
        if self.fmt == "jsonl":
            self.out.write(json.dumps(d, ensure_ascii=False) + "\n")
        elif self.fmt == "json":
            self.out.write(("," if self.count else "") + "\n" + json.dumps(d, ensure_ascii=False, indent=1))
        else:
            self.out.write(render_table(d) + "\n")
        self.out.flush()
        self.count += 1

    def __exit__(self, *exc) -> None:
        if self.fmt == "json":
            self.out.write("\n]\n")


ROLE_LABELS = {"issuer": "发文单位", "recipient": "主送单位", "lead": "牵头/领导", "responsible": "责任",
               "member": "成员/配合", "contact": "联系人"}
# The words of a value in each language: the table of ``extract`` (en), the view's hover text (zh).
_WORDS = {
    "en": {"to": "..", "kind_of_point": False, "metric": "?", "is": " ", "by": " by {}", "scope": " [{}]",
           "party": "{} ({})", "roles": {}},
    "zh": {"to": " – ", "kind_of_point": True, "metric": "—", "is": ": ", "by": ",期限 {}", "scope": ",范围 {}",
           "party": "{} · {}", "roles": ROLE_LABELS},
}


def value_text(kind: str, v: dict, lang: str = "en") -> str:
    """A mention's normalized value in a few words.

    >>> value_text("date", {"start": "2023", "end": "2023", "kind": "point"}), value_text("date", {"start": "2023", "end": "2023", "kind": "point"}, "zh")
    ('2023', '2023 (point)')
    >>> t = {"metric": "达标率", "comparator": ">=", "number": 90.0, "unit": "%", "deadline": "2025", "scope": None}
    >>> value_text("target", t), value_text("target", t, "zh")
    ('达标率 >=90% by 2025', '达标率: >=90%,期限 2025')
    """
    w, v = _WORDS[lang], v or {}
    if kind == "date":
        start, end, k = v.get("start"), v.get("end"), v.get("kind")
        text = str(start) if start == end else f"{start}{w['to']}{end}"
        shown = bool(k) if w["kind_of_point"] else (start != end and k != "range")
        return f"{text} ({k})" if shown else text
    if kind in ("percentage", "target"):
        number = v.get("number")
        num = f"{number:g}" if isinstance(number, (int, float)) else str(number)
        out = f"{v.get('comparator') or ''}{num}{v.get('unit') or ''}"
        if kind == "target":
            out = f"{v.get('metric') or w['metric']}{w['is']}{out}"
            if v.get("deadline"):
                out += w["by"].format(v["deadline"])
            if v.get("scope"):
                out += w["scope"].format(v["scope"])
        return out
    if kind == "party":
        return w["party"].format(v.get("name"), w["roles"].get(v.get("role"), v.get("role")))
    return json.dumps(v, ensure_ascii=False)


def render_table(d: dict) -> str:
    """A document's mentions as a readable table (type, text, value, section heading)."""
    from io import StringIO

    from rich.console import Console
    from rich.table import Table

    heads = {s["id"]: f"{s['marker']}{s['heading']}"[:24] for s in d["sections"]}
    title = f"{d['source']} #{d['doc_index']}: {d['title'] or '(no title)'}"
    if d.get("doc_type"):
        title += f" [{d['doc_type']}" + (f" → {d['encloses']}]" if d.get("encloses") else "]")
    if d.get("doc_number"):
        title += f" {d['doc_number']}"
    table = Table(title=title, title_justify="left", show_lines=False)
    for col in ("type", "text", "value", "section"):
        table.add_column(col, overflow="fold")
    for m in d["mentions"]:
        table.add_row(m["type"], m["text"], value_text(m["type"], m["value"]), heads.get(m["section"], ""))
    themed = [p for p in d["passages"] if p["themes"]]
    buf = StringIO()
    console = Console(file=buf, width=120, force_terminal=False, color_system=None)
    console.print(table)
    for p in themed:
        console.print(f"  {p['id']} {','.join(p['themes'])}: {p['text'][:60]}…")
    return buf.getvalue().rstrip()


def render_outline(docs: Sequence[Document]) -> str:
    """Each document's outline as an indented tree a person can read."""
    lines: list[str] = []
    for doc in docs:
        head = f"# {doc.doc_index}: {doc.title or '(no title)'}"
        if doc.doc_type:
            head += f"  [{doc.doc_type}" + (f" → {doc.encloses}]" if doc.encloses else "]")
        if doc.doc_number:
            head += f"  {doc.doc_number}"
        lines.append(head)
        for s in doc.sections:
            lines.append("  " * s.level + f"{s.marker}{s.heading}")
        lines.append("")
    return "\n".join(lines).rstrip()


def render_rows(columns: Sequence[str], rows: Sequence[Sequence], *, width: int | None = None) -> str:
    """Result rows as a table a person can read: numbers to 3 decimals, file paths whole.

    Paths lose only the folder they all share (named in the caption), never their tail, so
    two rows of different files always read differently.
    """
    from io import StringIO

    from rich.console import Console
    from rich.table import Table

    files = {i for i, c in enumerate(columns) if c in ("file", "source")}
    shared = _shared_folder([row[i] for row in rows for i in files if isinstance(row[i], str)])
    table = Table(*columns, caption=f"files under {shared}/" if shared else None, caption_justify="left")
    for column in table.columns:  # a header is never cut
        column.min_width = len(str(column.header))
    for i in files:
        longest = max((len(_cell(row[i], shared)) for row in rows), default=len(columns[i]))
        table.columns[i].no_wrap, table.columns[i].min_width = True, longest
    for row in rows:
        table.add_row(*(_cell(v, shared if i in files else None) for i, v in enumerate(row)))
    buf = StringIO()
    Console(file=buf, width=width or max(120, len(columns) * 12), force_terminal=False,
            color_system=None).print(table)
    return buf.getvalue().rstrip()


def _shared_folder(paths: Sequence[str]) -> str:
    import os.path

    folders = {os.path.dirname(p) for p in paths}
    if not folders or "" in folders:
        return ""
    return os.path.commonpath(sorted(folders)) if len(folders) > 1 else folders.pop()


def _cell(v, shared: str | None = None, width: int = 80) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.3f}".rstrip("0").rstrip(".") if v != int(v) else f"{v:g}"
    s = str(v).replace("\n", " ")
    if shared:
        return s[len(shared) + 1:] if s.startswith(shared + "/") else s
    return s if len(s) <= width else s[:width - 1] + "…"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def render_batch_summary(text: str, summary: dict, where, totals: dict[str, int] | None) -> str:
    """The batch summary for people, ending with where the data is and the next command to try.

    ``text`` is the batch's own summary; its ``documents:`` line is restated as new against
    already done (on a re-run, ``documents: 0`` read like an empty database).
    """
    import shlex

    where_q = shlex.quote(str(where))
    lines = text.splitlines()
    if totals is not None:
        new, total = summary.get("documents", 0), totals.get("documents", 0)
        for i, line in enumerate(lines):
            if line.startswith("documents: "):
                mentions = line.split("mentions: ", 1)[1] if "mentions: " in line else "none"
                mentions = "0 new" if mentions == "none" else f"{mentions} (new)"
                lines[i] = f"documents: {new} new, {max(total - new, 0)} already done   mentions: {mentions}"
        counts = ", ".join(_count(totals.get(t, 0), t[:-1]) for t in ("documents", "mentions", "passages"))
        lines.append(f"data: {where} ({counts})")
    else:
        lines.append(f"data: {where}")
    if Path(str(where)).is_dir():
        lines.append(f"next: policy-nlp export {where_q} --format sqlite -o policy.db")
    else:
        if summary.get("failed") or summary.get("failed_before"):
            lines.append(f"failures: policy-nlp query {where_q} --sql 'SELECT file, message FROM errors'")
        lines.append(f"next: policy-nlp query {where_q} --rows documents")
    return "\n".join(lines)
