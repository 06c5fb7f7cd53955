"""The encoder run on transformers alone gives sentence-transformers' vectors (loads both): to the bit in a fresh
process; after other work in the same process the two paths differ in the last float digit (about 1e-7)."""

import numpy as np
import pytest

pytestmark = pytest.mark.integration


def test_the_lean_encoder_gives_sentence_transformers_vectors():
    pytest.importorskip("sentence_transformers")
    from storyline.analysis import embed

    words = ["the", "ferry", "union", "voted", "to", "strike", "after", "talks", "on", "pay", "collapsed", "late",
             "Tuesday", "while", "flood", "waters", "rose", "in", "three", "valley", "towns"]
    # Many lengths (so batches are padded), an empty text, one over the word-piece limit, accents and dashes.
    texts = [" ".join(words[(n * 3 + k) % len(words)] for k in range(1 + n % 17)) + "." for n in range(150)]
    texts += ["", "Préfet Zoë Müller — “no comment”, she said.", "tariff " * 300, "Line one.\nLine  two."]
    with embed.threads(1):
        lean = embed.encode(texts, batch_size=16)
        reference = embed.model()
        pieces = reference.tokenizer(texts, truncation=True, max_length=reference.max_seq_length)["input_ids"]
        order = np.argsort([len(p) for p in pieces], kind="stable")
        expected = np.zeros_like(lean)
        for at in range(0, len(order), 16):
            rows = order[at : at + 16]
            expected[rows] = reference.encode([texts[i] for i in rows], batch_size=16, normalize_embeddings=True,
                                              show_progress_bar=False, convert_to_numpy=True)
    assert lean.shape == (len(texts), embed.DIM)
    assert np.abs(lean - expected).max() <= 1e-6


def test_bfloat16_products_give_vectors_close_to_float32_ones():
    from storyline.analysis import embed

    texts = ["The ferry union voted to strike after talks on pay collapsed.",
             "Flood waters rose in three valley towns overnight, the mayor said.",
             "Officials denied that the dam had been damaged.", "Polls closed at eight.", ""]
    with embed.threads(1):
        exact = embed.encode(texts)
        rounded = embed.encode(texts, precision="bfloat16")
    assert rounded.dtype == np.float32 and not np.array_equal(rounded, exact)
    assert np.allclose(np.linalg.norm(rounded, axis=1), 1.0, atol=1e-5)
    assert float((rounded * exact).sum(axis=1).min()) > 0.999


def test_the_lean_encoder_gives_the_last_hidden_states_of_transformers_bert_to_the_bit():
    import torch
    from transformers import AutoTokenizer, BertModel

    from storyline.analysis import embed

    path = embed._model_path()
    reference, tokenizer = BertModel.from_pretrained(str(path)).eval(), AutoTokenizer.from_pretrained(str(path))
    lean = embed.bert()
    texts = ["The harbour stayed shut for a third day.", "", "Préfet Zoë Müller — “no comment”, she said.",
             "gauge " * 200, "Rain.", "Two ferries ran late on Sunday after the storm cut power to the pier."]
    # One padded batch, one batch of equal lengths (no padding, so no mask), and one text alone.
    for batch in (texts, ["Rain fell.", "Wind rose."], [texts[1]], [texts[3]]):
        features = tokenizer(batch, padding=True, truncation="longest_first", max_length=embed.MAX_PIECES,
                             return_tensors="pt")
        assert [p for p in features["input_ids"].tolist()] == [
            p + [0] * (features["input_ids"].shape[1] - len(p)) for p in lean.word_pieces(batch)]
        with torch.inference_mode(), embed.threads(1):
            expected = reference(**features, return_dict=True)[0]
            got = lean.hidden(features["input_ids"], features["attention_mask"])
        assert torch.equal(got, expected)


def test_encoding_imports_neither_transformers_nor_sentence_transformers():
    import subprocess
    import sys

    code = ("import sys; from storyline.analysis import embed; v = embed.encode(['The pier reopened.', 'Rain.']); "
            "print(v.shape, 'transformers' in sys.modules, 'sentence_transformers' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split()[-2:] == ["False", "False"]
