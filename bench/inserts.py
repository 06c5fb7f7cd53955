"""Bulk inserts of extracted records: Arrow tables scanned by DuckDB against unnested list parameters.

Usage: .venv/bin/python bench/inserts.py --db STORE [--docs 400] [--rounds 2] [--json FILE]

Reads the records of ``--docs`` documents of an analysed store (``bench/incremental.py`` builds one),
then writes them with ``ExtractionStore.save_many`` into fresh in-memory stores, once per path per
round, alternately. CPU seconds of the process (DuckDB's threads included) beside wall seconds;
the stored rows are compared, so both paths are shown to write the same thing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path


def _items(db: str, docs: int) -> list:
    from storyline.store import records as record_tables
    from storyline.store.db import ExtractionStore, Store

    with Store.open(db, read_only=True) as store:
        records = ExtractionStore(store)
        ids = [r[0] for r in store.con.execute("SELECT doc_id FROM extractions ORDER BY doc_id LIMIT ?", [docs]).fetchall()]
        wanted = set(ids)
        found: dict[str, list] = {d: [] for d in ids}
        for cls in record_tables.RECORD_TABLES:
            for record in records.load(cls):
                if record.doc in wanted:
                    found[record.doc].append(record)
        sentences: dict[str, list] = {d: [] for d in ids}
        for doc, start, end in store.con.execute(
                "SELECT doc_id, start_char, end_char FROM sentences WHERE list_contains(?, doc_id) ORDER BY doc_id, seq",
                [ids]).fetchall():
            sentences[doc].append((start, end))
    return [(d, sentences[d], found[d], "bench", None) for d in ids]


def _write(items: list, arrow: bool) -> tuple[float, float, list]:
    from storyline.nlp.runner import SAVE_BATCH
    from storyline.store import extractions
    from storyline.store.db import ExtractionStore, Store

    extractions.ARROW = arrow
    with Store.open(":memory:") as store:
        records = ExtractionStore(store)
        records.ensure_tables("bench")
        cpu, wall = time.process_time(), time.perf_counter()
        for at in range(0, len(items), SAVE_BATCH):
            records.save_many(items[at : at + SAVE_BATCH])
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        counts = [(t, hashlib.sha256(repr(store.con.execute(f"SELECT * EXCLUDE (extracted_at) FROM {t} ORDER BY ALL"
                                                             if t == "extractions" else
                                                             f"SELECT * FROM {t} ORDER BY ALL").fetchall()).encode()).hexdigest())
                  for t in sorted(records.tables())]
    extractions.ARROW = True
    return cpu, wall, counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--json")
    args = parser.parse_args()
    items = _items(args.db, args.docs)
    out: dict = {"docs": len(items), "records": sum(len(i[2]) + len(i[1]) for i in items), "lists": [], "arrow": []}
    tables = {}
    for _ in range(args.rounds):
        for name, arrow in (("lists", False), ("arrow", True)):
            cpu, wall, counts = _write(items, arrow)
            out[name].append({"cpu": round(cpu, 3), "wall": round(wall, 3)})
            tables[name] = counts
    out["same_rows"] = tables["lists"] == tables["arrow"]
    out["load"] = os.getloadavg()
    best = {k: min(r["cpu"] for r in out[k]) for k in ("lists", "arrow")}
    print(f"{out['docs']} documents, {out['records']} records and sentences; same rows: {out['same_rows']}")
    for k in ("lists", "arrow"):
        print(f"  {k}: cpu " + ", ".join(f"{r['cpu']:.2f} s (wall {r['wall']:.2f} s)" for r in out[k]))
    print(f"  arrow / lists (best cpu): {best['arrow'] / best['lists']:.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
