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
