"""Ingesting the real corpora in ../shared: the seeds and the 447-article war corpus."""

from pathlib import Path

import pytest

from storyline import config
from storyline.ingest.fetch import FetchOptions
from storyline.ingest.loaders import LoadOptions
from storyline.ingest.pipeline import iter_inputs, run_ingest
from storyline.store.db import Store

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
SEEDS = SHARED / "seeds"
WAR = SHARED / "ukraine-war-2022-2024" / "articles.json"

pytestmark = pytest.mark.integration


def ingest(store, path):
    return run_ingest(store, iter_inputs([str(path)], LoadOptions(), FetchOptions()), config.defaults())


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory):
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not present")
    store = Store.open(tmp_path_factory.mktemp("seeds") / "s.duckdb")
    summary = ingest(store, SEEDS)
    yield store, summary
    store.close()


def test_seeds_store_five_documents_then_five_unchanged(seeds_store):
    store, summary = seeds_store
    assert [i.status for i in summary.items] == ["added"] * 5
    before = store.rows("SELECT * FROM documents ORDER BY id")
    again = ingest(store, SEEDS)
    assert [i.status for i in again.items] == ["unchanged"] * 5
    assert store.rows("SELECT * FROM documents ORDER BY id") == before


def _doc(store, prefix):
    [row] = [r for r in store.list_documents() if Path(r["source"]).name.startswith(prefix)]
    return row, store.removed_spans(row["id"])


def test_seed_debris_is_removed_and_listed(seeds_store):
    store, _ = seeds_store
    doc, removed = _doc(store, "001_")
    assert any(s.reason == "related-links" for s in removed)
    assert "Load More" not in doc["text"] and "AM\n" not in doc["text"] and " PM\n" not in doc["text"]
    doc, removed = _doc(store, "003_")
    first_lines = SEEDS.glob("003_*").__next__().read_text().splitlines()[:2]
    for line in first_lines:
        assert line.strip() not in doc["text"]
        assert any(s.text.strip() == line.strip() for s in removed)
    assert doc["republished_from"]
    doc, removed = _doc(store, "004_")
    reasons = {s.reason for s in removed}
    assert {"comment-form", "disclaimer", "references", "author-bio"} <= reasons
    assert len(store.references(doc["id"])) == 4


def test_every_seed_body_paragraph_survives(seeds_store):
    store, _ = seeds_store
    for path in sorted(SEEDS.glob("*.txt")):
        doc, removed = _doc(store, path.name[:4])
        kept = " ".join(doc["text"].split())
        for para in path.read_text().split("\n"):
            para = " ".join(para.split())
            # A long prose paragraph is body unless it is an author's bio: only that kind
            # of debris is written as prose in these pages.
            headings = [" ".join(s.text.split()) for s in removed if s.reason == "heading"]
            if any(para.startswith(h) and para[len(h):].strip() in kept for h in headings):
                continue  # a heading glued to the paragraph was split off; the body text is kept
            if len(para.split()) >= 25 and para not in kept:
                assert any(para in " ".join(s.text.split()) for s in removed if s.reason == "author-bio"), \
                    f"{path.name}: body paragraph lost: {para[:60]}"


@pytest.fixture(scope="module")
def war_store(tmp_path_factory):
    if not WAR.is_file():
        pytest.skip("../shared/corpus/ukraine-war-2022-2024 is not present")
    store = Store.open(tmp_path_factory.mktemp("war") / "s.duckdb")
    summary = ingest(store, WAR)
    yield store, summary
    store.close()


def test_war_corpus_ingests_with_dates_from_filenames(war_store):
    store, summary = war_store
    assert len(summary.items) == 447 and summary.failed == 0
    rows = store.list_documents()
    assert rows and all(r["published"] and r["published_method"] == "filename" for r in rows)
    assert min(r["published"] for r in rows) >= "2022-01-01"


def test_war_corpus_duplicates_are_reported(war_store):
    store, summary = war_store
    exact = summary.count("duplicate")
    near = [r for r in store.list_documents() if r["duplicate_of"]]
    assert exact >= 1 and len(near) >= 1
    # A copy always points at a stored original that is not itself a copy.
    originals = {r["id"]: r for r in store.list_documents()}
    assert all(originals[r["duplicate_of"]]["duplicate_of"] is None for r in near)
