"""Party fixes of session 20, found on collected pages (texts written for the test)."""
from nlp.pipeline import process_text


def _parties(text):
    return [(m.value["name"], m.value["role"]) for d in process_text(text) for m in d.mentions if m.type == "party"]


def test_publishing_unit_field_names_the_issuer():
    # a notice's 发布单位: field (a Taiwan county's site prints it under the summary)
    text = ("重申同仁应遵守办公纪律,违者依规定惩处,请查照。\n\n• 发布单位:秘书室\n\n"
            "一、同仁上下班应亲自刷卡,不得委托他人代为办理。\n二、上班时间不得从事与公务无关之事务。\n")
    assert ("秘书室", "issuer") in _parties(text)


def test_issuing_organ_field_of_a_news_item():
    text = ("为提升民众防火意识,本分队于3月5日前往社区活动中心办理防火宣导,现场讲解住宅用火灾警报器的使用方法。\n"
            "发布单位:东区消防分队\n联络电话:02-12345678\n")
    assert ("东区消防分队", "issuer") in _parties(text)
