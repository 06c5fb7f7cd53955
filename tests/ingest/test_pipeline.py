"""Ingestion end to end without models: idempotence, duplicates, updates and crash safety."""

import os
import signal
import subprocess
import sys

from storyline import config
from storyline.ingest.loaders import LoadOptions
from storyline.ingest.fetch import FetchOptions
from storyline.ingest.pipeline import iter_inputs, run_ingest
from storyline.store.db import Store

STORY = [
    "Heavy monsoon rain pushed the river over its banks near the port city on Tuesday night, "
    "flooding low-lying districts and cutting the main road to the airport.",
    "The national disaster agency said at least 40 people had died and that rescue teams were "
    "still searching villages upstream, where mobile networks remained down.",
    "Aid groups warned that the number of displaced people could climb past 100,000 if the water "
    "did not recede by the weekend, and appealed for boats, clean water and medicine.",
    "The prime minister flew over the worst-hit areas on Wednesday and promised compensation for "
    "farmers whose rice crops were lost just weeks before the harvest.",
]


def write(path, paragraphs):
    path.write_text("\n\n".join(paragraphs) + "\n")
    return path


def ingest(store, *args):
    items = iter_inputs([str(a) for a in args], LoadOptions(), FetchOptions())
    return run_ingest(store, items, config.defaults())


def statuses(summary):
    return sorted(item.status for item in summary.items)


def test_same_input_twice_changes_nothing(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder / "a.txt", STORY)
    write(folder / "b.txt", ["A different report about a cabinet reshuffle in the capital, announced on Monday "
                             "by the president's office after weeks of speculation about the finance ministry."])
    with Store.open(tmp_path / "s.duckdb") as store:
        assert statuses(ingest(store, folder)) == ["added", "added"]
        before = store.rows("SELECT * FROM documents ORDER BY id")
        runs = store.counts()
        again = ingest(store, folder)
        assert statuses(again) == ["unchanged", "unchanged"]
        assert store.rows("SELECT * FROM documents ORDER BY id") == before
        assert store.counts() == runs


def test_exact_copy_under_another_name_is_one_document(tmp_path):
    write(tmp_path / "a.txt", STORY)
    write(tmp_path / "copy.txt", STORY)
    with Store.open(tmp_path / "s.duckdb") as store:
        summary = ingest(store, tmp_path / "a.txt", tmp_path / "copy.txt")
        assert [i.status for i in summary.items] == ["added", "duplicate"]
        assert store.counts()["documents"] == 1 and store.counts()["sources"] == 2


def test_syndicated_copy_links_to_earliest_even_when_it_arrives_later(tmp_path):
    later = write(tmp_path / "later.txt", ["This article was republished from the Delta Daily."] + STORY[:3]
                  + [STORY[3].replace("Wednesday", "Wednesday morning")])
    early = write(tmp_path / "early.txt", STORY)
    (tmp_path / "manifest.json").write_text(
        '{"later.txt": {"published": "2024-06-06"}, "early.txt": {"published": "2024-06-04"}}')
    with Store.open(tmp_path / "s.duckdb") as store:
        first = ingest(store, tmp_path)  # folder order: early.txt, later.txt
        ids = {i.source.split("/")[-1]: i.doc_id for i in first.items}
        assert first.items[1].duplicate_of == ids["early.txt"]
    # Now the other way round: the later copy is stored first, then the original arrives.
    with Store.open(tmp_path / "t.duckdb") as store:
        ingest(store, later)
        ingest(store, early)
        rows = {r["source"].split("/")[-1]: r for r in store.list_documents()}
        # Without manifest dates the order of ingest decides: the first stored is earliest.
        assert rows["early.txt"]["duplicate_of"] == rows["later.txt"]["id"]
    with Store.open(tmp_path / "u.duckdb") as store:
        ingest(store, tmp_path)
        rows = {r["source"].split("/")[-1]: r for r in store.list_documents()}
        assert rows["later.txt"]["duplicate_of"] == rows["early.txt"]["id"]
        assert rows["early.txt"]["duplicate_of"] is None
        assert rows["later.txt"]["similarity"] >= 0.8


def test_edited_input_replaces_its_document(tmp_path):
    path = write(tmp_path / "a.txt", STORY)
    with Store.open(tmp_path / "s.duckdb") as store:
        ingest(store, path)
        write(path, STORY + ["A fifth paragraph added in an update said the airport reopened on Thursday."])
        summary = ingest(store, path)
        assert summary.items[0].status == "updated"
        assert store.counts()["documents"] == 1
        assert "airport reopened" in store.list_documents()[0]["text"]


def test_bad_items_do_not_stop_the_batch(tmp_path):
    write(tmp_path / "good.txt", STORY)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "fake.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with Store.open(tmp_path / "s.duckdb") as store:
        summary = ingest(store, tmp_path / "missing.txt", tmp_path / "empty.txt", tmp_path / "fake.txt",
                         tmp_path / "good.txt", tmp_path / "good.txt")
        assert [i.status for i in summary.items] == ["error", "error", "error", "added", "unchanged"]
        assert store.counts()["documents"] == 1


KILL_SCRIPT = """
import sys
from storyline import config
from storyline.ingest.fetch import FetchOptions
from storyline.ingest.loaders import LoadOptions
from storyline.ingest.pipeline import iter_inputs, run_ingest
from storyline.store.db import Store

store = Store.open(sys.argv[1])
run_ingest(store, iter_inputs([sys.argv[2]], LoadOptions(), FetchOptions()), config.defaults(),
           lambda item: print(item.status, item.doc_id, flush=True))
"""


def test_killed_ingest_leaves_a_valid_store(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(120):
        write(folder / f"r{n:03d}.txt", [f"Report number {n} on the harbour strike."] + [
            p.replace("40", str(40 + n)).replace("100,000", f"{100 + n},000") for p in STORY])
    db = tmp_path / "s.duckdb"
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(db), str(folder)],
                            stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    committed = [proc.stdout.readline().split()[1] for _ in range(15)]
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Store.open(db) as store:
        docs = store.rows("SELECT id, text FROM documents")
        ids = {d["id"] for d in docs}
        assert set(committed) <= ids and len(ids) < 120
        # Every stored document is whole: linked from its source, with its text.
        linked = {r["doc_id"] for r in store.rows("SELECT doc_id FROM sources")}
        assert ids == linked and all(d["text"] for d in docs)
        summary = ingest(store, folder)  # a re-run completes the rest
        assert summary.count("unchanged") == len(ids)
        assert store.counts()["documents"] == 120
