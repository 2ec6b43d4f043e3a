"""Outline shapes met on the collected pages of session 15, in invented wording."""

from nlp.outline import parse_outline


def _heads(text):
    return [(s.marker.replace(" ", ""), s.heading, s.level) for s in parse_outline(text)]


def test_a_space_typed_before_the_enumeration_comma_keeps_the_marker():
    text = "一、活动内容\n开展消防演练。\n二 、活动时间\n2025年5月9日上午\n三、活动地点\n镇文化广场\n"
    assert _heads(text) == [("一、", "活动内容", 1), ("二、", "活动时间", 1), ("三、", "活动地点", 1)]


def test_a_spaced_numeral_inside_a_sentence_is_no_marker():
    assert _heads("一、总体要求\n全镇共排查出隐患十 、二十处不等。\n") == [("一、", "总体要求", 1)]


def test_a_rules_first_article_glued_to_its_title_opens_its_articles():
    text = ("某卫生院安全生产管理制度第一条 为了加强安全生产工作,特制定本制度。第二条 安全生产工作必须贯彻预防为主的方针。"
            "第三条 对违反安全生产制度造成事故的责任人,要从严处理。\n")
    assert [h[0] for h in _heads(text)] == ["第一条", "第二条", "第三条"]
    # an article cited in a sentence is no outline
    assert _heads("按照某某管理办法第一条的规定执行。\n") == []
