"""The posts table is one source: the model's parties (ner_parties) take roles from nlp/data/roles.tsv.

Runs without hanlp: spans are given by hand, as the model would give them.
"""

from __future__ import annotations

import pytest

from nlp.extract.ner_parties import parties_from_spans, role_word_role
from nlp.extract.parties_lexicon import role_words


@pytest.mark.parametrize("name, role", [
    ("组长", "lead"), ("副组长", "lead"), ("县卫生局局长", "lead"),
    ("县人民医院院长", "lead"),  # a unit's principal head leads (gold: 7 院长 of 9 are lead)
    ("分管副局长", "responsible"),  # deputies are responsible (roles.tsv header)
    ("科室负责人", "responsible"), ("各单位主要负责人", "lead"),
    ("信息员", "contact"), ("联络人", "contact"), ("成员", "member"),
    ("卫生局", None),
], ids=lambda x: str(x))
def test_post_role_is_the_longest_roles_tsv_word(name, role):
    assert role_word_role(name) == role


def test_every_roles_tsv_word_gives_its_own_role():
    assert {w: role_word_role(w) for w in role_words()} == role_words()


@pytest.mark.parametrize("text, span, role", [
    ("由县卫生局副局长负责督导。", "县卫生局副局长", "responsible"),
    ("请各单位确定一名信息员。", "信息员", "contact"),
    ("县医院院长为第一责任人。", "县医院院长", "lead"),
], ids=["deputy", "informant", "hospital-head"])
def test_model_role_span_takes_the_table_role(text, span, role):
    start = text.index(span)
    found = parties_from_spans(text, [], [(start, start + len(span), "ROLE")])
    assert found == [(start, start + len(span), span, role)]


def test_role_span_that_names_no_post_is_dropped():
    text = "全面落实院长负责制。"
    assert parties_from_spans(text, [], [(0, 6, "ROLE")]) == []
