from __future__ import annotations

import sqlite3

import pytest

from nlp import PIPELINE_VERSION
from nlp.store.rows import bound_date, document_rows
from nlp.store.sqlite import count_rows, open_store

from store_sample import PLAN, sample_documents, write_sample


def test_every_span_row_points_into_its_document_text(sample_db):
    con = sqlite3.connect(sample_db)
    docs = {(f, i): t for f, i, t in con.execute("SELECT file, doc_index, text FROM documents")}
    for table in ("sections", "mentions", "passages"):
        for file, di, s, e, text in con.execute(
                f"SELECT file, doc_index, start, end, {'heading' if table == 'sections' else 'text'} FROM {table}"):
            assert text in docs[file, di][s:e]


def test_source_offsets_come_from_the_offset_map(sample_db):
    con = sqlite3.connect(sample_db)
    s, e, ss, se = con.execute("SELECT start, end, source_start, source_end FROM mentions "
                               "WHERE file = 'plan.txt' AND type = 'party'").fetchone()
    assert (ss, se) == (s + 3, e + 3)
    assert PLAN[s:e] == "县卫生局"


def test_value_fields_become_columns(sample_db):
    con = sqlite3.connect(sample_db)
    row = con.execute("SELECT metric, number, unit, comparator, deadline FROM targets").fetchone()
    assert row == ("消防设施完好率", 95.0, "%", ">=", "2011-12-31")
    assert con.execute("SELECT name, role FROM parties").fetchall() == [("县卫生局", "lead")]


def test_writing_a_file_again_replaces_its_rows(tmp_path):
    db = tmp_path / "p.db"
    write_sample(db)
    before = count_rows(sqlite3.connect(db))
    write_sample(db)
    assert count_rows(sqlite3.connect(db)) == before
    con = sqlite3.connect(db)
    con.execute("INSERT INTO passages_fts (passages_fts) VALUES ('integrity-check')")  # raises if the index is stale
    assert con.execute("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH '隐患排查'").fetchone()[0] == 1


def test_a_failed_write_leaves_nothing_of_the_file(tmp_path):
    store = open_store(tmp_path / "p.db")
    rows = document_rows(sample_documents()[0], "plan.txt")

    def batches():
        yield rows
        raise RuntimeError("worker vanished")

    with pytest.raises(RuntimeError):
        store.write_file(("plan.txt", "0" * 64, 1, "txt", None, "ok", PIPELINE_VERSION, 1, None), batches())
    assert count_rows(store.con) == dict.fromkeys(count_rows(store.con), 0)


def test_database_is_in_wal_mode_while_written_and_plain_at_rest(tmp_path):
    # WAL lets readers in while the batch writes; at rest a read-only reader must create no files
    def mode():
        con = sqlite3.connect(tmp_path / "p.db")
        try:
            return con.execute("PRAGMA journal_mode").fetchone()[0]
        finally:
            con.close()

    store = open_store(tmp_path / "p.db")
    assert mode() == "wal"
    store.close()
    assert mode() == "delete"


@pytest.mark.parametrize("date, low, high", [
    ("2010", "2010-01-01", "2010-12-31"),
    ("2012-02", "2012-02-01", "2012-02-29"),
    ("201X-12-20", "2010-12-20", "2019-12-20"),
    ("20XX", "2000-01-01", "2099-12-31"),
    ("2010-XX-05", "2010-01-05", "2010-12-05"),
    ("XXXX-06", None, None),
    ("not a date", None, None),
], ids=["year", "leap-month", "x-year", "x-decade", "x-month", "unknown-year", "junk"])
def test_bound_date(date, low, high):
    assert (bound_date(date, low=True), bound_date(date, low=False)) == (low, high)
