"""Normalize fixes of session 23: mirror-site pinyin written with a space inside its brackets."""
import pytest

from nlp.normalize import normalize_text


@pytest.mark.parametrize("raw, expected", [
    ("社会(huì )保障", "社会保障"),
    ("联络( luò)员", "联络员"),
    ("網(wǎng)站", "网站"),
    ("(一) 总体要求", "(一) 总体要求"),
    ("某局(PM 2.5)监测", "某局(PM 2.5)监测"),
])
def test_pinyin_with_a_space_inside_its_brackets_is_dropped(raw, expected):
    assert normalize_text(raw).text == expected
