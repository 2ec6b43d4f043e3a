"""Percentage shapes met on the collected pages of session 14, in invented wording."""

from nlp.extract.percentages import find_percentages
from nlp.extract.targets import find_targets


def test_kong_zai_is_kong_zhi_zai_cut_short():
    text = "全年城镇登记失业率控在4.5%以内,零就业家庭动态清零。"
    assert [(m.text, m.value["comparator"]) for m in find_percentages(text)] == [("控在4.5%以内", "<=")]
    assert [m.value["comparator"] for m in find_targets(text) if m.value["unit"] == "%"] == ["<="]


def test_a_rate_per_hundred_thousand_written_in_digits_is_per_10_wan():
    from nlp.extract.percentages import find_percentages

    found = [(m.text, m.value["number"], m.value["unit"]) for m in find_percentages("孕产妇死亡率为20.91/100000,婴儿死亡率3.5‰。")]
    assert found == [("20.91/100000", 20.91, "/10万"), ("3.5‰", 3.5, "‰")]
