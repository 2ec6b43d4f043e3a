"""Outline shapes met on the collected pages of session 15, in invented wording."""

from nlp.outline import parse_outline


def _heads(text):
    return [(s.marker.replace(" ", ""), s.heading, s.level) for s in parse_outline(text)]


def test_a_space_typed_before_the_enumeration_comma_keeps_the_marker():
    text = "一、活动内容\n开展消防演练。\n二 、活动时间\n2025年5月9日上午\n三、活动地点\n镇文化广场\n"
    assert _heads(text) == [("一、", "活动内容", 1), ("二、", "活动时间", 1), ("三、", "活动地点", 1)]


def test_a_spaced_numeral_inside_a_sentence_is_no_marker():
    assert _heads("一、总体要求\n全镇共排查出隐患十 、二十处不等。\n") == [("一、", "总体要求", 1)]
