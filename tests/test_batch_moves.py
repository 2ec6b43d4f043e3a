"""The database follows the disk: moved files keep their rows, deleted ones are reported or
pruned, and a database that is not ours is refused untouched."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from nlp.cli import app

runner = CliRunner()
TEXTS = {
    "a.txt": "关于开展隐患排查的通知\n一、工作要求\n2012年6月底前完成自查。\n",
    "b.txt": "关于治理医疗红包的通知\n一、目标\n到2013年底,杜绝收受红包。\n",
    "c.txt": "工作总结\n2011年完成自查,整治文山会海。\n",
}


def _folder(path: Path) -> Path:
    path.mkdir(parents=True)
    for name, text in TEXTS.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


def _batch(*args: str):
    result = runner.invoke(app, ["batch", *args, "-j", "1", "--no-themes"])
    return result


def _rows(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("files", "documents", "mentions")}


def test_a_moved_folder_is_recognised_by_sha256_and_not_stored_twice(tmp_path):
    db = tmp_path / "p.db"
    assert _batch(str(_folder(tmp_path / "in")), "-o", str(db)).exit_code == 0
    before = _rows(db)
    shutil.move(tmp_path / "in", tmp_path / "moved")
    result = _batch(str(tmp_path / "moved"), "-o", str(db), "--json")
    summary = json.loads(result.stdout)
    assert result.exit_code == 0
    assert (summary["ok"], summary["skipped"], len(summary["moved"]), summary["missing"]) == (0, 3, 3, [])
    assert _rows(db) == before
    files = {Path(f).parent.name for (f,) in sqlite3.connect(db).execute("SELECT file FROM documents")}
    assert files == {"moved"}


def test_deleted_inputs_are_reported_then_pruned(tmp_path):
    db = tmp_path / "p.db"
    folder = _folder(tmp_path / "in")
    _batch(str(folder), "-o", str(db))
    (folder / "b.txt").unlink()
    kept = _batch(str(folder), "-o", str(db))
    assert kept.exit_code == 0
    assert "missing: 1 files in the database no longer exist (--prune drops them): b.txt" in kept.stderr.splitlines()
    assert _rows(db)["files"] == 3
    pruned = _batch(str(folder), "-o", str(db), "--prune")
    assert pruned.exit_code == 0
    assert "pruned: 1 files in the database no longer exist: b.txt" in pruned.stderr.splitlines()
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents WHERE file LIKE '%b.txt'").fetchone()[0] == 0
    assert _rows(db)["files"] == 2


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_someone_elses_database_is_refused_untouched(tmp_path):
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE users (id INTEGER, name TEXT)")
    con.execute("INSERT INTO users VALUES (1, '张三')")
    con.commit()
    con.close()
    before = _sha(other)
    result = _batch(str(_folder(tmp_path / "in")), "-o", str(other))
    assert result.exit_code == 2
    assert result.stderr == ("error: other.db: a SQLite database policy-nlp did not create (tables: users); "
                             "give -o a new file name\n")
    assert _sha(other) == before and sorted(p.name for p in tmp_path.iterdir()) == ["in", "other.db"]


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("会议纪要\n" * 200, encoding="utf-8")
    before = _sha(notes)
    result = _batch(str(_folder(tmp_path / "in")), "-o", str(notes))
    assert result.exit_code == 2
    assert result.stderr == f"error: --output: {notes} exists and is not a SQLite database; give a new file name\n"
    assert _sha(notes) == before
