"""Parties, second round on real documents: actors of reports, members listed after a post,
units a notice asks or thanks, counted groups; and the one bracket-aware splitter. Every
sentence here is written for the test (placeholder names), none is copied from a corpus."""

from __future__ import annotations

import pytest

from nlp.extract.parties import find_parties
from nlp.extract.parties_names import bracket_pieces, split_names, split_outside, top_pieces


def pairs(text: str) -> list[tuple[str, str]]:
    return [(m.value["name"], m.value["role"]) for m in find_parties(text)]


@pytest.mark.parametrize("text, expected", [
    # a place that opens a report's sentence and acts stands for its government
    ("黑龙江省明确,各类会议不超过半天。", [("黑龙江省", "responsible")]),
    ("城关镇狠抓作风建设,整顿四风。", [("城关镇", "responsible")]),
    ("山东省11日召开动员大会。", [("山东省", "responsible")]),
    ("全市开展检查。", []),  # 全市 is everyone, no actor
    ("辽宁省锦州市以群众满意为标准。", []),  # a place inside a place: an example from afar
    # a news dateline with the reporter in brackets, then the actor
    ("新华社北京7月29日电(记者甲某 乙某)中央纪委29日对8起问题发出通报。", [("中央纪委", "responsible")]),
    ("日前,省纪委对外通报近期查处的问题。", [("省纪委", "responsible")]),
])
def test_report_actors(text, expected):
    assert pairs(text) == expected


def test_members_listed_after_their_post():
    got = pairs("由总支书记某某同志带队,总支委员廖光辉、胡振东、肖晓波和消防安全小组成员对全院进行检查。")
    assert ("廖光辉", "member") in got and ("肖晓波", "member") in got
    assert ("消防安全小组成员", "member") in got
    assert set(pairs("校党委班子全体成员王琛、孙洪亮、蒋明等5人参加会议。")) == {
        ("王琛", "member"), ("孙洪亮", "member"), ("蒋明", "member")}


@pytest.mark.parametrize("text, expected", [
    ("请各地结合本地实际开展宣传。", [("各地", "responsible")]),
    ("并请交通部加强这套系统的安全。", [("交通部", "responsible")]),
    ("他对于外交部及陆委会的努力,特别表达肯定。", [("外交部", "responsible"), ("陆委会", "responsible")]),
    ("会中也邀请工务处、某某瓦斯公司就建筑安全进行说明。", [("工务处", "responsible"), ("某某瓦斯公司", "responsible")]),
    ("重点发挥村街网格员作用,确保安全。", [("村街网格员", "responsible")]),
    ("设备的购置由院办公会、职代会讨论决定。", [("院办公会", "responsible"), ("职代会", "responsible")]),
    ("院长在会上强调,要求各支部各科室进一步学习。", [("各支部各科室", "responsible")]),
    ("同时,区(市)政府、经济功能区管委和街道办事处也要每季度开展一次排查。",
     [("区(市)政府", "responsible"), ("经济功能区管委", "responsible"), ("街道办事处", "responsible")]),
    ("办公室下设4个工作组,即综合组、督导组和案件组。",
     [("办公室", "responsible"), ("综合组", "responsible"), ("督导组", "responsible"),
      ("案件组", "responsible")]),
])
def test_units_asked_thanked_or_counted(text, expected):
    assert pairs(text) == expected


def test_effective_rate_is_no_cue():
    assert pairs("提高工作效率办公室各项工作。") == []


def test_one_bracket_aware_splitter():
    text = "甲局(乙、丙)、丁局,戊办"
    assert split_outside(text, 0, len(text), "、,") == [(0, 7), (8, 10), (11, 13)]
    assert bracket_pieces("、甲", 0, 2, lambda i, _: int("、甲"[i] == "、")) == [(0, 0), (1, 2)]
    people = "林某(局党委委员、纪检组组长)、黄某 李某"
    assert top_pieces(people, 0, len(people)) == [(0, 15), (16, 18), (19, 21)]
    names = "县卫生局(公司)、县应急管理局和县消防救援大队"
    assert [n for _, _, n in split_names(names, 0, len(names))] == ["县卫生局(公司)", "县应急管理局", "县消防救援大队"]


@pytest.mark.parametrize("title, expected", [
    ("市委办公室市政府办公室关于认真贯彻执行某规定的通知", [("市委办公室", "issuer"), ("市政府办公室", "issuer")]),
    ("市卫生局办公室关于印发方案的通知", [("市卫生局办公室", "issuer")]),
])
def test_glued_issuers_of_a_joint_title(title, expected):
    assert [(m.value["name"], m.value["role"]) for m in find_parties(title + "\n", title=title)] == expected


def test_a_unit_that_organises_is_no_party_organisation():
    assert pairs("学校组织召开各个层面的会议,做到全覆盖。") == []
    assert pairs("各基层党组织要认真学习。") == [("各基层党组织", "responsible")]


@pytest.mark.parametrize("text, expected", [
    ("消防局自即日起将派员帮独居长者安装。", [("消防局", "responsible")]),
    ("监察院持续督促内政部确实依规定办理。", [("内政部", "responsible")]),
    ("则函请某市地检署侦办。", [("某市地检署", "responsible")]),
])
def test_units_urged_or_referred(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("卫生福利局长陈大文今日回应质询时表示,将跟进。", [("卫生福利局", "responsible"), ("陈大文", "lead")]),
    ("市医保局局长李小明主持会议。", [("市医保局", "responsible"), ("李小明", "lead")]),
])
def test_the_unit_a_reporting_holder_heads(text, expected):
    assert pairs(text) == expected
