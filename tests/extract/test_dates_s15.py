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


def test_a_text_dated_by_dotted_or_slashed_roc_numbers_reads_them():
    """`112.03.16`, `112/03/16`: a three-digit year over zero-padded month and day is 民国's, as
    `103-07-22` was, so the text's 民国 dates are read (2023-03-16, and 97.08.21 as 2008)."""
    from nlp.pipeline import process_text

    def dates(text):
        return [(m.text, m.value["start"]) for d in process_text(text) for m in d.mentions if m.type == "date"]

    assert ("112/03/16", "2023-03-16") in dates("本局于112/03/16召开会议,检讨消防安全。")
    assert ("97.08.21", "2008-08-21") in dates("本规定自97.08.21起实施,112.03.16修正。")


def test_a_forms_blanks_are_unknown_digits():
    """`____年__月__日`, `201__年`: a form's blanks are unknown digits, as `XX年`, `201*年` and `20__年` are."""
    from nlp.pipeline import process_text

    def dates(text):
        return [(m.text, m.value["start"]) for d in process_text(text) for m in d.mentions if m.type == "date"]

    assert dates("签字日期:____年__月__日") == [("____年__月__日", "XXXX-XX-XX")]
    assert dates("落款:201__年__月__日") == [("201__年__月__日", "201X-XX-XX")]


def test_a_bare_day_before_a_clock_hour_or_in_a_wire_dateline_is_a_date():
    from nlp.pipeline import process_text

    def dates(text):
        return [(m.text, m.value["start"]) for d in process_text(text) for m in d.mentions if m.type == "date"]

    assert ("6日", "XXXX-XX-06") in dates("森林防火进入关键阶段。截至6日20时,全市没有发生森林火灾。")
    assert ("14日", "XXXX-XX-14") in dates("(北京14日综合电)节日将至,各地提前部署节日反腐。")
    assert dates("连续工作3日8小时。") == []  # a duration, no day
