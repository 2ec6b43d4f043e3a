from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from nlp.cli import app
from nlp.store.query import build_query, run_query
from nlp.store.sqlite import connect

runner = CliRunner()


def _rows(db, rows="mentions", **filters):
    q = build_query(rows, **filters)
    columns, found = run_query(connect(db, readonly=True), q.sql, q.params)
    return [dict(zip(columns, r)) for r in found]


@pytest.mark.parametrize("filters, expected", [
    ({"type": "target"}, ["消防设施完好率达到95%以上"]),
    ({"type": "date", "date_from": "2011-01", "date_to": "2011-12"}, ["2011年底", "201X年12月前"]),
    ({"type": "date", "date_from": "2020"}, []),
    ({"theme": "四风"}, ["201X年12月前", "XXXX年6月"]),
    ({"party": "卫生局"}, ["2011年底", "消防设施完好率达到95%以上", "县卫生局"]),
    ({"doc_type": "通知"}, ["201X年12月前"]),
    ({"text": "底"}, ["2011年底"]),
    ({"type": "target", "date_from": "2011-01", "date_to": "2011-12"}, ["消防设施完好率达到95%以上"]),
    ({"type": "target", "date_from": "2012"}, []),
    ({"date_from": "2011-12-31", "date_to": "2011-12-31"}, ["2011年底", "消防设施完好率达到95%以上", "201X年12月前"]),
], ids=["type", "period-x-year-overlaps", "period-after", "theme", "party-doc-scoped", "doc-type", "text",
        "target-deadline-in-period", "target-deadline-before-period", "any-mention-on-a-day"])
def test_mention_filters(sample_db, filters, expected):
    assert sorted(r["text"] for r in _rows(sample_db, **filters)) == sorted(expected)


def test_unknown_year_never_matches_a_period(sample_db):
    texts = [r["text"] for r in _rows(sample_db, type="date", date_from="1900", date_to="2100")]
    assert "XXXX年6月" not in texts


@pytest.mark.parametrize("rows, filters, expected", [
    ("passages", {"theme": "四风"}, [("conduct.txt", 0), ("conduct.txt", 1)]),
    ("passages", {"text": "红包"}, [("conduct.txt", 0)]),
    ("documents", {"theme": "安全隐患"}, [("plan.txt", 0)]),
    ("documents", {"doc_type": "实施方案", "type": "target"}, [("plan.txt", 0)]),
    ("documents", {"party": "卫生局", "theme": "四风"}, []),
], ids=["passages-theme", "passages-text", "documents-theme", "documents-type", "documents-none"])
def test_other_row_kinds(sample_db, rows, filters, expected):
    assert [(r["file"], r["doc_index"]) for r in _rows(sample_db, rows, **filters)] == expected


def test_like_wildcards_in_values_are_literal(sample_db):
    assert _rows(sample_db, text="_") == []  # unescaped, _ matches any one character
    assert [r["text"] for r in _rows(sample_db, text="%以")] == ["消防设施完好率达到95%以上"]


def test_filter_is_restated_in_words():
    q = build_query(theme="四风", type="target", date_from="2020-01")
    assert q.words == "mentions where type = target and theme = 四风 and date overlaps 2020-01-01..9999-12-31"
    assert ":theme" in q.sql and "四风" not in q.sql


def test_cli_query_show_sql_and_jsonl(sample_db):
    result = runner.invoke(app, ["query", str(sample_db), "--type", "party", "--show-sql", "-f", "jsonl"])
    assert result.exit_code == 0
    assert "WHERE m.type = :type" in result.stderr
    assert "mentions where type = party: 1 rows" in result.stderr
    assert [json.loads(line)["name"] for line in result.stdout.splitlines()] == ["县卫生局"]


def test_cli_raw_sql_is_read_only(sample_db):
    ok = runner.invoke(app, ["query", str(sample_db), "--sql", "SELECT count(*) AS n FROM errors", "-f", "csv"])
    assert ok.exit_code == 0 and ok.stdout.splitlines() == ["n", "1"]
    bad = runner.invoke(app, ["query", str(sample_db), "--sql", "DELETE FROM errors"])
    assert bad.exit_code == 2
    assert bad.stderr.startswith("error: SQL failed: attempt to write a readonly database")


def test_cli_target_period_finds_the_deadline(sample_db):
    result = runner.invoke(app, ["query", str(sample_db), "--type", "target", "--from", "2011", "--to", "2011",
                                 "-f", "jsonl"])
    assert result.exit_code == 0
    assert "mentions where type = target and date overlaps 2011-01-01..2011-12-31: 1 rows" in result.stderr
    assert [json.loads(line)["deadline"] for line in result.stdout.splitlines()] == ["2011-12-31"]


def test_cli_bad_date_is_one_line(sample_db):
    result = runner.invoke(app, ["query", str(sample_db), "--from", "去年"])
    assert result.exit_code == 2
    assert result.stderr == "error: --from: bad date '去年'; use YYYY, YYYY-MM or YYYY-MM-DD\n"


def test_cli_missing_database(tmp_path):
    result = runner.invoke(app, ["query", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no such database" in result.stderr
