"""Tables of extracted records, derived from the record dataclasses so no column is spelled twice.

Extracted records are derived data: a cache of the pipeline's output keyed by document.
When the record layout or the pipeline version changes, these tables are rebuilt and the
documents re-extracted; the documents themselves are never touched.
"""

from __future__ import annotations

import dataclasses
import hashlib
from functools import lru_cache
import json
import types
import typing
from typing import Any

from storyline import models

# Record class -> (table, id prefix). Tables with an id prefix get a content-derived ``id``.
RECORD_TABLES: dict[type, tuple[str, str | None]] = {
    models.Mention: ("mentions", None),
    models.TimeRef: ("times", None),
    models.Quote: ("quotes", "q"),
    models.Figure: ("figures", "f"),
    models.Statement: ("statements", "s"),
    models.Event: ("events", "e"),
    models.Frame: ("frames", "a"),
}
# Field names that clash with SQL keywords are stored under another column name.
RENAMED = {"doc": "doc_id", "start": "start_char", "end": "end_char"}
SQL_TYPES = {str: "VARCHAR", int: "INTEGER", float: "DOUBLE", bool: "BOOLEAN"}


def _sql_type(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _sql_type(inner[0])
    if origin is list:
        return _sql_type(typing.get_args(annotation)[0]) + "[]"
    return SQL_TYPES[annotation]


@lru_cache(maxsize=None)
def columns(cls: type) -> list[tuple[str, str, str]]:
    """``(field, column, SQL type)`` for each field of a record class."""
    hints = typing.get_type_hints(cls)
    return [(f.name, RENAMED.get(f.name, f.name), _sql_type(hints[f.name])) for f in dataclasses.fields(cls)]


def create_statements() -> list[str]:
    statements = [
        "CREATE TABLE IF NOT EXISTS extractions (doc_id VARCHAR PRIMARY KEY, pipeline VARCHAR, "
        "extracted_at TIMESTAMP)",
        "CREATE TABLE IF NOT EXISTS sentences (doc_id VARCHAR, seq INTEGER, start_char INTEGER, "
        "end_char INTEGER, PRIMARY KEY (doc_id, seq))",
    ]
    for cls, (table, prefix) in RECORD_TABLES.items():
        cols = [f"{column} {sql}" for _, column, sql in columns(cls)]
        if prefix:
            cols.insert(0, "id VARCHAR PRIMARY KEY")
        else:
            cols.insert(0, "seq INTEGER")
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(cols)})")
    return statements


def layout_hash() -> str:
    """Changes whenever a record class gains, loses or retypes a field."""
    blob = json.dumps({table: columns(cls) for cls, (table, _) in RECORD_TABLES.items()})
    return hashlib.sha256(blob.encode()).hexdigest()[:12]


def record_id(prefix: str, record: Any) -> str:
    """Content-derived id: the same record from the same text always gets the same id."""
    basis = f"{record.doc}:{record.start}:{record.end}:{type(record).__name__}"
    return prefix + hashlib.sha256(basis.encode()).hexdigest()[:12]


def row(record: Any, seq: int) -> list[Any]:
    table, prefix = RECORD_TABLES[type(record)]
    values = [getattr(record, name) for name, _, _ in columns(type(record))]
    return [record_id(prefix, record) if prefix else seq] + values


def insert_sql(cls: type, rows: int = 1) -> str:
    """An INSERT of ``rows`` rows in one statement (far cheaper in DuckDB than one per row)."""
    table, prefix = RECORD_TABLES[cls]
    names = ["id" if prefix else "seq"] + [column for _, column, _ in columns(cls)]
    # OR REPLACE: two records at the same offsets (a clause and its sentence) keep the last.
    verb = "INSERT OR REPLACE" if prefix else "INSERT"
    one = f"({', '.join('?' for _ in names)})"
    return f"{verb} INTO {table} ({', '.join(names)}) VALUES {', '.join([one] * rows)}"


def from_row(cls: type, data: dict[str, Any]) -> Any:
    """Rebuild a record from a row read back from its table."""
    return cls(**{name: data[column] for name, column, _ in columns(cls)})
