"""The learned party recogniser's document-structure features, its use of the rules' finds,
list-neighbour selection and the training on ablated rule finds (sentences written for these tests)."""

from __future__ import annotations

import re

from nlp.extract import parties_model as pm
from nlp.train import parties as tp

NOTICE = ("关于开展安全检查的通知\n各乡镇人民政府,县直各单位:\n现将有关事项通知如下。由县卫生局负责,"
          "县公安局、县教育局配合。\n\n县人民政府办公室\n2024年3月1日\n")


def _starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\n", text)]


def _feats(text: str, name: str, **kw) -> list[str]:
    cands = pm.candidates(text)
    rows = pm.features(text, cands, **kw)
    for (a, b, _s), row in zip(cands, rows):
        if text[a:b] == name:
            return row
    raise AssertionError(f"{name} is no candidate")


def test_line_zones_mark_the_address_and_signature_blocks():
    zones = pm.line_zones(NOTICE, _starts(NOTICE))
    assert zones[1] == "addr"  # 各乡镇人民政府,县直各单位:
    assert zones[4] == "sign"  # 县人民政府办公室, right before the closing date
    assert zones[2] != "sign" and zones[0] != "addr"
    # no colon line, no closing date: nothing is marked
    plain = "一、总则\n二、任务\n三、保障\n"
    assert not {"addr", "sign"} & set(pm.line_zones(plain, _starts(plain)))


def test_features_say_where_a_candidate_sits():
    assert "zone=addr" in _feats(NOTICE, "各乡镇人民政府")
    assert "eol=:" in _feats(NOTICE, "各乡镇人民政府")
    assert "zone=sign" in _feats(NOTICE, "县人民政府办公室")
    # a 、-list of candidates: each knows its neighbour is one too
    assert any(f.startswith("sib=01") for f in _feats(NOTICE, "县公安局"))
    assert any(f.startswith("sib=10") for f in _feats(NOTICE, "县教育局"))
    # opening a clause: the words after it (its verb)
    assert "cs_r2=负责" in _feats("县卫生局负责。", "县卫生局")


def test_rule_finds_are_read_only_as_neighbours():
    text = NOTICE
    a = text.index("县公安局")
    plain = _feats(text, "县教育局")
    with_rule = _feats(text, "县教育局", found=[(a, a + 4)])
    assert not any(f.startswith(("rsib=", "rline=")) for f in plain)
    assert "rsib=10body" in with_rule or any(f.startswith("rsib=10") for f in with_rule)
    assert any(f.startswith("rline=") for f in with_rule)
    assert pm.feature_slots(text, pm.candidates(text), found=[(a, a + 4)]) == pm.hashed(
        pm.features(text, pm.candidates(text), found=[(a, a + 4)]))


def test_a_post_holder_taking_another_post_is_no_person():
    text = "由中心主任任组长,局长王军任副组长。"
    spans = {text[a:b] for a, b, _ in pm.candidates(text)}
    assert "任组长" not in spans and "王军" in spans


def test_select_keeps_list_neighbours_from_the_lower_threshold():
    text = "县卫健局、县公安局、县市场监管局开展检查。"
    cands = [(0, 4, "局"), (5, 9, "局"), (10, 16, "局")]
    probs = [0.95, 0.4, 0.3]
    kept = pm.select(text, cands, probs, 0.9, [], [], sibling=0.25)
    assert [text[a:b] for a, b, _ in kept] == ["县卫健局", "县公安局", "县市场监管局"]
    assert len(pm.select(text, cands, probs, 0.9, [], [], sibling=1.01)) == 1
    # a rule find is a neighbour too; a candidate below the sibling threshold stays out
    kept = pm.select(text, cands[1:], probs[1:], 0.9, [(0, 4)], ["县卫健局"], sibling=0.35)
    assert [text[a:b] for a, b, _ in kept] == ["县公安局"]


def test_training_view_ablates_the_rules_with_its_own_seed():
    d = tp.Doc(file="w", site="s", text=NOTICE, title=None,
               rules=[(NOTICE.index(n), NOTICE.index(n) + len(n), n, "responsible")
                      for n in ("县卫生局", "县公安局", "县教育局", "县人民政府办公室", "各乡镇人民政府", "县直各单位")],
               gold=[])
    tp.prepare([d])
    views = tp.train_view([d])
    assert len(views) == len(tp.TRAIN_SEEDS)
    assert views[0].labels == d.labels and views[0].cands == d.cands
    assert {r[2] for r in views[0].rules} <= {r[2] for r in d.rules}
    assert tp.train_view([d])[0].rules == views[0].rules  # fixed seed: reproducible


def test_address_levels_that_share_an_organ_make_one_candidate():
    text = "各省、自治区、直辖市人民政府,国务院各部委:"
    spans = {text[a:b] for a, b, _ in pm.candidates(text)}
    assert "各省、自治区、直辖市人民政府" in spans and "直辖市人民政府" in spans
    assert any(f.startswith("levels=") for f in _feats(text, "各省、自治区、直辖市人民政府"))
    # units of their own are no levels: each stays its own name
    units = "县卫健局、县公安局负责。"
    assert not any("、" in units[a:b] for a, b, _ in pm.candidates(units))


def test_no_candidate_starts_with_a_function_character():
    text = "各单位也要成立相应的领导机构。"
    spans = {text[a:b] for a, b, _ in pm.candidates(text)}
    assert "领导机构" in spans and not any(s.startswith("的") for s in spans)
