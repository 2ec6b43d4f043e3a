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


def _reference_rows(space, texts, groups, lexicon):
    """(rows, cols) of every term occurrence, counted by the readable reference functions."""
    from nlp.themes.features import Lexicon, count_terms

    lex = Lexicon(lexicon)
    rows, cols, offset = [], [], 0
    offsets = {}
    for kind, terms in groups:
        offsets[kind] = (offset, {t: offset + i for i, t in enumerate(terms)})
        offset += len(terms)
    for r, text in enumerate(texts):
        for kind, terms in groups:
            index = offsets[kind][1]
            for term, n in count_terms(text, kind, lexicon=lex, phrases=terms).items():
                if term in index:
                    rows += [r] * n
                    cols += [index[term]] * n
    return np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)


def test_transform_counts_every_group_exactly_as_the_reference():
    """Words (longest match, prefixes of longer words), chars and phrases crossing runs, together."""
    from nlp.themes.features import FeatureSpace

    lexicon = ["医德", "医德医风", "医德医风建设", "建设", "收受", "红包", "回扣", "安全隐患", "隐患排查",
               "门难进脸难看事难办", "排查整治", "医务人员"]
    groups = [("words", ["医德医风", "建设", "红包", "回扣", "隐患排查", "门难进脸难看事难办", "医务人员"]),
              ("chars", ["医", "德", "风", "红包", "b超", "20", "隐患", "排查整", "a"]),
              ("phrases", ["医保基金", "b超检查", "红包、回扣", "安全 隐患"])]
    texts = SIMPLIFIED + TRADITIONAL + [
        "加强医德医风建设,医德医风建设年;门难进脸难看事难办", "b超检查2010年,b超a", "安全 隐患排查整治,隐患排查",
        "医务人员收受红包、回扣", "医德医风建设医德医风建"]
    n = sum(len(t) for _, t in groups)
    space = FeatureSpace(groups, lexicon, np.linspace(1.0, 2.0, n))
    indptr, cols, data = space.transform(texts)
    rows, ref_cols = _reference_rows(space, texts, groups, lexicon)
    want = space._weigh(rows, ref_cols, len(texts))
    assert np.array_equal(indptr, want[0]) and np.array_equal(cols, want[1])
    assert np.array_equal(data, want[2])


def _fmm_loop(length):
    taken, end = [], -1
    for p in np.flatnonzero(length).tolist():
        if p >= end:
            taken.append(p)
            end = p + int(length[p])
    return taken


def test_forward_maximum_matching_equals_the_plain_loop():
    from nlp.themes.features import _forward_maximum_matching

    rng = np.random.default_rng(12)
    for _ in range(2000):
        size = int(rng.integers(0, 80))
        length = np.where(rng.random(size) < rng.random(), rng.integers(2, 10, size), 0)
        assert _forward_maximum_matching(length).tolist() == _fmm_loop(length), length.tolist()
