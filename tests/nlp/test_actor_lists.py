"""Actors whose kind the sentence shows: members of a titled list, bodies listed among bodies, publications,
things counted or listed with things, collectives of states, adjectives in a role; and names that follow a
known person under another spelling."""

import datetime as dt

import pytest

from storyline.kb.lookup import load_kb
from storyline.nlp.actor_links import surnames_of

DAY = dt.date(2022, 4, 20)


def found(parse, text, when=DAY):
    return {m.text: (m.type, m.entity) for m in parse(text, published=when)._.mentions}


def test_a_family_name_written_first_is_the_surname_misspellings_are_matched_against():
    kb = load_kb()
    assert surnames_of(kb.get("person:lee-jae-myung")) == ["lee"]
    assert "zelenskyy" in surnames_of(kb.get("person:volodymyr-zelenskyy"))


@pytest.mark.integration
def test_names_listed_after_a_plural_title_are_persons(parse):
    got = found(parse, "Senators Ashworth, Cardin, Wicker, Dalgleish, Portman, Shaheen and Graham tabled a motion "
                       "on quotas on Friday.")
    assert {got[n][0] for n in ("Ashworth", "Wicker", "Portman", "Shaheen", "Graham")} == {"person"}


@pytest.mark.integration
def test_names_listed_among_known_bodies_are_bodies(parse):
    from storyline.models import Mention
    from storyline.nlp.actor_lists import one_kind_per_list

    text = "The appeal was signed by Reuters, Suspilne, Hromadske and Zorya Poltavy."
    doc = parse(text)
    start = text.index("Zorya Poltavy")
    guess = Mention("t", start, start + len("Zorya Poltavy"), "Zorya Poltavy", "GPE", "local:place:zorya-poltavy", "place")
    bodies = [m for m in doc._.mentions if m.type == "organization"]
    assert len(bodies) == 3
    one_kind_per_list(doc, [*bodies, guess], "t")
    assert (guess.type, guess.entity) == ("organization", "local:organization:zorya-poltavy")
    # Beside a known place the guess stands.
    text = "The appeal was signed by Reuters, Suspilne, Lviv and Zorya Poltavy."
    doc = parse(text)
    start = text.index("Zorya Poltavy")
    guess = Mention("t", start, start + len("Zorya Poltavy"), "Zorya Poltavy", "GPE", "local:place:zorya-poltavy", "place")
    one_kind_per_list(doc, [*doc._.mentions, guess], "t")
    assert guess.type == "place"


@pytest.mark.integration
def test_a_publication_written_in_is_no_place(parse):
    got = found(parse, "Richard Gowan recently wrote in Foreign Affairs that the war threatened the U.N.")
    assert got["Foreign Affairs"][0] == "organization"


@pytest.mark.integration
def test_things_counted_or_listed_with_things_are_no_actors(parse):
    got = found(parse, "Ukraine should receive more HIMARS and other modern weapons. After the attacks with "
                       "missiles and Shaheds, the city was calm.")
    assert "HIMARS" not in got and "Shaheds" not in got


@pytest.mark.integration
def test_a_collective_of_states_is_not_one_actor(parse):
    got = found(parse, "The Baltic States and Poland have urged more sanctions, and the Gulf countries stayed silent.")
    assert "Baltic States" not in got and "Gulf countries" not in got
    assert got["Poland"] == ("state", "kb:POL")


@pytest.mark.integration
def test_a_demonym_before_a_title_and_its_holder_is_an_adjective(parse):
    got = found(parse, "French President Emmanuel Macron spoke to reporters, and German troops moved east.")
    assert "French" not in got
    assert got["Emmanuel Macron"][1] == "kb:person:emmanuel-macron"
    assert got["German troops"][1] == "kb:DEU"


@pytest.mark.integration
def test_a_misspelt_surname_follows_the_known_person_its_full_name_spells(parse):
    got = found(parse, "In 2019 Wołodymyr Zelnski became president. Since then Zelanski has banned the party.")
    assert got["Zelanski"][1] == got["Wołodymyr Zelnski"][1] == "kb:person:volodymyr-zelenskyy"


@pytest.mark.integration
def test_a_river_is_not_a_holder_with_a_similar_given_name(parse):
    got = found(parse, "Tokyo and Seoul, which buy little Mekong rice, welcomed the pact.", dt.date(2026, 3, 9))
    assert got.get("Mekong", ("", ""))[0] != "person"


@pytest.mark.integration
def test_a_generic_body_name_is_the_body_of_the_state_the_report_is_about(parse):
    got = found(parse, "Ukraine's army held the line near Kyiv. Ukraine will fight on. We heard the Head of the "
                       "Foreign Intelligence Service Oleksandr Lytvynenko on Ukraine.")
    assert got["Foreign Intelligence Service"][1] == "kb:UKR.SZRU"


@pytest.mark.integration
def test_an_untagged_full_name_beside_a_title_is_a_person(parse):
    got = found(parse, "The Russian observer met the Lao commerce minister, Somsack Phommachanh, on Monday.")
    assert got["Somsack Phommachanh"][0] == "person"


@pytest.mark.integration
def test_a_name_ending_in_a_plural_region_noun_is_a_place(parse):
    got = found(parse, "Fighting spread from Crimea into parts of Donetsk and Luhansk Oblasts that spring.")
    assert got["Luhansk Oblasts"][0] == "place"


@pytest.mark.integration
def test_a_capital_listed_among_towns_is_a_city_but_one_that_speaks_is_its_state(parse):
    got = found(parse, "The choir has sung for audiences in London, Nairobi, Mombasa and Kisumu since 2019.")
    assert got["Nairobi"] == ("place", "kb:place:nairobi")
    assert not any(kind == "state" for kind, _ in got.values())
    got = found(parse, "Nairobi said on Monday that it would not sign the deal.")
    assert got["Nairobi"] == ("state", "kb:KEN")


@pytest.mark.integration
def test_a_capital_before_the_noun_of_an_event_or_institution_is_the_city(parse):
    got = found(parse, "Athletes from Kenya will run in the Paris Games, said a researcher at a Berlin think tank. "
                       "A Moscow court jailed the organiser, and Moscow officials declined to comment.")
    assert got["Paris"] == ("place", "kb:place:paris") and got["Berlin"] == ("place", "kb:place:berlin")
    doc = parse("A Moscow court jailed the organiser, and Moscow officials declined to comment.", published=DAY)
    assert [m.type for m in doc._.mentions if m.text == "Moscow"] == ["place", "state"]
    doc = parse("Protesters gathered at the Lima city hall, a former Lima correspondent wrote in a Lima-based "
                "weekly, and Lima officials promised talks.", published=DAY)
    assert [m.entity for m in doc._.mentions if m.text.startswith("Lima")] == ["kb:place:lima"] * 3 + ["kb:PER"]


@pytest.mark.integration
def test_what_another_state_once_was_is_no_actor_but_a_state_itself_is(parse):
    got = found(parse, "Moldova, a former Soviet republic, held an election on Sunday. The Soviet state collapsed in "
                       "1991, and the Russian state now claims its place.")
    assert [m.text for m in parse("Moldova, a former Soviet republic, voted.", published=DAY)._.mentions] == ["Moldova"]
    assert got["Soviet"] == ("state", "kb:SUN") and got["Russian"] == ("state", "kb:RUS")


@pytest.mark.integration
def test_a_states_finance_ministry_named_by_its_adjective_is_its_treasury(parse):
    got = found(parse, "In 2021 the American Ministry of Finance froze the accounts of the mining company.")
    assert got["American Ministry of Finance"] == ("organization", "kb:USA.TREASURY")
