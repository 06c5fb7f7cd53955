"""The ONNX Runtime encoder gives the PyTorch encoder's vectors (needs ``storyline[onnx]``; loads the model)."""

import numpy as np
import pytest

pytestmark = pytest.mark.integration


def test_onnx_and_torch_encoders_give_the_same_vectors(monkeypatch, tmp_path):
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    from storyline.analysis import embed

    monkeypatch.setenv("STORYLINE_CACHE", str(tmp_path))
    embed.onnx_model.cache_clear()
    texts = ["Flood water reached the first floor of the town hall on Tuesday.", "Dockers walked out.", "",
             "The electoral commission said turnout was 61 percent, " + "and the count went on " * 40 + "."]
    try:
        torch_vectors = embed.encode(texts)
        onnx_vectors = embed.encode(texts, backend="onnx")
    finally:
        embed.onnx_model.cache_clear()
    assert embed.onnx_file().is_file()
    assert onnx_vectors.shape == torch_vectors.shape == (len(texts), embed.DIM)
    assert np.abs(onnx_vectors - torch_vectors).max() < 1e-5
    similarities = [onnx_vectors[0] @ onnx_vectors[i] - torch_vectors[0] @ torch_vectors[i] for i in range(len(texts))]
    assert max(abs(d) for d in similarities) < 1e-5
