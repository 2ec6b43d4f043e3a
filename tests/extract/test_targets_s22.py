"""Target fixes of session 22 (texts written for the test)."""
from nlp.pipeline import process_text


def _targets(text):
    return [m.text for d in process_text(text) for m in d.mentions if m.type == "target"]


def test_an_aggregators_later_stamp_does_not_date_a_news_items_goals():
    # a 2016 news item re-posted with the aggregator's 2024 stamp: its 到2020年 goals are goals
    body = ("某省生态保护与建设规划正式印发实施\n\n 某某网址     |      2024-06-15 05:21:03    |      某某网址\n"
            "林业网4月26日讯 近日,某省政府办公厅印发《某省十三五生态保护与建设规划》。\n"
            "《规划》指出,到2020年,全省森林覆盖率达到40%,重要江河湖泊水功能区水质达标率83%以上。\n")
    assert any("森林覆盖率" in t for t in _targets(body))


def test_a_page_stamped_the_year_after_a_past_years_record_keeps_it_a_record():
    body = ("某市卫生健康委员会2020年工作总结\n发布时间:2021-01-12 09:30\n"
            "2020年,全市居民健康素养水平达到25.3%,较上年提高2个百分点。2021年,我们将继续努力。\n")
    assert not any("健康素养" in t and "25.3" in t for t in _targets(body))
