"""Date shapes met on the collected pages of session 14, in invented wording."""

from nlp.extract.dates import find_dates


def _found(text):
    return [(m.text, m.value["start"], m.value["end"]) for m in find_dates(text)]


def test_a_double_hyphen_joins_a_range_as_a_dash_does():
    assert _found("培训班于9月12--14日举办。") == [("9月12--14日", "XXXX-09-12", "XXXX-09-14")]
    assert _found("检查时间:2024年4月1日--2024年4月30日。") == [
        ("2024年4月1日--2024年4月30日", "2024-04-01", "2024-04-30")]
    assert _found("咨询电话0571-8888--6666") == []


def test_nian_and_sa_write_twenty_and_thirty_in_a_day():
    assert _found("请于六月卅日前报送自查报告。") == [("六月卅日前", "XXXX-06-30", "XXXX-06-30")]
    assert _found("本办法自三月廿五日起施行。") == [("三月廿五日", "XXXX-03-25", "XXXX-03-25")]


def test_a_bare_day_before_a_joint_visit_or_after_a_quoted_title():
    assert _found("消防处12日联同屋宇署人员到访多幢旧楼。") == [("12日", "XXXX-XX-12", "XXXX-XX-12")]
    assert _found("《实施方案》18日对外公布。") == [("18日", "XXXX-XX-18", "XXXX-XX-18")]
    assert _found("依照《条例》3日内办结。") == []
