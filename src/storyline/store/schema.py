"""The store's tables and columns, defined once, and the migrations that create them."""

from __future__ import annotations

SCHEMA_VERSION = 1

# Column lists are the single spelling of each name; queries build on these tuples.
DOCUMENT_COLUMNS = (
    "id", "source", "raw_hash", "text", "kind", "encoding",
    "title", "title_method",
    "author", "author_method",
    "outlet", "outlet_method",
    "published", "published_method", "published_precision",
    "language", "word_count", "republished_from",
    "duplicate_of", "similarity", "minhash", "seq", "ingested_at",
)
REMOVED_COLUMNS = ("doc_id", "seq", "reason", "start_char", "end_char", "text")
REFERENCE_COLUMNS = ("doc_id", "seq", "text")
SOURCE_COLUMNS = ("source", "doc_id", "raw_hash", "ingested_at")
RUN_COLUMNS = ("id", "command", "version", "config_hash", "started_at", "finished_at",
               "added", "unchanged", "failed")

# Each migration takes the store from the previous version to its own; never edit one
# that has shipped, add the next.
MIGRATIONS: list[tuple[int, list[str]]] = [
    (
        1,
        [
            """CREATE TABLE documents (
                id VARCHAR PRIMARY KEY,
                source VARCHAR NOT NULL,
                raw_hash VARCHAR NOT NULL,
                text VARCHAR NOT NULL,
                kind VARCHAR,
                encoding VARCHAR,
                title VARCHAR, title_method VARCHAR,
                author VARCHAR, author_method VARCHAR,
                outlet VARCHAR, outlet_method VARCHAR,
                published VARCHAR, published_method VARCHAR, published_precision VARCHAR,
                language VARCHAR,
                word_count INTEGER,
                republished_from VARCHAR,
                duplicate_of VARCHAR,
                similarity DOUBLE,
                minhash UBIGINT[],
                seq INTEGER NOT NULL,
                ingested_at TIMESTAMP NOT NULL
            )""",
            """CREATE TABLE removed (
                doc_id VARCHAR NOT NULL,
                seq INTEGER NOT NULL,
                reason VARCHAR NOT NULL,
                start_char INTEGER,
                end_char INTEGER,
                text VARCHAR NOT NULL,
                PRIMARY KEY (doc_id, seq)
            )""",
            """CREATE TABLE doc_references (
                doc_id VARCHAR NOT NULL,
                seq INTEGER NOT NULL,
                text VARCHAR NOT NULL,
                PRIMARY KEY (doc_id, seq)
            )""",
            """CREATE TABLE sources (
                source VARCHAR PRIMARY KEY,
                doc_id VARCHAR NOT NULL,
                raw_hash VARCHAR NOT NULL,
                ingested_at TIMESTAMP NOT NULL
            )""",
            """CREATE TABLE runs (
                id VARCHAR PRIMARY KEY,
                command VARCHAR,
                version VARCHAR,
                config_hash VARCHAR,
                started_at TIMESTAMP,
                finished_at TIMESTAMP,
                added INTEGER,
                unchanged INTEGER,
                failed INTEGER
            )""",
        ],
    ),
]
