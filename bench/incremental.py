"""Adding one report to an analysed 1,000-report store, against the full analysis that built it.

Usage: .venv/bin/python bench/incremental.py --workdir DIR [--docs 1000] [--repeat 2] [--profile FILE] [--json FILE]
       [--reuse OLD_STORE] [--encoder torch|onnx] [--refresh]

The store is built once in DIR (reports of the 447-article corpus but the held-out ones, each
behind a numbered first line so that all are distinct) and kept, so a rerun reuses it; each
repetition then adds one more report to a fresh copy of it. Reported: the full analysis's wall and CPU seconds (when built in
this run), the add's wall and CPU seconds per stage, their ratio, and the process's peak resident
memory after the add (the build's, when it ran in the same process). ``--profile`` writes the
cProfile statistics of the last add (``python -m pstats FILE``). ``--encoder`` picks the sentence
encoder's runtime for the adds (``[analysis] encoder``; the build always uses the default).
``--refresh`` first re-analyses the built store with no new report, so that the claim blocks,
judged pairs and wordings it keeps are those of the code measured (a change to that code makes
them stale, and the first add would recompute them all).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import resource
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WAR = ROOT.parent / "shared" / "corpus" / "ukraine-war-2022-2024" / "articles.json"
NO_DEDUP = {"dedup": {"near_duplicates": False}}
HELD_OUT = {37, 42, 43, 44, 45, 46, 49, 51, 53, 60, 82, 83, 84, 85, 86, 89, *range(90, 251),
            423, 424, 425, 426, 427, 428, 430, 431, 433, 444, 445}
"""Corpus positions of reports kept for evaluation (the test stories' and one being annotated): never analysed here."""


def _reports() -> list[dict]:
    """The corpus's reports that a benchmark may analyse, in corpus order."""
    return [r for n, r in enumerate(json.loads(WAR.read_text())) if n not in HELD_OUT]


def _config(encoder: str | None = None) -> dict:
    from storyline import config

    cfg = config.defaults()
    for section, values in NO_DEDUP.items():
        cfg[section].update(values)
    if encoder:
        cfg["analysis"]["encoder"] = encoder
    return cfg


def _cpu() -> float:
    usage = os.times()
    return usage.user + usage.system + usage.children_user + usage.children_system


def build(workdir: Path, docs: int, workers: int | None, reuse: str | None = None) -> dict | None:
    """The analysed store (built unless it is already there): wall and CPU seconds of the build.
    ``reuse``: a store this script built with earlier code, re-analysed instead (its reports are
    extracted again and the whole analysis runs, without ingesting them again)."""
    from storyline.api import analyze

    db = workdir / "base.duckdb"
    if db.exists():
        return None
    inputs = []
    if reuse:
        shutil.copyfile(reuse, workdir / "building.duckdb")
    else:
        records = _reports()
        bulk = [{"id": f"v{i}", "text": f"Variant {i} of a report.\n\n" + records[i % len(records)]["content"],
                 "published": records[i % len(records)]["filename"][:8]} for i in range(docs)]
        source = workdir / "bulk.jsonl"
        source.write_text("\n".join(json.dumps(r) for r in bulk))
        inputs = [source]
    cpu, started = _cpu(), time.perf_counter()
    result = analyze(inputs, db=workdir / "building.duckdb", config=_config(), workers=workers)
    seconds, cpu = time.perf_counter() - started, _cpu() - cpu
    os.replace(workdir / "building.duckdb", db)
    build = {"docs": len(result.corpus.documents), "reused": reuse, "seconds": seconds, "cpu": cpu, "stages": result.stage_seconds,
             "load": os.getloadavg()}
    (workdir / "build.json").write_text(json.dumps(build, indent=1))
    return build


def refresh(workdir: Path, workers: int | None) -> dict:
    """Re-analyse the built store with no new report (into ``fresh.duckdb``), so that what the
    cross-source stage keeps between runs is this code's: wall and CPU seconds."""
    from storyline.api import analyze

    import duckdb

    shutil.copyfile(workdir / "base.duckdb", workdir / "refreshing.duckdb")
    # Judgements of earlier code are never read again but stay until they outnumber the live ones:
    # dropped here, so that the adds read what a store built by this code holds.
    with duckdb.connect(str(workdir / "refreshing.duckdb")) as con:
        con.execute("DROP TABLE IF EXISTS conflict_judgements")
    cpu, started = _cpu(), time.perf_counter()
    result = analyze([], db=workdir / "refreshing.duckdb", config=_config(), workers=workers)
    seconds, cpu = time.perf_counter() - started, _cpu() - cpu
    os.replace(workdir / "refreshing.duckdb", workdir / "fresh.duckdb")
    return {"seconds": seconds, "cpu": cpu, "stages": result.stage_seconds, "load": os.getloadavg()}


def add_one(workdir: Path, n: int, workers: int | None, profile: str | None, encoder: str | None = None,
            base: str = "base.duckdb") -> dict:
    from storyline.api import analyze

    records = _reports()
    db = workdir / f"add{n}.duckdb"
    shutil.copyfile(workdir / base, db)
    extra = workdir / f"extra{n}.txt"
    extra.write_text(f"One more report, number {n}.\n\n" + records[(n * 37) % len(records)]["content"])
    profiler = cProfile.Profile() if profile else None
    cpu, started = _cpu(), time.perf_counter()
    if profiler:
        profiler.enable()
    result = analyze([extra], db=db, config=_config(encoder), workers=workers)
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    seconds, cpu = time.perf_counter() - started, _cpu() - cpu
    db.unlink()
    return {"seconds": seconds, "cpu": cpu, "stages": result.stage_seconds, "load": os.getloadavg(),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--workers", type=int)
    parser.add_argument("--profile")
    parser.add_argument("--reuse", help="build by re-analysing this earlier store instead of ingesting anew")
    parser.add_argument("--encoder", choices=["torch", "onnx"])
    parser.add_argument("--refresh", action="store_true",
                        help="re-analyse the store once before the adds (after a change to the cross-source code)")
    parser.add_argument("--json")
    args = parser.parse_args()
    if not WAR.is_file():
        print("../shared corpus absent: nothing to measure", file=sys.stderr)
        return 0
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    built = build(workdir, args.docs, args.workers, args.reuse)
    if built is None and (workdir / "build.json").exists():
        built = json.loads((workdir / "build.json").read_text())
    refreshed = refresh(workdir, args.workers) if args.refresh else None
    base = "fresh.duckdb" if args.refresh else "base.duckdb"
    adds = [add_one(workdir, n, args.workers, args.profile if n == args.repeat - 1 else None, args.encoder, base)
            for n in range(args.repeat)]
    out = {"build": built, "refresh": refreshed, "adds": adds}
    print(f"full analysis of {built['docs']} reports: {built['seconds']:.1f} s (cpu {built['cpu']:.1f} s)")
    if refreshed:
        print(f"re-analysis with no new report: {refreshed['seconds']:.1f} s (cpu {refreshed['cpu']:.1f} s)")
    for add in adds:
        stages = ", ".join(f"{k} {v:.2f}" for k, v in add["stages"].items())
        print(f"add one: {add['seconds']:.2f} s (cpu {add['cpu']:.2f} s; {stages}); "
              f"ratio {add['seconds'] / built['seconds']:.3f} (cpu {add['cpu'] / built['cpu']:.3f}); "
              f"peak {add['peak_mb']:.0f} MB")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
