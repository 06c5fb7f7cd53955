"""Suggested floors (bench/quality.py --suggest-floors): a little below the strict figures, never a floor of 0."""

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "quality.py"


def _quality():
    spec = importlib.util.spec_from_file_location("bench_quality", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _d(tp: int, fp: int, fn: int) -> dict:
    return {"tp": tp, "fp": fp, "fn": fn}


def test_floors_sit_one_error_or_two_points_below_and_merge_team_with_seeds():
    q = {"team": {"strict": {"quotes": _d(45, 5, 5), "debris": _d(90, 0, 0), "conflicts": _d(0, 0, 4)}},
         "seeds": {"strict": {"quotes": _d(45, 5, 5)}},
         "realtext_dev": {"strict": {"timeline": _d(8, 2, 0)}}}
    floors = _quality().suggest_floors(q)
    # quotes: 90 of 100 -> min(0.88, 89/100) = 0.88
    assert floors["golden"]["quotes"] == {"precision": 0.88, "recall": 0.88}
    assert floors["golden"]["debris"] == {"precision": 1.0, "recall": 1.0}
    # Nothing found: precision undefined and recall 0 are not gated.
    assert floors["golden"]["conflicts"] == {"precision": None, "recall": None}
    # timeline: precision 8/10 -> one error fewer is 7/10; recall 1.0 stays 1.0.
    assert floors["realtext_dev"]["timeline"] == {"precision": 0.7, "recall": 1.0}
