"""Names of people for the party extractor: jieba's person tags, filtered by family name.

``candidate_spans(text, ner=...)`` is the seam for a NER model: the rule spans come from jieba
(``nr`` tokens of two to four characters that open with a common family name and are not common
words); a model's person spans, when ``ner="hanlp"`` is wired in, are merged with them there.
jieba is imported inside; a private ``jieba.Tokenizer`` (never the process-wide default) is
initialised once per process with the user dictionary of administrative bodies
(``nlp/data/jieba_user_dict.txt``) so sections such as 医政股 are not glued to the names beside them.
"""

from __future__ import annotations

import re
from functools import cache

from nlp.extract.parties_lexicon import org_suffixes, role_words, surname_ranks, surnames
from nlp.text import COMMAS, without_spaces

Span = tuple[int, int, str]  # start, end, normalized name

MAX_JIEBA_CHARS = 200_000  # beyond this, person names are looked for only near labels


def _jieba():
    """The private jieba tokenizer and tagger with the user dictionary (``nlp.tokenize``): jieba's
    process-wide default is never used nor modified, so other stages cut text as they would
    without us."""
    from nlp.tokenize import user_tokenizer

    return user_tokenizer()


_TWO_OR_THREE = re.compile(r"[\u4e00-\u9fff]{2,3}")
# a name transcribed from another language: parts joined by a middle dot (买买提·阿不力米提)
TRANSCRIBED_NAME = r"[\u4e00-\u9fff]{2,7}(?:[·•‧・][\u4e00-\u9fff]{2,7}){1,2}"
_TRANSCRIBED = re.compile(TRANSCRIBED_NAME)


def is_person_name(word: str) -> bool:
    """Two or three Chinese characters opening with a common family name, not a placeholder nor a
    word the lexicons give to a body or a post (党组, 党委, 管委会, 卫生院, 董事长: 党, 管, 卫, 董
    are family names too); or a name transcribed from another language, its parts joined by a
    middle dot (``买买提·阿不力米提``, as Uyghur, Kazakh and foreign names are written)."""
    if not 2 <= len(word) <= 3 or not _TWO_OR_THREE.fullmatch(word):
        return 5 <= len(word) <= 16 and _TRANSCRIBED.fullmatch(word) is not None
    names = surnames()
    return (word[0] in names or (len(word) >= 3 and word[:2] in names)) and word not in _body_words()


@cache
def _body_words() -> frozenset[str]:
    """The endings of bodies, units and posts (``org_suffixes.tsv``, ``roles.tsv``) of two or three
    characters, and the words that qualify a post (``POST_QUALIFIERS``): never a person's name."""
    return frozenset(w for w in (*org_suffixes(), *role_words(), *POST_QUALIFIERS) if 2 <= len(w) <= 3)


POST_QUALIFIERS = ("常务", "分管", "主管", "专职")  # 常务副县长: 常 is a family name too


def thing_word(word: str) -> bool:
    """A word of jieba's dictionary that names a thing or an act, not a person (安全帽, 工作组,
    安全员, 查房: 查 is a family name too)."""
    from nlp.tokenize import tagged

    toks = list(tagged(word))
    return len(toks) == 1 and not toks[0][1].startswith("nr")


def tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str, str]]:
    """jieba's (start, end, word, tag) tokens of ``text[start:end]``, offsets into ``text``."""
    end = len(text) if end is None else min(end, len(text))
    if end <= start or end - start > MAX_JIEBA_CHARS:
        return []
    from nlp.tokenize import tagged

    out = []
    pos = start
    for word, flag in tagged(text[start:end]):  # jieba.posseg's cut (the user tagger), faster
        at = pos if text.startswith(word, pos, end) else text.find(word, pos, end)
        if at < 0:
            continue
        pos = at + len(word)
        out.append((at, pos, word, flag))
    return out


def block_tokens(text: str, start: int, end: int, wanted: re.Pattern) -> list[tuple[int, int, str, str]]:
    """``tokens(text, start, end)`` of the word blocks (jieba's runs of Han characters, letters and
    digits) in which ``wanted`` finds a character; the others are never cut. jieba cuts each block
    alone, so a block's tokens are the same whether it is cut alone or with its neighbours: the
    kept blocks are cut in runs (a run ends at a block that is left out)."""
    from nlp.tokenize import word_blocks

    runs: list[list[int]] = []
    joined = False  # whether the last block was kept (the next kept one joins its run)
    for a, b in word_blocks(text, start, end):
        if wanted.search(text, a, b) is None:
            joined = False
        elif joined:
            runs[-1][1] = b
        else:
            runs.append([a, b])
            joined = True
    out = []
    for a, b in runs:
        out += tokens(text, a, b)
    return out


