"""The batch on Dask: file partitions as tasks, partitioned Parquet out.

Input: the same paths as ``nlp.batch.run_batch``. Output: a folder with one sub-folder per
table (``documents/part-00003.parquet`` ...) and ``_manifest.json`` (counts, errors,
pipeline version). The rows are those of the local engine: both call
``nlp.batch.process_one`` and ``nlp.store.rows``. Tasks receive file paths only, so the
output folder and the inputs must be visible to every worker (a shared or network file
system on a real cluster). Models load once per worker process (the pipeline caches them);
a task whose worker dies is run again by Dask, and rewriting a partition is harmless.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Iterable

from nlp import PIPELINE_VERSION
from nlp.batch.discover import find_inputs
from nlp.batch.progress import Summary
from nlp.batch.run import process_one
from nlp.errors import BadOption
from nlp.settings import Settings
from nlp.store.rows import TABLES

PARTITION_BYTES = 4_000_000  # files are packed into tasks of about this many bytes


def partition_files(files: Iterable[Path], *, target_bytes: int = PARTITION_BYTES) -> list[list[str]]:
    """Pack files into partitions of about ``target_bytes`` each, in path order; a big file goes alone."""
    parts: list[list[str]] = []
    current: list[str] = []
    size = 0
    for f in files:
        n = f.stat().st_size if f.exists() else 0
        if current and size + n > target_bytes:
            parts.append(current)
            current, size = [], 0
        current.append(str(f))
        size += n
    if current:
        parts.append(current)
    return parts


def _schema(table: str):
    from nlp.store.export import arrow_schema

    return arrow_schema(table)


def process_partition(index: int, files: list[str], out_dir: str, settings: Settings) -> dict:
    """Run the pipeline over one partition and write its Parquet parts; return its counts.

    Runs on a Dask worker. Each table's part is written to a temporary name and renamed,
    so a retried task replaces, never duplicates, its rows.
    """
    import resource

    import pyarrow as pa
    import pyarrow.parquet as pq

    tables: dict[str, list[tuple]] = {t: [] for t in TABLES}
    stats = {"ok": 0, "failed": 0, "documents": 0, "mentions": {}, "bytes": 0, "errors": []}
    for file in files:
        r = process_one(file, settings=settings)
        stats["bytes"] += r["bytes"]
        tables["files"].append(r["file_row"])
        if r["error"]:
            stage, kind, message = r["error"]
            tables["errors"].append((file, stage, kind, message))
            stats["failed"] += 1
            stats["errors"].append((file, stage, message))
            continue
        stats["ok"] += 1
        stats["documents"] += r["documents"]
        for k, v in r["mentions"].items():
            stats["mentions"][k] = stats["mentions"].get(k, 0) + v
        for rows in r["rows"]:
            for table, batch in rows.items():
                tables[table].extend(batch)
    for table, rows in tables.items():
        schema = _schema(table)
        folder = Path(out_dir) / table
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"part-{index:05d}.parquet"
        tmp = folder / f".part-{index:05d}.{os.getpid()}.tmp"
        columns = list(zip(*rows)) if rows else [[] for _ in schema.names]
        pq.write_table(pa.Table.from_arrays([pa.array(c, type=f.type) for c, f in zip(columns, schema)],
                                            schema=schema), tmp, compression="zstd")
        os.replace(tmp, final)
    stats["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stats["pid"] = os.getpid()
    return stats


def run_dask_batch(paths: Iterable[str | Path], out_dir: str | Path, *, settings: Settings = Settings(),
                   scheduler: str | None = None, workers: int | None = None, quiet: bool = True,
                   client=None, target_bytes: int = PARTITION_BYTES) -> Summary:
    """Process every input as Dask tasks into partitioned Parquet under ``out_dir``.

    Without ``scheduler`` (or ``client``) a LocalCluster of ``workers`` single-threaded
    processes (default: all cores) is started and stopped.
    """
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise BadOption("the dask engine needs dask.distributed (pip install 'policy-nlp[dask]')") from None
    from nlp.batch.run import default_jobs

    t0 = time.perf_counter()
    files = find_inputs(paths)
    out = Path(out_dir)
    if out.exists() and not (out / "_manifest.json").exists() and any(out.iterdir()):
        raise BadOption(f"{out}: exists and is not a Dask batch output; give a new folder")
    for table in TABLES:  # a re-run rewrites the output from scratch
        shutil.rmtree(out / table, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    parts = partition_files(files, target_bytes=target_bytes)
    own = None
    if client is None:
        if scheduler:
            client = own = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=workers or default_jobs(), threads_per_worker=1,
                                   processes=True, dashboard_address=None)
            client = own = Client(cluster)
    summary = Summary(files=len(files), jobs=len(client.scheduler_info().get("workers", {})))
    try:
        futures = [client.submit(process_partition, i, part, str(out.resolve()), settings,
                                 key=f"policy-nlp-partition-{i}-{time.time_ns()}", retries=2, pure=False)
                   for i, part in enumerate(parts)]
        for fut in as_completed(futures):
            s = fut.result()
            summary.ok += s["ok"]
            summary.failed += s["failed"]
            summary.documents += s["documents"]
            summary.mentions.update(s["mentions"])
            summary.bytes += s["bytes"]
            summary.errors += [tuple(e) for e in s["errors"]]
            summary.peak_rss_mb[s["pid"]] = max(summary.peak_rss_mb.get(s["pid"], 0), s["rss_mb"])
    finally:
        if own is not None:
            cluster = getattr(own, "cluster", None)
            own.close()
            if cluster is not None and not scheduler:
                cluster.close()
    summary.elapsed = time.perf_counter() - t0
    manifest = {"pipeline_version": PIPELINE_VERSION, "partitions": len(parts),
                "tables": {t: _count_rows(out / t) for t in TABLES}, **summary.as_dict()}
    (out / "_manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return summary


def _count_rows(folder: Path) -> int:
    import pyarrow.parquet as pq

    return sum(pq.ParquetFile(p).metadata.num_rows for p in sorted(folder.glob("part-*.parquet")))


def read_table(out_dir: str | Path, table: str):
    """One table of a Dask batch output as a pyarrow Table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    parts = sorted((Path(out_dir) / table).glob("part-*.parquet"))
    if not parts:
        return _schema(table).empty_table()
    return pa.concat_tables(pq.read_table(p) for p in parts)


def parquet_to_sqlite(out_dir: str | Path, database: str | Path) -> Path:
    """Turn a Dask batch output into the embedded database, so ``query`` and ``search`` work on it."""
    from nlp.store.sqlite import open_store

    src, db = Path(out_dir), Path(database)
    if not (src / "_manifest.json").exists():
        raise BadOption(f"{src}: not a Dask batch output (no _manifest.json)")
    if db.exists():
        raise BadOption(f"{db}: exists; give a new file name")
    store = open_store(db)
    con = store.con
    store.begin()
    try:
        for table, cols in TABLES.items():
            names = [c.name for c in cols]
            data = read_table(src, table)
            insert = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
            for batch in data.to_batches(max_chunksize=5000):
                columns = batch.to_pydict()
                con.executemany(insert, zip(*(columns[n] for n in names)))  # triggers fill the search index
        con.execute("INSERT OR REPLACE INTO meta VALUES ('pipeline_version', ?)", (PIPELINE_VERSION,))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        store.close()
    return db
