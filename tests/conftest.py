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


@pytest.fixture(scope="session", autouse=True)
def kept_worker_pools():
    """Analyses with several workers reuse one pool of spawned workers for the session (a pool is
    kept only while the model, rules, window and ``STORYLINE_*`` environment stay the same), so
    the suite starts them and loads their models once instead of once per analysis."""
    from storyline.nlp import workers

    workers.keep_pools(True)
    yield
    workers.keep_pools(False)


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
def golden_analysis(tmp_path_factory):
    """``get(path)``: the analysis of one golden set (an expected.json), made once per session
    whichever test asks first: the quality gate and the story tests read the same analyses."""
    from storyline.evaluation import analyse_golden

    work = tmp_path_factory.mktemp("golden")
    cache: dict = {}

    def get(path: Path) -> dict:
        key = Path(path).resolve()
        if key not in cache:
            cache[key] = analyse_golden(key, work)
        return cache[key]

    return get


@pytest.fixture(scope="session")
def golden_analyses(golden_analysis):
    """Every team-written golden set (expected.json, seeds included) analysed once per session:
    ``{name: (analysis, expected)}``."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not present: the golden sets include the seeds")
    import json

    from storyline.evaluation import golden_sets

    return {p.parent.name: (golden_analysis(p), json.loads(p.read_text())) for p in golden_sets(GOLDEN)}


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


@pytest.fixture(scope="session")
def example_run(tmp_path_factory):
    """The bundled example corpus analysed once per session (one worker) and written out:
    ``(paths, analysis)``; the paths name the written files (json, html, md, explorer...).
    Tests read it only: ``example_analysis`` hands out a copy of the analysis."""
    from storyline.api import analyze
    from storyline.data import example_corpus

    out = tmp_path_factory.mktemp("example-run")
    with example_corpus() as folder:
        result = analyze([folder], db=out / "s.duckdb", workers=1)
    return result.write(out), result.to_dict()


@pytest.fixture
def example_analysis(example_run):
    """A copy of the session's analysis of the example corpus, for one test to read or change."""
    import copy

    return copy.deepcopy(example_run[1])


@pytest.fixture(scope="session")
def seeds_run(tmp_path_factory):
    """The five seed reports analysed once per session through the command line: ``(out, analysis)``
    with ``out`` holding what ``storyline analyze -o`` writes (the store, briefing, explorer)."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not present")
    import json

    from click.testing import CliRunner

    from storyline.cli import cli

    out = tmp_path_factory.mktemp("seeds")
    result = CliRunner().invoke(cli, ["analyze", str(SEEDS), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "5 documents" in result.output and "conflict" in result.output
    return out, json.loads((out / "analysis.json").read_text())


@pytest.fixture(scope="session")
def example_increment(tmp_path_factory):
    """The example corpus analysed without one report, then that report added to the same store:
    ``(work folder, store path, the second run's Analysis)``. The store is only read after this."""
    import shutil

    from storyline.api import analyze
    from storyline.data import example_corpus

    root = tmp_path_factory.mktemp("increment")
    work = root / "in"
    work.mkdir()
    with example_corpus() as folder:
        files = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".html"))
        for path in files:
            shutil.copy(path, work / path.name)
        shutil.copy(folder / "manifest.json", work / "manifest.json")
    held = work / files[-2].name  # a report that is not a copy of another
    held_text = held.read_bytes()
    held.unlink()
    db = root / "s.duckdb"
    analyze([work], db=db)
    held.write_bytes(held_text)
    return work, db, analyze([held], db=db)
