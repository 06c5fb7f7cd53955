"""Versions of the rules behind stored results: a digest of the modules whose code decides them."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=None)
def code_digest(modules: tuple[str, ...]) -> str:
    """A digest of these modules' source (paths relative to the ``storyline`` package): a change to
    any of them changes it, so results stored under the old digest are stale."""
    digest = hashlib.sha256()
    for name in modules:
        path = ROOT / name
        digest.update(path.read_bytes() if path.is_file() else name.encode())
    return digest.hexdigest()[:16]
