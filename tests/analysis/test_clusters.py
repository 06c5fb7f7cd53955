"""Candidate-pair scoring for claims (no models)."""

import numpy as np

from storyline.analysis.clusters import pair_scores


def test_pair_scores_are_the_dot_products_across_chunk_boundaries():
    rng = np.random.default_rng(7)
    vectors = rng.standard_normal((50, 16)).astype(np.float32)
    row = {100 + n: n for n in range(50)}  # statement index -> vector row
    pairs = [(100 + i, 100 + j) for i in range(50) for j in range(i + 1, 50)][:1000]
    got = pair_scores(vectors, row, pairs, chunk=64)
    want = np.array([vectors[i - 100] @ vectors[j - 100] for i, j in pairs], dtype=np.float32)
    assert got.shape == (1000,) and np.allclose(got, want, atol=1e-5)
    assert np.array_equal(got, pair_scores(vectors, row, pairs, chunk=100_000))
    assert pair_scores(vectors, row, []).shape == (0,)
