"""The speed figures of issue 16, each beside its target, from what bench/run.py measured.

Usage: .venv/bin/python bench/issue16.py BENCHMARKS.json [--json FILE]

``summarise(results)`` reads bench/run.py's raw results (``cores``, ``ray``, ``encoder``, ``incremental``,
the 447 corpus's throughput and ``scaling``) and returns one row per figure: its value, CPU seconds
beside wall seconds where both were taken, the target and whether it is met (None where the
figure was not measured). ``render(rows)`` lays them out as a Markdown table for BENCHMARKS.md;
run as a script it prints that table (and writes the rows as JSON with ``--json``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

RATIO = 0.75
"""End to end against bare ``nlp.pipe`` at the same worker count: at least this."""
TWO_WORKERS = 0.6
"""Wall time with 2 workers against 1: at most this."""
INCREMENTAL = 0.02
"""Adding one report, against the full analysis of the store: at most this."""
MEMORY_447_MB = 1536
MEMORY_10K_MB = 2560
SLOPE = 1.1


def _row(figure: str, value: float | None, target: str, met: bool | None, detail: str = "") -> dict:
    return {"figure": figure, "value": value, "target": target, "met": met, "detail": detail}


def _cores(cores: dict) -> list[dict]:
    rows = []
    for corpus, runs in cores.items():
        if not isinstance(runs, list):
            continue
        walls: dict[int, float] = {}
        for r in runs:
            if r.get("engine", "local") != "local":
                continue
            f, o = r["floor"], r["ours"]
            if corpus.startswith("447") and o.get("tree_peak_mb"):
                rows.append(_row(f"memory: peak on the 447 corpus with {r['workers']} worker"
                                 f"{'s' if r['workers'] > 1 else ''} (MB, all processes)", o["tree_peak_mb"],
                                 f"<= {MEMORY_447_MB}", o["tree_peak_mb"] <= MEMORY_447_MB,
                                 f"writer process {o['peak_mb']:,.0f} MB"))
            detail = (f"floor {f['seconds']:.1f} s (cpu {f['cpu_seconds']:.1f}), ours {o['seconds']:.1f} s "
                      f"(cpu {o['cpu_seconds']:.1f}), load {r['load'][0]:.1f}/{r['load'][1]:.1f}")
            rows.append(_row(f"{corpus}: ratio to bare nlp.pipe, {r['workers']} worker{'s' if r['workers'] > 1 else ''}",
                             r["ratio"], f">= {RATIO}", r["ratio"] >= RATIO, detail))
            walls[r["workers"]] = min(walls.get(r["workers"], o["seconds"]), o["seconds"])
        if 1 in walls and 2 in walls:
            share = walls[2] / walls[1]
            rows.append(_row(f"{corpus}: wall with 2 workers / with 1", share, f"<= {TWO_WORKERS}",
                             share <= TWO_WORKERS))
    return rows


def _encoder(encoder: dict) -> list[dict]:
    runs = encoder.get("runs") or {}
    if not runs:
        return []
    best = max(runs, key=lambda k: max(runs[k]))
    gap = (encoder.get("max_cosine_gap") or {}).get(best)
    return [_row("encoder: sentences/s (best variant)", max(runs[best]), "measured before and after", None,
                 f"{best}; {encoder.get('sentences', '?')} sentences"
                 + (f"; max cosine gap to the reference {gap:.1e}" if gap is not None else ""))]


def _ray(ray: dict) -> list[dict]:
    """Ray's overhead: the wall time of a run on a local Ray over the same run on local processes."""
    rows = []
    for corpus, runs in ray.items():
        if not isinstance(runs, list):
            continue
        walls: dict[tuple[int, str], float] = {}
        for r in runs:
            key = (r["workers"], r.get("engine", "local"))
            walls[key] = min(walls.get(key, r["ours"]["seconds"]), r["ours"]["seconds"])
        for (workers, engine), seconds in sorted(walls.items()):
            if engine == "ray" and (workers, "local") in walls:
                local = walls[workers, "local"]
                rows.append(_row(f"{corpus}: Ray's overhead, {workers} workers (wall on Ray / on local processes)",
                                 seconds / local, "reported", None,
                                 f"Ray {seconds:.1f} s (start-up included), local {local:.1f} s"))
    return rows


def _incremental(inc: dict) -> list[dict]:
    built, adds = inc.get("build"), inc.get("adds") or []
    if not built or not adds:
        return []
    add = min(adds, key=lambda a: a["seconds"])
    share = add["seconds"] / built["seconds"]
    detail = (f"add {add['seconds']:.2f} s (cpu {add['cpu']:.2f}) against {built['docs']} reports in "
              f"{built['seconds']:.1f} s (cpu {built['cpu']:.1f}); cpu ratio {add['cpu'] / built['cpu']:.3f}")
    return [_row("incremental: add one report / full analysis", share, f"<= {INCREMENTAL}", share <= INCREMENTAL,
                 detail)]


