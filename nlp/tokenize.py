"""jieba for the stages that cut words, loaded once per process and shared (issue 12).

Reading jieba's default dictionary costs about 0.6 s, its part-of-speech table about 0.5 s more.
Two stages cut words: the outline (word bounds of a heading, the default dictionary alone) and
the party extractor (person tags, the default dictionary plus ``nlp/data/jieba_user_dict.txt``).
Each used to read the dictionary itself; here it is read one time and the party tokenizer starts
from a copy of it, so each stage cuts exactly as it did on its own.

Both tokenizers are private ``jieba.Tokenizer`` instances: jieba's process-wide default (``jieba.dt``)
is never used nor modified, so what another library adds to it never reaches us, nor ours it.
jieba is imported on first use only (``policy-nlp --help`` stays instant), and its cold start is
kept short (issue 12): jieba's dictionary comes from its cache file in a per-user directory, jieba
is imported without ``pkg_resources`` when nothing has imported that yet (jieba only uses it to
open its own files, which it then opens directly), and jieba.posseg's tag table (which
``import jieba.posseg`` parses from the dictionary text, about 0.3 s) comes from a marshal cache
of that same table, written beside jieba's own cache the first time it is parsed.
"""

from __future__ import annotations

import logging
from functools import cache


@cache
def plain_tokenizer():
    """A private tokenizer on jieba's default dictionary alone (read from jieba's cache once)."""
    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = _cache_dir()  # jieba's dictionary cache, per user (a shared /tmp file is not ours to read)
    if not _load_jieba_cache(tokenizer):
        tokenizer.initialize()  # reads the cache, or builds the dictionary and writes the cache
    return tokenizer


def _load_jieba_cache(tokenizer) -> bool:
    """What ``tokenizer.initialize()`` does when jieba's cache file of its default dictionary is
    there, the file read whole first: jieba's ``marshal.load(file)`` reads the 9 MB a piece at a
    time (0.55 s where ``marshal.loads`` of the bytes takes 0.2 s). False: let jieba do it."""
    import marshal
    import os
    import tempfile

    import jieba

    if tokenizer.dictionary != jieba.DEFAULT_DICT or tokenizer.cache_file or tokenizer.initialized:
        return False
    path = os.path.join(tokenizer.tmp_dir or tempfile.gettempdir(), "jieba.cache")
    try:
        with open(path, "rb") as fh:
            freq, total = marshal.loads(fh.read())
    except Exception:  # missing or unreadable: jieba rebuilds it (and says so)
        return False
    tokenizer.FREQ, tokenizer.total = freq, total
    tokenizer.initialized = True
    return True


def _cache_dir() -> str | None:
    """``$TMPDIR/policy-nlp-<uid>`` (mode 700), or None (jieba's default) when it cannot be made or
    is not this user's alone."""
    import os
    import tempfile

    path = os.path.join(tempfile.gettempdir(), f"policy-nlp-{os.getuid()}")
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
        st = os.stat(path)
    except OSError:
        return None
    if st.st_uid != os.getuid() or st.st_mode & 0o022:
        return None  # made by someone else, or writable by others: its caches are not to be trusted
    return path if os.access(path, os.W_OK) else None


@cache
def user_tokenizer():
    """(tokenizer, tagger): jieba's default dictionary plus the project's user dictionary of
    administrative bodies and posts (lines validated), and a part-of-speech tagger over it.

    The tokenizer starts from a copy of ``plain_tokenizer``'s dictionary (the same one jieba would
    read again), and the tagger from a copy of the tag table jieba.posseg reads when imported:
    what a second reading of the files would give, without reading them twice.
    """
    from nlp.extract.parties_lexicon import BadDataFile, user_dict_path

    base = plain_tokenizer()
    jieba = _import_jieba()
    posseg = _import_posseg(jieba)
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
    tagger = _tagger(posseg, tokenizer)
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


def _import_jieba():
    """``import jieba``; when neither jieba nor pkg_resources is imported yet, jieba._compat finds
    pkg_resources missing and opens jieba's files with ``open`` (the same files; pkg_resources
    costs about 0.1 s to import and is left out of the process)."""
    import sys

    if "jieba" not in sys.modules and "pkg_resources" not in sys.modules:
        sys.modules["pkg_resources"] = None  # import pkg_resources raises ImportError
        try:
            import jieba
        finally:
            if sys.modules.get("pkg_resources", 0) is None:
                del sys.modules["pkg_resources"]
    import jieba

    return jieba


def _import_posseg(jieba):
    """``import jieba.posseg``, its default tagger's tag table read from our marshal cache of it
    when the cache matches jieba's dictionary file; else imported as usual and the cache written.
    Either way ``jieba.posseg.dt.word_tag_tab`` holds what jieba reads from the file."""
    import sys

    if "jieba.posseg" in sys.modules or jieba.dt.dictionary != jieba.DEFAULT_DICT:
        import jieba.posseg

        return jieba.posseg
    key = _dict_key(jieba)
    tags = _read_tag_cache(key)
    if tags is None:
        import jieba.posseg

        _write_tag_cache(key, jieba.posseg.dt.word_tag_tab)
        return jieba.posseg
    import io

    jieba.dt.get_dict_file = lambda: io.BytesIO()  # POSTokenizer(jieba.dt) at import: nothing to parse
    try:
        import jieba.posseg
    finally:
        del jieba.dt.get_dict_file
    jieba.posseg.dt.word_tag_tab = tags
    return jieba.posseg


def _dict_key(jieba) -> tuple | None:
    """What the tag cache must match: jieba's version and its dictionary file's path, size, mtime."""
    import os

    path = os.path.join(os.path.dirname(os.path.abspath(jieba.__file__)), "dict.txt")
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (getattr(jieba, "__version__", "?"), path, st.st_size, st.st_mtime_ns)


_TAG_CACHE = "jieba.posseg-tags.cache"


def _read_tag_cache(key) -> dict | None:
    import marshal
    import os

    folder = _cache_dir()
    if key is None or folder is None:
        return None
    try:
        with open(os.path.join(folder, _TAG_CACHE), "rb") as fh:
            stored, tags = marshal.loads(fh.read())  # marshal.load(fh) reads piece by piece: 3x slower
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return tags if stored == key and isinstance(tags, dict) else None


def _write_tag_cache(key, tags: dict) -> None:
    import marshal
    import os
    import tempfile

    folder = _cache_dir()
    if key is None or folder is None:
        return
    try:
        fd, tmp = tempfile.mkstemp(dir=folder)
        with os.fdopen(fd, "wb") as fh:
            marshal.dump((key, tags), fh)
        os.replace(tmp, os.path.join(folder, _TAG_CACHE))
    except OSError:
        pass
