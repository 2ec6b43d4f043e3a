"""Themes: passages from the outline, the feature transform, the artefact, training, analyst themes."""

from __future__ import annotations

import json
import time
import shutil
from pathlib import Path

import numpy as np
import pytest

from nlp.errors import BadOption, ModelError
from nlp.model import Document, Section
from nlp.themes import DEFAULT_MODEL, classify_passages, classify_texts, find_passages, load_model
from nlp.themes.features import Lexicon, count_terms
from nlp.themes.model import read_theme_model
from nlp.train.themes import (BUILTIN_THEMES, TrainOptions, choose_threshold, read_analyst_themes,
                              read_theme_corpus, read_user_dict, train_theme_model)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "themes"
GOLD = ROOT / "corpora" / "gold"
MYTHEMES = ROOT / "corpora" / "themes_examples" / "mythemes.toml"
SMALL = TrainOptions(c_grid=(2.0,))  # one C: the test models train in seconds


def _section(sid, start, end, marker, heading, level=1, parent=None):
    return Section(sid, parent, level, marker, heading, start, end)


# passages --------------------------------------------------------------------------------------

OUTLINE_TEXT = ("一、工作目标\n"
                "严禁医务人员收受患者红包和医药企业回扣,杜绝大处方和乱收费。\n"
                "二、排查整治\n"
                "(一)排查范围\n"
                "全面排查门诊、病房等人员密集场所的消防设施和疏散通道。\n"
                "(二)工作要求\n"
                "各单位要落实安全生产责任制,对查出的火灾隐患限期整改。\n")


def _outline_sections(text):
    def at(s):
        return text.index(s)
    return [
        _section("s1", 0, at("二、"), "一、", "工作目标"),
        _section("s2", at("二、"), len(text), "二、", "排查整治"),
        _section("s3", at("(一)"), at("(二)"), "(一)", "排查范围", 2, "s2"),
        _section("s4", at("(二)"), len(text), "(二)", "工作要求", 2, "s2"),
    ]


def test_passage_is_leaf_section_with_marker_and_heading():
    spans = list(find_passages(OUTLINE_TEXT, _outline_sections(OUTLINE_TEXT)))
    assert [(OUTLINE_TEXT[s:e].split("\n")[0], sec) for s, e, sec in spans] == [
        ("一、工作目标", "s1"), ("(一)排查范围", "s3"), ("(二)工作要求", "s4")]


def test_bare_heading_of_a_parent_section_is_no_passage():
    texts = [OUTLINE_TEXT[s:e] for s, e, _ in find_passages(OUTLINE_TEXT, _outline_sections(OUTLINE_TEXT))]
    assert not any(t.strip() == "二、排查整治" for t in texts)


def test_passage_never_crosses_a_section_start():
    sections = _outline_sections(OUTLINE_TEXT)
    for s, e, _ in find_passages(OUTLINE_TEXT, sections):
        assert not any(s < sec.start < e for sec in sections)


def test_without_outline_a_passage_is_a_line():
    text = "加强医德医风建设,严禁收受红包回扣。\n短行\n全面排查火灾隐患,落实安全生产责任制。"
    assert [text[s:e] for s, e, _ in find_passages(text)] == [
        "加强医德医风建设,严禁收受红包回扣。", "全面排查火灾隐患,落实安全生产责任制。"]


def test_long_paragraph_is_cut_into_runs_of_whole_sentences():
    sentence = "各医疗卫生单位要严格落实消防安全责任制,定期开展隐患排查整治,确保不发生火灾事故。"  # 42 chars
    text = sentence * 30
    spans = list(find_passages(text))
    assert len(spans) > 1
    assert all(e - s <= 500 and text[s:e].endswith("。") for s, e, _ in spans)
    assert "".join(text[s:e] for s, e, _ in spans) == text


def test_classify_passages_fills_the_contract_fields():
    doc = Document(source="t.txt", doc_index=0, text=OUTLINE_TEXT, sections=_outline_sections(OUTLINE_TEXT))
    passages = classify_passages(doc)
    assert [p.id for p in passages] == ["p1", "p2", "p3"]
    assert all(doc.text[p.start:p.end] == p.text for p in passages)
    assert all(set(p.scores) == set(BUILTIN_THEMES) and all(0 <= v <= 1 for v in p.scores.values())
               for p in passages)


