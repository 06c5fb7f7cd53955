"""Figures end to end on a report of our own about a cocoa harvest hit by disease: a change from one level to
another, prices per tonne and per kilogram in two currencies, a gapped clause ("310 millimetres in April and
180 in May"), a part of a counted whole ("Of the 1,200 cooperatives ..., 430"), a weight in pounds beside a
sum in dollars, a spelled number and a level said by a verb with no subject of its own."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration

# Invented: the figures and the bodies' statements are fictional; Ghana, Ivory Coast and their places are real.
REPORT = (
    "Ghana's cocoa board said on Monday that the main-crop harvest had fallen from 750,000 tonnes to about "
    "480,000 tonnes after swollen shoot disease spread through the Western North region. "
    "The farm-gate price rose to 48,000 cedis per tonne, while in Ivory Coast growers were paid 1,800 CFA francs "
    "a kilogram, according to the two regulators. "
    "Rainfall in Sefwi Wiawso was 310 millimetres in April and 180 in May, the meteorological agency said. "
    "Of the 1,200 cooperatives surveyed by the farmers' union, 430 said they could not buy fertiliser. "
    "Between 60,000 and 75,000 hectares of trees will have to be cut down and replanted, the board estimated. "
    "A sack of beans weighing 140 pounds now fetches more than $900 on the border, smugglers told reporters. "
    "Twelve thousand five hundred workers have been laid off at grinding plants since January. "
    "The number of licensed buyers has shrunk this season to stand at 112."
)


@pytest.fixture(scope="module")
def found():
    from storyline import extract_figures

    return {f.text: f for f in extract_figures(REPORT, published="2026-06-02")}


def test_cocoa_every_figure_and_nothing_else(found):
    # "Monday", "April", "May", "January" are dates, "Western North" a name: none of them is a figure
    assert sorted(found) == sorted([
        "750,000 tonnes", "about 480,000 tonnes", "48,000 cedis per tonne", "1,800 CFA francs a kilogram",
        "310 millimetres", "180", "1,200 cooperatives", "430", "Between 60,000 and 75,000 hectares", "140 pounds",
        "more than $900", "Twelve thousand five hundred workers", "112"])


def test_cocoa_a_change_is_the_new_level_with_the_old_one(found):
    change, old = found["about 480,000 tonnes"], found["750,000 tonnes"]
    assert (change.value, change.change_from, change.unit) == (480000, 750000, "metric ton")
    assert (old.value, old.stage, old.unit, old.attributed_text) == (750000, "previous", "metric ton", "Ghana's cocoa board")
    assert change.attributed_text == "Ghana's cocoa board"
    assert change.date == "2026-06-01"  # "on Monday", before the publication date's Tuesday


def test_cocoa_prices_in_two_currencies_with_their_rates(found):
    cedis, francs = found["48,000 cedis per tonne"], found["1,800 CFA francs a kilogram"]
    assert (cedis.counts, cedis.unit) == ("money:GHS per metric ton", "ghanaian cedi per metric ton")
    assert (francs.counts, francs.unit) == ("money:XOF per kilogram", "west african cfa franc per kilogram")
    assert found["more than $900"].counts == "money:USD" and found["more than $900"].qualifier == "more than"


def test_cocoa_a_gapped_clause_keeps_the_unit_and_takes_its_own_month(found):
    first, second = found["310 millimetres"], found["180"]
    assert (first.counts, first.date) == ("unit:millimetre", "2026-04")
    assert (second.value, second.counts, second.unit, second.date) == (180, "unit:millimetre", "millimetre", "2026-05")
    assert second.attributed_text == "the meteorological agency"


def test_cocoa_a_part_counts_what_its_whole_counts(found):
    assert (found["430"].counts, found["430"].unit) == (found["1,200 cooperatives"].counts, "cooperative")


def test_cocoa_pounds_after_a_word_of_weight_are_a_mass(found):
    assert (found["140 pounds"].counts, found["140 pounds"].unit) == ("unit:pound-mass", "pound-mass")


def test_cocoa_spelled_numbers_ranges_and_a_level_after_a_subjectless_verb(found):
    assert found["Twelve thousand five hundred workers"].value == 12500
    band = found["Between 60,000 and 75,000 hectares"]
    assert (band.value, band.low, band.high, band.unit) == (None, 60000, 75000, "hectare")
    assert band.attributed_text == "the board"
    # "The number of licensed buyers ... to stand at 112": the verb "stand" says its governor's subject's level
    assert (found["112"].counts, found["112"].unit) == ("other", "buyer")
