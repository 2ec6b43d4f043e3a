"""Export: database tables -> csv / xlsx / parquet / jsonl files, one per table.

Rows are streamed in chunks, so a database larger than memory exports fine (xlsx aside:
openpyxl's write-only mode keeps memory flat, but Excel stops at 1,048,576 rows a sheet).
"""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import Iterator

from nlp.errors import BadOption
from nlp.store.rows import TABLES, VIEWS, ZH_HEADERS

FORMATS = ("csv", "xlsx", "parquet", "jsonl", "sqlite")
_CHUNK = 5000
_XLSX_MAX_ROWS = 1_048_575  # one header row
_XLSX_MAX_CELL = 32_767


def export_tables(database: str | Path, fmt: str, out_dir: str | Path, *, zh: bool = False,
                  tables: list[str] | None = None) -> list[Path]:
    """Write every table and view of ``database`` to ``out_dir`` as ``fmt``; return the files."""
    from nlp.store.sqlite import connect

    if fmt not in FORMATS or fmt == "sqlite":
        raise BadOption(f"unknown export format {fmt!r}; known: csv, xlsx, parquet, jsonl")
    names = tables or [*TABLES, *VIEWS]
    unknown = [t for t in names if t not in TABLES and t not in VIEWS]
    if unknown:
        raise BadOption(f"unknown table {unknown[0]!r}; known: {', '.join([*TABLES, *VIEWS])}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    con = connect(database, readonly=True)
    try:
        if fmt == "xlsx":
            return [_write_xlsx(con, names, out / "policy.xlsx", zh)]
        writer = {"csv": _write_csv, "jsonl": _write_jsonl, "parquet": _write_parquet}[fmt]
        return [writer(con, name, out / f"{name}.{fmt}", zh) for name in names]
    finally:
        con.close()


def _columns(con: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in con.execute(f"PRAGMA table_info({table})") if r[1] != "rowid"]


def _header(columns: list[str], zh: bool) -> list[str]:
    return [ZH_HEADERS.get(c, c) for c in columns] if zh else columns


def _chunks(con: sqlite3.Connection, table: str, columns: list[str]) -> Iterator[list[tuple]]:
    order = "file, doc_index" if "doc_index" in columns else "file"
    cur = con.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}")
    while batch := cur.fetchmany(_CHUNK):
        yield batch


def _write_csv(con, table: str, path: Path, zh: bool) -> Path:
    cols = _columns(con, table)
    # utf-8 with BOM: Excel opens Chinese CSV correctly only with it
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(_header(cols, zh))
        for batch in _chunks(con, table, cols):
            w.writerows(batch)
    return path


def _write_jsonl(con, table: str, path: Path, zh: bool) -> Path:
    cols = _columns(con, table)
    keys = _header(cols, zh)
    with open(path, "w", encoding="utf-8") as f:
        for batch in _chunks(con, table, cols):
            f.writelines(json.dumps(dict(zip(keys, row)), ensure_ascii=False) + "\n" for row in batch)
    return path


def arrow_schema(table: str, columns: list[str] | None = None, *, zh: bool = False):
    """The pyarrow schema of a table, from the shared column types (``nlp.store.rows``)."""
    import pyarrow as pa

    types = {"text": pa.string(), "integer": pa.int64(), "real": pa.float64()}
    known = {c.name: c.type for cols in TABLES.values() for c in cols}
    names = columns or [c.name for c in TABLES[table]]
    return pa.schema([(ZH_HEADERS.get(n, n) if zh else n, types[known.get(n, "text")]) for n in names])


def _write_parquet(con, table: str, path: Path, zh: bool) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols = _columns(con, table)
    schema = arrow_schema(table, cols, zh=zh)
    with pq.ParquetWriter(path, schema, compression="zstd") as w:
        wrote = False
        for batch in _chunks(con, table, cols):
            w.write_table(pa.Table.from_pylist([dict(zip(schema.names, r)) for r in batch], schema=schema))
            wrote = True
        if not wrote:
            w.write_table(schema.empty_table())
    return path


def _write_xlsx(con, names: list[str], path: Path, zh: bool) -> Path:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    def clean(v):
        if isinstance(v, str):
            # control characters are illegal in xlsx; cells hold at most 32,767 characters
            v = ILLEGAL_CHARACTERS_RE.sub("", v)
            return v if len(v) <= _XLSX_MAX_CELL else v[:_XLSX_MAX_CELL - 1] + "…"
        return v

    wb = Workbook(write_only=True)
    for name in names:
        cols = _columns(con, name)
        ws = wb.create_sheet(title=name)
        ws.append(_header(cols, zh))
        n = 0
        for batch in _chunks(con, name, cols):
            for row in batch:
                if n >= _XLSX_MAX_ROWS:
                    break
                ws.append([clean(v) for v in row])
                n += 1
    wb.save(path)
    return path
