"""The HanLP party recogniser: sentence cutting, the shipped model, and the rules-only fallback."""

from __future__ import annotations

import logging
import pickle

import pytest

from nlp.extract import ner
from nlp.extract.ner import MAX_SENTENCE, split_sentences

# Written for this test; no name in it is in corpora/ner/train.jsonl.
HELD_OUT = "为加强组织领导,成立邮亭中心卫生院作风建设领导小组,由院长张晓峰任组长。请于6月底前将材料报送碧江区卫生健康局医政科。"


@pytest.mark.parametrize("text, spans", [
    ("成立领导小组。组长:王军\n副组长:宋宴清", [(0, 7), (7, 12), (13, 20)]),
    ("  \n\n", []),
    ("由县卫生局负责;疾控中心配合!", [(0, 8), (8, 15)]),
], ids=["stops-and-lines", "blank", "semicolon"])
def test_split_sentences(text, spans):
    assert split_sentences(text) == spans


def test_long_run_is_cut_at_commas_then_hard():
    text = ("甲" * 150 + ",") * 3 + "乙" * 450
    spans = split_sentences(text)
    assert all(e - s <= MAX_SENTENCE for s, e in spans)
    assert "".join(text[s:e] for s, e in spans) == text
    assert text[spans[0][1] - 1] == ","


def test_unknown_backend_names_the_choices():
    with pytest.raises(ValueError, match="known: rules, hanlp, auto"):
        ner.resolve_backend("spacy")


def test_missing_hanlp_warns_once_and_runs_rules(monkeypatch, caplog):
    monkeypatch.setattr(ner, "available", lambda model_dir=None: False)
    ner._warn_rules_only.cache_clear()
    with caplog.at_level(logging.WARNING, logger="nlp.ner"):
        assert ner.resolve_backend("hanlp") == "rules"
        assert ner.resolve_backend("hanlp") == "rules"
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 1 and "rules alone" in lines[0] and "\n" not in lines[0]
    ner._warn_rules_only.cache_clear()


# ---- the shipped model (needs the hanlp extra) -----------------------------------------------

@pytest.fixture(scope="module")
def tagger():
    pytest.importorskip("hanlp")
    pytest.importorskip("torch")
    pytest.importorskip("safetensors")
    if not ner.available():
        pytest.skip("models/ner is not trained")
    return ner.load_tagger()


def test_model_loads_without_unpickling(tagger, monkeypatch):
    import torch

    def refuse(*_a, **_k):
        raise AssertionError("the model must not be unpickled")

    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(pickle, "loads", refuse)
    monkeypatch.setattr(torch, "load", refuse)
    fresh = ner.load_tagger.__wrapped__(ner.MODEL_DIR)
    assert ner.tag_sentences(fresh, [list("由县卫生局负责")])[0]


def test_spans_lie_inside_text_and_sentences(tagger):
    text = HELD_OUT + "\n组 长:王 军\n" + "各医疗卫生单位要高度重视" * 30
    sentences = split_sentences(text)
    spans = ner.find_entities(text)
    assert spans
    for s, e, label in spans:
        assert label in ner.LABELS
        assert 0 <= s < e <= len(text)
        assert any(a <= s and e <= b for a, b in sentences)


def test_unseen_health_centre_is_found(tagger):
    found = {(HELD_OUT[s:e], label) for s, e, label in ner.find_entities(HELD_OUT)}
    assert any(name.startswith("邮亭中心卫生院") and label == "ORG" for name, label in found), found
    assert ("张晓峰", "PER") in found


def test_no_sentence_over_200_reaches_the_model(tagger, monkeypatch):
    seen = []
    original = type(tagger).predict

    def spy(self, tokens, batch_size=None, **kw):
        seen.extend(len(t) for t in tokens)
        return original(self, tokens, batch_size, **kw)

    monkeypatch.setattr(type(tagger), "predict", spy)
    ner.find_entities("县卫生局" * 400 + "。" + "由市疾控中心负责" * 60)
    assert seen and max(seen) <= MAX_SENTENCE


def test_hanlp_backend_adds_roled_parties(tagger):
    from nlp.extract.parties import find_parties

    parties = {(m.value["name"], m.value["role"]) for m in find_parties(HELD_OUT, ner="hanlp")}
    assert ("邮亭中心卫生院作风建设领导小组", "lead") in parties
    for m in find_parties(HELD_OUT, ner="hanlp"):
        assert HELD_OUT[m.start:m.end] == m.text
