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


def _extraction_seconds(find, unit: str, n: int) -> float:
    """CPU seconds (best of a few runs, so other processes do not count) for ``find`` on ``unit`` repeated to n chars."""
    import time

    text = unit * (n // len(unit)) + "。"
    best = float("inf")
    for _ in range(3 if n <= 25_000 else 2):
        t0 = time.process_time()
        for _ in find(text):
            pass
        best = min(best, time.process_time() - t0)
    return best


@pytest.fixture
def assert_linear():
    """``assert_linear(find, unit)``: 4x the hostile text costs well under 16x the time (no backtracking)."""

    def check(find, unit: str) -> None:
        small, big = _extraction_seconds(find, unit, 25_000), _extraction_seconds(find, unit, 100_000)
        # (no absolute cap: speed is measured by scripts/bench_*.py beside the peers, not by timed tests;
        # a 3.0 s cap on the 100,000-character text failed under a loaded CI machine at 3.03-3.27 s with
        # the same code that takes 2.0-2.3 s alone. Linear growth is the property under test.)
        assert big < 10 * small + 0.1

    return check
