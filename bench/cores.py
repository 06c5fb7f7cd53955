"""End to end against bare spaCy at the same number of processes, interleaved, CPU beside wall time.

Usage: .venv/bin/python bench/cores.py [--workers 1 2] [--repeat 1] [--corpus seeds|447|both]
       [--engines local ray] [--json FILE]

For each corpus and worker count N the measurements alternate: floor, ours, floor, ours... Floor:
bare spaCy ``nlp.pipe(texts, n_process=N)`` with the same model (lemmatizer excluded, as ours) over
the same cleaned texts, the model loaded before the clock starts. Ours: the whole ``analyze`` job
(ingest, extraction in N workers, cross-source with the sentence encoder, render) into a fresh
store. Each measurement runs in a fresh process; CPU seconds count that process and the workers
it started and waited for. The load average is recorded beside each one: on a shared machine the
wall times are only as good as the quiet they were taken in. With ``--engines local ray`` each
worker count is also run with the per-document stage on a local Ray (``--engine ray``, Ray's
start-up included), right after the local run: Ray's overhead is the ratio of the two.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from run import NO_DEDUP, SEEDS, WAR, _config, measure_analyze, seeds_x20  # noqa: E402


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def ours(inputs: list[str], workdir: str, overrides: dict | None, workers: int, engine: str = "local") -> dict:
    settings = {**(overrides or {}), "model": {"workers": workers, "engine": engine}}
    cpu = _cpu()
    result = measure_analyze(inputs, workdir, settings)
    result["cpu_seconds"] = _cpu() - cpu
    result["workers_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return result


def floor(db: str, workers: int) -> dict:
    import duckdb
    import spacy

    con = duckdb.connect(db, read_only=True)
    texts = [r[0] for r in con.execute("SELECT text FROM documents WHERE duplicate_of IS NULL ORDER BY seq").fetchall()]
    con.close()
    nlp = spacy.load(_config()["model"]["spacy"], exclude=["lemmatizer"])
    cpu, started = _cpu(), time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16, n_process=workers):
        pass
    return {"docs": len(texts), "seconds": time.perf_counter() - started, "cpu_seconds": _cpu() - cpu}


def _fresh(fn, *args):
    """Run ``fn(*args)`` in a fresh interpreter (not a pool worker: those are daemonic and may not
    start the worker processes being measured); its JSON result."""
    code = (f"import json, sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import cores; "
            f"print(json.dumps(cores.{fn.__name__}(*json.loads(sys.argv[1]))))")
    done = subprocess.run([sys.executable, "-c", code, json.dumps(args)], capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"{fn.__name__} failed: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _ingest(inputs: list[str], db: Path, overrides: dict | None, tmp: Path) -> None:
    args = [sys.executable, "-m", "storyline.cli"]
    if overrides:
        toml = tmp / "bench.toml"
        toml.write_text("".join(f"[{section}]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in values.items())
                                for section, values in overrides.items()))
        args += ["--config", str(toml)]
    subprocess.run(args + ["ingest", *inputs, "--db", str(db)], check=True, capture_output=True)


def measure(corpora: dict, worker_counts: list[int], repeat: int, tmp: Path, engines: tuple = ("local",)) -> dict:
    out: dict = {}
    for name, (inputs, overrides) in corpora.items():
        base = tmp / f"{name.replace(' ', '_')}-texts.duckdb"
        _ingest(inputs, base, overrides, tmp)
        rows = []
        for workers in worker_counts:
            for rep in range(repeat):
                load_f = os.getloadavg()[0]
                f = _fresh(floor, str(base), workers)
                for engine in engines:
                    work = tmp / f"{name.replace(' ', '_')}-{workers}-{rep}-{engine}"
                    work.mkdir()
                    load_o = os.getloadavg()[0]
                    o = _fresh(ours, inputs, str(work), overrides, workers, engine)
                    rows.append({"workers": workers, "engine": engine, "floor": f, "ours": o,
                                 "ratio": f["seconds"] / o["seconds"], "load": [load_f, load_o]})
                    print(f"{name} workers={workers} {engine}: floor {f['seconds']:.1f} s (cpu {f['cpu_seconds']:.1f}), "
                          f"ours {o['seconds']:.1f} s (cpu {o['cpu_seconds']:.1f}), "
                          f"ratio {f['seconds'] / o['seconds']:.2f}, load {load_f:.1f}/{load_o:.1f}", file=sys.stderr)
        out[name] = rows
    return out


def _peak(ours: dict) -> str:
    """The run's peak memory: writer and workers together where sampled (bench/run.py's TreePeak)."""
    tree = ours.get("tree_peak_mb")
    return f"{tree:,.0f}" if tree else f"{ours['peak_mb']:,.0f} (writer only)"


def render(results: dict) -> list[str]:
    lines = ["| corpus | workers | engine | floor s (cpu s) | ours s (cpu s) | ratio | ours per stage | "
             "ours peak MB (all processes) | load avg (floor/ours) |", "|---|---|---|---|---|---|---|---|---|"]
    for name, rows in results.items():
        if not isinstance(rows, list):
            continue
        for r in rows:
            f, o = r["floor"], r["ours"]
            stages = ", ".join(f"{k} {v:.1f}" for k, v in o["stages"].items())
            lines.append(f"| {name} | {r['workers']} | {r.get('engine', 'local')} | "
                         f"{f['seconds']:.1f} ({f['cpu_seconds']:.1f}) | "
                         f"{o['seconds']:.1f} ({o['cpu_seconds']:.1f}) | **{r['ratio']:.2f}** | {stages} | "
                         f"{_peak(o)} | {r['load'][0]:.1f} / {r['load'][1]:.1f} |")
        by: dict = {}
        for r in rows:
            by.setdefault((r["workers"], r.get("engine", "local")), []).append(r["ours"]["seconds"])
        if (1, "local") in by and (2, "local") in by:
            lines.append(f"| {name} | 2 vs 1 | local | | wall {min(by[2, 'local']) / min(by[1, 'local']):.2f}× | | | | |")
        for (workers, engine), seconds in sorted(by.items()):
            if engine == "ray" and (workers, "local") in by:
                lines.append(f"| {name} | {workers} | ray vs local | | wall "
                             f"{min(seconds) / min(by[workers, 'local']):.2f}× | | | | |")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--corpus", choices=["seeds", "447", "both"], default="both")
    parser.add_argument("--engines", nargs="+", choices=["local", "ray"], default=["local"])
    parser.add_argument("--json")
    args = parser.parse_args()
    if not SEEDS.is_dir():
        print("../shared/corpus is not present: nothing to measure", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpora = {}
        if args.corpus in ("seeds", "both"):
            corpora["seeds x20"] = (seeds_x20(work / "seeds20"), NO_DEDUP)
        if args.corpus in ("447", "both") and WAR.is_file():
            corpora["447 articles"] = ([str(WAR)], None)
        results = measure(corpora, args.workers, args.repeat, work, tuple(args.engines))
    text = "\n".join(render(results))
    print(text)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
