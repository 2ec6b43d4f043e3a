"""nlp.text: the width fold and the sentence/clause punctuation every stage shares."""

from __future__ import annotations

import unicodedata

from nlp import text


def test_width_fold_reads_the_full_width_block_as_nfkc_does_one_for_one():
    block = "".join(chr(c) for c in range(0xFF01, 0xFF5F)) + "\u3000"
    folded = text.fold_width(block)
    assert len(folded) == len(block)
    assert folded == unicodedata.normalize("NFKC", block)
    assert text.fold_width("。、“”《》") == "。、“”《》"  # not in the block


def test_space_fold_adds_the_other_spaces():
    assert "\xa0\u2002\u2003\u200b\ufeff\t\u3000，".translate(text.SPACE_FOLD) == "       ,"


def test_sentence_spans_cover_the_text_between_the_marks():
    s = "一要抓落实。二要见实效；\n三"
    spans = list(text.sentence_spans(s))
    assert [s[a:b] for a, b in spans] == ["一要抓落实", "二要见实效", "", "三"]
    assert list(text.sentence_spans("")) == [(0, 0)]
