"""Date shapes met on the collected pages of session 15, in invented wording."""

from nlp.extract.dates import find_dates


def _found(text):
    return [(m.text, m.value["start"]) for m in find_dates(text)]


def test_christmas_dates_a_release():
    assert _found("圣诞假期将至,海关加强巡查。") == [("圣诞", "XXXX-12-25")]
    assert _found("圣诞节前,各商场完成消防检查。") == [("圣诞节前", "XXXX-12-25")]
    assert _found("商场摆放了圣诞树。") == []
