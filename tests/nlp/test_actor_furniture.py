"""Page furniture, agreements named after places, missions abroad and office titles: team-written
sentences about droughts, space launches, fisheries and elections far from the corpora's war. Each test
that says a name is no actor first checks that NER or the knowledge base does see it, so the rule (not
the tagger) keeps it out."""

import datetime as dt

import pytest

pytestmark = pytest.mark.integration

WHEN = dt.date(2023, 9, 12)


def texts(doc):
    return {m.text for m in doc._.mentions}


def by_text(doc):
    return {m.text: m for m in doc._.mentions}


def test_a_shouted_line_names_no_one(parse):
    doc = parse("Farmers in Kenya say the rains failed again this year. JOIN US ON TELEGRAM! "
                "Follow our coverage of the drought.", published=WHEN)
    assert any(t.text == "US" for t in doc)
    assert "Kenya" in texts(doc)
    assert "US" not in texts(doc)


def test_names_in_capitals_beside_each_other_stay_actors(parse):
    doc = parse("Talks between the US and NATO on the Arctic resumed in Oslo on Monday.", published=WHEN)
    assert {"US", "NATO"} <= texts(doc)


def test_a_title_case_dateline_with_its_outlet_names_no_one(parse):
    doc = parse("Nairobi, Kenya (AFP) - The government of Kenya has declared the drought a national disaster, "
                "officials in Nairobi said.", published=WHEN)
    kenya = [m for m in doc._.mentions if m.text == "Kenya"]
    nairobi = [m for m in doc._.mentions if m.text == "Nairobi"]
    assert len(kenya) == 1 and kenya[0].start > doc.text.index("-")  # the body's Kenya only
    assert len(nairobi) == 1 and nairobi[0].start > doc.text.index("-")


def test_a_name_then_a_time_is_not_the_broadcaster_so_named(parse):
    doc = parse("Fishing crews from Norway and Russia today agreed to share the cod quota.", published=WHEN)
    found = by_text(doc)
    assert "Russia" in found and found["Russia"].entity == "kb:RUS"
    assert not any(m.entity == "kb:RT" for m in doc._.mentions)


def test_the_broadcaster_written_in_capitals_is_still_found(parse):
    doc = parse("The claim was first aired by Russia Today on Sunday.", published=WHEN)
    assert any(m.entity == "kb:RT" for m in doc._.mentions)


def test_a_place_that_names_an_agreement_is_not_an_actor(parse):
    doc = parse("Both sides said they would honour the Minsk agreements, and diplomats in Minsk welcomed it.",
                published=dt.date(2021, 3, 2))
    minsk = [m for m in doc._.mentions if m.text == "Minsk"]
    assert len(minsk) == 1 and minsk[0].start > doc.text.index("diplomats")


def test_a_state_that_is_party_to_an_agreement_stays_an_actor(parse):
    doc = parse("Kenya and Ethiopia signed a border agreement, and the Kenya agreement with Uganda follows.",
                published=WHEN)
    assert [m.text for m in doc._.mentions].count("Kenya") == 2


def test_a_permanent_mission_speaks_for_its_state(parse):
    doc = parse("The Permanent Mission of Chile to the United Nations said the fishing ban would hold.",
                published=WHEN)
    chile = [m for m in doc._.mentions if "Chile" in m.text]
    assert chile and all(m.entity == "kb:CHL" and m.type == "state" for m in chile)


def test_the_baltics_are_a_collective_not_a_place(parse):
    doc = parse("Ministers from the Baltics and Finland met in Helsinki to plan the power link.", published=WHEN)
    assert "Finland" in texts(doc)
    assert "Baltics" not in texts(doc)


def test_an_administrator_or_rapporteur_title_is_not_part_of_the_name(parse):
    doc = parse("NASA Administrator Bill Nelson watched the launch. UN Special Rapporteur Mary Lawlor said "
                "activists were at risk, and the rapporteur added that the Administrator agreed.",
                published=dt.date(2022, 11, 16))
    found = by_text(doc)
    assert found["Bill Nelson"].entity == "kb:person:bill-nelson"
    assert found["NASA"].entity == "kb:USA.NASA"
    assert "Mary Lawlor" in found
    assert not any(t.lower().startswith(("administrator", "rapporteur")) for t in found)


def test_a_staff_credit_line_names_no_one(parse):
    doc = parse("The ferry sank off Mwanza on Monday. The Nation's Grace Achieng contributed to this report.",
                published=WHEN)
    assert any(e.text.endswith("Grace Achieng") for e in doc.ents)
    assert "Mwanza" in texts(doc)
    assert not any("Achieng" in t or "Nation" in t for t in texts(doc))


def test_an_office_with_its_portfolio_and_its_acronym_are_no_actors(parse):
    doc = parse("Farmers wrote to the Special Presidential Envoy for Drought Relief (SPEDR) about the harvest in "
                "Niger. SPEDR has not answered.", published=WHEN)
    assert "Niger" in texts(doc)
    assert not any("Envoy" in t or t == "SPEDR" for t in texts(doc))


