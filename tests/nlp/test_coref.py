"""Resolution of "who", pronouns and definite descriptions to named actors, on sentences written for the tests."""

import datetime as dt

import pytest

from storyline.nlp.coref import antecedent

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def resolve(parse):
    def run(text: str, target: str, nth: int = 0):
        doc = parse(text, published=dt.date(2024, 5, 1))
        at = -1
        for _ in range(nth + 1):
            at = text.index(target, at + 1)
        found = antecedent(doc, doc.char_span(at, at + len(target)))
        return found.text if found is not None else None

    return run


@pytest.mark.parametrize("text, target, expected", [
    ("Chancellor Olaf Scholz, who met the Polish president on Monday, said the plan was sound.", "who", "Olaf Scholz"),
    ("The army chief, General Tomas Varga, who leads the talks, said the truce would hold.", "who", "Tomas Varga"),
])
def test_relative_who_is_the_clause_head(resolve, text, target, expected):
    assert resolve(text, target) == expected


def test_appositive_description_is_the_name(resolve):
    text = "Maria Keller, a spokeswoman for the agency, said supplies were running out."
    assert resolve(text, "a spokeswoman for the agency") == "Maria Keller"


@pytest.mark.parametrize("text, target, expected", [
    ("The International Atomic Energy Agency sent inspectors to the plant. The agency said the reactor was stable.",
     "The agency", "International Atomic Energy Agency"),
    ("Canada's Department of National Defence confirmed the drills. The ministry said 4,000 troops took part.",
     "The ministry", "Department of National Defence"),
])
def test_definite_description_takes_an_organisation_named_earlier(resolve, text, target, expected):
    assert resolve(text, target) == expected


@pytest.mark.parametrize("text, target, expected", [
    # a paramilitary "Forces" is not the army: the army is the state's armed forces named before it
    ("The Bolivarian Armed Forces clashed with the paramilitary Southern Defence Forces near the port on "
     "Tuesday. The Southern Defence Forces said they had taken the customs house. The army denied it.",
     "The army", "Bolivarian Armed Forces"),
    ("The Northern Liberation Forces said they had taken the bridge. The army denied it.", "The army", None),
])
def test_army_is_never_a_paramilitary_named_forces(resolve, text, target, expected):
    assert resolve(text, target) == expected


@pytest.mark.parametrize("text, target, expected", [
    # the outlet that reports is not the body the report is about
    ("Reuters reported that a fire broke out at the refinery. The company said no one was hurt.", "The company", None),
    ("The Kyiv Post reported the strike first. The ministry said the shelter held.", "The ministry", None),
    # but a description of an outlet still finds it
    ("The Daily Nation published the leaked memo. The newspaper said it stood by its story.", "The newspaper",
     "Daily Nation"),
])
def test_definite_description_never_takes_a_news_outlet_for_another_body(resolve, text, target, expected):
    assert resolve(text, target) == expected


def test_she_and_he_follow_gender_cues_and_subjects(resolve):
    text = "Prime Minister Anna Lindqvist met Mr Jonas Berg in Oslo. She said the talks were useful."
    assert resolve(text, "She") == "Anna Lindqvist"
    text = "Mr Jonas Berg met Anna Lindqvist, the prime minister. He said the talks were useful."
    assert resolve(text, "He") == "Jonas Berg"


def test_it_is_an_organisation_not_a_person(resolve):
    assert resolve("NATO said it would send more ships to the Baltic Sea.", "it") == "NATO"
    assert resolve("Tomas Varga said the World Health Organization had lost contact with its teams.", "its") \
        == "World Health Organization"


def test_nothing_to_refer_to_is_none(resolve):
    assert resolve("It was raining when the talks began.", "It") is None
    assert resolve("The ministry said nothing about the talks.", "The ministry") is None


@pytest.mark.parametrize("text, target, expected", [
    # an office given earlier with the name, then the office alone
    ("Kenyan President William Ruto toured the flooded valley on Sunday. The president said roads would reopen.",
     "The president", "William Ruto"),
    ("General Halima Osei inspected the dam. Hours later the general ordered an evacuation.",
     "the general", "Halima Osei"),
    # the narrower office decides between two office-holders
    ("Foreign Minister Jan Novak met Defence Minister Eva Horak. The foreign minister said talks would go on.",
     "The foreign minister", "Jan Novak"),
    # a leader is whoever holds the country's top office
    ("Prime Minister Sofia Lindqvist addressed parliament. The Swedish leader said the strike must end.",
     "The Swedish leader", "Sofia Lindqvist"),
    # a name written inside the description itself
    ("Later the head of the port authority Tariq Haddad said the cranes were idle.",
     "the head of the port authority Tariq Haddad", "Tariq Haddad"),
    # a capitalised title in apposition, and one the parser left unjoined from the name after its comma
    ("The Chairman of the Senate Finance Committee, Senator Maria Delgado, opened the hearing. Delgado later "
     "welcomed the vote. The head of the Senate Finance Committee said the budget would pass.",
     "The head of the Senate Finance Committee", "Maria Delgado"),
    ("That is according to the Chairman of the Port Commission, Captain Ivo Marek, who toured the docks. "
     "Marek praised the crews. The head of the Port Commission said the berths would reopen.",
     "The head of the Port Commission", "Ivo Marek"),
])
def test_office_description_is_its_holder(resolve, text, target, expected):
    assert resolve(text, target) == expected


def test_office_description_without_a_holder_stays_unresolved(resolve):
    # nobody was named a mayor: "the mayor" is not the governor named before
    text = "Governor Paulo Reis visited the town. The mayor said the water had receded."
    assert resolve(text, "The mayor") is None
