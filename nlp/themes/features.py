"""Themes, features: passage texts -> sparse tf-idf rows, in plain Python + numpy (no jieba, no sklearn).

Three feature groups, each weighted ``(1 + ln tf) * idf`` and L2-normalized on its own (so a group
added for an analyst theme leaves the values of the others untouched):

- ``words``: words of a lexicon, found by forward maximum matching inside runs of CJK characters.
  The lexicon is what jieba, with ``nlp/data/themes_user_dict.txt``, segmented out of the training
  corpus (``nlp/train/themes_vocab.py``); jieba itself is too slow at predict time (about 1,100
  passages/s and 1 s to load its dictionary), matching a fixed lexicon is not;
- ``chars``: character 1-3-grams inside runs of CJK characters or of ASCII letters/digits;
- ``phrases``: occurrences of an analyst theme's seed phrases.

Every feature sees text folded by ``fold_text`` (NFKC, lower case, OpenCC t2s), so traditional
script scores like simplified. ``FeatureSpace.transform`` does the whole batch with array
operations: a 64-bit polynomial hash of every window of 1..10 characters, looked up in sorted
tables. The readable reference versions (``find_runs``, ``count_chars``, ``Lexicon``) build the
vocabulary at training time, and a test checks that both give the same features.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Sequence

import numpy as np

MAX_WORD = 10  # longest lexicon word matched: 门难进脸难看事难办 has 9 characters
CHAR_N = 3
KINDS = ("words", "chars", "phrases")
BATCH = 1024

# A run that n-grams and words never cross: CJK ideographs, or ASCII letters and digits.
_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+")  # 医德医风, b超, 2010
_CJK_WORD = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,%d}" % MAX_WORD)
_PRIME = 1099511628211  # FNV-1 64-bit prime: odd, so no window hash loses its first characters
_MASK = (1 << 64) - 1


@cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def fold_text(text: str) -> str:
    """Fold text the way every feature sees it: NFKC, lower case, simplified script.

    >>> fold_text("醫德醫風ＡＢＣ")
    '医德医风abc'
    """
    return _t2s().convert(_fold_case(text))


def fold_texts(texts: Sequence[str]) -> list[str]:
    """``[fold_text(t) for t in texts]``, with one OpenCC call for the whole batch when it can change nothing.

    Passages of a normalized document are simplified already, and OpenCC's per-call cost is most of
    ``fold_text``'s. OpenCC converts by longest dictionary match and no dictionary entry holds a line
    break, so it converts each line on its own: when the lines joined by ``\n`` come out unchanged,
    every text does too. Otherwise (raw or traditional input) each text is converted as before.

    >>> fold_texts(["医德医风", "醫德醫風"])
    ['医德医风', '医德医风']
    """
    cased = [_fold_case(t) for t in texts]
    joined = "\n".join(cased)
    convert = _t2s().convert
    if convert(joined) == joined:
        return cased
    return [convert(t) for t in cased]


def _fold_case(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower().replace("\x00", " ")


def hash_term(term: str) -> int:
    """The 64-bit polynomial hash ``transform`` computes for every window of the same characters."""
    h = 0
    for ch in term:
        h = (h * _PRIME + ord(ch)) & _MASK
    return h


# reference versions: readable, used to build the vocabulary ---------------------------------


def find_runs(text: str) -> list[str]:
    """Runs of CJK characters or of ASCII letters/digits in folded text.

    >>> find_runs("四风、红包;b超 2010年")
    ['四风', '红包', 'b', '超', '2010', '年']
    """
    return _RUN.findall(text)


def count_chars(runs: Sequence[str], *, max_n: int = CHAR_N) -> dict[str, int]:
    """Character n-grams (n = 1..max_n) inside each run, with their counts.

    >>> sorted(count_chars(["红包"]).items())
    [('包', 1), ('红', 1), ('红包', 1)]
    """
    counts: dict[str, int] = {}
    for run in runs:
        for n in range(1, max_n + 1):
            for i in range(len(run) - n + 1):
                gram = run[i:i + n]
                counts[gram] = counts.get(gram, 0) + 1
    return counts


def is_lexicon_word(word: str) -> bool:
    return bool(_CJK_WORD.fullmatch(word))


class Lexicon:
    """Forward maximum matching over a fixed list of CJK words of 2..10 characters.

    >>> Lexicon(["医德", "医德医风", "建设"]).find_words(["加强医德医风建设"])
    ['医德医风', '建设']
    """

    def __init__(self, words: Sequence[str]):
        self.words = frozenset(w for w in words if is_lexicon_word(w))
        self._lengths = sorted({len(w) for w in self.words}, reverse=True)

    def find_words(self, runs: Sequence[str]) -> list[str]:
        found = []
        for run in runs:
            i, size = 0, len(run)
            while i < size - 1:
                for n in self._lengths:
                    if n <= size - i and run[i:i + n] in self.words:
                        found.append(run[i:i + n])
                        i += n
                        break
                else:
                    i += 1
        return found

    def count_words(self, runs: Sequence[str]) -> dict[str, int]:
        counts: dict[str, int] = {}
        for w in self.find_words(runs):
            counts[w] = counts.get(w, 0) + 1
        return counts


def count_phrases(phrases: Sequence[str], text: str) -> dict[str, int]:
    """Occurrences of each phrase in folded text, overlapping ones included.

    >>> count_phrases(["医保", "医保基金"], "医保基金监管,医保")
    {'医保': 2, '医保基金': 1}
    """
    out = {}
    for p in phrases:
        n = sum(1 for i in range(len(text) - len(p) + 1) if text.startswith(p, i))
        if n:
            out[p] = n
    return out


def count_terms(text: str, kind: str, *, lexicon: Lexicon | None = None, phrases: Sequence[str] = ()) -> dict[str, int]:
    """Reference term counts of one raw text for one feature group."""
    folded = fold_text(text)
    if kind == "phrases":
        return count_phrases(phrases, folded)
    runs = find_runs(folded)
    return count_chars(runs) if kind == "chars" else lexicon.count_words(runs)


# the fast transform -------------------------------------------------------------------------


def _batches(texts: Sequence[str], *, max_texts: int = BATCH, max_chars: int = 1 << 19):
    """Consecutive slices of texts, bounded in count and in characters (memory is ~50 bytes/char)."""
    start, size = 0, 0
    for i, text in enumerate(texts):
        if i > start and (i - start >= max_texts or size + len(text) > max_chars):
            yield texts[start:i]
            start, size = i, 0
        size += len(text)
    if start < len(texts):
        yield texts[start:]


def _forward_maximum_matching(length: np.ndarray) -> np.ndarray:
    """Start positions of the words taken left to right, given the longest match at each position.

    A match is taken unless an earlier taken match covers its start: the taken matches are the
    chain from the first one, each followed by the first match starting at or after its end.
    The chain is found by pointer doubling from the matches no earlier match covers at all
    (each is on the chain), so a few array operations replace a loop over every match.
    >>> _forward_maximum_matching(np.array([4, 2, 0, 0, 2, 0])).tolist()
    [0, 4]
    >>> _forward_maximum_matching(np.array([2, 3, 0, 2, 0, 0])).tolist()  # 1 is covered, so 3 is not
    [0, 3]
    """
    starts = np.flatnonzero(length)
    if not len(starts):
        return starts.astype(np.int64)
    ends = starts + length[starts]
    jump = np.append(np.searchsorted(starts, ends), len(starts))  # the next on the chain; the last: past the end
    on_chain = np.zeros(len(starts) + 1, dtype=bool)
    on_chain[0] = True
    on_chain[1:-1] = starts[1:] >= np.maximum.accumulate(ends)[:-1]
    count = np.count_nonzero(on_chain)
    while True:  # after round k, every match within 2**k steps of a marked one is marked
        on_chain[jump[on_chain]] = True
        now = np.count_nonzero(on_chain)
        if now == count:
            break
        count = now
        jump = jump[jump]
    return starts[on_chain[:-1]].astype(np.int64)


class _Table:
    """Open-addressing hash table (linear probing, load <= 1/4) of window hashes -> column.

    ``lookup`` is vectorized: each probe round is one gather over the keys still unresolved, and
    a key leaves at its first empty slot, so most windows (not in the vocabulary) cost one probe.
    Values are >= -1 (-2 is kept for "not found").
    """

    __slots__ = ("hashes", "cols", "used", "shift", "mask", "probes", "_keys", "_values")
    _MIX = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing

    def __init__(self, pairs: list[tuple[int, int]]):
        bits = max(4, (4 * max(len(pairs), 1) - 1).bit_length())
        size = 1 << bits
        self.shift, self.mask = np.uint64(64 - bits), size - 1
        self.hashes = np.zeros(size, dtype=np.uint64)
        self.cols = np.full(size, -1, dtype=np.int64)
        self.used = np.zeros(size, dtype=bool)
        keys = np.array(sorted(h for h, _ in pairs), dtype=np.uint64)
        cols = np.array([c for _, c in sorted(pairs)], dtype=np.int64)
        home = self._home(keys)
        pending = np.arange(len(keys))
        self.probes = 0
        while len(pending):  # each round, every free slot takes its first claimant (deterministic)
            slots = (home[pending] + self.probes) & self.mask
            free = ~self.used[slots]
            slots_free, first = np.unique(slots[free], return_index=True)
            winners = pending[free][first]
            self.used[slots_free] = True
            self.hashes[slots_free] = keys[winners]
            self.cols[slots_free] = cols[winners]
            pending = np.setdiff1d(pending, winners, assume_unique=True)
            self.probes += 1
        stored = set(keys.tolist())
        free_hash = next(h for h in range(len(keys) + 1) if h not in stored)
        self._keys = np.where(self.used, self.hashes, np.uint64(free_hash))
        self._values = np.where(self.used, self.cols, -2)

    def _home(self, keys: np.ndarray) -> np.ndarray:
        return ((keys * self._MIX) >> self.shift).astype(np.int64)

    def lookup(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Mask of keys found, and their values (in key order).

        The first probe, which settles most keys, gathers at the home slots of all keys with no
        index of the keys still unresolved; an empty slot holds a hash that no stored key has and
        the value -2 (not found), so a key that meets it is settled whatever its hash.
        """
        home = self._home(keys)
        found = self._values[home]
        hit = self._keys[home] == keys
        active = np.flatnonzero(~hit & (found != -2))
        found[~hit] = -2
        for probe in range(1, self.probes):
            if not len(active):
                break
            s = (home[active] + probe) & self.mask
            values = self._values[s]
            hit = self._keys[s] == keys[active]
            found[active[hit]] = values[hit]
            active = active[~hit & (values != -2)]
        mask = found != -2
        return mask, found[mask]


