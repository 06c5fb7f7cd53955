"""The JSON contract: an Analysis as plain data (documented in docs/json-contract.md)."""

from __future__ import annotations

import dataclasses
from typing import Any

from storyline import __version__
from storyline.store.records import record_id


def _asdict(record: Any) -> dict[str, Any]:
    return dataclasses.asdict(record)


def _with_id(prefix: str, record: Any) -> dict[str, Any]:
    return {"id": record_id(prefix, record), **_asdict(record)}


def _documents(analysis) -> list[dict[str, Any]]:
    corpus = analysis.corpus
    docs = []
    for doc_id, row in corpus.documents.items():
        docs.append({
            "id": doc_id,
            "source": row["source"],
            "title": row.get("title"),
            "author": row.get("author"),
            "outlet": row.get("outlet"),
            "published": row.get("published"),
            "published_precision": row.get("published_precision"),
            "published_method": row.get("published_method"),
            "language": row.get("language"),
            "word_count": row.get("word_count"),
            "republished_from": row.get("republished_from"),
            "text": row["text"],
            "removed": [{"reason": s.reason, "text": s.text} for s in corpus.removed.get(doc_id, [])],
            "references": corpus.references.get(doc_id, []),
            "duplicate_of": row.get("duplicate_of"),
            "similarity": row.get("similarity"),
        })
    return docs


def to_contract(analysis) -> dict[str, Any]:
    """Every record with provenance (document id and character offsets into its ``text``)."""
    from storyline.api import SCHEMA_VERSION, generated_at

    corpus, cross = analysis.corpus, analysis.cross
    return {
        "schema_version": SCHEMA_VERSION,
        "storyline_version": __version__,
        "generated_at": generated_at(),
        "config_hash": analysis.config_hash,
        "seconds": round(analysis.seconds, 3),
        "documents": _documents(analysis),
        "entities": [_asdict(e) for e in corpus.entities],
        "quotes": [_with_id("q", q) for q in corpus.quotes],
        "figures": [_with_id("f", f) for f in corpus.figures],
        "figure_tables": [_asdict(t) for t in cross.figure_tables],
        "statements": [_with_id("s", s) for s in corpus.statements],
        "clusters": [_asdict(c) for c in cross.clusters],
        "conflicts": [_asdict(c) for c in cross.conflicts],
        "events": [_with_id("e", e) for e in corpus.events],
        "timeline": [_asdict(t) for t in cross.timeline],
        "network": cross.network,
        "options": [_asdict(o) for o in cross.options],
        "implications": [_asdict(i) for i in cross.implications],
        "bottom_line": [_asdict(b) for b in getattr(cross, "bottom_line", [])],
    }
