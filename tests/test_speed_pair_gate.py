"""The second lookahead read from a pattern's parse tree (``nlp.text.pair_lookahead``) never turns
a match away (issue 12): on random patterns against random texts, and on the date grammar against
the corpora."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from nlp.text import pair_lookahead, second_chars

ROOT = Path(__file__).resolve().parents[1]
ALPHABET = "ab1 年月-"


def _atom(rng: random.Random, depth: int) -> str:
    roll = rng.random()
    if depth > 2 or roll < 0.35:
        return re.escape(rng.choice(ALPHABET))
    if roll < 0.45:
        return rng.choice([r"\s", r"\d", "[ab]", "[^a]", "[1-9]", "[年月]"])
    if roll < 0.55:
        return "(?:" + "|".join(_seq(rng, depth + 1) for _ in range(rng.randint(2, 3))) + ")"
    if roll < 0.65:
        return "(?:" + _seq(rng, depth + 1) + ")" + rng.choice(["?", "*", "+", "{2}", "{0,3}", "{2,}?", "?+"])
    if roll < 0.72:
        return "(?=" + _seq(rng, depth + 1) + ")"
    if roll < 0.78:
        return "(?!" + _seq(rng, depth + 1) + ")"
    if roll < 0.84:
        return "(?<=" + re.escape(rng.choice(ALPHABET)) + ")"
    if roll < 0.88:
        return rng.choice(["^", "$", r"\b"])
    if roll < 0.92:
        return "(?>" + _seq(rng, depth + 1) + ")"
    return "(?P<g%d>" % rng.randint(0, 10**6) + _seq(rng, depth + 1) + ")"


def _seq(rng: random.Random, depth: int = 0) -> str:
    return "".join(_atom(rng, depth) for _ in range(rng.randint(1, 3)))


def test_the_pair_lookahead_keeps_every_match_of_random_patterns():
    rng = random.Random(12)
    texts = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 12))) for _ in range(150)]
    gated_patterns = 0
    for _ in range(1500):
        pattern = "|".join(_seq(rng) for _ in range(rng.randint(1, 3)))
        try:
            plain = re.compile(pattern)
        except re.error:
            continue
        follow = second_chars(pattern)
        gate = pair_lookahead(pattern)
        gated = re.compile(gate + "(?:" + pattern + ")")
        gated_patterns += bool(gate)
        for text in texts:
            for i in range(len(text) + 1):
                m = plain.match(text, i)
                if m is None:
                    continue
                assert gated.match(text, i) is not None, (pattern, gate, text, i)
                if follow is not None:  # the table itself: the first character, then the second
                    assert text[i:i + 1] in follow, (pattern, text, i)
    assert gated_patterns > 300


def test_a_pattern_that_opens_with_any_character_gets_no_lookahead():
    assert pair_lookahead("a|[^b]c") == ""
    assert pair_lookahead(r"a|(?:x)?") == ""  # (it may match the empty string)
    assert second_chars(r"(a)\1") is None  # (a backreference is not read)


@pytest.mark.parametrize("roc", [False, True])
def test_the_date_grammar_finds_the_same_dates_behind_its_pair_lookahead(roc):
    from nlp.extract.dates import _date_grammar, _date_pattern, _first_chars

    head, grammar = f"(?={_first_chars()})", _date_grammar(roc)
    fast = _date_pattern(roc)
    gate = pair_lookahead(grammar)
    assert gate and fast.pattern == head + gate + grammar  # the pair lookahead is read and in place
    plain = re.compile(head + grammar)
    texts = [p.read_text(encoding="utf-8", errors="replace")
             for folder in ("corpora/seeds", "corpora/heldout/docs", "corpora/heldout2/docs")
             for p in sorted((ROOT / folder).glob("*.txt"))]
    texts.append("“七一”建党节前,建党节,建设,教师节期间,国庆节前,“五一”劳动节,元旦前,中华民国一一二年,民國113年,"
                 "本年度,上半年,下月10日,一季度,一九九八年,二〇二四年 5 月,第三季度,前三季度,年底前,今(30)日,"
                 "到2025年底,至7月底,(2024)年,—2012年,1 月,12 月 31 日,3·15国际消费者权益日,98年至102年")
    for text in texts:
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == \
               [(m.span(), m.groupdict()) for m in plain.finditer(text)]
