"""The cheap tests that let the clause parser skip work (issue 12) skip only what cannot match."""

from __future__ import annotations

import importlib.util
import random
import re
from pathlib import Path

import pytest

re_parser = pytest.importorskip("re._parser")


def _first_chars():
    spec = importlib.util.spec_from_file_location("first_chars", Path(__file__).parent.parent / "test_first_chars.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_body_firsts_hold_every_first_character_of_item_and_filler():
    from nlp.extract.parties_clauses import _BODY_FIRSTS
    from nlp.extract.parties_patterns import compiled

    fc = _first_chars()
    for key in ("item", "filler"):
        chars, free = fc._first(re_parser.parse(compiled()[key].pattern).data)
        assert not free and chars is not fc.ANY
        assert chars <= _BODY_FIRSTS, (key, sorted(chars - _BODY_FIRSTS))


SENTENCES = [
    "(一)宣传发动阶段(4月)同时各学校要成立工作领导小组",
    "六、工作要求各乡镇卫生院要落实责任",
    "  第二阶段:县卫生局负责督导检查,并由疾控中心牵头",
    "其中,县医保局、县药监局按职责分工配合",
    "请各单位于月底前报送材料",
    "一是加强领导,二是强化督查,3.县教育局要做好宣传",
]


def test_clause_body_start_and_needles_as_before():
    """The prefilter and the needle scan give what the plain loop and the slice give."""
    import nlp.extract.parties_clauses as pc
    from nlp.extract.parties_patterns import compiled

    def plain_body_start(text, start, end, headings=frozenset()):
        rx, pos = compiled(), start
        while pos < end:
            while pos < end and text[pos].isspace():
                pos += 1
            for key in ("item", "stage", "filler"):
                m = rx[key].match(text, pos, end)
                if m and m.end() > pos:
                    pos = m.end()
                    if key == "item":
                        pos = pc._skip_heading(text, pos, end, headings)
                    break
            else:
                break
        return pos

    rng = random.Random(12)
    text = "".join(SENTENCES)
    for _ in range(3000):
        a = rng.randrange(len(text))
        b = rng.randrange(a, len(text) + 1)
        assert pc._clause_body_start(text, a, b) == plain_body_start(text, a, b), (a, b)
        assert pc._needles_within(text, a, b) == pc._present_needles(text[a:b]), (a, b)


def test_applicable_cues_are_the_cues_whose_needles_are_all_present():
    """The per-set cache of cues gives, in cue order, exactly the cues every needle of which the
    clause holds (the loop over all cues it replaces), for random sets and for real clauses."""
    import nlp.extract.parties_clauses as pc

    needles_of = pc._cue_needles()[0]
    words = sorted(pc._cue_needles()[1])

    def plain(present):
        return tuple(k for k in range(len(needles_of)) if needles_of[k] <= present)

    rng = random.Random(7)
    sets = [frozenset(), frozenset(words)] + [frozenset(rng.sample(words, rng.randrange(1, 8))) for _ in range(400)]
    sets += [frozenset(needles_of[k]) for k in range(len(needles_of))]  # each cue's own needles, alone
    text = "".join(SENTENCES)
    sets += [frozenset(pc._needles_within(text, a, b)) for a in range(0, len(text), 7) for b in (a + 10, a + 40)]
    for present in sets:
        assert pc.applicable_cues(present) == plain(present), sorted(present)
        assert pc.applicable_cues(present) == plain(present)  # and again, from the cache


PIECES = ["某县卫生局办公室", "某局", " ", "  ", "\n", "\t", "2010年6月25日", "2023年12月1日", "印发", "印 发",
          "文件", ",", "。", ":", "关于", "12", "2010", "年", "日", "办公室", "x"]


def _random_texts(seed: int, n: int = 3000):
    rng = random.Random(seed)
    for _ in range(n):
        yield "".join(rng.choice(PIECES) for _ in range(rng.randrange(1, 14)))


def test_printed_scan_from_its_bound_finds_every_match():
    """``_printed_from``: no match of PRINTED starts before the bound, and None only when the text
    has no match at all (random texts of names, spaces, dates and 印发)."""
    from nlp.extract.parties_patterns import compiled
    from nlp.extract.parties_structure import _printed_from

    rx = compiled()["printed"]
    seen = 0
    for text in _random_texts(5):
        spans = [m.span() for m in rx.finditer(text)]
        pos = _printed_from(text)
        if pos is None:
            assert spans == [], text
            continue
        assert [m.span() for m in rx.finditer(text, pos)] == spans, (text, pos)
        seen += bool(spans)
    assert seen > 50  # the random texts do hold the line it reads
    text = "某县卫生局办公室" + " " * 50 + "2010年6月25日印发"  # a long run of spaces before the date
    assert _printed_from(text) == 0 and rx.search(text, _printed_from(text)).group("name") == "某县卫生局办公室"


def test_counted_posts_hold_their_count_word():
    """news_people reads COUNTED only in sentences holding COUNT_WORD: every match holds one."""
    from nlp.extract.parties_persons import COUNT_WORD, COUNTED

    rng = random.Random(9)
    parts = ["王某", "李某某", "、", "和", "及", "两位", "三位", "几位", "副局长", "位", "两", "同志"]
    hits = 0
    for _ in range(5000):
        text = "".join(rng.choice(parts) for _ in range(rng.randrange(1, 12)))
        for m in COUNTED.finditer(text):
            hits += 1
            assert COUNT_WORD.search(text, m.start(), m.end()), text
    assert hits > 100
    counts = re.search(r"\(\?:([^()]*)\)位", COUNTED.pattern).group(1).split("|")  # the pattern's own words
    assert counts and all(COUNT_WORD.fullmatch(c + "位") for c in counts), counts


def test_printed_bound_reads_the_longest_name_of_the_pattern():
    from nlp.extract.parties_patterns import PRINTED
    from nlp.extract.parties_structure import _PRINTED_NAME

    assert int(re.search(r"\{2,(\d+)\}\?\)", PRINTED).group(1)) == _PRINTED_NAME
