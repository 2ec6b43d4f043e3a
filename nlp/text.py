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


def unwrap(text: str) -> str:
    """``text`` with the line breaks of its wrapping read as spaces, one character for one (offsets
    stay): in a text wrapped at a page's width, a full line that ends with no stop goes on on the
    next line, unless that line opens an item (一、, (二), 3.). Other texts come back as they are."""
    width = wrap_width(text)
    if width is None:
        return text
    out = list(text)
    start = 0
    while True:
        nl = text.find("\n", start)
        if nl < 0:
            break
        line = text[start:nl]
        nxt = text[nl + 1:nl + 12]
        if (len(line) >= width - 1 and line.rstrip()[-1:] not in _WRAP_ENDS and nxt.strip()
                and not _LINE_OPENS_ITEM.match(nxt.lstrip())):
            out[nl] = " "
        start = nl + 1
    return "".join(out)

