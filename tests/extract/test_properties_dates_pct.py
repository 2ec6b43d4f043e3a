"""Invariants of find_dates and find_percentages on arbitrary text (hypothesis).

Never raises, every mention's text is text[start:end], values keep the contract's shape,
mentions come in reading order, and run time grows linearly with the length of the input.
"""

from __future__ import annotations

import re
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp.extract.dates import find_dates
from nlp.extract.percentages import find_percentages

# The characters these grammars are made of, so random text often comes close to a match.
GRAMMAR = ("0123456789年月日号旬上中下初底末半季度第前后之以开始起至到~～-–—－,.、 xX*×“”()"
           "今明去本元〇○零一二两三四五六七八九十百千万亿暑期假寒七一每%‰/达不低于超过足高控制在"
           "内上及为作≥≤><=百分之千")
texts = st.one_of(st.text(alphabet=GRAMMAR, max_size=200), st.text(max_size=200))

DATE_VALUE = re.compile(r"[0-9X]{4}(?:-[0-9X]{2}(?:-[0-9X]{2})?)?")
UNITS = {"%", "‰", "/万", "/10万"}
COMPARATORS = {">=", ">", "<=", "<", "=", None}

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(texts, st.one_of(st.none(), st.sampled_from(["2010", "1999"])))
def test_dates_invariants(text, year):
    last = -1
    for m in find_dates(text, year=year):
        assert m.type == "date"
        assert text[m.start:m.end] == m.text and m.text
        assert m.start >= last
        last = m.start
        assert set(m.value) == {"start", "end", "kind"}
        assert m.value["kind"] in {"point", "range", "deadline"}
        assert DATE_VALUE.fullmatch(m.value["start"]) and DATE_VALUE.fullmatch(m.value["end"])
        if m.value["kind"] == "point":
            assert m.value["start"] == m.value["end"]


@FAST
@given(texts)
def test_percentages_invariants(text):
    last = -1
    for m in find_percentages(text):
        assert m.type == "percentage"
        assert text[m.start:m.end] == m.text and m.text
        assert m.start >= last
        last = m.start
        assert isinstance(m.value["number"], float)
        assert m.value["unit"] in UNITS
        assert m.value["comparator"] in COMPARATORS


def _seconds(find, text: str) -> float:
    t0 = time.process_time()
    for _ in find(text):
        pass
    return time.process_time() - t0


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=GRAMMAR, min_size=1, max_size=12))
def test_time_is_linear_in_length(unit):
    small = unit * (10_000 // len(unit) + 1)
    big = unit * (40_000 // len(unit) + 1)
    for find in (find_dates, find_percentages):
        t_small = min(_seconds(find, small) for _ in range(3))
        t_big = min(_seconds(find, big) for _ in range(2))
        assert t_big < 2.0
        assert t_big < 10 * t_small + 0.1  # 4x the text, far below 16x the time
