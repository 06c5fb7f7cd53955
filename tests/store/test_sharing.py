"""A writer in one process, readers in others: readers get in while the writer pauses, a second
writer is refused at once, and a pausing writer waits for readers rather than failing."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from storyline.store import lease
from storyline.store.db import Store, StoreError

from .test_store import make_doc

SRC = str(Path(__file__).resolve().parents[2] / "src")


def _writer(path: Path, flags: Path) -> subprocess.Popen:
    """A writer that stores one document, then pauses every 50 ms (as ingest does between
    documents) until the file ``flags/go`` appears, then writes again and waits for ``flags/done``."""
    script = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        sys.path.insert(0, {SRC!r})
        from storyline.store.db import Store
        from tests.store.test_store import make_doc
        flags = Path({str(flags)!r})
        store = Store.open({str(path)!r})
        with store.transaction():
            store.insert_document(make_doc("first"), None)
        print("ready", flush=True)
        while not (flags / "go").exists():
            store.pause()
            time.sleep(0.05)
        with store.transaction():
            store.insert_document(make_doc("second", "Another body of text."), None)
        print("wrote", flush=True)
        while not (flags / "done").exists():
            store.pause()
            time.sleep(0.05)
        store.close()
    """)
    root = Path(__file__).resolve().parents[2]
    return subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=root,
                            env={**os.environ, "PYTHONPATH": str(root)})


@pytest.mark.skipif(lease.fcntl is None, reason="advisory locks are POSIX-only")
def test_reader_opens_while_the_writer_works_and_a_second_writer_is_refused(tmp_path):
    path = tmp_path / "s.duckdb"
    writer = _writer(path, tmp_path)
    try:
        assert writer.stdout.readline().strip() == "ready"
        started = time.monotonic()
        with Store.open(path, read_only=True, wait=10) as reader:
            assert time.monotonic() - started < 5  # let in at the writer's next pause
            assert writer.poll() is None
            assert [d["id"] for d in reader.list_documents()] == ["first"]
            # The writer needs the file back to write; it waits for this reader instead of failing.
            (tmp_path / "go").touch()
            time.sleep(0.5)
            assert writer.poll() is None
            assert [d["id"] for d in reader.list_documents()] == ["first"]
        assert writer.stdout.readline().strip() == "wrote"
        started = time.monotonic()
        with pytest.raises(StoreError) as info:
            Store.open(path)
        assert time.monotonic() - started < 2  # refused at once, not after a wait
        assert f"PID {writer.pid}" in str(info.value)
        with Store.open(path, read_only=True, wait=10) as reader:
            assert sorted(d["id"] for d in reader.list_documents()) == ["first", "second"]
    finally:
        (tmp_path / "go").touch()
        (tmp_path / "done").touch()
        writer.wait(timeout=30)


def test_a_writer_inside_a_transaction_never_pauses(tmp_path):
    with Store.open(tmp_path / "s.duckdb") as store:
        with store.transaction():
            store.insert_document(make_doc("a"), None)
            store.pause()
            store.insert_document(make_doc("b", "Second body."), None)
        assert store.counts()["documents"] == 2


def test_the_writer_lock_is_released_on_close(tmp_path):
    path = tmp_path / "s.duckdb"
    Store.open(path).close()
    with Store.open(path) as store:
        store.insert_document(make_doc("a"), None)
    with Store.open(path) as store:
        assert store.counts()["documents"] == 1


@pytest.mark.integration
@pytest.mark.skipif(lease.fcntl is None, reason="advisory locks are POSIX-only")
def test_ls_runs_while_ingest_writes(tmp_path):
    """`storyline ls` in a second process succeeds while `storyline ingest` is still writing."""
    folder = tmp_path / "reports"
    folder.mkdir()
    import random

    rng = random.Random(5)
    words = ["harbour", "pilots", "union", "ferry", "crane", "berth", "cargo", "shift", "wages", "talks",
             "mayor", "council", "ministry", "tariff", "grain", "diesel", "convoy", "storm", "levee", "clinic"]
    for n in range(800):
        # Distinct texts: near-copies would be linked as duplicates, which is slower and not the point.
        body = " ".join(" ".join(rng.sample(words, 8)) + "." for _ in range(6))
        (folder / f"r{n:04d}.txt").write_text(f"Report {n}\n\n{body}\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    exe = [sys.executable, "-m", "storyline"]
    ingest = subprocess.Popen([*exe, "ingest", str(folder), "--db", str(db)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not db.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.5)
        assert ingest.poll() is None, "ingest finished before the reader could be tried"
        ls = subprocess.run([*exe, "ls", "--db", str(db)], capture_output=True, text=True, timeout=120)
        still_writing = ingest.poll() is None
        assert ls.returncode == 0, ls.stderr
        assert "r0000.txt" in ls.stdout or "Report 0" in ls.stdout
        assert still_writing, "ingest finished while the reader waited: the test proved nothing"
    finally:
        _, err = ingest.communicate(timeout=300)
    assert ingest.returncode == 0, err


def test_a_store_in_memory_leaves_no_lock_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with Store.open(":memory:") as store:
        store.pause()  # no reader can wait for a store only this process sees
        assert store.con.execute("select 1").fetchone() == (1,)
    with Store.open(tmp_path / "file.duckdb"):
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.duckdb", "file.duckdb.lock"]
