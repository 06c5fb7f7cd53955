"""Names that share words with a neighbour, governments named by their state or leader, sites named after
a person, abbreviations of a body the report names, and an outlet's own voice; on short reports written
for these tests."""

import datetime as dt

import pytest

pytestmark = pytest.mark.integration

DAY = dt.date(2023, 5, 2)


def entities(doc):
    return {m.text: m.entity for m in doc._.mentions}


def test_two_known_names_sharing_one_head_are_both_resolved(parse):
    doc = parse("Envoys of the Donetsk and Luhansk People's Republics swapped forty prisoners on Tuesday, "
                "a mediator said.", published=DAY)
    found = entities(doc)
    assert found.get("Donetsk") == "kb:DPR"
    assert found.get("Luhansk People's Republics") == "kb:LPR"


def test_a_government_named_by_its_state_or_leader_is_the_state(parse):
    doc = parse("The Chilean Government said on Monday that copper exports had fallen. Barack Obama once "
                "praised the deal, and the Obama administration signed it in 2015.", published=DAY)
    found = entities(doc)
    assert found.get("Chilean Government") == "kb:CHL"
    assert found.get("Obama administration") == "kb:USA"


def test_a_name_that_opens_a_site_name_is_no_person(parse):
    doc = parse("Thousands of pilgrims gathered in St Mark’s Square on Sunday, the organisers said.", published=DAY)
    assert not [m for m in doc._.mentions if m.type == "person"]


def test_an_abbreviation_links_to_the_body_the_report_named(parse):
    doc = parse("Norway's Defence Ministry said the frigate had returned to port. The MoD added that no one "
                "had been hurt.", published=DAY)
    assert entities(doc).get("MoD") == "kb:NOR.MOD"


def test_a_capital_after_in_and_an_adjective_is_the_place(parse):
    doc = parse("Students marched in central Santiago on Thursday to demand lower fees.", published=DAY)
    santiago = [m for m in doc._.mentions if m.text == "Santiago"]
    assert santiago and santiago[0].type == "place"


def test_an_outlet_pointing_back_to_its_own_reporting_is_the_reports_voice(parse):
    doc = parse("As Kyodo reported earlier, the ferry had lost power near the coast. The coast guard said all "
                "passengers were safe. Reuters could not independently verify the footage.", published=DAY)
    texts = {m.text for m in doc._.mentions}
    assert "Kyodo" not in texts and "Reuters" not in texts
    doc = parse("The ferry lost power, Kyodo reported, citing the coast guard.", published=DAY)
    assert "Kyodo" in {m.text for m in doc._.mentions}


def test_a_bare_head_noun_links_to_the_body_named_with_of_earlier(parse):
    doc = parse("The Federal Agency of Water Resources warned of floods on Monday. The Agency's director said "
                "three dams were full.", published=DAY)
    ids = {m.text: m.entity for m in doc._.mentions}
    assert ids.get("Agency") and ids.get("Agency") == ids.get("Federal Agency of Water Resources")


def test_a_name_the_knowledge_base_writes_in_lower_case_is_found(parse):
    doc = parse("The harbour reopened on Friday, the news agency dpa reported.", published=DAY)
    assert entities(doc).get("dpa") == "kb:DPA"


def test_a_pointer_to_the_outlets_own_pages_is_its_voice(parse):
    doc = parse("The council approved the budget. You can read more news on Onet.pl and Onet every day.",
                published=DAY)
    assert "Onet" not in {m.text for m in doc._.mentions}



def test_a_bodys_publication_opening_with_a_state_is_no_person(parse):
    doc = parse("The column first ran in the Atlantic Council’s Ukraine Alert on Friday.", published=DAY)
    assert not [m for m in doc._.mentions if m.type == "person"]
