"""The embedded database: schema, resume bookkeeping and a per-file atomic writer.

One SQLite file, in WAL mode while a batch writes (readers see committed files meanwhile) and
back in rollback-journal mode when it closes, so that readers opening it read-only create no
``-shm``/``-wal`` files. The batch parent is the only writer; each file's rows are written in
one transaction that first deletes whatever an earlier run left for that file, so a run killed
at any moment and started again ends with every file exactly once. Another program holding
the write lock is waited for (``LOCK_WAIT``), then the batch stops with a one-line error.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from nlp.errors import BadOption, PolicyNlpError
from nlp.store.rows import TABLES, VIEWS

SCHEMA_VERSION = "1"
_SQL_TYPES = {"text": "TEXT", "integer": "INTEGER", "real": "REAL"}
# Tables cleared and refilled per file, children first.
_FILE_TABLES = ("passage_themes", "passages", "mentions", "sections", "documents", "errors")
LOCK_WAIT = 120.0  # seconds a writer waits for another program's write lock before giving up
_BUSY_MS = 250  # one wait inside SQLite; between two, Python sees signals (Ctrl-C stays prompt)


class DatabaseLocked(PolicyNlpError):
    """Another program held the database's write lock for longer than the batch waits."""


def connect(path: str | Path, *, readonly: bool = False, lock_wait: float | None = None) -> sqlite3.Connection:
    """Open the database; ``readonly`` opens it so that no statement can change it.

    Read-only opens leave no files beside the database: a database still in WAL mode without
    a ``-wal`` file (nothing pending), or in a folder this user cannot write, is opened
    ``immutable``; otherwise ``mode=ro``.
    """
    if readonly:
        p = Path(path)
        if not p.exists():
            raise BadOption(f"{path}: no such database (create it with: policy-nlp batch FILES -o {path})")
        uri = f"{p.resolve().as_uri()}?mode=ro"
        pending = Path(f"{p}-wal").exists()
        if not os.access(p.resolve().parent, os.W_OK) or (_in_wal_mode(p) and not pending):
            uri += "&immutable=1"
        con = sqlite3.connect(uri, uri=True)
        con.execute(f"PRAGMA busy_timeout={int(LOCK_WAIT * 1000)}")
    else:
        con = sqlite3.connect(str(path), isolation_level=None)  # explicit BEGIN/COMMIT
        con.execute(f"PRAGMA busy_timeout={_BUSY_MS}")
        _wait_for_lock(con, "PRAGMA journal_mode=WAL", path, wait=lock_wait)
        con.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL survives kill -9, not power loss
    return con


def _in_wal_mode(path: Path) -> bool:
    """The file format bytes 18-19 of the header are 2 for a WAL database."""
    try:
        with open(path, "rb") as f:
            header = f.read(20)
    except OSError:
        return False
    return len(header) == 20 and header[18] == 2


def _locked(err: sqlite3.Error) -> bool:
    return isinstance(err, sqlite3.OperationalError) and ("locked" in str(err) or "busy" in str(err))


def _wait_for_lock(con: sqlite3.Connection, sql: str, path, *, wait: float | None = None) -> None:
    """Run ``sql`` (a statement that takes the write lock), retrying while another program holds it."""
    wait = LOCK_WAIT if wait is None else wait
    deadline = time.monotonic() + wait
    while True:
        try:
            con.execute(sql)
            return
        except sqlite3.OperationalError as err:
            if not _locked(err):
                raise
            if time.monotonic() >= deadline:
                raise DatabaseLocked(f"{Path(path).name}: another program has held the database locked for over "
                                     f"{wait:g} s (close it, or write to another -o)") from None


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
    con.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
    con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
    _create_search_index(con)


