"""The DuckDB store: migrations, transactions, read-only access and the write lock."""

import subprocess
import sys
import textwrap

import pytest

from storyline.models import Document, MetaValue, RemovedSpan
from storyline.store.db import Store, StoreError
from storyline.store.schema import SCHEMA_VERSION


def make_doc(doc_id="d1", text="Body text of a report.") -> Document:
    return Document(
        id=doc_id, source=f"{doc_id}.txt", text=text, raw_hash="h" + doc_id,
        published=MetaValue("2024-01-02", "field", "day"),
        removed=[RemovedSpan("comment-form", "Leave a reply", 30, 43)], references=["A. Author, Book, 2001."],
    )


def test_new_store_is_migrated_and_reopens(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store.open(path) as store:
        assert store.version() == SCHEMA_VERSION
    with Store.open(path) as store:  # migrating again changes nothing
        assert store.version() == SCHEMA_VERSION
        assert store.counts() == {"documents": 0, "removed": 0, "sources": 0}


def test_document_round_trip(tmp_path):
    with Store.open(tmp_path / "s.duckdb") as store:
        with store.transaction():
            store.insert_document(make_doc(), [1, 2, 3])
            store.link_source("d1.txt", "d1", "hd1")
    with Store.open(tmp_path / "s.duckdb", read_only=True) as store:
        row = store.find_document("d1.txt")
        assert row["id"] == "d1" and row["published"] == "2024-01-02" and row["published_precision"] == "day"
        assert store.removed_spans("d1") == [RemovedSpan("comment-form", "Leave a reply", 30, 43)]
        assert store.references("d1") == ["A. Author, Book, 2001."]
        assert [sig for _, sig in store.signatures()] == [[1, 2, 3]]


def test_failed_transaction_leaves_nothing(tmp_path):
    with Store.open(tmp_path / "s.duckdb") as store:
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.insert_document(make_doc(), None)
                raise RuntimeError("crash midway")
        assert store.counts() == {"documents": 0, "removed": 0, "sources": 0}


def test_read_only_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        Store.open(tmp_path / "nope.duckdb", read_only=True)


def test_not_a_store(tmp_path):
    path = tmp_path / "junk.duckdb"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError) as info:
        Store.open(path)
    assert "\n" not in str(info.value)


def test_write_lock_held_by_another_process(tmp_path):
    path = tmp_path / "s.duckdb"
    Store.open(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import duckdb, sys, time
            con = duckdb.connect({str(path)!r})
            print("locked", flush=True)
            time.sleep(30)
        """)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreError) as info:
            Store.open(path, wait=0.5)
        assert "in use by another process" in str(info.value)
        assert f"PID {holder.pid}" in str(info.value)
    finally:
        holder.kill()
        holder.wait()


def test_prefix_lookup_and_ambiguity(tmp_path):
    with Store.open(tmp_path / "s.duckdb") as store:
        with store.transaction():
            store.insert_document(make_doc("dabc1"), None)
            store.insert_document(make_doc("dabc2", "Another body."), None)
        assert store.find_document("dabc1")["id"] == "dabc1"
        with pytest.raises(StoreError, match="matches 2 documents"):
            store.find_document("dabc")
        assert store.find_document("zzzz") is None


def test_bulk_save_of_several_documents_round_trips_and_replaces(tmp_path):
    from storyline.models import Mention, Statement
    from storyline.store.db import ExtractionStore

    with Store.open(tmp_path / "s.duckdb") as store:
        records = ExtractionStore(store)
        records.ensure_tables("k1")
        first = [
            Statement("a", 0, 20, "Talks ended in Oslo.", "fact", "asserted", cues=["reportedly", "not"],
                      actors=["kb:x"]),
            Mention("a", 10, 14, "Oslo", "GPE"),
            Mention("a", 0, 5, "Talks", "ROLE", entity=None, type=None),
        ]
        second = [Statement("b", 3, 9, "It did.", "fact", "asserted", cues=[], actors=[])]
        records.save_many([("a", [(0, 20)], first, "k1", None), ("b", [(0, 2), (3, 9)], second, "k1", None)])
        statements = records.load(Statement)
        assert [(s.doc, s.cues, s.actors) for s in statements] == [("a", ["reportedly", "not"], ["kb:x"]),
                                                                    ("b", [], [])]
        assert [m.text for m in records.load(Mention)] == ["Talks", "Oslo"]
        assert store.con.execute("SELECT count(*) FROM sentences").fetchone()[0] == 3
        # Saving a document again replaces its records, and two records at the same offsets keep the last.
        again = [Statement("a", 0, 20, "Talks ended.", "fact", "denied"),
                 Statement("a", 0, 20, "Talks ended!", "fact", "negated")]
        records.save_many([("a", [(0, 20)], again, "k1", "2024-05-06")])
        statements = records.load(Statement)
        assert [(s.doc, s.text, s.status) for s in statements] == [("a", "Talks ended!", "negated"),
                                                                   ("b", "It did.", "asserted")]
        assert records.load(Mention) == []
        assert store.con.execute("SELECT count(*) FROM extractions").fetchone()[0] == 2


def test_removed_spans_and_references_of_all_documents_read_at_once(tmp_path):
    second = make_doc("d2", "Another report, with two removed lines.")
    second.removed = [RemovedSpan("share-bar", "Share this", 0, 10), RemovedSpan("byline", "By A. Writer", 11, 23)]
    second.references = ["Second source.", "Third source."]
    bare = make_doc("d3")
    bare.removed, bare.references = [], []
    with Store.open(tmp_path / "s.duckdb") as store:
        with store.transaction():
            for doc in (make_doc(), second, bare):
                store.insert_document(doc, [1])
        ids = ["d1", "d2", "d3"]
        assert store.all_removed_spans(ids) == {d: store.removed_spans(d) for d in ids}
        assert store.all_references(ids) == {d: store.references(d) for d in ids}
        assert [s.reason for s in store.all_removed_spans(ids)["d2"]] == ["share-bar", "byline"]
        assert store.all_references(["d2"]) == {"d2": ["Second source.", "Third source."]}


def test_documents_are_numbered_in_order_after_a_failed_write_and_a_removal(tmp_path):
    with Store.open(tmp_path / "s.duckdb") as store:
        def write(doc_id):
            with store.transaction():
                store.insert_document(make_doc(doc_id), None)
                store.link_source(f"{doc_id}.txt", doc_id, "h" + doc_id)

        def seqs():
            return dict(store.con.execute("SELECT id, seq FROM documents").fetchall())

        write("d1")
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.insert_document(make_doc("dx"), None)
                raise RuntimeError("crash midway")
        write("d2")
        assert seqs() == {"d1": 1, "d2": 2}  # the failed write took no number
        store.remove_document("d2")
        write("d3")
        assert seqs() == {"d1": 1, "d3": 2}  # as the table gives it: one past the last kept
        write("d1b")
        with store.transaction():  # the same source read again: its row is replaced, not doubled
            store.link_source("d1b.txt", "d3", "h2")
        assert store.source_state("d1b.txt") == ("d3", "h2") and seqs()["d1b"] == 3
