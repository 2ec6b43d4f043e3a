"""Options as the ecosystem expects them: --version, examples and choices in --help, - for stdin,
one name per meaning (old spellings kept hidden), one JSON document for --format json, a batch
summary that ends with where the data is, tables whose rows can be told apart."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from nlp.cli import app

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "tests" / "data" / "eval_cli_plan.txt"
COMMANDS = sorted(typer.main.get_command(app).commands)


def _run(*args, stdin: str | bytes | None = None):
    return CliRunner().invoke(app, [str(a) for a in args], input=stdin)


def test_version():
    from nlp import PIPELINE_VERSION

    result = _run("--version")
    assert result.exit_code == 0
    assert re.fullmatch(rf"policy-nlp \d+\.\d+\S* \(pipeline {PIPELINE_VERSION}\)\n", result.stdout)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_help_has_an_example_of_its_command(command):
    result = _run(command, "--help")
    assert result.exit_code == 0
    example = result.stdout.split("Example:", 1)
    assert len(example) == 2, f"{command} --help shows no example"
    assert f"policy-nlp {command} " in example[1]


def test_top_level_help_has_an_example():
    assert "Example:\n    policy-nlp batch" in _run("--help").stdout


@pytest.mark.parametrize("command, shown", [
    ("extract", "--ner <auto|rules|hanlp>"),
    ("batch", "--engine <local|dask>"),
    ("query", "--rows <mentions|passages|documents>"),
    ("query", "--type <date|percentage|target|party>"),
    ("export", "--format <csv|xlsx|parquet|jsonl|sqlite>"),
    ("eval", "--ner <auto|rules|hanlp>"),
])
def test_help_shows_the_choices_not_str(command, shown):
    assert shown in " ".join(_run(command, "--help").stdout.split())


@pytest.mark.parametrize("command, hidden", [("query", "--from"), ("query", "--to"), ("export", "--to"),
                                             ("eval", "--json ")])
def test_old_spellings_are_hidden(command, hidden):
    assert hidden not in _run(command, "--help").stdout


# ------------------------------------------------------------------ standard input

def test_extract_dash_reads_stdin():
    result = _run("extract", "-", "--format", "jsonl", "--no-themes", stdin=PLAN.read_bytes())
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(d["source"], d["title"]) for d in docs] == [("-", "县卫生局关于开展医疗安全隐患排查整治的实施方案")]


def test_extract_dash_reads_gb18030_stdin_like_a_file():
    from_file = _run("extract", PLAN, "--format", "jsonl", "--no-themes").stdout
    from_stdin = _run("extract", "-", "--format", "jsonl", "--no-themes",
                      stdin=PLAN.read_text(encoding="utf-8").encode("gb18030")).stdout
    assert json.loads(from_stdin)["mentions"] == json.loads(from_file)["mentions"]


def test_normalize_and_sections_dash_read_stdin():
    assert _run("normalize", "-", stdin=PLAN.read_bytes()).stdout == _run("normalize", PLAN).stdout
    assert _run("sections", "-", stdin=PLAN.read_bytes()).stdout == _run("sections", PLAN).stdout


def test_classify_input_dash_reads_stdin():
    line = json.dumps({"id": "a", "text": "严禁医务人员收受患者红包和医药企业回扣。"}, ensure_ascii=False) + "\n"
    result = _run("classify", "-i", "-", stdin=line)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == "a"


def test_extract_refuses_two_dashes():
    result = _run("extract", "-", "-", stdin="")
    assert (result.exit_code, result.stderr) == (2, "error: -: standard input can be read once; give - one time\n")


# ------------------------------------------------------------------ output shapes

def test_classify_format_json_is_one_json_document():
    lines = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n"
                    for i, t in enumerate(["严禁收受红包", "排查整治火灾隐患"]))
    result = _run("classify", "--format", "json", stdin=lines)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert [d["id"] for d in doc] == [0, 1]
    assert set(doc[0]) == {"id", "themes", "scores"}


def test_classify_text_format_json_is_a_one_item_array():
    doc = json.loads(_run("classify", "严禁收受红包", "--format", "json").stdout)
    assert len(doc) == 1 and doc[0]["themes"] == ["医德医风"]


# ------------------------------------------------------------------ renamed options

@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("options")
    for name in ("a", "b"):  # two files of the same name in different folders
        (folder / name).mkdir()
        shutil.copy(PLAN, folder / name / "plan.txt")
    (folder / "b" / "plan.txt").write_text(PLAN.read_text(encoding="utf-8") + "\n附件:无\n", encoding="utf-8")
    path = folder / "policy.db"
    result = _run("batch", folder / "a", folder / "b", "-o", path, "-j", "1", "-q")
    assert result.exit_code == 0, result.output
    return path


def test_export_format_and_its_old_spelling(db, tmp_path):
    new = _run("export", db, "--format", "csv", "-o", tmp_path / "new", "--tables", "documents")
    assert (new.exit_code, new.stderr) == (0, "")
    old = _run("export", db, "--to", "csv", "-o", tmp_path / "old", "--tables", "documents")
    assert (old.exit_code, old.stderr) == (0, "warning: --to is deprecated; use --format\n")
    assert (tmp_path / "new" / "documents.csv").read_bytes() == (tmp_path / "old" / "documents.csv").read_bytes()


def test_query_since_until_and_the_old_from_to(db):
    new = _run("query", db, "--type", "date", "--since", "2010-01", "--until", "2010-12", "-f", "jsonl")
    old = _run("query", db, "--type", "date", "--from", "2010-01", "--to", "2010-12", "-f", "jsonl")
    assert new.exit_code == old.exit_code == 0
    assert new.stdout == old.stdout and new.stdout
    assert old.stderr.splitlines()[:2] == ["warning: --from is deprecated; use --since",
                                           "warning: --to is deprecated; use --until"]


def test_eval_json_out_and_the_old_json(tmp_path):
    gold, docs = tmp_path / "gold", tmp_path / "docs"
    gold.mkdir(), docs.mkdir()
    shutil.copy(ROOT / "corpora" / "gold" / "000_5c710998ef01bb6b.json", gold)
    shutil.copy(ROOT / "corpora" / "seeds" / "000_5c710998ef01bb6b.txt", docs)
    new = _run("eval", gold, docs, "--json-out", tmp_path / "new.json")
    assert new.exit_code == 0, new.output
    old = _run("eval", gold, docs, "--json", tmp_path / "old.json")
    assert old.exit_code == 0 and "warning: --json is deprecated; use --json-out" in old.stderr
    figures = [json.loads((tmp_path / f).read_text(encoding="utf-8"))["date"] for f in ("new.json", "old.json")]
    assert figures[0] == figures[1]


# ------------------------------------------------------------------ what people read

def test_batch_rerun_says_new_and_already_done_and_ends_with_the_next_command(db):
    result = _run("batch", db.parent / "a", db.parent / "b", "-o", db, "-j", "1")
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[1].startswith("documents: 0 new, 2 already done   mentions: 0 new")
    assert lines[-2].startswith(f"data: {db} (2 documents, ")
    assert lines[-1] == f"next: policy-nlp query {db} --rows documents"


def test_batch_first_run_counts_everything_new(tmp_path):
    result = _run("batch", PLAN, "-o", tmp_path / "p.db", "-j", "1", "--no-themes")
    assert result.exit_code == 0, result.output
    assert "documents: 1 new, 0 already done" in result.stderr
    assert result.stderr.splitlines()[-1] == f"next: policy-nlp query {tmp_path / 'p.db'} --rows documents"


def test_table_rows_of_different_files_read_differently(db):
    result = _run("query", db, "--rows", "documents")
    assert result.exit_code == 0
    assert "a/plan.txt" in result.stdout and "b/plan.txt" in result.stdout
    assert f"files under {db.parent}/" in result.stdout


def test_search_scores_have_three_decimals(db):
    result = _run("search", db, "隐患 排查", "-f", "jsonl")
    scores = [json.loads(line)["score"] for line in result.stdout.splitlines()]
    assert scores and all(s == round(s, 3) for s in scores)
    table = _run("search", db, "隐患排查").stdout
    assert not re.search(r"\d\.\d{4,}", table)


def test_render_rows_rounds_and_keeps_path_tails():
    from nlp.render import render_rows

    out = render_rows(["file", "score"], [("/very/long/shared/folder/x/a.txt", 1.23456789),
                                          ("/very/long/shared/folder/y/a.txt", 2.0)])
    assert "x/a.txt" in out and "y/a.txt" in out and "1.235" in out and "1.2345" not in out


def test_gitignore_covers_sqlite_side_files():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert {"*.db", "*.db-wal", "*.db-shm", "*.db-journal"} <= set(ignored)


def test_batch_dash_reads_the_paths_from_stdin(tmp_path):
    result = _run("batch", "-", "-o", tmp_path / "p.db", "-j", "1", "--no-themes", "--json", stdin=f"{PLAN}\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["documents"] == 1


def test_batch_dash_with_nothing_on_stdin_is_a_usage_error(tmp_path):
    result = _run("batch", "-", "-o", tmp_path / "p.db", stdin="")
    assert (result.exit_code, result.stderr) == (2, "error: -: no paths on standard input (one file or folder a line)\n")


def test_extract_output_dash_is_stdout():
    result = _run("extract", PLAN, "--format", "jsonl", "--no-themes", "-o", "-")
    assert result.exit_code == 0 and json.loads(result.stdout)["doc_index"] == 0
