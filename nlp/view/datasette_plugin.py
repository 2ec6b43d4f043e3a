"""Datasette plugin: a document page (`/-/document?file=…&doc=N`) rendered with the `view` template,
and document titles linked to it. The document is rebuilt from the database rows."""

from __future__ import annotations

import json
from urllib.parse import quote

from datasette import hookimpl
from datasette.utils.asgi import Response

from nlp.model import Document, Mention, Passage, Section


def _document(con, file: str, doc: int) -> Document | None:
    row = con.execute("SELECT title, doc_type, doc_number, script, text FROM documents "
                      "WHERE file = ? AND doc_index = ?", (file, doc)).fetchone()
    if row is None:
        return None
    sections = [Section(*r) for r in con.execute(
        "SELECT id, parent, level, marker, heading, start, end FROM sections WHERE file = ? AND doc_index = ? "
        "ORDER BY start, -end", (file, doc))]
    mentions = [Mention(type=t, start=s, end=e, text=x, value=json.loads(v or "{}"), section=sec)
                for t, s, e, x, v, sec in con.execute(
                    "SELECT type, start, end, text, value_json, section FROM mentions "
                    "WHERE file = ? AND doc_index = ? ORDER BY idx", (file, doc))]
    scores: dict[str, dict[str, float]] = {}
    for pid, theme, score in con.execute("SELECT passage, theme, score FROM passage_themes "
                                         "WHERE file = ? AND doc_index = ?", (file, doc)):
        scores.setdefault(pid, {})[theme] = score
    passages = [Passage(id=pid, section=sec, start=s, end=e, text=x,
                        themes=[t for t in (themes or "").split(",") if t], scores=scores.get(pid, {}))
                for pid, sec, s, e, themes, x in con.execute(
                    "SELECT id, section, start, end, themes, text FROM passages WHERE file = ? AND doc_index = ? "
                    "ORDER BY start", (file, doc))]
    title, doc_type, doc_number, script, text = row
    return Document(source=file, doc_index=doc, text=text, title=title, doc_type=doc_type,
                    doc_number=doc_number, script=script, sections=sections, mentions=mentions, passages=passages)


async def document_page(datasette, request):
    from nlp.view import render_documents

    file = request.args.get("file")
    try:
        doc_index = int(request.args.get("doc", "0"))
    except ValueError:
        return Response.text("doc must be a number", status=400)
    db = datasette.get_database()

    def load(con):
        return _document(con, file, doc_index)

    doc = await db.execute_fn(load)
    if doc is None:
        return Response.text(f"no document {doc_index} in {file}", status=404)
    return Response.html(render_documents([doc], explain=True))


@hookimpl
def register_routes():
    return [(r"^/-/document$", document_page)]


@hookimpl
def render_cell(row, value, column, table):
    if table == "documents" and column == "title" and "file" in row.keys() and "doc_index" in row.keys():
        from markupsafe import Markup, escape

        href = f"/-/document?file={quote(str(row['file']))}&doc={row['doc_index']}"
        return Markup(f'<a href="{escape(href)}">{escape(value or "(无标题)")}</a>')
    return None
