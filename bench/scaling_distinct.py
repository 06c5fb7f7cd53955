"""The cross-source stage on windows of distinct reports: its slope, every window encoding its own text.

Usage: .venv/bin/python bench/scaling_distinct.py --db STORE --sizes 65 259 [--workers N] [--json FILE]

``STORE`` is an analysed store of distinct reports (no copies of one another), for instance the one
bench/incremental.py builds from the 447-article corpus's reports. For each size N the first N
documents (in ingest order) are read (``Corpus.from_store(..., only=...)``) from a fresh copy of the
store whose cached embeddings, claim blocks, judged pairs and wordings are dropped, and the whole
cross-source stage (``analysis.run.analyse``) runs on them in a fresh process: every sentence it
compares is encoded, so the time is what N reports never seen cost, not a cache read as in
bench/scaling.py's joined documents. Reported per size: statements, sentences encoded, the stage's
wall and CPU seconds (the encoder processes' included), the process's peak resident memory; and
the slope (log-log) of the stage's wall and CPU seconds between consecutive sizes.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DROPPED = ("embeddings", "claim_blocks", "conflict_judgements", "prop_wordings")


def one(db: str, size: int, workers: int) -> dict:
    """The stage on the first ``size`` documents of a fresh copy of ``db``, caches dropped."""
    from storyline import config
    from storyline.analysis.corpus import Corpus
    from storyline.analysis.run import analyse, store_embeddings
    from storyline.kb.lookup import load_kb
    from storyline.store.db import Store

    cfg = config.defaults()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "store.duckdb"
        shutil.copyfile(db, copy)
        with Store.open(copy) as store:
            for table in DROPPED:
                store.con.execute(f"DROP TABLE IF EXISTS {table}")
            window = {r["id"] for r in store.list_documents()[:size]}
            corpus = Corpus.from_store(store, load_kb(), only=window)
            cache = store_embeddings(store, cfg, workers)
            from storyline.analysis import embed

            embed.load(cache.backend)
            cpu, wall = time.process_time(), time.perf_counter()
            try:
                cross = analyse(corpus, cfg, cache.get, None)
                pool = cache.pool.cpu if cache.pool is not None else 0.0
            finally:
                cache.close()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu + pool
    return {"documents": len(corpus.documents), "statements": len(corpus.statements), "encoded": cache.encoded,
            "claims": len(cross.clusters), "conflicts": len(cross.conflicts), "wall": wall, "cpu": cpu,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "load": os.getloadavg()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--sizes", type=int, nargs="+", required=True)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--json")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.db, args.one, args.workers)))
        return 0
    rows = []
    for size in sorted(args.sizes):
        out = subprocess.run([sys.executable, __file__, "--db", args.db, "--sizes", str(size), "--one", str(size),
                              "--workers", str(args.workers)], capture_output=True, text=True, check=True)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(f"{row['documents']:6,} documents {row['statements']:8,} statements {row['encoded']:7,} encoded  "
              f"wall {row['wall']:8.1f} s  cpu {row['cpu']:8.1f} s  peak {row['peak_mb']:6.0f} MB  "
              f"claims {row['claims']:5,} conflicts {row['conflicts']:4,}  load {row['load'][0]:.1f}", flush=True)
    slopes = []
    for a, b in zip(rows, rows[1:]):
        ratio = math.log(b["documents"] / a["documents"])
        slopes.append({"from": a["documents"], "to": b["documents"], "wall": math.log(b["wall"] / a["wall"]) / ratio,
                       "cpu": math.log(b["cpu"] / a["cpu"]) / ratio})
        print(f"slope {a['documents']:,} -> {b['documents']:,} documents: wall {slopes[-1]['wall']:.2f}, "
              f"cpu {slopes[-1]['cpu']:.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps({"workers": args.workers, "rows": rows, "slopes": slopes}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
