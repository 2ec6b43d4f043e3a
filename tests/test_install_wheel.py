"""A non-editable install (the wheel) finds its shipped models from any directory."""

from __future__ import annotations

import json
import site
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("wheel")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp / "dist"), str(ROOT)],
                           capture_output=True, text=True, timeout=600)
    if built.returncode:
        pytest.fail(built.stderr[-2000:])
    wheel = next((tmp / "dist").glob("policy_nlp-*.whl"))
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / "bin" / "python"
    purelib = subprocess.run([str(py), "-c", "import sysconfig;print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    # dependencies come from this venv's site-packages (a plain path line: its editable .pth is not run)
    Path(purelib, "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", purelib, str(wheel)],
                   check=True, timeout=300)
    return py, tmp


def _run(py, cwd, *args, stdin=None):
    return subprocess.run([str(py), "-c", "from nlp.cli import main; main()", *args], cwd=cwd, input=stdin,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_wheel_classify_extract_batch_elsewhere(installed, tmp_path):
    py, _ = installed
    where = subprocess.run([str(py), "-c", "import nlp;print(nlp.__file__)"], cwd=tmp_path,
                           capture_output=True, text=True).stdout
    assert str(ROOT) not in where
    doc = tmp_path / "a.txt"
    doc.write_text("关于开展安全隐患排查的通知\n各单位：\n一、严格落实中央八项规定精神，坚决反对形式主义。到2025年底，完成率达到95%。\n",
                   encoding="utf-8")
    r = _run(py, tmp_path, "classify", stdin=json.dumps({"id": 1, "text": "严格落实中央八项规定精神，坚决反对形式主义。"}))
    assert r.returncode == 0, r.stderr
    assert "no theme model" not in r.stderr
    r = _run(py, tmp_path, "extract", "-f", "jsonl", str(doc))
    assert r.returncode == 0, r.stderr
    r = _run(py, tmp_path, "batch", "-q", "-j", "1", "-o", str(tmp_path / "p.db"), str(doc))
    assert r.returncode == 0, r.stderr
