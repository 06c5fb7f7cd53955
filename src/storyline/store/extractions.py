"""The per-document extraction tables of a store: saving, loading and dropping each document's records."""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

import duckdb

from storyline.store import records as record_tables

if TYPE_CHECKING:
    from storyline.store.db import Store


PENDING_COLUMNS = ("d.id, d.text, d.published, d.published_precision, d.outlet, "
                   "(SELECT r.text FROM removed r WHERE r.doc_id = d.id AND r.reason = 'navigation' "
                   "AND r.start_char = 0 LIMIT 1) AS masthead")
"""What the extraction reads of a document: with its outlet and the masthead line that opened the page (the
report's own name for its outlet), so the report's own outlet named in its text is its voice, not an actor."""


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class ExtractionStore:
    """Reading and writing the per-document extraction tables of a Store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        return self.store.con

    def ensure_tables(self, pipeline_key: str) -> bool:
        """Create the record tables; rebuild them if the layout or pipeline changed. True if rebuilt."""
        key = f"{record_tables.layout_hash()}:{pipeline_key}"
        row = self.con.execute("SELECT value FROM meta WHERE key = 'records'").fetchone()
        if row and row[0] == key:
            return False
        with self.store.transaction():
            for table in self.tables():
                self.con.execute(f"DROP TABLE IF EXISTS {table}")
            for statement in record_tables.create_statements():
                self.con.execute(statement)
            self.con.execute("INSERT OR REPLACE INTO meta VALUES ('records', ?)", [key])
        return bool(row)

    @staticmethod
    def tables() -> list[str]:
        return ["extractions", "sentences"] + [t for t, _ in record_tables.RECORD_TABLES.values()]

    def pending(self) -> list[dict[str, Any]]:
        """Original documents (not copies) that have no extraction yet, in ingest order."""
        return self.store.rows(
            f"SELECT {PENDING_COLUMNS} FROM documents d "
            "WHERE duplicate_of IS NULL AND NOT EXISTS (SELECT 1 FROM extractions e WHERE e.doc_id = d.id) "
            "ORDER BY d.seq"
        )

    def documents(self, ids: list[str]) -> list[dict[str, Any]]:
        """Documents by id, as :meth:`pending` gives them (for reading them ahead), in ingest order."""
        return self.store.rows(f"SELECT {PENDING_COLUMNS} FROM documents d WHERE list_contains(?, d.id) ORDER BY d.seq", [ids])

    def stale(self) -> list[str]:
        """Extractions of documents that are now copies of another or gone: to be dropped."""
        rows = self.con.execute(
            "SELECT e.doc_id FROM extractions e LEFT JOIN documents d ON d.id = e.doc_id "
            "WHERE d.id IS NULL OR d.duplicate_of IS NOT NULL"
        ).fetchall()
        return [r[0] for r in rows]

    def delete(self, doc_id: str) -> None:
        for table in self.tables():
            self.con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])

    def save(self, doc_id: str, sentences: list[tuple[int, int]], records: list[Any], pipeline_key: str,
             inferred_published: str | None = None) -> None:
        """Replace one document's extraction in a single transaction, with the publication date
        inferred from its text (so a kill can never keep the one without the other)."""
        self.save_many([(doc_id, sentences, records, pipeline_key, inferred_published)])

    def save_many(self, items: list[tuple[str, list[tuple[int, int]], list[Any], str, str | None]]) -> None:
        """Replace several documents' extractions, ``(doc_id, sentences, records, pipeline_key,
        inferred_published)`` each, in one transaction: one bulk insert per table for all of them."""
        if not items:
            return
        ids = [item[0] for item in items]
        sentence_rows: list[list[Any]] = []
        # Records grouped by class, each with its sequence number in its document; turned into rows
        # one class at a time below, so a big report never holds the rows of every table at once.
        by_class: dict[type, list[tuple[Any, int]]] = {}
        for doc_id, sentences, records, _, _ in items:
            sentence_rows.extend([doc_id, i, start, end] for i, (start, end) in enumerate(sentences))
            seqs: dict[type, int] = {}
            for record in records:
                cls = type(record)
                seq = seqs.get(cls, 0)
                seqs[cls] = seq + 1
                by_class.setdefault(cls, []).append((record, seq))
        with self.store.transaction():
            existing = self.con.execute(
                "SELECT count(*) FROM extractions WHERE list_contains(?, doc_id)", [ids]).fetchone()[0]
            if existing:
                for doc_id in ids:
                    self.delete(doc_id)  # a scan of every table: only when there is something to replace
            bulk_insert(self.con, "sentences", ["doc_id", "seq", "start_char", "end_char"],
                        ["VARCHAR", "INTEGER", "INTEGER", "INTEGER"], sentence_rows)
            del sentence_rows
            for cls in list(by_class):
                rows = [record_tables.row(record, seq) for record, seq in by_class.pop(cls)]
                table, prefix = record_tables.RECORD_TABLES[cls]
                names = ["id" if prefix else "seq"] + [column for _, column, _ in record_tables.columns(cls)]
                types = ["VARCHAR" if prefix else "INTEGER"] + [sql for _, _, sql in record_tables.columns(cls)]
                if prefix:
                    # Two records at the same offsets (a clause and its sentence) keep the last.
                    rows = list({row[0]: row for row in rows}.values())
                # Nothing of these documents is stored (or it was deleted above) and ids derive from the
                # document and offsets, so a plain insert holds; OR REPLACE costs twice as much in DuckDB.
                bulk_insert(self.con, table, names, types, rows, replace=bool(prefix) and bool(existing))
            for doc_id, _, _, _, inferred in items:
                if inferred:
                    self.store.set_published(doc_id, inferred, "inferred", "day")
            now = _now()
            bulk_insert(self.con, "extractions", ["doc_id", "pipeline", "extracted_at"],
                        ["VARCHAR", "VARCHAR", "TIMESTAMP"], [[doc_id, key, now] for doc_id, _, _, key, _ in items])

    def load(self, cls: type) -> list[Any]:
        """Every stored record of one class, in document and offset order."""
        table, prefix = record_tables.RECORD_TABLES[cls]
        fields = record_tables.columns(cls)
        # Only the record's own columns, built by keyword from each row's values (no dict per row).
        select = ", ".join(f'"{column}"' for _, column, _ in fields)
        # Ties (two records at the same offsets) keep the order they were saved in.
        order = "doc_id, start_char, end_char" + ("" if prefix else ", seq")
        rows = self.store.con.execute(f"SELECT {select} FROM {table} ORDER BY {order}").fetchall()
        return [cls(*row) for row in rows]  # columns in field order


ARROW = True
"""Send bulk inserts as Arrow tables where pyarrow is installed (False: list parameters; for bench/inserts.py)."""
ARROW_MIN_ROWS = 64
"""Fewer rows go as list parameters: building an Arrow table and DuckDB's scan of it cost a few
milliseconds a statement, more than binding a handful of rows (bench/inserts.py)."""
ARROW_FIRST_CELLS = 250_000
"""Until pyarrow has converted lists in this process, inserts go as list parameters while the values bound so
(rows times each row's values, a ``FLOAT[384]`` column counting 384) stay under this many: pyarrow's first
conversion loads pandas (about 0.3 CPU s), about what binding this many values as lists costs (about 1 us a
value). An added report's inserts (a few hundred rows, vectors of a few dozen sentences) go as lists; a whole
corpus's pay for the conversion once, early on."""
_arrow_loaded = False
"""Whether an Arrow insert ran in this process."""
_listed = 0
"""Values bound as list parameters in this process before pyarrow's first use."""
ARROW_TYPES = {"VARCHAR": "string", "INTEGER": "int64", "BIGINT": "int64", "DOUBLE": "float64", "FLOAT": "float32",
               "BOOLEAN": "bool_"}
"""Arrow types the store's SQL types are sent as (others are inferred, then cast by DuckDB)."""


def _arrow_type(sql: str):
    import pyarrow as pa

    if sql.endswith("]"):  # VARCHAR[], FLOAT[384]
        inner = _arrow_type(sql[: sql.rindex("[")])
        return None if inner is None else pa.list_(inner)
    name = ARROW_TYPES.get(sql)
    return getattr(pa, name)() if name else None


def _arrow_insert(con, statement: str, types: list[str], part: list[list[Any]]) -> bool:
    """Insert ``part`` as one Arrow table scanned by DuckDB: no Python object per value on DuckDB's
    side (3x less CPU than unnested list parameters for statements). False when pyarrow is not
    installed or cannot convert a column (the caller then binds lists)."""
    if not ARROW:
        return False
    try:
        import pyarrow as pa
    except ImportError:
        return False
    try:
        table = pa.table({f"c{n}": pa.array(list(column), type=_arrow_type(sql))
                          for n, (column, sql) in enumerate(zip(zip(*part), types))})
    except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError):
        return False
    global _arrow_loaded
    _arrow_loaded = True
    bulk_rows = table  # noqa: F841  (DuckDB finds the table by this name in the caller's frame)
    con.execute(statement.format(source="bulk_rows"))
    return True


