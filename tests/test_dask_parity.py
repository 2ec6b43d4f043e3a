"""The Dask engine keeps the local engine's rules: the same skip, moves, prunes, limits, time limit,
skipped pipes, named unsupported types, summary lines, exit codes and clean stops.

Most tests run the real command with a one-worker LocalCluster of threads (``processes=False``):
quick to start, and a monkeypatched stage reaches the worker. The stop test runs the real
command in a subprocess with its own process cluster.
"""

from __future__ import annotations

import json
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
from typer.testing import CliRunner

from nlp.cli import app

distributed = pytest.importorskip("dask.distributed", reason="the dask engine needs dask.distributed")

runner = CliRunner()
TEXTS = {
    "a.txt": "关于开展隐患排查的通知\n一、工作要求\n2012年6月底前完成自查。\n",
    "b.txt": "关于治理医疗红包的通知\n一、目标\n到2013年底,杜绝收受红包。\n",
    "c.txt": "工作总结\n2011年完成自查,整治文山会海。\n",
}
INTERRUPTED = re.compile(r"interrupted: (\d+) of (\d+) files done; run again to finish")


@pytest.fixture
def threads(monkeypatch):
    """The engine's own LocalCluster, as one worker thread in this process."""
    real = distributed.LocalCluster

    def local_cluster(*args, **kw):
        return real(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0",
                    scheduler_kwargs={"dashboard": False})  # no "port 8787 is in use" warning

    monkeypatch.setattr(distributed, "LocalCluster", local_cluster)


def _folder(path: Path, texts: dict[str, str] = TEXTS) -> Path:
    path.mkdir(parents=True)
    for name, text in texts.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


def _dask(*args: str):
    return runner.invoke(app, ["batch", *args, "--engine", "dask", "-j", "1", "--no-themes"])


def _local(*args: str):
    return runner.invoke(app, ["batch", *args, "-j", "1", "--no-themes"])


def _tables(out: Path, tmp_path: Path) -> sqlite3.Connection:
    from nlp.batch.engine_dask import parquet_to_sqlite

    db = tmp_path / f"export{len(list(tmp_path.glob('export*.db')))}.db"
    return sqlite3.connect(parquet_to_sqlite(out, db))


def _count_rows(folder: Path) -> int:
    import pyarrow.parquet as pq

    return sum(pq.ParquetFile(p).metadata.num_rows for p in folder.glob("part-*.parquet"))


def _rows(con: sqlite3.Connection) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("files", "documents", "mentions")}


def _summary_lines(stderr: str) -> list[str]:
    """The summary without the lines that differ by engine (time, -j, where the data went)."""
    return [line for line in stderr.splitlines() if not line.startswith(("elapsed:", "data:", "next:", "failures:"))]


def test_a_moved_folder_is_recognised_by_sha256_and_not_stored_twice(tmp_path, threads):
    out = tmp_path / "out"
    assert _dask(str(_folder(tmp_path / "in")), "-o", str(out)).exit_code == 0
    before = _rows(_tables(out, tmp_path))
    shutil.move(tmp_path / "in", tmp_path / "moved")
    result = _dask(str(tmp_path / "moved"), "-o", str(out), "--json")
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert (summary["ok"], summary["skipped"], len(summary["moved"]), summary["missing"]) == (0, 3, 3, [])
    con = _tables(out, tmp_path)
    assert _rows(con) == before
    assert {Path(f).parent.name for (f,) in con.execute("SELECT file FROM documents")} == {"moved"}
    assert {Path(f).parent.name for (f,) in con.execute("SELECT file FROM files")} == {"moved"}


def test_deleted_inputs_are_reported_then_pruned(tmp_path, threads):
    out = tmp_path / "out"
    folder = _folder(tmp_path / "in")
    _dask(str(folder), "-o", str(out))
    (folder / "b.txt").unlink()
    kept = _dask(str(folder), "-o", str(out))
    assert kept.exit_code == 0, kept.stderr
    assert "missing: 1 files in the database no longer exist (--prune drops them): b.txt" in kept.stderr.splitlines()
    assert _rows(_tables(out, tmp_path))["files"] == 3
    pruned = _dask(str(folder), "-o", str(out), "--prune")
    assert pruned.exit_code == 0, pruned.stderr
    assert "pruned: 1 files in the database no longer exist: b.txt" in pruned.stderr.splitlines()
    con = _tables(out, tmp_path)
    assert con.execute("SELECT count(*) FROM documents WHERE file LIKE '%b.txt'").fetchone()[0] == 0
    assert _rows(con)["files"] == 2


