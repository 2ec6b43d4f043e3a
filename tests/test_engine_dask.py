"""The Dask engine: same rows as the local engine, Parquet out, back into SQLite."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from nlp.batch import run_batch
from nlp.settings import Settings
from nlp.store.rows import TABLES

distributed = pytest.importorskip("dask.distributed")

NO_THEMES = Settings(classify=False)


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        yield c


def _table(con, table):
    cols = [c.name for c in TABLES[table]]
    return sorted(con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall(), key=repr)


def test_dask_matches_local_and_exports_to_sqlite(tmp_path, seeds_dir, client):
    from nlp.batch.engine_dask import parquet_to_sqlite, run_dask_batch

    inputs = tmp_path / "in"
    inputs.mkdir()
    for seed in sorted(seeds_dir.glob("*.txt"), key=lambda p: p.stat().st_size)[:3]:
        shutil.copy(seed, inputs / seed.name)
    (inputs / "empty.txt").write_bytes(b"")
    local_db = tmp_path / "local.db"
    run_batch([inputs], local_db, jobs=1, settings=NO_THEMES)
    out = tmp_path / "dask"
    summary = run_dask_batch([inputs], out, settings=NO_THEMES, client=client, target_bytes=6000)
    manifest = json.loads((out / "_manifest.json").read_text(encoding="utf-8"))
    assert manifest["partitions"] >= 2 and manifest["failed"] == 1 == summary.failed
    dask_db = parquet_to_sqlite(out, tmp_path / "dask.db")
    local, remote = sqlite3.connect(local_db), sqlite3.connect(dask_db)
    for table in TABLES:
        assert _table(remote, table) == _table(local, table), table
    assert manifest["tables"]["documents"] == local.execute("SELECT count(*) FROM documents").fetchone()[0]


def _dask_tables(out, tmp_path, name):
    from nlp.batch.engine_dask import parquet_to_sqlite

    return sqlite3.connect(parquet_to_sqlite(out, tmp_path / name))


def test_dask_rerun_skips_finished_files_like_the_local_engine(tmp_path, seeds_dir, client):
    from nlp.batch.engine_dask import run_dask_batch

    inputs = tmp_path / "in"
    inputs.mkdir()
    seeds = sorted(seeds_dir.glob("*.txt"), key=lambda p: p.stat().st_size)[:3]
    for seed in seeds:
        shutil.copy(seed, inputs / seed.name)
    out = tmp_path / "dask"
    first = run_dask_batch([inputs], out, settings=NO_THEMES, client=client, target_bytes=6000)
    again = run_dask_batch([inputs], out, settings=NO_THEMES, client=client, target_bytes=6000)
    assert (first.ok, again.ok, again.skipped) == (3, 0, 3)
    changed = inputs / seeds[0].name
    changed.write_text("关于开展隐患排查的通知\n一、要求\n2012年6月底前完成。\n", encoding="utf-8")
    third = run_dask_batch([inputs], out, settings=NO_THEMES, client=client, target_bytes=6000)
    assert (third.ok, third.skipped) == (1, 2)
    local_db = tmp_path / "local.db"
    run_batch([inputs], local_db, jobs=1, settings=NO_THEMES)
    local, remote = sqlite3.connect(local_db), _dask_tables(out, tmp_path, "dask.db")
    for table in TABLES:
        assert _table(remote, table) == _table(local, table), table


def test_dask_applies_the_same_limits(tmp_path, seeds_dir, client):
    from nlp.batch.engine_dask import run_dask_batch
    from nlp.errors import BadOption

    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(sorted(seeds_dir.glob("*.txt"), key=lambda p: p.stat().st_size)[2], inputs / "a.txt")
    with pytest.raises(BadOption, match="--timeout must be a positive number"):
        run_dask_batch([inputs], tmp_path / "bad", settings=NO_THEMES, client=client, timeout=-1)
    out = tmp_path / "dask"
    summary = run_dask_batch([inputs], out, settings=NO_THEMES, client=client, max_mentions_per_doc=1)
    con = _dask_tables(out, tmp_path, "dask.db")
    assert max(n for _, n in con.execute("SELECT doc_index, count(*) FROM mentions GROUP BY doc_index")) == 1
    [(warnings,)] = con.execute("SELECT warnings FROM files").fetchall()
    assert "kept the first 1 (raise --max-mentions-per-doc)" in warnings
    assert summary.cut and all("kept the first 1" in note for _, note in summary.cut)


def test_dask_partition_spools_big_files_like_the_local_engine(tmp_path, seeds_dir, monkeypatch):
    import pyarrow.parquet as pq

    from nlp.batch import limits as limits_mod
    from nlp.batch.engine_dask import process_partition

    seed = str(sorted(seeds_dir.glob("*.txt"), key=lambda p: p.stat().st_size)[2])
    tables = {}
    for spool_chars in (10, 10**9):
        monkeypatch.setattr(limits_mod, "SPOOL_CHARS", spool_chars)
        out = tmp_path / f"out{spool_chars}"
        spool = tmp_path / f"spool{spool_chars}"
        spool.mkdir()
        process_partition(0, [(seed, None, None)], str(out), NO_THEMES, spool_dir=str(spool))
        assert list(spool.iterdir()) == []  # the spool file was read and removed
        tables[spool_chars] = {t: pq.read_table(next((out / t).glob("part-*.parquet"))).to_pylist() for t in TABLES}
    assert tables[10] == tables[10**9] and tables[10]["mentions"]
