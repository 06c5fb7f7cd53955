"""Figures end to end on a report of our own about a volcanic eruption and the evacuation that followed:
a change of a count of displaced people given as a share and as a number, a bare level after it, a depth,
a fraction of an area, a toll with a spelled number the parse leaves without its verb, soldiers and
warships deployed, a daily rate, a range of damage in rupiah and the same range in dollars, a donor's
total in euros, money per person, and armoured vehicles."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration

# Invented: the eruption's toll, the sums and the statements are fictional; Manado and Mount Ruang are real.
REPORT = (
    "MANADO, Indonesia (May 14) — The eruption of Mount Ruang on Sunday forced the evacuation of 26 villages, "
    "and the number of people displaced rose by 3%, or 2,100 people, to reach 71,000, the disaster agency said on Tuesday. "
    "Ash up to 40 cm deep covered roughly a third of the island's farmland. "
    "Four people were killed by falling rocks and twenty-one were injured. "
    "The army deployed 1,800 soldiers and three navy corvettes, which carried some 400 residents a day to the mainland. "
    "The agency put the damage at between 2 trillion and 2.5 trillion rupiah, about $125 million to $155 million. "
    "The European Union has committed to sending the province a total of €4.5 million in emergency aid. "
    "Families will receive 1.2 million rupiah per person for each month spent away, the governor said. "
    "Twelve armoured vehicles were sent to clear the coastal road."
)


@pytest.fixture(scope="module")
def found():
    from storyline import extract_figures

    return {f.text: f for f in extract_figures(REPORT, published="2026-05-14")}


def test_eruption_every_figure_and_nothing_else(found):
    # "May 14", "Sunday", "Tuesday" and "each month" are dates or periods, not counts
    assert sorted(found) == sorted([
        "26 villages", "3%", "2,100 people", "71,000", "up to 40 cm", "roughly a third",
        "Four people", "twenty-one", "1,800 soldiers", "three navy corvettes", "some 400 residents a day",
        "between 2 trillion and 2.5 trillion rupiah", "about $125 million to $155 million", "€4.5 million",
        "1.2 million rupiah per person", "Twelve armoured vehicles"])


def test_eruption_people_as_a_step_of_the_displaced_count_are_displaced(found):
    step = found["2,100 people"]
    assert (step.value, step.counts, step.attributed_text, step.date) == (
        2100, "displaced", "the disaster agency", "2026-05-12")
    assert found["3%"].counts == "percent"


def test_eruption_the_level_after_the_step_is_displaced_too(found):
    # the parse hangs "to reach 71,000" on "2,100 people" as a clause of its own: the level counts what the step counts
    level = found["71,000"]
    assert (level.counts, level.attributed_text) == ("displaced", "the disaster agency")


def test_eruption_depth_share_and_toll(found):
    depth, share = found["up to 40 cm"], found["roughly a third"]
    assert (depth.value, depth.qualifier, depth.unit) == (40, "up to", "centimetre")
    assert (round(share.value, 1), share.counts, share.qualifier) == (33.3, "percent", "about")
    killed, hurt = found["Four people"], found["twenty-one"]
    assert (killed.value, killed.counts) == (4, "killed")
    assert (hurt.value, hurt.counts) == (21, "wounded")  # the parse joins it to "rocks"; its verb follows


def test_eruption_forces_warships_and_vehicles(found):
    assert (found["1,800 soldiers"].counts, found["three navy corvettes"].counts) == ("troops", "ships")
    assert (found["Twelve armoured vehicles"].value, found["Twelve armoured vehicles"].counts) == (12, "vehicles")
    daily = found["some 400 residents a day"]
    assert (daily.value, daily.qualifier, daily.unit) == (400, "about", "resident per day")


def test_eruption_damage_in_two_currencies_with_its_giver(found):
    rupiah, dollars = found["between 2 trillion and 2.5 trillion rupiah"], found["about $125 million to $155 million"]
    assert (rupiah.low, rupiah.high, rupiah.counts) == (2e12, 2.5e12, "money:IDR")
    assert (dollars.low, dollars.high, dollars.counts) == (1.25e8, 1.55e8, "money:USD")
    assert rupiah.attributed_text == dollars.attributed_text == "The agency"


def test_eruption_a_donors_total_and_money_per_person(found):
    total = found["€4.5 million"]
    assert (total.value, total.counts, total.subject_text, total.stage) == (4.5e6, "money:EUR", "European Union", "total")
    per_person = found["1.2 million rupiah per person"]
    assert (per_person.value, per_person.unit, per_person.attributed_text) == (
        1.2e6, "indonesian rupiah per person", "the governor")
