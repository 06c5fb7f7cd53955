"""Exact and near-duplicate detection: content hashes, MinHash signatures and LSH."""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash, MinHashLSH

TOKEN_RE = re.compile(r"\w+")
# Stored signatures are only comparable with ones made the same way: pin the scheme.
SCHEME = "affine32"


def content_hash(text: str) -> str:
    """Hash of text with whitespace and case normalised: equal for exact copies."""
    canonical = " ".join(text.lower().split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def shingles(text: str, size: int) -> set[bytes]:
    """Overlapping runs of ``size`` words, lower-cased."""
    words = TOKEN_RE.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def signature(text: str, size: int, num_perm: int) -> np.ndarray:
    """MinHash signature of the text's shingles (a fixed seed, so stored ones stay comparable)."""
    minhash = MinHash(num_perm=num_perm, seed=1, scheme=SCHEME)
    minhash.update_batch(list(shingles(text, size)))
    return minhash.hashvalues.astype(np.uint64)


class NearDuplicateIndex:
    """LSH over MinHash signatures: each lookup touches only the candidates sharing a band."""

    def __init__(self, threshold: float, num_perm: int) -> None:
        self.num_perm = num_perm
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.threshold = threshold
        self._minhashes: dict[str, MinHash] = {}

    def _minhash(self, values: np.ndarray) -> MinHash:
        return MinHash(num_perm=self.num_perm, seed=1, scheme=SCHEME, hashvalues=np.asarray(values, dtype=np.uint64))

    def add(self, doc_id: str, values: np.ndarray) -> None:
        if doc_id in self._minhashes:
            return
        minhash = self._minhash(values)
        self._minhashes[doc_id] = minhash
        self.lsh.insert(doc_id, minhash)

    def query(self, values: np.ndarray) -> list[tuple[str, float]]:
        """Stored documents whose estimated Jaccard similarity reaches the threshold, best first."""
        minhash = self._minhash(values)
        hits = []
        for doc_id in self.lsh.query(minhash):
            similarity = minhash.jaccard(self._minhashes[doc_id])
            if similarity >= self.threshold:
                hits.append((doc_id, round(float(similarity), 3)))
        return sorted(hits, key=lambda hit: (-hit[1], hit[0]))

    def __len__(self) -> int:
        return len(self._minhashes)
