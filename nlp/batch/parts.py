"""Parquet parts: the Dask engine's output folder, written part by part and kept tidy.

``out/<table>/part-<run>-<index>.parquet`` holds the rows of one task (one partition of files),
for each table of ``nlp.store.rows.TABLES``. A file's rows live in the part holding its newest
``files`` row; ``PartsFolder`` answers ``reconcile`` (done files, moves, prunes) and removes rows
that are anywhere else. ``read_table`` and ``parquet_to_sqlite`` read the folder back.
"""

from __future__ import annotations

import os
from pathlib import Path

from nlp import PIPELINE_VERSION
from nlp.errors import BadOption
from nlp.store.rows import TABLES

_FLUSH_ROWS = 20_000  # rows of a table buffered before they are written as a row group


def _schema(table: str):
    from nlp.store.export import arrow_schema

    return arrow_schema(table)


class PartWriter:
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
        """Write what is buffered and move every part to its final name, ``files`` last: a file
        listed there has all its rows in place, even if the task is killed half-way."""
        for table in [*(t for t in TABLES if t != "files"), "files"]:
            if self.buffers[table] or table not in self.writers:
                self._flush(table)
            self.writers[table].close()
            os.replace(self._tmp(table), self.out_dir / table / self.name)


class PartsFolder:
    """A Dask output folder as ``reconcile`` sees a store: done files, moves, prunes.

    A file's rows belong to the part holding its newest ``files`` row (``owner``); ``tidy``
    rewrites parts so that each row is in its file's part, under the file's current path.
    """

    def __init__(self, out: Path):
        self.out = out
        self.owner: dict[str, str] = {}
        self.renamed: dict[str, str] = {}  # old path -> new path, until the next tidy
        self.dropped: set[str] = set()

    def done_files(self) -> dict[str, tuple]:
        """``file -> (sha256, version, status, size)``, from each file's newest ``files`` row."""
        import pyarrow.parquet as pq

        done, self.owner = {}, {}
        for path in sorted((self.out / "files").glob("part-*.parquet")):
            for row in pq.read_table(path).to_pylist():
                done[row["file"]] = (row["sha256"], row["pipeline_version"], row["status"], row["size"])
                self.owner[row["file"]] = path.name
        return done

    def rename_file(self, old: str, new: str) -> None:
        self.renamed[old] = new
        self.owner[new] = self.owner.pop(old)

    def drop_file(self, file: str) -> None:
        self.dropped.add(file)
        self.owner.pop(file, None)

    def tidy(self, parts: set[str] | None = None) -> None:
        """Apply moves and prunes, and drop rows outside their file's part (all parts, or ``parts``)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        renamed, dropped = self.renamed, self.dropped
        self.renamed, self.dropped = {}, set()
        if not (renamed or dropped):
            self.done_files()  # ownership as on disk now
        owner = self.owner
        owners = set(owner.values())
        for table in TABLES:
            for path in sorted((self.out / table).glob("part-*.parquet")):
                if parts is not None and path.name not in parts:
                    continue
                names = pq.read_table(path, columns=["file"])["file"].to_pylist()
                if not names and path.name not in owners:  # an empty table of a part with no files left
                    path.unlink()
                    continue
                current = [renamed.get(f, f) for f in names]
                keep = [owner.get(f) == path.name and f not in dropped for f in current]
                if all(keep) and current == names:
                    continue
                data = pq.read_table(path).filter(pa.array(keep, type=pa.bool_()))
                if not len(data):
                    path.unlink()
                    continue
                if renamed:
                    paths = pa.array([renamed.get(f, f) for f in data["file"].to_pylist()], type=pa.string())
                    data = data.set_column(data.schema.get_field_index("file"), data.schema.field("file"), paths)
                tmp = path.with_name(f".{path.name}.tidy.tmp")
                pq.write_table(data, tmp, compression="zstd")
                os.replace(tmp, path)
        self.done_files()

    def remove_temporary(self) -> None:
        """Remove the half-written parts of stopped tasks (call it only when no task can still run)."""
        for tmp in self.out.glob("*/.part-*.tmp"):
            tmp.unlink(missing_ok=True)


def count_part_rows(folder: Path, pattern: str = "part-*.parquet") -> int:
    import pyarrow.parquet as pq

    return sum(pq.ParquetFile(p).metadata.num_rows for p in sorted(folder.glob(pattern)))


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
