"""The batch on Dask: file partitions as tasks, partitioned Parquet out.

Input: the same paths as ``nlp.batch.run_batch``. Output: a folder with one sub-folder per
table (``documents/part-<run>-00003.parquet`` ...) and ``_manifest.json`` (counts, errors,
pipeline version). The rows are those of the local engine, and so are the rules: both
discover inputs (``nlp.batch.discover``), skip finished files (``run.plan_tasks``), apply
the limits and spool big files (``nlp.batch.limits``) through ``run.process_one``. A re-run
into the same folder adds parts for the files it processed and removes their older rows
from earlier parts. Tasks receive file paths only, so the output folder and the inputs must
be visible to every worker (a shared or network file system on a real cluster). Models load
once per worker process; a task whose worker dies is run again by Dask, and rewriting a
partition is harmless. ``--timeout`` needs the main thread, so Dask tasks have no time limit.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Iterable

from nlp import PIPELINE_VERSION
from nlp.batch.discover import discover_inputs
from nlp.batch.limits import Limits, make_limits, make_spool_dir, read_spool, time_limit
from nlp.batch.progress import Summary
from nlp.batch.common import plan_tasks, process_one
from nlp.errors import BadOption
from nlp.settings import Settings
from nlp.store.rows import TABLES

PARTITION_BYTES = 4_000_000  # files are packed into tasks of about this many bytes
_FLUSH_ROWS = 20_000  # rows of a table buffered before they are written as a row group


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


class _PartWriter:
    """One Parquet part per table, written in row groups as rows come (bounded memory)."""

    def __init__(self, out_dir: str, name: str):
        self.out_dir, self.name = Path(out_dir), name
        self.buffers: dict[str, list[tuple]] = {t: [] for t in TABLES}
        self.writers: dict = {}

    def add(self, table: str, rows) -> None:
        buf = self.buffers[table]
        buf.extend(rows)
        if len(buf) >= _FLUSH_ROWS:
            self._flush(table)

    def _tmp(self, table: str) -> Path:
        return self.out_dir / table / f".{self.name}.{os.getpid()}.tmp"

    def _flush(self, table: str) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = _schema(table)
        if table not in self.writers:
            (self.out_dir / table).mkdir(parents=True, exist_ok=True)
            self.writers[table] = pq.ParquetWriter(self._tmp(table), schema, compression="zstd")
        rows = self.buffers[table]
        columns = list(zip(*rows)) if rows else [[] for _ in schema.names]
        self.writers[table].write_table(pa.Table.from_arrays(
            [pa.array(c, type=f.type) for c, f in zip(columns, schema)], schema=schema))
        self.buffers[table] = []

    def close(self) -> None:
        """Write what is buffered and move every part to its final name."""
        for table in TABLES:
            if self.buffers[table] or table not in self.writers:
                self._flush(table)
            self.writers[table].close()
            os.replace(self._tmp(table), self.out_dir / table / self.name)


def process_partition(index: int, tasks: list[tuple], out_dir: str, settings: Settings,
                      limits: Limits = Limits(), *, run: str = "0", spool_dir: str | None = None) -> dict:
    """Run the pipeline over one partition's tasks and write its Parquet parts; return its counts.

    ``tasks`` are ``run.plan_tasks`` triples; a skipped file writes nothing (its rows stay in
    an earlier part). Runs on a Dask worker. Each table's part is written to a temporary
    name and renamed, so a retried task replaces, never duplicates, its rows.
    """
    import resource

    part = _PartWriter(out_dir, f"part-{run}-{index:05d}.parquet")
    stats = {"ok": 0, "failed": 0, "skipped": 0, "failed_before": 0, "documents": 0, "mentions": {},
             "bytes": 0, "errors": [], "written": [], "cut": []}
    for file, skip_sha, prior in tasks:
        with time_limit(file, limits.timeout):
            r = process_one(file, skip_sha, settings=settings, spool_dir=spool_dir, limits=limits)
        stats["bytes"] += r["bytes"]
        if r["status"] == "skipped":
            stats["skipped"] += 1
            stats["failed_before"] += prior == "failed"
            continue
        stats["written"].append(file)
        stats["cut"] += [(file, note) for note in r["cuts"]]
        part.add("files", [r["file_row"]])
        if r["error"]:
            stage, kind, message = r["error"]
            part.add("errors", [(file, stage, kind, message)])
            stats["failed"] += 1
            stats["errors"].append((file, stage, message))
            continue
        stats["ok"] += 1
        stats["documents"] += r["documents"]
        for k, v in r["mentions"].items():
            stats["mentions"][k] = stats["mentions"].get(k, 0) + v
        for rows in (read_spool(r["spool"]) if r["spool"] else r["rows"]):
            for table, batch in rows.items():
                part.add(table, batch)
    if stats["written"]:  # a partition of skipped files leaves the earlier parts as they are
        part.close()
    stats["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stats["pid"] = os.getpid()
    return stats


def run_dask_batch(paths: Iterable[str | Path], out_dir: str | Path, *, settings: Settings = Settings(),
                   scheduler: str | None = None, workers: int | None = None, quiet: bool = True,
                   client=None, target_bytes: int = PARTITION_BYTES, retry_failed: bool = False,
                   timeout: float | None = None, max_file_mb: float | None = None,
                   max_mentions_per_doc: int | None = None) -> Summary:
    """Process every input as Dask tasks into partitioned Parquet under ``out_dir``.

    Without ``scheduler`` (or ``client``) a LocalCluster of ``workers`` single-threaded
    processes (default: all cores) is started and stopped. Files already in ``out_dir``
    with the same sha256 and pipeline version are skipped, as by the local engine.
    """
    limits = make_limits(timeout=timeout, max_file_mb=max_file_mb, max_mentions_per_doc=max_mentions_per_doc)
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise BadOption("the dask engine needs dask.distributed (pip install 'policy-nlp[dask]')") from None
    from nlp.batch.run import default_jobs

    t0 = time.perf_counter()
    inputs = discover_inputs(paths)
    files = inputs.files
    out = Path(out_dir)
    if out.exists() and not (out / "_manifest.json").exists() and any(out.iterdir()):
        raise BadOption(f"{out}: exists and is not a Dask batch output; give a new folder")
    out.mkdir(parents=True, exist_ok=True)
    done, parts_of = _done_files(out)
    tasks = {t[0]: t for t in plan_tasks(files, done, retry_failed=retry_failed)}
    parts = partition_files(files, target_bytes=target_bytes)
    run = time.strftime("%Y%m%dT%H%M%S") + f"{time.time_ns() % 10**6:06d}"
    spool_dir = make_spool_dir(out)
    own = None
    if client is None:
        if scheduler:
            client = own = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=workers or default_jobs(), threads_per_worker=1,
                                   processes=True, dashboard_address=None)
            client = own = Client(cluster)
    summary = Summary(files=len(files), jobs=len(client.scheduler_info().get("workers", {})))
    summary.unsupported = [str(p) for p in inputs.unsupported]
    summary.not_regular = [(str(p), r) for p, r in inputs.not_regular]
    written: list[str] = []
    try:
        futures = [client.submit(process_partition, i, [tasks[f] for f in part], str(out.resolve()), settings,
                                 limits, run=run, spool_dir=spool_dir,
                                 key=f"policy-nlp-partition-{run}-{i}", retries=2, pure=False)
                   for i, part in enumerate(parts)]
        for fut in as_completed(futures):
            s = fut.result()
            for key in ("ok", "failed", "skipped", "failed_before", "documents", "bytes"):
                setattr(summary, key, getattr(summary, key) + s[key])
            summary.mentions.update(s["mentions"])
            summary.errors += [tuple(e) for e in s["errors"]]
            summary.cut += [tuple(c) for c in s["cut"]]
            summary.peak_rss_mb[s["pid"]] = max(summary.peak_rss_mb.get(s["pid"], 0), s["rss_mb"])
            written += s["written"]
    finally:
        shutil.rmtree(spool_dir, ignore_errors=True)
        if own is not None:
            cluster = getattr(own, "cluster", None)
            own.close()
            if cluster is not None and not scheduler:
                cluster.close()
    _drop_older_rows(out, {f: parts_of[f] for f in written if f in parts_of})
    summary.elapsed = time.perf_counter() - t0
    manifest = {"pipeline_version": PIPELINE_VERSION, "partitions": len(parts),
                "tables": {t: _count_rows(out / t) for t in TABLES}, **summary.as_dict()}
    (out / "_manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return summary


def _done_files(out: Path) -> tuple[dict, dict]:
    """What earlier runs wrote: ``file -> (sha256, version, status, size)`` and ``file -> part name``."""
    import pyarrow.parquet as pq

    done, parts_of = {}, {}
    for path in sorted((out / "files").glob("part-*.parquet")):
        for row in pq.read_table(path).to_pylist():
            done[row["file"]] = (row["sha256"], row["pipeline_version"], row["status"], row["size"])
            parts_of[row["file"]] = path.name
    return done, parts_of


def _drop_older_rows(out: Path, stale: dict[str, str]) -> None:
    """Remove from earlier parts the rows of files this run wrote again (``file -> part name``)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    gone = pa.array(sorted(stale), type=pa.string())
    for name in sorted(set(stale.values())):
        for table in TABLES:
            path = out / table / name
            if path.exists():
                data = pq.read_table(path)
                pq.write_table(data.filter(pc.invert(pc.is_in(data["file"], value_set=gone))),
                               path.with_suffix(".tmp"), compression="zstd")
                os.replace(path.with_suffix(".tmp"), path)


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
