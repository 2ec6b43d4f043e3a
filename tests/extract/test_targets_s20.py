"""Target fixes of session 20 (texts written for the test)."""
from nlp.extract.targets import find_targets


def test_respectively_list_pairs_the_first_number_with_the_first_metric():
    # the first target's span starts at the last metric of the list; its metric is still the first
    found = find_targets("到2030年,全县学前教育毛入园率、义务教育巩固率、高中阶段毛入学率分别达到92%、98%、95%。")
    assert [(t.value["metric"], t.value["number"]) for t in found] == [
        ("学前教育毛入园率", 92.0), ("义务教育巩固率", 98.0), ("高中阶段毛入学率", 95.0)]


def test_respectively_with_both_metrics_in_the_span_keeps_them():
    found = find_targets("全市孕产妇死亡率和5岁以下儿童死亡率分别控制在31/10万和17‰以内。")
    assert [t.value["metric"] for t in found] == ["孕产妇死亡率", "5岁以下儿童死亡率"]


def test_chao_bounds_a_count_and_energy_intensity_and_containers_are_units():
    got = {t.text: (t.value["comparator"], t.value["unit"]) for t in find_targets(
        "力争机场旅客吞吐量超1500万人次,港口集装箱吞吐量突破300万标箱,单位生产总值能耗保持在0.5吨标准煤/万元以下。")}
    assert got["机场旅客吞吐量超1500万人次"] == (">", "万人次")
    assert ("港口集装箱吞吐量突破300万标箱" in got) and got["港口集装箱吞吐量突破300万标箱"][1] == "万标箱"
    assert [v for k, v in got.items() if "能耗" in k] == [("<=", "吨标准煤/万元")]


def test_chao_is_no_bound_outside_a_number():
    assert list(find_targets("严禁超标准接待,不得进入超市购买礼品。")) == []
