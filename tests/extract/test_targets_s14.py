"""Target shapes met on the collected pages of session 14, in invented wording."""

from nlp.extract.targets import find_targets


def _found(text):
    return [(m.value["number"], m.value["unit"]) for m in find_targets(text)]


def test_years_that_name_a_campaign_are_no_target():
    text = "二、工作目标\n聚焦城乡燃气安全新突破三年行动,到2026年全县完成老旧管网改造120公里。\n"
    found = _found(text)
    assert (3.0, "年") not in found
    assert (120.0, "公里") in found
