"""Stored runs: what ``analyze`` reads back of the earlier run to say what a new report changed."""

import shutil

import pytest

from storyline.api import analyze
from storyline.data import example_corpus
from storyline.store import runs
from storyline.store.changes import compare
from storyline.store.db import Store

pytestmark = pytest.mark.integration


def test_changes_from_the_partial_load_equal_those_from_the_whole_run(tmp_path):
    with example_corpus() as folder:
        files = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".html"))
        work = tmp_path / "in"
        work.mkdir()
        for path in files:
            shutil.copy(path, work / path.name)
    held = files[-2].name
    (work / held).unlink()
    analyze([work], db=tmp_path / "s.duckdb")
    with example_corpus() as folder:
        second = analyze([folder / held], db=tmp_path / "s.duckdb")
    assert second.changes and second.changes["new_documents"]
    with Store.open(tmp_path / "s.duckdb", read_only=True) as store:
        first, latest = runs.find_run(store, 1), runs.find_run(store, 2)
        part = runs.load_for_changes(store, first)
        whole = runs.load(store, first)
        after = runs.load(store, latest)
        assert not part.corpus.statements and whole.corpus.statements  # the records were left out
        assert compare(part, after, first, latest) == compare(whole, after, first, latest)
    assert second.changes == compare(whole, after, first, latest)
