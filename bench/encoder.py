"""The sentence encoder's throughput (sentences/s) on real sentences from the 447-article corpus.

Usage: .venv/bin/python bench/encoder.py [--n 2000] [--json FILE]

Sentences are cut from the corpus's texts at sentence-final punctuation (8-60 words, distinct),
every k-th taken so the sample spans the corpus. Variants, alternated and each timed twice:
batch sizes, thread counts, and the encoder's own length sort (characters) against batches
formed by sorting on word-piece counts.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
WAR = ROOT.parent / "shared" / "corpus" / "ukraine-war-2022-2024" / "articles.json"


def sentences(n: int) -> list[str]:
    records = json.loads(WAR.read_text())
    seen, out = set(), []
    for record in records:
        for part in re.split(r"(?<=[.!?])\s+", record["content"]):
            words = part.split()
            if 8 <= len(words) <= 60 and part not in seen:
                seen.add(part)
                out.append(part)
    step = max(1, len(out) // n)
    return out[::step][:n]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--json")
    args = parser.parse_args()
    if not WAR.is_file():
        print("../shared corpus absent: nothing to measure", file=sys.stderr)
        return 0
    import torch

    from storyline.analysis import embed

    texts = sentences(args.n)
    model = embed.model()
    model.encode(texts[:64], batch_size=64)  # warm
    reference = embed.encode(texts)
    def by_characters(batch_size: int):
        return model.encode(texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False,
                            convert_to_numpy=True)

    variants = {
        "batch 64, the encoder's own sort by characters (before)": lambda: by_characters(64),
        "batch 128, sort by characters": lambda: by_characters(128),
        "batch 64, word-piece sorted (embed.encode now)": lambda: embed.encode(texts, batch_size=64),
    }
    threads = sorted({1, os.cpu_count() or 1})
    results: dict = {"sentences": len(texts), "load": os.getloadavg(), "runs": {}}
    for t in threads:
        torch.set_num_threads(t)
        for _ in range(2):
            for name, fn in variants.items():
                started = time.perf_counter()
                vectors = fn()
                seconds = time.perf_counter() - started
                key = f"{name}, {t} thread{'s' if t > 1 else ''}"
                results["runs"].setdefault(key, []).append(len(texts) / seconds)
                diff = float(np.max(np.abs(np.sum(vectors * reference, axis=1) - 1)))
                results.setdefault("max_cosine_gap", {})[key] = diff
    results["load_after"] = os.getloadavg()
    for key, rates in results["runs"].items():
        print(f"{key}: {max(rates):.0f} sentences/s (runs: {', '.join(f'{r:.0f}' for r in rates)})")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
