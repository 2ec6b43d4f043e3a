"""The writer indexes a document's passages for search in one statement, the insert trigger
standing aside (issue 12): the index must hold exactly what the trigger would have put there,
for the store's writes and for any other writer's."""

from __future__ import annotations

import sqlite3

from nlp import PIPELINE_VERSION
from nlp.pipeline import process_text
from nlp.settings import Settings
from nlp.store.rows import document_rows
from nlp.store.sqlite import _FTS_TRIGGERS, open_store

TEXTS = {
    "a.txt": "关于开展安全隐患排查的通知\n一、工作目标\n全面开展隐患排查整治,到2025年底整改率达到95%以上。\n"
             "二、工作要求\n各单位要落实医德医风建设,严禁收受红包。",
    "b.txt": "医德医风建设实施方案\n一、总体要求\n坚持以人民为中心,加强医德医风建设。\n二、主要任务\n"
             "开展四风问题专项整治,纠正形式主义、官僚主义。",
}
TERMS = ("隐患排查", "医德医风", "收受红包", "形式主义", "人民为中心", "整改率")


def _write(db, names):
    store = open_store(db)
    for name in names:
        docs = list(process_text(TEXTS[name], source=name, settings=Settings(classify=True)))
        store.write_file((name, "0" * 64, 1, "txt", "utf-8", "ok", PIPELINE_VERSION, len(docs), None),
                         [document_rows(d, name) for d in docs])
    store.close()


def _hits(db):
    con = sqlite3.connect(db)
    con.execute("INSERT INTO passages_fts (passages_fts) VALUES ('integrity-check')")  # raises if stale
    assert con.execute("SELECT count(*) FROM meta WHERE key = 'fts_bulk'").fetchone() == (0,)
    out = {t: con.execute("SELECT p.file, p.id, round(bm25(passages_fts), 6) FROM passages_fts JOIN passages p "
                          "ON p.rowid = passages_fts.rowid WHERE passages_fts MATCH ? ORDER BY 3, 1, 2",
                          (f'"{t}"',)).fetchall() for t in TERMS}
    con.close()
    return out


def _reference(db):
    """The same rows indexed by the trigger alone: the index rebuilt from the stored passages."""
    con = sqlite3.connect(db)
    con.execute("INSERT INTO passages_fts (passages_fts) VALUES ('rebuild')")
    con.commit()
    con.close()
    return _hits(db)


def test_bulk_index_equals_the_rebuilt_index(tmp_path):
    db = tmp_path / "p.db"
    _write(db, ["a.txt", "b.txt"])
    _write(db, ["a.txt"])  # written again: its rows and index entries replaced
    got = _hits(db)
    assert got["隐患排查"] and got["医德医风"]
    assert got == _reference(db)


def test_another_writer_is_indexed_by_the_trigger(tmp_path):
    db = tmp_path / "p.db"
    _write(db, ["a.txt"])
    con = sqlite3.connect(db)
    con.execute("INSERT INTO passages (file, doc_index, id, text) VALUES ('c.txt', 0, 'p1', '独立写入的段落文字')")
    con.commit()
    assert con.execute("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH '独立写入'").fetchone() == (1,)
    con.execute("INSERT INTO passages_fts (passages_fts) VALUES ('integrity-check')")
    con.close()


def test_an_earlier_trigger_is_replaced_and_nothing_is_indexed_twice(tmp_path):
    db = tmp_path / "p.db"
    _write(db, ["a.txt"])
    con = sqlite3.connect(db)  # as an earlier version left it: the trigger without its WHEN
    con.executescript("DROP TRIGGER passages_fts_insert; CREATE TRIGGER passages_fts_insert AFTER INSERT ON passages "
                      "BEGIN INSERT INTO passages_fts (rowid, text) VALUES (new.rowid, new.text); END;")
    con.close()
    _write(db, ["b.txt"])
    con = sqlite3.connect(db)
    sql = con.execute("SELECT sql FROM sqlite_master WHERE name = 'passages_fts_insert'").fetchone()[0]
    con.close()
    assert sql == f"CREATE TRIGGER passages_fts_insert {_FTS_TRIGGERS['passages_fts_insert']}"
    assert _hits(db) == _reference(db)


def test_a_failed_write_leaves_no_mark(tmp_path):
    db = tmp_path / "p.db"
    store = open_store(db)
    docs = list(process_text(TEXTS["a.txt"], source="a.txt", settings=Settings(classify=True)))
    rows = document_rows(docs[0], "a.txt")
    rows["errors"] = [("a.txt",)]  # a malformed row: the insert fails after the passages went in
    try:
        store.write_file(("a.txt", "0" * 64, 1, "txt", "utf-8", "ok", PIPELINE_VERSION, 1, None), [rows])
    except sqlite3.Error:
        pass
    store.close()
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM passages").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM meta WHERE key = 'fts_bulk'").fetchone() == (0,)
    con.close()
