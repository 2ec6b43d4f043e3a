"""Genre and title fixes of session 21, found on collected pages (titles written for the test)."""
from nlp.genres import genre_of
from nlp.split import clean_title


def test_a_stages_short_summary_is_a_xiaojie():
    assert genre_of("某社区创建文明城市第一阶段工作小结") == "小结"
    assert genre_of("某镇防汛小结") == "小结"


def test_measures_after_the_genre_keep_it():
    assert genre_of("某校安全隐患整改工作方案及措施") == "方案"


def test_a_post_date_after_the_headline_is_no_part_of_it():
    assert genre_of("某街道2015年工作计划 2016-03-07") == "计划"
    assert clean_title("某街道2015年工作总结 2016-03-07") == "某街道2015年工作总结"
    assert clean_title("关于做好防汛工作的通知 2021/5/8 10:20") == "关于做好防汛工作的通知"
    assert clean_title("某县2021年实施方案") == "某县2021年实施方案"
