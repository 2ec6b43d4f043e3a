"""jieba for the stages that cut words, loaded once per process and shared (issue 12).

Reading jieba's default dictionary costs about 0.6 s, its part-of-speech table about 0.5 s more.
Two stages cut words: the outline (word bounds of a heading, the default dictionary alone) and
the party extractor (person tags, the default dictionary plus ``nlp/data/jieba_user_dict.txt``).
Each used to read the dictionary itself; here it is read one time and the party tokenizer starts
from a copy of it, so each stage cuts exactly as it did on its own.

Both tokenizers are private ``jieba.Tokenizer`` instances: jieba's process-wide default (``jieba.dt``)
is never used nor modified, so what another library adds to it never reaches us, nor ours it.
jieba is imported on first use only (``policy-nlp --help`` stays instant).
"""

from __future__ import annotations

import logging
from functools import cache


@cache
def plain_tokenizer():
    """A private tokenizer on jieba's default dictionary alone (read from jieba's cache once)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = _cache_dir()  # jieba's dictionary cache, per user (a shared /tmp file is not ours to read)
    tokenizer.initialize()
    return tokenizer


def _cache_dir() -> str | None:
    """``$TMPDIR/policy-nlp-<uid>`` (mode 700), or None (jieba's default) when it cannot be made."""
    import os
    import tempfile

    path = os.path.join(tempfile.gettempdir(), f"policy-nlp-{os.getuid()}")
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
    except OSError:
        return None
    return path if os.access(path, os.W_OK) else None


@cache
def user_tokenizer():
    """(tokenizer, tagger): jieba's default dictionary plus the project's user dictionary of
    administrative bodies and posts (lines validated), and a part-of-speech tagger over it.

    The tokenizer starts from a copy of ``plain_tokenizer``'s dictionary (the same one jieba would
    read again), and the tagger from a copy of the tag table jieba.posseg reads when imported:
    what a second reading of the files would give, without reading them twice.
    """
    import jieba
    import jieba.posseg

    from nlp.extract.parties_lexicon import BadDataFile, user_dict_path

    base = plain_tokenizer()
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total = dict(base.FREQ), base.total
    tokenizer.initialized = True
    with open(user_dict_path(), encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            cells = line.split()
            if len(cells) != 3 or not cells[1].isdigit():
                raise BadDataFile(f"jieba_user_dict.txt:{n}: expected 'word frequency tag', got {line!r}")
            tokenizer.add_word(cells[0], int(cells[1]), cells[2])
    tagger = _tagger(jieba.posseg, tokenizer)
    return tokenizer, tagger


def _tagger(posseg, tokenizer):
    """``posseg.POSTokenizer(tokenizer)``, its tag table copied from jieba.posseg's default tagger
    (read from the same dictionary file when jieba.posseg was imported) instead of read again.
    (Tags that a caller gave words on jieba's default tokenizer and tagger before our first use
    would be copied too; nothing in this package does.)"""
    default = posseg.dt
    if default.tokenizer.dictionary != tokenizer.dictionary:
        return posseg.POSTokenizer(tokenizer)  # jieba.set_dictionary was called: read our own tags
    tagger = posseg.POSTokenizer.__new__(posseg.POSTokenizer)
    tagger.tokenizer = tokenizer
    tagger.word_tag_tab = dict(default.word_tag_tab)
    return tagger