def test_a_file_past_the_timeout_is_recorded_and_the_batch_goes_on(tmp_path, threads, monkeypatch):
    import nlp.pipeline

    real = nlp.pipeline.iter_documents

    def slow_on_slow_txt(file, *args, **kw):
        if Path(file).name == "slow.txt":
            end = time.monotonic() + 60
            while time.monotonic() < end:  # Python code: the timer's exception lands here
                pass
        yield from real(file, *args, **kw)

    monkeypatch.setattr(nlp.pipeline, "iter_documents", slow_on_slow_txt)
    folder = _folder(tmp_path / "in", {**TEXTS, "slow.txt": TEXTS["a.txt"] + "\n"})
    out = tmp_path / "out"
    started = time.monotonic()
    result = _dask(str(folder), "-o", str(out), "--timeout", "0.5")
    assert time.monotonic() - started < 30
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and re.fullmatch(
        r"error: \[\w+\] slow\.txt: took longer than 0\.5 s \(in stage \w+; raise --timeout or split the file\)",
        errors[0]), errors
    assert "files: 3 ok, 1 failed, 0 skipped (already done)" in result.stderr.splitlines()
    con = _tables(out, tmp_path)
    [(file, kind, message)] = con.execute("SELECT file, kind, message FROM errors").fetchall()
    assert Path(file).name == "slow.txt" and kind == "FileTimeout" and message == errors[0].split("] ", 1)[1]
    assert dict(con.execute("SELECT file, status FROM files"))[file] == "failed"


def test_limits_cut_and_record_as_the_local_engine_does(tmp_path, threads):
    text = "".join(f"第{i}条 到2015年底完成{i}%。\n" for i in range(1, 40))
    folder = _folder(tmp_path / "in", {"long.txt": "关于印发工作方案的通知\n" + text})
    local = _local(str(folder), "-o", str(tmp_path / "p.db"), "--max-mentions-per-doc", "3")
    dask = _dask(str(folder), "-o", str(tmp_path / "out"), "--max-mentions-per-doc", "3")
    assert (dask.exit_code, local.exit_code) == (0, 0)
    cuts = [line for line in dask.stderr.splitlines() if line.startswith("cut: long.txt: ")]
    assert cuts and cuts == [line for line in local.stderr.splitlines() if line.startswith("cut: ")]
    assert all(line.endswith("kept the first 3 (raise --max-mentions-per-doc)") for line in cuts)
    con = _tables(tmp_path / "out", tmp_path)
    assert max(n for _, n in con.execute("SELECT doc_index, count(*) FROM mentions GROUP BY doc_index")) == 3


def test_text_past_max_file_mb_is_cut_and_recorded_as_the_local_engine_does(tmp_path, threads):
    three_docs = Path(__file__).resolve().parent.parent / "corpora" / "heldout" / "docs" / "h04_template_site_plans.txt"
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(three_docs, folder / three_docs.name)
    local = _local(str(folder), "-o", str(tmp_path / "p.db"), "--max-file-mb", "0.001")
    dask = _dask(str(folder), "-o", str(tmp_path / "out"), "--max-file-mb", "0.001")
    assert (dask.exit_code, local.exit_code) == (0, 0)
    cuts = [line for line in dask.stderr.splitlines() if line.startswith("cut: ")]
    assert len(cuts) == 1 and cuts == [line for line in local.stderr.splitlines() if line.startswith("cut: ")]
    assert cuts[0].endswith("were not processed (raise --max-file-mb)")
    query = "SELECT status, documents, warnings FROM files"
    assert _tables(tmp_path / "out", tmp_path).execute(query).fetchall() == \
        sqlite3.connect(tmp_path / "p.db").execute(query).fetchall()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_pipes_unsupported_types_and_bad_files_give_the_local_summary(tmp_path, threads):
    folder = _folder(tmp_path / "in")
    os.mkfifo(folder / "fifo.txt")  # opening it for reading would block until a writer comes
    (folder / "a.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    (folder / "empty.txt").write_bytes(b"")
    local = _local(str(folder), "-o", str(tmp_path / "p.db"))
    dask = _dask(str(folder), "-o", str(tmp_path / "out"))
    assert dask.exit_code == local.exit_code == 1
    assert _summary_lines(dask.stderr) == _summary_lines(local.stderr)
    assert "skipped: fifo.txt: not a regular file (a named pipe)" in dask.stderr.splitlines()
    assert "not read: 1 file of unsupported types (.doc 1): a.doc (save Word/WPS files as .docx)" in dask.stderr
    con, ref = _tables(tmp_path / "out", tmp_path), sqlite3.connect(tmp_path / "p.db")
    for query in ("SELECT file, status, warnings FROM files", "SELECT file, stage, kind, message FROM errors"):
        assert sorted(con.execute(query)) == sorted(ref.execute(query)), query
    again = _dask(str(folder), "-o", str(tmp_path / "out"), "--json")  # the pipe again: recorded once
    assert json.loads(again.stdout)["skipped"] == 4 and again.exit_code == 1
    assert _rows(_tables(tmp_path / "out", tmp_path))["files"] == 5


def test_a_folder_of_unsupported_types_only_fails(tmp_path, threads):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b.wps").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    result = _dask(str(folder), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert ("not read: 1 file of unsupported types (.wps 1): b.wps (save Word/WPS files as .docx)"
            in result.stderr.splitlines())


