"""`policy-nlp serve`: the batch database in Datasette, read-only, with the project's metadata.

Datasette is an optional extra (``pip install -e ".[web]"``). The database is opened immutable
(read-only, no -wal/-shm files). The metadata labels tables and columns in Chinese and English,
sets facets, the full-text search over passages and canned queries; the plugin in
``nlp.view.datasette_plugin`` adds a document page rendered with the same template as `view`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from nlp.errors import PolicyNlpError


class ServeError(PolicyNlpError):  # a database serve cannot open, or no Datasette
    pass


TABLE_LABELS = {
    "files": ("文件", "Files read by the batch, one row each"),
    "documents": ("文档", "Documents (a file may hold several); click a title for its page"),
    "sections": ("章节", "The numbered outline of each document"),
    "mentions": ("标注", "Dates, percentages, targets and parties with their normalized values"),
    "passages": ("段落", "Passages and the themes assigned to them; full-text search"),
    "passage_themes": ("段落主题", "One row per passage and theme, with the calibrated score"),
    "errors": ("错误", "Files that failed, with the stage and a one-line reason"),
    "targets": ("目标", "Quantified targets: metric, number, unit, comparator, deadline"),
    "parties": ("责任主体", "Responsible parties by role"),
}

FACETS = {
    "documents": ["doc_type", "encloses", "year", "issuers", "script"],
    "mentions": ["type", "role", "date_kind"],
    "passage_themes": ["theme", "assigned"],
    "passages": ["themes"],
    "parties": ["role", "name"],
    "targets": ["unit", "comparator", "deadline"],
    "errors": ["stage", "kind"],
}

QUERIES = {
    "deadlines_in_range": {
        "title": "期限在某时间段内 · Deadlines in a date range",
        "sql": ("SELECT file, doc_index, type, text, coalesce(deadline, date_end) AS deadline, metric, name "
                "FROM mentions WHERE (date_kind = 'deadline' AND date_lo >= :since AND date_hi <= :until) "
                "OR (type = 'target' AND deadline >= :since AND deadline <= :until || '~') "
                "ORDER BY deadline"),
    },
    "targets_by_metric": {
        "title": "按指标查目标 · Targets by metric",
        "sql": ("SELECT file, doc_index, metric, comparator, number, unit, deadline, text FROM mentions "
                "WHERE type = 'target' AND metric LIKE '%' || :metric || '%' ORDER BY metric, deadline"),
    },
    "parties_by_unit": {
        "title": "按单位查责任 · Parties by unit",
        "sql": ("SELECT name, role, count(*) AS mentions, count(DISTINCT file || '#' || doc_index) AS documents "
                "FROM mentions WHERE type = 'party' AND name LIKE '%' || :unit || '%' "
                "GROUP BY name, role ORDER BY documents DESC, mentions DESC"),
    },
    "passages_by_theme": {
        "title": "按主题查段落 · Passages by theme",
        "sql": ("SELECT p.file, p.doc_index, p.id, t.score, p.text FROM passage_themes t "
                "JOIN passages p ON p.file = t.file AND p.doc_index = t.doc_index AND p.id = t.passage "
                "WHERE t.theme = :theme AND t.assigned = 1 ORDER BY t.score DESC"),
    },
    "mentions_per_year": {
        "title": "各年份的日期与期限 · Dates and deadlines per year",
        "sql": ("SELECT substr(coalesce(date_lo, deadline), 1, 4) AS year, type, count(*) AS mentions "
                "FROM mentions WHERE coalesce(date_lo, deadline) IS NOT NULL GROUP BY year, type ORDER BY year"),
    },
    "issuers": {
        "title": "发文单位 · Issuers",
        "sql": ("SELECT name AS issuer, count(DISTINCT file || '#' || doc_index) AS documents FROM mentions "
                "WHERE type = 'party' AND role = 'issuer' GROUP BY name ORDER BY documents DESC"),
    },
}


def metadata(database: Path) -> dict:
    """Datasette metadata for a policy-nlp database (labels, facets, search, canned queries)."""
    from nlp.store.rows import TABLES, ZH_HEADERS

    tables = {}
    for name, (zh, en) in TABLE_LABELS.items():
        cols = TABLES.get(name) or ()
        entry = {"title": f"{zh} · {name}", "description": en,
                 "columns": {c.name: f"{c.zh} · {c.name}" for c in cols} or
                 {k: f"{v} · {k}" for k, v in ZH_HEADERS.items()},
                 "facets": FACETS.get(name, []), "size": 50}
        tables[name] = entry
    tables["passages"].update({"fts_table": "passages_fts", "fts_pk": "rowid", "searchmode": "raw"})
    tables["documents"]["label_column"] = "title"
    return {"title": "policy-nlp", "description": f"{database.name}: documents processed by policy-nlp batch",
            "databases": {database.stem: {"tables": tables, "queries": QUERIES}}}


def check_database(database: Path) -> None:
    """Refuse a path that is not a readable policy-nlp database, in one line."""
    if not database.exists():
        raise ServeError(f"{database}: no such database (create it with: policy-nlp batch FILES -o {database})")
    if not database.is_file():
        raise ServeError(f"{database}: not a database file")
    try:
        con = sqlite3.connect(f"{database.resolve().as_uri()}?immutable=1", uri=True)  # no -wal/-shm
        try:
            names = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
        finally:
            con.close()
    except sqlite3.DatabaseError as err:
        raise ServeError(f"{database}: not an SQLite database ({err})") from None
    if not {"files", "documents", "mentions", "passages"} <= names:
        raise ServeError(f"{database}: not a policy-nlp database (no files/documents/mentions tables)")


def make_app(database: Path):
    """The Datasette ASGI app over ``database`` (immutable), with the plugin registered."""
    try:
        from datasette.app import Datasette
        from datasette.plugins import pm
    except ImportError:
        raise ServeError('serve needs Datasette: pip install -e ".[web]"') from None
    from nlp.view import datasette_plugin

    check_database(database)
    if not pm.is_registered(datasette_plugin):
        pm.register(datasette_plugin, name="policy-nlp")
    ds = Datasette(immutables=[str(database)], metadata=metadata(database),
                   settings={"default_page_size": 50, "sql_time_limit_ms": 3000})
    return ds


def run(database: Path, *, host: str = "127.0.0.1", port: int = 8001) -> None:
    ds = make_app(Path(database))
    import uvicorn

    print(f"serving {database} read-only at http://{host}:{port}/ (Ctrl-C to stop)", flush=True)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning")
