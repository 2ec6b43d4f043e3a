"""Query: command-line filters -> named-parameter SQL over the database, restated in words.

Each filter is a row of ``FILTERS``: its SQL for each kind of result row (mentions,
passages or documents) and the words that restate it. ``build_query`` joins the chosen
filters with AND, so ``--theme 四风 --from 2010-01`` reads back as
``mentions where theme = 四风 and date overlaps 2010-01-01..9999-12-31``.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from nlp.errors import BadOption

ROWS = ("mentions", "passages", "documents")

# The columns each kind of result shows, and its FROM clause (aliases m, p, d).
_SELECT = {
    "mentions": ("SELECT d.title, m.file, m.doc_index, m.type, m.text, m.section, m.start, m.end, "
                 "m.source_start, m.source_end, m.date_start, m.date_end, m.number, m.unit, "
                 "m.comparator, m.metric, m.deadline, m.name, m.role\n"
                 "FROM mentions m JOIN documents d ON d.file = m.file AND d.doc_index = m.doc_index"),
    "passages": ("SELECT d.title, p.file, p.doc_index, p.id, p.section, p.themes, p.start, p.end, "
                 "p.source_start, p.source_end, p.text\n"
                 "FROM passages p JOIN documents d ON d.file = p.file AND d.doc_index = p.doc_index"),
    "documents": ("SELECT d.file, d.doc_index, d.title, d.doc_type, d.doc_number, d.encloses, d.script, d.chars, "
                  "d.source_start, d.source_end\nFROM documents d"),
}
_ORDER = {"mentions": "m.file, m.doc_index, m.start", "passages": "p.file, p.doc_index, p.start",
          "documents": "d.file, d.doc_index"}

# Reusable pieces: "a mention of the same document", "a passage of the same document".
_SAME_DOC = "x.file = d.file AND x.doc_index = d.doc_index"
_DATE_OVERLAP = "{a}.date_hi >= :date_from AND {a}.date_lo <= :date_to"
_THEMED = ("EXISTS (SELECT 1 FROM passage_themes t WHERE t.file = {a}.file AND t.doc_index = {a}.doc_index"
           " AND t.theme = :theme AND t.assigned = 1{span})")


@dataclass(frozen=True, slots=True)
class Filter:
    name: str  # the option, without --
    words: str  # restatement; {value} is the option's value
    sql: dict[str, str]  # result kind -> WHERE fragment using named parameters


FILTERS: tuple[Filter, ...] = (
    Filter("type", "type = {value}", {
        "mentions": "m.type = :type",
        "passages": "EXISTS (SELECT 1 FROM mentions x WHERE x.file = p.file AND x.doc_index = p.doc_index"
                    " AND x.type = :type AND x.start >= p.start AND x.start < p.end)",
        "documents": f"EXISTS (SELECT 1 FROM mentions x WHERE {_SAME_DOC} AND x.type = :type)",
    }),
    Filter("theme", "theme = {value}", {
        "mentions": _THEMED.format(a="m", span=" AND EXISTS (SELECT 1 FROM passages q WHERE q.file = m.file"
                                   " AND q.doc_index = m.doc_index AND q.id = t.passage"
                                   " AND m.start >= q.start AND m.start < q.end)"),
        "passages": _THEMED.format(a="p", span=" AND t.passage = p.id"),
        "documents": _THEMED.format(a="d", span=""),
    }),
    Filter("party", "party contains {value}", {
        kind: f"EXISTS (SELECT 1 FROM mentions x WHERE {_SAME_DOC} AND x.type = 'party'"
              " AND (x.name LIKE :party OR x.text LIKE :party))" for kind in ROWS
    }),
    Filter("period", "date overlaps {value}", {
        "mentions": "(" + _DATE_OVERLAP.format(a="m") + ")",
        "passages": "EXISTS (SELECT 1 FROM mentions x WHERE x.file = p.file AND x.doc_index = p.doc_index"
                    " AND x.start >= p.start AND x.start < p.end AND " + _DATE_OVERLAP.format(a="x") + ")",
        "documents": f"EXISTS (SELECT 1 FROM mentions x WHERE {_SAME_DOC} AND "
                     + _DATE_OVERLAP.format(a="x") + ")",
    }),
    # a 印发 notice is typed 通知; it also answers for the genre it encloses (`encloses`)
    Filter("doc_type", "doc_type or encloses = {value}",
           {kind: "(d.doc_type = :doc_type OR d.encloses = :doc_type)" for kind in ROWS}),
    Filter("text", "text contains {value}", {
        "mentions": "m.text LIKE :text", "passages": "p.text LIKE :text", "documents": "d.text LIKE :text",
    }),
    Filter("file", "file contains {value}", {kind: "d.file LIKE :file" for kind in ROWS}),
)
_BY_NAME = {f.name: f for f in FILTERS}


@dataclass(frozen=True, slots=True)
class Query:
    sql: str
    params: dict[str, Any]
    words: str


def build_query(rows: str = "mentions", *, type: str | None = None, theme: str | None = None,
                party: str | None = None, date_from: str | None = None, date_to: str | None = None,
                doc_type: str | None = None, text: str | None = None, file: str | None = None,
                limit: int | None = None) -> Query:
    """Named-parameter SQL for the filters given, and the filter restated in words.

    >>> q = build_query(type="target", date_from="2010-01", date_to="2012-12")
    >>> q.words
    'mentions where type = target and date overlaps 2010-01-01..2012-12-31'
    >>> q.params["date_to"]
    '2012-12-31'
    """
    if rows not in ROWS:
        raise BadOption(f"unknown result rows {rows!r}; known: {', '.join(ROWS)}")
    params: dict[str, Any] = {}
    values: dict[str, str] = {}
    if type:
        params["type"] = values["type"] = type
    if theme:
        params["theme"] = values["theme"] = theme
    if party:
        params["party"], values["party"] = f"%{_escape_like(party)}%", party
    if date_from or date_to:
        params["date_from"] = period_bound(date_from, low=True) if date_from else "0000-01-01"
        params["date_to"] = period_bound(date_to, low=False) if date_to else "9999-12-31"
        values["period"] = f"{params['date_from']}..{params['date_to']}"
    if doc_type:
        params["doc_type"] = values["doc_type"] = doc_type
    if text:
        params["text"], values["text"] = f"%{_escape_like(text)}%", text
    if file:
        params["file"], values["file"] = f"%{_escape_like(file)}%", file
    where = [_BY_NAME[name].sql[rows] for name in values]
    words = " and ".join(_BY_NAME[name].words.format(value=v) for name, v in values.items())
    sql = _SELECT[rows]
    if where:
        sql += "\nWHERE " + "\n  AND ".join(where)
    sql = re.sub(r"LIKE (:\w+)", r"LIKE \1 ESCAPE '\\'", sql)
    sql += f"\nORDER BY {_ORDER[rows]}"
    if limit:
        sql += "\nLIMIT :limit"
        params["limit"] = limit
    return Query(sql, params, f"{rows} where {words}" if words else f"all {rows}")


def period_bound(value: str, *, low: bool) -> str:
    """``--from``/``--to`` value -> a day: 2010 -> 2010-01-01 (low) / 2010-12-31 (high).

    >>> period_bound("2012-02", low=False), period_bound("2010", low=True)
    ('2012-02-29', '2010-01-01')
    """
    from nlp.store.rows import bound_date

    v = value.strip().replace("/", "-").replace(".", "-")
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", v)
    if not m:
        raise BadOption(f"bad date {value!r}; use YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [m[1]] + [p.zfill(2) for p in m.groups()[1:] if p]
    day = bound_date("-".join(parts), low=low)
    if day is None:
        raise BadOption(f"bad date {value!r}; use YYYY, YYYY-MM or YYYY-MM-DD")
    return day


def known_themes(con: sqlite3.Connection) -> list[str]:
    """The themes the database's passages were scored on (to check ``--theme``)."""
    return [t for (t,) in con.execute("SELECT DISTINCT theme FROM passage_themes ORDER BY theme")]


