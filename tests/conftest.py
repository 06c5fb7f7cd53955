"""Shared fixtures: the real corpora's locations and, for integration tests, the loaded pipeline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests check behaviour, not speed: on a loaded CI machine a first call can take far longer
# than Hypothesis's default 200 ms deadline (speed is measured in bench/).
settings.register_profile("storyline", deadline=None)
settings.load_profile("storyline")

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


WAR = SHARED / "corpus" / "ukraine-war-2022-2024" / "articles.json"
REALTEXT = ROOT / "tests" / "golden" / "realtext"
GOLDEN = [ROOT / "tests" / "golden", STORIES, ROOT / "src" / "storyline" / "data" / "example"]


@pytest.fixture(scope="session")
def golden_analyses(tmp_path_factory):
    """Every team-written golden set (expected.json, seeds included) analysed once per session:
    ``{name: (analysis, expected)}``."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not present: the golden sets include the seeds")
    import json

    from storyline.evaluation import analyse_golden, golden_sets

    work = tmp_path_factory.mktemp("golden")
    return {p.parent.name: (analyse_golden(p, work), json.loads(p.read_text())) for p in golden_sets(GOLDEN)}


@pytest.fixture(scope="session")
def realtext_analyses(tmp_path_factory):
    """Every real-text story (dev and test) analysed once per session: ``{story: (analysis, gold, contents, split)}``."""
    if not WAR.is_file():
        pytest.skip("../shared/corpus/ukraine-war-2022-2024 is not present")
    from storyline.evaluation.realtext import analyse_story, realtext_sets

    paths = realtext_sets(REALTEXT)
    if not paths:
        pytest.skip("no real-text gold under tests/golden/realtext")
    work = tmp_path_factory.mktemp("realtext")
    out = {}
    for path in paths:
        data, gold, contents = analyse_story(path, work, WAR)
        out[path.parent.name] = (data, gold, contents, gold.get("split"))
    return out
