"""Running the pipeline over stored documents that have no extraction yet, and storing the records."""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable
from typing import Any

from storyline import __version__
from storyline.nlp import pipeline, windows
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


def _extract_windows(nlp, rows: list[dict[str, Any]], size: int):
    """Extractions per document; a long document is parsed in windows and merged back."""
    plan: deque[tuple[str, int, bool]] = deque()

    def items():
        for row in rows:
            cuts = windows.spans(row["text"], size)
            for i, (start, end) in enumerate(cuts):
                plan.append((row["id"], start, i == len(cuts) - 1))
                yield row["id"], row["text"][start:end], published_date(row)

    parts: list[tuple[int, Any]] = []
    for extraction in pipeline.extract(nlp, items()):
        _, offset, last = plan.popleft()
        parts.append((offset, extraction))
        if last:
            yield parts[0][1] if len(parts) == 1 else windows.merge(parts)
            parts = []


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
    size = min(int(config["model"].get("window", 100_000)), nlp.max_length - 1)
    count = 0
    for extraction in _extract_windows(nlp, pending, size):
        found: list[Any] = []
        for name in ("mentions", "times", "quotes", "frames", "figures", "statements", "events"):
            found.extend(getattr(extraction, name))
        inferred = extraction.inferred_published
        records.save(extraction.doc_id, extraction.sentences, found, key, inferred.isoformat() if inferred else None)
        count += 1
        if on_doc:
            on_doc(extraction.doc_id)
    return count
