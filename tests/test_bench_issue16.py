"""bench/issue16.py: the speed figures read from bench/run.py's results, each judged against its target."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from issue16 import render, summarise  # noqa: E402


def _run(workers: int, floor: float, ours: float) -> dict:
    return {"workers": workers, "engine": "local", "ratio": floor / ours, "load": [1.0, 1.2],
            "floor": {"seconds": floor, "cpu_seconds": floor * workers},
            "ours": {"seconds": ours, "cpu_seconds": ours * 1.5, "stages": {}}}


def test_figures_against_targets():
    results = {
        "cores": {"seeds x20": [_run(1, 10.0, 12.0), _run(2, 6.0, 7.0)]},
        "incremental": {"build": {"docs": 1000, "seconds": 400.0, "cpu": 500.0},
                        "adds": [{"seconds": 12.0, "cpu": 9.0}, {"seconds": 6.0, "cpu": 5.0}]},
        "447 articles": {"ours": {"peak_mb": 1700.0}},
        "scaling": {"points": [{"docs": 1000}, {"docs": 10000}], "exponent": 1.05, "peak_mb": 2000.0},
        "encoder": {"sentences": 500, "runs": {"a": [100.0, 120.0], "b": [90.0]}, "max_cosine_gap": {"a": 1e-7}},
    }
    rows = {r["figure"]: r for r in summarise(results)}
    one, two = rows["seeds x20: ratio to bare nlp.pipe, 1 worker"], rows["seeds x20: ratio to bare nlp.pipe, 2 workers"]
    assert abs(one["value"] - 10 / 12) < 1e-9 and one["met"]
    assert abs(two["value"] - 6 / 7) < 1e-9 and two["met"]
    share = rows["seeds x20: wall with 2 workers / with 1"]
    assert abs(share["value"] - 7 / 12) < 1e-9 and share["met"]
    inc = rows["incremental: add one report / full analysis"]
    assert abs(inc["value"] - 6 / 400) < 1e-9 and inc["met"]  # the quicker of the two adds
    assert rows["memory: peak on the 447 corpus (MB)"]["met"] is False
    assert rows["cross-source slope up to 10,000 documents"]["met"]
    assert rows["memory: peak of the cross-source stage at 10,000 documents (MB)"]["met"]
    assert rows["encoder: sentences/s (best variant)"]["value"] == 120.0
    table = render(list(rows.values()))
    assert "| memory: peak on the 447 corpus (MB) | 1,700 | <= 1536 | **no** |" in table


def test_missing_and_failed_measurements_are_left_out():
    rows = summarise({"cores": {"error": "RuntimeError: boom"}, "incremental": {"error": "x"}})
    assert rows == []


def test_ray_overhead_is_the_ray_run_over_the_local_run_at_the_same_workers():
    local, ray = _run(2, 20.0, 90.0), {**_run(2, 20.0, 108.0), "engine": "ray"}
    rows = {r["figure"]: r for r in summarise({"ray": {"447 articles": [local, ray]}})}
    overhead = rows["447 articles: Ray's overhead, 2 workers (wall on Ray / on local processes)"]
    assert abs(overhead["value"] - 1.2) < 1e-9 and overhead["met"] is None
    # A Ray run with no local run beside it gives no overhead.
    assert summarise({"ray": {"447 articles": [ray]}}) == []


def test_memory_on_the_447_corpus_counts_the_workers_beside_the_writer():
    ours = {"peak_mb": 900.0, "workers_peak_mb": 600.0, "workers": 2, "tree_peak_mb": 2050.0}
    row = {r["figure"]: r for r in summarise({"447 articles": {"ours": ours}})}["memory: peak on the 447 corpus (MB)"]
    assert row["value"] == 2050.0 and row["met"] is False
    assert "writer process 900 MB" in row["detail"] and "largest worker 600 MB" in row["detail"]


def test_memory_on_the_447_corpus_at_each_worker_count_and_the_per_document_stage_of_both_corpora():
    one, two = _run(1, 30.0, 100.0), _run(2, 18.0, 70.0)
    one["ours"].update(peak_mb=1400.0, tree_peak_mb=1400.0)
    two["ours"].update(peak_mb=900.0, tree_peak_mb=1600.0)
    comp = {"docs": 100, "floor": [10.0], "components": [{"ner": 4.0, "storyline_actors": 2.0}],
            "after": {"saves (save_many)": 1.0, "save ms per document": 10.0}}
    rows = {r["figure"]: r for r in summarise({"cores": {"447 articles": [one, two]}, "components": comp,
                                                "components_seeds": {**comp, "floor": [20.0]}})}
    assert rows["memory: peak on the 447 corpus with 1 worker (MB, all processes)"]["met"]
    assert rows["memory: peak on the 447 corpus with 2 workers (MB, all processes)"]["met"] is False
    assert abs(rows["per-document stage (447 corpus): Storyline's CPU over the bare parse's"]["value"] - 0.3) < 1e-9
    assert abs(rows["per-document stage (seeds x20): Storyline's CPU over the bare parse's"]["value"] - 0.15) < 1e-9
