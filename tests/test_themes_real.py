from nlp.train.themes import find_shared_dir, read_real_passages

import pytest


def test_real_reader_reads_dev_only():
    shared = find_shared_dir()
    if shared is None:
        pytest.skip("no shared real gold here")
    split = dict(line.split("\t")[:2] for line in (shared / "corpora/real/SPLIT.tsv").read_text().splitlines()[1:])
    passages = read_real_passages(shared)
    assert passages
    assert all(split[e.id.split("/")[0]] == "dev" for e in passages)
    assert all(e.source.startswith("site:") for e in passages)
