"""Date shapes met on the collected pages of session 15, in invented wording."""

import pytest

from nlp.extract.dates import find_dates


def _found(text):
    return [(m.text, m.value["start"]) for m in find_dates(text)]


def test_christmas_dates_a_release():
    assert _found("圣诞假期将至,海关加强巡查。") == [("圣诞", "XXXX-12-25")]
    assert _found("圣诞节前,各商场完成消防检查。") == [("圣诞节前", "XXXX-12-25")]
    assert _found("商场摆放了圣诞树。") == []


@pytest.mark.parametrize("text, span, start, end", [
    ("本府依据109至112年度计划办理。民国112年1月1日起施行。", "109至112年度", "2020", "2023"),
    ("行政院核定105至108年推动计划,110年继续推动。", "105至108年", "2016", "2019"),
])
def test_a_span_of_民国_years_whose_first_year_leaves_its_年_to_the_end(text, span, start, end):
    found = [(m.text, m.value["start"], m.value["end"], m.value["kind"]) for m in find_dates(text)]
    assert (span, start, end, "range") in found