def _components(comp: dict, corpus: str = "447 corpus") -> list[dict]:
    """The per-document stage beside the parse it rides on (bench/components.py, CPU seconds)."""
    if not comp.get("floor") or not comp.get("components"):
        return []
    floor, parts = comp["floor"][-1], comp["components"][-1]
    ours = sum(seconds for name, seconds in parts.items() if name.startswith("storyline_"))
    after = comp.get("after") or {}
    rest = sum(after.get(k, 0.0) for k in ("record lists (runner)", "pickle (worker side)",
                                           "unpickle (writer side)", "saves (save_many)"))
    detail = (f"{comp.get('docs', '?')} reports: bare parse {floor:.1f} s, Storyline's components {ours:.1f} s, "
              f"records, return and saves {rest:.1f} s")
    rows = [_row(f"per-document stage ({corpus}): Storyline's CPU over the bare parse's", (ours + rest) / floor,
                 "reported", None, detail)]
    if "save ms per document" in after:
        rows.append(_row(f"per-document stage ({corpus}): save CPU ms per document", after["save ms per document"], "reported",
                         None, f"{after.get('returned KB per document', 0):.1f} KB pickled per document"))
    return rows


def summarise(results: dict) -> list[dict]:
    """One row per issue-16 figure found in bench/run.py's ``results``."""
    rows: list[dict] = []
    cores = results.get("cores")
    if isinstance(cores, dict) and "error" not in cores:
        rows += _cores(cores)
    encoder = results.get("encoder")
    if isinstance(encoder, dict) and "error" not in encoder:
        rows += _encoder(encoder)
    ray = results.get("ray")
    if isinstance(ray, dict) and "error" not in ray:
        rows += _ray(ray)
    for key, corpus in (("components", "447 corpus"), ("components_seeds", "seeds x20")):
        comp = results.get(key)
        if isinstance(comp, dict) and "error" not in comp:
            rows += _components(comp, corpus)
    inc = results.get("incremental")
    if isinstance(inc, dict) and "error" not in inc:
        rows += _incremental(inc)
    war = results.get("447 articles")
    if isinstance(war, dict) and "ours" in war:
        ours = war["ours"]
        # With worker processes, their models are held beside the writer's memory: the peak is that
        # of the whole process tree at one moment where it was sampled (bench/run.py's TreePeak).
        peak = ours.get("tree_peak_mb") or ours["peak_mb"]
        detail = (f"writer process {ours['peak_mb']:,.0f} MB, largest worker {ours['workers_peak_mb']:,.0f} MB, "
                  f"{ours.get('workers', '?')} workers" if "workers_peak_mb" in ours else "")
        rows.append(_row("memory: peak on the 447 corpus (MB)", peak, f"<= {MEMORY_447_MB}", peak <= MEMORY_447_MB,
                         detail))
    scaling = results.get("scaling")
    if isinstance(scaling, dict) and "points" in scaling:
        largest = max(p["docs"] for p in scaling["points"])
        slope = scaling.get("exponent")
        note = "documents joined from analysed ones (vectors cached), not distinct texts"
        rows.append(_row(f"cross-source slope up to {largest:,} documents", slope, f"<= {SLOPE}",
                         slope <= SLOPE if slope is not None else None, note))
        if largest >= 10_000:
            peak = scaling["peak_mb"]
            rows.append(_row(f"memory: peak of the cross-source stage at {largest:,} documents (MB)", peak,
                             f"<= {MEMORY_10K_MB}", peak <= MEMORY_10K_MB, note))
    return rows


def render(rows: list[dict]) -> str:
    """The rows as a Markdown table."""
    lines = ["| figure | value | target | met | detail |", "|---|---|---|---|---|"]
    for r in rows:
        value = "-" if r["value"] is None else f"{r['value']:,.3f}" if r["value"] < 10 else f"{r['value']:,.0f}"
        met = {True: "yes", False: "**no**", None: ""}[r["met"]]
        lines.append(f"| {r['figure']} | {value} | {r['target']} | {met} | {r['detail']} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", help="bench/run.py's raw results (BENCHMARKS.json or --json's file)")
    parser.add_argument("--json")
    args = parser.parse_args()
    results = json.loads(Path(args.results).read_text())
    rows = results.get("issue16") or summarise(results)
    print(render(rows))
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
