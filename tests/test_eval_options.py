"""The error-analysis options of ``policy-nlp eval``: --split, --by-file, --diff, --themes-errors.

Hand-made cases are those of test_evaluate.py (tests/data/eval_gold, eval_pred); the CLI runs on
one seed file so a test stays a few seconds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nlp.cli import app
from nlp.errors import BadOption
from nlp.evaluate import format_by_file, format_diff, read_split, score_saved
from nlp.vocab import MENTION_TYPES

DATA = Path(__file__).parent / "data"
EVAL_GOLD, EVAL_PRED = DATA / "eval_gold", DATA / "eval_pred"
SEED = "000_5c710998ef01bb6b"


@pytest.fixture
def split_file(tmp_path) -> Path:
    path = tmp_path / "SPLIT.tsv"
    path.write_text("id\tsplit\tsite\nwrong_value\tdev\ta.example\nmissed_doc\tdev\tb.example\n"
                    f"exact\ttest\ta.example\n{SEED}\tone\ts.example\n", encoding="utf-8")
    return path


# --- --split ---------------------------------------------------------------------------------

def test_split_names_its_ids(split_file):
    assert read_split(f"{split_file}:dev") == {"wrong_value", "missed_doc"}


def test_unknown_split_lists_the_names_present(split_file):
    with pytest.raises(BadOption, match=r"^unknown split 'dve' in .*SPLIT\.tsv; known: dev, one, test$"):
        read_split(f"{split_file}:dve")


@pytest.mark.parametrize("spec, message", [
    ("SPLIT.tsv", "expected FILE:NAME"),
    ("/no/such/SPLIT.tsv:dev", "/no/such/SPLIT.tsv: No such file or directory"),
], ids=["no-name", "no-file"])
def test_bad_split_spec(spec, message):
    with pytest.raises(BadOption, match=message):
        read_split(spec)


def test_split_scores_only_its_files(split_file):
    r = score_saved(EVAL_GOLD, EVAL_PRED, files=read_split(f"{split_file}:dev"))
    assert r["documents"]["files"] == 2
    assert r["date"]["gold"] == 1 + 1  # wrong_value's date and missed_doc's


def test_cli_unknown_split_is_one_line_and_exit_2(split_file, gold_dir, seeds_dir):
    result = CliRunner().invoke(app, ["eval", str(gold_dir), str(seeds_dir), "--split", f"{split_file}:x"])
    assert result.exit_code == 2
    assert result.output == f"error: unknown split 'x' in {split_file}; known: dev, one, test\n"


# --- --by-file -------------------------------------------------------------------------------

def test_by_file_rows_worst_first():
    rows = score_saved(EVAL_GOLD, EVAL_PRED, by_file=True)["files"]
    scores = [r["score"] for r in rows]
    assert scores == sorted(scores)
    by_name = {r["name"]: r for r in rows}
    assert by_name["exact"]["score"] == 1.0
    assert by_name["wrong_value"]["f1"] == {"date": 0.0}  # the span matches, the value does not
    assert by_name["missed_doc"]["documents"] == {"gold": 2, "pred": 1, "exact": False, "unaligned_pred": 0}
    assert by_name["missed_doc"]["meta"] == {"right": 2, "total": 4}  # the missed document's title and type


def test_by_file_row_of_a_file_with_no_document(tmp_path):
    (tmp_path / "exact.json").write_text((EVAL_GOLD / "exact.json").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "wrong_value.json").write_text((EVAL_GOLD / "wrong_value.json").read_text(encoding="utf-8"),
                                               encoding="utf-8")
    pred = tmp_path / "pred"
    pred.mkdir()
    (pred / "exact.jsonl").write_text((EVAL_PRED / "exact.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    rows = score_saved(tmp_path, pred, by_file=True)["files"]
    assert [(r["name"], r["score"], r["error"]) for r in rows] == [
        ("wrong_value", None, "no document file"), ("exact", 1.0, None)]
    assert format_by_file(rows).splitlines()[1] == "wrong_value  error: no document file"


def test_by_file_table_has_a_column_per_area():
    rows = score_saved(EVAL_GOLD, EVAL_PRED, only="wrong_value", by_file=True)["files"]
    head, line = format_by_file(rows).splitlines()
    assert head.split() == ["file", "score", "docs(g/p)", "sect", "date", "pct", "target", "party", "meta"]
    assert line.split() == ["wrong_value", "0.500", "1/1", "-", "0.000", "-", "-", "-", "-"]


# --- --diff ----------------------------------------------------------------------------------

def test_diff_lists_the_wrong_value_on_both_sides():
    items = score_saved(EVAL_GOLD, EVAL_PRED, only="wrong_value", diff=True)["diff"][0]["items"]
    assert [(i["side"], i["type"], i["text"], i["value"]["start"]) for i in items] == [
        ("missed", "date", "2010年5月20日", "2010-05-20"), ("extra", "date", "2010年5月20日", "2010-05-21")]


def test_diff_agrees_with_the_counts():
    r = score_saved(EVAL_GOLD, EVAL_PRED, diff=True)
    items = [i for f in r["diff"] for i in f["items"]]
    for kind in MENTION_TYPES:
        missed = sum(i["side"] == "missed" and i["type"] == kind for i in items)
        extra = sum(i["side"] == "extra" and i["type"] == kind for i in items)
        assert (missed, extra) == (r[kind]["gold"] - r[kind]["tp"], r[kind]["pred"] - r[kind]["tp"]), kind


def test_diff_lists_sections_and_metadata_as_the_counts_do():
    r = score_saved(EVAL_GOLD, EVAL_PRED, diff=True)
    items = [i for f in r["diff"] for i in f["items"]]
    missed = sum(i["side"] == "missed" and i["type"] == "section" for i in items)
    extra = sum(i["side"] == "extra" and i["type"] == "section" for i in items)
    assert missed + extra > 0
    assert (missed, extra) == (r["sections"]["gold"] - r["sections"]["tp"], r["sections"]["pred"] - r["sections"]["tp"])
    wrong = 0
    for key in ("title", "doc_type", "doc_number"):
        area = r["meta." + key]
        assert sum(i["side"] == "missed" and i["type"] == key for i in items) == area["gold"] - area["tp"], key
        assert sum(i["side"] == "extra" and i["type"] == key for i in items) <= area["pred"] - area["tp"], key
        wrong += area["gold"] - area["tp"]
    assert wrong > 0


def test_diff_text():
    r = score_saved(EVAL_GOLD, EVAL_PRED, only="exact", diff=True)
    assert format_diff(r["diff"]) == "no missed or extra mentions"
    r = score_saved(EVAL_GOLD, EVAL_PRED, only="wrong_value", diff=True)
    assert format_diff(r["diff"]).splitlines() == [
        "== wrong_value: missed 1, extra 1",
        '  missed date       doc 0  \'2010年5月20日\'  {"end": "2010-05-20", "kind": "point", "start": "2010-05-20"}',
        '  extra  date       doc 0  \'2010年5月20日\'  {"end": "2010-05-21", "kind": "point", "start": "2010-05-21"}']


def test_options_change_no_figure():
    plain = score_saved(EVAL_GOLD, EVAL_PRED)
    full = score_saved(EVAL_GOLD, EVAL_PRED, by_file=True, diff=True)
    assert {k: v for k, v in full.items() if k not in ("files", "diff")} == plain


# --- the CLI, on one seed file --------------------------------------------------------------

def test_cli_by_file_and_diff_on_a_seed(split_file, gold_dir, seeds_dir):
    result = CliRunner().invoke(app, ["eval", str(gold_dir), str(seeds_dir), "--split", f"{split_file}:one",
                                      "--by-file", "--diff"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("documents              gold=1 pred=1  files with exact count 1/1")
    assert any(line.startswith("file ") and "party" in line for line in lines)
    assert any(line.startswith(SEED + "  ") for line in lines)
    assert any(line.startswith(f"== {SEED}: missed ") for line in lines) or "no missed or extra mentions" in lines


def test_cli_themes_errors_scores_the_split_passages(tmp_path, split_file):
    (tmp_path / "boundaries.txt").write_text("一、总体要求\n加强管理。\n", encoding="utf-8")  # eval needs one document
    result = CliRunner().invoke(app, ["eval", str(EVAL_GOLD), str(tmp_path), "--split", f"{split_file}:dev",
                                      "--themes-errors"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "no gold passages"  # wrong_value and missed_doc have none
    result = CliRunner().invoke(app, ["eval", str(EVAL_GOLD), str(tmp_path), "--themes-errors"])
    assert result.exit_code == 0, result.output
    passages = sum(len(d.get("passages", [])) for path in EVAL_GOLD.glob("*.json")
                   for d in json.loads(path.read_text(encoding="utf-8"))["documents"])
    assert result.output.splitlines()[-1].endswith(f" of {passages} gold passages misclassified")
