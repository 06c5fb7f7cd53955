"""Figures end to end on a report of our own about a drought's toll on harvests, herds and prices:
areas, money in a local currency and in dollars, a price change, ranges, spelled numbers, shares,
a daily rate, dead livestock (no human toll) and a sum converted in brackets."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration

# Invented: the drought's figures and the bodies' statements are fictional; Zambia and its places are real.
REPORT = (
    "Zambia's agriculture ministry said on Tuesday that the drought had destroyed about 1.2 million hectares of "
    "maize, nearly half of the planted area. "
    "The price of a 25kg bag of maize meal rose from 180 kwacha to 310 kwacha in six weeks, according to the "
    "Grain Traders Association. "
    "The World Food Programme said it needed $112 million to feed 2.3 million people until the next harvest. "
    "Between 40,000 and 55,000 head of cattle have died in the Southern Province, officials said. "
    "Rainfall in Livingstone was 62 per cent below the long-term average. "
    "Three thousand four hundred farmers have applied for emergency loans of up to 15,000 kwacha each. "
    "Hundreds of boreholes have dried up, and two-thirds of the schools in Sinazongwe have cut lessons to four "
    "hours a day. "
    "The lost crop was worth 2.4 billion ($92m), the farmers' union said."
)


@pytest.fixture(scope="module")
def found():
    from storyline import extract_figures

    return {f.text: f for f in extract_figures(REPORT, published="2026-03-10")}


def test_drought_every_figure_and_nothing_else(found):
    # "Tuesday" is a date, "Southern Province" a name: neither is a figure
    assert sorted(found) == sorted([
        "about 1.2 million hectares", "nearly half", "25kg", "180 kwacha", "310 kwacha", "six weeks",
        "$112 million", "2.3 million people", "Between 40,000 and 55,000 head", "62 per cent",
        "Three thousand four hundred farmers", "up to 15,000 kwacha", "Hundreds of boreholes",
        "two-thirds", "four hours a day", "2.4 billion", "$92m"])


def test_drought_values_spelled_numbers_ranges_and_qualifiers(found):
    assert (found["about 1.2 million hectares"].value, found["about 1.2 million hectares"].qualifier) == (1.2e6, "about")
    assert (found["nearly half"].value, found["nearly half"].counts, found["nearly half"].qualifier) == (
        50, "percent", "nearly")
    assert found["Three thousand four hundred farmers"].value == 3400
    cattle = found["Between 40,000 and 55,000 head"]
    assert (cattle.value, cattle.low, cattle.high) == (None, 40000, 55000)
    boreholes = found["Hundreds of boreholes"]
    assert (boreholes.value, boreholes.low, boreholes.high, boreholes.unit) == (None, 200, 999, "borehole")
    assert (found["two-thirds"].value, found["two-thirds"].counts) == (pytest.approx(200 / 3), "percent")
    assert (found["up to 15,000 kwacha"].value, found["up to 15,000 kwacha"].qualifier) == (15000, "up to")


def test_drought_money_units_and_a_price_change(found):
    price, old = found["310 kwacha"], found["180 kwacha"]
    assert (price.value, price.change_from, price.counts, price.unit) == (310, 180, "money:ZMW", "zambian kwacha")
    assert (old.value, old.change_from, old.stage, old.counts) == (180, None, "previous", "money:ZMW")
    assert (found["$112 million"].value, found["$112 million"].counts) == (112e6, "money:USD")
    assert (found["25kg"].counts, found["25kg"].unit) == ("unit:kilogram", "kilogram")
    assert (found["62 per cent"].counts, found["four hours a day"].unit) == ("percent", "hour per day")
    # the bracket converts the sum to dollars: the sum itself is in some other currency
    assert (found["2.4 billion"].value, found["2.4 billion"].counts) == (2.4e9, "money:unknown")
    assert found["$92m"].counts == "money:USD"


def test_drought_dead_cattle_are_no_human_toll(found):
    assert found["Between 40,000 and 55,000 head"].counts not in ("killed", "casualties")
    assert found["2.3 million people"].counts == "people"


def test_drought_each_figure_has_the_body_that_gives_it(found):
    sources = {text: f.attributed_text for text, f in found.items()}
    assert sources["about 1.2 million hectares"] == "Zambia's agriculture ministry"
    assert sources["180 kwacha"] == sources["310 kwacha"] == "the Grain Traders Association"
    assert sources["$112 million"] == "The World Food Programme"
    assert sources["Between 40,000 and 55,000 head"] == "officials"
