"""Storyline: turn overlapping news reports into an evidence-backed situation picture."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from storyline.api import Analysis, Progress


def analyze(
    inputs: Iterable[str | Path] = (),
    *,
    db: str | Path = ":memory:",
    config: dict | str | Path | None = None,
    fields: dict[str, str] | None = None,
    allow_private: bool = False,
    progress: "Progress | None" = None,
    workers: int | None = None,
    engine: str | None = None,
    address: str | None = None,
    keep_model: bool = True,
) -> "Analysis":
    """Ingest ``inputs`` into the store at ``db``, extract, analyse across sources, and store the run.

    ``inputs``: paths (files, folders, bulk JSON/JSONL/CSV, feeds), URLs, ``-`` for stdin, or a
    report's text itself. Inputs that cannot be read are listed in ``Analysis.errors`` and
    announced by one ``storyline.api.InputWarning``; the rest are analysed. Raises
    ``storyline.api.StoreError`` when the store cannot be opened. ``workers``: processes that
    parse side by side (default: one per CPU core). ``engine="ray"`` parses on Ray actors (a
    local Ray, or the cluster at ``address``). ``keep_model=False`` frees the parsing model after
    extraction (lower peak memory; the next call loads it again). See :func:`storyline.api.analyze`.
    """
    from storyline.api import analyze as run

    return run(inputs, db=db, config=config, fields=fields, allow_private=allow_private, progress=progress,
               workers=workers, engine=engine, address=address, keep_model=keep_model)


def load(db: str | Path, run: int | None = None) -> "Analysis":
    """The latest stored analysis of the store at ``db`` (or run number ``run``), without recomputing.
    See :func:`storyline.api.load`."""
    from storyline.api import load as read

    return read(db, run)


from storyline.quantities import extract_figures  # noqa: E402  (public: figures in one text)


def extract_quotes(text: str, published=None) -> list:
    """Quotes in one text with speakers, cues and offsets; see :func:`storyline.extract.extract_quotes`."""
    from storyline.extract import extract_quotes as run

    return run(text, published)
