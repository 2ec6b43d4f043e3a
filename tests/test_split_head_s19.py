"""Headline shapes met on the collected pages of session 19, in invented wording."""

from __future__ import annotations


def test_a_first_line_closed_by_a_latin_full_stop_is_no_headline():
    from nlp.split_head import headline_candidate

    assert not headline_candidate("4月29日,青石乡组织全体机关干部召开安全生产工作部署会.")
    assert headline_candidate("青石乡召开安全生产工作部署会")


def test_a_text_that_reports_itself_is_a_report():
    from nlp.genres import declared_genre

    assert declared_genre("现将有关情况汇报如下。") == "报告"
    assert declared_genre("现将本次检查和整改情况汇报如下。") == "报告"
    assert declared_genre("现将工作情况汇报如下") == "汇报"  # (工作汇报, as before)


def test_a_breadcrumbs_last_step_echoed_below_it_is_no_title():
    from nlp.pipeline import process_text

    text = ("当前位置:首页 > 信息传达 > 文件通知\n文件通知\n转发市府办关于开展消防宣传月活动的通知某府建通[2009]12号\n"
            "各区县建设局:\n现将市府办通知转发给你们,并提出如下要求。\n")
    assert [d.title for d in process_text(text)][0].startswith("转发市府办关于开展消防宣传月活动的通知")
