"""Conventions of the real-corpus annotation: ROC years, page timestamps, comparator cues, units."""

from nlp.extract.dates import find_dates
from nlp.extract.percentages import find_percentages
from nlp.extract.targets import find_targets


def test_roc_year_is_gregorian():
    assert [m.value["start"] for m in find_dates("民國113年5月1日起施行")] == ["2024-05-01"]


def test_numeric_timestamp_is_chrome():
    assert list(find_dates("发布时间:2023-05-04 10:20")) == []
    assert [m.text for m in find_dates("于2023-05-04召开")] == ["2023-05-04"]


def test_stated_level_has_no_comparator():
    assert [m.value["comparator"] for m in find_percentages("占比为40%左右")] == [None]
    assert [m.value["comparator"] for m in find_percentages("未达10%")] == ["<"]


def test_cap_with_other_units():
    values = [m.value for m in find_targets("会议时间不得超过3天。")]
    assert [(v["number"], v["unit"], v["comparator"]) for v in values] == [(3.0, "天", "<=")]


def test_reported_change_has_no_comparator():
    assert [m.value["comparator"] for m in find_percentages("设置率已提升至15.4%")] == [None]
    assert [m.value["comparator"] for m in find_percentages("死亡率从19.6/10万下降到18.3/10万")] == [None, None]
    assert [m.value["comparator"] for m in find_percentages("到2025年提高到80%")] == [">="]


def test_bound_before_a_named_whole():
    assert [m.value["comparator"] for m in find_percentages("人数不超过本单位职工总数的5%。")] == ["<="]
    assert [m.value["comparator"] for m in find_percentages("上限比例为5%")] == [None]  # 为 states a level


def test_comparator_after_an_inclusive_note():
    assert [m.value["comparator"] for m in find_percentages("比例控制在5%(含)以内")] == ["<="]
