"""Parties of session 23: the learned recogniser's names pass the rules' conventions."""
from nlp.extract.parties import _cited_authority, _left_out
from nlp.extract.parties_patterns import Found


def _span(text, name, role="responsible"):
    start = text.index(name)
    return (start, start + len(name), name, role)


def test_a_person_in_a_relayed_speech_is_left_out():
    text = "会议传达学习了市委书记王志强在全市卫生工作会议上的重要讲话精神。"
    assert _left_out(text, _span(text, "王志强"))


def test_a_person_who_only_attends_is_left_out_unless_named_again():
    text = "县应急局召开防汛推进会。副县长周某某参加会议。"
    assert _left_out(text, _span(text, "周某某"))
    again = text + "周某某对下一步工作提出要求。"
    assert not _left_out(again, _span(again, "周某某"))


def test_a_person_at_work_is_kept():
    text = "县应急局局长吴某某主持会议并部署防汛工作。"
    assert not _left_out(text, _span(text, "吴某某"))


def test_a_body_whose_cited_document_the_text_carries_out_is_left_out():
    # (by every finder, rules and recogniser alike: _cited_authority)
    text = "近日,省委办公厅、省政府办公厅印发了《关于做好节日期间有关工作的通知》,现就贯彻落实有关事项通知如下。"
    assert _cited_authority(text, Found(*_span(text, "省委办公厅")))
    acting = "省委办公厅牵头组织开展节前专项检查。"
    assert not _cited_authority(acting, Found(*_span(acting, "省委办公厅")))