def _create_search_index(con: sqlite3.Connection) -> None:
    """The trigram index over ``passages.text`` (external content: the text is stored once).

    Triggers keep it in step with ``passages``. An index of an older version (jieba tokens in
    a ``tokens`` column) is dropped and rebuilt from the stored passages.
    """
    from nlp.store.search import TOKENIZER

    columns = [r[1] for r in con.execute("PRAGMA table_info(passages_fts)")]
    if columns and columns != ["text"]:
        con.execute("DROP TABLE passages_fts")
        columns = []
    try:
        con.execute("CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(text, content='passages', "
                    f"content_rowid='rowid', tokenize='{TOKENIZER}')")
    except sqlite3.OperationalError as err:  # SQLite before 3.34 has no trigram tokenizer
        raise BadOption(f"SQLite {sqlite3.sqlite_version} cannot build the search index ({err}); "
                        "use a Python whose SQLite is 3.34 or newer") from None
    for trigger, body in _FTS_TRIGGERS.items():
        row = con.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (trigger,)).fetchone()
        if row and row[0] != f"CREATE TRIGGER {trigger} {body}":  # an earlier version's trigger
            con.execute(f"DROP TRIGGER {trigger}")
        con.execute(f"CREATE TRIGGER IF NOT EXISTS {trigger} {body}")
    if not columns:
        con.execute("INSERT INTO passages_fts (passages_fts) VALUES ('rebuild')")
    con.execute("INSERT OR REPLACE INTO meta VALUES ('fts_tokenizer', ?)", (TOKENIZER,))


# The insert trigger stands aside while ``Store.add_rows`` indexes a document's passages itself,
# in one INSERT ... SELECT (20% less of the writer's time than a trigger run per row): the store
# marks that with a ``meta`` row it adds and removes inside its own transaction, so no other
# connection ever sees it and every other writer's passages are indexed by the trigger.
_FTS_BULK = "fts_bulk"
_FTS_TRIGGERS = {
    "passages_fts_insert": "AFTER INSERT ON passages "
                           f"WHEN (SELECT 1 FROM meta WHERE key = '{_FTS_BULK}') IS NULL BEGIN "
                           "INSERT INTO passages_fts (rowid, text) VALUES (new.rowid, new.text); END",
    "passages_fts_delete": "AFTER DELETE ON passages BEGIN INSERT INTO passages_fts (passages_fts, rowid, text) "
                           "VALUES ('delete', old.rowid, old.text); END",
    "passages_fts_update": "AFTER UPDATE OF text ON passages BEGIN INSERT INTO passages_fts (passages_fts, rowid, text) "
                           "VALUES ('delete', old.rowid, old.text); "
                           "INSERT INTO passages_fts (rowid, text) VALUES (new.rowid, new.text); END",
}


