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


def test_embeddings_are_stored_a_chunk_at_a_time(monkeypatch):
    """A run killed while encoding keeps the chunks it finished (a fake encoder fails on the third)."""
    import duckdb
    import pytest

    from storyline.analysis import embed

    con = duckdb.connect()
    cache = embed.EmbeddingCache(con)
    monkeypatch.setattr(embed.EmbeddingCache, "CHUNK", 2)
    calls = []

    def fake_encode(texts, backend="torch", precision="float32"):
        calls.append(len(texts))
        if len(calls) == 3:
            raise KeyboardInterrupt  # the run is stopped here
        return np.ones((len(texts), embed.DIM), dtype=np.float32) / np.sqrt(embed.DIM)

    monkeypatch.setattr(embed, "encode", fake_encode)
    texts = [f"Sentence number {i} about the flood." for i in range(6)]
    with pytest.raises(KeyboardInterrupt):
        cache.get(texts, texts)
    assert con.execute("SELECT count(*) FROM embeddings").fetchone()[0] == 4
