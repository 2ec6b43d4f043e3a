"""Themes training with real passages: domain-adapted fits, nested scores, dev-only reading, module sizes."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from nlp.train.themes import TrainOptions, train_theme_model
from nlp.train.themes_cv import RealData, fit_real_theme, logistic
from nlp.themes.model import read_theme_model

ROOT = Path(__file__).resolve().parent.parent

WRITTEN = [  # (text, themes) written for this test
    ("严禁医务人员收受患者红包和药品回扣,查处大处方和乱收费。", ["医德医风"]),
    ("医院开展行风评议,患者对医务人员服务态度的投诉逐件回访。", ["医德医风"]),
    ("纪委通报三起违规公款吃喝和收受礼品礼金问题,当事人受到处分。", ["四风"]),
    ("精简会议文件,压减督查检查考核,坚决纠正形式主义官僚主义。", ["四风"]),
    ("开展消防安全大排查,整治堵塞疏散通道和违规充电等火灾隐患。", ["安全隐患"]),
    ("对危险化学品企业开展安全生产检查,重大隐患挂牌督办限期整改。", ["安全隐患"]),
    ("全年完成门急诊量十万人次,新开展手术项目五项。", []),
    ("本方案自印发之日起施行,由局办公室负责解释。", []),
]


def _real(site: int, k: int) -> tuple[str, list[str]]:
    pool = [("医生拒收红包,医院通报收受回扣的医师并扣发绩效。", ["医德医风"]),
            ("县纪委查处干部大吃大喝、公车私用问题并点名通报。", ["四风"]),
            ("对高层建筑和人员密集场所排查火灾隐患并整改。", ["安全隐患"]),
            ("今年全县新建道路十二公里,绿化面积继续增加。", [])]
    text, themes = pool[(site + k) % len(pool)]
    return f"{text}第{site}站第{k}段。", themes


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Path:
    """A stand-in for ../shared: six dev sites and one test file that must never be read."""
    root = tmp_path_factory.mktemp("shared")
    (root / "gold" / "real").mkdir(parents=True)
    (root / "corpora" / "real").mkdir(parents=True)
    rows = ["id\tsplit\tsite"]
    for site in range(6):
        passages = [dict(zip(("text", "themes"), _real(site, k))) for k in range(8)]
        (root / "gold" / "real" / f"x_{site:02d}.json").write_text(
            json.dumps({"documents": [{"passages": passages}]}, ensure_ascii=False), encoding="utf-8")
        rows.append(f"x_{site:02d}\tdev\tsite{site}.example")
    (root / "gold" / "real" / "x_99.json").write_text("not json: a test file is never opened", encoding="utf-8")
    rows.append("x_99\ttest\tsite99.example")
    (root / "corpora" / "real" / "SPLIT.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("written")
    lines = [json.dumps({"id": f"w{i}", "text": t, "themes": th, "source": f"s{i}"}, ensure_ascii=False)
             for i, (t, th) in enumerate(WRITTEN * 3)]
    (folder / "written.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_training_with_real_passages_writes_nested_scores(corpus, shared, tmp_path):
    options = TrainOptions(min_df=1, real_c_grid=(2.0,), weight_grid=(0.5, 1.0))
    meta = train_theme_model(corpus, tmp_path / "m", options=options, real=shared)
    assert meta["real"]["passages"] == 48 and meta["real"]["sites"] == 6  # the test file was skipped
    assert "nested" in meta["dev"]["on"] and set(meta["dev"]["not_nested"]["per_theme"]) == set(meta["themes"])
    assert {v["written_weight"] for v in meta["weights"]["per_theme"].values()} <= {0.5, 1.0}
    assert "within 0.01 of the best F1" in meta["thresholds_how"]
    model = read_theme_model(tmp_path / "m")
    assert model.coef.shape == (model.n_features, 3)  # the augmented copies are folded back
    themes, _ = model.predict(["医院查处收受红包回扣的医生,行风评议结果公开。"])[0]
    assert "医德医风" in themes


def test_extra_real_gold_joins_the_real_passages_one_site_a_file(corpus, shared, tmp_path):
    extra = tmp_path / "collected"
    extra.mkdir()
    for k in range(4):
        passages = [dict(zip(("text", "themes"), _real(10 + k, j))) for j in range(3)]
        (extra / f"c_{k:02d}.json").write_text(json.dumps({"documents": [{"passages": passages}]}, ensure_ascii=False),
                                               encoding="utf-8")
    options = TrainOptions(min_df=1, real_c_grid=(2.0,), weight_grid=(1.0,))
    meta = train_theme_model(corpus, tmp_path / "m", options=options, real=shared, extra=[extra])
    assert meta["real"]["passages"] == 48 + 12 and meta["real"]["sites"] == 6 + 4
    assert meta["real"]["extra"][str(extra)]["files"] == 4 and meta["real"]["extra"][str(extra)]["passages"] == 12
    own = meta["dev"]["real_dev_split"]  # the real dev passages' own nested figures, beside the pooled ones
    assert own["passages"] == 48 and meta["dev"]["passages"] == 60 and len(own["per_partition_macro"]) >= 1


def test_shipped_weights_are_what_a_real_passage_sees():
    rng = np.random.default_rng(0)
    from scipy.sparse import csr_matrix

    from nlp.train.themes_cv import _fit_weighted

    X = csr_matrix(rng.random((40, 6)) * (rng.random((40, 6)) > 0.5))
    y = (X[:, 0].toarray().ravel() > 0.3).astype(np.int64)
    groups = [f"g{i % 5}" for i in range(20)]
    assert RealData.augment(X, 20, groups).members == ("adapted", "plain")  # the shipped default
    data = RealData.augment(X, 20, groups, members=("adapted", "plain"))
    assert data.X.shape == (40, 6) and data.Xa.shape == (40, 18) and data.members == ("adapted", "plain")
    adapted = logistic(1.0).fit(data.Xa, y)
    plain = logistic(1.0).fit(data.X, y)
    real_rows = data.Xa[20:]
    assert np.allclose(adapted.decision_function(real_rows),
                       X[20:] @ data.real_coef(adapted.coef_[0]) + adapted.intercept_[0])
    # the shipped column is the mean of both members: its score on a real row is the mean of theirs
    both = _fit_weighted(data, y, np.arange(20), 1.0, 1.0)
    weights = np.concatenate([np.ones(20), data.site_weights])
    a = logistic(1.0).fit(data.Xa, y, sample_weight=weights).decision_function(real_rows)
    p = logistic(1.0).fit(data.X, y, sample_weight=weights).decision_function(X[20:])
    assert np.allclose(both.decision(X[20:]), (a + p) / 2)
    assert plain.coef_.shape == (1, 6)
    fit, chosen, oof, nested = fit_real_theme(data, y, weight_grid=(1.0,), c_grid=(1.0,), repeats=2)
    assert fit.coef.shape == (6,) and oof.shape == (20,) and nested.shape == (2, 20)
    assert 0.05 <= chosen["threshold"] <= 0.95
    only = RealData.augment(X, 20, groups, members=("plain",))
    assert only.Xa is None and np.allclose(_fit_weighted(only, y, np.arange(20), 1.0, 1.0).decision(X[20:]), p)
    with pytest.raises(ValueError):
        RealData.augment(X, 20, groups, members=("other",))


def test_site_partitions_hold_out_every_site_once():
    from nlp.train.themes_cv import site_partitions

    groups = [f"s{i % 7}" for i in range(30)]
    parts = site_partitions(groups, 3)
    assert len(parts) == 3 and any(not np.array_equal(a, b) for (_, a), (_, b) in zip(parts[0], parts[1]))
    for folds in parts:
        held = np.concatenate([te for _, te in folds])
        assert sorted(held.tolist()) == list(range(30))
        for tr, te in folds:
            assert not {groups[i] for i in tr} & {groups[i] for i in te}


def test_real_passages_of_a_big_site_weigh_less():
    """Issue 11: a site with many passages must not teach its own wording; weights have mean 1."""
    from nlp.train.themes_cv import site_weights

    groups = ["big"] * 9 + ["small"]
    w = site_weights(groups)
    assert np.isclose(w.mean(), 1.0) and np.isclose(w[-1] / w[0], 3.0)  # sqrt(9) / sqrt(1)
    assert np.allclose(site_weights(["a", "b", "c"]), 1.0)
    X = np.eye(4)
    from scipy.sparse import csr_matrix

    data = RealData.augment(csr_matrix(X), 1, groups[:3])
    assert data.site_weights.shape == (3,) and np.isclose(data.site_weights.mean(), 1.0)


@pytest.mark.parametrize("name", ["themes.py", "themes_cv.py", "themes_data.py", "themes_vocab.py"])
def test_training_modules_stay_small(name):
    assert len((ROOT / "nlp" / "train" / name).read_text(encoding="utf-8").splitlines()) < 500


def test_theme_list_and_scores_come_from_one_place():
    """Issue 15: the built-in themes are nlp.vocab.THEMES; P/R/F1 are nlp.metrics' figures."""
    from nlp import metrics, vocab
    from nlp.train import themes_cv, themes_data

    assert themes_data.BUILTIN_THEMES is vocab.THEMES
    y = np.array([[1, 0, 1], [1, 0, 0], [0, 0, 1], [0, 0, 0]])
    pred = np.array([[1, 0, 1], [0, 0, 1], [1, 0, 1], [0, 0, 0]], dtype=bool)
    scores = themes_cv.score_themes(y, pred, vocab.THEMES)["per_theme"]
    assert scores["四风"] == {"p": 0.5, "r": 0.5, "f1": 0.5, "support": 2}
    assert scores["安全隐患"]["p"] == round(2 / 3, 4) and scores["安全隐患"]["r"] == 1.0
    assert themes_cv.prf(y[:, 0], pred[:, 0]) == metrics.prf(1, 2, 2)
