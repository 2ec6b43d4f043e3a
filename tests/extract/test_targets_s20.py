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
