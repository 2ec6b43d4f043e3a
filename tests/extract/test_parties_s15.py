"""Party shapes met on the collected pages of session 15, in invented wording."""

from __future__ import annotations

from nlp.extract.parties_names import opens_clause


def test_a_proposal_a_copy_or_a_past_post_opens_no_name():
    assert opens_clause("建议强化社区卫生机构")  # 委员建议强化…: the proposal, not a unit
    assert opens_clause("知会督察处")  # 签报长官并知会督察处: the copy sent, the unit is 督察处
    assert opens_clause("时任镇党委副书记")
    assert not opens_clause("督察处")
