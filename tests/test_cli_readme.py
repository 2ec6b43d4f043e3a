"""Every command example of the README (the step table and "Batch, export, query, search") runs on a
database built from corpora/seeds, exits 0 and returns rows."""

from __future__ import annotations

import os
import re
import shlex
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nlp.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _examples() -> list[str]:
    table = re.findall(r"^\| \w[\w-]* \|[^|\n]*\| `(policy-nlp [^`]+)` \|$", README, re.M)
    section = README.split("## Batch, export, query, search", 1)[1].split("\n## ", 1)[0]
    block = re.findall(r"^    (policy-nlp .+)$", section, re.M)
    return table + block


EXAMPLES = _examples()
BATCH = [e for e in EXAMPLES if e.startswith("policy-nlp batch ")]


@contextmanager
def _inside(folder: Path):
    here = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(here)


def _run(command: str, folder: Path):
    argv = shlex.split(command)[1:]
    with _inside(folder):
        return CliRunner().invoke(app, argv)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    """A folder with corpora/ beside it, where the README's batch examples have built policy.db."""
    folder = tmp_path_factory.mktemp("readme")
    (folder / "corpora").symlink_to(ROOT / "corpora")
    for command in BATCH:
        result = _run(command, folder)
        assert result.exit_code == 0, f"{command}\n{result.output}"
    return folder


def test_the_readme_has_the_examples_this_test_runs():
    commands = {shlex.split(e)[1] for e in EXAMPLES}
    assert {"normalize", "sections", "extract", "classify", "batch", "export", "query", "search"} <= commands
    assert BATCH


@pytest.mark.parametrize("command", EXAMPLES)
def test_readme_example_exits_0_with_rows(command, workdir):
    result = _run(command, workdir)
    assert result.exit_code == 0, f"{command}\n{result.output}"
    name = shlex.split(command)[1]
    if name == "batch":
        assert re.search(r"data: \S+ \([1-9]\d* documents", result.stderr), result.stderr
    elif name == "export":
        written = [workdir / p for p in result.stdout.split()]
        assert written and all(p.is_file() for p in written)
        assert sum(len(p.read_text(encoding="utf-8-sig").splitlines()) - 1 for p in written) > 0
    elif name == "query":
        found = re.search(r": (\d+) rows$", result.stderr.strip())
        assert found and int(found[1]) > 0, result.stderr
    elif name == "search":
        found = re.search(r": (\d+)$", result.stderr.strip())
        assert found and int(found[1]) > 0, result.stderr
    else:
        assert result.stdout.strip(), f"{command} printed nothing"
    assert "error:" not in result.stderr
