"""The embedding cache: vectors stored by text, read back in the order asked (no model loaded)."""

import duckdb
import numpy as np

from storyline.analysis.embed import DIM, MODEL_NAME, EmbeddingCache, text_key


def test_cached_vectors_come_back_in_order_for_repeated_and_respaced_texts():
    con = duckdb.connect()
    cache = EmbeddingCache(con)
    texts = ["The river rose overnight.", "Polls closed at eight.", "Dockers walked out."]
    rng = np.random.default_rng(5)
    vectors = rng.standard_normal((len(texts), DIM)).astype(np.float32)
    for text, vector in zip(texts, vectors):
        con.execute(f"INSERT INTO {EmbeddingCache.TABLE} VALUES (?, ?, ?)",
                    [text_key(text), MODEL_NAME, vector.tolist()])
    con.execute(f"INSERT INTO {EmbeddingCache.TABLE} VALUES (?, ?, ?)", ["other", "another-model", vectors[0].tolist()])
    asked = [texts[2], texts[0], "Polls  closed at\\neight.".replace("\\n", "\n"), texts[2]]
    got = cache.get(["a", "b", "c", "d"], asked)
    assert got.dtype == np.float32 and got.shape == (4, DIM)
    assert np.array_equal(got, vectors[[2, 0, 1, 2]])
    assert cache.get([], []).shape == (0, DIM)
