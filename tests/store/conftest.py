"""Fixtures of the store tests: the sample database of store_sample.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from store_sample import write_sample


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("store") / "policy.db"
    write_sample(db)
    return db
