"""Party fixes of session 22, found on collected pages (texts written for the test)."""
import pytest

from nlp.pipeline import process_text


def _parties(text):
    return [(m.value["name"], m.value["role"]) for d in process_text(text) for m in d.mentions if m.type == "party"]


@pytest.mark.parametrize("dateline", ["【本报讯】", "某某晚报 【本报讯】", "江南日报讯(记者 王某)", "江南网8月4日讯 "])
def test_unit_acting_after_a_wire_dateline(dateline):
    # the dateline opens the sentence; the unit after it carries out the reported work
    text = f"{dateline}江南省卫生厅对全省28家医院进行调查发现,多数医院收费合理。"
    assert ("江南省卫生厅", "responsible") in _parties(text)
