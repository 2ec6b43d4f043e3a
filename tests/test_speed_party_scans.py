"""The cheap scans of the party extractor give what the slow walks they replace gave (issue 12):
each fast path is checked against the plain one, on random strings and on the corpora."""

from __future__ import annotations

import random
import re
from pathlib import Path

from nlp.extract import parties_chrome as chrome
from nlp.extract import parties_clauses as pc
from nlp.extract import parties_names as pn
from nlp.extract.parties_labels import TABLE_OFFICE_ENDINGS, _table_word_chars
from nlp.extract.parties_patterns import Context
from nlp.extract.parties_people import block_tokens, candidate_spans, tokens
from nlp.normalize import normalize_text
from nlp.read import read_file
from nlp.text import fold_width

ROOT = Path(__file__).resolve().parents[1]


def _texts() -> list[str]:
    paths = sorted((ROOT / "corpora" / "seeds").glob("*.txt"))
    for name in ("heldout", "heldout2"):
        paths += sorted((ROOT / "corpora" / name / "docs").iterdir())
    return [fold_width(normalize_text(read_file(p).text).text) for p in paths]


def _walked(text: str, start: int, end: int, separators: str) -> list[tuple[int, int]]:
    pieces = pn.bracket_pieces(text, start, end, lambda i, _: int(text[i] in separators), separators)
    return [(a, b) for a, b in pieces if b > a]


def test_split_outside_gives_the_bracket_walks_pieces():
    rng = random.Random(5)
    alphabet = list("甲乙丙、,:;/ \t\n“(《[「”)》]」ab")
    for _ in range(30_000):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        a = rng.randint(0, len(t))
        b = rng.randint(a, len(t))
        seps = rng.choice(["、", ",:", "、, \t\n", "/、,,", ",;", "、(", ")、"])
        assert pn.split_outside(t, a, b, seps) == _walked(t, a, b, seps), (t, a, b, seps)


def test_needles_within_finds_every_needle_word():
    rng = random.Random(7)
    words = sorted(pc._cue_needles()[1])
    pool = "".join(words) + "甲乙,"
    for _ in range(3000):
        clause = "".join(rng.choice(words) if rng.random() < 0.3 else rng.choice(pool) for _ in range(rng.randint(0, 12)))
        text = "前" + clause + "后"
        assert pc._needles_within(text, 1, 1 + len(clause)) == pc._present_needles(clause), clause


def test_a_clause_without_a_name_ending_character_yields_no_party():
    """What _clause_parties is spared by sentence_parties' guard (parties_names.may_end_name)."""
    seen = 0
    for text in _texts():
        for s, e in pc.sentences(text):
            for a, b in pc._clauses(text, s, e):
                if not pn.may_end_name(text, a, b):
                    seen += 1
                    assert pc._clause_parties(text, a, b, Context()) == [], text[a:b]
    assert seen > 100


# the credit labels as they were written before one alternative per label
_OLD_LABEL = (r"(?:(?:(?:特约|实习|本报|本台|首席)?记者|通讯员|责任编辑)[ \t]*[:/]?|(?:编辑|责编|作者|撰稿|撰文|图文|摄影|摄像"
              r"|校对|录入|排版|审核|审校|核稿|发布人|供稿|来源)[ \t]*[:/])[ \t]*")
_OLD_CREDITS = re.compile(rf"{_OLD_LABEL}(?P<names>{chrome._CREDIT_NAME}(?:[ \t、,]+(?:{_OLD_LABEL})?"
                          rf"{chrome._CREDIT_NAME})*)(?:[ \t]+(?:摄|报道))?")


def test_credit_labels_match_as_before():
    rng = random.Random(1)
    alphabet = list("特约实习本报台首席记者通讯员责任编辑责编作撰稿文图摄影像校对录入排版审核校稿发布人供来源王李张某敏") + list(" \t:/、,\n)(|")
    for _ in range(30_000):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
        assert ([(m.span(), m.group("names")) for m in chrome.CREDITS.finditer(t)]
                == [(m.span(), m.group("names")) for m in _OLD_CREDITS.finditer(t)]), t


def test_credit_spans_skip_the_byline_scan_only_where_it_finds_nothing():
    for text in _texts():
        if "讯" not in text and "报道" not in text:
            assert chrome._BYLINE.search(text) is None


def test_block_tokens_keep_every_person_and_section_token():
    wanted = _table_word_chars()
    for text in _texts():
        for a in range(0, len(text), 8000):
            b = min(len(text), a + 8000)
            full, part = tokens(text, a, b), block_tokens(text, a, b, wanted)
            assert set(part) <= set(full)
            assert candidate_spans(text, toks=part) == candidate_spans(text, toks=full)
            assert ([t for t in part if 3 <= len(t[2]) <= 6 and t[2].endswith(TABLE_OFFICE_ENDINGS)]
                    == [t for t in full if 3 <= len(t[2]) <= 6 and t[2].endswith(TABLE_OFFICE_ENDINGS)])


def test_cues_within_windows_are_the_documents_cues_there():
    from nlp.extract import parties_model as pm

    words = list(dict.fromkeys(pm.CUES))
    assert not [w for w in words if any(w[-k:] == w[:k] for k in range(1, len(w)))]  # none overlaps itself
    rng = random.Random(11)
    for text in _texts():
        windows = []
        for _ in range(60):
            lo = rng.randint(0, len(text))
            windows.append((lo, min(len(text), lo + rng.randint(1, 60))))
        every = pm._cues_at(text)
        got = set(pm._cues_within(text, windows))
        for lo, hi in windows:
            assert {c for c in every if lo <= c[0] and c[1] <= hi} <= got
        assert got <= set(every)


def test_a_list_whose_first_piece_cannot_end_a_name_has_no_items():
    """What parties_lists._items is spared: its first item ends where the first piece does, and a
    township item (PLACE_ITEM) ends like a name too."""
    from nlp.extract import parties_lists as pl

    assert all(pn.may_end_name(ending, 0, 1) for ending in ("镇", "乡", "道", "区"))
    spared = 0
    for text in _texts():
        for m in pl.CLAUSE_RX.finditer(text):
            pieces = pn.split_outside(text, m.start(), m.end(), "、")
            if len(pieces) < 2:
                continue
            a, b = pn.strip_span(text, *pieces[0])
            if b > a and not pn.may_end_name(text, b - 1, b):
                spared += 1
                assert pl._first_item(text, *pieces[0]) is None, text[m.start():m.end()]
    assert spared > 50
