"""nlp.extract.dates, session 10 (datespct): shapes that recur on unseen pages. The sentences are
written for these tests (no real text is copied)."""

from __future__ import annotations

import pytest

from nlp.extract.dates import find_dates


def _v(start, end=None, kind="point"):
    return {"start": start, "end": end or start, "kind": kind}


def _found(text):
    return [(m.text, m.value) for m in find_dates(text)]


# ---- days written in words, as Hong Kong's and Macau's notices write them -----------------------

@pytest.mark.parametrize("text, expected", [
    ("图书馆于十七日(星期二)闭馆整理。", [("十七日", _v("XXXX-XX-17"))]),
    ("泳池于十八日至二十日(星期五至日)暂停开放。", [("十八日至二十日", _v("XXXX-XX-18", "XXXX-XX-20", "range"))]),
    ("诊所于十一日至十三日期间暂停服务。", [("十一日至十三日", _v("XXXX-XX-11", "XXXX-XX-13", "range"))]),
    ("二十七日及二十八日(星期三、四)照常开放。",
     [("二十七日", _v("XXXX-XX-27")), ("二十八日", _v("XXXX-XX-28"))]),
    ("九月五日(星期一)、七日至九日(星期三、四、五)停课。",
     [("九月五日", _v("XXXX-09-05")), ("七日至九日", _v("XXXX-XX-07", "XXXX-XX-09", "range"))]),
])
def test_days_in_words(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text", ["须于三日内补齐材料。", "用于一日三餐的补贴", "第二十三日(星期日)照常"])
def test_days_in_words_that_are_no_dates(text):
    assert _found(text) == []


# ---- a year whose last two digits are one mark or a form's blank -------------------------------

@pytest.mark.parametrize("text, expected", [
    ("到20*年,全镇建成三个示范村。", [("到20*年", _v("20XX", kind="deadline"))]),
    ("作为20*年度考核的依据", [("20*年度", _v("20XX"))]),
    ("本次整治自20__年5月8日开始至20__年7月8日,分两步进行。",
     [("20__年5月8日开始至20__年7月8日", _v("20XX-05-08", "20XX-07-08", "range"))]),
])
def test_year_with_one_mark(text, expected):
    assert _found(text) == expected