def check_ours(path: str | Path) -> None:
    """Refuse a file that is not a policy-nlp database, before anything is written to it.

    A new or empty file is ours to fill; a SQLite database without our ``meta`` table, or a
    file that is not SQLite at all, is someone else's: no table is added and its journal mode
    is left alone.
    """
    p = Path(path)
    if not p.exists() or p.stat().st_size == 0:
        return
    try:
        con = sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = [r[0] for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
            ours = "meta" in tables and con.execute(
                "SELECT 1 FROM meta WHERE key = 'schema_version'").fetchone() is not None
        finally:
            con.close()
    except sqlite3.DatabaseError as err:
        if _locked(err):
            raise DatabaseLocked(f"{p.name}: another program holds the database locked (close it, "
                                 "or write to another -o)") from None
        raise BadOption(f"{p.name}: not a SQLite database; give -o a new file name") from None
    if tables and not ours:
        shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
        raise BadOption(f"{p.name}: a SQLite database policy-nlp did not create (tables: {shown}); "
                        "give -o a new file name") from None


def open_store(path: str | Path, *, lock_wait: float | None = None) -> "Store":
    """Open (or create) the database for writing; refuse a file that is not ours."""
    check_ours(path)
    con = connect(path, lock_wait=lock_wait)
    store = Store(con, path=path, lock_wait=lock_wait)
    store.begin()
    try:
        create_schema(con)
        con.execute("COMMIT")
    except BaseException:
        store.abort_file()
        con.close()
        raise
    return store


class Store:
    """The writer side of the database. Use ``begin_file`` / ``add_document`` / ``end_file``."""

    def __init__(self, con: sqlite3.Connection, *, path: str | Path = "database", lock_wait: float | None = None):
        self.con = con
        self.path = path
        self.lock_wait = lock_wait
        self._bulk: bool | None = None
        self._inserts = {t: f"INSERT INTO {t} ({', '.join(c.name for c in cols)}) "
                            f"VALUES ({', '.join('?' * len(cols))})" for t, cols in TABLES.items()}

    def done_files(self) -> dict[str, tuple[str, str, str, int]]:
        """``file -> (sha256, pipeline_version, status, size)`` of every file already written."""
        return {f: (sha, ver, status, size) for f, sha, ver, status, size in
                self.con.execute("SELECT file, sha256, pipeline_version, status, size FROM files")}

    def rename_file(self, old: str, new: str) -> None:
        """Give a moved file's rows its new path, in one transaction (the rows stay as they are)."""
        self.begin()
        try:
            for table in (*_FILE_TABLES, "files"):
                self.con.execute(f"UPDATE {table} SET file = ? WHERE file = ?", (new, old))
            self.con.execute("COMMIT")
        except BaseException:
            self.abort_file()
            raise

    def drop_file(self, file: str) -> None:
        """Delete every row of ``file``, in one transaction."""
        self.begin_file(file)
        self.con.execute("COMMIT")

    def begin(self) -> None:
        """BEGIN IMMEDIATE, waiting up to ``lock_wait`` for another program's write lock."""
        _wait_for_lock(self.con, "BEGIN IMMEDIATE", self.path, wait=self.lock_wait)

    def begin_file(self, file: str) -> None:
        """Start the file's transaction (unless ``begin`` did) and drop what an earlier run wrote for it."""
        con = self.con
        if not con.in_transaction:
            self.begin()
        for table in _FILE_TABLES:
            con.execute(f"DELETE FROM {table} WHERE file = ?", (file,))
        con.execute("DELETE FROM files WHERE file = ?", (file,))

    def add_rows(self, rows: Mapping[str, Sequence[tuple]]) -> None:
        """Insert the rows of one document (``nlp.store.rows.document_rows``) or of errors.

        Inside a transaction, the passages are added to the search index in one statement, the
        insert trigger standing aside (``_FTS_TRIGGERS``); the index ends up the same."""
        con = self.con
        bulk = bool(rows.get("passages")) and con.in_transaction and self._bulk_index()
        if bulk:
            con.execute("INSERT OR REPLACE INTO meta VALUES (?, '1')", (_FTS_BULK,))
            last = con.execute("SELECT max(rowid) FROM passages").fetchone()[0] or 0
        try:
            for table, batch in rows.items():
                if batch:
                    con.executemany(self._inserts[table], batch)
            if bulk:  # the rows just added: SQLite gives new rows rowids above the largest
                con.execute("INSERT INTO passages_fts (rowid, text) SELECT rowid, text FROM passages "
                            "WHERE rowid > ?", (last,))
        finally:
            if bulk:
                con.execute("DELETE FROM meta WHERE key = ?", (_FTS_BULK,))

    def _bulk_index(self) -> bool:
        """Whether the database's insert trigger is the one that stands aside (create_schema makes it so)."""
        if self._bulk is None:
            row = self.con.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                                   "AND name = 'passages_fts_insert'").fetchone()
            self._bulk = bool(row) and row[0] == f"CREATE TRIGGER passages_fts_insert {_FTS_TRIGGERS['passages_fts_insert']}"
        return self._bulk

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
        self.begin()
        self.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))
        self.con.execute("COMMIT")

    def close(self) -> None:
        """Close, leaving the database in rollback-journal mode unless someone else has it open."""
        try:
            self.con.execute("PRAGMA busy_timeout=0")
            self.con.execute("PRAGMA journal_mode=DELETE")
        except sqlite3.OperationalError:
            pass  # a reader has it open: it stays in WAL mode, which is still correct
        self.con.close()


def count_rows(con: sqlite3.Connection) -> dict[str, int]:
    """Row count of every table (for summaries and tests)."""
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