def candidate_spans(text: str, *, ner: str = "auto", start: int = 0, end: int | None = None,
                    toks: list[tuple[int, int, str, str]] | None = None) -> list[Span]:
    """Spans of people's names in ``text[start:end]`` (offsets into ``text``), in reading order.

    ``ner`` other than "rules" will add a model's spans here; for now every value uses the rules.
    """
    tokenizer, _ = _jieba()
    freq = tokenizer.FREQ
    out: list[Span] = []
    for at, stop, word, flag in (tokens(text, start, end) if toks is None else toks):
        # jieba tags some common words nr (许可证, 公正); a real name is rare in its dictionary
        if flag == "nr" and is_person_name(word) and freq.get(word, 0) < 10:
            out.append((at, stop, word))
    return out


def person_names_in(text: str, start: int, end: int, people: list[Span]) -> list[Span]:
    """People listed in ``text[start:end]`` after a label: ``刘石溪 邓英明 鲍 明`` or ``甘筱华序号…``.

    Space-separated names are taken as written (a one-character piece joins the next:
    ``鲍 明`` -> 鲍明); a run without separators yields the tagged name it opens with. In a
    、-list a rare family name does not end it (``蒋某、裘某、祝某``: two or three characters that
    are no common word), and names in brackets are read too (``医务(范某、魏某)``).
    """
    out: list[Span] = []
    pieces = [(m.start(), m.end()) for m in re.finditer(rf"[^\s、{COMMAS}()]+", text[start:end])]
    pieces = [(start + a, start + b) for a, b in pieces]
    merged: list[tuple[int, int]] = []
    for a, b in pieces:
        if merged and (merged[-1][1] - merged[-1][0] == 1) and b - a <= 2:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    listed = "、" in text[start:end]
    for a, b in merged:
        name = without_spaces(text[a:b])
        if is_person_name(name) and len(name) <= 3:
            out.append((a, b, name))
            continue
        glued = glued_names(name) if " " not in text[a:b] and "\t" not in text[a:b] else None
        if glued:  # 李某勇刘某林陈勇: a roster's names typed with no separator
            out += [(a + i, a + j, name[i:j]) for i, j in glued]
            continue
        tagged = [p for p in people if p[0] == a]
        if tagged:
            out.append(tagged[0])
            continue
        if listed and out and rare_word(name):
            out.append((a, b, name))
            continue
        if listed and len(name) <= 4 and text[b:b + 1] == "(":
            continue  # 医务(范某、魏某): a group's name before its people
        break
    return out


def glued_names(word: str) -> list[tuple[int, int]] | None:
    """``李长勇刘象林陈勇`` -> the spans of the people's names typed with no separator, or None.

    Every piece is a name of two or three characters opening with a family name that is no word of
    jieba's dictionary; of several ways to cut, the one whose family names are the most common wins
    (surnames.tsv is in order of frequency)."""
    n = len(word)
    if not 4 <= n <= 24 or not re.fullmatch(r"[\u4e00-\u9fff]+", word):
        return None
    rank = surname_ranks()
    tokenizer, _ = _jieba()
    best: list[tuple[float, list[tuple[int, int]]] | None] = [None] * (n + 1)
    best[0] = (0.0, [])
    for i in range(n):
        if best[i] is None:
            continue
        for k in (2, 3):
            j = i + k
            piece = word[i:j]
            if j > n or not is_person_name(piece) or tokenizer.FREQ.get(piece, 0) >= 500:
                continue
            cost = best[i][0] + rank.get(piece[:2], rank.get(piece[0], 500))
            if best[j] is None or cost < best[j][0]:
                best[j] = (cost, best[i][1] + [(i, j)])
    return best[n][1] if best[n] and len(best[n][1]) >= 2 else None


def common_word(word: str) -> bool:
    """A word of jieba's dictionary used often enough to be no person's name (党委, 主任)."""
    tokenizer, _ = _jieba()
    return tokenizer.FREQ.get(word, 0) >= 500


def rare_word(word: str) -> bool:
    """Two or three Chinese characters that jieba's dictionary does not know as a word."""
    if not 2 <= len(word) <= 3 or not _TWO_OR_THREE.fullmatch(word):
        return False
    tokenizer, _ = _jieba()
    return tokenizer.FREQ.get(word, 0) == 0 and tokenizer.FREQ.get(word[:2], 0) < 1000
