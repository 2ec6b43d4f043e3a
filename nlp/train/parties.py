"""Train the learned party recogniser (``nlp/extract/parties_model.py``) on real gold.

Input: folders of gold JSON files and their documents (the real dev split, optionally more
gold sets); output: ``models/parties/`` (``coef.npy`` and ``meta.json``, no pickle).

Each document is run through the pipeline with the rules alone; every candidate span
(``parties_model.candidates``) is labelled by the gold parties of its document with the scorer's
rule (a name contains the other, the texts share half of the shorter one). When a gold party has
a candidate with exactly its name, the other candidates that merely contain it are left out of
training, so the model learns where a name starts.

On sites the rules were not tuned on they find about half the parties, and the model only scores
what they missed; so it learns from every gold party, not only from those the dev-tuned rules
missed, and its only features of the rules (a rule find is a list neighbour or on the line) are
read, in training, from the rules' finds ablated as on an unseen site (``train_view``: a third
of their names dropped, another seed than the simulation's). The threshold is chosen on a
**simulation of unseen sites**: out of fold
(GroupKFold on the ``site`` column of the split file), each document's rules lose a third of their
names (``ablated``, fixed seed); the threshold is the one with the best F1 of rules + model there
that keeps its precision at ``MIN_PRECISION`` and costs the full rules at most ``MAX_COST`` of F1
out of fold (``choose_threshold``). The out-of-fold figures with the full rules, the simulation's figures
and the candidates' coverage of the gold parties are written to ``meta.json``; the final model is
fitted on every document. ``scripts/cv_parties.py`` prints the same figures per fold.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from nlp.errors import BadOption

SEED = 13
C = 0.5  # inverse regularization of the logistic regression
FOLDS = 5
THRESHOLDS = tuple(round(0.30 + 0.025 * i, 3) for i in range(27))  # 0.30 .. 0.95


@dataclass
class Doc:
    """One gold document with what the rules found and its candidates."""
    file: str
    site: str
    text: str  # folded (fold_width), as the party finder reads it
    title: str | None
    rules: list[tuple[int, int, str, str]]  # start, end, name, role
    gold: list[tuple[str, str, str]]  # text, name, role
    cands: list[tuple[int, int, str]] = field(default_factory=list)
    slots: list[list[int]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)  # 1, 0, or -1 (left out of training)
    covered: list[bool] = field(default_factory=list)  # per gold party: some candidate matches it


def read_sites(split_file: str | Path, split: str = "dev") -> dict[str, str]:
    """``id -> site`` of the rows of one split of a SPLIT.tsv (columns id, split, site)."""
    from nlp.evaluate.runner import split_rows

    rows = split_rows(split_file)
    return {r["id"]: r.get("site") or r["id"] for r in rows if r["split"] == split}


def load_docs(gold_dir: str | Path, docs_dir: str | Path, sites: dict[str, str] | None = None) -> list[Doc]:
    """Run the rules on the documents of ``gold_dir``'s gold files (those in ``sites``, if given)."""
    from nlp.evaluate.matching import align_documents
    from nlp.evaluate.runner import _document_file
    from nlp.pipeline import iter_documents
    from nlp.settings import Settings
    from nlp.text import fold_width

    settings = Settings(ner="rules", classify=False)
    out = []
    for gold_path in sorted(Path(gold_dir).glob("*.json")):
        if sites is not None and gold_path.stem not in sites:
            continue
        path = _document_file(Path(docs_dir), gold_path.stem)
        if path is None:
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        docs = [d.to_dict() for d in iter_documents(path, settings)]
        pairs, _ = align_documents(gold["documents"], docs)
        for g, p in pairs:
            if p is None:
                continue
            out.append(Doc(
                file=gold_path.stem, site=(sites or {}).get(gold_path.stem, f"{gold_dir}:{gold_path.stem}"),
                text=fold_width(p["text"]), title=fold_width(p["title"]) if p["title"] else None,
                rules=[(m["start"], m["end"], m["value"]["name"], m["value"]["role"])
                       for m in p["mentions"] if m["type"] == "party"],
                gold=[(m["text"], m["value"]["name"], m["value"]["role"])
                      for m in g["mentions"] if m["type"] == "party"]))
    return out