def _escape_like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def run_query(con: sqlite3.Connection, sql: str, params: dict | None = None) -> tuple[list[str], list[tuple]]:
    """Column names and rows of ``sql``; raise BadOption with SQLite's reason on bad SQL."""
    try:
        cur = con.execute(sql, params or {})
        return [d[0] for d in cur.description or []], cur.fetchall()
    except sqlite3.Error as err:
        raise BadOption(f"SQL failed: {err}") from None


def write_rows(columns: list[str], rows: list[tuple], fmt: str, out) -> None:
    """Write result rows as a readable ``table``, ``csv`` or ``jsonl`` to the text stream ``out``."""
    if fmt == "csv":
        import csv

        w = csv.writer(out)
        w.writerow(columns)
        w.writerows(rows)
    elif fmt == "jsonl":
        import json

        for row in rows:
            out.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False) + "\n")
    elif fmt == "table":
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns)
        for row in rows:
            table.add_row(*("" if v is None else _short(v) for v in row))
        Console(file=out, width=max(120, len(columns) * 12)).print(table)
    else:
        raise BadOption(f"unknown format {fmt!r}; known: table, csv, jsonl")


def _short(v: Any, width: int = 80) -> str:
    s = str(v).replace("\n", " ")
    return s if len(s) <= width else s[:width - 1] + "…"
