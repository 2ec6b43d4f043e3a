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


# ---- jieba.posseg's cut, the same words and tags, faster -----------------------------------
#
# ``tagged(text)`` gives what ``user_tokenizer()[1].cut(text)`` gives, as (word, tag) pairs: the
# same blocks, the same dictionary route (``Tokenizer.get_DAG`` and ``calc``: the same sums in the
# same order) and the same HMM for runs of unknown characters (``posseg.viterbi``), each of its
# steps done on arrays: the step from the previous character's states to this character's is a
# pure function of the previous states and the character (which states, which transitions, which
# emissions), built once and kept (``_plan``); the sums are the same float64 additions in the same
# order, and ties go, as in ``max`` over (prob, state) tuples, to the greatest state. Several times
# faster than jieba.posseg; tests/test_tokenize.py compares both on the corpora.

import re as _re

_HAN_BLOCK = _re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")  # posseg.re_han_internal
_SKIP = _re.compile(r"(\r\n|\s)")  # posseg.re_skip_internal
_HAN_DETAIL = _re.compile("([\u4E00-\u9FD5]+)")
_SKIP_DETAIL = _re.compile(r"([\.0-9]+|[a-zA-Z0-9]+)")
_NUM = _re.compile(r"[\.0-9]+")
_ENG = _re.compile("[a-zA-Z0-9]+")
_MIN_FLOAT = -3.14e100
_MIN_INF = float("-inf")


