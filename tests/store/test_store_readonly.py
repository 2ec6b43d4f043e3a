"""Read-only commands leave nothing beside the database and work where the user cannot write;
a writer waits for another program's lock, then says so in one line."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nlp.cli import app
from nlp.store import sqlite as store_sqlite
from nlp.store.sqlite import DatabaseLocked, open_store

from store_sample import write_sample

runner = CliRunner()
READERS = [["query", "{db}", "--type", "party", "-f", "csv"], ["search", "{db}", "卫生局", "-f", "csv"],
           ["export", "{db}", "--to", "csv", "-o", "{out}"]]
IDS = ["query", "search", "export"]


def _wal_at_rest(db: Path) -> None:
    """A database left in WAL mode, as earlier versions of the batch left it."""
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.close()


@pytest.mark.parametrize("wal", [False, True], ids=["plain", "wal-at-rest"])
@pytest.mark.parametrize("command", READERS, ids=IDS)
def test_readers_leave_no_shm_or_wal_files(tmp_path, command, wal):
    db = tmp_path / "p.db"
    write_sample(db)
    if wal:
        _wal_at_rest(db)
    args = [a.format(db=db, out=tmp_path / "out") for a in command]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("p.db")) == ["p.db"]


def _without_root_override() -> None:
    """In the child: drop CAP_DAC_OVERRIDE from the bounding set, so even root obeys mode bits."""
    import ctypes

    if ctypes.CDLL(None, use_errno=True).prctl(24, 1, 0, 0, 0) != 0:  # PR_CAPBSET_DROP, CAP_DAC_OVERRIDE
        raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def _as_user_who_cannot_write(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    if os.geteuid() == 0:
        kw["preexec_fn"] = _without_root_override
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, **kw)


@pytest.mark.parametrize("command", READERS, ids=IDS)
def test_readers_work_in_a_folder_the_user_cannot_write(command):
    if os.geteuid() == 0 and not sys.platform.startswith("linux"):
        pytest.skip("root can write anywhere; dropping the capability needs Linux")
    base = Path(tempfile.mkdtemp(prefix="policy-nlp-ro-"))
    try:
        folder, out = base / "shared", base / "out"
        folder.mkdir()
        out.mkdir()
        db = folder / "p.db"
        write_sample(db)
        _wal_at_rest(db)  # the hardest case: WAL mode needs a -shm file to open normally
        folder.chmod(0o555)
        db.chmod(0o444)
        args = [a.format(db=db, out=out / "csv") for a in command]
        done = _as_user_who_cannot_write([sys.executable, "-m", "nlp.cli", *args])
        assert done.returncode == 0, done.stderr
        assert sorted(p.name for p in folder.iterdir()) == ["p.db"]
    finally:
        (base / "shared").chmod(0o755)
        shutil.rmtree(base, ignore_errors=True)


def _hold_lock(db: Path, seconds: float) -> subprocess.Popen:
    """Another program that takes the write lock and keeps it ``seconds``."""
    code = ("import sqlite3, sys, time\n"
            "con = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "con.execute('BEGIN IMMEDIATE'); print('locked', flush=True)\n"
            "time.sleep(float(sys.argv[2])); con.execute('COMMIT')\n")
    proc = subprocess.Popen([sys.executable, "-c", code, str(db), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_batch_waits_for_a_writer_holding_the_lock_over_10_s(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "plan.txt").write_text("关于开展隐患排查的通知\n一、要求\n2012年6月底前完成。\n", encoding="utf-8")
    db = tmp_path / "p.db"
    open_store(db).close()
    holder = _hold_lock(db, 12)
    t0 = time.monotonic()
    try:
        result = runner.invoke(app, ["batch", str(tmp_path / "in"), "-o", str(db), "-j", "1", "--no-themes", "--quiet"])
    finally:
        holder.wait()
    assert result.exit_code == 0, result.stderr or result.exception
    assert time.monotonic() - t0 >= 10
    assert sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_a_lock_held_too_long_is_a_one_line_error(tmp_path, monkeypatch):
    db = tmp_path / "p.db"
    open_store(db).close()
    holder = _hold_lock(db, 5)
    try:
        with pytest.raises(DatabaseLocked):
            open_store(db, lock_wait=0.3)
        monkeypatch.setattr(store_sqlite, "LOCK_WAIT", 0.5)
        (tmp_path / "a.txt").write_text("通知\n一、要求\n", encoding="utf-8")
        result = runner.invoke(app, ["batch", str(tmp_path / "a.txt"), "-o", str(db), "-j", "1", "--no-themes"])
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 1  # a failed run, not a usage error (nlp.cli.base.exit_code)
    assert result.stderr == ("error: p.db: another program has held the database locked for over 0.5 s "
                             "(close it, or write to another -o)\n")
