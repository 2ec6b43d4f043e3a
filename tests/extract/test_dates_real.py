"""nlp.extract.dates on the real dev documents (read from ../shared at test time; dev split only).

Each dev file is read and normalized, then its dates are scored against its gold, pooled per file
(the document split is another stage's concern). Skipped when the shared folder is absent.
"""

from __future__ import annotations

import json

import pytest

from nlp.evaluate import match_greedy, prf, text_overlap, value_agrees
from nlp.extract.dates import find_dates
from nlp.train.themes import find_shared_dir


def _dev_files(shared):
    real = shared / "corpora" / "real"
    for line in (real / "SPLIT.tsv").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) >= 2 and cells[1] == "dev":
            sources = sorted(p for p in real.glob(cells[0] + ".*") if p.suffix != ".json")
            gold = shared / "gold" / "real" / f"{cells[0]}.json"
            if sources and gold.is_file():
                yield sources[0], gold


def test_dev_dates_pooled_per_file():
    shared = find_shared_dir()
    if shared is None:
        pytest.skip("../shared (real corpus and its gold) is not beside this checkout")
    from nlp.normalize import normalize_text
    from nlp.read import read_file

    tp = n_gold = n_pred = 0
    for source, gold_path in _dev_files(shared):
        text = normalize_text(read_file(source).text).text
        gold = [m for d in json.loads(gold_path.read_text(encoding="utf-8"))["documents"]
                for m in d["mentions"] if m["type"] == "date"]
        pred = [{"text": m.text, "value": m.value} for m in find_dates(text)]
        tp += len(match_greedy(gold, pred, lambda g, p: text_overlap(g["text"], p["text"]) >= 0.5
                               and value_agrees("date", g["value"], p["value"])))
        n_gold += len(gold)
        n_pred += len(pred)
    assert n_gold > 400
    precision, recall, f1 = prf(tp, n_gold, n_pred)
    # 0.966 when written (0.888 before holidays, news days, 民国 years and page stamps)
    assert f1 >= 0.95, (precision, recall, f1)
