"""nlp.numerals: the one numeral reader (regex fragments and parse_number)."""

from __future__ import annotations

import re
import time

import pytest

from nlp import numerals as numbers
from nlp.numerals import parse_number


@pytest.mark.parametrize("text, value", [
    ("70", 70.0),
    ("0.5", 0.5),
    ("1,200", 1200.0),
    ("三", 3.0),
    ("十", 10.0),
    ("十二", 12.0),
    ("二十三", 23.0),
    ("一百二十", 120.0),
    ("一百零五", 105.0),
    ("两", 2.0),
    ("两千", 2000.0),
    ("三万五千", 35000.0),
    ("二〇一〇", 2010.0),
    ("3万", 30000.0),
    ("1.5万", 15000.0),
    ("一千二", 1200.0),
    ("三百五", 350.0),
    ("两万五", 25000.0),
    ("一亿二", 120000000.0),
    ("两万零五", 20005.0),
    ("七千零八十", 7080.0),
    ("十五万", 150000.0),
    ("一万二千三百四十五", 12345.0),
    ("三点五", 3.5),
    ("九十点五", 90.5),
    ("半", 0.5),
    ("7,000", 7000.0),
    ("７０", 70.0),
    ("１，２００", 1200.0),
    ("壹佰贰拾", 120.0),
    ("叁萬", 30000.0),
    ("廿五", 25.0),
    ("十万八千", 108000.0),
    ("一千二百万", 12000000.0),
    ("0.5万", 5000.0),
    ("1.2亿", 120000000.0),
    ("二零二四", 2024.0),
    ("点五", None),
    ("三点", None),
    ("万", None),
    ("", None),
    ("x", None),
    ("十十", None),
    ("三个", None),
], ids=lambda v: repr(v))
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("unit", ["1", "1.", "一十", "〇", "1,", "十百千万亿"])
def test_number_fragment_is_linear_on_hostile_text(unit):
    hostile = unit * (100_000 // len(unit)) + "x"
    t0 = time.process_time()
    list(re.finditer(numbers.NUMBER, hostile))
    assert time.process_time() - t0 < 1.0


@pytest.mark.parametrize("style, marker, ordinal", [
    ("cn", "三、", 3), ("cnp", "(十二)", 12), ("tiao", "第一百零一条", 101), ("zhang", "第二十章", 20),
    ("cn", "贰、", 2), ("cn", "参、", 3), ("cn", "拾壹、", 11), ("tiao", "第12条", 12),
])
def test_outline_ordinals_are_read_by_the_one_numeral_reader(style, marker, ordinal):
    from nlp.outline import _ordinal

    assert _ordinal(style, marker) == ordinal
