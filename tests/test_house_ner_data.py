"""scripts/make_ner_data.py rebuilds corpora/ner from its data files: train.jsonl byte for byte,
dev.jsonl except the seed-002 lines the normaliser has changed since (corpora/ner/README.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "ner"


def test_rebuild_reproduces_the_corpus(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_ner_data.py"), "--output", str(tmp_path)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "train.jsonl").read_bytes() == (CORPUS / "train.jsonl").read_bytes()
    keep = lambda path: [line for line in path.read_text(encoding="utf-8").splitlines()  # noqa: E731
                         if '"source": "seed/002_' not in line]
    assert keep(tmp_path / "dev.jsonl") == keep(CORPUS / "dev.jsonl")


def test_no_code_under_corpora():
    assert sorted(str(p.relative_to(ROOT)) for p in (ROOT / "corpora").rglob("*.py")) == []
