"""The evaluator: the contract's matching rules on hand-made cases, and the same figures as score.py.

Hand-made cases live in tests/data/eval_gold/<case>.json (gold) and
tests/data/eval_pred/<case>.jsonl (what `policy-nlp extract --format jsonl` would print).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nlp.evaluate import (THEMES, format_report, match_greedy, normalize_marker, score_corpus,
                          score_saved, section_agrees, text_overlap, value_agrees)

DATA = Path(__file__).parent / "data"
EVAL_GOLD, EVAL_PRED = DATA / "eval_gold", DATA / "eval_pred"
AREA_KEYS = ("p", "r", "f1", "gold", "pred")


def _case(name: str, **kw) -> dict:
    return score_saved(EVAL_GOLD, EVAL_PRED, only=name, **kw)


def _figures(report: dict) -> dict:
    """The figures score.py also reports, flat: {"date.span p": 0.9, ..., "documents gold": 14}."""
    out = {f"{k} {x}": v[x] for k, v in report.items() if isinstance(v, dict) and "f1" in v
           for x in AREA_KEYS}
    out["section_level_acc"] = report["section_level_acc"]
    out["gold_text_found"] = report["gold_text_found"]
    out.update({f"documents {k}": report["documents"][k] for k in ("gold", "pred", "files_exact", "files")})
    return out


def _run_score_py(shared_tools: Path, gold: Path, docs: Path, out: Path, *extra: str) -> dict:
    cmd = [sys.executable, str(shared_tools / "score.py"), str(gold), str(docs), "--json", str(out), *extra]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0, done.stderr
    return json.loads(out.read_text(encoding="utf-8"))


# --- hand-made cases -------------------------------------------------------------------------

def test_exact_match_scores_one():
    r = _case("exact")
    areas = [k for k, v in r.items() if isinstance(v, dict) and "f1" in v]
    assert set(areas) >= {"sections", "date", "date.span", "percentage", "target", "party",
                          "meta.title", "meta.doc_type", "meta.doc_number"}
    assert all(r[k]["f1"] == 1.0 for k in areas), {k: r[k]["f1"] for k in areas}
    assert r["section_level_acc"] == 1.0
    assert r["gold_text_found"] == 1.0
    assert r["documents"] == {"gold": 1, "pred": 1, "files_exact": 1, "files": 1, "unaligned_pred": 0}


def test_wrong_value_counts_in_span_f1_only():
    r = _case("wrong_value")
    assert (r["date.span"]["f1"], r["date"]["f1"]) == (1.0, 0.0)


def test_x_matches_any_digit_but_lengths_must_agree():
    r = _case("x_digit")
    assert (r["date"]["tp"], r["date"]["gold"], r["date.span"]["tp"]) == (2, 3, 3)


@pytest.mark.parametrize("gold, pred, agrees", [
    ("201X-12-20", "2010-12-20", True),
    ("2010-12", "20XX-12", True),
    ("xxxx-06", "2010-06", True),
    ("2010-12-20", "2010-12", False),
    ("2010-12-20", "2010-12-21", False),
], ids=["gold-X", "pred-X", "lowercase-x", "length", "digit"])
def test_date_value(gold, pred, agrees):
    point = lambda d: {"start": d, "end": d, "kind": "point"}  # noqa: E731
    assert value_agrees("date", point(gold), point(pred)) is agrees


def test_numbers_within_tolerance():
    r = _case("number_tolerance")
    assert (r["percentage"]["tp"], r["target"]["tp"]) == (1, 1)  # 70.005 and 3.01 agree, 95.02 not


@pytest.mark.parametrize("gold, pred, agrees", [
    ({"number": 70.0, "unit": "%", "comparator": ">="}, {"number": 70.005, "unit": "%", "comparator": ">="}, True),
    ({"number": 70.0, "unit": "%", "comparator": ">="}, {"number": 70.02, "unit": "%", "comparator": ">="}, False),
    ({"number": 17.0, "unit": "‰", "comparator": None}, {"number": 17, "unit": "‰", "comparator": "="}, True),
    ({"number": 95.0, "unit": "%", "comparator": ">="}, {"number": 95.0, "unit": "%", "comparator": None}, False),
    ({"number": 95.0, "unit": "%", "comparator": None}, {"number": 95.0, "unit": "％", "comparator": None}, True),
    ({"number": 31.0, "unit": "/10万", "comparator": "<="}, {"number": 31.0, "unit": "/万", "comparator": "<="}, False),
], ids=["within-0.01", "beyond-0.01", "equals-is-none", "comparator", "fullwidth-unit", "unit"])
def test_percentage_value(gold, pred, agrees):
    assert value_agrees("percentage", gold, pred) is agrees


def test_party_name_containment():
    r = _case("party_name")
    # 卫生局 in 县卫生局 and 领导小组 in 县卫生局领导小组 agree; 各医疗单位 is not in 各医疗卫生单位
    assert (r["party"]["tp"], r["party.span"]["tp"], r["party"]["gold"]) == (2, 3, 3)
    assert value_agrees("party", {"name": "县卫生局"}, {"name": "卫 生局"})
    assert not value_agrees("party", {"name": "县卫生局"}, {"name": ""})


def test_missed_document():
    r = _case("missed_doc")
    assert r["documents"] == {"gold": 2, "pred": 1, "files_exact": 0, "files": 1, "unaligned_pred": 0}
    assert (r["date"]["r"], r["party"]["r"], r["party"]["gold"]) == (1.0, 0.0, 1)
    assert (r["meta.title"]["tp"], r["meta.title"]["gold"]) == (1, 2)
    assert r["gold_text_found"] < 1.0  # the missed document's texts are in no predicted text


def test_extra_predicted_document_is_aligned_by_title():
    r = _case("extra_doc")
    assert r["documents"] == {"gold": 1, "pred": 2, "files_exact": 0, "files": 1, "unaligned_pred": 1}
    # the real document came second; its title pairs it with the gold one, the extra one is left out
    assert r["date"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "gold": 1, "pred": 1, "tp": 1}
    assert r["meta.title"]["f1"] == 1.0


def test_section_marker_normalisation():
    r = _case("markers")
    # (一)=（一）, 一、=一, 1.=1．, 第三阶段:=第三阶段：, 2、=2. ; (二) has another heading
    assert (r["sections"]["tp"], r["sections"]["gold"], r["sections"]["pred"]) == (5, 6, 6)
    assert r["section_levels"] == {"same": 4, "matched": 5}  # 2、 is level 3 in gold, 2 predicted


def test_thresholds_at_their_boundaries():
    r = _case("boundaries")
    # 年底完成 / 完成整改 share half the shorter text; 2011年6月 / 6月30日 share 2 of 5
    assert (r["date.span"]["tp"], r["date.span"]["gold"]) == (1, 2)
    # heading contained and long enough; too short (4 vs 10); overlap 4/6; equal in the first 24 chars
    assert (r["sections"]["tp"], r["sections"]["gold"]) == (2, 4)
    # an unrelated predicted title: documents are paired by position, 乙县工作总结 by title
    assert (r["meta.title"]["tp"], r["party"]["tp"]) == (1, 1)
    assert (r["meta.doc_type"]["tp"], r["meta.doc_number"]["tp"]) == (2, 1)  # 方案 in 实施方案


@pytest.mark.parametrize("marker, normal", [
    ("（一）", "(一)"), ("一、", "一"), ("1.", "1"), ("1．", "1"), ("第三阶段：", "第三阶段"), ("①", "1"),
], ids=["fullwidth-paren", "dunhao", "dot", "fullwidth-dot", "colon", "nfkc-circled"])
def test_normalize_marker(marker, normal):
    assert normalize_marker(marker) == normal


def test_section_heading_must_agree_in_content_and_length():
    gold = {"marker": "一、", "heading": "指导思想"}
    assert section_agrees(gold, {"marker": "一", "heading": "指导 思想"})
    assert not section_agrees(gold, {"marker": "一、", "heading": "指导思想和工作目标与基本原则"})
    assert section_agrees({"marker": "一、", "heading": ""}, {"marker": "一、", "heading": "任何"})


def test_greedy_matching_keeps_gold_order_and_takes_first_prediction():
    # greedy, not the largest matching: "ab" takes "b" first, and "b" is left without a partner
    assert match_greedy(["ab", "b"], ["b", "ab"], lambda g, p: p in g) == [(0, 0)]
    assert match_greedy(["b", "ab"], ["b", "ab"], lambda g, p: p in g) == [(0, 0), (1, 1)]
    assert match_greedy(["ab", "ab"], ["b"], lambda g, p: p in g) == [(0, 0)]


def test_mention_overlap_is_half_of_the_shorter_text():
    assert text_overlap("2010年5月20日", "5月20日前") == 5 / 6  # 5月20日 of the shorter 5月20日前
    assert text_overlap("县卫生局牵头", "卫生局") == 1.0
    assert text_overlap("abcd", "cdef") == 0.5
    assert text_overlap("abcd", "") == 0.0


def test_themes_micro_and_macro():
    answers = {"坚决纠正形式主义、官僚主义,整治文山会海。": ["四风"],
               "严禁收受红包、回扣,改善服务态度。": [],
               "开展消防安全隐患排查整治。": ["安全隐患"],
               "组织党员干部学习理论。": ["四风"],
               "整治公款吃喝,排查医院消防隐患。": ["安全隐患"]}
    r = _case("themes", classify=lambda texts: [answers[t] for t in texts])["classify"]
    assert r["per_theme"]["四风"] == pytest.approx((0.5, 0.5, 0.5))
    assert r["per_theme"]["医德医风"] == (0.0, 0.0, 0.0)
    assert r["per_theme"]["安全隐患"] == (1.0, 1.0, 1.0)
    assert r["micro"] == pytest.approx((0.75, 0.6, 2 / 3))
    assert r["macro_f1"] == pytest.approx(0.5)
    assert (r["answered"], r["passages"]) == (5, 5)
    assert set(r["per_theme"]) == set(THEMES)


def test_themes_unavailable_is_reported():
    r = _case("themes")
    assert (r["classify"], r["themes_available"]) == ({}, False)
    assert "themes                 unavailable" in format_report(r)


def test_missing_document_file_is_an_error(tmp_path):
    from nlp.evaluate import evaluate_dir

    r = evaluate_dir(EVAL_GOLD, tmp_path, only="exact")
    assert "exact: no document file" in r["errors"]
    assert (r["documents"]["files"], r["documents"]["gold"]) == (1, 0)


def test_core_takes_plain_dicts():
    gold = [{"title": "甲方案", "sections": [], "passages": [],
             "mentions": [{"type": "party", "text": "县卫生局", "value": {"name": "县卫生局", "role": "lead"}}]}]
    pred = [{"title": "甲方案", "text": "县卫生局", "sections": [],
             "mentions": [{"type": "party", "text": "县卫生局", "value": {"name": "县卫生局", "role": "issuer"}}]}]
    r = score_corpus([("a", gold, pred)])
    assert r["party"]["f1"] == 1.0 and r["meta.title"]["f1"] == 1.0  # roles are not compared


def test_format_report_names_every_area():
    text = format_report(score_saved(EVAL_GOLD, EVAL_PRED))
    for label in ("documents", "sections", "section levels", "date.span", "party", "meta.title",
                  "gold text found"):
        assert f"\n{label} " in "\n" + text, label


# --- the same figures as the reference scorer ------------------------------------------------

@pytest.mark.parametrize("pool", [False, True], ids=["per-document", "pool"])
def test_same_figures_as_score_py_on_hand_made_cases(shared_tools, tmp_path, pool):
    extra = ["--extract", "cat {file}", "--classify", ""] + (["--pool"] if pool else [])
    theirs = _run_score_py(shared_tools, EVAL_GOLD, EVAL_PRED, tmp_path / "s.json", *extra)
    ours = score_saved(EVAL_GOLD, EVAL_PRED, pool=pool)
    assert _figures(ours) == pytest.approx(_figures(theirs))
    assert set(_figures(ours)) == set(_figures(theirs))


def test_same_figures_as_score_py_on_seeds(shared_tools, gold_dir, seeds_dir, tmp_path):
    from nlp.cli import app

    py = f"{sys.executable} -m nlp.cli"
    # score.py reads no passages from extract (it classifies the gold passages), so extract
    # skips themes, as eval does: a missing theme model then fails only the theme figures
    theirs = _run_score_py(shared_tools, gold_dir, seeds_dir, tmp_path / "s.json",
                           "--extract", py + " extract {file} --format jsonl --no-themes",
                           "--classify", py + " classify --format jsonl")
    result = CliRunner().invoke(app, ["eval", str(gold_dir), str(seeds_dir), "--json",
                                      str(tmp_path / "e.json")])
    assert result.exit_code == 0, result.output
    ours = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    assert _figures(ours) == pytest.approx(_figures(theirs))
    assert set(_figures(ours)) == set(_figures(theirs))
    # themes: only when both sides had a classifier that answered every passage
    mine, ref = ours["classify"], theirs["classify"]
    if mine and ref and ref["answered"] == ref["passages"]:
        # pytest.approx does not take a dict of lists: compare each theme's (P, R, F1)
        assert set(mine["per_theme"]) == set(ref["per_theme"])
        for theme, prf in ref["per_theme"].items():
            assert list(mine["per_theme"][theme]) == pytest.approx(list(prf)), theme
        assert list(mine["micro"]) == pytest.approx(list(ref["micro"]))
        assert mine["macro_f1"] == pytest.approx(ref["macro_f1"])