def prepare(docs: Sequence[Doc]) -> None:
    """Fill each document's candidates, hashed features and labels."""
    from nlp.evaluate.matching import fold_text, mention_agrees
    from nlp.extract.parties_model import candidates, feature_slots

    for d in docs:
        d.cands = candidates(d.text)
        d.slots = feature_slots(d.text, d.cands, title=d.title, found=[(s, e) for s, e, _, _ in d.rules])
        names = [fold_text(d.text[a:b]) for a, b, _ in d.cands]
        labels = [0] * len(d.cands)
        d.covered = []
        for text, name, role in d.gold:
            g = {"text": text, "value": {"name": name, "role": role}}
            agree = [i for i, n in enumerate(names)
                     if mention_agrees("party", g, {"text": n, "value": {"name": n, "role": role}})]
            exact = [i for i in agree if names[i] in (fold_text(name), fold_text(text))]
            d.covered.append(bool(agree))
            for i in agree:
                if labels[i] != 1:
                    labels[i] = 1 if (i in exact or not exact) else -1
        d.labels = labels


SKIP_MIN = 3  # an ending + next character seen this often, never in a party, is skipped


def skip_pairs(docs: Sequence[Doc], at_least: int = SKIP_MIN) -> list[str]:
    """``部署``, ``处理``, ``科学``: an ending followed by a character that continues a word, never
    part of a party in the training documents although seen ``at_least`` times. Candidates with
    such an ending are not scored (a cheap first stage: fewer candidates, same answers)."""
    from collections import Counter

    from nlp.extract.parties_model import skip_key

    never: Counter = Counter()
    party: set[str] = set()
    for d in docs:
        for cand, label in zip(d.cands, d.labels):
            key = skip_key(d.text, cand)
            if key is None:
                continue
            if label == 0:
                never[key] += 1
            else:
                party.add(key)
    return sorted(k for k, n in never.items() if n >= at_least and k not in party)


def _matrix(docs: Sequence[Doc], bits: int, skip: frozenset[str]):
    import numpy as np
    from scipy.sparse import csr_matrix

    from nlp.extract.parties_model import skip_key

    rows, cols, y = [], [], []
    r = 0
    for d in docs:
        for cand, slots, label in zip(d.cands, d.slots, d.labels):
            if label < 0 or skip_key(d.text, cand) in skip:
                continue
            rows.extend([r] * len(slots))
            cols.extend(slots)
            y.append(label)
            r += 1
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(r, 1 << bits))
    x.sum_duplicates()
    return x, np.array(y)


def fit(docs: Sequence[Doc], *, c: float = C, bits: int | None = None, seed: int = SEED):
    """``(coef, intercept, skip)`` of a logistic regression on the documents' labelled candidates."""
    from sklearn.linear_model import LogisticRegression

    from nlp.extract.parties_model import BITS

    skip = frozenset(skip_pairs(docs))
    x, y = _matrix(docs, bits or BITS, skip)
    clf = LogisticRegression(C=c, max_iter=2000, class_weight="balanced", random_state=seed)
    clf.fit(x, y)
    return clf.coef_[0].astype("float32"), float(clf.intercept_[0]), skip


def doc_probs(d: Doc, coef, intercept: float, skip: frozenset[str] = frozenset()):
    from nlp.extract.parties_model import score, skip_key

    if not d.slots:
        return []
    probs = score(d.slots, coef, intercept)
    for i, cand in enumerate(d.cands):
        if skip_key(d.text, cand) in skip:
            probs[i] = 0.0
    return probs


def predictions(d: Doc, probs, threshold: float, *, rules: bool = True) -> list[tuple[str, str, str]]:
    """``(text, name, role)`` the finder would give: the rules' parties plus the model's additions
    (``rules=False``: the model's picks alone)."""
    from nlp.extract.parties_model import select

    base = [(d.text[s:e], n, r) for s, e, n, r in d.rules] if rules else []
    spans = [(s, e) for s, e, _, _ in d.rules] if rules else []
    names = sorted({n for _, _, n, _ in d.rules}) if rules else []
    added = select(d.text, d.cands, probs, threshold, spans, names) if len(probs) else []
    return base + [(d.text[a:b], d.text[a:b], "responsible") for a, b, _ in added]


