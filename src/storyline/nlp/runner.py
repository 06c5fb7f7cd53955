"""Running the pipeline over stored documents that have no extraction yet, and storing the records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from storyline import __version__
from storyline.nlp import pipeline
from storyline.store.db import ExtractionStore, Store


def pipeline_key(config: dict) -> str:
    """What the stored extractions depend on: Storyline's version, the model and the components."""
    return f"{__version__}|{config['model']['spacy']}|{','.join(pipeline.available_components())}"


def published_date(row: dict[str, Any]) -> dt.date | None:
    """A document's publication date when known to the day (relative dates need a day)."""
    if row.get("published") and row.get("published_precision") == "day":
        try:
            return dt.date.fromisoformat(row["published"][:10])
        except ValueError:
            return None
    return None


def extract_pending(
    store: Store, config: dict, on_doc: Callable[[str], None] | None = None, on_total: Callable[[int], None] | None = None
) -> int:
    """Extract every original document not yet extracted; return how many were processed.

    Copies (``duplicate_of`` set) are skipped: later stages count a syndicated report once.
    Each document's records are written in one transaction, so an interrupted run resumes.
    """
    records = ExtractionStore(store)
    key = pipeline_key(config)
    records.ensure_tables(key)
    stale = records.stale()
    if stale:
        with store.transaction():
            for doc_id in stale:
                records.delete(doc_id)
    pending = records.pending()
    if on_total:
        on_total(len(pending))
    if not pending:
        return 0
    nlp = pipeline.load(config["model"]["spacy"])
    items = ((row["id"], row["text"], published_date(row)) for row in pending)
    count = 0
    for extraction in pipeline.extract(nlp, items):
        found: list[Any] = []
        for name in ("mentions", "times", "quotes", "frames", "figures", "statements", "events"):
            found.extend(getattr(extraction, name))
        records.save(extraction.doc_id, extraction.sentences, found, key)
        if extraction.inferred_published is not None:
            store.set_published(extraction.doc_id, extraction.inferred_published.isoformat(), "inferred", "day")
        count += 1
        if on_doc:
            on_doc(extraction.doc_id)
    return count
