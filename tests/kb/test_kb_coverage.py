"""Kinds of actors news names often: broadcasters and pollsters, parties, breakaway authorities,
chancelleries and presidential offices, a former state, and the Wikidata ids of capitals."""

import pytest

from storyline.kb.lookup import KnowledgeBase, load_kb


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.mark.parametrize("surface, expected", [
    ("GOP", "USA.GOP"), ("Republicans", "USA.GOP"), ("Democrats", "USA.DEM"), ("Tories", "GBR.CONSERVATIVES"),
    ("AfD", "DEU.AFD"), ("Law and Justice", "POL.PIS"), ("Communist Party of China", "CHN.CPC"),
    ("dpa", "DPA"), ("Russia Today", "RT"), ("Deutsche Welle", "DW"), ("Radio Liberty", "RFERL"),
    ("Dozhd", "TV-RAIN"), ("Ipsos", "IPSOS"), ("Levada Center", "LEVADA"),
    ("DPR", "DPR"), ("Lugansk People's Republic", "LPR"), ("Luhansk People's Republic", "LPR"),
    ("Transnistrian authorities", "PMR"), ("TRNC", "TRNC"),
    ("German chancellery", "DEU.CHANCELLERY"), ("Ukraine's presidential office", "UKR.OP"),
    ("RAF", "GBR.RAF"), ("Bucharest Nine", "B9"), ("EU Foreign Affairs Council", "EU-FAC"),
    ("USSR", "SUN"), ("Soviet Union", "SUN"),
])
def test_often_named_actors_are_known(kb, surface, expected):
    assert kb.lookup(surface)[0].id == expected


def test_breakaway_authorities_are_groups_and_their_city_stays_a_place(kb):
    assert kb.get("DPR").type == "group" and kb.get("DPR").country == "UKR"
    assert all(e.type == "place" for e in kb.lookup("Transnistria"))  # the region, not its authorities
    assert not any(e.id == "DPR" for e in kb.lookup("Donetsk"))


def test_a_former_state_does_not_take_its_capital_from_the_present_one(kb):
    assert kb.metonym("Moscow").id == "RUS"
    assert [e.id for e in kb.metonym_candidates("Moscow")] == ["RUS"]
    assert kb.demonym("Soviet").id == "SUN"


@pytest.mark.parametrize("place, qid", [("place:kyiv", "Q1899"), ("place:moscow", "Q649"),
                                        ("place:washington", "Q61"), ("place:crimea", "Q7835")])
def test_capitals_and_regions_carry_their_wikidata_ids(kb, place, qid):
    assert kb.get(place).qid == qid


def test_a_place_id_that_names_no_place_is_refused(tmp_path):
    from storyline.kb.build import add_place_qids

    places = [{"id": "place:crimea", "type": "place", "name": "Crimea"}]
    states = [{"id": "UKR", "capitals": [{"name": "Kyiv", "aliases": []}], "seats": []}]
    add_place_qids([{"id": "place:crimea", "qid": "Q7835"}, {"id": "place:kyiv", "qid": "Q1899"}], states, places)
    assert places[0]["qid"] == "Q7835"
    with pytest.raises(ValueError, match="place:atlantis"):
        add_place_qids([{"id": "place:atlantis", "qid": "Q1"}], states, places)


@pytest.mark.parametrize("surface, place", [
    ("Odessa", "place:odesa"), ("Lugansk", "place:luhansk"), ("Zaporozhye", "place:zaporizhzhia"),
    ("Lwów", "place:lviv"), ("Bombay", "place:mumbai"), ("Danzig", "place:gdansk"), ("München", "place:munich"),
])
def test_one_city_under_its_spellings_in_several_languages(kb, surface, place):
    found = kb.lookup(surface)
    assert found[0].id == place and found[0].type == "place"
    assert found[0].extra["metonym_for"] is None  # a city, not a government
