"""The fast paths of the party rules give the same answers as the plain per-character readings."""

from __future__ import annotations

import random

from nlp.extract import parties_clauses as pc
from nlp.extract import parties_names as pn
from nlp.text import COMMAS

ALPHABET = "局办组委院所校镇县市区和及、,,:“”()《》[]「」—某甲乙丙中心科股室领导小组卫生健康 \n"


def _texts(n: int = 400, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    pool = ALPHABET + "".join(pn._suffixes_by_last_char())[:200]
    return ["".join(rng.choice(pool) for _ in range(rng.randint(0, 40))) for _ in range(n)]


def _plain_pieces(text, start, end, cut):
    out, depth, p_start, i = [], 0, start, start
    while i < end:
        ch = text[i]
        if ch in pn.OPENERS:
            depth += 1
        elif ch in pn.CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0 and (width := cut(i, p_start)):
            out.append((p_start, i))
            p_start = i = i + width
            continue
        i += 1
    out.append((p_start, end))
    return out


def _plain_name_end(text, start, end, stop=None):
    stop = stop or pn._STOP_RX
    by_last = pn._suffixes_by_last_char()
    depth, opened = 0, start
    for i in range(start, end):
        ch = text[i]
        if ch in "“(《":
            if not depth:
                opened = i if ch == "(" else start
            depth += 1
        elif ch in "”)》":
            depth = max(0, depth - 1)
        if depth:
            continue
        # a name with a bracketed note ends after the note (a 以下简称 note: before it)
        at = i if ch == "”" else opened if ch == ")" and opened > start else i + 1
        candidates = by_last.get(text[at - 1], ()) if at > start else ()
        if any(text.startswith(s, at - len(s)) and at - len(s) >= start for s in candidates):
            if ch == ")" and pn._NOTE_RX.search(text, opened, i):
                return opened
            if stop.match(text, i + 1, end) or i + 1 == end:
                return i + 1
    return None


def test_bracket_pieces_with_separator_chars_matches_plain_reading():
    for text in _texts():
        for a in range(0, len(text) + 1, 3):
            def cut(i, p_start, text=text):
                if text[i] == "、" or text[i] in COMMAS:
                    return 1
                if text[i] in "和及" and i > p_start:
                    return 1
                return 2 if text.startswith("——", i) and i > p_start else 0

            fast = pn.bracket_pieces(text, a, len(text), cut, "、" + COMMAS + "和及—")
            assert fast == _plain_pieces(text, a, len(text), cut), text


def test_name_end_matches_plain_reading():
    for text in _texts():
        for a in range(0, len(text) + 1, 2):
            assert pn.name_end(text, a, len(text)) == _plain_name_end(text, a, len(text)), text


def test_present_needles_match_every_word_tried():
    all_needles = pc._cue_needles()[1]
    words = sorted(all_needles)
    rng = random.Random(3)
    for text in _texts():
        clause = text + "".join(rng.choice(words) for _ in range(rng.randint(0, 3)))
        assert pc._present_needles(clause) == {w for w in all_needles if w in clause}


def test_split_outside_keeps_bracketed_separators():
    text = "甲局(乙、丙),丁局“戊,己”:庚"
    pieces = [text[a:b] for a, b in pn.split_outside(text, 0, len(text), COMMAS + ":")]
    assert pieces == ["甲局(乙、丙)", "丁局“戊,己”", "庚"]


def _corpus_texts():
    from pathlib import Path

    from nlp.normalize import normalize_text
    from nlp.read import read_file

    root = Path(__file__).resolve().parent.parent.parent / "corpora"
    for folder in ("seeds", "heldout/docs", "heldout2/docs"):
        for path in sorted((root / folder).glob("*")):
            if path.suffix not in (".tsv", ".md"):
                yield normalize_text(read_file(path).text).text


def test_patterns_scanned_from_their_separators_find_what_the_lookbehind_finds():
    """The party patterns that open after a separator (``nlp.text.OpensAfter``) give the matches of
    their lookbehind form: the same spans and groups, on the corpus and on runs of separators,
    dates, names and purposes packed together (a match ending on a line break, matches side by side)."""
    from nlp.extract.parties_model import _TOKEN
    from nlp.extract.parties_patterns import compiled
    from nlp.extract.parties_persons import _PURPOSE_SUBJECT

    rng = random.Random(11)
    pool = ["。", "\n", "、", ",", ";", ":", " ", "(", ")", "王琛", "孙洪亮", "王 琛", "某局", "某县人民政府",
            "2023年3月1日", "2023年\n3月", "二〇二三年三月一日", "为进一步", "为了加强", "附件", "某某街道办事处"]
    packed = ["".join(rng.choice(pool) for _ in range(rng.randint(0, 30))) for _ in range(800)]
    texts = packed + list(_corpus_texts())
    for rx in (_TOKEN, compiled()["signature_run"], _PURPOSE_SUBJECT):
        for text in texts:
            want = [(m.span(), m.groupdict()) for m in rx.pattern.finditer(text)]
            assert [(m.span(), m.groupdict()) for m in rx.finditer(text)] == want, (rx.pattern.pattern[:30], text)


def test_opener_without_wire_branches_matches_alike_where_no_wire_word_is():
    """acting_units reads a clause with no 讯 and no 日电 with the opener shorn of the wire dateline
    branches (they need one of them): the same match, at every clause start of the corpus and of
    packed openers."""
    from nlp.extract.parties_subjects import _compiled

    rx = _compiled()
    rng = random.Random(5)
    pool = ["日前", "据悉", ",", "。", " ", "【", "】", "(记者 某某)", "6月27日下午", "2023年", "某某日报", "报 ",
            "网", "讯", "日电", "北京7月29日", "某局", "经过", "首先", ")", ":"]
    texts = ["".join(rng.choice(pool) for _ in range(rng.randint(0, 16))) for _ in range(3000)] + list(_corpus_texts())
    for text in texts:
        for start, end in pc.sentences(text):
            for a, b in pc._clauses(text, start, end):
                if text.find("讯", a, b) < 0 and text.find("日电", a, b) < 0:
                    want = rx["opener"].match(text, a, b)
                    assert rx["opener_plain"].match(text, a, b).end() == want.end(), text[a:b]


def test_sentence_breaks_are_the_plain_pattern_s():
    """The sentence breaks read as one class (then the text's end) are the matches of
    ``[。;!?…\\n\\t]|\\s{3,}|$``: on the corpus and on runs of stops, breaks, tabs and spaces."""
    import re

    from nlp.text import SEMICOLONS, STOPS

    plain = re.compile(rf"[{STOPS}{SEMICOLONS}\n\t]|\s{{3,}}|$")
    rng = random.Random(13)
    texts = ["".join(rng.choice("a。;;\n\t  \u3000x!?！？") for _ in range(rng.randint(0, 20))) for _ in range(5000)]
    for text in texts + list(_corpus_texts()):
        want = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in pc._SENTENCE_BREAK.finditer(text)] + [(len(text), len(text))] == want, text
