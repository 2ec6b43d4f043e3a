"""Batch on a bad day: SIGINT/SIGTERM stop it cleanly, workers never outlive it, stale spools go.

Real subprocesses and real signals: the parent is signalled alone (not its process group), so
the test shows that the parent itself stops its workers.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

psutil = pytest.importorskip("psutil")

INTERRUPTED = re.compile(r"interrupted: (\d+) of (\d+) files done; run again to finish")


def _copies(seeds_dir: Path, out: Path, n: int) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    seeds = sorted(seeds_dir.glob("*.txt"), key=lambda p: p.stat().st_size)[:3]
    made = []
    for i in range(n):
        dst = out / f"{i:03d}_{seeds[i % len(seeds)].name}"
        shutil.copyfile(seeds[i % len(seeds)], dst)
        made.append(dst)
    return made


def _batch_cmd(inputs: Path, db: Path, jobs: int = 2) -> list[str]:
    return [sys.executable, "-m", "nlp.cli", "batch", str(inputs), "-o", str(db), "-j", str(jobs),
            "--no-themes", "--quiet"]


def _files_done(db: Path) -> int:
    try:
        con = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=0.1)
        return con.execute("SELECT count(*) FROM files").fetchone()[0]
    except sqlite3.Error:
        return 0


def _start_and_wait(cmd: list[str], db: Path, at_least: int = 2) -> tuple[subprocess.Popen, list]:
    """Start the batch; return once ``at_least`` files are written, with its worker processes."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists() and _files_done(db) >= at_least:
            break
        time.sleep(0.02)
    assert proc.poll() is None, f"the batch ended before it could be signalled: {proc.stderr.read()}"
    workers = psutil.Process(proc.pid).children(recursive=True)
    assert workers, "no worker processes"
    return proc, workers


def _gone(processes, within: float = 15.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        alive = [p for p in processes if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
        if not alive:
            return True
        time.sleep(0.1)
    return False


def _spools(folder: Path) -> list[Path]:
    return sorted(folder.glob("policy-nlp-spool-*"))


@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["SIGINT", "SIGTERM"])
def test_signal_stops_workers_removes_spool_and_says_how_to_finish(tmp_path, seeds_dir, signum, code):
    files = _copies(seeds_dir, tmp_path / "in", 120)
    db = tmp_path / "policy.db"
    proc, workers = _start_and_wait(_batch_cmd(tmp_path / "in", db), db)
    os.kill(proc.pid, signum)
    try:
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == code, err
    assert len(err.strip().splitlines()) == 1, err  # one line, no traceback from the pool's threads
    m = INTERRUPTED.fullmatch(err.strip())
    assert m, err
    assert int(m[2]) == len(files) and int(m[1]) == _files_done(db) < len(files)
    assert _gone(workers), "a worker outlived the batch"
    assert _spools(tmp_path) == []


def test_workers_exit_when_the_parent_is_killed_and_the_stale_spool_is_removed(tmp_path, seeds_dir):
    files = _copies(seeds_dir, tmp_path / "in", 120)
    db = tmp_path / "policy.db"
    cmd = _batch_cmd(tmp_path / "in", db)
    proc, workers = _start_and_wait(cmd, db)
    os.kill(proc.pid, signal.SIGKILL)  # the parent alone: nothing can run in it now
    proc.wait()
    assert _gone(workers), "workers outlived a parent killed with -9"
    assert len(_spools(tmp_path)) == 1  # the dead run's spool folder is still there
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    assert rerun.returncode == 0, rerun.stderr
    assert _spools(tmp_path) == []
    assert _files_done(db) == len(files)


def test_a_signal_during_a_lock_wait_stops_the_batch_promptly(tmp_path, seeds_dir):
    files = _copies(seeds_dir, tmp_path / "in", 120)
    db = tmp_path / "policy.db"
    proc, workers = _start_and_wait(_batch_cmd(tmp_path / "in", db), db)
    code = ("import sqlite3, sys, time\n"
            "con = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)\n"
            "con.execute('BEGIN IMMEDIATE'); print('locked', flush=True); time.sleep(60)\n")
    holder = subprocess.Popen([sys.executable, "-c", code, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        time.sleep(1.0)  # the batch is now waiting for the lock to write its next file
        t0 = time.monotonic()
        os.kill(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=30)
        waited = time.monotonic() - t0
    finally:
        holder.kill()
        holder.wait()
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, err
    assert INTERRUPTED.fullmatch(err.strip()), err
    assert waited < 10, f"the batch took {waited:.1f} s to stop while waiting for a lock"
    assert _gone(workers)
    assert int(INTERRUPTED.fullmatch(err.strip())[1]) < len(files)
