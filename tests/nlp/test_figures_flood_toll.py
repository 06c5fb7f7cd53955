"""Figures end to end on a report of our own about a flood's economic toll: areas, rainfall, levels,
money in two currencies with scale suffixes and ranges, casualties, shares, a change of a rate."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration

# Invented: the flood, its figures and the bodies' statements are fictional; the river and towns are real.
REPORT = (
    "Floodwaters along the Sava river have cut the harvest across about 42,000 hectares of farmland, the "
    "agriculture ministry said on Thursday, putting the losses to growers at between €180 million and €210 million. "
    "The national water agency recorded 118 millimetres of rain in 36 hours at its gauge near Slavonski Brod, and "
    "the river peaked at 9.4 metres, 1.2 metres above the 2014 record. "
    "At least 14 people died and more than 6,500 residents were forced to leave their homes, according to the "
    "civil protection directorate. "
    "The World Bank estimated on Friday that repairs to roads, bridges and pumping stations would cost roughly "
    "$350m. "
    "Power was cut to nearly 31,000 households, and the regional utility said about 12% of its lines remained down. "
    "Dairy farmers said milk collection fell from 1.1 million litres a day to 640,000 litres a day, and feed "
    "prices rose 18 percent in a week. "
    "The government pledged aid of 2,000 euros per household and a further €25m for small businesses, on top of "
    "tens of thousands of sandbags sent by neighbouring states."
)


@pytest.fixture(scope="module")
def found():
    from storyline import extract_figures

    return {f.text: f for f in extract_figures(REPORT, published="2026-05-15")}


def test_flood_toll_every_figure_and_nothing_else(found):
    # "2014" is a year, "Thursday"/"Friday" dates: none of them is a figure
    assert sorted(found) == sorted([
        "about 42,000 hectares", "between €180 million and €210 million", "118 millimetres", "36 hours",
        "9.4 metres", "1.2 metres", "At least 14 people", "more than 6,500 residents", "roughly $350m",
        "nearly 31,000 households", "about 12%", "1.1 million litres a day", "640,000 litres a day",
        "18 percent",
        "2,000 euros per household", "€25m", "tens of thousands of sandbags"])


def test_flood_toll_values_qualifiers_and_bands(found):
    assert (found["about 42,000 hectares"].value, found["about 42,000 hectares"].qualifier) == (42000, "about")
    band = found["between €180 million and €210 million"]
    assert (band.value, band.low, band.high) == (None, 180e6, 210e6)
    assert (found["roughly $350m"].value, found["roughly $350m"].qualifier) == (350e6, "about")
    assert found["€25m"].value == 25e6
    vague = found["tens of thousands of sandbags"]
    assert (vague.value, vague.low, vague.high) == (None, 20000, 99999)
    assert (found["At least 14 people"].qualifier, found["more than 6,500 residents"].qualifier) == (
        "at least", "more than")


def test_flood_toll_what_each_figure_counts(found):
    counts = {text: (f.counts, f.unit) for text, f in found.items()}
    assert counts["about 42,000 hectares"] == ("unit:hectare", "hectare")
    assert counts["between €180 million and €210 million"] == ("money:EUR", "euro")
    assert counts["roughly $350m"] == ("money:USD", "dollar")
    assert counts["118 millimetres"] == ("unit:millimetre", "millimetre")
    assert counts["36 hours"] == ("hours", "hour")
    assert counts["9.4 metres"] == ("unit:metre", "metre")
    assert counts["At least 14 people"] == ("killed", "people")
    assert counts["more than 6,500 residents"] == ("displaced", "resident")
    assert counts["nearly 31,000 households"][1] == "household"
    assert counts["about 12%"] == ("percent", "percent")
    assert counts["2,000 euros per household"] == ("money:EUR per household", "euro per household")
    assert counts["tens of thousands of sandbags"][1] == "sandbag"


def test_flood_toll_a_change_of_a_daily_rate_is_the_new_level_after_the_old_one(found):
    assert (found["1.1 million litres a day"].value, found["1.1 million litres a day"].stage) == (1.1e6, "previous")
    change = found["640,000 litres a day"]
    assert (change.value, change.change_from, change.counts, change.unit) == (
        640000, 1.1e6, "unit:litre per day", "litre per day")