def test_a_verb_opening_the_sentence_is_no_given_name(parse):
    doc = parse("Senator Ana Ruiz of Peru signed the letter. Joining Ruiz on the letter were two senators from Chile.",
                published=WHEN)
    assert not any(t.startswith("Joining") for t in texts(doc))


def test_a_known_agency_described_after_its_name_is_that_agency(parse):
    doc = parse("The Interfax news agency said the plane from Almaty landed late.", published=WHEN)
    agency = [m for m in doc._.mentions if "Interfax" in m.text]
    assert agency and agency[0].text == "Interfax" and agency[0].entity == "kb:INTERFAX"


def test_a_known_agency_in_capitals_described_after_its_name_is_that_agency(parse):
    doc = parse("The port's director declined to comment on the two ferries lost off Chile, according to AFP news "
                "agency.", published=WHEN)
    assert any(e.text == "AFP news agency" for e in doc.ents)
    agency = [m for m in doc._.mentions if "AFP" in m.text]
    assert agency and agency[0].text == "AFP" and agency[0].entity == "kb:AFP"


def test_an_embassy_named_by_its_state_speaks_for_the_state(parse):
    doc = parse("The Kenyan Embassy in Lima urged citizens to avoid the protests.", published=WHEN)
    embassy = [m for m in doc._.mentions if "Embassy" in m.text]
    assert embassy and embassy[0].entity == "kb:KEN" and embassy[0].type == "state"


def test_a_collective_of_states_in_small_letters_is_not_a_place(parse):
    doc = parse("Fuel prices rose in the Gulf states and in Kenya this week.", published=WHEN)
    assert "Kenya" in texts(doc)
    assert "Gulf" not in texts(doc)


def test_a_palace_where_talks_are_held_is_a_place(parse):
    doc = parse("Delegates met at the Kwame Nkrumah Palace in Accra on Monday.", published=WHEN)
    palace = [m for m in doc._.mentions if "Palace" in m.text]
    assert not palace or all(m.type == "place" for m in palace)
    assert not any(m.type == "person" and "Nkrumah" in m.text for m in doc._.mentions)


def test_a_platform_where_words_were_posted_is_no_actor_but_a_platform_that_acts_is(parse):
    doc = parse("The governor of Puno wrote on Telegram that the dam held. Twitter suspended his account later. "
                "His deputy said via her official Instagram account that she would stay in Lima.", published=WHEN)
    found = {m.entity for m in doc._.mentions}
    assert "kb:TWITTER" in found
    assert "kb:TELEGRAM" not in found and "kb:INSTAGRAM" not in found


def test_a_platform_naming_a_post_is_no_actor(parse):
    doc = parse("The striking miners' union shared a YouTube video of the rally, and its leader answered critics in a "
                "Facebook post. Meta said on Thursday it had removed nothing.", published=WHEN)
    found = {m.entity for m in doc._.mentions}
    assert "kb:YOUTUBE" not in found and "kb:FACEBOOK" not in found


def test_a_seat_named_after_its_government_is_the_state_and_a_seat_where_things_happen_is_the_city(parse):
    doc = parse("The junta in Niamey expelled the French envoy on Monday. A trade fair opened in Niamey "
                "the same week.", published=WHEN)
    seats = [m for m in doc._.mentions if m.text == "Niamey"]
    assert len(seats) == 2
    assert seats[0].entity == "kb:NER" and seats[1].type == "place"


def test_a_currency_named_with_its_peoples_adjective_is_no_actor(parse):
    doc = parse("Investors sold the Ukrainian Hryvnia after the central bank in Kyiv cut rates, and the Kenyan "
                "Shilling fell too.", published=WHEN)
    assert any(e.text.endswith("Hryvnia") for e in doc.ents)
    assert not any("Hryvnia" in t or "Shilling" in t for t in texts(doc))


def test_a_surname_that_is_a_currency_word_stays_a_person(parse):
    doc = parse("The poet Ezra Pound lived in Rapallo for years.", published=WHEN)
    assert "Ezra Pound" in texts(doc)


def test_a_word_run_into_the_pronoun_after_it_is_no_actor(parse):
    doc = parse("The Ministry of Foreign Affairs of Peru said talks went well, the ForeignHe emphasizes, however, "
                "that Chile must pay.", published=WHEN)
    assert any(e.text == "ForeignHe" for e in doc.ents)
    assert "ForeignHe" not in texts(doc)
    assert "Chile" in texts(doc)


def test_a_name_opening_a_works_title_after_the_noun_of_the_work_is_no_actor(parse):
    doc = parse("In a scene from the 1998 movie The Lima Crossing, two fishermen argue about Peru.", published=WHEN)
    assert "Peru" in texts(doc)
    assert not any("Lima" in t for t in texts(doc))