class _Tagger:
    """jieba.posseg.POSTokenizer's ``cut`` (HMM on) over a tokenizer and tag table, as a list."""

    def __init__(self, tagger) -> None:
        from math import log

        from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P

        tagger.makesure_userdict_loaded()
        self.tagger = tagger
        self.freq = tagger.tokenizer.FREQ
        self.tags = tagger.word_tag_tab
        self.logtotal = log(tagger.tokenizer.total)
        self.log = log
        self.states = char_state_tab_P
        self.start, self.emit = start_P, emit_P
        import numpy as np

        self.np = np
        self.order = sorted(trans_P)  # states in tuple order: an index compares as its state does
        self.index = {y: i for i, y in enumerate(self.order)}
        self.every = tuple(range(len(self.order)))
        self.has_next = [len(trans_P[y]) > 0 for y in self.order]
        matrix = np.full((len(self.order), len(self.order)), _MIN_INF)
        for y0, nexts in trans_P.items():
            for y, p in nexts.items():
                matrix[self.index[y0], self.index[y]] = p
        self.trans_matrix = matrix
        self._plans: dict = {}
        self._firsts: dict = {}
        self._cells = 0

    def cut(self, sentence: str) -> list[tuple[str, str]]:
        if self.tagger.tokenizer.user_word_tag_tab:  # words added since: as posseg would read them
            self.tagger.makesure_userdict_loaded()
        out: list[tuple[str, str]] = []
        for k, blk in enumerate(_HAN_BLOCK.split(sentence)):
            if k % 2:
                self._cut_dag(blk, out)
            elif blk:
                for x in _SKIP.split(blk):
                    if _SKIP.match(x):
                        out.append((x, "x"))
                    else:
                        for xx in x:
                            out.append((xx, "m" if _NUM.match(xx) else "eng" if _ENG.match(x) else "x"))
        return out

    def _route(self, sentence: str) -> list[int]:
        """For each position, where jieba's best route of the sentence goes next (exclusive):
        ``get_DAG`` and ``calc`` in one pass (a prefix of the dictionary has a frequency, 0 when it
        is no word; ties go to the longer word, as max over (prob, end) does)."""
        fget, log, logtotal = self.freq.get, self.log, self.logtotal
        unknown = log(1) - logtotal  # a character no word opens with: log(FREQ.get(c) or 1) - log(total)
        n = len(sentence)
        best = [0.0] * (n + 1)
        nxt = [0] * n
        for idx in range(n - 1, -1, -1):
            i, frag = idx, sentence[idx]
            f = fget(frag)
            top = None
            while f is not None:
                if f:
                    p = log(f) - logtotal + best[i + 1]
                    if top is None or p >= top:
                        top, end = p, i + 1
                i += 1
                if i >= n:
                    break
                frag = sentence[idx:i + 1]
                f = fget(frag)
            if top is None:
                best[idx], nxt[idx] = unknown + best[idx + 1], idx + 1
            else:
                best[idx], nxt[idx] = top, end
        return nxt

    def _cut_dag(self, sentence: str, out: list) -> None:
        tags = self.tags
        nxt = self._route(sentence)
        x, n, run = 0, len(sentence), -1  # run: where the current run of one-character words opens
        while x < n:
            y = nxt[x]
            if y - x == 1:
                if run < 0:
                    run = x
            else:
                if run >= 0:
                    self._flush(sentence[run:x], out)
                    run = -1
                word = sentence[x:y]
                out.append((word, tags.get(word, "x")))
            x = y
        if run >= 0:
            self._flush(sentence[run:], out)

    def _flush(self, buf: str, out: list) -> None:
        tags = self.tags
        if len(buf) == 1:
            out.append((buf, tags.get(buf, "x")))
        elif not self.freq.get(buf):
            for k, blk in enumerate(_HAN_DETAIL.split(buf)):
                if k % 2:
                    self._hmm(blk, out)
                elif blk:
                    for x in _SKIP_DETAIL.split(blk):
                        if x:
                            out.append((x, "m" if _NUM.match(x) else "eng" if _ENG.match(x) else "x"))
        else:
            out.extend((c, tags.get(c, "x")) for c in buf)

    def _hmm(self, sentence: str, out: list) -> None:
        route = self._viterbi(sentence)
        begin, nexti = 0, 0
        for i, char in enumerate(sentence):
            pos, tag = route[i]
            if pos == "B":
                begin = i
            elif pos == "E":
                out.append((sentence[begin:i + 1], tag))
                nexti = i + 1
            elif pos == "S":
                out.append((char, tag))
                nexti = i + 1
        if nexti < len(sentence):
            out.append((sentence[nexti:], route[nexti][1]))

    def _viterbi(self, sentence: str) -> list:
        """``posseg.viterbi(sentence, ...)[1]``: the state of each character."""
        obs, v = self._first(sentence[0])
        backs, steps = [], [obs]
        for c in sentence[1:]:
            key = (obs, c)
            plan = self._plans.get(key) or self._plan(key)
            rows_back, trans_back, emit, obs, columns = plan
            m = v[rows_back][:, None] + trans_back  # previous states in reverse order
            m += emit
            j = m.argmax(axis=0)  # the first maximum in reverse order: the greatest state
            v = m[j, columns]
            backs.append(rows_back[j])
            steps.append(obs)
        k = len(v) - 1 - int(v[::-1].argmax())
        route = [None] * len(sentence)
        order = self.order
        for i in range(len(sentence) - 1, -1, -1):
            route[i] = order[steps[i][k]]
            if i:
                k = int(backs[i - 1][k])
        return route

    def _char_states(self, c: str) -> tuple[int, ...]:
        states = self.states.get(c)
        return self.every if states is None else tuple(sorted(self.index[y] for y in states))

    def _first(self, c: str):
        got = self._firsts.get(c)
        if got is None:
            obs = self._char_states(c)
            v = self.np.array([self.start[self.order[i]] + self.emit[self.order[i]].get(c, _MIN_FLOAT) for i in obs])
            got = self._firsts[c] = (obs, v)
        return got

    def _plan(self, key):
        """The step from the states ``key[0]`` (indices, ascending) to character ``key[1]``: the
        previous states that go on (a non-empty transition row; in reverse order), their
        transitions to this character's states that they reach (else to every state they reach,
        else to every state), these states' emissions of the character."""
        np = self.np
        prev, c = key
        rows = [k for k, i in enumerate(prev) if self.has_next[i]]
        froms = [prev[k] for k in rows]
        reach = np.isfinite(self.trans_matrix[froms]).any(axis=0) if froms else np.zeros(len(self.order), bool)
        obs = tuple(i for i in self._char_states(c) if reach[i])
        if not obs:
            obs = tuple(i for i in self.every if reach[i]) or self.every
        plan = (np.array(rows[::-1], dtype=np.int64), self.trans_matrix[np.ix_(froms[::-1], obs)],
                np.array([self.emit[self.order[i]].get(c, _MIN_FLOAT) for i in obs]), obs, np.arange(len(obs)))
        self._cells += len(froms) * len(obs)
        if self._cells > _PLAN_CELLS:  # bounded memory: start again
            self._plans.clear()
            self._cells = len(froms) * len(obs)
        self._plans[key] = plan
        return plan


_PLAN_CELLS = 2_000_000  # transition cells the kept HMM steps may hold (16 MB)


@cache
def _fast_tagger() -> _Tagger:
    return _Tagger(user_tokenizer()[1])


def word_blocks(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The spans of the word blocks of ``text[start:end]`` (runs of Han characters, letters, digits
    and ``+#&._``): ``tagged`` cuts each block alone, so a block's tokens do not depend on its
    neighbours."""
    return [m.span() for m in _HAN_BLOCK.finditer(text, start, len(text) if end is None else end)]


def tagged(text: str) -> list[tuple[str, str]]:
    """``[(word, tag) for word, tag in user_tokenizer()[1].cut(text)]``, about three times faster."""
    return _fast_tagger().cut(text)
