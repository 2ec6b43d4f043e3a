"""Batch inputs on a bad day: pipes and devices are never opened, unsupported types are named."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nlp.batch.discover import discover_inputs
from nlp.cli import app

PLAN = "关于开展隐患排查的通知\n一、工作要求\n2012年6月底前完成自查。\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_in_the_folder_is_skipped_with_its_reason(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "plan.txt").write_text(PLAN, encoding="utf-8")
    os.mkfifo(folder / "fifo.txt")  # opening it for reading would block until a writer comes
    db = tmp_path / "p.db"
    cmd = [sys.executable, "-m", "nlp.cli", "batch", str(folder), "-o", str(db), "-j", "1", "--no-themes"]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("the batch hung on a named pipe")
    assert done.returncode == 0, done.stderr
    assert "skipped: fifo.txt: not a regular file (a named pipe)" in done.stderr.splitlines()
    con = sqlite3.connect(db)
    status = {Path(f).name: s for f, s in con.execute("SELECT file, status FROM files")}
    assert status == {"plan.txt": "ok", "fifo.txt": "skipped"}
    [(stage, message)] = con.execute("SELECT stage, message FROM errors").fetchall()
    assert (stage, message) == ("discover", "fifo.txt: not a regular file (a named pipe); skipped")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_discovery_never_opens_a_pipe(tmp_path):
    os.mkfifo(tmp_path / "x.txt")
    inputs = discover_inputs([tmp_path, tmp_path / "x.txt"])
    assert inputs.files == [] and [r for _, r in inputs.not_regular] == ["not a regular file (a named pipe)"]


def test_a_folder_of_unsupported_types_is_named_not_silent(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    (folder / "b.wps").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    result = CliRunner().invoke(app, ["batch", str(folder), "-o", str(tmp_path / "p.db"), "--no-themes"])
    assert result.exit_code == 1
    assert ("not read: 2 files of unsupported types (.doc 1, .wps 1): a.doc, b.wps "
            "(save Word/WPS files as .docx)") in result.stderr.splitlines()
    as_json = CliRunner().invoke(app, ["batch", str(folder), "-o", str(tmp_path / "p.db"), "--json"])
    assert [Path(f).name for f in json.loads(as_json.stdout)["unsupported"]] == ["a.doc", "b.wps"]
