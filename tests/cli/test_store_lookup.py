"""Which store a command uses: --db, $STORYLINE_DB, ./storyline.duckdb, the folder's recorded store."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from storyline import config
from storyline.cli import POINTER, _db_path, _remember_store
from storyline.store.db import Store


def _ctx():
    return SimpleNamespace(obj={"config": config.defaults()})


def test_lookup_order(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("STORYLINE_DB", raising=False)
    ctx = _ctx()
    assert _db_path(ctx, None) == "storyline.duckdb"  # nothing yet: where ingest creates it

    Store.open(tmp_path / "out" / "storyline.duckdb").close()
    _remember_store(str(tmp_path / "out" / "storyline.duckdb"))
    recorded = str(Path("out") / "storyline.duckdb")
    assert (tmp_path / POINTER).read_text().strip() == recorded
    assert _db_path(ctx, None) == recorded

    Store.open(tmp_path / "storyline.duckdb").close()  # the folder's own store wins over the record
    assert _db_path(ctx, None) == "storyline.duckdb"
    monkeypatch.setenv("STORYLINE_DB", "elsewhere.duckdb")
    assert _db_path(ctx, None) == "elsewhere.duckdb"
    assert _db_path(ctx, "given.duckdb") == "given.duckdb"


def test_only_stores_inside_the_folder_are_recorded(tmp_path, monkeypatch):
    inner = tmp_path / "work"
    inner.mkdir()
    monkeypatch.chdir(inner)
    _remember_store(str(tmp_path / "other" / "storyline.duckdb"))
    _remember_store("storyline.duckdb")
    assert not (inner / POINTER).exists()


def test_a_recorded_store_that_is_gone_is_ignored(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("STORYLINE_DB", raising=False)
    (tmp_path / POINTER).write_text("out/storyline.duckdb\n")
    assert _db_path(_ctx(), None) == "storyline.duckdb"
