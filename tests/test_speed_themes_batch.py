"""Passages classified for several documents in one call of the theme model are those classified
one document at a time (the pipeline batches them)."""

from pathlib import Path

from nlp import pipeline
from nlp.themes.predict import classify_documents, classify_passages

SEEDS = sorted((Path(__file__).resolve().parent.parent / "corpora" / "seeds").glob("*.txt"))


def test_a_batch_of_documents_gets_the_passages_each_gets_alone():
    docs = [d for path in SEEDS[:3] for d in pipeline.process_file(path)]
    assert len(docs) >= 3
    assert classify_documents(docs) == [classify_passages(d) for d in docs]
    assert classify_documents([]) == []


def test_the_pipeline_output_does_not_depend_on_the_batch_size(monkeypatch):
    text = SEEDS[1].read_text(encoding="utf-8")  # a page of ten documents
    batched = list(pipeline.process_text(text))
    assert len(batched) >= 2
    monkeypatch.setattr(pipeline, "THEMES_BATCH_CHARS", 1)  # one document a batch
    assert [d.to_dict() for d in pipeline.process_text(text)] == [d.to_dict() for d in batched]
    assert sum(len(d.passages) for d in batched) > 0
