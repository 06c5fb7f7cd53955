"""The DuckDB store: opening, migrating, and writing each document in one transaction."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from storyline.models import Document, MetaValue, RemovedSpan
from storyline.store import lease
from storyline.store.extractions import ExtractionStore, _now, bulk_insert  # noqa: F401  (re-exported)
from storyline.store.schema import (
    DOCUMENT_COLUMNS,
    MIGRATIONS,
    REFERENCE_COLUMNS,
    REMOVED_COLUMNS,
    RUN_COLUMNS,
    SCHEMA_VERSION,
    SOURCE_COLUMNS,
)


class StoreError(Exception):
    """The store cannot be opened or written; the message is one line for the user."""


def _placeholders(columns: tuple[str, ...]) -> str:
    return ", ".join("?" for _ in columns)


class Store:
    """One DuckDB file holding documents and everything extracted from them."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool,
                 writer: lease.WriterLock | None = None, signal: lease.ReaderSignal | None = None) -> None:
        self._con: duckdb.DuckDBPyConnection | None = con
        self.path = path
        self.read_only = read_only
        self._writer = writer
        self._signal = signal or lease.ReaderSignal(path)
        self._depth = 0
        self._seq: int | None = None  # the next document's seq, once read (this process is the one writer)

    # -- opening ---------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False, wait: float | None = None) -> "Store":
        """Open (and, for writers, create and migrate) the store at ``path``.

        A reader waits up to ``wait`` seconds (default :data:`lease.READER_WAIT`) for a writer
        in another process to let it in; a second writer is refused at once."""
        path = str(path)
        if read_only and not Path(path).exists():
            raise StoreError(f"no store at {path} (run 'storyline ingest' first, or pass --db)")
        writer = None
        signal = lease.ReaderSignal(path)
        if path.startswith(":memory:"):
            pass  # a store in this process's memory: no other process can share it, so no lock files
        elif not read_only:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            writer = lease.WriterLock(path)
            try:
                writer.acquire()
            except lease.Busy as exc:
                raise StoreError(_lock_message(path, exc)) from None
            except OSError as exc:
                raise StoreError(f"cannot open store {path}: {_first_line(exc)}") from None
        else:
            signal.hold()  # a writer at work lets this reader in at its next pause
        try:
            con = lease.connect(path, read_only, lease.READER_WAIT if wait is None else wait)
        except duckdb.Error as exc:
            signal.release()
            if writer:
                writer.release()
            if isinstance(exc, duckdb.IOException):
                raise StoreError(_lock_message(path, exc)) from None
            raise StoreError(f"cannot open store {path}: {_first_line(exc)}") from None
        store = cls(con, path, read_only, writer, signal)
        try:
            if read_only:
                store._check_version()
            else:
                store.migrate()
        except BaseException:
            store.close()
            raise
        return store

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The connection, reopened if the writer paused for readers (see :meth:`pause`)."""
        if self._con is None:
            try:
                self._con = lease.connect(self.path, False, lease.WRITER_WAIT)
            except duckdb.Error as exc:
                raise StoreError(_lock_message(self.path, exc)) from None
        return self._con

    def pause(self) -> None:
        """Let readers in other processes open the store: a writer outside a transaction with
        readers waiting closes its connection, waits until they have read, and reopens it on
        its next use. With no reader waiting this costs one lock test."""
        if self._con is None or self._writer is None or not self._writer.supported or self._depth:
            return
        if not self._signal.readers_waiting():
            return
        self._con.close()
        self._con = None
        self._signal.wait_for_readers(lease.WRITER_WAIT)

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
        if self.read_only:
            self._signal.release()
        if self._writer is not None:
            self._writer.release()
            self._writer = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
        ).fetchone()[0]
        if not exists:
            return 0
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _check_version(self) -> None:
        version = self.version()
        if version == 0:
            raise StoreError(f"{self.path} is not a Storyline store")
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} was written by a newer Storyline (schema {version})")

    def migrate(self) -> None:
        """Bring the store up to SCHEMA_VERSION; each migration is one transaction."""
        self.con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        current = self.version()
        if current > SCHEMA_VERSION:
            raise StoreError(f"{self.path} was written by a newer Storyline (schema {current})")
        for version, statements in MIGRATIONS:
            if version <= current:
                continue
            with self.transaction():
                for statement in statements:
                    self.con.execute(statement)
                self.con.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)]
                )

    @contextmanager
    def transaction(self) -> Iterator[None]:
        con = self.con
        con.begin()
        self._depth += 1
        try:
            yield
        except BaseException:
            con.rollback()
            self._seq = None
            raise
        finally:
            self._depth -= 1
        con.commit()

    # -- reading ---------------------------------------------------------------------

    def source_state(self, source: str) -> tuple[str, str] | None:
        """``(doc_id, raw_hash)`` last stored for an input source."""
        row = self.con.execute("SELECT doc_id, raw_hash FROM sources WHERE source = ?", [source]).fetchone()
        return (row[0], row[1]) if row else None

    def has_document(self, doc_id: str) -> bool:
        return bool(self.con.execute("SELECT count(*) FROM documents WHERE id = ?", [doc_id]).fetchone()[0])

    def signatures(self) -> Iterator[tuple[str, Any]]:
        """Every document's MinHash signature, for rebuilding the near-duplicate index."""
        rows = self.con.execute("SELECT id, minhash FROM documents WHERE minhash IS NOT NULL ORDER BY seq")
        yield from rows.fetchall()

    def order_keys(self, ids: list[str]) -> dict[str, tuple]:
        """``(published, seq)`` per document: what 'earliest copy' is decided by."""
        if not ids:
            return {}
        rows = self.con.execute(
            "SELECT id, published, seq FROM documents WHERE list_contains(?, id)", [ids]
        ).fetchall()
        return {row[0]: (row[1] or "9999", row[2]) for row in rows}

    def canonical_of(self, doc_id: str) -> str:
        row = self.con.execute("SELECT duplicate_of FROM documents WHERE id = ?", [doc_id]).fetchone()
        return row[0] if row and row[0] else doc_id

    def copies_of(self, doc_id: str) -> list[str]:
        rows = self.con.execute("SELECT id FROM documents WHERE duplicate_of = ?", [doc_id]).fetchall()
        return [row[0] for row in rows]

    def rows(self, sql: str, params: list | None = None) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def list_documents(self) -> list[dict[str, Any]]:
        return self.rows(
            "SELECT d.*, (SELECT count(*) FROM removed r WHERE r.doc_id = d.id) AS removed_count "
            "FROM documents d ORDER BY seq"
        )

    def find_document(self, key: str) -> dict[str, Any] | None:
        """A document by id, unique id prefix, or the source it was ingested from."""
        rows = self.rows("SELECT * FROM documents WHERE id = ? OR source = ?", [key, key])
        if not rows:
            rows = self.rows(
                "SELECT d.* FROM documents d JOIN sources s ON s.doc_id = d.id WHERE s.source = ?", [key]
            )
        if not rows and len(key) >= 4:
            rows = self.rows("SELECT * FROM documents WHERE starts_with(id, ?)", [key])
        if len(rows) > 1:
            raise StoreError(f"{key!r} matches {len(rows)} documents; give more of the id")
        return rows[0] if rows else None

    def removed_spans(self, doc_id: str) -> list[RemovedSpan]:
        rows = self.con.execute(
            "SELECT reason, text, start_char, end_char FROM removed WHERE doc_id = ? ORDER BY seq", [doc_id]
        ).fetchall()
        return [RemovedSpan(*row) for row in rows]

    def references(self, doc_id: str) -> list[str]:
        rows = self.con.execute("SELECT text FROM doc_references WHERE doc_id = ? ORDER BY seq", [doc_id])
        return [row[0] for row in rows.fetchall()]

    def all_removed_spans(self, doc_ids) -> dict[str, list[RemovedSpan]]:
        """:meth:`removed_spans` of every document in ``doc_ids``, read in one query (one query per
        document took 1.7 s for 1,000 documents)."""
        out: dict[str, list[RemovedSpan]] = {d: [] for d in doc_ids}
        rows = self.con.execute("SELECT doc_id, reason, text, start_char, end_char FROM removed ORDER BY doc_id, seq")
        for doc_id, *rest in rows.fetchall():
            if doc_id in out:
                out[doc_id].append(RemovedSpan(*rest))
        return out

    def all_references(self, doc_ids) -> dict[str, list[str]]:
        """:meth:`references` of every document in ``doc_ids``, read in one query."""
        out: dict[str, list[str]] = {d: [] for d in doc_ids}
        for doc_id, text in self.con.execute("SELECT doc_id, text FROM doc_references ORDER BY doc_id, seq").fetchall():
            if doc_id in out:
                out[doc_id].append(text)
        return out

    def counts(self) -> dict[str, int]:
        names = ("documents", "removed", "sources")
        return {name: self.con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in names}

    # -- writing ---------------------------------------------------------------------

    def next_seq(self) -> int:
        """The seq of the next document written: read from the table once, then counted here (one
        writer at a time holds the store, so nothing else adds documents meanwhile)."""
        if self._seq is None:
            self._seq = self.con.execute("SELECT coalesce(max(seq), 0) + 1 FROM documents").fetchone()[0]
        return self._seq

    def link_source(self, source: str, doc_id: str, raw_hash: str) -> str | None:
        """Point ``source`` at ``doc_id``; return the document it pointed at before, if another."""
        previous = self.source_state(source)
        verb = "INSERT OR REPLACE" if previous else "INSERT"  # a plain insert skips the key's replace path
        self.con.execute(
            f"{verb} INTO sources ({', '.join(SOURCE_COLUMNS)}) VALUES ({_placeholders(SOURCE_COLUMNS)})",
            [source, doc_id, raw_hash, _now()],
        )
        if previous and previous[0] != doc_id:
            return previous[0]
        return None

    def insert_document(self, doc: Document, signature: Any) -> None:
        """Write a document with its removed spans and references (inside a transaction)."""
        values = {
            "id": doc.id, "source": doc.source, "raw_hash": doc.raw_hash, "text": doc.text,
            "kind": doc.kind, "encoding": doc.encoding,
            "language": doc.language, "word_count": doc.word_count,
            "republished_from": doc.republished_from,
            "duplicate_of": doc.duplicate_of, "similarity": doc.similarity,
            "minhash": [int(v) for v in signature] if signature is not None else None,
            "seq": self.next_seq(), "ingested_at": _now(),
        }
        for name in ("title", "author", "outlet", "published"):
            meta: MetaValue = getattr(doc, name)
            values[name] = meta.value
            values[f"{name}_method"] = meta.method
        values["published_precision"] = doc.published.precision
        self.con.execute(
            f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}) VALUES ({_placeholders(DOCUMENT_COLUMNS)})",
            [values[c] for c in DOCUMENT_COLUMNS],
        )
        self._seq = values["seq"] + 1
        # One statement per table (executemany binds and plans every row on its own).
        if doc.removed:
            bulk_insert(self.con, "removed", list(REMOVED_COLUMNS),
                        ["VARCHAR", "INTEGER", "VARCHAR", "INTEGER", "INTEGER", "VARCHAR"],
                        [[doc.id, i, s.reason, s.start, s.end, s.text] for i, s in enumerate(doc.removed)])
        if doc.references:
            bulk_insert(self.con, "doc_references", list(REFERENCE_COLUMNS), ["VARCHAR", "INTEGER", "VARCHAR"],
                        [[doc.id, i, text] for i, text in enumerate(doc.references)])

    def set_published(self, doc_id: str, value: str, method: str, precision: str) -> None:
        """Record a publication date found after ingest (inferred from the text's own dates)."""
        self.con.execute(
            "UPDATE documents SET published = ?, published_method = ?, published_precision = ? "
            "WHERE id = ? AND (published IS NULL OR published_precision <> 'day')",
            [value, method, precision, doc_id],
        )

    def set_duplicate(self, doc_id: str, duplicate_of: str | None, similarity: float | None) -> None:
        self.con.execute(
            "UPDATE documents SET duplicate_of = ?, similarity = ? WHERE id = ?", [duplicate_of, similarity, doc_id]
        )

    def delete_document_if_orphaned(self, doc_id: str) -> bool:
        """Drop a document no source points at any more (its input changed); True if dropped."""
        linked = self.con.execute("SELECT count(*) FROM sources WHERE doc_id = ?", [doc_id]).fetchone()[0]
        if linked:
            return False
        self._seq = None  # the next document takes the seq the table gives, as before
        for table, column in (("removed", "doc_id"), ("doc_references", "doc_id"), ("documents", "id")):
            self.con.execute(f"DELETE FROM {table} WHERE {column} = ?", [doc_id])
        # Copies that pointed at it point at nothing now; the caller re-links them.
        self.con.execute("UPDATE documents SET duplicate_of = NULL, similarity = NULL WHERE duplicate_of = ?", [doc_id])
        return True

    def remove_document(self, doc_id: str) -> list[str]:
        """Remove a document, its sources, debris spans, references and extraction, in one
        transaction. Copies of it are re-linked to the earliest of them, which becomes the
        original (and is extracted on the next analysis). Returns the sources it was read from."""
        with self.transaction():
            sources = [r[0] for r in self.con.execute("SELECT source FROM sources WHERE doc_id = ?", [doc_id]).fetchall()]
            self.con.execute("DELETE FROM sources WHERE doc_id = ?", [doc_id])
            extraction = ExtractionStore(self)
            existing = {r[0] for r in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
            for table in extraction.tables():
                if table in existing:
                    self.con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
            copies = [r[0] for r in self.con.execute(
                "SELECT id FROM documents WHERE duplicate_of = ? ORDER BY seq", [doc_id]).fetchall()]
            self.delete_document_if_orphaned(doc_id)
            if copies:
                for copy in copies[1:]:
                    self.con.execute("UPDATE documents SET duplicate_of = ? WHERE id = ?", [copies[0], copy])
        return sources

    def record_run(self, run: dict[str, Any]) -> None:
        self.con.execute(
            f"INSERT OR REPLACE INTO runs ({', '.join(RUN_COLUMNS)}) VALUES ({_placeholders(RUN_COLUMNS)})",
            [run.get(c) for c in RUN_COLUMNS],
        )


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__


def _lock_message(path: str, exc: BaseException) -> str:
    text = str(exc)
    if isinstance(exc, lease.Busy) or "lock" in text.lower():
        pid = re.search(r"PID (\d+)", text)
        holder = f" (PID {pid.group(1)})" if pid else ""
        return f"store {path} is in use by another process{holder}; wait for it to finish or use another --db"
    return f"cannot open store {path}: {_first_line(exc)}"
