"""Numbers in context (real model): ages of things and of people, signed percents, shares and measures."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration


def figures(parse, text):
    return [(f.text, f.value, f.counts) for f in parse(text)._.figures]


def test_numbers_ages_of_things_and_people_are_figures_but_an_age_in_passing_is_not(parse):
    found = figures(parse, "Engineers inspected the 120-year-old viaduct and a 3,000 years old irrigation canal.")
    assert [(v, c) for _, v, c in found] == [(120, "unit:year of age"), (3000, "unit:year of age")]
    found = figures(parse, "A 27-year-old nurse and a 9-month-old baby were rescued from the roof.")
    assert [(v, c) for _, v, c in found] == [(27, "unit:year of age"), (9, "unit:month of age")]
    for text in ("The mayor, Tomas Lindqvist, 58, said the levee held.",
                 "Farida Haidari, 34, told reporters the clinic had closed."):
        assert figures(parse, text) == [], text


def test_numbers_an_age_said_before_the_number_or_after_be_is_in_years_of_age(parse):
    for text, value in (("The suspect, aged 19, was charged with arson on Tuesday.", 19),
                        ("The striker signed at the age of 17 for a club in Lyon.", 17),
                        ("The miner said he was 63 when the pit closed.", 63)):
        found = parse(text)._.figures
        assert [(f.value, f.counts, f.unit) for f in found] == [(value, "unit:year of age", "year of age")], text
    # the ages that bound a group of people are no figure, as "younger than 30" is not
    found = parse("Pupils aged 11 and 14 were sent home, and residents over the age of 70 lost 40 beds.")._.figures
    assert [(f.value, f.counts) for f in found] == [(40, "other")]
    found = parse("Support is 58 percent among those aged 18 to 29 and 35 percent among those aged 65 and older.")._.figures
    assert [(f.value, f.counts) for f in found] == [(58, "percent"), (35, "percent")]


def test_numbers_a_fraction_said_alone_after_a_percentage_is_a_share(parse):
    found = parse("About 40% of nurses joined the strike, while a fifth stayed at home.")._.figures
    assert [(f.value, f.qualifier, f.counts) for f in found] == [(40, "about", "percent"), (20, None, "percent")]
    found = parse("Wind supplied almost a third of the grid's power, up from a quarter in 2019.")._.figures
    assert [(round(f.value, 1), f.counts) for f in found] == [(33.3, "percent"), (25, "percent")]
    # a fraction that is a time or an ordinal, or with no percentage before it, is no share
    for text in ("Sales rose 5% in a quarter, and the chief executive won a third term.",
                 "Output fell 2% from a quarter earlier.",
                 "The governor, re-elected in May, is serving a third."):
        assert [f.value for f in parse(text)._.figures if f.counts == "percent" and f.value in (25, 100 / 3)] == [], text


def test_numbers_signed_percents_after_index_names_are_figures(parse):
    found = figures(parse, "By noon the Nikkei was +0.6% and the Hang Seng +1.2%.")
    assert [(v, c) for _, v, c in found] == [(0.6, "percent"), (1.2, "percent")]


def test_numbers_decimal_before_a_capitalised_measure_is_no_model_name(parse):
    found = figures(parse, "The club signed the reliever Dan Ortiz (2.1 WAR) in March.")
    assert [v for _, v, _ in found] == [2.1]
    # a whole number before a name stays a name
    assert figures(parse, "The airline grounded its Airbus A320 fleet and a 747 Jumbo.") == []


def test_numbers_shares_written_as_fractions_and_proportions_are_percentages(parse):
    # one convention for every share: "half", "a third", "one in four" read as "50 percent" would
    found = figures(parse, "A third of the island's voters stayed home, one in four farms lost power and half of "
                           "the ferries stopped.")
    assert [(round(v, 1), c) for _, v, c in found] == [(33.3, "percent"), (25.0, "percent"), (50.0, "percent")]
    # a fraction of a unit is a measure in that unit, not a share
    assert [(round(v, 3), c) for _, v, c in figures(parse, "The road runs a third of a mile.")] == [(0.333, "unit:mile")]


def test_numbers_pence_and_a_change_to_a_new_price(parse):
    found = figures(parse, "Shares in the brewer dropped 6.5p to 301p after the profit warning.")
    assert [(v, c) for _, v, c in found] == [(6.5, "money:GBX"), (301, "money:GBX")]


def test_numbers_rates_are_their_own_measure(parse):
    found = figures(parse, "Farmers were paid $410 a tonne for maize, and the river rose 2 metres a day.")
    assert [(v, c) for _, v, c in found] == [(410, "money:USD per metric ton"), (2, "unit:metre per day")]


def test_numbers_a_change_is_the_old_and_the_new_level_and_a_band_after_a_noun_a_range(parse):
    found = parse("The city's flood budget grew from $40 million to $65 million this year.")._.figures
    assert [(f.text, f.value, f.change_from, f.stage, f.counts) for f in found] == [
        ("$40 million", 40e6, None, "previous", "money:USD"), ("$65 million", 65e6, 40e6, None, "money:USD")]
    found = parse("Flats from $300,000 to $450,000 sold fastest in the spring.")._.figures
    assert [(f.value, f.low, f.high, f.change_from) for f in found] == [(None, 300000, 450000, None)]


def test_numbers_a_time_after_the_number_is_not_what_is_counted(parse):
    found = parse("The pitcher's earned run average was 3.9 in May and 2.4 last season.")._.figures
    assert [(f.value, f.unit_text) for f in found if f.value == 2.4] == [(2.4, None)]
    found = parse("Inflation eased to 2.1 last month while 300 weekly flights were cut.")._.figures
    assert [(f.value, f.unit_text) for f in found] == [(2.1, None), (300, "weekly flights")]


def test_numbers_unit_as_written_leaves_out_the_number_and_case_decides_grams(parse):
    found = parse("Gusts of 110km/hr hit the ferry port.")._.figures
    assert [(f.counts, f.unit_text) for f in found] == [("unit:kilometre per hour", "km/hr")]
    found = parse("Each serving holds 12g of sugar, and the 4G mast was switched off.")._.figures
    assert [(f.value, f.counts) for f in found if f.counts and f.counts.startswith("unit:")] == [(12, "unit:gram")]


def test_numbers_counts_the_next_thousand_marked_as_a_date_are_figures(parse):
    found = parse("Officials expect the next nine thousand Chilean miners to arrive by train.")._.figures
    assert [(f.value, f.unit_text) for f in found] == [(9000, "miners")]


def test_numbers_a_clock_time_after_at_is_no_figure_but_a_level_is(parse):
    assert [f.value for f in parse("The flood briefing starts at 14.30 in the town hall.")._.figures] == []
    assert [f.value for f in parse("The lira closed at 18.45 against the dollar.")._.figures] == [18.45]


def test_numbers_a_count_before_a_model_number_is_the_figure(parse):
    found = parse("The airline leased three new 320 Neo jets and 40 Leopard tanks were sold.")._.figures
    assert [(f.value, f.counts) for f in found] == [(3, "aircraft"), (40, "tanks")]


def test_numbers_a_rate_after_a_counted_noun_is_said_with_it(parse):
    found = parse("The lab ran 4,000 swabs per day while 200 ships a week left port.")._.figures
    assert [(f.value, f.counts, f.unit_text, f.text) for f in found] == [
        (4000, "other", "swabs per day", "4,000 swabs per day"), (200, "ships per week", "ships a week", "200 ships a week")]
    found = parse("Prices reached $9 per sq m.")._.figures
    assert [f.unit_text for f in found] == ["$ per sq m"]


def test_numbers_a_time_rate_said_with_each_or_every(parse):
    found = parse("Cholera killed nearly 40 villagers each day, and the plant burned 300 tonnes every week.")._.figures
    assert [(f.value, f.counts, f.unit) for f in found] == [
        (40, "killed per day", "villager per day"), (300, "unit:metric ton per week", "metric ton per week")]
    found = parse("The 12 winners got 5 shares each.")._.figures
    assert [(f.value, f.unit) for f in found][-1] == (5, "share")  # "each" alone is no rate


def test_numbers_a_multiple_counts_times_not_the_noun_after_it(parse):
    found = parse("The insurer trades at 11.5 times earnings after rain fell three times in a week.")._.figures
    assert [(f.value, f.unit_text) for f in found][:2] == [(11.5, "times"), (3, "times")]


def test_numbers_dollars_marked_us_keep_their_rate_through_a_change(parse):
    found = parse("Wheat fell from $310 U.S. per tonne to $275 in the spring.")._.figures
    assert [(f.value, f.change_from, f.counts) for f in found] == [(310, None, "money:USD per metric ton"),
                                                                   (275, 310, "money:USD per metric ton")]


def test_numbers_the_sentence_full_stop_is_not_part_of_the_unit(parse):
    found = parse("The backup drive holds 16 billion b.")._.figures
    assert [(f.value, f.unit_text) for f in found] == [(16e9, "b")]


def test_numbers_a_vote_tally_is_two_counts_but_a_game_score_is_none(parse):
    found = parse("The assembly passed the water bill by a 212-190 vote.")._.figures
    assert [f.value for f in found] == [212, 190]
    assert parse("Ajax won 3-1 at home on Sunday.")._.figures == []


def test_numbers_a_dozen_with_nothing_counted_is_no_figure(parse):
    assert [f.value for f in parse("A baker's dozen sold out by nine.")._.figures] == []
    assert [f.value for f in parse("Police detained a dozen fishermen at the harbour.")._.figures] == [12]


def test_numbers_both_ends_of_an_age_band_are_ages_and_a_calibre_is_a_kind(parse):
    assert parse("Women between the ages of 21 and 45 may volunteer for the reserve.")._.figures == []
    found = parse("The fleet fired 2,000 rounds of 76mm shells while 30 mm of rain fell.")._.figures
    assert [(f.value, f.counts) for f in found] == [(2000, "other"), (30, "unit:millimetre")]


def test_numbers_vague_magnitude_of_a_unit_is_measured_in_it(parse):
    found = parse("Refugees walked hundreds of kilometres while thousands of people waited.")._.figures
    assert [(f.low, f.high, f.counts) for f in found] == [(200, 999, "unit:kilometre"), (2000, 9999, "people")]


def test_numbers_taking_part_is_no_capture_and_a_bare_headcount_counts_the_troops_before_it(parse):
    found = parse("Some 600 Chilean troops are based in Haiti, while about 2,000 have taken part in drills.")._.figures
    assert [(f.value, f.counts) for f in found] == [(600, "troops"), (2000, "troops")]
    found = parse("Militia fighters took 14 hostages, and 9 were taken prisoner on Friday.")._.figures
    assert [f.counts for f in found if f.value == 9] == ["prisoners"]


def test_numbers_scores_is_a_magnitude_only_before_of(parse):
    found = parse("Pupils with top exam scores got places, and scores of teachers resigned.")._.figures
    assert [(f.low, f.high) for f in found] == [(40, 99)]


def test_numbers_one_with_a_unit_of_measure_is_a_figure(parse):
    found = figures(parse, "One tonne of maize rotted, and the river rose by one metre overnight.")
    assert [(v, c) for _, v, c in found] == [(1, "unit:metric ton"), (1, "unit:metre")]
    # "one" in a way of speaking or before a length of time stays out, as "one of" does
    for text in ("At one point the talks stalled.", "One day the ferry stopped running.",
                 "The mayor would not give one inch on the budget.", "One of the pumps failed."):
        assert figures(parse, text) == [], text


def test_numbers_adjectives_joined_before_the_noun_keep_the_count_on_it(parse):
    found = parse("The dealer sold 4.3M new and used cars and 300 new or second-hand vans.")._.figures
    assert [(f.value, f.unit) for f in found] == [(4_300_000, "car"), (300, "van")]
    # a length in words before its noun stays out, scale word and all
    assert parse("Some fear a hundred-year war.")._.figures == []