def party_prf(docs: Sequence[Doc], preds: Sequence[list]) -> dict:
    """The scorer's party value P/R/F1 (greedy matching per document)."""
    from nlp.evaluate.matching import mention_agrees
    from nlp.metrics import match_greedy, prf_dict

    tp = n_gold = n_pred = 0
    for d, pred in zip(docs, preds):
        g = [{"text": t, "value": {"name": n, "role": r}} for t, n, r in d.gold]
        p = [{"text": t, "value": {"name": n, "role": r}} for t, n, r in pred]
        tp += len(match_greedy(g, p, lambda a, b: mention_agrees("party", a, b)))
        n_gold, n_pred = n_gold + len(g), n_pred + len(p)
    return {**prf_dict(tp, n_gold, n_pred), "tp": tp}


def sweep(docs: Sequence[Doc], probs) -> dict:
    """Rules alone, and model alone / rules + model at each threshold."""
    out = {"rules": party_prf(docs, [predictions(d, [], 1.0) for d in docs]), "model": {}, "rules+model": {}}
    for t in THRESHOLDS:
        out["model"][t] = party_prf(docs, [predictions(d, p, t, rules=False) for d, p in zip(docs, probs)])
        out["rules+model"][t] = party_prf(docs, [predictions(d, p, t) for d, p in zip(docs, probs)])
    return out


MIN_PRECISION = 0.78  # of rules + model in the unseen-site simulation (test and the collected pages: rules R .55-.67)
MAX_COST = 0.02  # F1 the model may cost where the rules fit (out of fold, the full rules), for the recall it adds where they miss


def choose_threshold(full: dict, sim: dict) -> float:
    """The threshold with the best F1 of rules + model in the unseen-site simulation, among those
    where that precision stays at ``MIN_PRECISION`` and, with the full rules, the model costs at
    most ``MAX_COST`` of their F1 (help where the rules miss, no harm where they fit); when none
    qualifies, the best simulated F1. Equal F1s (3 decimals): the higher threshold."""
    floor = full["rules"]["f1"] - MAX_COST
    ok = [t for t in THRESHOLDS
          if sim["rules+model"][t]["p"] >= MIN_PRECISION and full["rules+model"][t]["f1"] >= floor] or THRESHOLDS
    return max(ok, key=lambda t: (round(sim["rules+model"][t]["f1"], 3), t))


def manifest_sites(gold_dir: str | Path, docs_dir: str | Path) -> dict[str, str]:
    """Each gold file's site, for a set of collected pages: the host of its address in the
    folder's ``MANIFEST*.tsv`` (id, address, ...), else the file itself."""
    from urllib.parse import urlsplit

    hosts: dict[str, str] = {}
    for manifest in sorted(Path(docs_dir).glob("MANIFEST*.tsv")):
        for line in manifest.read_text(encoding="utf-8", errors="replace").splitlines():
            cols = line.split("\t")
            if len(cols) >= 2 and "://" in cols[1]:
                hosts[cols[0].strip()] = urlsplit(cols[1].strip()).hostname or cols[1].strip()
    return {g.stem: hosts.get(g.stem) or f"{Path(gold_dir).name}:{g.stem}"
            for g in sorted(Path(gold_dir).glob("*.json"))}


