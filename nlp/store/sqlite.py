"""The embedded database: schema, resume bookkeeping and a per-file atomic writer.

One SQLite file in WAL mode. The batch parent is the only writer; each file's rows are
written in one transaction that first deletes whatever an earlier run left for that file,
so a run killed at any moment and started again ends with every file exactly once.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from nlp.store.rows import TABLES, VIEWS

SCHEMA_VERSION = "1"
_SQL_TYPES = {"text": "TEXT", "integer": "INTEGER", "real": "REAL"}
# Tables cleared and refilled per file, children first.
_FILE_TABLES = ("passage_themes", "passages", "mentions", "sections", "documents", "errors")


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open the database; ``readonly`` opens it so that no statement can change it."""
    if readonly:
        if not Path(path).exists():
            from nlp.errors import BadOption

            raise BadOption(f"{path}: no such database (create it with: policy-nlp batch FILES -o {path})")
        con = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    else:
        con = sqlite3.connect(str(path), isolation_level=None)  # explicit BEGIN/COMMIT
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL survives kill -9, not power loss
    con.execute("PRAGMA busy_timeout=10000")
    return con


def create_schema(con: sqlite3.Connection) -> None:
    """Create the tables, indexes, views and the full-text index if they are missing."""
    for table, cols in TABLES.items():
        body = ", ".join(f"{c.name} {_SQL_TYPES[c.type]}" for c in cols)
        if table == "passages":
            body = "rowid INTEGER PRIMARY KEY, " + body
        if table == "files":
            body = body.replace("file TEXT", "file TEXT PRIMARY KEY")
        con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({body})")
        have = {row[1] for row in con.execute(f"PRAGMA table_info({table})")}
        for c in cols:  # a database from an earlier version gains the columns added since
            if c.name not in have:
                con.execute(f"ALTER TABLE {table} ADD COLUMN {c.name} {_SQL_TYPES[c.type]}")
        if table != "files":
            key = "file, doc_index" if any(c.name == "doc_index" for c in cols) else "file"
            con.execute(f"CREATE INDEX IF NOT EXISTS {table}_file ON {table} ({key})")
    con.execute("CREATE INDEX IF NOT EXISTS mentions_type ON mentions (type)")
    con.execute("CREATE INDEX IF NOT EXISTS passage_themes_theme ON passage_themes (theme, assigned)")
    for view, select in VIEWS.items():
        con.execute(f"CREATE VIEW IF NOT EXISTS {view} AS {select}")
    # Passage text pre-tokenized by jieba, tokens joined by spaces; rowid = passages.rowid.
    con.execute("CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(tokens)")
    con.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
    con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))


def open_store(path: str | Path) -> "Store":
    con = connect(path)
    create_schema(con)
    return Store(con)


class Store:
    """The writer side of the database. Use ``begin_file`` / ``add_document`` / ``end_file``."""

    def __init__(self, con: sqlite3.Connection):
        self.con = con
        self._inserts = {t: f"INSERT INTO {t} ({', '.join(c.name for c in cols)}) "
                            f"VALUES ({', '.join('?' * len(cols))})" for t, cols in TABLES.items()}

    def done_files(self) -> dict[str, tuple[str, str, str]]:
        """``file -> (sha256, pipeline_version, status)`` of every file already written."""
        return {f: (sha, ver, status) for f, sha, ver, status in
                self.con.execute("SELECT file, sha256, pipeline_version, status FROM files")}

    def begin_file(self, file: str) -> None:
        """Start the file's transaction and drop what an earlier run wrote for it."""
        con = self.con
        con.execute("BEGIN IMMEDIATE")
        con.execute("DELETE FROM passages_fts WHERE rowid IN (SELECT rowid FROM passages WHERE file = ?)",
                    (file,))
        for table in _FILE_TABLES:
            con.execute(f"DELETE FROM {table} WHERE file = ?", (file,))
        con.execute("DELETE FROM files WHERE file = ?", (file,))

    def add_rows(self, rows: Mapping[str, Sequence[tuple]]) -> None:
        """Insert the rows of one document (``nlp.store.rows.document_rows``) or of errors."""
        con = self.con
        for table, batch in rows.items():
            if not batch:
                continue
            if table == "passages":
                for row in batch:  # the last field is the FTS tokens
                    cur = con.execute(self._inserts[table], row[:-1])
                    con.execute("INSERT INTO passages_fts (rowid, tokens) VALUES (?, ?)",
                                (cur.lastrowid, row[-1]))
            else:
                con.executemany(self._inserts[table], batch)

    def end_file(self, file_row: tuple) -> None:
        """Record the file (a ``files`` row) and commit everything written for it."""
        self.con.execute(self._inserts["files"], file_row)
        self.con.execute("COMMIT")

    def abort_file(self) -> None:
        if self.con.in_transaction:
            self.con.execute("ROLLBACK")

    def write_file(self, file_row: tuple, batches: Iterable[Mapping[str, Sequence[tuple]]]) -> None:
        """Write one file atomically: its documents' rows, then its ``files`` row."""
        self.begin_file(file_row[0])
        try:
            for rows in batches:
                self.add_rows(rows)
            self.end_file(file_row)
        except BaseException:
            self.abort_file()
            raise

    def set_meta(self, key: str, value: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def close(self) -> None:
        self.con.close()


def count_rows(con: sqlite3.Connection) -> dict[str, int]:
    """Row count of every table (for summaries and tests)."""
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
