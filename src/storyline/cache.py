"""The folder where Storyline keeps what it derives once and reads back in later runs."""

from __future__ import annotations

import os
from pathlib import Path


def folder() -> Path:
    """``$STORYLINE_CACHE``, else ``storyline`` in the user's cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``)."""
    root = os.environ.get("STORYLINE_CACHE") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "storyline"
    return Path(root)
