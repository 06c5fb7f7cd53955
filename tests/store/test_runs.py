"""Stored runs: what ``analyze`` reads back of the earlier run to say what a new report changed."""

import pytest

from storyline.store import runs
from storyline.store.changes import compare
from storyline.store.db import Store

pytestmark = pytest.mark.integration


def test_changes_from_the_partial_load_equal_those_from_the_whole_run(example_increment):
    _, db, second = example_increment  # the example without one report, then that report added
    assert second.changes and second.changes["new_documents"]
    with Store.open(db, read_only=True) as store:
        first, latest = runs.find_run(store, 1), runs.find_run(store, 2)
        part = runs.load_for_changes(store, first)
        whole = runs.load(store, first)
        after = runs.load(store, latest)
        assert not part.corpus.statements and whole.corpus.statements  # the records were left out
        assert compare(part, after, first, latest) == compare(whole, after, first, latest)
    assert second.changes == compare(whole, after, first, latest)
