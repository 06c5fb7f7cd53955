"""Big reports: signatures in bounded batches equal the one-shot signature."""

from __future__ import annotations

import random

import numpy as np
from datasketch import MinHash

from storyline.ingest import dedup


def _text(words: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(3000)]
    return " ".join(rng.choice(vocab) for _ in range(words))


def test_batched_signature_equals_one_batch_of_distinct_shingles(monkeypatch):
    text = _text(30_000)
    monkeypatch.setattr(dedup, "SIGNATURE_BATCH", 1000)  # many batches
    batched = dedup.signature(text, 5, 64)
    whole = MinHash(num_perm=64, seed=1, scheme=dedup.SCHEME)
    whole.update_batch(list(dedup.shingles(text, 5)))
    assert np.array_equal(batched, whole.hashvalues.astype(np.uint64))


def test_short_and_empty_texts_still_have_signatures():
    assert dedup.signature("three short words", 5, 32).shape == (32,)
    assert dedup.signature("", 5, 32).shape == (32,)
