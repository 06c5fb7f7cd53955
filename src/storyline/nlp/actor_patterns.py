"""The actor resolver's phrase patterns: each knowledge-base name as the model's tokenizer splits it, given
to the phrase matcher as the token hashes it compares. Tokenizing the whole knowledge base's names takes
most of a second, on every load of the model and in every worker; the hashes are kept in the cache folder
under a key made of the names, the tokenizer's settings, the model and the spaCy version, so a later
process reads them back instead (any change to one of those makes a new key)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable

import numpy as np
import spacy
from spacy.attrs import IDS
from spacy.language import Language

from storyline import cache

FOLDER = "actor-patterns"
VERSION = 1
"""Bumped when the stored layout changes."""


def patterns(nlp: Language, names: Iterable[str], attr: str = "ORTH") -> list[tuple[int, ...]]:
    """The token hashes (``attr``: ORTH or LOWER) of each of ``names``, sorted, as ``nlp``'s tokenizer
    splits them: read from the cache folder when an earlier process stored them, else tokenized and stored."""
    names = sorted(names)
    path = cache.folder() / FOLDER / f"{_key(nlp, names, attr)}.npz"
    try:
        with np.load(path) as stored:
            flat, lengths = stored["flat"], stored["lengths"]
        if len(lengths) == len(names) and int(lengths.sum()) == len(flat):
            return _split(flat.tolist(), lengths.tolist())
    except (OSError, KeyError, ValueError):
        pass
    found = tokenized(nlp, names, attr)
    _store(path, found)
    return found


def tokenized(nlp: Language, names: list[str], attr: str) -> list[tuple[int, ...]]:
    """The token hashes of each of ``names`` as ``nlp``'s tokenizer splits them."""
    column = IDS[attr]
    return [tuple(doc.to_array(column).reshape(-1).tolist()) for doc in nlp.tokenizer.pipe(names)]


def _key(nlp: Language, names: list[str], attr: str) -> str:
    digest = hashlib.sha256()
    meta = nlp.meta
    for part in (str(VERSION), spacy.__version__, nlp.lang, meta.get("name", ""), meta.get("version", ""), attr):
        digest.update(part.encode() + b"\0")
    digest.update(hashlib.sha256(nlp.tokenizer.to_bytes(exclude=["vocab"])).digest())
    for name in names:
        digest.update(name.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()[:32]


def _split(flat: list[int], lengths: list[int]) -> list[tuple[int, ...]]:
    out, at = [], 0
    for n in lengths:
        out.append(tuple(flat[at : at + n]))
        at += n
    return out


def _store(path, found: list[tuple[int, ...]]) -> None:
    """Written under a temporary name, then renamed: a process reading the folder never sees half a file.
    A folder that cannot be written only means the next process tokenizes again."""
    flat = np.fromiter((h for keyword in found for h in keyword), dtype=np.uint64)
    lengths = np.fromiter((len(keyword) for keyword in found), dtype=np.int64, count=len(found))
    partial = path.with_name(f"{path.stem}.{os.getpid()}.part.npz")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(partial, "wb") as out:
            np.savez(out, flat=flat, lengths=lengths)
        os.replace(partial, path)
    except OSError:
        partial.unlink(missing_ok=True)
