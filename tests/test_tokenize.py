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


def _corpus_texts():
    from pathlib import Path

    from nlp.normalize import normalize_text
    from nlp.read import read_file

    root = Path(__file__).resolve().parent.parent / "corpora"
    for folder in ("seeds", "heldout/docs", "heldout2/docs"):
        for path in sorted((root / folder).glob("*")):
            if path.suffix in (".tsv", ".md"):
                continue
            yield normalize_text(read_file(path).text).text[:4000]


SAMPLES = [
    "县卫生健康局医政股张伟同志主持会议,李明、王芳参加",
    "组长:欧阳明辉 副组长:司马光 成员:诸葛亮、上官婉儿、賈寶玉",  # rare names, traditional forms
    "联系人:陈某某,电话:0591-12345678;E-mail:abc_d.e@example.org #1 a+b&c",
    "\r\n\t 甲乙丙\u3000丁.5 3.14 ABC123 全角１２３ＡＢＣ𠀀𪚥",
    "",
    "x",
    "鑫",
]


def test_tagged_gives_posseg_words_and_tags():
    """nlp.tokenize.tagged is jieba.posseg's cut over the user tagger, word for word and tag for tag."""
    from nlp.tokenize import tagged, user_tokenizer

    _, tagger = user_tokenizer()
    texts = SAMPLES + list(_corpus_texts())
    for text in texts:
        assert tagged(text) == [(p.word, p.flag) for p in tagger.cut(text)]


def test_tagged_on_the_real_corpus():
    """The same on a third of the real corpus (read at test time), raw and normalized, a piece of
    each (jieba.posseg is slow on characters its HMM does not know, as in raw traditional text)."""
    from pathlib import Path

    from nlp.normalize import normalize_text
    from nlp.read import read_file
    from nlp.tokenize import tagged, user_tokenizer

    real = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "real"
    if not real.is_dir():
        pytest.skip("../shared/corpora/real is not here")
    _, tagger = user_tokenizer()
    for path in sorted(real.glob("*.*"))[::3]:
        if path.suffix in (".tsv", ".md"):
            continue
        try:
            raw = read_file(path).text
        except Exception:
            continue
        for text in (raw[:40], normalize_text(raw).text[:1500]):
            assert tagged(text) == [(p.word, p.flag) for p in tagger.cut(text)], path.name


def test_tagged_hmm_equals_posseg_viterbi_on_any_characters():
    """The array HMM gives posseg.viterbi's states, ties and unknown characters (every state) too."""
    import random

    from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P
    from jieba.posseg.viterbi import viterbi

    from nlp.tokenize import _fast_tagger

    tagger = _fast_tagger()
    rng = random.Random(12)
    chars = sorted(char_state_tab_P)[::7] + list("衞鶎鑫淼賈寶")  # the last ones: no entry in the table
    for _ in range(1500):
        s = "".join(rng.choice(chars) for _ in range(rng.randint(1, 10)))
        assert tagger._viterbi(s) == viterbi(s, char_state_tab_P, start_P, trans_P, emit_P)[1], s
