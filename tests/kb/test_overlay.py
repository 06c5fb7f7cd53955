"""The local knowledge-base overlay: import, precedence, export, and the extraction cache key."""

import json

import pytest
from click.testing import CliRunner

from storyline.cli import cli
from storyline.kb.lookup import load_kb

EXTRACT = {
    "head": {"vars": ["item", "itemLabel", "aliases", "country", "kind", "start", "end"]},
    "results": {"bindings": [
        {"item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q99999001"},
         "itemLabel": {"type": "literal", "value": "Oskar Tammeveski"},
         "aliases": {"type": "literal", "value": "O. Tammeveski"},
         "country": {"type": "literal", "value": "EST"},
         "kind": {"type": "literal", "value": "foreign_minister"},
         "start": {"type": "literal", "value": "2031-03-01T00:00:00Z"}},
    ]},
}


@pytest.fixture
def overlay(tmp_path, monkeypatch):
    path = tmp_path / "overlay.json"
    monkeypatch.setenv("STORYLINE_KB_OVERLAY", str(path))
    source = tmp_path / "extract.json"
    source.write_text(json.dumps(EXTRACT))
    yield path, source
    load_kb.cache_clear()


def test_import_wikidata_result_takes_precedence_and_reset_removes_it(overlay):
    path, source = overlay
    runner = CliRunner()
    before = load_kb().version
    result = runner.invoke(cli, ["kb", "import", str(source)])
    assert result.exit_code == 0, result.output
    kb = load_kb()
    assert kb.version.startswith(before + "+overlay.") and kb.overlay == str(path)
    person = kb.lookup("Oskar Tammeveski")[0]
    assert person.qid == "Q99999001" and person.country == "EST"
    import datetime as dt
    assert kb.holder("foreign_minister:EST", dt.date(2031, 6, 1)).id == person.id
    # The bundled holder before the overlay's tenure is untouched.
    assert kb.holder("foreign_minister:EST", dt.date(2024, 6, 1)) is not None
    stats = json.loads(runner.invoke(cli, ["kb", "stats", "--json"]).output)
    assert stats["overlay"] == str(path) and stats["entities"]["person"] == len(list(kb.entities("person")))
    exported = runner.invoke(cli, ["kb", "export", "--overlay-only"]).output
    assert json.loads(exported)["tenures"][0]["office"] == "foreign_minister:EST"
    assert runner.invoke(cli, ["kb", "reset"]).exit_code == 0
    assert not load_kb().lookup("Oskar Tammeveski")


def test_import_csv_and_bad_input(overlay, tmp_path):
    _, _ = overlay
    runner = CliRunner()
    good = tmp_path / "people.csv"
    good.write_text("name,type,country,kind,start,end\nLena Virtanen,person,FIN,defence_minister,2030-01-01,\n")
    assert runner.invoke(cli, ["kb", "import", str(good)]).exit_code == 0
    assert load_kb().lookup("Lena Virtanen")[0].country == "FIN"
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    result = runner.invoke(cli, ["kb", "import", str(bad)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("name,type,country,kind,start\nX Y,person,FIN,emperor,2030-01-01\n")
    assert runner.invoke(cli, ["kb", "import", str(unknown)]).exit_code == 2
    assert runner.invoke(cli, ["kb", "import", str(tmp_path / "missing.json")]).exit_code == 2


def test_pipeline_key_changes_with_the_overlay(overlay):
    from storyline import config
    from storyline.nlp.runner import pipeline_key

    _, source = overlay
    before = pipeline_key(config.defaults())
    assert CliRunner().invoke(cli, ["kb", "import", str(source)]).exit_code == 0
    after = pipeline_key(config.defaults())
    assert before != after and "overlay." in after
    assert CliRunner().invoke(cli, ["kb", "reset"]).exit_code == 0
    assert pipeline_key(config.defaults()) == before
