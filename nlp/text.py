"""Character-level helpers shared by every stage: the width fold and the punctuation that ends
sentences and clauses. A low-level module: it imports nothing of the package.

Texts that came through ``normalize`` are already folded (，；：！？ read as ,;:!?); the classes
below hold both widths so that they also serve text that was not (a passage given to classify,
a test's sentence).
"""

from __future__ import annotations

import re
from typing import Iterator

# The full-width ASCII block (，：；（）％ＡＢ１２) folds as NFKC folds it, and the ideographic
# space to a space: one character for one, so offsets stay exact. 。、“”《》 are not in the block.
WIDTH_FOLD = {**{c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}, 0x3000: 0x20}
# normalize's fold: also every other space (no-break, en, em, zero-width, BOM, tab) to a space
SPACE_FOLD = {**WIDTH_FOLD, **{ord(c): 0x20 for c in "\xa0\u2002\u2003\u200b\ufeff\t"}}
_WIDE = re.compile("[\uff01-\uff5e\u3000]")  # the characters WIDTH_FOLD changes

STOPS = "。!?！？"  # end a sentence
SEMICOLONS = ";；"
COLONS = ":："
COMMAS = ",，"
CLOSERS = "”’」』)"  # a quote or bracket closed right after a stop still belongs to the sentence

SENTENCE_END = rf"[{STOPS}{SEMICOLONS}\n]"  # 。 ends 达到90%以上。; a line break ends a line
CLAUSE_BREAK = rf"[{COMMAS}{STOPS}{SEMICOLONS}{COLONS}\n]"  # any clause boundary

SAMPLES = {
    "SENTENCE_END": ("。", ";", "！", "\n"),
    "CLAUSE_BREAK": (",", ":", "；", "\n"),
}


