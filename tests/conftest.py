"""Shared fixtures: the real corpora's locations and, for integration tests, the loaded pipeline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
STORIES = ROOT / "tests" / "fixtures" / "stories"


@pytest.fixture(scope="session")
def nlp():
    """The full Storyline pipeline (loads the spaCy model: integration tests only)."""
    from storyline.nlp import pipeline

    return pipeline.load()


@pytest.fixture(scope="session")
def parse(nlp):
    """Run the pipeline on a text: ``parse(text, published=date(...), doc_id='t')``."""
    from storyline.nlp.pipeline import make_doc

    def run(text: str, published: dt.date | None = None, doc_id: str = "t"):
        return nlp(make_doc(nlp, doc_id, text, published))

    return run


@pytest.fixture(scope="session")
def seed_docs(nlp):
    """The five seed reports, cleaned as ingest cleans them and parsed: {file prefix: Doc}."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not present")
    from storyline import config
    from storyline.ingest.loaders import LoadOptions, iter_path
    from storyline.ingest.prepare import prepare
    from storyline.nlp.pipeline import make_doc

    docs = {}
    for raw in iter_path(SEEDS, LoadOptions()):
        doc, _ = prepare(raw, config.defaults())
        published = dt.date.fromisoformat(doc.published.value) if doc.published.precision == "day" else None
        docs[Path(raw.source).name[:3]] = nlp(make_doc(nlp, doc.id, doc.text, published))
    return docs
