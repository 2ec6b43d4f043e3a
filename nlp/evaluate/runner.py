"""Running the scorer on folders: gold files + documents (or saved output) -> a report.

``evaluate_dir`` runs the pipeline in-process on each gold file's document, ``score_saved``
reads what ``policy-nlp extract --format jsonl`` wrote; both feed ``score_corpus``. A split file
(``read_split``) limits either to the gold files one split names.
"""

from __future__ import annotations

import csv
import json
import time
from dataclasses import replace
from pathlib import Path
from typing import Collection

from nlp.errors import BadOption
from nlp.evaluate.scoring import Classifier, score_corpus
from nlp.settings import Settings


def read_split(spec: str) -> frozenset[str]:
    """The ids a split names, from ``FILE:NAME`` (a TSV with a header and columns id, split, ...).

    Raises :class:`BadOption` when the file cannot be read or has no split of that name.
    """
    path, sep, name = spec.rpartition(":")
    if not sep or not path or not name:
        raise BadOption(f"--split {spec!r}: expected FILE:NAME, e.g. SPLIT.tsv:dev")
    rows = split_rows(path, label="--split ")
    names = sorted({r["split"] for r in rows if r["split"]})
    if name not in names:
        raise BadOption(f"unknown split {name!r} in {path}; known: {', '.join(names)}")
    return frozenset(r["id"] for r in rows if r["split"] == name)


def split_rows(path: str | Path, *, label: str = "") -> list[dict[str, str]]:
    """The rows of a split file (a TSV with a header and at least the columns id and split);
    ``label`` starts the one-line error (``--split ``)."""
    try:
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f, delimiter="\t"))
    except OSError as err:
        raise BadOption(f"{label}{path}: {err.strerror or err}") from None
    if not rows or not {"id", "split"} <= set(rows[0]):
        raise BadOption(f"{label}{path}: expected a header with the columns id and split")
    return rows


def gold_files(gold_dir: str | Path, *, only: str = "", files: Collection[str] | None = None
               ) -> list[Path]:
    """The gold JSON files of gold_dir whose name starts with ``only`` (and is in ``files``)."""
    paths = sorted(Path(gold_dir).glob(f"{only}*.json"))
    return paths if files is None else [p for p in paths if p.stem in files]


def _document_file(docs_dir: Path, stem: str) -> Path | None:
    found = sorted(p for p in Path(docs_dir).glob(stem + ".*") if p.suffix != ".json")
    return found[0] if found else None


def _theme_classifier(settings: Settings) -> tuple[Classifier | None, str | None]:
    """The themes stage's classifier, or None and the reason it is unavailable."""
    try:
        from nlp.themes import classify_texts
    except ImportError as err:
        return None, f"themes: unavailable ({err})"

    def classify(texts: list[str]) -> list[list[str]]:
        answers = classify_texts(texts, model_path=settings.themes_model)
        # (themes, scores) pairs, or objects with a .themes field
        return [list(getattr(a, "themes", None) or (a[0] if isinstance(a, (tuple, list)) else []))
                for a in answers]

    return classify, None


def evaluate_dir(gold_dir: str | Path, docs_dir: str | Path, *, settings: Settings = Settings(),
                 pool: bool = False, only: str = "", files: Collection[str] | None = None,
                 by_file: bool = False, diff: bool = False) -> dict:
    """Run the pipeline on each gold file's document in ``docs_dir`` and score it (see module doc).

    The report holds, per area, ``{"p", "r", "f1", "gold", "pred", "tp"}`` (areas ``sections``,
    ``date``/``date.span``..., ``meta.title``...), ``section_level_acc``, ``gold_text_found``,
    ``documents``, ``classify`` (themes), ``errors``, ``extract_seconds`` and ``bytes``; ``files``
    limits the run to those gold file names (stems), ``by_file`` and ``diff`` add per-file rows
    and the missed/extra mentions (``score_corpus``).
    """
    from nlp.errors import PolicyNlpError
    from nlp.pipeline import iter_documents

    run_settings = replace(settings, classify=False)  # themes are scored on gold passages
    errors: list[str] = []
    scored = []
    seconds, size = 0.0, 0
    for gold_path in gold_files(gold_dir, only=only, files=files):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        path = _document_file(Path(docs_dir), gold_path.stem)
        if path is None:
            scored.append((gold_path.stem, gold["documents"], None))
            continue
        size += path.stat().st_size
        docs: list[dict] = []
        started = time.perf_counter()
        try:
            for doc in iter_documents(path, run_settings):
                docs.append(doc.to_dict())
        except PolicyNlpError as err:
            errors.append(str(err))
        except Exception as err:  # a bug in a stage: score what came out, like a crashed CLI run
            errors.append(f"{path.name}: crashed: {type(err).__name__}: {err}")
        seconds += time.perf_counter() - started
        scored.append((gold_path.stem, gold["documents"], docs))

    classify, why_not = (None, None)
    if settings.classify:
        classify, why_not = _theme_classifier(settings)
    if why_not:
        errors.append(why_not)
    options = dict(pool=pool, by_file=by_file, diff=diff)
    try:
        report = score_corpus(scored, classify=classify, errors=errors, **options)
    except PolicyNlpError as err:  # e.g. the theme model is missing
        report = score_corpus(scored, classify=None, errors=errors + [f"themes: {err}"], **options)
    report["extract_seconds"] = seconds
    report["bytes"] = size
    return report


def read_predictions(path: str | Path) -> list[dict]:
    """Documents saved by ``policy-nlp extract --format jsonl`` (one JSON object a line)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def score_saved(gold_dir: str | Path, pred_dir: str | Path, *, pool: bool = False, only: str = "",
                classify: Classifier | None = None, files: Collection[str] | None = None,
                by_file: bool = False, diff: bool = False) -> dict:
    """Score saved extract output: ``pred_dir/<gold stem>.jsonl`` against ``gold_dir/<stem>.json``."""
    scored = []
    for gold_path in gold_files(gold_dir, only=only, files=files):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred_path = Path(pred_dir) / (gold_path.stem + ".jsonl")
        preds = read_predictions(pred_path) if pred_path.exists() else None
        scored.append((gold_path.stem, gold["documents"], preds))
    return score_corpus(scored, pool=pool, classify=classify, by_file=by_file, diff=diff)
