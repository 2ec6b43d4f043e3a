"""A name transcribed from another language (Uyghur, Kazakh, a foreign name) is written in parts
joined by a middle dot; in a roster it is a person like any other."""

from nlp.extract.parties import find_parties
from nlp.extract.parties_people import is_person_name


def test_a_dotted_name_is_a_person():
    assert is_person_name("艾力·买买提") and is_person_name("阿依古丽·吐尔逊") and is_person_name("约翰·史密斯")
    assert not is_person_name("平安·和谐·发展·共享")  # (four parts: a slogan)
    assert not is_person_name("安全·")


def test_a_roster_goes_on_over_dotted_names():
    text = ("各乡镇人民政府,县有关单位:\n县政府决定成立青禾县冬季供暖工作专班,现将有关事项通知如下:\n"
            "组长:艾力·买买提(县政府副县长)\n成员:阿依古丽·吐尔逊(县住建局局长)\n"
            "韩晓东(县发改委主任)\n热合曼·阿不都(县财政局局长)\n伍志强(县应急管理局局长)\n"
            "专班下设办公室,办公室设在县住建局。\n")
    got = {(m.value["name"], m.value["role"]) for m in find_parties(text, ner="rules")}
    assert {("艾力·买买提", "lead"), ("阿依古丽·吐尔逊", "member"), ("韩晓东", "member"),
            ("热合曼·阿不都", "member"), ("伍志强", "member")} <= got
