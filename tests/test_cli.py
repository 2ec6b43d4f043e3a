"""The command line: help texts, start-up cost, one-line errors, output formats."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import click
import pytest
import typer
from typer.testing import CliRunner

from nlp.cli import app

PLAN = Path(__file__).parent / "data" / "eval_cli_plan.txt"  # a small hand-made 实施方案
HEAVY = ("jieba", "opencc", "sklearn", "hanlp", "torch")
ROOT = Path(__file__).resolve().parent.parent


def _commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, cmd in sorted(group.commands.items()):
        yield prefix + (name,), cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, prefix + (name,))


COMMANDS = list(_commands(typer.main.get_command(app)))


def _run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_app_registers_commands():
    names = {path[0] for path, _ in COMMANDS}
    assert {"normalize", "sections", "extract", "eval"} <= names


@pytest.mark.parametrize("path, cmd", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_has_help(path, cmd):
    assert (cmd.help or "").strip(), f"{' '.join(path)} has no help text"
    result = _run(*path, "--help")
    assert result.exit_code == 0, result.output
    assert cmd.help.strip().splitlines()[0][:30] in " ".join(result.stdout.split())


def _policy_nlp() -> list[str]:
    exe = shutil.which("policy-nlp")
    return [exe] if exe else [sys.executable, "-m", "nlp.cli"]


def test_help_is_fast():
    started = time.perf_counter()
    done = subprocess.run([*_policy_nlp(), "--help"], capture_output=True, text=True, timeout=30)
    seconds = time.perf_counter() - started
    assert done.returncode == 0, done.stderr
    assert "extract" in done.stdout
    print(f"policy-nlp --help took {seconds:.2f} s")
    assert seconds < 3.0  # "well under a second" on a quiet machine; generous for loaded CI


def test_importing_the_cli_and_asking_for_help_loads_no_heavy_library():
    probe = (
        "import sys, nlp.cli\n"
        "names = [n for n in nlp.cli.app.registered_commands]\n"
        "for args in [['--help']] + [[c.name or c.callback.__name__, '--help'] for c in names]:\n"
        "    try:\n"
        "        nlp.cli.app(args)\n"
        "    except SystemExit:\n"
        "        pass\n"
        f"print('HEAVY=' + ','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60,
                          cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "HEAVY="


def test_extract_missing_file_is_one_line_error(tmp_path):
    # A path on the command line that does not exist is a usage error (2), found before any work;
    # a file that exists but cannot be read is a failed input (1, next test).
    result = _run("extract", str(tmp_path / "nosuch.txt"), "--format", "jsonl", "--no-themes")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"error: {tmp_path / 'nosuch.txt'}: no such file\n"


def test_extract_goes_on_after_a_bad_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = _run("extract", str(empty), str(PLAN), "--format", "jsonl", "--no-themes")
    assert result.exit_code == 1
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["source"] for d in docs] == [str(PLAN)]
    assert [line.split(":")[1].strip() for line in result.stderr.splitlines()] == ["empty.txt"]


@pytest.mark.parametrize("path", [PLAN, ROOT / "corpora" / "seeds" / "001_dc560518e686a4db.txt"],
                         ids=["hand-made", "seed-001"])
def test_jsonl_follows_the_contract(shared_tools, tmp_path, path):
    out = tmp_path / "out.jsonl"
    result = _run("extract", str(path), "--format", "jsonl", "--no-themes", "-o", str(out))
    assert result.exit_code == 0, result.output
    check = subprocess.run([sys.executable, str(shared_tools / "check_contract.py"), str(out)],
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stdout + check.stderr


def test_jsonl_is_one_document_per_line():
    result = _run("extract", str(PLAN), "--format", "jsonl", "--no-themes")
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["doc_index"] for d in docs] == [0]
    assert docs[0]["title"] == "县卫生局关于开展医疗安全隐患排查整治的实施方案"


def test_types_filters_mentions():
    result = _run("extract", str(PLAN), "--format", "jsonl", "--no-themes", "--types", "date")
    assert result.exit_code == 0, result.output
    kinds = {m["type"] for line in result.stdout.splitlines() for m in json.loads(line)["mentions"]}
    assert kinds == {"date"}


def test_table_shows_the_chosen_types_only():
    result = _run("extract", str(PLAN), "--format", "table", "--no-themes", "--types", "date")
    assert result.exit_code == 0, result.output
    assert "2010年5月20日" in result.stdout
    assert "95%" not in result.stdout  # the percentage and the target are filtered out
    everything = _run("extract", str(PLAN), "--format", "table", "--no-themes")
    assert "95%" in everything.stdout


def test_sections_prints_an_indented_tree():
    result = _run("sections", str(PLAN))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("# 0: 县卫生局关于开展医疗安全隐患排查整治的实施方案")
    indent = {line.strip(): len(line) - len(line.lstrip(" ")) for line in lines[1:] if line.strip()}
    assert indent["二、工作安排"] > 0
    assert indent["(一)动员部署阶段"] > indent["二、工作安排"]
    assert indent["(二)排查整治阶段"] == indent["(一)动员部署阶段"]
