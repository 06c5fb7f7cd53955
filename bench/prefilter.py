"""Could a cheap first pass spare the sentence encoder? Static sentence vectors against MiniLM on the claims' pairs.

Usage: .venv/bin/python bench/prefilter.py --db STORE [--window 20] [--cuts 0.2 0.3 ...] [--stride 8]

Reads the corpus from an analysed store (a copy, so the store is left as it was), forms the claims'
candidate pairs as ``claims.group_claims`` does, and takes every pair's MiniLM similarity from the
store's embedding cache (encoding what it lacks). Beside it, each pair's static similarity: each word
piece's vector computed once by the installed MiniLM itself (the piece alone between the start and end
marks; its own hidden state, ``--pooling piece``, or the mean over the three, ``--pooling mean``), less
the mean vector of every ``--stride``-th piece of the vocabulary (without that, any two sentences look
alike), a sentence the mean of its pieces' vectors with function words and punctuation at ``LIGHT``
weight. Nothing is downloaded and nothing is written outside the copy.

Printed: for each cut on the static score, the recall of the pairs MiniLM puts at or above the bars a
score is read against (0.3: kept for the claims' second stage; 0.5: contrast; 0.6: the lowest link bar,
0.72 less the proposition bonus; 0.72: clustering), the share of pairs kept and the share of distinct
sentences still to encode (those in some kept pair). Also the most a perfect prefilter could spare (the
sentences whose best pair is below each bar) and how many statements only the content blocks bring in.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

LIGHT = 0.25
BARS = (0.3, 0.5, 0.6, 0.72)


def piece_table(ids: np.ndarray, pooling: str, batch: int = 512) -> np.ndarray:
    """The static vectors (unit length) of the word pieces ``ids``, each computed by MiniLM alone."""
    import torch

    from storyline.analysis import embed

    encoder = embed.model()
    bert, tokenizer = encoder[0].auto_model, encoder.tokenizer
    out = np.zeros((len(ids), embed.DIM), dtype=np.float32)
    with torch.no_grad():
        for at in range(0, len(ids), batch):
            part = torch.as_tensor(ids[at : at + batch], dtype=torch.long)
            inputs = torch.stack([torch.full_like(part, tokenizer.cls_token_id), part,
                                  torch.full_like(part, tokenizer.sep_token_id)], dim=1)
            hidden = bert(input_ids=inputs, attention_mask=torch.ones_like(inputs)).last_hidden_state
            vectors = hidden[:, 1] if pooling == "piece" else hidden.mean(dim=1)
            out[at : at + batch] = torch.nn.functional.normalize(vectors, dim=1).numpy()
    return out


def static_vectors(texts: list[str], pooling: str, stride: int) -> np.ndarray:
    """Unit-length static vectors of ``texts`` (weighted mean of their pieces' centred vectors)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from storyline.analysis import embed

    tokenizer = embed.model().tokenizer
    pieces = [tokenizer(t, truncation=True, max_length=embed.MAX_PIECES)["input_ids"] for t in texts]
    vocab = tokenizer.get_vocab()
    sample = np.arange(0, len(vocab), stride)
    needed = np.unique(np.concatenate([np.asarray(p) for p in pieces] + [sample]))
    table = dict(zip(needed.tolist(), piece_table(needed, pooling)))
    mean = np.mean([table[i] for i in sample.tolist()], axis=0)
    light = set()
    for piece, n in vocab.items():
        word = piece[2:] if piece.startswith("##") else piece
        if (piece.startswith("[") and piece.endswith("]")) or word.lower() in STOP_WORDS \
                or not any(c.isalnum() for c in word):
            light.add(n)
    out = np.zeros((len(texts), embed.DIM), dtype=np.float32)
    for n, ids in enumerate(pieces):
        weights = np.array([LIGHT if i in light else 1.0 for i in ids], dtype=np.float32)
        out[n] = weights @ (np.stack([table[i] for i in ids]) - mean)
    return out / np.clip(np.linalg.norm(out, axis=1, keepdims=True), 1e-12, None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--window", type=int, default=20)
    parser.add_argument("--cuts", type=float, nargs="+", default=[0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55])
    parser.add_argument("--pooling", choices=["piece", "mean"], default="piece")
    parser.add_argument("--stride", type=int, default=8)
    args = parser.parse_args()
    from claim_vectors import candidate_pairs

    from storyline.analysis.corpus import Corpus
    from storyline.analysis.embed import EmbeddingCache
    from storyline.kb.lookup import load_kb
    from storyline.store.db import Store

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "store.duckdb"
        shutil.copyfile(args.db, copy)
        with Store.open(copy) as store:
            corpus = Corpus.from_store(store, load_kb())
            statements, _, _, pairs, by_actors = candidate_pairs(corpus, args.window)
            ordered = sorted(pairs)
            involved = sorted({i for p in ordered for i in p})
            texts = [statements[i].text for i in involved]
            exact = EmbeddingCache(store).get([], texts)
    row = {i: n for n, i in enumerate(involved)}
    left = np.array([row[i] for i, _ in ordered], dtype=np.intp)
    right = np.array([row[j] for _, j in ordered], dtype=np.intp)
    true = np.einsum("ij,ij->i", exact[left], exact[right])
    cpu = time.process_time()
    static = static_vectors(texts, args.pooling, args.stride)
    cpu = time.process_time() - cpu
    approx = np.einsum("ij,ij->i", static[left], static[right])
    distinct = len(set(texts))
    print(f"{len(corpus.documents)} documents, {len(statements):,} claim statements, {len(ordered):,} candidate pairs "
          f"({len(ordered) / max(1, len(involved)) * 2:.1f} per statement), {len(involved):,} statements in them "
          f"({distinct:,} distinct sentences); static vectors ({args.pooling}) {cpu:.1f} CPU s; correlation with "
          f"MiniLM {np.corrcoef(true, approx)[0, 1]:.3f}")
    print(f"  statements in a pair of an actor, event or figure block {len({k for p in by_actors for k in p}):,}; "
          f"only in content-block pairs {len(involved) - len({k for p in by_actors for k in p}):,}")
    best = np.full(len(involved), -1.0)
    np.maximum.at(best, left, true)
    np.maximum.at(best, right, true)
    for bar in BARS:
        print(f"  MiniLM pairs >= {bar:.2f}: {int((true >= bar).sum()):7,d}; statements whose best pair is below it "
              f"(what a perfect prefilter at that bar spares): {int((best < bar).sum()):,} ({(best < bar).mean():.1%})")
    print("  cut   " + "  ".join(f"recall>={b:.2f}" for b in BARS) + "   pairs kept   sentences to encode")
    for cut in args.cuts:
        kept = approx >= cut
        recalls = "  ".join(f"{kept[true >= b].mean() if (true >= b).any() else 1.0:12.4f}" for b in BARS)
        need = {texts[k] for k in np.concatenate([left[kept], right[kept]])}
        print(f"  {cut:.2f}  {recalls}   {kept.mean():9.1%}   {len(need):6,d} ({len(need) / max(1, distinct):.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
