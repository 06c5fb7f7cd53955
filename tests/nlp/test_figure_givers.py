"""Whose a sent or pledged figure is when its verb has no subject of its own, and polls' shares of
respondents that are no source (nlp/figures.py), on sentences written for the tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration


def _figure(doc, number: str):
    found = [f for f in doc._.figures if number in f.text]
    assert found, [f.text for f in doc._.figures]
    return found[0]


@pytest.mark.parametrize("text, number, owner", [
    ("Norway has agreed to send 12 rescue boats to the flooded districts.", "12", "Norway"),
    ("Chile is expected to deploy 800 firefighters next week.", "800", "Chile"),
    ("The mayor urged Canberra to send 300 engineers before the rains return.", "300", "Canberra"),
    ("Japan has committed to providing $40 million in reconstruction aid.", "$40", "Japan"),
    ("Portugal wants to continue to supply 20 water pumps a month.", "20", "Portugal"),
    ("Norway made a pledge to send 40 pumps to the delta.", "40", "Norway"),
    ("The council criticised Chile's decision to deploy 300 firefighters.", "300", "Chile"),
    ("On Monday, Singapore announced a plan to invest $2 billion in flood barriers.", "$2", "Singapore"),
    ("The Chilean Interior Ministry announced its intent to recruit 900 new firefighters.", "900",
     "Chilean Interior Ministry"),
])
def test_a_verb_without_its_own_subject_takes_its_controllers(parse, text, number, owner):
    assert _figure(parse(text), number).subject_text == owner


def test_a_verb_with_its_own_subject_keeps_it(parse):
    doc = parse("Peru asked for help after Bolivia sent 40 pumps.")
    assert _figure(doc, "40").subject_text == "Bolivia"


@pytest.mark.parametrize("text, giver", [
    # the respondents give nothing; the survey the sentence names gives what they say
    ("In the new survey, 61 percent say the council is spending too little on roads, while 30 percent disagree.",
     "the new survey"),
    ("About 3 in 4 residents, or 74 percent, say they are worried about flooding.", None),
    ("The scheme has support from 55 percent of tenants and 40 percent of owners saying they would join.", None),
])
def test_shares_of_respondents_give_no_figure(parse, text, giver):
    doc = parse(text)
    assert doc._.figures
    assert all(f.attributed_text == giver for f in doc._.figures), [(f.text, f.attributed_text) for f in doc._.figures]


def test_a_named_giver_of_a_share_is_kept(parse):
    doc = parse("The election commission said 64 percent of voters took part.")
    assert "commission" in (_figure(doc, "64").attributed_text or "")


@pytest.mark.parametrize("text, number, owner", [
    ("As of Friday, Peru's army said Bolivia had lost nearly 2,000 soldiers, more than 90 trucks, "
     "and around 40 artillery pieces.", "40", "Bolivia"),
    ("As of Friday, Peru's army said Bolivia had lost nearly 2,000 soldiers, more than 90 trucks, "
     "and around 40 artillery pieces.", "90", "Bolivia"),
    ("Canada sent 200 tents, 40 generators and 12 water trucks to the valley.", "12", "Canada"),
    ("Canada sent 200 tents, 40 generators and 12 water trucks to the valley.", "40", "Canada"),
])
def test_every_item_of_a_list_is_the_first_items_owners(parse, text, number, owner):
    assert _figure(parse(text), number).subject_text == owner


@pytest.mark.parametrize("text, number, owner", [
    ("According to the army, Chilean losses include 4,120 soldiers killed along with the destruction of "
     "61 tanks and 90 armored vehicles.", "61", "Chilean"),
    ("According to the army, Chilean losses include 4,120 soldiers killed along with the destruction of "
     "61 tanks and 90 armored vehicles.", "90", "Chilean"),
    ("Peru's losses stood at 12 aircraft and 300 trucks, the ministry said.", "300", "Peru"),
])
def test_items_a_sides_losses_list_are_that_sides(parse, text, number, owner):
    assert _figure(parse(text), number).subject_text == owner


def test_a_flood_that_destroys_things_owns_nothing(parse):
    doc = parse("The flood destroyed 61 bridges and 900 homes.")
    assert all(f.subject_text is None for f in doc._.figures)


def test_a_continents_adjective_owns_nothing_and_a_states_does(parse):
    doc = parse("Eight other African nations did not vote, and 40 Peruvian soldiers joined the 28 European states.")
    assert _figure(doc, "Eight").subject_text is None
    assert _figure(doc, "28").subject_text is None
    assert _figure(doc, "40").subject is not None


def test_a_sum_one_only_plans_to_give_is_its_own_but_not_its_word(parse):
    planned = _figure(parse("Japan plans to give $40 million in reconstruction aid."), "$40")
    assert (planned.subject_text, planned.attributed_text) == ("Japan", None)
    given = _figure(parse("Japan gave $40 million in reconstruction aid."), "$40")
    assert (given.subject_text, given.attributed_text) == ("Japan", "Japan")


@pytest.mark.parametrize("text, number, owner", [
    ("Norway has donated $80 million to the dam's repair, including $12 million for new turbines.", "$12", "Norway"),
])
def test_a_part_of_a_sides_sum_is_that_sides(parse, text, number, owner):
    assert _figure(parse(text), number).subject_text == owner


def test_a_repeat_of_a_sides_figure_and_its_parts_are_that_sides(parse):
    doc = parse("Chile will station 600 more firefighters in the valley. The 600 firefighters include 450 "
                "volunteers and 150 who serve in the army.")
    assert [(f.value, f.subject_text) for f in doc._.figures] == [
        (600, "Chile"), (600, "Chile"), (450, "Chile"), (150, "Chile")]


def test_a_repeat_of_a_figure_without_a_side_takes_none(parse):
    doc = parse("The storm damaged 300 homes in the valley. The 300 homes include 40 farmhouses.")
    assert all(f.subject_text is None for f in doc._.figures)


def test_a_level_a_verb_brings_a_sides_quantity_to_is_that_sides(parse):
    doc = parse("The new grant brings Norway's spending on the flood relief to $95 million.")
    assert _figure(doc, "$95").subject_text == "Norway"


def test_one_who_asks_another_to_give_owns_nothing(parse):
    assert _figure(parse("Peru rejected a request to send 30 boats."), "30").subject_text is None


def test_a_make_or_a_model_before_a_thing_owns_nothing(parse):
    doc = parse("Madrid said that Spain would give Chile six Caesar artillery systems and 50 Bradley fighting vehicles.")
    assert [(f.value, f.subject_text) for f in doc._.figures] == [(6, "Spain"), (50, "Spain")]
    doc = parse("The alliance moved 30 NATO jets to the base.")
    assert _figure(doc, "30").subject_text == "NATO"  # an actor's name before a thing is its owner


@pytest.mark.parametrize("text, number, giver", [
    # a gift is announced by its donor
    ("Norway pledged 4 million dollars for shelter, and Canada offered 2 million dollars.", "4 million", "Norway"),
    ("Norway pledged 4 million dollars for shelter, and Canada offered 2 million dollars.", "2 million", "Canada"),
    # who votes, approves or signs a sum gives no figure by that act
    ("The senate approved a 30 million dollar grant for the flooded districts.", "30 million", None),
    ("President Ana Ruiz signed the 20 billion dollar package on Tuesday.", "20 billion", None),
])
def test_a_donor_gives_its_gift_and_an_approver_gives_nothing(parse, text, number, giver):
    assert _figure(parse(text), number).attributed_text == giver