def train_party_model(gold_dir: str | Path, docs_dir: str | Path, split_file: str | Path, out_dir: str | Path, *,
                      split: str = "dev", extra: Sequence[tuple[str | Path, str | Path]] = (),
                      unseen: Sequence[tuple[str | Path, str | Path]] = (),
                      prior: str | Path | None = None,
                      c: float = C, log: Callable[[str], None] = lambda m: None) -> dict:
    """Cross-validate by site, pick the threshold on the unseen-site simulation, fit on
    everything (documents and extra gold) and write ``out_dir``; return meta.

    ``unseen``: sets of pages from sites the rules were never tuned on (GOLD, DOCS; their sites
    from the folder's manifest). They are cross-validated with the split's documents, read with
    the rules' finds as they are (no ablation: the rules already miss there what they miss on a
    new site), and join the simulation on which the threshold is chosen.

    ``prior``: the folder of an earlier model (``Prior``), trained on pages no longer at hand and
    never on the ``unseen`` ones. Each fold's model is blended with it at each weight of
    ``PRIOR_WEIGHTS``; weight and threshold are chosen on the unseen pages alone, out of fold (the
    prior saw the split's documents, so there it would look better than it is), and the final fit
    is blended at that weight."""
    import numpy as np

    from nlp.extract.parties_model import BITS, SIBLING_THRESHOLD

    started = time.perf_counter()
    if prior is not None and not unseen:
        raise BadOption(f"{prior}: a prior model needs unseen pages (--unseen) to choose its weight on")
    prior_model = load_prior(prior, BITS) if prior is not None else None
    docs = load_docs(gold_dir, docs_dir, read_sites(split_file, split))
    if not docs:
        raise BadOption(f"{gold_dir}: no gold file of split {split!r} has its document in {docs_dir}")
    extra_docs = [d for g, t in extra for d in load_docs(g, t)]
    unseen_docs = [d for g, t in unseen for d in load_docs(g, t, manifest_sites(g, t))]
    for group in (docs, extra_docs, unseen_docs):
        prepare(group)
    sims = [ablated(d, k) for k, d in enumerate(docs)]
    log(f"{len(docs)} documents from {len({d.site for d in docs})} sites, "
        f"{sum(len(d.cands) for d in docs)} candidates; {len(extra_docs)} extra documents; "
        f"{len(unseen_docs)} unseen documents from {len({d.site for d in unseen_docs})} sites")
    models: list = []
    probs, sim_probs, _ = cross_validate(docs, sims, c=c, extra=extra_docs, unseen=unseen_docs, models=models)
    n = len(docs)
    weight, by_weight = 0.0, {}
    if prior_model is not None:
        for w in PRIOR_WEIGHTS:
            p, s = fold_probs(docs + unseen_docs, sims, models, prior_model, w)
            seen = sweep(unseen_docs, p[n:])
            t = choose_threshold(sweep(docs, p[:n]), seen)
            by_weight[w] = {"threshold": t, **seen["rules+model"][t]}
            log(f"prior weight {w}: unseen pages out of fold F1 {by_weight[w]['f1']:.4f} at {t}")
        weight = max(PRIOR_WEIGHTS, key=lambda w: (round(by_weight[w]["f1"], 3), -w))
        probs, sim_probs = fold_probs(docs + unseen_docs, sims, models, prior_model, weight)
    figures = sweep(docs, probs[:n])
    sim = sweep(sims + unseen_docs, sim_probs)
    threshold = by_weight[weight]["threshold"] if by_weight else choose_threshold(figures, sim)
    coef, intercept, skip = blend(*fit(train_view(docs + extra_docs) + unseen_docs, c=c), prior_model, weight)
    final = [doc_probs(d, coef, intercept, skip) for d in docs]
    meta = {
        "name": "policy-nlp learned party recogniser",
        "model": "logistic regression on hashed candidate features (nlp/extract/parties_model.py)",
        "bits": BITS, "c": c, "seed": SEED, "threshold": threshold, "intercept": intercept,
        "sibling_threshold": SIBLING_THRESHOLD,
        "skip": sorted(skip),
        "trained_on": {"gold": str(gold_dir), "split": f"{Path(split_file).name}:{split}",
                       "documents": len(docs), "sites": len({d.site for d in docs}),
                       "extra": [str(g) for g, _ in extra], "extra_documents": len(extra_docs),
                       "unseen": [str(g) for g, _ in unseen], "unseen_documents": len(unseen_docs),
                       "unseen_sites": len({d.site for d in unseen_docs}),
                       "candidates": sum(len(d.cands) for d in docs + extra_docs + unseen_docs)},
        "oof": {"folds": FOLDS, "grouped_by": "site", "coverage": coverage(docs),
                "rules": figures["rules"], "model": figures["model"][threshold],
                "rules+model": figures["rules+model"][threshold],
                "by_threshold": {str(t): figures["rules+model"][t]["f1"] for t in THRESHOLDS}},
        "oof_simulation": {"rules_names_dropped": round(ABLATE, 4), "min_precision": MIN_PRECISION, "max_cost": MAX_COST,
                           "unseen_documents": len(unseen_docs),
                           "rules": sim["rules"], "rules+model": sim["rules+model"][threshold],
                           "by_threshold": {str(t): sim["rules+model"][t] for t in THRESHOLDS}},
        "dev_fit": party_prf(docs, [predictions(d, p, threshold) for d, p in zip(docs, final)]),
        "train_seconds": round(time.perf_counter() - started, 1),
    }
    if prior_model is not None:
        meta["prior"] = {
            "folder": prior_model.folder, "weight": weight,
            "how": "coef and intercept = weight * prior + (1 - weight) * the new fit; endings skipped by both; "
                   "weight and threshold chosen on the unseen pages out of fold (the prior never saw them; it saw "
                   "the split's documents, so the oof and simulation figures are not out of fold for its share)",
            "by_weight": {str(w): f for w, f in by_weight.items()},
            "prior_trained_on": prior_model.meta.get("trained_on"),
            "prior_prior": prior_model.meta.get("prior"),
        }
    if unseen_docs:
        seen = sweep(unseen_docs, probs[n:])
        meta["oof_unseen"] = {"coverage": coverage(unseen_docs), "rules": seen["rules"],
                              "rules+model": seen["rules+model"][threshold],
                              "by_threshold": {str(t): seen["rules+model"][t]["f1"] for t in THRESHOLDS}}
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    np.save(out / "coef.npy", coef, allow_pickle=False)
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return meta