def test_a_folder_that_is_not_a_dask_output_is_refused_untouched(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("会议纪要\n", encoding="utf-8")
    result = _dask(str(_folder(tmp_path / "in")), "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr == f"error: {out}: exists and is not a Dask batch output; give a new folder\n"
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]


def test_rows_left_by_a_killed_run_are_tidied(tmp_path, threads):
    """A part holding rows of a file whose newest files row is elsewhere (a run killed after
    writing it) loses those rows on the next run: no file is exported twice."""
    out = tmp_path / "out"
    folder = _folder(tmp_path / "in")
    assert _dask(str(folder), "-o", str(out)).exit_code == 0
    for table in ("documents", "mentions", "files"):
        for i, part in enumerate(sorted((out / table).glob("part-*.parquet"))):
            shutil.copy(part, part.with_name(f"part-0-{i:05d}.parquet"))  # an older run's copy of every row
    (out / "documents" / ".part-9-00000.parquet.123.tmp").write_bytes(b"half")
    before = {t: _count_rows(out / t) for t in ("files", "documents", "mentions")}
    assert before["files"] == 6
    with pytest.raises(sqlite3.IntegrityError):  # each file twice: the export refuses it
        _tables(out, tmp_path)
    again = _dask(str(folder), "-o", str(out), "--json")
    assert again.exit_code == 0 and json.loads(again.stdout)["skipped"] == 3
    assert _rows(_tables(out, tmp_path)) == {t: n // 2 for t, n in before.items()}
    assert not list(out.glob("*/.part-*"))


# ---------------------------------------------------------------- a stop, in a real subprocess

def _copies(seeds_dir: Path, out: Path, n: int) -> list[Path]:
    out.mkdir(parents=True)
    seeds = sorted(seeds_dir.glob("*.txt"), key=lambda p: p.stat().st_size)[:3]
    return [Path(shutil.copyfile(seeds[i % 3], out / f"{i:03d}_{seeds[i % 3].name}")) for i in range(n)]


@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 143)], ids=["SIGTERM"])
def test_a_signal_stops_the_cluster_removes_the_spool_and_says_how_to_finish(tmp_path, seeds_dir, signum, code,
                                                                              threads):
    psutil = pytest.importorskip("psutil")
    files = _copies(seeds_dir, tmp_path / "in", 48)  # four partitions of 12 files on the one worker
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "nlp.cli", "batch", str(tmp_path / "in"), "-o", str(out), "--engine", "dask",
           "-j", "1", "--no-themes", "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and proc.poll() is None:
            if list(out.glob("files/part-*.parquet")):  # a partition is written: the work is under way
                break
            time.sleep(0.05)
        assert proc.poll() is None, f"the batch ended before it could be signalled: {proc.stderr.read()}"
        workers = psutil.Process(proc.pid).children(recursive=True)
        os.kill(proc.pid, signum)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == code, err
    m = INTERRUPTED.fullmatch(err.strip())
    assert m, err  # one line, no log or traceback
    done = sum(1 for _ in _tables(out, tmp_path).execute("SELECT file FROM files"))
    assert int(m[2]) == len(files) and 1 <= int(m[1]) == done < len(files)
    deadline = time.monotonic() + 15
    while any(p.is_running() and p.status() != psutil.STATUS_ZOMBIE for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(p.is_running() and p.status() != psutil.STATUS_ZOMBIE for p in workers), "a worker outlived it"
    assert list(out.glob("policy-nlp-spool-*")) == [] and list(out.glob("*/.part-*")) == []
    rerun = _dask(str(tmp_path / "in"), "-o", str(out), "--json")  # in this process: quicker
    assert rerun.exit_code == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert (summary["skipped"], summary["ok"]) == (done, len(files) - done)
    con = _tables(out, tmp_path)
    assert con.execute("SELECT count(*), count(DISTINCT file) FROM files").fetchone() == (len(files), len(files))


def test_profile_is_refused_with_dask_before_any_work(tmp_path):
    result = _dask(str(_folder(tmp_path / "in")), "-o", str(tmp_path / "out"), "--profile")
    assert result.exit_code == 2
    assert result.stderr == "error: --profile: needs --engine local (it samples the local worker processes)\n"
    assert not (tmp_path / "out").exists()


def test_the_progress_bar_hears_of_every_file(tmp_path, threads):
    from nlp.batch.engine_dask import run_dask_batch
    from nlp.settings import Settings

    events = []
    folder = _folder(tmp_path / "in")
    summary = run_dask_batch([folder], tmp_path / "out", settings=Settings(classify=False), target_bytes=100,
                             on_progress=lambda event, result, s: events.append((event, result and result["bytes"])))
    sizes = sorted(p.stat().st_size for p in folder.iterdir())
    assert events[0] == ("start", None) and sorted(b for _, b in events[1:]) == sizes
    assert summary.bytes_total == sum(sizes) and summary.ok == 3


class _CrashOn(distributed.WorkerPlugin):
    """Makes the worker process die (as from out of memory) on the file named ``name``, also after a restart;
    ``delay`` seconds first, so that the scheduler has handed the worker its next file too."""

    def __init__(self, name: str, delay: float = 0.0):
        self.name, self.delay = name, delay

    def setup(self, worker):
        import nlp.pipeline

        real, name, delay = nlp.pipeline.iter_documents, self.name, self.delay

        def crash(file, *args, **kw):
            if Path(file).name == name:
                time.sleep(delay)
                os._exit(9)
            yield from real(file, *args, **kw)

        nlp.pipeline.iter_documents = crash


# "0crash.txt" goes first and dies late: the next file, already handed to its worker, must not be blamed
@pytest.mark.parametrize("crash, delay", [("crash.txt", 0.0), ("0crash.txt", 1.0)])
def test_a_file_that_kills_its_worker_is_recorded_and_the_rest_is_done(tmp_path, crash, delay):
    import cloudpickle
    import dask

    from nlp.batch.engine_dask import run_dask_batch
    from nlp.settings import Settings

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the plugin reaches the worker processes
    folder = _folder(tmp_path / "in", {**TEXTS, crash: TEXTS["a.txt"] + "\n"})
    cluster = dict(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0",
                   scheduler_kwargs={"dashboard": False})
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            distributed.LocalCluster(**cluster) as local, distributed.Client(local) as client:
        client.register_plugin(_CrashOn(crash, delay))
        summary = run_dask_batch([folder], tmp_path / "out", settings=Settings(classify=False), client=client,
                                 target_bytes=10**6)
    assert (summary.ok, summary.failed, summary.exit_code) == (3, 1, 1)
    assert [(Path(f).name, stage) for f, stage, _ in summary.errors] == [(crash, "worker")]
    con = _tables(tmp_path / "out", tmp_path)
    assert con.execute("SELECT kind, message FROM errors").fetchall() == [
        ("WorkerDied", f"{crash}: the worker process died on this file (out of memory or a crash in native code)")]
    assert dict((Path(f).name, s) for f, s in con.execute("SELECT file, status FROM files")) == {
        "a.txt": "ok", "b.txt": "ok", "c.txt": "ok", crash: "failed"}


def test_a_folder_with_a_foreign_manifest_is_refused_untouched(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "_manifest.json").write_text("{}", encoding="utf-8")
    result = _dask(str(_folder(tmp_path / "in")), "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr == f"error: {out}: exists and is not a Dask batch output; give a new folder\n"
    assert sorted(p.name for p in out.iterdir()) == ["_manifest.json"]
