"""The shared jieba tokenizers (nlp/tokenize.py) cut as tokenizers read from jieba's files do."""

from __future__ import annotations

import pytest

jieba = pytest.importorskip("jieba")


def test_plain_tokenizer_is_private_and_cuts_as_jieba_does():
    from nlp.tokenize import plain_tokenizer

    tok = plain_tokenizer()
    assert tok is not jieba.dt and tok is plain_tokenizer()
    sample = "深入推进思想观念转变,市卫生健康委员会医政股负责落实"
    assert list(tok.cut(sample, HMM=False)) == list(jieba.Tokenizer().cut(sample, HMM=False))


def test_user_tokenizer_equals_one_read_from_the_files():
    import jieba.posseg

    from nlp.extract.parties_lexicon import user_dict_path
    from nlp.tokenize import plain_tokenizer, user_tokenizer

    tok, tagger = user_tokenizer()
    fresh = jieba.Tokenizer()
    fresh.initialize()
    with open(user_dict_path(), encoding="utf-8") as fh:
        for line in fh:
            cells = line.split()
            if len(cells) == 3 and not line.startswith("#"):
                fresh.add_word(cells[0], int(cells[1]), cells[2])
    fresh_tagger = jieba.posseg.POSTokenizer(fresh)
    assert tok.FREQ == fresh.FREQ and tok.total == fresh.total
    assert tok.FREQ is not plain_tokenizer().FREQ  # the user words stay out of the plain one
    sample = "县卫生健康局医政股张伟同志主持会议,李明、王芳参加"
    assert [tuple(p) for p in tagger.cut(sample)] == [tuple(p) for p in fresh_tagger.cut(sample)]
    assert tagger.word_tag_tab == fresh_tagger.word_tag_tab