ABLATE = 1 / 3  # the share of the rules' names dropped in the unseen-site simulation


def ablated(d: Doc, key: int, share: float = ABLATE, seed: int = SEED) -> Doc:
    """The document as the rules might read it on a site they were not tuned on: each distinct
    name the rules found is dropped (all its finds) with probability ``share``; the draw is fixed
    by ``seed``, the file and ``key`` (the document's place in its list). Candidates, features and
    labels are the document's own (the features never read the rules)."""
    import random

    from nlp.extract.parties_model import feature_slots

    rng = random.Random(f"{seed}:{d.file}:{key}")
    names = sorted({n for _, _, n, _ in d.rules})
    drop = {n for n in names if rng.random() < share}
    rules = [r for r in d.rules if r[2] not in drop]
    slots = feature_slots(d.text, d.cands, title=d.title, found=[(s, e) for s, e, _, _ in rules])
    return Doc(file=d.file, site=d.site, text=d.text, title=d.title, rules=rules, gold=d.gold,
               cands=d.cands, slots=slots, labels=d.labels, covered=d.covered)


TRAIN_SEEDS = (SEED + 1,)
TRAIN_ABLATE = ABLATE


def train_view(docs: Sequence[Doc]) -> list[Doc]:
    """The training documents as the rules of an unseen site would leave them: each ablated
    (``ablated``) with the seeds of ``TRAIN_SEEDS`` (not the simulation's)."""
    return [ablated(d, k, TRAIN_ABLATE, seed) for seed in TRAIN_SEEDS for k, d in enumerate(docs)]


def coverage(docs: Sequence[Doc]) -> dict:
    """The share of gold parties some candidate matches (the scorer's rule): the model's ceiling."""
    n = sum(len(d.covered) for d in docs)
    hit = sum(sum(d.covered) for d in docs)
    return {"covered": hit, "gold": n, "share": round(hit / n, 4) if n else 0.0}


