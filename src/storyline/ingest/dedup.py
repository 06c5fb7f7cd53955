"""Exact, near-duplicate and partial-copy detection: content hashes, MinHash signatures, LSH, containment."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

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


# Shingles hashed per batch: MinHash builds a (permutations × batch) array, so hashing a long
# report in one batch would need memory in proportion to its length times the permutations.
SIGNATURE_BATCH = 8192


def _shingle_stream(text: str, size: int):
    """The text's shingles one by one, in order (repeats included: a minimum ignores them)."""
    words = TOKEN_RE.findall(text.lower())
    if len(words) <= size:
        if words:
            yield " ".join(words).encode()
        return
    for i in range(len(words) - size + 1):
        yield " ".join(words[i : i + size]).encode()


@lru_cache(maxsize=4)
def _permutations(num_perm: int):
    """The seeded permutation parameters, drawn once: MinHash would draw them anew for each object."""
    return MinHash(num_perm=num_perm, seed=1, scheme=SCHEME).permutations


def _new_minhash(num_perm: int, hashvalues: np.ndarray | None = None) -> MinHash:
    return MinHash(num_perm=num_perm, seed=1, scheme=SCHEME, hashvalues=hashvalues,
                   permutations=_permutations(num_perm))


def signature(text: str, size: int, num_perm: int) -> np.ndarray:
    """MinHash signature of the text's shingles (a fixed seed, so stored ones stay comparable).

    Shingles are hashed in bounded batches, so memory stays flat however long the report is.
    """
    minhash = _new_minhash(num_perm)
    batch: list[bytes] = []
    for shingle in _shingle_stream(text, size):
        batch.append(shingle)
        if len(batch) == SIGNATURE_BATCH:
            minhash.update_batch(batch)
            batch = []
    if batch:
        minhash.update_batch(batch)
    return minhash.hashvalues.astype(np.uint64)


class NearDuplicateIndex:
    """LSH over MinHash signatures: each lookup touches only the candidates sharing a band."""

    def __init__(self, threshold: float, num_perm: int) -> None:
        self.num_perm = num_perm
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.threshold = threshold
        self._minhashes: dict[str, MinHash] = {}

    def _minhash(self, values: np.ndarray) -> MinHash:
        return _new_minhash(self.num_perm, np.asarray(values, dtype=np.uint64))

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


def containment(text_a: str, text_b: str, size: int) -> tuple[float, int]:
    """Share of the shorter text's shingles found in the longer one, and that shorter text's shingle count.

    A truncated, re-headlined copy keeps most of its shingles inside the original even when the
    whole-document Jaccard similarity is low (a copy holding 80% of an original twice its length
    has Jaccard 0.36 but containment 0.8).
    """
    a, b = shingles(text_a, size), shingles(text_b, size)
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return 0.0, 0
    return len(short & long_) / len(short), len(short)


class PartialCopyIndex(NearDuplicateIndex):
    """Candidates for partial copies: LSH at a low Jaccard threshold, confirmed by exact containment.

    The LSH only narrows the comparison to reports that share a band of their signatures; the
    decision is :func:`containment` over the two texts, so a low candidate threshold costs time,
    never a false link.
    """

    def candidates(self, values: np.ndarray) -> list[str]:
        """Stored documents that share at least one LSH band with the signature."""
        return sorted(self.lsh.query(self._minhash(values)))


def partial_copies(text: str, candidates: dict[str, str], size: int, threshold: float,
                   min_shingles: int) -> list[tuple[str, float]]:
    """Candidates that contain ``text`` or are contained in it (containment at or above ``threshold``).

    ``candidates`` maps document ids to their texts. A shorter text under ``min_shingles``
    shingles links to nothing: a few shared sentences (a standard paragraph, a quoted
    statement) do not make a copy. Best first.
    """
    hits = []
    for doc_id, other in candidates.items():
        share, short = containment(text, other, size)
        if short >= min_shingles and share >= threshold:
            hits.append((doc_id, round(share, 3)))
    return sorted(hits, key=lambda hit: (-hit[1], hit[0]))
