"""Shared fixtures: where the seed corpus, its gold and the team's shared tools are."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "seeds"
GOLD = ROOT / "corpora" / "gold"
SHARED_TOOLS = ROOT.parent / "shared" / "tools"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return GOLD


@pytest.fixture(scope="session")
def shared_tools() -> Path:
    if not (SHARED_TOOLS / "make_hostile.py").exists():
        pytest.skip("../shared/tools is not beside this checkout")
    return SHARED_TOOLS