def _arrow_ready() -> bool:
    """Whether pyarrow's first conversion was paid in this process (by an Arrow insert, or pandas is loaded)."""
    return _arrow_loaded or "pandas" in sys.modules


def _values(sql: str) -> int:
    """How many values a column of this SQL type holds a row: a fixed array's length, else one."""
    if sql.endswith("]") and sql[sql.rindex("[") + 1 : -1].isdigit():
        return int(sql[sql.rindex("[") + 1 : -1])
    return 1


def bulk_insert(con, table: str, names: list[str], types: list[str], rows: list[list[Any]],
                replace: bool = False, chunk: int = 50_000) -> None:
    """Insert ``rows`` column by column: as an Arrow table DuckDB scans, or else each column as one
    list parameter, unnested; either way a statement carries thousands of rows for the cost of one
    bind (row-by-row ``executemany`` and wide ``VALUES`` lists spend their time binding and planning)."""
    if not rows:
        return
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    target = f"{verb} INTO {table} ({', '.join(names)})"
    scan = target + " SELECT " + ", ".join(f"c{n}::{sql}" for n, sql in enumerate(types)) + " FROM {source}"
    select = ", ".join(f"unnest(?::{sql}[])" for sql in types)
    statement = f"{target} SELECT {select}"
    global _listed
    width = sum(_values(sql) for sql in types)
    for at in range(0, len(rows), chunk):
        part = rows[at : at + chunk]
        if not _arrow_ready():
            _listed += len(part) * width
        if len(part) < ARROW_MIN_ROWS or not (_arrow_ready() or _listed >= ARROW_FIRST_CELLS) \
                or not _arrow_insert(con, scan, types, part):
            con.execute(statement, [list(column) for column in zip(*part)])
