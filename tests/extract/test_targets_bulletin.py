"""A bulletin's figures are results, not objectives: `现将…通报如下` is the 将 of 把, no plan ahead."""

from nlp.extract.targets import find_targets


def test_a_bulletins_rates_after_its_hereby_formula_are_no_targets():
    text = ("各乡镇人民政府,各有关单位: 现将5月份河长履职情况通报如下: 一、总体情况 根据考核细则统计,"
            "全县河长平均得分98.5,总优秀率48.2%,总不合格率3.1%。\n二、下步要求\n各乡镇要确保问题处理率达到95%以上。\n")
    got = [m.value["number"] for m in find_targets(text, title="关于5月份河长履职情况的通报", doc_type="通报")]
    assert 48.2 not in got and 3.1 not in got
    assert 95.0 in got  # (要确保…达到: a rule ahead)


def test_a_year_end_summarys_estimate_of_its_year_is_no_target():
    text = ("一、2020年工作回顾\n全年预计可实现地区生产总值同比增长0.5%;预计全年完成税收总收入12亿元,同比下降8%。\n"
            "二、2021年工作思路\n力争地区生产总值增长6%以上。\n")
    got = [m.value["number"] for m in find_targets(text, title="2020年度某街道工作总结和2021年度工作思路", doc_type="工作思路")]
    assert 0.5 not in got and 12.0 not in got and 8.0 not in got
    assert 6.0 in got
