"""Figures end to end on a report of our own about a hailstorm's damage bill in a wine region: a fraction
of a crop, a range of a sum in a currency named only by the dateline's country, the same sum in dollars, a
spelled number, money per hectare and per resident, aid sent by a neighbour in a list of three items under
a verb with no subject of its own, people hurt, a half of a counted whole, and two donors' pledges in two
currencies in one gapped clause beside an approximate range of volunteers, and a third donor's part of its
own sum and the sum of a plan it announced."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration

# Invented: the storm, the sums and the statements are fictional; Mendoza, the Uco Valley and Tupungato are real.
REPORT = (
    "MENDOZA, Argentina (Feb 10) — A hailstorm that swept across the Uco Valley on Saturday destroyed about "
    "two-thirds of the grapes still on the vines, the provincial agriculture ministry said on Monday. "
    "The ministry put the damage at between 9 billion and 12 billion pesos, roughly $10 million at the official rate. "
    "Forty-two wineries reported losses, and 1,350 hectares were hit, according to the growers' federation. "
    "Insurers will pay out around 4,500 pesos per hectare on average, a fraction of what replanting costs. "
    "In Tupungato, the hardest-hit department, losses came to almost 180,000 pesos per resident, the mayor said. "
    "Chile's government has agreed to send 30 tonnes of netting, 15 tractors and 8 water tankers. "
    "Three people were hurt by falling ice, and half of the town's greenhouses lost their roofs. "
    "Rainfall reached 64 mm in under an hour, twice the monthly average. "
    "Uruguay pledged $2 million and Spain up to €1.5 million for replanting, while some 200 to 250 volunteers "
    "joined the clean-up. "
    "Brazil has donated $3 million to the growers, including $800,000 for hail nets, and Brasília announced a "
    "plan to invest $5 million in weather radar."
)


@pytest.fixture(scope="module")
def found():
    from storyline import extract_figures

    return {f.text: f for f in extract_figures(REPORT, published="2026-02-10")}


def test_hailstorm_every_figure_and_nothing_else(found):
    # "Feb 10", "Saturday", "Monday" are dates; "twice the monthly average" and "under an hour" are no counts
    assert sorted(found) == sorted([
        "about two-thirds", "between 9 billion and 12 billion pesos", "roughly $10 million",
        "Forty-two wineries", "1,350 hectares", "around 4,500 pesos per hectare", "almost 180,000 pesos per resident",
        "30 tonnes", "15 tractors", "8 water tankers", "Three people", "half", "64 mm",
        "$2 million", "up to €1.5 million", "some 200 to 250 volunteers", "$3 million", "$800,000", "$5 million"])


def test_hailstorm_a_fraction_of_the_crop_with_its_giver_and_day(found):
    share = found["about two-thirds"]
    assert (round(share.value, 1), share.counts, share.qualifier) == (66.7, "percent", "about")
    assert share.attributed_text == "the provincial agriculture ministry"
    assert share.date == "2026-02-09"  # "said on Monday": the Monday before the Tuesday report


def test_hailstorm_pesos_are_the_datelines_and_dollars_stay_dollars(found):
    bill = found["between 9 billion and 12 billion pesos"]
    assert (bill.value, bill.low, bill.high, bill.counts) == (None, 9e9, 12e9, "money:ARS")
    dollars = found["roughly $10 million"]
    assert (dollars.value, dollars.counts, dollars.qualifier) == (1e7, "money:USD", "about")


def test_hailstorm_money_per_hectare_and_per_resident(found):
    per_hectare, per_resident = found["around 4,500 pesos per hectare"], found["almost 180,000 pesos per resident"]
    assert (per_hectare.value, per_hectare.counts, per_hectare.unit) == (
        4500, "money:ARS per hectare", "argentine peso per hectare")
    assert (per_resident.value, per_resident.qualifier, per_resident.unit) == (
        180000, "nearly", "argentine peso per resident")
    assert per_resident.attributed_text == "the mayor"


def test_hailstorm_spelled_number_and_area_with_their_giver(found):
    wineries, area = found["Forty-two wineries"], found["1,350 hectares"]
    assert (wineries.value, wineries.unit) == (42, "winery")
    assert (area.value, area.unit) == (1350, "hectare")
    assert wineries.attributed_text == area.attributed_text == "the growers' federation"


def test_hailstorm_every_item_of_the_aid_is_the_senders(found):
    items = [found["30 tonnes"], found["15 tractors"], found["8 water tankers"]]
    assert [f.subject_text for f in items] == ["Chile", "Chile", "Chile"]
    assert (items[0].value, items[0].unit) == (30, "metric ton")


def test_hailstorm_people_hurt_and_half_of_a_whole(found):
    hurt, half = found["Three people"], found["half"]
    assert (hurt.value, hurt.counts) == (3, "wounded")
    assert (half.value, half.counts) == (50, "percent")
    assert (found["64 mm"].value, found["64 mm"].unit) == (64, "millimetre")


def test_hailstorm_the_ministry_that_puts_the_damage_at_a_sum_gives_it(found):
    assert found["between 9 billion and 12 billion pesos"].attributed_text == "The ministry"


def test_hailstorm_two_donors_pledge_in_two_currencies_in_one_gapped_clause(found):
    dollars, euros = found["$2 million"], found["up to €1.5 million"]
    assert (dollars.value, dollars.counts, dollars.subject_text, dollars.attributed_text) == (
        2e6, "money:USD", "Uruguay", "Uruguay")
    # "and Spain up to €1.5 million": the verb is said once; Spain pledges the second sum
    assert (euros.value, euros.qualifier, euros.counts, euros.subject_text) == (1.5e6, "up to", "money:EUR", "Spain")


def test_hailstorm_an_approximate_range_of_volunteers(found):
    volunteers = found["some 200 to 250 volunteers"]
    # "some" on a range: the range already says it is approximate
    assert (volunteers.value, volunteers.low, volunteers.high, volunteers.qualifier) == (None, 200, 250, None)
    assert volunteers.unit == "volunteer"


def test_hailstorm_a_part_of_a_donors_sum_and_a_planned_sum_are_the_donors(found):
    whole, part, planned = found["$3 million"], found["$800,000"], found["$5 million"]
    assert (whole.subject_text, whole.attributed_text) == ("Brazil", "Brazil")
    # "including $800,000 for hail nets": part of Brazil's sum, said in the report's voice
    assert (part.value, part.counts, part.subject_text, part.attributed_text) == (8e5, "money:USD", "Brazil", None)
    # "announced a plan to invest": the plan's owner is the investor, and its announcement gives the sum
    assert (planned.value, planned.subject_text, planned.attributed_text) == (5e6, "Brasília", "Brasília")
