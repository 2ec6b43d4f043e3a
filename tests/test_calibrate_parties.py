"""scripts/calibrate_parties.py: the threshold it chooses, and the shipped model's record of it."""
import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _script():
    spec = importlib.util.spec_from_file_location("calibrate_parties", ROOT / "scripts" / "calibrate_parties.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _by(rows):
    return {t: {"pages": {"f1": p}, "guard": {"f1": g}} for t, p, g in rows}


def test_the_best_pages_f1_the_guard_allows():
    by = _by([(0.5, 0.760, 0.890), (0.6, 0.755, 0.909), (0.7, 0.753, 0.912), (0.825, 0.740, 0.913)])
    # 0.5 has the best pages F1 but costs the guard .023; 0.6 costs .004 (within .005)
    assert _script().choose(by, 0.825, 0.005) == 0.6
    assert _script().choose(by, 0.825, 0.03) == 0.5


def test_a_tie_at_three_decimals_goes_to_the_higher_threshold():
    by = _by([(0.6, 0.7421, 0.91), (0.7, 0.7418, 0.91), (0.8, 0.7300, 0.91)])
    assert _script().choose(by, 0.8, 0.005) == 0.7


def test_the_current_threshold_when_nothing_beats_it():
    by = _by([(0.6, 0.70, 0.80), (0.7, 0.75, 0.90)])
    assert _script().choose(by, 0.7, 0.005) == 0.7


def test_the_shipped_threshold_is_the_calibration_choice():
    meta = json.loads((ROOT / "models" / "parties" / "meta.json").read_text(encoding="utf-8"))
    cal = meta["calibration"]
    by = {float(t): v for t, v in cal["by_threshold"].items()}
    assert meta["threshold"] == cal["threshold"] == _script().choose(by, cal["previous_threshold"], cal["max_cost"])