def test_classify_passages_labels_the_obvious_themes():
    doc = Document(source="t.txt", doc_index=0, text=OUTLINE_TEXT, sections=_outline_sections(OUTLINE_TEXT))
    assert [p.themes for p in classify_passages(doc)] == [["医德医风"], ["安全隐患"], ["安全隐患"]]


def test_seed_passages_have_exact_offsets(seeds_dir):
    from nlp.pipeline import process_file
    from nlp.settings import Settings

    for path in sorted(seeds_dir.glob("*.txt")):
        for doc in process_file(path, Settings(ner="rules")):
            assert all(doc.text[p.start:p.end] == p.text and len(p.text) >= 15 for p in doc.passages)


# features --------------------------------------------------------------------------------------


def _corpus_texts(n=400):
    texts = [json.loads(line)["text"] for path in sorted(CORPUS.glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts[:n] + ["", "b超2010年Ａ", "醫德醫風建設,嚴禁收受紅包", "门难进脸难看事难办"]


def test_fast_transform_equals_the_reference_counts():
    model = load_model()
    vocab = json.loads((DEFAULT_MODEL / "vocab.json").read_text(encoding="utf-8"))
    lexicon = Lexicon(vocab["lexicon"])
    offsets = np.cumsum([0] + [len(g["terms"]) for g in vocab["groups"]])
    for text in _corpus_texts():
        _, cols, _ = model.features.transform([text])
        want = set()
        for g, off in zip(vocab["groups"], offsets):
            index = {t: off + i for i, t in enumerate(g["terms"])}
            counts = count_terms(text, g["kind"], lexicon=lexicon, phrases=g["terms"])
            want |= {index[t] for t in counts if t in index}
        assert set(cols.tolist()) == want, text


def test_traditional_script_scores_like_simplified():
    simplified, traditional = classify_texts(["医务人员严禁收受红包回扣", "醫務人員嚴禁收受紅包回扣"])
    assert simplified.scores == traditional.scores


def test_explain_names_the_words_behind_a_theme():
    result, = classify_texts(["严禁医务人员收受患者红包"], explain=True)
    terms = [t for t, _ in result.explain["医德医风"]]
    assert "红包" in terms or "收受红包" in terms


def test_user_dictionary_rows_are_unique_policy_terms():
    words = [w for w, _, _ in read_user_dict()]
    assert len(words) == len(set(words)) and {"门难进脸难看事难办", "医德医风", "隐患排查整治"} <= set(words)


# artefact --------------------------------------------------------------------------------------


def test_shipped_model_loads_without_pickle():
    for name in ("idf", "coef", "intercept", "calibration"):
        assert np.load(DEFAULT_MODEL / f"{name}.npy", allow_pickle=False).dtype != object
    assert not [p for p in DEFAULT_MODEL.iterdir() if p.suffix in (".pkl", ".pickle", ".joblib", ".skops")]


def test_shipped_meta_records_corpus_hash_thresholds_and_dev_scores():
    meta = json.loads((DEFAULT_MODEL / "meta.json").read_text(encoding="utf-8"))
    assert meta["corpus"]["hash"].startswith("sha256:") and len(meta["corpus"]["hash"]) == 71
    assert set(meta["thresholds"]) == set(BUILTIN_THEMES)
    assert set(meta["dev"]["per_theme"]) == set(BUILTIN_THEMES) and 0 <= meta["dev"]["macro_f1"] <= 1


def test_shipped_model_macro_f1_on_seed_gold_passages():
    passages = [p for path in sorted(GOLD.glob("*.json"))
                for d in json.loads(path.read_text(encoding="utf-8"))["documents"] for p in d["passages"]]
    results = classify_texts([p["text"] for p in passages])
    f1s = []
    for theme in BUILTIN_THEMES:
        tp = sum(theme in r.themes and theme in p["themes"] for r, p in zip(results, passages))
        fp = sum(theme in r.themes and theme not in p["themes"] for r, p in zip(results, passages))
        fn = sum(theme not in r.themes and theme in p["themes"] for r, p in zip(results, passages))
        f1s.append(2 * tp / (2 * tp + fp + fn))
    assert sum(f1s) / len(f1s) >= 0.85


def test_missing_model_raises_with_the_fix(tmp_path):
    with pytest.raises(ModelError, match=r"no theme model here \(meta.json missing; run `policy-nlp train`\)"):
        read_theme_model(tmp_path)


# training --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> Path:
    """Seed gold passages (train) and the first written batch (dev)."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copy(CORPUS / "seed_gold.jsonl", folder)
    shutil.copy(CORPUS / "written_01.jsonl", folder)
    dev = sorted({json.loads(line)["source"] for line in (folder / "written_01.jsonl").read_text("utf-8").splitlines()})
    (folder / "split.json").write_text(json.dumps({"dev": dev}), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def small_model(small_corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("model") / "themes"
    train_theme_model(small_corpus, out, options=SMALL)
    return out


def test_training_is_deterministic(small_corpus, small_model, tmp_path):
    train_theme_model(small_corpus, tmp_path / "again", options=SMALL)
    for name in ("meta.json", "vocab.json", "idf.npy", "coef.npy", "intercept.npy", "calibration.npy"):
        assert (tmp_path / "again" / name).read_bytes() == (small_model / name).read_bytes(), name


def test_meta_hash_is_the_corpus_hash(small_corpus, small_model):
    meta = json.loads((small_model / "meta.json").read_text(encoding="utf-8"))
    assert meta["corpus"]["hash"] == read_theme_corpus(small_corpus).hash


def test_analyst_theme_appears_and_builtin_scores_stay(small_corpus, small_model, tmp_path):
    train_theme_model(small_corpus, tmp_path / "custom", themes_file=MYTHEMES, options=SMALL)
    texts = ["县医保局对定点医药机构开展医保基金使用专项检查,严厉打击欺诈骗保行为。",
             "严禁医务人员收受红包回扣。", "全面排查火灾隐患。"]
    base = classify_texts(texts, model_path=small_model)
    custom = classify_texts(texts, model_path=tmp_path / "custom")
    assert ["医保基金" in c.themes for c in custom] == [True, False, False]
    assert all(set(c.scores) == set(BUILTIN_THEMES) | {"医保基金"} for c in custom)
    assert [{t: c.scores[t] for t in BUILTIN_THEMES} for c in custom] == [b.scores for b in base]


def test_corpus_row_with_unknown_theme_names_file_and_line(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"id": "x", "text": "文山会海", "themes": ["四风"]}\n'
                                      '{"id": "y", "text": "医保", "themes": ["医保"]}\n', encoding="utf-8")
    with pytest.raises(BadOption, match=r"^a.jsonl:2: unknown theme '医保'; known: 四风, 医德医风, 安全隐患$"):
        read_theme_corpus(tmp_path)


def test_analyst_theme_may_not_reuse_a_builtin_name(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text('[[theme]]\nname = "四风"\nseeds = ["文山会海"]\n', encoding="utf-8")
    with pytest.raises(BadOption, match="theme '四风' already exists"):
        read_analyst_themes(path)


@pytest.mark.parametrize("labels, scores, threshold", [
    ([0, 0, 1, 1], [0.1, 0.3, 0.6, 0.9], 0.455),  # the middle of the plateau 0.31..0.60
    ([0, 0, 0], [0.1, 0.2, 0.3], 0.5),            # no positive: the neutral threshold
], ids=["plateau-middle", "no-positive"])
def test_choose_threshold(labels, scores, threshold):
    assert choose_threshold(np.array(labels), np.array(scores)) == pytest.approx(threshold)


def test_passages_are_linear_in_the_number_of_sections():
    item = "(一)各单位要落实消防安全责任制,定期开展隐患排查。\n"
    text = item * 20_000
    sections = [_section(f"s{i}", i * len(item), (i + 1) * len(item), "(一)", "各单位要落实消防安全责任制")
                for i in range(20_000)]
    start = time.process_time()
    assert len(list(find_passages(text, sections))) == 20_000
    assert time.process_time() - start < 5


def test_a_line_without_sentence_ends_is_still_cut():
    text = "医" * 100_000
    spans = list(find_passages(text))
    assert max(e - s for s, e, _ in spans) <= 500 and "".join(text[s:e] for s, e, _ in spans) == text
