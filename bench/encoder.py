"""The sentence encoder's throughput (sentences/s) on real sentences from the 447-article corpus.

Usage: .venv/bin/python bench/encoder.py [--n 2000] [--json FILE]

Sentences are cut from the corpus's texts at sentence-final punctuation (8-60 words, distinct),
every k-th taken so the sample spans the corpus. Variants, alternated and each timed twice:
batch sizes, thread counts, and the encoder's own length sort (characters) against batches
formed by sorting on word-piece counts. ``--precision`` instead compares the shipped encode with
cheaper ones (torch dynamic int8 quantisation of the Linear layers, bfloat16 autocast, 64 word
pieces instead of 128) on one thread, in wall and CPU seconds, with the tolerance check: the
cosine between each sentence's shipped and new vector, and the change of the similarity of
pairs (each sentence with its nearest neighbour, and as many random pairs) and how many pairs
cross the clustering (0.72), 0.6 and 0.5 bars.
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
    parser.add_argument("--precision", action="store_true", help="compare int8, bfloat16 and 64 word pieces")
    args = parser.parse_args()
    if not WAR.is_file():
        print("../shared corpus absent: nothing to measure", file=sys.stderr)
        return 0
    import torch

    from storyline.analysis import embed

    texts = sentences(args.n)
    if args.precision:
        return precision(texts, args.json)
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


def precision(texts: list[str], json_path: str | None) -> int:
    import copy

    import torch

    from storyline.analysis import embed

    torch.set_num_threads(1)
    model = embed.model()
    reference = embed.encode(texts)
    quantised = copy.deepcopy(model)
    torch.ao.quantization.quantize_dynamic(quantised, {torch.nn.Linear}, dtype=torch.qint8, inplace=True)

    def with_model(other):
        def run():
            original = embed.model
            embed.model = lambda: other
            try:
                return embed.encode(texts)
            finally:
                embed.model = original
        return run

    def bf16():
        with torch.autocast("cpu", dtype=torch.bfloat16):
            return embed.encode(texts)

    def short():
        model.max_seq_length = 64
        try:
            return embed.encode(texts)
        finally:
            model.max_seq_length = 128

    variants = {"float32, 128 word pieces (shipped)": lambda: embed.encode(texts), "int8 dynamic (Linear layers)":
                with_model(quantised), "bfloat16 autocast": bf16, "float32, 64 word pieces": short}
    rng = np.random.default_rng(0)
    sims = reference @ reference.T
    np.fill_diagonal(sims, -1)
    pairs = [(i, int(j)) for i, j in enumerate(np.argmax(sims, axis=1))]
    pairs += [tuple(int(x) for x in rng.choice(len(texts), 2, replace=False)) for _ in range(len(texts))]
    left, right = np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])
    before = np.sum(reference[left] * reference[right], axis=1)
    results: dict = {"sentences": len(texts), "pairs": len(pairs), "load": os.getloadavg(), "variants": {}}
    for _ in range(2):
        for name, fn in variants.items():
            cpu, started = time.process_time(), time.perf_counter()
            vectors = fn()
            wall, cpu = time.perf_counter() - started, time.process_time() - cpu
            cosine = np.sum(vectors * reference, axis=1)
            after = np.sum(vectors[left] * vectors[right], axis=1)
            gap = np.abs(after - before)
            row = results["variants"].setdefault(name, {"per_s_wall": [], "per_s_cpu": []})
            row["per_s_wall"].append(len(texts) / wall)
            row["per_s_cpu"].append(len(texts) / cpu)
            row.update(cosine_min=float(cosine.min()), cosine_mean=float(cosine.mean()), pair_gap_max=float(gap.max()),
                       pair_gap_mean=float(gap.mean()),
                       crossings={str(bar): int(np.sum((after >= bar) != (before >= bar))) for bar in (0.72, 0.6, 0.5)})
    results["load_after"] = os.getloadavg()
    for name, row in results["variants"].items():
        print(f"{name}: {max(row['per_s_cpu']):.0f} sentences per CPU second (wall: "
              f"{', '.join(f'{r:.0f}/s' for r in row['per_s_wall'])}); cosine to shipped min {row['cosine_min']:.4f} "
              f"mean {row['cosine_mean']:.4f}; pair similarity change max {row['pair_gap_max']:.4f} mean "
              f"{row['pair_gap_mean']:.4f}; pairs crossing a bar {row['crossings']}")
    if json_path:
        Path(json_path).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
