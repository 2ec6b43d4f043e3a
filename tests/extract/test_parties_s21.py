"""Party fixes of session 21, found on collected pages (texts written for the test)."""
from nlp.pipeline import process_text


def _parties(text):
    return [(m.value["name"], m.value["role"]) for d in process_text(text) for m in d.mentions if m.type == "party"]


def test_holders_listed_with_two_posts_each():
    # each holder of a news list has a post chain (党委副书记、校长); the verb follows the last one
    text = ("3月2日上午,市政协委员、学院院长张立新,督导专员、党委书记王建平,党委副书记、副院长孙丽萍"
            "来到实训中心调研,了解新学期教学准备情况。")
    found = _parties(text)
    assert ("张立新", "lead") in found
    assert ("王建平", "lead") in found


def test_holder_after_a_seat_and_post_chain():
    # 党委委员、副局长某某同志参与检查: the holder listed before him takes part too
    text = "4月8日,县交通运输局党委书记、局长赵文斌,党委委员、副局长钱伟同志参与检查,对三家客运站逐一查看。"
    found = _parties(text)
    assert ("赵文斌", "lead") in found
    assert ("钱伟", "responsible") in found


def test_holder_who_adopts_a_way_of_inspecting():
    text = "5月10日,省应急管理厅副厅长孙国华采取“四不两直”方式率队对辖区化工企业开展安全生产督查。"
    assert ("孙国华", "responsible") in _parties(text)