def alternation(words) -> str:
    """A regex alternation of literal words, longest first (以上 before 上).

    >>> alternation(["上", "以上", "以下"]), alternation(["1+1"]) == re.escape("1+1")
    ('以上|以下|上', True)
    """
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def literal_trie(words) -> str:
    """``alternation(words)`` as a trie: the words that share a first character share its branch
    (``委(?:员会)?|局``), so at a position the engine follows one branch instead of trying every
    word in turn. The same matches, tried in the same order (the longest first, then the shorter
    words it opens with, as a longest-first alternation backtracks), for patterns compiled without
    IGNORECASE (two branches may then match one character, and the order is the branches').

    >>> literal_trie(["上", "以上", "以下"])
    '(?:上|以(?:上|下))'
    >>> [m.group() for m in re.finditer(literal_trie(["委", "委员会", "局"]), "某委员会某委某局")]
    ['委员会', '委', '局']
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict) -> str:
        alts = [re.escape(ch) + branch(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    out = branch(trie)
    return out if out.startswith("(?:") or not out else f"(?:{out})"


class OpensAfter:
    """A pattern each match of which opens at the start of the text or right after one of
    ``separators`` (``pattern`` is ``body`` behind a lookbehind on them, or ``^``), and is no empty
    string. ``finditer`` gives the matches ``re.compile(pattern).finditer`` gives, the same match
    objects, found by a scan for a separator followed by ``body``: that scan opens with the
    separators' class, so the engine skips every other character, where the lookbehind made it try
    the whole pattern at every position.

    >>> rx = OpensAfter(r"(?<![^,\\n])[a-z]+", "[a-z]+", ",\\n")
    >>> [m.group() for m in rx.finditer("ab,cd1 ef,gh")], [m.group() for m in rx.pattern.finditer("ab,cd1 ef,gh")]
    (['ab', 'cd', 'gh'], ['ab', 'cd', 'gh'])
    """

    def __init__(self, pattern: str, body: str, separators: str, flags: int = 0):
        self.pattern = re.compile(pattern, flags)
        self.separators = frozenset(separators)
        self._after = re.compile(f"[{re.escape(''.join(sorted(self.separators)))}](?:{body})", flags)

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match]:
        match, after, separators = self.pattern.match, self._after.search, self.separators
        m = match(text, pos) if pos == 0 or text[pos - 1] in separators else None
        while True:
            while m is not None:  # (where the last match ends on a separator, the next may open)
                yield m
                pos = m.end()
                m = match(text, pos) if text[pos - 1] in separators else None
            s = after(text, pos)
            if s is None:
                return
            m = match(text, s.start() + 1)  # (the pattern's own match there: what the scan found)
            if m is None:  # (never, as body and pattern agree there; but a scan must move on)
                pos = s.start() + 1


def opening_with(pattern: str, chars, flags: int = 0) -> re.Pattern:
    """``pattern`` compiled behind a lookahead on ``chars``: every match of the pattern must open
    with one of them. The regex engine skips a position by one test of that class instead of
    trying each branch of a long alternation (it cannot skip branches that open with a
    lookbehind): the same matches, found several times faster. tests/test_first_chars.py checks
    each such pattern against its parse tree.

    >>> [m.group() for m in opening_with(r"(?<!不)去年|近年", "去近").finditer("不去年近年去年")]
    ['近年', '去年']
    """
    first = "".join(re.escape(c) for c in sorted(set(chars)))
    return re.compile(rf"(?=[{first}])(?:{pattern})", flags)


def without_spaces(s: str) -> str:
    """``re.sub(r"\\s+", "", s)``: ``str.split`` and ``\\s`` take the same characters for white
    space (tests/test_text.py checks every code point), and the split is several times faster."""
    return "".join(s.split())


def fold_width(s: str) -> str:
    """``s`` with full-width ASCII and the ideographic space read as ASCII (same length).

    >>> fold_width("达到９０％，")
    '达到90%,'
    """
    if _WIDE.search(s) is None:  # normalized text is folded already: a scan, no copy
        return s
    return s.translate(WIDTH_FOLD)


def sentence_spans(text: str, end: re.Pattern = re.compile(SENTENCE_END)) -> Iterator[tuple[int, int]]:
    """``[start, end)`` of each piece of ``text`` between two matches of ``end`` (the marks left
    out), the last piece running to the end of the text; pieces may be empty.

    >>> list(sentence_spans("一。二\\n"))
    [(0, 1), (2, 3), (4, 4)]
    """
    pos = 0
    for m in end.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def wrap_width(text: str) -> int | None:
    """The width a text is wrapped at (text taken from a PDF page), or None: most of its lines of
    15+ characters (eight or more) are as long as the commonest length, give or take one."""
    lens: dict[int, int] = {}
    for ln in text.split("\n"):
        if len(ln.strip()) >= 15:
            lens[len(ln)] = lens.get(len(ln), 0) + 1
    total = sum(lens.values())
    if total < 8:
        return None
    width = max(lens, key=lens.__getitem__)  # (the first of equally common lengths, as Counter gives)
    return width if sum(n for w, n in lens.items() if abs(w - width) <= 1) >= 0.7 * total else None


_WRAP_ENDS = frozenset(STOPS + SEMICOLONS + COLONS + CLOSERS + "。")
_LINE_OPENS_ITEM = re.compile(r"[一二三四五六七八九十]{1,3}[、是要]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．]|[①-⑳]|第[一二三四五六七八九十\d]+[章节条部]")


def wrap_breaks(text: str) -> list[int]:
    """Where the line breaks of a text's wrapping are (text taken from a PDF page): in a text wrapped
    at a page's width, a full line that ends with no stop goes on on the next line, unless that line
    opens an item (一、, (二), 3.). [] for a text that is not wrapped."""
    width = wrap_width(text)
    if width is None:
        return []
    out = []
    start = 0
    while True:
        nl = text.find("\n", start)
        if nl < 0:
            break
        line = text[start:nl]
        nxt = text[nl + 1:nl + 12]
        if (len(line) >= width - 1 and line.rstrip()[-1:] not in _WRAP_ENDS and nxt.strip()
                and not _LINE_OPENS_ITEM.match(nxt.lstrip())):
            out.append(nl)
        start = nl + 1
    return out


def unwrap(text: str) -> str:
    """``text`` with the line breaks of its wrapping (``wrap_breaks``) read as spaces, one character
    for one (offsets stay). Other texts come back as they are."""
    breaks = wrap_breaks(text)
    if not breaks:
        return text
    out = list(text)
    for nl in breaks:
        out[nl] = " "
    return "".join(out)


_LATIN = re.compile(r"[A-Za-z]")


def rejoined(text: str) -> tuple[str, list[int]] | None:
    """A wrapped text (``wrap_breaks``) with its wrapping taken out, and for each of its characters
    the position it came from in ``text``; None for a text that is not wrapped. A break goes with
    the spaces beside it (``达到⏎50%`` -> ``达到50%``, ``8月下旬至9⏎月下旬`` -> ``8月下旬至9月下旬``),
    except that two Latin words keep one space between them."""
    breaks = wrap_breaks(text)
    if not breaks:
        return None
    parts: list[str] = []
    back: list[int] = []
    pos = 0
    for nl in breaks:
        a = nl
        while a > pos and text[a - 1] in " \t":
            a -= 1
        b = nl + 1
        while b < len(text) and text[b] in " \t":
            b += 1
        parts.append(text[pos:a])
        back.extend(range(pos, a))
        if a > pos and b < len(text) and _LATIN.match(text[a - 1]) and _LATIN.match(text[b]):
            parts.append(" ")
            back.append(nl)
        pos = b
    parts.append(text[pos:])
    back.extend(range(pos, len(text)))
    return "".join(parts), back



# ---- the first two characters of a pattern's matches (a second lookahead after opening_with's) ----
# A position whose character can open a match is often a common one (一 of 一步, 中 of 中心, 本 of
# 本单位); where the pattern is a long alternation, trying it there costs microseconds. Read from
# the pattern's parse tree, the characters that can follow each first character give a lookahead
# (``中华|[上下][半月]|…``) that lets the engine skip such positions with two class tests. The
# reading over-approximates (a lookbehind or a negative lookahead constrains nothing; two categories
# meet as both), so the lookahead never turns a match away: tests/test_speed_pair_gate.py checks it
# on random patterns against their matches.

_ANYCHAR = None  # no constraint on a character
_FREE = (0, _ANYCHAR, _ANYCHAR)


def _category_tests():
    from re import _constants as C

    return {C.CATEGORY_SPACE: re.compile(r"\s"), C.CATEGORY_DIGIT: re.compile(r"\d"),
            C.CATEGORY_WORD: re.compile(r"\w"), C.CATEGORY_NOT_SPACE: re.compile(r"\S"),
            C.CATEGORY_NOT_DIGIT: re.compile(r"\D"), C.CATEGORY_NOT_WORD: re.compile(r"\W")}


class _Pairs:
    """Tokens ``(k, e0, e1)``: a way a (sub)pattern can match, having consumed k characters (0, 1,
    or 2 and more), with text[p] in e0 and text[p + 1] in e1 (frozensets of characters and
    ``("cat", category)`` items, or ``_ANYCHAR``)."""

    def __init__(self) -> None:
        from re import _constants as C

        self.C = C
        self.category = _category_tests()

    def meet(self, a, b):
        """Both constraints on one character (a character is tested against a category; two
        categories are both kept)."""
        if a is _ANYCHAR:
            return b
        if b is _ANYCHAR:
            return a
        out = set(a & b)
        for x, other in ((a, b), (b, a)):
            for c in x:
                if isinstance(c, tuple):
                    for y in other:
                        if isinstance(y, tuple) or self.category[c[1]].fullmatch(y):
                            out.add(c if isinstance(y, tuple) else y)
        return frozenset(out)

    def merge(self, tokens) -> set:
        """Tokens of the same k and e0 as one, their e1 united (the same possibilities)."""
        by: dict = {}
        for k, e0, e1 in tokens:
            old = by.get((k, e0), frozenset())
            by[(k, e0)] = _ANYCHAR if old is _ANYCHAR or e1 is _ANYCHAR else old | e1
        return {(k, e0, e1) for (k, e0), e1 in by.items()}

    def concat(self, a, b) -> set:
        out = set()
        for t in a:
            k, e0, e1 = t
            if k >= 2:
                out.add(t)
                continue
            for k2, f0, f1 in b:
                n0, n1 = (self.meet(e0, f0), self.meet(e1, f1)) if k == 0 else (e0, self.meet(e1, f0))
                if (n0 is _ANYCHAR or n0) and (n1 is _ANYCHAR or n1):
                    out.add((min(2, k + k2), n0, n1))
        return self.merge(out)

    def chars(self, items):
        C, out = self.C, set()
        for op, av in items:
            if op is C.LITERAL:
                out.add(chr(av))
            elif op is C.RANGE and av[1] - av[0] <= 5000:
                out.update(chr(c) for c in range(av[0], av[1] + 1))
            elif op is C.CATEGORY and av in self.category:
                out.add(("cat", av))
            else:  # a negated class, a wide range: any character
                return _ANYCHAR
        return frozenset(out)

    def seq(self, items) -> set:
        acc = {_FREE}
        for op, av in items:
            acc = self.concat(acc, self.one(op, av))
            if all(k >= 2 for k, _e0, _e1 in acc):
                break
        return acc

    def one(self, op, av) -> set:
        C = self.C
        if op is C.LITERAL:
            return {(1, frozenset((chr(av),)), _ANYCHAR)}
        if op is C.IN:
            return {(1, self.chars(av), _ANYCHAR)}
        if op in (C.NOT_LITERAL, C.ANY):
            return {(1, _ANYCHAR, _ANYCHAR)}
        if op is C.BRANCH:
            return self.merge(set().union(*(self.seq(b) for b in av[1])))
        if op is C.SUBPATTERN:
            return self.seq(av[3])
        if op is C.ATOMIC_GROUP:
            return self.seq(av)
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, hi, body = av
            x, cur = self.seq(body), {_FREE}
            for _ in range(lo):
                cur = self.concat(cur, x)
                if all(k >= 2 for k, _e0, _e1 in cur):
                    break
            total, n = set(cur), lo
            while n < hi:  # (until the iterations add nothing new)
                cur = self.concat(cur, x)
                n += 1
                if cur <= total:
                    break
                total |= cur
            return self.merge(total)
        if op is C.ASSERT and av[0] == 1:  # a lookahead constrains what follows, consumes nothing
            return {(0, e0, e1) for _k, e0, e1 in self.seq(av[1])}
        if op is C.ASSERT_NOT and not list(av[1]):
            return set()  # (?!): never matches
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # lookbehinds, negative lookaheads, anchors
            return {_FREE}
        if op is C.GROUPREF_EXISTS:
            return self.seq(av[1]) | (self.seq(av[2]) if av[2] else {_FREE})
        raise ValueError(f"no reading for {op}")  # (a backreference: the caller does without)


def second_chars(pattern: str, flags: int = 0) -> dict | None:
    """First character -> the characters (and ``("cat", category)`` items) the second character of
    a match of ``pattern`` opening with it can be, ``None`` for any; ``None`` for the whole when a
    match may open with any character or the pattern cannot be read.

    >>> sorted((c, "".join(sorted(s))) for c, s in second_chars(r"(?<!不)去年|近年|中华民国|中(?=[旬秋])").items())
    [('中', '华旬秋'), ('去', '年'), ('近', '年')]
    """
    from re import _parser

    try:
        pairs = _Pairs()
        tokens = pairs.seq(_parser.parse(pattern, flags).data)
    except (ValueError, AttributeError, ImportError):
        return None
    out: dict = {}
    for _k, e0, e1 in tokens:
        if e0 is _ANYCHAR or any(isinstance(c, tuple) for c in e0):
            return None
        for c in e0:
            old = out.get(c, frozenset())
            out[c] = None if old is None or e1 is _ANYCHAR else old | e1
    return out


def pair_lookahead(pattern: str, flags: int = 0) -> str:
    r"""A lookahead on the first two characters of every match of ``pattern`` (``second_chars``),
    or ``""`` when none can be read. First characters with the same followers share a branch.

    >>> pair_lookahead(r"(?<!不)去年|近年|中华|[12]\s?年")
    '(?=[12][\\s年]|中华|[去近]年)'
    """
    follow = second_chars(pattern, flags)
    if not follow:
        return ""
    groups: dict = {}
    for c, after in follow.items():
        groups.setdefault(after, []).append(c)

    from re import _constants as C

    cats = {C.CATEGORY_SPACE: r"\s", C.CATEGORY_DIGIT: r"\d", C.CATEGORY_WORD: r"\w",
            C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_NOT_WORD: r"\W"}

    def cls(items) -> str:
        body = "".join(cats[x[1]] if isinstance(x, tuple) else re.escape(x) for x in sorted(items, key=str))
        return body if len(items) == 1 else f"[{body}]"

    branches = [cls(firsts) + ("" if after is None else cls(after))
                for after, firsts in sorted(groups.items(), key=lambda kv: sorted(kv[1]))]
    return "(?=" + "|".join(branches) + ")"
