"""Import round trip: a person only the imported extract knows is resolved, with id and office, in a
report analysed after the import; a changed overlay re-extracts stored documents; without it they are unresolved."""

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from storyline import config
from storyline.cli import cli
from storyline.ingest.fetch import FetchOptions
from storyline.ingest.loaders import LoadOptions
from storyline.ingest.pipeline import iter_inputs, run_ingest
from storyline.kb.lookup import load_kb
from storyline.nlp.runner import extract_pending
from storyline.store.db import ExtractionStore, Store

pytestmark = pytest.mark.integration

REPORT = (
    "Published 2 March 2031.\n\n"
    "Estonia's foreign minister, Oskar Tammeveski, said on Monday that the ferry link to Helsinki would "
    "reopen within a week. Tammeveski told reporters in Tallinn that the talks had been constructive.\n"
)
EXTRACT = [{"item": "http://www.wikidata.org/entity/Q99999001", "itemLabel": "Oskar Tammeveski",
            "country": "EST", "kind": "foreign_minister", "start": "2031-03-01T00:00:00Z"}]


def mentions_of(store, name):
    rows = store.rows("SELECT text, entity FROM mentions")
    return {r["entity"] for r in rows if name in r["text"]}


def test_import_resolves_a_person_only_the_extract_knows(tmp_path, monkeypatch):
    monkeypatch.setenv("STORYLINE_KB_OVERLAY", str(tmp_path / "overlay.json"))
    load_kb.cache_clear()
    (tmp_path / "extract.json").write_text(json.dumps(EXTRACT))
    report = tmp_path / "report.txt"
    report.write_text(REPORT)
    store = Store.open(tmp_path / "s.duckdb")
    try:
        run_ingest(store, iter_inputs([str(report)], LoadOptions(), FetchOptions()), config.defaults())
        assert extract_pending(store, config.defaults()) == 1
        assert extract_pending(store, config.defaults()) == 0  # same key: nothing to redo
        assert not any(e and e.startswith("kb:") for e in mentions_of(store, "Tammeveski"))

        assert CliRunner().invoke(cli, ["kb", "import", str(tmp_path / "extract.json")]).exit_code == 0
        assert extract_pending(store, config.defaults()) == 1  # the overlay changed the key: re-extracted
        assert mentions_of(store, "Tammeveski") == {"kb:person:oskar-tammeveski"}
        kb = load_kb()
        person = kb.get("person:oskar-tammeveski")
        assert person.qid == "Q99999001"
        assert [t.office for t in kb.offices(person.id, on=dt.date(2031, 3, 2))] == ["foreign_minister:EST"]

        assert CliRunner().invoke(cli, ["kb", "reset"]).exit_code == 0
        assert extract_pending(store, config.defaults()) == 1
        assert not any(e and e.startswith("kb:") for e in mentions_of(store, "Tammeveski"))
        assert ExtractionStore(store).pending() == []
    finally:
        store.close()
        load_kb.cache_clear()