def cross_validate(docs: Sequence[Doc], sims: Sequence[Doc], *, folds: int = FOLDS, c: float = C,
                   extra: Sequence[Doc] = (), unseen: Sequence[Doc] = (),
                   models: list | None = None) -> tuple[list, list, list]:
    """Site-grouped out-of-fold probabilities of each document's candidates, read with the rules'
    finds (``docs``) and with the ablated finds (``sims``, same order); and each document's fold.
    The model is trained on the documents as an unseen site's rules would read them (``train_view``).
    ``unseen`` documents (pages the rules were never tuned on) join the folds after ``docs``, read
    with their rules' finds as they are, in training and in the simulation alike; the lists
    returned cover ``docs`` then ``unseen``. ``models``, when given, receives each fold's
    ``(test indices, coef, intercept, skip)`` (to blend with a prior model: ``fold_probs``)."""
    from sklearn.model_selection import GroupKFold

    pool = list(docs) + list(unseen)
    groups = [d.site for d in pool]
    probs: list = [None] * len(pool)
    sim_probs: list = [None] * len(pool)
    fold_of = [0] * len(pool)
    n = len(docs)
    splits = GroupKFold(n_splits=min(folds, len(set(groups)))).split(pool, groups=groups)
    for k, (train_idx, test_idx) in enumerate(splits):
        train = train_view([docs[i] for i in train_idx if i < n] + list(extra))
        coef, intercept, skip = fit(train + [pool[i] for i in train_idx if i >= n], c=c)
        if models is not None:
            models.append((list(test_idx), coef, intercept, skip))
        for i in test_idx:
            probs[i] = doc_probs(pool[i], coef, intercept, skip)
            sim_probs[i] = doc_probs(sims[i] if i < n else pool[i], coef, intercept, skip)
            fold_of[i] = k
    return probs, sim_probs, fold_of


PRIOR_WEIGHTS = (0.0, 0.25, 0.5, 0.75)  # the shares of a prior model's coefficients tried in the blend


@dataclass
class Prior:
    """An earlier recogniser (``coef.npy`` and ``meta.json`` of a model folder) whose coefficients
    are blended into the new fit: it carries what the pages it was trained on taught it when those
    pages are no longer at hand. Both are logistic regressions over the same hashed features, so a
    weighted mean of their coefficients is the weighted mean of their log-odds."""
    folder: str
    coef: object
    intercept: float
    skip: frozenset[str]
    meta: dict


def load_prior(folder: str | Path, bits: int) -> Prior:
    """The model in ``folder`` as a prior for a fit hashing into ``bits`` bits."""
    import numpy as np

    path = Path(folder)
    try:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        coef = np.load(path / "coef.npy", allow_pickle=False)
    except (OSError, ValueError, KeyError) as err:
        raise BadOption(f"{path}: no party model to use as a prior ({err})") from None
    if int(meta.get("bits", -1)) != bits or coef.shape != (1 << bits,) or "intercept" not in meta:
        raise BadOption(f"{path}: the prior model does not hash into {bits} bits as this one does")
    return Prior(str(path), coef, float(meta["intercept"]), frozenset(meta.get("skip", ())), meta)


def blend(coef, intercept: float, skip: frozenset[str], prior: Prior | None, weight: float):
    """``(coef, intercept, skip)`` of ``weight`` times the prior plus the rest times the new fit;
    an ending is skipped only when both models skip it. Weight 0 (or no prior): the new fit as is."""
    if prior is None or weight <= 0:
        return coef, intercept, skip
    return ((weight * prior.coef + (1 - weight) * coef).astype("float32"),
            weight * prior.intercept + (1 - weight) * intercept, skip & prior.skip)


def fold_probs(pool: Sequence[Doc], sims: Sequence[Doc], models: Sequence, prior: Prior | None,
               weight: float) -> tuple[list, list]:
    """``cross_validate``'s out-of-fold probabilities again, each fold's model blended with the
    prior at ``weight`` (``sims`` stands for the first ``len(sims)`` documents of ``pool``)."""
    probs: list = [None] * len(pool)
    sim_probs: list = [None] * len(pool)
    for test_idx, coef, intercept, skip in models:
        c, b, s = blend(coef, intercept, skip, prior, weight)
        for i in test_idx:
            probs[i] = doc_probs(pool[i], c, b, s)
            sim_probs[i] = doc_probs(sims[i], c, b, s) if i < len(sims) else probs[i]
    return probs, sim_probs
