"""Limits a user can see and change: bad values are usage errors, and what a limit cuts is recorded."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nlp.batch.limits import Limits, limit_documents
from nlp.cli import app
from nlp.model import Document, Mention

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
THREE_DOCS = ROOT / "corpora" / "heldout" / "docs" / "h04_template_site_plans.txt"  # 3 documents, 3 KB


@pytest.mark.parametrize("option, value, message", [
    ("--timeout", "-1", "--timeout: must be 0 (no limit) or more, got -1"),
    ("--max-file-mb", "-5", "--max-file-mb: must be 0 (no limit) or more, got -5"),
    ("--max-mentions-per-doc", "-2", "--max-mentions-per-doc: must be 0 (no limit) or more, got -2"),
], ids=["timeout", "max-file-mb", "max-mentions"])
def test_a_negative_limit_is_a_usage_error(tmp_path, option, value, message):
    result = runner.invoke(app, ["batch", str(THREE_DOCS), "-o", str(tmp_path / "p.db"), option, value])
    assert result.exit_code == 2
    assert result.stderr == f"error: {message}\n"
    assert not (tmp_path / "p.db").exists()


def _batch(tmp_path, *options):
    shutil.copy(THREE_DOCS, tmp_path / THREE_DOCS.name)
    db = tmp_path / "p.db"
    result = runner.invoke(app, ["batch", str(tmp_path / THREE_DOCS.name), "-o", str(db), "-j", "1",
                                 "--no-themes", *options])
    return result, sqlite3.connect(db)


def test_text_past_max_file_mb_is_cut_and_recorded(tmp_path):
    result, con = _batch(tmp_path, "--max-file-mb", "0.001")
    assert result.exit_code == 0, result.stderr
    [(status, documents, warnings)] = con.execute("SELECT status, documents, warnings FROM files").fetchall()
    assert status == "ok" and 1 <= documents < 3
    note = (f"cut at 0.001 MB of text: documents from #{documents} on were not processed "
            "(raise --max-file-mb)")
    assert warnings.splitlines()[-1] == note
    assert f"cut: {THREE_DOCS.name}: {note}" in result.stderr.splitlines()


def test_mentions_past_max_mentions_per_doc_are_cut_and_recorded(tmp_path):
    result, con = _batch(tmp_path, "--max-mentions-per-doc", "2", "--json")
    assert result.exit_code == 0
    per_doc = dict(con.execute("SELECT doc_index, count(*) FROM mentions GROUP BY doc_index"))
    assert per_doc and max(per_doc.values()) == 2
    [(warnings,)] = con.execute("SELECT warnings FROM files").fetchall()
    notes = [n for n in warnings.splitlines() if "(raise --max-mentions-per-doc)" in n]
    assert notes and all(n.startswith("document #") and ", kept the first 2 " in n for n in notes)
    assert [c["note"] for c in json.loads(result.stdout)["cut"]] == notes


def _doc(i: int, chars: int, mentions: int) -> Document:
    text = "一" * chars
    return Document(source="x.txt", doc_index=i, text=text,
                    mentions=[Mention("date", 0, 1, "一", {}) for _ in range(mentions)])


def test_limit_documents_stops_reading_once_the_budget_is_spent():
    pulled = []

    def docs():
        for i in range(5):
            pulled.append(i)
            yield _doc(i, 200_000, 3)  # 0.6 MB of UTF-8 each

    cuts: list[str] = []
    kept = list(limit_documents(docs(), Limits(max_file_mb=1.0, max_mentions_per_doc=0), cuts))
    assert [d.doc_index for d in kept] == [0, 1] and pulled == [0, 1, 2]
    assert cuts == ["cut at 1 MB of text: documents from #2 on were not processed (raise --max-file-mb)"]
    assert list(limit_documents(docs(), Limits(max_file_mb=0, max_mentions_per_doc=0), cuts))[-1].doc_index == 4
