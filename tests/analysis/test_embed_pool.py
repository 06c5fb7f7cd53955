"""An encoder process gives the vectors of this process (loads the sentence encoder in a second process)."""

import numpy as np
import pytest

pytestmark = pytest.mark.integration


def test_an_encoder_pool_gives_the_vectors_of_this_process_in_the_texts_order():
    from storyline.analysis import embed

    words = ["harbour", "ballot", "drought", "tariff", "vaccine", "bridge", "strike", "verdict"]
    # Texts of many lengths, so the batches sort them and hand them out out of order.
    texts = [" ".join(words[(n + k) % len(words)] for k in range(1 + n % 7)) + "." for n in range(22)]
    with embed.threads(1):
        here = embed.encode(texts, batch_size=4)
    with embed.EncoderPool(1) as pool:  # one process: the batches still come back out of order
        shared = pool.encode(texts, batch_size=4)
        assert pool.cpu > 0  # the processes report what they spent
        assert pool.encode([]).shape == (0, embed.DIM)
    assert pool._pool is None  # stopped on leaving the block
    assert shared.shape == (len(texts), embed.DIM)
    assert np.abs(shared - here).max() < 1e-6
