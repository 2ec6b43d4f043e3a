from __future__ import annotations

import csv
import json
import sqlite3

import pytest
from typer.testing import CliRunner

from nlp.cli import app
from nlp.store.rows import TABLES, VIEWS
from nlp.store.sqlite import count_rows

ALL = [*TABLES, *VIEWS]


@pytest.fixture(scope="module")
def counts(sample_db):
    con = sqlite3.connect(sample_db)
    out = count_rows(con)
    out.update({v: con.execute(f"SELECT count(*) FROM {v}").fetchone()[0] for v in VIEWS})
    return out


def _export(db, fmt, out, *extra):
    result = CliRunner().invoke(app, ["export", str(db), "--to", fmt, "-o", str(out), *extra])
    assert result.exit_code == 0, result.output
    return result


def test_csv_read_back(sample_db, tmp_path, counts):
    _export(sample_db, "csv", tmp_path)
    for name in ALL:
        with open(tmp_path / f"{name}.csv", encoding="utf-8-sig", newline="") as f:
            assert len(list(csv.DictReader(f))) == counts[name]
    with open(tmp_path / "targets.csv", encoding="utf-8-sig", newline="") as f:
        assert next(csv.DictReader(f))["metric"] == "消防设施完好率"


def test_jsonl_read_back(sample_db, tmp_path, counts):
    _export(sample_db, "jsonl", tmp_path)
    for name in ALL:
        lines = (tmp_path / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(lines) == counts[name]
    mention = json.loads((tmp_path / "parties.jsonl").read_text(encoding="utf-8"))
    assert (mention["name"], mention["role"], mention["source_start"]) == ("县卫生局", "lead", mention["start"] + 3)


def test_parquet_read_back_typed(sample_db, tmp_path, counts):
    import pyarrow.parquet as pq

    _export(sample_db, "parquet", tmp_path)
    for name in ALL:
        assert pq.read_table(tmp_path / f"{name}.parquet").num_rows == counts[name]
    targets = pq.read_table(tmp_path / "targets.parquet")
    assert str(targets.schema.field("number").type) == "double"
    assert targets.column("number").to_pylist() == [95.0]


def test_xlsx_one_sheet_per_table_with_chinese_headers(sample_db, tmp_path, counts):
    from openpyxl import load_workbook

    _export(sample_db, "xlsx", tmp_path, "--zh")
    wb = load_workbook(tmp_path / "policy.xlsx", read_only=True)
    assert wb.sheetnames == ALL
    for name in ALL:
        assert len(list(wb[name].iter_rows())) == counts[name] + 1
    header = [c.value for c in next(wb["mentions"].iter_rows(max_row=1))]
    assert header[:4] == ["文件", "文档序号", "序号", "类型"]


def test_unknown_format_is_one_line(sample_db, tmp_path):
    result = CliRunner().invoke(app, ["export", str(sample_db), "--format", "docx", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == "error: --format: 'docx' is not one of csv, xlsx, parquet, jsonl, sqlite\n"
