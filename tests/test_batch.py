"""Batch: folders into the database, resumable after kill -9, idempotent, bad files recorded."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nlp.batch import limits as limits_mod
from nlp.batch import find_inputs, process_one, run_batch
from nlp.cli import app
from nlp.settings import Settings
from nlp.store.sqlite import count_rows

runner = CliRunner()
NO_THEMES = Settings(classify=False)  # the theme model is another stage's business


def _copies(seeds_dir: Path, out: Path, n: int) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    seeds = sorted(seeds_dir.glob("*.txt"), key=lambda p: p.stat().st_size)[:3]  # the small ones: fast
    made = []
    for i in range(n):
        src = seeds[i % len(seeds)]
        dst = out / f"{i:03d}_{src.name}"
        shutil.copyfile(src, dst)
        made.append(dst)
    return made


def _bad_files(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    bad = {"empty.txt": b"", "binary.txt": bytes(range(256)) * 16, "truncated.docx": b"PK\x03\x04" + bytes(range(128, 256))}
    for name, data in bad.items():
        (folder / name).write_bytes(data)
    return [folder / n for n in bad]


def _per_file(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    return dict(con.execute("SELECT file, count(*) FROM files GROUP BY file"))


def _no_duplicates(db: Path) -> None:
    con = sqlite3.connect(db)
    keys = {"documents": "file, doc_index", "sections": "file, doc_index, id", "mentions": "file, doc_index, idx",
            "passages": "file, doc_index, id", "errors": "file"}
    for table, key in keys.items():
        dupes = con.execute(f"SELECT {key}, count(*) c FROM {table} GROUP BY {key} HAVING c > 1").fetchall()
        assert dupes == [], table
    n_docs = dict(con.execute("SELECT file, documents FROM files"))
    for file, n in con.execute("SELECT file, count(*) FROM documents GROUP BY file"):
        assert n_docs[file] == n


@pytest.fixture(scope="module")
def mixed(tmp_path_factory, seeds_dir):
    """A folder of 6 seed copies and 3 bad files, batched once with -j 2."""
    root = tmp_path_factory.mktemp("mixed")
    good = _copies(seeds_dir, root / "in", 6)
    bad = _bad_files(root / "in" / "sub")
    (root / "in" / "notes.md").write_text("not a document")
    db = root / "policy.db"
    result = runner.invoke(app, ["batch", str(root / "in"), "-o", str(db), "-j", "2", "--json", "--no-themes"])
    return root, db, good, bad, result


def test_walk_keeps_document_suffixes_only(mixed):
    root, _, good, bad, _ = mixed
    assert find_inputs([root / "in"]) == sorted(p.resolve() for p in good + bad)


def test_bad_files_are_recorded_and_the_batch_goes_on(mixed):
    _, db, good, bad, result = mixed
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert (summary["ok"], summary["failed"]) == (len(good), len(bad))
    con = sqlite3.connect(db)
    errors = dict(con.execute("SELECT file, message FROM errors"))
    assert set(errors) == {str(p.resolve()) for p in bad}
    for file, message in errors.items():
        assert message.startswith(Path(file).name + ":") and "\n" not in message
    assert con.execute("SELECT count(*) FROM documents WHERE file IN (SELECT file FROM errors)").fetchone()[0] == 0


def test_summary_counts_match_the_database(mixed):
    _, db, _, _, result = mixed
    summary = json.loads(result.stdout)
    con = sqlite3.connect(db)
    assert summary["documents"] == con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert summary["mentions"] == dict(con.execute("SELECT type, count(*) FROM mentions GROUP BY type"))
    # Peak memory per worker is a benchmark figure (scripts/bench_batch.py): inside pytest the
    # children's peak RSS also counts earlier test subprocesses, so it is not asserted here.


def test_rerun_processes_nothing_and_changes_nothing(mixed):
    root, db, _, _, _ = mixed
    before = count_rows(sqlite3.connect(db))
    result = runner.invoke(app, ["batch", str(root / "in"), "-o", str(db), "-j", "2", "--json", "--no-themes"])
    summary = json.loads(result.stdout)
    assert (summary["ok"], summary["failed"], summary["skipped"]) == (0, 0, 9)
    assert result.exit_code == 1  # the bad files are still failed in the database
    assert count_rows(sqlite3.connect(db)) == before


def test_a_changed_file_is_processed_again(tmp_path, seeds_dir):
    [path] = _copies(seeds_dir, tmp_path / "in", 1)
    db = tmp_path / "p.db"
    assert run_batch([path], db, jobs=1, settings=NO_THEMES).ok == 1
    path.write_text("关于开展隐患排查的通知\n一、要求\n2012年6月底前完成。\n", encoding="utf-8")
    summary = run_batch([path], db, jobs=1, settings=NO_THEMES)
    assert (summary.ok, summary.skipped) == (1, 0)
    con = sqlite3.connect(db)
    [(text,)] = con.execute("SELECT text FROM documents").fetchall()
    assert "2012年6月底前完成" in text
    _no_duplicates(db)


def test_huge_file_rows_are_spooled_and_written_in_one_transaction(tmp_path, seeds_dir, monkeypatch):
    paths = _copies(seeds_dir, tmp_path / "in", 5)
    monkeypatch.setattr(limits_mod, "SPOOL_CHARS", 10)
    spooled = process_one(str(paths[1]), spool_dir=str(tmp_path), settings=NO_THEMES)
    assert spooled["spool"] and spooled["rows"] == []
    monkeypatch.setattr(limits_mod, "SPOOL_CHARS", 10**9)
    inline = process_one(str(paths[1]), spool_dir=str(tmp_path), settings=NO_THEMES)
    assert inline["spool"] is None
    assert list(limits_mod.read_spool(spooled["spool"])) == inline["rows"]
    assert not Path(spooled["spool"]).exists()


def test_resume_after_kill_9(tmp_path, seeds_dir):
    files = _copies(seeds_dir, tmp_path / "in", 40)
    db = tmp_path / "policy.db"
    cmd = [sys.executable, "-m", "nlp.cli", "batch", str(tmp_path / "in"), "-o", str(db), "-j", "1", "--no-themes", "--quiet"]
    proc = subprocess.Popen(cmd, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = 0
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                done = sqlite3.connect(db).execute("SELECT count(*) FROM files").fetchone()[0]
            except sqlite3.OperationalError:
                done = 0
            if done >= 2:
                break
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)  # the batch and its workers, mid-run
    proc.wait()
    partial = len(_per_file(db))
    assert 2 <= partial < len(files), "the batch finished before it could be killed"
    rerun = subprocess.run(cmd[:-1] + ["--json"], capture_output=True, text=True, timeout=120)
    summary = json.loads(rerun.stdout)
    assert rerun.returncode == 0, rerun.stderr
    assert summary["skipped"] == partial and summary["ok"] == len(files) - partial
    assert _per_file(db) == {str(p.resolve()): 1 for p in files}
    _no_duplicates(db)


def test_hostile_folder(tmp_path, shared_tools):
    out = tmp_path / "hostile"
    subprocess.run([sys.executable, str(shared_tools / "make_hostile.py"), str(out), "--big-mb", "2"],
                   check=True, capture_output=True)
    expected = dict(line.split("\t") for line in (out / "EXPECTED.tsv").read_text().splitlines())
    db = tmp_path / "p.db"
    result = runner.invoke(app, ["batch", str(out), "-o", str(db), "-j", "2", "--json", "--no-themes",
                                 "--timeout", "5"])
    summary = json.loads(result.stdout)
    assert result.exit_code == (1 if summary["failed"] else 0)
    con = sqlite3.connect(db)
    status = dict(con.execute("SELECT file, status FROM files"))
    assert {Path(f).name for f in status} == set(expected)
    errors = {Path(f).name for (f,) in con.execute("SELECT file FROM errors")}
    # which files fail is the reader's business (its own tests); here: each is recorded once
    assert errors == {Path(f).name for f, s in status.items() if s == "failed"}
    for message, in con.execute("SELECT message FROM errors"):
        assert "\n" not in message and len(message) < 2100
    _no_duplicates(db)


def test_a_file_past_the_timeout_is_recorded(tmp_path):
    slow = tmp_path / "slow.txt"
    slow.write_text("一、" * 10 + "x", encoding="utf-8")
    db = tmp_path / "p.db"
    summary = run_batch([slow], db, jobs=1, settings=NO_THEMES, timeout=1e-6)
    assert summary.failed == 1
    [(kind, message)] = sqlite3.connect(db).execute("SELECT kind, message FROM errors").fetchall()
    assert kind == "FileTimeout" and message.startswith("slow.txt: took longer than 1e-06 s")
