"""Headline shapes met on the collected pages of session 19, in invented wording."""

from __future__ import annotations


def test_a_first_line_closed_by_a_latin_full_stop_is_no_headline():
    from nlp.split_head import headline_candidate

    assert not headline_candidate("4月29日,青石乡组织全体机关干部召开安全生产工作部署会.")
    assert headline_candidate("青石乡召开安全生产工作部署会")
