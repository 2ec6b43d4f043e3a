"""Themes, the fast paths: each gives exactly what the plain version gives (issue 12)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from nlp.themes import classify_texts, load_model
from nlp.themes.features import _t2s, fold_text, fold_texts

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "seeds"

SIMPLIFIED = ["严禁医务人员收受患者红包和医药企业回扣,杜绝大处方和乱收费。",
              "全面排查门诊、病房等人员密集场所的消防设施和疏散通道。",
              "ＡＢＣ医德医风\x00建设", "干燥的天气要注意防火", ""]
TRADITIONAL = ["嚴禁醫務人員收受患者紅包和醫藥企業回扣，杜絕大處方和亂收費。",
               "全面排查門診、病房等人員密集場所的消防設施和疏散通道。",
               "乾隆年間天氣乾燥", "著力整治「四風」問題"]


def _seed_lines() -> list[str]:
    from nlp.read import read_file

    lines = []
    for path in sorted(SEEDS.iterdir()):
        if path.is_file():
            lines += [line for line in read_file(path).text.split("\n") if line.strip()]
    return lines


def test_fold_texts_is_fold_text_per_text():
    for batch in (SIMPLIFIED, TRADITIONAL, SIMPLIFIED + TRADITIONAL, TRADITIONAL[:1], []):
        assert fold_texts(batch) == [fold_text(t) for t in batch]


def test_opencc_converts_each_line_on_its_own():
    """What fold_texts relies on: t2s of lines joined by \\n is the t2s of each line, joined."""
    import opencc

    lines = _seed_lines()[:400] + TRADITIONAL
    lines += [opencc.OpenCC("s2t").convert(line) for line in lines]  # traditional script too
    convert = _t2s().convert
    assert convert("\n".join(lines)) == "\n".join(convert(line) for line in lines)


def test_raw_traditional_text_classifies_as_its_simplified_form():
    model = load_model()
    trad, simp = TRADITIONAL[:2], [_t2s().convert(t) for t in TRADITIONAL[:2]]
    assert [c.themes for c in classify_texts(trad)] == [c.themes for c in classify_texts(simp)]
    # a traditional passage in a batch of simplified ones scores as it does alone
    alone = model.predict_proba(trad[:1])
    mixed = model.predict_proba(SIMPLIFIED + trad[:1])
    assert np.array_equal(mixed[-1], alone[0])
    assert classify_texts(trad[:1])[0].themes == ["医德医风"]


@pytest.mark.parametrize("batch", [SIMPLIFIED, TRADITIONAL, SIMPLIFIED + TRADITIONAL])
def test_scores_do_not_depend_on_the_batch(batch):
    model = load_model()
    together = model.predict_proba(batch)
    alone = np.vstack([model.predict_proba([t]) for t in batch])
    assert np.array_equal(together, alone)
