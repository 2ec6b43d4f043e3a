"""Every bad path or value is one line on stderr, ``error: <file or option>: <reason>``, with the
same exit code in every command: 1 a failed input or run, 2 a usage error (checked before work)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nlp.cli import app

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "tests" / "data" / "eval_cli_plan.txt"  # a small hand-made 实施方案
GOLD = ROOT / "corpora" / "gold"
SEEDS = ROOT / "corpora" / "seeds"


def _run(*args: str, stdin: str | bytes | None = None):
    return CliRunner().invoke(app, [str(a) for a in args], input=stdin)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    """A database of the hand-made plan, themes on (so --theme has something to check against)."""
    path = tmp_path_factory.mktemp("cli") / "policy.db"
    result = _run("batch", PLAN, "-o", path, "-j", "1", "-q")
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def places(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("places")
    (root / "dir").mkdir()
    (root / "file.txt").write_text("不是数据库\n", encoding="utf-8")
    dask = root / "dask-out"
    dask.mkdir()
    (dask / "_manifest.json").write_text("{}", encoding="utf-8")
    (root / "gb.jsonl").write_bytes('{"id": 1, "text": "严禁收受红包"}\n'.encode("gb18030"))
    return {"dir": root / "dir", "file": root / "file.txt", "nosuch": root / "nosuch.txt",
            "nodir": root / "nodir" / "x.db", "dask": dask, "gb": root / "gb.jsonl"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed on exit: nothing listens there


# (id, argv with {placeholders}, exit code, the one stderr line)
CASES = [
    # paths of the wrong kind or missing: usage, before any work (2)
    ("normalize-missing", "normalize {nosuch}", 2, "error: {nosuch}: no such file"),
    ("normalize-folder", "normalize {dir}", 2, "error: {dir}: is a folder; give a file"),
    ("sections-folder", "sections {dir}", 2, "error: {dir}: is a folder; give a file"),
    ("extract-missing", "extract {nosuch} --no-themes", 2, "error: {nosuch}: no such file"),
    ("extract-output-folder", "extract {plan} --no-themes -o {dir}", 2,
     "error: --output: {dir} is a folder; give a file name"),
    ("extract-output-no-folder", "extract {plan} --no-themes -o {nodir}", 2,
     "error: --output: {nodir}: no such folder {nodir.parent} (create it first)"),
    ("batch-output-folder", "batch {plan} -o {dir} -q", 2, "error: --output: {dir} is a folder; give a file name"),
    ("batch-output-not-db", "batch {plan} -o {file} -q", 2,
     "error: --output: {file} exists and is not a SQLite database; give a new file name"),
    ("batch-missing-input", "batch {nosuch} -o {nodir.parent.parent}/x.db -q", 2,
     "error: {nosuch}: no such file or folder"),
    ("dask-output-file", "batch {plan} --engine dask -o {file} -q", 2, "error: --output: {file} is a file; give a folder"),
    ("export-output-file", "export {db} --format csv -o {file}", 2, "error: --output: {file} is a file; give a folder"),
    ("export-folder", "export {dir} --format csv -o {dir}/out", 2,
     "error: {dir}: is a folder; give the database file written by policy-nlp batch"),
    ("export-not-db", "export {file} --format csv -o {dir}/out", 2,
     "error: {file}: not a SQLite database (give the file written by policy-nlp batch)"),
    ("export-dask-folder", "export {dask} --format csv -o {dir}/out", 2,
     "error: {dask}: a Dask output folder, not a database; turn it into one with: "
     "policy-nlp export {dask} --format sqlite -o policy.db"),
    ("export-sqlite-from-db", "export {db} --format sqlite -o {dir}/x.db", 2,
     "error: {db}: not a Dask output folder (--format sqlite converts one; "
     "a database exports to csv, xlsx, parquet or jsonl)"),
    ("query-folder", "query {dir}", 2, "error: {dir}: is a folder; give the database file written by policy-nlp batch"),
    ("query-not-db", "query {file}", 2, "error: {file}: not a SQLite database (give the file written by policy-nlp batch)"),
    ("query-missing", "query {nosuch}", 2,
     "error: {nosuch}: no such database (create it with: policy-nlp batch FILES -o {nosuch})"),
    ("query-dask-folder", "query {dask}", 2,
     "error: {dask}: a Dask output folder, not a database; turn it into one with: "
     "policy-nlp export {dask} --format sqlite -o policy.db"),
    ("search-folder", "search {dir} 红包", 2, "error: {dir}: is a folder; give the database file written by policy-nlp batch"),
    ("search-not-db", "search {file} 红包", 2, "error: {file}: not a SQLite database (give the file written by policy-nlp batch)"),
    ("classify-input-missing", "classify -i {nosuch}", 2, "error: {nosuch}: no such file"),
    ("classify-input-folder", "classify -i {dir}", 2, "error: {dir}: is a folder; give a file"),
    ("classify-model-file", "classify --model {file} 红包", 2, "error: --model: {file} is a file; give the model folder"),
    ("train-output-file", "train -o {file}", 2, "error: --output: {file} is a file; give a folder for the model"),
    ("train-corpus-missing", "train --corpus {nosuch}", 2, "error: {nosuch}: no such corpus folder"),
    ("train-themes-missing", "train --themes {nosuch} -o {dir}/m", 2, "error: {nosuch}: no such file"),
    ("train-ner-output-file", "train-ner -o {file}", 2, "error: --output: {file} is a file; give a folder for the model"),
    ("eval-gold-missing", "eval {nosuch} {seeds}", 2, "error: {nosuch}: no such folder of gold files"),
    ("eval-docs-missing", "eval {gold} {nosuch}", 2, "error: {nosuch}: no such folder of documents"),
    ("eval-swapped", "eval {seeds} {gold}", 2,
     "error: {seeds}: no gold *.json files here, but {gold} has some: are GOLD and DOCS swapped? "
     "(policy-nlp eval GOLD DOCS)"),
    ("eval-no-documents", "eval {gold} {dir}", 2,
     "error: {dir}: none of the 5 gold files has its document here (expected e.g. 000_5c710998ef01bb6b.txt)"),
    ("eval-json-out-folder", "eval {gold} {seeds} --json-out {dir}", 2,
     "error: --json-out: {dir} is a folder; give a file name"),
    # bad option values: usage (2), naming the option and the accepted values
    ("extract-types", "extract {plan} --types date,bogus", 2,
     "error: --types: 'bogus' is not one of date, percentage, target, party"),
    ("extract-ner", "extract {plan} --ner foo", 2, "error: --ner: 'foo' is not one of auto, rules, hanlp"),
    ("extract-format", "extract {plan} -f bogus", 2, "error: --format: 'bogus' is not one of jsonl, json, table"),
    ("batch-ner", "batch {plan} -o {dir}/n.db --ner foo", 2, "error: --ner: 'foo' is not one of auto, rules, hanlp"),
    ("eval-ner", "eval {gold} {seeds} --ner foo", 2, "error: --ner: 'foo' is not one of auto, rules, hanlp"),
    ("batch-timeout", "batch {plan} -o {dir}/t.db --timeout -1", 2,
     "error: --timeout: must be 0 (no limit) or more, got -1"),
    ("batch-max-file-mb", "batch {plan} -o {dir}/m.db --max-file-mb -2", 2,
     "error: --max-file-mb: must be 0 (no limit) or more, got -2"),
    ("batch-max-mentions", "batch {plan} -o {dir}/n.db --max-mentions-per-doc -1", 2,
     "error: --max-mentions-per-doc: must be 0 (no limit) or more, got -1"),
    ("batch-jobs", "batch {plan} -o {dir}/j.db -j 0", 2, "error: --jobs: must be 1 or more, got 0"),
    ("batch-engine", "batch {plan} -o {dir}/e.db --engine foo", 2, "error: --engine: 'foo' is not one of local, dask"),
    ("batch-scheduler-form", "batch {plan} --engine dask -o {dir}/d --scheduler foo", 2,
     "error: --scheduler: 'foo' is not a scheduler address; use tcp://HOST:PORT, e.g. tcp://10.0.0.5:8786"),
    ("batch-scheduler-needs-dask", "batch {plan} -o {dir}/s.db --scheduler tcp://127.0.0.1:8786", 2,
     "error: --scheduler: needs --engine dask"),
    ("export-format", "export {db} --format docx -o {dir}/out", 2,
     "error: --format: 'docx' is not one of csv, xlsx, parquet, jsonl, sqlite"),
    ("export-tables", "export {db} --format csv --tables mentions,foo -o {dir}/out", 2,
     "error: --tables: 'foo' is not one of files, documents, sections, mentions, passages, passage_themes, errors, "
     "targets, parties"),
    ("export-format-missing", "export {db} -o {dir}/out", 2,
     "error: --format: missing; choose one of csv, xlsx, parquet, jsonl, sqlite"),
    ("query-type", "query {db} --type nonsense", 2, "error: --type: 'nonsense' is not one of date, percentage, target, party"),
    ("query-theme", "query {db} --theme 不存在", 2, "error: --theme: '不存在' is not one of 医德医风, 四风, 安全隐患"),
    ("query-rows", "query {db} --rows foo", 2, "error: --rows: 'foo' is not one of mentions, passages, documents"),
    ("query-month-13", "query {db} --since 2010-13", 2, "error: --since: bad date '2010-13'; use YYYY, YYYY-MM or YYYY-MM-DD"),
    ("query-feb-30", "query {db} --until 2011-02-30", 2,
     "error: --until: bad date '2011-02-30'; use YYYY, YYYY-MM or YYYY-MM-DD"),
    ("query-old-from-month-13", "query {db} --from 2010-13", 2,
     "error: --from: bad date '2010-13'; use YYYY, YYYY-MM or YYYY-MM-DD"),
    ("query-since-after-until", "query {db} --since 2012 --until 2010", 2, "error: --since: 2012 is after --until 2010"),
    ("query-limit", "query {db} --limit 0", 2, "error: --limit: must be 1 or more, got 0"),
    ("query-old-and-new", "query {db} --from 2010 --since 2010", 2,
     "error: --from: give --since or its old spelling --from, not both"),
    ("search-limit", "search {db} 红包 --limit 0", 2, "error: --limit: must be 1 or more, got 0"),
    ("search-empty", "search {db} ''", 2, "error: TEXT: empty; give the words to find (words, all must occur; \"exact phrases\"; A OR B; A NOT B)"),
    ("classify-empty-text", "classify ''", 2, "error: TEXT: empty passage; give some text, or omit TEXT to read JSON lines"),
    ("train-ner-epochs", "train-ner --epochs 0", 2, "error: --epochs: must be 1 or more, got 0"),
    ("query-limit-word", "query {db} --limit ten", 2, "error: --limit: 'ten' is not a whole number"),
    ("batch-jobs-fraction", "batch {plan} -o {dir}/f.db -j 1.5", 2, "error: --jobs: '1.5' is not a whole number"),
    ("batch-timeout-word", "batch {plan} -o {dir}/w.db --timeout soon", 2, "error: --timeout: 'soon' is not a number"),
    ("classify-model-missing", "classify --model {nosuch} 红包", 2, "error: --model: {nosuch}: no such folder"),
    # the command line itself
    ("unknown-option", "extract {plan} --bogus", 2, "error: --bogus: no such option (see policy-nlp extract --help)"),
    ("option-typo", "extract {plan} --type date", 2, "error: --type: no such option; did you mean --types?"),
    ("unknown-command", "extrac {plan}", 2, "error: extrac: no such command (see policy-nlp --help)"),
    ("missing-argument", "sections", 2, "error: FILE: missing (usage: policy-nlp sections [OPTIONS] {{FILE}})"),
    # inputs that fail once read, and runs that fail: 1
    ("classify-gb18030", "classify -i {gb}", 1,
     "error: {gb}: not UTF-8 text (JSON lines must be UTF-8; convert with: iconv -f GB18030 -t UTF-8)"),
    ("classify-empty-stdin", "classify", 1,
     'error: <stdin>: no JSON lines to classify; expected {{"id": ..., "text": "..."}} per line'),
    ("normalize-empty-stdin", "normalize -", 1, "error: <stdin>: empty file (0 bytes)"),
    ("extract-empty-stdin", "extract - --no-themes", 1, "error: <stdin>: empty file (0 bytes)"),
    ("sections-empty-stdin", "sections -", 1, "error: <stdin>: empty file (0 bytes)"),
]


def _argv(template: str, values: dict) -> list[str]:
    import shlex

    return [part.format(**values) for part in shlex.split(template)]


@pytest.mark.parametrize("template, code, line", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_is_one_line_with_its_exit_code(template, code, line, db, places):
    values = {**places, "db": db, "plan": PLAN, "gold": GOLD, "seeds": SEEDS}
    result = _run(*_argv(template, values), stdin="")
    assert (result.exit_code, result.stderr) == (code, line.format(**values) + "\n"), result.stdout[-500:]
    assert "Traceback" not in result.output


def test_unreachable_scheduler_fails_in_seconds_not_after_a_timeout(tmp_path):
    import time

    address = f"tcp://127.0.0.1:{_free_port()}"
    started = time.perf_counter()
    result = _run("batch", PLAN, "--engine", "dask", "-o", tmp_path / "out", "--scheduler", address, "-q")
    assert time.perf_counter() - started < 10
    assert result.exit_code == 1
    assert result.stderr == (f"error: --scheduler: cannot reach {address} (Connection refused); is a scheduler "
                             "running there? (start one with: dask scheduler --port PORT)\n")


def test_train_checks_its_output_before_training(tmp_path, monkeypatch):
    import nlp.train.themes

    def never(*args, **kw):
        raise AssertionError("trained before checking --output")

    monkeypatch.setattr(nlp.train.themes, "train_theme_model", never)
    target = tmp_path / "model.txt"
    target.write_text("", encoding="utf-8")
    result = _run("train", "-o", target)
    assert result.exit_code == 2
    assert result.stderr == f"error: --output: {target} is a file; give a folder for the model\n"


def test_a_failed_file_exits_1_and_the_others_still_come_out(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = _run("extract", empty, PLAN, "--format", "jsonl", "--no-themes")
    assert result.exit_code == 1
    assert result.stderr == "error: empty.txt: empty file (0 bytes)\n"
    assert len(result.stdout.splitlines()) == 1


def test_no_error_is_printed_as_a_usage_box(db):
    result = _run("query", db, "--format", "bogus")
    assert "Usage:" not in result.output and "Try '" not in result.output
    assert len(result.stderr.splitlines()) == 1


def test_bare_command_prints_the_help():
    result = _run()
    assert "Usage: policy-nlp" in result.output
    assert "batch" in result.output
