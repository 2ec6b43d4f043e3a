"""Rendering documents for people (tables, trees) and programs (JSON lines, JSON)."""

from __future__ import annotations

import json
from typing import IO, Iterable, Sequence

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


def _value_text(kind: str, v: dict) -> str:
    if kind == "date":
        return v["start"] if v["start"] == v["end"] else f"{v['start']}..{v['end']}" + (
            "" if v.get("kind") == "range" else f" ({v.get('kind')})")
    if kind == "percentage":
        return f"{v.get('comparator') or ''}{v['number']:g}{v['unit']}"
    if kind == "target":
        s = f"{v.get('metric') or '?'} {v.get('comparator') or ''}{v['number']:g}{v.get('unit') or ''}"
        if v.get("deadline"):
            s += f" by {v['deadline']}"
        if v.get("scope"):
            s += f" [{v['scope']}]"
        return s
    if kind == "party":
        return f"{v['name']} ({v['role']})"
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
        table.add_row(m["type"], m["text"], _value_text(m["type"], m["value"]), heads.get(m["section"], ""))
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


def iter_jsonl(lines: Iterable[str]) -> Iterable[dict]:
    for line in lines:
        line = line.strip()
        if line:
            yield json.loads(line)
