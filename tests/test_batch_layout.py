"""nlp/batch is split by concern (discover, run, limits, progress), each module short, no helper twice."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import nlp.batch

BATCH = Path(nlp.batch.__file__).parent
MODULES = ("discover", "run", "limits", "progress", "common", "engine_dask", "parts")


def test_each_concern_has_its_module_under_500_lines():
    lengths = {m: len((BATCH / f"{m}.py").read_text(encoding="utf-8").splitlines()) for m in MODULES}
    assert all(n < 500 for n in lengths.values()), lengths


def test_no_function_or_class_is_defined_in_two_batch_modules():
    names = Counter()
    for path in sorted(BATCH.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names.update({node.name for node in tree.body
                      if isinstance(node, (ast.FunctionDef, ast.ClassDef))})
    assert [name for name, n in names.items() if n > 1] == []
