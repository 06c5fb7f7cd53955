"""The built knowledge base kept in the cache folder: read back by a later process, rebuilt when its inputs change."""

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from storyline.cli import cli
from storyline.kb import lookup
from storyline.kb.lookup import load_kb


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("STORYLINE_CACHE", str(tmp_path / "cache"))
    load_kb.cache_clear()
    yield tmp_path / "cache" / lookup.STORED_FOLDER
    load_kb.cache_clear()


def test_a_later_load_reads_the_stored_knowledge_base_and_finds_the_same(cache, monkeypatch):
    built = load_kb()
    assert len(list(cache.glob("*.pickle"))) == 1
    load_kb.cache_clear()

    def never(*args, **kwargs):
        raise AssertionError("built again")

    monkeypatch.setattr(lookup.KnowledgeBase, "__init__", never)
    read = load_kb()
    assert read is not built and read.version == built.version and read.overlay == built.overlay
    assert read.tenures() == built.tenures()
    for name in ("Kyiv", "NATO", "Jens Stoltenberg"):
        assert [e.id for e in read.lookup(name)] == [e.id for e in built.lookup(name)]
    assert read.find_office("NATO Secretary-General") == built.find_office("NATO Secretary-General")
    office = read.find_office("NATO Secretary-General")[0]
    assert dict(read.office(office)) == dict(built.office(office))
    with pytest.raises(TypeError):  # read-only as built
        read.office(office)["key"] = "changed"


def test_an_unreadable_stored_file_is_built_again_and_an_overlay_gets_its_own(cache, tmp_path, monkeypatch):
    load_kb()
    [stored] = cache.glob("*.pickle")
    stored.write_bytes(b"not a knowledge base")
    load_kb.cache_clear()
    assert load_kb().lookup("Kyiv")
    load_kb.cache_clear()
    assert load_kb().lookup("Kyiv") and stored.stat().st_size > 1000  # written again
    overlay = tmp_path / "overlay.json"
    monkeypatch.setenv("STORYLINE_KB_OVERLAY", str(overlay))
    people = tmp_path / "people.csv"
    people.write_text("name,type,country,kind,start,end\nMarta Ojaveer,person,EST,defence_minister,2033-02-01,\n")
    assert CliRunner().invoke(cli, ["kb", "import", str(people)]).exit_code == 0
    load_kb.cache_clear()
    kb = load_kb()
    assert len(list(cache.glob("*.pickle"))) == 2 and kb.overlay == str(overlay)
    assert kb.holder("defence_minister:EST", dt.date(2033, 3, 1)).name == "Marta Ojaveer"
    assert json.loads(overlay.read_text())["kind"] == "kb-overlay"
    for n in range(lookup.STORED_KEPT + 1):  # each overlay a new file; only the latest few are kept
        people.write_text(f"name,type,country,kind,start,end\nAnu Kask {n},person,EST,defence_minister,{2034 + n}-01-01,\n")
        assert CliRunner().invoke(cli, ["kb", "import", str(people)]).exit_code == 0
        load_kb.cache_clear()
        assert load_kb().lookup(f"Anu Kask {n}")
    assert len(list(cache.glob("*.pickle"))) == lookup.STORED_KEPT
