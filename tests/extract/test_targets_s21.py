"""Target fixes of session 21, found on collected pages (texts written for the test)."""
from nlp.pipeline import process_text


def _targets(text):
    return [m.text for d in process_text(text) for m in d.mentions if m.type == "target"]


def test_figures_counted_from_january_to_date_are_a_record():
    text = ("一、主要指标完成情况。一是工业总产值,全年目标任务是120亿元,1—7月完成总产值66.6亿元、增速12.3%;"
            "二是固定资产投资,1-8月完成投资28.5亿元,占年度计划的47.6%。\n")
    found = _targets(text)
    assert not any("66.6" in t or "28.5" in t for t in found)


def test_a_plans_first_months_due_date_is_no_record():
    # 1-6月底前 is a deadline and 1-6月份要 plans ahead: both stay targets
    assert any("300户" in t for t in _targets("各乡镇在1-6月底前完成农村危房改造300户,年底前完成600户。\n"))
    assert any("300户" in t for t in _targets("各乡镇1-6月份要完成农村危房改造300户。\n"))


def test_a_word_opening_with_a_filler_keeps_its_first_character():
    (t,) = [m for d in process_text("要求各乡镇年内完成农村危房改造300户。\n") for m in d.mentions if m.type == "target"]
    assert t.text.startswith("要求") and t.value["metric"].startswith("要求")


def test_a_proportion_to_one_written_with_the_ratio_sign_has_the_colons_unit():
    from nlp.extract.targets import find_targets

    (m,) = find_targets("到2025年,城乡居民收入差距控制在2.2∶1以内。")
    assert (m.value["number"], m.value["unit"], m.value["comparator"]) == (2.2, ":1", "<=")


def test_a_doubling_is_two_times_at_least():
    from nlp.extract.targets import find_targets

    (m,) = find_targets("力争通过5年创建,全县农村居民人均可支配收入比翻一番。")
    assert (m.value["number"], m.value["unit"], m.value["comparator"]) == (2.0, "倍", ">=")


def test_planned_staffing_after_she_and_the_post():
    from nlp.extract.targets import find_targets

    got = [(m.value["number"], m.value["unit"]) for m in find_targets(
        "医院成立火灾应急指挥部。指挥部设总指挥1名(由院长担任)、副总指挥2名(由分管副院长担任)。")]
    assert got == [(1.0, "名"), (2.0, "名")]
    # 建设 is no 设: a count after it is not staffing
    assert not [m for m in find_targets("去年投资建设病房楼1栋,医生2人。") if m.value["unit"] == "人"]