class FeatureSpace:
    """Columns of the feature groups, their idf, and the batch transform texts -> CSR rows."""

    def __init__(self, groups: Sequence[tuple[str, Sequence[str]]], lexicon: Sequence[str], idf: np.ndarray):
        self.kinds = [kind for kind, _ in groups]
        unknown = sorted(set(self.kinds) - set(KINDS))
        if unknown:
            raise ValueError(f"unknown feature group {unknown}; known: {', '.join(KINDS)}")
        self.names: list[str] = [t for _, terms in groups for t in terms]
        self.n_features = len(self.names)
        self.idf = np.asarray(idf, dtype=np.float64)
        self.group_of = np.concatenate([np.full(len(terms), g, dtype=np.int64)
                                        for g, (_, terms) in enumerate(groups)] or [np.zeros(0, np.int64)])
        # One table per window length n for all groups: a window is hashed and looked up once
        # whatever the groups that have terms of its length. Entry e of length n has a column per
        # group (-1: a lexicon word without a column, -2: not a term of that group) and ``longer[e]``:
        # it starts a lexicon word longer than n. Words of length n + 1 are looked up only where the
        # window of length n hit such an entry (the lexicon's words of 4-9 characters are few).
        entries: dict[int, dict[str, int]] = {}  # n -> term -> entry
        cols_of: dict[int, dict[str, list[int]]] = {}
        longer: dict[int, list[bool]] = {}

        def entry(term: str) -> int:
            n = len(term)
            index = entries.setdefault(n, {})
            if term not in index:
                index[term] = len(index)
                for kind in self.kinds:
                    cols_of.setdefault(n, {}).setdefault(kind, []).append(-2)
                longer.setdefault(n, []).append(False)
            return index[term]

        offset = 0
        for kind, terms in groups:
            cols = {t: offset + i for i, t in enumerate(terms)}
            offset += len(terms)
            keys = sorted(set(lexicon) | set(terms)) if kind == "words" else list(terms)
            if kind == "words":
                keys = [w for w in keys if is_lexicon_word(w)]
            for term in keys:
                e = entry(term)
                cols_of[len(term)][kind][e] = cols.get(term, -1)
                if kind == "words":
                    for k in range(1, len(term)):
                        prefix = entry(term[:k])
                        longer[k][prefix] = True
        self.tables: dict[int, tuple[_Table, dict[str, np.ndarray], np.ndarray]] = {}
        for n, index in sorted(entries.items()):
            table = _Table([(hash_term(term), e) for term, e in index.items()])
            used = table.hashes[table.used]
            if len(np.unique(used)) != len(used):
                raise ValueError(f"two terms of length {n} share a 64-bit hash; drop one of them")
            cols_n = {kind: np.array(c, dtype=np.int64) for kind, c in cols_of[n].items()
                      if kind == "words" or max(c) > -2}
            self.tables[n] = (table, cols_n, np.array(longer[n], dtype=bool))
        # past the longest char n-gram or phrase only words are left, found from the few windows
        # that still start a lexicon word rather than from every window of the batch
        self._all_windows = max((n for n, (_, cols_n, _) in self.tables.items() if set(cols_n) - {"words"}),
                                default=0)
        # single characters: the hash of one character is its code point, so an array indexed by
        # code point gives the same entries as the table with one gather (the last cell: none)
        singles = {ord(term): e for term, e in entries.get(1, {}).items()}
        self._single = np.full(max(singles, default=-1) + 2, -2, dtype=np.int64)
        self._single[list(singles)] = list(singles.values())

    def transform(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """CSR parts (indptr, indices, data) of the feature rows of ``texts``, columns sorted."""
        parts = [self._transform(fold_texts(batch)) for batch in _batches(texts)]
        if not parts:
            return np.zeros(1, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float64)
        indptr = [parts[0][0]]
        for part in parts[1:]:
            indptr.append(part[0][1:] + indptr[-1][-1])
        return (np.concatenate(indptr), np.concatenate([p[1] for p in parts]),
                np.concatenate([p[2] for p in parts]))

    def _transform(self, folded: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """One batch: every window of 1..longest characters is hashed once, one length at a time."""
        codes32 = np.frombuffer(("\x00".join(folded) + "\x00").encode("utf-32-le"), dtype=np.uint32)
        sep = codes32 == 0
        row = np.cumsum(sep) - sep  # text index of every position; a separator ends its text
        cjk = np.zeros(len(codes32), dtype=bool)
        for lo, hi in _CJK_RANGES:
            cjk |= (codes32 >= lo) & (codes32 <= hi)
        ascii_ = ((codes32 >= 0x61) & (codes32 <= 0x7A)) | ((codes32 >= 0x30) & (codes32 <= 0x39))
        cls = cjk.astype(np.int8) + 2 * ascii_.astype(np.int8)
        change = np.ones(len(codes32), dtype=bool)
        change[1:] = cls[1:] != cls[:-1]
        run = np.cumsum(change)
        codes = codes32.astype(np.uint64)
        word_length = np.zeros(len(codes), dtype=np.int64)  # longest lexicon word starting here
        word_column = np.full(len(codes), -1, dtype=np.int64)
        rows, cols = [], []
        may_start = None  # words: where the window so far starts a lexicon word (None: anywhere)
        starts = heads = np.zeros(0, dtype=np.int64)  # the same past _all_windows, and their hashes
        h = codes
        for n in range(1, max(self.tables, default=0) + 1):
            if n > self._all_windows:
                if n not in self.tables or not len(starts):
                    break
                starts, heads = self._word_step(n, starts, heads, codes, run, word_length, word_column)
                continue
            if n > 1:
                h = h[:-1] * np.uint64(_PRIME) + codes[n - 1:]  # uint64 arithmetic wraps: mod 2**64
            if n not in self.tables:
                may_start = np.zeros(len(codes), dtype=bool)
                continue
            table, kind_cols, longer = self.tables[n]
            size = len(h)
            same_run = run[n - 1:] == run[:size]
            where = {}  # kind -> the windows that may be its terms
            for kind in kind_cols:
                if kind == "phrases":  # anywhere inside one text
                    where[kind] = row[n - 1:] == row[:size]
                elif kind == "chars":  # inside one run
                    where[kind] = same_run & (cls[:size] != 0)
                else:  # inside one run of CJK characters, where a lexicon word may start
                    where[kind] = same_run & (cls[:size] == 1)
                    if may_start is not None:
                        where[kind] &= may_start[:size]
            union = None
            for mask in where.values():
                union = mask if union is None else union | mask
            pos = np.flatnonzero(union)
            if n == 1:
                e = self._single[np.minimum(h[pos], len(self._single) - 1)]
                hit = e != -2
                e = e[hit]
            else:
                hit, e = table.lookup(h[pos])
            pos = pos[hit]
            for kind, mask in where.items():
                c = kind_cols[kind][e]
                ok = (c != -2) & mask[pos] if len(where) > 1 else c != -2
                if kind == "words":  # lengths go up, so a longer match overwrites a shorter one
                    word_length[pos[ok]] = n
                    word_column[pos[ok]] = c[ok]
                    starts = pos[longer[e] & mask[pos]]
                    heads = h[starts]
                    may_start = np.zeros(len(codes), dtype=bool)
                    may_start[starts] = True
                else:
                    rows.append(row[pos[ok]])
                    cols.append(c[ok])
        taken = _forward_maximum_matching(word_length)
        keep = word_column[taken] >= 0
        rows.append(row[taken[keep]])
        cols.append(word_column[taken[keep]])
        return self._weigh(np.concatenate(rows), np.concatenate(cols), len(folded))

    def _word_step(self, n: int, starts: np.ndarray, heads: np.ndarray, codes: np.ndarray, run: np.ndarray,
                   word_length: np.ndarray, word_column: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Words of n characters at ``starts`` (windows of n - 1 characters there hash to ``heads``);
        returns the starts and hashes of the windows of n characters that start a longer word."""
        table, kind_cols, longer = self.tables[n]
        fits = starts <= len(codes) - n
        starts, heads = starts[fits], heads[fits]
        last = starts + (n - 1)
        inside = run[last] == run[starts]  # the window stays inside its run of CJK characters
        starts = starts[inside]
        heads = heads[inside] * np.uint64(_PRIME) + codes[last[inside]]
        hit, e = table.lookup(heads)
        starts, heads = starts[hit], heads[hit]
        c = kind_cols["words"][e]
        ok = c != -2
        word_length[starts[ok]] = n  # lengths go up, so a longer match overwrites a shorter one
        word_column[starts[ok]] = c[ok]
        return starts[longer[e]], heads[longer[e]]

    def _weigh(self, rows: np.ndarray, cols: np.ndarray, n_texts: int):
        n_groups = len(self.kinds)
        keys = rows * self.n_features + cols
        if n_texts * self.n_features < 1 << 31:
            keys = keys.astype(np.int32)  # sorts twice as fast
        keys.sort()  # then as np.unique(keys, return_counts=True), without its generality
        first = np.empty(len(keys), dtype=bool)
        first[:1] = True
        np.not_equal(keys[1:], keys[:-1], out=first[1:])
        at = np.flatnonzero(first)
        keys, counts = keys[at], np.diff(at, append=len(first))
        r, c = keys // self.n_features, keys % self.n_features
        val = (1.0 + np.log(counts)) * self.idf[c]
        slot = r * n_groups + self.group_of[c]
        norm = np.sqrt(np.bincount(slot, weights=val * val, minlength=n_texts * n_groups))
        val = val / norm[slot]
        indptr = np.searchsorted(r, np.arange(n_texts + 1))
        return indptr.astype(np.int64), c.astype(np.int64), val
