"""The sentence encoder under ONNX Runtime (the shipped fp32 path, and int8) against PyTorch: speed,
and how far cosine similarities move on 1,000 sentence pairs of the 447-article corpus.

Usage: pip install 'storyline[onnx]'; .venv/bin/python bench/encoder_onnx.py [--n 1000] [--threads 1 2]
       [--rounds 2] [--json FILE]

fp32 is what ``[analysis] encoder = "onnx"`` runs (``embed.encode(backend="onnx")``: the export of
the installed weights kept in the cache folder, made on first use); int8 is ONNX Runtime's dynamic
quantisation of that export. For each thread count the runs alternate (torch, onnx, torch, onnx...);
each reports sentences per wall second and per CPU second of this process (all its threads): on a
shared machine the CPU rate is the one to compare. Pairs: each of 500 sentences with its nearest
neighbour (the pairs near the clustering thresholds) and 500 random pairs. A backend is acceptable
when no pair's similarity moves by more than 0.01 and no pair crosses the clustering (0.72) or
contrast (0.5) threshold. ``--load`` also times loading each encoder in fresh processes (spaCy,
which imports PyTorch, imported first and not timed, as in ``analyze``), alternately, in CPU seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from encoder import WAR, sentences  # noqa: E402

TOLERANCE = 0.01


def _session(path: Path, threads: int):
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def _set_threads(embed, threads: int) -> None:
    """Both runtimes on ``threads`` intra-op threads (the shipped code uses one per core)."""
    import torch

    torch.set_num_threads(threads)
    tokenizer = embed.onnx_model()[1]
    session = _session(embed.onnx_file(), threads)
    embed.onnx_model = lambda: (session, tokenizer)  # noqa: E731 - this process only


def _int8(embed, folder: Path, threads: int):
    """An encode function running ONNX Runtime's dynamic int8 quantisation of the export."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    int8 = folder / "int8.onnx"
    quantize_dynamic(str(embed.onnx_file()), str(int8), weight_type=QuantType.QInt8)
    session, tokenizer = _session(int8, threads), embed.onnx_model()[1]

    def encode(texts: list[str]) -> np.ndarray:
        pieces = tokenizer.encode_batch(texts)
        order = np.argsort([len(p.ids) for p in pieces], kind="stable")
        out = np.zeros((len(texts), embed.DIM), dtype=np.float32)
        for at in range(0, len(order), 64):
            rows = order[at : at + 64]
            out[rows] = embed._onnx_batch(session, [pieces[i] for i in rows])
        return out

    return encode


LOAD = ("import sys, time; import spacy; c = time.process_time(); from storyline.analysis import embed; "
        "embed.load(sys.argv[1]); print(time.process_time() - c)")


def load_seconds(rounds: int) -> dict[str, list[float]]:
    """CPU seconds to load each encoder in a fresh process (the export already made)."""
    import subprocess

    out: dict[str, list[float]] = {"torch": [], "onnx fp32": []}
    for _ in range(rounds):
        for name, backend in (("torch", "torch"), ("onnx fp32", "onnx")):
            done = subprocess.run([sys.executable, "-c", LOAD, backend], capture_output=True, text=True, check=True)
            out[name].append(round(float(done.stdout.strip().splitlines()[-1]), 2))
    return out


def _rate(fn, texts: list[str]) -> tuple[float, float, np.ndarray]:
    cpu, wall = time.process_time(), time.perf_counter()
    vectors = fn(texts)
    return len(texts) / (time.perf_counter() - wall), len(texts) / (time.process_time() - cpu), vectors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--load", action="store_true", help="also time loading each encoder (fresh processes)")
    parser.add_argument("--json")
    args = parser.parse_args()
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        print("onnxruntime is not installed (pip install 'storyline[onnx]'): nothing to measure", file=sys.stderr)
        return 0
    if not WAR.is_file():
        print("../shared corpus absent: nothing to measure", file=sys.stderr)
        return 0
    from storyline.analysis import embed

    texts = sentences(args.n)
    embed.load("onnx")  # exports the model on first use (not timed)
    reference = embed.encode(texts)
    sims = reference @ reference.T
    np.fill_diagonal(sims, -1)
    rng = np.random.default_rng(0)
    pairs = [(i, int(sims[i].argmax())) for i in range(min(500, len(texts)))]
    pairs += [tuple(int(x) for x in rng.choice(len(texts), 2, replace=False)) for _ in range(500)]
    a, b = np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])
    base = (reference[a] * reference[b]).sum(1)
    results: dict = {"sentences": len(texts), "pairs": len(pairs), "load": os.getloadavg(),
                     "tolerance": TOLERANCE, "runs": {}, "backends": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for threads in args.threads:
            _set_threads(embed, threads)
            backends = {"torch": embed.encode, "onnx fp32": lambda t: embed.encode(t, backend="onnx"),
                        "onnx int8": _int8(embed, Path(tmp), threads)}
            runs: dict = {name: {"wall": [], "cpu": []} for name in backends}
            for _ in range(args.rounds):  # alternated
                for name, fn in backends.items():
                    wall, cpu, vectors = _rate(fn, texts)
                    runs[name]["wall"].append(round(wall, 1))
                    runs[name]["cpu"].append(round(cpu, 1))
                    if name != "torch" and name not in results["backends"]:
                        cos = (vectors[a] * vectors[b]).sum(1)
                        gap = np.abs(cos - base)
                        crossed = {str(t): int(((cos >= t) != (base >= t)).sum()) for t in (0.5, 0.72)}
                        results["backends"][name] = {
                            "max_gap": float(gap.max()), "mean_gap": float(gap.mean()), "crossed": crossed,
                            "acceptable": bool(gap.max() <= TOLERANCE and not any(crossed.values())),
                        }
            results["runs"][str(threads)] = runs
            print(f"{threads} thread(s), sentences/s (wall; cpu):",
                  "; ".join(f"{n} {max(r['wall'])} ({max(r['cpu'])} per cpu s)" for n, r in runs.items()))
    for name, found in results["backends"].items():
        print(name, json.dumps(found))
    if args.load:
        results["load_cpu_seconds"] = load_seconds(args.rounds)
        print("loading, CPU seconds:", json.dumps(results["load_cpu_seconds"]))
    results["load_after"] = os.getloadavg()
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
