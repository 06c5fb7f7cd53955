"""bench/newsquant_units.py writes Storyline's figures in NewsQuant's conventions without changing them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "newsquant_units.py"


def _bench():
    spec = importlib.util.spec_from_file_location("newsquant_units", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tag(value, span, counts=None, unit=None, change_from=None):
    return {"value": value, "span": span, "counts": counts, "unit_text": span, "unit": unit, "change_from": change_from}


def test_vague_magnitudes_take_newsquant_bounds_and_exact_figures_stay():
    bench = _bench()
    assert bench.vague_bounds(_tag([2000.0, 9999.0], "thousands of tests"))["value"] == [1000.0, 10000.0]
    assert bench.vague_bounds(_tag([24.0, 99.0], "dozens of farms"))["value"] == [12.0, 120.0]
    assert bench.vague_bounds(_tag([20000.0, 99999.0], "tens of thousands of goats"))["value"] == [10000.0, 100000.0]
    # an explicit range and an exact figure are written as they are
    assert bench.vague_bounds(_tag([300.0, 500.0], "300 to 500 wells"))["value"] == [300.0, 500.0]
    assert bench.vague_bounds(_tag(4000.0, "4,000 goats"))["value"] == 4000.0


def test_newsquant_forms_name_money_rates_and_write_changes_as_pairs():
    bench = _bench()
    tags = [[_tag(9e5, "S$900,000 a month", "money:SGD per month", "singapore dollar per month"),
             _tag(45.0, "from 20 to 45 mm", "unit:millimetre", "millimetre", change_from=20.0),
             _tag(7.0, "7 wells", "other", "well")]]
    out = bench.newsquant_forms(tags, {"SGD": "singaporean dollar"})[0]
    assert out[0]["unit_text"] == "singaporean dollar per month"
    assert out[1]["value"] == [20.0, 45.0] and out[1]["unit_text"] == "millimetre"
    assert out[2]["value"] == 7.0 and out[2]["unit_text"] == "well"
    assert tags[0][1]["value"] == 45.0  # the figures themselves are not changed


def test_newsquant_forms_rename_a_canonical_name_by_the_cqe_dictionary():
    bench = _bench()
    tags = [[_tag(3.0, "three times", "other", "time"), _tag(5.0, "5 wells", "other", "well")]]
    out = bench.newsquant_forms(tags, {}, {"time": "count"})[0]
    assert [t["unit_text"] for t in out] == ["count", "well"]
