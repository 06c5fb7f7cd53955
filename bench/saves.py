"""Writing extracted records to the store: row-batched VALUES per document (the former path) against
column-wise bulk inserts of several documents per transaction; and the embedding cache written with
``executemany`` against one bulk insert.

Usage: .venv/bin/python bench/saves.py [--workers N] [--batches N [N ...]] [--db STORE] [--json FILE]

The 447-article corpus is ingested and extracted once (outside the timings); the same records
are then written into fresh copies of the ingested store by each path, alternately. ``--batches``
also times the bulk path at each of those numbers of documents per transaction (``SAVE_BATCH`` is
the runner's), in CPU seconds beside wall seconds, alternately with the others. ``--db`` takes the
records from a store ``storyline analyze`` wrote instead (no extraction: seconds, not minutes; the
publication dates inferred from the texts are left out).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WAR = ROOT.parent / "shared" / "corpus" / "ukraine-war-2022-2024" / "articles.json"


def _old_save(records, item) -> None:
    """The per-document save as it was: one transaction, VALUES lists of 200 rows."""
    from storyline.store import records as record_tables
    from storyline.store.db import _now

    doc_id, sentences, found, key, inferred = item
    by_class: dict[type, list] = {}
    for record in found:
        by_class.setdefault(type(record), []).append(record)
    con = records.con

    def insert_many(sql_for, rows, chunk=200):
        for at in range(0, len(rows), chunk):
            part = rows[at : at + chunk]
            con.execute(sql_for(len(part)), [value for row in part for value in row])

    with records.store.transaction():
        con.execute("SELECT count(*) FROM extractions WHERE doc_id = ?", [doc_id]).fetchone()
        rows = [[doc_id, i, s, e] for i, (s, e) in enumerate(sentences)]
        insert_many(lambda n: f"INSERT INTO sentences VALUES {', '.join(['(?, ?, ?, ?)'] * n)}", rows)
        for cls, items in by_class.items():
            rows = [record_tables.row(r, i) for i, r in enumerate(items)]
            insert_many(lambda n, cls=cls: record_tables.insert_sql(cls, n), rows)
        if inferred:
            records.store.set_published(doc_id, inferred, "inferred", "day")
        con.execute("INSERT INTO extractions VALUES (?, ?, ?)", [doc_id, key, _now()])


def _write(db: Path, items, how: str, batch: int | None = None) -> tuple[float, int, float]:
    """Write ``items`` into the store ``db`` by the former path (``how`` "before") or in bulk, ``batch``
    documents a transaction (default ``SAVE_BATCH``): wall seconds, rows written, CPU seconds."""
    from storyline.nlp.runner import SAVE_BATCH
    from storyline.store.db import ExtractionStore, Store

    batch = batch or SAVE_BATCH
    with Store.open(db) as store:
        records = ExtractionStore(store)
        records.ensure_tables(items[0][3])
        started, cpu = time.perf_counter(), time.process_time()
        if how == "before":
            for item in items:
                _old_save(records, item)
        else:
            for at in range(0, len(items), batch):
                records.save_many(items[at : at + batch])
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        rows = sum(store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in records.tables())
    return seconds, rows, cpu


def _stored(db: Path, tmp: Path) -> tuple[Path, list]:
    """The records of an analysed store as the runner saves them, by document in extraction order, and a
    copy of the store with its records dropped (to write them into)."""
    from storyline.store import records as record_tables
    from storyline.store.db import ExtractionStore, Store

    base = tmp / "emptied.duckdb"
    shutil.copy(db, base)
    with Store.open(base) as store:
        records = ExtractionStore(store)
        key = store.con.execute("SELECT value FROM meta WHERE key = 'records'").fetchone()[0].split(":", 1)[1]
        found: dict[str, tuple[list, list]] = {
            doc_id: ([], []) for doc_id, in store.con.execute("SELECT doc_id FROM extractions").fetchall()}
        for doc_id, start, end in store.con.execute(
                "SELECT doc_id, start_char, end_char FROM sentences ORDER BY doc_id, seq").fetchall():
            found[doc_id][0].append((start, end))
        for cls in record_tables.RECORD_TABLES:
            for record in records.load(cls):
                found[record.doc][1].append(record)
        with store.transaction():
            for table in records.tables():
                store.con.execute(f"DELETE FROM {table}")
    return base, [(doc_id, sentences, items, key, None) for doc_id, (sentences, items) in found.items()]


def _embeddings(db: Path, n: int = 4608) -> dict:
    import duckdb
    import numpy as np

    from storyline.analysis.embed import DIM
    from storyline.store.db import bulk_insert

    rng = np.random.default_rng(0)
    vectors = rng.standard_normal((n, DIM)).astype(np.float32)
    out = {}
    for how in ("executemany", "bulk"):
        con = duckdb.connect(str(db.with_name(f"emb-{how}.duckdb")))
        con.execute(f"CREATE TABLE embeddings (id VARCHAR PRIMARY KEY, model VARCHAR, vector FLOAT[{DIM}])")
        rows = [[f"k{i}", "m", vectors[i].tolist()] for i in range(n)]
        started = time.perf_counter()
        if how == "executemany":
            con.executemany("INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?)", rows)
        else:
            bulk_insert(con, "embeddings", ["id", "model", "vector"], ["VARCHAR", "VARCHAR", f"FLOAT[{DIM}]"],
                        rows, replace=True)
        out[how] = time.perf_counter() - started
        con.close()
    out["rows"] = n
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--batches", type=int, nargs="*", default=[], help="documents a transaction to time")
    parser.add_argument("--db", help="take the records from this analysed store")
    parser.add_argument("--json")
    args = parser.parse_args()
    if not WAR.is_file():
        print("../shared corpus absent: nothing to measure", file=sys.stderr)
        return 0
    from storyline import config
    from storyline.nlp import workers
    from storyline.nlp.runner import pipeline_key
    from storyline.store.db import ExtractionStore, Store

    with tempfile.TemporaryDirectory() as tmp:
        if args.db:
            started = time.perf_counter()
            base, items = _stored(Path(args.db), Path(tmp))
            count = 0
        else:
            base = Path(tmp) / "ingested.duckdb"
            subprocess.run([sys.executable, "-m", "storyline.cli", "ingest", str(WAR), "--db", str(base)],
                           check=True, capture_output=True)
            cfg = config.defaults()
            key = pipeline_key(cfg)
            with Store.open(base) as store:
                records = ExtractionStore(store)
                records.ensure_tables(key)
                pending = records.pending()
            count = workers.resolve_workers(args.workers)
            started = time.perf_counter()
            items = []
            for x in workers.extract_parallel(pending, count, (cfg["model"]["spacy"], cfg["model"]["window"])):
                found = [r for name in ("mentions", "times", "quotes", "frames", "figures", "statements", "events")
                         for r in getattr(x, name)]
                inferred = x.inferred_published.isoformat() if x.inferred_published else None
                items.append((x.doc_id, x.sentences, found, key, inferred))
        extract_s = time.perf_counter() - started
        result = {"docs": len(items), "extract_seconds": extract_s, "workers": count,
                  "records": sum(len(i[2]) + len(i[1]) for i in items), "before": [], "after": [],
                  "batches": {n: [] for n in args.batches}}
        for _ in range(2):
            for how in ("before", "after", *args.batches):
                db = Path(tmp) / f"{how}.duckdb"
                shutil.copy(base, db)
                if how in ("before", "after"):
                    seconds, rows, _ = _write(db, items, how)
                    result[how].append(seconds)
                    result[f"{how}_rows"] = rows
                else:
                    seconds, rows, cpu = _write(db, items, "after", how)
                    result["batches"][how].append({"seconds": seconds, "cpu_seconds": cpu, "rows": rows})
                db.unlink()
        result["embeddings"] = _embeddings(Path(tmp) / "emb.duckdb")
        result["load"] = os.getloadavg()
    print(json.dumps(result, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
