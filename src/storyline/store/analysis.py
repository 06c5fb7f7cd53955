"""Tables of cross-source results, derived from the record dataclasses, stamped with the run.

Every list of records that the cross-source stage produces (a field of ``CrossSource``
typed ``list[SomeRecord]``) becomes a table ``cross_<field>``; a field of a record that is
itself a list of records (a conflict's sides, a figure table's rows, an edge's evidence)
becomes a child table ``cross_<field>__<subfield>`` whose rows point at their parent by
``parent_seq``. Scalars and lists of scalars are columns; anything else (dicts, nested
records) is stored as JSON. A record class that gains a field gains a column the next
time an analysis is written, so new results flow through without this module changing.

Rows carry ``run_id``: the ``analysis_runs`` table stamps each run with the code version,
the configuration hash and the set of documents it covered. The last ``KEEP_RUNS`` runs are
kept, so ``storyline changes`` can compare a run with the one before.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any

from storyline.store.db import bulk_insert
from storyline.store.records import SQL_TYPES

KEEP_RUNS = 10
RUN_TABLE = "analysis_runs"
BLOB_TABLE = "analysis_blobs"
"""Per-run values that are not record lists (the network's node list, the actor remapping)."""
RUN_TABLE_SQL = (
    f"CREATE TABLE IF NOT EXISTS {RUN_TABLE} (id INTEGER PRIMARY KEY, version VARCHAR, config_hash VARCHAR, "
    "docs_hash VARCHAR, doc_ids VARCHAR[], started_at TIMESTAMP, finished_at TIMESTAMP, seconds DOUBLE)"
)
BLOB_TABLE_SQL = f"CREATE TABLE IF NOT EXISTS {BLOB_TABLE} (run_id INTEGER, name VARCHAR, value VARCHAR)"
RENAMED = {"doc": "doc_id", "start": "start_char", "end": "end_char"}


@dataclasses.dataclass
class RunStamp:
    """One stored analysis: what code, configuration and documents produced it."""

    id: int
    version: str
    config_hash: str
    docs_hash: str
    doc_ids: list[str]
    started_at: Any = None
    finished_at: Any = None
    seconds: float = 0.0


@dataclasses.dataclass(frozen=True)
class Column:
    """How one dataclass field is stored: a column (``sql``), a JSON column, or a child table."""

    field: str
    column: str
    sql: str
    kind: str
    """``plain``, ``json`` or ``child``."""
    child: type | None = None


def _unwrap(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(inner[0]) if len(inner) == 1 else Any
    return annotation


def _plain_sql(annotation: Any) -> str | None:
    annotation = _unwrap(annotation)
    if annotation in SQL_TYPES:
        return SQL_TYPES[annotation]
    if typing.get_origin(annotation) is list:
        inner = _unwrap(typing.get_args(annotation)[0])
        if inner in SQL_TYPES:
            return SQL_TYPES[inner] + "[]"
    return None


def list_of_records(annotation: Any) -> type | None:
    """The record class of a ``list[Record]`` annotation, else None."""
    annotation = _unwrap(annotation)
    if typing.get_origin(annotation) is list:
        inner = _unwrap(typing.get_args(annotation)[0])
        if dataclasses.is_dataclass(inner):
            return inner
    return None


@lru_cache(maxsize=None)
def layout(cls: type) -> tuple[Column, ...]:
    """How each field of a record class is stored."""
    hints = typing.get_type_hints(cls)
    out = []
    for f in dataclasses.fields(cls):
        column = RENAMED.get(f.name, f.name)
        child = list_of_records(hints[f.name])
        if child is not None:
            out.append(Column(f.name, column, "", "child", child))
            continue
        sql = _plain_sql(hints[f.name])
        out.append(Column(f.name, column, sql or "VARCHAR", "plain" if sql else "json"))
    return tuple(out)


def record_fields(owner: type) -> list[tuple[str, type]]:
    """``(field, record class)`` for each ``list[Record]`` field of a results class (CrossSource)."""
    hints = typing.get_type_hints(owner)
    return [(f.name, cls) for f in dataclasses.fields(owner) if (cls := list_of_records(hints[f.name]))]


def table_name(path: tuple[str, ...]) -> str:
    return "cross_" + "__".join(path)


def tables_for(path: tuple[str, ...], cls: type) -> list[tuple[str, tuple[str, ...], type]]:
    """The table of a record list and every child table under it: ``(table, path, class)``."""
    found = [(table_name(path), path, cls)]
    for col in layout(cls):
        if col.kind == "child":
            found += tables_for(path + (col.field,), col.child)
    return found


def _json_default(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return dataclasses.asdict(value)
    if isinstance(value, (set, tuple)):
        return list(value)
    return str(value)


class AnalysisTables:
    """Writing and reading the cross-source tables of one store connection."""

    def __init__(self, con: Any) -> None:
        self.con = con

    # -- schema ----------------------------------------------------------------------

    def _existing_columns(self, table: str) -> list[str]:
        rows = self.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [table],
        ).fetchall()
        return [r[0] for r in rows]

    def ensure(self, table: str, cls: type, child: bool) -> None:
        """Create the table, or add columns for fields the record class has gained."""
        cols = [(c.column, c.sql) for c in layout(cls) if c.kind != "child"]
        existing = self._existing_columns(table)
        if not existing:
            keys = "run_id INTEGER, seq INTEGER" + (", parent_seq INTEGER" if child else "")
            body = ", ".join(f'"{name}" {sql}' for name, sql in cols)
            self.con.execute(f"CREATE TABLE {table} ({keys}{', ' + body if body else ''})")
            return
        for name, sql in cols:
            if name not in existing:
                self.con.execute(f'ALTER TABLE {table} ADD COLUMN "{name}" {sql}')

    def has_tables(self) -> bool:
        return bool(self._existing_columns(RUN_TABLE))

    # -- writing ---------------------------------------------------------------------

    def write(self, results: Any, extra: dict[str, list[Any]], blobs: dict[str, Any], stamp: RunStamp) -> None:
        """Store one run: every record list of ``results`` and ``extra``, and the JSON ``blobs``.

        The caller holds the transaction, so a reader never sees half a run.
        """
        self.con.execute(RUN_TABLE_SQL)
        self.con.execute(BLOB_TABLE_SQL)
        row = dataclasses.astuple(stamp)
        self.con.execute(f"INSERT INTO {RUN_TABLE} VALUES ({', '.join('?' for _ in row)})", list(row))
        lists = {name: getattr(results, name) for name, _ in record_fields(type(results))}
        lists.update(extra)
        classes = dict(record_fields(type(results)))
        for name, items in lists.items():
            # The records' own class: it may carry fields the declared one lacks.
            cls = type(items[0]) if items else classes.get(name)
            if cls is None:
                continue
            self._write_list((name,), cls, items, stamp.id, None)
        for name, value in blobs.items():
            self.con.execute(f"INSERT INTO {BLOB_TABLE} VALUES (?, ?, ?)",
                             [stamp.id, name, json.dumps(value, ensure_ascii=False, default=_json_default)])
        self._prune(stamp.id)

    def _write_list(self, path: tuple[str, ...], cls: type, items: list[Any], run_id: int,
                    parents: list[int] | None) -> None:
        table = table_name(path)
        self.ensure(table, cls, parents is not None)
        cols = layout(cls)
        plain = [c for c in cols if c.kind != "child"]
        names = ["run_id", "seq"] + (["parent_seq"] if parents is not None else []) + [f'"{c.column}"' for c in plain]
        types = ["INTEGER"] * (len(names) - len(plain)) + [c.sql for c in plain]
        rows = []
        children: dict[str, tuple[list[Any], list[int]]] = {c.field: ([], []) for c in cols if c.kind == "child"}
        for seq, item in enumerate(items):
            values: list[Any] = [run_id, seq] + ([parents[seq]] if parents is not None else [])
            for c in plain:
                value = getattr(item, c.field)
                if c.kind == "json":
                    value = None if value is None else json.dumps(value, ensure_ascii=False, default=_json_default)
                values.append(value)
            rows.append(values)
            for c in cols:
                if c.kind == "child":
                    kids, owners = children[c.field]
                    for kid in getattr(item, c.field) or []:
                        kids.append(kid)
                        owners.append(seq)
        bulk_insert(self.con, table, names, types, rows)
        for c in cols:
            if c.kind == "child":
                kids, owners = children[c.field]
                self._write_list(path + (c.field,), c.child, kids, run_id, owners)

    def _prune(self, newest: int) -> None:
        cutoff = newest - KEEP_RUNS
        if cutoff < 1:
            return
        for table in self.cross_tables() + [BLOB_TABLE, RUN_TABLE]:
            column = "id" if table == RUN_TABLE else "run_id"
            self.con.execute(f"DELETE FROM {table} WHERE {column} <= ?", [cutoff])

    def cross_tables(self) -> list[str]:
        rows = self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'cross_%' ORDER BY table_name"
        ).fetchall()
        return [r[0] for r in rows]

    # -- reading ---------------------------------------------------------------------

    def runs(self) -> list[RunStamp]:
        """Every stored run, oldest first."""
        if not self.has_tables():
            return []
        rows = self.con.execute(f"SELECT * FROM {RUN_TABLE} ORDER BY id").fetchall()
        return [RunStamp(*r) for r in rows]

    def next_run_id(self) -> int:
        runs = self.runs()
        return runs[-1].id + 1 if runs else 1

    def read_list(self, name: str, cls: type, run_id: int) -> list[Any]:
        """The records of one list of one run, children included, in their stored order."""
        return self._read((name,), cls, run_id, None).get(None, [])

    def _read(self, path: tuple[str, ...], cls: type, run_id: int, child: bool | None) -> dict[Any, list[Any]]:
        table = table_name(path)
        existing = set(self._existing_columns(table))
        if not existing:
            return {}
        cols = layout(cls)
        kids = {c.field: self._read(path + (c.field,), c.child, run_id, True) for c in cols if c.kind == "child"}
        cursor = self.con.execute(f"SELECT * FROM {table} WHERE run_id = ? ORDER BY seq", [run_id])
        header = [d[0] for d in cursor.description]
        out: dict[Any, list[Any]] = {}
        for values in cursor.fetchall():
            row = dict(zip(header, values))
            kwargs = {}
            for c in cols:
                if c.kind == "child":
                    kwargs[c.field] = kids[c.field].get(row["seq"], [])
                elif c.column in row:
                    value = row[c.column]
                    kwargs[c.field] = json.loads(value) if c.kind == "json" and value is not None else value
            try:
                record = cls(**kwargs)
            except TypeError:
                # A field added since this run was stored and without a default: fill with None.
                missing = {f.name: None for f in dataclasses.fields(cls) if f.name not in kwargs}
                record = cls(**kwargs, **missing)
            out.setdefault(row.get("parent_seq") if child else None, []).append(record)
        return out

    def blobs(self, run_id: int) -> dict[str, Any]:
        rows = self.con.execute(f"SELECT name, value FROM {BLOB_TABLE} WHERE run_id = ?", [run_id]).fetchall()
        return {name: json.loads(value) for name, value in rows}


def docs_hash(doc_ids: list[str]) -> str:
    """A hash of the set of documents an analysis covered."""
    return hashlib.sha256("\n".join(sorted(doc_ids)).encode()).hexdigest()[:16]


def now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)
