"""The sentence encoder on one core and on two: one thread, two intra-op threads, two processes.

Usage: .venv/bin/python bench/encoder_cores.py [--n 1500] [--repeat 2] [--json FILE]

Distinct sentences of the 447-article corpus (as bench/encoder.py cuts them) are encoded with
``embed.encode`` by: one process on one thread; one process on two threads (``embed.threads(2)``);
and ``embed.encode_parallel`` over two processes of one thread each (the encoder loaded in each
first, its start timed apart; their CPU seconds are those the processes report per batch). The variants alternate, each ``--repeat`` times. Reported: wall
seconds, CPU seconds of this process and its children, sentences a wall second, and the largest gap
of each variant's vectors from the one-thread vectors (the same texts must give the same vectors).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from encoder import WAR, sentences  # noqa: E402


def _cpu() -> float:
    usage = os.times()
    return usage.user + usage.system + usage.children_user + usage.children_system


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1500)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--json")
    args = parser.parse_args()
    if not WAR.is_file():
        print("../shared corpus absent: nothing to measure", file=sys.stderr)
        return 0
    from storyline.analysis import embed

    texts = sentences(args.n)
    embed.model()
    with embed.threads(1):
        reference = embed.encode(texts)
    started, cpu = time.perf_counter(), _cpu()
    pool = embed.EncoderPool(2)
    pool.encode(texts[:128])  # the processes start and load the encoder
    start_row = {"wall": time.perf_counter() - started}

    def one_thread():
        with embed.threads(1):
            return embed.encode(texts)

    def two_threads():
        with embed.threads(2):
            return embed.encode(texts)

    def two_processes():
        return pool.encode(texts)

    variants = {"1 process, 1 thread": one_thread, "1 process, 2 threads": two_threads,
                "2 processes, 1 thread each": two_processes}
    results: dict = {"sentences": len(texts), "load_before": os.getloadavg(), "pool_start": start_row, "runs": {}}
    for _ in range(args.repeat):
        for name, fn in variants.items():
            started, cpu = time.perf_counter(), _cpu() + pool.cpu
            vectors = fn()
            wall, spent = time.perf_counter() - started, _cpu() + pool.cpu - cpu
            gap = float(np.max(np.abs(vectors - reference)))
            results["runs"].setdefault(name, []).append({"wall": wall, "cpu": spent, "per_s": len(texts) / wall,
                                                          "max_gap": gap})
    pool.close()
    results["load_after"] = os.getloadavg()
    print(f"{len(texts)} sentences; load {results['load_before'][0]:.2f} before, {results['load_after'][0]:.2f} after; "
          f"pool of 2 started in {start_row['wall']:.1f} s wall")
    for name, runs in results["runs"].items():
        cells = "; ".join(f"{r['wall']:.1f} s wall, {r['cpu']:.1f} s cpu ({r['per_s']:.0f}/s)" for r in runs)
        print(f"  {name:28s} {cells}; vectors within {max(r['max_gap'] for r in runs):.1e}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
